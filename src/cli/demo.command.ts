import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { vietYenWorkbooks } from "../sample/sample-workbooks";
import { writeWorkbook } from "../files/xlsx-writer";
import type { ParsedArgs } from "./args";

export const DEMO_ARGS = { valued: ["--out"], flags: [] as string[] };

export interface DemoResult {
  dir: string;
  files: { file: string; unit: string; sheets: number }[];
}

/**
 * `phuluc demo`: writes the sample workbooks of thị xã Việt Yên (17 communes and the district)
 * into `--out` (default out/). It owns that folder's sample files and rewrites them each run.
 */
export async function runDemo(args: ParsedArgs): Promise<DemoResult> {
  const dir = args.options.get("--out") ?? "out";
  const files: DemoResult["files"] = [];
  for (const book of vietYenWorkbooks()) {
    const path = join(dir, book.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await writeWorkbook(book.plans));
    files.push({ file: path, unit: book.unit.name, sheets: book.plans.length });
  }
  return { dir, files };
}
