import { FORM_IDS, inlineName, vi, en } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import { tableFromRows } from "../../src/domain/units/unit-table";
import { chosenForms, insertPlans, listView, paramsFor, tiersFor } from "../../src/taskpane/insert-plans";
import type { InsertRequest } from "../../src/taskpane/insert-plans";

const THREE = ["Xã Thượng Lan", "Phường Nếnh", "Xã Vân Hà"];
const namesList = tableFromRows([["Tên đơn vị"], ...THREE.map((n) => [n])]);

/** A catalogue in the official 2024 CSV layout: two districts of one province. */
const catalogue = tableFromRows([
  ["province_code", "province_name", "district_code", "district_name", "commune_code", "commune_name"],
  ["24", "Tỉnh Bắc Giang", "222", "Thị xã Việt Yên", "07759", "Xã Thượng Lan"],
  ["24", "Tỉnh Bắc Giang", "222", "Thị xã Việt Yên", "07762", "Phường Nếnh"],
  ["24", "Tỉnh Bắc Giang", "223", "Huyện Hiệp Hòa", "07780", "Xã Hoàng Vân"],
]);

const base: InsertRequest = {
  forms: ["staffing"],
  level: "xa",
  tiers: 2,
  unitName: "",
  unitCode: "",
  year: 2024,
  period: "",
};

/** Unit rows label a unit the way a sentence names it: "Bộ phận Một cửa phường Nếnh". */
const names = (value: unknown, name: string): boolean => typeof value === "string" && value.endsWith(inlineName(name));
const rowsNaming = (plan: SheetPlan, name: string): number => plan.cells.filter((row) => row.some((c) => names(c.value, name))).length;

describe("insertPlans", () => {
  test("a district with a 3-name list gives the chosen forms, each with one row per commune", () => {
    const result = insertPlans({
      ...base,
      forms: ["facilities", "staffing"],
      level: "huyen",
      unitName: "Thị xã Việt Yên",
      table: namesList,
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.plans.map((p) => p.stamp.form)).toEqual(["staffing", "facilities"]);
    expect(result.params.subunits).toEqual({ kind: "communes", communes: THREE.map((name) => ({ name })) });
    for (const plan of result.plans) {
      for (const name of THREE) expect(rowsNaming(plan, name)).toBe(1);
      expect(plan.stamp.unit).toEqual({ name: "Thị xã Việt Yên" });
    }
  });

  test('"Tất cả" gives the five forms in menu order', () => {
    const result = insertPlans({ ...base, forms: "all" });
    if (!result.ok) throw new Error(result.problem);
    expect(result.plans).toHaveLength(5);
    expect(result.plans.map((p) => p.stamp.form)).toEqual([...FORM_IDS]);
    expect(chosenForms([...FORM_IDS].reverse())).toEqual([...FORM_IDS]);
  });

  test("a district is always three-tier, whatever the tiers choice says", () => {
    expect(tiersFor("huyen", 2)).toBe(3);
    expect(tiersFor("xa", 2)).toBe(2);
    const result = insertPlans({ ...base, level: "huyen", tiers: 2 });
    if (!result.ok) throw new Error(result.problem);
    expect(result.params.tiers).toBe(3);
    expect(result.plans[0].stamp.tiers).toBe(3);
  });

  test("a blank period becomes “Năm <year>”, a typed one is kept", () => {
    const blank = paramsFor({ ...base, year: 2025, period: "  " });
    const typed = paramsFor({ ...base, period: "6 tháng đầu năm 2024" });
    expect(blank.ok && blank.params.period).toBe("Năm 2025");
    expect(typed.ok && typed.params.period).toBe("6 tháng đầu năm 2024");
  });

  test("no form, a bad year, or an unusable list stop before any plan is built", () => {
    expect(insertPlans({ ...base, forms: [] })).toEqual({ ok: false, problem: "no-form" });
    expect(insertPlans({ ...base, year: null })).toEqual({ ok: false, problem: "bad-year" });
    expect(insertPlans({ ...base, year: 1999 })).toEqual({ ok: false, problem: "bad-year" });
    // The catalogue holds two districts and no code says which one reports.
    expect(insertPlans({ ...base, level: "huyen", table: catalogue })).toEqual({ ok: false, problem: "unit-list" });
  });

  test("the list's unit fills a blank name and code; typed ones win", () => {
    const fromList = paramsFor({ ...base, level: "huyen", unitCode: "222", table: catalogue });
    expect(fromList.ok && fromList.params.unit).toEqual({ name: "Thị xã Việt Yên", code: "222" });
    const typed = paramsFor({ ...base, level: "huyen", unitName: "  TX  Việt Yên ", unitCode: "222", table: catalogue });
    expect(typed.ok && typed.params.unit).toEqual({ name: "TX Việt Yên", code: "222" });
    const result = insertPlans({ ...base, level: "huyen", unitCode: "222", table: catalogue });
    if (!result.ok) throw new Error(result.problem);
    expect(rowsNaming(result.plans[0], "Phường Nếnh")).toBe(1);
    expect(rowsNaming(result.plans[0], "Xã Hoàng Vân")).toBe(0);
  });
});

describe("listView", () => {
  const req = { level: "huyen" as const, tiers: 3 as const, unitCode: "" };

  test("counts the units a name list gives", () => {
    expect(listView({ fileName: "ds.txt", table: namesList }, req, vi)).toEqual({ state: "success", text: "ds.txt: 3 đơn vị trực thuộc." });
    expect(listView({ fileName: "ds.txt", table: namesList }, req, en).text).toBe("ds.txt: 3 subordinate units.");
  });

  test("names the reporting unit a catalogue gives, and asks for a code when it holds several", () => {
    const picked = { fileName: "units-2024.csv", table: catalogue };
    expect(listView(picked, { ...req, unitCode: "222" }, vi)).toEqual({
      state: "success",
      text: "units-2024.csv: 2 đơn vị trực thuộc.",
      unit: vi.ui.list.listUnit("Thị xã Việt Yên", "222"),
    });
    expect(listView(picked, req, vi)).toEqual({ state: "error", text: vi.ui.list.needsCode("units-2024.csv", "huyện") });
    expect(listView(picked, { ...req, unitCode: "999" }, vi).text).toBe(vi.ui.list.noMatch("units-2024.csv", "999"));
  });

  test("file problems use the same wording as the command line", () => {
    expect(listView({ fileName: "a.xlsx", problem: "encrypted" }, req, vi)).toEqual({
      state: "error",
      text: vi.ui.list.unreadable("a.xlsx", vi.cli.tableProblems.encrypted),
    });
    expect(listView({ fileName: "a.xlsx", problem: "empty" }, req, vi).text).toBe(vi.ui.list.empty("a.xlsx"));
  });
});
