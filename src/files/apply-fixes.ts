import ExcelJS from "exceljs";
import type { CellFix } from "../domain/validate/fixes";

/**
 * A corrected copy of an .xlsx: each fix writes its value into its cell, keeping the cell's
 * format. The input bytes are left as they are. Runs in Node and in the browser (the bytes go to
 * the library as they are: a browser has no Buffer).
 */
export async function applyFixesToXlsx(bytes: Uint8Array, fixes: CellFix[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  for (const fix of fixes) {
    const ws = wb.getWorksheet(fix.sheet);
    if (!ws) continue;
    ws.getCell(fix.cell).value = fix.value;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
