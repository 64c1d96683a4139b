import ExcelJS from "exceljs";
import type { Consolidation } from "../domain/consolidate";
import { decodeStamp, STAMP_SHEET } from "../domain/stamp/form-stamp";
import { vi } from "../domain/messages/vi";
import { drawPlans } from "./xlsx-writer";

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

function table(ws: ExcelJS.Worksheet, title: string, header: readonly string[], rows: (string | number | null)[][]): number {
  const titleRow = ws.addRow([title]);
  titleRow.font = { ...FONT, bold: true, size: 12 };
  const head = ws.addRow([...header]);
  head.font = { ...FONT, bold: true };
  const first = head.number;
  for (const r of rows) ws.addRow(r).font = FONT;
  for (let r = first; r <= first + rows.length; r++) {
    for (let c = 1; c <= header.length; c++) ws.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  ws.addRow([]);
  return first + 1;
}

/** Removes the sheets an earlier run wrote (form sheets named in the stamp sheet, the lineage, the stamps). */
function removeOwnSheets(wb: ExcelJS.Workbook): void {
  const stampSheet = wb.getWorksheet(STAMP_SHEET);
  const own = new Set<string>([LINEAGE_SHEET, STAMP_SHEET]);
  stampSheet?.eachRow((row, n) => {
    if (n === 1) return;
    const decoded = decodeStamp(row.getCell(2).value);
    if (decoded.ok) own.add(decoded.stamp.sheet);
  });
  for (const ws of [...wb.worksheets]) if (own.has(ws.name)) wb.removeWorksheet(ws.id);
}

function lineageSheet(wb: ExcelJS.Workbook, result: Consolidation, files: FileLine[]): Map<string, number> {
  const ws = wb.addWorksheet(LINEAGE_SHEET);
  ws.columns = [8, 40, 26, 22, 22, 66, 18, 10, 40].map((width) => ({ width }));
  const t = vi.summary;
  table(
    ws,
    t.filesTitle,
    t.filesHeader,
    files.map((f, i) => [i + 1, f.file, f.unit, f.forms.join(", "), f.modified ?? null, f.sha256, t.status[f.status], f.errors, f.error ?? null]),
  );
  const firstTrace = table(
    ws,
    t.traceTitle,
    t.traceHeader,
    result.lineage.map((l) => [l.sheet, l.row, l.unit, l.form, l.file, l.sourceSheet, l.sourceRow, l.sourceCells]),
  );
  if (result.conflicts.length > 0) {
    table(ws, t.conflictsTitle, t.conflictsHeader, result.conflicts.map((c) => [c.unit, c.form, c.files.map((f) => `${f.file}${f.modified ? ` (${f.modified})` : ""}`).join("; "), c.differing.map((d) => `(${d.column}): ${d.values.join(" / ")}`).join("; ") || null, c.kept ?? t.notCounted]));
  }
  if (result.units.missing.length > 0) table(ws, t.missingTitle, [t.unitHeader], result.units.missing.map((m) => [m]));
  // Each summary row's trace, so the unit's name in the summary can link to it.
  const traceRow = new Map<string, number>();
  result.lineage.forEach((l, i) => traceRow.set(`${l.sheet}|${l.row}`, firstTrace + i));
  return traceRow;
}

/**
 * The summary workbook: the form sheets at the next level, the lineage sheet, and each unit's
 * name linked to the line telling which file, sheet and cells its figures came from. Given the
 * bytes of an earlier summary, only the sheets the product wrote are replaced; the user's own
 * sheets stay.
 */
export async function writeSummary(result: Consolidation, files: FileLine[], existing?: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (existing) {
    await wb.xlsx.load(Buffer.from(existing) as unknown as ExcelJS.Buffer);
    removeOwnSheets(wb);
  }
  const named = drawPlans(wb, result.plans);
  const traceRow = lineageSheet(wb, result, files);
  for (const [i, plan] of named.entries()) {
    const ws = wb.getWorksheet(plan.name);
    const labelCol = plan.stamp.columns.indexOf("unit") + 1;
    if (!ws || labelCol < 1) continue;
    for (const { row } of plan.unitRows) {
      const target = traceRow.get(`${result.plans[i].name}|${row}`);
      if (!target) continue;
      const cell = ws.getCell(row, labelCol);
      cell.value = { text: String(cell.value ?? ""), hyperlink: `#'${LINEAGE_SHEET}'!A${target}` };
    }
  }
  // A provincial summary holds thousands of rows: fast compression costs a little size and
  // saves most of the writing time.
  const options = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  return new Uint8Array((await wb.xlsx.writeBuffer(options)) as ArrayBuffer);
}
