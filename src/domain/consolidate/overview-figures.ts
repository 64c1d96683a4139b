import type { FormId, FormParams } from "../forms/form-types";
import { getForm } from "../forms/registry";
import { GROUP } from "../forms/skeleton";
import { cellAddress, columnLetter, runsOf } from "../layout/a1";
import type { SheetPlan } from "../layout/sheet-plan";
import { keyOf } from "./match-entries";

/**
 * The overview's figures, each with the live formula that recomputes it from the summary's form
 * sheets. Why formulas: the form sheets are where officials correct a figure after the run, and
 * the overview must not go on showing the old one; and every formula is short and points at
 * cells the product itself laid out (the forms' own total rows, single unit cells, or one
 * contiguous column of unit rows), so none of them grows with the number of units. What a
 * formula cannot follow is which units a long list charts: that choice is made here, once.
 */

/** A figure as its cell shows it: the value now, and the formula that recomputes it (en-US, no "="). */
export interface Figure {
  value: number;
  formula?: string;
}

export interface ShareRow {
  label: string;
  received: Figure;
  onTime: Figure;
}

/**
 * Which rows the on-time chart shows: every unit with records; the lowest shares when there are
 * too many to read; or, in a three-tier province, one row per district (all, or the lowest).
 */
export type ShareScope = "all" | "lowest" | "districts" | "lowestDistricts";

export interface Shares {
  rows: ShareRow[];
  scope: ShareScope;
  /** How many units (or districts) have records: the rows are all of them, or the lowest. */
  among: number;
  /** The procedures sheet, as named in the workbook. */
  sheet: string;
}

export interface Coverage {
  label: string;
  with: Figure;
  without: Figure;
}

export interface OverviewFigures {
  staff?: Figure;
  records?: { received: Figure; onTime: Figure; late: Figure };
  investment?: Figure;
  shares?: Shares;
  machines?: { rows: Coverage[]; units: number; sheet: string };
  /** Forms the overview draws on that no input held. */
  missingForms: DrawnForm[];
}

/** At most this many bars on one chart: beyond it the labels no longer read. */
export const MAX_BARS = 25;

/** A sheet name inside a reference: always quoted, its own apostrophes doubled. */
export const sheetRef = (sheet: string, address: string): string => `'${sheet.replace(/'/g, "''")}'!${address}`;

const columnOf = (plan: SheetPlan, key: string): number => plan.stamp.columns.indexOf(key) + 1;

function numberAt(plan: SheetPlan, row: number, col: number): number | undefined {
  const v = plan.cells[row - 1]?.[col - 1]?.value;
  return typeof v === "number" ? v : undefined;
}

function textAt(plan: SheetPlan, row: number, col: number): string | undefined {
  const v = plan.cells[row - 1]?.[col - 1]?.value;
  return typeof v === "string" ? v : undefined;
}

/**
 * A column's grand total: the sum of its unit rows, and as formula the sum of the form's own
 * total rows ("Tổng", "Tổng cộng"), which together cover every unit row exactly once. A total
 * row is a body row, not a unit's, whose cell in the column is a formula.
 */
function columnTotal(plan: SheetPlan, key: string): Figure | undefined {
  const col = columnOf(plan, key);
  if (col < 1) return undefined;
  const unitRows = new Set(plan.unitRows.map((u) => u.row));
  const value = plan.unitRows.reduce((s, u) => s + (numberAt(plan, u.row, col) ?? 0), 0);
  const totals: string[] = [];
  for (let r = plan.stamp.body.first; r <= plan.stamp.body.last; r++) {
    if (!unitRows.has(r) && plan.cells[r - 1]?.[col - 1]?.formula) totals.push(sheetRef(plan.name, cellAddress(r, col)));
  }
  return totals.length > 0 ? { value, formula: totals.join("+") } : { value };
}

/** The sum of several columns' totals, formulas joined when every part has one. */
function sumOf(parts: (Figure | undefined)[]): Figure | undefined {
  const present = parts.filter((p): p is Figure => p !== undefined);
  if (present.length === 0) return undefined;
  const value = present.reduce((s, p) => s + p.value, 0);
  return present.every((p) => p.formula) ? { value, formula: present.map((p) => p.formula).join("+") } : { value };
}

const cellFigure = (plan: SheetPlan, row: number, col: number): Figure => ({
  value: numberAt(plan, row, col) ?? 0,
  formula: sheetRef(plan.name, cellAddress(row, col)),
});

/** Rows summed cell by cell: one reference per run of consecutive rows. */
function rowsFigure(plan: SheetPlan, rows: number[], col: number): Figure {
  const value = rows.reduce((s, r) => s + (numberAt(plan, r, col) ?? 0), 0);
  const letter = columnLetter(col);
  const parts = runsOf([...rows].sort((a, b) => a - b)).map(([a, z]) => sheetRef(plan.name, a === z ? `${letter}${a}` : `${letter}${a}:${letter}${z}`));
  return { value, formula: `SUM(${parts.join(",")})` };
}

const share = (r: ShareRow): number => (r.received.value > 0 ? r.onTime.value / r.received.value : 0);

/** The lowest shares first; equal shares keep the sheet's order. */
function lowest(rows: ShareRow[]): ShareRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => share(a.row) - share(b.row) || a.i - b.i)
    .slice(0, MAX_BARS)
    .map((x) => x.row);
}

/** One row per district of a three-tier province: the district's own row and its communes'. */
function districtRows(plan: SheetPlan, params: FormParams, received: number, onTime: number): ShareRow[] {
  if (params.subunits.kind !== "districts") return [];
  const districts = params.subunits.districts;
  const index = new Map<string, number>();
  districts.forEach((d, i) => {
    index.set(`${GROUP.district}|${keyOf(d.district)}`, i);
    for (const c of d.communes) index.set(`${GROUP.commune}|${keyOf(c)}`, i);
  });
  const rows = districts.map((): number[] => []);
  for (const u of plan.unitRows) {
    const i = index.get(`${u.group}|${keyOf(u.unit)}`);
    if (i !== undefined) rows[i].push(u.row);
  }
  return districts
    .map((d, i) => ({ label: d.district.name, received: rowsFigure(plan, rows[i], received), onTime: rowsFigure(plan, rows[i], onTime) }))
    .filter((r) => r.received.value > 0);
}

function sharesOf(plan: SheetPlan, params: FormParams): Shares | undefined {
  const received = columnOf(plan, "received");
  const onTime = columnOf(plan, "onTime");
  const label = columnOf(plan, "unit");
  const units = plan.unitRows
    .filter((u) => (numberAt(plan, u.row, received) ?? 0) > 0)
    .map((u) => ({ label: textAt(plan, u.row, label) ?? u.unit.name, received: cellFigure(plan, u.row, received), onTime: cellFigure(plan, u.row, onTime) }));
  if (units.length === 0) return undefined;
  const base = { sheet: plan.name };
  if (units.length <= MAX_BARS) return { ...base, rows: units, scope: "all", among: units.length };
  const districts = params.level === "tinh" && params.tiers === 3 ? districtRows(plan, params, received, onTime) : [];
  if (districts.length > MAX_BARS) return { ...base, rows: lowest(districts), scope: "lowestDistricts", among: districts.length };
  if (districts.length > 1) return { ...base, rows: districts, scope: "districts", among: districts.length };
  return { ...base, rows: lowest(units), scope: "lowest", among: units.length };
}

/** "2 máy" (any count) is a machine the shop has; "X" marks one it has not. */
const hasMachine = (v: unknown): boolean => typeof v === "string" && /máy$/i.test(v.trim());
const marksNone = (v: unknown): boolean => typeof v === "string" && v.trim().toUpperCase() === "X";

/**
 * For each kind of machine, how many shops have it and how many marked "X". The formula counts
 * over the column from the first to the last unit row: the rows between them are headings whose
 * cells stay empty, so one contiguous range serves two- and three-tier layouts alike.
 */
function machinesOf(plan: SheetPlan, params: FormParams): OverviewFigures["machines"] {
  if (plan.unitRows.length === 0) return undefined;
  const rows = plan.unitRows.map((u) => u.row);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const columns = getForm("facilities")
    .columns(params)
    .filter((c) => c.kind === "machine");
  const values = columns.map((c) => rows.map((r) => plan.cells[r - 1]?.[columnOf(plan, c.key) - 1]?.value));
  const coverage = columns.map((c, i): Coverage => {
    const letter = columnLetter(columnOf(plan, c.key));
    const range = sheetRef(plan.name, `${letter}${first}:${letter}${last}`);
    return {
      label: c.header,
      with: { value: values[i].filter(hasMachine).length, formula: `COUNTIF(${range},"*máy")` },
      without: { value: values[i].filter(marksNone).length, formula: `COUNTIF(${range},"X")` },
    };
  });
  // Shops that reported their equipment: any machine cell filled either way.
  const units = rows.filter((_, r) => values.some((column) => hasMachine(column[r]) || marksNone(column[r]))).length;
  return { rows: coverage, units, sheet: plan.name };
}

/** The forms whose absence the overview reports: those its figures and charts come from. */
const DRAWN_ON = ["staffing", "procedures", "facilities", "investment"] as const;
export type DrawnForm = (typeof DRAWN_ON)[number];

/**
 * The overview's figures from the summary's form sheets as they are named in the workbook (the
 * plans of a Consolidation after `withUniqueNames`): totals as the forms' own total rows give
 * them, the on-time share per unit, and the equipment coverage.
 */
export function overviewFigures(plans: SheetPlan[], params: FormParams): OverviewFigures {
  const plan = (form: FormId): SheetPlan | undefined => plans.find((p) => p.stamp.form === form);
  const staffing = plan("staffing");
  const procedures = plan("procedures");
  const facilities = plan("facilities");
  const investment = plan("investment");
  const figures: OverviewFigures = { missingForms: DRAWN_ON.filter((f) => !plan(f)) };
  const staff = staffing && columnTotal(staffing, "total");
  if (staff) figures.staff = staff;
  if (procedures) {
    const [received, onTime, late] = ["received", "onTime", "late"].map((k) => columnTotal(procedures, k));
    if (received && onTime && late) figures.records = { received, onTime, late };
    const shares = sharesOf(procedures, params);
    if (shares) figures.shares = shares;
  }
  const money = investment && sumOf([columnTotal(investment, "equipment"), columnTotal(investment, "building")]);
  if (money) figures.investment = money;
  const machines = facilities && machinesOf(facilities, params);
  if (machines) figures.machines = machines;
  return figures;
}
