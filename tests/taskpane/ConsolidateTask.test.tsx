/** @jest-environment jsdom */
import { installDomShims } from "../support/dom-shims";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { vi } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import type { Consolidation } from "../../src/domain/consolidate";
import type { FileLine } from "../../src/files/summary-writer";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import * as vy from "../../src/sample/viet-yen";
import { ConsolidateTask } from "../../src/taskpane/ConsolidateTask";
import type { WriteSummaryFn } from "../../src/taskpane/ConsolidateTask";
import type { ParseFn } from "../../src/taskpane/consolidate-run";
import type { RememberedInsert } from "../../src/taskpane/remembered";

beforeAll(installDomShims);

const m = vi.ui.consolidate;
const JAN = Date.UTC(2025, 0, 10, 8, 0);
const FEB = Date.UTC(2025, 1, 10, 8, 0);
const missing = vy.COMMUNES[16].unit.name;
const doubled = vy.COMMUNES[0].unit.name;
const staffOf = (name: string): number => vy.COMMUNES.find((c) => c.unit.name === name)!.staff;

/** A copy of a commune's plans with one figure of a form changed. */
function changed(plans: SheetPlan[], form: string, key: string, value: string | number): SheetPlan[] {
  return plans.map((p) => {
    if (p.stamp.form !== form) return p;
    const col = p.stamp.columns.indexOf(key);
    const row = p.unitRows[0].row;
    return { ...p, cells: p.cells.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === col ? { ...c, value } : c)) : r)) };
  });
}

let files: File[];
let copy: File;
let faulty: File;

beforeAll(async () => {
  const books = vietYenWorkbooks();
  const file = async (plans: SheetPlan[], name: string, lastModified: number) => new File([(await writeWorkbook(plans)) as Uint8Array<ArrayBuffer>], name, { lastModified });
  // Every commune but the last, and the town.
  files = await Promise.all(books.filter((b) => b.unit.name !== missing).map((b) => file(b.plans, b.file.replace("xa/", ""), JAN)));
  copy = await file(changed(books[0].plans, "staffing", "total", 9), "gui-lai.xlsx", FEB);
  faulty = await file(changed(books[1].plans, "staffing", "total", -5), "co-loi.xlsx", JAN);
}, 60_000);

function renderTask(options: { write?: WriteSummaryFn; parse?: ParseFn; canWrite?: boolean; initial?: Partial<RememberedInsert> } = {}) {
  const write = options.write ?? jest.fn<ReturnType<WriteSummaryFn>, Parameters<WriteSummaryFn>>(async (result) => ({ sheets: [...result.plans.map((p) => p.name), "Nguồn dữ liệu"] }));
  const onWritten = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <ConsolidateTask
        messages={vi}
        canWrite={options.canWrite ?? true}
        write={write}
        {...(options.parse ? { parse: options.parse } : {})}
        onWritten={onWritten}
        {...(options.initial ? { initial: options.initial } : {})}
        today={new Date(2025, 2, 1)}
      />
    </FluentProvider>,
  );
  return { write, onWritten };
}

const reportInput = () => document.querySelector('input[type="file"][multiple]') as HTMLInputElement;
const listInput = () => document.querySelector('input[type="file"][accept=".xlsx,.xls,.ods,.csv,.txt"]') as HTMLInputElement;
const writeButton = () => screen.getByRole("button", { name: m.write }) as HTMLButtonElement;

async function pick(input: HTMLInputElement, picked: File[]) {
  await act(async () => {
    fireEvent.change(input, { target: { files: picked } });
  });
}

async function pickUnitList() {
  const text = vy.COMMUNES.map((c) => c.unit.name).join("\n");
  await pick(listInput(), [new File([text], "danh-sach.txt", { type: "text/plain" })]);
  await waitFor(() => expect(screen.getByText(`danh-sach.txt: 17 đơn vị trực thuộc.`)).toBeTruthy());
}

describe("ConsolidateTask", () => {
  test("picked files are read and previewed: a missing unit, a conflict settled by the user's choice, an unreadable file; the write gets that choice", async () => {
    const { write, onWritten } = renderTask();
    await pickUnitList();
    expect(reportInput().accept).toBe(".xlsx,.xls,.ods");
    const garbage = new File([new Uint8Array(3000).fill(7)], "hong.xlsx", { lastModified: JAN });
    await pick(reportInput(), [...files, copy, garbage]);
    await waitFor(() => expect(screen.getByText(m.previewTitle)).toBeTruthy(), { timeout: 30_000 });

    // The doubled commune counts as reported only once its conflict is settled.
    expect(screen.getByText(m.units(15, 17))).toBeTruthy();
    const missingList = screen.getByRole("list", { name: m.missingTitle(1) });
    expect(within(missingList).getByText(missing)).toBeTruthy();
    expect(screen.getByText(m.unreadableTitle(1))).toBeTruthy();
    expect(screen.getByText(m.fileReason("hong.xlsx", vi.cli.workbookProblems["not-a-workbook"]))).toBeTruthy();
    // The copy repeats all five forms of one commune: five conflicts, none settled yet.
    expect(screen.getByText(m.conflictsTitle(5))).toBeTruthy();

    const group = screen.getByRole("radiogroup", { name: m.conflictLabel(doubled, vi.ui.insert.formNames.staffing) });
    const copyRadio = within(group).getByRole("radio", { name: m.modifiedAt("gui-lai.xlsx", "2025-02-10 08:00") });
    await act(async () => {
      fireEvent.click(copyRadio);
    });
    expect((copyRadio as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(m.units(16, 17))).toBeTruthy();

    expect(writeButton().disabled).toBe(false);
    await act(async () => {
      fireEvent.click(writeButton());
    });
    expect(write).toHaveBeenCalledTimes(1);
    const [result, lines] = (write as jest.Mock).mock.calls[0] as [Consolidation, FileLine[]];
    const staffing = result.conflicts.find((c) => c.form === "staffing");
    expect(staffing?.kept).toBe("gui-lai.xlsx");
    expect(result.conflicts.filter((c) => c.form !== "staffing").every((c) => c.kept === undefined)).toBe(true);
    expect(result.lineage.find((l) => l.form === "staffing" && l.unit === doubled)?.file).toBe("gui-lai.xlsx");
    // 57 staff in all communes, less the missing one, with the doubled commune's figure from the chosen file, plus the town's 12.
    expect(result.totals.staffing?.["3"]).toBe(57 - staffOf(missing) - staffOf(doubled) + 9 + 12);
    expect(result.units.missing).toEqual([missing]);
    expect(lines.find((l) => l.file === "hong.xlsx")?.status).toBe("unreadable");
    expect(lines.filter((l) => l.status === "conflict").map((l) => l.file).sort()).toEqual([files[0].name, "gui-lai.xlsx"].sort());
    await waitFor(() => expect(screen.getByText(m.written(6))).toBeTruthy());
    expect(onWritten).toHaveBeenCalledWith(expect.objectContaining({ level: "huyen", tiers: 3, period: vy.PERIOD }));
  }, 60_000);

  test("the unit list remembered with the workbook names the missing commune without being picked again", async () => {
    const list = { fileName: "danh-sach.txt", table: { layout: "names" as const, names: vy.COMMUNES.map((c) => c.unit.name) } };
    const { onWritten } = renderTask({ initial: { level: "huyen", tiers: 3, unitName: vy.DISTRICT.name, unitCode: "", period: vy.PERIOD, list } });
    expect(screen.getByText("danh-sach.txt: 17 đơn vị trực thuộc.")).toBeTruthy();
    await pick(reportInput(), files.slice(0, 16));
    await waitFor(() => expect(screen.getByText(m.previewTitle)).toBeTruthy(), { timeout: 30_000 });
    expect(within(screen.getByRole("list", { name: m.missingTitle(1) })).getByText(missing)).toBeTruthy();
    await act(async () => {
      fireEvent.click(writeButton());
    });
    await waitFor(() => expect(onWritten).toHaveBeenCalledWith(expect.objectContaining({ list })));
  }, 60_000);

  test("'newest file' for every conflict, and files with errors left out by the switch", async () => {
    const { write } = renderTask();
    await pick(reportInput(), [...files, copy, faulty]);
    await waitFor(() => expect(screen.getByText(m.previewTitle)).toBeTruthy(), { timeout: 30_000 });
    expect(screen.getByText(m.invalidFile("co-loi.xlsx", 1))).toBeTruthy();
    const include = screen.getByRole("switch", { name: m.includeInvalid }) as HTMLInputElement;
    expect(include.checked).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("checkbox", { name: m.newestAll }));
      fireEvent.click(include);
    });
    expect(screen.getByText(m.invalidExcluded)).toBeTruthy();
    // A name typed just before the click is the one written, even before the preview caught up.
    await act(async () => {
      fireEvent.change(screen.getByLabelText(m.unitName), { target: { value: "Thị xã Việt Yên" } });
      fireEvent.click(writeButton());
    });
    const [result] = (write as jest.Mock).mock.calls[0] as [Consolidation];
    expect(result.params.unit.name).toBe("Thị xã Việt Yên");
    // The commune of the faulty file is no longer counted; it conflicted with nothing.
    expect(result.conflicts.length).toBeGreaterThan(0);
    expect(result.conflicts.every((c) => c.kept === "gui-lai.xlsx")).toBe(true);
    expect(result.placed.some((p) => p.input.file === "co-loi.xlsx")).toBe(false);
  }, 60_000);

  test("Hủy stops the reading: the progress goes, nothing is previewed, and a late result is ignored", async () => {
    let report: ((done: number, total: number) => void) | undefined;
    let finish: (value: null) => void = () => undefined;
    const cancel = jest.fn(() => finish(null));
    const parse: ParseFn = (picked, onProgress) => {
      report = onProgress;
      return { result: new Promise((resolve) => (finish = resolve)), cancel };
    };
    renderTask({ parse });
    await pick(reportInput(), files.slice(0, 3));
    // The files' bytes are loaded first, then handed to the reader.
    await waitFor(() => expect(report).toBeDefined());
    await act(async () => report!(1, 3));
    expect(screen.getByText(m.progress(1, 3))).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: m.cancel }));
    });
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText(m.cancelled)).toBeTruthy();
    await act(async () => report!(2, 3));
    expect(screen.queryByText(m.progress(2, 3))).toBeNull();
    expect(screen.queryByText(m.previewTitle)).toBeNull();
    // The files can be picked again once the reading stopped.
    expect((screen.getByRole("button", { name: m.chooseFiles }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("a file picked again is not read twice; another file under the same name is read under a new one", async () => {
    const batches: string[][] = [];
    const parse: ParseFn = (picked) => {
      batches.push(picked.map((p) => p.name));
      return { result: Promise.resolve({ records: [], lines: [], problems: [], stamps: [] }), cancel: () => undefined };
    };
    renderTask({ parse });
    const chooser = () => screen.getByRole("button", { name: m.chooseFiles }) as HTMLButtonElement;
    await pick(reportInput(), files.slice(0, 2));
    await waitFor(() => expect(chooser().disabled).toBe(false));
    await pick(reportInput(), files.slice(0, 2));
    const resent = new File([files[0]], files[0].name, { lastModified: FEB });
    await pick(reportInput(), [files[1], resent]);
    await waitFor(() => expect(batches).toHaveLength(2));
    expect(batches).toEqual([[files[0].name, files[1].name], [`${files[0].name} (2)`]]);
  });

  test("outside Excel the files can be previewed but nothing written", async () => {
    renderTask({ canWrite: false });
    expect(screen.getByText(m.onlyInExcel)).toBeTruthy();
    await pick(reportInput(), files.slice(0, 2));
    await waitFor(() => expect(screen.getByText(m.previewTitle)).toBeTruthy(), { timeout: 30_000 });
    expect(writeButton().disabled).toBe(true);
  }, 60_000);
});
