import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { allForms, buildSheetPlan } from "../src/domain";
import { writeWorkbook } from "../src/files/xlsx-writer";
import { readBack } from "../tests/support/read-back";
import { DISTRICT, PROVINCE_3 } from "../tests/support/params";

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
