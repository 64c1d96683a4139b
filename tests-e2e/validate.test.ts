import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { formatNumber } from "../src/domain/validate";
import { validateWorkbook } from "../src/domain/validate";
import type { Issue, WorkbookReport } from "../src/domain/validate";
import { vi } from "../src/domain";
import { cellText } from "../src/domain/grid/sheet-grid";
import type { WorkbookGrid } from "../src/domain/grid/sheet-grid";
import { readWorkbook } from "../src/files/read-workbook";
import { writeWorkbook } from "../src/files/xlsx-writer";
import { filledPlan } from "../tests/support/messy";
import { COMMUNE } from "../tests/support/params";
import { chooseFiles, downloadOf, openPage, overflowX, screenshot, unnamedControls } from "./support/page";
import type { Session } from "./support/page";

/**
 * "Kiểm tra" on the standalone page: a commune's workbook with problems put in on purpose (built
 * here from the forms, as an official would have typed them), and a damaged file beside it.
 * The page must list each problem at its cell, and its corrected copy must have lost exactly the
 * problems whose fix was ticked, and nothing else.
 */

const dir = mkdtempSync(join(tmpdir(), "phuluc-e2e-validate-"));
const messyFile = join(dir, "bao-cao-thuong-lan.xlsx");
const damagedFile = join(dir, "hong.xlsx");
const UNIT = "Xã Thượng Lan";
const FACILITIES = "PL1 Cơ sở vật chất";
const STAFFING = "PL Nhân sự Một cửa";
const INVESTMENT = "PL2 Đầu tư xây dựng";
const good = { counters: 3, computers: "6 máy", printers: "4 máy", queue: "1 máy", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" };
const m = vi.ui.validate;
const f = vi.ui.files.validate;
const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

let session: Session;
let original: WorkbookGrid;
let report: WorkbookReport;
let shaBefore: string;

/** Every issue of the report with its sheet. */
const issuesOf = (r: WorkbookReport): (Issue & { sheet: string })[] => r.sheets.flatMap((s) => s.issues.map((i) => ({ ...i, sheet: s.sheet })));
const valueAt = (book: WorkbookGrid, sheet: string, cell: string): string => {
  const grid = book.sheets.find((s) => s.name === sheet)!;
  const col = cell.charCodeAt(0) - 64;
  const rowNo = Number(cell.slice(1));
  return cellText(grid.cells[rowNo - 1]?.[col - 1]);
};

beforeAll(async () => {
  writeFileSync(
    messyFile,
    await writeWorkbook([
      // Forms.md, Phụ lục 1: "2" where "2 máy" is due, "2 may" misspelt, "x" for "X", and a word where a count belongs.
      filledPlan("facilities", COMMUNE, { [UNIT]: { ...good, computers: "2", printers: "2 may", kiosk: "x", counters: "ba" } }),
      // Staffing: a total that does not add up (5 ≠ 2 + 1).
      filledPlan("staffing", COMMUNE, { [UNIT]: { total: 5, payroll: 2, seconded: 1 } }),
      // Phụ lục 2: "x" for "X" and an amount written in words.
      filledPlan("investment", COMMUNE, { [UNIT]: { shared: "x", equipment: "1,25 tỷ" } }),
    ]),
  );
  writeFileSync(damagedFile, "đây không phải bảng tính");
  shaBefore = sha(messyFile);
  original = readWorkbook(readFileSync(messyFile), "bao-cao-thuong-lan.xlsx");
  report = validateWorkbook(original);
  session = await openPage("/?task=validate");
  const { page } = session;
  await chooseFiles(page, () => page.getByRole("button", { name: f.choose }).click(), [messyFile, damagedFile]);
  await page.getByRole("heading", { name: "bao-cao-thuong-lan.xlsx" }).waitFor();
  await page.getByRole("heading", { name: "hong.xlsx" }).waitFor();
});

afterAll(() => session?.close());

describe("Kiểm tra on the standalone page", () => {
  test("the ribbon's ?task=validate opens the task; every planted problem is listed at its sheet and cell", async () => {
    const { page } = session;
    expect(await page.getByRole("tab", { name: vi.ui.tabs.validate }).getAttribute("aria-selected")).toBe("true");
    const planted = [
      [FACILITIES, "C8", "error"],
      [FACILITIES, "D8", "error"],
      [FACILITIES, "E8", "warning"],
      [FACILITIES, "G8", "warning"],
      [STAFFING, "C7", "error"],
      [INVESTMENT, "C9", "warning"],
      [INVESTMENT, "M9", "warning"],
    ] as const;
    const found = issuesOf(report).map((i) => [i.sheet, i.cell, i.severity]);
    for (const p of planted) expect(found).toContainEqual([...p]);
    // Groups with only warnings start closed when the list is long: open them all to read every line.
    for (const header of await page.locator("button[aria-expanded='false']").all()) await header.click();
    const region = page.getByRole("region", { name: f.filesLabel });
    for (const issue of issuesOf(report)) {
      await region.getByText(`${m.severity[issue.severity]} · ${issue.sheet}!${issue.cell}`).first().waitFor();
      await region.getByText(issue.message).first().waitFor();
    }
    const all = issuesOf(report);
    const errors = all.filter((i) => i.severity === "error").length;
    await page.getByText(m.summary(errors, all.length - errors, report.sheets.length)).waitFor();
  });

  test("a damaged file gets its own plain message and does not stop the other", async () => {
    await session.page.getByText(f.unreadable(vi.cli.workbookProblems["not-a-workbook"])).waitFor();
  });

  test("each certain fix is offered as a ticked box; a value with no certain fix has none", async () => {
    const { page } = session;
    const fixable = issuesOf(report).filter((i) => i.suggestion !== undefined);
    for (const i of fixable) {
      const label = m.fixTo(`${i.sheet}!${i.cell}`, typeof i.suggestion === "number" ? formatNumber(i.suggestion) : String(i.suggestion));
      expect(await page.getByRole("checkbox", { name: label }).isChecked()).toBe(true);
    }
    expect(await page.getByRole("checkbox", { name: new RegExp(`${FACILITIES}!C8 `) }).count()).toBe(0);
    expect(await page.getByRole("checkbox", { name: new RegExp(`${STAFFING}!C7 `) }).count()).toBe(0);
    await screenshot(page, "validate-320");
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await unnamedControls(page.locator("body"))).toEqual([]);
  });

  test("the corrected copy lost exactly the ticked problems, kept the unticked one and everything else", async () => {
    const { page } = session;
    const fixable = issuesOf(report).filter((i) => i.suggestion !== undefined);
    // The user keeps the lowercase "x" in G8 to correct by hand: untick it with the keyboard.
    const kept = fixable.find((i) => i.sheet === FACILITIES && i.cell === "G8")!;
    await page.getByRole("checkbox", { name: m.fixTo(`${FACILITIES}!G8`, String(kept.suggestion)) }).focus();
    await page.keyboard.press("Space");
    const button = page.getByRole("button", { name: f.download(fixable.length - 1) });
    const copy = await downloadOf(page, () => button.click());
    expect(copy.name).toBe("bao-cao-thuong-lan-da-sua.xlsx");
    await page.getByText(f.downloaded(copy.name, fixable.length - 1), { exact: false }).waitFor();
    await screenshot(page, "validate-fixed-320");

    const fixed = readWorkbook(copy.bytes, copy.name);
    const after = issuesOf(validateWorkbook(fixed)).map((i) => `${i.sheet}!${i.cell} ${i.code}`);
    for (const i of fixable) {
      const key = `${i.sheet}!${i.cell} ${i.code}`;
      if (i === kept) expect(after).toContain(key);
      else expect(after).not.toContain(key);
    }
    // What has no certain fix is still reported.
    for (const i of issuesOf(report).filter((x) => x.suggestion === undefined)) expect(after).toContain(`${i.sheet}!${i.cell} ${i.code}`);
    expect(valueAt(fixed, FACILITIES, "D8")).toBe("2 máy");
    expect(valueAt(fixed, INVESTMENT, "M9")).toBe("1250000000");
    expect(valueAt(fixed, FACILITIES, "G8")).toBe("x");
    // Everything else as it was: sheets, stamps, every other cell.
    expect(fixed.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    expect([...fixed.stamps.entries()]).toEqual([...original.stamps.entries()]);
    const changed = new Set(fixable.filter((i) => i !== kept).map((i) => `${i.sheet}!${i.cell}`));
    for (const sheet of original.sheets) {
      sheet.cells.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          const address = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (!changed.has(`${sheet.name}!${address}`)) expect(valueAt(fixed, sheet.name, address)).toBe(cellText(cell));
        }),
      );
    }
    expect(sha(messyFile)).toBe(shaBefore);
    expect(session.errors).toEqual([]);
  });
});
