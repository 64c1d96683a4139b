/**
 * The Web Worker that reads the units' workbooks for the "Tổng hợp" task, so that parsing runs
 * off the task pane's thread. It is its own webpack chunk: the spreadsheet reader it carries is
 * loaded only when files are picked. The reading itself lives in consolidate-inputs.ts.
 */
import { serveReads } from "./consolidate-inputs";
import type { WorkerScope } from "./consolidate-inputs";

// The project's TypeScript library is the DOM's, not the worker's: the global scope is described
// by the little the reader needs of it.
serveReads(self as unknown as WorkerScope);
