// office-addin-mock imports office-addin-manifest only for its host enum, and that package's own
// dependencies do not load under Jest (a missing fs-extra, ESM-only modules): replace it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { decodeStamp, encodeStamp, STAMP_HEADER, STAMP_SHEET } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import { insertForms, prepareSheetPlan, REQUEST_BUDGET_BYTES } from "../../src/excel";
import { cornersOf, gridOf, mockWorkbook, stored, writesOf } from "./mock-workbook";
import type { SheetLog } from "./mock-workbook";
import { allPlans, plan, PROVINCE_1000_COMMUNES, PROVINCE_1000_DISTRICTS, widthOf } from "./plans";

/** Checks that a sheet holds every cell of the plan, whatever bands it was written in. */
function expectCells(sheet: SheetLog, p: SheetPlan): void {
  const grid = gridOf(sheet, "formulas", p.cells.length, widthOf(p));
  p.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = cell.formula ? `=${cell.formula}` : cell.value;
      const got = grid[r][c] === undefined ? null : stored(grid[r][c]);
      if (got !== want) throw new Error(`${p.name} R${r + 1}C${c + 1}: ${String(got)} ≠ ${String(want)}`);
    }),
  );
}

/** The stamp rows written on a stamp sheet, keyed by their 1-based row. */
function stampWrites(sheet: SheetLog): Map<number, unknown[]> {
  const rows = new Map<number, unknown[]>();
  for (const w of writesOf(sheet, "values")) {
    const { top, left } = cornersOf(w.address);
    expect(left).toBe(1);
    (w.range.values as unknown[][]).forEach((row, i) => rows.set(top + i, row.map(stored)));
  }
  return rows;
}

const sheetsNamed = (added: SheetLog[], name: string): SheetLog[] => added.filter((s) => s.name === name);

describe("insertForms: syncs", () => {
  it("takes 2 syncs for one sheet", async () => {
    const wb = mockWorkbook();
    const p = plan("facilities");
    const result = await insertForms(wb.context, [p]);
    expect(wb.syncCount()).toBe(2);
    expect(result.sheets).toEqual([p.name]);
    expectCells(sheetsNamed(wb.added, p.name)[0], p);
  });

  it("takes 2 syncs for all five forms", async () => {
    const wb = mockWorkbook();
    const plans = allPlans();
    const result = await insertForms(wb.context, plans);
    expect(wb.syncCount()).toBe(2);
    expect(result.sheets).toEqual(plans.map((p) => p.name));
    plans.forEach((p) => expectCells(sheetsNamed(wb.added, p.name)[0], p));
  });

  it.each([
    ["20 districts of 50 communes", PROVINCE_1000_DISTRICTS],
    ["1,000 communes in two tiers", PROVINCE_1000_COMMUNES],
  ])("still takes 2 syncs for all five forms of a province with %s", async (_label, params) => {
    const plans = allPlans(params);
    expect(Math.min(...plans.map((p) => p.cells.length))).toBeGreaterThan(1000);
    const wb = mockWorkbook();
    await insertForms(wb.context, plans);
    expect(wb.syncCount()).toBe(2);
    plans.forEach((p) => expectCells(sheetsNamed(wb.added, p.name)[0], p));
  });

  it("takes no sync for no plans", async () => {
    const wb = mockWorkbook();
    expect(await insertForms(wb.context, [])).toEqual({ sheets: [] });
    expect(wb.syncCount()).toBe(0);
    expect(wb.added).toEqual([]);
  });

  it("loads only the sheet names and the stamp sheet's used range", async () => {
    const wb = mockWorkbook({ stampRows: [[...STAMP_HEADER]] });
    await insertForms(wb.context, [plan("staffing")]);
    expect(wb.loads).toEqual(["items/name"]);
  });
});

describe("insertForms: request size", () => {
  it("syncs between plans only when two would not fit one request", async () => {
    const p = plan("investment");
    const bytes = prepareSheetPlan(p).bytes;
    const wb = mockWorkbook();
    const result = await insertForms(wb.context, [p, p, p], { requestBudgetBytes: Math.floor(bytes * 1.5) });
    // read, then one request per plan
    expect(wb.syncCount()).toBe(4);
    expect(result.sheets).toEqual([p.name, `${p.name} (2)`, `${p.name} (3)`]);
    for (const name of result.sheets) expectCells(sheetsNamed(wb.added, name)[0], p);
  });

  it("keeps plans that fit together in one request", async () => {
    const plans = allPlans();
    const total = plans.reduce((s, p) => s + prepareSheetPlan(p).bytes, 0);
    const wb = mockWorkbook();
    await insertForms(wb.context, plans, { requestBudgetBytes: total });
    expect(wb.syncCount()).toBe(2);
  });

  it("writes a plan larger than a request in row bands, all cells and formats included", async () => {
    const p = plan("staffing", PROVINCE_1000_DISTRICTS);
    const prepared = prepareSheetPlan(p);
    const budget = prepared.bandOverheadBytes + prepared.layoutBytes + Math.ceil(prepared.bytes / 6);
    const wb = mockWorkbook();
    await insertForms(wb.context, [p], { requestBudgetBytes: budget });
    const sheet = wb.added[0];
    const bands = writesOf(sheet, "formulas");
    expect(bands.length).toBeGreaterThan(3);
    // read, one request per band (the stamp rides on the last)
    expect(wb.syncCount()).toBe(1 + bands.length);
    expectCells(sheet, p);
    expect(sheet.ranges.filter((r) => r.cellProperties)).toHaveLength(bands.length);
    expect(sheet.ranges.filter((r) => r.merges.length > 0).map((r) => r.address).sort()).toEqual([...p.merges].sort());
    expect(sheet.ranges.filter((r) => r.validationOrder.length > 0)).toHaveLength(p.validations.length);
  });

  it("uses a budget below Excel on the web's 5 MB", () => {
    expect(REQUEST_BUDGET_BYTES).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("insertForms: names", () => {
  it("never reuses a sheet the user has", async () => {
    const p = plan("facilities");
    expect(p.name).toBe("PL1 Cơ sở vật chất");
    const wb = mockWorkbook({ sheetNames: ["Sheet1", "PL1 Cơ sở vật chất"] });
    const result = await insertForms(wb.context, [p]);
    expect(result.sheets).toEqual(["PL1 Cơ sở vật chất (2)"]);
    expect(wb.added.map((s) => s.name)).toEqual(["PL1 Cơ sở vật chất (2)", STAMP_SHEET]);
  });

  it("compares names without case", async () => {
    const wb = mockWorkbook({ sheetNames: ["pl1 cơ sở vật chất"] });
    const result = await insertForms(wb.context, [plan("facilities")]);
    expect(result.sheets).toEqual(["PL1 Cơ sở vật chất (2)"]);
  });

  it("gives the same form inserted twice two names", async () => {
    const wb = mockWorkbook();
    const result = await insertForms(wb.context, [plan("staffing"), plan("staffing")]);
    expect(result.sheets).toEqual(["PL Nhân sự Một cửa", "PL Nhân sự Một cửa (2)"]);
  });

  it("activates the first new sheet only", async () => {
    const wb = mockWorkbook();
    await insertForms(wb.context, allPlans());
    expect(wb.added.map((s) => s.activations)).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe("insertForms: stamps", () => {
  it("creates the stamp sheet very hidden, with its header and one row per new sheet", async () => {
    const wb = mockWorkbook({ sheetNames: ["Sheet1", "PL1 Cơ sở vật chất"] });
    const plans = [plan("staffing"), plan("facilities")];
    await insertForms(wb.context, plans);
    const stamp = sheetsNamed(wb.added, STAMP_SHEET);
    expect(stamp).toHaveLength(1);
    expect(stamp[0].sheet.visibility).toBe("VeryHidden");
    const rows = stampWrites(stamp[0]);
    expect(rows.get(1)).toEqual([...STAMP_HEADER]);
    expect([rows.get(2)?.[0], rows.get(3)?.[0]]).toEqual(["PL Nhân sự Một cửa", "PL1 Cơ sở vật chất (2)"]);
    for (const r of [2, 3]) {
      const read = decodeStamp(rows.get(r)?.[1]);
      expect(read.ok && read.stamp.sheet).toBe(rows.get(r)?.[0]);
    }
    expect(rows.size).toBe(3);
  });

  it("keeps the existing stamp rows and appends the new ones below them", async () => {
    const old = encodeStamp({ ...plan("procedures").stamp, sheet: "Báo cáo cũ" });
    const wb = mockWorkbook({ sheetNames: ["Báo cáo cũ"], stampRows: [[...STAMP_HEADER], old] });
    const result = await insertForms(wb.context, [plan("staffing"), plan("intake")]);
    expect(wb.added.map((s) => s.name)).toEqual(result.sheets);
    const rows = stampWrites(wb.stamp!);
    expect([...rows.keys()].sort()).toEqual([3, 4]);
    expect(rows.get(3)?.[0]).toBe(result.sheets[0]);
    expect(rows.get(4)?.[0]).toBe(result.sheets[1]);
    expect(wb.stamp!.sheet.visibility).toBe("VeryHidden");
    expect(wb.syncCount()).toBe(2);
  });

  it("appends below a used range that does not start on row 1", async () => {
    const wb = mockWorkbook({ stampRows: [["x", "{}"]], stampRowIndex: 4 });
    await insertForms(wb.context, [plan("staffing")]);
    expect([...stampWrites(wb.stamp!).keys()]).toEqual([6]);
  });

  it("writes the header first on an empty stamp sheet", async () => {
    const wb = mockWorkbook({ stampRows: [] });
    await insertForms(wb.context, [plan("staffing")]);
    const rows = stampWrites(wb.stamp!);
    expect(rows.get(1)).toEqual([...STAMP_HEADER]);
    expect(rows.get(2)?.[0]).toBe("PL Nhân sự Một cửa");
    expect(sheetsNamed(wb.added, STAMP_SHEET)).toEqual([]);
  });

  it("overwrites the row of a deleted sheet whose name a new sheet takes", async () => {
    const stale = encodeStamp({ ...plan("staffing").stamp, period: "Năm 2019" });
    const kept = encodeStamp({ ...plan("procedures").stamp });
    const wb = mockWorkbook({ sheetNames: ["Sheet1", kept[0]], stampRows: [[...STAMP_HEADER], stale, kept] });
    const p = plan("staffing");
    await insertForms(wb.context, [p]);
    const rows = stampWrites(wb.stamp!);
    expect([...rows.keys()]).toEqual([2]);
    const read = decodeStamp(rows.get(2)?.[1]);
    expect(read.ok && read.stamp.period).toBe(p.stamp.period);
  });

  it("writes the stamp JSON so that Excel keeps it as text", async () => {
    const wb = mockWorkbook();
    await insertForms(wb.context, [plan("staffing")]);
    const write = writesOf(sheetsNamed(wb.added, STAMP_SHEET)[0], "values")[0];
    const json = (write.range.values as string[][])[1][1];
    expect(json.startsWith("'{")).toBe(true);
  });
});
