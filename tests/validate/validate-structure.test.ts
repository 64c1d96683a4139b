import { validateWorkbook } from "../../src/domain/validate";
import type { Issue } from "../../src/domain/validate";
import { DISTRICT } from "../support/params";
import { filledPlan, messyWorkbook } from "../support/messy";

const SHEET = "PL1 Cơ sở vật chất";
const good = { counters: 3, computers: "6 máy", printers: "4 máy", queue: "1 máy", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" };
const plan = () => filledPlan("facilities", DISTRICT, { "Thị xã Việt Yên": good, "Xã Thượng Lan": good });
// Row 7 is row I (the town), row 9 Thượng Lan.
const TOWN = 7;
const THUONG_LAN = 9;

const codes = (issues: Issue[]): string[] => issues.filter((i) => !i.code.startsWith("row.empty")).map((i) => i.code);

async function issues(edit: Parameters<typeof messyWorkbook>[1]): Promise<Issue[]> {
  const report = validateWorkbook(await messyWorkbook([plan()], edit));
  return report.sheets[0].issues;
}

describe("the sheet no longer matches its form", () => {
  test("an untouched sheet has no structural issue", async () => {
    expect(codes(await issues(() => undefined))).toEqual([]);
  });

  test("an inserted column is named, and the figures beside it are still read right", async () => {
    const found = await issues((wb) => {
      const ws = wb.getWorksheet(SHEET)!;
      ws.spliceColumns(5, 0, ["Máy scan"]);
      ws.getCell("E5").value = "Máy scan";
      ws.getCell(`E${THUONG_LAN}`).value = "3 cái";
    });
    expect(codes(found)).toEqual(["structure.column-extra"]);
    expect(found[0]).toMatchObject({ cell: "E5", value: "Máy scan", severity: "warning" });
  });

  test("a deleted column is an error; the rest is still checked", async () => {
    const found = await issues((wb) => {
      const ws = wb.getWorksheet(SHEET)!;
      ws.spliceColumns(6, 1);
      ws.getCell(`D${THUONG_LAN}`).value = "2";
    });
    expect(codes(found)).toEqual(["structure.column-missing", "value.machine.bare-number"]);
    expect(found[0].message).toContain("Cột (6) “Máy lấy số xếp hàng tự động”");
  });

  test("columns swapped", async () => {
    const found = await issues((wb) => {
      const ws = wb.getWorksheet(SHEET)!;
      for (let r = 5; r <= 30; r++) {
        const a = ws.getCell(`D${r}`).value;
        ws.getCell(`D${r}`).value = ws.getCell(`E${r}`).value;
        ws.getCell(`E${r}`).value = a;
      }
    });
    expect(codes(found)).toEqual(["structure.column-moved"]);
  });

  test("a renamed sheet is still recognised by its stamp", async () => {
    const report = validateWorkbook(await messyWorkbook([plan()], (wb) => {
      wb.getWorksheet(SHEET)!.name = "Phụ lục 1 gửi huyện";
    }));
    expect(report.sheets).toEqual([expect.objectContaining({ sheet: "Phụ lục 1 gửi huyện", form: "facilities", how: "stamp" })]);
    expect(report.sheets[0].issues[0]).toMatchObject({ code: "structure.renamed", severity: "warning" });
    expect(report.sheets[0].issues[0].message).toContain("“PL1 Cơ sở vật chất”");
  });

  test("cells merged over input cells, a #REF! result, a date and rich text in number cells", async () => {
    const found = await issues((wb) => {
      const ws = wb.getWorksheet(SHEET)!;
      ws.mergeCells(`D${THUONG_LAN}:E${THUONG_LAN}`);
      ws.getCell(`C${TOWN}`).value = { formula: "Sheet9!A1*2", result: { error: "#REF!" } } as never;
      // Typing "3/2" into a number cell makes Excel store a date with a date format.
      ws.getCell(`C${THUONG_LAN}`).value = new Date(Date.UTC(2024, 1, 3));
      // ExcelJS shares style objects between cells: give this one a style of its own.
      ws.getCell(`C${THUONG_LAN}`).style = { ...ws.getCell(`C${THUONG_LAN}`).style, numFmt: "dd/mm/yyyy" };
      ws.getCell(`G${TOWN}`).value = { richText: [{ text: "1 " }, { font: { bold: true }, text: "máy" }] };
    });
    const byCode = Object.fromEntries(found.map((i) => [i.code, i]));
    expect(byCode["structure.merged-input"]).toMatchObject({ cell: `D${THUONG_LAN}:E${THUONG_LAN}`, severity: "error" });
    expect(byCode["cell.error"]).toMatchObject({ cell: `C${TOWN}`, value: "#REF!", severity: "error" });
    expect(byCode["cell.date"]).toMatchObject({ cell: `C${THUONG_LAN}`, severity: "error" });
    expect(byCode["cell.rich-text"]).toMatchObject({ cell: `G${TOWN}`, severity: "warning" });
  });
});
