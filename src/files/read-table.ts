import type * as XLSXTypes from "@e965/xlsx";
import { parseDelimited } from "./delimited";

/** A unit list is small; the official national export is 2.3 MB. */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024;

export type TableFileProblem = "too-large" | "empty" | "encrypted" | "not-a-table" | "unsupported-type";

/** A file that cannot be read as a table, with the reason the user is told. */
export class TableFileError extends Error {
  constructor(readonly problem: TableFileProblem, detail?: string) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = "TableFileError";
  }
}

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods)$/i;
const TEXT = /\.(txt|csv|tsv)$/i;

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // Older Vietnamese Windows installs save text in the 1258 code page.
    return new TextDecoder("windows-1258").decode(bytes);
  }
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function readSpreadsheet(bytes: Uint8Array, fileName: string): string[][] {
  // A password-protected .xlsx is an OLE container; anything else that is neither zip nor OLE
  // under an .xlsx/.ods name is not what it claims (SheetJS would read it as CSV text).
  if (/\.(xlsx|xlsm|ods)$/i.test(fileName) && !isZip(bytes)) {
    throw new TableFileError(isOle(bytes) ? "encrypted" : "not-a-table");
  }
  // Loaded on first use, so that a run given only a .csv or .txt list never pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XLSX = require("@e965/xlsx") as typeof XLSXTypes;
  let wb: XLSXTypes.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: "array", dense: true, cellHTML: false, cellFormula: false, sheetRows: 200000 });
  } catch (error) {
    const text = String(error instanceof Error ? error.message : error);
    if (/password/i.test(text)) throw new TableFileError("encrypted");
    throw new TableFileError("not-a-table", text);
  }
  const first = wb.SheetNames.map((n) => wb.Sheets[n]).find((ws) => ws && ws["!ref"]);
  if (!first) throw new TableFileError("empty");
  const rows = XLSX.utils.sheet_to_json<unknown[]>(first, { header: 1, raw: false, defval: "", blankrows: false });
  return rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))));
}

/**
 * The first sheet (or the text) of a unit-list file as rows of strings, codes keeping their
 * leading zeros.
 * @throws TableFileError when the file is too large, empty, encrypted or not a table
 */
export function readTable(bytes: Uint8Array, fileName: string): string[][] {
  if (bytes.byteLength === 0) throw new TableFileError("empty");
  if (bytes.byteLength > MAX_TABLE_BYTES) throw new TableFileError("too-large");
  if (SPREADSHEET.test(fileName)) return readSpreadsheet(bytes, fileName);
  if (TEXT.test(fileName) || !/\.[^./\\]+$/.test(fileName)) return parseDelimited(decodeText(bytes));
  throw new TableFileError("unsupported-type", fileName);
}
