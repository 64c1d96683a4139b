import type { GridValue } from "../grid/sheet-grid";

export type Severity = "error" | "warning";

/**
 * One problem found in a sheet: a stable code, where it is, what was found, a Vietnamese message
 * that quotes the rule it comes from, and the value to write instead where that is certain.
 */
export interface Issue {
  code: string;
  severity: Severity;
  /** A1 address ("D8"), or a range for a structural problem; absent for the sheet as a whole. */
  cell?: string;
  value?: GridValue | string;
  message: string;
  suggestion?: string | number;
}

/** 1234567 → "1.234.567": numbers in messages as Vietnamese write them. */
export function formatNumber(n: number): string {
  const [whole, frac] = String(Math.abs(n)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
