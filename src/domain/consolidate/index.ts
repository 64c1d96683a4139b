export type { FigureValue, SheetFound, UnitEntry } from "./extract";
export { extractWorkbook } from "./extract";
export type { Conflict, ConflictFile, InputRecord, Placed } from "./match-entries";
export type { ColumnTotal, ConsolidateOptions, ConsolidateRequest, Consolidation, LineageRow } from "./consolidate";
export { consolidate } from "./consolidate";
export type { Coverage, DrawnForm, Figure, OverviewFigures, ShareRow, Shares, ShareScope } from "./overview-figures";
export { MAX_BARS, overviewFigures, sheetRef } from "./overview-figures";
export type { OverviewPlan } from "./overview-sheet";
export { buildOverview, OVERVIEW_SHEET } from "./overview-sheet";
