/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { en, vi } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import { App } from "../../src/taskpane/App";
import type { FileApi } from "../../src/taskpane/file-api";

beforeAll(() => {
  // MessageBar measures itself with ResizeObserver, which jsdom lacks.
  if (!("ResizeObserver" in window)) {
    Object.assign(window, {
      ResizeObserver: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
});

const insert = jest.fn(async () => ({ sheets: [] }));

/** The standalone page's file actions, recorded instead of downloading. */
function fileMocks(): FileApi & { downloadForms: jest.Mock } {
  return {
    downloadForms: jest.fn(async (plans: SheetPlan[]) => ({ sheets: plans.map((p) => p.name), file: "phu-luc.xlsx" })),
    downloadSummary: jest.fn(async () => ({ sheets: [], file: "tong-hop.xlsx" })),
    check: jest.fn(async () => []),
    downloadCorrected: jest.fn(async () => ({ file: "a-da-sua.xlsx", cells: 0 })),
  };
}

describe("App", () => {
  test("in a plain browser the page says it works on files, and each task acts on files", async () => {
    const files = fileMocks();
    render(<App host="browser" task="insert" insert={insert} files={files} />);
    expect(screen.getByText(vi.ui.outsideOffice)).toBeTruthy();
    expect(screen.getByRole("tab", { name: vi.ui.tabs.insert }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByLabelText(vi.ui.insert.unitName)).toBeTruthy();
    expect(screen.queryByRole("button", { name: vi.ui.insert.submit })).toBeNull();
    fireEvent.click(screen.getByLabelText(vi.ui.insert.allForms));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: vi.ui.files.insert.submit }));
    });
    expect(files.downloadForms).toHaveBeenCalledTimes(1);
    expect(insert).not.toHaveBeenCalled();
    expect(await screen.findByText(vi.ui.files.insert.downloaded("phu-luc.xlsx", 5))).toBeTruthy();
    // Kiểm tra picks files instead of reading the open workbook; Tổng hợp downloads instead of writing.
    fireEvent.click(screen.getByRole("tab", { name: vi.ui.tabs.validate }));
    expect(screen.queryByRole("button", { name: vi.ui.validate.checkAll })).toBeNull();
    expect(screen.getByRole("button", { name: vi.ui.files.validate.choose })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: vi.ui.tabs.consolidate }));
    expect(screen.getByRole("button", { name: vi.ui.files.consolidate.submit })).toBeTruthy();
  });

  test.each(["other-host", "unreachable"] as const)("with Office out of reach (%s) the tasks work on files too, with a warning that says why", (host) => {
    render(<App host={host} insert={insert} files={fileMocks()} />);
    expect(screen.getByText(host === "other-host" ? vi.ui.otherHost : vi.ui.notConnected)).toBeTruthy();
    expect((screen.getByRole("button", { name: vi.ui.files.insert.submit }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("inside Excel there is no warning and Chèn is enabled; the insert, validate and consolidate tasks are offered", () => {
    render(<App host="excel" task="insert" insert={insert} />);
    expect(screen.queryByText(vi.ui.outsideOffice)).toBeNull();
    expect((screen.getByRole("button", { name: vi.ui.insert.submit }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getAllByRole("tab")).toHaveLength(3);
    expect(screen.getByRole("tab", { name: vi.ui.tabs.validate })).toBeTruthy();
    expect(screen.getByRole("tab", { name: vi.ui.tabs.consolidate })).toBeTruthy();
  });

  test("the ribbon's consolidate button opens the consolidate task, with no 'not ready' note", () => {
    render(<App host="excel" task="consolidate" insert={insert} />);
    expect(screen.queryByText(/đang được xây dựng/)).toBeNull();
    expect(screen.getByRole("tab", { name: vi.ui.tabs.consolidate }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: vi.ui.consolidate.chooseFiles })).toBeTruthy();
  });

  test("the language switch turns the pane to English and back, keeping what was typed", () => {
    render(<App host="browser" insert={insert} />);
    fireEvent.change(screen.getByLabelText(vi.ui.insert.unitName), { target: { value: "Xã Vân Hà" } });
    fireEvent.click(screen.getByRole("button", { name: vi.ui.switchLanguageLabel }));
    expect(screen.getByText(en.ui.outsideOffice)).toBeTruthy();
    expect((screen.getByLabelText(en.ui.insert.unitName) as HTMLInputElement).value).toBe("Xã Vân Hà");
    expect(document.documentElement.lang).toBe("en");
    fireEvent.click(screen.getByRole("button", { name: en.ui.switchLanguageLabel }));
    expect(screen.getByText(vi.ui.outsideOffice)).toBeTruthy();
  });
});
