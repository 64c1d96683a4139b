import { allForms, buildSheetPlan, getForm } from "../../src/domain";
import type { FormId, FormParams, SheetPlan, UnitRef } from "../../src/domain";

export const DISTRICT: FormParams = {
  level: "huyen",
  tiers: 3,
  unit: { name: "Thị xã Việt Yên", code: "222" },
  year: 2024,
  period: "Năm 2023",
  subunits: { kind: "communes", communes: [{ name: "Xã Thượng Lan" }, { name: "Phường Nếnh" }] },
};

const communes = (n: number, from = 1): UnitRef[] => Array.from({ length: n }, (_, i) => ({ name: `Xã Số ${from + i}` }));

/** A three-tier province of 20 districts with 50 communes each: 1,000 commune rows. */
export const PROVINCE_1000_DISTRICTS: FormParams = {
  level: "tinh",
  tiers: 3,
  unit: { name: "Tỉnh Bắc Giang", code: "24" },
  year: 2024,
  period: "Năm 2023",
  subunits: {
    kind: "districts",
    districts: Array.from({ length: 20 }, (_, k) => ({
      district: { name: `Huyện Số ${k + 1}` },
      communes: communes(50, k * 50 + 1),
    })),
  },
};

/** A two-tier province listing 1,000 communes directly. */
export const PROVINCE_1000_COMMUNES: FormParams = {
  level: "tinh",
  tiers: 2,
  unit: { name: "Tỉnh Bắc Ninh", code: "24" },
  year: 2025,
  period: "Năm 2025",
  subunits: { kind: "communes", communes: communes(1000) },
};

export const plan = (id: FormId, params: FormParams = DISTRICT): SheetPlan => buildSheetPlan(getForm(id), params);

export const allPlans = (params: FormParams = DISTRICT): SheetPlan[] => allForms().map((f) => buildSheetPlan(f, params));

export const widthOf = (p: SheetPlan): number => Math.max(...p.cells.map((r) => r.length));
