/**
 * Starts the worker that reads the units' workbooks. Kept apart from everything else because
 * `import.meta` exists only in ES modules: webpack compiles this file as one (its ts-loader
 * overrides the module setting) and emits the worker as its own chunk, while the CommonJS build
 * that tsc checks and jest runs never loads this file (the pane imports it lazily, and only where
 * `Worker` exists).
 */
export function startConsolidateWorker(): Worker {
  // @ts-expect-error TS1343: import.meta needs an ES module target; webpack's build has one.
  return new Worker(/* webpackChunkName: "consolidate-worker" */ new URL("./consolidate-worker.ts", import.meta.url));
}
