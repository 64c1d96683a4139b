import type { PlanValue, SheetPlan } from "./sheet-plan";
import type { UnitRef } from "../forms/form-types";
import { heightFor, linesFor } from "./text-metrics";

/** Figures for one unit's row, by column key ("total", "computers", …). */
export type RowValues = Partial<Record<string, PlanValue>>;

/**
 * A copy of the plan with unit rows filled from `valuesFor`; formula cells and columns the
 * function leaves out stay as they are.
 * @example fillPlan(plan, (u) => (u.name === "Xã Thượng Lan" ? { total: 3 } : undefined))
 */
export function fillPlan(plan: SheetPlan, valuesFor: (unit: UnitRef, group: string) => RowValues | undefined): SheetPlan {
  const cells = plan.cells.map((row) => row.map((cell) => ({ ...cell })));
  const rowHeights = [...plan.rowHeights];
  const keys = plan.stamp.columns;
  for (const { row, unit, group } of plan.unitRows) {
    const values = valuesFor(unit, group);
    if (!values) continue;
    let lines = 1;
    keys.forEach((key, i) => {
      const value = values[key];
      const cell = cells[row - 1][i];
      if (value === undefined || cell.formula) return;
      cell.value = value;
      if (typeof value === "string") lines = Math.max(lines, linesFor(value, plan.columnWidths[i]));
    });
    // A long note wraps; the row grows so that it prints whole.
    if (lines > 1) rowHeights[row - 1] = Math.max(rowHeights[row - 1] ?? 0, heightFor(lines));
  }
  return { ...plan, cells, rowHeights };
}
