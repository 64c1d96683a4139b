import ExcelJS from "exceljs";
import { buildSheetPlan, getForm } from "../../src/domain";
import { consolidate, extractWorkbook } from "../../src/domain/consolidate";
import type { InputRecord } from "../../src/domain/consolidate";
import { cellText } from "../../src/domain/grid/sheet-grid";
import type { WorkbookGrid } from "../../src/domain/grid/sheet-grid";
import { validateWorkbook } from "../../src/domain/validate";
import type { Issue } from "../../src/domain/validate";
import { readWorkbook } from "../../src/files/read-workbook";
import { LINEAGE_SHEET } from "../../src/files/summary-writer";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import { fileApi } from "../../src/taskpane/file-api";
import type { CheckedWorkbook } from "../../src/taskpane/file-checks";
import { filledPlan } from "../support/messy";
import { COMMUNE, DISTRICT } from "../support/params";

/** The standalone page's file actions, with the browser's download replaced by a list of saved files. */
function api() {
  const saved: { name: string; bytes: Uint8Array }[] = [];
  return { saved, files: fileApi((bytes, name) => saved.push({ name, bytes })) };
}

const good = { counters: 3, computers: "6 máy", printers: "4 máy", queue: "1 máy", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" };
const UNIT = COMMUNE.unit.name;
const picked = (name: string, bytes: Uint8Array) => ({ name, size: bytes.byteLength, bytes });
const at = (book: WorkbookGrid, sheet: string, row: number, col: number) => cellText(book.sheets.find((s) => s.name === sheet)?.cells[row - 1]?.[col - 1]);

describe("downloading forms", () => {
  test("the workbook the Excel insert would draw, named after the unit in ASCII, with its sheet names", async () => {
    const { saved, files } = api();
    const plans = (["staffing", "facilities"] as const).map((id) => buildSheetPlan(getForm(id), DISTRICT));
    const out = await files.downloadForms(plans);
    expect(out).toEqual({ sheets: plans.map((p) => p.name), file: "phu-luc-thi-xa-viet-yen.xlsx" });
    expect(saved.map((s) => s.name)).toEqual(["phu-luc-thi-xa-viet-yen.xlsx"]);
    const book = readWorkbook(saved[0].bytes, saved[0].name);
    expect(book.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual(out.sheets);
    expect([...book.stamps.values()].map((s) => [s.form, s.unit.name])).toEqual([
      ["staffing", "Thị xã Việt Yên"],
      ["facilities", "Thị xã Việt Yên"],
    ]);
  });

  test("a form without a unit name is saved as phu-luc.xlsx", async () => {
    const { saved, files } = api();
    await files.downloadForms([buildSheetPlan(getForm("procedures"), { ...COMMUNE, unit: { name: "" } })]);
    expect(saved[0].name).toBe("phu-luc.xlsx");
  });
});

describe("downloading a summary", () => {
  test("the summary of Việt Yên's 17 communes and the town: named after the town, every sheet listed, seed 001's 69 staff", async () => {
    const { saved, files } = api();
    const records: InputRecord[] = [];
    for (const sample of vietYenWorkbooks()) {
      const bytes = await writeWorkbook(sample.plans);
      records.push({ file: sample.file, sha256: "", entries: extractWorkbook(readWorkbook(bytes, sample.file), sample.file).flatMap((s) => s.entries), invalid: false });
    }
    const result = consolidate(records, { level: "huyen", tiers: 3, unit: DISTRICT.unit, year: 2024, period: "Năm 2023", newestWins: false, excludeInvalid: false });
    expect(result.totals.staffing?.["3"]).toBe(69);
    const lines = records.map((r) => ({ file: r.file, unit: null, forms: [], sha256: "", status: "ok" as const, errors: 0 }));
    const out = await files.downloadSummary(result, lines);
    expect(out.file).toBe("tong-hop-thi-xa-viet-yen.xlsx");
    expect(saved.map((s) => s.name)).toEqual([out.file]);
    const book = readWorkbook(saved[0].bytes, saved[0].name);
    expect(out.sheets).toEqual(book.sheets.filter((s) => !s.hidden).map((s) => s.name));
    expect(out.sheets).toEqual(expect.arrayContaining([...result.plans.map((p) => p.name), LINEAGE_SHEET]));
  });
});

describe("checking picked files and the corrected copy", () => {
  let messy: Uint8Array;
  beforeAll(async () => {
    messy = await writeWorkbook([
      filledPlan("facilities", COMMUNE, { [UNIT]: { ...good, computers: "2", kiosk: "x", counters: "ba" } }),
      filledPlan("staffing", COMMUNE, { [UNIT]: { total: 5, payroll: 2, seconded: 1 } }),
    ]);
  });

  test("each file is checked on its own: a damaged or oversized one gets its reason, the others their report", async () => {
    const { files } = api();
    const huge = { name: "lon.xlsx", size: 31 * 1024 * 1024, bytes: null };
    const checks = await files.check([picked("hong.xlsx", new Uint8Array(500).fill(3)), huge, picked("bao-cao.xlsx", messy)]);
    expect(checks.map((c) => (c.kind === "unreadable" ? c.problem : c.kind))).toEqual(["not-a-workbook", "too-large", "checked"]);
    const report = (checks[2] as CheckedWorkbook).report;
    expect(report.sheets.map((s) => s.form)).toEqual(["facilities", "staffing"]);
  });

  test("the certain fixes are offered, and a value that has no certain correction is not", async () => {
    const { files } = api();
    const [check] = (await files.check([picked("bao-cao.xlsx", messy)])) as CheckedWorkbook[];
    const offered = check.fixes.map((f) => `${f.sheet}!${f.cell}=${f.value}`).sort();
    expect(offered).toEqual(["PL1 Cơ sở vật chất!D8=2 máy", "PL1 Cơ sở vật chất!G8=X"]);
    const unfixable = check.report.sheets.flatMap((s) => s.issues).filter((i: Issue) => i.suggestion === undefined);
    expect(unfixable.map((i) => i.cell).sort()).toEqual(["C7", "C8"]);
  });

  test("the copy has the chosen fixes only, is named after the original, and says what is left; the original bytes are untouched", async () => {
    const { saved, files } = api();
    const before = messy.slice();
    const [check] = (await files.check([picked("xa/Báo cáo Thượng Lan.xlsx", messy)])) as CheckedWorkbook[];
    const chosen = check.fixes.filter((f) => f.cell === "D8");
    const copy = await files.downloadCorrected(check, chosen);
    expect(copy).toEqual({ file: "Báo cáo Thượng Lan-da-sua.xlsx", cells: 1, remaining: { errors: 2, warnings: 1 } });
    expect(saved.map((s) => s.name)).toEqual([copy.file]);
    expect(Buffer.from(messy).equals(Buffer.from(before))).toBe(true);
    const fixed = readWorkbook(saved[0].bytes, copy.file);
    expect(at(fixed, "PL1 Cơ sở vật chất", 8, 4)).toBe("2 máy");
    expect(at(fixed, "PL1 Cơ sở vật chất", 8, 7)).toBe("x");
    expect([...fixed.stamps.keys()]).toEqual([...readWorkbook(messy, "a.xlsx").stamps.keys()]);
    const codes = validateWorkbook(fixed).sheets.flatMap((s) => s.issues.map((i) => `${i.cell} ${i.code}`));
    expect(codes).not.toContain("D8 value.machine.bare-number");
    expect(codes).toContain("G8 value.machine.x-variant");
  });

  test("a cell holding a formula is never offered a fix: the value would replace the formula", async () => {
    const { files } = api();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(messy) as unknown as ExcelJS.Buffer);
    wb.getWorksheet("PL1 Cơ sở vật chất")!.getCell("D8").value = { formula: '"2"', result: "2", date1904: false };
    const withFormula = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const [check] = (await files.check([picked("cong-thuc.xlsx", withFormula)])) as CheckedWorkbook[];
    expect(check.report.sheets[0].issues.some((i) => i.cell === "D8" && i.suggestion !== undefined)).toBe(true);
    expect(check.fixes.map((f) => f.cell)).toEqual(["G8"]);
  });
});
