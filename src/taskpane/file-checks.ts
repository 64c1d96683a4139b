/**
 * Checking picked workbooks on the standalone page: bytes in, the validation report and the
 * certain corrections out. Loaded lazily (it carries the spreadsheet reader) and kept free of
 * React so that it is tested directly.
 */
import type { UnitRef } from "../domain";
import { cellAt } from "../domain/grid/sheet-grid";
import type { WorkbookGrid } from "../domain/grid/sheet-grid";
import { parseCell } from "../domain/layout/a1";
import { fixesOf, validateWorkbook } from "../domain/validate";
import type { CellFix, WorkbookReport } from "../domain/validate";
import { countIssues } from "../excel";
import { MAX_WORKBOOK_BYTES, readWorkbook, WorkbookFileError } from "../files/read-workbook";
import type { WorkbookProblem } from "../files/read-workbook";

/** A workbook the user picked. `bytes` is null when it could not be loaded, or was too large to try. */
export interface PickedWorkbook {
  name: string;
  size: number;
  bytes: Uint8Array | null;
}

/** One picked file after checking: its report and certain fixes, or why it could not be read. */
export type FileCheck =
  | { kind: "checked"; name: string; bytes: Uint8Array; report: WorkbookReport; fixes: CellFix[] }
  | { kind: "unreadable"; name: string; problem: WorkbookProblem | "unreadable" };

export type CheckedWorkbook = Extract<FileCheck, { kind: "checked" }>;

/** A value written over a formula would silently replace it; such cells are left to the user, as in Excel. */
function holdsFormula(book: WorkbookGrid, fix: CellFix): boolean {
  const grid = book.sheets.find((s) => s.name === fix.sheet);
  const at = parseCell(fix.cell);
  return grid !== undefined && at !== undefined && cellAt(grid, at.row, at.col)?.f !== undefined;
}

/** Checks one workbook; every failure to read it becomes a reason, never an exception. */
export function checkWorkbook(file: PickedWorkbook, expected?: UnitRef[]): FileCheck {
  const { name } = file;
  if (file.size > MAX_WORKBOOK_BYTES) return { kind: "unreadable", name, problem: "too-large" };
  if (file.bytes === null) return { kind: "unreadable", name, problem: "unreadable" };
  let book: WorkbookGrid;
  try {
    book = readWorkbook(file.bytes, name);
  } catch (error) {
    // A file from another office may break the parser in ways no check foresaw: it is reported, not fatal.
    return { kind: "unreadable", name, problem: error instanceof WorkbookFileError ? error.problem : "not-a-workbook" };
  }
  const report = validateWorkbook(book, expected ? { expectedUnits: expected } : {});
  const fixes = fixesOf(report.sheets).filter((f) => !holdsFormula(book, f));
  return { kind: "checked", name, bytes: file.bytes, report, fixes };
}

/** The corrected copy's bytes and what a check of the copy still finds. */
export interface Corrected {
  bytes: Uint8Array;
  remaining?: { errors: number; warnings: number };
}

/** Writes the chosen fixes into a copy of the checked workbook and checks the copy again. */
export async function correctWorkbook(check: CheckedWorkbook, fixes: CellFix[], expected?: UnitRef[]): Promise<Corrected> {
  // The general workbook library is needed only here, and only when a copy is asked for.
  const { applyFixesToXlsx } = await import(/* webpackChunkName: "apply-fixes" */ "../files/apply-fixes");
  const bytes = await applyFixesToXlsx(check.bytes, fixes);
  const again = checkWorkbook({ name: check.name, size: bytes.byteLength, bytes }, expected);
  return again.kind === "checked" ? { bytes, remaining: countIssues(again.report.sheets) } : { bytes };
}
