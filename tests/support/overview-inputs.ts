import type { FormId, UnitRef } from "../../src/domain";
import { consolidate, extractWorkbook } from "../../src/domain/consolidate";
import type { ConsolidateRequest, Consolidation, FigureValue, InputRecord, UnitEntry } from "../../src/domain/consolidate";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { vietYenWorkbooks } from "../../src/sample/sample-workbooks";
import * as vy from "../../src/sample/viet-yen";

/** The demo's 18 workbooks (17 communes and the town), written and read back as the CLI reads them. */
export async function vietYenInputs(): Promise<InputRecord[]> {
  const records: InputRecord[] = [];
  for (const book of vietYenWorkbooks()) {
    const bytes = await writeWorkbook(book.plans);
    const found = extractWorkbook(readWorkbook(bytes, book.file), book.file);
    records.push({ file: book.file, sha256: "", entries: found.flatMap((f) => f.entries), invalid: false });
  }
  return records;
}

/** Thị xã Việt Yên consolidated from its demo workbooks against its official list of communes. */
export async function vietYenSummary(keep: (form: FormId) => boolean = () => true): Promise<Consolidation> {
  const inputs = (await vietYenInputs()).map((r) => ({ ...r, entries: r.entries.filter((e) => keep(e.form)) }));
  return consolidate(inputs, {
    level: "huyen",
    tiers: 3,
    unit: vy.DISTRICT,
    expected: { unit: vy.DISTRICT, communes: vy.COMMUNES.map((c) => c.unit) },
    newestWins: false,
    excludeInvalid: false,
    year: vy.YEAR,
    period: vy.PERIOD,
  });
}

/** One unit's row of one form, as a file of that unit would give it. */
export function entryOf(form: FormId, unit: UnitRef, level: UnitEntry["level"], values: Record<string, FigureValue>, district?: UnitRef): UnitEntry {
  return {
    form,
    unit,
    label: unit.name,
    level,
    ...(district ? { district } : {}),
    values,
    source: { file: `${unit.name}.xlsx`, sheet: form, row: 1, cells: {} },
  };
}

/** One file per unit, each holding the entries given for it. */
export function filesOf(entries: UnitEntry[]): InputRecord[] {
  return entries.map((e, i) => ({ file: `${String(i).padStart(5, "0")}.xlsx`, sha256: "", entries: [e], invalid: false }));
}

export const request = (over: Partial<ConsolidateRequest> & Pick<ConsolidateRequest, "level" | "tiers">): ConsolidateRequest => ({
  newestWins: false,
  excludeInvalid: false,
  year: 2025,
  period: "Năm 2025",
  ...over,
});
