/**
 * Draws the summary's overview sheet through Office.js: its cells as any plan's, then charts
 * Excel makes itself from the tables on the sheet. Everything here only queues commands; the
 * caller syncs. Every API used is in ExcelApi 1.9 or below, the manifest's minimum.
 */
import type { OverviewPlan } from "../domain/consolidate/overview-sheet";
import type { ChartKind, ChartPlan } from "../domain/layout/chart-plan";
import { cellAddress } from "../domain/layout/a1";
import { jsonBytes, prepareSheetPlan, queuePlanRows, queueSizes } from "./apply-sheet-plan";

const CHART_TYPES: Record<ChartKind, "Pie" | "BarClustered" | "BarStacked"> = { pie: "Pie", bar: "BarClustered", stackedBar: "BarStacked" };

/** Rough size of one queued command on top of its arguments, as apply-sheet-plan counts it. */
const COMMAND_BYTES = 300;
/** Commands one chart queues, at most: the chart, its series, labels, axes, title, legend, points. */
const CHART_COMMANDS = 60;

const FONT = "Times New Roman";

/** Estimated request bytes of queueOverview, for the caller's request budget. */
export function overviewBytes(overview: OverviewPlan): number {
  const charts = overview.charts.reduce((s, c) => s + CHART_COMMANDS * COMMAND_BYTES + jsonBytes(c), 0);
  return prepareSheetPlan(overview).bytes + charts + COMMAND_BYTES * (10 + overview.pageBreaks.length);
}

/** Data labels: the value on each bar (zeros left blank on stacked bars), the percentage on each slice. */
function queueLabels(series: Excel.ChartSeries, chart: ChartPlan): void {
  series.hasDataLabels = true;
  const labels = series.dataLabels;
  labels.format.font.name = FONT;
  labels.format.font.size = 9;
  if (chart.kind === "pie") {
    labels.showValue = false;
    labels.showPercentage = true;
    labels.numberFormat = "0.0%";
    labels.position = "BestFit";
    return;
  }
  labels.showValue = true;
  labels.numberFormat = chart.kind === "stackedBar" ? `${chart.numberFormat};-${chart.numberFormat};` : chart.numberFormat;
  labels.position = chart.kind === "stackedBar" ? "Center" : "OutsideEnd";
}

/** The series of a chart: values, categories, name and colour from the plan, whatever Excel guessed. */
function queueSeries(sheet: Excel.Worksheet, chart: Excel.Chart, plan: ChartPlan): void {
  const categories = sheet.getRange(plan.categories.range);
  plan.series.forEach((s, i) => {
    // The first series is the one charts.add made; setting its values too leaves nothing to Excel's guess about headers.
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name.text);
    series.setValues(sheet.getRange(s.values.range));
    series.setXAxisValues(categories);
    series.name = s.name.text;
    if (plan.kind === "pie") {
      (plan.pointColors ?? []).forEach((color, p) => series.points.getItemAt(p).format.fill.setSolidColor(`#${color}`));
    } else {
      series.format.fill.setSolidColor(`#${s.color}`);
      series.gapWidth = plan.kind === "stackedBar" ? 60 : 40;
    }
    queueLabels(series, plan);
  });
}

/**
 * Horizontal bars read top to bottom like the table: the category axis is reversed, and the value
 * axis crosses it at its last category so that it stays under the bars.
 */
function queueAxes(chart: Excel.Chart, plan: ChartPlan): void {
  if (plan.kind === "pie") return;
  const category = chart.axes.categoryAxis;
  category.reversePlotOrder = true;
  category.position = "Maximum";
  category.format.font.size = 9;
  const value = chart.axes.valueAxis;
  value.numberFormat = plan.valueAxis ? "0%" : plan.numberFormat;
  value.format.font.size = 9;
  if (plan.valueAxis) {
    value.minimum = plan.valueAxis.min;
    value.maximum = plan.valueAxis.max;
  }
}

function queueChart(sheet: Excel.Worksheet, plan: ChartPlan, index: number): void {
  const chart = sheet.charts.add(CHART_TYPES[plan.kind], sheet.getRange(plan.series[0].values.range), "Columns");
  chart.name = `Biểu đồ ${index + 1}`;
  chart.setPosition(cellAddress(plan.anchor.from.row, plan.anchor.from.col), cellAddress(plan.anchor.to.row, plan.anchor.to.col));
  chart.format.font.name = FONT;
  chart.format.font.size = 10;
  chart.title.text = plan.title;
  chart.title.format.font.name = FONT;
  chart.title.format.font.size = 12;
  chart.title.format.font.bold = true;
  const legend = plan.kind === "pie" || plan.series.length > 1;
  chart.legend.visible = legend;
  if (legend) chart.legend.position = "Bottom";
  queueSeries(sheet, chart, plan);
  queueAxes(chart, plan);
}

/**
 * Queues (never syncs) the overview on its new, empty sheet and moves the sheet to the front:
 * cells, sizes, no gridlines, A4 landscape one page wide with a page break before each section
 * that would not fit, then the charts.
 */
export function queueOverview(sheet: Excel.Worksheet, overview: OverviewPlan): void {
  const prepared = prepareSheetPlan(overview);
  queuePlanRows(sheet, prepared, 0, prepared.rowCount - 1);
  queueSizes(sheet, overview);
  sheet.position = 0;
  sheet.showGridlines = false;
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.centerHorizontally = true;
  for (const row of overview.pageBreaks) sheet.horizontalPageBreaks.add(`A${row}`);
  overview.charts.forEach((chart, i) => queueChart(sheet, chart, i));
}
