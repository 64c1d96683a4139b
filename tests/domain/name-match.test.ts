import { bareName, coreName, foldName, unitIndex } from "../../src/domain/units/name-match";
import { rosterFor, tableFromRows } from "../../src/domain/units/unit-table";
import { readTable } from "../../src/files/read-table";
import { dvhcBytes } from "../support/shared";

describe("folding names", () => {
  test.each([
    ["Hoà Bình", "Hòa Bình"],
    ["Thuỷ Nguyên", "Thủy Nguyên"],
    ["khoẻ", "khỏe"],
    ["  Xã  Thượng   Lan ", "xã thượng lan"],
    ["Xã Thượng Lan".normalize("NFD"), "Xã Thượng Lan"],
  ])("%s and %s fold alike", (a, b) => {
    expect(foldName(a)).toBe(foldName(b));
  });

  test("different tones or vowels stay apart: Quảng Minh is not Quang Minh", () => {
    expect(foldName("Quảng Minh")).not.toBe(foldName("Quang Minh"));
    expect(foldName("Minh Đức")).not.toBe(foldName("Mình Đức"));
    expect(bareName("Mình Đức")).toBe(bareName("Minh Đức"));
  });

  test.each([
    ["Bộ phận Một cửa xã Thượng Lan", foldName("thượng lan")],
    ["BPMC phường Nếnh", foldName("nếnh")],
    ["TT Nénh", foldName("nénh")],
    ["P. Bích Động", foldName("bích động")],
    ["Thị trấn Thắng", foldName("thắng")],
    ["Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh", foldName("bắc ninh")],
  ])("the unit's own name in %s", (label, core) => {
    expect(coreName(label)).toBe(core);
  });
});

describe("matching seed 001's labels against the official list (units-2024.csv, district 222)", () => {
  const roster = rosterFor(tableFromRows(readTable(dvhcBytes("units-2024.csv"), "units-2024.csv")), { level: "huyen", tiers: 3, code: "222" });
  const communes = roster.ok && roster.subunits.kind === "communes" ? roster.subunits.communes : [];
  const index = unitIndex(communes);
  // Seed 001's appendix writes bare names, two with typos.
  const seedLabels = [
    "Thượng Lan", "Trung Sơn", "Tiên Sơn", "Nghĩa Trung", "Mình Đức", "Vân Trung", "Bích Động", "Tự Lạn", "Việt Tiến",
    "Hương Mai", "Vân Hà", "Quảng Minh", "Ninh Sơn", "Quang Châu", "TT Nénh", "Hồng Thái", "Tăng Tiến",
  ];

  test("every label finds its own official unit, each a different one", () => {
    const found = seedLabels.map((l) => index.match(l));
    expect(found.every((m) => m.kind !== "none" && m.kind !== "ambiguous")).toBe(true);
    const names = found.map((m) => ("unit" in m ? m.unit.name : ""));
    expect(new Set(names).size).toBe(17);
  });

  test("\"Mình Đức\" and \"TT Nénh\" match only without diacritics, naming the official spelling", () => {
    expect(index.match("Mình Đức")).toEqual({ kind: "no-diacritics", unit: { name: "Xã Minh Đức", code: "07768" } });
    expect(index.match("TT Nénh")).toEqual({ kind: "no-diacritics", unit: { name: "Phường Nếnh", code: "07795" } });
  });

  test("Quảng Minh and Quang Châu are told apart; exact and prefixed labels match", () => {
    expect(index.match("Quảng Minh")).toMatchObject({ kind: "folded", unit: { name: "Phường Quảng Minh" } });
    expect(index.match("Quang Châu")).toMatchObject({ kind: "folded", unit: { name: "Phường Quang Châu" } });
    expect(index.match("Phường Bích Động")).toMatchObject({ kind: "exact" });
    expect(index.match("BPMC xã Hương Mai")).toMatchObject({ kind: "folded", unit: { name: "Xã Hương Mai" } });
    expect(index.match("Một cửa thị xã")).toEqual({ kind: "none" });
  });

  test("a name two units share is ambiguous unless the type word settles it", () => {
    const twin = unitIndex([{ name: "Xã Tân An" }, { name: "Phường Tân An" }]);
    expect(twin.match("Tân An")).toMatchObject({ kind: "ambiguous" });
    expect(twin.match("P. Tân An")).toMatchObject({ kind: "folded", unit: { name: "Phường Tân An" } });
    expect(twin.match("xã Tân An")).toMatchObject({ kind: "folded", unit: { name: "Xã Tân An" } });
  });
});
