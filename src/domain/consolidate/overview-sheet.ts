import type { ChartPlan } from "../layout/chart-plan";
import { FONT_NAME } from "../layout/build-sheet-plan";
import { cellAddress, rangeAddress } from "../layout/a1";
import type { CellSheet, PlanCell, PlanValue, SheetPlan } from "../layout/sheet-plan";
import { vi } from "../messages/vi";
import { COUNT, OverviewBuilder, WIDTHS } from "./overview-builder";
import type { Consolidation } from "./consolidate";
import type { Coverage, Figure, OverviewFigures, Shares } from "./overview-figures";
import { overviewFigures } from "./overview-figures";

/**
 * The summary's first sheet: the handful of figures a reader wants first, and charts Excel draws
 * from tables on the same sheet (the records by outcome, the on-time share per unit, the
 * equipment coverage). The product owns it like the form sheets and rewrites it on every run.
 */
export const OVERVIEW_SHEET = "Tổng quan";

export interface OverviewPlan extends CellSheet {
  charts: ChartPlan[];
  /** Rows that start a new printed page, so that no chart is cut in two. */
  pageBreaks: number[];
}

const COLOURS = { onTime: "2E8B57", late: "C0392B", pending: "A6A6A6", share: "2F6EBA", has: "2F6EBA", hasNot: "E08A2C" };
const MISSING_NAMES_SHOWN = 10;

const cellOf = (f: Figure, style: string): PlanCell => ({ value: f.value, ...(f.formula ? { formula: f.formula } : {}), style });

/** IF(N(b)>0,a/b,""): a share that stays empty rather than dividing by nothing. */
function shareCell(of: string, to: string, ofValue: number, toValue: number, style: string): PlanCell {
  return { value: toValue > 0 ? ofValue / toValue : "", formula: `IF(N(${to})>0,${of}/${to},"")`, style };
}

interface HeadlineCells {
  received?: string;
  onTime?: string;
  late?: string;
}

function headline(b: OverviewBuilder, result: Consolidation, figures: OverviewFigures): HeadlineCells {
  const t = vi.overview;
  const u = result.units;
  b.span(t.headlineTitle, b.s.section, 1);
  b.header(t.headlineHeader, true);
  const plain = (label: string, value: PlanValue): number => b.figureRow(label, { value, style: b.s.count });
  const listed = u.expected > 0;
  if (listed) plain(t.expected, u.expected);
  plain(t.reported, u.reported);
  if (listed) plain(t.missing, u.missing.length);
  if (u.unexpected.length > 0) plain(t.unexpected, u.unexpected.length);
  // A conflict is one unit's row of one form: a unit sending two whole workbooks has five.
  plain(t.conflicts, new Set(result.conflicts.map((c) => c.unit)).size);
  if (figures.staff) b.figureRow(t.staff, cellOf(figures.staff, b.s.count));
  const cells: HeadlineCells = {};
  const r = figures.records;
  if (r) {
    cells.received = cellAddress(b.figureRow(t.received, cellOf(r.received, b.s.count)), 4);
    cells.onTime = cellAddress(b.figureRow(t.onTime, cellOf(r.onTime, b.s.count)), 4);
    cells.late = cellAddress(b.figureRow(t.late, cellOf(r.late, b.s.count)), 4);
    b.figureRow(t.onTimeShare, shareCell(cells.onTime, cells.received, r.onTime.value, r.received.value, b.s.share));
  }
  if (figures.investment) b.figureRow(t.investment, cellOf(figures.investment, b.s.count));
  return cells;
}

function notes(b: OverviewBuilder, result: Consolidation, figures: OverviewFigures): void {
  const t = vi.overview;
  const u = result.units;
  const lines: string[] = [t.live];
  if (u.expected === 0) lines.push(t.noList);
  if (u.missing.length > 0) {
    const shown = u.missing.slice(0, MISSING_NAMES_SHOWN);
    lines.push(t.missingUnits(shown.join(", "), u.missing.length - shown.length));
  }
  if (result.conflicts.some((c) => !c.kept)) lines.push(t.conflictsNote);
  for (const form of figures.missingForms) lines.push(t.missingForm[form]);
  b.blankRow();
  b.span(t.notesTitle, b.s.section, 1);
  for (const line of lines) b.span(`- ${line}`, b.s.note);
}

/**
 * The records by outcome, under the headline figures; the pie beside both, from the top of the
 * headline block, so that the first screen and the first printed page hold the key figures and
 * one chart.
 */
function records(b: OverviewBuilder, at: HeadlineCells, figures: OverviewFigures, top: number): void {
  const r = figures.records;
  if (!r || !at.received || !at.onTime || !at.late) return;
  const t = vi.overview;
  b.blankRow();
  b.span(t.recordsTitle, b.s.section, 1);
  const head = b.header(t.recordsHeader, true);
  const pending = Math.max(0, r.received.value - r.onTime.value - r.late.value);
  const rows = [
    b.figureRow(t.recordsOnTime, { value: r.onTime.value, formula: at.onTime, style: b.s.count }),
    b.figureRow(t.recordsLate, { value: r.late.value, formula: at.late, style: b.s.count }),
    b.figureRow(t.recordsPending, { value: pending, formula: `MAX(0,${at.received}-${at.onTime}-${at.late})`, style: b.s.count }),
  ];
  const last = b.chart(
    {
      kind: "pie",
      title: t.recordsChart,
      categories: { range: rangeAddress(rows[0], 1, rows[2], 1), values: [t.recordsOnTime, t.recordsLate, t.recordsPending] },
      series: [{ name: { cell: cellAddress(head, 4), text: t.recordsHeader[1] }, values: { range: rangeAddress(rows[0], 4, rows[2], 4), values: [r.onTime.value, r.late.value, pending] }, color: COLOURS.share }],
      pointColors: [COLOURS.onTime, COLOURS.late, COLOURS.pending],
      numberFormat: COUNT,
    },
    top,
    rows[2],
  );
  while (b.next <= last) b.blankRow();
}

function scopeNote(s: Shares): string {
  const t = vi.overview.sharesScope;
  switch (s.scope) {
    case "all":
      return t.all(s.among, s.sheet);
    case "lowest":
      return t.lowest(s.rows.length, s.among, s.sheet);
    case "districts":
      return t.districts(s.among, s.sheet);
    case "lowestDistricts":
      return t.lowestDistricts(s.rows.length, s.among, s.sheet);
  }
}

function shares(b: OverviewBuilder, figures: OverviewFigures): void {
  const s = figures.shares;
  if (!s) return;
  const t = vi.overview;
  const top = b.span(t.sharesTitle, b.s.section, 1);
  b.span(scopeNote(s), b.s.note);
  const byDistrict = s.scope === "districts" || s.scope === "lowestDistricts";
  const head = b.header(byDistrict ? [t.sharesDistrictHeader, ...t.sharesHeader.slice(1)] : t.sharesHeader);
  const first = b.next;
  const values: number[] = [];
  for (const row of s.rows) {
    const r = b.next;
    const cell = shareCell(`C${r}`, `B${r}`, row.onTime.value, row.received.value, b.s.share);
    values.push(typeof cell.value === "number" ? cell.value : 0);
    b.tableRow(row.label, [cellOf(row.received, b.s.count), cellOf(row.onTime, b.s.count), cell]);
  }
  const last = b.next - 1;
  const end = b.chart(
    {
      kind: "bar",
      title: s.scope === "lowest" || s.scope === "lowestDistricts" ? t.sharesLowestChart(s.rows.length) : t.sharesChart,
      categories: { range: rangeAddress(first, 1, last, 1), values: s.rows.map((r) => r.label) },
      series: [{ name: { cell: cellAddress(head, 4), text: t.sharesHeader[3] }, values: { range: rangeAddress(first, 4, last, 4), values }, color: COLOURS.share }],
      numberFormat: "0.0%",
      valueAxis: { min: 0, max: 1 },
    },
    top + 1,
    last,
  );
  b.endSection(top, end);
}

function equipment(b: OverviewBuilder, figures: OverviewFigures): void {
  const m = figures.machines;
  if (!m) return;
  const t = vi.overview;
  const top = b.span(t.equipmentTitle, b.s.section, 1);
  b.span(t.equipmentNote(m.units, m.sheet), b.s.note);
  const head = b.header(t.equipmentHeader);
  const first = b.next;
  for (const row of m.rows) {
    const r = b.next;
    const all = row.with.value + row.without.value;
    const cell: PlanCell = { value: all > 0 ? row.with.value / all : "", formula: `IF(N(B${r})+N(C${r})>0,B${r}/(B${r}+C${r}),"")`, style: b.s.share };
    b.tableRow(row.label, [cellOf(row.with, b.s.count), cellOf(row.without, b.s.count), cell]);
  }
  const last = b.next - 1;
  const series = (col: number, color: string, pick: (r: Coverage) => number): ChartPlan["series"][number] => ({
    name: { cell: cellAddress(head, col), text: t.equipmentHeader[col - 1] },
    values: { range: rangeAddress(first, col, last, col), values: m.rows.map(pick) },
    color,
  });
  const end = b.chart(
    {
      kind: "stackedBar",
      title: t.equipmentChart,
      categories: { range: rangeAddress(first, 1, last, 1), values: m.rows.map((r) => r.label) },
      series: [series(2, COLOURS.has, (r) => r.with.value), series(3, COLOURS.hasNot, (r) => r.without.value)],
      numberFormat: COUNT,
    },
    top + 1,
    last,
  );
  b.endSection(top, end);
}

/**
 * The overview of a consolidation. `plans` are its form sheets as named in the workbook (after
 * `withUniqueNames`), `name` the overview's own: both go into the formulas and chart ranges.
 * @example buildOverview(result, named, "Tổng quan").charts.map((c) => c.kind) // ["pie", "bar", "stackedBar"]
 */
export function buildOverview(result: Consolidation, plans: SheetPlan[] = result.plans, name = OVERVIEW_SHEET): OverviewPlan {
  const figures = overviewFigures(plans, result.params);
  const b = new OverviewBuilder();
  const t = vi.overview;
  b.span(t.title, b.s.title, WIDTHS.length);
  b.span(t.subtitle(result.params.unit.name, result.params.period), b.s.subtitle, WIDTHS.length);
  b.blankRow();
  const top = b.next;
  const at = headline(b, result, figures);
  records(b, at, figures, top);
  notes(b, result, figures);
  b.blankRow();
  shares(b, figures);
  equipment(b, figures);
  return {
    name,
    fontName: FONT_NAME,
    columnWidths: WIDTHS,
    rowHeights: b.heights,
    cells: b.cells,
    merges: b.merges,
    styles: b.book.styles,
    charts: b.charts,
    pageBreaks: b.pageBreaks,
  };
}
