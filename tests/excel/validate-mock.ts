/**
 * An office-addin-mock workbook for validation in Excel. Every proxy the code gets is an
 * OfficeMockObject, so reading a property that was not loaded, or not yet synced, gives the mock's
 * error string instead of the value and the test fails on the wrong result. Methods are seeded
 * functions that answer from the sheets described here and record what they were asked to do:
 * conditional formats added and deleted, values written, cells selected, blocks read.
 * Test files replace office-addin-manifest with jest.mock before importing this module.
 */
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, encodeStamp, parseRange, STAMP_HEADER, STAMP_SHEET } from "../../src/domain";
import type { SheetPlan } from "../../src/domain";

/* eslint-disable @typescript-eslint/no-explicit-any -- mock objects are untyped by nature */

/** A conditional format on a sheet: one the user made, or one the code added (its handle holds what was assigned). */
export interface FakeRule {
  type: string;
  address: string;
  formula?: string;
  fill?: string;
  /** Set for rules added through the mock: the object the code assigned rule and fill on. */
  handle?: { custom: { rule: { formula?: string }; format: { fill: { color?: string } } } };
}

export interface FakeSheetSpec {
  name: string;
  id?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  /** Values from A1 as Range.values gives them: "" for an empty cell, the error text for an error. */
  cells: unknown[][];
  /** Number formats by A1 address; every other cell is "General". */
  formats?: Record<string, string>;
  /** Cells holding formulas and cells holding errors, by A1 address or range. */
  formulas?: string[];
  errors?: string[];
  merges?: string[];
  rules?: FakeRule[];
}

export interface FakeSheet extends FakeSheetSpec {
  id: string;
  rules: FakeRule[];
  /** Ranges written through getRange(address).values, in order. */
  writes: { address: string; range: any }[];
  selected: string[];
  activations: number;
  /** Blocks read through getRangeByIndexes, with what was loaded on them. */
  reads: { row: number; col: number; rows: number; cols: number; loads: unknown[] }[];
}

export interface FakeWorkbookOptions {
  sheets: FakeSheetSpec[];
  /** Name of the active sheet; the first sheet by default. */
  active?: string;
  /** Rows of the very hidden stamp sheet; none when absent. */
  stampRows?: unknown[][];
  /** A sync that carries a getMergedAreasOrNullObject call fails once with this code. */
  mergesFailWith?: string;
}

export interface FakeWorkbook {
  context: Excel.RequestContext;
  syncCount(): number;
  sheet(name: string): FakeSheet;
  /** Rules the code added and that still exist, with the formula and fill it assigned. */
  addedRules(name: string): { address: string; formula?: string; fill?: string }[];
}

/** The rows a plan writes, as Range.values would read them back. */
export function cellsOfPlan(plan: SheetPlan): unknown[][] {
  return plan.cells.map((row) => row.map((c) => (c.value === null || c.value === undefined ? "" : c.value)));
}

/** The stamp sheet's rows for these plans. */
export function stampRowsOf(plans: SheetPlan[]): unknown[][] {
  return [[...STAMP_HEADER], ...plans.map((p) => encodeStamp(p.stamp))];
}

/** Sets a cell of a values grid by A1 address, growing the grid as needed. */
export function setCell(cells: unknown[][], address: string, value: unknown): void {
  const at = parseRange(address);
  if (!at) throw new Error(`not an address: ${address}`);
  while (cells.length < at.start.row) cells.push([]);
  const row = cells[at.start.row - 1];
  while (row.length < at.start.col) row.push("");
  row[at.start.col - 1] = value;
}

function usedBox(cells: unknown[][]): { row: number; col: number; rows: number; cols: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function inAreas(areas: string[] | undefined, row: number, col: number): boolean {
  return (areas ?? []).some((a) => {
    const r = parseRange(a);
    return !!r && row >= r.start.row && row <= r.end.row && col >= r.start.col && col <= r.end.col;
  });
}

const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export function fakeWorkbook(options: FakeWorkbookOptions): FakeWorkbook {
  let syncs = 0;
  let mergesAsked = false;
  let mergesFailWith = options.mergesFailWith;
  const registry: any[] = [];
  const mock = (seed: Record<string, unknown>): any => {
    const m: any = new OfficeMockObject(seed);
    registry.push(m);
    return m;
  };
  /** isNullObject needs no load in Office.js but is known only after a sync. */
  const nullFlag = (target: any, value: boolean): any => {
    const since = syncs;
    Object.defineProperty(target, "isNullObject", {
      configurable: true,
      get: () => {
        if (syncs === since) throw new Error("isNullObject read before context.sync()");
        return value;
      },
    });
    return target;
  };
  /** A collection whose items are loaded through "items/…": the mock cannot follow a path into an array. */
  const collection = (items: any[], extra: Record<string, unknown> = {}): any => {
    const c = mock({ items, ...extra });
    const load = c.load.bind(c);
    c.load = (arg: string) => {
      const props = String(arg)
        .split(",")
        .map((p) => p.trim().replace(/^items\//, ""))
        .filter((p) => p !== "items");
      for (const item of items) if (item instanceof OfficeMockObject && props.length > 0) (item as any).load(props.join(","));
      return load("items");
    };
    return c;
  };

  const sheets: FakeSheet[] = options.sheets.map((s, i) => ({
    ...s,
    id: s.id ?? `{sheet-${i + 1}}`,
    rules: [...(s.rules ?? [])],
    writes: [],
    selected: [],
    activations: 0,
    reads: [],
  }));
  const stampSpec: FakeSheet | undefined = options.stampRows
    ? { name: STAMP_SHEET, id: "{stamp}", visibility: "VeryHidden", cells: options.stampRows, rules: [], writes: [], selected: [], activations: 0, reads: [] }
    : undefined;

  /** A mock holding another mock: a mock seed cannot contain one, so it is attached afterwards. */
  const holding = (key: string, child: any, seed: Record<string, unknown> = {}): any => {
    const parent = mock(seed);
    parent[key] = child;
    return parent;
  };

  const areasMock = (sheet: FakeSheet, addresses: string[] | undefined): any =>
    nullFlag(holding("areas", collection((addresses ?? []).map((a) => ({ address: `${quoted(sheet.name)}!${a}` })))), !addresses || addresses.length === 0);

  const specialCells = (sheet: FakeSheet, type: string, valueType?: string): string[] | undefined => {
    const box = usedBox(sheet.cells);
    if (!box) return undefined;
    const found: string[] = [];
    for (let r = box.row + 1; r <= box.row + box.rows; r++) {
      for (let c = box.col + 1; c <= box.col + box.cols; c++) {
        const formula = inAreas(sheet.formulas, r, c);
        const error = inAreas(sheet.errors, r, c);
        const value = sheet.cells[r - 1]?.[c - 1];
        const kindOk = type === "Formulas" ? formula : type === "Constants" ? !formula && value !== "" && value !== undefined : false;
        if (kindOk && (valueType === undefined || (valueType === "Errors" && error))) found.push(cellAddress(r, c));
      }
    }
    return found.length > 0 ? found : undefined;
  };

  const usedRangeMock = (sheet: FakeSheet): any => {
    const box = usedBox(sheet.cells);
    const values = box ? sheet.cells.slice(box.row, box.row + box.rows).map((r) => Array.from({ length: box.cols }, (_, c) => r[box.col + c] ?? "")) : [];
    const used = mock({
      rowIndex: box?.row ?? 0,
      columnIndex: box?.col ?? 0,
      rowCount: box?.rows ?? 0,
      columnCount: box?.cols ?? 0,
      values,
      getSpecialCellsOrNullObject: (type: string, valueType?: string) => areasMock(sheet, specialCells(sheet, type, valueType)),
      getMergedAreasOrNullObject: () => {
        mergesAsked = true;
        return areasMock(sheet, sheet.merges);
      },
    });
    return nullFlag(used, !box);
  };

  const blockMock = (sheet: FakeSheet, row: number, col: number, rows: number, cols: number): any => {
    const grid = (f: (r: number, c: number) => unknown) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(row + i, col + j)));
    const read = { row, col, rows, cols, loads: [] as unknown[] };
    sheet.reads.push(read);
    const block = mock({
      values: grid((r, c) => sheet.cells[r]?.[c] ?? ""),
      numberFormat: grid((r, c) => sheet.formats?.[cellAddress(r + 1, c + 1)] ?? "General"),
    });
    const load = block.load.bind(block);
    block.load = (arg: unknown) => {
      read.loads.push(arg);
      return load(arg);
    };
    return block;
  };

  /**
   * The sheet's rules as Excel lists them. An item stands for a place in the list, as a rule's id
   * does in Excel: deleting one moves the later ones up, so deleting from the front removes the
   * wrong rules. Only custom rules have a custom part; asking another rule for it fails.
   */
  const rulesCollection = (sheet: FakeSheet): any => {
    const items = sheet.rules.map((rule, index) =>
      mock({
        type: rule.type,
        ...(rule.type === "Custom" ? { custom: { rule: { formula: rule.handle?.custom.rule.formula ?? rule.formula ?? "" }, format: { fill: {} } } } : {}),
        delete: () => {
          if (index >= sheet.rules.length) throw Object.assign(new Error(`no conditional format ${index}`), { code: "ItemNotFound" });
          sheet.rules.splice(index, 1);
        },
      }),
    );
    return collection(items);
  };

  const sheetMock = (sheet: FakeSheet): any =>
    nullFlag(
      mock({
        name: sheet.name,
        id: sheet.id,
        visibility: sheet.visibility ?? "Visible",
        protection: { protected: sheet.protected ?? false },
        getUsedRangeOrNullObject: () => usedRangeMock(sheet),
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => blockMock(sheet, row, col, rows, cols),
        getRange: (address?: string) => {
          if (address === undefined) return holding("conditionalFormats", rulesCollection(sheet));
          const range = mock({
            select: () => {
              sheet.selected.push(address);
            },
          });
          sheet.writes.push({ address, range });
          return range;
        },
        getRanges: (address: string) =>
          mock({
            conditionalFormats: {
              add: (type: string) => {
                const handle = { custom: { rule: {}, format: { fill: {} } } };
                sheet.rules.push({ type, address, handle });
                return handle;
              },
            },
          }),
        activate: () => {
          sheet.activations++;
        },
      }),
      false,
    );

  const all = [...sheets, ...(stampSpec ? [stampSpec] : [])];
  const proxies = new Map(all.map((s) => [s.name, sheetMock(s)] as const));
  const active = options.active ?? sheets[0]?.name;
  const missing = (): any => nullFlag(mock({ getUsedRangeOrNullObject: () => nullFlag(mock({ values: [], columnIndex: 0 }), true) }), true);
  const worksheets = collection([...proxies.values()], {
    getActiveWorksheet: () => proxies.get(active as string),
    getItemOrNullObject: (key: string) => all.map((s) => proxies.get(s.name)).find((_, i) => all[i].name === key || all[i].id === key) ?? missing(),
    getItem: (key: string) => {
      const at = all.findIndex((s) => s.name === key || s.id === key);
      if (at < 0) throw Object.assign(new Error(`no sheet ${key}`), { code: "ItemNotFound" });
      return proxies.get(all[at].name);
    },
  });
  const context: any = new OfficeMockObject({ workbook: {} });
  context.workbook.worksheets = worksheets;
  context.sync = async () => {
    syncs++;
    if (mergesAsked && mergesFailWith) {
      const code = mergesFailWith;
      mergesFailWith = undefined;
      mergesAsked = false;
      throw Object.assign(new Error("merged areas"), { code });
    }
    mergesAsked = false;
    for (const m of registry) await m.sync();
    // The mock updates nested properties in promise callbacks it does not wait for.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    context: context as Excel.RequestContext,
    syncCount: () => syncs,
    sheet: (name) => {
      const s = all.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
    addedRules: (name) =>
      (all.find((x) => x.name === name)?.rules ?? [])
        .filter((r) => r.handle)
        .map((r) => ({ address: r.address, formula: r.handle?.custom.rule.formula, fill: r.handle?.custom.format.fill.color })),
  };
}

/** Every cell of a comma-separated list of A1 areas, as "D8" strings. */
export function cellsOfAreas(addresses: string[]): string[] {
  const out: string[] = [];
  for (const list of addresses) {
    for (const a of list.split(",")) {
      const r = parseRange(a.trim());
      if (!r) throw new Error(`not an address: ${a}`);
      for (let row = r.start.row; row <= r.end.row; row++) for (let col = r.start.col; col <= r.end.col; col++) out.push(cellAddress(row, col));
    }
  }
  return out.sort();
}
