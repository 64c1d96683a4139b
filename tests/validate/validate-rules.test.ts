import { validateWorkbook } from "../../src/domain/validate";
import type { Issue, WorkbookReport } from "../../src/domain/validate";
import { DISTRICT, VIET_YEN_COMMUNES } from "../support/params";
import { filledPlan, handMadeWorkbook, messyWorkbook } from "../support/messy";

const MACHINE_NOTE =
  '(4), (5), (6), (7), (8), (9), (10): Đơn vị tính là "máy"; ghi rõ số lượng là "2 máy" hoặc "5 máy"; nếu chưa bố trí, đánh dấu "X".';

function issuesOf(report: WorkbookReport, sheet: string): Issue[] {
  const s = report.sheets.find((x) => x.sheet === sheet);
  if (!s) throw new Error(`sheet ${sheet} not validated: ${report.sheets.map((x) => x.sheet).join(", ")}`);
  return s.issues;
}

const only = (issues: Issue[], prefix: string): Issue[] => issues.filter((i) => i.code.startsWith(prefix));

/** Facilities for Thượng Lan with every machine column filled correctly, then `over` on top. */
function facilities(over: Record<string, string | number | null>) {
  const good = { counters: 3, computers: "6 máy", printers: "4 máy", queue: "1 máy", kiosk: "X", rating: "4 máy", camera: "2 máy", aircon: "2 máy" };
  return filledPlan("facilities", DISTRICT, {
    "Thị xã Việt Yên": good,
    "Xã Thượng Lan": { ...good, ...over },
  });
}

describe("facilities: machine columns as officials type them", () => {
  test("a clean row gives no value problem", async () => {
    const report = validateWorkbook(await messyWorkbook([facilities({})]));
    expect(only(issuesOf(report, "PL1 Cơ sở vật chất"), "value.")).toEqual([]);
  });

  test("\"2\", \"02 máy\", \"2 may\", \"x\", \"0 máy\", \"chưa có\" and a blank, each at its cell with the fix and the note quoted", async () => {
    const plan = facilities({ computers: "2", printers: "02 máy", queue: "2 may", kiosk: "x", rating: "0 máy", camera: "chưa có", aircon: null });
    const row = plan.unitRows.find((u) => u.unit.name === "Xã Thượng Lan")!.row;
    const issues = only(issuesOf(validateWorkbook(await messyWorkbook([plan])), "PL1 Cơ sở vật chất"), "value.");
    expect(issues.map((i) => [i.cell, i.code, i.severity, i.suggestion])).toEqual([
      [`D${row}`, "value.machine.bare-number", "error", "2 máy"],
      [`E${row}`, "value.machine.leading-zero", "warning", "2 máy"],
      [`F${row}`, "value.machine.spelling", "warning", "2 máy"],
      [`G${row}`, "value.machine.x-variant", "warning", "X"],
      [`H${row}`, "value.machine.zero", "error", "X"],
      [`I${row}`, "value.machine.none-word", "error", "X"],
      [`J${row}`, "value.machine.blank", "error", undefined],
    ]);
    expect(issues[0].message).toBe(
      `Cột (4) “Máy tính nối mạng internet” ghi “2”, thiếu đơn vị “máy”: sửa thành “2 máy”. Theo giải thích biểu mẫu: “${MACHINE_NOTE}”`,
    );
    expect(issues[0].value).toBe("2");
  });

  test("a commune row left entirely empty is one notice, not a problem per cell", async () => {
    const report = validateWorkbook(await messyWorkbook([facilities({})]));
    const empties = only(issuesOf(report, "PL1 Cơ sở vật chất"), "row.empty");
    expect(empties).toHaveLength(VIET_YEN_COMMUNES.length - 1);
    expect(only(issuesOf(report, "PL1 Cơ sở vật chất"), "value.machine.blank")).toEqual([]);
  });
});

describe("staffing: (3) = (4) + (5) when either is given (seed 001: 12 = 02 + 10)", () => {
  const staffing = (town: Record<string, string | number | null>) =>
    filledPlan("staffing", DISTRICT, { "Thị xã Việt Yên": town, "Xã Thượng Lan": { total: 3 } });

  test("12 = 02 + 10 holds, leading zero and all", async () => {
    const report = validateWorkbook(await messyWorkbook([staffing({ total: 12, payroll: "02", seconded: 10 })]));
    expect(only(issuesOf(report, "PL Nhân sự Một cửa"), "rule.")).toEqual([]);
    expect(only(issuesOf(report, "PL Nhân sự Một cửa"), "value.")).toEqual([]);
  });

  test("11 ≠ 2 + 10 is an error at the total, without a guess at which figure is wrong", async () => {
    const [issue] = only(issuesOf(validateWorkbook(await messyWorkbook([staffing({ total: 11, payroll: 2, seconded: 10 })])), "PL Nhân sự Một cửa"), "rule.");
    expect(issue).toMatchObject({ code: "rule.staffing.total", severity: "error", cell: "C7", value: 11 });
    expect(issue.suggestion).toBeUndefined();
    expect(issue.message).toContain("Cột (3) “Tổng số” là 11 nhưng");
    expect(issue.message).toContain("cộng lại bằng 12");
  });

  test("a blank total with its parts filled gets their sum as the fix", async () => {
    const [issue] = only(issuesOf(validateWorkbook(await messyWorkbook([staffing({ total: null, payroll: 2, seconded: 10 })])), "PL Nhân sự Một cửa"), "rule.");
    expect(issue).toMatchObject({ code: "rule.staffing.total", cell: "C7", suggestion: 12 });
  });
});

describe("procedures and intake arithmetic", () => {
  test("on time + late more than received is an error; the rest may be in progress", async () => {
    const plan = filledPlan("procedures", DISTRICT, {
      "Thị xã Việt Yên": { oneStop: 254, received: 100, onTime: 90, late: 5 },
      "Xã Thượng Lan": { oneStop: 156, received: 100, onTime: 98, late: 5 },
    });
    const issues = only(issuesOf(validateWorkbook(await messyWorkbook([plan])), "PLII Kết quả một cửa"), "rule.procedures");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "rule.procedures.resolved", value: 100 });
  });

  test("intake: total = carried + new and new = online + in person + post, with seed 001's real figures passing", async () => {
    const real = { tthcTotal: 254, tthcBorderless: 4, tthcOnline: 241, recTotal: 10726, recCarried: 67, recNew: 10659, recOnline: 9054, recInPerson: 1445, recPost: 160 };
    const plan = filledPlan("intake", DISTRICT, {
      "Thị xã Việt Yên": real,
      "Xã Thượng Lan": { ...real, recNew: 10600, tthcOnline: 300 },
    });
    const issues = only(issuesOf(validateWorkbook(await messyWorkbook([plan])), "PL Tiếp nhận hồ sơ"), "rule.");
    expect(issues.map((i) => i.code).sort()).toEqual(["rule.intake.new", "rule.intake.online", "rule.intake.total"]);
  });

  test("a Tổng typed by hand that does not add up is an error with the right sum", async () => {
    const plan = filledPlan("procedures", DISTRICT, {
      "Thị xã Việt Yên": { oneStop: 254, received: 10726, onTime: 10500, late: 45 },
    });
    const grid = await messyWorkbook([plan], (wb) => {
      const ws = wb.getWorksheet("PLII Kết quả một cửa")!;
      // Row 9 is the "Tổng" of section I: the clerk typed figures over the formula.
      ws.getCell("E9").value = 10000;
      ws.getCell("C9").value = 254;
    });
    const issues = only(issuesOf(validateWorkbook(grid), "PLII Kết quả một cửa"), "rule.total");
    expect(issues).toEqual([expect.objectContaining({ cell: "E9", value: 10000, suggestion: 10726, severity: "error" })]);
  });
});

describe("investment consistency notices", () => {
  test("shared and new at once, money without a year, a year with nothing done: warnings quoting the note", async () => {
    const plan = filledPlan("investment", { ...DISTRICT, year: 2021 }, {
      "Thị xã Việt Yên": { renovate: "X", y2020: "X", equipment: 400000000 },
      "Xã Thượng Lan": { shared: "X", newBuild: "X", y2021: "X", building: 2500000000 },
      "Xã Trung Sơn": { shared: "X", equipment: "1,25 tỷ" },
      "Xã Tiên Sơn": { shared: "X", y2019: "X" },
    });
    const issues = issuesOf(validateWorkbook(await messyWorkbook([plan])), "PL2 Đầu tư xây dựng");
    const rules = only(issues, "rule.investment");
    expect(rules.map((i) => i.code)).toEqual([
      "rule.investment.shared-and-own",
      "rule.investment.money-without-year",
      "rule.investment.year-without-work",
    ]);
    expect(rules.every((i) => i.severity === "warning")).toBe(true);
    expect(rules[0].message).toContain('Căn cứ: (3), (4), (5), (6), (7), (8), (9): Đánh dấu "X" vào ô tương ứng.');
    expect(only(issues, "value.money")).toEqual([expect.objectContaining({ code: "value.money.words", suggestion: 1250000000 })]);
  });
});

describe("a sheet built by hand like seed 001's appendix", () => {
  const seed001 = (): (string | number | null)[][] => [
    ["PHỤ LỤC"],
    ["Tổng số cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa các cấp"],
    [],
    ["TT", "Đơn vị", "Số lượng cán bộ công chức tại Bộ phận một cửa", null, null, "Ghi chú"],
    [null, null, "Tổng số", "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa", "Công chức, viên chức do các cơ quan chuyên môn được cử đến", null],
    [1, "Thượng Lan", 3], [2, "Trung Sơn", 3], [3, "Tiên Sơn", 4], [4, "Nghĩa Trung", 4], [5, "Mình Đức", 4], [6, "Vân Trung", 3],
    [7, "Bích Động", 3], [8, "Tự Lạn", 3], [9, "Việt Tiến", 3], [10, "Hương Mai", 4], [11, "Vân Hà", 3], [12, "Quảng Minh", 3],
    [13, "Ninh Sơn", 3], [14, "Quang Châu", 3], [15, "TT Nénh", 3], [16, "Hồng Thái", 4], [17, "Tăng Tiến", 4],
    [18, "Một cửa thị xã", 12, "02", "10", null],
  ];

  test("is recognised as the staffing form by its header, with a notice that it carries no stamp", async () => {
    const report = validateWorkbook(await handMadeWorkbook(seed001()));
    expect(report.sheets).toEqual([expect.objectContaining({ sheet: "Sheet1", form: "staffing", how: "header" })]);
    const issues = report.sheets[0].issues;
    expect(issues[0]).toMatchObject({ code: "structure.no-stamp", severity: "warning" });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("against the official list: \"Mình Đức\" and \"TT Nénh\" are named with their official spelling; nothing missing", async () => {
    const report = validateWorkbook(await handMadeWorkbook(seed001()), { expectedUnits: VIET_YEN_COMMUNES });
    const units = only(report.sheets[0].issues, "units.");
    expect(units.map((i) => [i.code, i.value, i.suggestion])).toEqual([
      ["units.spelling", "Mình Đức", "Xã Minh Đức"],
      ["units.spelling", "TT Nénh", "Phường Nếnh"],
    ]);
  });

  test("a commune listed twice and one left out", async () => {
    const rows = seed001();
    rows[6] = [2, "Thượng Lan", 3];
    const units = validateWorkbook(await handMadeWorkbook(rows), { expectedUnits: VIET_YEN_COMMUNES })
      .sheets[0].issues.filter((i) => i.code === "units.duplicate" || i.code === "units.missing");
    expect(units.map((i) => [i.code, i.severity, i.value, i.cell])).toEqual([
      ["units.missing", "error", "Xã Trung Sơn", undefined],
      ["units.duplicate", "error", "Xã Thượng Lan", "B7"],
    ]);
  });

  test("a workbook with no form in it says so", async () => {
    const report = validateWorkbook(await handMadeWorkbook([["Danh sách cán bộ"], ["Họ tên", "Chức vụ"]]));
    expect(report.sheets).toEqual([]);
    expect(report.issues).toEqual([expect.objectContaining({ code: "file.no-form", severity: "error" })]);
  });
});
