import * as XLSX from "@e965/xlsx";
import type { GridCell, SheetGrid } from "../domain/grid/sheet-grid";
import { nodeBuiltin } from "./node-builtin";
import { WorkbookFileError } from "./workbook-file-error";

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

/**
 * Every sheet of a workbook the direct reader left to the general parser, the stamp sheet
 * included. The caller has checked the container.
 * @throws WorkbookFileError when the parser fails, overruns its time or memory, or finds no sheets
 */
export function readSheets(bytes: Uint8Array): SheetGrid[] {
  const wb = parseIsolated(bytes);
  const hiddenFlags = wb.Workbook?.Sheets ?? [];
  // A damaged file can list a sheet whose data the parser could not find: the file is broken.
  if (!Array.isArray(wb.SheetNames) || wb.SheetNames.some((name) => !wb.Sheets?.[name])) throw new WorkbookFileError("not-a-workbook");
  return wb.SheetNames.map((name, i) => sheetGrid(name, wb.Sheets[name], Boolean(hiddenFlags[i]?.Hidden)));
}
