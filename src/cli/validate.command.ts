import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { UnitRef } from "../domain/forms/form-types";
import { fixesOf, validateWorkbook } from "../domain/validate";
import type { Issue, WorkbookReport } from "../domain/validate";
import { readWorkbook, WorkbookFileError } from "../files/read-workbook";
import { applyFixesToXlsx } from "../files/apply-fixes";
import type { ParsedArgs } from "./args";
import { CliError, EXIT } from "./cli-error";
import { loadExpectedCommunes } from "./unit-list";
import { en, vi } from "../domain/messages/messages";

export const VALIDATE_ARGS = {
  valued: ["--units", "--code", "--output"],
  flags: ["--json", "--fix"],
  aliases: { "-o": "--output" },
};

/** One issue as the JSON contract spells it: `suggestion` only where there is one. */
interface JsonIssue {
  code: string;
  severity: "error" | "warning";
  cell: string | null;
  value: string | number | boolean | null;
  message: string;
  suggestion?: string | number;
}

export interface FileResult {
  file: string;
  sheets: { sheet: string; form: string; issues: JsonIssue[] }[];
  error?: string;
}

export interface ValidateResult {
  files: FileResult[];
  summary: { errors: number; warnings: number };
  /** Set when --fix wrote a corrected copy. */
  fixed?: { output: string; cells: number };
  /** True when some file could not be read at all. */
  unreadable: boolean;
}

function jsonIssue(i: Issue): JsonIssue {
  return {
    code: i.code,
    severity: i.severity,
    cell: i.cell ?? null,
    value: i.value ?? null,
    message: i.message,
    ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}),
  };
}

function readProblem(file: string, error: unknown): string {
  if (error instanceof WorkbookFileError) return vi.cli.fileError(file, vi.cli.workbookProblems[error.problem]);
  return vi.cli.fileError(file, vi.cli.workbookProblems.unreadable);
}

interface Checked {
  result: FileResult;
  report?: WorkbookReport;
  bytes?: Uint8Array;
}

function checkFile(file: string, expectedUnits: UnitRef[] | undefined): Checked {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { result: { file, sheets: [], error: readProblem(file, error) } };
  }
  try {
    const report = validateWorkbook(readWorkbook(bytes, basename(file)), { expectedUnits });
    const sheets = report.sheets.map((s) => ({ sheet: s.sheet, form: s.form, issues: s.issues.map(jsonIssue) }));
    const fileIssue = report.issues[0];
    return { result: { file, sheets, ...(fileIssue ? { error: `${file}: ${fileIssue.message}` } : {}) }, report, bytes };
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return { result: { file, sheets: [], error: readProblem(file, error) } };
  }
}

function checkFixArgs(args: ParsedArgs, files: string[]): string | undefined {
  if (!args.flags.has("--fix")) return undefined;
  const output = args.options.get("--output");
  if (files.length !== 1 || !output) throw new CliError(vi.cli.fixNeedsOne, en.cli.fixNeedsOne);
  if (!/\.xlsx$/i.test(files[0])) throw new CliError(vi.cli.fixNeedsXlsx(files[0]), en.cli.fixNeedsXlsx(files[0]));
  if (!/\.xlsx$/i.test(output)) throw new CliError(vi.cli.badOutputType(output), en.cli.badOutputType(output));
  if (resolve(output) === resolve(files[0])) throw new CliError(vi.cli.fixSameFile, en.cli.fixSameFile);
  return output;
}

/**
 * `phuluc validate`: every form sheet of every file against its rules. One unreadable file is
 * reported and the others are still checked. With --fix, the certain corrections go to a copy.
 * @throws CliError for unusable arguments
 */
export async function runValidate(args: ParsedArgs): Promise<ValidateResult> {
  const files = args.positional;
  if (files.length === 0) throw new CliError(`${vi.cli.noFiles} ${vi.cli.usage}: ${vi.cli.validateUsage}`, `${en.cli.noFiles} ${en.cli.usage}: ${en.cli.validateUsage}`);
  const output = checkFixArgs(args, files);
  const unitsFile = args.options.get("--units");
  const expected = unitsFile ? loadExpectedCommunes(unitsFile, args.options.get("--code")).communes : undefined;

  const checked = files.map((f) => checkFile(f, expected));
  const issues = checked.flatMap((c) => c.result.sheets.flatMap((s) => s.issues));
  const errors = issues.filter((i) => i.severity === "error").length + checked.filter((c) => c.result.error).length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const result: ValidateResult = {
    files: checked.map((c) => c.result),
    summary: { errors, warnings },
    unreadable: checked.some((c) => c.result.error && !c.report),
  };
  const only = checked[0];
  if (output && only.report && only.bytes) {
    const fixes = fixesOf(only.report.sheets);
    try {
      writeFileSync(output, await applyFixesToXlsx(only.bytes, fixes));
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError(vi.cli.cannotWrite(output, detail), en.cli.cannotWrite(output, detail));
    }
    result.fixed = { output, cells: fixes.length };
  }
  return result;
}

/** Exit code of a validation: 2 if a file could not be read, 1 if errors were found, else 0. */
export function validateExitCode(result: ValidateResult): number {
  if (result.unreadable) return EXIT.unusable;
  return result.summary.errors > 0 ? EXIT.problems : EXIT.ok;
}

/** The readable report: by file and sheet, one line per issue. */
export function formatValidateReport(result: ValidateResult): string {
  const lines: string[] = [];
  for (const f of result.files) {
    lines.push(f.file);
    if (f.error) lines.push(`  ${vi.cli.severity.error}: ${f.error}`);
    for (const s of f.sheets) {
      const errors = s.issues.filter((i) => i.severity === "error").length;
      lines.push(`  ${s.sheet} [${s.form}] — ${vi.cli.fileSummary(errors, s.issues.length - errors)}`);
      for (const i of s.issues) {
        const fix = i.suggestion !== undefined ? ` → ${i.suggestion}` : "";
        lines.push(`    ${(i.cell ?? "").padEnd(7)} ${vi.cli.severity[i.severity].padEnd(9)} ${i.message}${fix ? ` (${i.code}${fix})` : ` (${i.code})`}`);
      }
    }
  }
  lines.push(vi.cli.totalSummary(result.files.length, result.summary.errors, result.summary.warnings));
  if (result.fixed) lines.push(vi.cli.fixedWrote(result.fixed.output, result.fixed.cells));
  return lines.join("\n") + "\n";
}
