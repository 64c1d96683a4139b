import { readCount, readMachine, readMark, readMoney, readValue } from "../../../src/domain/values/value-grammar";
import type { RawValue, ValueReading } from "../../../src/domain/values/value-grammar";
import { parseVietnameseAmount } from "../../../src/domain/values/vietnamese-number";

type Row = [RawValue, string, ValueReading];
const valid = (value: string | number | null): ValueReading => ({ ok: true, value });
const bad = (code: string, severity: "error" | "warning", suggestion?: string | number): ValueReading => ({
  ok: false,
  problem: suggestion === undefined ? { code, severity } : { code, severity, suggestion },
} as ValueReading);

describe("machine columns, Phụ lục 1 (4)–(10): \"n máy\" or \"X\", never blank", () => {
  // forms.md: "2" → "2 máy"; "02 máy" → 2 máy; "2 may", "2 Máy", "2máy" → "2 máy"; "x", " X " → "X";
  // "0 máy" or "0" → "X"; "không", "chưa có" → "X".
  const rows: Row[] = [
    ["2 máy", "as the note writes it", valid("2 máy")],
    ["5 máy", "the note's other example", valid("5 máy")],
    ["X", "nothing arranged", valid("X")],
    ["12 máy", "two digits", valid("12 máy")],
    ["2", "a bare count as text", bad("machine.bare-number", "error", "2 máy")],
    [2, "a bare count as a number", bad("machine.bare-number", "error", "2 máy")],
    ["02 máy", "a leading zero", bad("machine.leading-zero", "warning", "2 máy")],
    ["2 may", "without diacritics", bad("machine.spelling", "warning", "2 máy")],
    ["2 Máy", "capital M", bad("machine.spelling", "warning", "2 máy")],
    ["2máy", "no space", bad("machine.spelling", "warning", "2 máy")],
    ["2 MÁY", "capitals", bad("machine.spelling", "warning", "2 máy")],
    ["x", "small x", bad("machine.x-variant", "warning", "X")],
    [" X ", "X with spaces", bad("machine.x-variant", "warning", "X")],
    ["0 máy", "zero machines", bad("machine.zero", "error", "X")],
    ["0", "zero", bad("machine.none-word", "error", "X")],
    [0, "zero as a number", bad("machine.none-word", "error", "X")],
    ["không", "the word 'none'", bad("machine.none-word", "error", "X")],
    ["chưa có", "'not yet'", bad("machine.none-word", "error", "X")],
    ["Chưa có", "'not yet', capitalised", bad("machine.none-word", "error", "X")],
    ["", "blank", bad("machine.blank", "error")],
    [null, "empty cell", bad("machine.blank", "error")],
    ["vài máy", "no number", bad("machine.invalid", "error")],
    ["2,5 máy", "a fraction", bad("machine.invalid", "error")],
  ];
  test.each(rows)("%j (%s)", (raw, _why, expected) => {
    expect(readMachine(raw)).toEqual(expected);
  });

  test("decomposed Vietnamese (NFD) reads like NFC", () => {
    expect(readMachine("2 máy".normalize("NFD"))).toEqual(valid("2 máy"));
    expect(readMachine("chưa có".normalize("NFD"))).toEqual(bad("machine.none-word", "error", "X"));
  });
});

describe("mark columns, Phụ lục 2 (3)–(9): \"X\" or nothing", () => {
  const rows: Row[] = [
    ["X", "marked", valid("X")],
    [null, "empty", valid(null)],
    ["", "empty text", valid(null)],
    ["x", "small x", bad("mark.x-variant", "warning", "X")],
    [" X ", "with spaces", bad("mark.x-variant", "warning", "X")],
    ["có", "'yes'", bad("mark.invalid", "error")],
    [1, "a number", bad("mark.invalid", "error")],
  ];
  test.each(rows)("%j (%s)", (raw, _why, expected) => {
    expect(readMark(raw)).toEqual(expected);
  });
});

describe("count columns: whole numbers ≥ 0, leading zeros fine", () => {
  const rows: Row[] = [
    [3, "a number", valid(3)],
    [0, "zero", valid(0)],
    ["02", "seed 001's '02'", valid(2)],
    ["10", "text digits", valid(10)],
    [null, "empty", valid(null)],
    [-1, "negative", bad("count.negative", "error")],
    ["-3", "negative text", bad("count.negative", "error")],
    [2.5, "a fraction", bad("count.fraction", "error")],
    ["2,5", "a Vietnamese fraction", bad("count.fraction", "error")],
    ["ba", "a word", bad("count.not-number", "error")],
  ];
  test.each(rows)("%j (%s)", (raw, _why, expected) => {
    expect(readCount(raw)).toEqual(expected);
  });
});

describe("money columns, Phụ lục 2 (10), (11): whole đồng ≥ 0", () => {
  const rows: Row[] = [
    [1_250_000_000, "a number", valid(1_250_000_000)],
    [0, "zero", valid(0)],
    [null, "empty", valid(null)],
    ["1.250.000.000", "Vietnamese thousands as text", bad("money.text", "warning", 1_250_000_000)],
    ["1 250 000 000 đồng", "spaces and the currency", bad("money.text", "warning", 1_250_000_000)],
    ["1,25 tỷ", "billions with a decimal comma", bad("money.words", "warning", 1_250_000_000)],
    ["1.250 triệu", "millions", bad("money.words", "warning", 1_250_000_000)],
    ["17 tỷ đồng", "seed 001's programme", bad("money.words", "warning", 17_000_000_000)],
    ["1,1 tỷ", "exact, not a float", bad("money.words", "warning", 1_100_000_000)],
    ["500 nghìn", "thousands", bad("money.words", "warning", 500_000)],
    [-5, "negative", bad("money.negative", "error")],
    [1000.5, "a fraction of a đồng", bad("money.fraction", "error")],
    ["khoảng 2 tỷ", "'about 2 billion'", bad("money.not-number", "error")],
    ["2 tỷ rưỡi", "words after the scale", bad("money.not-number", "error")],
  ];
  test.each(rows)("%j (%s)", (raw, _why, expected) => {
    expect(readMoney(raw)).toEqual(expected);
  });

  test("an English-grouped amount with several commas is read as thousands", () => {
    expect(parseVietnameseAmount("1,250,000,000")).toEqual({ value: 1_250_000_000, scaled: false });
  });
});

describe("free columns accept what is written", () => {
  test.each([
    ["countOrText", "03 bàn, 20 ghế"],
    ["text", "Số liệu mẫu"],
    ["unitName", "Xã Thượng Lan"],
  ] as const)("%s", (kind, raw) => {
    expect(readValue(kind, raw)).toEqual(valid(raw));
  });
});
