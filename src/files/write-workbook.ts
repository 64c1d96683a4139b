import type { SheetPlan } from "../domain/layout/sheet-plan";
import { STAMP_SHEET } from "../domain/stamp/form-stamp";
import { withUniqueNames } from "../domain/layout/sheet-names";
import { writePlansXlsx } from "./plan-xlsx";

/**
 * The plans with the sheet names they get in a new workbook: unique, and never the stamp sheet's.
 * Kept apart from xlsx-writer.ts so that a browser bundle writing new workbooks does not carry
 * the general workbook library that module needs for editing existing ones.
 */
export function workbookPlans(plans: SheetPlan[]): SheetPlan[] {
  return withUniqueNames(plans, [STAMP_SHEET]);
}

/**
 * An .xlsx workbook with one sheet per plan and the very hidden stamp sheet that lets any
 * reader recognise the forms later.
 * @example await writeWorkbook([buildSheetPlan(getForm("staffing"), params)]) // Uint8Array of an .xlsx
 */
export async function writeWorkbook(plans: SheetPlan[]): Promise<Uint8Array> {
  return writePlansXlsx(workbookPlans(plans));
}
