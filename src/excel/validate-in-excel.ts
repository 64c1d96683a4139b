import type { UnitRef } from "../domain/forms/form-types";
import type { SheetGrid, WorkbookGrid } from "../domain/grid/sheet-grid";
import { parseRange } from "../domain/layout/a1";
import type { FormStamp } from "../domain/stamp/form-stamp";
import { STAMP_SHEET } from "../domain/stamp/form-stamp";
import { fixesOf, recogniseSheet, validateWorkbook } from "../domain/validate";
import type { CellFix, SheetReport, WorkbookReport } from "../domain/validate";
import { markAreas, queueMarks, queueMarkScan, queueRuleFormulas, queueUnmark } from "./marks";
import type { ScannedRule } from "./marks";
import {
  assembleGrid,
  cellKey,
  CHUNK_ROWS,
  localAddresses,
  probeGrid,
  PROBE_COLUMNS,
  PROBE_ROWS,
  READ_BUDGET_BYTES,
  readBox,
  rowChunks,
  stampsFrom,
  syncGroups,
} from "./read-grids";
import type { CellBox, SheetRead } from "./read-grids";

/** Which sheets to check: the active one, every visible one, or some by name or id (from change events). */
export type ValidateScope = { kind: "active" } | { kind: "all" } | { kind: "sheets"; keys: string[] };

export interface ValidateInExcelOptions {
  scope: ValidateScope;
  /** Units that must each appear exactly once, from a unit list. */
  expectedUnits?: UnitRef[];
  /** Mark the cells of the issues found and remove the marks of the previous run (default true). */
  mark?: boolean;
  /** Select the first cell with an error, or with a warning when there is no error. */
  selectFirst?: boolean;
  /** Largest estimated response of one read sync; smaller values split reads over more syncs. */
  readBudgetBytes?: number;
  chunkRows?: number;
}

export interface CheckedSheet {
  name: string;
  id: string;
}

export interface ExcelValidation {
  scope: ValidateScope["kind"];
  report: WorkbookReport;
  /** Every sheet that was looked at, form or not, in workbook order. */
  checked: CheckedSheet[];
  /** Certain corrections, leaving out cells that hold formulas (a value would replace the formula). */
  fixes: CellFix[];
  /** Cells marked, and earlier marks removed. */
  marked: number;
  unmarked: number;
  /** Protected sheets, where marks can be neither added nor removed. */
  unmarkable: string[];
  /** Sheets read only in part: past MAX_READ_ROWS rows or MAX_READ_COLUMNS columns. */
  truncated: string[];
  selected?: { sheet: string; cell: string };
}

/** What the first syncs learn about one sheet. */
interface Target {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  probe: Excel.Range;
  formats: Excel.ConditionalFormatCollection;
}

interface Candidate {
  target: Target;
  name: string;
  box: CellBox;
}

interface ReadSettings {
  budget: number;
  chunkRows: number;
  merges: boolean;
}

const VISIBLE = "Visible";

/** True where the host supports the ExcelApi requirement set; false outside Office. */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Queues what decides whether a sheet is worth reading: its used range, its header rows, its rules. */
function queueProbe(sheet: Excel.Worksheet): Target {
  sheet.load("name, id, visibility");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const probe = sheet.getRangeByIndexes(0, 0, PROBE_ROWS, PROBE_COLUMNS);
  probe.load("values");
  return { sheet, used, probe, formats: queueMarkScan(sheet) };
}

/** The stamp describing a sheet: by its name, or a stamp left by a sheet that was renamed. */
function stampFor(grid: SheetGrid, stamps: Map<string, FormStamp>, names: Set<string>): FormStamp | undefined {
  const own = stamps.get(grid.name);
  if (own) return own;
  return [...stamps.values()].find((s) => !names.has(s.sheet) && recogniseSheet(grid, s)?.how === "stamp");
}

/** Cells holding formulas, errors and merges, read once per sheet (their areas are small). */
interface Extras {
  formulas: Excel.RangeAreas;
  formulaErrors: Excel.RangeAreas;
  constantErrors: Excel.RangeAreas;
  merges?: Excel.RangeAreas;
}

function queueExtras(used: Excel.Range, merges: boolean): Extras {
  const areas = (r: Excel.RangeAreas): Excel.RangeAreas => {
    r.areas.load("items/address");
    return r;
  };
  return {
    formulas: areas(used.getSpecialCellsOrNullObject("Formulas")),
    formulaErrors: areas(used.getSpecialCellsOrNullObject("Formulas", "Errors")),
    constantErrors: areas(used.getSpecialCellsOrNullObject("Constants", "Errors")),
    ...(merges ? { merges: areas(used.getMergedAreasOrNullObject()) } : {}),
  };
}

const addressesOf = (r: Excel.RangeAreas | undefined): string[] =>
  !r || r.isNullObject ? [] : localAddresses(r.areas.items.map((a) => a.address));

interface ReadResult {
  reads: Map<Candidate, SheetRead>;
  rules: Map<Target, ScannedRule[]>;
}

/**
 * Reads the candidates' cells and the formulas of every target's custom rules. The first group
 * of blocks shares its sync with everything else; further groups, each its own sync, are only
 * needed when one response would pass the budget (about 200,000 cells).
 */
async function readOnce(context: Excel.RequestContext, candidates: Candidate[], targets: Target[], settings: ReadSettings): Promise<ReadResult> {
  const rules = new Map(targets.map((t) => [t, queueRuleFormulas(t.formats)] as const));
  const extras = new Map(candidates.map((c) => [c, queueExtras(c.target.used, settings.merges)] as const));
  const blocks = candidates.flatMap((c) => rowChunks(c.box, settings.chunkRows).map((box) => ({ candidate: c, box })));
  const loaded: { candidate: Candidate; box: CellBox; range: Excel.Range }[] = [];
  const queue = (group: typeof blocks): void => {
    for (const b of group) {
      const range = b.candidate.target.sheet.getRangeByIndexes(b.box.row, b.box.col, b.box.rows, b.box.cols);
      range.load("values, numberFormat");
      loaded.push({ ...b, range });
    }
  };
  const [first = [], ...rest] = syncGroups(blocks, settings.budget);
  queue(first);
  // Nothing to read (no form sheet, no custom rule) needs no round trip.
  if (first.length > 0 || [...rules.values()].some((r) => r.length > 0)) await context.sync();
  for (const group of rest) {
    queue(group);
    // Deliberate: only reached when one response would pass Excel on the web's 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  const reads = new Map<Candidate, SheetRead>();
  for (const c of candidates) {
    const x = extras.get(c) as Extras;
    reads.set(c, {
      name: c.name,
      hidden: false,
      blocks: loaded.filter((l) => l.candidate === c).map((l) => ({ box: l.box, values: l.range.values, numberFormat: l.range.numberFormat })),
      formulas: addressesOf(x.formulas),
      errors: [...addressesOf(x.formulaErrors), ...addressesOf(x.constantErrors)],
      merges: addressesOf(x.merges),
    });
  }
  return { reads, rules };
}

const PAYLOAD_ERRORS = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

/**
 * readOnce, tried a second time when Excel refuses: with blocks a quarter the size after a
 * payload-size error (the estimate was too low for this sheet's text), or without merged areas
 * after any other error (getMergedAreasOrNullObject fails past 512 areas). A second failure is
 * the caller's to report.
 */
async function readSheets(context: Excel.RequestContext, candidates: Candidate[], targets: Target[], settings: ReadSettings): Promise<ReadResult> {
  try {
    return await readOnce(context, candidates, targets, settings);
  } catch (error) {
    const code = errorCode(error);
    if (code && PAYLOAD_ERRORS.has(code)) {
      const smaller = { ...settings, budget: settings.budget / 4, chunkRows: Math.max(500, Math.floor(settings.chunkRows / 4)) };
      return readOnce(context, candidates, targets, smaller);
    }
    if (settings.merges) return readOnce(context, candidates, targets, { ...settings, merges: false });
    throw error;
  }
}

const placeholder = (name: string): SheetGrid => ({ name, cells: [], merges: [], hidden: true });

/** The first cell with an error, else the first with a warning, in sheet order. */
export function firstProblem(sheets: SheetReport[]): { sheet: string; cell: string } | undefined {
  for (const severity of ["error", "warning"] as const) {
    for (const s of sheets) {
      const issue = s.issues.find((i) => i.severity === severity && i.cell !== undefined && parseRange(i.cell) !== undefined);
      if (issue?.cell) return { sheet: s.sheet, cell: issue.cell };
    }
  }
  return undefined;
}

export function countIssues(sheets: SheetReport[]): { errors: number; warnings: number } {
  const all = sheets.flatMap((s) => s.issues);
  return { errors: all.filter((i) => i.severity === "error").length, warnings: all.filter((i) => i.severity === "warning").length };
}

interface MarkOutcome {
  marked: number;
  unmarked: number;
  unmarkable: string[];
  selected?: { sheet: string; cell: string };
}

/** Queues removing the previous marks and adding the new ones, and the selection; syncs once if anything was queued. */
async function markAndSelect(
  context: Excel.RequestContext,
  targets: Target[],
  rules: Map<Target, ScannedRule[]>,
  report: WorkbookReport,
  options: ValidateInExcelOptions,
): Promise<MarkOutcome> {
  const outcome: MarkOutcome = { marked: 0, unmarked: 0, unmarkable: [] };
  let queued = false;
  if (options.mark !== false) {
    for (const t of targets) {
      const sheetReport = report.sheets.find((s) => s.sheet === t.sheet.name);
      const areas = sheetReport ? markAreas(sheetReport.issues) : [];
      if (t.sheet.protection.protected) {
        // Adding or deleting a conditional format on a protected sheet fails the whole batch.
        if (areas.length > 0) outcome.unmarkable.push(t.sheet.name);
        continue;
      }
      outcome.unmarked += queueUnmark(t.formats, rules.get(t) ?? []);
      queueMarks(t.sheet, areas);
      outcome.marked += areas.reduce((n, a) => n + a.cells, 0);
      queued ||= outcome.unmarked > 0 || areas.length > 0;
    }
  }
  const first = options.selectFirst ? firstProblem(report.sheets) : undefined;
  if (first) {
    const sheet = targets.find((t) => t.sheet.name === first.sheet)?.sheet;
    if (sheet) {
      sheet.activate();
      sheet.getRange(first.cell).select();
      outcome.selected = first;
      queued = true;
    }
  }
  if (queued) await context.sync();
  return outcome;
}

/**
 * Validates form sheets inside the caller's Excel.run, marks the cells of the issues found with
 * conditional formats of the add-in's own (removing those of the previous run), and optionally
 * selects the first problem. Cell values are never changed.
 *
 * Syncs, whatever the number of rows: the active sheet takes 2 to read (names, stamps and the
 * sheet's used range, header rows and rules; then its cells in blocks of at most 5,000 rows,
 * all queued before one sync) and 1 to mark, so 3. All sheets, or sheets by name or id, take
 * one more, as their list must be known before their used ranges can be asked for. Only a
 * response estimated past Excel on the web's 5 MB limit (about 200,000 cells in one run) adds a
 * sync per further 4 MB.
 * @example await Excel.run((context) => validateInExcel(context, { scope: { kind: "active" } }))
 */
export async function validateInExcel(context: Excel.RequestContext, options: ValidateInExcelOptions): Promise<ExcelValidation> {
  const { scope } = options;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/id, items/visibility");
  const stampSheet = worksheets.getItemOrNullObject(STAMP_SHEET);
  const stampUsed = stampSheet.getUsedRangeOrNullObject(true);
  stampUsed.load("values, columnIndex");
  let targets = scope.kind === "active" ? [queueProbe(worksheets.getActiveWorksheet())] : [];
  await context.sync();

  const names = worksheets.items.map((s) => s.name);
  const stamps = stampSheet.isNullObject || stampUsed.isNullObject ? new Map<string, FormStamp>() : stampsFrom(stampUsed.values, stampUsed.columnIndex);
  if (scope.kind !== "active") {
    const wanted = scope.kind === "sheets" ? new Set(scope.keys) : undefined;
    const chosen = worksheets.items.filter(
      (s) => s.name !== STAMP_SHEET && s.visibility === VISIBLE && (!wanted || wanted.has(s.name) || wanted.has(s.id)),
    );
    targets = chosen.map(queueProbe);
    if (targets.length > 0) await context.sync();
  }

  const present = new Set(names);
  const candidates: Candidate[] = [];
  const truncated: string[] = [];
  for (const t of targets) {
    if (t.sheet.visibility !== VISIBLE || t.used.isNullObject) continue;
    const probe = probeGrid(t.sheet.name, t.probe.values);
    if (!recogniseSheet(probe, stampFor(probe, stamps, present))) continue;
    const { box, truncated: cut } = readBox(t.used);
    if (cut) truncated.push(t.sheet.name);
    candidates.push({ target: t, name: t.sheet.name, box });
  }

  const settings = {
    budget: options.readBudgetBytes ?? READ_BUDGET_BYTES,
    chunkRows: options.chunkRows ?? CHUNK_ROWS,
    merges: excelApiSupported("1.13"),
  };
  const { reads, rules } = await readSheets(context, candidates, targets, settings);
  const grids = new Map([...reads.values()].map((r) => [r.name, assembleGrid(r)] as const));
  const book: WorkbookGrid = { sheets: names.map((n) => grids.get(n)?.grid ?? placeholder(n)), stamps };
  const report = validateWorkbook(book, options.expectedUnits ? { expectedUnits: options.expectedUnits } : {});

  const fixes = report.sheets.flatMap((s) => {
    const formulaCells = grids.get(s.sheet)?.formulaCells ?? new Set<number>();
    return fixesOf([s], (i) => {
      const at = i.cell ? parseRange(i.cell) : undefined;
      return at !== undefined && !formulaCells.has(cellKey(at.start.row, at.start.col));
    });
  });
  const marks = await markAndSelect(context, targets, rules, report, options);
  return {
    scope: scope.kind,
    report,
    checked: targets.map((t) => ({ name: t.sheet.name, id: t.sheet.id })),
    fixes,
    truncated,
    ...marks,
  };
}

/**
 * The value written for a fix: text that Excel would take for a formula ("=", "+", "-", "@")
 * gets a leading apostrophe, which keeps it text; numbers stay numbers.
 */
export function writtenFix(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Writes the chosen corrections, each into its cell, in one sync. Only the values change; the
 * cells keep their formats. Returns how many cells were written.
 */
export async function applyFixesInExcel(context: Excel.RequestContext, fixes: CellFix[]): Promise<number> {
  if (fixes.length === 0) return 0;
  const sheets = new Map<string, Excel.Worksheet>();
  for (const fix of fixes) {
    const sheet = sheets.get(fix.sheet) ?? context.workbook.worksheets.getItem(fix.sheet);
    sheets.set(fix.sheet, sheet);
    sheet.getRange(fix.cell).values = [[writtenFix(fix.value)]];
  }
  await context.sync();
  return fixes.length;
}

/** Shows a cell to the user: activates its sheet and selects it, in one sync. */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
