import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Level, Subunits, Tiers, UnitRef } from "../domain/forms/form-types";
import { expectedCommunes, rosterFor, tableFromRows } from "../domain/units/unit-table";
import type { RosterProblem } from "../domain/units/unit-table";
import { readTable, TableFileError } from "../files/read-table";
import { CliError } from "./cli-error";
import { en, vi } from "../domain/messages/messages";

function problemError(file: string, p: RosterProblem): CliError {
  switch (p.problem) {
    case "needs-code":
      return new CliError(vi.cli.unitFileNeedsCode(file, vi.cli.unitKinds[p.expected]), en.cli.unitFileNeedsCode(file, en.cli.unitKinds[p.expected]));
    case "no-match":
      return new CliError(vi.cli.unitFileNoMatch(file, p.code), en.cli.unitFileNoMatch(file, p.code));
    case "wrong-tiers":
      return new CliError(vi.cli.unitFileWrongTiers(file, p.table), en.cli.unitFileWrongTiers(file, p.table));
    case "empty":
      return new CliError(vi.cli.unitFileEmpty(file), en.cli.unitFileEmpty(file));
  }
}

function rowsOf(file: string): string[][] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const detail = code === "ENOENT" ? "không có tệp này / no such file" : code;
    throw new CliError(vi.cli.unitFileUnreadable(file, detail), en.cli.unitFileUnreadable(file, detail));
  }
  try {
    return readTable(bytes, basename(file));
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    if (error.problem === "empty") throw new CliError(vi.cli.unitFileEmpty(file), en.cli.unitFileEmpty(file));
    throw new CliError(
      vi.cli.unitFileUnreadable(file, vi.cli.tableProblems[error.problem]),
      en.cli.unitFileUnreadable(file, en.cli.tableProblems[error.problem]),
    );
  }
}

/**
 * The reporting unit and its subordinate units from a unit-list file: a list of names, the
 * official CSV catalogues or the GSO export, filtered by `code`.
 * @throws CliError naming the file and what to do
 */
export function loadRoster(file: string, req: { level: Level; tiers: Tiers; code?: string }): { unit?: UnitRef; subunits: Subunits } {
  const result = rosterFor(tableFromRows(rowsOf(file)), req);
  if (!result.ok) throw problemError(file, result);
  return { unit: result.unit, subunits: result.subunits };
}

/**
 * The communes a check or summary expects, from a unit-list file and an optional code.
 * @throws CliError naming the file and what to do
 */
export function loadExpectedCommunes(file: string, code?: string): { unit?: UnitRef; communes: UnitRef[] } {
  const result = expectedCommunes(tableFromRows(rowsOf(file)), code);
  if (!result.ok) throw problemError(file, result);
  return { unit: result.unit, communes: result.communes };
}
