/** @jest-environment jsdom */
import { installDomShims } from "../support/dom-shims";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { vi } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import { ConsolidateTask } from "../../src/taskpane/ConsolidateTask";
import type { WriteSummaryFn } from "../../src/taskpane/ConsolidateTask";
import { InsertTask } from "../../src/taskpane/InsertTask";
import type { InsertFn } from "../../src/taskpane/InsertTask";

beforeAll(installDomShims);

/** What webpack throws when a lazily loaded part of the page cannot be fetched (the network is gone). */
const chunkError = () => Object.assign(new Error("Loading chunk 12 failed."), { name: "ChunkLoadError" });

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("Chèn biểu mẫu on the standalone page", () => {
  test("the button downloads; a failure says what to do and keeps what was typed; the next click downloads", async () => {
    const insert = jest
      .fn<ReturnType<InsertFn>, Parameters<InsertFn>>()
      .mockRejectedValueOnce(chunkError())
      .mockImplementation(async (plans: SheetPlan[]) => ({ sheets: plans.map((p) => p.name), file: "phu-luc-xa-van-ha.xlsx" }));
    render(
      <FluentProvider theme={webLightTheme}>
        <InsertTask messages={vi} canInsert insert={insert} target="file" today={new Date(2025, 2, 1)} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByLabelText(vi.ui.insert.formNames.staffing));
    fireEvent.change(screen.getByLabelText(vi.ui.insert.unitName), { target: { value: "Xã Vân Hà" } });
    const button = screen.getByRole("button", { name: vi.ui.files.insert.submit });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await screen.findByText(vi.ui.files.errors.offline)).toBeTruthy();
    expect((screen.getByLabelText(vi.ui.insert.unitName) as HTMLInputElement).value).toBe("Xã Vân Hà");
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await screen.findByText(vi.ui.files.insert.downloaded("phu-luc-xa-van-ha.xlsx", 1))).toBeTruthy();
    expect(screen.getByText(vi.ui.files.insert.openHint)).toBeTruthy();
    expect(insert).toHaveBeenCalledTimes(2);
    expect(insert.mock.calls[1][0].map((p) => p.stamp.unit.name)).toEqual(["Xã Vân Hà"]);
  });
});

describe("Tổng hợp on the standalone page", () => {
  test("the summary is downloaded; a failure keeps the files read, and the next click downloads", async () => {
    const write = jest
      .fn<ReturnType<WriteSummaryFn>, Parameters<WriteSummaryFn>>()
      .mockRejectedValueOnce(new RangeError("Array buffer allocation failed"))
      .mockImplementation(async (result) => ({ sheets: [...result.plans.map((p) => p.name), "Nguồn dữ liệu"], file: "tong-hop-thi-xa-viet-yen.xlsx" }));
    render(
      <FluentProvider theme={webLightTheme}>
        <ConsolidateTask messages={vi} canWrite write={write} target="file" today={new Date(2025, 2, 1)} />
      </FluentProvider>,
    );
    const books = vietYenWorkbooks().slice(0, 2);
    const files = await Promise.all(books.map(async (b) => new File([(await writeWorkbook(b.plans)) as Uint8Array<ArrayBuffer>], b.file.replace("xa/", ""))));
    await act(async () => {
      fireEvent.change(document.querySelector('input[type="file"][multiple]') as HTMLInputElement, { target: { files } });
    });
    await waitFor(() => expect(screen.getByText(vi.ui.consolidate.previewTitle)).toBeTruthy(), { timeout: 30_000 });
    const button = screen.getByRole("button", { name: vi.ui.files.consolidate.submit });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await screen.findByText(vi.ui.files.errors.tooLarge)).toBeTruthy();
    expect(screen.getByText(vi.ui.consolidate.filesRead(2))).toBeTruthy();
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    const sheets = write.mock.calls[1][0].plans.length + 1;
    expect(await screen.findByText(vi.ui.files.consolidate.downloaded("tong-hop-thi-xa-viet-yen.xlsx", sheets))).toBeTruthy();
    expect(screen.getByText(vi.ui.files.consolidate.note, { exact: false })).toBeTruthy();
  }, 60_000);
});
