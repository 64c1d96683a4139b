import type { FormParams, RowSpec, UnitRef } from "./form-types";
import { GROUP, directCommunes, districtGroups, toRoman, unitRows } from "./skeleton";
import { inlineName } from "../units/unit-names";

/** "BPMC xã Thượng Lan": how Phụ lục 1 and 2 (seed 002) name a one-stop shop. */
export const bpmc = (u: UnitRef): string => `BPMC ${inlineName(u.name)}`;

const COMMUNE_PLACEHOLDERS = ["BPMC phường...", "BPMC thị trấn...", "BPMC xã...."];

/**
 * Row skeleton of Phụ lục 1 and 2 (seed 002): "I | BPMC huyện/thị xã/thành phố" is the
 * district's own data row, "II | BPMC cấp xã" heads the communes. A two-tier province takes the
 * district's place (its centre is row I); a three-tier province repeats the block per district.
 */
export function districtShapedRows(p: FormParams): RowSpec[] {
  if (p.level === "xa") {
    return [
      { role: "section", number: "II", label: "BPMC cấp xã" },
      { role: "unit", number: "1", label: bpmc(p.unit), unit: p.unit, group: GROUP.commune },
    ];
  }
  if (p.level === "huyen" || p.tiers === 2) {
    const own =
      p.level === "huyen"
        ? bpmc(p.unit)
        : `Trung tâm Phục vụ hành chính công ${inlineName(p.unit.name)}`;
    return [
      { role: "section", number: "I", label: own, unit: p.unit, group: GROUP.own },
      { role: "section", number: "II", label: "BPMC cấp xã" },
      ...unitRows(directCommunes(p), bpmc, GROUP.commune, COMMUNE_PLACEHOLDERS),
    ];
  }
  const districts = districtGroups(p);
  if (districts.length === 0) {
    return [
      { role: "section", number: "I", label: "BPMC huyện/thị xã/thành phố", group: GROUP.district },
      { role: "section", number: "II", label: "BPMC cấp xã" },
      ...unitRows([], bpmc, GROUP.commune, COMMUNE_PLACEHOLDERS),
    ];
  }
  return districts.flatMap((d, i): RowSpec[] => [
    { role: "section", number: toRoman(i + 1), label: d.district.name },
    { role: "unit", number: "1", label: bpmc(d.district), unit: d.district, group: GROUP.district },
    ...unitRows(d.communes, bpmc, GROUP.commune, COMMUNE_PLACEHOLDERS, 2),
  ]);
}

/** The group that holds the district-level rows: the own row, or every district's row. */
export function districtLevelGroup(p: FormParams): string {
  return p.level === "tinh" && p.tiers === 3 ? GROUP.district : GROUP.own;
}

/** "… TRÊN ĐỊA BÀN THỊ XÃ VIỆT YÊN"; the seed's own wording where no unit is named. */
export function onTerritoryOf(p: FormParams): string {
  return p.unit.name ? inlineName(p.unit.name).toLocaleUpperCase("vi") : "HUYỆN.../THỊ XÃ.../THÀNH PHỐ...";
}
