import type { ValueKind } from "../forms/form-types";
import { parseVietnameseAmount } from "./vietnamese-number";

/** A cell as read from a sheet: its typed value (number, text, …) before any interpretation. */
export type RawValue = string | number | boolean | null | undefined;

/**
 * Stable codes of what the grammar finds wrong with one cell. Checks and wording are separate:
 * the Vietnamese text for each code lives with the messages.
 */
export type ValueProblemCode =
  | "machine.blank"
  | "machine.bare-number"
  | "machine.spelling"
  | "machine.leading-zero"
  | "machine.zero"
  | "machine.none-word"
  | "machine.x-variant"
  | "machine.invalid"
  | "mark.x-variant"
  | "mark.invalid"
  | "count.negative"
  | "count.fraction"
  | "count.not-number"
  | "money.text"
  | "money.words"
  | "money.negative"
  | "money.fraction"
  | "money.not-number";

export interface ValueProblem {
  code: ValueProblemCode;
  severity: "error" | "warning";
  /** The value to write instead, where the fix is certain. */
  suggestion?: string | number;
}

export type ValueReading =
  | { ok: true; value: string | number | null }
  | { ok: false; problem: ValueProblem };

const ok = (value: string | number | null): ValueReading => ({ ok: true, value });
const problem = (code: ValueProblemCode, severity: "error" | "warning", suggestion?: string | number): ValueReading => ({
  ok: false,
  problem: suggestion === undefined ? { code, severity } : { code, severity, suggestion },
});

/** NFC, no outer spaces, inner runs of spaces folded: what the eye reads in the cell. */
function text(raw: RawValue): string {
  if (raw === null || raw === undefined) return "";
  return String(raw).normalize("NFC").replace(/\s+/g, " ").trim();
}

const NONE_WORDS = new Set(["không", "khong", "chưa có", "chua co", "chưa", "không có", "khong co", "chưa bố trí", "chua bo tri", "0"]);
const MACHINE = /^(\d+)\s*(máy|may|mấy)?$/i;

/**
 * "<n> máy" with n ≥ 1, or "X" when nothing is arranged (Phụ lục 1, columns (4)–(10)).
 * What officials really type becomes a suggestion: "2" → "2 máy", "2 may" → "2 máy",
 * "02 máy" → "2 máy", "0 máy" / "không" → "X".
 */
export function readMachine(raw: RawValue): ValueReading {
  const t = text(raw);
  if (t === "") return problem("machine.blank", "error");
  if (t === "X" && raw === "X") return ok("X");
  if (t.toLowerCase() === "x") return problem("machine.x-variant", "warning", "X");
  const lower = t.toLocaleLowerCase("vi");
  if (NONE_WORDS.has(lower)) return problem("machine.none-word", "error", "X");
  const m = MACHINE.exec(t);
  if (!m) return problem("machine.invalid", "error");
  const n = Number(m[1]);
  if (n === 0) return problem("machine.zero", "error", "X");
  const canonical = `${n} máy`;
  if (t === canonical) return ok(canonical);
  if (m[2] === undefined) return problem("machine.bare-number", "error", canonical);
  // The count and unit are right and only the writing differs: the figure itself is not in doubt.
  if (t === `${m[1]} máy`) return problem("machine.leading-zero", "warning", canonical);
  return problem("machine.spelling", "warning", canonical);
}

/** "X" or nothing (Phụ lục 2, columns (3)–(9)); "x" and " X " become "X". */
export function readMark(raw: RawValue): ValueReading {
  const t = text(raw);
  if (t === "") return ok(null);
  if (t === "X" && raw === "X") return ok("X");
  if (t.toUpperCase() === "X") return problem("mark.x-variant", "warning", "X");
  return problem("mark.invalid", "error");
}

/** A whole number ≥ 0; "02" typed as text reads as 2 and is fine. */
export function readCount(raw: RawValue): ValueReading {
  if (typeof raw === "number") {
    if (raw < 0) return problem("count.negative", "error");
    if (!Number.isInteger(raw)) return problem("count.fraction", "error");
    return ok(raw);
  }
  const t = text(raw);
  if (t === "") return ok(null);
  if (/^\d+$/.test(t)) return ok(Number(t));
  if (/^-\s*\d/.test(t)) return problem("count.negative", "error");
  if (/^\d+[.,]\d+$/.test(t)) return problem("count.fraction", "error");
  return problem("count.not-number", "error");
}

/**
 * Whole đồng ≥ 0, typed as a number. Text forms are read and the number offered:
 * "1.250.000.000" (a warning: right amount, wrong type) and "1,25 tỷ" / "1.250 triệu".
 */
export function readMoney(raw: RawValue): ValueReading {
  if (typeof raw === "number") {
    if (raw < 0) return problem("money.negative", "error");
    if (!Number.isInteger(raw)) return problem("money.fraction", "error");
    return ok(raw);
  }
  const t = text(raw);
  if (t === "") return ok(null);
  const amount = parseVietnameseAmount(t);
  if (!amount) return problem("money.not-number", "error");
  if (amount.value < 0) return problem("money.negative", "error");
  if (!Number.isInteger(amount.value)) return problem("money.fraction", "error");
  return amount.scaled ? problem("money.words", "warning", amount.value) : problem("money.text", "warning", amount.value);
}

/**
 * Reads one cell by the value kind of its column. Free columns (names, notes, "03 bàn, 20
 * ghế") accept anything.
 */
export function readValue(kind: ValueKind, raw: RawValue): ValueReading {
  switch (kind) {
    case "machine":
      return readMachine(raw);
    case "mark":
      return readMark(raw);
    case "count":
      return readCount(raw);
    case "money":
      return readMoney(raw);
    default:
      return ok(raw === null || raw === undefined || typeof raw === "boolean" ? null : raw);
  }
}
