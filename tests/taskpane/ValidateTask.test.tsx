/** @jest-environment jsdom */
import { installDomShims } from "../support/dom-shims";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { vi } from "../../src/domain";
import type { Issue } from "../../src/domain/validate";
import type { ExcelValidation } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { mergeValidation, ValidateTask } from "../../src/taskpane/ValidateTask";
import type { ValidateApi } from "../../src/taskpane/ValidateTask";

beforeAll(installDomShims);

const m = vi.ui.validate;
const SHEET = "PL1 Cơ sở vật chất";
const SHEET_ID = "{sheet-1}";

const bare: Issue = {
  code: "value.machine.bare-number",
  severity: "error",
  cell: "D9",
  value: "2",
  message: "Cột (4) “Máy tính nối mạng internet” ghi “2”, thiếu đơn vị “máy”: sửa thành “2 máy”.",
  suggestion: "2 máy",
};
const lowerX: Issue = { code: "value.machine.x-variant", severity: "warning", cell: "G12", value: "x", message: "Cột (7) ghi “x”: đánh dấu bằng chữ “X” in hoa.", suggestion: "X" };
const total: Issue = { code: "rule.total", severity: "error", cell: "C7", value: 9, message: "Dòng “Tổng”, cột (3): ghi 9 nhưng cộng các dòng được 10.", suggestion: 10 };
const missing: Issue = { code: "units.missing", severity: "error", message: "Thiếu đơn vị “Xã Tân Mỹ”: thêm một dòng cho đơn vị này." };

function validation(issues: Issue[], over: Partial<ExcelValidation> = {}): ExcelValidation {
  return {
    scope: "all",
    report: { sheets: [{ sheet: SHEET, form: "facilities", how: "stamp", issues }], issues: [] },
    checked: [{ name: SHEET, id: SHEET_ID }],
    // C7 holds a formula: its suggestion is not offered as a fix.
    fixes: issues
      .filter((i) => i.suggestion !== undefined && i.cell && i.cell !== "C7")
      .map((i) => ({ sheet: SHEET, cell: i.cell as string, value: i.suggestion as string | number, code: i.code })),
    marked: 0,
    unmarked: 0,
    unmarkable: [],
    truncated: [],
    ...over,
  };
}

function fakeApi(first: ExcelValidation, again: ExcelValidation = first) {
  const stop = jest.fn(async () => undefined);
  let settled: ((ids: string[]) => Promise<void>) | undefined;
  const api = {
    validate: jest.fn<ReturnType<ValidateApi["validate"]>, Parameters<ValidateApi["validate"]>>(async () => first),
    revalidate: jest.fn<ReturnType<ValidateApi["revalidate"]>, Parameters<ValidateApi["revalidate"]>>(async () => again),
    applyFixes: jest.fn<ReturnType<ValidateApi["applyFixes"]>, Parameters<ValidateApi["applyFixes"]>>(async (fixes) => fixes.length),
    select: jest.fn<ReturnType<ValidateApi["select"]>, Parameters<ValidateApi["select"]>>(async () => undefined),
    watch: jest.fn<ReturnType<ValidateApi["watch"]>, Parameters<ValidateApi["watch"]>>(async (onSettled) => {
      settled = onSettled;
      return { stop };
    }),
  };
  return { api, stop, changed: (ids: string[]) => act(async () => settled?.(ids)) };
}

function renderTask(api: ValidateApi, canValidate = true) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ValidateTask messages={vi} canValidate={canValidate} api={api} />
    </FluentProvider>,
  );
}

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole("button", { name }));

describe("ValidateTask", () => {
  test("checking all sheets lists the problems by kind with their counts", async () => {
    const { api } = fakeApi(validation([total, bare, lowerX, missing]));
    renderTask(api);
    click(m.checkAll);

    await screen.findByText(m.summary(3, 1, 1));
    expect(api.validate).toHaveBeenCalledWith({ scope: "all" });
    const groups = within(screen.getByRole("region", { name: m.groupsLabel }));
    expect(groups.getByRole("button", { name: `${m.groups["value.machine"]} (${m.groupCount(1, 1)})` })).toBeTruthy();
    expect(groups.getByRole("button", { name: `${m.groups.rule} (${m.groupCount(1, 0)})` })).toBeTruthy();
    expect(groups.getByRole("button", { name: `${m.groups.units} (${m.groupCount(1, 0)})` })).toBeTruthy();
    // An issue without a cell is listed, but there is nothing to select.
    expect(screen.getByText(missing.message).closest("button")).toBeNull();
  });

  test("an issue is a button that selects its cell in Excel", async () => {
    const { api } = fakeApi(validation([bare]));
    renderTask(api);
    click(m.checkActive);
    await screen.findByText(bare.message);
    expect(api.validate).toHaveBeenCalledWith({ scope: "active" });

    fireEvent.click(screen.getByText(bare.message).closest("button") as HTMLButtonElement);
    await waitFor(() => expect(api.select).toHaveBeenCalledWith(SHEET, "D9"));
  });

  test("ticked fixes are applied together, then the sheet is checked again", async () => {
    const { api } = fakeApi(validation([total, bare, lowerX]), validation([total, lowerX], { scope: "sheets" }));
    renderTask(api);
    click(m.checkAll);
    await screen.findByText(bare.message);

    expect(screen.queryByLabelText(m.fixTo("C7", "10"))).toBeNull();
    const apply = () => screen.getByRole("button", { name: /Sửa tự động/ }) as HTMLButtonElement;
    expect(apply().disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(m.fixTo("D9", "2 máy")));
    expect(apply().textContent).toBe(m.applyFixes(1));
    fireEvent.click(apply());

    await screen.findByText(m.fixed(1));
    expect(api.applyFixes).toHaveBeenCalledWith([{ sheet: SHEET, cell: "D9", value: "2 máy", code: bare.code }]);
    expect(api.revalidate).toHaveBeenCalledWith([SHEET], undefined);
    expect(screen.queryByText(bare.message)).toBeNull();
    expect(screen.getByText(lowerX.message)).toBeTruthy();
    expect(screen.getByText(m.summary(1, 1, 1))).toBeTruthy();
  });

  test("all fixable cells can be ticked at once", async () => {
    const { api } = fakeApi(validation([bare, lowerX]));
    renderTask(api);
    click(m.checkAll);
    await screen.findByText(bare.message);
    fireEvent.click(screen.getByLabelText(m.fixAll(2)));
    click(m.applyFixes(2));
    await waitFor(() => expect(api.applyFixes).toHaveBeenCalledTimes(1));
    expect(api.applyFixes.mock.calls[0][0].map((f) => f.cell)).toEqual(["D9", "G12"]);
  });

  test("Excel's errors are told in plain Vietnamese", async () => {
    const { api } = fakeApi(validation([]));
    api.validate.mockRejectedValueOnce(Object.assign(new Error("RichApi.Error"), { code: "InvalidOperationInCellEditMode" }));
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderTask(api);
    click(m.checkAll);
    await screen.findByText(m.errors.cellEditMode);
  });

  test("the open sheet that is no form, and a clean check, each get their message", async () => {
    const { api } = fakeApi(
      validation([], { scope: "active", report: { sheets: [], issues: [{ code: "file.no-form", severity: "error", message: vi.validate.noForm }] } }),
    );
    renderTask(api);
    click(m.checkActive);
    await screen.findByText(m.activeNotForm);

    api.validate.mockResolvedValueOnce(validation([]));
    click(m.checkAll);
    await screen.findByText(m.clean(1));
  });

  test("while results are shown, edited sheets are checked again; the watch ends with the pane", async () => {
    const { api, stop, changed } = fakeApi(validation([bare], { scope: "active" }), validation([], { scope: "sheets" }));
    const view = renderTask(api);
    expect(api.watch).not.toHaveBeenCalled();
    click(m.checkActive);
    await screen.findByText(bare.message);
    await waitFor(() => expect(api.watch).toHaveBeenCalledTimes(1));

    // A sheet outside what was checked is left alone.
    await changed(["{other}"]);
    expect(api.revalidate).not.toHaveBeenCalled();
    await changed([SHEET_ID]);
    expect(api.revalidate).toHaveBeenCalledWith([SHEET_ID], undefined);
    await screen.findByText(m.clean(1));

    view.unmount();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test("a unit list makes the check expect its units", async () => {
    const { api } = fakeApi(validation([]));
    renderTask(api);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["Xã Tân Mỹ\nPhường Nếnh\n"], "xa.txt", { type: "text/plain" })] } });
    });
    await screen.findByText(m.listFound("xa.txt", 2, ""));
    click(m.checkAll);
    await waitFor(() => expect(api.validate).toHaveBeenCalledTimes(1));
    expect(api.validate.mock.calls[0][0]).toEqual({ scope: "all", expectedUnits: [{ name: "Xã Tân Mỹ" }, { name: "Phường Nếnh" }] });
  });

  test("outside Excel the buttons stay disabled and say why", () => {
    const { api } = fakeApi(validation([]));
    renderTask(api, false);
    expect((screen.getByRole("button", { name: m.checkActive }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: m.checkAll }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(m.onlyInExcel)).toBeTruthy();
  });
});

describe("mergeValidation", () => {
  test("replaces the sheets checked again and keeps the others in workbook order", () => {
    const two = (a: Issue[], b: Issue[]): ExcelValidation => ({
      ...validation([]),
      checked: [
        { name: "A", id: "1" },
        { name: "B", id: "2" },
      ],
      report: {
        sheets: [
          { sheet: "A", form: "facilities", how: "stamp", issues: a },
          { sheet: "B", form: "staffing", how: "stamp", issues: b },
        ],
        issues: [],
      },
      fixes: [{ sheet: "A", cell: "D9", value: "2 máy", code: bare.code }],
    });
    const fresh: ExcelValidation = { ...validation([]), checked: [{ name: "A", id: "1" }], report: { sheets: [{ sheet: "A", form: "facilities", how: "stamp", issues: [] }], issues: [] }, fixes: [] };
    const merged = mergeValidation(two([bare], [lowerX]), fresh);
    expect(merged.report.sheets.map((s) => [s.sheet, s.issues.length])).toEqual([
      ["A", 0],
      ["B", 1],
    ]);
    expect(merged.fixes).toEqual([]);
  });
});

describe("App", () => {
  test("?task=validate opens the Kiểm tra tab; the other tab keeps its panel", () => {
    const { api } = fakeApi(validation([]));
    render(<App host="excel" task="validate" validation={api} />);
    expect(screen.getByRole("tab", { name: vi.ui.tabs.validate }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: m.checkAll })).toBeTruthy();
    expect(screen.queryByRole("button", { name: vi.ui.insert.submit })).toBeNull();
    expect(screen.queryByText(/đang được xây dựng/)).toBeNull();

    fireEvent.click(screen.getByRole("tab", { name: vi.ui.tabs.insert }));
    expect(screen.getByRole("button", { name: vi.ui.insert.submit })).toBeTruthy();
    expect(screen.queryByRole("button", { name: m.checkAll })).toBeNull();
  });
});
