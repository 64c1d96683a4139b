import { z } from "zod";

/** Administrative level of the unit that owns a sheet: commune, district or province. */
export const LevelSchema = z.enum(["xa", "huyen", "tinh"]);
export type Level = z.infer<typeof LevelSchema>;

/** Three tiers (tỉnh → huyện → xã, before 1 July 2025) or two (tỉnh → xã, since). */
export const TiersSchema = z.union([z.literal(2), z.literal(3)]);
export type Tiers = z.infer<typeof TiersSchema>;

export const FORM_IDS = ["staffing", "facilities", "investment", "procedures", "intake"] as const;
export const FormIdSchema = z.enum(FORM_IDS);
export type FormId = z.infer<typeof FormIdSchema>;

/**
 * What a cell of a column may hold. Each kind drives the cell's number format, its Excel data
 * validation and (in validation) its value grammar.
 * - count: whole number ≥ 0
 * - machine: "<n> máy" (n ≥ 1) or "X" when nothing is arranged, never blank
 * - mark: "X" or nothing
 * - money: whole đồng ≥ 0
 * - countOrText: a count or a short text ("03 bàn, 20 ghế")
 * - rate: a share computed by formula, shown as a percentage
 */
export const ValueKindSchema = z.enum([
  "rowNumber",
  "unitName",
  "count",
  "machine",
  "mark",
  "money",
  "text",
  "countOrText",
  "rate",
]);
export type ValueKind = z.infer<typeof ValueKindSchema>;

export const UnitRefSchema = z.object({
  name: z.string().min(1),
  code: z.string().optional(),
});
export type UnitRef = z.infer<typeof UnitRefSchema>;

export interface DistrictGroup {
  district: UnitRef;
  communes: UnitRef[];
}

/** The units under the reporting unit that pre-fill the rows. */
export type Subunits =
  | { kind: "none" }
  | { kind: "communes"; communes: UnitRef[] }
  | { kind: "districts"; districts: DistrictGroup[] };

export interface FormParams {
  level: Level;
  tiers: Tiers;
  unit: UnitRef;
  /** Report year: the investment form's year columns run from 2018 to it. */
  year: number;
  /** Reporting period as the letter words it, e.g. "Năm 2023", "Quý I/2024". */
  period: string;
  subunits: Subunits;
}

export interface ColumnDef {
  /** Stable key used by the stamp, validation and consolidation. */
  key: string;
  /** Number as printed in the numbering row, without brackets: "1", "2", … */
  number: string;
  header: string;
  /** Other headers the same column carries in filled reports ("Đơn vị" in seed 001). */
  aliases?: string[];
  /** Header merged above consecutive columns that share it. */
  group?: string;
  kind: ValueKind;
  /** Column width in Excel character units. */
  width: number;
  /** The explanatory note (GIẢI THÍCH BIỂU MẪU) that governs this column, verbatim. */
  note?: string;
  /** Footnote mark printed after the header text (investment years). */
  footnoteMark?: string;
  /** For a rate column: the share of column `of` in column `to`, computed by formula. */
  ratio?: { of: string; to: string };
}

/**
 * One row of the body, before layout gives it a row number.
 * - section: a bold heading (I, II, CẤP TỈNH…); with `unit` it is also that unit's data row
 * - unit: one unit's data row
 * - subheading: an unnumbered heading that groups units (a district inside a province list)
 * - placeholder: an empty numbered row for the user to fill (no unit list was given)
 * - total: sums of the unit rows of the named groups
 */
export type RowSpec =
  | { role: "section"; number: string; label: string; unit?: UnitRef; group?: string }
  | { role: "unit"; number: string; label: string; unit: UnitRef; group: string }
  | { role: "subheading"; label: string }
  | { role: "placeholder"; number: string; label: string; group: string }
  | TotalRowSpec;

export interface TotalRowSpec {
  role: "total";
  label: string;
  /** Groups whose input rows are summed. */
  of: string[];
  /** Text written across the columns between the label and the first summed column. */
  caption?: string;
  /** Only these column keys are summed; default: every count and money column. */
  columns?: string[];
  /** Merge the label cell with the same cell of the next row (investment's two-line "Tổng cộng"). */
  mergeLabelDown?: boolean;
  /** A share written as text into column `into`: "<label>: 97,35%" of column `of` in column `to`. */
  share?: { of: string; to: string; into: string; label: string };
}

/** Any of the keys marked "X", any of them greater than 0, or any of several conditions. */
export type RowCondition = { marked: string[] } | { positive: string[] } | { any: RowCondition[] };

/**
 * A rule over one row's figures, declared by the form and checked by validation. `basis` is the
 * text the rule rests on (an explanatory note, or the source's own arithmetic), quoted to the user.
 * - sum: whole = Σ parts (checked when the whole or a part is filled)
 * - atMost: Σ parts ≤ whole
 * - implies / excludes: consistency notices (warnings)
 * - oneOf: at least one of the keys marked (a warning)
 */
export type RowRule =
  | { kind: "sum"; code: string; whole: string; parts: string[]; basis: string }
  | { kind: "atMost"; code: string; whole: string; parts: string[]; basis: string }
  | { kind: "implies"; code: string; when: RowCondition; then: RowCondition; basis: string }
  | { kind: "excludes"; code: string; when: RowCondition; not: RowCondition; basis: string }
  | { kind: "oneOf"; code: string; marked: string[]; basis: string };

export interface SignatureBlock {
  lines: { text: string; bold?: boolean; italic?: boolean }[];
}

export interface FormDef {
  id: FormId;
  /** Bumped whenever the layout changes in a way a reader of old sheets must know. */
  version: number;
  /** "PHỤ LỤC", "Phụ lục 1", … */
  appendixLabel: string;
  /** Preferred sheet name (≤ 31 characters). */
  sheetName: string;
  /** Short Vietnamese name for menus. */
  shortName: string;
  title: (p: FormParams) => string[];
  subtitle: (p: FormParams) => string | undefined;
  columns: (p: FormParams) => ColumnDef[];
  numberingRow: boolean;
  rows: (p: FormParams) => RowSpec[];
  footnotes: (p: FormParams) => string[];
  /** Explanatory notes verbatim, each line as printed. */
  notes: (p: FormParams) => string[];
  signature?: (p: FormParams) => SignatureBlock;
  /** Rules over each unit row's figures. */
  rules: (p: FormParams) => RowRule[];
}
