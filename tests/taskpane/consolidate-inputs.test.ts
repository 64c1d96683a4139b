import { createHash } from "node:crypto";
import { consolidate } from "../../src/domain/consolidate";
import type { ConsolidateRequest } from "../../src/domain/consolidate";
import type { SheetPlan } from "../../src/domain";
import { vi } from "../../src/domain";
import { tableFromRows } from "../../src/domain/units/unit-table";
import { MAX_WORKBOOK_BYTES } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import * as vy from "../../src/sample/viet-yen";
import { readInput, readInputs, serveReads, sha256Plain } from "../../src/taskpane/consolidate-inputs";
import type { FromWorker, PickedInput, ToWorker, WorkerScope } from "../../src/taskpane/consolidate-inputs";
import {
  conflictKey,
  consolidateChosen,
  FILES_PER_MESSAGE,
  MAX_READ_BYTES,
  NEWEST,
  parseInWorker,
  requestFor,
  summaryLines,
} from "../../src/taskpane/consolidate-run";
import type { ConsolidateDraft, ParseJob, WorkerLike } from "../../src/taskpane/consolidate-run";

const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");
const JAN = Date.UTC(2025, 0, 10, 8, 0, 0);
const FEB = Date.UTC(2025, 1, 10, 8, 0, 0);

/** A copy of a commune's plans with its staffing total changed: a second file claiming the same unit. */
function withStaffing(plans: SheetPlan[], total: number): SheetPlan[] {
  return plans.map((p) => {
    if (p.stamp.form !== "staffing") return p;
    const col = p.stamp.columns.indexOf("total");
    const row = p.unitRows[0].row;
    const cells = p.cells.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === col ? { ...c, value: total } : c)) : r));
    return { ...p, cells };
  });
}

let files: PickedInput[];
let copy: PickedInput;
const garbage = new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251));
const first = vy.COMMUNES[0].unit.name;

beforeAll(async () => {
  const books = vietYenWorkbooks();
  expect(books).toHaveLength(18);
  files = await Promise.all(
    books.map(async (b) => {
      const bytes = await writeWorkbook(b.plans);
      return { name: b.file, size: bytes.length, lastModified: JAN, bytes };
    }),
  );
  const changed = await writeWorkbook(withStaffing(books[0].plans, 99));
  copy = { name: "gui-lai/xa-ban-sua.xlsx", size: changed.length, lastModified: FEB, bytes: changed };
});

const draft: ConsolidateDraft = { level: "huyen", tiers: 3, unitName: "", unitCode: "", includeInvalid: true, newestWins: false };
const request = (over: Partial<ConsolidateRequest> = {}): ConsolidateRequest => ({
  level: "huyen",
  tiers: 3,
  newestWins: false,
  excludeInvalid: false,
  year: vy.YEAR,
  period: vy.PERIOD,
  ...over,
});

describe("readInputs: the 17 commune workbooks of thị xã Việt Yên, the town's own, and a garbage file", () => {
  test("the garbage file is listed as unreadable and every other file is still read", async () => {
    const bad: PickedInput = { name: "hong.xlsx", size: garbage.length, bytes: garbage };
    const all = [...files.slice(0, 9), bad, ...files.slice(9)];
    const progress: [number, number][] = [];
    const read = await readInputs(all, { onProgress: (d, t) => progress.push([d, t]) });
    expect(read).not.toBeNull();
    const { lines, records, problems } = read!;
    expect(progress).toEqual(all.map((_, i) => [i + 1, all.length]));
    expect(lines[9]).toMatchObject({ file: "hong.xlsx", status: "unreadable", unit: null, error: vi.cli.workbookProblems["not-a-workbook"] });
    expect(problems[9]).toBe("not-a-workbook");
    expect(records[9].entries).toEqual([]);
    const good = lines.filter((_, i) => i !== 9);
    expect(good.map((l) => l.status)).toEqual(Array(18).fill("ok"));
    expect(good.slice(0, 17).map((l) => l.unit).sort()).toEqual(vy.COMMUNES.map((c) => c.unit.name).sort());
    expect(good[17].unit).toBe(vy.DISTRICT.name);
    expect(good.every((l) => l.forms.length === 5)).toBe(true);
    // The hash is the file's, and the time is the picked file's modification time.
    expect(lines[0].sha256).toBe(sha(files[0].bytes as Uint8Array));
    expect(lines[0].modified).toBe(new Date(JAN).toISOString());
    expect(records[0].modified).toBe(lines[0].modified);
  });

  test("the records consolidate as the CLI's do: 57 commune staff and the town's 12 make 69", async () => {
    const read = await readInputs(files);
    const result = consolidate(read!.records, request());
    expect(result.units.reported).toBe(17);
    expect(result.conflicts).toEqual([]);
    expect(result.totals.staffing?.["3"]).toBe(69);
    expect(result.plans).toHaveLength(5);
    // Every summary row is traced to a file, a sheet and cells.
    const traced = result.lineage.filter((l) => l.form === "staffing");
    expect(traced).toHaveLength(18);
    expect(traced.every((l) => files.some((f) => f.name === l.file) && l.sourceSheet && /^[A-Z]+\d+:[A-Z]+\d+$/.test(l.sourceCells))).toBe(true);
  });

  test("a cancel stops before the next file, never in the middle of one", async () => {
    let cancelled = false;
    const seen: number[] = [];
    const read = await readInputs(files.slice(0, 5), {
      onProgress: (d) => {
        seen.push(d);
        if (d === 2) cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    expect(read).toBeNull();
    expect(seen).toEqual([1, 2]);
  });

  test("a file too large is refused without being read, one that could not be loaded is unreadable", async () => {
    expect(MAX_READ_BYTES).toBe(MAX_WORKBOOK_BYTES);
    const big = await readInput({ name: "lon.xlsx", size: MAX_WORKBOOK_BYTES + 1, bytes: null });
    expect(big).toMatchObject({ problem: "too-large", line: { status: "unreadable", error: vi.cli.workbookProblems["too-large"] } });
    const gone = await readInput({ name: "mat.xlsx", size: 100, bytes: null });
    expect(gone).toMatchObject({ problem: "unreadable", line: { status: "unreadable" } });
    const word = await readInput({ name: "ghi-chu.docx", size: 10, bytes: new Uint8Array(10) });
    expect(word.problem).toBe("unsupported-type");
  });

  test("a picked File handed over as it is: its size and date are its own, and one too large is never loaded", async () => {
    const plans = vietYenWorkbooks()[0].plans;
    const bytes = (await writeWorkbook(plans)) as Uint8Array<ArrayBuffer>;
    const file = new File([bytes], "xa.xlsx", { lastModified: JAN });
    const read = await readInput({ name: "xa.xlsx", bytes: file });
    expect(read.line).toMatchObject({ status: "ok", modified: new Date(JAN).toISOString(), sha256: sha(bytes) });
    const huge = new File([new Uint8Array(4)], "lon.xlsx", { lastModified: FEB });
    Object.defineProperty(huge, "size", { value: MAX_WORKBOOK_BYTES + 1 });
    const load = jest.spyOn(huge, "arrayBuffer");
    const big = await readInput({ name: "lon.xlsx", bytes: huge });
    expect(big).toMatchObject({ problem: "too-large", line: { status: "unreadable", modified: new Date(FEB).toISOString() } });
    expect(load).not.toHaveBeenCalled();
  });

  test("the plain SHA-256 used without Web Crypto agrees with Node's", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000, 70_000]) {
      const b = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff);
      expect(sha256Plain(b)).toBe(sha(b));
    }
  });
});

/** A worker and its scope joined in-process, messages delivered asynchronously as between threads. */
function channel(): { worker: WorkerLike & { terminated: boolean; sent: ToWorker[] } } {
  const scope: WorkerScope = { onmessage: null, postMessage: (m: FromWorker) => setTimeout(() => !worker.terminated && worker.onmessage?.({ data: m }), 0) };
  const worker = {
    terminated: false,
    sent: [] as ToWorker[],
    onmessage: null as WorkerLike["onmessage"],
    onerror: null as WorkerLike["onerror"],
    postMessage(m: ToWorker) {
      this.sent.push(m);
      setTimeout(() => scope.onmessage?.({ data: m }), 0);
    },
    terminate() {
      this.terminated = true;
    },
  };
  serveReads(scope);
  return { worker };
}

describe("the worker protocol", () => {
  test("progress from the first file to the last, then the result; the worker is ended afterwards", async () => {
    const { worker } = channel();
    const progress: number[] = [];
    const job = parseInWorker(async () => worker)(files.slice(0, 3), (d) => progress.push(d));
    const read = await job.result;
    // At least the first and the last file; those between as time passes, never backwards.
    expect(progress[0]).toBe(1);
    expect(progress.at(-1)).toBe(3);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(read!.lines.map((l) => l.file)).toEqual(files.slice(0, 3).map((f) => f.name));
    expect(worker.terminated).toBe(true);
  });

  test("several workers share a batch: the results come back in the files' order, progress counts all", async () => {
    const started: ReturnType<typeof channel>["worker"][] = [];
    // 36 files for up to three workers: two, as a third would have fewer files than it is worth.
    const batch = [...files, ...files.map((f) => ({ ...f, name: `lan-2/${f.name}` }))];
    const progress: number[] = [];
    const job = parseInWorker(async () => {
      const { worker } = channel();
      started.push(worker);
      return worker;
    }, 3)(batch, (d, t) => {
      expect(t).toBe(batch.length);
      progress.push(d);
    });
    const read = await job.result;
    expect(started).toHaveLength(2);
    expect(started.map((w) => (w.sent[0] as { files: PickedInput[] }).files.length)).toEqual([18, 18]);
    expect(read!.lines.map((l) => l.file)).toEqual(batch.map((f) => f.name));
    expect(progress.at(-1)).toBe(batch.length);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  test("a large batch reaches its worker in parts, the last one marked; one result in the files' order", async () => {
    const { worker } = channel();
    const batch = Array.from({ length: 2 * FILES_PER_MESSAGE + 5 }, (_, i) => ({ ...files[i % files.length], name: `dot-${i}/${files[i % files.length].name}` }));
    const progress: number[] = [];
    const read = await parseInWorker(async () => worker)(batch, (d) => progress.push(d)).result;
    const parts = worker.sent.map((m) => (m.type === "read" ? [m.files.length, m.last] : m.type));
    expect(parts).toEqual([
      [FILES_PER_MESSAGE, false],
      [FILES_PER_MESSAGE, false],
      [5, true],
    ]);
    expect(read!.lines.map((l) => l.file)).toEqual(batch.map((f) => f.name));
    expect(read!.lines.map((l) => l.sha256)).toEqual(batch.map((f) => sha(f.bytes as Uint8Array)));
    expect(progress.at(-1)).toBe(batch.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 60_000);

  test("cancel resolves with nothing, tells the worker and ends it", async () => {
    const { worker } = channel();
    const running: { job?: ParseJob } = {};
    const progress: number[] = [];
    const job = parseInWorker(async () => worker)(files.slice(0, 6), (d) => {
      progress.push(d);
      if (d === 1) running.job?.cancel();
    });
    running.job = job;
    expect(await job.result).toBeNull();
    expect(worker.sent.map((m) => m.type)).toEqual(["read", "cancel"]);
    expect(worker.terminated).toBe(true);
    expect(progress).toEqual([1]);
  });
});

describe("consolidateChosen: the user settles each conflict", () => {
  test("the preview (no sheets) finds the same units, conflicts and totals as the full summary", async () => {
    const read = await readInputs([...files, copy]);
    const records = read!.records;
    const conflict = consolidateChosen(records, request(), {}).conflicts.find((c) => c.form === "staffing")!;
    for (const choices of [{}, { [conflictKey(conflict)]: copy.name }]) {
      const full = consolidateChosen(records, request(), choices);
      const preview = consolidateChosen(records, request(), choices, { sheets: false });
      expect(full.plans.map((p) => p.stamp.form)).toEqual(["staffing", "facilities", "investment", "procedures", "intake"]);
      expect(preview.plans).toEqual([]);
      expect(preview.lineage).toEqual([]);
      expect(preview.forms).toEqual(full.forms);
      expect(preview.forms).toEqual(full.plans.map((p) => p.stamp.form));
      expect(preview.units).toEqual(full.units);
      expect(preview.conflicts).toEqual(full.conflicts);
      expect(preview.totals).toEqual(full.totals);
    }
  });

  test("a second file for one commune is a conflict; choosing a file counts that file's figures", async () => {
    const read = await readInputs([...files, copy]);
    const records = read!.records;
    const open = consolidateChosen(records, request(), {});
    const conflict = open.conflicts.find((c) => c.form === "staffing");
    expect(conflict).toMatchObject({ unit: first, files: [{ file: files[0].name }, { file: copy.name }] });
    expect(conflict!.kept).toBeUndefined();
    // Unsettled: the commune's row is left out of the staffing total.
    const communeStaff = vy.COMMUNES.find((c) => c.unit.name === first)!.staff;
    expect(open.totals.staffing?.["3"]).toBe(69 - communeStaff);

    const chosen = consolidateChosen(records, request(), { [conflictKey(conflict!)]: copy.name });
    expect(chosen.conflicts.find((c) => c.form === "staffing")?.kept).toBe(copy.name);
    expect(chosen.totals.staffing?.["3"]).toBe(69 - communeStaff + 99);
    expect(chosen.lineage.find((l) => l.form === "staffing" && l.unit === first)?.file).toBe(copy.name);
    // Only the staffing conflict was settled: the four other forms of that commune are still open.
    expect(chosen.conflicts.filter((c) => !c.kept)).toHaveLength(4);
    const lines = summaryLines(read!.lines, chosen);
    // The original lost staffing, the copy still loses nothing only where it was chosen: both are flagged.
    expect(lines[0].status).toBe("conflict");
    expect(lines[18].status).toBe("conflict");
    expect(lines[17]).toMatchObject({ unit: vy.DISTRICT.name, status: "ok" });

    const original = consolidateChosen(records, request(), { [conflictKey(conflict!)]: files[0].name });
    expect(original.totals.staffing?.["3"]).toBe(69);
  });

  test("'the newest file' picks by modification time, for one conflict or for all", async () => {
    const read = await readInputs([...files, copy]);
    const conflict = consolidateChosen(read!.records, request(), {}).conflicts[0];
    const one = consolidateChosen(read!.records, request(), { [conflictKey(conflict)]: NEWEST });
    expect(one.conflicts[0].kept).toBe(copy.name);
    const all = consolidateChosen(read!.records, request({ newestWins: true }), {});
    expect(all.conflicts.every((c) => c.kept === copy.name)).toBe(true);
  });

  test("with a unit list, a commune whose file is missing is named, and files with errors can be left out", async () => {
    const names = tableFromRows(vy.COMMUNES.map((c) => [c.unit.name]));
    const made = requestFor(draft, names, [[{ year: vy.YEAR, period: vy.PERIOD }]], new Date(2025, 0, 1));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.request).toMatchObject({ year: vy.YEAR, period: vy.PERIOD, excludeInvalid: false });
    const read = await readInputs(files.slice(1));
    const result = consolidateChosen(read!.records, made.request, {});
    expect(result.units).toMatchObject({ expected: 17, reported: 16, missing: [first] });

    const invalid = read!.records.map((r, i) => (i === 0 ? { ...r, invalid: true } : r));
    const excluded = requestFor({ ...draft, includeInvalid: false }, names, [], new Date(2025, 0, 1));
    if (!excluded.ok) throw new Error("request");
    expect(consolidateChosen(invalid, excluded.request, {}).units.missing).toHaveLength(2);
  });

  test("an unusable unit list blocks the request; the year falls back to today's without stamps", () => {
    const catalogue = tableFromRows([
      ["province_code", "province_name", "district_code", "district_name", "commune_code", "commune_name"],
      ["24", "Tỉnh Bắc Giang", "222", "Thị xã Việt Yên", "07000", "Xã Thượng Lan"],
      ["24", "Tỉnh Bắc Giang", "223", "Huyện Hiệp Hòa", "07100", "Xã Đại Thành"],
    ]);
    expect(catalogue.layout).toBe("three-tier");
    expect(requestFor(draft, catalogue, [], new Date(2025, 0, 1))).toEqual({ ok: false, problem: "unit-list" });
    const fine = requestFor({ ...draft, unitCode: "222" }, catalogue, [], new Date(2025, 5, 1));
    expect(fine.ok && fine.request).toMatchObject({ year: 2025, period: "Năm 2025", unit: { name: "Thị xã Việt Yên", code: "222" } });
  });
});
