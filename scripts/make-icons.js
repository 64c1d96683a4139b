#!/usr/bin/env node
/**
 * Writes the add-in's PNG icons into assets/. Run with `node scripts/make-icons.js`.
 *
 * The icons are drawn from a few geometric primitives instead of being kept as hand-made files,
 * so that every size (16 to 128) stays consistent and can be regenerated without a design tool
 * or an image library: only Node's zlib is needed to write a valid PNG.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const OUT_DIR = path.resolve(__dirname, "..", "assets");
// 4x4 samples per pixel smooths the edges enough to read well at 16 px.
const SUPERSAMPLE = 4;

const WHITE = [255, 255, 255];
const COLORS = {
  app: [14, 110, 110],
  insert: [31, 95, 173],
  validate: [46, 125, 50],
  consolidate: [194, 94, 0],
};

// ---- Geometry (unit square, y pointing down) -------------------------------------------------

function insideRoundedRect(x, y, r) {
  const { x0, y0, x1, y1, radius } = r;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A polyline drawn with round joins and caps, which keeps thin strokes solid at small sizes. */
function polyline(points, width) {
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      if (distanceToSegment(x, y, ax, ay, bx, by) <= width / 2) return true;
    }
    return false;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function union(...shapes) {
  return (x, y) => shapes.some((s) => s(x, y));
}

// Strokes never get thinner than about one pixel, whatever the icon size.
const stroke = (size, unit, minPixels) => Math.max(unit, minPixels / size);

// Straight edges that fall on pixel boundaries stay crisp at 16 px instead of smearing into two grey rows.
const snap = (size, v) => Math.round(v * size) / size;
const snappedStroke = (size, unit) => Math.max(1, Math.round(unit * size)) / size;

function snappedRect(size, x0, y0, x1, y1) {
  return rect(snap(size, x0), snap(size, y0), snap(size, x1), snap(size, y1));
}

/** A horizontal or vertical bar of whole-pixel thickness centred near `at`. */
function bar(size, orientation, at, from, to, thickness) {
  const start = snap(size, at - thickness / 2);
  const [a, b] = [snap(size, from), snap(size, to)];
  return orientation === "h" ? rect(a, start, b, start + thickness) : rect(start, a, start + thickness, b);
}

function background(size, color) {
  const inset = snap(size, 0.03);
  return {
    color,
    shape: (x, y) => insideRoundedRect(x, y, { x0: inset, y0: inset, x1: 1 - inset, y1: 1 - inset, radius: 0.2 }),
  };
}

// ---- Glyphs ------------------------------------------------------------------------------------

function tableGlyph(size) {
  const t = snappedStroke(size, 0.07);
  const [x0, y0, x1, y1] = [0.2, 0.22, 0.8, 0.78].map((v) => snap(size, v));
  const header = snap(size, y0 + (y1 - y0) * 0.3);
  const middleRow = header + (y1 - t - header) / 2;
  return union(
    rect(x0, y0, x1, header), // header row, filled
    rect(x0, y0, x0 + t, y1),
    rect(x1 - t, y0, x1, y1),
    rect(x0, y1 - t, x1, y1),
    bar(size, "h", middleRow, x0, x1, t),
    bar(size, "v", 0.5, header, y1, t),
  );
}

function checkGlyph(size) {
  return polyline(
    [
      [0.26, 0.52],
      [0.43, 0.69],
      [0.75, 0.32],
    ],
    stroke(size, 0.12, 1.8),
  );
}

function sigmaGlyph(size) {
  return polyline(
    [
      [0.7, 0.25],
      [0.3, 0.25],
      [0.53, 0.5],
      [0.3, 0.75],
      [0.7, 0.75],
    ],
    stroke(size, 0.1, 1.6),
  );
}

/** The add-in itself: a sheet of paper with text lines, i.e. an appendix form. */
function appLayers(size, color) {
  const t = snappedStroke(size, 0.06);
  const lines = [0.42, 0.56, 0.7].map((y) => bar(size, "h", y, 0.35, 0.65, t));
  return [
    { color: WHITE, shape: snappedRect(size, 0.25, 0.16, 0.75, 0.84) },
    { color, shape: union(bar(size, "h", 0.28, 0.35, 0.52, t), ...lines) },
  ];
}

const ICONS = {
  icon: { color: COLORS.app, sizes: [16, 32, 64, 80, 128], layers: (size, color) => appLayers(size, color) },
  insert: { color: COLORS.insert, sizes: [16, 32, 80], layers: (size) => [{ color: WHITE, shape: tableGlyph(size) }] },
  validate: { color: COLORS.validate, sizes: [16, 32, 80], layers: (size) => [{ color: WHITE, shape: checkGlyph(size) }] },
  consolidate: {
    color: COLORS.consolidate,
    sizes: [16, 32, 80],
    layers: (size) => [{ color: WHITE, shape: sigmaGlyph(size) }],
  },
};

// ---- Rasterising -------------------------------------------------------------------------------

function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++) {
          for (let sx = 0; sx < n; sx++) {
            if (layer.shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
          }
        }
        const src = hits / (n * n);
        if (src === 0) continue;
        // Porter-Duff "over" on straight (non-premultiplied) colour.
        const out = src + a * (1 - src);
        const mix = (s, d) => (s * src + d * a * (1 - src)) / out;
        [r, g, b, a] = [mix(layer.color[0], r), mix(layer.color[1], g), mix(layer.color[2], b), out];
      }
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---- PNG encoding ------------------------------------------------------------------------------

// zlib.crc32 only exists from Node 20.15, and package.json allows any Node 20.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const written = [];
  for (const [name, icon] of Object.entries(ICONS)) {
    for (const size of icon.sizes) {
      const layers = [background(size, icon.color), ...icon.layers(size, icon.color)];
      const file = path.join(OUT_DIR, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(size, layers)));
      written.push(path.relative(process.cwd(), file));
    }
  }
  console.log(`Wrote ${written.length} icons:\n  ${written.join("\n  ")}`);
}

if (require.main === module) main();

module.exports = { encodePng, render, crc32 };
