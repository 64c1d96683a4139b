import type { SheetGrid } from "../grid/sheet-grid";
import { cellText } from "../grid/sheet-grid";
import { cellAddress } from "../layout/a1";
import { vi } from "../messages/vi";
import type { BodyRow } from "./body-rows";
import { isPlaceholderLabel } from "./body-rows";
import type { Issue } from "./issue";
import { formatNumber } from "./issue";
import type { SheetLayout } from "./recognise";
import type { FigureCell } from "./row-figures";
import { rowFigures } from "./row-figures";

const NUMERIC_KINDS = new Set(["count", "money", "machine", "mark"]);

/** "Cột (4) “Máy tính nối mạng internet”". */
export function columnName(f: Pick<FigureCell, "column">): string {
  return vi.validate.column(f.column.number, f.column.header);
}

function withNote(message: string, note: string | undefined): string {
  return note ? `${message} ${vi.validate.quoteNote(note)}` : message;
}

function cellIssue(f: FigureCell, row: number): Issue | undefined {
  const cell = `${cellAddress(row, f.col)}`;
  if (f.cell?.error) {
    return { code: "cell.error", severity: "error", cell, value: f.cell.error, message: vi.validate.cell.error(columnName(f), f.cell.error) };
  }
  if (f.cell?.date && NUMERIC_KINDS.has(f.column.kind)) {
    const value = String(f.cell.v);
    return { code: "cell.date", severity: "error", cell, value, message: vi.validate.cell.date(columnName(f), value) };
  }
  if (f.reading.ok) {
    if (f.cell?.rich && NUMERIC_KINDS.has(f.column.kind)) {
      return { code: "cell.rich-text", severity: "warning", cell, value: cellText(f.cell), message: vi.validate.cell.richText(columnName(f)) };
    }
    return undefined;
  }
  const { code, severity, suggestion } = f.reading.problem;
  const value = cellText(f.cell);
  const shown = suggestion === undefined ? "" : typeof suggestion === "number" ? formatNumber(suggestion) : suggestion;
  const message = withNote(vi.validate.value[code]({ column: columnName(f), value, suggestion: shown }), f.column.note);
  return {
    code: `value.${code}`,
    severity,
    cell,
    value: f.cell?.v ?? null,
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}

/**
 * Every unit row's input cells against their column's value grammar. A row with no figures at
 * all is one notice, not a problem per cell; a seed placeholder left in place is named as such.
 */
export function checkValues(grid: SheetGrid, layout: SheetLayout, rows: BodyRow[]): Issue[] {
  const issues: Issue[] = [];
  for (const r of rows) {
    if (r.role !== "unit") continue;
    const figures = [...rowFigures(grid, layout, r.row).values()];
    const filled = figures.filter((f) => f.column.kind !== "text" && cellText(f.cell) !== "");
    const labelCell = cellAddress(r.row, layout.columnAt[1] ?? 2);
    if (isPlaceholderLabel(r.label)) {
      issues.push({ code: "row.placeholder", severity: "warning", cell: labelCell, value: r.label, message: vi.validate.row.placeholder(r.label) });
      if (filled.length === 0) continue;
    }
    if (filled.length === 0) {
      issues.push({ code: "row.empty", severity: "warning", cell: labelCell, value: r.label, message: vi.validate.row.empty(r.label) });
      continue;
    }
    for (const f of figures) {
      const issue = cellIssue(f, r.row);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}
