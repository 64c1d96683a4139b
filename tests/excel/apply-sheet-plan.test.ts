// office-addin-mock imports office-addin-manifest only for its host enum, and that package's own
// dependencies do not load under Jest (a missing fs-extra, ESM-only modules): replace it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { OfficeMockObject } from "office-addin-mock";
import { columnLetter } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import { columnWidthPoints, jsonBytes, prepareSheetPlan, queueSheetPlan, rowBands, textCell } from "../../src/excel";
import { borderSegmentsOf, cornersOf, formatsOf, gridOf, sheetMock, stored } from "./mock-workbook";
import type { SheetLog } from "./mock-workbook";
import { allPlans, plan, PROVINCE_1000_DISTRICTS, widthOf } from "./plans";

/** Draws a plan on a fresh mock worksheet; no context, so nothing can sync. */
function draw(p: SheetPlan): SheetLog {
  const { log, seed } = sheetMock(p.name, { visibility: "Visible" });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mock stands in for Excel.Worksheet
  log.sheet = new OfficeMockObject(seed) as any;
  queueSheetPlan(log.sheet as Excel.Worksheet, p);
  return log;
}

describe("textCell", () => {
  it.each(["=SUM(A1)", "+84 912", "-5", "- Ghi chú", "@mention", "(1)", "1.000", "10%", "1/2", "TRUE", "false", "May 2024", "'quoted", " leading"])(
    "keeps %p as text with a leading apostrophe",
    (text) => {
      expect(textCell(text)).toBe(`'${text}`);
    },
  );

  it.each(["Phụ lục 1", "Xã Thượng Lan", "X", "Đơn vị", "STT", "Maybe later"])("writes %p as it is", (text) => {
    expect(textCell(text)).toBe(text);
  });

  it("writes an empty string as empty", () => {
    expect(textCell("")).toBe("");
  });
});

describe("columnWidthPoints", () => {
  it("gives 48 pt for Excel's default column (file width 9.140625, 64 px)", () => {
    expect(columnWidthPoints(9.140625)).toBe(48);
  });

  it("converts through whole pixels of a 7 px digit", () => {
    expect(columnWidthPoints(5)).toBe(26.25); // 35 px
    expect(columnWidthPoints(30)).toBe(157.5); // 210 px
  });
});

describe("queueSheetPlan", () => {
  // The intake form has formulas, merges, a numbering row, dash notes and validations.
  const p = plan("intake");
  const rows = p.cells.length;
  const cols = widthOf(p);
  const sheet = draw(p);

  it("writes values and formulas in one 2-D assignment over the whole block", () => {
    const writes = sheet.ranges.filter((r) => Array.isArray(r.range.formulas));
    expect(writes.map((w) => w.address)).toEqual([`A1:${columnLetter(cols)}${rows}`]);
    expect(sheet.ranges.filter((r) => r.range.values !== undefined)).toEqual([]);
  });

  it("writes every plan cell: formulas with '=', numbers as numbers, text as the same text", () => {
    const grid = gridOf(sheet, "formulas", rows, cols);
    let formulas = 0;
    p.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const written = grid[r][c];
        if (cell.formula) {
          formulas++;
          expect(written).toBe(`=${cell.formula}`);
        } else if (typeof cell.value === "number") {
          expect(written).toBe(cell.value);
        } else if (typeof cell.value === "string") {
          expect(stored(written)).toBe(cell.value);
        } else {
          expect(written ?? null).toBeNull();
        }
      }),
    );
    expect(formulas).toBeGreaterThan(0);
  });

  it("keeps the numbering row and the notes' dash lines as text", () => {
    const grid = gridOf(sheet, "formulas", rows, cols);
    const flat = grid.flat().filter((v): v is string => typeof v === "string");
    expect(flat).toContain("'(1)");
    const dashes = p.cells.flat().filter((c) => typeof c.value === "string" && c.value.startsWith("-"));
    expect(dashes.length).toBeGreaterThan(0);
    for (const d of dashes) expect(flat).toContain(`'${d.value}`);
  });

  it("writes the plan's number formats in one 2-D assignment", () => {
    const writes = sheet.ranges.filter((r) => Array.isArray(r.range.numberFormat));
    expect(writes).toHaveLength(1);
    const grid = gridOf(sheet, "numberFormat", rows, cols);
    p.cells.forEach((row, r) => row.forEach((cell, c) => expect(grid[r][c]).toBe(p.styles[cell.style].numberFormat)));
  });

  it("gives every cell its style's font, alignment and wrapping, with one setCellProperties call", () => {
    const calls = sheet.ranges.filter((r) => r.cellProperties);
    expect(calls).toHaveLength(1);
    const seen = formatsOf(sheet, rows, cols);
    const align = { left: "Left", center: "Center", right: "Right" };
    p.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const s = p.styles[cell.style];
        expect({ at: `${r + 1}:${c + 1}`, ...seen[r][c] }).toEqual({
          at: `${r + 1}:${c + 1}`,
          name: p.fontName,
          size: s.size,
          bold: s.bold,
          italic: s.italic,
          h: align[s.h],
          v: "Center",
          wrap: s.wrap,
        });
      }),
    );
  });

  it("draws thin borders on exactly the edges of the bordered cells", () => {
    const expected = new Set<string>();
    p.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!p.styles[cell.style].border) return;
        const [R, C] = [r + 1, c + 1];
        for (const s of [`h:${R - 1}:${C}`, `h:${R}:${C}`, `v:${R}:${C - 1}`, `v:${R}:${C}`]) expected.add(s);
      }),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect([...borderSegmentsOf(sheet)].sort()).toEqual([...expected].sort());
  });

  it("merges exactly the plan's merges, without merging across", () => {
    const merged = sheet.ranges.filter((r) => r.merges.length > 0);
    expect(merged.map((m) => m.address).sort()).toEqual([...p.merges].sort());
    for (const m of merged) expect(m.merges).toEqual([false]);
  });

  it("sets column widths in points and the plan's row heights", () => {
    const widths: number[] = [];
    const heights = new Map<number, number>();
    for (const r of sheet.ranges) {
      const { top, left, bottom, right } = cornersOf(r.address);
      if (typeof r.range.format.columnWidth === "number") for (let c = left; c <= right; c++) widths[c - 1] = r.range.format.columnWidth;
      if (typeof r.range.format.rowHeight === "number") for (let x = top; x <= bottom; x++) heights.set(x, r.range.format.rowHeight);
    }
    expect(widths).toEqual(p.columnWidths.map(columnWidthPoints));
    p.rowHeights.forEach((h, i) => expect(heights.get(i + 1)).toBe(h));
    expect(heights.size).toBe(p.rowHeights.filter((h) => h !== undefined).length);
  });

  it("sets each validation on its exact range, rule before prompt and error alert", () => {
    expect(p.validations.length).toBeGreaterThan(0);
    const validated = sheet.ranges.filter((r) => r.validationOrder.length > 0);
    expect(validated.map((v) => v.address).sort()).toEqual(p.validations.map((v) => v.range).sort());
    for (const v of p.validations) {
      const log = validated.find((r) => r.address === v.range)!;
      expect(log.validationOrder).toEqual(["rule", "prompt", "errorAlert"]);
      const dv = log.range.dataValidation;
      expect(dv.prompt).toEqual({ showPrompt: true, title: v.prompt.title, message: v.prompt.message });
      expect(dv.errorAlert).toEqual({ showAlert: true, style: "Stop", title: v.error.title, message: v.error.message });
    }
  });

  it("translates each rule type of the five forms into Office.js's shape", () => {
    const kinds = new Set<string>();
    for (const form of allPlans()) {
      const drawn = draw(form);
      for (const v of form.validations) {
        kinds.add(v.rule.type);
        const rule = drawn.ranges.find((r) => r.address === v.range)!.range.dataValidation.rule;
        switch (v.rule.type) {
          case "list":
            expect(rule).toEqual({ list: { inCellDropDown: true, source: v.rule.values.join(",") } });
            break;
          case "wholeNumber":
            expect(rule).toEqual({ wholeNumber: { formula1: v.rule.min, operator: "GreaterThanOrEqualTo" } });
            break;
          case "decimal":
            expect(rule).toEqual({ decimal: { formula1: v.rule.min, operator: "GreaterThanOrEqualTo" } });
            break;
          case "custom":
            expect(rule).toEqual({ custom: { formula: `=${v.rule.formula}` } });
            break;
        }
      }
    }
    expect(kinds).toEqual(new Set(["custom", "decimal", "list", "wholeNumber"]));
  });

  it("freezes the header rows and the first two columns", () => {
    expect(sheet.freezeAt).toEqual([`A1:${columnLetter(p.freeze.columns)}${p.freeze.rows}`]);
    expect(sheet.freezeRows).toEqual([]);
  });

  it("prints landscape on A4, one page wide, with the plan's margins, title rows and page numbers from page 2", () => {
    const layout = sheet.sheet.pageLayout;
    expect(layout.orientation).toBe("Landscape");
    expect(layout.paperSize).toBe("A4");
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    const m = p.print.margins;
    expect([layout.topMargin, layout.bottomMargin, layout.leftMargin, layout.rightMargin]).toEqual(
      [m.top, m.bottom, m.left, m.right].map((inches) => inches * 72),
    );
    expect(layout.leftMargin).toBeCloseTo(85.04, 1); // 3 cm
    expect([layout.headerMargin, layout.footerMargin]).toEqual([m.header * 72, m.footer * 72]);
    expect(sheet.printTitleRows).toEqual([`$${p.print.titleRows[0]}:$${p.print.titleRows[1]}`]);
    const hf = layout.headersFooters;
    expect(hf.state).toBe("FirstAndDefault");
    expect(hf.firstPage.centerHeader).toBe("");
    expect(hf.defaultForAllPages.centerHeader).toMatch(/&P$/);
  });

  it("writes no cell outside the plan and does not activate the sheet", () => {
    for (const r of sheet.ranges) {
      const { bottom } = cornersOf(r.address);
      if (r.range.format.columnWidth === undefined) expect(bottom).toBeLessThanOrEqual(rows);
    }
    expect(sheet.activations).toBe(0);
  });
});

describe("prepareSheetPlan", () => {
  it("keeps the per-cell properties of a 1,000-row table to the cells that differ from their column", () => {
    const big = prepareSheetPlan(plan("investment", PROVINCE_1000_DISTRICTS));
    const cells = big.rowCount * big.columnCount;
    const own = big.cellProperties.flat().filter((c) => c.format).length;
    expect(cells).toBeGreaterThan(15_000);
    expect(own).toBeLessThan(cells / 10);
    expect(big.borderBlocks.length).toBeLessThanOrEqual(3);
    expect(big.bytes).toBeLessThan(1_000_000);
  });

  it("estimates non-ASCII text as escaped", () => {
    expect(jsonBytes("a")).toBe(3);
    expect(jsonBytes("ạ")).toBe(8);
  });
});

describe("rowBands", () => {
  const prepared = prepareSheetPlan(plan("staffing", PROVINCE_1000_DISTRICTS));

  it("is one band when the plan fits", () => {
    expect(rowBands(prepared, prepared.bytes)).toEqual([[0, prepared.rowCount - 1]]);
  });

  it("splits into consecutive bands that each fit the budget", () => {
    const budget = prepared.bandOverheadBytes + prepared.layoutBytes + 20_000;
    const bands = rowBands(prepared, budget);
    expect(bands.length).toBeGreaterThan(3);
    expect(bands[0][0]).toBe(0);
    expect(bands[bands.length - 1][1]).toBe(prepared.rowCount - 1);
    bands.forEach(([a, z], i) => {
      if (i > 0) expect(a).toBe(bands[i - 1][1] + 1);
      const rowsBytes = prepared.rowBytes.slice(a, z + 1).reduce((s, b) => s + b, 0);
      expect(rowsBytes + prepared.bandOverheadBytes + prepared.layoutBytes).toBeLessThanOrEqual(budget);
    });
  });
});
