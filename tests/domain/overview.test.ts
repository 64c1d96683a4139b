import { getForm, parseRange, vi } from "../../src/domain";
import type { SheetPlan, UnitRef } from "../../src/domain";
import { buildOverview, consolidate, MAX_BARS, OVERVIEW_SHEET } from "../../src/domain/consolidate";
import type { Consolidation, OverviewPlan } from "../../src/domain/consolidate";
import type { PlanCell } from "../../src/domain/layout/sheet-plan";
import * as vy from "../../src/sample/viet-yen";
import { entryOf, filesOf, request, vietYenInputs, vietYenSummary } from "../support/overview-inputs";

const t = vi.overview;

/** The cell at an A1 address of a plan or the overview. */
function cellAt(sheet: { cells: PlanCell[][] }, address: string): PlanCell {
  const p = parseRange(address)!.start;
  return sheet.cells[p.row - 1][p.col - 1];
}

/** Every cell of a one-column or one-row range, in order. */
function cellsOf(sheet: { cells: PlanCell[][] }, range: string): PlanCell[] {
  const { start, end } = parseRange(range)!;
  const out: PlanCell[] = [];
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push(sheet.cells[r - 1][c - 1]);
  return out;
}

/** The figure (column D) of the overview row whose label (column A) is `label`. */
function figure(ov: OverviewPlan, label: string): PlanCell & { row: number } {
  const i = ov.cells.findIndex((r) => r[0].value === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return { ...ov.cells[i][3], row: i + 1 };
}

const hasLabel = (ov: OverviewPlan, label: string): boolean => ov.cells.some((r) => r[0].value === label);
const ref = (sheet: string, address: string): string => `'${sheet}'!${address}`;

/** The rows of a plan whose label column reads `label` (the form's own total rows). */
function rowsLabelled(plan: SheetPlan, label: string): number[] {
  const col = plan.stamp.columns.indexOf("unit");
  return plan.cells.flatMap((r, i) => (r[col].value === label ? [i + 1] : []));
}

const planOf = (result: Consolidation, form: string): SheetPlan => result.plans.find((p) => p.stamp.form === form)!;
const colLetter = (plan: SheetPlan, key: string): string => String.fromCharCode(65 + plan.stamp.columns.indexOf(key));

describe("the overview of thị xã Việt Yên: its 17 communes and the town's own shop", () => {
  let result: Consolidation;
  let ov: OverviewPlan;

  beforeAll(async () => {
    result = await vietYenSummary();
    ov = buildOverview(result);
  });

  test("is named Tổng quan, in the forms' font, with the unit and period under its title", () => {
    expect(ov.name).toBe(OVERVIEW_SHEET);
    expect(ov.fontName).toBe("Times New Roman");
    expect(ov.cells[0][0].value).toBe(t.title);
    expect(ov.cells[1][0].value).toBe(`${vy.DISTRICT.name} – ${vy.PERIOD}`);
  });

  test("units: 17 expected from the list, 17 reported, none missing, no conflict", () => {
    expect(figure(ov, t.expected).value).toBe(17);
    expect(figure(ov, t.reported).value).toBe(17);
    expect(figure(ov, t.missing).value).toBe(0);
    expect(figure(ov, t.conflicts).value).toBe(0);
    expect(hasLabel(ov, t.unexpected)).toBe(false);
  });

  test("staff: seed 001's 57 at the communes and 12 at the town, live from the staffing sheet's Tổng cộng", () => {
    const staffing = planOf(result, "staffing");
    const [total] = rowsLabelled(staffing, "Tổng cộng");
    const cell = figure(ov, t.staff);
    expect(cell.value).toBe(57 + 12);
    expect(cell.formula).toBe(ref(staffing.name, `C${total}`));
    // The cell it reads sums every unit row of the sheet.
    expect(cellAt(staffing, `C${total}`).formula).toMatch(/^SUM\(C\d+:C\d+\)$/);
  });

  test("records: the town's 10.726 and the communes' 28.616, from Phụ lục II's two Tổng rows; on time, late and the share", () => {
    const procedures = planOf(result, "procedures");
    const totals = rowsLabelled(procedures, "Tổng");
    expect(totals).toHaveLength(2);
    const received = figure(ov, t.received);
    expect(received.value).toBe(10_726 + vy.COMMUNE_RECORDS_2023);
    expect(received.formula).toBe(totals.map((r) => ref(procedures.name, `E${r}`)).join("+"));
    const onTime = figure(ov, t.onTime);
    const late = figure(ov, t.late);
    expect(onTime.value).toBe(result.totals.procedures!["6"]);
    expect(late.value).toBe(result.totals.procedures!["7"]);
    expect(onTime.formula).toBe(totals.map((r) => ref(procedures.name, `F${r}`)).join("+"));
    const share = figure(ov, t.onTimeShare);
    expect(share.value).toBeCloseTo((onTime.value as number) / (received.value as number), 12);
    expect(share.formula).toBe(`IF(N(D${received.row})>0,D${onTime.row}/D${received.row},"")`);
  });

  test("investment: the 17 billion đồng programme, the sum of Phụ lục 2's equipment and building totals", () => {
    const investment = planOf(result, "investment");
    const numbers = getForm("investment")
      .columns(result.params)
      .filter((c) => c.key === "equipment" || c.key === "building")
      .map((c) => c.number);
    const cell = figure(ov, t.investment);
    expect(cell.value).toBe(17_000_000_000);
    expect(cell.value).toBe(numbers.reduce((s, n) => s + (result.totals.investment![n] as number), 0));
    expect(cell.formula!.split("+")).toHaveLength(4);
    expect(cell.formula!.split("+").every((r) => r.startsWith(`'${investment.name}'!`))).toBe(true);
  });

  test("the pie: records on time, late and still in progress, which add up to those received", () => {
    const pie = ov.charts.find((c) => c.kind === "pie")!;
    expect(pie.categories.values).toEqual([t.recordsOnTime, t.recordsLate, t.recordsPending]);
    const [onTime, late, pending] = pie.series[0].values.values as number[];
    expect(onTime + late + pending).toBe(figure(ov, t.received).value);
    expect(cellsOf(ov, pie.series[0].values.range).map((c) => c.formula)).toEqual([
      `D${figure(ov, t.onTime).row}`,
      `D${figure(ov, t.late).row}`,
      `MAX(0,D${figure(ov, t.received).row}-D${figure(ov, t.onTime).row}-D${figure(ov, t.late).row})`,
    ]);
  });

  test("the on-time chart: one bar per unit, in Phụ lục II's order, each row reading that unit's cells there", () => {
    const procedures = planOf(result, "procedures");
    const bar = ov.charts.find((c) => c.kind === "bar")!;
    const units = procedures.unitRows;
    expect(units).toHaveLength(18);
    expect(bar.categories.values).toEqual(units.map((u) => cellAt(procedures, `B${u.row}`).value));
    const { start } = parseRange(bar.categories.range)!;
    units.forEach((u, i) => {
      const row = ov.cells[start.row - 1 + i];
      expect(row[1].formula).toBe(ref(procedures.name, `${colLetter(procedures, "received")}${u.row}`));
      expect(row[2].formula).toBe(ref(procedures.name, `${colLetter(procedures, "onTime")}${u.row}`));
      const received = cellAt(procedures, `E${u.row}`).value as number;
      const onTime = cellAt(procedures, `F${u.row}`).value as number;
      expect(bar.series[0].values.values[i]).toBeCloseTo(onTime / received, 12);
    });
    expect(bar.valueAxis).toEqual({ min: 0, max: 1 });
    expect(ov.cells.flat().some((c) => c.value === t.sharesScope.all(18, procedures.name))).toBe(true);
  });

  test("equipment: for each machine column (4)–(10), the shops that have it and those marked X", () => {
    const facilities = planOf(result, "facilities");
    const machines = getForm("facilities")
      .columns(result.params)
      .filter((c) => c.kind === "machine");
    expect(machines.map((c) => c.number)).toEqual(["4", "5", "6", "7", "8", "9", "10"]);
    const chart = ov.charts.find((c) => c.kind === "stackedBar")!;
    expect(chart.categories.values).toEqual(machines.map((c) => c.header));
    const [has, hasNot] = chart.series;
    expect([has.name.text, hasNot.name.text]).toEqual([t.equipmentHeader[1], t.equipmentHeader[2]]);
    const rows = facilities.unitRows.map((u) => u.row);
    machines.forEach((m, i) => {
      const total = result.totals.facilities![m.number] as { sum: number; marked: number };
      expect(hasNot.values.values[i]).toBe(total.marked);
      // Every one of the 18 shops reports every machine, as "n máy" or "X".
      expect(has.values.values[i]).toBe(18 - total.marked);
      const letter = colLetter(facilities, m.key);
      const range = ref(facilities.name, `${letter}${Math.min(...rows)}:${letter}${Math.max(...rows)}`);
      expect(cellsOf(ov, has.values.range)[i].formula).toBe(`COUNTIF(${range},"*máy")`);
      expect(cellsOf(ov, hasNot.values.range)[i].formula).toBe(`COUNTIF(${range},"X")`);
    });
    // Seed 001's communes have no touch screen; the town has one.
    expect(has.values.values[machines.findIndex((m) => m.key === "kiosk")]).toBe(1);
  });

  test("every chart plots cells of the overview that hold what it caches, and sits beside the tables", () => {
    expect(ov.charts.map((c) => c.kind)).toEqual(["pie", "bar", "stackedBar"]);
    for (const chart of ov.charts) {
      expect(cellsOf(ov, chart.categories.range).map((c) => c.value)).toEqual(chart.categories.values);
      for (const s of chart.series) {
        expect(cellAt(ov, s.name.cell).value).toBe(s.name.text);
        expect(cellsOf(ov, s.values.range).map((c) => c.value)).toEqual(s.values.values);
      }
      expect(chart.anchor.from.col).toBeGreaterThan(4);
      expect(chart.anchor.to.col).toBe(ov.columnWidths.length);
    }
  });

  test("no printed page cuts a chart: page breaks fall only between charts", () => {
    for (const chart of ov.charts) {
      for (const b of ov.pageBreaks) expect(b > chart.anchor.from.row && b <= chart.anchor.to.row).toBe(false);
    }
  });
});

describe("forms missing from the batch", () => {
  test("staffing files only: the staff total, no chart, and a note for each form whose figures are missing", async () => {
    const result = await vietYenSummary((f) => f === "staffing");
    const ov = buildOverview(result);
    expect(figure(ov, t.staff).value).toBe(69);
    expect(ov.charts).toEqual([]);
    expect(hasLabel(ov, t.received)).toBe(false);
    const notes = ov.cells.map((r) => r[0].value);
    for (const form of ["procedures", "facilities", "investment"] as const) expect(notes).toContain(`- ${t.missingForm[form]}`);
    expect(notes).not.toContain(`- ${t.missingForm.staffing}`);
  });

  test("no Phụ lục II: no record figures or charts, but the equipment chart", async () => {
    const result = await vietYenSummary((f) => f !== "procedures");
    const ov = buildOverview(result);
    expect(ov.charts.map((c) => c.kind)).toEqual(["stackedBar"]);
    expect(ov.cells.map((r) => r[0].value)).toContain(`- ${t.missingForm.procedures}`);
  });

  test("a commune missing: counted and named in the notes", async () => {
    const result = await vietYenSummary();
    const gone = consolidate(
      result.placed.filter((p) => p.unit.name !== "Phường Nếnh").map((p) => p.input).filter((v, i, a) => a.indexOf(v) === i),
      { ...request({ level: "huyen", tiers: 3 }), unit: vy.DISTRICT, expected: { unit: vy.DISTRICT, communes: vy.COMMUNES.map((c) => c.unit) }, year: vy.YEAR, period: vy.PERIOD },
    );
    const ov = buildOverview(gone);
    expect(figure(ov, t.missing).value).toBe(1);
    expect(figure(ov, t.reported).value).toBe(16);
    expect(ov.cells.map((r) => r[0].value)).toContain(`- ${t.missingUnits("Phường Nếnh", 0)}`);
  });
});

describe("conflicts", () => {
  test("a commune that sent two workbooks counts once, whatever the number of its forms in conflict, and is noted", async () => {
    const inputs = await vietYenInputs();
    const tienSon = inputs.find((r) => r.file.includes("tien-son"))!;
    const again = { ...tienSon, file: "xa/tien-son-gui-lai.xlsx" };
    const result = consolidate([...inputs, again], {
      ...request({ level: "huyen", tiers: 3 }),
      unit: vy.DISTRICT,
      expected: { unit: vy.DISTRICT, communes: vy.COMMUNES.map((c) => c.unit) },
      year: vy.YEAR,
      period: vy.PERIOD,
    });
    expect(result.conflicts).toHaveLength(5);
    const ov = buildOverview(result);
    expect(figure(ov, t.conflicts).value).toBe(1);
    expect(ov.cells.map((r) => r[0].value)).toContain(`- ${t.conflictsNote}`);
    // Its records are left out until a file is chosen: the bars are the town and the 16 others.
    expect(ov.charts.find((c) => c.kind === "bar")!.categories.values).toHaveLength(17);
  });
});

/** `n` communes named and coded in order; `base` keeps the codes of several lists apart. */
function communes(n: number, prefix = "Xã Thử", base = 10_000): UnitRef[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${String(i + 1).padStart(4, "0")}`, code: String(base + i + 1) }));
}

describe("many units", () => {
  test("a two-tier province of 60 communes: the chart shows the 25 lowest shares, lowest first, and says so", () => {
    const list = communes(60);
    // Shares 100%, 99.9%, … with a twist so that sheet order and share order differ.
    const onTime = (i: number): number => 1000 - ((i * 37) % 60);
    const inputs = filesOf(list.map((u, i) => entryOf("procedures", u, "commune", { oneStop: 1, linked: 0, received: 1000, onTime: onTime(i), late: 0 })));
    const result = consolidate(inputs, request({ level: "tinh", tiers: 2, unit: { name: "Tỉnh Thử" }, expected: { communes: list } }));
    const ov = buildOverview(result);
    const bar = ov.charts.find((c) => c.kind === "bar")!;
    expect(MAX_BARS).toBe(25);
    expect(bar.categories.values).toHaveLength(25);
    const expected = list
      .map((u, i) => ({ name: u.name, share: onTime(i) / 1000 }))
      .sort((a, b) => a.share - b.share)
      .slice(0, 25);
    expect(bar.categories.values).toEqual(expected.map((e) => e.name));
    expect(bar.series[0].values.values).toEqual(expected.map((e) => e.share));
    expect(bar.title).toBe(t.sharesLowestChart(25));
    const procedures = planOf(result, "procedures");
    expect(ov.cells.flat().some((c) => c.value === t.sharesScope.lowest(25, 60, procedures.name))).toBe(true);
    // Each row still reads its own commune's cells.
    const { start } = parseRange(bar.categories.range)!;
    const rowOf = new Map(procedures.unitRows.map((u) => [u.unit.name, u.row]));
    expected.forEach((e, i) => expect(ov.cells[start.row - 1 + i][1].formula).toBe(ref(procedures.name, `E${rowOf.get(e.name)}`)));
  });

  test("a three-tier province: one bar per district, each summing its own row and its communes' rows", () => {
    const districts = [1, 2, 3].map((d) => ({ district: { name: `Huyện Thử ${d}`, code: `90${d}` }, communes: communes(12, `Xã H${d}`, d * 1000) }));
    const entries = districts.flatMap(({ district, communes: cs }, d) => [
      entryOf("procedures", district, "upper", { received: 500, onTime: 400 + d * 50, late: 0 }),
      ...cs.map((c) => entryOf("procedures", c, "commune", { received: 100, onTime: 90 - d, late: 0 }, district)),
    ]);
    const result = consolidate(
      filesOf(entries),
      request({ level: "tinh", tiers: 3, unit: { name: "Tỉnh Thử" }, expected: { communes: districts.flatMap((d) => d.communes), districts } }),
    );
    const ov = buildOverview(result);
    const bar = ov.charts.find((c) => c.kind === "bar")!;
    expect(bar.categories.values).toEqual(districts.map((d) => d.district.name));
    districts.forEach((_, d) => expect(bar.series[0].values.values[d]).toBeCloseTo((400 + d * 50 + 12 * (90 - d)) / (500 + 1200), 12));
    const procedures = planOf(result, "procedures");
    const rows = procedures.unitRows.filter((u) => u.unit.name === districts[1].district.name || districts[1].communes.some((c) => c.name === u.unit.name)).map((u) => u.row);
    const { start } = parseRange(bar.categories.range)!;
    const formula = ov.cells[start.row][1].formula!;
    // The district's own row, then its communes as one run.
    expect(formula).toBe(`SUM(${ref(procedures.name, `E${rows[0]}`)},${ref(procedures.name, `E${rows[1]}:E${rows[rows.length - 1]}`)})`);
    expect(ov.cells[start.row][1].value).toBe(1700);
    expect(ov.cells.flat().some((c) => c.value === t.sharesScope.districts(3, procedures.name))).toBe(true);
  });

  test("3,321 communes: 25 bars, and no formula grows with the number of units", () => {
    const list = communes(3321);
    const inputs = filesOf(
      list.flatMap((u, i) => [
        entryOf("procedures", u, "commune", { received: 1500 + i, onTime: 1480, late: 5 }),
        entryOf("facilities", u, "commune", { counters: 3, computers: "6 máy", printers: "4 máy", queue: i % 2 ? "1 máy" : "X", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" }),
      ]),
    );
    const result = consolidate(inputs, request({ level: "tinh", tiers: 2, unit: { name: "Cả nước (thử)" } }));
    const ov = buildOverview(result);
    expect(ov.charts.find((c) => c.kind === "bar")!.categories.values).toHaveLength(25);
    const queue = ov.charts.find((c) => c.kind === "stackedBar")!;
    const at = getForm("facilities").columns(result.params).filter((c) => c.kind === "machine").findIndex((c) => c.key === "queue");
    expect(queue.series.map((s) => s.values.values[at])).toEqual([1660, 1661]);
    const longest = Math.max(...ov.cells.flat().map((c) => c.formula?.length ?? 0));
    expect(longest).toBeLessThan(200);
  });
});
