import type { FormId, UnitRef } from "../forms/form-types";
import type { SheetGrid, WorkbookGrid } from "../grid/sheet-grid";
import { parseCell } from "../layout/a1";
import { vi } from "../messages/vi";
import type { FormStamp } from "../stamp/form-stamp";
import { bodyRows } from "./body-rows";
import { checkRules } from "./check-rules";
import { checkStructure } from "./check-structure";
import { checkUnits } from "./check-units";
import { checkValues } from "./check-values";
import type { Issue } from "./issue";
import type { SheetLayout } from "./recognise";
import { recogniseSheet } from "./recognise";

export interface SheetReport {
  sheet: string;
  form: FormId;
  how: "stamp" | "header";
  issues: Issue[];
}

export interface WorkbookReport {
  sheets: SheetReport[];
  /** Problems of the file as a whole (no form found). */
  issues: Issue[];
}

export interface ValidateOptions {
  /** Units that must each appear exactly once (a commune list). */
  expectedUnits?: UnitRef[];
}

/** Issues in reading order: by row, then column; sheet-wide ones first. */
function byPosition(a: Issue, b: Issue): number {
  const pa = a.cell ? parseCell(a.cell.split(":")[0]) : undefined;
  const pb = b.cell ? parseCell(b.cell.split(":")[0]) : undefined;
  return (pa?.row ?? 0) - (pb?.row ?? 0) || (pa?.col ?? 0) - (pb?.col ?? 0);
}

/** A stamp whose sheet is gone, for the same form: the sheet was most likely renamed. */
function orphanStamp(book: WorkbookGrid, grid: SheetGrid): FormStamp | undefined {
  const names = new Set(book.sheets.map((s) => s.name));
  const orphans = [...book.stamps.values()].filter((s) => !names.has(s.sheet));
  return orphans.find((s) => recogniseSheet(grid, s)?.how === "stamp");
}

/**
 * Validates one recognised sheet: structure, each input cell's value grammar, the form's row
 * rules and totals, and — given a list — the units.
 */
export function validateSheet(grid: SheetGrid, layout: SheetLayout, options: ValidateOptions = {}): Issue[] {
  const rows = bodyRows(grid, layout);
  const issues = [
    ...checkStructure(grid, layout, rows),
    ...checkValues(grid, layout, rows),
    ...checkRules(grid, layout, rows),
    ...(options.expectedUnits ? checkUnits(layout, rows, options.expectedUnits) : []),
  ];
  return issues.sort(byPosition);
}

/**
 * Validates every form sheet of a workbook. Sheets that hold no form are left alone; a workbook
 * with none at all gets one issue saying so.
 */
export function validateWorkbook(book: WorkbookGrid, options: ValidateOptions = {}): WorkbookReport {
  const sheets: SheetReport[] = [];
  for (const grid of book.sheets) {
    if (grid.hidden) continue;
    let stamp = book.stamps.get(grid.name);
    const renamedFrom = stamp ? undefined : orphanStamp(book, grid);
    stamp = stamp ?? renamedFrom;
    const layout = recogniseSheet(grid, stamp);
    if (!layout) continue;
    const issues = validateSheet(grid, layout, options);
    if (renamedFrom) {
      issues.unshift({ code: "structure.renamed", severity: "warning", message: vi.validate.structure.renamed(renamedFrom.sheet) });
    }
    sheets.push({ sheet: grid.name, form: layout.form.id, how: layout.how, issues });
  }
  const issues: Issue[] = sheets.length === 0 ? [{ code: "file.no-form", severity: "error", message: vi.validate.noForm }] : [];
  return { sheets, issues };
}
