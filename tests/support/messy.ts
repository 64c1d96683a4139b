import ExcelJS from "exceljs";
import { buildSheetPlan, fillPlan, getForm } from "../../src/domain";
import type { FormId, FormParams, RowValues, UnitRef } from "../../src/domain";
import type { WorkbookGrid } from "../../src/domain/grid/sheet-grid";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { readWorkbook } from "../../src/files/read-workbook";

/** A generated form filled with what an official typed, by unit name and column key. */
export function filledPlan(form: FormId, params: FormParams, values: Record<string, RowValues>) {
  return fillPlan(buildSheetPlan(getForm(form), params), (u: UnitRef) => values[u.name]);
}

/** Writes the plans, lets `edit` change the workbook as a user would in Excel, saves and reads it back. */
export async function messyWorkbook(
  plans: ReturnType<typeof filledPlan>[],
  edit: (wb: ExcelJS.Workbook) => void = () => undefined,
): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(plans)) as unknown as ExcelJS.Buffer);
  edit(wb);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return readWorkbook(bytes, "messy.xlsx");
}

/** A workbook built by hand from the official table, as seed 001's appendix is: no stamp. */
export async function handMadeWorkbook(rows: (string | number | null)[][], sheetName = "Sheet1"): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r) => ws.addRow(r));
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return readWorkbook(bytes, "hand.xlsx");
}
