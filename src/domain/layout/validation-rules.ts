import type { ColumnDef, ValueKind } from "../forms/form-types";
import type { PlanValidation, ValidationRule } from "./sheet-plan";
import { vi } from "../messages/vi";

/** Excel caps a data-validation title at 32 characters and a message at 255. */
export const DV_TITLE_MAX = 32;
export const DV_MESSAGE_MAX = 255;

function cap(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + "…";
}

/**
 * "<n> máy" with n a whole number ≥ 1, or "X". Written for the top-left cell `ref`; Excel shifts it
 * over the range. A formula error counts as invalid, which rejects "abc máy" as well.
 */
export function machineFormula(ref: string): string {
  const n = `VALUE(LEFT(${ref},LEN(${ref})-4))`;
  return `OR(${ref}="X",AND(RIGHT(${ref},4)=" máy",${n}>=1,INT(${n})=${n}))`;
}

function ruleFor(kind: ValueKind, ref: string): ValidationRule | undefined {
  switch (kind) {
    case "machine":
      return { type: "custom", formula: machineFormula(ref) };
    case "mark":
      return { type: "list", values: ["X"] };
    case "count":
      return { type: "wholeNumber", min: 0 };
    case "money":
      return { type: "decimal", min: 0 };
    default:
      return undefined;
  }
}

function promptFor(kind: ValueKind): { title: string; message: string } {
  switch (kind) {
    case "machine":
      return { title: vi.dv.machinePromptTitle, message: vi.dv.machinePrompt };
    case "mark":
      return { title: vi.dv.markPromptTitle, message: vi.dv.markPrompt };
    case "money":
      return { title: vi.dv.moneyPromptTitle, message: vi.dv.moneyPrompt };
    default:
      return { title: vi.dv.countPromptTitle, message: vi.dv.countPrompt };
  }
}

function errorFor(column: ColumnDef): string {
  if (column.note) return vi.dv.errorQuotingNote(column.note);
  return column.kind === "money" ? vi.dv.moneyError : vi.dv.countError;
}

/** Excel data validation for a column's input cells, or undefined for free columns. */
export function validationFor(column: ColumnDef, range: string): PlanValidation | undefined {
  const topLeft = range.split(":")[0];
  const rule = ruleFor(column.kind, topLeft);
  if (!rule) return undefined;
  const prompt = promptFor(column.kind);
  return {
    range,
    rule,
    prompt: { title: cap(prompt.title, DV_TITLE_MAX), message: cap(prompt.message, DV_MESSAGE_MAX) },
    error: { title: cap(vi.dv.errorTitle, DV_TITLE_MAX), message: cap(errorFor(column), DV_MESSAGE_MAX) },
  };
}
