import { zipTexts } from "./zip-write";
import { esc, XML_HEAD } from "./xml-text";
import type { CellSheet, CellStyle, PlanValidation, SheetPlan } from "../domain/layout/sheet-plan";
import type { OverviewPlan } from "../domain/consolidate/overview-sheet";
import { overviewMark } from "../domain/stamp/overview-mark";
import { chartPackage, DRAWING_REL, relationship, relationshipsXml } from "./chart-xlsx";
import { cellAddress } from "../domain/layout/a1";
import { encodeStamp, STAMP_HEADER, STAMP_SHEET } from "../domain/stamp/form-stamp";

/**
 * Writes SheetPlans straight to SpreadsheetML: the product's own sheets have a shape it knows
 * in full, and a provincial summary of thousands of rows is written in a fraction of the time a
 * general workbook library takes. Strings are inline, formulas are recalculated on opening.
 */

/** A plain table sheet (the lineage sheet): bold rows, bordered rows, column widths. */
export interface TableSheet {
  name: string;
  columnWidths: number[];
  rows: (string | number | null)[][];
  boldRows: number[];
  borderedRows: number[];
}

/** An internal link from a cell of a plan sheet to a place in the workbook. */
export interface CellLink {
  sheet: string;
  cell: string;
  location: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "#,##0": 3, "0.00%": 10, "@": 49 };

interface StyleTable {
  xml: string;
  /** Plan style id → cellXfs index. */
  index: Map<string, number>;
  bold: number;
  bordered: number;
  plain: number;
}

/** styles.xml for every format the sheets use, plus the few the table sheets need. */
function styleTable(plans: Pick<CellSheet, "name" | "styles">[], fontName: string): StyleTable {
  const fonts: string[] = [];
  const fontIds = new Map<string, number>();
  const font = (size: number, bold: boolean, italic: boolean): number => {
    const key = `${size}|${bold}|${italic}`;
    if (!fontIds.has(key)) {
      fontIds.set(key, fonts.length);
      fonts.push(`<font>${bold ? "<b/>" : ""}${italic ? "<i/>" : ""}<sz val="${size}"/><name val="${esc(fontName)}"/></font>`);
    }
    return fontIds.get(key) as number;
  };
  font(12, false, false);
  const customFormats: string[] = [];
  const formatId = (code: string): number => {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const at = customFormats.indexOf(code);
    if (at >= 0) return 164 + at;
    customFormats.push(code);
    return 163 + customFormats.length;
  };
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const xfOf = (s: CellStyle): number => {
    const align = `<alignment horizontal="${s.h}" vertical="center"${s.wrap ? ' wrapText="1"' : ""}/>`;
    xfs.push(
      `<xf numFmtId="${formatId(s.numberFormat)}" fontId="${font(s.size, s.bold, s.italic)}" fillId="0" borderId="${s.border ? 1 : 0}" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1">${align}</xf>`,
    );
    return xfs.length - 1;
  };
  const index = new Map<string, number>();
  for (const plan of plans) for (const [id, style] of Object.entries(plan.styles)) index.set(`${plan.name}|${id}`, xfOf(style));
  const base: CellStyle = { size: 11, bold: false, italic: false, h: "left", wrap: false, border: false, numberFormat: "General" };
  const plain = xfOf(base);
  const bold = xfOf({ ...base, bold: true, border: true, wrap: true });
  const bordered = xfOf({ ...base, border: true });
  const numFmts = customFormats.length
    ? `<numFmts count="${customFormats.length}">${customFormats.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(c)}"/>`).join("")}</numFmts>`
    : "";
  const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
  const xml =
    `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}` +
    `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  return { xml, index, bold, bordered, plain };
}

function cellXml(ref: string, value: string | number | null, formula: string | undefined, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (formula) {
    // A result computed when the plan was made is stored beside the formula for viewers that do not recalculate.
    if (typeof value === "number") return `<c r="${ref}"${s}><f>${esc(formula)}</f><v>${value}</v></c>`;
    if (typeof value === "string") return `<c r="${ref}"${s} t="str"><f>${esc(formula)}</f><v>${esc(value)}</v></c>`;
    return `<c r="${ref}"${s}><f>${esc(formula)}</f></c>`;
  }
  if (value === null || value === undefined) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${esc(value)}</t></is></c>`;
}

function validationXml(v: PlanValidation): string {
  const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" errorTitle="${esc(v.error.title)}" error="${esc(v.error.message)}" promptTitle="${esc(v.prompt.title)}" prompt="${esc(v.prompt.message)}" sqref="${v.range}"`;
  switch (v.rule.type) {
    case "list":
      return `<dataValidation type="list" ${common}><formula1>${esc(`"${v.rule.values.join(",")}"`)}</formula1></dataValidation>`;
    case "wholeNumber":
      return `<dataValidation type="whole" operator="greaterThanOrEqual" ${common}><formula1>${v.rule.min}</formula1></dataValidation>`;
    case "decimal":
      return `<dataValidation type="decimal" operator="greaterThanOrEqual" ${common}><formula1>${v.rule.min}</formula1></dataValidation>`;
    case "custom":
      return `<dataValidation type="custom" ${common}><formula1>${esc(v.rule.formula)}</formula1></dataValidation>`;
  }
}

/** The <sheetData> rows of a sheet's cells, with their heights. */
function rowsXml(sheet: CellSheet, styles: StyleTable): string {
  const rows: string[] = [];
  sheet.cells.forEach((cells, r) => {
    const height = sheet.rowHeights[r];
    const body = cells.map((c, i) => cellXml(cellAddress(r + 1, i + 1), c.value, c.formula, styles.index.get(`${sheet.name}|${c.style}`) ?? 0)).join("");
    rows.push(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>${body}</row>`);
  });
  return rows.join("");
}

const colsXml = (widths: number[]): string => `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;

const mergesXml = (merges: string[]): string => (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "");

function planSheetXml(plan: SheetPlan, styles: StyleTable, links: CellLink[]): string {
  const { rows: fr, columns: fc } = plan.freeze;
  const topLeft = cellAddress(fr + 1, fc + 1);
  const pane = `<pane xSplit="${fc}" ySplit="${fr}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  const dv = plan.validations.length ? `<dataValidations count="${plan.validations.length}">${plan.validations.map(validationXml).join("")}</dataValidations>` : "";
  const hl = links.length ? `<hyperlinks>${links.map((l) => `<hyperlink ref="${l.cell}" location="${esc(l.location)}"/>`).join("")}</hyperlinks>` : "";
  const m = plan.print.margins;
  const header = plan.print.pageNumberHeader ? `<headerFooter differentFirst="1"><oddHeader>${esc(`&C&"${plan.fontName}"&13&P`)}</oddHeader></headerFooter>` : "";
  return (
    `${XML_HEAD}<worksheet ${NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${colsXml(plan.columnWidths)}<sheetData>${rowsXml(plan, styles)}</sheetData>${mergesXml(plan.merges)}${dv}${hl}` +
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${plan.print.orientation}" fitToWidth="${plan.print.fitToWidth}" fitToHeight="0"/>${header}</worksheet>`
  );
}

/**
 * The overview sheet: its cells without gridlines, printed on A4 landscape one page wide, and
 * its drawing (relationship rId1) holding the charts.
 */
function overviewSheetXml(overview: OverviewPlan, styles: StyleTable): string {
  const breaks = overview.pageBreaks;
  return (
    `${XML_HEAD}<worksheet ${NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    '<sheetViews><sheetView showGridLines="0" tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    `${colsXml(overview.columnWidths)}<sheetData>${rowsXml(overview, styles)}</sheetData>${mergesXml(overview.merges)}` +
    '<printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    // A break's id is the 0-based row it comes before.
    (breaks.length ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>` : "") +
    `${overview.charts.length ? '<drawing r:id="rId1"/>' : ""}</worksheet>`
  );
}

function tableSheetXml(t: TableSheet, styles: StyleTable): string {
  const bold = new Set(t.boldRows);
  const bordered = new Set(t.borderedRows);
  const rows = t.rows.map((cells, r) => {
    const style = bold.has(r + 1) ? styles.bold : bordered.has(r + 1) ? styles.bordered : styles.plain;
    return `<row r="${r + 1}">${cells.map((v, i) => cellXml(cellAddress(r + 1, i + 1), v, undefined, style)).join("")}</row>`;
  });
  const cols = t.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return `${XML_HEAD}<worksheet ${NS}><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;

interface SheetPart {
  name: string;
  xml: string;
  hidden: boolean;
  /** The sheet's own relationships part, when it has one. */
  rels?: string;
}

/**
 * An .xlsx holding the overview (first, with its charts) when there is one, the plans (names
 * already unique), the table sheets after them, and the very hidden stamp sheet describing every
 * plan and marking the overview as the product's.
 */
export function writePlansXlsx(plans: SheetPlan[], tables: TableSheet[] = [], links: CellLink[] = [], overview?: OverviewPlan): Uint8Array {
  const fontName = plans[0]?.fontName ?? overview?.fontName ?? "Times New Roman";
  const styles = styleTable(overview ? [overview, ...plans] : plans, fontName);
  const stamp: TableSheet = {
    name: STAMP_SHEET,
    columnWidths: [30, 100],
    rows: [[...STAMP_HEADER], ...plans.map((p) => encodeStamp(p.stamp)), ...(overview ? [overviewMark(overview.name)] : [])],
    boldRows: [],
    borderedRows: [],
  };
  const charts = overview?.charts.length ? chartPackage(overview.name, overview.charts, 1, 1) : undefined;
  const sheets: SheetPart[] = [
    ...(overview
      ? [{ name: overview.name, xml: overviewSheetXml(overview, styles), hidden: false, ...(charts ? { rels: relationshipsXml([relationship("rId1", DRAWING_REL, "../drawings/drawing1.xml")]) } : {}) }]
      : []),
    ...plans.map((p) => ({ name: p.name, xml: planSheetXml(p, styles, links.filter((l) => l.sheet === p.name)), hidden: false })),
    ...[...tables, stamp].map((t) => ({ name: t.name, xml: tableSheetXml(t, styles), hidden: t === stamp })),
  ];
  const first = overview ? 1 : 0;
  const titles = plans
    .map((p, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${first + i}">${esc(quoted(p.name))}!$${p.print.titleRows[0]}:$${p.print.titleRows[1]}</definedName>`)
    .join("");
  const workbook =
    `${XML_HEAD}<workbook ${NS}><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="veryHidden"' : ""} r:id="rId${i + 1}"/>`).join("") +
    `</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
  const rel = (id: string, type: string, target: string): string => relationship(id, `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`, target);
  const rels = relationshipsXml([...sheets.map((_, i) => rel(`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`)), rel(`rId${sheets.length + 1}`, "styles", "styles.xml")]);
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`).join("") +
    (charts?.overrides.join("") ?? "") +
    "</Types>";
  const root = relationshipsXml([rel("rId1", "officeDocument", "xl/workbook.xml")]);
  return zipTexts([
    ["[Content_Types].xml", types],
    ["_rels/.rels", root],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", rels],
    ["xl/styles.xml", styles.xml],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
    ...sheets.flatMap((s, i): [string, string][] => (s.rels ? [[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels]] : [])),
    ...(charts?.parts ?? []),
  ]);
}
