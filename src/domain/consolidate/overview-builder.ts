import type { ChartPlan } from "../layout/chart-plan";
import { rangeAddress } from "../layout/a1";
import type { CellStyle, PlanCell } from "../layout/sheet-plan";
import { StyleBook } from "../layout/style-book";
import { heightFor, linesFor } from "../layout/text-metrics";

/**
 * Lays out the overview sheet row by row: tables in columns A–D, charts beside them in F–M, and
 * where printed pages break. It knows the sheet's grid; what goes in it is overview-sheet.ts's.
 */

/** Columns A–D hold the tables, E is a gap, F–M the charts beside them. */
export const WIDTHS = [40, 14, 14, 14, 3, 10, 10, 10, 10, 10, 10, 10, 10];
const TABLE_COLUMNS = 4;
const TABLE_WIDTH = WIDTHS.slice(0, TABLE_COLUMNS).reduce((s, w) => s + w, 0);
const CHART_FIRST_COLUMN = 6;
/** A chart is at least this many rows tall, and as tall as the table beside it. */
const CHART_MIN_ROWS = 16;
/** Excel's default row height for the 12 pt font, in points. */
const DEFAULT_ROW_POINTS = 15.75;
/**
 * Sheet points on one printed page: A4 landscape (595 pt) less the margins, at the scale that
 * fits columns A–M to the page width. An estimate: it only decides where sections start a page.
 */
const PAGE_POINTS = 580;

export const COUNT = "#,##0";
export const SHARE = "0.00%";

type Styles = Record<"title" | "subtitle" | "section" | "header" | "label" | "count" | "share" | "note" | "blank", string>;

/** The height a wrapped text needs in a cell `width` characters wide; undefined for one line. */
function heightOf(text: string, width: number): number | undefined {
  const lines = linesFor(text, width);
  return lines > 1 ? heightFor(lines) : undefined;
}

/** Rows of the overview, appended top to bottom; every row spans the sheet's columns. */
export class OverviewBuilder {
  readonly cells: PlanCell[][] = [];
  readonly heights: (number | undefined)[] = [];
  readonly merges: string[] = [];
  readonly charts: ChartPlan[] = [];
  readonly pageBreaks: number[] = [];
  readonly book = new StyleBook();
  readonly s: Styles;

  constructor() {
    const id = (style: Partial<CellStyle>): string => this.book.id(style);
    this.s = {
      title: id({ bold: true, size: 14, h: "center" }),
      subtitle: id({ italic: true, h: "center" }),
      section: id({ bold: true }),
      header: id({ bold: true, h: "center", wrap: true, border: true }),
      label: id({ border: true, wrap: true }),
      count: id({ border: true, h: "right", numberFormat: COUNT }),
      share: id({ border: true, h: "right", numberFormat: SHARE }),
      note: id({ wrap: true }),
      blank: id({}),
    };
  }

  get next(): number {
    return this.cells.length + 1;
  }

  push(cells: PlanCell[], height?: number): number {
    const row = [...cells];
    while (row.length < WIDTHS.length) row.push({ value: null, style: this.s.blank });
    this.cells.push(row);
    this.heights.push(height);
    return this.cells.length;
  }

  blankRow(): number {
    return this.push([]);
  }

  /** Text across columns `from`–`to`, merged, the row as tall as the wrapped text needs. */
  span(text: string, style: string, to = TABLE_COLUMNS): number {
    const width = WIDTHS.slice(0, to).reduce((s, w) => s + w, 0);
    const wraps = this.book.styles[style].wrap;
    const cells: PlanCell[] = Array.from({ length: to }, (_, i) => ({ value: i === 0 ? text : null, style }));
    const row = this.push(cells, wraps ? heightOf(text, width) : undefined);
    if (to > 1) this.merges.push(rangeAddress(row, 1, row, to));
    return row;
  }

  /** A label over columns A–C (merged) and its figure in D. */
  figureRow(label: string, cell: PlanCell): number {
    const cells = [{ value: label, style: this.s.label }, { value: null, style: this.s.label }, { value: null, style: this.s.label }, cell];
    const row = this.push(cells, heightOf(label, TABLE_WIDTH - WIDTHS[3]));
    this.merges.push(rangeAddress(row, 1, row, 3));
    return row;
  }

  /** A table row: a label in A (as tall as it wraps to) and three cells. */
  tableRow(label: string, cells: PlanCell[]): number {
    return this.push([{ value: label, style: this.s.label }, ...cells], heightOf(label, WIDTHS[0]));
  }

  /** A header row of the four table columns. */
  header(texts: readonly string[], mergeFirstThree = false): number {
    const cells = mergeFirstThree
      ? [texts[0], null, null, texts[1]].map((value) => ({ value, style: this.s.header }))
      : texts.map((value) => ({ value, style: this.s.header }));
    const tallest = Math.max(...texts.map((t, i) => linesFor(t, mergeFirstThree && i === 0 ? TABLE_WIDTH - WIDTHS[3] : WIDTHS[i])));
    const row = this.push(cells, heightFor(tallest));
    if (mergeFirstThree) this.merges.push(rangeAddress(row, 1, row, 3));
    return row;
  }

  /**
   * A chart beside the table from `top` to `bottom`; returns the last row either reaches. A
   * section's chart starts below its title row, the row a printed page may start with: a chart
   * edge on the page break would print a stray line at the foot of the page before.
   */
  chart(plan: Omit<ChartPlan, "anchor">, top: number, bottom: number): number {
    const last = Math.max(bottom, top + CHART_MIN_ROWS - 1);
    this.charts.push({ ...plan, anchor: { from: { row: top, col: CHART_FIRST_COLUMN }, to: { row: last, col: WIDTHS.length } } });
    return last;
  }

  /**
   * Leaves room for the tallest of the table and its chart, then one blank row; a section that
   * would run past the printed page it starts on starts the next page instead.
   */
  endSection(top: number, last: number): void {
    while (this.next <= last) this.blankRow();
    this.blankRow();
    const points = (from: number, to: number): number => this.heights.slice(from - 1, to).reduce<number>((s, h) => s + (h ?? DEFAULT_ROW_POINTS), 0);
    const pageTop = this.pageBreaks.at(-1) ?? 1;
    if (top > pageTop && points(pageTop, last) > PAGE_POINTS) this.pageBreaks.push(top);
  }
}

