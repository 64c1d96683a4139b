import { existsSync, writeFileSync } from "node:fs";
import type { FormId, FormParams, Level, Subunits, Tiers, UnitRef } from "../domain/forms/form-types";
import { FORM_IDS } from "../domain/forms/form-types";
import { getForm } from "../domain/forms/registry";
import { buildSheetPlan } from "../domain/layout/build-sheet-plan";
import { writeWorkbook } from "../files/xlsx-writer";
import type { ParsedArgs } from "./args";
import { CliError } from "./cli-error";
import { loadRoster } from "./unit-list";
import { en, vi } from "../domain/messages/messages";

export interface TemplateOptions {
  forms: FormId[];
  level: Level;
  tiers: Tiers;
  unit?: string;
  code?: string;
  unitsFile?: string;
  year: number;
  period?: string;
  output: string;
  force: boolean;
}

export const TEMPLATE_ARGS = {
  valued: ["--level", "--tiers", "--unit", "--code", "--units", "--year", "--period", "--output"],
  flags: ["--force"],
  aliases: { "-o": "--output" },
};

const LEVELS: Level[] = ["xa", "huyen", "tinh"];

function bad(viText: string, enText: string): CliError {
  return new CliError(viText, enText);
}

/**
 * Checks and completes the options of `phuluc template`.
 * @throws CliError for anything unusable
 */
export function templateOptions(args: ParsedArgs, today = new Date()): TemplateOptions {
  const [formArg, ...rest] = args.positional;
  const known = [...FORM_IDS, "all"].join(", ");
  if (!formArg) throw bad(vi.cli.unknownForm("", known), en.cli.unknownForm("", known));
  if (rest.length > 0) throw bad(vi.cli.badArgs(rest.join(" ")), en.cli.badArgs(rest.join(" ")));
  const forms = formArg === "all" ? [...FORM_IDS] : FORM_IDS.filter((id) => id === formArg);
  if (forms.length === 0) throw bad(vi.cli.unknownForm(formArg, known), en.cli.unknownForm(formArg, known));

  const levelArg = args.options.get("--level") ?? "huyen";
  const level = LEVELS.find((l) => l === levelArg);
  if (!level) throw bad(vi.cli.badLevel(levelArg), en.cli.badLevel(levelArg));
  // Districts exist only in the three-tier system; a province or commune reports two-tier by default.
  const tiersArg = args.options.get("--tiers") ?? (level === "huyen" ? "3" : "2");
  if (tiersArg !== "2" && tiersArg !== "3") throw bad(vi.cli.badTiers(tiersArg), en.cli.badTiers(tiersArg));
  const tiers: Tiers = tiersArg === "2" ? 2 : 3;
  if (level === "huyen" && tiers === 2) throw bad(vi.cli.districtNeedsThreeTiers, en.cli.districtNeedsThreeTiers);

  const yearArg = args.options.get("--year") ?? String(today.getFullYear());
  const year = Number(yearArg);
  if (!/^\d{4}$/.test(yearArg) || year < 2018 || year > 2100) throw bad(vi.cli.badYear(yearArg), en.cli.badYear(yearArg));

  const output = args.options.get("--output");
  if (!output) throw bad(vi.cli.missingOutput, en.cli.missingOutput);
  if (!/\.xlsx$/i.test(output)) throw bad(vi.cli.badOutputType(output), en.cli.badOutputType(output));

  return {
    forms,
    level,
    tiers,
    unit: args.options.get("--unit"),
    code: args.options.get("--code"),
    unitsFile: args.options.get("--units"),
    year,
    period: args.options.get("--period"),
    output,
    force: args.flags.has("--force"),
  };
}

/** The form parameters these options describe, reading the unit list if one is named. */
export function formParams(opts: TemplateOptions): FormParams {
  let unit: UnitRef = { name: opts.unit ?? "", ...(opts.code ? { code: opts.code } : {}) };
  let subunits: Subunits = { kind: "none" };
  if (opts.unitsFile) {
    const roster = loadRoster(opts.unitsFile, { level: opts.level, tiers: opts.tiers, code: opts.code });
    subunits = roster.subunits;
    if (roster.unit) unit = { name: opts.unit ?? roster.unit.name, code: roster.unit.code ?? opts.code };
  }
  return {
    level: opts.level,
    tiers: opts.tiers,
    unit,
    year: opts.year,
    period: opts.period ?? `Năm ${opts.year}`,
    subunits,
  };
}

/**
 * `phuluc template`: writes the chosen forms, one sheet each, to a new workbook.
 * @throws CliError when the unit list cannot be used or the file cannot be written
 */
export async function runTemplate(opts: TemplateOptions): Promise<{ output: string; sheets: string[] }> {
  const params = formParams(opts);
  const plans = opts.forms.map((id) => buildSheetPlan(getForm(id), params));
  if (existsSync(opts.output) && !opts.force) {
    throw bad(vi.cli.outputExists(opts.output), en.cli.outputExists(opts.output));
  }
  const bytes = await writeWorkbook(plans);
  try {
    writeFileSync(opts.output, bytes);
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw bad(vi.cli.cannotWrite(opts.output, detail), en.cli.cannotWrite(opts.output, detail));
  }
  return { output: opts.output, sheets: plans.map((p) => p.name) };
}
