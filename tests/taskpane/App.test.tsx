/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { en, vi } from "../../src/domain";
import { App } from "../../src/taskpane/App";

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

describe("App", () => {
  test("in a plain browser it explains why nothing can be inserted, and still shows the form", () => {
    render(<App host="browser" task="insert" insert={insert} />);
    expect(screen.getByText(vi.ui.outsideOffice)).toBeTruthy();
    expect(screen.getByRole("tab", { name: vi.ui.tabs.insert }).getAttribute("aria-selected")).toBe("true");
    expect((screen.getByRole("button", { name: vi.ui.insert.submit }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText(vi.ui.insert.unitName)).toBeTruthy();
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
    expect(screen.queryByText(vi.ui.taskNotReady)).toBeNull();
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
