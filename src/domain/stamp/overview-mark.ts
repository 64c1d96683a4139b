/**
 * A stamp-sheet row that names the summary's overview sheet. The overview is no form, so it has
 * no FormStamp (readers skip a row that is not one); the row only tells a later run that the
 * sheet is the product's to replace, while a sheet the user happens to call "Tổng quan" is not.
 */
const MARK = { app: "phuluc", role: "overview" } as const;

/** The stamp-sheet row for the overview sheet `sheet`. */
export function overviewMark(sheet: string): [string, string] {
  return [sheet, JSON.stringify(MARK)];
}

/** True when a stamp-sheet cell holds the overview's mark; never throws. */
export function isOverviewMark(json: unknown): boolean {
  if (typeof json !== "string") return false;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null) return false;
    const { app, role } = parsed as Record<string, unknown>;
    return app === MARK.app && role === MARK.role;
  } catch {
    return false;
  }
}
