import { recallInsert, rememberInsert } from "../../src/taskpane/remembered";

function fakeOffice(initial: Record<string, unknown> = {}) {
  const store = new Map(Object.entries(initial));
  const saveAsync = jest.fn();
  const settings = {
    get: (key: string) => (store.has(key) ? store.get(key) : null),
    set: (key: string, value: unknown) => void store.set(key, value),
    saveAsync,
  };
  Object.assign(globalThis, { Office: { context: { document: { settings } } } });
  return { store, saveAsync };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("remembered insert values", () => {
  test("outside Office nothing is recalled and remembering does nothing", () => {
    expect(recallInsert()).toEqual({});
    expect(() => rememberInsert({ level: "xa", tiers: 2, unitName: "Xã Vân Hà", unitCode: "", period: "Năm 2025" })).not.toThrow();
  });

  test("values saved in the workbook's settings come back", () => {
    const { saveAsync } = fakeOffice();
    const values = { level: "huyen" as const, tiers: 3 as const, unitName: "Thị xã Việt Yên", unitCode: "222", period: "Năm 2024" };
    rememberInsert(values);
    expect(saveAsync).toHaveBeenCalledTimes(1);
    expect(recallInsert()).toEqual(values);
  });

  test("settings someone edited by hand are kept only where they make sense", () => {
    fakeOffice({ "phuluc.insert": { level: "commune", tiers: 4, unitName: 12, unitCode: "07759", period: "x".repeat(500) } });
    expect(recallInsert()).toEqual({ unitCode: "07759" });
  });

  test("the unit list comes back with the values; one edited into nonsense is dropped, the rest kept", () => {
    const { store } = fakeOffice();
    const list = { fileName: "ds.txt", table: { layout: "names" as const, names: ["Xã Thượng Lan", "Phường Nếnh"] } };
    const values = { level: "huyen" as const, tiers: 3 as const, unitName: "Thị xã Việt Yên", unitCode: "", period: "Năm 2024" };
    rememberInsert({ ...values, list });
    expect(recallInsert()).toEqual({ ...values, list });
    // Saved again without a list: the old one is not recalled.
    rememberInsert(values);
    expect(recallInsert()).toEqual(values);
    store.set("phuluc.insert", { ...values, list: { fileName: "ds.txt", table: { layout: "names", names: [42] } } });
    expect(recallInsert()).toEqual(values);
  });
});
