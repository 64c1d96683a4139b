/**
 * An office-addin-mock workbook for the Office.js adapter. The mock itself only enforces the
 * load/sync discipline (reading a property that was not loaded and synced gives an error string);
 * every method is a function seeded here that records what it was asked to do, so tests can
 * rebuild what Excel would show from the recorded calls. Test files replace office-addin-manifest
 * with jest.mock before importing this module (see the top of insert-forms.test.ts).
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseRange, STAMP_SHEET } from "../../src/domain";

/* eslint-disable @typescript-eslint/no-explicit-any -- mock objects are untyped by nature */

export interface BorderLog {
  style?: string;
  weight?: string;
  color?: string;
}

export interface RangeLog {
  address: string;
  /** Order of getRange among the sheet's calls; the code sets a range's format right after getting it. */
  seq: number;
  /** Order of the setCellProperties call among the sheet's calls. */
  propsSeq?: number;
  /** The mock range: properties the code assigned are readable on it. */
  range: any;
  merges: (boolean | undefined)[];
  cellProperties?: Excel.SettableCellProperties[][];
  borders: Map<string, BorderLog>;
  /** Names of the dataValidation properties in the order they were set. */
  validationOrder: string[];
}

/** One series of a chart: the ranges it was given and what was set on it. */
export interface SeriesLog {
  /** The series object: name, gapWidth, hasDataLabels, dataLabels.*, format.fill colour are readable on it. */
  series: any;
  /** Address of the values: the chart's source range for the first series, setValues for the others. */
  values?: string;
  xValues?: string;
  /** Fill colour of each point (pie slices), by index. */
  points: Map<number, string>;
}

/** One chart made by `worksheet.charts.add`. */
export interface ChartLog {
  type: string;
  source: string;
  seriesBy: string;
  /** The chart object: name, title.text, legend.*, axes.*, format.font.* are readable on it. */
  chart: any;
  position?: [string, string];
  series: SeriesLog[];
}

export interface SheetLog {
  name: string;
  sheet: any;
  ranges: RangeLog[];
  freezeAt: string[];
  freezeRows: number[];
  freezeColumns: number[];
  printTitleRows: string[];
  activations: number;
  charts: ChartLog[];
  /** Cells given to horizontalPageBreaks.add. */
  pageBreaks: string[];
}

export interface MockWorkbook {
  context: Excel.RequestContext;
  syncCount(): number;
  /** Sheets created by `worksheets.add`, in order. */
  added: SheetLog[];
  /** The stamp sheet that existed before, if any. */
  stamp?: SheetLog;
  /** Arguments of every `worksheets.load`. */
  loads: unknown[];
}

export interface MockOptions {
  sheetNames?: string[];
  /** Values of the existing stamp sheet's used range; undefined: no stamp sheet; []: empty sheet. */
  stampRows?: unknown[][];
  /** 0-based row of the used range's top-left cell. */
  stampRowIndex?: number;
}

function rangeMock(address: string, ranges: RangeLog[], next: () => number): RangeLog {
  const entry: RangeLog = { address, seq: next(), range: undefined, merges: [], borders: new Map(), validationOrder: [] };
  const range: any = new OfficeMockObject({
    format: {
      font: {},
      borders: {
        getItem: (edge: string) => {
          const border: BorderLog = {};
          entry.borders.set(edge, border);
          return border;
        },
      },
    },
    dataValidation: {},
    merge: (across?: boolean) => {
      entry.merges.push(across);
    },
    setCellProperties: (props: Excel.SettableCellProperties[][]) => {
      entry.cellProperties = props;
      entry.propsSeq = next();
    },
  });
  for (const key of ["rule", "prompt", "errorAlert"]) {
    let value: unknown;
    Object.defineProperty(range.dataValidation, key, {
      configurable: true,
      get: () => value,
      set: (v: unknown) => {
        value = v;
        entry.validationOrder.push(key);
      },
    });
  }
  entry.range = range;
  ranges.push(entry);
  return entry;
}

/** A fill whose setSolidColor records the colour into `set`. */
const fillOf = (set: (color: string) => void): any => ({ fill: { setSolidColor: set }, font: {} });

function seriesMock(values: string | undefined, addressOf: (range: unknown) => string): SeriesLog {
  const log: SeriesLog = { series: undefined, values, points: new Map() };
  log.series = {
    format: fillOf((c) => {
      log.series.format.fill.color = c;
    }),
    dataLabels: { format: { font: {} } },
    points: { getItemAt: (i: number) => ({ format: fillOf((c) => log.points.set(i, c)) }) },
    setValues: (r: unknown) => {
      log.values = addressOf(r);
    },
    setXAxisValues: (r: unknown) => {
      log.xValues = addressOf(r);
    },
  };
  return log;
}

/** A chart whose members record what the code sets; ranges are logged by their address. */
function chartMock(type: string, source: string, seriesBy: string, addressOf: (range: unknown) => string): ChartLog {
  const log: ChartLog = { type, source, seriesBy, chart: undefined, series: [seriesMock(source, addressOf)] };
  const axis = (): any => ({ format: { font: {} } });
  log.chart = {
    format: { font: {} },
    title: { format: { font: {} } },
    legend: {},
    axes: { categoryAxis: axis(), valueAxis: axis() },
    series: {
      getItemAt: (i: number) => log.series[i].series,
      add: (name: string) => {
        const s = seriesMock(undefined, addressOf);
        s.series.name = name;
        log.series.push(s);
        return s.series;
      },
    },
    setPosition: (from: string, to: string) => {
      log.position = [from, to];
    },
  };
  return log;
}

/** A worksheet whose methods record their calls; `extra` adds seed members (an existing sheet's used range). */
export function sheetMock(name: string, extra: Record<string, unknown> = {}): { log: SheetLog; seed: Record<string, unknown> } {
  const log: SheetLog = {
    name,
    sheet: undefined,
    ranges: [],
    freezeAt: [],
    freezeRows: [],
    freezeColumns: [],
    printTitleRows: [],
    activations: 0,
    charts: [],
    pageBreaks: [],
  };
  let calls = 0;
  const next = (): number => ++calls;
  const addressOf = (range: unknown): string => {
    const hit = log.ranges.find((r) => r.range === range);
    if (!hit) throw new Error("a range from another sheet");
    return hit.address;
  };
  const seed = {
    ...extra,
    getRange: (address: string) => rangeMock(address, log.ranges, next).range,
    charts: {
      add: (type: string, source: unknown, seriesBy: string) => {
        const chart = chartMock(type, addressOf(source), seriesBy, addressOf);
        log.charts.push(chart);
        return chart.chart;
      },
    },
    horizontalPageBreaks: { add: (cell: string) => log.pageBreaks.push(cell) },
    activate: () => {
      log.activations++;
    },
    freezePanes: {
      freezeAt: (r: string) => log.freezeAt.push(r),
      freezeRows: (n: number) => log.freezeRows.push(n),
      freezeColumns: (n: number) => log.freezeColumns.push(n),
    },
    pageLayout: {
      setPrintTitleRows: (r: string) => log.printTitleRows.push(r),
      headersFooters: { firstPage: {}, defaultForAllPages: {} },
    },
  };
  return { log, seed };
}

/**
 * `isNullObject` needs no load in Office.js but is only known after a sync; reading it earlier
 * throws here so that a test fails on code that would read it too soon.
 */
function nullFlag(target: any, value: boolean, syncs: () => number): void {
  Object.defineProperty(target, "isNullObject", {
    configurable: true,
    get: () => {
      if (syncs() === 0) throw new Error("isNullObject read before context.sync()");
      return value;
    },
  });
}

export function mockWorkbook(options: MockOptions = {}): MockWorkbook {
  const { sheetNames = ["Sheet1"], stampRows, stampRowIndex = 0 } = options;
  const hasStamp = stampRows !== undefined;
  const added: SheetLog[] = [];
  const loads: unknown[] = [];
  let syncs = 0;
  const stampMock = sheetMock(STAMP_SHEET, {
    visibility: "VeryHidden",
    usedRange: { values: stampRows ?? [], rowIndex: stampRowIndex, columnIndex: 0 },
    getUsedRangeOrNullObject(this: any) {
      return this.usedRange;
    },
  });
  const seed = {
    workbook: {
      worksheets: {
        items: [...sheetNames, ...(hasStamp ? [STAMP_SHEET] : [])].map((name) => ({ name })),
        stampSheet: stampMock.seed,
        add: (name: string) => {
          const { log, seed: s } = sheetMock(name, { visibility: "Visible" });
          log.sheet = new OfficeMockObject(s);
          added.push(log);
          return log.sheet;
        },
        getItemOrNullObject(this: any, name: string) {
          if (name !== STAMP_SHEET) throw new Error(`unexpected getItemOrNullObject(${name})`);
          return this.stampSheet;
        },
      },
    },
  };
  const context: any = new OfficeMockObject(seed);
  const mockSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await mockSync();
  };
  const worksheets = context.workbook.worksheets;
  // The mock cannot follow a path into an array, so "items/name" loads the seeded items whole;
  // reading them before the sync still fails.
  const mockLoad = worksheets.load.bind(worksheets);
  worksheets.load = (arg: unknown) => {
    loads.push(arg);
    return mockLoad(arg === "items/name" ? "items" : arg);
  };
  const stampSheet = worksheets.stampSheet;
  stampMock.log.sheet = stampSheet;
  nullFlag(stampSheet, !hasStamp, () => syncs);
  nullFlag(stampSheet.usedRange, !hasStamp || stampRows.length === 0, () => syncs);
  return {
    context: context as Excel.RequestContext,
    syncCount: () => syncs,
    added,
    stamp: hasStamp ? stampMock.log : undefined,
    loads,
  };
}

/** The text Excel stores for a written string (a leading apostrophe only marks text). */
export function stored(written: unknown): unknown {
  return typeof written === "string" && written.startsWith("'") ? written.slice(1) : written;
}

/** The range log of the sheet's 2-D writes of `property` ("formulas", "numberFormat", "values"). */
export function writesOf(sheet: SheetLog, property: string): RangeLog[] {
  return sheet.ranges.filter((r) => Array.isArray(r.range[property]));
}

/** 1-based inclusive corners of an "A1:C3", "A:C" or "2:4" address. */
export function cornersOf(address: string): { top: number; left: number; bottom: number; right: number } {
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (cols) {
    const a = parseRange(`${cols[1]}1:${cols[2]}1`)!;
    return { top: 1, left: a.start.col, bottom: 1_048_576, right: a.end.col };
  }
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16_384 };
  const r = parseRange(address);
  if (!r) throw new Error(`not an address: ${address}`);
  return { top: r.start.row, left: r.start.col, bottom: r.end.row, right: r.end.col };
}

/** The rows × cols grid the sheet's 2-D assignments of `property` left, replayed in call order. */
export function gridOf(sheet: SheetLog, property: string, rows: number, cols: number): unknown[][] {
  const grid: unknown[][] = Array.from({ length: rows }, () => Array<unknown>(cols).fill(undefined));
  for (const w of writesOf(sheet, property)) {
    const { top, left } = cornersOf(w.address);
    (w.range[property] as unknown[][]).forEach((row, i) =>
      row.forEach((v, j) => {
        // null leaves a cell as it was.
        if (v !== null) grid[top - 1 + i][left - 1 + j] = v;
      }),
    );
  }
  return grid;
}

export interface SeenFormat {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  h?: string;
  v?: string;
  wrap?: boolean;
}

/**
 * Each cell's font and alignment after replaying, in call order, the range.format assignments
 * (taken at the range's getRange) and the setCellProperties calls (where `{}` changes nothing).
 */
export function formatsOf(sheet: SheetLog, rows: number, cols: number): SeenFormat[][] {
  const grid: SeenFormat[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ({})));
  const each = (address: string, f: (cell: SeenFormat, r: number, c: number) => void): void => {
    const { top, left, bottom, right } = cornersOf(address);
    for (let r = top; r <= Math.min(bottom, rows); r++) for (let c = left; c <= Math.min(right, cols); c++) f(grid[r - 1][c - 1], r, c);
  };
  const events: { seq: number; apply: () => void }[] = [];
  for (const log of sheet.ranges) {
    const fmt = log.range.format;
    const font = fmt.font;
    events.push({
      seq: log.seq,
      apply: () =>
        each(log.address, (cell) => {
          if (typeof font.name === "string") cell.name = font.name;
          if (typeof font.size === "number") cell.size = font.size;
          if (typeof font.bold === "boolean") cell.bold = font.bold;
          if (typeof font.italic === "boolean") cell.italic = font.italic;
          if (typeof fmt.horizontalAlignment === "string") cell.h = fmt.horizontalAlignment;
          if (typeof fmt.verticalAlignment === "string") cell.v = fmt.verticalAlignment;
          if (typeof fmt.wrapText === "boolean") cell.wrap = fmt.wrapText;
        }),
    });
    const props = log.cellProperties;
    if (!props || log.propsSeq === undefined) continue;
    const { top, left } = cornersOf(log.address);
    events.push({
      seq: log.propsSeq,
      apply: () =>
        each(log.address, (cell, r, c) => {
          const p = props[r - top][c - left].format;
          if (!p) return;
          if (p.font?.name !== undefined) cell.name = p.font.name;
          if (p.font?.size !== undefined) cell.size = p.font.size;
          if (p.font?.bold !== undefined) cell.bold = p.font.bold;
          if (p.font?.italic !== undefined) cell.italic = p.font.italic;
          if (p.horizontalAlignment !== undefined) cell.h = p.horizontalAlignment;
          if (p.verticalAlignment !== undefined) cell.v = p.verticalAlignment;
          if (p.wrapText !== undefined) cell.wrap = p.wrapText;
        }),
    });
  }
  events.sort((a, b) => a.seq - b.seq).forEach((e) => e.apply());
  return grid;
}

/**
 * Border segments drawn by range.format.borders, as "h:r:c" (the line under row r, column c; row
 * 0 is the top edge) and "v:r:c" (the line right of column c, row r; column 0 is the left edge).
 * Only thin continuous lines count; anything else is reported as "bad:…".
 */
export function borderSegmentsOf(sheet: SheetLog): Set<string> {
  const out = new Set<string>();
  for (const log of sheet.ranges) {
    if (log.borders.size === 0) continue;
    const { top, left, bottom, right } = cornersOf(log.address);
    for (const [edge, b] of log.borders) {
      if (b.style !== "Continuous" || b.weight !== "Thin") {
        out.add(`bad:${log.address}:${edge}`);
        continue;
      }
      const h = (r: number): void => {
        for (let c = left; c <= right; c++) out.add(`h:${r}:${c}`);
      };
      const v = (c: number): void => {
        for (let r = top; r <= bottom; r++) out.add(`v:${r}:${c}`);
      };
      if (edge === "EdgeTop") h(top - 1);
      else if (edge === "EdgeBottom") h(bottom);
      else if (edge === "EdgeLeft") v(left - 1);
      else if (edge === "EdgeRight") v(right);
      else if (edge === "InsideHorizontal") for (let r = top; r < bottom; r++) h(r);
      else if (edge === "InsideVertical") for (let c = left; c < right; c++) v(c);
      else out.add(`bad:${log.address}:${edge}`);
    }
  }
  return out;
}
