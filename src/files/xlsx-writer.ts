import ExcelJS from "exceljs";
import type { CellSheet, CellStyle, PlanValidation, SheetPlan } from "../domain/layout/sheet-plan";
import type { OverviewPlan } from "../domain/consolidate/overview-sheet";
import { overviewMark } from "../domain/stamp/overview-mark";
import { encodeStamp, STAMP_HEADER, STAMP_SHEET } from "../domain/stamp/form-stamp";
import { withUniqueNames } from "../domain/layout/sheet-names";

export { workbookPlans, writeWorkbook } from "./write-workbook";

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

/** Column widths, row heights, cells with their formats, and merges: what every sheet the product draws has. */
function drawCells(ws: ExcelJS.Worksheet, sheet: CellSheet): void {
  sheet.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  sheet.cells.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    const height = sheet.rowHeights[r];
    if (height !== undefined) row.height = height;
    cells.forEach((cell, c) => {
      const target = row.getCell(c + 1);
      const style = sheet.styles[cell.style];
      if (cell.formula) target.value = { formula: cell.formula, ...(cell.value !== null ? { result: cell.value } : {}), date1904: false };
      else if (cell.value !== null) target.value = cell.value;
      target.font = fontOf(style, sheet.fontName);
      target.alignment = { horizontal: style.h, vertical: "middle", wrapText: style.wrap };
      if (style.border) target.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (style.numberFormat !== "General") target.numFmt = style.numberFormat;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m);
}

function drawSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  drawCells(ws, plan);
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

/**
 * Adds the summary's overview as the workbook's first sheet (its name already unique), its cells
 * only: ExcelJS cannot write charts, so the caller adds them to the saved file (chart-inject.ts).
 * A row in the stamp sheet marks it as the product's, for the next run to replace.
 */
export function drawOverview(wb: ExcelJS.Workbook, overview: OverviewPlan): void {
  const ws = wb.addWorksheet(overview.name, { views: [{ showGridLines: false }] });
  drawCells(ws, overview);
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true };
  // ExcelJS breaks the page after the row it is given.
  for (const row of overview.pageBreaks) ws.getRow(row - 1).addPageBreak();
  // ExcelJS orders sheets by an `orderNo` it keeps on each sheet but leaves out of its typings;
  // one below every other puts the overview first.
  const order = (w: ExcelJS.Worksheet): { orderNo: number } => w as unknown as { orderNo: number };
  order(ws).orderNo = Math.min(...wb.worksheets.map((w) => order(w).orderNo)) - 1;
  wb.views = [{ ...(wb.views?.[0] ?? {}), activeTab: 0, firstSheet: 0 } as ExcelJS.WorkbookView];
  // The active tab is the only selected one: two selected tabs would open grouped, and an edit
  // typed into one would land in both. (`tabSelected` is read and written by ExcelJS, not typed.)
  type View = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };
  for (const w of wb.worksheets) for (const v of (w.views ?? []) as View[]) v.tabSelected = w === ws;
  let stampSheet = wb.getWorksheet(STAMP_SHEET);
  if (!stampSheet) {
    stampSheet = wb.addWorksheet(STAMP_SHEET, { state: "veryHidden" });
    stampSheet.addRow([...STAMP_HEADER]);
  }
  stampSheet.addRow(overviewMark(overview.name));
}
