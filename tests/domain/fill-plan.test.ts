import { buildSheetPlan, fillPlan, getForm } from "../../src/domain";
import { DISTRICT } from "../support/params";

describe("fillPlan", () => {
  const plan = buildSheetPlan(getForm("procedures"), DISTRICT);
  const col = (key: string): number => plan.stamp.columns.indexOf(key);
  const rowOf = (name: string): number => plan.unitRows.find((u) => u.unit.name === name)!.row;

  test("writes a unit's figures into its own row only, by column key", () => {
    const filled = fillPlan(plan, (u) => (u.name === "Phường Nếnh" ? { received: 1200, onTime: 1100, late: 3 } : undefined));
    const nenh = filled.cells[rowOf("Phường Nếnh") - 1];
    expect([nenh[col("received")].value, nenh[col("onTime")].value, nenh[col("late")].value]).toEqual([1200, 1100, 3]);
    const thuongLan = filled.cells[rowOf("Xã Thượng Lan") - 1];
    expect(thuongLan[col("received")].value).toBeNull();
    // The plan it came from is left as it was.
    expect(plan.cells[rowOf("Phường Nếnh") - 1][col("received")].value).toBeNull();
  });

  test("never replaces a formula cell", () => {
    const intake = buildSheetPlan(getForm("intake"), DISTRICT);
    const row = intake.unitRows[0].row;
    const rate = intake.stamp.columns.indexOf("onlineRate");
    const filled = fillPlan(intake, () => ({ onlineRate: 0.5, tthcTotal: 10 }));
    expect(filled.cells[row - 1][rate].formula).toMatch(/^IF\(/);
    expect(filled.cells[row - 1][rate].value).toBeNull();
  });

  test("a long note makes its row tall enough to print whole", () => {
    const note = "Gồm 01 công chức phòng TN&MT, 03 nhân viên Bưu điện được cử đến Bộ phận Một cửa thực hiện tiếp nhận hồ sơ, trả kết quả.";
    const filled = fillPlan(plan, (u) => (u.name === "Phường Nếnh" ? { note } : undefined));
    const r = rowOf("Phường Nếnh") - 1;
    expect(filled.rowHeights[r]).toBeGreaterThanOrEqual(16 * 5);
    expect(filled.rowHeights[rowOf("Xã Thượng Lan") - 1]).toBe(plan.rowHeights[rowOf("Xã Thượng Lan") - 1]);
  });
});
