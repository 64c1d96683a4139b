import type { SheetGrid } from "../grid/sheet-grid";
import { cellAt, cellText } from "../grid/sheet-grid";
import type { SheetLayout } from "./recognise";

/**
 * - unit: a unit's figures (Arabic STT, or a shop named in a Roman section row as in Phụ lục 1–2)
 * - section: a heading (I, II, CẤP TỈNH, a district's name)
 * - total: "Tổng", "Tổng cộng", or investment's "Số tiền đầu tư của … cấp xã:" line
 */
export type BodyRole = "unit" | "section" | "total";

export interface BodyRow {
  row: number;
  role: BodyRole;
  number: string;
  label: string;
  /** For a total row: which rows it adds up, by the caption it carries. */
  scope?: "section" | "upper" | "commune";
}

const ROMAN = /^[IVXLC]+$/;
/** A Roman-numbered row that names a shop holds that shop's figures (seed 002's row I). */
const SHOP_LABEL = /^(bpmc|bộ phận một cửa|trung tâm phục vụ)(?! cấp )/i;
const FOOTER = /^(giải thích|¹|²|\(1\) |\.{3,}|thủ trưởng|người lập|ghi chú:)/i;
const PLACEHOLDER = /\.{3,}|…/;

/** True for the seed's "one row per unit" placeholders ("BPMC xã....", "Xã.....") left unfilled. */
export function isPlaceholderLabel(label: string): boolean {
  return PLACEHOLDER.test(label);
}

function totalScope(texts: string[]): BodyRow["scope"] | undefined {
  const joined = texts.join(" ").toLocaleLowerCase("vi");
  if (/số tiền đầu tư của bộ phận một cửa cấp xã/.test(joined)) return "commune";
  if (/số tiền đầu tư của bộ phận một cửa cấp (huyện|tỉnh)/.test(joined)) return "upper";
  if (/^tổng/.test(texts[1] ?? "") || /^tổng/.test(texts[0] ?? "")) return "section";
  return undefined;
}

/**
 * The rows of the table under the header, each with its role, up to the notes or signature
 * under it. Blank rows are left out.
 */
export function bodyRows(grid: SheetGrid, layout: SheetLayout): BodyRow[] {
  const sttCol = layout.columnAt[0] ?? 1;
  const labelCol = layout.columnAt[1] ?? 2;
  const rows: BodyRow[] = [];
  let blanks = 0;
  for (let r = layout.bodyFirst; r <= grid.cells.length; r++) {
    const number = cellText(cellAt(grid, r, sttCol));
    const label = cellText(cellAt(grid, r, labelCol));
    const first3 = [1, 2, 3].map((c) => cellText(cellAt(grid, r, c)).toLocaleLowerCase("vi"));
    if (FOOTER.test(first3[0]) || (!number && FOOTER.test(label))) break;
    const empty = (grid.cells[r - 1] ?? []).every((c) => cellText(c) === "");
    if (empty) {
      // Two blank rows end the table; one may separate sections.
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    const scope = totalScope(first3);
    if (scope) rows.push({ row: r, role: "total", number, label, scope });
    else if (/^\d+$/.test(number)) rows.push({ row: r, role: "unit", number, label });
    else if (ROMAN.test(number)) rows.push({ row: r, role: SHOP_LABEL.test(label) ? "unit" : "section", number, label });
    else rows.push({ row: r, role: number === "" && label !== "" && hasFigures(grid, r, layout) ? "unit" : "section", number, label });
  }
  return rows;
}

/** True when any input column of the row holds something. */
function hasFigures(grid: SheetGrid, row: number, layout: SheetLayout): boolean {
  return layout.columns.some((c, i) => {
    const col = layout.columnAt[i];
    return col !== undefined && c.kind !== "rowNumber" && c.kind !== "unitName" && c.kind !== "text" && cellText(cellAt(grid, row, col)) !== "";
  });
}
