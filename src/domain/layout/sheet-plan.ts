import type { FormStamp } from "../stamp/form-stamp";

export type HorizontalAlign = "left" | "center" | "right";

/** One cell format. Plans intern formats in a table so executors can batch by them. */
export interface CellStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  h: HorizontalAlign;
  wrap: boolean;
  border: boolean;
  /** Excel number format code in en-US syntax ("General", "@", "#,##0", "0.00%"). */
  numberFormat: string;
}

export type PlanValue = string | number | null;

export interface PlanCell {
  value: PlanValue;
  /**
   * An en-US formula without its leading "=" ("SUM(C8:C24)"). `value` then holds nothing, or
   * the formula's result when the plan was made, which a file stores so that a viewer that does
   * not recalculate still shows it.
   */
  formula?: string;
  /** Key into `SheetPlan.styles`. */
  style: string;
}

export type ValidationRule =
  | { type: "list"; values: string[] }
  | { type: "wholeNumber"; min: number }
  | { type: "decimal"; min: number }
  /** A formula relative to the top-left cell of the range, true when the entry is valid. */
  | { type: "custom"; formula: string };

export interface PlanValidation {
  /** "D8:J24". */
  range: string;
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface PrintSetup {
  orientation: "landscape";
  paper: "A4";
  fitToWidth: 1;
  /** First and last header row (1-based), repeated on every printed page. */
  titleRows: [number, number];
  /** Margins in inches, as both Excel and the xlsx format store them. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Page number centred at the top from page 2 (Decree 30/2020). */
  pageNumberHeader: boolean;
}

/**
 * The cells of a sheet and how they look: what every sheet the product draws has, a form or
 * the summary's overview. Rows and columns are 1-based in addresses; `cells[r][c]` is row r+1,
 * column c+1.
 */
export interface CellSheet {
  name: string;
  fontName: string;
  columnWidths: number[];
  /** Row height in points, or undefined for the default. */
  rowHeights: (number | undefined)[];
  cells: PlanCell[][];
  merges: string[];
  styles: Record<string, CellStyle>;
}

/**
 * Everything needed to draw one form sheet. Produced by the domain only and executed alike by
 * the Office.js adapter and the xlsx writer, so what Excel shows and what the CLI writes agree.
 */
export interface SheetPlan extends CellSheet {
  validations: PlanValidation[];
  freeze: { rows: number; columns: number };
  print: PrintSetup;
  stamp: FormStamp;
  /** The rows that hold a named unit's figures, for filling and for reading back. */
  unitRows: { row: number; unit: { name: string; code?: string }; group: string }[];
}
