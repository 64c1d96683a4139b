import { rosterFor, tableFromRows } from "../../src/domain/units/unit-table";
import type { UnitTable } from "../../src/domain/units/unit-table";
import { readTable, TableFileError } from "../../src/files/read-table";
import { parseDelimited } from "../../src/files/delimited";
import { dvhcBytes } from "../support/shared";
import { VIET_YEN_COMMUNES } from "../support/params";

const table = (file: string): UnitTable => tableFromRows(readTable(dvhcBytes(file), file));

describe("official catalogues in ../shared/data/dvhc", () => {
  test("units-2024.csv, district 222: thị xã Việt Yên and its 17 communes (domain.md §2)", () => {
    const t = table("units-2024.csv");
    expect(t.layout).toBe("three-tier");
    const r = rosterFor(t, { level: "huyen", tiers: 3, code: "222" });
    if (!r.ok || r.subunits.kind !== "communes") throw new Error("expected communes");
    expect(r.unit).toEqual({ name: "Thị xã Việt Yên", code: "222" });
    expect(r.subunits.communes.map((c) => c.name).sort()).toEqual(VIET_YEN_COMMUNES.map((c) => c.name).sort());
    expect(r.subunits.communes.every((c) => /^\d{5}$/.test(c.code ?? ""))).toBe(true);
  });

  test("the GSO .xls export gives the same district as the CSV, codes keeping their leading zeros", () => {
    const gso = table("gso-dmhc-export-2025-03.xls");
    expect(gso).toMatchObject({ layout: "three-tier", source: "gso" });
    const fromGso = rosterFor(gso, { level: "huyen", tiers: 3, code: "222" });
    const fromCsv = rosterFor(table("units-2024.csv"), { level: "huyen", tiers: 3, code: "222" });
    expect(fromGso).toEqual(fromCsv);
  });

  test("units-2024.csv, province 24 three-tier: Bắc Giang grouped by district", () => {
    const r = rosterFor(table("units-2024.csv"), { level: "tinh", tiers: 3, code: "24" });
    if (!r.ok || r.subunits.kind !== "districts") throw new Error("expected districts");
    expect(r.unit?.name).toBe("Tỉnh Bắc Giang");
    const vy = r.subunits.districts.find((d) => d.district.code === "222");
    expect(vy?.communes).toHaveLength(17);
  });

  test("units-2025.csv, province 24 two-tier: Bắc Ninh's communes, Phường Nếnh among them", () => {
    const t = table("units-2025.csv");
    expect(t.layout).toBe("two-tier");
    const r = rosterFor(t, { level: "tinh", tiers: 2, code: "24" });
    if (!r.ok || r.subunits.kind !== "communes") throw new Error("expected communes");
    expect(r.unit?.name).toBe("Tỉnh Bắc Ninh");
    expect(r.subunits.communes).toContainEqual({ name: "Phường Nếnh", code: "07795" });
  });

  test("the whole two-tier country has 3,321 communes in 34 provinces (SOURCE.md)", () => {
    const t = table("units-2025.csv");
    if (t.layout !== "two-tier") throw new Error("expected two-tier");
    expect(t.rows).toHaveLength(3321);
    expect(new Set(t.rows.map((r) => r.provinceCode)).size).toBe(34);
  });

  test("island districts without communes get a district row and no commune rows", () => {
    const r = rosterFor(table("units-2024.csv"), { level: "huyen", tiers: 3, code: "755" });
    expect(r).toMatchObject({ ok: true, unit: { name: "Huyện Côn Đảo" }, subunits: { kind: "communes", communes: [] } });
  });

  test("asking for something the list cannot give is a named problem, not an exception", () => {
    expect(rosterFor(table("units-2024.csv"), { level: "huyen", tiers: 3 })).toEqual({ ok: false, problem: "needs-code", expected: "district" });
    expect(rosterFor(table("units-2024.csv"), { level: "huyen", tiers: 3, code: "999" })).toEqual({ ok: false, problem: "no-match", code: "999" });
    expect(rosterFor(table("units-2025.csv"), { level: "tinh", tiers: 3, code: "24" })).toEqual({ ok: false, problem: "wrong-tiers", table: "two-tier" });
    expect(rosterFor(table("units-2024.csv"), { level: "tinh", tiers: 2, code: "24" })).toEqual({ ok: false, problem: "wrong-tiers", table: "three-tier" });
  });

  test("a commune is picked by its five-digit code", () => {
    expect(rosterFor(table("units-2024.csv"), { level: "xa", tiers: 3, code: "07759" })).toEqual({
      ok: true,
      unit: { name: "Xã Thượng Lan", code: "07759" },
      subunits: { kind: "none" },
    });
  });
});

describe("plain lists of names", () => {
  test("a one-column text list, caption dropped and whitespace folded", () => {
    const text = "Tên đơn vị\nXã  Thượng Lan\n\n Phường Nếnh \r\nTT Nénh\n";
    const t = tableFromRows(readTable(new TextEncoder().encode(text), "ds.txt"));
    expect(t).toEqual({ layout: "names", names: ["Xã Thượng Lan", "Phường Nếnh", "TT Nénh"] });
    expect(rosterFor(t, { level: "huyen", tiers: 3 })).toEqual({
      ok: true,
      subunits: { kind: "communes", communes: [{ name: "Xã Thượng Lan" }, { name: "Phường Nếnh" }, { name: "TT Nénh" }] },
    });
  });

  test("decomposed (NFD) input becomes NFC", () => {
    const nfd = "Xã Thượng Lan".normalize("NFD");
    const t = tableFromRows([[nfd]]);
    expect(t).toEqual({ layout: "names", names: ["Xã Thượng Lan"] });
  });

  test("a CSV saved by Excel with semicolons and quotes", () => {
    expect(parseDelimited('"Xã A; B";1\r\n"Phường ""C""";2\r\n')).toEqual([
      ["Xã A; B", "1"],
      ['Phường "C"', "2"],
    ]);
  });

  test("a three-tier province from a plain list takes the names as districts", () => {
    const r = rosterFor({ layout: "names", names: ["Huyện A", "Huyện B"] }, { level: "tinh", tiers: 3 });
    expect(r).toEqual({
      ok: true,
      subunits: { kind: "districts", districts: [{ district: { name: "Huyện A" }, communes: [] }, { district: { name: "Huyện B" }, communes: [] }] },
    });
  });

  test("an empty list is a problem", () => {
    expect(rosterFor(tableFromRows([["  "], [""]]), { level: "huyen", tiers: 3 })).toEqual({ ok: false, problem: "empty" });
  });
});

describe("unreadable files", () => {
  test.each([
    ["empty", new Uint8Array(), "a.xlsx"],
    ["not-a-table", new TextEncoder().encode("PK\u0003\u0004 this is not really a zip"), "a.xlsx"],
    ["unsupported-type", new TextEncoder().encode("x"), "a.docx"],
    ["too-large", new Uint8Array(21 * 1024 * 1024), "a.csv"],
  ])("%s", (problem, bytes, name) => {
    expect(() => readTable(bytes, name)).toThrow(TableFileError);
    try {
      readTable(bytes, name);
    } catch (error) {
      expect((error as TableFileError).problem).toBe(problem);
    }
  });
});
