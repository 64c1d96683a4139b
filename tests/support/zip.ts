import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** One file inside a zip container. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Where the parts of a written zip lie, so a test can damage one part on purpose. */
export interface ZipLayout {
  bytes: Uint8Array;
  /** Offset of each entry's local header, and of its (compressed) data. */
  entries: { name: string; header: number; data: number; size: number }[];
  centralDirectory: number;
  endOfCentralDirectory: number;
}

export interface ZipEntryOptions {
  /** Store the bytes as they are rather than deflating them. */
  store?: boolean;
  /**
   * Data already deflated (raw deflate) and the size it inflates to; for an entry too large to
   * hold in memory uncompressed, such as a zip bomb's.
   */
  deflated?: { data: Uint8Array; size: number; crc: number };
}

const u16 = (v: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};

/**
 * Writes a zip the way office programs do (version 2.0, deflate or store, no data descriptors),
 * so that the container is a known good one and any damage in it is the test's own.
 */
export function writeZip(files: (ZipEntry & ZipEntryOptions)[]): ZipLayout {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const entries: ZipLayout["entries"] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const method = f.deflated || !f.store ? 8 : 0;
    const body = f.deflated ? Buffer.from(f.deflated.data) : method === 8 ? deflateRawSync(f.data) : Buffer.from(f.data);
    const size = f.deflated ? f.deflated.size : f.data.length;
    const crc = f.deflated ? f.deflated.crc : crc32(f.data);
    // Version needed, flags (bit 11: UTF-8 names), method, time, date, CRC, sizes, name length.
    const common = [u16(20), u16(0x0800), u16(method), u16(0), u16(0x21), u32(crc), u32(body.length), u32(size), u16(name.length)];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(0), name]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    entries.push({ name: f.name, header: offset, data: offset + local.length, size: body.length });
    parts.push(local, body);
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(files.length), u16(files.length), u32(cd.length), u32(offset), u16(0)]);
  const bytes = new Uint8Array(Buffer.concat([...parts, cd, eocd]));
  return { bytes, entries, centralDirectory: offset, endOfCentralDirectory: offset + cd.length };
}

/** The entries of a well-formed zip, in central-directory order, inflated. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return layoutOf(bytes).entries.map((e) => {
    const raw = b.subarray(e.data, e.data + e.size);
    return { name: e.name, data: new Uint8Array(b.readUInt16LE(e.header + 8) === 8 ? inflateRawSync(raw) : raw) };
  });
}

/**
 * A genuine deflate stream of `size` zero bytes built without holding them: one megabyte of
 * zeros is deflated once with a sync flush (which ends byte-aligned and not final), repeated,
 * and closed by an empty final block. Returns the stream and the CRC-32 of the zeros.
 */
export function deflatedZeros(size: number): { data: Uint8Array; size: number; crc: number } {
  const MB = 1024 * 1024;
  if (size % MB !== 0) throw new Error("size must be whole megabytes");
  const zeros = Buffer.alloc(MB);
  const chunk = deflateRawSync(zeros, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  let crc = 0;
  for (let i = 0; i < size / MB; i++) crc = crc32(zeros, crc);
  const data = Buffer.concat([...Array.from({ length: size / MB }, () => chunk), Buffer.from([0x03, 0x00])]);
  return { data: new Uint8Array(data), size, crc };
}

/** The layout of a well-formed zip: where each local header, its data, and the directory lie. */
export function layoutOf(bytes: Uint8Array): ZipLayout {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip");
  const count = b.readUInt16LE(eocd + 10);
  const cd = b.readUInt32LE(eocd + 16);
  const entries: ZipLayout["entries"] = [];
  let p = cd;
  for (let n = 0; n < count; n++) {
    const compressed = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const header = b.readUInt32LE(p + 42);
    const data = header + 30 + b.readUInt16LE(header + 26) + b.readUInt16LE(header + 28);
    entries.push({ name: b.toString("utf8", p + 46, p + 46 + nameLen), header, data, size: compressed });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return { bytes, entries, centralDirectory: cd, endOfCentralDirectory: eocd };
}
