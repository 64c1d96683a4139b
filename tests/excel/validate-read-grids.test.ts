import { cellText } from "../../src/domain/grid/sheet-grid";
import { assembleGrid, dateText, gridCellOf, isDateFormat, readBox, rowChunks, stampsFrom, syncGroups } from "../../src/excel";
import { STAMP_HEADER } from "../../src/domain";
import { buildSheetPlan, encodeStamp, getForm } from "../../src/domain";
import { DISTRICT } from "./plans";

describe("reading cells as the domain needs them", () => {
  test.each([
    ["dd/mm/yyyy", true],
    ["[$-42A]dd/mm/yyyy", true],
    ["m/d/yy h:mm", true],
    ["[h]:mm:ss", true],
    ["mmm-yy", true],
    ["General", false],
    ["#,##0", false],
    ['#,##0 "máy"', false],
    ["0.00%", false],
    ["[Red]#,##0;[Blue]-#,##0", false],
    ["@", false],
    ["0.00E+00", false],
    ["", false],
  ])("%s is a date format: %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  test("a date serial is shown as Vietnamese write dates, with the time only where the format has one", () => {
    expect(dateText(45658, "dd/mm/yyyy")).toBe("01/01/2025");
    expect(dateText(45292.5, "m/d/yy h:mm")).toBe("01/01/2024 12:00");
    expect(dateText(0.75, "h:mm")).toBe("18:00");
  });

  test("cells are typed like the file reader types them", () => {
    expect(gridCellOf("", "General", false)).toBeUndefined();
    expect(gridCellOf(3, "#,##0", false)).toEqual({ v: 3 });
    expect(gridCellOf(45658, "dd/mm/yyyy", false)).toEqual({ v: "01/01/2025", date: true });
    expect(gridCellOf("#REF!", "General", true)).toEqual({ v: null, error: "#REF!" });
    expect(gridCellOf("#REF!", "General", false)).toEqual({ v: "#REF!" });
    expect(gridCellOf(true, "General", false)).toEqual({ v: true });
    expect(gridCellOf("2 máy", "@", false)).toEqual({ v: "2 máy" });
  });
});

describe("blocks and syncs", () => {
  test("the read box is the used range, cut to the row and column caps", () => {
    expect(readBox({ rowIndex: 2, columnIndex: 1, rowCount: 20, columnCount: 12 })).toEqual({ box: { row: 2, col: 1, rows: 20, cols: 12 }, truncated: false });
    expect(readBox({ rowIndex: 0, columnIndex: 0, rowCount: 80_000, columnCount: 16_384 }, 50_000, 64)).toEqual({
      box: { row: 0, col: 0, rows: 50_000, cols: 64 },
      truncated: true,
    });
  });

  test("blocks are at most chunkRows rows and cover the box exactly", () => {
    const chunks = rowChunks({ row: 4, col: 0, rows: 12_001, cols: 13 }, 5000);
    expect(chunks.map((c) => [c.row, c.rows])).toEqual([
      [4, 5000],
      [5004, 5000],
      [10_004, 2001],
    ]);
    expect(chunks.every((c) => c.cols === 13 && c.col === 0)).toBe(true);
    expect(rowChunks({ row: 0, col: 0, rows: 10, cols: 0 })).toEqual([]);
  });

  test("blocks share a sync until the estimated response passes the budget", () => {
    const item = (rows: number) => ({ box: { row: 0, col: 0, rows, cols: 10 } });
    // 100 bytes per row at 10 bytes a cell.
    const groups = syncGroups([item(5), item(5), item(5), item(20)], 1000, 10);
    expect(groups.map((g) => g.map((i) => i.box.rows))).toEqual([[5, 5], [5], [20]]);
    expect(syncGroups([], 1000, 10)).toEqual([]);
  });
});

describe("assembleGrid", () => {
  test("places blocks from A1, marks errors and remembers formula cells", () => {
    const { grid, formulaCells } = assembleGrid({
      name: "PL",
      hidden: false,
      blocks: [
        { box: { row: 2, col: 1, rows: 2, cols: 2 }, values: [["a", 1], ["#N/A", ""]], numberFormat: [["General", "General"], ["General", "General"]] },
        { box: { row: 4, col: 1, rows: 1, cols: 2 }, values: [[45658, "x"]], numberFormat: [["dd/mm/yyyy", "General"]] },
      ],
      formulas: ["B4:C4"],
      errors: ["B4"],
      merges: ["A1:C1"],
    });
    expect(grid.cells.length).toBe(5);
    expect(grid.cells[2][1]).toEqual({ v: "a" });
    expect(grid.cells[2][2]).toEqual({ v: 1 });
    expect(grid.cells[3][1]).toEqual({ v: null, error: "#N/A" });
    expect(grid.cells[3][2]).toBeUndefined();
    expect(grid.cells[4][1]).toEqual({ v: "01/01/2025", date: true });
    expect(cellText(grid.cells[0][0])).toBe("");
    expect(grid.merges).toEqual(["A1:C1"]);
    expect([...formulaCells].length).toBe(2);
  });

  test("stamps are read from column A and B of the stamp sheet; junk rows are skipped", () => {
    const plan = buildSheetPlan(getForm("staffing"), DISTRICT);
    const stamps = stampsFrom([[...STAMP_HEADER], encodeStamp(plan.stamp), ["Sheet9", "{not json"], ["", "{}"]], 0);
    expect([...stamps.keys()]).toEqual([plan.name]);
    expect(stamps.get(plan.name)?.form).toBe("staffing");
    expect(stampsFrom([encodeStamp(plan.stamp)], 1).size).toBe(0);
  });
});
