import type { FormId, UnitRef } from "../forms/form-types";
import { coreName, unitIndex } from "../units/name-match";
import type { UnitIndex } from "../units/name-match";
import type { UnitEntry } from "./extract";

/** An input file, read or not, as consolidation sees it. */
export interface InputRecord {
  file: string;
  /** ISO time the file was last modified, for "newest wins". */
  modified?: string;
  sha256: string;
  entries: UnitEntry[];
  /** True when the file's sheets have validation errors. */
  invalid: boolean;
}

/** Where an entry belongs in the summary: the reporting unit's own row, a district, or a commune. */
export interface Placed {
  entry: UnitEntry;
  input: InputRecord;
  slot: "own" | "district" | "commune";
  /** Official unit for the slot (from the expected list), or the unit as the file names it. */
  unit: UnitRef;
  /** True when the name matched the list only without diacritics. */
  spelling: boolean;
  /** True when a list was given and the unit is not on it. */
  unexpected: boolean;
}

export const keyOf = (u: UnitRef): string => (u.code ? `#${u.code}` : `~${coreName(u.name)}`);

function hasFigures(e: UnitEntry): boolean {
  return Object.entries(e.values).some(([k, v]) => k !== "note" && k !== "other" && v !== null && v !== "");
}

export interface Expected {
  own?: UnitRef;
  communes: UnitRef[];
  districts: UnitRef[];
  /** A three-tier province: rows above commune level are districts, not its own row. */
  upperIsDistrict: boolean;
}

function place(entry: UnitEntry, input: InputRecord, expected: Expected, idx: { communes: UnitIndex; districts: UnitIndex; own: UnitIndex }): Placed {
  const names = [entry.unit.name, entry.label];
  const find = (index: UnitIndex): { unit: UnitRef; spelling: boolean } | undefined => {
    for (const name of names) {
      const m = index.match(name);
      if (m.kind === "exact" || m.kind === "folded" || m.kind === "no-diacritics") return { unit: m.unit, spelling: m.kind === "no-diacritics" };
    }
    return undefined;
  };
  if (entry.level === "commune") {
    const hit = find(idx.communes);
    const listed = expected.communes.length > 0;
    return { entry, input, slot: "commune", unit: hit?.unit ?? entry.unit, spelling: hit?.spelling ?? false, unexpected: listed && !hit };
  }
  const own = find(idx.own);
  if (own || !expected.upperIsDistrict) return { entry, input, slot: "own", unit: own?.unit ?? expected.own ?? entry.unit, spelling: false, unexpected: false };
  const district = find(idx.districts);
  const unit = district?.unit ?? entry.unit;
  const listed = expected.districts.length > 0;
  return { entry, input, slot: "district", unit, spelling: district?.spelling ?? false, unexpected: listed && !district };
}

/**
 * Every entry with figures, placed in the summary's skeleton by the expected units: names are
 * matched as validation matches them ("Mình Đức" finds Xã Minh Đức); without a list, by name.
 */
export function placeEntries(inputs: InputRecord[], expected: Expected): Placed[] {
  const idx = { communes: unitIndex(expected.communes), districts: unitIndex(expected.districts), own: unitIndex(expected.own ? [expected.own] : []) };
  return inputs.flatMap((input) => input.entries.filter(hasFigures).map((e) => place(e, input, expected, idx)));
}

export interface ConflictFile {
  file: string;
  modified?: string;
}

/** Two or more files claiming one unit's row of one form. */
export interface Conflict {
  unit: string;
  form: FormId;
  files: ConflictFile[];
  /** Cells whose figures differ between the files, by column number. */
  differing: { column: string; values: (string | number | null)[] }[];
  /** The file kept when "newest wins" was asked for. */
  kept?: string;
}

export interface Resolved {
  chosen: Map<string, Placed>;
  conflicts: Conflict[];
}

/** slot|unit|form: one summary row of one form. */
export const slotKey = (p: Pick<Placed, "slot" | "unit">, form: FormId): string => `${p.slot}|${keyOf(p.unit)}|${form}`;

/**
 * One entry per summary row: never two files counted for one unit. Where files disagree the row
 * is left out and reported, unless `newestWins` keeps the most recently modified file.
 */
export function resolveConflicts(placed: Placed[], columnNumbers: (form: FormId, key: string) => string, newestWins: boolean): Resolved {
  const groups = new Map<string, Placed[]>();
  for (const p of placed) groups.set(slotKey(p, p.entry.form), [...(groups.get(slotKey(p, p.entry.form)) ?? []), p]);
  const chosen = new Map<string, Placed>();
  const conflicts: Conflict[] = [];
  for (const [key, group] of groups) {
    const files = [...new Set(group.map((p) => p.input.file))];
    if (files.length === 1) {
      chosen.set(key, group[0]);
      continue;
    }
    const form = group[0].entry.form;
    const columns = [...new Set(group.flatMap((p) => Object.keys(p.entry.values)))];
    const differing = columns
      .filter((c) => new Set(group.map((p) => JSON.stringify(p.entry.values[c] ?? null))).size > 1)
      .map((c) => ({ column: columnNumbers(form, c), values: group.map((p) => p.entry.values[c] ?? null) }));
    const newest = [...group].sort((a, b) => (a.input.modified ?? "").localeCompare(b.input.modified ?? "") || a.input.file.localeCompare(b.input.file)).pop();
    const conflict: Conflict = {
      unit: group[0].unit.name,
      form,
      files: group.map((p) => ({ file: p.input.file, ...(p.input.modified ? { modified: p.input.modified } : {}) })),
      differing,
      ...(newestWins && newest ? { kept: newest.input.file } : {}),
    };
    conflicts.push(conflict);
    if (newestWins && newest) chosen.set(key, newest);
  }
  return { chosen, conflicts };
}
