import type { FormId, UnitRef } from "../forms/form-types";
import type { WorkbookGrid } from "../grid/sheet-grid";
import { cellText } from "../grid/sheet-grid";
import { cellAddress } from "../layout/a1";
import { isCommuneLabel } from "../units/name-match";
import { cleanName } from "../units/unit-names";
import { bodyRows, isPlaceholderLabel } from "../validate/body-rows";
import { recogniseSheet } from "../validate/recognise";
import type { SheetReport } from "../validate/validate-workbook";
import { validateSheet } from "../validate/validate-workbook";
import { rowFigures, usable } from "../validate/row-figures";

export type FigureValue = string | number | null;

/** One unit's row of one form, as found in an input file, with where each figure came from. */
export interface UnitEntry {
  form: FormId;
  /** The unit as the file names it: its stamp for a commune's own file, else its row label. */
  unit: UnitRef;
  label: string;
  /** Commune level, or the level above (district shop, provincial centre). */
  level: "commune" | "upper";
  /** For rows of a district summary: the district it reports. */
  district?: UnitRef;
  values: Record<string, FigureValue>;
  source: { file: string; sheet: string; row: number; cells: Record<string, string> };
}

export interface SheetFound {
  sheet: string;
  form: FormId;
  report: SheetReport;
  entries: UnitEntry[];
  /** The stamp's unit, period and level, where the sheet has one. */
  stampUnit?: UnitRef;
  stampLevel?: string;
  year?: number;
  period?: string;
}

/**
 * Every recognised form sheet of a workbook with its validation and the unit rows it holds. A
 * commune's own sheet (stamp level "xa", or a single unit row) gives that commune; a district
 * summary gives the district's row and its communes' rows.
 */
export function extractWorkbook(book: WorkbookGrid, file: string): SheetFound[] {
  const found: SheetFound[] = [];
  for (const grid of book.sheets) {
    if (grid.hidden) continue;
    const stamp = book.stamps.get(grid.name);
    const layout = recogniseSheet(grid, stamp);
    if (!layout) continue;
    const issues = validateSheet(grid, layout);
    const rows = bodyRows(grid, layout).filter((r) => r.role === "unit" && !isPlaceholderLabel(r.label));
    const ownFile = stamp?.level === "xa" || (!stamp && rows.length === 1);
    const district = stamp?.level === "huyen" ? stamp.unit : undefined;
    const entries = rows.map((r): UnitEntry => {
      const figures = rowFigures(grid, layout, r.row);
      const values: Record<string, FigureValue> = {};
      const cells: Record<string, string> = {};
      for (const [key, f] of figures) {
        values[key] = f.column.kind === "text" || f.column.kind === "countOrText" ? cellText(f.cell) || null : usable(f);
        cells[key] = cellAddress(r.row, f.col);
      }
      const label = cleanName(r.label);
      const level = ownFile ? (stamp?.level === "xa" || isCommuneLabel(label) ? "commune" : "upper") : isCommuneLabel(label) ? "commune" : "upper";
      // A commune's own sheet, or a district sheet's own row, is the unit its stamp names.
      const stamped = stamp?.unit.name && (ownFile || (stamp.level === "huyen" && level === "upper"));
      const unit = stamped ? stamp.unit : { name: label };
      return {
        form: layout.form.id,
        unit,
        label,
        level,
        ...(district && level === "commune" ? { district } : {}),
        values,
        source: { file, sheet: grid.name, row: r.row, cells },
      };
    });
    found.push({
      sheet: grid.name,
      form: layout.form.id,
      report: { sheet: grid.name, form: layout.form.id, how: layout.how, issues },
      entries,
      ...(stamp ? { stampUnit: stamp.unit, stampLevel: stamp.level, year: stamp.year, period: stamp.period } : {}),
    });
  }
  return found;
}
