import ExcelJS from "exceljs";
import { validateXML } from "xmllint-wasm";
import { parseCell, STAMP_SHEET, vi } from "../../src/domain";
import type { SheetGrid } from "../../src/domain/grid/sheet-grid";
import { buildOverview, OVERVIEW_SHEET } from "../../src/domain/consolidate";
import type { Consolidation } from "../../src/domain/consolidate";
import { withUniqueNames } from "../../src/domain/layout/sheet-names";
import { readWorkbook } from "../../src/files/read-workbook";
import { LINEAGE_SHEET, writeSummary } from "../../src/files/summary-writer";
import { readBack } from "../support/read-back";
import { vietYenSummary } from "../support/overview-inputs";
import { addressesOf, chartRefs, chartsOfSheet, elements, partsOf, relationships, relsOf, resolvePart, sheetsOf } from "../support/xlsx-parts";

const t = vi.overview;
const USER_SHEET = "Ghi chép của tôi";

let result: Consolidation;
let fresh: Uint8Array;

beforeAll(async () => {
  result = await vietYenSummary();
  fresh = await writeSummary(result, []);
});

/** The value a reader finds in a cell: the cached result of a formula, the value of any other. */
function valueAt(sheet: SheetGrid, address: string): unknown {
  const p = parseCell(address)!;
  return sheet.cells[p.row - 1]?.[p.col - 1]?.v ?? null;
}

function sheetGrid(bytes: Uint8Array, name: string): SheetGrid {
  const sheet = readWorkbook(bytes, "tong-hop.xlsx").sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Checks that the overview sheet named `name` holds three charts whose every reference reads its own cells. */
function expectChartsOn(bytes: Uint8Array, name: string): void {
  const parts = partsOf(bytes);
  const sheet = sheetsOf(parts).find((s) => s.name === name)!;
  const charts = chartsOfSheet(parts, sheet.part);
  expect(charts).toHaveLength(3);
  const grid = sheetGrid(bytes, name);
  for (const chart of charts) {
    const refs = chartRefs(parts.get(chart)!);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      expect(ref.sheet).toBe(name);
      expect(addressesOf(ref.range).map((a) => valueAt(grid, a))).toEqual(ref.cache);
    }
  }
}

describe("a fresh summary's overview", () => {
  test("is the first tab, selected, marked as the product's in the stamp sheet", async () => {
    const parts = partsOf(fresh);
    const sheets = sheetsOf(parts);
    expect(sheets.map((s) => s.name)).toEqual([OVERVIEW_SHEET, ...result.plans.map((p) => p.name), LINEAGE_SHEET, STAMP_SHEET]);
    expect(parts.get(sheets[0].part)).toContain('tabSelected="1"');
    expect(elements(parts.get("xl/workbook.xml")!, "workbookView")[0].get("activeTab")).toBe("0");
    const stamps = (await readBack(fresh)).wb.getWorksheet(STAMP_SHEET)!;
    const rows = stamps.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1])).toEqual([...result.plans.map((p) => p.name), OVERVIEW_SHEET]);
  });

  test("the sheet relates to a drawing, the drawing to three charts, and every new part has its content type", () => {
    const parts = partsOf(fresh);
    const overview = sheetsOf(parts)[0];
    const sheetRels = [...relationships(parts.get(relsOf(overview.part))).entries()];
    expect(sheetRels).toEqual([["rId1", { type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing", target: "../drawings/drawing1.xml" }]]);
    expect(parts.get(overview.part)).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*\/>(<rowBreaks[^>]*>.*<\/rowBreaks>)?<drawing r:id="rId1"\/><\/worksheet>$/);
    const charts = chartsOfSheet(parts, overview.part);
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    const types = new Map(elements(parts.get("[Content_Types].xml")!, "Override").map((a) => [a.get("PartName"), a.get("ContentType")]));
    expect(types.get("/xl/drawings/drawing1.xml")).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    for (const c of charts) expect(types.get(`/${c}`)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    // Every part is either a relationships part or named in the content types.
    for (const name of parts.keys()) if (!name.endsWith(".rels") && name !== "[Content_Types].xml") expect(types.has(`/${name}`)).toBe(true);
  });

  test("the charts are a pie, bars and stacked bars, each anchored where the plan puts it", () => {
    const parts = partsOf(fresh);
    const plan = buildOverview(result, withUniqueNames(result.plans, [STAMP_SHEET, LINEAGE_SHEET, OVERVIEW_SHEET]));
    const chartXml = chartsOfSheet(parts, sheetsOf(parts)[0].part).map((c) => parts.get(c)!);
    expect(chartXml[0]).toContain("<c:pieChart>");
    expect(chartXml[1]).toMatch(/<c:barChart><c:barDir val="bar"\/><c:grouping val="clustered"\/>/);
    expect(chartXml[2]).toMatch(/<c:barChart><c:barDir val="bar"\/><c:grouping val="stacked"\/>.*<c:overlap val="100"\/>/);
    expect(chartXml[1]).toContain('<c:max val="1"/><c:min val="0"/>');
    chartXml.forEach((xml, i) => expect(xml).toContain(`<a:t>${plan.charts[i].title}</a:t>`));
    const anchors = [...parts.get("xl/drawings/drawing1.xml")!.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)];
    expect(anchors.map((m) => m.slice(1).map(Number))).toEqual(plan.charts.map((c) => [c.anchor.from.col - 1, c.anchor.from.row - 1, c.anchor.to.col, c.anchor.to.row]));
  });

  test("every chart reference points at overview cells that hold the values it caches", () => {
    expectChartsOn(fresh, OVERVIEW_SHEET);
    const parts = partsOf(fresh);
    const [pie, bar, stacked] = chartsOfSheet(parts, sheetsOf(parts)[0].part).map((c) => chartRefs(parts.get(c)!));
    expect(pie.map((r) => r.cache)).toEqual([[t.recordsHeader[1]], [t.recordsOnTime, t.recordsLate, t.recordsPending], expect.any(Array)]);
    expect(bar[0].cache).toEqual([t.sharesHeader[3]]);
    expect(bar[1].cache).toHaveLength(18);
    expect(stacked.filter((r) => r.kind === "str" && r.cache.length === 1).map((r) => r.cache[0])).toEqual([t.equipmentHeader[1], t.equipmentHeader[2]]);
  });

  test("the overview's cells store their results beside live formulas that read the form sheets' cells", () => {
    const book = readWorkbook(fresh, "tong-hop.xlsx");
    const overview = book.sheets.find((s) => s.name === OVERVIEW_SHEET)!;
    let checked = 0;
    for (const row of overview.cells) {
      for (const cell of row) {
        const single = cell?.f && /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(cell.f);
        if (!single) continue;
        const target = book.sheets.find((s) => s.name === single[1])!;
        const source = valueAt(target, single[2]);
        // A unit's own figure is a plain value there; a total is a formula recalculated on opening.
        if (source !== null) {
          expect(cell!.v).toBe(source);
          checked++;
        }
      }
    }
    // Received and on time for each of the 18 units of the on-time table, at least.
    expect(checked).toBeGreaterThanOrEqual(2 * 18);
  });

  test("ExcelJS opens it and reads the overview's formulas with their results", async () => {
    const book = await readBack(fresh);
    expect(book.sheetNames[0]).toBe(OVERVIEW_SHEET);
    const ws = book.sheet(OVERVIEW_SHEET).ws;
    const staffRow = ws.getColumn(1).values.findIndex((v) => v === t.staff);
    const staff = ws.getCell(`D${staffRow}`).value as ExcelJS.CellFormulaValue;
    expect(staff.formula).toMatch(/^'PL Nhân sự Một cửa'!C\d+$/);
    expect(staff.result).toBe(69);
  });

  test("every drawing, chart and relationships part is well-formed XML", async () => {
    const parts = partsOf(fresh);
    const names = [...parts.keys()].filter((n) => /^xl\/(drawings|charts)\/|_rels\/sheet1\.xml\.rels$/.test(n));
    expect(names.length).toBe(6);
    const checked = await validateXML({ xml: names.map((n) => ({ fileName: n.replace(/[/[\]]/g, "_"), contents: parts.get(n)! })), normalization: "format" });
    expect(checked.errors).toEqual([]);
  });
});

/** The summary with a sheet of the user's added by ExcelJS, which drops the charts of what it saves. */
async function withUserSheet(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  wb.addWorksheet(USER_SHEET).getCell("A1").value = "Đã gửi huyện ngày 20/4";
  edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("running again on the saved summary", () => {
  test("replaces the overview rather than adding a second, keeps the user's sheet, and draws the charts again", async () => {
    const edited = await withUserSheet(fresh);
    const second = await writeSummary(result, [], edited);
    const third = await writeSummary(result, [], second);
    for (const bytes of [second, third]) {
      const parts = partsOf(bytes);
      const names = sheetsOf(parts).map((s) => s.name);
      expect(names[0]).toBe(OVERVIEW_SHEET);
      expect(names.filter((n) => n.startsWith(OVERVIEW_SHEET))).toEqual([OVERVIEW_SHEET]);
      expect(names).toContain(USER_SHEET);
      expect((await readBack(bytes)).sheet(USER_SHEET).at("A1")).toBe("Đã gửi huyện ngày 20/4");
      // Only the new overview's three charts: none of the earlier run's are left behind.
      expect([...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
      expect(sheetsOf(parts).filter((s) => chartsOfSheet(parts, s.part).length > 0).map((s) => s.name)).toEqual([OVERVIEW_SHEET]);
      expectChartsOn(bytes, OVERVIEW_SHEET);
      const types = new Map(elements(parts.get("[Content_Types].xml")!, "Override").map((a) => [a.get("PartName"), a.get("ContentType")]));
      for (const c of chartsOfSheet(parts, sheetsOf(parts)[0].part)) expect(types.get(`/${c}`)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    }
    // What any reader sees of the overview is the same as in the fresh file.
    const cells = (bytes: Uint8Array): unknown => sheetGrid(bytes, OVERVIEW_SHEET).cells.map((r) => r.map((c) => (c ? [c.v, c.f ?? null] : null)));
    expect(cells(third)).toEqual(cells(fresh));
  });

  test("a sheet of the user's named Tổng quan stays; the overview takes a free name and its charts follow it", async () => {
    // A summary written before the overview existed: no overview, no mark, and the user's own "Tổng quan".
    const older = await withUserSheet(fresh, (wb) => {
      wb.removeWorksheet(wb.getWorksheet(OVERVIEW_SHEET)!.id);
      const stamps = wb.getWorksheet(STAMP_SHEET)!;
      stamps.spliceRows(stamps.rowCount, 1);
      wb.addWorksheet(OVERVIEW_SHEET).getCell("A1").value = "Của tôi";
    });
    const again = await writeSummary(result, [], older);
    const names = sheetsOf(partsOf(again)).map((s) => s.name);
    expect(names[0]).toBe(`${OVERVIEW_SHEET} (2)`);
    expect(names).toContain(OVERVIEW_SHEET);
    expect((await readBack(again)).sheet(OVERVIEW_SHEET).at("A1")).toBe("Của tôi");
    expectChartsOn(again, `${OVERVIEW_SHEET} (2)`);
  });
});

test("the drawing part's path resolves from the sheet as Excel resolves it", () => {
  expect(resolvePart("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
});
