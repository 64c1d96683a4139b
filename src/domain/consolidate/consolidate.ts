import type { DistrictGroup, FormId, FormParams, Level, Subunits, Tiers, UnitRef } from "../forms/form-types";
import { FORM_IDS } from "../forms/form-types";
import { getForm } from "../forms/registry";
import { GROUP } from "../forms/skeleton";
import { buildSheetPlan } from "../layout/build-sheet-plan";
import { fillPlan } from "../layout/fill-plan";
import type { RowValues } from "../layout/fill-plan";
import type { SheetPlan } from "../layout/sheet-plan";
import { cleanName } from "../units/unit-names";
import type { FigureValue } from "./extract";
import type { Conflict, Expected, InputRecord, Placed } from "./match-entries";
import { keyOf, placeEntries, resolveConflicts, slotKey } from "./match-entries";

export interface ConsolidateRequest {
  level: Exclude<Level, "xa">;
  tiers: Tiers;
  /** The reporting unit; else the list's, else the district summaries' province. */
  unit?: UnitRef;
  /** Expected units from a list; without one, the units found make the skeleton. */
  expected?: { unit?: UnitRef; communes: UnitRef[]; districts?: DistrictGroup[] };
  newestWins: boolean;
  /** Leave out files with validation errors (they are always flagged). */
  excludeInvalid: boolean;
  year: number;
  period: string;
}

export type ColumnTotal = number | { sum: number; marked: number };

/** Where one summary row came from. */
export interface LineageRow {
  sheet: string;
  row: number;
  form: FormId;
  unit: string;
  file: string;
  sourceSheet: string;
  sourceRow: number;
  sourceCells: string;
}

export interface Consolidation {
  params: FormParams;
  /** The forms the summary has, in the official order. */
  forms: FormId[];
  /** The summary sheets; none when only a preview was asked for. */
  plans: SheetPlan[];
  placed: Placed[];
  conflicts: Conflict[];
  units: { expected: number; reported: number; missing: string[]; unexpected: string[]; spelling: { label: string; unit: string }[] };
  totals: Partial<Record<FormId, Record<string, ColumnTotal>>>;
  lineage: LineageRow[];
}

const MISSING_NOTE = "Chưa nhận được báo cáo";

function columnNumber(form: FormId, key: string, params: FormParams): string {
  return getForm(form).columns(params).find((c) => c.key === key)?.number ?? key;
}

/** Communes in code order (the official order), else by name. */
function byCode(a: UnitRef, b: UnitRef): number {
  return (a.code ?? "").localeCompare(b.code ?? "") || a.name.localeCompare(b.name, "vi");
}

function skeleton(req: ConsolidateRequest, chosen: Placed[]): Subunits {
  const found = (slot: Placed["slot"]): UnitRef[] => {
    const map = new Map<string, UnitRef>();
    for (const p of chosen) if (p.slot === slot && !map.has(keyOf(p.unit))) map.set(keyOf(p.unit), p.unit);
    return [...map.values()].sort(byCode);
  };
  if (req.level === "tinh" && req.tiers === 3) {
    if (req.expected?.districts?.length) return { kind: "districts", districts: req.expected.districts };
    const districts = [...found("district"), ...found("own")];
    const communes = chosen.filter((p) => p.slot === "commune");
    return {
      kind: "districts",
      districts: districts.map((d) => ({
        district: d,
        communes: communes.filter((c) => c.entry.district && keyOf(c.entry.district) === keyOf(d)).map((c) => c.unit),
      })),
    };
  }
  const communes = req.expected?.communes.length ? req.expected.communes : found("commune");
  return { kind: "communes", communes };
}

function totalsOf(form: FormId, params: FormParams, rows: Placed[]): Record<string, ColumnTotal> {
  const totals: Record<string, ColumnTotal> = {};
  for (const c of getForm(form).columns(params)) {
    const values = rows.map((p) => p.entry.values[c.key] ?? null);
    if (c.kind === "count" || c.kind === "money") totals[c.number] = values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
    if (c.kind === "mark") totals[c.number] = values.filter((v) => v === "X").length;
    if (c.kind === "machine") {
      const sum = values.reduce<number>((s, v) => s + (typeof v === "string" ? Number(/^(\d+) máy$/.exec(v)?.[1] ?? 0) : 0), 0);
      totals[c.number] = { sum, marked: values.filter((v) => v === "X").length };
    }
  }
  return totals;
}

interface FormSheet {
  plan: SheetPlan;
  lineage: LineageRow[];
}

function formSheet(form: FormId, params: FormParams, lookup: Map<string, Placed>, conflicts: Conflict[]): FormSheet {
  const plan = buildSheetPlan(getForm(form), params, { summary: true });
  const lineage: LineageRow[] = [];
  const conflicted = new Map(conflicts.filter((c) => c.form === form && !c.kept).map((c) => [cleanName(c.unit), c]));
  const slotOf = (group: string): Placed["slot"] => (group === GROUP.commune ? "commune" : group === GROUP.district ? "district" : "own");
  const filled = fillPlan(plan, (unit, group): RowValues | undefined => {
    const hit = lookup.get(slotKey({ slot: slotOf(group), unit }, form));
    if (hit) return hit.entry.values as Record<string, FigureValue>;
    const conflict = conflicted.get(cleanName(unit.name));
    if (conflict) return { note: `Xung đột: ${conflict.files.map((f) => f.file).join("; ")}` };
    return group === GROUP.commune || group === GROUP.district ? { note: MISSING_NOTE } : undefined;
  });
  for (const { row, unit, group } of plan.unitRows) {
    const hit = lookup.get(slotKey({ slot: slotOf(group), unit }, form));
    if (!hit) continue;
    const cells = Object.values(hit.entry.source.cells);
    lineage.push({
      sheet: plan.name,
      row,
      form,
      unit: unit.name,
      file: hit.input.file,
      sourceSheet: hit.entry.source.sheet,
      sourceRow: hit.entry.source.row,
      sourceCells: cells.length > 0 ? `${cells[0]}:${cells[cells.length - 1]}` : "",
    });
  }
  return { plan: filled, lineage };
}

export interface ConsolidateOptions {
  /**
   * false: everything but the summary sheets and their lineage. Laying out the sheets is most of
   * the work for thousands of units, and a preview (units, conflicts, totals) does not show them.
   */
  sheets?: boolean;
}

/**
 * The summary of many units' workbooks: the same forms at the next level, each unit's figures
 * in its row in skeleton order, totals as live formulas, every row traced to its file, and the
 * units expected but missing, present but unexpected, or claimed by two files.
 */
export function consolidate(inputs: InputRecord[], req: ConsolidateRequest, options: ConsolidateOptions = {}): Consolidation {
  const usable = inputs.filter((i) => !(req.excludeInvalid && i.invalid));
  const expected: Expected = {
    own: req.unit ?? req.expected?.unit,
    communes: req.expected?.communes ?? [],
    districts: req.expected?.districts?.map((d) => d.district) ?? [],
    upperIsDistrict: req.level === "tinh" && req.tiers === 3,
  };
  const placed = placeEntries(usable, expected);
  // Without a named unit, the unit's own workbook among the inputs names it.
  const own = expected.own ?? placed.find((p) => p.slot === "own")?.unit ?? { name: "" };
  const params0: FormParams = { level: req.level, tiers: req.tiers, unit: own, year: req.year, period: req.period, subunits: { kind: "none" } };
  const { chosen, conflicts } = resolveConflicts(placed, (form, key) => columnNumber(form, key, params0), req.newestWins);
  const chosenList = [...chosen.values()];
  const params: FormParams = { ...params0, subunits: skeleton(req, chosenList) };

  const forms = FORM_IDS.filter((f) => chosenList.some((p) => p.entry.form === f));
  const sheets = options.sheets === false ? [] : forms.map((f) => formSheet(f, params, chosen, conflicts));
  const totals: Consolidation["totals"] = {};
  for (const f of forms) totals[f] = totalsOf(f, params, chosenList.filter((p) => p.entry.form === f));

  const reportedKeys = new Set(chosenList.filter((p) => p.slot === "commune").map((p) => keyOf(p.unit)));
  const conflictKeys = new Set(conflicts.map((c) => cleanName(c.unit)));
  const missing = expected.communes.filter((u) => !reportedKeys.has(keyOf(u)) && !conflictKeys.has(cleanName(u.name))).map((u) => u.name);
  const unexpected = [...new Set(placed.filter((p) => p.unexpected).map((p) => p.entry.label))];
  const spelling = [...new Map(placed.filter((p) => p.spelling).map((p) => [p.entry.label, { label: p.entry.label, unit: p.unit.name }])).values()];
  return {
    params,
    forms,
    plans: sheets.map((s) => s.plan),
    placed,
    conflicts,
    units: { expected: expected.communes.length, reported: reportedKeys.size, missing, unexpected, spelling },
    totals,
    lineage: sheets.flatMap((s) => s.lineage),
  };
}
