/** 1 → "A", 28 → "AB". */
export function columnLetter(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** (8, 4) → "D8" (1-based row and column). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** (8, 4, 10, 6) → "D8:F10"; a single cell stays "D8:D8" so every range has the same shape. */
export function rangeAddress(row1: number, col1: number, row2: number, col2: number): string {
  return `${cellAddress(row1, col1)}:${cellAddress(row2, col2)}`;
}

export interface CellPos {
  row: number;
  col: number;
}

/** "D8" → {row: 8, col: 4}; undefined for anything else. */
export function parseCell(address: string): CellPos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "D8:F10" → both corners; a single cell gives the same corner twice. */
export function parseRange(address: string): { start: CellPos; end: CellPos } | undefined {
  const [a, b = a] = address.split(":");
  const start = parseCell(a);
  const end = parseCell(b);
  return start && end ? { start, end } : undefined;
}

/**
 * Runs of consecutive numbers as [first, last] pairs: [8, 9, 10, 14] → [[8, 10], [14, 14]].
 * Validation ranges and SUM formulas are written per run, never per cell.
 */
export function runsOf(sorted: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}
