import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { extractWorkbook } from "../domain/consolidate";
import type { InputRecord, SheetFound } from "../domain/consolidate";
import { readWorkbook, WorkbookFileError } from "../files/read-workbook";
import type { FileLine } from "../files/summary-writer";
import { vi } from "../domain/messages/messages";

/** One input file as consolidation needs it: its record, its lineage line, its recognised sheets. */
export interface ReadInput {
  record: InputRecord;
  line: FileLine;
  found: SheetFound[];
}

/** Reads, hashes, recognises and validates one input file; a file that cannot be read is a line, never a throw. */
export function readInput(file: string, shown: string): ReadInput {
  let bytes: Uint8Array;
  let modified: string | undefined;
  try {
    bytes = readFileSync(file);
    modified = statSync(file).mtime.toISOString();
  } catch {
    const line: FileLine = { file: shown, unit: null, forms: [], sha256: "", status: "unreadable", errors: 0, error: vi.cli.workbookProblems.unreadable };
    return { record: { file: shown, sha256: "", entries: [], invalid: false }, line, found: [] };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const base = { file: shown, modified, sha256 };
  let found: SheetFound[];
  try {
    found = extractWorkbook(readWorkbook(bytes, basename(file)), shown);
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    const line: FileLine = { ...base, unit: null, forms: [], status: "unreadable", errors: 0, error: vi.cli.workbookProblems[error.problem] };
    return { record: { ...base, entries: [], invalid: false }, line, found: [] };
  }
  const errors = found.reduce((n, s) => n + s.report.issues.filter((i) => i.severity === "error").length, 0);
  const entries = found.flatMap((s) => s.entries);
  const unit = found.find((s) => s.stampUnit?.name)?.stampUnit?.name ?? entries[0]?.unit.name ?? null;
  const status: FileLine["status"] = found.length === 0 ? "unrecognised" : errors > 0 ? "invalid" : "ok";
  const line: FileLine = { ...base, unit, forms: found.map((s) => s.form), status, errors, ...(found.length === 0 ? { error: vi.validate.noForm } : {}) };
  return { record: { ...base, entries, invalid: errors > 0 }, line, found };
}
