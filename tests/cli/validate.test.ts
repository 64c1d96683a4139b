import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { readWorkbook } from "../../src/files/read-workbook";
import { validateWorkbook } from "../../src/domain/validate";
import { filledPlan } from "../support/messy";
import { COMMUNE, DISTRICT } from "../support/params";
import { runCli } from "../support/run-cli";
import { dvhcFile } from "../support/shared";

const dir = mkdtempSync(join(tmpdir(), "phuluc-validate-"));
const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

const good = { counters: 3, computers: "6 máy", printers: "4 máy", queue: "1 máy", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" };

beforeAll(async () => {
  writeFileSync(join(dir, "clean.xlsx"), await writeWorkbook([filledPlan("facilities", COMMUNE, { "Xã Thượng Lan": good })]));
  writeFileSync(
    join(dir, "messy.xlsx"),
    await writeWorkbook([
      filledPlan("facilities", COMMUNE, { "Xã Thượng Lan": { ...good, computers: "2", printers: "2 may", kiosk: "không" } }),
      filledPlan("staffing", COMMUNE, { "Xã Thượng Lan": { total: 3 } }),
    ]),
  );
  writeFileSync(join(dir, "warn.xlsx"), await writeWorkbook([filledPlan("facilities", COMMUNE, { "Xã Thượng Lan": { ...good, printers: "02 máy" } })]));
  writeFileSync(join(dir, "district.xlsx"), await writeWorkbook([filledPlan("staffing", DISTRICT, { "Thị xã Việt Yên": { total: 12, payroll: 2, seconded: 10 } })]));
});

describe("phuluc validate", () => {
  test("a clean file: exit 0, and the readable report names file, sheet and totals", () => {
    const r = runCli(["validate", "clean.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("clean.xlsx\n  PL1 Cơ sở vật chất [facilities] — 0 lỗi, 0 cảnh báo");
    expect(r.stdout).toContain("Tổng cộng 1 tệp: 0 lỗi, 0 cảnh báo.");
  });

  test("warnings alone still exit 0", () => {
    const r = runCli(["validate", "warn.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 lỗi, 1 cảnh báo");
  });

  test("--json prints exactly one document in the contract's shape; errors exit 1", () => {
    const r = runCli(["validate", "messy.xlsx", "clean.xlsx", "--json"], dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(["files", "summary"]);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(["messy.xlsx", "clean.xlsx"]);
    const facilities = doc.files[0].sheets.find((s: { form: string }) => s.form === "facilities");
    expect(facilities.sheet).toBe("PL1 Cơ sở vật chất");
    const d = facilities.issues.find((i: { cell: string }) => i.cell === "D8");
    expect(d).toEqual({
      code: "value.machine.bare-number",
      severity: "error",
      cell: "D8",
      value: "2",
      message: expect.stringContaining("Theo giải thích biểu mẫu:"),
      suggestion: "2 máy",
    });
    const noFix = facilities.issues.find((i: { code: string }) => !("suggestion" in i));
    expect(noFix === undefined || !("suggestion" in noFix)).toBe(true);
    expect(doc.summary).toEqual({ errors: 2, warnings: 1 });
    expect("error" in doc.files[1]).toBe(false);
  });

  test("--units checks every commune once against the official list", () => {
    const r = runCli(["validate", "district.xlsx", "--units", dvhcFile("units-2024.csv"), "--code", "222", "--json"], dir);
    const issues = JSON.parse(r.stdout).files[0].sheets[0].issues;
    expect(issues.filter((i: { code: string }) => i.code.startsWith("units."))).toEqual([]);
    const narrowed = runCli(["validate", "district.xlsx", "--units", dvhcFile("units-2024.csv"), "--code", "223", "--json"], dir);
    const missing = JSON.parse(narrowed.stdout).files[0].sheets[0].issues.filter((i: { code: string }) => i.code === "units.missing");
    expect(missing.length).toBeGreaterThan(10);
    expect(narrowed.code).toBe(1);
  });

  test("--fix writes a corrected copy, leaves the original byte for byte, and the copy validates clean", async () => {
    const before = sha(join(dir, "messy.xlsx"));
    const r = runCli(["validate", "messy.xlsx", "--fix", "-o", "fixed.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Đã sửa 3 ô, ghi vào fixed.xlsx. Tệp gốc giữ nguyên.");
    expect(sha(join(dir, "messy.xlsx"))).toBe(before);
    const report = validateWorkbook(readWorkbook(readFileSync(join(dir, "fixed.xlsx")), "fixed.xlsx"));
    const facilities = report.sheets.find((s) => s.form === "facilities")!;
    expect(facilities.issues).toEqual([]);
    const again = runCli(["validate", "fixed.xlsx"], dir);
    expect(again.code).toBe(0);
  });

  test.each([
    [["validate"], /Chưa chọn tệp nào để kiểm tra/],
    [["validate", "messy.xlsx", "--fix"], /--fix sửa được một tệp mỗi lần/],
    [["validate", "messy.xlsx", "clean.xlsx", "--fix", "-o", "x.xlsx"], /--fix sửa được một tệp mỗi lần/],
    [["validate", "messy.xlsx", "--fix", "-o", "messy.xlsx"], /phải khác tệp gốc/],
    [["validate", "messy.xlsx", "--units", "khong-co.txt"], /Không đọc được danh sách đơn vị/],
  ])("unusable arguments %j: exit 2 and a message", (args, message) => {
    const r = runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
