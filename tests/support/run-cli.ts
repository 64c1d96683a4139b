import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `phuluc` as a user would, through bin/phuluc.js, in `cwd`. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [resolve(ROOT, "bin/phuluc.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
