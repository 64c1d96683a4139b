import type { SheetPlan } from "../domain/layout/sheet-plan";
import { withUniqueNames } from "../domain/layout/sheet-names";
import { encodeStamp, STAMP_HEADER, STAMP_SHEET } from "../domain/stamp/form-stamp";
import {
  prepareSheetPlan,
  queuePlanRows,
  queueSheetLayout,
  REQUEST_BUDGET_BYTES,
  rowBands,
  textCell,
  type PreparedSheet,
} from "./apply-sheet-plan";

export interface InsertResult {
  /** Names of the new sheets, in the order of the plans. */
  sheets: string[];
}

export interface InsertOptions {
  /** Largest estimated request before a sync splits it; Excel on the web refuses requests over 5 MB. */
  requestBudgetBytes?: number;
}

/** What the first sync learns about the stamp sheet. */
interface StampState {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

const isHeader = (row: unknown[]): boolean => row[0] === STAMP_HEADER[0] && row[1] === STAMP_HEADER[1];

/** A stamp row as written: the JSON starts with "{", which must stay text. */
const writtenStamp = (plan: SheetPlan): string[] => encodeStamp(plan.stamp).map(textCell);

/**
 * Queues the stamp rows of the new sheets. Existing rows stay as they are, except a row naming
 * one of the new sheets: the sheet it described is gone (new names never equal an existing
 * sheet's), so the row is overwritten rather than left to contradict the new one.
 */
function queueStamps(worksheets: Excel.WorksheetCollection, stamp: StampState, plans: SheetPlan[]): void {
  const rows = plans.map((p) => ({ name: p.stamp.sheet, cells: writtenStamp(p) }));
  if (stamp.sheet.isNullObject) {
    const created = worksheets.add(STAMP_SHEET);
    created.getRange(`A1:B${rows.length + 1}`).values = [[...STAMP_HEADER], ...rows.map((r) => r.cells)];
    created.visibility = "VeryHidden";
    return;
  }
  // Whatever happened to the sheet since, it must stay out of the user's sight.
  stamp.sheet.visibility = "VeryHidden";
  if (stamp.used.isNullObject) {
    stamp.sheet.getRange(`A1:B${rows.length + 1}`).values = [[...STAMP_HEADER], ...rows.map((r) => r.cells)];
    return;
  }
  const values = stamp.used.values;
  const firstRow = stamp.used.rowIndex + 1;
  const pending = [...rows];
  if (stamp.used.columnIndex === 0) {
    values.forEach((row, i) => {
      if (isHeader(row)) return;
      const k = pending.findIndex((r) => sameName(r.name, String(row[0] ?? "")));
      if (k < 0) return;
      const at = firstRow + i;
      stamp.sheet.getRange(`A${at}:B${at}`).values = [pending[k].cells];
      pending.splice(k, 1);
    });
  }
  if (pending.length === 0) return;
  const next = firstRow + values.length;
  stamp.sheet.getRange(`A${next}:B${next + pending.length - 1}`).values = pending.map((r) => r.cells);
}

/**
 * Queues one plan that is larger than a request may be, band by band, syncing between bands.
 * Returns the estimated bytes left queued for the next sync.
 */
async function queueInBands(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  prepared: PreparedSheet,
  budget: number,
): Promise<number> {
  const bands = rowBands(prepared, budget);
  let queued = 0;
  for (let i = 0; i < bands.length; i++) {
    const [first, last] = bands[i];
    if (i > 0) {
      // Deliberate: one band already fills a request; Excel on the web refuses a larger one.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    queuePlanRows(sheet, prepared, first, last);
    queued = prepared.bandOverheadBytes + prepared.rowBytes.slice(first, last + 1).reduce((s, b) => s + b, 0);
  }
  queueSheetLayout(sheet, prepared.plan);
  return queued + prepared.layoutBytes;
}

/**
 * Inserts one new sheet per plan, inside the caller's Excel.run, and records their stamps on the
 * very hidden stamp sheet. A sheet the user has is never touched: new sheets get free names
 * ("PL1 Cơ sở vật chất (2)").
 *
 * Syncs: one to read the sheet names and the stamp sheet, one to write everything. That is 2 for
 * any ordinary insert, however many forms and rows (all five forms for a province of 1,000
 * communes estimate well under 4 MB). Only when the queued writes would exceed the request
 * budget does it sync between plans, and a single plan larger than the budget is written in row
 * bands with a sync between bands.
 * @example await Excel.run((context) => insertForms(context, [buildSheetPlan(getForm("staffing"), params)]))
 */
export async function insertForms(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  options: InsertOptions = {},
): Promise<InsertResult> {
  if (plans.length === 0) return { sheets: [] };
  const budget = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const stampSheet = worksheets.getItemOrNullObject(STAMP_SHEET);
  const stampUsed = stampSheet.getUsedRangeOrNullObject(true);
  stampUsed.load("values, rowIndex, columnIndex");
  await context.sync();

  const taken = [...worksheets.items.map((ws) => ws.name), STAMP_SHEET];
  const named = withUniqueNames(plans, taken);
  const added: Excel.Worksheet[] = [];
  let queued = 0;
  for (const plan of named) {
    const prepared = prepareSheetPlan(plan);
    if (queued > 0 && queued + prepared.bytes > budget) {
      // Deliberate: only reached when the batch would pass the request size limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      queued = 0;
    }
    const sheet = worksheets.add(plan.name);
    added.push(sheet);
    if (prepared.bytes <= budget) {
      queuePlanRows(sheet, prepared, 0, prepared.rowCount - 1);
      queueSheetLayout(sheet, plan);
      queued += prepared.bytes;
    } else {
      queued = await queueInBands(context, sheet, prepared, budget);
    }
  }
  added[0].activate();
  queueStamps(worksheets, { sheet: stampSheet, used: stampUsed }, named);
  await context.sync();
  return { sheets: named.map((p) => p.name) };
}
