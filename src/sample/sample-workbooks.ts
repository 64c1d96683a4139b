import type { FormId, FormParams, UnitRef } from "../domain/forms/form-types";
import { allForms } from "../domain/forms/registry";
import { buildSheetPlan } from "../domain/layout/build-sheet-plan";
import { fillPlan } from "../domain/layout/fill-plan";
import type { RowValues } from "../domain/layout/fill-plan";
import type { SheetPlan } from "../domain/layout/sheet-plan";
import { GROUP } from "../domain/forms/skeleton";
import { slugName } from "../domain/units/unit-names";
import * as vy from "./viet-yen";

/** One sample workbook: its file name and the filled form sheets it holds. */
export interface SampleWorkbook {
  file: string;
  unit: UnitRef;
  plans: SheetPlan[];
}

interface CommuneFigures {
  staffing: RowValues;
  facilities: RowValues;
  investment: RowValues;
  procedures: RowValues;
  intake: RowValues;
}

/** Each commune's figures; the shares of the district-wide record counts add up to the report's. */
function communeFigures(): Map<string, CommuneFigures> {
  const t = vy.COMMUNE_INTAKE_TOTALS;
  const online = vy.split(t.recOnline);
  const inPerson = vy.split(t.recInPerson);
  const post = vy.split(t.recPost);
  const carried = vy.split(t.recCarried);
  const figures = new Map<string, CommuneFigures>();
  vy.COMMUNES.forEach((c, i) => {
    const recNew = online[i] + inPerson[i] + post[i];
    const received = recNew + carried[i];
    const late = Math.floor(received * 0.003);
    const pending = Math.floor(received * 0.01);
    figures.set(c.unit.name, {
      staffing: { total: c.staff },
      facilities: vy.COMMUNE_FACILITIES,
      investment: vy.investmentFor(c.unit.name),
      procedures: {
        oneStop: 156,
        linked: 8,
        received,
        onTime: received - late - pending,
        late,
        note: `${vy.SAMPLE_NOTE}: (4), (5)–(7) chia theo tỷ lệ.`,
      },
      intake: {
        tthcTotal: 156,
        tthcBorderless: 0,
        tthcOnline: 144,
        recTotal: received,
        recCarried: carried[i],
        recNew,
        recOnline: online[i],
        recInPerson: inPerson[i],
        recPost: post[i],
        note: `${vy.SAMPLE_NOTE}: hồ sơ chia theo tỷ lệ.`,
      },
    });
  });
  return figures;
}

const DISTRICT_FIGURES: Record<FormId, RowValues> = {
  staffing: vy.DISTRICT_STAFFING,
  facilities: vy.DISTRICT_FACILITIES,
  investment: vy.DISTRICT_INVESTMENT,
  procedures: vy.DISTRICT_PROCEDURES,
  intake: vy.DISTRICT_INTAKE,
};

const base = { year: vy.YEAR, period: vy.PERIOD, tiers: 3 as const };

/**
 * The demo's workbooks: one per commune of thị xã Việt Yên with its own figures in all five
 * forms, and the district's workbook with its own row filled and a row waiting for each commune.
 */
export function vietYenWorkbooks(): SampleWorkbook[] {
  const figures = communeFigures();
  const communes = vy.COMMUNES.map((c) => {
    const params: FormParams = { ...base, level: "xa", unit: c.unit, subunits: { kind: "none" } };
    const own = figures.get(c.unit.name);
    const plans = allForms().map((form) => fillPlan(buildSheetPlan(form, params), () => own?.[form.id]));
    return { file: `xa/${c.unit.code}-${slugName(c.unit.name)}.xlsx`, unit: c.unit, plans };
  });
  const districtParams: FormParams = {
    ...base,
    level: "huyen",
    unit: vy.DISTRICT,
    subunits: { kind: "communes", communes: vy.COMMUNES.map((c) => c.unit) },
  };
  const districtPlans = allForms().map((form) =>
    fillPlan(buildSheetPlan(form, districtParams), (_unit, group) => (group === GROUP.own ? DISTRICT_FIGURES[form.id] : undefined)),
  );
  return [...communes, { file: "thi-xa-viet-yen.xlsx", unit: vy.DISTRICT, plans: districtPlans }];
}
