import type { UnitRef } from "../forms/form-types";
import { cleanName } from "./unit-names";
import { memoized } from "../memo";

/** The five Vietnamese tone marks as combining characters (NFD). */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/**
 * Words that stand before a unit's own name in a row label: shop names ("Bộ phận Một cửa",
 * "BPMC", "Trung tâm Phục vụ hành chính công"), then the unit type, full or abbreviated.
 * Matched on the folded text, longest first.
 */
const SHOP_PREFIXES = ["bộ phận một cửa", "bpmc", "trung tâm phục vụ hành chính công", "một cửa"];
const TYPE_PREFIXES = ["thành phố", "thị trấn", "thị xã", "đặc khu", "huyện", "phường", "quận", "tỉnh", "xã", "tt.", "tt", "tp.", "tp", "p.", "x.", "q.", "h."];
/** Abbreviated type words and the full word each stands for. */
const TYPE_ALIASES: Record<string, string> = {
  "tt.": "thị trấn",
  tt: "thị trấn",
  "tp.": "thành phố",
  tp: "thành phố",
  "p.": "phường",
  "x.": "xã",
  "q.": "quận",
  "h.": "huyện",
};

/**
 * Folds one syllable so that the two tone-mark placements compare equal ("hoà" and "hòa",
 * "thuỷ" and "thủy") while different tones or vowels stay apart ("Quảng" ≠ "Quang").
 */
function foldSyllable(word: string): string {
  const decomposed = word.normalize("NFD");
  const tone = decomposed.match(TONES)?.[0] ?? "";
  return decomposed.replace(TONES, "").normalize("NFC") + tone.normalize("NFC");
}

/** Lower case, NFC, single spaces, tone placement folded: two spellings of one name agree. */
export const foldName = memoized((name: string): string => cleanName(name).toLocaleLowerCase("vi").split(" ").map(foldSyllable).join(" "));

/** The folded name without any diacritics: the last resort, "Nénh" ~ "Nếnh". */
export function bareName(name: string): string {
  return foldName(name).normalize("NFD").replace(ALL_MARKS, "").replace(/đ/g, "d");
}

/** The prefix a folded label starts with, and the rest. */
function splitPrefix(folded: string, prefixes: string[]): { prefix?: string; rest: string } {
  for (const p of prefixes) {
    const fp = foldName(p);
    if (folded === fp) return { prefix: p, rest: "" };
    if (folded.startsWith(fp + " ")) return { prefix: p, rest: folded.slice(fp.length + 1) };
    if (fp.endsWith(".") && folded.startsWith(fp)) return { prefix: p, rest: folded.slice(fp.length).trim() };
  }
  return { rest: folded };
}

const stripPrefix = (folded: string, prefixes: string[]): string => splitPrefix(folded, prefixes).rest;

/** The unit type a label names, abbreviations spelt out, and the unit's own name, folded. */
const typeAndCore = memoized((label: string): { type?: string; core: string } => {
  const { prefix, rest } = splitPrefix(stripPrefix(foldName(label), SHOP_PREFIXES), TYPE_PREFIXES);
  return { type: prefix ? foldName(TYPE_ALIASES[prefix] ?? prefix) : undefined, core: rest };
});

/** The unit's own name in a label, folded: "Bộ phận Một cửa xã Thượng Lan" → "thượng lan". */
export function coreName(label: string): string {
  return typeAndCore(label).core;
}

export type NameMatch =
  | { kind: "exact" | "folded"; unit: UnitRef }
  /** Found only without diacritics: a warning that names the official spelling. */
  | { kind: "no-diacritics"; unit: UnitRef }
  | { kind: "ambiguous"; units: UnitRef[] }
  | { kind: "none" };

/** An index of expected units for matching row labels against them. */
export interface UnitIndex {
  match(label: string): NameMatch;
}

function groupBy(units: UnitRef[], key: (u: UnitRef) => string): Map<string, UnitRef[]> {
  const map = new Map<string, UnitRef[]>();
  for (const u of units) map.set(key(u), [...(map.get(key(u)) ?? []), u]);
  return map;
}

/**
 * Matches labels as officials write them against the official unit names: case, spaces, NFC,
 * tone placement and prefixes (Xã, Phường, Thị trấn, TT, P., BPMC …) folded; diacritics only as
 * a last resort. A bare name shared by two units (a xã and a phường of one name) is ambiguous
 * unless the label's type word tells them apart.
 * @example unitIndex([{ name: "Xã Minh Đức" }]).match("Mình Đức") // { kind: "no-diacritics", … }
 */
export function unitIndex(units: UnitRef[]): UnitIndex {
  const typed = (label: string): string => {
    const { type, core } = typeAndCore(label);
    return `${type ?? ""}|${core}`;
  };
  const byFull = groupBy(units, (u) => typed(u.name));
  const byCore = groupBy(units, (u) => coreName(u.name));
  const byBare = groupBy(units, (u) => bareName(coreName(u.name)));
  const byExact = groupBy(units, (u) => cleanName(u.name));
  return {
    match(label: string): NameMatch {
      const clean = cleanName(label);
      const exact = byExact.get(clean) ?? [];
      if (exact.length === 1) return { kind: "exact", unit: exact[0] };
      const full = byFull.get(typed(clean)) ?? [];
      if (full.length === 1) return { kind: "folded", unit: full[0] };
      const core = coreName(clean);
      const sameCore = byCore.get(core) ?? [];
      if (sameCore.length === 1) return { kind: "folded", unit: sameCore[0] };
      if (sameCore.length > 1) return { kind: "ambiguous", units: sameCore };
      const bare = byBare.get(bareName(core)) ?? [];
      if (bare.length === 1) return { kind: "no-diacritics", unit: bare[0] };
      if (bare.length > 1) return { kind: "ambiguous", units: bare };
      return { kind: "none" };
    },
  };
}

const COMMUNE_TYPES = new Set(["xã", "phường", "thị trấn", "đặc khu"].map(foldName));

/**
 * True when a row label names a commune-level unit or its shop ("BPMC xã …", "Phường Nếnh",
 * "TT Nénh"), or is a bare name with no type word, as seed 001 writes communes.
 */
export function isCommuneLabel(label: string): boolean {
  if (/^trung tâm/i.test(cleanName(label))) return false;
  const { type } = typeAndCore(label);
  return type === undefined || COMMUNE_TYPES.has(type);
}
