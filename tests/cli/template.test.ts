import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBack } from "../support/read-back";
import { runCli } from "../support/run-cli";
import { dvhcFile } from "../support/shared";

const work = (): string => mkdtempSync(join(tmpdir(), "phuluc-cli-"));

/** A message for the user, never a stack trace. */
function expectPlainError(stderr: string): void {
  expect(stderr).toMatch(/^Lỗi: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("phuluc template", () => {
  test("all forms for thị xã Việt Yên from units-2024.csv: one sheet per form, 17 communes each", async () => {
    const dir = work();
    const r = runCli(["template", "all", "--level", "huyen", "--code", "222", "--units", dvhcFile("units-2024.csv"), "--year", "2024", "-o", "vy.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đã ghi vy.xlsx (5 trang tính).");
    const book = await readBack(readFileSync(join(dir, "vy.xlsx")));
    expect(book.sheetNames).toHaveLength(6);
    const staffing = book.sheet("PL Nhân sự Một cửa");
    expect(staffing.stamp?.unit).toEqual({ name: "Thị xã Việt Yên", code: "222" });
    const { first, last } = staffing.stamp!.body;
    expect(last - first + 1).toBe(18);
    expect(staffing.column("B", first, last)).toContain("Bộ phận Một cửa phường Nếnh");
  });

  test("a two-tier province from units-2025.csv", async () => {
    const dir = work();
    const r = runCli(["template", "procedures", "--level", "tinh", "--code", "24", "--units", dvhcFile("units-2025.csv"), "-o", "bn.xlsx"], dir);
    expect(r.code).toBe(0);
    const s = (await readBack(readFileSync(join(dir, "bn.xlsx")))).sheet("PLII Kết quả một cửa");
    expect(s.stamp).toMatchObject({ level: "tinh", tiers: 2, unit: { name: "Tỉnh Bắc Ninh", code: "24" } });
    expect(s.column("B", s.stamp!.body.first, s.stamp!.body.last)).toContain("Phường Nếnh");
  });

  test("a three-tier province from the official GSO .xls export", async () => {
    const dir = work();
    const r = runCli(
      ["template", "facilities", "--level", "tinh", "--tiers", "3", "--code", "24", "--units", dvhcFile("gso-dmhc-export-2025-03.xls"), "--year", "2024", "-o", "bg.xlsx"],
      dir,
    );
    expect(r.code).toBe(0);
    const s = (await readBack(readFileSync(join(dir, "bg.xlsx")))).sheet("PL1 Cơ sở vật chất");
    const labels = s.column("B", s.stamp!.body.first, s.stamp!.body.last);
    expect(labels).toContain("Thị xã Việt Yên");
    expect(labels).toContain("BPMC phường Bích Động");
  });

  test("a list of names typed in a text file", async () => {
    const dir = work();
    writeFileSync(join(dir, "ds.txt"), "Xã Thượng Lan\nPhường Nếnh\n");
    const r = runCli(["template", "staffing", "--unit", "Thị xã Việt Yên", "--units", "ds.txt", "-o", "out.xlsx"], dir);
    expect(r.code).toBe(0);
    const s = (await readBack(readFileSync(join(dir, "out.xlsx")))).sheet("PL Nhân sự Một cửa");
    expect(s.column("B", s.stamp!.body.first, s.stamp!.body.last)).toEqual([
      "Bộ phận Một cửa thị xã Việt Yên",
      "Bộ phận Một cửa xã Thượng Lan",
      "Bộ phận Một cửa phường Nếnh",
    ]);
  });

  test.each([
    [["template", "nhan-su", "-o", "x.xlsx"], /Không có biểu mẫu "nhan-su"/],
    [["template", "all", "--level", "phuong", "-o", "x.xlsx"], /Cấp "phuong" không hợp lệ/],
    [["template", "all", "--tiers", "4", "-o", "x.xlsx"], /Số cấp "4" không hợp lệ/],
    [["template", "all", "--level", "huyen", "--tiers", "2", "-o", "x.xlsx"], /Cấp huyện chỉ có trong hệ thống ba cấp/],
    [["template", "all", "--year", "24", "-o", "x.xlsx"], /Năm "24" không hợp lệ/],
    [["template", "all"], /Thiếu tệp kết quả/],
    [["template", "all", "-o", "x.pdf"], /phải có đuôi \.xlsx/],
    [["template", "all", "--unit"], /Tham số --unit cần một giá trị/],
    [["template", "all", "--colour", "red", "-o", "x.xlsx"], /Không có tham số --colour/],
    [["lam-gi"], /Không có lệnh "lam-gi"/],
    [["template", "all", "--units", "khong-co.csv", "-o", "x.xlsx"], /Không đọc được danh sách đơn vị "khong-co.csv"/],
  ])("bad arguments %j: exit 2 with a Vietnamese message and its English", (args, message) => {
    const dir = work();
    const r = runCli(args, dir);
    expect(r.code).toBe(2);
    expectPlainError(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\n\(.+\)\n$/);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  test("a catalogue with many districts and no --code asks for one", () => {
    const r = runCli(["template", "all", "--level", "huyen", "--units", dvhcFile("units-2024.csv"), "-o", "x.xlsx"], work());
    expect(r.code).toBe(2);
    expectPlainError(r.stderr);
    expect(r.stderr).toContain("có nhiều huyện: thêm --code");
  });

  test("a password-protected or fake workbook as unit list is named with the reason", () => {
    const dir = work();
    writeFileSync(join(dir, "ds.xlsx"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, "word.xlsx"), "not a workbook at all");
    const locked = runCli(["template", "all", "--units", "ds.xlsx", "-o", "x.xlsx"], dir);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('"ds.xlsx": tệp có đặt mật khẩu');
    const fake = runCli(["template", "all", "--units", "word.xlsx", "-o", "x.xlsx"], dir);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('"word.xlsx": tệp hỏng hoặc không phải bảng tính');
  });

  test("an existing output file is never overwritten without --force", () => {
    const dir = work();
    writeFileSync(join(dir, "bao-cao.xlsx"), "số liệu đã nhập");
    const r = runCli(["template", "staffing", "-o", "bao-cao.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Tệp "bao-cao.xlsx" đã có');
    expect(readFileSync(join(dir, "bao-cao.xlsx"), "utf8")).toBe("số liệu đã nhập");
    expect(runCli(["template", "staffing", "-o", "bao-cao.xlsx", "--force"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "bao-cao.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  test("--help prints the usage in Vietnamese and English, exit 0", () => {
    const r = runCli(["--help"], work());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("phuluc template <staffing|facilities|investment|procedures|intake|all>");
    expect(r.stdout).toContain("Cách dùng / Usage");
  });
});
