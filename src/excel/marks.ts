import { cellAddress, parseRange, runsOf } from "../domain/layout/a1";
import type { Issue, Severity } from "../domain/validate";

/**
 * How the add-in marks an invalid cell: a conditional format of its own, never the cell's fill,
 * so that removing the mark gives back exactly the formatting the user had.
 *
 * The rule's formula is always TRUE and names the add-in. That formula is how a later run finds
 * its own rules again. A rule's id cannot serve: the Office.js reference describes
 * ConditionalFormat.id as the rule's place in its collection, so it changes as soon as the user
 * adds or removes a rule, and an id kept from an earlier run may point at one of theirs.
 */
export const MARK_TAG = "PhuLuc.KiemTra";

export const MARK_STYLE: Record<Severity, { formula: string; fill: string }> = {
  error: { formula: `=ISTEXT("${MARK_TAG}.Loi")`, fill: "#FFC7CE" },
  warning: { formula: `=ISTEXT("${MARK_TAG}.CanhBao")`, fill: "#FFEB9C" },
};

/** Compared without spaces, case or the leading "=", whichever way Excel gives the formula back. */
const normalised = (formula: string): string => formula.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
const OWN_FORMULAS = new Set(Object.values(MARK_STYLE).map((s) => normalised(s.formula)));

/** True for the formula of a rule this add-in added, as Excel reads it back. */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && OWN_FORMULAS.has(normalised(formula));
}

/** Longest address handed to getRanges at once; Excel caps addresses at 8,192 characters. */
export const MAX_ADDRESS_CHARS = 2000;

/** Cells one issue may mark: issues point at a cell or a small merged range, never a column. */
const MAX_CELLS_PER_ISSUE = 1000;

/** The cells of one severity on one sheet, as RangeAreas addresses ready for getRanges. */
export interface MarkAreas {
  severity: Severity;
  /** Comma-separated A1 areas, each string at most MAX_ADDRESS_CHARS long. */
  addresses: string[];
  cells: number;
}

interface Rect {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** Cells as rectangles: runs down each column, then runs of equal rows side by side joined. */
function rectangles(cells: { row: number; col: number }[]): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) byCol.set(col, [...(byCol.get(col) ?? []), row]);
  const runs: Rect[] = [];
  for (const [col, rows] of byCol) {
    for (const [r1, r2] of runsOf([...new Set(rows)].sort((a, b) => a - b))) runs.push({ r1, r2, c1: col, c2: col });
  }
  runs.sort((a, b) => a.r1 - b.r1 || a.r2 - b.r2 || a.c1 - b.c1);
  const rects: Rect[] = [];
  for (const run of runs) {
    const last = rects[rects.length - 1];
    if (last && last.r1 === run.r1 && last.r2 === run.r2 && last.c2 + 1 === run.c1) last.c2 = run.c2;
    else rects.push({ ...run });
  }
  return rects;
}

const rectAddress = (r: Rect): string =>
  r.r1 === r.r2 && r.c1 === r.c2 ? cellAddress(r.r1, r.c1) : `${cellAddress(r.r1, r.c1)}:${cellAddress(r.r2, r.c2)}`;

function packed(addresses: string[], limit: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > limit) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Where one sheet's issues are marked: every cell an issue points at, red for errors and yellow
 * for warnings; a cell with both is marked as an error. Issues without a cell are not marked.
 */
export function markAreas(issues: Issue[], limit = MAX_ADDRESS_CHARS): MarkAreas[] {
  const severityAt = new Map<string, { row: number; col: number; severity: Severity }>();
  for (const issue of issues) {
    const range = issue.cell ? parseRange(issue.cell) : undefined;
    if (!range) continue;
    let count = 0;
    for (let row = range.start.row; row <= range.end.row && count < MAX_CELLS_PER_ISSUE; row++) {
      for (let col = range.start.col; col <= range.end.col && count < MAX_CELLS_PER_ISSUE; col++, count++) {
        const key = `${row},${col}`;
        if (severityAt.get(key)?.severity === "error") continue;
        severityAt.set(key, { row, col, severity: issue.severity });
      }
    }
  }
  const out: MarkAreas[] = [];
  for (const severity of ["error", "warning"] as const) {
    const cells = [...severityAt.values()].filter((c) => c.severity === severity);
    if (cells.length === 0) continue;
    out.push({ severity, addresses: packed(rectangles(cells).map(rectAddress), limit), cells: cells.length });
  }
  return out;
}

/** The conditional formats of a whole sheet, with their types queued for loading. */
export function queueMarkScan(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/type");
  return formats;
}

/** A custom rule of the sheet whose formula is queued for loading, by its place in the collection. */
export interface ScannedRule {
  index: number;
  rule: Excel.ConditionalFormatRule;
}

/**
 * Queues loading the formula of every custom rule. Only custom rules are asked: loading a custom
 * rule through a rule of another type fails the whole request (office-js#2180).
 */
export function queueRuleFormulas(formats: Excel.ConditionalFormatCollection): ScannedRule[] {
  const rules: ScannedRule[] = [];
  formats.items.forEach((item, index) => {
    if (item.type !== "Custom") return;
    const rule = item.custom.rule;
    rule.load("formula");
    rules.push({ index, rule });
  });
  return rules;
}

/**
 * Queues deleting the add-in's own rules, from the last to the first, so that deleting one does
 * not move the others while the batch runs. Returns how many.
 */
export function queueUnmark(formats: Excel.ConditionalFormatCollection, rules: ScannedRule[]): number {
  const own = rules.filter((r) => isMarkFormula(r.rule.formula)).map((r) => r.index);
  own.sort((a, b) => b - a).forEach((index) => formats.items[index].delete());
  return own.length;
}

/** Queues one conditional format per address string: a fill, and a formula that is always TRUE. */
export function queueMarks(sheet: Excel.Worksheet, areas: MarkAreas[]): void {
  for (const area of areas) {
    const style = MARK_STYLE[area.severity];
    for (const address of area.addresses) {
      const format = sheet.getRanges(address).conditionalFormats.add("Custom");
      format.custom.rule.formula = style.formula;
      format.custom.format.fill.color = style.fill;
    }
  }
}
