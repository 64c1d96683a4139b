import ExcelJS from "exceljs";
import type { CellStyle, PlanValidation, SheetPlan } from "../domain/layout/sheet-plan";
import { encodeStamp, STAMP_HEADER, STAMP_SHEET } from "../domain/stamp/form-stamp";
import { withUniqueNames } from "../domain/layout/sheet-names";
import { writePlansXlsx } from "./plan-xlsx";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const APP_NAME = "Phụ lục Một cửa";

function fontOf(style: CellStyle, fontName: string): Partial<ExcelJS.Font> {
  return { name: fontName, size: style.size, bold: style.bold, italic: style.italic };
}

function validationOf(v: PlanValidation): ExcelJS.DataValidation {
  const messages = {
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: v.error.title,
    error: v.error.message,
  };
  switch (v.rule.type) {
    case "list":
      return { type: "list", allowBlank: true, formulae: [`"${v.rule.values.join(",")}"`], ...messages };
    case "wholeNumber":
      return { type: "whole", allowBlank: true, operator: "greaterThanOrEqual", formulae: [v.rule.min], ...messages };
    case "decimal":
      return { type: "decimal", allowBlank: true, operator: "greaterThanOrEqual", formulae: [v.rule.min], ...messages };
    case "custom":
      return { type: "custom", allowBlank: true, formulae: [v.rule.formula], ...messages };
  }
}

function drawSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  plan.cells.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    const height = plan.rowHeights[r];
    if (height !== undefined) row.height = height;
    cells.forEach((cell, c) => {
      const target = row.getCell(c + 1);
      const style = plan.styles[cell.style];
      if (cell.formula) target.value = { formula: cell.formula, date1904: false };
      else if (cell.value !== null) target.value = cell.value;
      target.font = fontOf(style, plan.fontName);
      target.alignment = { horizontal: style.h, vertical: "middle", wrapText: style.wrap };
      if (style.border) target.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (style.numberFormat !== "General") target.numFmt = style.numberFormat;
    });
  });
  for (const m of plan.merges) ws.mergeCells(m);
  // ExcelJS has range-wide validations at run time but leaves them out of its typings.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of plan.validations) validations.add(v.range, validationOf(v));
  const [first, last] = plan.print.titleRows;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: plan.print.orientation,
    fitToPage: true,
    fitToWidth: plan.print.fitToWidth,
    fitToHeight: 0,
    margins: plan.print.margins,
    printTitlesRow: `${first}:${last}`,
    horizontalCentered: true,
  };
  if (plan.print.pageNumberHeader) {
    ws.headerFooter = { ...ws.headerFooter, differentFirst: true, firstHeader: "", oddHeader: `&C&"${plan.fontName}"&13&P` };
  }
}

/**
 * An .xlsx workbook with one sheet per plan and the very hidden stamp sheet that lets any
 * reader recognise the forms later.
 * @example await writeWorkbook([buildSheetPlan(getForm("staffing"), params)]) // Uint8Array of an .xlsx
 */
export async function writeWorkbook(plans: SheetPlan[]): Promise<Uint8Array> {
  return writePlansXlsx(withUniqueNames(plans, [STAMP_SHEET]));
}

/**
 * Adds one sheet per plan to a workbook, names unique against the sheets it has, and a stamp row
 * for each in the very hidden stamp sheet (created if missing). Returns the plans as named.
 */
export function drawPlans(wb: ExcelJS.Workbook, plans: SheetPlan[]): SheetPlan[] {
  wb.creator = APP_NAME;
  wb.lastModifiedBy = APP_NAME;
  const named = withUniqueNames(plans, [STAMP_SHEET, ...wb.worksheets.map((w) => w.name)]);
  for (const plan of named) {
    const ws = wb.addWorksheet(plan.name, {
      views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
    });
    drawSheet(ws, plan);
  }
  let stampSheet = wb.getWorksheet(STAMP_SHEET);
  if (!stampSheet) {
    stampSheet = wb.addWorksheet(STAMP_SHEET, { state: "veryHidden" });
    stampSheet.addRow([...STAMP_HEADER]);
  }
  for (const plan of named) stampSheet.addRow(encodeStamp(plan.stamp));
  return named;
}
