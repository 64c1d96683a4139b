import { buildSheetPlan, cleanName, FORM_IDS, getForm } from "../domain";
import type { FormId, FormParams, Level, Messages, SheetPlan, Subunits, Tiers, UnitRef } from "../domain";
import { rosterFor } from "../domain/units/unit-table";
import type { RosterResult, UnitTable } from "../domain/units/unit-table";
import type { TableFileProblem } from "../files/read-table";

export const MIN_YEAR = 2018;
export const MAX_YEAR = 2100;

/** What the "Chèn biểu mẫu" form holds when the user clicks Chèn. */
export interface InsertRequest {
  /** The chosen forms, or "all" for every form. */
  forms: readonly FormId[] | "all";
  level: Level;
  tiers: Tiers;
  unitName: string;
  unitCode: string;
  /** Null while the year box holds something that is not a number. */
  year: number | null;
  /** Blank means the default, "Năm <year>". */
  period: string;
  /** The unit list the user picked, already recognised. */
  table?: UnitTable;
}

export type InsertProblem = "no-form" | "bad-year" | "unit-list";

export type InsertPlansResult = { ok: true; plans: SheetPlan[]; params: FormParams } | { ok: false; problem: InsertProblem };

/** Districts exist only in the three-tier system, so a district report is always three-tier. */
export function tiersFor(level: Level, tiers: Tiers): Tiers {
  return level === "huyen" ? 3 : tiers;
}

export function defaultPeriod(year: number): string {
  return `Năm ${year}`;
}

export function isValidYear(year: number | null): year is number {
  return year !== null && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The chosen forms in the order of the menus, whatever order they were ticked in. */
export function chosenForms(forms: InsertRequest["forms"]): FormId[] {
  return forms === "all" ? [...FORM_IDS] : FORM_IDS.filter((id) => forms.includes(id));
}

/** The reporting unit and subordinate units the unit list gives for this level, if a list was picked. */
export function rosterOf(req: Pick<InsertRequest, "level" | "tiers" | "unitCode" | "table">): RosterResult | undefined {
  if (!req.table) return undefined;
  const code = req.unitCode.trim();
  return rosterFor(req.table, { level: req.level, tiers: tiersFor(req.level, req.tiers), ...(code ? { code } : {}) });
}

/** How many rows a roster pre-fills: subordinate units, and for a province the communes under its districts. */
export function subunitCount(subunits: Subunits): { units: number; communes: number } {
  switch (subunits.kind) {
    case "none":
      return { units: 0, communes: 0 };
    case "communes":
      return { units: subunits.communes.length, communes: subunits.communes.length };
    case "districts":
      return { units: subunits.districts.length, communes: subunits.districts.reduce((n, d) => n + d.communes.length, 0) };
  }
}

/** The typed name and code win over the list's; the list fills what was left blank. */
function unitOf(req: InsertRequest, listUnit: UnitRef | undefined): UnitRef {
  const name = cleanName(req.unitName) || listUnit?.name || "";
  const code = req.unitCode.trim() || listUnit?.code || "";
  return code ? { name, code } : { name };
}

/** The form parameters the request describes, or why there are none. */
export function paramsFor(req: InsertRequest): { ok: true; params: FormParams } | { ok: false; problem: InsertProblem } {
  if (!isValidYear(req.year)) return { ok: false, problem: "bad-year" };
  const roster = rosterOf(req);
  if (roster && !roster.ok) return { ok: false, problem: "unit-list" };
  const period = cleanName(req.period) || defaultPeriod(req.year);
  return {
    ok: true,
    params: {
      level: req.level,
      tiers: tiersFor(req.level, req.tiers),
      unit: unitOf(req, roster?.unit),
      year: req.year,
      period,
      subunits: roster?.subunits ?? { kind: "none" },
    },
  };
}

/**
 * One sheet plan per chosen form. Sheet names are made unique against the workbook by the Excel
 * adapter, which alone knows the sheets there.
 */
export function insertPlans(req: InsertRequest): InsertPlansResult {
  const forms = chosenForms(req.forms);
  if (forms.length === 0) return { ok: false, problem: "no-form" };
  const made = paramsFor(req);
  if (!made.ok) return made;
  return { ok: true, params: made.params, plans: forms.map((id) => buildSheetPlan(getForm(id), made.params)) };
}

/** A unit-list file as picked: recognised as a table, or why it could not be read. */
export type PickedList = { fileName: string; table: UnitTable } | { fileName: string; problem: TableFileProblem | "unreadable" };

/** What the unit-list field says about the picked file under the current level, tiers and code. */
export type ListView = { state: "error"; text: string } | { state: "success"; text: string; unit?: string };

function rosterProblemText(file: string, roster: RosterResult & { ok: false }, m: Messages["ui"]["list"]): string {
  switch (roster.problem) {
    case "needs-code":
      return m.needsCode(file, m.unitKinds[roster.expected]);
    case "no-match":
      return m.noMatch(file, roster.code);
    case "wrong-tiers":
      return m.wrongTiers(file, roster.table);
    case "empty":
      return m.empty(file);
  }
}

/** Why a picked unit-list file gave no list, as the list field says it. */
export function listProblemText(list: Extract<PickedList, { problem: unknown }>, messages: Messages): string {
  const m = messages.ui.list;
  if (list.problem === "unreadable") return m.unreadableUnknown(list.fileName);
  if (list.problem === "empty") return m.empty(list.fileName);
  return m.unreadable(list.fileName, messages.cli.tableProblems[list.problem]);
}

/** The list field's message: how many units the list gives and the reporting unit, or what is wrong. */
export function listView(list: PickedList, req: Pick<InsertRequest, "level" | "tiers" | "unitCode">, messages: Messages): ListView {
  const m = messages.ui.list;
  const file = list.fileName;
  if ("problem" in list) return { state: "error", text: listProblemText(list, messages) };
  const roster = rosterOf({ ...req, table: list.table });
  if (!roster) return { state: "error", text: m.unreadableUnknown(file) };
  if (!roster.ok) return { state: "error", text: rosterProblemText(file, roster, m) };
  const count = subunitCount(roster.subunits);
  const text =
    roster.subunits.kind === "none"
      ? m.noSubunits(file)
      : roster.subunits.kind === "districts" && count.communes > 0
        ? m.foundDistricts(file, count.units, count.communes)
        : m.foundUnits(file, count.units);
  const unit = roster.unit ? m.listUnit(roster.unit.name, roster.unit.code ?? "") : undefined;
  return { state: "success", text, ...(unit ? { unit } : {}) };
}
