/**
 * Reading the workbooks the units sent, for the "Tổng hợp" task: bytes in, the records that
 * consolidation takes and the per-file lines of the lineage sheet out. It runs inside a Web
 * Worker (consolidate-worker.ts) so that parsing hundreds of files never freezes the task pane,
 * and in-process where no worker can be started (tests, a webview without workers).
 */
import { extractWorkbook } from "../domain/consolidate";
import type { InputRecord, SheetFound } from "../domain/consolidate";
import { vi } from "../domain/messages/vi";
import { MAX_WORKBOOK_BYTES, readWorkbook, WorkbookFileError } from "../files/read-workbook";
import type { WorkbookProblem } from "../files/read-workbook";
// Type only: the summary writer itself (exceljs) is never bundled into the pane or the worker.
import type { FileLine } from "../files/summary-writer";
import { blobBytes } from "./blob-bytes";

/** One picked file. `bytes` is null when it was not loaded: too large to be worth it, or unreadable. */
export interface PickedInput {
  /** The name shown and traced: the file name, or its path inside a picked folder. */
  name: string;
  /**
   * Left out for a picked File, whose own size is asked where it is loaded: in Chromium asking
   * a File its size or date touches the disk, which for thousands of files froze the pane.
   */
  size?: number;
  /** Milliseconds since 1970, as File.lastModified gives it; decides "newest wins". */
  lastModified?: number;
  /**
   * The file itself where it can be handed over (a picked File: the worker loads it, so the
   * pane's thread never holds thousands of files' bytes), or its bytes, or null when it could
   * not be loaded.
   */
  bytes: ArrayBuffer | Uint8Array | Blob | null;
}

/** The bytes of a picked input, loading a file that was handed over as it is; null when it is gone. */
async function loaded(bytes: PickedInput["bytes"]): Promise<Uint8Array | null> {
  if (bytes === null) return null;
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  try {
    return new Uint8Array(await blobBytes(bytes));
  } catch {
    // Moved or deleted since it was picked.
    return null;
  }
}

/** Why a file gave nothing: a reason from the reader, the file could not be loaded, or it holds no form. */
export type InputProblem = WorkbookProblem | "unreadable" | "unrecognised";

/** The stamp facts a summary takes its default year and period from. */
export interface InputStamp {
  year?: number;
  period?: string;
}

export interface ReadInput {
  record: InputRecord;
  line: FileLine;
  problem?: InputProblem;
  stamps: InputStamp[];
}

/** Everything read from a batch of files, index by index. */
export interface ReadInputs {
  records: InputRecord[];
  lines: FileLine[];
  problems: (InputProblem | undefined)[];
  stamps: InputStamp[][];
}

export interface ReadOptions {
  onProgress?: (done: number, total: number) => void;
  /** Asked before each file: true stops the batch there. */
  isCancelled?: () => boolean;
}

/** Messages between the pane and the worker. */
/** `last: false` says more of the batch follows in further "read" messages. */
export type ToWorker = { type: "read"; files: PickedInput[]; last?: boolean } | { type: "cancel" };
export type FromWorker =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: ReadInputs }
  | { type: "cancelled" }
  | { type: "failed"; message: string };

/** What a worker's global scope offers the reader; a test can hand in a fake one. */
export interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

// SHA-256 in plain JavaScript, for where crypto.subtle is missing: a page served over plain
// http (the development server without a certificate) or an old webview. FIPS 180-4.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of `bytes` as lowercase hex, without Web Crypto. */
export function sha256Plain(bytes: Uint8Array): string {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const padded = new Uint8Array((((bytes.length + 9 + 63) >> 6) << 6));
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
  view.setUint32(padded.length - 4, (bytes.length << 3) >>> 0);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i] + v) >>> 0));
  }
  return Array.from(h, (v) => v.toString(16).padStart(8, "0")).join("");
}

/** SHA-256 as hex: Web Crypto where the page may use it (it runs off the thread), else plain JavaScript. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = typeof crypto !== "undefined" ? crypto.subtle : undefined;
  if (subtle) {
    try {
      const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
      return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    } catch {
      // Some webviews expose crypto.subtle but refuse it outside a secure context.
    }
  }
  return sha256Plain(bytes);
}

const isoTime = (ms: number | undefined): string | undefined =>
  typeof ms === "number" && Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;

/** Size and date as given, else the picked File's own. */
function metadataOf(file: PickedInput): { size: number; lastModified?: number } {
  const b = file.bytes;
  const blob = typeof Blob !== "undefined" && b instanceof Blob ? b : undefined;
  const size = file.size ?? (blob ? blob.size : b === null ? 0 : (b as ArrayBuffer | Uint8Array).byteLength);
  const lastModified = file.lastModified ?? (blob && "lastModified" in blob && typeof blob.lastModified === "number" ? blob.lastModified : undefined);
  return { size, lastModified };
}

function unreadable(name: string, base: { modified?: string; sha256: string }, problem: WorkbookProblem | "unreadable"): ReadInput {
  const line: FileLine = { file: name, ...base, unit: null, forms: [], status: "unreadable", errors: 0, error: vi.cli.workbookProblems[problem] };
  return { record: { file: name, ...base, entries: [], invalid: false }, line, problem, stamps: [] };
}

/**
 * One file as the summary sees it, the same way the CLI reads a file (`phuluc consolidate`):
 * every failure, whatever it is, becomes an "unreadable" line, so one bad file never stops the run.
 */
export async function readInput(file: PickedInput): Promise<ReadInput> {
  const { size, lastModified } = metadataOf(file);
  const modified = isoTime(lastModified);
  const when = modified ? { modified } : {};
  if (size > MAX_WORKBOOK_BYTES) return unreadable(file.name, { ...when, sha256: "" }, "too-large");
  const bytes = await loaded(file.bytes);
  if (bytes === null) return unreadable(file.name, { ...when, sha256: "" }, "unreadable");
  const base = { ...when, sha256: await sha256Hex(bytes) };
  let found: SheetFound[];
  try {
    // The reader decides by the extension, which a path inside a folder keeps.
    found = extractWorkbook(readWorkbook(bytes, file.name), file.name);
  } catch (error) {
    // A file from another office may break the parser in ways no check foresaw: it is listed, not fatal.
    return unreadable(file.name, base, error instanceof WorkbookFileError ? error.problem : "not-a-workbook");
  }
  const errors = found.reduce((n, s) => n + s.report.issues.filter((i) => i.severity === "error").length, 0);
  const entries = found.flatMap((s) => s.entries);
  const unit = found.find((s) => s.stampUnit?.name)?.stampUnit?.name ?? entries[0]?.unit.name ?? null;
  const status: FileLine["status"] = found.length === 0 ? "unrecognised" : errors > 0 ? "invalid" : "ok";
  const line: FileLine = {
    file: file.name,
    ...base,
    unit,
    forms: found.map((s) => s.form),
    status,
    errors,
    ...(found.length === 0 ? { error: vi.validate.noForm } : {}),
  };
  const stamps = found.map((s) => ({ ...(s.year ? { year: s.year } : {}), ...(s.period ? { period: s.period } : {}) }));
  return { record: { file: file.name, ...base, entries, invalid: errors > 0 }, line, ...(found.length === 0 ? { problem: "unrecognised" as const } : {}), stamps };
}

/** Lets queued messages (a cancel) and, in-process, the pane's rendering in between two files. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * Work between two pauses. A pause after every file cost more than the reading itself: browsers
 * hold a repeated setTimeout(0) back to 4 ms, which is 13 s over the 3,321 communes of Vietnam.
 */
const SLICE_MS = 30;

/**
 * Reads the files one after another, reporting after each. Returns null when cancelled: a cancel
 * takes effect before the next file, never in the middle of one.
 */
export async function readInputs(files: PickedInput[], options: ReadOptions = {}): Promise<ReadInputs | null> {
  const out: ReadInputs = { records: [], lines: [], problems: [], stamps: [] };
  let paused = now();
  for (let i = 0; i < files.length; i++) {
    if (options.isCancelled?.()) return null;
    const read = await readInput(files[i]);
    out.records.push(read.record);
    out.lines.push(read.line);
    out.problems.push(read.problem);
    out.stamps.push(read.stamps);
    options.onProgress?.(i + 1, files.length);
    if (now() - paused >= SLICE_MS) {
      await breathe();
      paused = now();
    }
  }
  return options.isCancelled?.() ? null : out;
}

/** How often the worker tells the pane how far it is: often enough for a smooth bar, rarely enough not to keep the pane busy redrawing. */
const PROGRESS_MS = 100;

/**
 * The worker's side of the conversation. A batch may come in parts ("read" messages, the last
 * one marked), read in the order they came as soon as each arrives; progress counts the files
 * read so far; one result for the whole batch after the last part; a "cancel" is honoured before
 * the next file.
 */
export function serveReads(scope: WorkerScope): void {
  let cancelled = false;
  let received = 0;
  let done = 0;
  let complete = false;
  let told = -Infinity;
  let reading: Promise<ReadInputs | null> = Promise.resolve({ records: [], lines: [], problems: [], stamps: [] });
  const tell = (): void => {
    const finished = complete && done === received;
    if (done > 1 && !finished && now() - told < PROGRESS_MS) return;
    told = now();
    scope.postMessage({ type: "progress", done, total: received });
  };
  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === "cancel") {
      cancelled = true;
      return;
    }
    received += message.files.length;
    complete = message.last !== false;
    reading = reading.then(async (sofar) => {
      if (!sofar) return null;
      const part = await readInputs(message.files, {
        onProgress: () => {
          done++;
          tell();
        },
        isCancelled: () => cancelled,
      });
      if (!part) return null;
      sofar.records.push(...part.records);
      sofar.lines.push(...part.lines);
      sofar.problems.push(...part.problems);
      sofar.stamps.push(...part.stamps);
      return sofar;
    });
    if (!complete) return;
    reading.then(
      (result) => scope.postMessage(result ? { type: "done", result } : { type: "cancelled" }),
      (error: unknown) => scope.postMessage({ type: "failed", message: String(error instanceof Error ? error.message : error) }),
    );
  };
}
