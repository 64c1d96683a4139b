import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { DistrictGroup, Tiers, UnitRef } from "../domain/forms/form-types";
import { consolidate } from "../domain/consolidate";
import type { Consolidation } from "../domain/consolidate";
import { writeSummary } from "../files/summary-writer";
import type { FileLine } from "../files/summary-writer";
import type { ParsedArgs } from "./args";
import { CliError, EXIT } from "./cli-error";
import { loadRoster } from "./unit-list";
import { readAll } from "./read-pool";
import { en, vi } from "../domain/messages/messages";

export const CONSOLIDATE_ARGS = {
  valued: ["--level", "--tiers", "--unit", "--units", "--code", "--year", "--period", "--output"],
  flags: ["--newest-wins", "--exclude-invalid", "--json"],
  aliases: { "-o": "--output" },
};

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/** Every workbook under the given folders (recursively) and files, in a stable order. */
export function collectInputs(paths: string[], output: string): string[] {
  const out = resolve(output);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // "~$" files are Excel's lock files beside an open workbook.
      else if (WORKBOOK.test(name) && !name.startsWith("~$") && resolve(path) !== out) found.push(path);
    }
  };
  for (const p of paths) {
    if (existsSync(p) && statSync(p).isDirectory()) walk(p);
    else found.push(p);
  }
  return found;
}

/** The most common value, for the year and period the inputs report. */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}

export interface ConsolidateRun {
  output: string;
  lines: FileLine[];
  result: Consolidation;
}

function options(args: ParsedArgs): { level: "huyen" | "tinh"; tiers: Tiers; output: string } {
  const level = args.options.get("--level");
  if (level !== "huyen" && level !== "tinh") throw new CliError(vi.cli.badLevel(level ?? ""), en.cli.badLevel(level ?? ""));
  const tiersArg = args.options.get("--tiers") ?? (level === "huyen" ? "3" : "2");
  if (tiersArg !== "2" && tiersArg !== "3") throw new CliError(vi.cli.badTiers(tiersArg), en.cli.badTiers(tiersArg));
  if (level === "huyen" && tiersArg === "2") throw new CliError(vi.cli.districtNeedsThreeTiers, en.cli.districtNeedsThreeTiers);
  const output = args.options.get("--output");
  if (!output) throw new CliError(vi.cli.missingOutput, en.cli.missingOutput);
  if (!/\.xlsx$/i.test(output)) throw new CliError(vi.cli.badOutputType(output), en.cli.badOutputType(output));
  if (args.positional.length === 0) throw new CliError(vi.cli.noInputs, en.cli.noInputs);
  return { level, tiers: tiersArg === "2" ? 2 : 3, output };
}

function expectedFrom(args: ParsedArgs, level: "huyen" | "tinh", tiers: Tiers): { unit?: UnitRef; communes: UnitRef[]; districts?: DistrictGroup[] } | undefined {
  const file = args.options.get("--units");
  if (!file) return undefined;
  const roster = loadRoster(file, { level, tiers, code: args.options.get("--code") });
  if (roster.subunits.kind === "districts") {
    const districts = roster.subunits.districts;
    return { unit: roster.unit, communes: districts.flatMap((d) => d.communes), districts };
  }
  return { unit: roster.unit, communes: roster.subunits.kind === "communes" ? roster.subunits.communes : [] };
}

/**
 * `phuluc consolidate`: reads every workbook, validates and places each unit's figures, and
 * writes the summary; an unreadable file is listed, never fatal. Input files are only read.
 * @throws CliError for unusable arguments or when no input holds a form
 */
export async function runConsolidate(args: ParsedArgs): Promise<ConsolidateRun> {
  const { level, tiers, output } = options(args);
  const expected = expectedFrom(args, level, tiers);
  const files = collectInputs(args.positional, output);
  const reads = await readAll(
    files.map((f) => ({ file: f, shown: relative(process.cwd(), f) || f })),
    (done) => progress(done, files.length),
  );
  if (!reads.some((r) => r.found.length > 0)) throw new CliError(vi.cli.noUsableInput, en.cli.noUsableInput);
  const stamps = reads.flatMap((r) => r.found);
  const yearArg = args.options.get("--year");
  const year = yearArg ? Number(yearArg) : (mostCommon(stamps.flatMap((s) => (s.year ? [s.year] : []))) ?? new Date().getFullYear());
  if (!Number.isInteger(year) || year < 2018 || year > 2100) throw new CliError(vi.cli.badYear(String(yearArg)), en.cli.badYear(String(yearArg)));
  const period = args.options.get("--period") ?? mostCommon(stamps.flatMap((s) => (s.period ? [s.period] : []))) ?? `Năm ${year}`;
  const unitName = args.options.get("--unit");
  const result = consolidate(
    reads.map((r) => r.record),
    {
      level,
      tiers,
      ...(unitName ? { unit: { name: unitName, ...(args.options.get("--code") ? { code: args.options.get("--code") } : {}) } } : {}),
      ...(expected ? { expected } : {}),
      newestWins: args.flags.has("--newest-wins"),
      excludeInvalid: args.flags.has("--exclude-invalid"),
      year,
      period,
    },
  );
  const inConflict = new Set(result.conflicts.flatMap((c) => c.files.map((f) => f.file).filter((f) => f !== c.kept)));
  const lines = reads.map((r) => (inConflict.has(r.line.file) && r.line.status === "ok" ? { ...r.line, status: "conflict" as const } : r.line));
  const existing = existsSync(output) ? readFileSync(output) : undefined;
  try {
    writeFileSync(output, await writeSummary(result, lines, existing));
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(vi.cli.cannotWrite(output, detail), en.cli.cannotWrite(output, detail));
  }
  return { output, lines, result };
}

/** 0 complete; 1 finished with missing units, conflicts, invalid or unreadable files. */
export function consolidateExitCode(run: ConsolidateRun): number {
  const r = run.result;
  const problems = r.units.missing.length + r.conflicts.filter((c) => !c.kept).length + run.lines.filter((l) => l.status !== "ok").length;
  return problems > 0 ? EXIT.problems : EXIT.ok;
}

/** The JSON contract of `phuluc consolidate --json`. */
export function consolidateJson(run: ConsolidateRun): unknown {
  const r = run.result;
  return {
    output: run.output,
    files: run.lines.map((l) => ({ file: l.file, unit: l.unit, forms: l.forms, status: l.status, ...(l.error ? { error: l.error } : {}) })),
    units: { expected: r.units.expected, reported: r.units.reported, missing: r.units.missing, unexpected: r.units.unexpected },
    conflicts: r.conflicts.map((c) => ({ unit: c.unit, form: c.form, files: c.files.map((f) => f.file), ...(c.kept ? { kept: c.kept } : {}) })),
    totals: r.totals,
  };
}

/** The readable summary printed without --json. */
export function formatConsolidation(run: ConsolidateRun): string {
  const r = run.result;
  const t = vi.cli.consolidated;
  const lines = [t.wrote(run.output, r.plans.length)];
  lines.push(t.units(r.units.reported, r.units.expected));
  if (r.units.missing.length) lines.push(t.missing(r.units.missing.join(", ")));
  if (r.units.unexpected.length) lines.push(t.unexpected(r.units.unexpected.join(", ")));
  for (const s of r.units.spelling) lines.push(t.spelling(s.label, s.unit));
  for (const c of r.conflicts) lines.push(t.conflict(c.unit, c.form, c.files.map((f) => f.file).join(", "), c.kept));
  for (const l of run.lines.filter((x) => x.status !== "ok")) lines.push(t.file(l.file, vi.summary.status[l.status], l.error ?? ""));
  return lines.join("\n") + "\n";
}
