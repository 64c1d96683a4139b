#!/usr/bin/env node
"use strict";
/**
 * npm run bench [-- N]: generates N commune workbooks (default 3,321, the communes of Vietnam
 * since July 2025, named from ../shared/data/dvhc/units-2025.csv), then times in one run the
 * whole CLI consolidation into a provincial summary and the floor — unzipping the files and
 * reading their sheet XML bytes. Prints figures; asserts nothing.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");
const { inflateRawSync } = require("node:zlib");

const { generate } = require("./bench-data");

const root = resolve(__dirname, "..");
const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 3321);

/** The floor: find each zip entry from the central directory, inflate the sheets and shared strings. */
function floor(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (const f of files) {
    const b = readFileSync(join(dir, f));
    let eocd = b.length - 22;
    while (eocd > 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    let p = b.readUInt32LE(eocd + 16);
    const entries = b.readUInt16LE(eocd + 10);
    for (let n = 0; n < entries; n++) {
      const method = b.readUInt16LE(p + 10);
      const size = b.readUInt32LE(p + 20);
      const nameLen = b.readUInt16LE(p + 28);
      const extra = b.readUInt16LE(p + 30);
      const comment = b.readUInt16LE(p + 32);
      const local = b.readUInt32LE(p + 42);
      const name = b.toString("utf8", p + 46, p + 46 + nameLen);
      if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) {
        const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
        const data = b.subarray(start, start + size);
        bytes += (method === 8 ? inflateRawSync(data) : data).length;
      }
      p += 46 + nameLen + extra + comment;
    }
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, files: files.length, bytes };
}

function consolidate(dir, out) {
  const script = `
    const t0 = process.hrtime.bigint();
    require(${JSON.stringify(join(root, "lib/cli/main.js"))}).main(${JSON.stringify(["consolidate", dir, "--level", "tinh", "--tiers", "2", "--unit", "Cả nước (thử)", "--json", "-o", out])})
      .then((code) => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        process.stderr.write("BENCH " + JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");
      });`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 28 });
  const line = (r.stderr || "").split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`consolidation failed: ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  return { ...JSON.parse(line.slice(6)), reported: doc.units.reported, files: doc.files.length };
}

(async () => {
  const dir = mkdtempSync(join(tmpdir(), "phuluc-bench-"));
  const data = join(dir, "xa");
  mkdirSync(data);
  try {
    const genSeconds = await generate(data, N);
    const fl = floor(data);
    const run = consolidate(data, join(dir, "tong-hop.xlsx"));
    const perFile = run.ms / N;
    const floorPerFile = fl.ms / fl.files;
    const lines = [
      `bench: ${N} commune workbooks (5 forms each), generated in ${genSeconds.toFixed(1)} s`,
      `consolidation (CLI, one run): ${(run.ms / 1000).toFixed(2)} s total, ${perFile.toFixed(2)} ms per file, peak memory ${(run.maxRssKb / 1024).toFixed(0)} MB, ${run.reported} units reported, exit ${run.code}`,
      `floor (unzip + read sheet XML, ${(fl.bytes / 1e6).toFixed(1)} MB of XML): ${(fl.ms / 1000).toFixed(2)} s, ${floorPerFile.toFixed(2)} ms per file`,
      `ratio to the floor: ${(perFile / floorPerFile).toFixed(1)}×`,
    ];
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((error) => {
  process.stderr.write(`bench failed: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
