import type { ColumnDef, FormDef, FormParams } from "../forms/form-types";
import { allForms, getForm } from "../forms/registry";
import type { SheetGrid } from "../grid/sheet-grid";
import { cellAt, cellText } from "../grid/sheet-grid";
import type { FormStamp } from "../stamp/form-stamp";
import { FIRST_YEAR } from "../forms/investment.form";
import { memoized } from "../memo";

/** How a sheet's columns line up with its form, as found in the sheet itself. */
export interface SheetLayout {
  form: FormDef;
  params: FormParams;
  columns: ColumnDef[];
  /** For each form column, the 1-based sheet column it was found in, or undefined. */
  columnAt: (number | undefined)[];
  /** Sheet columns inside the table whose header belongs to no form column. */
  extraColumns: number[];
  headerFirst: number;
  headerLast: number;
  numberingRow?: number;
  bodyFirst: number;
  /** "stamp": the stamp sheet describes it; "header": recognised by its header only. */
  how: "stamp" | "header";
  stamp?: FormStamp;
}

/** Header text compared without case, spacing, footnote marks or a trailing colon. */
export const foldHeader = memoized((text: string): string =>
  text.normalize("NFC").toLocaleLowerCase("vi").replace(/[¹²³⁴*]/g, "").replace(/\s+/g, " ").replace(/[:.]$/, "").trim(),
);

const HEADER_SCAN_ROWS = 25;
const MIN_SCORE = 0.6;

/** Header of sheet column c over the header rows: the lowest non-empty text, as grouped headers sit below their group. */
function headerTextAt(grid: SheetGrid, first: number, last: number, col: number): string {
  for (let r = last; r >= first; r--) {
    const t = cellText(cellAt(grid, r, col));
    if (t) return t;
  }
  return "";
}

function paramsFrom(stamp: FormStamp | undefined, years: number[]): FormParams {
  if (stamp) {
    return { level: stamp.level, tiers: stamp.tiers, unit: stamp.unit, year: stamp.year, period: stamp.period, subunits: { kind: "none" } };
  }
  const year = years.length > 0 ? Math.max(...years) : new Date().getFullYear();
  return { level: "huyen", tiers: 3, unit: { name: "" }, year, period: "", subunits: { kind: "none" } };
}

/** Year columns of an investment header: numbers from 2018 on, with or without footnote marks. */
function yearsIn(grid: SheetGrid, row: number): number[] {
  const years: number[] = [];
  for (let c = 1; c <= (grid.cells[row - 1]?.length ?? 0); c++) {
    const m = /^(\d{4})\s*[¹²]*$/.exec(cellText(cellAt(grid, row, c)));
    if (m && Number(m[1]) >= FIRST_YEAR && Number(m[1]) <= 2100) years.push(Number(m[1]));
  }
  return years;
}

interface Candidate {
  layout: SheetLayout;
  score: number;
}

/** Lines the form's columns up with the header rows starting at `first`, or nothing. */
function fit(grid: SheetGrid, form: FormDef, first: number, stamp: FormStamp | undefined): Candidate | undefined {
  const twoRows = form.columns(paramsFrom(stamp, [])).some((c) => c.group);
  const last = twoRows ? first + 1 : first;
  const params = paramsFrom(stamp, yearsIn(grid, last));
  const columns = form.columns(params);
  const width = Math.max(grid.cells[first - 1]?.length ?? 0, grid.cells[last - 1]?.length ?? 0);
  const found = new Map<string, number>();
  for (let c = 1; c <= width; c++) {
    const key = foldHeader(headerTextAt(grid, first, last, c));
    if (key && !found.has(key)) found.set(key, c);
  }
  const columnAt = columns.map((col) =>
    [col.header, ...(col.aliases ?? [])].map((h) => found.get(foldHeader(h))).find((c) => c !== undefined),
  );
  const hits = columnAt.filter((c) => c !== undefined).length;
  const score = hits / columns.length;
  if (score < MIN_SCORE) return undefined;
  const used = new Set(columnAt);
  const lastUsed = Math.max(...columnAt.map((c) => c ?? 0));
  const extraColumns: number[] = [];
  for (let c = 1; c <= lastUsed; c++) if (!used.has(c)) extraColumns.push(c);
  const numbering = form.numberingRow && /^\(1\)$/.test(cellText(cellAt(grid, last + 1, 1))) ? last + 1 : undefined;
  return {
    score,
    layout: {
      form,
      params,
      columns,
      columnAt,
      extraColumns,
      headerFirst: first,
      headerLast: last,
      ...(numbering ? { numberingRow: numbering } : {}),
      bodyFirst: (numbering ?? last) + 1,
      how: stamp ? "stamp" : "header",
      ...(stamp ? { stamp } : {}),
    },
  };
}

/**
 * Finds which form a sheet holds and where its columns are: from its stamp when the stamp sheet
 * describes it, else by the fingerprint of its header row ("STT" then the form's headers).
 * Columns are matched by their header text, so an inserted or deleted column is found, not
 * mistaken for data.
 */
export function recogniseSheet(grid: SheetGrid, stamp?: FormStamp): SheetLayout | undefined {
  if (stamp) {
    const layout = fit(grid, getForm(stamp.form), stamp.header.first, stamp);
    if (layout) return layout.layout;
  }
  let best: Candidate | undefined;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, grid.cells.length); r++) {
    const a = foldHeader(cellText(cellAt(grid, r, 1)));
    if (a !== "stt" && a !== "tt") continue;
    for (const form of stamp ? [getForm(stamp.form)] : allForms()) {
      const c = fit(grid, form, r, stamp);
      if (c && (!best || c.score > best.score)) best = c;
    }
  }
  return best?.layout;
}
