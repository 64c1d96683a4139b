// office-addin-mock imports office-addin-manifest only for its host enum, and that package's own
// dependencies do not load under Jest (a missing fs-extra, ESM-only modules): replace it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { buildSheetPlan, fillPlan, getForm } from "../../src/domain";
import type { FormParams, SheetPlan } from "../../src/domain";
import { applyFixesInExcel, MARK_STYLE, selectCell, validateInExcel, validateActiveSheetFromRibbon } from "../../src/excel";
import * as vy from "../../src/sample/viet-yen";
import { cellsOfAreas, cellsOfPlan, fakeWorkbook, setCell, stampRowsOf } from "./validate-mock";
import type { FakeSheetSpec } from "./validate-mock";

/** A filled facilities sheet of a two-tier province with `communes` communes: every row valid. */
function facilities(communes: number, name?: string): SheetPlan {
  const params: FormParams = {
    level: "tinh",
    tiers: 2,
    unit: { name: "Tỉnh Bắc Ninh", code: "24" },
    year: 2025,
    period: "Năm 2025",
    subunits: { kind: "communes", communes: Array.from({ length: communes }, (_, i) => ({ name: `Xã Số ${i + 1}` })) },
  };
  const plan = fillPlan(buildSheetPlan(getForm("facilities"), params), () => vy.COMMUNE_FACILITIES);
  return name ? { ...plan, name, stamp: { ...plan.stamp, sheet: name } } : plan;
}

/** The 1-based row of a commune in a plan. */
function rowOf(plan: SheetPlan, commune: string): number {
  const at = plan.cells.findIndex((r) => String(r[1]?.value ?? "").toLowerCase().endsWith(commune.toLowerCase()));
  if (at < 0) throw new Error(`no row for ${commune}`);
  return at + 1;
}

function sheetOf(plan: SheetPlan, extra: Partial<FakeSheetSpec> = {}): FakeSheetSpec {
  return { name: plan.name, cells: cellsOfPlan(plan), ...extra };
}

/** Excel reports ExcelApi sets up to 1.`minor` as supported. */
function supportUpTo(minor: number): void {
  Object.assign(globalThis, {
    Office: { context: { requirements: { isSetSupported: (_set: string, v: string) => Number(v.split(".")[1]) <= minor } } },
  });
}

beforeEach(() => supportUpTo(20));
afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("validateInExcel: issues at their cells", () => {
  test('"2" in a machine column is value.machine.bare-number at that cell, with "2 máy" offered as a fix', async () => {
    const plan = facilities(12);
    const sheet = sheetOf(plan);
    const row = rowOf(plan, "Xã Số 3");
    setCell(sheet.cells, `D${row}`, "2");
    const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });

    const result = await validateInExcel(wb.context, { scope: { kind: "active" } });

    expect(result.report.sheets).toHaveLength(1);
    expect(result.report.sheets[0].how).toBe("stamp");
    expect(result.report.sheets[0].issues.map((i) => [i.code, i.cell, i.suggestion])).toEqual([["value.machine.bare-number", `D${row}`, "2 máy"]]);
    expect(result.fixes).toEqual([{ sheet: plan.name, cell: `D${row}`, value: "2 máy", code: "value.machine.bare-number" }]);
    expect(result.checked).toEqual([{ name: plan.name, id: "{sheet-1}" }]);
  });

  test("a formula error and a date in number columns are found from special cells and number formats", async () => {
    const plan = facilities(12);
    const sheet = sheetOf(plan, { formulas: [], errors: [], formats: {} });
    const errorRow = rowOf(plan, "Xã Số 4");
    const dateRow = rowOf(plan, "Xã Số 5");
    const formulaRow = rowOf(plan, "Xã Số 6");
    setCell(sheet.cells, `C${errorRow}`, "#DIV/0!");
    sheet.formulas?.push(`C${errorRow}`, `D${formulaRow}`);
    sheet.errors?.push(`C${errorRow}`);
    setCell(sheet.cells, `C${dateRow}`, 45658);
    (sheet.formats as Record<string, string>)[`C${dateRow}`] = "dd/mm/yyyy";
    // A formula giving "2": the same problem as typing it, but writing "2 máy" would replace the formula.
    setCell(sheet.cells, `D${formulaRow}`, "2");
    const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });

    const result = await validateInExcel(wb.context, { scope: { kind: "active" } });

    const found = result.report.sheets[0].issues.map((i) => [i.code, i.cell, i.value]);
    expect(found).toEqual([
      ["cell.error", `C${errorRow}`, "#DIV/0!"],
      ["cell.date", `C${dateRow}`, "01/01/2025"],
      ["value.machine.bare-number", `D${formulaRow}`, "2"],
    ]);
    expect(result.fixes).toEqual([]);
  });

  test("merged cells over an input cell are found where ExcelApi 1.13 is supported, and not asked for below it", async () => {
    const plan = facilities(12);
    const row = rowOf(plan, "Xã Số 2");
    const make = () => fakeWorkbook({ sheets: [sheetOf(plan, { merges: [`C${row}:D${row}`] })], stampRows: stampRowsOf([plan]) });

    const withMerges = await validateInExcel(make().context, { scope: { kind: "active" } });
    expect(withMerges.report.sheets[0].issues.map((i) => [i.code, i.cell])).toEqual([["structure.merged-input", `C${row}:D${row}`]]);

    supportUpTo(12);
    const wb = make();
    const without = await validateInExcel(wb.context, { scope: { kind: "active" } });
    expect(without.report.sheets[0].issues).toEqual([]);
    expect(wb.syncCount()).toBe(2);
  });

  test("a failed merged-area read is retried once without it: the values are still checked", async () => {
    const plan = facilities(12);
    const sheet = sheetOf(plan, { merges: [`C9:D9`] });
    setCell(sheet.cells, `E${rowOf(plan, "Xã Số 7")}`, "3");
    const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]), mergesFailWith: "GeneralException" });

    const result = await validateInExcel(wb.context, { scope: { kind: "active" } });

    expect(result.report.sheets[0].issues.map((i) => i.code)).toEqual(["value.machine.bare-number"]);
    expect(wb.syncCount()).toBe(4);
  });

  test("a sheet without stamp is still recognised by its header; a sheet that is no form gives no report", async () => {
    const plan = facilities(12);
    const notes: FakeSheetSpec = { name: "Ghi chú", cells: [["Họ tên", "Điện thoại"], ["Nguyễn Văn A", "0912"]] };
    const wb = fakeWorkbook({ sheets: [sheetOf(plan), notes] });

    const all = await validateInExcel(wb.context, { scope: { kind: "all" } });
    expect(all.report.sheets.map((s) => [s.sheet, s.how])).toEqual([[plan.name, "header"]]);
    expect(all.checked.map((c) => c.name)).toEqual([plan.name, "Ghi chú"]);

    const active = await validateInExcel(fakeWorkbook({ sheets: [notes, sheetOf(plan)] }).context, { scope: { kind: "active" } });
    expect(active.report.sheets).toEqual([]);
    expect(active.report.issues.map((i) => i.code)).toEqual(["file.no-form"]);
  });
});

describe("validateInExcel: syncs", () => {
  test("the active sheet takes 3 syncs (2 to read, 1 to mark) for 20 rows and for 10,000 rows", async () => {
    const counts: number[] = [];
    const blocks: number[][] = [];
    for (const communes of [12, 9990]) {
      const plan = facilities(communes);
      const sheet = sheetOf(plan);
      setCell(sheet.cells, `D${rowOf(plan, "Xã Số 3")}`, "2");
      const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });
      const result = await validateInExcel(wb.context, { scope: { kind: "active" } });
      expect(result.report.sheets[0].issues.map((i) => i.code)).toEqual(["value.machine.bare-number"]);
      expect(wb.addedRules(plan.name)).toHaveLength(1);
      counts.push(wb.syncCount());
      // The header probe is the first read; the body follows in blocks.
      const reads = wb.sheet(plan.name).reads.slice(1);
      expect(reads.every((r) => r.loads.join() === "values, numberFormat")).toBe(true);
      blocks.push(reads.map((r) => r.rows));
    }
    expect(counts).toEqual([3, 3]);
    expect(blocks[0]).toEqual([26]);
    expect(blocks[1]).toEqual([5000, 5000, 4]);
  }, 60_000);

  test("all sheets take one more sync, and only form sheets are read past their header", async () => {
    const a = facilities(12, "PL1 A");
    const b = facilities(30, "PL1 B");
    const big: FakeSheetSpec = { name: "Dữ liệu", cells: Array.from({ length: 2000 }, (_, i) => [`Dòng ${i + 1}`, i]) };
    const hidden: FakeSheetSpec = { name: "Ẩn", visibility: "Hidden", cells: cellsOfPlan(a) };
    const sheetA = sheetOf(a);
    setCell(sheetA.cells, `D${rowOf(a, "Xã Số 1")}`, "2");
    const wb = fakeWorkbook({ sheets: [sheetA, big, sheetOf(b), hidden], stampRows: stampRowsOf([a, b]) });

    const result = await validateInExcel(wb.context, { scope: { kind: "all" } });

    expect(wb.syncCount()).toBe(4);
    expect(result.report.sheets.map((s) => [s.sheet, s.issues.length])).toEqual([
      ["PL1 A", 1],
      ["PL1 B", 0],
    ]);
    expect(wb.sheet("Dữ liệu").reads.map((r) => r.rows)).toEqual([30]);
    expect(wb.sheet("Ẩn").reads).toEqual([]);
  });

  test("past the response budget the blocks are split over further syncs, never one per block", async () => {
    const plan = facilities(9990);
    const sheet = sheetOf(plan);
    setCell(sheet.cells, `D${rowOf(plan, "Xã Số 3")}`, "2");
    const syncs = async (readBudgetBytes?: number) => {
      const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });
      await validateInExcel(wb.context, { scope: { kind: "active" }, ...(readBudgetBytes ? { readBudgetBytes } : {}) });
      return wb.syncCount();
    };
    // 10,004 rows × 12 columns × 20 bytes is about 2.4 MB: one response by default, two under a 1.5 MB budget.
    expect(await syncs()).toBe(3);
    expect(await syncs(1_500_000)).toBe(4);
  }, 60_000);
});

describe("validateInExcel: marks", () => {
  function badSheet() {
    const plan = facilities(12);
    const sheet = sheetOf(plan);
    const d = rowOf(plan, "Xã Số 3");
    const g = rowOf(plan, "Xã Số 8");
    setCell(sheet.cells, `D${d}`, "2");
    setCell(sheet.cells, `E${d}`, "4");
    setCell(sheet.cells, `G${g}`, "x");
    return { plan, sheet, errors: [`D${d}`, `E${d}`], warnings: [`G${g}`] };
  }

  test("marks exactly the issue cells, red for errors and yellow for warnings, and changes no value", async () => {
    const { plan, sheet, errors, warnings } = badSheet();
    const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });

    const result = await validateInExcel(wb.context, { scope: { kind: "active" } });

    const added = wb.addedRules(plan.name);
    const of = (fill: string) => cellsOfAreas(added.filter((r) => r.fill === fill).map((r) => r.address));
    expect(of(MARK_STYLE.error.fill)).toEqual(errors);
    expect(of(MARK_STYLE.warning.fill)).toEqual(warnings);
    expect(added.map((r) => r.formula).sort()).toEqual([MARK_STYLE.error.formula, MARK_STYLE.warning.formula].sort());
    // Two adjacent error cells make one area.
    expect(added.find((r) => r.fill === MARK_STYLE.error.fill)?.address).toBe(`${errors[0]}:${errors[1]}`);
    expect(result.marked).toBe(3);
    expect(wb.sheet(plan.name).writes.filter((w) => "values" in w.range)).toEqual([]);
  });

  test("the next run deletes the add-in's own rules, found by their formula, and keeps the user's", async () => {
    const { plan, sheet } = badSheet();
    sheet.rules = [
      { type: "CellValue", address: "C7:C30" },
      { type: "Custom", address: "B7:B30", formula: "=$C7>5" },
      { type: "Custom", address: "H9", formula: "=TRUE" },
    ];
    const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });
    await validateInExcel(wb.context, { scope: { kind: "active" } });
    expect(wb.sheet(plan.name).rules).toHaveLength(5);

    // The user corrects the cells: the next run finds nothing and leaves only the user's rules.
    const rows = wb.sheet(plan.name).cells;
    rows.forEach((r) => r.forEach((v, c) => (v === "2" || v === "4" ? (r[c] = `${v} máy`) : v === "x" ? (r[c] = "X") : v)));
    const again = await validateInExcel(wb.context, { scope: { kind: "active" } });

    expect(again.report.sheets[0].issues).toEqual([]);
    expect(again.unmarked).toBe(2);
    expect(again.marked).toBe(0);
    expect(wb.sheet(plan.name).rules.map((r) => [r.type, r.address, r.formula])).toEqual([
      ["CellValue", "C7:C30", undefined],
      ["Custom", "B7:B30", "=$C7>5"],
      ["Custom", "H9", "=TRUE"],
    ]);
  });

  test("on a protected sheet nothing is marked or unmarked, and the sheet is named", async () => {
    const { plan, sheet } = badSheet();
    sheet.protected = true;
    const wb = fakeWorkbook({ sheets: [sheet], stampRows: stampRowsOf([plan]) });
    const result = await validateInExcel(wb.context, { scope: { kind: "active" } });
    expect(wb.sheet(plan.name).rules).toEqual([]);
    expect(result.unmarkable).toEqual([plan.name]);
    expect(result.report.sheets[0].issues).toHaveLength(3);
  });
});

describe("fixes and selection", () => {
  test("the ticked fixes are written in one sync; text that Excel would take for a formula stays text", async () => {
    const wb = fakeWorkbook({ sheets: [{ name: "PL", cells: [["STT"]] }, { name: "PL2", cells: [["STT"]] }] });
    const count = await applyFixesInExcel(wb.context, [
      { sheet: "PL", cell: "D9", value: "2 máy", code: "value.machine.bare-number" },
      { sheet: "PL2", cell: "N12", value: 1_250_000_000, code: "value.money.words" },
      { sheet: "PL", cell: "E10", value: "-5", code: "test" },
    ]);
    expect(count).toBe(3);
    expect(wb.syncCount()).toBe(1);
    const written = (name: string) => wb.sheet(name).writes.map((w) => [w.address, w.range.values]);
    expect(written("PL")).toEqual([
      ["D9", [["2 máy"]]],
      ["E10", [["'-5"]]],
    ]);
    expect(written("PL2")).toEqual([["N12", [[1_250_000_000]]]]);
  });

  test("selecting an issue activates its sheet and selects its cell in one sync", async () => {
    const wb = fakeWorkbook({ sheets: [{ name: "A", cells: [["x"]] }, { name: "PL1", cells: [["x"]] }] });
    await selectCell(wb.context, "PL1", "D9");
    expect(wb.syncCount()).toBe(1);
    expect(wb.sheet("PL1").activations).toBe(1);
    expect(wb.sheet("PL1").selected).toEqual(["D9"]);
    expect(wb.sheet("A").activations).toBe(0);
  });
});

describe("the ribbon button", () => {
  test("checks every form sheet, marks, selects the first error cell and says so in one line", async () => {
    const a = facilities(12, "PL1 A");
    const b = facilities(12, "PL1 B");
    const sheetA = sheetOf(a);
    const sheetB = sheetOf(b);
    setCell(sheetA.cells, `G${rowOf(a, "Xã Số 1")}`, "x");
    setCell(sheetB.cells, `D${rowOf(b, "Xã Số 5")}`, "2");
    setCell(sheetB.cells, `F${rowOf(b, "Xã Số 9")}`, "7");
    const wb = fakeWorkbook({ sheets: [sheetA, sheetB], stampRows: stampRowsOf([a, b]) });

    const line = await validateActiveSheetFromRibbon(wb.context);

    expect(line).toBe("Kiểm tra: 2 lỗi, 1 cảnh báo trên 2 trang tính; ô đầu tiên có lỗi đã được chọn.");
    expect(wb.sheet("PL1 B").selected).toEqual([`D${rowOf(b, "Xã Số 5")}`]);
    expect(wb.sheet("PL1 B").activations).toBe(1);
    expect(wb.sheet("PL1 A").selected).toEqual([]);
    expect(wb.addedRules("PL1 A")).toHaveLength(1);
    expect(wb.addedRules("PL1 B")).toHaveLength(1);
    expect(wb.syncCount()).toBe(4);
  });

  test("says when there is no form, and when all is well", async () => {
    const none = fakeWorkbook({ sheets: [{ name: "Sheet1", cells: [["Xin chào"]] }] });
    expect(await validateActiveSheetFromRibbon(none.context)).toBe("Kiểm tra: không tìm thấy biểu mẫu phụ lục nào trong sổ làm việc.");
    const plan = facilities(12);
    const clean = fakeWorkbook({ sheets: [sheetOf(plan)], stampRows: stampRowsOf([plan]) });
    expect(await validateActiveSheetFromRibbon(clean.context)).toBe("Kiểm tra: 1 trang tính, không có lỗi hay cảnh báo.");
    expect(clean.sheet(plan.name).selected).toEqual([]);
  });
});
