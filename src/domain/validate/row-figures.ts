import type { ColumnDef } from "../forms/form-types";
import type { GridCell, SheetGrid } from "../grid/sheet-grid";
import { cellAt } from "../grid/sheet-grid";
import type { ValueReading } from "../values/value-grammar";
import { readValue } from "../values/value-grammar";
import type { SheetLayout } from "./recognise";

/** One input cell of a unit row: where it is, what it holds, and how the grammar reads it. */
export interface FigureCell {
  column: ColumnDef;
  /** 1-based sheet column. */
  col: number;
  cell: GridCell | undefined;
  reading: ValueReading;
}

/** The value a rule may rely on: the reading, or its certain suggestion. */
export function usable(f: FigureCell | undefined): string | number | null {
  if (!f) return null;
  if (f.reading.ok) return f.reading.value;
  return f.reading.problem.suggestion ?? null;
}

/** Number a rule can add: counts and amounts as read; anything else counts as absent. */
export function numberOf(f: FigureCell | undefined): number | null {
  const v = usable(f);
  return typeof v === "number" ? v : null;
}

const INPUT_KINDS = new Set(["count", "machine", "mark", "money", "countOrText", "text"]);

/** The row's input cells by column key, read by their column's value kind. */
export function rowFigures(grid: SheetGrid, layout: SheetLayout, row: number): Map<string, FigureCell> {
  const figures = new Map<string, FigureCell>();
  layout.columns.forEach((column, i) => {
    const col = layout.columnAt[i];
    if (col === undefined || !INPUT_KINDS.has(column.kind)) return;
    const cell = cellAt(grid, row, col);
    // A formula's result is what the sheet shows and what validation reads.
    const raw = cell?.error || cell?.date ? null : cell?.v;
    figures.set(column.key, { column, col, cell, reading: readValue(column.kind, raw) });
  });
  return figures;
}
