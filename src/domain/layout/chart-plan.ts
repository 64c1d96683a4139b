/**
 * A chart drawn by the spreadsheet program itself from cells of its own sheet: the xlsx writer
 * turns it into a DrawingML chart part, the Office.js adapter into `worksheet.charts.add`. Its
 * ranges are on the sheet the chart sits on, so a chart always plots what the sheet shows.
 */

/** A range of the chart's own sheet ("A21:A38") and what its cells hold now. */
export interface ChartData<T> {
  range: string;
  values: T[];
}

export interface ChartSeriesPlan {
  /** The header cell that names the series, and its text. */
  name: { cell: string; text: string };
  values: ChartData<number | null>;
  /** Fill colour as RRGGBB. */
  color: string;
}

/**
 * - pie: one series, a slice per category, labelled with its percentage
 * - bar: horizontal bars, one per category, labelled with their value
 * - stackedBar: horizontal bars whose series add up, labelled with their value
 * Horizontal bars list the first category at the top, as the table beside them does.
 */
export type ChartKind = "pie" | "bar" | "stackedBar";

export interface ChartPlan {
  kind: ChartKind;
  title: string;
  categories: ChartData<string>;
  series: ChartSeriesPlan[];
  /** Slice colours of a pie (RRGGBB), one per category. */
  pointColors?: string[];
  /** Excel number format of the values, used by the value axis and the data labels. */
  numberFormat: string;
  /** Fixed bounds of the value axis (a share runs from 0 to 1). */
  valueAxis?: { min: number; max: number };
  /** The cells the chart covers, 1-based and inclusive. */
  anchor: { from: { row: number; col: number }; to: { row: number; col: number } };
}
