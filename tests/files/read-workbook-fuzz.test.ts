import { createHash } from "node:crypto";
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
const PER_BASE = 550;
/**
 * A real workbook is read and checked in about 10 ms. The general parser is stopped after two
 * seconds; a call that takes twice that is a hang. Measured in CPU time of this process (the
 * parser's thread included), so that other work on the machine does not count.
 */
const MAX_CALL_MS = 4000;

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

/** Offsets (and widths) in a central-directory record of the fields a reader trusts: method, sizes, lengths, local offset. */
const CD_FIELDS: Record<number, 2 | 4> = { 10: 2, 20: 4, 24: 4, 28: 2, 30: 2, 32: 2, 42: 4 };
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
type ZipMutator = (rnd: Rng, z: ZipLayout, entries: ZipEntry[]) => Uint8Array;

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
    const field = Number(pick(rnd, Object.keys(CD_FIELDS)));
    (CD_FIELDS[field] === 2 ? setU16 : setU32)(out, rec + field, oddValue(rnd, z));
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

const utf8 = (b: Uint8Array): string => Buffer.from(b).toString("utf8");
const withPart = (entries: ZipEntry[], name: string, xml: string): ZipEntry[] =>
  entries.map((e) => (e.name === name ? { name, data: new Uint8Array(Buffer.from(xml, "utf8")) } : e));

/** Inserts text at several offsets of a string, the last first so the earlier offsets stay valid. */
function insertAt(text: string, edits: { at: number; what: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.what + out.slice(e.at);
  return out;
}

/** Column letters of a 1-based column number. */
function letters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Hand edits a spreadsheet program would accept: repeat counts on rows and cells of an .ods
 * (LibreOffice writes them for runs of equal rows) and a cell far out in an .xlsx sheet. The
 * large counts stay a few hundred thousand, so that reading too much shows as a slow call
 * rather than exhausting memory.
 */
const EDIT_MUTATORS: Record<string, ZipMutator> = {
  "ods-repeat": (rnd, _z, entries) => {
    const xml = utf8(entries.find((e) => e.name === "content.xml")?.data ?? new Uint8Array());
    const count = (): number => (rnd() < 0.5 ? 2 + int(rnd, 50) : 20000 + int(rnd, 200000));
    const tags = [...xml.matchAll(/<table:table-(row|cell)(?=[\s/>])/g)];
    const edits = Array.from({ length: 1 + int(rnd, 2) }, () => {
      const tag = pick(rnd, tags);
      const at = (tag.index ?? 0) + tag[0].length;
      if (tag[1] === "cell") return { at, what: ` table:number-columns-repeated="${count()}"` };
      if (rnd() < 0.5) return { at, what: ` table:number-rows-repeated="${count()}"` };
      // Empty rows before a row: cheap to write, they move everything after them down.
      return { at: tag.index ?? 0, what: `<table:table-row table:number-rows-repeated="${count()}"><table:table-cell/></table:table-row>` };
    });
    return rezip(rnd, withPart(entries, "content.xml", insertAt(xml, edits)));
  },
  "far-cell": (rnd, _z, entries) => {
    const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    const sheet = pick(rnd, sheets);
    const xml = utf8(sheet.data);
    const ref = pick(rnd, [...xml.matchAll(/<c\s[^>]*?\br="([A-Z]+\d+)"/g)]);
    const row = rnd() < 0.5 ? 1048576 : 1 + int(rnd, 1048576);
    const col = rnd() < 0.5 ? 16384 : 1 + int(rnd, 16384);
    const at = (ref.index ?? 0) + ref[0].length - ref[1].length - 1;
    const moved = xml.slice(0, at) + `${letters(col)}${row}` + xml.slice(at + ref[1].length);
    return rezip(rnd, withPart(entries, sheet.name, moved));
  },
};

function mutatorsFor(base: Base): [string, Mutator][] {
  const common: [string, Mutator][] = [
    ["truncate", truncate],
    ["flip-anywhere", flipAnywhere],
  ];
  const zip = base.zip;
  if (!zip) return [...common, ["flip-ole-header", flipOleHeader]];
  const names = zip.entries.map((e) => e.name);
  const edits = Object.entries(EDIT_MUTATORS).filter(([kind]) => (kind === "ods-repeat" ? names.includes("content.xml") : names.includes("xl/workbook.xml")));
  return [...common, ...[...Object.entries(ZIP_MUTATORS), ...edits].map(([kind, m]): [string, Mutator] => [kind, (rnd) => m(rnd, zip.layout, zip.entries)])];
}

/**
 * The real workbooks every mutation starts from. The clock is fixed while they are written, so
 * their bytes — and with the seed, every mutation — are the same on each run.
 */
async function bases(): Promise<Base[]> {
  const keep = ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] as const;
  jest.useFakeTimers({ now: new Date("2025-01-15T08:00:00Z"), doNotFake: [...keep] });
  try {
    const books = vietYenWorkbooks();
    const commune = await writeWorkbook(books[0].plans);
    const district = await writeWorkbook(books[books.length - 1].plans);
    const wb = XLSX.read(commune, { type: "array", cellFormula: true, cellDates: true });
    const xls = new Uint8Array(XLSX.write(wb, { bookType: "xls", type: "array" }) as ArrayBuffer);
    const ods = new Uint8Array(XLSX.write(wb, { bookType: "ods", type: "array" }) as ArrayBuffer);
    const zipped = (label: string, file: string, bytes: Uint8Array): Base => ({ label, file, bytes, zip: { layout: layoutOf(bytes), entries: readZip(bytes) } });
    return [zipped("xã (.xlsx)", "xa.xlsx", commune), zipped("thị xã (.xlsx)", "thi-xa.xlsx", district), { label: "xã (.xls)", file: "xa.xls", bytes: xls }, zipped("xã (.ods)", "xa.ods", ods)];
  } finally {
    jest.useRealTimers();
  }
}

type Outcome = WorkbookProblem | "validated";

interface Failure {
  base: string;
  kind: string;
  index: number;
  error: string;
}

/** CPU milliseconds (user and system) this process has used since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Reads and validates one file; anything but a report or a WorkbookFileError is a failure. */
function readOne(bytes: Uint8Array, file: string): { outcome?: Outcome; error?: string; ms: number } {
  const start = process.cpuUsage();
  try {
    const report = validateWorkbook(readWorkbook(bytes, file));
    const ms = cpuMs(start);
    return Array.isArray(report.sheets) ? { outcome: "validated", ms } : { error: "report without a sheets array", ms };
  } catch (error) {
    const ms = cpuMs(start);
    if (error instanceof WorkbookFileError && PROBLEMS.includes(error.problem)) return { outcome: error.problem, ms };
    return { error: error instanceof Error ? (error.stack ?? error.message) : `thrown: ${String(error)}`, ms };
  }
}

interface CfbFile {
  content: Uint8Array;
}
/** The OLE container reader and writer bundled with the parser (untyped there). */
const CFB = XLSX.CFB as { read(b: Uint8Array, o: { type: "array" }): unknown; find(c: unknown, path: string): CfbFile | null; write(c: unknown, o: { type: "array" }): ArrayBuffer };

/**
 * The .xls with its first WRITEACCESS record (0x005C) split in two: an external-sheet list
 * (0x0017) of length 0, then the rest, so that every later offset in the stream stays valid.
 */
function xlsWithEmptyExternSheet(bytes: Uint8Array): Uint8Array {
  const cfb = CFB.read(bytes, { type: "array" });
  const stream = CFB.find(cfb, "/Workbook")!;
  const s = Buffer.from(stream.content);
  for (let p = 0; p + 4 <= s.length; p += 4 + s.readUInt16LE(p + 2)) {
    if (s.readUInt16LE(p) !== 0x005c) continue;
    const length = s.readUInt16LE(p + 2);
    s.writeUInt16LE(0x0017, p);
    s.writeUInt16LE(0, p + 2);
    s.writeUInt16LE(0x005c, p + 4);
    s.writeUInt16LE(length - 4, p + 6);
    stream.content = new Uint8Array(s);
    return new Uint8Array(CFB.write(cfb, { type: "array" }));
  }
  throw new Error("no WRITEACCESS record");
}

const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex").slice(0, 12);

describe("reading damaged workbooks", () => {
  let all: Base[];
  let commune: Base;
  let xls: Base;
  let ods: Base;

  beforeAll(async () => {
    all = await bases();
    [commune, , xls, ods] = all;
  });

  test("the unmutated files validate, each with its five forms", () => {
    for (const base of all) {
      const report = validateWorkbook(readWorkbook(base.bytes, base.file));
      expect({ base: base.label, forms: report.sheets.map((s) => s.form) }).toEqual({
        base: base.label,
        forms: ["staffing", "facilities", "investment", "procedures", "intake"],
      });
    }
  });

  /** The commune workbook re-zipped with its parts changed by `edit`. */
  const rebuilt = (edit: (entries: ZipEntry[]) => ZipEntry[]): Uint8Array => writeZip(edit(commune.zip!.entries)).bytes;
  const without = (name: string) => (entries: ZipEntry[]) => entries.filter((e) => e.name !== name);
  const part = (name: string) => commune.zip!.entries.find((e) => e.name === name)!;

  test.each<[string, Outcome, () => { bytes: Uint8Array; file?: string }]>([
    ["no xl/workbook.xml", "not-a-workbook", () => ({ bytes: rebuilt(without("xl/workbook.xml")) })],
    // A sheet listed in the workbook whose part is gone used to crash the reader (TypeError).
    ["a listed sheet's part missing", "not-a-workbook", () => ({ bytes: rebuilt(without("xl/worksheets/sheet2.xml")) })],
    ["no xl/sharedStrings.xml", "validated", () => ({ bytes: rebuilt(without("xl/sharedStrings.xml")) })],
    [
      "a sheet's XML cut in half",
      "validated",
      () => ({ bytes: rebuilt((es) => es.map((e) => (e.name === "xl/worksheets/sheet2.xml" ? { name: e.name, data: e.data.subarray(0, e.data.length >> 1) } : e))) }),
    ],
    [
      // The parser's own inflater does not check its input (the fuzzing below made it loop
      // forever on damaged streams); a stream zlib refuses never reaches it.
      "a deflate stream with an invalid block",
      "zip-damaged",
      () => {
        const z = commune.zip!.layout;
        const bytes = z.bytes.slice();
        const sheet = z.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
        bytes[sheet.data] |= 0x06;
        return { bytes };
      },
    ],
    [
      // Both headers declare the part's true small size; the data inflates to 64 MB.
      "a part whose data inflates far past its declared size",
      "zip-bomb",
      () => {
        const sheet = part("xl/worksheets/sheet1.xml");
        const zeros = deflatedZeros(64 * 1024 * 1024);
        return { bytes: rebuilt((es) => es.map((e) => (e === sheet ? { ...e, deflated: { ...zeros, size: e.data.length } } : e))) };
      },
    ],
    [
      "a local header whose sizes disagree with the directory",
      "zip-damaged",
      () => {
        const z = commune.zip!.layout;
        const bytes = z.bytes.slice();
        setU32(bytes, z.entries[0].header + 22, 0x7fffffff);
        return { bytes };
      },
    ],
    [
      // The parser counts the records "on this disk", the guard counted the total.
      "an end record whose two entry counts differ",
      "zip-damaged",
      () => {
        const z = commune.zip!.layout;
        const bytes = z.bytes.slice();
        setU16(bytes, z.endOfCentralDirectory + 8, 1);
        return { bytes };
      },
    ],
    [
      // A few bytes that ask the .ods parser for 20 million copies of a cell.
      "an .ods row with content repeated 20 million times",
      "zip-bomb",
      () => {
        const xml = utf8(ods.zip!.entries.find((e) => e.name === "content.xml")!.data).replace("<table:table-row>", '<table:table-row table:number-rows-repeated="20000000">');
        return { bytes: rezip(() => 1, withPart(ods.zip!.entries, "content.xml", xml)), file: "xa.ods" };
      },
    ],
    [
      // The .xls parser loops forever, filling memory, on an external-sheet list too short to
      // hold its own count (found by the fuzzing below); the parse is stopped and the file named.
      "an .xls with an empty external-sheet list",
      "not-a-workbook",
      () => ({ bytes: xlsWithEmptyExternSheet(xls.bytes), file: "xa.xls" }),
    ],
    [
      // Empty rows are cheap to parse, but they push the content past the last row a sheet can have.
      "an .ods whose content comes after 4 billion empty rows",
      "not-a-workbook",
      () => {
        const xml = utf8(ods.zip!.entries.find((e) => e.name === "content.xml")!.data).replace(
          "<table:table-row>",
          '<table:table-row table:number-rows-repeated="4000000000"><table:table-cell/></table:table-row><table:table-row>',
        );
        return { bytes: rezip(() => 1, withPart(ods.zip!.entries, "content.xml", xml)), file: "xa.ods" };
      },
    ],
  ])("%s → %s", (_name, expected, make) => {
    const { bytes, file = "xa.xlsx" } = make();
    const result = readOne(bytes, file);
    expect(result.error).toBeUndefined();
    expect(result.outcome).toBe(expected);
    expect(result.ms).toBeLessThan(MAX_CALL_MS);
  });

  test(`${PER_BASE} seeded mutations of each real workbook end in a report or a named problem, quickly`, () => {
    const outcomes = new Map<string, number>();
    const byKind = new Map<string, Map<string, number>>();
    const failures: Failure[] = [];
    let slowest = { ms: 0, what: "" };
    let count = 0;
    let overOneSecond = 0;
    const started = performance.now();
    const startedCpu = process.cpuUsage();

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
        if (result.ms > 1000) overOneSecond++;
        if (result.error !== undefined) failures.push({ base: base.label, kind, index, error: result.error.split("\n").slice(0, 4).join("\n") });
        const key = result.outcome ?? "FAILED";
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const k = byKind.get(kind) ?? new Map<string, number>();
        k.set(key, (k.get(key) ?? 0) + 1);
        byKind.set(kind, k);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuMs(startedCpu) / 1000;

    const line = (m: Map<string, number>): string => [...m].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(
      [
        `${count} mutations (seed ${SEED.toString(16)}, bases ${all.map((x) => sha(x.bytes)).join(" ")}) in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU); slowest call ${slowest.ms.toFixed(0)} ms CPU (${slowest.what}), ${overOneSecond} over 1 s`,
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
