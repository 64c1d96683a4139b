"use strict";
/**
 * The benchmark's input: N commune workbooks (five forms each, filled like the Việt Yên sample),
 * named from ../shared/data/dvhc/units-2025.csv, the communes of Vietnam since July 2025.
 */
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const root = resolve(__dirname, "..");
const lib = (p) => require(join(root, "lib", p));
const { allForms, buildSheetPlan, fillPlan } = lib("domain");
const { writeWorkbook } = lib("files/xlsx-writer");
const sample = lib("sample/viet-yen");
const units = resolve(root, "../shared/data/dvhc/units-2025.csv");

function communes(N) {
  if (!existsSync(units)) throw new Error(`missing ${units}`);
  const rows = readFileSync(units, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  return Array.from({ length: N }, (_, i) => {
    const r = rows[i % rows.length];
    const suffix = i < rows.length ? "" : ` (${Math.floor(i / rows.length) + 1})`;
    return { name: r[3] + suffix, code: r[2] + (suffix ? String(i) : "") };
  });
}

/** One commune's five forms, filled like the Việt Yên sample. */
function figures(i) {
  const staff = 3 + (i % 3);
  return {
    staffing: { total: staff },
    facilities: sample.COMMUNE_FACILITIES,
    investment: sample.investmentFor(i % 5 === 0 ? "Xã Hương Mai" : "Xã Thượng Lan"),
    procedures: { oneStop: 156, linked: 8, received: 1500 + i, onTime: 1480, late: 5 },
    intake: { tthcTotal: 156, tthcBorderless: 0, tthcOnline: 144, recTotal: 1500 + i, recCarried: 10, recNew: 1490 + i, recOnline: 1400 + i, recInPerson: 80, recPost: 10 },
  };
}

async function generate(dir, N) {
  const list = communes(N);
  const t0 = Date.now();
  for (const [i, unit] of list.entries()) {
    const params = { level: "xa", tiers: 2, unit, year: 2025, period: "Năm 2025", subunits: { kind: "none" } };
    const values = figures(i);
    const plans = allForms().map((f) => fillPlan(buildSheetPlan(f, params), () => values[f.id]));
    writeFileSync(join(dir, `${String(i).padStart(5, "0")}.xlsx`), await writeWorkbook(plans));
  }
  return (Date.now() - t0) / 1000;
}

module.exports = { generate };
