import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { readInput } from "./read-input";
import type { ReadInput } from "./read-input";
import type { ReadRequest } from "./read-worker";

export interface ReadTask {
  file: string;
  shown: string;
}

type Reply = { index: number; input: ReadInput } | { index: number; fault: string };

/** Below this many files starting threads costs more than it saves. */
const POOL_FROM = 48;
/** Files sent ahead to each thread, so none waits for the next while the main thread is busy. */
const IN_FLIGHT = 8;

/** The compiled worker beside this module; absent when the sources run untranspiled (tests). */
function workerScript(): string | undefined {
  const script = join(__dirname, "read-worker.js");
  return __filename.endsWith(".js") && existsSync(script) ? script : undefined;
}

/** One thread per core, at most four; PHULUC_THREADS=1 reads in the main thread. */
function threadCount(): number {
  const asked = Number(process.env.PHULUC_THREADS);
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, 16) : Math.min(availableParallelism(), 4);
}

/**
 * Reads every file, in order, calling `progress` as each is done. Reading, hashing and
 * validating thousands of workbooks is the bulk of a consolidation, and each file is
 * independent: the files are shared among one worker thread per core.
 */
export async function readAll(tasks: ReadTask[], progress: (done: number) => void): Promise<ReadInput[]> {
  const script = workerScript();
  const threads = threadCount();
  if (!script || tasks.length < POOL_FROM || threads < 2) {
    return tasks.map((t, i) => {
      const input = readInput(t.file, t.shown);
      progress(i + 1);
      return input;
    });
  }
  const results: ReadInput[] = new Array<ReadInput>(tasks.length);
  const workers = Array.from({ length: threads }, () => new Worker(script));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker): void => {
        if (next >= tasks.length) return;
        const index = next++;
        const request: ReadRequest = { index, file: tasks[index].file, shown: tasks[index].shown };
        worker.postMessage(request);
      };
      for (const worker of workers) {
        worker.on("message", (reply: Reply) => {
          if ("fault" in reply) {
            reject(new Error(reply.fault));
            return;
          }
          results[reply.index] = reply.input;
          progress(++done);
          if (done === tasks.length) resolve();
          else send(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (done < tasks.length) reject(new Error(`read worker stopped (exit ${code})`));
        });
        for (let k = 0; k < IN_FLIGHT; k++) send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
