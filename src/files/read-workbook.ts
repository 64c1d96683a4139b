import * as XLSX from "@e965/xlsx";
import type { GridCell, SheetGrid, WorkbookGrid } from "../domain/grid/sheet-grid";
import { decodeStamp, STAMP_SHEET } from "../domain/stamp/form-stamp";
import type { FormStamp } from "../domain/stamp/form-stamp";
import { inspectZip } from "./zip-guard";

/** A filled appendix is tens of kilobytes; anything this large is not one. */
export const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024;

export type WorkbookProblem =
  | "empty"
  | "too-large"
  | "encrypted"
  | "zip-damaged"
  | "zip-bomb"
  | "word-document"
  | "not-a-workbook"
  | "unsupported-type";

/** A file that cannot be read as a workbook, with the reason the user is told. */
export class WorkbookFileError extends Error {
  constructor(readonly problem: WorkbookProblem) {
    super(problem);
    this.name = "WorkbookFileError";
  }
}

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
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new WorkbookFileError(zip.problem);
  if (zip.names.includes("word/document.xml")) throw new WorkbookFileError("word-document");
  if (!zip.names.includes("xl/workbook.xml") && !zip.names.includes("content.xml")) {
    throw new WorkbookFileError("not-a-workbook");
  }
}

function gridCell(cell: XLSX.CellObject | undefined): GridCell | undefined {
  if (!cell || cell.t === "z") return cell?.f ? { v: null, f: cell.f } : undefined;
  const f = cell.f ? { f: cell.f } : {};
  switch (cell.t) {
    case "e":
      return { v: null, error: cell.w ?? "#ERROR!", ...f };
    case "d":
      return { v: cell.w ?? String(cell.v), date: true, ...f };
    case "s": {
      // SheetJS keeps the raw XML of rich text, whose runs are <r> elements.
      const rich = typeof cell.r === "string" && cell.r.includes("<r>");
      return { v: String(cell.v ?? ""), ...(rich ? { rich: true } : {}), ...f };
    }
    default:
      return { v: (cell.v as number | boolean | undefined) ?? null, ...f };
  }
}

function sheetGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean): SheetGrid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const cells = Array.from(data, (row) => Array.from(row ?? [], gridCell));
  const merges = (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m));
  return { name, cells, merges, hidden };
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
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: "array", dense: true, cellFormula: true, cellDates: true, cellHTML: false, cellStyles: false });
  } catch (error) {
    const text = String(error instanceof Error ? error.message : error);
    throw new WorkbookFileError(/password/i.test(text) ? "encrypted" : "not-a-workbook");
  }
  const hiddenFlags = wb.Workbook?.Sheets ?? [];
  const all = wb.SheetNames.map((name, i) => sheetGrid(name, wb.Sheets[name], Boolean(hiddenFlags[i]?.Hidden)));
  const stampSheet = all.find((s) => s.name === STAMP_SHEET);
  return { sheets: all.filter((s) => s !== stampSheet), stamps: stampsOf(stampSheet) };
}
