import type { SheetGrid, WorkbookGrid } from "../domain/grid/sheet-grid";
import { decodeStamp, STAMP_SHEET } from "../domain/stamp/form-stamp";
import type { FormStamp } from "../domain/stamp/form-stamp";
import { inspectZip, inspectZipDirectory, zipEntry } from "./zip-guard";
import { readXlsxFast } from "./fast-xlsx";
import { WorkbookFileError } from "./workbook-file-error";

/** A filled appendix is tens of kilobytes; anything this large is not one. */
export const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024;

export { WorkbookFileError } from "./workbook-file-error";
export type { WorkbookProblem } from "./workbook-file-error";

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** An encrypted Office file is an OLE container with an "EncryptionInfo" stream (UTF-16 name). */
function hasEncryptionInfo(b: Uint8Array): boolean {
  const name = "EncryptionInfo";
  outer: for (let i = 0; i < Math.min(b.length, 1 << 20) - name.length * 2; i++) {
    for (let j = 0; j < name.length; j++) {
      if (b[i + j * 2] !== name.charCodeAt(j) || b[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Far more cells than any appendix has; an .ods that asks for more is refused before parsing. */
const MAX_ODS_CELLS = 200_000;
const ROWS_REPEATED = /number-rows-repeated\s*=\s*["']([^"']*)["']/;
const COLUMNS_REPEATED = /number-columns-repeated\s*=\s*["']([^"']*)["']/;

/**
 * The cells the .ods parser would create. It writes out a row or cell that has content as many
 * times as its repeat count says (as it must: LibreOffice stores runs of equal rows that way),
 * so a few bytes can ask for billions of cells. Counted the way the parser reads the counts.
 */
function odsCellCount(content: Uint8Array | undefined): number {
  const xml = new TextDecoder().decode(content);
  const tags = /<(?:[\w-]+:)?(table-row|table-cell)\b([^>]*?)(\/?)>/g;
  let total = 0;
  let rows = 1;
  for (let m = tags.exec(xml); m && total <= MAX_ODS_CELLS; m = tags.exec(xml)) {
    // As the parser reads them: `+count || 1` for rows, `parseInt(count) || 1` for cells.
    if (m[1] === "table-row") rows = Math.max(0, Number(ROWS_REPEATED.exec(m[2])?.[1]) || 1);
    else if (m[3] !== "/" || /value/.test(m[2])) total += rows * Math.max(1, parseInt(COLUMNS_REPEATED.exec(m[2])?.[1] ?? "1", 10) || 1);
  }
  return total;
}

type GeneralReader = typeof import("./general-reader");
let general: GeneralReader | undefined;

/**
 * The general parser, loaded on first use: loading it costs more than reading a hundred files
 * with the direct reader, and most batches never need it.
 */
function generalReader(): GeneralReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  general ??= require("./general-reader") as GeneralReader;
  return general;
}

/** Refuses what is not a workbook before the parser sees it. */
function checkContainer(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength === 0) throw new WorkbookFileError("empty");
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) throw new WorkbookFileError("too-large");
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (!["xlsx", "xlsm", "xls", "ods"].includes(ext)) throw new WorkbookFileError("unsupported-type");
  if (isOle(bytes)) {
    if (hasEncryptionInfo(bytes)) throw new WorkbookFileError("encrypted");
    if (ext !== "xls") throw new WorkbookFileError("not-a-workbook");
    return;
  }
  if (!isZip(bytes)) throw new WorkbookFileError("not-a-workbook");
  const zip = inspectZipDirectory(bytes);
  if (!zip.ok) throw new WorkbookFileError(zip.problem);
  if (zip.names.includes("word/document.xml")) throw new WorkbookFileError("word-document");
  if (!zip.names.includes("xl/workbook.xml") && !zip.names.includes("content.xml")) {
    throw new WorkbookFileError("not-a-workbook");
  }
}

/**
 * The full check before the general parser, which trusts no declared size: every entry is
 * inflated with a cap, and an .ods is refused if its repeat counts ask for too many cells.
 */
function checkBeforeParser(bytes: Uint8Array): void {
  if (!isZip(bytes)) return;
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new WorkbookFileError(zip.problem);
  if (zip.names.includes("content.xml") && odsCellCount(zipEntry(bytes, "content.xml")) > MAX_ODS_CELLS) {
    throw new WorkbookFileError("zip-bomb");
  }
}

function stampsOf(grid: SheetGrid | undefined): Map<string, FormStamp> {
  const stamps = new Map<string, FormStamp>();
  for (const row of grid?.cells.slice(1) ?? []) {
    const decoded = decodeStamp(row?.[1]?.v);
    if (decoded.ok && typeof row?.[0]?.v === "string") stamps.set(row[0].v, decoded.stamp);
  }
  return stamps;
}

/**
 * Every sheet of an .xlsx, .xls or .ods file as grids, with the stamps of generated sheets.
 * @throws WorkbookFileError for an empty, oversized, encrypted, damaged or foreign file
 */
export function readWorkbook(bytes: Uint8Array, fileName: string): WorkbookGrid {
  checkContainer(bytes, fileName);
  // Most inputs are .xlsx files written by this product or by Excel: read those directly. That
  // reader inflates each part into a buffer of its declared size and gives up on any surprise.
  if (isZip(bytes) && /\.(xlsx|xlsm)$/i.test(fileName)) {
    const fast = readXlsxFast(bytes);
    if (fast) return fast;
  }
  checkBeforeParser(bytes);
  const all = generalReader().readSheets(bytes);
  const stampSheet = all.find((s) => s.name === STAMP_SHEET);
  return { sheets: all.filter((s) => s !== stampSheet), stamps: stampsOf(stampSheet) };
}
