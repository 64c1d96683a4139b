import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "../src/domain";
import { cellText } from "../src/domain/grid/sheet-grid";
import type { SheetGrid, WorkbookGrid } from "../src/domain/grid/sheet-grid";
import type { FormStamp } from "../src/domain";
import { readWorkbook } from "../src/files/read-workbook";
import { LINEAGE_SHEET } from "../src/files/summary-writer";
import { runCli } from "../tests/support/run-cli";
import { dvhcFile } from "../tests/support/shared";
import { chooseFiles, downloadOf, openPage, overflowX, screenshot, unnamedControls } from "./support/page";
import type { Session } from "./support/page";

/**
 * "Tổng hợp" on the standalone page: the 17 commune workbooks of thị xã Việt Yên and the town's
 * own (written by `phuluc demo` from seed 001's figures), checked against the official list,
 * summarised and downloaded; the summary is then opened in Node.
 */

const root = mkdtempSync(join(tmpdir(), "phuluc-e2e-consolidate-"));
const demo = join(root, "demo");
const m = vi.ui.consolidate;
const f = vi.ui.files.consolidate;

let session: Session;
let book: WorkbookGrid;
let fileName: string;

function staffing(): { grid: SheetGrid; stamp: FormStamp } {
  const stamp = [...book.stamps.values()].find((s) => s.form === "staffing");
  const grid = book.sheets.find((s) => s.name === stamp?.sheet);
  if (!stamp || !grid) throw new Error("no staffing sheet in the summary");
  return { grid, stamp };
}

/** Label, figure (total staff) and formula of each body row of the staffing summary. */
function staffingRows(): { label: string; total: number | null; formula?: string }[] {
  const { grid, stamp } = staffing();
  const col = stamp.columns.indexOf("total");
  const label = stamp.columns.indexOf("unit");
  return Array.from({ length: stamp.body.last - stamp.body.first + 1 }, (_, i) => {
    const cells = grid.cells[stamp.body.first + i - 1] ?? [];
    const cell = cells[col];
    return { label: cellText(cells[label]), total: typeof cell?.v === "number" ? cell.v : null, ...(cell?.f ? { formula: cell.f } : {}) };
  });
}

beforeAll(async () => {
  expect(runCli(["demo", "--out", demo], root).code).toBe(0);
  const communes = readdirSync(join(demo, "xa")).map((n) => join(demo, "xa", n));
  expect(communes).toHaveLength(17);

  session = await openPage("/?task=consolidate");
  const { page } = session;
  const panel = page.getByRole("tabpanel", { name: vi.ui.tabs.consolidate });
  await panel.getByLabel(vi.ui.insert.unitCode).fill("222");
  await chooseFiles(page, () => panel.getByRole("button", { name: vi.ui.list.choose }).click(), [dvhcFile("units-2024.csv")]);
  await panel.getByText(vi.ui.list.foundUnits("units-2024.csv", 17)).waitFor();
  await chooseFiles(page, () => panel.getByRole("button", { name: m.chooseFiles }).click(), communes);
  await panel.getByText(m.units(17, 17)).waitFor();
  await chooseFiles(page, () => panel.getByRole("button", { name: m.chooseFiles }).click(), [join(demo, "thi-xa-viet-yen.xlsx")]);
  await panel.getByText(m.filesRead(18)).waitFor();
  const summary = await downloadOf(page, () => panel.getByRole("button", { name: f.submit }).click());
  fileName = summary.name;
  await panel.getByText(f.note).waitFor();
  await screenshot(page, "consolidate-320");
  book = readWorkbook(summary.bytes, summary.name);
});

afterAll(() => session?.close());

describe("Tổng hợp on the standalone page: thị xã Việt Yên from 17 commune files and its own", () => {
  test("the preview counted all 17 communes of the official list, none missing, and the download is named after the town", async () => {
    expect(fileName).toBe("tong-hop-thi-xa-viet-yen.xlsx");
    const panel = session.page.getByRole("tabpanel", { name: vi.ui.tabs.consolidate });
    expect(await panel.getByText(m.missingTitle(0)).count()).toBe(0);
    await panel.getByText(vi.ui.files.consolidate.downloaded(fileName, book.sheets.filter((s) => !s.hidden).length)).waitFor();
  });

  test("staffing totals come out as seed 001 gives them: 57 commune staff + the town's 12 = 69", () => {
    const rows = staffingRows();
    const units = rows.filter((r) => !r.formula);
    const town = units.filter((r) => /thị xã Việt Yên$/i.test(r.label));
    expect(town.map((r) => r.total)).toEqual([12]);
    const communes = units.filter((r) => !town.includes(r) && r.total !== null);
    expect(communes).toHaveLength(17);
    expect(communes.reduce((n, r) => n + (r.total ?? 0), 0)).toBe(57);
    expect(units.reduce((n, r) => n + (r.total ?? 0), 0)).toBe(69);
  });

  test("the grand total is a live formula over every unit row", () => {
    const { stamp } = staffing();
    const rows = staffingRows();
    const last = rows[rows.length - 1];
    expect(last.label).toBe("Tổng cộng");
    const col = String.fromCharCode(65 + stamp.columns.indexOf("total"));
    expect(last.formula).toBe(`SUM(${col}${stamp.body.first}:${col}${stamp.body.last - 1})`);
  });

  test("the lineage sheet lists the 18 files read", () => {
    const lineage = book.sheets.find((s) => s.name === LINEAGE_SHEET)!;
    const names = lineage.cells.map((r) => cellText(r?.[1])).filter((n) => /\.xlsx$/.test(n));
    expect(new Set(names.map((n) => n.split("/").pop())).size).toBe(18);
  });

  test("the task fits 320 px, its controls have names, and nothing failed", async () => {
    const { page, errors } = session;
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await unnamedControls(page.getByRole("tabpanel", { name: vi.ui.tabs.consolidate }))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
