import { memoized } from "../memo";
import type { FormStamp } from "../stamp/form-stamp";

export type GridValue = string | number | boolean | null;

/** One cell as a reader found it, whatever program wrote the file. */
export interface GridCell {
  /** The typed value: text, number, boolean; null for an empty cell or an error. */
  v: GridValue;
  /** The formula without its "=", where the cell has one. */
  f?: string;
  /** An error value such as "#REF!" or "#VALUE!". */
  error?: string;
  /** The cell holds a date (v is then its text, as displayed). */
  date?: boolean;
  /** The cell holds formatted (rich) text; v is its plain text. */
  rich?: boolean;
}

/** What was read from one sheet: cells from A1 (cells[r][c] is row r+1, column c+1) and merges. */
export interface SheetGrid {
  name: string;
  cells: (GridCell | undefined)[][];
  merges: string[];
  hidden: boolean;
}

/** Every sheet of a workbook, and the stamps its stamp sheet holds, by the sheet they name. */
export interface WorkbookGrid {
  sheets: SheetGrid[];
  stamps: Map<string, FormStamp>;
}

/** The cell at 1-based (row, col), or undefined. */
export function cellAt(grid: SheetGrid, row: number, col: number): GridCell | undefined {
  return grid.cells[row - 1]?.[col - 1];
}

/** The cell's content as the eye reads it: NFC text, outer spaces trimmed, inner runs folded. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  if (cell.v === null || cell.v === undefined) return "";
  if (typeof cell.v !== "string") return String(cell.v);
  return cleanText(cell.v);
}

/** Clean texts by their raw form: the same labels and headers recur in every file of a batch. */
const cleanText = memoized((raw: string): string => raw.normalize("NFC").replace(/\s+/g, " ").trim());
