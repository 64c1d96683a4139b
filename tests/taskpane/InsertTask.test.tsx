/** @jest-environment jsdom */
import { installDomShims } from "../support/dom-shims";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { vi } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";
import { InsertTask } from "../../src/taskpane/InsertTask";
import type { InsertFn } from "../../src/taskpane/InsertTask";
import type { RememberedInsert } from "../../src/taskpane/remembered";

beforeAll(installDomShims);

const m = vi.ui;

function renderTask(insert: InsertFn, canInsert = true, initial: Partial<RememberedInsert> = {}) {
  const onInserted = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <InsertTask messages={vi} canInsert={canInsert} insert={insert} onInserted={onInserted} initial={initial} today={new Date(2025, 2, 1)} />
    </FluentProvider>,
  );
  return { onInserted };
}

const unitNameBox = () => screen.getByLabelText(m.insert.unitName) as HTMLInputElement;
const insertButton = () => screen.getByRole("button", { name: m.insert.submit });

async function pickFile(name: string, text: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.accept).toBe(".xlsx,.xls,.ods,.csv,.txt");
  const file = new File([text], name, { type: "text/plain" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

describe("InsertTask", () => {
  test("a unit list remembered with the workbook is used without picking the file again, and remembered again", async () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async (plans) => ({ sheets: plans.map((p) => p.name) }));
    const list = { fileName: "ds-xa.txt", table: { layout: "names" as const, names: ["Xã Thượng Lan", "Phường Nếnh", "Xã Vân Hà"] } };
    const { onInserted } = renderTask(insert, true, { level: "huyen", tiers: 3, unitName: "Thị xã Việt Yên", unitCode: "", period: "Năm 2025", list });
    expect(screen.getByText(/ds-xa\.txt: 3 đơn vị/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(m.insert.formNames.staffing));
    fireEvent.click(insertButton());
    await screen.findByText(m.insert.inserted(1));
    const plan = insert.mock.calls[0][0][0];
    expect(plan.unitRows.map((r) => r.unit.name)).toEqual(expect.arrayContaining(["Xã Thượng Lan", "Phường Nếnh", "Xã Vân Hà"]));
    expect(onInserted).toHaveBeenCalledWith(expect.objectContaining({ list }));
    // Bỏ danh sách: the next insert remembers none.
    fireEvent.click(screen.getByRole("button", { name: m.list.remove }));
    fireEvent.click(insertButton());
    await waitFor(() => expect(onInserted).toHaveBeenCalledTimes(2));
    expect(onInserted.mock.calls[1][0].list).toBeUndefined();
  });

  test("inserting one form passes plans whose stamps carry the typed unit", async () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async (plans) => ({ sheets: plans.map((p) => p.name) }));
    const { onInserted } = renderTask(insert);

    fireEvent.change(unitNameBox(), { target: { value: "Xã Thượng Lan" } });
    fireEvent.click(screen.getByLabelText(m.insert.levels.xa));
    fireEvent.click(screen.getByLabelText(m.insert.formNames.facilities));
    fireEvent.click(insertButton());

    await screen.findByText(m.insert.inserted(1));
    expect(insert).toHaveBeenCalledTimes(1);
    const plans = insert.mock.calls[0][0];
    expect(plans.map((p) => p.stamp.form)).toEqual(["facilities"]);
    expect(plans[0].stamp).toMatchObject({ unit: { name: "Xã Thượng Lan" }, level: "xa", year: 2025, period: "Năm 2025" });
    expect(screen.getByText(plans[0].name)).toBeTruthy();
    expect(onInserted).toHaveBeenCalledWith(expect.objectContaining({ unitName: "Xã Thượng Lan", level: "xa", period: "Năm 2025" }));
  });

  test('"Tất cả" ticks every form and inserts five sheets', async () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async (plans) => ({ sheets: plans.map((p) => p.name) }));
    renderTask(insert);
    fireEvent.click(screen.getByLabelText(m.insert.allForms));
    expect((screen.getByLabelText(m.insert.formNames.intake) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(insertButton());
    await screen.findByText(m.insert.inserted(5));
    expect(insert.mock.calls[0][0]).toHaveLength(5);
  });

  test("a failed insert shows what to do, never Excel's own message, and keeps the typed unit", async () => {
    const insert = jest.fn(async () => {
      // Shaped like OfficeExtension.Error: a localized message for developers, a stable code.
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
    });
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderTask(insert);

    fireEvent.change(unitNameBox(), { target: { value: "Phường Nếnh" } });
    fireEvent.click(screen.getByLabelText(m.insert.formNames.staffing));
    fireEvent.click(insertButton());

    await screen.findByText(m.errors.payloadTooLarge);
    expect(screen.queryByText(/payload size has exceeded/)).toBeNull();
    expect(unitNameBox().value).toBe("Phường Nếnh");
    expect((screen.getByLabelText(m.insert.formNames.staffing) as HTMLInputElement).checked).toBe(true);
    expect((insertButton() as HTMLButtonElement).disabled).toBe(false);
  });

  test("an unknown error code is shown as a code, for support", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderTask(async () => {
      throw Object.assign(new Error("raw"), { code: "SomethingNew" });
    });
    fireEvent.click(screen.getByLabelText(m.insert.formNames.staffing));
    fireEvent.click(insertButton());
    await screen.findByText(m.errors.unknown);
    expect(screen.getByText(m.errors.code("SomethingNew"))).toBeTruthy();
    expect(screen.queryByText("raw")).toBeNull();
  });

  test("a .txt unit list shows how many units it gives, and its communes reach the plans", async () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async (plans) => ({ sheets: plans.map((p) => p.name) }));
    renderTask(insert);
    fireEvent.click(screen.getByLabelText(m.insert.levels.huyen));
    await pickFile("danh-sach.txt", "Xã Thượng Lan\nPhường Nếnh\nXã Vân Hà\n");

    await screen.findByText(m.list.foundUnits("danh-sach.txt", 3));
    fireEvent.click(screen.getByLabelText(m.insert.formNames.staffing));
    fireEvent.click(insertButton());
    await screen.findByText(m.insert.inserted(1));
    const [plan] = insert.mock.calls[0][0];
    expect(plan.stamp.tiers).toBe(3);
    const labels = plan.cells.flat().map((c) => String(c.value ?? ""));
    for (const name of ["xã Thượng Lan", "phường Nếnh", "xã Vân Hà"]) expect(labels.some((l) => l.endsWith(name))).toBe(true);
  });

  test("an unusable unit list explains itself and blocks the insert", async () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async () => ({ sheets: [] }));
    renderTask(insert);
    await pickFile("trong.txt", "   \n\n");
    await screen.findByText(m.list.empty("trong.txt"));
    fireEvent.click(screen.getByLabelText(m.insert.formNames.staffing));
    fireEvent.click(insertButton());
    await screen.findByText(m.insert.listNotUsable);
    expect(insert).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: m.list.remove }));
    await waitFor(() => expect(screen.queryByText(m.list.empty("trong.txt"))).toBeNull());
  });

  test("without a form chosen nothing is inserted and the user is told why", async () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async () => ({ sheets: [] }));
    renderTask(insert);
    fireEvent.click(insertButton());
    await screen.findByText(m.insert.noForm);
    expect(insert).not.toHaveBeenCalled();
  });

  test("outside Excel the form can be filled but Chèn is disabled", () => {
    const insert = jest.fn<ReturnType<InsertFn>, [SheetPlan[]]>(async () => ({ sheets: [] }));
    renderTask(insert, false);
    expect((insertButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(m.insert.onlyInExcel)).toBeTruthy();
    fireEvent.change(unitNameBox(), { target: { value: "Xã Vân Hà" } });
    expect(unitNameBox().value).toBe("Xã Vân Hà");
  });
});
