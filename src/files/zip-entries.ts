/** One stored part of a zip: where its data starts and how it is packed. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/**
 * The entries of a zip from its central directory, each with the offset of its data behind the
 * local header; undefined when the structure does not hold together.
 */
export function listZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const min = Math.max(0, bytes.length - 0xffff - 22);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return undefined;
    const nameLen = u16(bytes, p + 28);
    const local = u32(bytes, p + 42);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return undefined;
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const compressedSize = u32(bytes, p + 20);
    // The local header must agree with the directory (unless a data descriptor follows the data).
    const descriptor = (u16(bytes, local + 6) & 0x08) !== 0;
    if (u16(bytes, local + 8) !== u16(bytes, p + 10)) return undefined;
    if (!descriptor && (u32(bytes, local + 18) !== compressedSize || u32(bytes, local + 22) !== u32(bytes, p + 24))) return undefined;
    if (dataStart + compressedSize > bytes.length) return undefined;
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(bytes, p + 10),
      compressedSize,
      size: u32(bytes, p + 24),
      dataStart,
    });
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}
