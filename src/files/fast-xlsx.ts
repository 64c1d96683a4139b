import type { GridCell, SheetGrid, WorkbookGrid } from "../domain/grid/sheet-grid";
import { decodeStamp, STAMP_SHEET } from "../domain/stamp/form-stamp";
import type { FormStamp } from "../domain/stamp/form-stamp";
import { inflateText } from "./inflate";
import { listZip } from "./zip-entries";
import type { ZipEntry } from "./zip-entries";

/**
 * A reader for the .xlsx files this product consolidates by the thousand: it inflates only the
 * parts a grid needs (workbook, relationships, shared strings, styles, sheets) and scans their
 * XML for cells, formulas, errors and merges. Anything it does not expect makes it give up
 * (returns undefined), and the general reader takes over; it never guesses.
 */

const decoder = new TextDecoder();

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

class GiveUp extends Error {}

function entryText(bytes: Uint8Array, entry: ZipEntry | undefined): string | undefined {
  if (!entry) return undefined;
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return decoder.decode(data);
  if (entry.method !== 8) throw new GiveUp();
  return inflateText(data, entry.size);
}

/**
 * Parts that are the same in every file one program wrote (styles, workbook, relationships),
 * parsed once per batch. A part is reused only when its packed bytes are identical, so reuse
 * can never change what is read.
 */
class PartCache<T> {
  private readonly seen = new Map<string, { packed: Uint8Array; value: T }[]>();

  get(bytes: Uint8Array, entry: ZipEntry | undefined, parse: (text: string | undefined) => T): T {
    if (!entry) return parse(undefined);
    const packed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const key = `${entry.method}:${entry.size}:${entry.compressedSize}`;
    const list = this.seen.get(key) ?? [];
    const hit = list.find((c) => sameBytes(c.packed, packed));
    if (hit) return hit.value;
    const value = parse(entryText(bytes, entry));
    // A batch from many programs keeps only the latest few shapes.
    if (this.seen.size > 64) this.seen.clear();
    this.seen.set(key, [...list.slice(-3), { packed: packed.slice(), value }]);
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const attrPatterns = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}="([^"]*)"`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

/** The value of attribute `name` in a cell's opening tag (the tag text starts with a space). */
function cellAttr(open: string, name: string): string | undefined {
  const at = open.indexOf(name);
  if (at < 0) return undefined;
  const start = at + name.length;
  return open.slice(start, open.indexOf('"', start));
}

/** "AB12" → row 12, column 28, without a regular expression: this runs for every cell. */
function position(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const row = Number(ref.slice(i));
  // Past Excel's own limits the address is damage, and a sparse array that long would never be walked.
  return col > 0 && col <= 16384 && i > 0 && Number.isInteger(row) && row > 0 && row <= 1048576 ? { row, col } : undefined;
}

/** Text of every <t> inside `xml`, and whether it held formatted runs (<r>). */
function textOf(xml: string): { text: string; rich: boolean } {
  let text = "";
  const re = /<t(?:\s[^>]*)?>([^<]*)<\/t>|<t\s*\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) text += m[1] ?? "";
  return { text: unescapeXml(text), rich: /<r>|<r\s/.test(xml) };
}

function sharedStrings(xml: string | undefined): { text: string; rich: boolean }[] {
  if (!xml) return [];
  const out: { text: string; rich: boolean }[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\s*\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(textOf(m[1] ?? ""));
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** True for a number format that shows a date or time (quoted text and [colour] parts aside). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index (the s="" of a cell), whether it formats numbers as dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...xfs.matchAll(/<xf\s[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    return BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id) ?? ""));
  });
}

/** Excel's serial day number as dd/mm/yyyy, as a Vietnamese reader writes dates. */
function serialToDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

interface Context {
  strings: { text: string; rich: boolean }[];
  dates: boolean[];
}

function cellOf(style: string | undefined, type: string, inner: string, ctx: Context): GridCell | undefined {
  const f = inner.includes("<f") ? /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner)?.[1] : undefined;
  const formula = f !== undefined ? { f: unescapeXml(f) } : {};
  const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  switch (type) {
    case "s": {
      const s = raw === undefined ? undefined : ctx.strings[Number(raw)];
      if (!s) throw new GiveUp();
      return { v: s.text, ...(s.rich ? { rich: true } : {}), ...formula };
    }
    case "str":
      return { v: unescapeXml(raw ?? ""), ...formula };
    case "inlineStr": {
      const s = textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      return { v: s.text, ...(s.rich ? { rich: true } : {}), ...formula };
    }
    case "b":
      return { v: raw === "1", ...formula };
    case "e":
      return { v: null, error: unescapeXml(raw ?? "#ERROR!"), ...formula };
    case "n": {
      if (raw === undefined) return f !== undefined ? { v: null, ...formula } : undefined;
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new GiveUp();
      if (ctx.dates[Number(style ?? 0)]) return { v: serialToDate(n), date: true, ...formula };
      return { v: n, ...formula };
    }
    default:
      // "d" (ISO dates) and anything newer: the general reader knows them.
      throw new GiveUp();
  }
}

function sheetGrid(name: string, xml: string, hidden: boolean, ctx: Context): SheetGrid {
  // A worksheet written with a namespace prefix (<x:c>) would read as empty here.
  if (!/<worksheet[\s>]/.test(xml)) throw new GiveUp();
  const cells: (GridCell | undefined)[][] = [];
  const start = xml.indexOf("<sheetData");
  const end = start < 0 ? -1 : xml.indexOf("</sheetData>", start);
  if (end > start) {
    const re = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;
    re.lastIndex = start;
    for (let m = re.exec(xml); m && m.index < end; m = re.exec(xml)) {
      if (m.index + m[0].length > end) throw new GiveUp();
      // An empty cell (a border, a style) holds nothing to read.
      if (m[2] === "/>") continue;
      const open = ` ${m[1]}`;
      const ref = cellAttr(open, ' r="');
      const pos = ref ? position(ref) : undefined;
      // Cells without an address rely on their position in the row: leave those to the general reader.
      if (!pos) throw new GiveUp();
      const cell = cellOf(cellAttr(open, ' s="'), cellAttr(open, ' t="') ?? "n", m[3] ?? "", ctx);
      if (!cell) continue;
      (cells[pos.row - 1] ??= [])[pos.col - 1] = cell;
    }
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const merges: string[] = [];
  const mergeStart = xml.indexOf("<mergeCells", Math.max(end, 0));
  const mergeEnd = mergeStart < 0 ? -1 : xml.indexOf("</mergeCells>", mergeStart);
  if (mergeEnd > mergeStart) for (const m of xml.slice(mergeStart, mergeEnd).matchAll(/<mergeCell\s[^>]*ref="([^"]+)"/g)) merges.push(m[1]);
  return { name, cells, merges, hidden };
}

interface SheetEntry {
  name: string | undefined;
  rid: string | undefined;
  hidden: boolean;
}

function sheetsOf(workbook: string | undefined): SheetEntry[] | undefined {
  if (!workbook) return undefined;
  return [...workbook.matchAll(/<sheet\s[^>]*>/g)].map((m) => ({
    name: attr(m[0], "name"),
    rid: attr(m[0], "r:id"),
    hidden: (attr(m[0], "state") ?? "visible") !== "visible",
  }));
}

function targetsOf(rels: string | undefined): Map<string | undefined, string | undefined> | undefined {
  if (!rels) return undefined;
  return new Map([...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]));
}

const workbooks = new PartCache<SheetEntry[] | undefined>();
const relationships = new PartCache<Map<string | undefined, string | undefined> | undefined>();
const styleSheets = new PartCache<boolean[]>();

/** Resolves a relationship target ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml") to a zip path. */
const partPath = (target: string): string => (target.startsWith("/") ? target.slice(1) : `xl/${target}`);

/**
 * The workbook as grids, or undefined when the file holds anything this reader leaves to the
 * general one. The caller has already checked the zip container.
 */
export function readXlsxFast(bytes: Uint8Array): WorkbookGrid | undefined {
  try {
    const entries = listZip(bytes);
    if (!entries) return undefined;
    const byName = new Map(entries.map((e) => [e.name, e]));
    const sheetList = workbooks.get(bytes, byName.get("xl/workbook.xml"), sheetsOf);
    const targets = relationships.get(bytes, byName.get("xl/_rels/workbook.xml.rels"), targetsOf);
    if (!sheetList || !targets) return undefined;
    const ctx: Context = {
      strings: sharedStrings(entryText(bytes, byName.get("xl/sharedStrings.xml"))),
      dates: styleSheets.get(bytes, byName.get("xl/styles.xml"), dateStyles),
    };
    const sheets: SheetGrid[] = [];
    let stamps = new Map<string, FormStamp>();
    for (const { name, rid, hidden } of sheetList) {
      const target = targets.get(rid);
      if (!name || !target) return undefined;
      const xml = entryText(bytes, byName.get(partPath(target)));
      if (xml === undefined) return undefined;
      const grid = sheetGrid(name, xml, hidden, ctx);
      if (name === STAMP_SHEET) stamps = stampsOf(grid);
      else sheets.push(grid);
    }
    return { sheets, stamps };
  } catch {
    // Whatever went wrong (a surprise in the XML, an inflater error from damaged data), the
    // general reader and its checks decide what the file is.
    return undefined;
  }
}

function stampsOf(grid: SheetGrid): Map<string, FormStamp> {
  const stamps = new Map<string, FormStamp>();
  for (const row of grid.cells.slice(1)) {
    const decoded = decodeStamp(row?.[1]?.v);
    if (decoded.ok && typeof row?.[0]?.v === "string") stamps.set(row[0].v, decoded.stamp);
  }
  return stamps;
}

/**
 * The names of the sheets a user sees in an .xlsx, in workbook order (hidden ones left out), or
 * undefined when the workbook part cannot be read this way.
 */
export function visibleSheetNames(bytes: Uint8Array): string[] | undefined {
  try {
    const entries = listZip(bytes);
    const workbook = entries?.find((e) => e.name === "xl/workbook.xml");
    const sheets = sheetsOf(entryText(bytes, workbook));
    return sheets?.flatMap((s) => (s.name !== undefined && !s.hidden ? [s.name] : []));
  } catch {
    return undefined;
  }
}
