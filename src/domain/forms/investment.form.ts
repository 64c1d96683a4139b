import type { ColumnDef, FormDef, FormParams, RowRule, RowSpec } from "./form-types";
import { GROUP, attachedToReport, ubnd } from "./skeleton";
import { districtLevelGroup, districtShapedRows } from "./district-skeleton";

// Seed 002, "Phụ lục 2" with its GIẢI THÍCH BIỂU MẪU and two footnotes.
/** Decree 61/2018 took effect in 2018: the year columns start there. */
export const FIRST_YEAR = 2018;

const G_OWN_PLACE = "Đã bố trí riêng nơi làm việc của Bộ phận Một cửa";
const G_YEAR = "Năm thực hiện";
const G_MONEY = "Số tiền đầu tư (Đơn vị tính: đồng)";
const NOTE_UNIT =
  "(2): Tên Bộ phận Một cửa cấp huyện và tên Bộ phận Một cửa của tất cả các xã, phường, thị trấn trên địa bàn huyện/thị xã/thành phố.";

export function yearsOf(p: FormParams): number[] {
  const last = Math.max(FIRST_YEAR, p.year);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
}

/**
 * The seed's notes name columns (3)…(9) and (10), (11) for a 2021 report; a later report has
 * more year columns, so the numbers are those of the columns actually drawn.
 */
function notes(p: FormParams): { marks: string; money: string } {
  const lastMark = 5 + yearsOf(p).length;
  const markList = Array.from({ length: lastMark - 2 }, (_, i) => `(${i + 3})`).join(", ");
  return {
    marks: `${markList}: Đánh dấu "X" vào ô tương ứng.`,
    money:
      `(${lastMark + 1}), (${lastMark + 2}): Ghi cụ thể số tiền đầu tư cho Bộ phận Một cửa cấp huyện, Bộ phận Một cửa của từng địa phương cấp xã. ` +
      "Trên cơ sở đó, tính tổng số tiền đầu tư cho Bộ phận Một cửa cấp huyện và tổng số tiền đầu tư cho Bộ phận Một cửa cấp xã ở nội dung “Tổng cộng” vào các ô tương ứng./.",
  };
}

function columns(p: FormParams): ColumnDef[] {
  const { marks, money } = notes(p);
  const years = yearsOf(p);
  const yearColumns = years.map((y, i): ColumnDef => {
    const marksAfter = [i === 0 ? "¹" : "", i === years.length - 1 ? "²" : ""].join("");
    return {
      key: `y${y}`,
      number: String(6 + i),
      header: String(y),
      group: G_YEAR,
      kind: "mark",
      width: 7,
      note: marks,
      ...(marksAfter ? { footnoteMark: marksAfter } : {}),
    };
  });
  const n = 6 + years.length;
  return [
    { key: "stt", number: "1", header: "STT", kind: "rowNumber", width: 6 },
    { key: "unit", number: "2", header: "Bộ phận Một cửa (BPMC)", kind: "unitName", width: 28, note: NOTE_UNIT },
    {
      key: "shared",
      number: "3",
      header: "Còn bố trí chung Bộ phận Một cửa làm việc chung với Bộ phận chuyên môn khác",
      kind: "mark",
      width: 16,
      note: marks,
    },
    { key: "newBuild", number: "4", header: "Đầu tư xây dựng mới", group: G_OWN_PLACE, kind: "mark", width: 11, note: marks },
    { key: "renovate", number: "5", header: "Đầu tư cải tạo lại", group: G_OWN_PLACE, kind: "mark", width: 11, note: marks },
    ...yearColumns,
    {
      key: "equipment",
      number: String(n),
      header: "Đối với trang thiết bị máy móc phục vụ làm việc",
      group: G_MONEY,
      kind: "money",
      width: 17,
      note: money,
    },
    { key: "building", number: String(n + 1), header: "Đối với trụ sở, cơ sở vật chất", group: G_MONEY, kind: "money", width: 17, note: money },
    { key: "note", number: String(n + 2), header: "Ghi chú", kind: "text", width: 16 },
  ];
}

function rows(p: FormParams): RowSpec[] {
  const body = districtShapedRows(p);
  if (p.level === "xa") return body;
  const upper = p.level === "tinh" && p.tiers === 2 ? "cấp tỉnh" : "cấp huyện";
  return [
    ...body,
    {
      role: "total",
      label: "Tổng cộng",
      caption: `Số tiền đầu tư của Bộ phận Một cửa ${upper}:`,
      of: [districtLevelGroup(p)],
      columns: ["equipment", "building"],
      mergeLabelDown: true,
    },
    {
      role: "total",
      label: "",
      caption: "Số tiền đầu tư của Bộ phận Một cửa cấp xã:",
      of: [GROUP.commune],
      columns: ["equipment", "building"],
    },
  ];
}

export const investmentForm: FormDef = {
  id: "investment",
  version: 1,
  appendixLabel: "Phụ lục 2",
  sheetName: "PL2 Đầu tư xây dựng",
  shortName: "Đầu tư xây dựng (Phụ lục 2)",
  title: () => ["KẾT QUẢ ĐẦU TƯ XÂY DỰNG BỘ PHẬN MỘT CỬA CẤP HUYỆN, CẤP XÃ"],
  subtitle: (p) => attachedToReport(p, ubnd(p)),
  columns,
  numberingRow: true,
  rows,
  footnotes: () => [
    "¹ Tính từ thời điểm bắt đầu triển khai Nghị định số 61/2018/NĐ-CP./.",
    "² Tính cho đến thời điểm thực hiện báo cáo.",
  ],
  notes: investmentNotes,
  rules: investmentRules,
};

/**
 * What the notes imply (forms.md): a unit still sharing its workspace (3) has no place of its
 * own, so (3) excludes (4) and (5); a unit with its own place marks (4) or (5); a year is marked
 * only when something was built, renovated or paid for; an amount comes with a year.
 */
function investmentRules(p: FormParams): RowRule[] {
  const years = yearsOf(p).map((y) => `y${y}`);
  const { marks, money } = notes(p);
  return [
    { kind: "excludes", code: "investment.shared-and-own", when: { marked: ["shared"] }, not: { marked: ["newBuild", "renovate"] }, basis: marks },
    { kind: "oneOf", code: "investment.place-unmarked", marked: ["shared", "newBuild", "renovate"], basis: marks },
    {
      kind: "implies",
      code: "investment.year-without-work",
      when: { marked: years },
      then: { any: [{ marked: ["newBuild", "renovate"] }, { positive: ["equipment", "building"] }] },
      basis: money,
    },
    { kind: "implies", code: "investment.money-without-year", when: { positive: ["equipment", "building"] }, then: { marked: years }, basis: money },
  ];
}

/** The notes as printed for these parameters (the column numbers follow the year columns). */
function investmentNotes(p: FormParams): string[] {
  const { marks, money } = notes(p);
  return [NOTE_UNIT, marks, money];
}
