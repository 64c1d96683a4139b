import { en, vi } from "../src/domain";
import type { FormId } from "../src/domain";
import { cellText } from "../src/domain/grid/sheet-grid";
import type { SheetGrid, WorkbookGrid } from "../src/domain/grid/sheet-grid";
import { readWorkbook } from "../src/files/read-workbook";
import { dvhcFile } from "../tests/support/shared";
import { VIET_YEN_COMMUNES } from "../tests/support/params";
import { chooseFiles, downloadOf, openPage, overflowX, screenshot, tabTo, unnamedControls } from "./support/page";
import type { Session } from "./support/page";

/**
 * "Chèn biểu mẫu" on the standalone page, done with the keyboard alone: tick every form, type the
 * unit, its code and the year, pick the official unit list, download. The downloaded workbook is
 * then opened in Node and held against forms.md.
 */

let session: Session;
let book: WorkbookGrid;
let fileName: string;

const row = (grid: SheetGrid, r: number): string[] => (grid.cells[r - 1] ?? []).map((c) => cellText(c));
const sheetOf = (form: FormId): SheetGrid => {
  const stamp = [...book.stamps.values()].find((s) => s.form === form);
  const grid = book.sheets.find((s) => s.name === stamp?.sheet);
  if (!stamp || !grid) throw new Error(`no ${form} sheet`);
  return grid;
};
const headerRows = (form: FormId): string[] => {
  const stamp = [...book.stamps.values()].find((s) => s.form === form)!;
  const grid = sheetOf(form);
  return Array.from({ length: stamp.header.last - stamp.header.first + 1 }, (_, i) => row(grid, stamp.header.first + i)).flat();
};

beforeAll(async () => {
  session = await openPage("/");
  const { page } = session;
  await page.getByText(vi.ui.outsideOffice).waitFor();

  await tabTo(page, /^Tất cả$/);
  await page.keyboard.press("Space");
  await tabTo(page, /^Tên đơn vị báo cáo$/);
  await page.keyboard.type("Thị xã Việt Yên");
  await tabTo(page, /^Mã đơn vị/);
  await page.keyboard.type("222");
  await tabTo(page, /^Năm báo cáo$/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("2024");
  await tabTo(page, /^Chọn tệp danh sách/);
  await chooseFiles(page, () => page.keyboard.press("Enter"), [dvhcFile("units-2024.csv")]);
  await page.getByText(vi.ui.list.foundUnits("units-2024.csv", 17)).waitFor();
  await tabTo(page, new RegExp(`^${vi.ui.files.insert.submit}$`));
  const file = await downloadOf(page, () => page.keyboard.press("Enter"));
  await page.getByText(vi.ui.files.insert.downloaded(file.name, 5)).waitFor();
  await screenshot(page, "insert-320");
  fileName = file.name;
  book = readWorkbook(file.bytes, file.name);
});

afterAll(() => session?.close());

describe("Chèn biểu mẫu on the standalone page, by keyboard, at 320 px", () => {
  test("the download is named after the unit, ASCII only, and holds the five forms for the district", () => {
    expect(fileName).toBe("phu-luc-thi-xa-viet-yen.xlsx");
    const forms = [...book.stamps.values()].map((s) => s.form).sort();
    expect(forms).toEqual(["facilities", "intake", "investment", "procedures", "staffing"]);
    expect(book.sheets.filter((s) => !s.hidden)).toHaveLength(5);
    for (const stamp of book.stamps.values()) {
      expect(stamp).toMatchObject({ level: "huyen", tiers: 3, unit: { name: "Thị xã Việt Yên", code: "222" }, year: 2024, period: "Năm 2024" });
    }
  });

  test("staffing has the headers of forms.md and one row per commune of the official list", () => {
    const headers = headerRows("staffing");
    for (const h of ["STT", "Bộ phận Một cửa", "Tổng số", "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa", "Công chức, viên chức do các cơ quan chuyên môn được cử đến", "Ghi chú"]) {
      expect(headers).toContain(h);
    }
    expect(headers).toContain("Số lượng công chức, viên chức làm việc tại BPMC");
    const grid = sheetOf("staffing");
    const stamp = [...book.stamps.values()].find((s) => s.form === "staffing")!;
    const labels = Array.from({ length: stamp.body.last - stamp.body.first + 1 }, (_, i) => row(grid, stamp.body.first + i)[1] ?? "");
    // Seed 001's 17 communes, each once (the official list may spell the prefix its own way).
    for (const commune of VIET_YEN_COMMUNES) {
      const bare = commune.name.replace(/^(Xã|Phường) /, "");
      expect(labels.filter((l) => l.endsWith(` ${bare}`))).toHaveLength(1);
    }
  });

  test("facilities, investment and procedures have the columns and numbering forms.md gives", () => {
    const facilities = headerRows("facilities");
    for (const h of ["Số quầy giao dịch", "Máy tính nối mạng internet", "Máy in", "Máy lấy số xếp hàng tự động", "Camera giám sát", "Trang thiết bị khác"]) {
      expect(facilities).toContain(h);
    }
    const numbering = [...book.stamps.values()].find((s) => s.form === "facilities")!.numberingRow!;
    expect(row(sheetOf("facilities"), numbering).slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `(${i + 1})`));
    // Year columns from 2018 to the report year, the first and last with their footnote marks.
    const investment = headerRows("investment");
    expect(investment).toEqual(expect.arrayContaining(["2018 ¹", "2019", "2023", "2024 ²", "Đầu tư xây dựng mới", "Đầu tư cải tạo lại"]));
    expect(headerRows("procedures")).toEqual(
      expect.arrayContaining(["Tổng số hồ sơ đã nhận", "Tổng số hồ sơ giải quyết đúng hạn", "Tổng số hồ sơ giải quyết quá hạn"]),
    );
  });

  test("the page fits 320 px, every control has a name, the English switch covers the file actions, and nothing failed", async () => {
    const { page, errors } = session;
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await unnamedControls(page.locator("body"))).toEqual([]);
    await page.getByRole("button", { name: vi.ui.switchLanguageLabel }).click();
    await page.getByRole("button", { name: en.ui.files.insert.submit }).waitFor();
    expect(await page.getByText(en.ui.outsideOffice).isVisible()).toBe(true);
    await page.getByRole("button", { name: en.ui.switchLanguageLabel }).click();
    await page.getByRole("button", { name: vi.ui.files.insert.submit }).waitFor();
    expect(errors).toEqual([]);
  });
});
