/**
 * What the "Tổng hợp" task does between picking files and writing: reading them off the thread,
 * building the consolidation request from the form, and applying the user's choice of file for
 * each conflict. Everything here but the worker itself is plain TypeScript, testable in jest; the
 * spreadsheet reader stays out of the pane's bundle (it is in the worker, or loaded lazily).
 */
import { consolidate } from "../domain/consolidate";
import type { Conflict, ConsolidateOptions, ConsolidateRequest, Consolidation, InputRecord } from "../domain/consolidate";
import type { DistrictGroup, Tiers, UnitRef } from "../domain";
import { cleanName } from "../domain";
import { rosterFor } from "../domain/units/unit-table";
import type { UnitTable } from "../domain/units/unit-table";
import type { FileLine } from "../files/summary-writer";
import type { FromWorker, InputStamp, PickedInput, ReadInputs, ToWorker } from "./consolidate-inputs";

/**
 * Files larger than this are not loaded at all: the reader refuses them anyway (the limit is
 * read-workbook's MAX_WORKBOOK_BYTES, which a test keeps equal), and loading one would only cost
 * memory.
 */
export const MAX_READ_BYTES = 30 * 1024 * 1024;

/** A batch of files being read: its result (null when cancelled) and how to stop it. */
export interface ParseJob {
  result: Promise<ReadInputs | null>;
  cancel(): void;
}

export type ParseFn = (files: PickedInput[], onProgress: (done: number, total: number) => void) => ParseJob;

/** The part of a Worker the pane uses; a test hands in a fake one. */
export interface WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

/** The buffers to hand over rather than copy: each file's bytes leave the pane for the worker. */
function transferables(files: PickedInput[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const f of files) {
    const b = f.bytes;
    if (b instanceof ArrayBuffer) out.add(b);
    else if (b instanceof Uint8Array && b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) out.add(b.buffer);
  }
  return [...out];
}

/** Below this many files per worker, starting another costs more than it saves. */
const FILES_PER_WORKER = 24;

/** The files in `k` runs of nearly equal length, in order, so results join back in order. */
function runs<T>(files: T[], k: number): T[][] {
  const size = Math.ceil(files.length / k);
  return Array.from({ length: k }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((r) => r.length > 0);
}

function joined(parts: ReadInputs[]): ReadInputs {
  return {
    records: parts.flatMap((p) => p.records),
    lines: parts.flatMap((p) => p.lines),
    problems: parts.flatMap((p) => p.problems),
    stamps: parts.flatMap((p) => p.stamps),
  };
}

/**
 * Files handed to a worker per message. Handing over a File makes Chromium ask the disk for its
 * size and date, some 0.3 ms a file on the pane's thread: thousands in one message froze the pane
 * for a second or more, a part this size takes some 20 ms.
 */
export const FILES_PER_MESSAGE = 64;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The files to a worker in parts, letting the pane draw between them; stops if the worker ended. */
async function handOver(worker: WorkerLike, files: PickedInput[], ended: () => boolean): Promise<void> {
  for (let i = 0; i < files.length && !ended(); i += FILES_PER_MESSAGE) {
    if (i > 0) await pause();
    if (ended()) return;
    const part = files.slice(i, i + FILES_PER_MESSAGE);
    worker.postMessage({ type: "read", files: part, last: i + FILES_PER_MESSAGE >= files.length }, transferables(part));
  }
}

/** One worker's share: its result (null when it was cancelled). */
function readIn(worker: WorkerLike, files: PickedInput[], onDone: (done: number) => void, cancelled: () => boolean): Promise<ReadInputs | null> {
  let ended = false;
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") return onDone(data.done);
      ended = true;
      worker.terminate();
      if (data.type === "done") resolve(data.result);
      else if (data.type === "cancelled") resolve(null);
      else reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      ended = true;
      worker.terminate();
      reject(new Error(event.message || "worker error"));
    };
    void handOver(worker, files, () => ended || cancelled());
  });
}

/**
 * Reads in workers started for this batch only, up to `threads` of them each with a run of the
 * files: a province's thousands of files take a fraction of the time on a machine with several
 * cores. Cancelling tells the workers to stop before their next file and also ends them at once:
 * a parse already under way cannot be interrupted otherwise, and a pathological file must not
 * keep a core busy after the user gave up on it.
 */
export function parseInWorker(start: () => Promise<WorkerLike>, threads = 1): ParseFn {
  return (files, onProgress) => {
    const shares = runs(files, Math.max(1, Math.min(threads, Math.ceil(files.length / FILES_PER_WORKER))));
    const workers: WorkerLike[] = [];
    const done = shares.map(() => 0);
    let cancelled = false;
    let settle: (value: ReadInputs | null) => void = () => undefined;
    const stop = (): void => workers.forEach((w) => w.terminate());
    const result = new Promise<ReadInputs | null>((resolve, reject) => {
      settle = resolve;
      const reading = shares.map((share, i) =>
        start().then((w) => {
          if (cancelled) {
            w.terminate();
            return null;
          }
          workers.push(w);
          return readIn(
            w,
            share,
            (d) => {
              done[i] = d;
              onProgress(done.reduce((a, b) => a + b, 0), files.length);
            },
            () => cancelled,
          );
        }),
      );
      Promise.all(reading).then(
        (parts) => resolve(cancelled || parts.some((p) => p === null) ? null : joined(parts as ReadInputs[])),
        (error: unknown) => {
          stop();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      for (const w of workers) w.postMessage({ type: "cancel" });
      stop();
      settle(null);
    };
    return { result, cancel };
  };
}

/** Reads on the pane's own thread, a file at a time with a pause between: where no worker runs. */
export const parseInProcess: ParseFn = (files, onProgress) => {
  let cancelled = false;
  const result = import(/* webpackChunkName: "consolidate-inputs" */ "./consolidate-inputs").then(({ readInputs }) =>
    readInputs(files, { onProgress: (d, t) => !cancelled && onProgress(d, t), isCancelled: () => cancelled }),
  );
  return {
    result: result.then((r) => (cancelled ? null : r)),
    cancel: () => {
      cancelled = true;
    },
  };
};

/** A worker where the webview has them, the pane's thread otherwise. */
export const defaultParse: ParseFn = (files, onProgress) => {
  if (typeof Worker === "undefined") return parseInProcess(files, onProgress);
  // One worker per core, at most four: beyond that memory grows faster than the time shrinks.
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
  return parseInWorker(async () => {
    const { startConsolidateWorker } = await import(/* webpackMode: "eager" */ "./consolidate-worker-start");
    return startConsolidateWorker() as unknown as WorkerLike;
  }, Math.min(cores, 4))(files, onProgress);
};

/** What the form holds when a consolidation is previewed or written. */
export interface ConsolidateDraft {
  level: "huyen" | "tinh";
  tiers: Tiers;
  unitName: string;
  unitCode: string;
  /** Files with validation errors are counted (and flagged) unless this is off. */
  includeInvalid: boolean;
  /** Conflicts the user left open keep the most recently modified file. */
  newestWins: boolean;
}

export type RequestResult = { ok: true; request: ConsolidateRequest } | { ok: false; problem: "unit-list" };

/** Districts exist only in the three-tier system. */
export const tiersOf = (draft: Pick<ConsolidateDraft, "level" | "tiers">): Tiers => (draft.level === "huyen" ? 3 : draft.tiers);

/** The most common value, for the year and period the inputs report (as the CLI does). */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The year and period the summary carries: those most of the inputs' stamps give. */
export function periodOf(stamps: InputStamp[][], today: Date): { year: number; period: string } {
  const all = stamps.flat();
  const year = mostCommon(all.flatMap((s) => (s.year ? [s.year] : []))) ?? today.getFullYear();
  const period = mostCommon(all.flatMap((s) => (s.period ? [s.period] : []))) ?? `Năm ${year}`;
  return { year, period };
}

/**
 * The consolidation request: level and tiers, the reporting unit (typed, else the list's), the
 * expected units from the list, and the year and period from the inputs.
 */
export function requestFor(draft: ConsolidateDraft, table: UnitTable | undefined, stamps: InputStamp[][], today: Date): RequestResult {
  const tiers = tiersOf(draft);
  const code = draft.unitCode.trim();
  let expected: ConsolidateRequest["expected"];
  let listUnit: UnitRef | undefined;
  if (table) {
    const roster = rosterFor(table, { level: draft.level, tiers, ...(code ? { code } : {}) });
    if (!roster.ok) return { ok: false, problem: "unit-list" };
    listUnit = roster.unit;
    if (roster.subunits.kind === "districts") {
      const districts: DistrictGroup[] = roster.subunits.districts;
      expected = { ...(roster.unit ? { unit: roster.unit } : {}), communes: districts.flatMap((d) => d.communes), districts };
    } else {
      expected = { ...(roster.unit ? { unit: roster.unit } : {}), communes: roster.subunits.kind === "communes" ? roster.subunits.communes : [] };
    }
  }
  const name = cleanName(draft.unitName) || listUnit?.name || "";
  const unitCode = code || listUnit?.code || "";
  const unit: UnitRef | undefined = name ? { name, ...(unitCode ? { code: unitCode } : {}) } : undefined;
  const { year, period } = periodOf(stamps, today);
  return {
    ok: true,
    request: {
      level: draft.level,
      tiers,
      ...(unit ? { unit } : {}),
      ...(expected ? { expected } : {}),
      newestWins: draft.newestWins,
      excludeInvalid: !draft.includeInvalid,
      year,
      period,
    },
  };
}

/** A choice that follows the modification times rather than naming a file. */
export const NEWEST = "\u0000newest";

/** Identifies a conflict across re-previews; a new file joining it makes it a new question. */
export const conflictKey = (c: Conflict): string => [c.form, c.unit, ...c.files.map((f) => f.file).sort()].join("\u0000");

/** The file "newest wins" keeps: the latest modification time, ties to the last name (as the domain picks). */
export function newestFile(c: Conflict): string {
  const sorted = [...c.files].sort((a, b) => (a.modified ?? "").localeCompare(b.modified ?? "") || a.file.localeCompare(b.file));
  return sorted[sorted.length - 1].file;
}

/**
 * The consolidation with the user's choice applied to each conflict: the entries of the files not
 * chosen for that unit and form are left out, and the conflict stays listed (on the lineage sheet
 * too) with the chosen file as the one kept. Conflicts without a choice follow `newestWins`.
 */
export function consolidateChosen(
  records: InputRecord[],
  request: ConsolidateRequest,
  choices: Readonly<Record<string, string>>,
  options: ConsolidateOptions = {},
): Consolidation {
  // The first pass only finds the conflicts: its sheets are never used when a choice follows.
  const first = consolidate(records, request, { sheets: false });
  const picked = new Map<Conflict, string>();
  for (const c of first.conflicts) {
    const choice = choices[conflictKey(c)];
    if (choice === NEWEST) picked.set(c, newestFile(c));
    else if (choice && c.files.some((f) => f.file === choice)) picked.set(c, choice);
  }
  if (picked.size === 0) return options.sheets === false ? first : consolidate(records, request, options);
  const dropped = new Set<unknown>();
  for (const [c, file] of picked) {
    const files = new Set(c.files.map((f) => f.file));
    for (const p of first.placed) {
      if (p.entry.form === c.form && p.unit.name === c.unit && files.has(p.input.file) && p.input.file !== file) dropped.add(p.entry);
    }
  }
  const kept = records.map((r) => (r.entries.some((e) => dropped.has(e)) ? { ...r, entries: r.entries.filter((e) => !dropped.has(e)) } : r));
  const second = consolidate(kept, request, options);
  const left = new Map(second.conflicts.map((c) => [conflictKey(c), c]));
  const conflicts = first.conflicts.flatMap((c): Conflict[] => {
    const file = picked.get(c);
    if (file) return [{ ...c, kept: file }];
    const still = left.get(conflictKey(c));
    return still ? [still] : [];
  });
  return { ...second, conflicts };
}

/** The files' lines as the lineage sheet lists them: a file that lost a conflict is marked so. */
export function summaryLines(lines: FileLine[], result: Consolidation): FileLine[] {
  const losing = new Set(result.conflicts.flatMap((c) => c.files.map((f) => f.file).filter((f) => f !== c.kept)));
  return lines.map((l) => (losing.has(l.file) && l.status === "ok" ? { ...l, status: "conflict" as const } : l));
}
