import { LevelSchema, TiersSchema } from "../domain";
import type { Level, Tiers } from "../domain";

/** What the insert form keeps per workbook, so the next insert in that workbook starts from it. */
export interface RememberedInsert {
  level: Level;
  tiers: Tiers;
  unitName: string;
  unitCode: string;
  period: string;
}

const KEY = "phuluc.insert";
/** Settings come back from the document, which anyone may have edited: keep only sane strings. */
const MAX_TEXT = 200;

function settings(): Office.Settings | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return Office.context?.document?.settings ?? undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.length <= MAX_TEXT ? v : undefined);

/** The values last used in this workbook, or nothing outside Office or when none were saved. */
export function recallInsert(): Partial<RememberedInsert> {
  const store = settings();
  if (!store) return {};
  let raw: unknown;
  try {
    raw = store.get(KEY);
  } catch {
    return {};
  }
  if (typeof raw !== "object" || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const level = LevelSchema.safeParse(r.level);
  const tiers = TiersSchema.safeParse(r.tiers);
  const out: Partial<RememberedInsert> = {};
  if (level.success) out.level = level.data;
  if (tiers.success) out.tiers = tiers.data;
  const unitName = text(r.unitName);
  const unitCode = text(r.unitCode);
  const period = text(r.period);
  if (unitName !== undefined) out.unitName = unitName;
  if (unitCode !== undefined) out.unitCode = unitCode;
  if (period !== undefined) out.period = period;
  return out;
}

/**
 * Saves the values with the workbook's add-in settings. Failing to save loses only a convenience,
 * so failures are ignored.
 */
export function rememberInsert(values: RememberedInsert): void {
  const store = settings();
  if (!store) return;
  try {
    store.set(KEY, { ...values });
    store.saveAsync(() => undefined);
  } catch {
    // Nothing to tell the user: the insert itself succeeded.
  }
}
