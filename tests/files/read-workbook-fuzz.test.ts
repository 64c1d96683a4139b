import { performance } from "node:perf_hooks";
import * as XLSX from "@e965/xlsx";
import { validateWorkbook } from "../../src/domain/validate";
import { readWorkbook, WorkbookFileError } from "../../src/files/read-workbook";
import type { WorkbookProblem } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import { deflatedZeros, layoutOf, readZip, writeZip } from "../support/zip";
import type { ZipEntry, ZipLayout } from "../support/zip";

/*
 * Files sent in from the communes arrive cut off by mail gateways, damaged on USB sticks, or
 * edited by hand. Whatever the bytes, reading must end in a report or a WorkbookFileError that
 * names the problem — never a crash, and never a hang that stalls a whole batch.
 */

const SEED = 0x5eed2024;
const PER_BASE = 650;
/** A real workbook is read and checked in about 10 ms; a call this slow is a hang. */
const MAX_CALL_MS = 2000;

const PROBLEMS: readonly WorkbookProblem[] = [
  "empty",
  "too-large",
  "encrypted",
  "zip-damaged",
  "zip-bomb",
  "word-document",
  "not-a-workbook",
  "unsupported-type",
];

type Rng = () => number;

/** A small, fast, seeded generator: the same seed gives the same mutations on every run. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: Rng, n: number): number => Math.floor(rnd() * n);
const pick = <T>(rnd: Rng, xs: readonly T[]): T => xs[int(rnd, xs.length)];

interface Base {
  label: string;
  file: string;
  bytes: Uint8Array;
  zip?: { layout: ZipLayout; entries: ZipEntry[] };
}

type Range = [number, number];

/** Flips 1–50 bytes at random places inside the given ranges of the file. */
function flipIn(rnd: Rng, bytes: Uint8Array, ranges: Range[]): Uint8Array {
  const spans = ranges.filter(([a, b]) => b > a);
  const total = spans.reduce((s, [a, b]) => s + b - a, 0);
  const out = bytes.slice();
  for (let n = 1 + int(rnd, 50); n > 0 && total > 0; n--) {
    let at = int(rnd, total);
    for (const [a, b] of spans) {
      if (at < b - a) {
        out[a + at] ^= 1 + int(rnd, 255);
        break;
      }
      at -= b - a;
    }
  }
  return out;
}

const headerRanges = (z: ZipLayout): Range[] => [
  ...z.entries.map((e): Range => [e.header, e.data]),
  [z.centralDirectory, z.bytes.length],
];
const dataRanges = (z: ZipLayout): Range[] => z.entries.map((e): Range => [e.data, e.data + e.size]);

const setU16 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
};
const setU32 = (b: Uint8Array, at: number, v: number): void => {
  setU16(b, at, v & 0xffff);
  setU16(b, at + 2, (v >>> 16) & 0xffff);
};

/** A value a damaged or hostile header field is likely to hold. */
function oddValue(rnd: Rng, z: ZipLayout): number {
  return pick(rnd, [
    0,
    1,
    0xffff,
    0xffffffff,
    0x7fffffff,
    z.bytes.length,
    z.bytes.length + 1 + int(rnd, 1000),
    int(rnd, z.bytes.length),
    int(rnd, 0x100000000),
    pick(rnd, z.entries).header,
  ]);
}

/** Offsets in a central-directory record of the fields a reader trusts. */
const CD_FIELDS = [10, 20, 24, 28, 30, 32, 42];
const CD_FIELD_WIDTH: Record<number, 2 | 4> = { 10: 2, 20: 4, 24: 4, 28: 2, 30: 2, 32: 2, 42: 4 };
/** Offsets in a local header: method, sizes, name and extra lengths. */
const LOCAL_FIELDS: Record<number, 2 | 4> = { 8: 2, 18: 4, 22: 4, 26: 2, 28: 2 };

function cdRecords(z: ZipLayout): number[] {
  const at: number[] = [];
  let p = z.centralDirectory;
  for (let n = 0; n < z.entries.length; n++) {
    at.push(p);
    const b = z.bytes;
    p += 46 + (b[p + 28] | (b[p + 29] << 8)) + (b[p + 30] | (b[p + 31] << 8)) + (b[p + 32] | (b[p + 33] << 8));
  }
  return at;
}

type Mutator = (rnd: Rng, base: Base) => Uint8Array;
type ZipMutator = (rnd: Rng, z: ZipLayout, entries: ZipEntry[], base: Base) => Uint8Array;

const truncate: Mutator = (rnd, base) => base.bytes.slice(0, int(rnd, base.bytes.length));
const flipAnywhere: Mutator = (rnd, base) => flipIn(rnd, base.bytes, [[0, base.bytes.length]]);
/** The OLE header and the sector that holds the directory are where an .xls is most fragile. */
const flipOleHeader: Mutator = (rnd, base) => {
  const dir = Buffer.from(base.bytes).indexOf(Buffer.from("Root Entry", "utf16le"));
  return flipIn(rnd, base.bytes, [[0, 512], [dir, dir + 512]]);
};

const isXml = (e: ZipEntry): boolean => /\.(xml|rels)$/.test(e.name) && e.data.length > 0;
/** The parts a reader needs most, so they are damaged more often than the rest. */
const vital = (e: ZipEntry): boolean => /^(xl\/workbook\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/sheet\d+\.xml|content\.xml)$/.test(e.name);
const rezip = (rnd: Rng, entries: ZipEntry[]): Uint8Array => writeZip(entries.map((e) => ({ ...e, store: rnd() < 0.3 }))).bytes;
const pickPart = (rnd: Rng, entries: ZipEntry[]): ZipEntry => pick(rnd, rnd() < 0.7 ? entries.filter(vital) : entries.filter(isXml));

const ZIP_MUTATORS: Record<string, ZipMutator> = {
  "flip-headers": (rnd, z) => flipIn(rnd, z.bytes, headerRanges(z)),
  "flip-deflated": (rnd, z) => flipIn(rnd, z.bytes, dataRanges(z)),
  "drop-entry": (rnd, _z, entries) => {
    const names = entries.map((e) => e.name);
    const wanted = ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "content.xml", "META-INF/manifest.xml"];
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const choices = [...wanted.filter((n) => names.includes(n)), ...sheets, pick(rnd, names)];
    const gone = pick(rnd, choices);
    return rezip(rnd, entries.filter((e) => e.name !== gone));
  },
  "cut-part": (rnd, _z, entries) => {
    const part = pickPart(rnd, entries);
    // Mostly "cut in half", sometimes anywhere.
    const at = rnd() < 0.5 ? Math.floor(part.data.length * (0.4 + 0.2 * rnd())) : int(rnd, part.data.length);
    return rezip(rnd, entries.map((e) => (e === part ? { name: e.name, data: e.data.subarray(0, at) } : e)));
  },
  "garble-part": (rnd, _z, entries) => {
    const part = pickPart(rnd, entries);
    const data = flipIn(rnd, part.data, [[0, part.data.length]]);
    return rezip(rnd, entries.map((e) => (e === part ? { name: e.name, data } : e)));
  },
  "duplicate-cd": (rnd, z) => {
    const cd = z.bytes.subarray(z.centralDirectory, z.endOfCentralDirectory);
    const eocd = z.bytes.slice(z.endOfCentralDirectory, z.endOfCentralDirectory + 22);
    const count = z.entries.length * 2;
    setU16(eocd, 8, count);
    setU16(eocd, 10, count);
    setU32(eocd, 12, cd.length * 2);
    const out = Buffer.concat([z.bytes.subarray(0, z.centralDirectory), cd, cd, eocd]);
    return rnd() < 0.5 ? new Uint8Array(out) : flipIn(rnd, out, [[z.centralDirectory, out.length]]);
  },
  "eocd-field": (rnd, z) => {
    const out = z.bytes.slice();
    const e = z.endOfCentralDirectory;
    switch (int(rnd, 4)) {
      case 0:
        setU32(out, e + 16, z.centralDirectory + int(rnd, 129) - 64);
        break;
      case 1:
        setU16(out, e + 10, pick(rnd, [0, 1, z.entries.length - 1, z.entries.length + 1, 0xffff, int(rnd, 0x10000)]));
        break;
      case 2:
        setU32(out, e + 16, oddValue(rnd, z));
        break;
      default:
        // A comment length pointing past the end of the file.
        setU16(out, e + 20, 1 + int(rnd, 0xffff));
    }
    return out;
  },
  "second-eocd": (rnd, z) => {
    // Another end record after the real one, as a careless concatenation leaves.
    const eocd = z.bytes.slice(z.endOfCentralDirectory, z.endOfCentralDirectory + 22);
    setU32(eocd, 16, oddValue(rnd, z));
    setU16(eocd, 10, int(rnd, z.entries.length * 2 + 1));
    return new Uint8Array(Buffer.concat([z.bytes, eocd]));
  },
  "cd-field": (rnd, z) => {
    const out = z.bytes.slice();
    const rec = pick(rnd, cdRecords(z));
    const field = pick(rnd, CD_FIELDS);
    (CD_FIELD_WIDTH[field] === 2 ? setU16 : setU32)(out, rec + field, oddValue(rnd, z));
    return out;
  },
  "local-field": (rnd, z) => {
    const out = z.bytes.slice();
    const { header } = pick(rnd, z.entries);
    const field = Number(pick(rnd, Object.keys(LOCAL_FIELDS)));
    (LOCAL_FIELDS[field] === 2 ? setU16 : setU32)(out, header + field, oddValue(rnd, z));
    return out;
  },
  "overlapping-entries": (rnd, z) => {
    // Every directory record points at the same local entry.
    const out = z.bytes.slice();
    const target = pick(rnd, z.entries).header;
    for (const rec of cdRecords(z)) setU32(out, rec + 42, target);
    return out;
  },
  "size-lie": (rnd, _z, entries) => {
    // A part that inflates to tens of megabytes while both headers declare its true small size.
    const part = pickPart(rnd, entries);
    const zeros = deflatedZeros((16 + int(rnd, 48)) * 1024 * 1024);
    const lie = { data: zeros.data, size: part.data.length, crc: zeros.crc };
    return writeZip(entries.map((e) => (e === part ? { name: e.name, data: e.data, deflated: lie } : e))).bytes;
  },
};

function mutatorsFor(base: Base): [string, Mutator][] {
  const common: [string, Mutator][] = [
    ["truncate", truncate],
    ["flip-anywhere", flipAnywhere],
  ];
  const zip = base.zip;
  if (!zip) return [...common, ["flip-ole-header", flipOleHeader]];
  return [...common, ...Object.entries(ZIP_MUTATORS).map(([kind, m]): [string, Mutator] => [kind, (rnd) => m(rnd, zip.layout, zip.entries, base)])];
}

async function bases(): Promise<Base[]> {
  const books = vietYenWorkbooks();
  const commune = await writeWorkbook(books[0].plans);
  const district = await writeWorkbook(books[books.length - 1].plans);
  const wb = XLSX.read(commune, { type: "array", cellFormula: true, cellDates: true });
  const xls = new Uint8Array(XLSX.write(wb, { bookType: "xls", type: "array" }) as ArrayBuffer);
  const ods = new Uint8Array(XLSX.write(wb, { bookType: "ods", type: "array" }) as ArrayBuffer);
  const zipped = (label: string, file: string, bytes: Uint8Array): Base => ({ label, file, bytes, zip: { layout: layoutOf(bytes), entries: readZip(bytes) } });
  return [zipped("xã (.xlsx)", "xa.xlsx", commune), zipped("thị xã (.xlsx)", "thi-xa.xlsx", district), { label: "xã (.xls)", file: "xa.xls", bytes: xls }, zipped("xã (.ods)", "xa.ods", ods)];
}

type Outcome = WorkbookProblem | "validated";

interface Failure {
  base: string;
  kind: string;
  index: number;
  error: string;
}

/** Reads and validates one file; anything but a report or a WorkbookFileError is a failure. */
function readOne(bytes: Uint8Array, file: string): { outcome?: Outcome; error?: string; ms: number } {
  const start = performance.now();
  try {
    const report = validateWorkbook(readWorkbook(bytes, file));
    const ms = performance.now() - start;
    return Array.isArray(report.sheets) ? { outcome: "validated", ms } : { error: "report without a sheets array", ms };
  } catch (error) {
    const ms = performance.now() - start;
    if (error instanceof WorkbookFileError && PROBLEMS.includes(error.problem)) return { outcome: error.problem, ms };
    return { error: error instanceof Error ? (error.stack ?? error.message) : `thrown: ${String(error)}`, ms };
  }
}

describe("reading damaged workbooks", () => {
  test(`${PER_BASE} seeded mutations of each real workbook end in a report or a named problem, quickly`, async () => {
    const all = await bases();
    // The unmutated files are good: every mutation starts from a workbook that validates.
    for (const base of all) expect({ base: base.label, ...readOne(base.bytes, base.file), ms: 0 }).toEqual({ base: base.label, outcome: "validated", ms: 0 });

    const outcomes = new Map<string, number>();
    const byKind = new Map<string, Map<string, number>>();
    const failures: Failure[] = [];
    let slowest = { ms: 0, what: "" };
    let count = 0;
    const started = performance.now();

    for (const [b, base] of all.entries()) {
      const mutators = mutatorsFor(base);
      for (let i = 0; i < PER_BASE; i++) {
        const index = b * PER_BASE + i;
        const rnd = mulberry32(SEED ^ Math.imul(index + 1, 0x9e3779b1));
        const [kind, mutate] = mutators[i % mutators.length];
        const result = readOne(mutate(rnd, base), base.file);
        count++;
        const what = `${base.label} ${kind} #${index}`;
        if (result.ms > slowest.ms) slowest = { ms: result.ms, what };
        if (result.error !== undefined) failures.push({ base: base.label, kind, index, error: result.error.split("\n").slice(0, 4).join("\n") });
        const key = result.outcome ?? "FAILED";
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const k = byKind.get(kind) ?? new Map<string, number>();
        k.set(key, (k.get(key) ?? 0) + 1);
        byKind.set(kind, k);
      }
    }
    const seconds = (performance.now() - started) / 1000;

    const line = (m: Map<string, number>): string => [...m].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(
      [
        `${count} mutations in ${seconds.toFixed(1)} s; slowest call ${slowest.ms.toFixed(0)} ms (${slowest.what})`,
        `outcomes: ${line(outcomes)}`,
        ...[...byKind].map(([kind, m]) => `  ${kind}: ${line(m)}`),
        ...failures.slice(0, 10).map((f) => `FAILED ${f.base} ${f.kind} #${f.index}: ${f.error}`),
      ].join("\n"),
    );

    expect(failures.slice(0, 5)).toEqual([]);
    expect(slowest.ms).toBeLessThan(MAX_CALL_MS);
    expect(count).toBeGreaterThanOrEqual(2000);
    // The mutations reach both ends: some files still validate, and the damage is told apart.
    expect(outcomes.get("validated") ?? 0).toBeGreaterThan(0);
    for (const p of ["zip-damaged", "zip-bomb", "not-a-workbook"] as const) expect(outcomes.get(p) ?? 0).toBeGreaterThan(0);
  });
});
