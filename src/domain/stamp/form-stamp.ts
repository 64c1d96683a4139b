import { z } from "zod";
import { FormIdSchema, LevelSchema, TiersSchema, UnitRefSchema } from "../forms/form-types";

/** Name of the very hidden sheet that carries one stamp row per form sheet of the workbook. */
export const STAMP_SHEET = "PhuLuc_ThongTin";
/** Header of the stamp sheet: the sheet a stamp describes, then the stamp as JSON. */
export const STAMP_HEADER = ["sheet", "stamp"] as const;

const RowSpanSchema = z.object({ first: z.number().int().min(1), last: z.number().int().min(1) });

/**
 * What every generated sheet records about itself so that validation and consolidation
 * recognise it later, whatever program saved the file in between.
 */
export const FormStampSchema = z.object({
  app: z.literal("phuluc"),
  form: FormIdSchema,
  version: z.number().int().min(1),
  level: LevelSchema,
  tiers: TiersSchema,
  unit: UnitRefSchema.or(z.object({ name: z.literal(""), code: z.string().optional() })),
  year: z.number().int(),
  period: z.string(),
  sheet: z.string().min(1),
  header: RowSpanSchema,
  /** The numbering row "(1) (2) …", where the form has one. */
  numberingRow: z.number().int().min(1).optional(),
  body: RowSpanSchema,
  /** Column keys from column A onwards. */
  columns: z.array(z.string()).min(2),
});
export type FormStamp = z.infer<typeof FormStampSchema>;

/** One row of the stamp sheet. */
export function encodeStamp(stamp: FormStamp): [string, string] {
  return [stamp.sheet, JSON.stringify(stamp)];
}

export type StampReading = { ok: true; stamp: FormStamp } | { ok: false; reason: "not-json" | "not-a-stamp" };

/** The stamp in a stamp-sheet cell, checked against the schema; never throws. */
export function decodeStamp(json: unknown): StampReading {
  if (typeof json !== "string") return { ok: false, reason: "not-json" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const result = FormStampSchema.safeParse(parsed);
  return result.success ? { ok: true, stamp: result.data } : { ok: false, reason: "not-a-stamp" };
}
