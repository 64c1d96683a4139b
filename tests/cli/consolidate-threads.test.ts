import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import type { FormParams, UnitRef } from "../../src/domain";
import { filledPlan } from "../support/messy";
import { runCli } from "../support/run-cli";
import { dvhcFile } from "../support/shared";

/**
 * A batch large enough that the CLI shares the files among worker threads must give exactly
 * what reading them one by one gives: the same files in the same order, the same totals, the
 * same summary bytes.
 */
const root = mkdtempSync(join(tmpdir(), "phuluc-threads-"));
const dir = join(root, "bac-ninh");

const communes: UnitRef[] = readFileSync(dvhcFile("units-2025.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(","))
  .filter((r) => r[0] === "24")
  .slice(0, 64)
  .map((r) => ({ name: r[3], code: r[2] }));

const staff = (i: number): number => 3 + (i % 4);

beforeAll(async () => {
  mkdirSync(dir);
  for (const [i, c] of communes.entries()) {
    const params: FormParams = { level: "xa", tiers: 2, unit: c, year: 2025, period: "Năm 2025", subunits: { kind: "none" } };
    const plan = filledPlan("staffing", params, { [c.name]: { total: staff(i), payroll: staff(i) - 1, seconded: 1 } });
    writeFileSync(join(dir, `${String(i).padStart(3, "0")}.xlsx`), await writeWorkbook([plan]));
  }
  writeFileSync(join(dir, "031-hong.xlsx"), "không phải bảng tính");
});

interface Run {
  code: number | null;
  json: { output?: string; files: { file: string; unit: string | null; status: string }[]; units: { reported: number }; totals: { staffing: Record<string, number> } };
  bytes: Buffer;
}

function consolidate(threads: string, out: string): Run {
  const r = runCli(["consolidate", dir, "--level", "tinh", "--tiers", "2", "--unit", "Tỉnh Bắc Ninh", "--json", "-o", out], root, { PHULUC_THREADS: threads });
  return { code: r.code, json: JSON.parse(r.stdout) as Run["json"], bytes: readFileSync(join(root, out)) };
}

test("64 commune files and a damaged one: threads and a single reader agree, in order, byte for byte", () => {
  expect(communes).toHaveLength(64);
  const pooled = consolidate("2", "pooled.xlsx");
  const single = consolidate("1", "single.xlsx");

  expect(pooled.code).toBe(1);
  expect(pooled.json.files.map((f) => f.file.split(/[\\/]/).pop())).toEqual([
    ...communes.slice(0, 31).map((_, i) => `${String(i).padStart(3, "0")}.xlsx`),
    "031-hong.xlsx",
    ...communes.slice(31).map((_, i) => `${String(i + 31).padStart(3, "0")}.xlsx`),
  ]);
  expect(pooled.json.files[31].status).toBe("unreadable");
  expect(pooled.json.files.filter((f) => f.status === "ok").map((f) => f.unit)).toEqual(communes.map((c) => c.name));
  expect(pooled.json.units.reported).toBe(64);
  const total = communes.reduce((n, _, i) => n + staff(i), 0);
  expect(pooled.json.totals.staffing).toEqual({ "3": total, "4": total - 64, "5": 64 });

  expect(single.code).toBe(1);
  expect({ ...pooled.json, output: undefined }).toEqual({ ...single.json, output: undefined });
  expect(pooled.bytes.equals(single.bytes)).toBe(true);
});
