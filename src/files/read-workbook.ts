import * as XLSX from "@e965/xlsx";
import type { GridCell, SheetGrid, WorkbookGrid } from "../domain/grid/sheet-grid";
import { decodeStamp, STAMP_SHEET } from "../domain/stamp/form-stamp";
import type { FormStamp } from "../domain/stamp/form-stamp";
import { inspectZip, inspectZipDirectory, zipEntry } from "./zip-guard";
import { readXlsxFast } from "./fast-xlsx";

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

/**
 * Under Node the general parser runs in a worker thread. On damaged files it can loop forever or
 * fill all memory (fuzzing found both in its .xls reader: formulas whose tokens overrun their
 * length, an empty external-sheet list), and synchronous code cannot be interrupted: in a worker
 * it can be stopped after a time and kept to its own memory, and the batch goes on. The caller
 * waits for it synchronously, so readWorkbook stays synchronous. In a browser (the task pane,
 * which reads in a Web Worker of its own) it runs in place.
 */
const PARSE_OPTIONS: XLSX.ParsingOptions = { type: "array", dense: true, cellFormula: true, cellDates: true, cellHTML: false, cellStyles: false };
/** Time for one parse: two seconds, and a quarter second more per megabyte (an appendix parses in tens of ms). */
const parseBudgetMs = (bytes: Uint8Array): number => 2000 + bytes.byteLength / 4000;
const PARSER_MEMORY_MB = 1024;
const PARSER_START_MS = 30000;

const PARSER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const XLSX = require(workerData.xlsx);
// Unknown records of a damaged file are reported on the console; the caller reports the file.
console.error = console.warn = console.log = () => {};
Atomics.store(workerData.ready, 0, 1);
Atomics.notify(workerData.ready, 0);
parentPort.on("message", ({ port, done, bytes, options }) => {
  let result;
  try {
    result = { workbook: XLSX.read(bytes, options) };
  } catch (error) {
    result = { error: String(error && error.message ? error.message : error) };
  }
  port.postMessage(result);
  port.close();
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});`;

type WorkerThreads = typeof import("node:worker_threads");
type NodeModules = typeof import("node:module");
type Worker = InstanceType<WorkerThreads["Worker"]>;

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

/** Node's modules, looked up at run time so that no bundle for the browser asks for them. */
function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}

let parser: Worker | undefined;

/** The parser's worker, started on first use and after one was stopped; ready before its time counts. */
function parserWorker(threads: WorkerThreads, modules: NodeModules): Worker {
  if (!parser) {
    const ready = new Int32Array(new SharedArrayBuffer(4));
    parser = new threads.Worker(PARSER_SOURCE, {
      eval: true,
      workerData: { xlsx: modules.createRequire(__filename).resolve("@e965/xlsx"), ready },
      resourceLimits: { maxOldGenerationSizeMb: PARSER_MEMORY_MB },
      // Its output never mixes into the CLI's, whose --json stdout is exactly one document.
      stderr: true,
      stdout: true,
    });
    parser.unref();
    const started = parser;
    // A worker that ran out of memory or was stopped is replaced on the next parse.
    started.on("error", () => undefined);
    started.on("exit", () => {
      if (parser === started) parser = undefined;
    });
    if (Atomics.wait(ready, 0, 0, PARSER_START_MS) === "timed-out") {
      void started.terminate();
      parser = undefined;
      throw new Error("The workbook parser did not start.");
    }
  }
  return parser;
}

const parseError = (text: string): WorkbookFileError => new WorkbookFileError(/password/i.test(text) ? "encrypted" : "not-a-workbook");

/** Parses in place, where there are no worker threads. */
function parseInPlace(bytes: Uint8Array): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, PARSE_OPTIONS);
  } catch (error) {
    throw parseError(String(error instanceof Error ? error.message : error));
  }
}

/** Parses in the worker; a parse that errs, overruns its time or its memory is a damaged file. */
function parseIsolated(bytes: Uint8Array): XLSX.WorkBook {
  const threads = nodeBuiltin<WorkerThreads>("node:worker_threads");
  const modules = nodeBuiltin<NodeModules>("node:module");
  if (!threads || !modules) return parseInPlace(bytes);
  const worker = parserWorker(threads, modules);
  const { port1, port2 } = new threads.MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  worker.postMessage({ port: port2, done, bytes, options: PARSE_OPTIONS }, [port2]);
  const waited = Atomics.wait(done, 0, 0, parseBudgetMs(bytes));
  const reply = threads.receiveMessageOnPort(port1)?.message as { workbook?: XLSX.WorkBook; error?: string } | undefined;
  port1.close();
  if (waited === "timed-out" || !reply) {
    parser = undefined;
    void worker.terminate();
    throw new WorkbookFileError("not-a-workbook");
  }
  if (reply.error !== undefined || !reply.workbook) throw parseError(reply.error ?? "");
  return reply.workbook;
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

/** Excel's limits: a sheet that reaches past them was not written by a spreadsheet program. */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

function sheetGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean): SheetGrid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  // A damaged row or column number leaves a sparse array billions long; copying it would never end.
  if (data.length > MAX_ROWS || data.some((row) => (row?.length ?? 0) > MAX_COLUMNS)) throw new WorkbookFileError("not-a-workbook");
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
  // Most inputs are .xlsx files written by this product or by Excel: read those directly. That
  // reader inflates each part into a buffer of its declared size and gives up on any surprise.
  if (isZip(bytes) && /\.(xlsx|xlsm)$/i.test(fileName)) {
    const fast = readXlsxFast(bytes);
    if (fast) return fast;
  }
  checkBeforeParser(bytes);
  const wb = parseIsolated(bytes);
  const hiddenFlags = wb.Workbook?.Sheets ?? [];
  // A damaged file can list a sheet whose data the parser could not find: the file is broken.
  if (!Array.isArray(wb.SheetNames) || wb.SheetNames.some((name) => !wb.Sheets?.[name])) throw new WorkbookFileError("not-a-workbook");
  const all = wb.SheetNames.map((name, i) => sheetGrid(name, wb.Sheets[name], Boolean(hiddenFlags[i]?.Hidden)));
  const stampSheet = all.find((s) => s.name === STAMP_SHEET);
  return { sheets: all.filter((s) => s !== stampSheet), stamps: stampsOf(stampSheet) };
}
