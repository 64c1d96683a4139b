import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBack } from "../support/read-back";
import type { ReadBook } from "../support/read-back";
import { runCli } from "../support/run-cli";

/** Value of `key` in the unit row of a sheet whose column B names the unit. */
function figure(book: ReadBook, sheet: string, label: RegExp, key: string): string | number | null {
  const s = book.sheet(sheet);
  const { first, last } = s.stamp!.body;
  const col = String.fromCharCode(65 + s.stamp!.columns.indexOf(key));
  for (let r = first; r <= last; r++) if (label.test(String(s.at(`B${r}`)))) return s.at(`${col}${r}`);
  throw new Error(`no row ${label} in ${sheet}`);
}

describe("npm run demo (phuluc demo)", () => {
  const dir = mkdtempSync(join(tmpdir(), "phuluc-demo-"));
  let stdout = "";
  let books: Map<string, ReadBook>;

  beforeAll(async () => {
    const r = runCli(["demo", "--out", dir], process.cwd());
    expect(r.code).toBe(0);
    stdout = r.stdout;
    books = new Map();
    for (const f of readdirSync(join(dir, "xa"))) books.set(f, await readBack(readFileSync(join(dir, "xa", f))));
    books.set("district", await readBack(readFileSync(join(dir, "thi-xa-viet-yen.xlsx"))));
  });

  test("writes 17 commune workbooks and the district's, and says so", () => {
    expect(books.size).toBe(18);
    expect(stdout).toContain("Xong: 18 tệp mẫu của thị xã Việt Yên");
    expect(stdout).toContain("07795-phuong-nenh.xlsx: Phường Nếnh, 5 biểu mẫu");
  });

  test("staffing carries seed 001's figures: 3 or 4 per commune, 61 in all; the town's 12 = 02 + 10", () => {
    const perCommune = [...books.entries()]
      .filter(([f]) => f !== "district")
      .map(([, b]) => Number(figure(b, "PL Nhân sự Một cửa", /^Bộ phận Một cửa/, "total")));
    expect(perCommune.reduce((a, b) => a + b, 0)).toBe(3 * 11 + 4 * 6);
    expect(figure(books.get("07786-xa-tien-son.xlsx")!, "PL Nhân sự Một cửa", /Tiên Sơn/, "total")).toBe(4);
    const district = books.get("district")!;
    expect(figure(district, "PL Nhân sự Một cửa", /thị xã Việt Yên/, "total")).toBe(12);
    expect(figure(district, "PL Nhân sự Một cửa", /thị xã Việt Yên/, "payroll")).toBe(2);
    expect(figure(district, "PL Nhân sự Một cửa", /thị xã Việt Yên/, "seconded")).toBe(10);
  });

  test("commune intake adds up to the report's cấp xã figures for 2023: 28.616 = 28.507 + 109", () => {
    const communes = [...books.entries()].filter(([f]) => f !== "district").map(([, b]) => b);
    const sum = (key: string): number =>
      communes.reduce((s, b) => s + Number(figure(b, "PL Tiếp nhận hồ sơ", /^(Xã|Phường) /, key)), 0);
    expect(sum("recTotal")).toBe(28_616);
    expect(sum("recNew")).toBe(28_507);
    expect(sum("recCarried")).toBe(109);
    expect([sum("recOnline"), sum("recInPerson"), sum("recPost")]).toEqual([27_627, 833, 47]);
  });

  test("the district's intake is the report's cấp huyện line; commune rows wait empty", () => {
    const district = books.get("district")!;
    expect(figure(district, "PL Tiếp nhận hồ sơ", /^Thị xã Việt Yên$/, "recTotal")).toBe(10_726);
    expect(figure(district, "PL Tiếp nhận hồ sơ", /^Thị xã Việt Yên$/, "tthcOnline")).toBe(241);
    expect(figure(district, "PL Tiếp nhận hồ sơ", /^Phường Nếnh$/, "recTotal")).toBeNull();
  });

  test("equipment is the report's average per commune, in the form's own grammar", () => {
    const b = books.get("07759-xa-thuong-lan.xlsx")!;
    expect(figure(b, "PL1 Cơ sở vật chất", /Thượng Lan/, "queue")).toBe("1 máy");
    expect(figure(b, "PL1 Cơ sở vật chất", /Thượng Lan/, "printers")).toBe("4 máy");
    expect(figure(b, "PL1 Cơ sở vật chất", /Thượng Lan/, "rating")).toBe("4 máy");
    expect(String(figure(b, "PL1 Cơ sở vật chất", /Thượng Lan/, "other"))).toContain("Số liệu mẫu");
  });

  test("the three new buildings the report names are marked as such", () => {
    for (const f of ["07771-xa-huong-mai.xlsx", "07768-xa-minh-duc.xlsx", "07801-phuong-van-trung.xlsx"]) {
      expect(figure(books.get(f)!, "PL2 Đầu tư xây dựng", /^BPMC (xã|phường)/, "newBuild")).toBe("X");
    }
    expect(figure(books.get("07759-xa-thuong-lan.xlsx")!, "PL2 Đầu tư xây dựng", /^BPMC xã/, "newBuild")).toBeNull();
  });
});
