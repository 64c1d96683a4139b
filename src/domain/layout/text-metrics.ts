/** Points per printed line of 12 pt Times New Roman, with the cell's padding. */
const LINE_HEIGHT = 16;

/**
 * Rough count of wrapped lines of `text` in a column `widthChars` wide. Excel does not autofit
 * wrapped or merged cells, so the plan sets heights that let long headers and notes print whole.
 */
export function linesFor(text: string, widthChars: number): number {
  if (!text) return 1;
  return text
    .split("\n")
    .reduce((sum, part) => sum + Math.max(1, Math.ceil((part.length * 1.15) / Math.max(widthChars, 1))), 0);
}

/** Row height in points for that many lines. */
export const heightFor = (lines: number): number => Math.round(lines * LINE_HEIGHT + 4);
