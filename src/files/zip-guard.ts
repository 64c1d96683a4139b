/**
 * Limits on a zip container read from another office, checked from its central directory before
 * anything is inflated: a workbook that would unpack to gigabytes (a zip bomb) is refused.
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

/** Reads the central directory of a zip and checks its entry count and declared sizes. */
export function inspectZip(bytes: Uint8Array): ZipVerdict {
  const min = Math.max(0, bytes.length - 0xffff - 22);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: "zip-damaged" };
  const entries = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (entries > ZIP_LIMITS.maxEntries) return { ok: false, problem: "zip-bomb" };
  const names: string[] = [];
  let total = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return { ok: false, problem: "zip-damaged" };
    const compressed = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
    total += size;
    // A 32-bit size of 0xFFFFFFFF means ZIP64, which no office workbook of this size needs.
    if (size === 0xffffffff || total > ZIP_LIMITS.maxUncompressed) return { ok: false, problem: "zip-bomb" };
    if (size > 1024 * 1024 && size > compressed * ZIP_LIMITS.maxRatio) return { ok: false, problem: "zip-bomb" };
    p += 46 + nameLen + extra + comment;
  }
  return { ok: true, names };
}
