import { LevelSchema, TiersSchema } from "../domain";
import type { Level, Tiers } from "../domain";
import { RememberedListSchema } from "./unit-list-state";
import type { RememberedList } from "./unit-list-state";

/** What the insert form keeps per workbook, so the next insert in that workbook starts from it. */
export interface RememberedInsert {
  level: Level;
  tiers: Tiers;
  unitName: string;
  unitCode: string;
  period: string;
  /** The unit list last used, cut to the unit's own units; undefined: none, or too large to keep. */
  list?: RememberedList;
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
  const list = RememberedListSchema.safeParse(r.list);
  if (list.success) out.list = list.data;
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
    // Without a list, none is stored: a later task in this workbook starts without one, as the user left it.
    const { list, ...rest } = values;
    store.set(KEY, list ? { ...rest, list } : rest);
    store.saveAsync(() => undefined);
  } catch {
    // Nothing to tell the user: the insert itself succeeded.
  }
}
