/** Excel's limit on a sheet name, and the characters it forbids in one. */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A sheet name no sheet in `taken` has (Excel compares names without case): the preferred
 * name, or the same with " (2)", " (3)", … so that a sheet the user has is never overwritten.
 */
export function uniqueSheetName(preferred: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase("vi")));
  const base = preferred.replace(FORBIDDEN, " ").replace(/^'+|'+$/g, "").trim().slice(0, SHEET_NAME_MAX) || "Phụ lục";
  if (!used.has(base.toLocaleLowerCase("vi"))) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLocaleLowerCase("vi"))) return name;
  }
}

/** Gives each plan a unique name against `taken` and the plans before it, and its stamp the same. */
export function withUniqueNames<T extends { name: string; stamp: { sheet: string } }>(plans: T[], taken: Iterable<string>): T[] {
  const used = [...taken];
  return plans.map((plan) => {
    const name = uniqueSheetName(plan.name, used);
    used.push(name);
    return { ...plan, name, stamp: { ...plan.stamp, sheet: name } };
  });
}
