import { insertErrorView } from "./office-errors";
import type { InsertErrorView } from "./office-errors";

/** What went wrong while making a file in the browser, by what the user can do about it. */
export type FileErrorKey = "offline" | "tooLarge" | "unknown";

/**
 * Webpack names the error of a lazily loaded part that could not be fetched "ChunkLoadError";
 * memory runs out as a RangeError ("Array buffer allocation failed", "Invalid array length").
 */
export function fileErrorKey(error: unknown): FileErrorKey {
  if (typeof error !== "object" || error === null) return "unknown";
  const name = (error as { name?: unknown }).name;
  if (name === "ChunkLoadError") return "offline";
  if (error instanceof RangeError) return "tooLarge";
  return "unknown";
}

/** Where a task's result goes: the open workbook, or a downloaded file (the standalone page). */
export type Target = "excel" | "file";

/** A failed action as the task shows it: an Excel error by its code, or what went wrong making a file. */
export type TaskFailure = { kind: "failed"; view: InsertErrorView } | { kind: "file-failed"; key: FileErrorKey };

export function taskFailure(target: Target, error: unknown): TaskFailure {
  return target === "file" ? { kind: "file-failed", key: fileErrorKey(error) } : { kind: "failed", view: insertErrorView(error) };
}
