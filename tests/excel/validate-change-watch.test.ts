import { ChangeDebouncer, isOwnChange, watchSheetChanges } from "../../src/taskpane/change-watch";
import type { ExcelRunner } from "../../src/taskpane/change-watch";

/* eslint-disable @typescript-eslint/no-explicit-any -- a hand-made event source */

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Lets pending promise callbacks run without moving the clock. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("ChangeDebouncer", () => {
  test("a burst of edits gives one check, 600 ms after the last, with each sheet once", async () => {
    const checks: string[][] = [];
    const d = new ChangeDebouncer(async (ids) => void checks.push(ids));
    d.push("s1");
    jest.advanceTimersByTime(400);
    d.push("s2");
    jest.advanceTimersByTime(400);
    d.push("s1");
    jest.advanceTimersByTime(599);
    expect(checks).toEqual([]);
    jest.advanceTimersByTime(1);
    await settle();
    expect(checks).toEqual([["s1", "s2"]]);
  });

  test("edits during a check wait for it, then give one more check", async () => {
    const checks: string[][] = [];
    let finish: () => void = () => undefined;
    const d = new ChangeDebouncer((ids) => {
      checks.push(ids);
      return new Promise<void>((resolve) => (finish = resolve));
    });
    d.push("s1");
    jest.advanceTimersByTime(600);
    d.push("s2");
    jest.advanceTimersByTime(600);
    expect(checks).toEqual([["s1"]]);
    finish();
    await settle();
    jest.advanceTimersByTime(600);
    await settle();
    expect(checks).toEqual([["s1"], ["s2"]]);
  });

  test("a failed check does not stop later ones; nothing runs after dispose", async () => {
    const checks: string[][] = [];
    const d = new ChangeDebouncer(async (ids) => {
      checks.push(ids);
      throw new Error("InvalidOperationInCellEditMode");
    });
    d.push("s1");
    jest.advanceTimersByTime(600);
    await settle();
    d.push("s2");
    jest.advanceTimersByTime(600);
    await settle();
    d.push("s3");
    d.dispose();
    jest.advanceTimersByTime(600);
    await settle();
    expect(checks).toEqual([["s1"], ["s2"]]);
  });
});

describe("watchSheetChanges", () => {
  function fakeExcel() {
    const handlers: ((args: any) => Promise<void>)[] = [];
    let removed = 0;
    let syncs = 0;
    const context: any = {
      workbook: {
        worksheets: {
          onChanged: {
            add: (h: (args: any) => Promise<void>) => {
              handlers.push(h);
              return {
                context,
                remove: () => {
                  removed++;
                },
              };
            },
          },
        },
      },
      sync: async () => {
        syncs++;
      },
    };
    const excel: ExcelRunner = {
      run: (batch) => batch(context),
      runIn: (ctx, batch) => {
        expect(ctx).toBe(context);
        return batch(context);
      },
    };
    return { excel, handlers, removed: () => removed, syncs: () => syncs };
  }

  test("registers one handler on all worksheets, re-checks edited sheets after a pause, ignores its own edits", async () => {
    const fake = fakeExcel();
    const checks: string[][] = [];
    const watch = await watchSheetChanges(async (ids) => void checks.push(ids), { excel: fake.excel });
    expect(fake.handlers).toHaveLength(1);
    expect(fake.syncs()).toBe(1);

    const [handler] = fake.handlers;
    await handler({ worksheetId: "s1", triggerSource: "ThisLocalAddin" });
    jest.advanceTimersByTime(600);
    await settle();
    expect(checks).toEqual([]);

    await handler({ worksheetId: "s1", address: "D9" });
    await handler({ worksheetId: "s1", address: "D10", triggerSource: "Unknown" });
    jest.advanceTimersByTime(600);
    await settle();
    expect(checks).toEqual([["s1"]]);

    await watch.stop();
    await watch.stop();
    expect(fake.removed()).toBe(1);
    await handler({ worksheetId: "s2" });
    jest.advanceTimersByTime(600);
    await settle();
    expect(checks).toEqual([["s1"]]);
  });

  test("isOwnChange is true only for the add-in's own edits", () => {
    expect(isOwnChange({ triggerSource: "ThisLocalAddin" })).toBe(true);
    expect(isOwnChange({ triggerSource: "Unknown" })).toBe(false);
    expect(isOwnChange({} as never)).toBe(false);
  });
});
