import type { Consolidation } from "../domain/consolidate";
import { columnLetter, rangeAddress } from "../domain/layout/a1";
import type { SheetPlan } from "../domain/layout/sheet-plan";
import { uniqueSheetName, withUniqueNames } from "../domain/layout/sheet-names";
import { vi } from "../domain/messages/vi";
import { decodeStamp, encodeStamp, STAMP_HEADER, STAMP_SHEET } from "../domain/stamp/form-stamp";
import { isOverviewMark, overviewMark } from "../domain/stamp/overview-mark";
import { buildOverview, OVERVIEW_SHEET } from "../domain/consolidate/overview-sheet";
import { overviewBytes, queueOverview } from "./write-overview";
// Type only: the file writer (exceljs) stays out of the task pane's bundle.
import type { FileLine } from "../files/summary-writer";
import {
  columnWidthPoints,
  jsonBytes,
  prepareSheetPlan,
  queuePlanRows,
  queueSheetLayout,
  REQUEST_BUDGET_BYTES,
  rowBands,
  textCell,
} from "./apply-sheet-plan";

/**
 * The lineage sheet's name, the same as the CLI's summary file uses (LINEAGE_SHEET in
 * src/files/summary-writer.ts, which a test keeps equal; importing it would bundle exceljs).
 */
export const LINEAGE_SHEET_NAME = "Nguồn dữ liệu";

/**
 * Where the workbook remembers which sheets the last summary wrote. A stamp alone cannot tell a
 * summary sheet from a district form the user inserted and filled in by hand (both are stamped
 * at district level), and the latter must never be deleted.
 */
export const SUMMARY_SETTING = "phuluc.summary";

export interface WriteSummaryOptions {
  /** Largest estimated request before a sync splits it; Excel on the web refuses requests over 5 MB. */
  requestBudgetBytes?: number;
}

export interface WriteSummaryResult {
  /** The overview, the summary's form sheets, then the lineage sheet, as named in the workbook. */
  sheets: string[];
  /** The overview sheet, first in the workbook, with its charts. */
  overview: string;
  /** Sheets of the earlier summary that were replaced. */
  removed: string[];
  /** Unit cells linked to their trace row. */
  links: number;
}

interface SummaryRecord {
  sheets: string[];
  lineage: string;
  /** Absent in a workbook summarised before the overview existed. */
  overview?: string;
}

const FONT = "Times New Roman";
const LINEAGE_WIDTHS = [8, 40, 26, 22, 22, 66, 18, 10, 40];
const LINEAGE_COLUMNS = LINEAGE_WIDTHS.length;
/** Rough size of one queued command on top of its arguments, as apply-sheet-plan counts it. */
const COMMAND_BYTES = 300;

type Cell = string | number;

/** What the lineage sheet holds, laid out as the CLI's summary file lays it out. */
export interface LineageLayout {
  rows: Cell[][];
  /** 1-based rows of the table titles and of the table headers. */
  titleRows: number[];
  headerRows: number[];
  /** Bordered rectangles: each table's header and body. */
  tables: { top: number; bottom: number; columns: number }[];
  /** 1-based lineage row of each summary row, by `${plan name}|${row}`. */
  traceRow: Map<string, number>;
}

const textOrBlank = (v: string | null | undefined): string => textCell(v ?? "");

/**
 * The lineage sheet's rows: the files read, every summary row's source (file, sheet, cells),
 * the conflicts and how each was settled, and the units still missing. Text from the input
 * files is written so that Excel keeps it as text, never as a formula.
 */
export function lineageLayout(result: Consolidation, lines: FileLine[], sheetName: (planName: string) => string): LineageLayout {
  const t = vi.summary;
  const out: LineageLayout = { rows: [], titleRows: [], headerRows: [], tables: [], traceRow: new Map() };
  const table = (title: string, header: readonly string[], body: Cell[][]): number => {
    out.rows.push([textCell(title)]);
    out.titleRows.push(out.rows.length);
    out.rows.push(header.map(textCell));
    const head = out.rows.length;
    out.headerRows.push(head);
    out.rows.push(...body);
    out.tables.push({ top: head, bottom: head + body.length, columns: header.length });
    out.rows.push([]);
    return head + 1;
  };
  table(
    t.filesTitle,
    t.filesHeader,
    lines.map((f, i) => [
      i + 1,
      textCell(f.file),
      textOrBlank(f.unit),
      textCell(f.forms.join(", ")),
      textOrBlank(f.modified),
      textCell(f.sha256),
      textCell(t.status[f.status]),
      f.errors,
      textOrBlank(f.error),
    ]),
  );
  const firstTrace = table(
    t.traceTitle,
    t.traceHeader,
    result.lineage.map((l) => [
      textCell(sheetName(l.sheet)),
      l.row,
      textCell(l.unit),
      textCell(l.form),
      textCell(l.file),
      textCell(l.sourceSheet),
      l.sourceRow,
      textCell(l.sourceCells),
    ]),
  );
  result.lineage.forEach((l, i) => out.traceRow.set(`${l.sheet}|${l.row}`, firstTrace + i));
  if (result.conflicts.length > 0) {
    table(
      t.conflictsTitle,
      t.conflictsHeader,
      result.conflicts.map((c) => [
        textCell(c.unit),
        textCell(c.form),
        textCell(c.files.map((f) => `${f.file}${f.modified ? ` (${f.modified})` : ""}`).join("; ")),
        textCell(c.differing.map((d) => `(${d.column}): ${d.values.join(" / ")}`).join("; ")),
        textCell(c.kept ?? t.notCounted),
      ]),
    );
  }
  if (result.units.missing.length > 0) table(t.missingTitle, [t.unitHeader], result.units.missing.map((m) => [textCell(m)]));
  out.rows = out.rows.map((r) => [...r, ...Array<Cell>(LINEAGE_COLUMNS - r.length).fill("")]);
  return out;
}

/** Queues, and syncs only when the next piece would push the request past the budget. */
class Batch {
  private queued = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  async room(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) {
      await this.context.sync();
      this.queued = 0;
    }
    this.queued += bytes;
  }
}

function readRecord(setting: Excel.Setting): SummaryRecord | undefined {
  if (setting.isNullObject) return undefined;
  const value: unknown = setting.value;
  if (typeof value !== "object" || value === null) return undefined;
  const { sheets, lineage, overview } = value as Record<string, unknown>;
  if (!Array.isArray(sheets) || typeof lineage !== "string") return undefined;
  return { sheets: sheets.filter((s): s is string => typeof s === "string"), lineage, ...(typeof overview === "string" ? { overview } : {}) };
}

const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

interface Earlier {
  /** Existing sheets of the earlier summary, by their exact current name. */
  sheets: string[];
  /** The stamp sheet's rows as read: [sheet, stamp]. */
  stampRows: unknown[][];
  /** Last row (1-based) the stamp sheet's used range reaches, 0 when it is empty or absent. */
  stampBottom: number;
}

/**
 * The earlier summary's sheets: those the workbook's record names and that still exist. A form
 * sheet also needs a stamp row at district or province level, the proof that the add-in drew it;
 * the overview needs its mark in the stamp sheet.
 */
function earlierSummary(existing: string[], record: SummaryRecord | undefined, stampUsed: Excel.Range, stampExists: boolean): Earlier {
  const used = stampExists && !stampUsed.isNullObject;
  const stampRows = used && stampUsed.columnIndex === 0 ? stampUsed.values : [];
  const stampBottom = used ? stampUsed.rowIndex + stampUsed.rowCount : 0;
  const summaryStamps = new Set<string>();
  const overviewMarks = new Set<string>();
  for (const row of stampRows) {
    const decoded = decodeStamp(row[1]);
    if (decoded.ok && (decoded.stamp.level === "huyen" || decoded.stamp.level === "tinh")) summaryStamps.add(String(row[0]).toLocaleLowerCase("vi"));
    if (isOverviewMark(row[1])) overviewMarks.add(String(row[0]).toLocaleLowerCase("vi"));
  }
  const find = (name: string): string | undefined => existing.find((e) => sameName(e, name));
  const forms = (record?.sheets ?? []).filter((s) => summaryStamps.has(s.toLocaleLowerCase("vi"))).flatMap((s) => find(s) ?? []);
  const lineage = record ? find(record.lineage) : undefined;
  const overview = record?.overview && overviewMarks.has(record.overview.toLocaleLowerCase("vi")) ? find(record.overview) : undefined;
  return { sheets: [...new Set([...(overview ? [overview] : []), ...forms, ...(lineage ? [lineage] : [])])], stampRows, stampBottom };
}

const isHeader = (row: unknown[]): boolean => row[0] === STAMP_HEADER[0] && row[1] === STAMP_HEADER[1];

/**
 * The stamp sheet's new content from A1: the header, the rows still true (other sheets' stamps,
 * as they were), then the new sheets' rows and the overview's mark; rows that held a removed
 * sheet's stamp are blanked.
 */
function stampTable(earlier: Earlier, removed: string[], plans: SheetPlan[], overview: string): string[][] {
  const gone = (name: string): boolean => removed.some((r) => sameName(r, name)) || plans.some((p) => sameName(p.name, name)) || sameName(overview, name);
  const kept = earlier.stampRows
    .filter((r) => !isHeader(r) && String(r[0] ?? "") !== "" && !gone(String(r[0])))
    .map((r) => [textCell(String(r[0])), textCell(String(r[1] ?? ""))]);
  const rows = [[...STAMP_HEADER], ...kept, ...plans.map((p) => encodeStamp(p.stamp).map(textCell)), overviewMark(overview).map(textCell)];
  while (rows.length < earlier.stampBottom) rows.push(["", ""]);
  return rows;
}

/** Queues one plan, in row bands when it is larger than a request may be. */
async function queuePlan(batch: Batch, sheet: Excel.Worksheet, plan: SheetPlan, budget: number): Promise<void> {
  const prepared = prepareSheetPlan(plan);
  if (prepared.bytes <= budget) {
    await batch.room(prepared.bytes);
    queuePlanRows(sheet, prepared, 0, prepared.rowCount - 1);
    queueSheetLayout(sheet, plan);
    return;
  }
  for (const [first, last] of rowBands(prepared, budget)) {
    await batch.room(prepared.bandOverheadBytes + prepared.rowBytes.slice(first, last + 1).reduce((s, b) => s + b, 0));
    queuePlanRows(sheet, prepared, first, last);
  }
  await batch.room(prepared.layoutBytes);
  queueSheetLayout(sheet, plan);
}

/** Queues the lineage sheet: its values in one 2-D assignment (or row bands past the budget), then formats. */
async function queueLineage(batch: Batch, sheet: Excel.Worksheet, layout: LineageLayout, budget: number): Promise<void> {
  const last = columnLetter(LINEAGE_COLUMNS);
  const rowBytes = layout.rows.map((r) => jsonBytes(r) + 1);
  let start = 0;
  while (start < layout.rows.length) {
    let end = start;
    let bytes = COMMAND_BYTES + rowBytes[start];
    while (end + 1 < layout.rows.length && bytes + rowBytes[end + 1] <= budget - COMMAND_BYTES * 4) bytes += rowBytes[++end];
    await batch.room(bytes);
    sheet.getRange(`A${start + 1}:${last}${end + 1}`).values = layout.rows.slice(start, end + 1);
    start = end + 1;
  }
  await batch.room(COMMAND_BYTES * (4 + LINEAGE_COLUMNS + layout.titleRows.length * 2 + layout.headerRows.length + layout.tables.length * 6));
  const all = sheet.getRange(`A1:${last}${layout.rows.length}`);
  all.format.font.name = FONT;
  all.format.font.size = 11;
  for (const r of layout.titleRows) {
    const title = sheet.getRange(`A${r}`).format.font;
    title.bold = true;
    title.size = 12;
  }
  for (const r of layout.headerRows) sheet.getRange(`A${r}:${last}${r}`).format.font.bold = true;
  for (const tb of layout.tables) {
    const borders = sheet.getRange(rangeAddress(tb.top, 1, tb.bottom, tb.columns)).format.borders;
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"];
    if (tb.bottom > tb.top) edges.push("InsideHorizontal");
    for (const edge of edges) {
      const b = borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
    }
  }
  LINEAGE_WIDTHS.forEach((w, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(w);
  });
}

/** A sheet name inside a reference: quoted, with its own apostrophes doubled. */
const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * Links each unit's name on the summary sheets to its row on the lineage sheet (Range.hyperlink
 * with a documentReference, ExcelApi 1.7; the manifest requires 1.9). One command per unit row.
 */
async function queueLinks(batch: Batch, sheets: Excel.Worksheet[], plans: SheetPlan[], originals: SheetPlan[], layout: LineageLayout, lineageName: string): Promise<number> {
  let links = 0;
  for (const [i, plan] of plans.entries()) {
    const labelCol = plan.stamp.columns.indexOf("unit") + 1;
    if (labelCol < 1) continue;
    for (const { row } of plan.unitRows) {
      const target = layout.traceRow.get(`${originals[i].name}|${row}`);
      if (!target) continue;
      const label = plan.cells[row - 1]?.[labelCol - 1]?.value;
      const hyperlink: Excel.RangeHyperlink = {
        documentReference: `${quoted(lineageName)}!A${target}`,
        textToDisplay: typeof label === "string" ? label : String(label ?? ""),
      };
      await batch.room(COMMAND_BYTES + jsonBytes(hyperlink));
      sheets[i].getRange(`${columnLetter(labelCol)}${row}`).hyperlink = hyperlink;
      links++;
    }
  }
  return links;
}

/**
 * Writes a consolidation into the open workbook, inside the caller's Excel.run: the overview
 * "Tổng quan" in front with its headline figures and charts, the summary's form sheets (with
 * their stamps), the lineage sheet "Nguồn dữ liệu", and each unit's name linked to the lineage
 * row telling which file, sheet and cells its figures came from.
 *
 * Running it again replaces only what the last summary wrote — the sheets the workbook's record
 * names that still carry a district or province stamp, that run's overview (marked in the stamp
 * sheet) and lineage sheet — and clears their stamp rows. Every other sheet, the user's own and forms inserted by hand alike, stays;
 * new sheets take free names instead.
 *
 * Syncs: one to read the sheet names, the stamp sheet and the record; one to write everything,
 * the charts included. That is 2 whatever the number of input files. Only when the queued writes would pass the
 * request budget (Excel on the web refuses requests over 5 MB) is a sync added between pieces,
 * and a lineage or form sheet larger than the budget is written in row bands.
 * @example await Excel.run((context) => writeSummaryInExcel(context, consolidation, lines))
 */
export async function writeSummaryInExcel(
  context: Excel.RequestContext,
  result: Consolidation,
  lines: FileLine[],
  options: WriteSummaryOptions = {},
): Promise<WriteSummaryResult> {
  const budget = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const stampSheet = worksheets.getItemOrNullObject(STAMP_SHEET);
  const stampUsed = stampSheet.getUsedRangeOrNullObject(true);
  stampUsed.load("values, rowIndex, rowCount, columnIndex");
  const setting = workbook.settings.getItemOrNullObject(SUMMARY_SETTING);
  setting.load("value");
  await context.sync();

  const existing = worksheets.items.map((ws) => ws.name);
  const earlier = earlierSummary(existing, readRecord(setting), stampUsed, !stampSheet.isNullObject);
  const batch = new Batch(context, budget);

  // The old sheets step aside under temporary names first and go last, once the new ones exist:
  // their names are free for the new summary, and the workbook never drops to no visible sheet.
  const taken = existing.filter((n) => !earlier.sheets.includes(n));
  taken.push(STAMP_SHEET);
  await batch.room(COMMAND_BYTES * 2 * earlier.sheets.length);
  const old = earlier.sheets.map((name) => {
    const sheet = worksheets.getItem(name);
    const temporary = uniqueSheetName(`~phuluc ${name}`, [...taken, ...existing]);
    taken.push(temporary);
    sheet.name = temporary;
    return sheet;
  });

  const named = withUniqueNames(result.plans, taken);
  const lineageName = uniqueSheetName(LINEAGE_SHEET_NAME, [...taken, ...named.map((p) => p.name)]);
  const nameOf = new Map(result.plans.map((p, i) => [p.name, named[i].name]));
  const layout = lineageLayout(result, lines, (n) => nameOf.get(n) ?? n);

  const sheets: Excel.Worksheet[] = [];
  for (const plan of named) {
    const sheet = worksheets.add(plan.name);
    sheets.push(sheet);
    await queuePlan(batch, sheet, plan, budget);
  }
  const lineage = worksheets.add(lineageName);
  await queueLineage(batch, lineage, layout, budget);
  const links = await queueLinks(batch, sheets, named, result.plans, layout, lineageName);
  // After the form sheets: its formulas refer to them, and a formula naming a sheet that does not
  // exist yet would turn into an error (or make Excel ask for a file to update from).
  const overviewName = uniqueSheetName(OVERVIEW_SHEET, [...taken, ...named.map((p) => p.name), lineageName]);
  const overview = buildOverview(result, named, overviewName);
  const overviewSheet = worksheets.add(overviewName);
  await batch.room(overviewBytes(overview));
  queueOverview(overviewSheet, overview);

  const stamps = stampTable(earlier, earlier.sheets, named, overviewName);
  await batch.room(COMMAND_BYTES * 4 + jsonBytes(stamps));
  if (stampSheet.isNullObject) {
    const created = worksheets.add(STAMP_SHEET);
    created.getRange(`A1:B${stamps.length}`).values = stamps;
    created.visibility = "VeryHidden";
  } else {
    stampSheet.getRange(`A1:B${stamps.length}`).values = stamps;
    stampSheet.visibility = "VeryHidden";
  }
  const record: SummaryRecord = { sheets: named.map((p) => p.name), lineage: lineageName, overview: overviewName };
  workbook.settings.add(SUMMARY_SETTING, record);
  overviewSheet.activate();
  for (const sheet of old) sheet.delete();
  await context.sync();
  return { sheets: [overviewName, ...named.map((p) => p.name), lineageName], overview: overviewName, removed: earlier.sheets, links };
}
