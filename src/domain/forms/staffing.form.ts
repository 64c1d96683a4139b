import type { ColumnDef, FormDef, FormParams, RowSpec } from "./form-types";
import { GROUP, directCommunes, districtGroups, toRoman as romanOf, unitRows, ubnd } from "./skeleton";
import { inlineName } from "../units/unit-names";

// Seed 000 (blank, all levels) and seed 001 (filled by thị xã Việt Yên).
const GROUP_HEADER = "Số lượng công chức, viên chức làm việc tại BPMC";

const COLUMNS: ColumnDef[] = [
  { key: "stt", number: "1", header: "STT", aliases: ["TT"], kind: "rowNumber", width: 6 },
  { key: "unit", number: "2", header: "Bộ phận Một cửa", aliases: ["Đơn vị"], kind: "unitName", width: 40 },
  { key: "total", number: "3", header: "Tổng số", group: GROUP_HEADER, kind: "count", width: 11 },
  {
    key: "payroll",
    number: "4",
    header: "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa",
    group: GROUP_HEADER,
    kind: "count",
    width: 20,
  },
  {
    key: "seconded",
    number: "5",
    header: "Công chức, viên chức do các cơ quan chuyên môn được cử đến",
    group: GROUP_HEADER,
    kind: "count",
    width: 22,
  },
  { key: "note", number: "6", header: "Ghi chú", kind: "text", width: 30 },
];

const shop = (name: string): string => `Bộ phận Một cửa ${inlineName(name)}`;
const COMMUNE_PLACEHOLDERS = ["Bộ phận Một cửa xã ...", "Bộ phận Một cửa xã ..."];

function provinceOwnRows(): RowSpec[] {
  return [
    { role: "section", number: "", label: "CẤP TỈNH" },
    { role: "placeholder", number: "1", label: "Trung tâm Phục vụ hành chính công", group: GROUP.province },
    { role: "placeholder", number: "2", label: "Bộ phận Một cửa của Sở ... (nếu có)", group: GROUP.province },
  ];
}

function rows(p: FormParams): RowSpec[] {
  if (p.level === "xa") {
    return [{ role: "unit", number: "1", label: shop(p.unit.name), unit: p.unit, group: GROUP.own }];
  }
  if (p.level === "huyen") {
    // The district's own shop first, then its communes: the same order as the district's block
    // in the provincial table (seed 000), so a district sheet drops straight into it.
    return [
      { role: "unit", number: "1", label: shop(p.unit.name), unit: p.unit, group: GROUP.own },
      ...unitRows(directCommunes(p), (u) => shop(u.name), GROUP.commune, COMMUNE_PLACEHOLDERS, 2),
    ];
  }
  if (p.tiers === 2) {
    return [
      ...provinceOwnRows(),
      { role: "section", number: "", label: "CẤP XÃ" },
      ...unitRows(directCommunes(p), (u) => shop(u.name), GROUP.commune, COMMUNE_PLACEHOLDERS),
    ];
  }
  const districts = districtGroups(p);
  const body: RowSpec[] = [...provinceOwnRows(), { role: "section", number: "", label: "CẤP HUYỆN, CẤP XÃ" }];
  if (districts.length === 0) {
    body.push(
      { role: "section", number: "I", label: "Huyện ..." },
      { role: "placeholder", number: "1", label: "Bộ phận Một cửa cấp huyện", group: GROUP.district },
      ...unitRows([], (u) => shop(u.name), GROUP.commune, COMMUNE_PLACEHOLDERS, 2),
    );
  }
  districts.forEach((d, i) => {
    body.push(
      { role: "section", number: romanOf(i + 1), label: d.district.name },
      { role: "unit", number: "1", label: "Bộ phận Một cửa cấp huyện", unit: d.district, group: GROUP.district },
      // Seed 000 numbers Huyện C's rows 1, 1, 2: a typo; the communes follow the district's row.
      ...unitRows(d.communes, (u) => shop(u.name), GROUP.commune, COMMUNE_PLACEHOLDERS, 2),
    );
  });
  return body;
}

export const staffingForm: FormDef = {
  id: "staffing",
  version: 1,
  appendixLabel: "PHỤ LỤC",
  sheetName: "PL Nhân sự Một cửa",
  shortName: "Nhân sự Bộ phận Một cửa",
  title: () => ["Tổng số cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa các cấp"],
  subtitle: (p) =>
    `(Kèm theo Báo cáo số:        /BC-… ngày         tháng      năm ${p.year} của ${ubnd(p)})`,
  columns: () => COLUMNS,
  numberingRow: false,
  rows,
  footnotes: () => [],
  notes: () => [],
  rules: () => [
    {
      kind: "sum",
      code: "staffing.total",
      whole: "total",
      parts: ["payroll", "seconded"],
      // Seed 001, the town's own row: 12 = 02 + 10.
      basis: "Tổng số = Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa + Công chức, viên chức do các cơ quan chuyên môn được cử đến",
    },
  ],
};
