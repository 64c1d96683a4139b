import type { ColumnDef, FormDef, FormParams, RowSpec, TotalRowSpec } from "../forms/form-types";
import type { CellStyle, PlanCell, PlanValidation, SheetPlan } from "./sheet-plan";
import type { FormStamp } from "../stamp/form-stamp";
import { StyleBook } from "./style-book";
import { cellAddress, rangeAddress, runsOf } from "./a1";
import { validationFor } from "./validation-rules";
import { vi } from "../messages/vi";
import { heightFor, linesFor } from "./text-metrics";

export const FONT_NAME = "Times New Roman";
const CM_PER_INCH = 2.54;

const BODY_ROLES_WITH_INPUT = new Set(["unit", "placeholder"]);

/** True when the row holds a unit's figures (and so gets input validation). */
function isInputRow(spec: RowSpec): boolean {
  return BODY_ROLES_WITH_INPUT.has(spec.role) || (spec.role === "section" && spec.group !== undefined);
}

function groupOf(spec: RowSpec): string | undefined {
  return spec.role === "unit" || spec.role === "placeholder" || spec.role === "section" ? spec.group : undefined;
}

function inputStyle(kind: ColumnDef["kind"]): Partial<CellStyle> {
  switch (kind) {
    case "money":
      return { h: "right", numberFormat: "#,##0" };
    case "machine":
    case "mark":
      return { h: "center", numberFormat: "@" };
    case "rate":
      return { h: "center", numberFormat: "0.00%" };
    case "text":
      return { h: "left", wrap: true };
    default:
      return { h: "center" };
  }
}

/** Columns a total row sums when the form does not name them. */
const isSummable = (c: ColumnDef): boolean => c.kind === "count" || c.kind === "money";

class PlanBuilder {
  readonly cells: PlanCell[][] = [];
  readonly heights: (number | undefined)[] = [];
  readonly merges: string[] = [];
  readonly book = new StyleBook();
  readonly blank: string;

  constructor(readonly width: number) {
    this.blank = this.book.id({});
  }

  /** 1-based number of the next row. */
  get nextRow(): number {
    return this.cells.length + 1;
  }

  push(cells: PlanCell[], height?: number): number {
    while (cells.length < this.width) cells.push({ value: null, style: this.blank });
    this.cells.push(cells);
    this.heights.push(height);
    return this.cells.length;
  }

  /** A row whose text spans `from`..`to` (1-based columns) in one merged cell. */
  spanRow(text: string, style: Partial<CellStyle>, widthChars: number, from = 1, to = this.width): number {
    const id = this.book.id(style);
    const cells: PlanCell[] = [];
    for (let c = 1; c <= this.width; c++) cells.push({ value: c === from ? text : null, style: c >= from && c <= to ? id : this.blank });
    const row = this.push(cells, text ? heightFor(linesFor(text, widthChars)) : undefined);
    if (to > from) this.merges.push(rangeAddress(row, from, row, to));
    return row;
  }
}

function headerRows(b: PlanBuilder, columns: ColumnDef[]): [number, number] {
  const style = b.book.id({ bold: true, h: "center", wrap: true, border: true });
  const text = (c: ColumnDef): string => (c.footnoteMark ? `${c.header} ${c.footnoteMark}` : c.header);
  const grouped = columns.some((c) => c.group);
  if (!grouped) {
    const tallest = Math.max(...columns.map((c) => linesFor(text(c), c.width)));
    const row = b.push(columns.map((c) => ({ value: text(c), style })), heightFor(tallest));
    return [row, row];
  }
  const top = b.nextRow;
  const groupWidth = (g: string): number => columns.filter((c) => c.group === g).reduce((s, c) => s + c.width, 0);
  const topLines = Math.max(...columns.map((c) => (c.group ? linesFor(c.group, groupWidth(c.group)) : 1)));
  const bottomLines = Math.max(...columns.map((c) => linesFor(text(c), c.width)));
  // A group's label stands in the first cell of its merge only: the cells under a merge stay empty.
  b.push(
    columns.map((c, i) => ({ value: c.group ? (i > 0 && columns[i - 1].group === c.group ? null : c.group) : text(c), style })),
    heightFor(topLines),
  );
  b.push(
    columns.map((c) => ({ value: c.group ? text(c) : null, style })),
    heightFor(bottomLines),
  );
  columns.forEach((c, i) => {
    const col = i + 1;
    if (!c.group) {
      b.merges.push(rangeAddress(top, col, top + 1, col));
    } else if (i === 0 || columns[i - 1].group !== c.group) {
      let end = col;
      while (end < columns.length && columns[end].group === c.group) end++;
      if (end > col) b.merges.push(rangeAddress(top, col, top, end));
    }
  });
  return [top, top + 1];
}

function numberingRow(b: PlanBuilder, columns: ColumnDef[]): number {
  const style = b.book.id({ italic: true, h: "center", border: true, size: 11 });
  return b.push(columns.map((c) => ({ value: `(${c.number})`, style })));
}

interface BodyResult {
  first: number;
  last: number;
  validations: PlanValidation[];
  unitRows: SheetPlan["unitRows"];
}

/** Rows of each group, for totals and validation. */
type GroupRows = Map<string, number[]>;

function bodyRows(b: PlanBuilder, columns: ColumnDef[], specs: RowSpec[]): BodyResult {
  const first = b.nextRow;
  const groups: GroupRows = new Map();
  const inputRows: number[] = [];
  const colIndex = new Map(columns.map((c, i) => [c.key, i + 1]));
  const styles = {
    number: b.book.id({ h: "center", border: true }),
    numberBold: b.book.id({ h: "center", border: true, bold: true }),
    label: b.book.id({ h: "left", border: true, wrap: true }),
    labelBold: b.book.id({ h: "left", border: true, wrap: true, bold: true }),
    labelSub: b.book.id({ h: "left", border: true, wrap: true, bold: true, italic: true }),
    empty: b.book.id({ border: true }),
  };
  // One format per column for its input cells, looked up once rather than per cell.
  const inputStyles = columns.map((c) => b.book.id({ border: true, ...inputStyle(c.kind) }));
  const ratioFormula = (c: ColumnDef, row: number): string | undefined => {
    if (!c.ratio) return undefined;
    const of = cellAddress(row, colIndex.get(c.ratio.of) ?? 0);
    const to = cellAddress(row, colIndex.get(c.ratio.to) ?? 0);
    return `IF(N(${to})>0,${of}/${to},"")`;
  };
  const totals: { row: number; spec: TotalRowSpec }[] = [];
  const unitRows: SheetPlan["unitRows"] = [];

  for (const spec of specs) {
    const row = b.nextRow;
    if (spec.role === "total") {
      totals.push({ row, spec });
      b.push(columns.map(() => ({ value: null, style: styles.empty })));
      continue;
    }
    const input = isInputRow(spec);
    const bold = spec.role === "section";
    const cells = columns.map((c): PlanCell => {
      if (c.kind === "rowNumber") {
        const n = spec.role === "subheading" ? "" : spec.number;
        const value = /^\d+$/.test(n) ? Number(n) : n || null;
        return { value, style: bold ? styles.numberBold : styles.number };
      }
      if (c.kind === "unitName") {
        const style = spec.role === "subheading" ? styles.labelSub : bold ? styles.labelBold : styles.label;
        return { value: spec.label, style };
      }
      if (!input) return { value: null, style: styles.empty };
      const formula = ratioFormula(c, row);
      const style = inputStyles[columns.indexOf(c)];
      return formula ? { value: null, formula, style } : { value: null, style };
    });
    b.push(cells);
    if (input) {
      inputRows.push(row);
      const g = groupOf(spec);
      if (g) groups.set(g, [...(groups.get(g) ?? []), row]);
      if ((spec.role === "unit" || spec.role === "section") && spec.unit && g) unitRows.push({ row, unit: spec.unit, group: g });
    }
  }
  for (const { row, spec } of totals) writeTotal(b, columns, row, spec, groups, ratioFormula);
  const last = b.nextRow - 1;
  return { first, last, validations: validationsFor(columns, inputRows), unitRows };
}

/** The ranges of `rows` in column `col`, one per run of consecutive rows. */
function rangesOf(col: number, rows: number[]): string[] {
  return runsOf([...rows].sort((a, b) => a - b)).map(([a, z]) => (a === z ? cellAddress(a, col) : `${cellAddress(a, col)}:${cellAddress(z, col)}`));
}

const sumOver = (parts: string[]): string => (parts.length === 1 ? parts[0] : `SUM(${parts.join(",")})`);

/**
 * The live formula that totals a column by its kind: counts and amounts are summed, "X" marks
 * counted, and "n máy" cells summed with the number of units marked "X" beside.
 */
function totalFormula(kind: ColumnDef["kind"], col: number, rows: number[]): string | undefined {
  if (rows.length === 0) return undefined;
  const ranges = rangesOf(col, rows);
  if (kind === "mark") return sumOver(ranges.map((r) => `COUNTIF(${r},"X")`));
  if (kind === "machine") {
    const machines = sumOver(ranges.map((r) => `SUMPRODUCT(IFERROR(VALUE(SUBSTITUTE(${r}," máy","")),0))`));
    const marked = sumOver(ranges.map((r) => `COUNTIF(${r},"X")`));
    return `${machines}&" máy; "&${marked}&" X"`;
  }
  return `SUM(${ranges.join(",")})`;
}

const colIndexOf = (columns: ColumnDef[], key: string): number => columns.findIndex((c) => c.key === key) + 1;

function writeTotal(
  b: PlanBuilder,
  columns: ColumnDef[],
  row: number,
  spec: TotalRowSpec,
  groups: GroupRows,
  ratioFormula: (c: ColumnDef, row: number) => string | undefined,
): void {
  const cells = b.cells[row - 1];
  const rows = spec.of.flatMap((g) => groups.get(g) ?? []);
  const summed = new Set(spec.columns ?? columns.filter(isSummable).map((c) => c.key));
  const bold = b.book.id({ bold: true, h: "center", border: true, wrap: true });
  const captionStyle = b.book.id({ bold: true, h: "left", border: true, wrap: true });
  const labelCol = columns.findIndex((c) => c.kind === "unitName") + 1;
  cells[labelCol - 1] = { value: spec.label || null, style: bold };
  columns.forEach((c, i) => {
    if (summed.has(c.key)) {
      const formula = totalFormula(c.kind, i + 1, rows);
      const style = b.book.id({ border: true, bold: true, ...inputStyle(c.kind) });
      cells[i] = formula ? { value: null, formula, style } : { value: 0, style };
    } else if (spec.share && c.key === spec.share.into) {
      const of = cellAddress(row, colIndexOf(columns, spec.share.of));
      const to = cellAddress(row, colIndexOf(columns, spec.share.to));
      const formula = `IF(N(${to})>0,"${spec.share.label}: "&ROUND(${of}/${to}*100,2)&"%","")`;
      cells[i] = { value: null, formula, style: b.book.id({ border: true, italic: true, wrap: true }) };
    } else if (c.ratio) {
      cells[i] = { value: null, formula: ratioFormula(c, row), style: b.book.id({ border: true, bold: true, ...inputStyle(c.kind) }) };
    }
  });
  if (spec.caption) {
    const from = labelCol + 1;
    const to = columns.findIndex((c) => summed.has(c.key));
    cells[from - 1] = { value: spec.caption, style: captionStyle };
    for (let c = from + 1; c <= to; c++) cells[c - 1] = { value: null, style: captionStyle };
    if (to > from) b.merges.push(rangeAddress(row, from, row, to));
    const width = columns.slice(from - 1, to).reduce((s, c) => s + c.width, 0);
    b.heights[row - 1] = heightFor(linesFor(spec.caption, width));
  }
  if (spec.mergeLabelDown) b.merges.push(rangeAddress(row, labelCol, row + 1, labelCol));
}

function validationsFor(columns: ColumnDef[], inputRows: number[]): PlanValidation[] {
  const runs = runsOf(inputRows);
  return columns.flatMap((c, i) =>
    runs.flatMap(([a, z]) => {
      const v = validationFor(c, rangeAddress(a, i + 1, z, i + 1));
      return v ? [v] : [];
    }),
  );
}

function footer(b: PlanBuilder, form: FormDef, params: FormParams, totalWidth: number): void {
  const footnotes = form.footnotes(params);
  const notes = form.notes(params);
  if (footnotes.length + notes.length > 0) b.push([]);
  for (const f of footnotes) b.spanRow(f, { size: 11, wrap: true, italic: true }, totalWidth);
  if (notes.length > 0) {
    b.spanRow(vi.sheet.notesHeading, { bold: true }, totalWidth);
    for (const n of notes) b.spanRow(`- ${n}`, { wrap: true }, totalWidth);
  }
  const signature = form.signature?.(params);
  if (signature) {
    b.push([]);
    const from = Math.floor(b.width / 2) + 1;
    for (const line of signature.lines) {
      b.spanRow(line.text, { h: "center", bold: line.bold ?? false, italic: line.italic ?? false }, totalWidth / 2, from);
    }
  }
}

/**
 * The plan of one form sheet for these parameters: title block, header, numbering row, the
 * row skeleton with its unit rows, totals as formulas, footnotes, notes and signature.
 * @example buildSheetPlan(getForm("facilities"), { level: "huyen", tiers: 3, … }).cells[0][0].value // "Phụ lục 1"
 */
export interface PlanOptions {
  /**
   * A summary of several units: a form whose skeleton has no total of its own gets a closing
   * "Tổng cộng" row over every unit row, marks counted and machines summed.
   */
  summary?: boolean;
}

const TOTALLED_KINDS = new Set<ColumnDef["kind"]>(["count", "money", "mark", "machine"]);

/** The form's rows, closed by a grand total where a summary needs one. */
function rowsFor(form: FormDef, params: FormParams, columns: ColumnDef[], options: PlanOptions): RowSpec[] {
  const specs = form.rows(params);
  if (!options.summary || specs.some((s) => s.role === "total")) return specs;
  const groups = [...new Set(specs.flatMap((s) => ("group" in s && s.group ? [s.group] : [])))];
  return [...specs, { role: "total", label: "Tổng cộng", of: groups, columns: columns.filter((c) => TOTALLED_KINDS.has(c.kind)).map((c) => c.key) }];
}

export function buildSheetPlan(form: FormDef, params: FormParams, options: PlanOptions = {}): SheetPlan {
  const columns = form.columns(params);
  const b = new PlanBuilder(columns.length);
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);

  b.spanRow(form.appendixLabel, { bold: true, h: "center", size: 13 }, totalWidth);
  for (const line of form.title(params)) b.spanRow(line, { bold: true, h: "center", size: 13, wrap: true }, totalWidth);
  const subtitle = form.subtitle(params);
  if (subtitle) b.spanRow(subtitle, { italic: true, h: "center", wrap: true }, totalWidth);
  b.push([]);

  const [headerFirst, headerLast] = headerRows(b, columns);
  const numbering = form.numberingRow ? numberingRow(b, columns) : undefined;
  const lastHeader = numbering ?? headerLast;
  const body = bodyRows(b, columns, rowsFor(form, params, columns, options));
  footer(b, form, params, totalWidth);

  const stamp: FormStamp = {
    app: "phuluc",
    form: form.id,
    version: form.version,
    level: params.level,
    tiers: params.tiers,
    unit: params.unit,
    year: params.year,
    period: params.period,
    sheet: form.sheetName,
    header: { first: headerFirst, last: headerLast },
    ...(numbering ? { numberingRow: numbering } : {}),
    body: { first: body.first, last: body.last },
    columns: columns.map((c) => c.key),
  };

  return {
    name: form.sheetName,
    fontName: FONT_NAME,
    columnWidths: columns.map((c) => c.width),
    rowHeights: b.heights,
    cells: b.cells,
    merges: b.merges,
    styles: b.book.styles,
    validations: body.validations,
    freeze: { rows: lastHeader, columns: 2 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      titleRows: [headerFirst, lastHeader],
      margins: {
        top: 2 / CM_PER_INCH,
        bottom: 2 / CM_PER_INCH,
        left: 3 / CM_PER_INCH,
        right: 1.5 / CM_PER_INCH,
        header: 0.8 / CM_PER_INCH,
        footer: 0.8 / CM_PER_INCH,
      },
      pageNumberHeader: true,
    },
    stamp,
    unitRows: body.unitRows,
  };
}
