import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { allForms, buildSheetPlan, vi } from "../src/domain";
import { OVERVIEW_SHEET } from "../src/domain/consolidate";
import { writeWorkbook } from "../src/files/xlsx-writer";
import { readBack } from "../tests/support/read-back";
import { DISTRICT, PROVINCE_3 } from "../tests/support/params";
import { dvhcFile } from "../tests/support/shared";
import { chartsOfSheet, elements, partsOf, sheetsOf, unescapeXml } from "../tests/support/xlsx-parts";

const dir = mkdtempSync(join(tmpdir(), "phuluc-lo-"));

/** Runs LibreOffice headless with a profile of its own, so runs never share state. */
function soffice(args: string[]): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", ...args], {
    cwd: dir,
    stdio: "pipe",
    timeout: 180_000,
  });
}

describe("LibreOffice opens what the writer produces", () => {
  beforeAll(async () => {
    writeFileSync(join(dir, "district.xlsx"), await writeWorkbook(allForms().map((f) => buildSheetPlan(f, DISTRICT))));
    writeFileSync(join(dir, "province.xlsx"), await writeWorkbook(allForms().map((f) => buildSheetPlan(f, PROVINCE_3))));
  });

  test("all five forms convert to PDF: A4 landscape pages with the Vietnamese text intact", () => {
    soffice(["--convert-to", "pdf", "--outdir", join(dir, "pdf"), "district.xlsx", "province.xlsx"]);
    for (const name of ["district", "province"]) {
      const pdf = join(dir, "pdf", `${name}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
      const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
      // A4 landscape is 842 × 595 points.
      expect(Math.round(w)).toBe(842);
      expect(Math.round(h)).toBe(595);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).normalize("NFC");
      for (const expected of ["PHỤ LỤC", "Phụ lục 1", "Phụ lục 2", "PHỤ LỤC II", "GIẢI THÍCH BIỂU MẪU:", "THỦ TRƯỞNG ĐƠN VỊ"]) {
        expect(text).toContain(expected);
      }
    }
    const district = execFileSync("pdftotext", [join(dir, "pdf", "district.pdf"), "-"], { encoding: "utf8" }).normalize("NFC");
    expect(district).toContain("BPMC phường Nếnh");
  });

  test("a file LibreOffice saves again still carries every stamp and the formulas", async () => {
    soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "resaved"), "district.xlsx"]);
    const book = await readBack(readFileSync(join(dir, "resaved", "district.xlsx")));
    const forms = allForms().map((f) => f.sheetName);
    expect(forms.map((n) => book.sheet(n).stamp?.form)).toEqual(["staffing", "facilities", "investment", "procedures", "intake"]);
    const s = book.sheet("PLII Kết quả một cửa");
    const first = s.stamp!.body.first;
    expect(s.at(`E${first + 2}`)).toBe(`=SUM(E${first + 1})`);
    expect(s.validation(`C${first + 1}`)?.type).toBe("whole");
  });
});

describe("LibreOffice computes the summary's live totals", () => {
  test("staffing 69 = 57 + 12, printers summed with the X count, the on-time share", () => {
    const out = join(dir, "summary");
    const run = (args: string[]): void => {
      execFileSync(process.execPath, [join(__dirname, "../bin/phuluc.js"), ...args], { cwd: dir, stdio: "pipe" });
    };
    run(["demo", "--out", out]);
    run(["consolidate", out, "--level", "huyen", "-o", "tong-hop.xlsx"]);
    soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "computed"), "tong-hop.xlsx"]);
    // LibreOffice stores the results it computed; SheetJS reads them back as the cells' values.
    const wb = XLSX.read(readFileSync(join(dir, "computed", "tong-hop.xlsx")), { type: "buffer" });
    const totalRow = (sheet: string, label: RegExp): unknown[] =>
      (XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: true }) as unknown[][]).filter((r) => label.test(String(r?.[1] ?? "")))[0] ?? [];
    expect(totalRow("PL Nhân sự Một cửa", /^Tổng cộng$/).slice(2, 5)).toEqual([69, 2, 10]);
    expect(totalRow("PL1 Cơ sở vật chất", /^Tổng cộng$/)[4]).toBe("74 máy; 0 X");
    expect(totalRow("PL1 Cơ sở vật chất", /^Tổng cộng$/)[6]).toBe("1 máy; 17 X");
    expect(String(totalRow("PLII Kết quả một cửa", /^Tổng$/)[7])).toMatch(/^Tỷ lệ đúng hạn: 98([.,]\d+)?%$/);
  });
});

describe("LibreOffice opens the summary's overview and draws its charts", () => {
  const t = vi.overview;
  /** Text without any white space: pdftotext splits words where the PDF kerns their letters apart. */
  const compact = (text: string): string => text.normalize("NFC").replace(/\s+/g, "");
  const pdfText = (page: number): string =>
    compact(execFileSync("pdftotext", ["-f", String(page), "-l", String(page), join(dir, "overview-pdf", "tong-quan.pdf"), "-"], { encoding: "utf8" }));

  beforeAll(() => {
    const out = join(dir, "overview-demo");
    const run = (args: string[]): void => {
      execFileSync(process.execPath, [join(__dirname, "../bin/phuluc.js"), ...args], { cwd: dir, stdio: "pipe" });
    };
    run(["demo", "--out", out]);
    run(["consolidate", out, "--level", "huyen", "--units", dvhcFile("units-2024.csv"), "--code", "222", "-o", "tong-quan.xlsx"]);
    soffice(["--convert-to", "pdf", "--outdir", join(dir, "overview-pdf"), "tong-quan.xlsx"]);
    soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "overview-resaved"), "tong-quan.xlsx"]);
  });

  test("the first printed page is the overview: its figures, and the pie drawn with its title and legend", () => {
    const page = pdfText(1);
    for (const text of [t.title, t.headlineTitle, t.staff, t.onTimeShare, t.recordsTitle]) expect(page).toContain(compact(text));
    // Text only the chart holds: its title, and its legend naming each slice a second time.
    expect(page).toContain(compact(t.recordsChart));
    expect(page.split(compact(t.recordsLate)).length - 1).toBeGreaterThanOrEqual(2);
  });

  test("the bar charts follow, each on the page of its table, with their axes drawn", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [join(dir, "overview-pdf", "tong-quan.pdf")], { encoding: "utf8" }))?.[1]);
    const texts = Array.from({ length: Math.min(pages, 6) }, (_, i) => pdfText(i + 1));
    const pageOf = (text: string): number => texts.findIndex((p) => p.includes(compact(text)));
    const shares = texts[pageOf(t.sharesTitle)];
    expect(pageOf(t.sharesTitle)).toBeGreaterThan(0);
    expect(shares).toContain(compact(t.sharesChart));
    // The value axis of the on-time chart runs 0%–100%, a line of ticks only the chart prints.
    const layout = execFileSync("pdftotext", ["-f", String(pageOf(t.sharesTitle) + 1), "-l", String(pageOf(t.sharesTitle) + 1), "-layout", join(dir, "overview-pdf", "tong-quan.pdf"), "-"], { encoding: "utf8" });
    expect(layout).toMatch(/0%\s+10%\s+20%\s+30%\s+40%\s+50%/);
    expect(texts[pageOf(t.equipmentTitle)]).toContain(compact(t.equipmentChart));
  });

  test("saved again by LibreOffice, the overview keeps its three charts over its own cells, and their figures recompute", () => {
    const bytes = readFileSync(join(dir, "overview-resaved", "tong-quan.xlsx"));
    const parts = partsOf(bytes);
    const overview = sheetsOf(parts).find((s) => s.name === OVERVIEW_SHEET)!;
    const charts = chartsOfSheet(parts, overview.part);
    expect(charts).toHaveLength(3);
    const kinds = charts.map((c) => (parts.get(c)!.includes("<c:pieChart>") ? "pie" : elements(parts.get(c)!, "c:grouping")[0]?.get("val")));
    expect(kinds).toEqual(["pie", "clustered", "stacked"]);
    for (const c of charts) {
      const refs = [...parts.get(c)!.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescapeXml(m[1]));
      expect(refs.length).toBeGreaterThanOrEqual(3);
      expect(refs.every((r) => r.startsWith(`'${OVERVIEW_SHEET}'!$`))).toBe(true);
    }
    // LibreOffice stores what it computed: the formulas over the form sheets give the figures.
    const wb = XLSX.read(bytes, { type: "buffer" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[OVERVIEW_SHEET], { header: 1, raw: true }) as unknown[][];
    const figure = (label: string): unknown[] => rows.find((r) => r?.[0] === label) ?? [];
    expect(figure(t.staff)[3]).toBe(69);
    expect(figure(t.received)[3]).toBe(10_726 + 28_616);
    // "Màn hình cảm ứng": the town has one, the 17 communes marked X (COUNTIF with a wildcard).
    expect(figure("Màn hình cảm ứng để tra cứu thông tin").slice(1, 3)).toEqual([1, 17]);
  });
});
