import type { GridCell, SheetGrid } from "../domain/grid/sheet-grid";
import { parseRange } from "../domain/layout/a1";
import { decodeStamp } from "../domain/stamp/form-stamp";
import type { FormStamp } from "../domain/stamp/form-stamp";

/**
 * Rows per read block. The Office docs advise reading large ranges in blocks of 5k–20k rows;
 * a form sheet is rarely wider than 20 columns, so a block stays far below the 5,000,000-cell
 * read cap and below the time a single read may take.
 */
export const CHUNK_ROWS = 5000;

/**
 * Largest estimated response of one sync. Excel on the web refuses a response over 5 MB, and
 * every block queued before a sync comes back in that one response: blocks only bound the size
 * of each range, so the blocks of one sync are kept under this budget together.
 */
export const READ_BUDGET_BYTES = 4_000_000;

/**
 * Estimated response bytes per cell for `values` plus `numberFormat`: a small number or an empty
 * string and a short format ("#,##0", "General") take about 14 bytes; Vietnamese names, sent as
 * \uXXXX escapes, raise the average. 10,000 rows of a 16-column form fit in one response.
 */
export const BYTES_PER_CELL = 20;

/** Columns read at most: forms have fewer than 20; a stray value far to the right must not make the read huge. */
export const MAX_READ_COLUMNS = 64;

/** Rows read at most: a whole country has about 10,600 communes; anything longer is cut, and said so. */
export const MAX_READ_ROWS = 50_000;

/** Rows and columns of the header probe: form headers sit within the first 25 rows. */
export const PROBE_ROWS = 30;
export const PROBE_COLUMNS = MAX_READ_COLUMNS;

/** A block of cells by 0-based row and column, as Range.rowIndex and columnIndex give them. */
export interface CellBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What the used range reports about itself once its position properties are loaded. */
export interface UsedShape {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** The part of a used range that is read: cut to MAX_READ_ROWS rows and MAX_READ_COLUMNS columns. */
export function readBox(used: UsedShape, maxRows = MAX_READ_ROWS, maxCols = MAX_READ_COLUMNS): { box: CellBox; truncated: boolean } {
  const cols = Math.max(0, Math.min(used.columnCount, maxCols - used.columnIndex));
  const rows = Math.max(0, Math.min(used.rowCount, maxRows - used.rowIndex));
  const truncated = rows < used.rowCount || cols < used.columnCount;
  return { box: { row: used.rowIndex, col: used.columnIndex, rows, cols }, truncated };
}

/** The box cut into blocks of at most `chunkRows` rows, top to bottom. */
export function rowChunks(box: CellBox, chunkRows = CHUNK_ROWS): CellBox[] {
  const chunks: CellBox[] = [];
  if (box.cols <= 0) return chunks;
  for (let offset = 0; offset < box.rows; offset += chunkRows) {
    chunks.push({ row: box.row + offset, col: box.col, rows: Math.min(chunkRows, box.rows - offset), cols: box.cols });
  }
  return chunks;
}

/**
 * Blocks grouped into syncs whose estimated responses stay under the budget, in order. One group
 * for any ordinary workbook; a group never holds less than one block.
 */
export function syncGroups<T extends { box: CellBox }>(items: T[], budget = READ_BUDGET_BYTES, bytesPerCell = BYTES_PER_CELL): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = item.box.rows * item.box.cols * bytesPerCell;
    if (current.length > 0 && bytes + size > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * A number format that shows a date or a time: it uses d, m, y, h or s outside quoted text,
 * escapes and bracketed colours or locales ("[$-42A]dd/mm/yyyy" is a date, "#,##0 \"máy\"" is not).
 * Only the first section counts; it is the one positive numbers use.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "") return false;
  const first = format.split(";")[0];
  const bare = first
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare);
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * A date serial as a Vietnamese reader writes it: "05/01/2025", with the time when the format
 * shows one. The 1900 date system (Windows default) is assumed.
 */
export function dateText(serial: number, format: string): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const first = format.split(";")[0].replace(/"[^"]*"/g, "");
  const hasTime = /[hs]/i.test(first);
  const hasDate = /[dy]/i.test(first) || (/m/i.test(first) && !hasTime);
  if (!hasDate) return time;
  return hasTime ? `${date} ${time}` : date;
}

/** One cell as read through Office.js: its value, its number format, and whether it is an error. */
export function gridCellOf(value: unknown, numberFormat: unknown, isError: boolean): GridCell | undefined {
  if (isError) return { v: null, error: typeof value === "string" && value !== "" ? value : "#ERROR!" };
  if (value === "" || value === null || value === undefined) return undefined;
  if (typeof value === "number") {
    return isDateFormat(numberFormat) ? { v: dateText(value, String(numberFormat)), date: true } : { v: value };
  }
  if (typeof value === "boolean") return { v: value };
  return { v: String(value) };
}

/** "'PL1 Cơ sở vật chất'!C7:L7" → "C7:L7": the addresses of a RangeAreas' areas, without sheet names. */
export function localAddresses(addresses: readonly unknown[]): string[] {
  return addresses.flatMap((a) => {
    if (typeof a !== "string" || a === "") return [];
    return a
      .slice(a.lastIndexOf("!") + 1)
      .replace(/\$/g, "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  });
}

/** A cell key for sets of cells: 1-based row and column. */
export const cellKey = (row: number, col: number): number => row * 16_384 + col;

/** The cells of the given areas that fall inside the box (1-based keys). */
export function cellsIn(addresses: string[], box: CellBox): Set<number> {
  const cells = new Set<number>();
  const top = box.row + 1;
  const left = box.col + 1;
  const bottom = box.row + box.rows;
  const right = box.col + box.cols;
  for (const address of addresses) {
    const r = parseRange(address);
    if (!r) continue;
    for (let row = Math.max(r.start.row, top); row <= Math.min(r.end.row, bottom); row++) {
      for (let col = Math.max(r.start.col, left); col <= Math.min(r.end.col, right); col++) cells.add(cellKey(row, col));
    }
  }
  return cells;
}

/** Values (and, where read, number formats) of one block. */
export interface BlockRead {
  box: CellBox;
  values: unknown[][];
  numberFormat?: unknown[][];
}

/** What was read of one sheet. */
export interface SheetRead {
  name: string;
  hidden: boolean;
  blocks: BlockRead[];
  /** Areas holding formulas, errors and merged cells, without the sheet name. */
  formulas: string[];
  errors: string[];
  merges: string[];
}

/** The sheet as a grid from A1, and which of its cells hold formulas (keys from cellKey). */
export interface ReadGrid {
  grid: SheetGrid;
  formulaCells: Set<number>;
}

/**
 * Builds the grid the domain validates from blocks read through Office.js. Cells are typed as the
 * file reader types them: errors carry their text, numbers in a date format become dates shown
 * as text, empty cells are left out. The formula text itself is not read (it would double the
 * response); which cells hold formulas is known from their areas.
 */
export function assembleGrid(read: SheetRead): ReadGrid {
  const cells: (GridCell | undefined)[][] = [];
  const bounds = read.blocks.reduce(
    (b, k) => ({
      row: Math.min(b.row, k.box.row),
      col: Math.min(b.col, k.box.col),
      bottom: Math.max(b.bottom, k.box.row + k.box.rows),
      right: Math.max(b.right, k.box.col + k.box.cols),
    }),
    { row: Infinity, col: Infinity, bottom: 0, right: 0 },
  );
  const whole: CellBox =
    read.blocks.length > 0 ? { row: bounds.row, col: bounds.col, rows: bounds.bottom - bounds.row, cols: bounds.right - bounds.col } : { row: 0, col: 0, rows: 0, cols: 0 };
  const errors = cellsIn(read.errors, whole);
  const formulaCells = cellsIn(read.formulas, whole);
  for (const block of read.blocks) {
    block.values.forEach((rowValues, i) => {
      const row = block.box.row + i;
      const line: (GridCell | undefined)[] = cells[row] ?? [];
      rowValues.forEach((value, j) => {
        const col = block.box.col + j;
        const cell = gridCellOf(value, block.numberFormat?.[i]?.[j], errors.has(cellKey(row + 1, col + 1)));
        if (cell) line[col] = cell;
      });
      cells[row] = line;
    });
  }
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return { grid: { name: read.name, cells, merges: read.merges, hidden: read.hidden }, formulaCells };
}

/** A grid of the header probe's values only, enough to recognise a form by its header. */
export function probeGrid(name: string, values: unknown[][]): SheetGrid {
  const cells = values.map((row) => row.map((v) => gridCellOf(v, undefined, false)));
  return { name, cells, merges: [], hidden: false };
}

/**
 * The stamps on the stamp sheet's used range: a sheet name in column A, its stamp as JSON in
 * column B. The header row and anything that is not a valid stamp are skipped.
 */
export function stampsFrom(values: unknown[][], columnIndex: number): Map<string, FormStamp> {
  const stamps = new Map<string, FormStamp>();
  if (columnIndex !== 0) return stamps;
  for (const row of values) {
    const decoded = decodeStamp(row?.[1]);
    if (decoded.ok && typeof row[0] === "string" && row[0] !== "") stamps.set(row[0], decoded.stamp);
  }
  return stamps;
}
