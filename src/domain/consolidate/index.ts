export type { FigureValue, SheetFound, UnitEntry } from "./extract";
export { extractWorkbook } from "./extract";
export type { Conflict, ConflictFile, InputRecord, Placed } from "./match-entries";
export type { ColumnTotal, ConsolidateRequest, Consolidation, LineageRow } from "./consolidate";
export { consolidate } from "./consolidate";
