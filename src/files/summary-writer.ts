import type ExcelJS from "exceljs";
import type { Consolidation } from "../domain/consolidate";
import { decodeStamp, STAMP_SHEET } from "../domain/stamp/form-stamp";
import { vi } from "../domain/messages/vi";
import { writePlansXlsx } from "./plan-xlsx";
import type { CellLink, TableSheet } from "./plan-xlsx";
import type { SheetPlan } from "../domain/layout/sheet-plan";
import { cellAddress } from "../domain/layout/a1";
import { uniqueSheetName, withUniqueNames } from "../domain/layout/sheet-names";
import { buildOverview, OVERVIEW_SHEET } from "../domain/consolidate/overview-sheet";
import { isOverviewMark } from "../domain/stamp/overview-mark";

/** The lineage sheet's name; like the form sheets, the product owns it and rewrites it. */
export const LINEAGE_SHEET = "Nguồn dữ liệu";

export interface FileLine {
  file: string;
  unit: string | null;
  forms: string[];
  modified?: string;
  sha256: string;
  status: "ok" | "invalid" | "conflict" | "unrecognised" | "unreadable";
  errors: number;
  error?: string;
}

const FONT = { name: "Times New Roman", size: 11 };
const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const WIDTHS = [8, 40, 26, 22, 22, 66, 18, 10, 40];

/**
 * Removes the sheets an earlier run wrote: form sheets named in the stamp sheet, the overview the
 * stamp sheet marks as the product's, the lineage, the stamps.
 */
function removeOwnSheets(wb: ExcelJS.Workbook): void {
  const stampSheet = wb.getWorksheet(STAMP_SHEET);
  const own = new Set<string>([LINEAGE_SHEET, STAMP_SHEET]);
  stampSheet?.eachRow((row, n) => {
    if (n === 1) return;
    const decoded = decodeStamp(row.getCell(2).value);
    if (decoded.ok) own.add(decoded.stamp.sheet);
    else if (isOverviewMark(row.getCell(2).value)) own.add(String(row.getCell(1).value));
  });
  for (const ws of [...wb.worksheets]) if (own.has(ws.name)) wb.removeWorksheet(ws.id);
}

/**
 * The lineage sheet's content: the input files, where each summary row came from, conflicts and
 * missing units; and the row of each summary row's trace, for the links.
 */
function lineageTable(result: Consolidation, files: FileLine[]): { table: TableSheet; traceRow: Map<string, number> } {
  const t = vi.summary;
  const rows: (string | number | null)[][] = [];
  const boldRows: number[] = [];
  const borderedRows: number[] = [];
  const section = (title: string, header: readonly string[], body: (string | number | null)[][]): number => {
    rows.push([title]);
    boldRows.push(rows.length);
    rows.push([...header]);
    boldRows.push(rows.length);
    const first = rows.length + 1;
    for (const r of body) {
      rows.push(r);
      borderedRows.push(rows.length);
    }
    rows.push([]);
    return first;
  };
  section(t.filesTitle, t.filesHeader, files.map((f, i) => [i + 1, f.file, f.unit, f.forms.join(", "), f.modified ?? null, f.sha256, t.status[f.status], f.errors, f.error ?? null]));
  const firstTrace = section(
    t.traceTitle,
    t.traceHeader,
    result.lineage.map((l) => [l.sheet, l.row, l.unit, l.form, l.file, l.sourceSheet, l.sourceRow, l.sourceCells]),
  );
  if (result.conflicts.length > 0) {
    const body = result.conflicts.map((c) => [
      c.unit,
      c.form,
      c.files.map((f) => `${f.file}${f.modified ? ` (${f.modified})` : ""}`).join("; "),
      c.differing.map((d) => `(${d.column}): ${d.values.join(" / ")}`).join("; ") || null,
      c.kept ?? t.notCounted,
    ]);
    section(t.conflictsTitle, t.conflictsHeader, body);
  }
  if (result.units.missing.length > 0) section(t.missingTitle, [t.unitHeader], result.units.missing.map((m) => [m]));
  const traceRow = new Map<string, number>();
  result.lineage.forEach((l, i) => traceRow.set(`${l.sheet}|${l.row}`, firstTrace + i));
  return { table: { name: LINEAGE_SHEET, columnWidths: WIDTHS, rows, boldRows, borderedRows }, traceRow };
}

/** Each summary unit's name links to the line telling where its figures came from. */
function linksOf(plans: SheetPlan[], traceRow: Map<string, number>): CellLink[] {
  return plans.flatMap((plan) => {
    const labelCol = plan.stamp.columns.indexOf("unit") + 1;
    if (labelCol < 1) return [];
    return plan.unitRows.flatMap(({ row }) => {
      const target = traceRow.get(`${plan.name}|${row}`);
      return target ? [{ sheet: plan.name, cell: cellAddress(row, labelCol), location: `'${LINEAGE_SHEET}'!A${target}` }] : [];
    });
  });
}

/**
 * An earlier summary: keep the user's sheets, replace the product's. ExcelJS keeps the user's
 * sheets but cannot write charts, so the overview's charts are added to the file it saves.
 */
async function rewriteExisting(existing: Uint8Array, result: Consolidation, plans: SheetPlan[], table: TableSheet, links: CellLink[]): Promise<Uint8Array> {
  // Loaded here only: a fresh summary never needs the general workbook library, and loading it
  // is a noticeable share of a batch run.
  const { default: Excel } = await import("exceljs");
  const { drawOverview, drawPlans } = await import("./xlsx-writer");
  const { addCharts } = await import("./chart-inject");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(Buffer.from(existing) as unknown as ExcelJS.Buffer);
  removeOwnSheets(wb);
  const named = drawPlans(wb, plans);
  const ws = wb.addWorksheet(table.name);
  ws.columns = table.columnWidths.map((width) => ({ width }));
  table.rows.forEach((r) => ws.addRow(r));
  const bold = new Set(table.boldRows);
  for (let r = 1; r <= table.rows.length; r++) {
    ws.getRow(r).font = { ...FONT, bold: bold.has(r) };
    if (bold.has(r) || table.borderedRows.includes(r)) {
      for (let c = 1; c <= (table.rows[r - 1]?.length ?? 0); c++) ws.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
  }
  for (const l of links) {
    const cell = wb.getWorksheet(l.sheet)?.getCell(l.cell);
    if (cell) cell.value = { text: String(cell.value ?? ""), hyperlink: `#${l.location}` };
  }
  const overview = buildOverview(result, named, uniqueSheetName(OVERVIEW_SHEET, [STAMP_SHEET, ...wb.worksheets.map((w) => w.name)]));
  drawOverview(wb, overview);
  return addCharts(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), overview.name, overview.charts);
}

/**
 * The summary workbook: the overview with its charts first, the form sheets at the next level,
 * the lineage sheet, and each unit's name linked to the line telling which file, sheet and cells
 * its figures came from. Given the bytes of an earlier summary, only the sheets the product
 * wrote are replaced; the user's own sheets stay.
 */
export async function writeSummary(result: Consolidation, files: FileLine[], existing?: Uint8Array): Promise<Uint8Array> {
  const plans = withUniqueNames(result.plans, [STAMP_SHEET, LINEAGE_SHEET, OVERVIEW_SHEET]);
  const { table, traceRow } = lineageTable({ ...result, lineage: result.lineage }, files);
  const links = linksOf(plans, traceRow);
  if (existing) return rewriteExisting(existing, result, plans, table, links);
  return writePlansXlsx(plans, [table], links, buildOverview(result, plans, OVERVIEW_SHEET));
}
