import { parseCell } from "../layout/a1";
import type { Issue } from "./issue";

/** One certain correction: write `value` into `cell` of `sheet`. */
export interface CellFix {
  sheet: string;
  cell: string;
  value: string | number;
  code: string;
}

/** The corrections a report offers: every issue with a suggestion that points at a single cell. */
export function fixesOf(sheets: { sheet: string; issues: Issue[] }[], accept: (issue: Issue) => boolean = () => true): CellFix[] {
  return sheets.flatMap((s) =>
    s.issues
      .filter((i) => i.suggestion !== undefined && i.cell !== undefined && parseCell(i.cell) !== undefined && accept(i))
      .map((i) => ({ sheet: s.sheet, cell: i.cell as string, value: i.suggestion as string | number, code: i.code })),
  );
}
