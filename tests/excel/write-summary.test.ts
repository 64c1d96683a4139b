// office-addin-mock imports office-addin-manifest only for its host enum, and that package's own
// dependencies do not load under Jest (a missing fs-extra, ESM-only modules): replace it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { OfficeMockObject } from "office-addin-mock";
import { decodeStamp, encodeStamp, isOverviewMark, overviewMark, STAMP_HEADER, STAMP_SHEET, vi } from "../../src/domain";
import type { FormStamp } from "../../src/domain";
import { buildOverview, consolidate, OVERVIEW_SHEET } from "../../src/domain/consolidate";
import type { Consolidation, InputRecord } from "../../src/domain/consolidate";
import { LINEAGE_SHEET_NAME, SUMMARY_SETTING, writeSummaryInExcel } from "../../src/excel";
import { LINEAGE_SHEET } from "../../src/files/summary-writer";
import type { FileLine } from "../../src/files/summary-writer";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import * as vy from "../../src/sample/viet-yen";
import { readInput } from "../../src/taskpane/consolidate-inputs";
import { cornersOf, gridOf, sheetMock, stored, writesOf } from "./mock-workbook";
import type { SheetLog } from "./mock-workbook";

/* eslint-disable @typescript-eslint/no-explicit-any -- mock objects are untyped by nature */

interface ExistingSheet {
  name: string;
  renamed: string[];
  deleted: boolean;
}

interface SummaryMock {
  context: Excel.RequestContext;
  syncCount(): number;
  added: SheetLog[];
  existing: Map<string, ExistingSheet>;
  stamp?: SheetLog;
  settings: Map<string, unknown>;
}

interface SummaryMockOptions {
  sheetNames?: string[];
  stampRows?: unknown[][];
  record?: unknown;
}

/** Reading isNullObject before a sync fails, as it would give a wrong answer in Office.js. */
function nullFlag(target: any, value: boolean, syncs: () => number): void {
  Object.defineProperty(target, "isNullObject", {
    configurable: true,
    get: () => {
      if (syncs() === 0) throw new Error("isNullObject read before context.sync()");
      return value;
    },
  });
}

/** A workbook for writeSummaryInExcel: existing sheets that can be renamed and deleted, a stamp sheet, settings. */
function summaryWorkbook(options: SummaryMockOptions = {}): SummaryMock {
  const { sheetNames = ["Sheet1"], stampRows, record } = options;
  let syncs = 0;
  const added: SheetLog[] = [];
  const existing = new Map<string, ExistingSheet>();
  const settings = new Map<string, unknown>(record === undefined ? [] : [[SUMMARY_SETTING, record]]);
  const sheetSeeds = Object.fromEntries(
    sheetNames.map((name) => {
      const state: ExistingSheet = { name, renamed: [], deleted: false };
      existing.set(name, state);
      return [
        name,
        {
          delete: () => {
            state.deleted = true;
          },
        },
      ];
    }),
  );
  const stampMock = sheetMock(STAMP_SHEET, {
    visibility: "VeryHidden",
    usedRange: { values: stampRows ?? [], rowIndex: 0, rowCount: stampRows?.length ?? 0, columnIndex: 0 },
    getUsedRangeOrNullObject(this: any) {
      return this.usedRange;
    },
  });
  const seed = {
    workbook: {
      worksheets: {
        items: [...sheetNames, ...(stampRows ? [STAMP_SHEET] : [])].map((name) => ({ name })),
        stampSheet: stampMock.seed,
        sheets: sheetSeeds,
        add: (name: string) => {
          const { log, seed: s } = sheetMock(name, { visibility: "Visible" });
          log.sheet = new OfficeMockObject(s);
          added.push(log);
          return log.sheet;
        },
        getItemOrNullObject(this: any, name: string) {
          if (name !== STAMP_SHEET) throw new Error(`unexpected getItemOrNullObject(${name})`);
          return this.stampSheet;
        },
        getItem(this: any, name: string) {
          if (syncs === 0) throw new Error("getItem before the names were read");
          const sheet = this.sheets[name];
          if (!sheet) throw new Error(`no sheet ${name}`);
          const state = existing.get(name) as ExistingSheet;
          // Renames are recorded through a setter on the sheet's name.
          Object.defineProperty(sheet, "name", { configurable: true, get: () => state.renamed.at(-1) ?? name, set: (v: string) => state.renamed.push(v) });
          return sheet;
        },
      },
      settings: {
        item: { value: settings.get(SUMMARY_SETTING) ?? "" },
        getItemOrNullObject(this: any, key: string) {
          if (key !== SUMMARY_SETTING) throw new Error(`unexpected setting ${key}`);
          return this.item;
        },
        add: (key: string, value: unknown) => {
          settings.set(key, JSON.parse(JSON.stringify(value)));
        },
      },
    },
  };
  const context: any = new OfficeMockObject(seed);
  const mockSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await mockSync();
  };
  const worksheets = context.workbook.worksheets;
  const mockLoad = worksheets.load.bind(worksheets);
  worksheets.load = (arg: unknown) => mockLoad(arg === "items/name" ? "items" : arg);
  stampMock.log.sheet = worksheets.stampSheet;
  nullFlag(worksheets.stampSheet, stampRows === undefined, () => syncs);
  nullFlag(worksheets.stampSheet.usedRange, !stampRows || stampRows.length === 0, () => syncs);
  nullFlag(context.workbook.settings.item, record === undefined, () => syncs);
  return { context, syncCount: () => syncs, added, existing, stamp: stampRows ? stampMock.log : undefined, settings };
}

let commune: InputRecord;
let communeLine: FileLine;

beforeAll(async () => {
  const book = vietYenWorkbooks()[0];
  const bytes = await writeWorkbook(book.plans);
  const read = await readInput({ name: book.file, size: bytes.length, lastModified: Date.UTC(2025, 0, 10), bytes });
  commune = read.record;
  communeLine = read.line;
  expect(commune.entries).toHaveLength(5);
});

/** `count` commune files made from one real file, each renamed to its own commune. */
function inputs(count: number): { records: InputRecord[]; lines: FileLine[] } {
  const records: InputRecord[] = [];
  const lines: FileLine[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Xã Thử Nghiệm ${i + 1}`;
    const file = `xa/${String(i + 1).padStart(3, "0")}.xlsx`;
    records.push({
      ...commune,
      file,
      entries: commune.entries.map((e) => ({ ...e, unit: { name }, label: name, source: { ...e.source, file } })),
    });
    lines.push({ ...communeLine, file, unit: name });
  }
  return { records, lines };
}

function consolidated(count: number): { result: Consolidation; lines: FileLine[] } {
  const { records, lines } = inputs(count);
  const result = consolidate(records, { level: "huyen", tiers: 3, unit: vy.DISTRICT, newestWins: false, excludeInvalid: false, year: vy.YEAR, period: vy.PERIOD });
  return { result, lines };
}

const named = (wb: SummaryMock, name: string): SheetLog => {
  const hits = wb.added.filter((s) => s.name === name);
  expect(hits).toHaveLength(1);
  return hits[0];
};

/** Every value the lineage sheet received, replayed into one grid. */
function lineageGrid(sheet: SheetLog): unknown[][] {
  const writes = writesOf(sheet, "values");
  const bottom = Math.max(...writes.map((w) => cornersOf(w.address).bottom));
  return gridOf(sheet, "values", bottom, 9).map((r) => r.map(stored));
}

describe("writeSummaryInExcel: syncs", () => {
  test.each([3, 300])("takes 2 syncs for %i files: one read, one write", async (count) => {
    const { result, lines } = consolidated(count);
    expect(result.units.reported).toBe(count);
    const wb = summaryWorkbook();
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(wb.syncCount()).toBe(2);
    expect(written.sheets).toEqual([OVERVIEW_SHEET, ...result.plans.map((p) => p.name), LINEAGE_SHEET_NAME]);
    // The lineage sheet's values go in one 2-D assignment.
    const lineage = named(wb, LINEAGE_SHEET_NAME);
    const writes = writesOf(lineage, "values");
    expect(writes).toHaveLength(1);
    expect(writes[0].address).toBe(`A1:I${(writes[0].range.values as unknown[][]).length}`);
    expect(written.links).toBe(result.lineage.length);
  });

  test("past the request budget it syncs between pieces and bands the lineage rows, writing every row", async () => {
    const { result, lines } = consolidated(300);
    const whole = summaryWorkbook();
    await writeSummaryInExcel(whole.context, result, lines);
    const wb = summaryWorkbook();
    await writeSummaryInExcel(wb.context, result, lines, { requestBudgetBytes: 120_000 });
    expect(wb.syncCount()).toBeGreaterThan(4);
    const lineage = named(wb, LINEAGE_SHEET_NAME);
    expect(writesOf(lineage, "values").length).toBeGreaterThan(1);
    expect(lineageGrid(lineage)).toEqual(lineageGrid(named(whole, LINEAGE_SHEET_NAME)));
  });
});

describe("writeSummaryInExcel: the lineage sheet", () => {
  test("lists the files, traces each summary row to its file, sheet and cells, and links each unit's name to it", async () => {
    const { result, lines } = consolidated(3);
    const wb = summaryWorkbook();
    await writeSummaryInExcel(wb.context, result, lines);
    const grid = lineageGrid(named(wb, LINEAGE_SHEET_NAME));
    expect(grid[0][0]).toBe(vi.summary.filesTitle);
    expect(grid[1]).toEqual([...vi.summary.filesHeader]);
    expect(grid[2].slice(0, 3)).toEqual([1, "xa/001.xlsx", "Xã Thử Nghiệm 1"]);
    expect(grid[2][5]).toBe(communeLine.sha256);
    expect(grid[2][6]).toBe(vi.summary.status.ok);

    const staffing = result.plans.find((p) => p.stamp.form === "staffing")!;
    const sheet = named(wb, staffing.name);
    const unitCol = staffing.stamp.columns.indexOf("unit");
    const links = sheet.ranges.filter((r) => r.range.hyperlink !== undefined);
    expect(links).toHaveLength(result.lineage.filter((l) => l.sheet === staffing.name).length);
    for (const l of links) {
      const { top, left } = cornersOf(l.address);
      expect(left).toBe(unitCol + 1);
      const link = l.range.hyperlink as Excel.RangeHyperlink;
      const target = Number(/^'Nguồn dữ liệu'!A(\d+)$/.exec(link.documentReference ?? "")?.[1]);
      // The trace row the name links to names this very sheet, row and unit, and the cell keeps its text.
      expect(grid[target - 1].slice(0, 2)).toEqual([staffing.name, top]);
      expect(String(link.textToDisplay).toLocaleLowerCase("vi")).toContain(String(grid[target - 1][2]).toLocaleLowerCase("vi"));
      expect(staffing.cells[top - 1][unitCol].value).toBe(link.textToDisplay);
      expect(grid[target - 1][4]).toMatch(/^xa\/00\d\.xlsx$/);
      expect(grid[target - 1][7]).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    }
  });

  test("text from the input files is written as text, never as a formula", async () => {
    const { result, lines } = consolidated(1);
    const wb = summaryWorkbook();
    await writeSummaryInExcel(wb.context, result, [{ ...lines[0], file: "=HYPERLINK(\"x\").xlsx", error: "-1" }]);
    const raw = writesOf(named(wb, LINEAGE_SHEET_NAME), "values")[0].range.values as unknown[][];
    expect(raw[2][1]).toBe("'=HYPERLINK(\"x\").xlsx");
    expect(raw[2][8]).toBe("'-1");
  });

  test("has the name the CLI's summary file uses", () => {
    expect(LINEAGE_SHEET_NAME).toBe(LINEAGE_SHEET);
  });
});

const stampRow = (sheet: string, level: FormStamp["level"]): string[] => {
  const { result } = consolidated(1);
  return encodeStamp({ ...result.plans[0].stamp, sheet, level });
};

describe("writeSummaryInExcel: running again", () => {
  test("replaces only the earlier summary's sheets and their stamp rows; the user's sheets stay", async () => {
    const { result, lines } = consolidated(3);
    const old = result.plans.map((p) => p.name);
    const stampRows = [
      [...STAMP_HEADER],
      stampRow("Biểu tự điền", "huyen"),
      ...old.map((n) => stampRow(n, "huyen")),
      stampRow("Xã mẫu", "xa"),
    ];
    const sheetNames = ["Sheet1", "Ghi chú", "Biểu tự điền", "Xã mẫu", ...old, LINEAGE_SHEET_NAME];
    const wb = summaryWorkbook({ sheetNames, stampRows, record: { sheets: old, lineage: LINEAGE_SHEET_NAME } });
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(wb.syncCount()).toBe(2);
    expect(written.removed.sort()).toEqual([...old, LINEAGE_SHEET_NAME].sort());
    // The earlier sheets stepped aside, then went; the new ones took their names back.
    for (const name of [...old, LINEAGE_SHEET_NAME]) {
      const state = wb.existing.get(name)!;
      expect(state.deleted).toBe(true);
      expect(state.renamed).toHaveLength(1);
    }
    for (const name of ["Sheet1", "Ghi chú", "Biểu tự điền", "Xã mẫu"]) expect(wb.existing.get(name)).toEqual({ name, renamed: [], deleted: false });
    expect(written.sheets).toEqual([OVERVIEW_SHEET, ...old, LINEAGE_SHEET_NAME]);

    // Stamp rows: the header, the hand-inserted and commune sheets' rows as they were, the new rows, blanks below.
    const stampWrites = writesOf(wb.stamp!, "values");
    expect(stampWrites).toHaveLength(1);
    const rows = (stampWrites[0].range.values as unknown[][]).map((r) => r.map(stored));
    expect(rows[0]).toEqual([...STAMP_HEADER]);
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(["Biểu tự điền", "Xã mẫu"]);
    const fresh = rows.slice(3).filter((r) => r[0] !== "");
    expect(fresh.map((r) => r[0])).toEqual([...old, OVERVIEW_SHEET]);
    expect(fresh.slice(0, -1).every((r) => decodeStamp(r[1]).ok)).toBe(true);
    // The overview is no form: its row is a mark, which no stamp reader takes for a stamp.
    expect(isOverviewMark(fresh.at(-1)![1])).toBe(true);
    expect(decodeStamp(fresh.at(-1)![1]).ok).toBe(false);
    expect(rows.length).toBe(Math.max(stampRows.length, 3 + old.length + 1));
    expect(wb.settings.get(SUMMARY_SETTING)).toEqual({ sheets: old, lineage: LINEAGE_SHEET_NAME, overview: OVERVIEW_SHEET });
  });

  test("without the workbook's record nothing is deleted, even stamped district sheets; new sheets take free names", async () => {
    const { result, lines } = consolidated(3);
    const old = result.plans.map((p) => p.name);
    const stampRows = [[...STAMP_HEADER], ...old.map((n) => stampRow(n, "huyen"))];
    const wb = summaryWorkbook({ sheetNames: ["Sheet1", ...old, LINEAGE_SHEET_NAME], stampRows });
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(written.removed).toEqual([]);
    expect([...wb.existing.values()].every((s) => !s.deleted && s.renamed.length === 0)).toBe(true);
    expect(written.sheets).toEqual([OVERVIEW_SHEET, ...old.map((n) => `${n} (2)`), `${LINEAGE_SHEET_NAME} (2)`]);
    // The links point at the lineage sheet under its new name.
    const link = named(wb, `${old[0]} (2)`).ranges.find((r) => r.range.hyperlink)!.range.hyperlink as Excel.RangeHyperlink;
    expect(link.documentReference).toMatch(/^'Nguồn dữ liệu \(2\)'!A\d+$/);
  });

  test("a recorded sheet that no longer carries a district or province stamp is not deleted", async () => {
    const { result, lines } = consolidated(3);
    const old = result.plans.map((p) => p.name);
    const stampRows = [[...STAMP_HEADER], stampRow(old[0], "xa")];
    const wb = summaryWorkbook({ sheetNames: ["Sheet1", old[0]], stampRows, record: { sheets: [old[0]], lineage: LINEAGE_SHEET_NAME } });
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(written.removed).toEqual([]);
    expect(wb.existing.get(old[0])!.deleted).toBe(false);
  });
});

describe("writeSummaryInExcel: the overview", () => {
  test.each([3, 300])("comes first, with its figures and the three charts Excel makes from its cells, in the same 2 syncs for %i files", async (count) => {
    const { result, lines } = consolidated(count);
    const wb = summaryWorkbook();
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(wb.syncCount()).toBe(2);
    expect(written.overview).toBe(OVERVIEW_SHEET);
    const plan = buildOverview(result, result.plans, OVERVIEW_SHEET);
    const sheet = named(wb, OVERVIEW_SHEET);
    // Added after the form sheets its formulas read, then moved to the front and shown.
    const order = wb.added.map((s) => s.name);
    expect(order.indexOf(OVERVIEW_SHEET)).toBeGreaterThan(Math.max(...result.plans.map((p) => order.indexOf(p.name))));
    expect(sheet.sheet.position).toBe(0);
    expect(sheet.sheet.showGridlines).toBe(false);
    expect(sheet.activations).toBe(1);
    expect(wb.added.filter((s) => s.activations > 0)).toHaveLength(1);
    // Its cells as the plan has them: live formulas, labels as text.
    const grid = gridOf(sheet, "formulas", plan.cells.length, plan.columnWidths.length);
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.formula) expect(grid[r][c]).toBe(`=${cell.formula}`);
        else if (cell.value !== null) expect(stored(grid[r][c])).toBe(cell.value);
      }),
    );
    expect(sheet.pageBreaks).toEqual(plan.pageBreaks.map((r) => `A${r}`));

    expect(sheet.charts.map((c) => c.type)).toEqual(["Pie", "BarClustered", "BarStacked"]);
    sheet.charts.forEach((log, i) => {
      const chart = plan.charts[i];
      expect(log.seriesBy).toBe("Columns");
      expect(log.chart.title.text).toBe(chart.title);
      expect(log.chart.format.font.name).toBe("Times New Roman");
      expect(log.position).toEqual([cornerOf(chart.anchor.from), cornerOf(chart.anchor.to)]);
      expect(log.series.map((s) => [s.series.name, s.values, s.xValues])).toEqual(chart.series.map((s) => [s.name.text, s.values.range, chart.categories.range]));
    });
    const [pie, bar, stacked] = sheet.charts;
    expect([...pie.series[0].points.values()]).toEqual(plan.charts[0].pointColors!.map((c) => `#${c}`));
    expect(pie.series[0].series.dataLabels.showPercentage).toBe(true);
    expect(bar.chart.axes.categoryAxis.reversePlotOrder).toBe(true);
    expect(bar.chart.axes.categoryAxis.position).toBe("Maximum");
    expect([bar.chart.axes.valueAxis.minimum, bar.chart.axes.valueAxis.maximum]).toEqual([0, 1]);
    expect(bar.chart.legend.visible).toBe(false);
    expect(stacked.chart.legend.visible).toBe(true);
    // At most 25 bars, whatever the number of units.
    expect(plan.charts[1].categories.values).toHaveLength(Math.min(count, 25));
  });

  test("running again replaces the recorded overview that its mark proves the product's", async () => {
    const { result, lines } = consolidated(3);
    const old = result.plans.map((p) => p.name);
    const stampRows = [[...STAMP_HEADER], ...old.map((n) => stampRow(n, "huyen")), overviewMark(OVERVIEW_SHEET)];
    const wb = summaryWorkbook({
      sheetNames: [OVERVIEW_SHEET, "Sheet1", ...old, LINEAGE_SHEET_NAME],
      stampRows,
      record: { sheets: old, lineage: LINEAGE_SHEET_NAME, overview: OVERVIEW_SHEET },
    });
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(wb.syncCount()).toBe(2);
    expect(written.removed).toContain(OVERVIEW_SHEET);
    expect(wb.existing.get(OVERVIEW_SHEET)!.deleted).toBe(true);
    expect(written.overview).toBe(OVERVIEW_SHEET);
    expect(wb.added.filter((s) => s.name.startsWith(OVERVIEW_SHEET))).toHaveLength(1);
    const rows = (writesOf(wb.stamp!, "values")[0].range.values as unknown[][]).map((r) => r.map(stored));
    expect(rows.filter((r) => isOverviewMark(r[1])).map((r) => r[0])).toEqual([OVERVIEW_SHEET]);
  });

  test("a sheet named Tổng quan without the overview's mark is the user's: it stays, and the overview takes a free name", async () => {
    const { result, lines } = consolidated(3);
    const old = result.plans.map((p) => p.name);
    const wb = summaryWorkbook({
      sheetNames: [OVERVIEW_SHEET, ...old, LINEAGE_SHEET_NAME],
      stampRows: [[...STAMP_HEADER], ...old.map((n) => stampRow(n, "huyen"))],
      record: { sheets: old, lineage: LINEAGE_SHEET_NAME, overview: OVERVIEW_SHEET },
    });
    const written = await writeSummaryInExcel(wb.context, result, lines);
    expect(wb.existing.get(OVERVIEW_SHEET)).toEqual({ name: OVERVIEW_SHEET, renamed: [], deleted: false });
    expect(written.overview).toBe(`${OVERVIEW_SHEET} (2)`);
    expect(written.sheets[0]).toBe(`${OVERVIEW_SHEET} (2)`);
    expect(wb.settings.get(SUMMARY_SETTING)).toMatchObject({ overview: `${OVERVIEW_SHEET} (2)` });
  });
});

/** A chart anchor's cell as Office.js takes it. */
const cornerOf = (p: { row: number; col: number }): string => `${String.fromCharCode(64 + p.col)}${p.row}`;
