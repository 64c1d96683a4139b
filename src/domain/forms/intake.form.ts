import type { ColumnDef, FormDef, FormParams, RowSpec } from "./form-types";
import { GROUP, attachedToReport, communesByDistrict, districtGroups, unitRows, ubnd } from "./skeleton";
import { cleanName, inlineName } from "../units/unit-names";

// Seed 000, outline item 1.b (figures per level, split by channel), with seed 001's wording of
// the split ("số mới tiếp nhận trong kỳ", "từ kỳ trước chuyển qua", "trực tuyến", "trực tiếp",
// "qua dịch vụ bưu chính"). No seed prints this table; its layout follows the other appendices.
const G_TTHC = "Thủ tục hành chính (TTHC)";
const G_RECORDS = "Hồ sơ TTHC đã tiếp nhận";

const count = (key: string, number: string, header: string, group: string, width = 12): ColumnDef => ({
  key,
  number,
  header,
  group,
  kind: "count",
  width,
});

const NOTES = [
  "(3): Tổng số thủ tục hành chính đang thực hiện tiếp nhận tại địa phương.",
  "(4): Thủ tục hành chính được thực hiện theo phương thức tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính không phụ thuộc vào địa giới hành chính (phi địa giới hành chính).",
  "(5): Thủ tục hành chính đủ điều kiện, được thực hiện cung cấp dịch vụ công trực tuyến; (6) = (5) / (3).",
  "(7) = (8) + (9); (9) = (10) + (11) + (12).",
];

const COLUMNS: ColumnDef[] = [
  { key: "stt", number: "1", header: "STT", kind: "rowNumber", width: 6 },
  { key: "unit", number: "2", header: "Đơn vị", kind: "unitName", width: 28 },
  count("tthcTotal", "3", "Tổng số TTHC đang thực hiện tiếp nhận", G_TTHC),
  count("tthcBorderless", "4", "TTHC phi địa giới hành chính", G_TTHC),
  count("tthcOnline", "5", "TTHC được cung cấp dịch vụ công trực tuyến", G_TTHC),
  {
    key: "onlineRate",
    number: "6",
    header: "Tỷ lệ cung cấp dịch vụ công trực tuyến",
    group: G_TTHC,
    kind: "rate",
    width: 12,
    ratio: { of: "tthcOnline", to: "tthcTotal" },
  },
  count("recTotal", "7", "Tổng số", G_RECORDS, 11),
  count("recCarried", "8", "Từ kỳ trước chuyển qua", G_RECORDS, 11),
  count("recNew", "9", "Mới tiếp nhận trong kỳ", G_RECORDS, 11),
  count("recOnline", "10", "Trực tuyến", G_RECORDS, 11),
  count("recInPerson", "11", "Trực tiếp", G_RECORDS, 11),
  count("recPost", "12", "Qua dịch vụ bưu chính", G_RECORDS, 11),
  { key: "note", number: "13", header: "Ghi chú", kind: "text", width: 14 },
];

const named = (u: { name: string }): string => cleanName(u.name);

function rows(p: FormParams): RowSpec[] {
  if (p.level === "xa") {
    return [
      { role: "section", number: "I", label: "Cấp xã" },
      { role: "unit", number: "1", label: named(p.unit), unit: p.unit, group: GROUP.commune },
    ];
  }
  const communes: RowSpec[] = [
    ...communesByDistrict(p, named, ["Xã.....", ""]),
    { role: "total", label: "Tổng cấp xã", of: [GROUP.commune] },
  ];
  if (p.level === "huyen") {
    return [
      { role: "section", number: "I", label: "Cấp huyện" },
      { role: "unit", number: "1", label: named(p.unit), unit: p.unit, group: GROUP.own },
      { role: "section", number: "II", label: "Cấp xã" },
      ...communes,
    ];
  }
  const province: RowSpec[] = [
    { role: "section", number: "I", label: "Cấp tỉnh" },
    {
      role: "unit",
      number: "1",
      label: `Trung tâm Phục vụ hành chính công ${inlineName(p.unit.name)}`,
      unit: p.unit,
      group: GROUP.own,
    },
  ];
  if (p.tiers === 2) {
    return [...province, { role: "section", number: "II", label: "Cấp xã" }, ...communes];
  }
  return [
    ...province,
    { role: "section", number: "II", label: "Cấp huyện" },
    ...unitRows(districtGroups(p).map((d) => d.district), named, GROUP.district, ["Huyện....."]),
    { role: "total", label: "Tổng cấp huyện", of: [GROUP.district] },
    { role: "section", number: "III", label: "Cấp xã" },
    ...communes,
  ];
}

export const intakeForm: FormDef = {
  id: "intake",
  version: 1,
  appendixLabel: "PHỤ LỤC",
  sheetName: "PL Tiếp nhận hồ sơ",
  shortName: "Tiếp nhận, giải quyết TTHC",
  title: (p) => [
    `THỐNG KÊ KẾT QUẢ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH ${cleanName(p.period).toLocaleUpperCase("vi")}`.trim(),
  ],
  subtitle: (p) => attachedToReport(p, ubnd(p)),
  columns: () => COLUMNS,
  numberingRow: true,
  rows,
  footnotes: () => [],
  notes: () => NOTES,
  rules: () => [
    { kind: "sum", code: "intake.total", whole: "recTotal", parts: ["recCarried", "recNew"], basis: NOTES[3] },
    { kind: "sum", code: "intake.new", whole: "recNew", parts: ["recOnline", "recInPerson", "recPost"], basis: NOTES[3] },
    { kind: "atMost", code: "intake.borderless", whole: "tthcTotal", parts: ["tthcBorderless"], basis: NOTES[1] },
    { kind: "atMost", code: "intake.online", whole: "tthcTotal", parts: ["tthcOnline"], basis: NOTES[2] },
  ],
};
