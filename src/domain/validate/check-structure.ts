import type { SheetGrid } from "../grid/sheet-grid";
import { cellAt, cellText } from "../grid/sheet-grid";
import { cellAddress, columnLetter, parseRange } from "../layout/a1";
import { vi } from "../messages/vi";
import type { BodyRow } from "./body-rows";
import type { Issue } from "./issue";
import type { SheetLayout } from "./recognise";

const INPUT_KINDS = new Set(["count", "machine", "mark", "money", "countOrText"]);

function columnIssues(grid: SheetGrid, layout: SheetLayout): Issue[] {
  const issues: Issue[] = [];
  const name = (i: number): string => vi.validate.column(layout.columns[i].number, layout.columns[i].header);
  layout.columns.forEach((_, i) => {
    if (layout.columnAt[i] === undefined) {
      issues.push({ code: "structure.column-missing", severity: "error", cell: cellAddress(layout.headerFirst, i + 1), message: vi.validate.structure.columnMissing(name(i)) });
    }
  });
  for (const col of layout.extraColumns) {
    const header = cellText(cellAt(grid, layout.headerLast, col)) || cellText(cellAt(grid, layout.headerFirst, col));
    issues.push({
      code: "structure.column-extra",
      severity: "warning",
      cell: cellAddress(layout.headerFirst, col),
      value: header || null,
      message: vi.validate.structure.columnExtra(columnLetter(col), header),
    });
  }
  let highest = 0;
  layout.columnAt.forEach((col, i) => {
    if (col === undefined) return;
    if (col < highest) {
      issues.push({ code: "structure.column-moved", severity: "warning", cell: cellAddress(layout.headerFirst, col), message: vi.validate.structure.columnMoved(name(i), columnLetter(col)) });
    }
    highest = Math.max(highest, col);
  });
  return issues;
}

function numberingIssue(grid: SheetGrid, layout: SheetLayout): Issue | undefined {
  if (!layout.form.numberingRow) return undefined;
  const row = layout.numberingRow ?? layout.headerLast + 1;
  const wrong = layout.columns.some((c, i) => {
    const col = layout.columnAt[i];
    return col !== undefined && cellText(cellAt(grid, row, col)) !== `(${c.number})`;
  });
  if (layout.numberingRow && !wrong) return undefined;
  return { code: "structure.numbering", severity: "warning", cell: cellAddress(row, 1), message: vi.validate.structure.numbering };
}

/** Merged cells that cover an input cell of a unit row hide figures from everyone but the eye. */
function mergeIssues(grid: SheetGrid, layout: SheetLayout, rows: BodyRow[]): Issue[] {
  const unitRows = new Set(rows.filter((r) => r.role === "unit").map((r) => r.row));
  const inputCols = new Set(layout.columns.flatMap((c, i) => (INPUT_KINDS.has(c.kind) && layout.columnAt[i] !== undefined ? [layout.columnAt[i] as number] : [])));
  const issues: Issue[] = [];
  for (const merge of grid.merges) {
    const r = parseRange(merge);
    if (!r) continue;
    let touches = false;
    for (let row = r.start.row; row <= r.end.row && !touches; row++) {
      if (!unitRows.has(row)) continue;
      for (let col = r.start.col; col <= r.end.col; col++) if (inputCols.has(col)) touches = true;
    }
    if (touches) issues.push({ code: "structure.merged-input", severity: "error", cell: merge, message: vi.validate.structure.mergedInput(merge) });
  }
  return issues;
}

/** The sheet still matches its form: columns by header, numbering row, no merges over input cells. */
export function checkStructure(grid: SheetGrid, layout: SheetLayout, rows: BodyRow[]): Issue[] {
  const issues: Issue[] = [];
  if (layout.how === "header") {
    issues.push({ code: "structure.no-stamp", severity: "warning", cell: cellAddress(layout.headerFirst, 1), message: vi.validate.structure.noStamp });
  }
  issues.push(...columnIssues(grid, layout));
  const numbering = numberingIssue(grid, layout);
  if (numbering) issues.push(numbering);
  issues.push(...mergeIssues(grid, layout, rows));
  return issues;
}
