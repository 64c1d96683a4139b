export type { CellBlock, PreparedSheet, WrittenCell } from "./apply-sheet-plan";
export {
  borderBlocksOf,
  columnWidthPoints,
  jsonBytes,
  prepareSheetPlan,
  queuePlanRows,
  queueSheetLayout,
  queueSheetPlan,
  queueValidation,
  REQUEST_BUDGET_BYTES,
  rowBands,
  textCell,
  writtenCell,
} from "./apply-sheet-plan";
export type { InsertOptions, InsertResult } from "./insert-forms";
export { insertForms } from "./insert-forms";
