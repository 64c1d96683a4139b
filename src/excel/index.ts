export type { CellBlock, PreparedSheet, WrittenCell } from "./apply-sheet-plan";
export {
  borderBlocksOf,
  queueSizes,
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
export type { BlockRead, CellBox, ReadGrid, SheetRead, UsedShape } from "./read-grids";
export {
  assembleGrid,
  BYTES_PER_CELL,
  CHUNK_ROWS,
  dateText,
  gridCellOf,
  isDateFormat,
  MAX_READ_COLUMNS,
  MAX_READ_ROWS,
  READ_BUDGET_BYTES,
  readBox,
  rowChunks,
  stampsFrom,
  syncGroups,
} from "./read-grids";
export type { MarkAreas } from "./marks";
export { isMarkFormula, MARK_STYLE, MARK_TAG, markAreas } from "./marks";
export type { CheckedSheet, ExcelValidation, ValidateInExcelOptions, ValidateScope } from "./validate-in-excel";
export { applyFixesInExcel, countIssues, firstProblem, selectCell, validateInExcel, writtenFix } from "./validate-in-excel";
export { ribbonSummary, validateActiveSheetFromRibbon } from "./ribbon-validate";
export type { LineageLayout, WriteSummaryOptions, WriteSummaryResult } from "./write-summary";
export { LINEAGE_SHEET_NAME, lineageLayout, SUMMARY_SETTING, writeSummaryInExcel } from "./write-summary";
export { overviewBytes, queueOverview } from "./write-overview";
