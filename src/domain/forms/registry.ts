import type { FormDef, FormId } from "./form-types";
import { FORM_IDS } from "./form-types";
import { staffingForm } from "./staffing.form";
import { facilitiesForm } from "./facilities.form";
import { investmentForm } from "./investment.form";
import { proceduresForm } from "./procedures.form";
import { intakeForm } from "./intake.form";

const FORMS: Record<FormId, FormDef> = {
  staffing: staffingForm,
  facilities: facilitiesForm,
  investment: investmentForm,
  procedures: proceduresForm,
  intake: intakeForm,
};

/** The form with this id. */
export function getForm(id: FormId): FormDef {
  return FORMS[id];
}

/** Every form, in the order the menus and `phuluc template all` list them. */
export function allForms(): FormDef[] {
  return FORM_IDS.map((id) => FORMS[id]);
}
