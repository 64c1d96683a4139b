/**
 * Everything the standalone page needs to write new workbooks, gathered so that webpack loads it
 * as one lazily fetched part, and only when a file is first downloaded.
 */
export { workbookPlans, writeWorkbook } from "../files/write-workbook";
export { writeSummary } from "../files/summary-writer";
export { visibleSheetNames } from "../files/fast-xlsx";
