import type { ColumnDef, FormDef, FormParams, RowSpec } from "./form-types";
import { GROUP, communesByDistrict, districtGroups, unitRows, ubnd } from "./skeleton";
import { cleanName, inlineName } from "../units/unit-names";

// Seed 004, "PHỤ LỤC II" with its signature block.
const count = (key: string, number: string, header: string, width = 13): ColumnDef => ({
  key,
  number,
  header,
  kind: "count",
  width,
});

const COLUMNS: ColumnDef[] = [
  { key: "stt", number: "1", header: "STT", kind: "rowNumber", width: 6 },
  {
    key: "unit",
    number: "2",
    header: "Tên đơn vị thực hiện cơ chế một cửa, một cửa liên thông",
    kind: "unitName",
    width: 32,
  },
  count("oneStop", "3", "Số TTHC đang thực hiện theo cơ chế một cửa"),
  count("linked", "4", "Số TTHC đang thực hiện cơ chế một cửa liên thông"),
  count("received", "5", "Tổng số hồ sơ đã nhận", 12),
  count("onTime", "6", "Tổng số hồ sơ giải quyết đúng hạn", 12),
  count("late", "7", "Tổng số hồ sơ giải quyết quá hạn", 12),
  { key: "note", number: "8", header: "Ghi chú", kind: "text", width: 18 },
];

const named = (name: string): string => cleanName(name);

/** What a reader of the results looks for first: the share of records resolved on time. */
const ON_TIME = { of: "onTime", to: "received", into: "note", label: "Tỷ lệ đúng hạn" };

/**
 * Seed 004 puts a "Tổng" under "I | Cấp huyện" only; a district's report also needs the
 * communes' total (seed 001 quotes it), so "II | Cấp xã" gets one too wherever it lists
 * more than one unit.
 */
function rows(p: FormParams): RowSpec[] {
  if (p.level === "xa") {
    return [
      { role: "section", number: "II", label: "Cấp xã" },
      { role: "unit", number: "1", label: named(p.unit.name), unit: p.unit, group: GROUP.commune },
    ];
  }
  const upper: RowSpec[] =
    p.level === "huyen"
      ? [
          { role: "section", number: "I", label: "Cấp huyện" },
          { role: "unit", number: "1", label: named(p.unit.name), unit: p.unit, group: GROUP.own },
          { role: "total", label: "Tổng", of: [GROUP.own], share: ON_TIME },
        ]
      : p.tiers === 2
        ? [
            { role: "section", number: "I", label: "Cấp tỉnh" },
            {
              role: "unit",
              number: "1",
              label: `Trung tâm Phục vụ hành chính công ${inlineName(p.unit.name)}`,
              unit: p.unit,
              group: GROUP.own,
            },
            { role: "total", label: "Tổng", of: [GROUP.own], share: ON_TIME },
          ]
        : [
            { role: "section", number: "I", label: "Cấp huyện" },
            ...unitRows(
              districtGroups(p).map((d) => d.district),
              (u) => named(u.name),
              GROUP.district,
              ["Huyện....."],
            ),
            { role: "total", label: "Tổng", of: [GROUP.district], share: ON_TIME },
          ];
  return [
    ...upper,
    { role: "section", number: "II", label: "Cấp xã" },
    ...communesByDistrict(p, (u) => named(u.name), ["Xã.....", ""]),
    { role: "total", label: "Tổng", of: [GROUP.commune], share: ON_TIME },
  ];
}

export const proceduresForm: FormDef = {
  id: "procedures",
  version: 1,
  appendixLabel: "PHỤ LỤC II",
  sheetName: "PLII Kết quả một cửa",
  shortName: "Kết quả thực hiện cơ chế một cửa (Phụ lục II)",
  title: () => [
    "KẾT QUẢ THỰC HIỆN CƠ CHẾ MỘT CỬA, CƠ CHẾ MỘT CỬA LIÊN THÔNG",
    "CỦA ỦY BAN NHÂN DÂN CẤP HUYỆN VÀ CẤP XÃ",
  ],
  subtitle: (p) => `(Kèm theo Báo cáo số      /BC-UBND ngày    /    /${p.year} của ${ubnd(p)})`,
  columns: () => COLUMNS,
  numberingRow: false,
  rows,
  footnotes: () => [],
  notes: () => [],
  rules: () => [
    {
      kind: "atMost",
      code: "procedures.resolved",
      whole: "received",
      parts: ["onTime", "late"],
      // Records still being processed make up the rest.
      basis: "Tổng số hồ sơ giải quyết đúng hạn + Tổng số hồ sơ giải quyết quá hạn ≤ Tổng số hồ sơ đã nhận",
    },
  ],
  signature: (p) => ({
    lines: [
      { text: `....., ngày      tháng      năm ${p.year}`, italic: true },
      { text: "THỦ TRƯỞNG ĐƠN VỊ", bold: true },
      { text: "(Ký tên, đóng dấu)", italic: true },
    ],
  }),
};
