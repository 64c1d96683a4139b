// The helpers below come from the mock workbook module, which loads office-addin-mock: replace
// office-addin-manifest, whose dependencies do not load under Jest.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import type { Issue } from "../../src/domain/validate";
import { isMarkFormula, MARK_STYLE, markAreas } from "../../src/excel";
import { cellsOfAreas } from "./validate-mock";

const issue = (cell: string | undefined, severity: Issue["severity"] = "error"): Issue => ({
  code: "test",
  severity,
  message: "",
  ...(cell ? { cell } : {}),
});

describe("markAreas", () => {
  test("adjacent cells become rectangles, one address list per severity", () => {
    const areas = markAreas([issue("D8"), issue("D9"), issue("E8"), issue("E9"), issue("D12"), issue("G3", "warning")]);
    expect(areas).toEqual([
      { severity: "error", addresses: ["D8:E9,D12"], cells: 5 },
      { severity: "warning", addresses: ["G3"], cells: 1 },
    ]);
  });

  test("a cell with an error and a warning is marked once, as an error; issues without a cell are not marked", () => {
    const areas = markAreas([issue("C5", "warning"), issue("C5"), issue(undefined), issue("B2:C2", "warning")]);
    expect(areas.map((a) => [a.severity, cellsOfAreas(a.addresses)])).toEqual([
      ["error", ["C5"]],
      ["warning", ["B2", "C2"]],
    ]);
  });

  test("address lists are split before they grow past the limit, and together hold every cell", () => {
    const many = Array.from({ length: 400 }, (_, i) => issue(`D${i * 2 + 8}`));
    const [errors] = markAreas(many, 200);
    expect(errors.addresses.length).toBeGreaterThan(1);
    expect(errors.addresses.every((a) => a.length <= 200)).toBe(true);
    expect(cellsOfAreas(errors.addresses)).toEqual(many.map((i) => i.cell as string).sort());
  });
});

describe("isMarkFormula", () => {
  test("recognises the add-in's own formulas as Excel reads them back, and nothing else", () => {
    expect(isMarkFormula(MARK_STYLE.error.formula)).toBe(true);
    expect(isMarkFormula(MARK_STYLE.warning.formula.toLowerCase().replace("(", "( "))).toBe(true);
    expect(isMarkFormula(MARK_STYLE.error.formula.slice(1))).toBe(true);
    expect(isMarkFormula("=TRUE")).toBe(false);
    expect(isMarkFormula('=ISTEXT("PhuLuc.KiemTra.Loi")&""')).toBe(false);
    expect(isMarkFormula(undefined)).toBe(false);
  });
});
