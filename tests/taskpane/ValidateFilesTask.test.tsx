/** @jest-environment jsdom */
import { installDomShims } from "../support/dom-shims";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as XLSX from "@e965/xlsx";
import { buildSheetPlan, fillPlan, getForm, vi } from "../../src/domain";
import type { UnitRef } from "../../src/domain";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { fileApi } from "../../src/taskpane/file-api";
import type { FileApi } from "../../src/taskpane/file-api";
import { ValidateFilesTask } from "../../src/taskpane/ValidateFilesTask";
import { COMMUNE } from "../support/params";

beforeAll(installDomShims);

const m = vi.ui.validate;
const f = vi.ui.files.validate;
const UNIT = COMMUNE.unit.name;
const SHEET = "PL1 Cơ sở vật chất";
const good = { counters: 3, computers: "6 máy", printers: "4 máy", queue: "1 máy", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" };

let messy: Uint8Array;
beforeAll(async () => {
  // "2" where "2 máy" is due and "x" for "X": two certain fixes; "ba" for a count: none.
  // The spreadsheet reader needs TextDecoder when it loads, so the plan is filled here rather than with tests/support/messy.
  const values = { ...good, computers: "2", kiosk: "x", counters: "ba" };
  messy = await writeWorkbook([fillPlan(buildSheetPlan(getForm("facilities"), COMMUNE), (u: UnitRef) => (u.name === UNIT ? values : undefined))]);
});

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

/** The real file actions, with the browser's download replaced by a list, and the calls recorded. */
function realApi() {
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const real = fileApi((bytes, name) => saved.push({ name, bytes }));
  const api = { check: jest.fn(real.check), downloadCorrected: jest.fn(real.downloadCorrected) } satisfies Pick<FileApi, "check" | "downloadCorrected">;
  return { api, saved };
}

function renderTask(api: Pick<FileApi, "check" | "downloadCorrected">) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ValidateFilesTask messages={vi} api={api} />
    </FluentProvider>,
  );
}

const workbookInput = () => document.querySelector('input[type="file"][multiple]') as HTMLInputElement;
const listInput = () => document.querySelector('input[type="file"][accept=".xlsx,.xls,.ods,.csv,.txt"]') as HTMLInputElement;

async function pick(input: HTMLInputElement, files: File[]) {
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

describe("ValidateFilesTask (the standalone page's Kiểm tra)", () => {
  test("each picked file gets its own section: a report by cell for a workbook, a plain reason for a damaged file", async () => {
    const { api } = realApi();
    renderTask(api);
    await pick(workbookInput(), [fileOf(messy, "thuong-lan.xlsx"), new File(["không phải bảng tính"], "hong.xlsx")]);
    const report = await screen.findByRole("region", { name: f.filesLabel });
    await within(report).findByRole("heading", { name: "thuong-lan.xlsx" });
    expect(within(report).getByRole("heading", { name: "hong.xlsx" })).toBeTruthy();
    expect(screen.getByText(f.unreadable(vi.cli.workbookProblems["not-a-workbook"]))).toBeTruthy();
    expect(screen.getByText(m.summary(2, 1, 1))).toBeTruthy();
    // A file, not the open workbook: a cell is named, there is nothing to go to.
    const d8 = screen.getByText((_, el) => el?.tagName === "SPAN" && el.textContent === `${m.severity.error} · D8`);
    expect(d8.closest("button")).toBeNull();
  });

  test("certain fixes start ticked; the copy gets only those still ticked, and the page says what is left", async () => {
    const { api, saved } = realApi();
    renderTask(api);
    await pick(workbookInput(), [fileOf(messy, "thuong-lan.xlsx")]);
    const d8 = await screen.findByRole("checkbox", { name: m.fixTo("D8", "2 máy") });
    const g8 = screen.getByRole("checkbox", { name: m.fixTo("G8", "X") });
    expect((d8 as HTMLInputElement).checked).toBe(true);
    fireEvent.click(g8);
    expect((g8 as HTMLInputElement).checked).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: f.download(1) }));
    });
    await screen.findByText(f.downloaded("thuong-lan-da-sua.xlsx", 1), { exact: false });
    expect(api.downloadCorrected).toHaveBeenCalledTimes(1);
    expect(api.downloadCorrected.mock.calls[0][1]).toEqual([{ sheet: SHEET, cell: "D8", value: "2 máy", code: "value.machine.bare-number" }]);
    expect(saved.map((s) => s.name)).toEqual(["thuong-lan-da-sua.xlsx"]);
    // Left: "ba" (no certain fix) and the unticked "x".
    expect(screen.getByText(f.remaining(1, 1), { exact: false })).toBeTruthy();
  });

  test("a failed download says what to do in plain words and keeps the report and the ticks", async () => {
    const { api } = realApi();
    api.downloadCorrected.mockRejectedValueOnce(Object.assign(new Error("Loading chunk 7 failed."), { name: "ChunkLoadError" }));
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderTask(api);
    await pick(workbookInput(), [fileOf(messy, "thuong-lan.xlsx")]);
    const g8 = await screen.findByRole("checkbox", { name: m.fixTo("G8", "X") });
    fireEvent.click(g8);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: f.download(1) }));
    });
    await screen.findByText(vi.ui.files.errors.offline);
    expect((screen.getByRole("checkbox", { name: m.fixTo("G8", "X") }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("button", { name: f.download(1) })).toBeTruthy();
  });

  test("an .ods with certain fixes is reported in full, and told how to get a corrected copy", async () => {
    const { api } = realApi();
    renderTask(api);
    const ods = XLSX.write(XLSX.read(messy, { type: "array" }), { bookType: "ods", type: "array" }) as ArrayBuffer;
    await pick(workbookInput(), [fileOf(new Uint8Array(ods), "thuong-lan.ods")]);
    await screen.findByText(f.onlyXlsx);
    expect(screen.getByText(m.summary(2, 1, 1))).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Tải bản đã sửa/ })).toBeNull();
  });

  test("a unit list checks the files again, now against the units it names", async () => {
    const { api } = realApi();
    renderTask(api);
    await pick(workbookInput(), [fileOf(messy, "thuong-lan.xlsx")]);
    await screen.findByRole("heading", { name: "thuong-lan.xlsx" });
    expect(api.check).toHaveBeenLastCalledWith(expect.any(Array), undefined);
    await pick(listInput(), [new File([`${UNIT}\nXã Vân Hà`], "danh-sach.txt", { type: "text/plain" })]);
    await waitFor(() => expect(api.check).toHaveBeenLastCalledWith(expect.any(Array), [{ name: UNIT }, { name: "Xã Vân Hà" }]));
    await screen.findByText(vi.validate.units.missing("Xã Vân Hà"), { exact: false });
  });

  test("when checking fails (the page lost its network), the files stay picked and Kiểm tra lại checks them again", async () => {
    const { api } = realApi();
    api.check.mockRejectedValueOnce(Object.assign(new Error("Loading chunk 3 failed."), { name: "ChunkLoadError" }));
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderTask(api);
    await pick(workbookInput(), [fileOf(messy, "thuong-lan.xlsx")]);
    await screen.findByText(vi.ui.files.errors.offline);
    expect(screen.getByText(f.picked(1))).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: f.retry }));
    });
    await screen.findByRole("heading", { name: "thuong-lan.xlsx" });
    expect(screen.queryByText(vi.ui.files.errors.offline)).toBeNull();
    expect(api.check).toHaveBeenCalledTimes(2);
  });
});
