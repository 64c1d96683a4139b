import { parentPort } from "node:worker_threads";
import { readInput } from "./read-input";

/** A worker thread of the read pool: reads the files it is sent, one answer per file. */
export interface ReadRequest {
  index: number;
  file: string;
  shown: string;
}

parentPort?.on("message", (request: ReadRequest) => {
  try {
    parentPort?.postMessage({ index: request.index, input: readInput(request.file, request.shown) });
  } catch (error) {
    // A fault in the product's own code, not in the file: the run stops and shows it.
    parentPort?.postMessage({ index: request.index, fault: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
