import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readWorkbook } from "../../src/files/read-workbook";
import { readBack } from "../support/read-back";
import type { ReadBook, ReadSheet } from "../support/read-back";
import { runCli } from "../support/run-cli";
import { dvhcFile } from "../support/shared";
import { handMadeWorkbook } from "../support/messy";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { filledPlan } from "../support/messy";
import { PROVINCE_2 } from "../support/params";

const root = mkdtempSync(join(tmpdir(), "phuluc-consolidate-"));
const demo = join(root, "demo");
const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A fresh copy of the 17 commune workbooks and the town's own, to change per test. */
function folder(name: string): string {
  const dir = join(root, name);
  cpSync(demo, dir, { recursive: true });
  return dir;
}

/** The parts of `phuluc consolidate --json` the tests read. */
interface ConsolidateJson {
  files: { file: string; unit: string | null; forms: string[]; status: string; error?: string }[];
  units: { expected: number; reported: number; missing: string[]; unexpected: string[] };
  conflicts: { unit: string; form: string; files: string[]; kept?: string }[];
  totals: Record<string, Record<string, number | { sum: number; marked: number }>>;
}

function run(args: string[]): { code: number | null; json: ConsolidateJson; stderr: string } {
  const r = runCli([...args, "--json"], root);
  return { code: r.code, json: r.stdout ? (JSON.parse(r.stdout) as ConsolidateJson) : ({} as ConsolidateJson), stderr: r.stderr };
}

/** The value of column `key` in the summary row whose label matches. */
function rowValue(s: ReadSheet, label: RegExp, key: string): string | number | null {
  const col = String.fromCharCode(65 + s.stamp!.columns.indexOf(key));
  for (let r = s.stamp!.body.first; r <= s.stamp!.body.last; r++) if (label.test(String(s.at(`B${r}`)))) return s.at(`${col}${r}`);
  throw new Error(`no row ${label}`);
}

beforeAll(() => {
  expect(runCli(["demo", "--out", demo], root).code).toBe(0);
});

describe("phuluc consolidate: thị xã Việt Yên from its 17 commune files and its own", () => {
  let book: ReadBook;
  let json: ConsolidateJson;
  const units = ["--units", dvhcFile("units-2024.csv"), "--code", "222"];

  beforeAll(async () => {
    const r = run(["consolidate", demo, "--level", "huyen", ...units, "-o", "vy.xlsx"]);
    expect(r.code).toBe(0);
    json = r.json;
    book = await readBack(readFileSync(join(root, "vy.xlsx")));
  });

  test("totals come out as seed 001 implies: 57 commune staff + the town's 12 = 69; cấp xã records 28.616", () => {
    expect(json.totals.staffing["3"]).toBe(69);
    expect(json.totals.staffing["4"]).toBe(2);
    expect(json.totals.staffing["5"]).toBe(10);
    expect(json.totals.intake["7"]).toBe(28_616 + 10_726);
    expect(json.totals.intake["10"]).toBe(27_627 + 9054);
    expect(json.units).toEqual({ expected: 17, reported: 17, missing: [], unexpected: [] });
    expect(json.conflicts).toEqual([]);
    expect(json.files).toHaveLength(18);
    expect(json.files.every((f) => f.status === "ok")).toBe(true);
  });

  test("machine columns are summed with the units marked X beside; marks are counted", () => {
    // Every commune has 4 printers (seed 001's average) and the town 6.
    expect(json.totals.facilities["5"]).toEqual({ sum: 17 * 4 + 6, marked: 0 });
    // No commune has a touch screen: 17 marked X; the town has one.
    expect(json.totals.facilities["7"]).toEqual({ sum: 1, marked: 17 });
    // Three new buildings (Hương Mai, Minh Đức, Vân Trung).
    expect(json.totals.investment["4"]).toBe(3);
  });

  test("the summary lists every commune in the official order with its own figures, and live totals", () => {
    const s = book.sheet("PL Nhân sự Một cửa");
    expect(s.stamp).toMatchObject({ level: "huyen", unit: { name: "Thị xã Việt Yên", code: "222" } });
    expect(rowValue(s, /xã Tiên Sơn$/, "total")).toBe(4);
    expect(rowValue(s, /thị xã Việt Yên$/, "total")).toBe(12);
    const last = s.stamp!.body.last;
    expect(s.at(`B${last}`)).toBe("Tổng cộng");
    expect(s.at(`C${last}`)).toBe(`=SUM(C${s.stamp!.body.first}:C${last - 1})`);
    const f = book.sheet("PL1 Cơ sở vật chất");
    const machines = String(f.at(`E${f.stamp!.body.last}`));
    expect(machines).toContain('SUMPRODUCT(IFERROR(VALUE(SUBSTITUTE(E9:E25," máy","")),0))');
    expect(machines).toContain('&" máy; "&');
    expect(machines).toContain('COUNTIF(E9:E25,"X")');
    const p = book.sheet("PLII Kết quả một cửa");
    expect(String(p.at(`H${p.stamp!.body.last}`))).toContain('"Tỷ lệ đúng hạn: "');
  });

  test("every input file is listed in Nguồn dữ liệu with its SHA-256, and each summary row links to its source cells", async () => {
    const lineage = book.sheet("Nguồn dữ liệu");
    const files = lineage.column("B", 3, 20).map(String);
    expect(files).toContain(join("demo", "xa", "07795-phuong-nenh.xlsx"));
    const shaCol = lineage.column("F", 3, 20);
    expect(shaCol[files.indexOf(join("demo", "xa", "07795-phuong-nenh.xlsx"))]).toBe(sha(join(demo, "xa", "07795-phuong-nenh.xlsx")));
    const s = book.sheet("PL Nhân sự Một cửa");
    const row = Array.from({ length: 30 }, (_, i) => i + 7).find((r) => /phường Nếnh$/.test(String(s.at(`B${r}`))))!;
    // The link is an internal one (a "location", as Excel writes them); SheetJS reports it as "#…".
    const sheetjs = XLSX.read(readFileSync(join(root, "vy.xlsx")), { type: "buffer" });
    const link = String(sheetjs.Sheets["PL Nhân sự Một cửa"][`B${row}`]?.l?.Target);
    expect(link).toMatch(/^#'Nguồn dữ liệu'!A\d+$/);
    const target = Number(/!A(\d+)$/.exec(link)![1]);
    expect([lineage.at(`A${target}`), lineage.at(`B${target}`), lineage.at(`C${target}`)]).toEqual(["PL Nhân sự Một cửa", row, "Phường Nếnh"]);
    const sourceFile = String(lineage.at(`E${target}`));
    const [first] = String(lineage.at(`H${target}`)).split(":");
    const source = (await readBack(readFileSync(join(root, sourceFile)))).sheet(String(lineage.at(`F${target}`)));
    // The first source cell is the commune's "Tổng số", the same figure the summary shows.
    expect(source.at(first)).toBe(s.at(`C${row}`));
  });

  test("the summary is itself a valid input: it validates without errors", () => {
    const r = runCli(["validate", "vy.xlsx"], root);
    expect(r.code).toBe(0);
  });
});

describe("missing, unexpected, misspelt and duplicate units", () => {
  test("two communes missing: listed, their rows say so, exit 1", async () => {
    const dir = folder("missing");
    rmSync(join(dir, "xa", "07795-phuong-nenh.xlsx"));
    rmSync(join(dir, "xa", "07759-xa-thuong-lan.xlsx"));
    const r = run(["consolidate", dir, "--level", "huyen", "--units", dvhcFile("units-2024.csv"), "--code", "222", "-o", "missing.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.json.units.missing.sort()).toEqual(["Phường Nếnh", "Xã Thượng Lan"]);
    expect(r.json.units.reported).toBe(15);
    const s = (await readBack(readFileSync(join(root, "missing.xlsx")))).sheet("PL Nhân sự Một cửa");
    expect(rowValue(s, /phường Nếnh$/, "note")).toBe("Chưa nhận được báo cáo");
    expect(rowValue(s, /phường Nếnh$/, "total")).toBeNull();
  });

  test("two files for one commune: a conflict with both files and the differing cells, never counted twice", async () => {
    const dir = folder("conflict");
    const original = join(dir, "xa", "07786-xa-tien-son.xlsx");
    const copy = join(dir, "xa", "tien-son-gui-lai.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const ws = wb.getWorksheet("PL Nhân sự Một cửa")!;
    ws.getCell("C7").value = 5;
    await wb.xlsx.writeFile(copy);
    utimesSync(original, new Date("2024-04-10T08:00:00Z"), new Date("2024-04-10T08:00:00Z"));
    utimesSync(copy, new Date("2024-04-12T08:00:00Z"), new Date("2024-04-12T08:00:00Z"));

    const r = run(["consolidate", dir, "--level", "huyen", "-o", "conflict.xlsx"]);
    expect(r.code).toBe(1);
    const staffing = r.json.conflicts.find((c) => c.form === "staffing");
    expect(staffing).toEqual({ unit: "Xã Tiên Sơn", form: "staffing", files: expect.arrayContaining([expect.stringContaining("07786-xa-tien-son.xlsx"), expect.stringContaining("tien-son-gui-lai.xlsx")]) });
    // 57 - 4 (Tiên Sơn left out until the user chooses) + 12.
    expect(r.json.totals.staffing["3"]).toBe(57 - 4 + 12);
    const lineage = (await readBack(readFileSync(join(root, "conflict.xlsx")))).sheet("Nguồn dữ liệu");
    const texts = lineage.ws.getSheetValues().flat().map(String).join("\n");
    expect(texts).toContain("(3): 4 / 5");

    const newest = run(["consolidate", dir, "--level", "huyen", "--newest-wins", "-o", "newest.xlsx"]);
    expect(newest.json.totals.staffing["3"]).toBe(57 - 4 + 5 + 12);
    expect(newest.json.conflicts.find((c) => c.form === "staffing")?.kept).toContain("tien-son-gui-lai.xlsx");
  });

  test("a hand-made commune file labelled \"Mình Đức\" finds Xã Minh Đức; an unreadable file is listed and the run goes on", async () => {
    const dir = folder("variants");
    rmSync(join(dir, "xa", "07768-xa-minh-duc.xlsx"));
    const hand = await handMadeWorkbook([
      ["PHỤ LỤC"],
      ["TT", "Đơn vị", "Số lượng cán bộ công chức tại Bộ phận một cửa", null, null, "Ghi chú"],
      [null, null, "Tổng số", "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa", "Công chức, viên chức do các cơ quan chuyên môn được cử đến", null],
      [1, "Mình Đức", 4],
    ]);
    expect(hand.sheets).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    [["PHỤ LỤC"], ["TT", "Đơn vị", "Số lượng cán bộ công chức tại Bộ phận một cửa", null, null, "Ghi chú"], [null, null, "Tổng số", "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa", "Công chức, viên chức do các cơ quan chuyên môn được cử đến"], [1, "Mình Đức", 4]].forEach((row) => ws.addRow(row));
    await wb.xlsx.writeFile(join(dir, "xa", "minh-duc-tu-lam.xlsx"));
    writeFileSync(join(dir, "xa", "hong.xlsx"), "không phải bảng tính");

    const r = run(["consolidate", dir, "--level", "huyen", "--units", dvhcFile("units-2024.csv"), "--code", "222", "-o", "variants.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.json.units.missing).toEqual([]);
    expect(r.json.files.find((f) => f.file.endsWith("hong.xlsx"))).toMatchObject({ status: "unreadable", error: "tệp không phải bảng tính Excel hoặc bị hỏng" });
    const s = (await readBack(readFileSync(join(root, "variants.xlsx")))).sheet("PL Nhân sự Một cửa");
    expect(rowValue(s, /xã Minh Đức$/, "total")).toBe(4);
    const text = runCli(["consolidate", dir, "--level", "huyen", "--units", dvhcFile("units-2024.csv"), "--code", "222", "-o", "variants.xlsx"], root).stdout;
    expect(text).toContain("“Mình Đức” được hiểu là “Xã Minh Đức”.");
  });
});

describe("provinces", () => {
  test("two-tier: a province's communes directly, from their own files", async () => {
    const dir = join(root, "bac-ninh");
    mkdirSync(dir);
    for (const c of PROVINCE_2.subunits.kind === "communes" ? PROVINCE_2.subunits.communes : []) {
      const params = { ...PROVINCE_2, level: "xa" as const, unit: c, subunits: { kind: "none" as const } };
      writeFileSync(join(dir, `${c.name}.xlsx`), await writeWorkbook([filledPlan("staffing", params, { [c.name]: { total: 10, payroll: 6, seconded: 4 } })]));
    }
    const r = run(["consolidate", dir, "--level", "tinh", "--tiers", "2", "--unit", "Tỉnh Bắc Ninh", "-o", "bn.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.json.totals.staffing).toEqual({ "3": 40, "4": 24, "5": 16 });
    const s = (await readBack(readFileSync(join(root, "bn.xlsx")))).sheet("PL Nhân sự Một cửa");
    expect(s.stamp).toMatchObject({ level: "tinh", tiers: 2 });
    expect(s.column("B", s.stamp!.body.first, s.stamp!.body.last)).toContain("CẤP XÃ");
  });

  test("three-tier: district summaries consolidated into the province, grouped by district", async () => {
    const dir = join(root, "bac-giang");
    mkdirSync(dir);
    copyFileSync(join(root, "vy.xlsx"), join(dir, "viet-yen.xlsx"));
    const r = run(["consolidate", dir, "--level", "tinh", "--tiers", "3", "--unit", "Tỉnh Bắc Giang", "-o", "bg.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.json.totals.staffing["3"]).toBe(69);
    const s = (await readBack(readFileSync(join(root, "bg.xlsx")))).sheet("PL Nhân sự Một cửa");
    const labels = s.column("B", s.stamp!.body.first, s.stamp!.body.last).map(String);
    expect(labels.slice(labels.indexOf("CẤP HUYỆN, CẤP XÃ") + 1, labels.indexOf("CẤP HUYỆN, CẤP XÃ") + 3)).toEqual(["Thị xã Việt Yên", "Bộ phận Một cửa cấp huyện"]);
    expect(labels).toContain("Bộ phận Một cửa phường Nếnh");
    expect(rowValue(s, /^Bộ phận Một cửa cấp huyện$/, "total")).toBe(12);
  });
});

describe("re-running", () => {
  test("the same inputs give the same summary; only the product's sheets are replaced; inputs are untouched", async () => {
    const dir = folder("rerun");
    const before = new Map(readdirSync(join(dir, "xa")).map((f) => [f, sha(join(dir, "xa", f))]));
    const out = join(root, "rerun.xlsx");
    expect(run(["consolidate", dir, "--level", "huyen", "-o", out]).code).toBe(0);
    const first = await readBack(readFileSync(out));
    const firstContents = readWorkbook(readFileSync(out), "x.xlsx").sheets.map((sh) => ({
      name: sh.name,
      cells: sh.cells.map((r) => r.map((c) => (c ? [c.v, c.f ?? null] : null))),
    }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet("Ghi chép của tôi").getCell("A1").value = "Đã gửi huyện ngày 20/4";
    await wb.xlsx.writeFile(out);
    expect(run(["consolidate", dir, "--level", "huyen", "-o", out]).code).toBe(0);
    const second = await readBack(readFileSync(out));
    expect(second.sheetNames.filter((n) => n !== "Ghi chép của tôi").sort()).toEqual([...first.sheetNames].sort());
    expect(second.sheet("Ghi chép của tôi").at("A1")).toBe("Đã gửi huyện ngày 20/4");
    // Compare what any reader sees: each cell's value and formula.
    const contents = (bytes: Uint8Array) =>
      readWorkbook(bytes, "x.xlsx").sheets
        .filter((sh) => sh.name !== "Ghi chép của tôi")
        .map((sh) => ({ name: sh.name, cells: sh.cells.map((r) => r.map((c) => (c ? [c.v, c.f ?? null] : null))) }));
    expect(contents(readFileSync(out))).toEqual(firstContents);
    expect(new Map(readdirSync(join(dir, "xa")).map((f) => [f, sha(join(dir, "xa", f))]))).toEqual(before);
  });

  test("no usable input: exit 2 with a message", () => {
    const dir = join(root, "empty");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.xlsx"), "x");
    const r = runCli(["consolidate", dir, "--level", "huyen", "-o", "none.xlsx"], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không có tệp nào chứa biểu mẫu phụ lục dùng được");
  });
});
