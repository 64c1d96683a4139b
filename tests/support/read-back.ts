import ExcelJS from "exceljs";
import { decodeStamp, STAMP_SHEET } from "../../src/domain";
import type { FormStamp } from "../../src/domain";

/** What a reader finds in a saved sheet, in the terms tests speak: A1 addresses. */
export interface ReadSheet {
  ws: ExcelJS.Worksheet;
  /** Text or number in a cell; a formula cell gives "=FORMULA". */
  at(address: string): string | number | null;
  /** Column of values from `col` over rows first..last. */
  column(col: string, first: number, last: number): (string | number | null)[];
  merges: string[];
  validation(address: string): ExcelJS.DataValidation | undefined;
  stamp: FormStamp | undefined;
}

export interface ReadBook {
  wb: ExcelJS.Workbook;
  sheetNames: string[];
  sheet(name: string): ReadSheet;
}

function plain(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "object" && "formula" in v) return `=${(v as ExcelJS.CellFormulaValue).formula}`;
  if (typeof v === "object" && "hyperlink" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  return String(v);
}

/** Reads an .xlsx from bytes with ExcelJS and exposes what the tests check. */
export async function readBack(bytes: Uint8Array): Promise<ReadBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const stamps = new Map<string, FormStamp>();
  const stampWs = wb.getWorksheet(STAMP_SHEET);
  stampWs?.eachRow((row, n) => {
    if (n === 1) return;
    const decoded = decodeStamp(plain(row.getCell(2).value));
    if (decoded.ok) stamps.set(String(plain(row.getCell(1).value)), decoded.stamp);
  });
  return {
    wb,
    sheetNames: wb.worksheets.map((w) => w.name),
    sheet(name: string): ReadSheet {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`no sheet ${name}`);
      const at = (address: string): string | number | null => plain(ws.getCell(address).value);
      const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
      return {
        ws,
        at,
        column: (col, first, last) => Array.from({ length: last - first + 1 }, (_, i) => at(`${col}${first + i}`)),
        merges: (ws.model as unknown as { merges: string[] }).merges,
        validation: (address) => dv[address],
        stamp: stamps.get(name),
      };
    },
  };
}
