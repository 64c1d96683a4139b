/**
 * Draws a SheetPlan on a worksheet through Office.js. Everything here only queues commands; the
 * caller owns the RequestContext and decides when to sync. The xlsx writer (src/files) draws the
 * same plan into a file, and both must look alike in Excel.
 */
import type { CellSheet, CellStyle, HorizontalAlign, PlanCell, PlanValidation, SheetPlan, ValidationRule } from "../domain/layout/sheet-plan";
import { columnLetter, parseRange, rangeAddress } from "../domain/layout/a1";

export type WrittenCell = string | number | null;

/** A rectangle of cells, 1-based and inclusive. */
export interface CellBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Everything queueSheetPlan writes cell by cell, computed once so that it can be sized and split. */
export interface PreparedSheet<P extends CellSheet = SheetPlan> {
  readonly plan: P;
  readonly rowCount: number;
  readonly columnCount: number;
  /** What `range.formulas` receives. */
  readonly formulas: WrittenCell[][];
  readonly numberFormats: (string | null)[][];
  /** The format most cells of each column share; it is applied to the whole column first. */
  readonly columnFormats: (CellStyle | undefined)[];
  /** `{}` where a cell has its column's format, the cell's whole format otherwise. */
  readonly cellProperties: Excel.SettableCellProperties[][];
  /** Rectangles whose every cell has thin borders on all four edges. */
  readonly borderBlocks: CellBlock[];
  /** Estimated request bytes of each row's formulas, number formats and cell properties. */
  readonly rowBytes: number[];
  /** Estimated request bytes of the per-call overhead of one band of rows. */
  readonly bandOverheadBytes: number;
  /** Estimated request bytes of queueSheetLayout. */
  readonly layoutBytes: number;
  /** Estimated request bytes of the whole plan in one batch. */
  readonly bytes: number;
}

/**
 * Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded). The estimates
 * below count JSON characters, so leave a margin for what Office.js wraps around each command.
 */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/**
 * Rough size of one queued command (object path, action type, ids) on top of its arguments.
 * Generous on purpose: it only decides where batches split.
 */
const COMMAND_BYTES = 300;

/** Maximum digit width, in pixels at 96 dpi, of the default Normal font (Calibri 11, also Aptos Narrow 11). */
const MAX_DIGIT_PX = 7;
const POINTS_PER_PIXEL = 0.75;
const POINTS_PER_INCH = 72;
/** Size of the page number printed at the top from page 2, as the xlsx writer prints it. */
const PAGE_NUMBER_SIZE = 13;

const ALIGN: Record<HorizontalAlign, "Left" | "Center" | "Right"> = { left: "Left", center: "Center", right: "Right" };
type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
const EDGES: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

/**
 * Office.js takes column widths in points; the plan gives them as the xlsx writer stores them, in
 * the `width` unit of the file format: characters of the Normal font's widest digit, padding
 * included. ECMA-376 (§18.3.1.13) turns that into pixels as
 * trunc(((256·w + trunc(128/mdw)) / 256) · mdw), and a pixel is 0.75 pt at 96 dpi. So Excel's
 * default column (file width 9.140625, shown as 8.43) is 64 px = 48 pt, the width Office.js
 * reports for an untouched column. A workbook whose Normal font has another digit width would
 * render the xlsx file differently too; both executors assume the default font.
 */
export function columnWidthPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_PX)) / 256) * MAX_DIGIT_PX);
  return px * POINTS_PER_PIXEL;
}

const LETTER_FIRST = /^\p{L}/u;
const BOOLEAN_WORD = /^(true|false)$/i;
const ENGLISH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s./,-]*\d/i;

/**
 * The string to write so that Excel stores `text` as that very text. Writing to `formulas` (or
 * `values`) is parsed like typing: "=…", "+…", "-…", "@…" become formulas (the notes' "- …" lines
 * would turn into #NAME?), "(1)" becomes -1, "1.000", "10%", "1/2" or "TRUE" become numbers, dates
 * or booleans, and which ones depends on the user's locale. A leading apostrophe makes Excel keep
 * the rest verbatim as text and show it without the apostrophe, whatever the locale and number
 * format. Formatting the cell "@" before writing would also keep text, but it would change the
 * cell's number format away from the plan's, and a later edit of a "@" cell stays text. Text that
 * starts with a letter (and is not a boolean or an English date) is already safe and is written
 * as it is, so the formula bar shows no apostrophe on ordinary labels.
 * @example textCell("(1)") // "'(1)"
 */
export function textCell(text: string): string {
  if (text === "") return text;
  const safe = LETTER_FIRST.test(text) && !BOOLEAN_WORD.test(text) && !ENGLISH_DATE.test(text);
  return safe ? text : `'${text}`;
}

/** What `range.formulas` receives for one plan cell: "=" before formulas, numbers as numbers, text kept text. */
export function writtenCell(cell: PlanCell | undefined): WrittenCell {
  if (!cell) return null;
  if (cell.formula) return `=${cell.formula}`;
  if (typeof cell.value === "string") return textCell(cell.value);
  return cell.value;
}

/** Request size of a JSON value, counting each non-ASCII character as a \uXXXX escape. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let extra = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) extra += 5;
  return text.length + extra;
}

const formatKey = (s: CellStyle): string => `${s.size}|${s.bold}|${s.italic}|${s.h}|${s.wrap}`;

function fullFormat(style: CellStyle, fontName: string): Excel.SettableCellProperties {
  return {
    format: {
      font: { name: fontName, size: style.size, bold: style.bold, italic: style.italic },
      horizontalAlignment: ALIGN[style.h],
      verticalAlignment: "Center",
      wrapText: style.wrap,
    },
  };
}

/** The style each column's cells most often have (ties go to the first seen). */
function columnFormatsOf(plan: CellSheet, columnCount: number): (CellStyle | undefined)[] {
  const result: (CellStyle | undefined)[] = [];
  for (let c = 0; c < columnCount; c++) {
    const counts = new Map<string, { style: CellStyle; n: number }>();
    for (const row of plan.cells) {
      const style = row[c] && plan.styles[row[c].style];
      if (!style) continue;
      const key = formatKey(style);
      const entry = counts.get(key) ?? { style, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
    let best: { style: CellStyle; n: number } | undefined;
    for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
    result.push(best?.style);
  }
  return result;
}

/**
 * Rectangles covering exactly the bordered cells: runs of bordered cells per row, stacked while
 * the next row has the same run. A form's table is then one or a few rectangles whatever its
 * length, instead of four border objects per cell in the request.
 */
export function borderBlocksOf(plan: CellSheet): CellBlock[] {
  const done: CellBlock[] = [];
  let open = new Map<string, CellBlock>();
  plan.cells.forEach((row, r) => {
    const next = new Map<string, CellBlock>();
    let c = 0;
    while (c < row.length) {
      if (!plan.styles[row[c].style]?.border) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && plan.styles[row[c].style]?.border) c++;
      const key = `${start}:${c}`;
      const block = open.get(key);
      if (block) {
        block.bottom = r + 1;
        open.delete(key);
        next.set(key, block);
      } else {
        next.set(key, { top: r + 1, left: start + 1, bottom: r + 1, right: c });
      }
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Every cell-level array of a plan (a form, or any sheet of cells), and how big a request it makes. */
export function prepareSheetPlan<P extends CellSheet>(plan: P): PreparedSheet<P> {
  const columnCount = Math.max(plan.columnWidths.length, ...plan.cells.map((row) => row.length));
  const rowCount = plan.cells.length;
  const columnFormats = columnFormatsOf(plan, columnCount);
  const baseKeys = columnFormats.map((s) => (s ? formatKey(s) : ""));
  const formulas: WrittenCell[][] = [];
  const numberFormats: (string | null)[][] = [];
  const cellProperties: Excel.SettableCellProperties[][] = [];
  const rowBytes: number[] = [];
  for (const row of plan.cells) {
    const f: WrittenCell[] = [];
    const n: (string | null)[] = [];
    const p: Excel.SettableCellProperties[] = [];
    for (let c = 0; c < columnCount; c++) {
      const cell = row[c];
      const style = cell && plan.styles[cell.style];
      f.push(writtenCell(cell));
      // null leaves a cell's number format untouched (General on a new sheet).
      n.push(style ? style.numberFormat : null);
      p.push(style && formatKey(style) !== baseKeys[c] ? fullFormat(style, plan.fontName) : {});
    }
    formulas.push(f);
    numberFormats.push(n);
    cellProperties.push(p);
    rowBytes.push(jsonBytes(f) + jsonBytes(n) + jsonBytes(p));
  }
  const borderBlocks = borderBlocksOf(plan);
  const bandCommands = 4 + columnCount * 8 + borderBlocks.length * 25 + plan.merges.length * 2;
  const bandOverheadBytes = bandCommands * COMMAND_BYTES + jsonBytes(plan.merges);
  const sizeRuns = runs(plan.columnWidths).length + runs(plan.rowHeights).length;
  const validations: PlanValidation[] = (plan as Partial<Pick<SheetPlan, "validations">>).validations ?? [];
  const layoutCommands = 2 * sizeRuns + 4 * validations.length + 20;
  const layoutBytes = layoutCommands * COMMAND_BYTES + jsonBytes(validations);
  const bytes = rowBytes.reduce((s, b) => s + b, 0) + bandOverheadBytes + layoutBytes;
  return {
    plan,
    rowCount,
    columnCount,
    formulas,
    numberFormats,
    cellProperties,
    columnFormats,
    borderBlocks,
    rowBytes,
    bandOverheadBytes,
    layoutBytes,
    bytes,
  };
}

/**
 * Consecutive row bands (0-based, inclusive) each small enough for one request of `budget`
 * bytes, the last one leaving room for the layout commands. A row larger than the budget on its
 * own still gets a band: nothing smaller can be written.
 */
export function rowBands(prepared: PreparedSheet<CellSheet>, budget: number): [number, number][] {
  const bands: [number, number][] = [];
  const room = budget - prepared.bandOverheadBytes - prepared.layoutBytes;
  let first = 0;
  let size = 0;
  prepared.rowBytes.forEach((bytes, r) => {
    if (r > first && size + bytes > room) {
      bands.push([first, r - 1]);
      first = r;
      size = 0;
    }
    size += bytes;
  });
  if (prepared.rowCount > 0) bands.push([first, prepared.rowCount - 1]);
  return bands;
}

function applyFormat(format: Excel.RangeFormat, style: CellStyle, fontName: string): void {
  format.font.name = fontName;
  format.font.size = style.size;
  format.font.bold = style.bold;
  format.font.italic = style.italic;
  format.horizontalAlignment = ALIGN[style.h];
  format.verticalAlignment = "Center";
  format.wrapText = style.wrap;
}

function applyThinBorders(range: Excel.Range, block: CellBlock): void {
  const edges: Edge[] = [...EDGES];
  if (block.bottom > block.top) edges.push("InsideHorizontal");
  if (block.right > block.left) edges.push("InsideVertical");
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
    border.color = "#000000";
  }
}

/**
 * Queues the cells of rows `first`..`last` (0-based, inclusive): values and formulas in one 2-D
 * assignment, then number formats, then formats, then the merges that end in these rows.
 * Merging comes last because the cells of a merged area share one style in every plan, and
 * merging over written cells never meets a write into a merged area.
 */
export function queuePlanRows(sheet: Excel.Worksheet, prepared: PreparedSheet<CellSheet>, first: number, last: number): void {
  const { plan, columnCount } = prepared;
  if (columnCount === 0 || first > last) return;
  const top = first + 1;
  const bottom = last + 1;
  const block = sheet.getRange(rangeAddress(top, 1, bottom, columnCount));
  block.formulas = prepared.formulas.slice(first, last + 1);
  block.numberFormat = prepared.numberFormats.slice(first, last + 1);
  prepared.columnFormats.forEach((style, c) => {
    if (style) applyFormat(sheet.getRange(rangeAddress(top, c + 1, bottom, c + 1)).format, style, plan.fontName);
  });
  for (const b of prepared.borderBlocks) {
    const clipped = { ...b, top: Math.max(b.top, top), bottom: Math.min(b.bottom, bottom) };
    if (clipped.top > clipped.bottom) continue;
    applyThinBorders(sheet.getRange(rangeAddress(clipped.top, clipped.left, clipped.bottom, clipped.right)), clipped);
  }
  block.setCellProperties(prepared.cellProperties.slice(first, last + 1));
  for (const merge of plan.merges) {
    const end = parseRange(merge)?.end.row ?? 0;
    if (end >= top && end <= bottom) sheet.getRange(merge).merge(false);
  }
}

/** Runs of equal consecutive values, skipping undefined: [[first, last, value], …] (0-based). */
function runs<T>(values: (T | undefined)[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  values.forEach((v, i) => {
    if (v === undefined) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  });
  return out;
}

function ruleOf(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case "list":
      // Office.js always splits a list source on commas, whatever the user's list separator.
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "wholeNumber":
      return { wholeNumber: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
    case "decimal":
      return { decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
    case "custom":
      return { custom: { formula: `=${rule.formula}` } };
  }
}

/**
 * One validation on its exact range. The rule goes first: setting `rule` after `prompt` on a
 * range has thrown InvalidArgument (office-js#2594). A new sheet has no validation to clear.
 */
export function queueValidation(sheet: Excel.Worksheet, v: PlanValidation): void {
  const dv = sheet.getRange(v.range).dataValidation;
  dv.rule = ruleOf(v.rule);
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
}

function queueFreeze(sheet: Excel.Worksheet, freeze: SheetPlan["freeze"]): void {
  const { rows, columns } = freeze;
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(rangeAddress(1, 1, rows, columns));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
}

function queuePrint(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const { print } = plan;
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  // zoom only takes a whole object; verticalFitToPages 0 means "as many pages tall as needed".
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 };
  layout.centerHorizontally = true;
  layout.topMargin = print.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
  layout.leftMargin = print.margins.left * POINTS_PER_INCH;
  layout.rightMargin = print.margins.right * POINTS_PER_INCH;
  layout.headerMargin = print.margins.header * POINTS_PER_INCH;
  layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
  const [first, last] = print.titleRows;
  layout.setPrintTitleRows(`$${first}:$${last}`);
  if (print.pageNumberHeader) {
    // Decree 30/2020 numbers pages from the second one, at the top centre.
    const hf = layout.headersFooters;
    hf.state = "FirstAndDefault";
    hf.firstPage.centerHeader = "";
    hf.defaultForAllPages.centerHeader = `&"${plan.fontName}"&${PAGE_NUMBER_SIZE}&P`;
  }
}

/** Queues column widths and row heights, one command per run of equal sizes. */
export function queueSizes(sheet: Excel.Worksheet, plan: CellSheet): void {
  for (const [a, z, width] of runs(plan.columnWidths)) {
    sheet.getRange(`${columnLetter(a + 1)}:${columnLetter(z + 1)}`).format.columnWidth = columnWidthPoints(width);
  }
  for (const [a, z, height] of runs(plan.rowHeights)) {
    sheet.getRange(`${a + 1}:${z + 1}`).format.rowHeight = height;
  }
}

/** Queues what is not cell by cell: column widths, row heights, validations, freeze panes, print setup. */
export function queueSheetLayout(sheet: Excel.Worksheet, plan: SheetPlan): void {
  queueSizes(sheet, plan);
  for (const v of plan.validations) queueValidation(sheet, v);
  queueFreeze(sheet, plan.freeze);
  queuePrint(sheet, plan);
}

/**
 * Queues (never syncs) everything that draws `plan` on an empty worksheet: values and formulas
 * in one 2-D assignment, number formats in one, cell formats in one setCellProperties call over
 * a per-column base format, borders per bordered rectangle, merges, column widths, row heights,
 * validations, freeze panes and print setup.
 *
 * Only the cells that differ from their column's usual format carry properties of their own, so
 * a 1,000-row table costs a few bytes per cell instead of a few hundred, and a whole province's
 * forms stay far below the 5 MB request cap of Excel on the web.
 * @example queueSheetPlan(context.workbook.worksheets.add(plan.name), plan); await context.sync();
 */
export function queueSheetPlan(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const prepared = prepareSheetPlan(plan);
  queuePlanRows(sheet, prepared, 0, prepared.rowCount - 1);
  queueSheetLayout(sheet, plan);
}
