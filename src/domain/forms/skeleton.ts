import type { DistrictGroup, FormParams, RowSpec, UnitRef } from "./form-types";
import { inlineName } from "../units/unit-names";

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

/** 1 → "I", 14 → "XIV": section numbers as the appendices print them. */
export function toRoman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Group ids shared by forms so that totals and consolidation speak of the same rows. */
export const GROUP = {
  /** The reporting unit's own row (district, or province in two tiers). */
  own: "own",
  /** Provincial-level rows (centre, departments). */
  province: "tinh",
  /** District rows of a three-tier province. */
  district: "huyen",
  /** Commune rows. */
  commune: "xa",
} as const;

/** Communes listed directly under the reporting unit, flat (district, or two-tier province). */
export function directCommunes(p: FormParams): UnitRef[] {
  if (p.subunits.kind === "communes") return p.subunits.communes;
  if (p.subunits.kind === "districts") return p.subunits.districts.flatMap((d) => d.communes);
  return [];
}

/** Districts of a three-tier province with their communes. */
export function districtGroups(p: FormParams): DistrictGroup[] {
  return p.subunits.kind === "districts" ? p.subunits.districts : [];
}

/**
 * Numbered unit rows for `units`, or — where no unit list was given — the seed's own
 * placeholder rows ("BPMC phường...", …) for the user to fill.
 */
export function unitRows(
  units: UnitRef[],
  label: (u: UnitRef) => string,
  group: string,
  placeholders: string[],
  start = 1,
): RowSpec[] {
  if (units.length === 0) {
    return placeholders.map((text, i) => ({ role: "placeholder", number: String(start + i), label: text, group }));
  }
  return units.map((unit, i) => ({ role: "unit", number: String(start + i), label: label(unit), unit, group }));
}

/** "Kèm theo" line shared by the forms whose seed has none, naming the unit's report. */
export function attachedToReport(p: FormParams, issuer: string): string {
  return `(Kèm theo Báo cáo số:        /BC-UBND ngày      tháng      năm ${p.year} của ${issuer})`;
}

/**
 * Commune rows numbered on through the whole section; in a three-tier province each district's
 * communes stand under an unnumbered heading with the district's name.
 */
export function communesByDistrict(
  p: FormParams,
  label: (u: UnitRef) => string,
  placeholders: string[],
): RowSpec[] {
  const districts = districtGroups(p);
  if (districts.length === 0) return unitRows(directCommunes(p), label, GROUP.commune, placeholders);
  let next = 1;
  return districts.flatMap((d): RowSpec[] => {
    const block = unitRows(d.communes, label, GROUP.commune, [], next);
    next += d.communes.length;
    return [{ role: "subheading", label: d.district.name }, ...block];
  });
}

/** "UBND thị xã Việt Yên", or the seed's blank where the template names no unit yet. */
export function ubnd(p: FormParams): string {
  return p.unit.name ? `UBND ${inlineName(p.unit.name)}` : "UBND ...";
}
