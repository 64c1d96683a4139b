import type { ChartPlan, ChartSeriesPlan } from "../domain/layout/chart-plan";
import { columnLetter, parseRange } from "../domain/layout/a1";
import { esc, XML_HEAD } from "./xml-text";

/**
 * DrawingML for the charts of one sheet: a drawing part anchoring each chart to cells, and one
 * chart part per chart whose series refer to ranges of that sheet. Every reference carries a
 * cache of the values it had when written, so that a viewer which does not recalculate still
 * draws the chart; Excel and LibreOffice refresh it from the cells on opening.
 */

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_REL = `${REL}/drawing`;
const CHART_REL = `${REL}/chart`;

/** The font of the forms, for titles, labels and legends alike. */
const FONT = "Times New Roman";
const TITLE_SIZE = 12;
const TEXT_SIZE = 10;
const LABEL_SIZE = 9;

/** "A21:A38" on sheet "Tổng quan" → "'Tổng quan'!$A$21:$A$38". */
export function absoluteRef(sheet: string, range: string): string {
  const r = parseRange(range);
  if (!r) throw new Error(`not a range: ${range}`);
  const cell = (p: { row: number; col: number }): string => `$${columnLetter(p.col)}$${p.row}`;
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const single = r.start.row === r.end.row && r.start.col === r.end.col;
  return single ? `${quoted}!${cell(r.start)}` : `${quoted}!${cell(r.start)}:${cell(r.end)}`;
}

const font = (size: number, bold = false): string =>
  `<a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr>`;

const textProps = (size: number, bold = false): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(size, bold)}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;

const fill = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

function title(text: string): string {
  const run = `<a:r><a:rPr lang="vi-VN" sz="${TITLE_SIZE * 100}" b="1"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:rPr><a:t>${esc(text)}</a:t></a:r>`;
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(TITLE_SIZE, true)}</a:pPr>${run}</a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
}

function strRef(sheet: string, range: string, values: string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${esc(absoluteRef(sheet, range))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: string, values: (number | null)[], format: string): string {
  const points = values.map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numRef><c:f>${esc(absoluteRef(sheet, range))}</c:f><c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

type LabelKind = "value" | "percent";

/** Data labels: each bar's value, or each slice's percentage. Zeros print nothing on stacked bars. */
function labels(kind: LabelKind, format: string, position: "outEnd" | "ctr" | "bestFit"): string {
  const flag = (name: string, on: boolean): string => `<c:${name} val="${on ? 1 : 0}"/>`;
  return (
    `<c:dLbls><c:numFmt formatCode="${esc(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(LABEL_SIZE)}` +
    `<c:dLblPos val="${position}"/>${flag("showLegendKey", false)}${flag("showVal", kind === "value")}${flag("showCatName", false)}` +
    `${flag("showSerName", false)}${flag("showPercent", kind === "percent")}${flag("showBubbleSize", false)}</c:dLbls>`
  );
}

function series(sheet: string, chart: ChartPlan, s: ChartSeriesPlan, i: number): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(sheet, s.name.cell, [s.name.text])}</c:tx>`;
  const cat = `<c:cat>${strRef(sheet, chart.categories.range, chart.categories.values)}</c:cat>`;
  const val = `<c:val>${numRef(sheet, s.values.range, s.values.values, chart.numberFormat)}</c:val>`;
  if (chart.kind === "pie") {
    const points = (chart.pointColors ?? [])
      .map((rgb, p) => `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${fill(rgb)}<a:ln w="12700">${fill("FFFFFF")}</a:ln></c:spPr></c:dPt>`)
      .join("");
    return `<c:ser>${head}${points}${labels("percent", "0.0%", "bestFit")}${cat}${val}</c:ser>`;
  }
  // Zero-width segments of a stacked bar would still print "0": the format's zero section is empty.
  const labelled = chart.kind === "stackedBar" ? labels("value", `${chart.numberFormat};-${chart.numberFormat};`, "ctr") : labels("value", chart.numberFormat, "outEnd");
  return `<c:ser>${head}<c:spPr>${fill(s.color)}</c:spPr><c:invertIfNegative val="0"/>${labelled}${cat}${val}</c:ser>`;
}

const CAT_AXIS = 500100;
const VAL_AXIS = 500200;

/**
 * Horizontal bars. The category axis runs top to bottom (maxMin) so that the first row of the
 * table is the top bar, and the value axis then crosses at the last category to stay at the
 * bottom of the plot.
 */
function barPlot(sheet: string, chart: ChartPlan): string {
  const stacked = chart.kind === "stackedBar";
  const ser = chart.series.map((s, i) => series(sheet, chart, s, i)).join("");
  const bounds = chart.valueAxis ? `<c:max val="${chart.valueAxis.max}"/><c:min val="${chart.valueAxis.min}"/>` : "";
  const axisFormat = chart.valueAxis ? "0%" : chart.numberFormat;
  const grid = `<c:majorGridlines><c:spPr><a:ln w="6350">${fill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>`;
  return (
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${ser}` +
    `<c:gapWidth val="${stacked ? 60 : 40}"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(LABEL_SIZE)}` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="b"/>${grid}` +
    `<c:numFmt formatCode="${esc(axisFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(LABEL_SIZE)}` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function piePlot(sheet: string, chart: ChartPlan): string {
  const ser = chart.series.map((s, i) => series(sheet, chart, s, i)).join("");
  return `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
}

/** A single-series bar chart needs no legend: its title says what the bars are. */
const hasLegend = (chart: ChartPlan): boolean => chart.kind === "pie" || chart.series.length > 1;

/** One chart part: the chart drawn from ranges of `sheet`, in the forms' font. */
export function chartXml(sheet: string, chart: ChartPlan): string {
  const plot = chart.kind === "pie" ? piePlot(sheet, chart) : barPlot(sheet, chart);
  const legend = hasLegend(chart) ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(TEXT_SIZE)}</c:legend>` : "";
  const frame = `<c:spPr>${fill("FFFFFF")}<a:ln w="9525">${fill("BFBFBF")}</a:ln></c:spPr>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${frame}${textProps(TEXT_SIZE)}</c:chartSpace>`
  );
}

/** The drawing part: each chart in a frame anchored from its first cell to past its last. */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts.map((chart, i) => {
    const { from, to } = chart.anchor;
    const at = (col: number, row: number): string => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    const frame =
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(`Biểu đồ ${i + 1}`)}" descr="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
    // Anchor cells are 0-based; "to" is the corner just past the last covered cell.
    return `<xdr:twoCellAnchor><xdr:from>${at(from.col - 1, from.row - 1)}</xdr:from><xdr:to>${at(to.col, to.row)}</xdr:to>${frame}<xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`;
}

export const relationship = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"/>`;

export const relationshipsXml = (rels: string[]): string =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;

export interface ChartPackage {
  /** New parts, path inside the package → XML. */
  parts: [string, string][];
  /** Package path of the drawing part ("xl/drawings/drawing1.xml"). */
  drawing: string;
  /** [Content_Types].xml overrides for the new parts. */
  overrides: string[];
}

/**
 * The parts that put `charts` on the sheet named `sheet`: drawing number `drawingNumber`, chart
 * parts numbered from `firstChart`. The sheet itself then needs a relationship to `drawing` and
 * a `<drawing r:id="…"/>` element.
 */
export function chartPackage(sheet: string, charts: ChartPlan[], drawingNumber: number, firstChart: number): ChartPackage {
  const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
  const chartPaths = charts.map((_, i) => `xl/charts/chart${firstChart + i}.xml`);
  const rels = chartPaths.map((p, i) => relationship(`rId${i + 1}`, CHART_REL, `../charts/${p.split("/").pop()}`));
  return {
    parts: [
      [drawing, drawingXml(charts)],
      [`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(rels)],
      ...charts.map((c, i): [string, string] => [chartPaths[i], chartXml(sheet, c)]),
    ],
    drawing,
    overrides: [
      `<Override PartName="/${drawing}" ContentType="${DRAWING_TYPE}"/>`,
      ...chartPaths.map((p) => `<Override PartName="/${p}" ContentType="${CHART_TYPE}"/>`),
    ],
  };
}
