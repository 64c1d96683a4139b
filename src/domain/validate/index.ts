export type { Issue, Severity } from "./issue";
export { formatNumber } from "./issue";
export type { SheetLayout } from "./recognise";
export { recogniseSheet } from "./recognise";
export type { BodyRow } from "./body-rows";
export { bodyRows } from "./body-rows";
export type { SheetReport, ValidateOptions, WorkbookReport } from "./validate-workbook";
export { validateSheet, validateWorkbook } from "./validate-workbook";
