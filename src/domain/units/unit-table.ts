import type { DistrictGroup, Level, Subunits, Tiers, UnitRef } from "../forms/form-types";
import { cleanName, officialName } from "./unit-names";

/** One commune (or a district without communes) of an official list, codes as text. */
export interface UnitRow {
  provinceCode: string;
  provinceName: string;
  districtCode: string;
  districtName: string;
  communeCode: string;
  communeName: string;
}

/**
 * A unit list as read from a file: a plain list of names, or an official catalogue — the
 * three-tier CSV (units-2024), the two-tier CSV (units-2025) or the GSO Excel export.
 */
export type UnitTable =
  | { layout: "names"; names: string[] }
  | { layout: "three-tier"; source: "csv" | "gso"; rows: UnitRow[] }
  | { layout: "two-tier"; rows: UnitRow[] };

const fold = (s: string): string => cleanName(s).toLocaleLowerCase("vi");

type Field = keyof UnitRow;

/** Header text of each field in the official layouts (folded), in any column order. */
const LAYOUTS: { name: "csv2024" | "gso" | "csv2025"; headers: Partial<Record<Field, string>> }[] = [
  {
    name: "csv2024",
    headers: {
      provinceCode: "province_code",
      provinceName: "province_name",
      districtCode: "district_code",
      districtName: "district_name",
      communeCode: "commune_code",
      communeName: "commune_name",
    },
  },
  {
    name: "gso",
    headers: {
      provinceName: "tỉnh thành phố",
      provinceCode: "mã tp",
      districtName: "quận huyện",
      districtCode: "mã qh",
      communeName: "phường xã",
      communeCode: "mã px",
    },
  },
  {
    name: "csv2025",
    headers: { provinceCode: "province_code", provinceName: "province_name", communeCode: "commune_code", communeName: "commune_name" },
  },
];

/** Column index of each field of the layout, or undefined when a header is missing. */
function columnsOf(header: string[], headers: Partial<Record<Field, string>>): Map<Field, number> | undefined {
  const folded = header.map(fold);
  const found = new Map<Field, number>();
  for (const [field, text] of Object.entries(headers) as [Field, string][]) {
    const i = folded.indexOf(text);
    if (i < 0) return undefined;
    found.set(field, i);
  }
  return found;
}

/** Header words that mean the first line of a name list is a caption, not a unit. */
const NAME_CAPTIONS = new Set(["tên", "tên đơn vị", "đơn vị", "tên xã", "xã, phường", "name", "unit", "bộ phận một cửa"]);

function namesFrom(rows: string[][]): string[] {
  const names = rows
    .map((r) => cleanName(r.find((c) => cleanName(c) !== "") ?? ""))
    .filter((n) => n !== "");
  if (names.length > 0 && NAME_CAPTIONS.has(fold(names[0]))) names.shift();
  return names;
}

/**
 * Recognises the layout of a table read from a unit-list file by its header row.
 * @example tableFromRows([["Xã Thượng Lan"], ["Phường Nếnh"]]) // { layout: "names", names: [...] }
 */
export function tableFromRows(rows: string[][]): UnitTable {
  const headerAt = rows.findIndex((r) => r.some((c) => cleanName(c) !== ""));
  if (headerAt < 0) return { layout: "names", names: [] };
  const header = rows[headerAt];
  const body = rows.slice(headerAt + 1);
  for (const layout of LAYOUTS) {
    const cols = columnsOf(header, layout.headers);
    if (!cols) continue;
    const get = (r: string[], f: Field): string => {
      const i = cols.get(f);
      return i === undefined ? "" : cleanName(r[i] ?? "");
    };
    const unitRows = body
      .map((r) => ({
        provinceCode: get(r, "provinceCode"),
        provinceName: officialName(get(r, "provinceName")),
        districtCode: get(r, "districtCode"),
        districtName: officialName(get(r, "districtName")),
        communeCode: get(r, "communeCode"),
        communeName: officialName(get(r, "communeName")),
      }))
      .filter((u) => (layout.name === "csv2025" ? u.communeCode : u.districtCode) !== "");
    if (layout.name === "csv2025") return { layout: "two-tier", rows: unitRows };
    return { layout: "three-tier", source: layout.name === "gso" ? "gso" : "csv", rows: unitRows };
  }
  return { layout: "names", names: namesFrom(rows) };
}

export interface RosterRequest {
  level: Level;
  tiers: Tiers;
  /** Province (2 digits), district (3) or commune (5) code that picks the reporting unit. */
  code?: string;
}

export type RosterProblem =
  /** The catalogue holds more than one candidate and no code says which. */
  | { problem: "needs-code"; expected: "province" | "district" | "commune" }
  | { problem: "no-match"; code: string }
  /** A two-tier list cannot give districts, nor a three-tier one a post-2025 province. */
  | { problem: "wrong-tiers"; table: "two-tier" | "three-tier" }
  | { problem: "empty" };

export type RosterResult = { ok: true; unit?: UnitRef; subunits: Subunits } | ({ ok: false } & RosterProblem);

const commune = (r: UnitRow): UnitRef => ({ name: r.communeName, code: r.communeCode });

function distinct<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** Picks the rows of one unit by code, or the only unit there is. */
function pick(rows: UnitRow[], code: string | undefined, key: (r: UnitRow) => string, expected: "province" | "district" | "commune"): UnitRow[] | RosterProblem {
  if (code) {
    const wanted = code.trim();
    const hit = rows.filter((r) => key(r) === wanted || key(r) === wanted.padStart(key(r).length, "0"));
    return hit.length > 0 ? hit : { problem: "no-match", code: wanted };
  }
  const keys = new Set(rows.map(key));
  return keys.size === 1 ? rows : { problem: "needs-code", expected };
}

function fromThreeTier(rows: UnitRow[], req: RosterRequest): RosterResult {
  if (req.level === "tinh" && req.tiers === 2) return { ok: false, problem: "wrong-tiers", table: "three-tier" };
  if (req.level === "xa") {
    const hit = pick(rows.filter((r) => r.communeCode), req.code, (r) => r.communeCode, "commune");
    return "problem" in hit ? { ok: false, ...hit } : { ok: true, unit: commune(hit[0]), subunits: { kind: "none" } };
  }
  if (req.level === "huyen") {
    const hit = pick(rows, req.code, (r) => r.districtCode, "district");
    if ("problem" in hit) return { ok: false, ...hit };
    const unit = { name: hit[0].districtName, code: hit[0].districtCode };
    return { ok: true, unit, subunits: { kind: "communes", communes: hit.filter((r) => r.communeCode).map(commune) } };
  }
  const hit = pick(rows, req.code, (r) => r.provinceCode, "province");
  if ("problem" in hit) return { ok: false, ...hit };
  const districts: DistrictGroup[] = distinct(hit, (r) => r.districtCode).map((d) => ({
    district: { name: d.districtName, code: d.districtCode },
    communes: hit.filter((r) => r.districtCode === d.districtCode && r.communeCode).map(commune),
  }));
  return { ok: true, unit: { name: hit[0].provinceName, code: hit[0].provinceCode }, subunits: { kind: "districts", districts } };
}

function fromTwoTier(rows: UnitRow[], req: RosterRequest): RosterResult {
  if (req.level === "huyen" || req.tiers === 3) return { ok: false, problem: "wrong-tiers", table: "two-tier" };
  if (req.level === "xa") {
    const hit = pick(rows, req.code, (r) => r.communeCode, "commune");
    return "problem" in hit ? { ok: false, ...hit } : { ok: true, unit: commune(hit[0]), subunits: { kind: "none" } };
  }
  const hit = pick(rows, req.code, (r) => r.provinceCode, "province");
  if ("problem" in hit) return { ok: false, ...hit };
  return {
    ok: true,
    unit: { name: hit[0].provinceName, code: hit[0].provinceCode },
    subunits: { kind: "communes", communes: hit.map(commune) },
  };
}

/**
 * The reporting unit and the units under it, as a form needs them for this level and tiers.
 * A plain name list gives the communes (or, for a three-tier province, the districts).
 */
export function rosterFor(table: UnitTable, req: RosterRequest): RosterResult {
  if (table.layout === "names") {
    if (table.names.length === 0) return { ok: false, problem: "empty" };
    const units = table.names.map((name) => ({ name }));
    if (req.level === "xa") return { ok: true, subunits: { kind: "none" } };
    if (req.level === "tinh" && req.tiers === 3) {
      return { ok: true, subunits: { kind: "districts", districts: units.map((district) => ({ district, communes: [] })) } };
    }
    return { ok: true, subunits: { kind: "communes", communes: units } };
  }
  if (table.rows.length === 0) return { ok: false, problem: "empty" };
  return table.layout === "three-tier" ? fromThreeTier(table.rows, req) : fromTwoTier(table.rows, req);
}

export type ExpectedResult = { ok: true; unit?: UnitRef; communes: UnitRef[] } | ({ ok: false } & RosterProblem);

/**
 * The communes a summary or a check expects, from a unit list: all names of a plain list, or
 * the communes under a district (3-digit code) or province (2-digit code) of a catalogue.
 */
export function expectedCommunes(table: UnitTable, code?: string): ExpectedResult {
  if (table.layout === "names") {
    return table.names.length > 0 ? { ok: true, communes: table.names.map((name) => ({ name })) } : { ok: false, problem: "empty" };
  }
  if (table.rows.length === 0) return { ok: false, problem: "empty" };
  const byDistrict = table.layout === "three-tier" && code?.trim().length === 3;
  const hit = pick(table.rows, code, (r) => (byDistrict ? r.districtCode : r.provinceCode), byDistrict ? "district" : "province");
  if ("problem" in hit) return { ok: false, ...hit };
  const unit = byDistrict ? { name: hit[0].districtName, code: hit[0].districtCode } : { name: hit[0].provinceName, code: hit[0].provinceCode };
  return { ok: true, unit, communes: hit.filter((r) => r.communeCode).map(commune) };
}
