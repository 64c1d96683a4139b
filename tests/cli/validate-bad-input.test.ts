import { createHash } from "node:crypto";
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { vi } from "../../src/domain/messages/vi";
import { MAX_WORKBOOK_BYTES } from "../../src/files/read-workbook";
import type { WorkbookProblem } from "../../src/files/read-workbook";
import { ZIP_LIMITS } from "../../src/files/zip-guard";
import { runCli } from "../support/run-cli";
import { deflatedZeros, writeZip } from "../support/zip";

type Problem = WorkbookProblem | "unreadable";

interface BatchFile {
  name: string;
  /** What the user must be told; undefined for the good workbook. */
  problem?: Problem;
}

interface JsonReport {
  files: { file: string; sheets: { sheet: string; form: string; issues: unknown[] }[]; error?: string }[];
  summary: { errors: number; warnings: number };
}

const MB = 1024 * 1024;
const FORM_SHEETS = ["PL Nhân sự Một cửa", "PL1 Cơ sở vật chất", "PL2 Đầu tư xây dựng", "PLII Kết quả một cửa", "PL Tiếp nhận hồ sơ"];

/** The sentence the CLI prints for one unreadable file. */
const told = (file: string, problem: Problem): string => vi.cli.fileError(file, vi.cli.workbookProblems[problem]);

/** What Excel writes when a workbook is saved with a password: an OLE box holding the encrypted package. */
function passwordProtected(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  // Agile encryption, version 4.4, as in the header of a real file; the rest does not matter here.
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from("<encryption/>")]));
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(8192, 0x5a));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: "buffer" }));
}

/** A minimal Word document: a zip with word/document.xml, renamed .xlsx by its sender. */
function wordDocument(): Uint8Array {
  const xml = (s: string): Uint8Array => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return writeZip([
    {
      name: "[Content_Types].xml",
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: "word/document.xml",
      data: xml('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Phụ lục</w:t></w:r></w:p></w:body></w:document>'),
    },
  ]).bytes;
}

/**
 * A zip of a few hundred kilobytes that truly inflates to 300 MB of zeros. Its sizes are declared
 * honestly, so the directory check refuses it before anything is inflated.
 */
function zipBomb(): Uint8Array {
  const zeros = deflatedZeros(300 * MB);
  return writeZip([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(0), deflated: zeros },
  ]).bytes;
}

/** A file one byte over the limit; sparse, so it costs no disk. */
function oversized(path: string): void {
  const fd = openSync(path, "w");
  try {
    ftruncateSync(fd, MAX_WORKBOOK_BYTES + 1);
  } finally {
    closeSync(fd);
  }
}

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A batch as it comes in from the communes: one good report among every kind of bad file. */
function makeBatch(): { dir: string; files: BatchFile[] } {
  const dir = mkdtempSync(join(tmpdir(), "phuluc-validate-bad-"));
  const demo = runCli(["demo", "--out", "demo"], dir);
  expect(demo.code).toBe(0);
  const good = readFileSync(join(dir, "demo", "thi-xa-viet-yen.xlsx"));
  const bomb = zipBomb();
  // The bomb must really be one: small on disk, far over the limits once inflated.
  expect(bomb.length).toBeLessThan(MB);
  expect(300 * MB).toBeGreaterThan(ZIP_LIMITS.maxUncompressed);

  writeFileSync(join(dir, "vy.xlsx"), good);
  writeFileSync(join(dir, "rong.xlsx"), new Uint8Array(0));
  writeFileSync(join(dir, "mat-khau.xlsx"), passwordProtected());
  writeFileSync(join(dir, "bao-cao-word.xlsx"), wordDocument());
  writeFileSync(join(dir, "tai-do.xlsx"), good.subarray(0, Math.floor(good.length * 0.6)));
  writeFileSync(join(dir, "bom.xlsx"), bomb);
  oversized(join(dir, "qua-lon.xlsx"));
  writeFileSync(join(dir, "ghi-chu.txt"), "Số liệu gửi sau.\n");

  const files: BatchFile[] = [
    { name: "rong.xlsx", problem: "empty" },
    { name: "vy.xlsx" },
    { name: "mat-khau.xlsx", problem: "encrypted" },
    { name: "bao-cao-word.xlsx", problem: "word-document" },
    { name: "tai-do.xlsx", problem: "zip-damaged" },
    { name: "bom.xlsx", problem: "zip-bomb" },
    { name: "qua-lon.xlsx", problem: "too-large" },
    { name: "ghi-chu.txt", problem: "unsupported-type" },
    { name: "khong-co.xlsx", problem: "unreadable" },
  ];
  return { dir, files };
}

describe("phuluc validate on a batch with unreadable files", () => {
  let dir: string;
  let files: BatchFile[];
  let before: Map<string, string>;

  beforeAll(() => {
    ({ dir, files } = makeBatch());
    before = new Map(files.filter((f) => existsSync(join(dir, f.name))).map((f) => [f.name, sha256(join(dir, f.name))]));
    expect(before.size).toBe(files.length - 1);
  });

  afterEach(() => {
    // Reading never writes: every input is byte for byte what it was.
    for (const [name, hash] of before) expect(sha256(join(dir, name))).toBe(hash);
    expect(existsSync(join(dir, "khong-co.xlsx"))).toBe(false);
  });

  test("--json: exit 2, one JSON document, each bad file with its own reason, the good one still checked", () => {
    const r = runCli(["validate", "--json", ...files.map((f) => f.name)], dir);
    expect(r.code).toBe(2);
    // Every problem is in the report; nothing on stderr, least of all a stack trace.
    expect(r.stderr).toBe("");

    // Exactly one document: a single line, and JSON.parse takes all of it.
    expect(r.stdout.endsWith("\n")).toBe(true);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(Object.keys(report).sort()).toEqual(["files", "summary"]);

    expect(report.files.map((f) => f.file)).toEqual(files.map((f) => f.name));
    for (const [i, f] of files.entries()) {
      const out = report.files[i];
      if (!f.problem) continue;
      expect({ file: f.name, error: out.error }).toEqual({ file: f.name, error: told(f.name, f.problem) });
      expect(out.sheets).toEqual([]);
    }

    const good = report.files[files.findIndex((f) => !f.problem)];
    expect(good.error).toBeUndefined();
    expect(good.sheets.map((s) => s.sheet)).toEqual(FORM_SHEETS);
    expect(good.sheets.map((s) => s.form)).toEqual(["staffing", "facilities", "investment", "procedures", "intake"]);
    // The district file waits for its communes' rows: warnings, not errors.
    const issues = good.sheets.flatMap((s) => s.issues as { severity: string }[]);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);

    const badCount = files.filter((f) => f.problem).length;
    expect(report.summary).toEqual({ errors: badCount, warnings: issues.length });
  });

  test("readable output: exit 2, every bad file named with its reason under its own name", () => {
    const r = runCli(["validate", ...files.map((f) => f.name)], dir);
    expect(r.code).toBe(2);
    // Every problem is in the report; nothing on stderr, least of all a stack trace.
    expect(r.stderr).toBe("");

    const lines = r.stdout.trimEnd().split("\n");
    for (const f of files) {
      const at = lines.indexOf(f.name);
      expect({ file: f.name, at: at >= 0 }).toEqual({ file: f.name, at: true });
      if (f.problem) {
        expect(lines[at + 1]).toBe(`  ${vi.cli.severity.error}: ${told(f.name, f.problem)}`);
      } else {
        // Its own block runs to the next file's name; the issue lines in it are indented deeper.
        const next = lines.findIndex((l, k) => k > at && files.some((x) => x.name === l));
        const headers = lines.slice(at + 1, next < 0 ? -1 : next).filter((l) => /^  \S/.test(l));
        expect(headers.map((l) => l.replace(/ \[.*$/, "").trim())).toEqual(FORM_SHEETS);
        for (const h of headers) expect(h).toMatch(/\] — 0 lỗi, \d+ cảnh báo$/);
      }
    }
    const badCount = files.filter((f) => f.problem).length;
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^Tổng cộng ${files.length} tệp: ${badCount} lỗi, \\d+ cảnh báo\\.$`));
  });
});
