import { Inflate } from "fflate";

/**
 * Limits on a zip container read from another office. The central directory is checked first,
 * before anything is inflated: a workbook that says it unpacks to gigabytes (a zip bomb) is
 * refused at once. Then every entry is inflated with a hard cap at its declared size, because the
 * parser that reads the workbook afterwards checks neither: it inflates each entry to the end of
 * its deflate stream, whatever size was declared, and loops forever on some damaged streams.
 */
export const ZIP_LIMITS = {
  maxEntries: 5000,
  maxUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
};

export type ZipVerdict =
  | { ok: true; names: string[] }
  | { ok: false; problem: "zip-damaged" | "zip-bomb" };

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

const DAMAGED: ZipVerdict = { ok: false, problem: "zip-damaged" };
const BOMB: ZipVerdict = { ok: false, problem: "zip-bomb" };

interface CentralEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

/**
 * The end-of-central-directory record: the last signature in the file, as the workbook parser
 * finds it (scanning from the very end), so that both read the same directory.
 */
function findEnd(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 0xffff - 22);
  for (let i = bytes.length - 4; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

/** The central directory's records, or the problem with it, without inflating anything. */
function readDirectory(bytes: Uint8Array): CentralEntry[] | ZipVerdict {
  const eocd = findEnd(bytes);
  if (eocd < 0 || eocd + 22 > bytes.length) return DAMAGED;
  // The parser counts the records "on this disk", the guard the total; a split archive is not a workbook.
  const entries = u16(bytes, eocd + 10);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || u16(bytes, eocd + 8) !== entries) return DAMAGED;
  if (entries > ZIP_LIMITS.maxEntries) return BOMB;
  let p = u32(bytes, eocd + 16);
  const found: CentralEntry[] = [];
  let total = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return DAMAGED;
    const compressed = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    total += size;
    // A 32-bit size of 0xFFFFFFFF means ZIP64, which no office workbook of this size needs.
    if (size === 0xffffffff || total > ZIP_LIMITS.maxUncompressed) return BOMB;
    if (size > 1024 * 1024 && size > compressed * ZIP_LIMITS.maxRatio) return BOMB;
    found.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)), method: u16(bytes, p + 10), compressed, size, local: u32(bytes, p + 42) });
    p += 46 + nameLen + extra + comment;
  }
  return found;
}

/** Bytes an entry may inflate to beyond its declared size before it counts as a bomb, not damage. */
const SLACK = 64 * 1024;
/** Compressed bytes fed to the inflater at a time: at most about 16 MB come out of each. */
const FEED = 16 * 1024;

class PastLimit extends Error {}

/**
 * Inflates raw deflate data, stopping as soon as the output passes `limit` bytes. A stream that
 * is damaged or does not end within `data` is "damaged"; one that goes on past the limit "bomb".
 */
function inflateAtMost(data: Uint8Array, limit: number): Uint8Array | "damaged" | "bomb" {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new PastLimit();
    parts.push(chunk);
  });
  try {
    // Empty input would pass for an empty stream; a real one is at least two bytes (03 00).
    if (data.length < 2) return "damaged";
    for (let at = 0; at < data.length; at += FEED) inflater.push(data.subarray(at, at + FEED), at + FEED >= data.length);
  } catch (error) {
    return error instanceof PastLimit ? "bomb" : "damaged";
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * One entry's data, checked against the directory: a local header that agrees with it, and data
 * that inflates to exactly the declared size. Inflating stops a little past that size, so an
 * entry that lies about its size costs no more than an honest one.
 */
function entryData(bytes: Uint8Array, e: CentralEntry): Uint8Array | ZipVerdict {
  const h = e.local;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) return DAMAGED;
  const flags = u16(bytes, h + 6);
  if (u16(bytes, h + 8) !== e.method) return DAMAGED;
  // Without a data descriptor (flag bit 3) the local header repeats the sizes, and the parser uses those.
  if (!(flags & 0x08) && (u32(bytes, h + 18) !== e.compressed || u32(bytes, h + 22) !== e.size)) return DAMAGED;
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + e.compressed > bytes.length) return DAMAGED;
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) return e.compressed === e.size ? data : DAMAGED;
  if (e.method !== 8) return DAMAGED;
  const out = inflateAtMost(data, e.size + SLACK);
  if (out === "bomb") return BOMB;
  return out !== "damaged" && out.length === e.size ? out : DAMAGED;
}

const isVerdict = (x: Uint8Array | ZipVerdict): x is ZipVerdict => "ok" in x;

/** Reads the central directory of a zip, checks its entry count and declared sizes, then its data. */
export function inspectZip(bytes: Uint8Array): ZipVerdict {
  const entries = readDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (isVerdict(data)) return data;
  }
  return { ok: true, names: entries.map((e) => e.name) };
}

/**
 * The directory checks of inspectZip alone (entry count, declared sizes, ratios), without
 * inflating: enough before a reader that caps each entry at its declared size itself.
 */
export function inspectZipDirectory(bytes: Uint8Array): ZipVerdict {
  const entries = readDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  return { ok: true, names: entries.map((e) => e.name) };
}

/** The inflated data of one entry of a zip that inspectZip accepted; undefined if it has none such. */
export function zipEntry(bytes: Uint8Array, name: string): Uint8Array | undefined {
  const entries = readDirectory(bytes);
  const entry = Array.isArray(entries) ? entries.find((e) => e.name === name) : undefined;
  const data = entry ? entryData(bytes, entry) : undefined;
  return data && !isVerdict(data) ? data : undefined;
}
