import { deflateSync } from "fflate";
import { nodeBuiltin } from "./node-builtin";

type Zlib = typeof import("node:zlib");

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Packed {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Uint8Array;
}

/**
 * Packs one part. Under Node, its own zlib deflates and checksums several times faster than
 * JavaScript can, which is most of the time a provincial summary takes to write.
 */
function pack(name: string, text: string, zlib: Zlib | undefined): Packed {
  const encoder = new TextEncoder();
  const raw = encoder.encode(text);
  if (zlib) return { name: encoder.encode(name), crc: zlib.crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw, { level: 6 }) };
  return { name: encoder.encode(name), crc: crc32(raw), size: raw.length, data: deflateSync(raw, { level: 6 }) };
}

/**
 * A zip of text parts, deflated, in the given order, as an .xlsx needs ([Content_Types].xml
 * first). A fixed timestamp keeps the output of equal inputs byte for byte equal.
 */
export function zipTexts(parts: [string, string][]): Uint8Array {
  const zlib = nodeBuiltin<Zlib>("node:zlib");
  const packed = parts.map(([name, text]) => pack(name, text, zlib && typeof zlib.crc32 === "function" ? zlib : undefined));
  const localSize = packed.reduce((n, p) => n + 30 + p.name.length + p.data.length, 0);
  const centralSize = packed.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  // 1 January 2025, 00:00 in DOS date and time.
  const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
  let at = 0;
  const offsets: number[] = [];
  for (const p of packed) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x0800, true); // names are UTF-8
    view.setUint16(at + 8, 8, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.data.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const central = at;
  packed.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, 8, true);
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.data.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    // extra, comment, disk, internal and external attributes: zero
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, packed.length, true);
  view.setUint16(at + 10, packed.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
