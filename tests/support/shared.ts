import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The shared folder beside the repository: official unit lists, read at test time, never copied. */
export const SHARED = resolve(__dirname, "../../../shared");
export const DVHC = resolve(SHARED, "data/dvhc");

export function dvhcFile(name: string): string {
  return resolve(DVHC, name);
}

export function dvhcBytes(name: string): Uint8Array {
  return readFileSync(dvhcFile(name));
}
