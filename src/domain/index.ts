export type {
  ColumnDef,
  DistrictGroup,
  FormDef,
  FormId,
  FormParams,
  Level,
  RowSpec,
  Subunits,
  Tiers,
  UnitRef,
  ValueKind,
} from "./forms/form-types";
export { FORM_IDS, FormIdSchema, LevelSchema, TiersSchema } from "./forms/form-types";
export { allForms, getForm } from "./forms/registry";
export type { CellSheet, CellStyle, PlanCell, PlanValidation, PrintSetup, SheetPlan, ValidationRule } from "./layout/sheet-plan";
export type { ChartData, ChartKind, ChartPlan, ChartSeriesPlan } from "./layout/chart-plan";
export { buildSheetPlan, FONT_NAME } from "./layout/build-sheet-plan";
export type { PlanOptions } from "./layout/build-sheet-plan";
export { cellAddress, columnLetter, columnNumber, parseCell, parseRange, rangeAddress } from "./layout/a1";
export type { FormStamp, StampReading } from "./stamp/form-stamp";
export { decodeStamp, encodeStamp, FormStampSchema, STAMP_HEADER, STAMP_SHEET } from "./stamp/form-stamp";
export { isOverviewMark, overviewMark } from "./stamp/overview-mark";
export { cleanName, inlineName, slugName, unitTypeOf, upperName } from "./units/unit-names";
export type { Language, Messages } from "./messages/messages";
export { en, messagesFor, vi } from "./messages/messages";
export { uniqueSheetName, withUniqueNames, SHEET_NAME_MAX } from "./layout/sheet-names";
export { officialName } from "./units/unit-names";
export { fillPlan } from "./layout/fill-plan";
export type { RowValues } from "./layout/fill-plan";
