import { tableFromRows } from "../../src/domain/units/unit-table";
import type { UnitTable } from "../../src/domain/units/unit-table";
import { readTable } from "../../src/files/read-table";
import { listToRemember, MAX_REMEMBERED_UNITS, RememberedListSchema } from "../../src/taskpane/unit-list-state";
import { dvhcBytes } from "../support/shared";

const table = (file: string): UnitTable => tableFromRows(readTable(dvhcBytes(file), file));

describe("the unit list kept with a workbook", () => {
  test("an official catalogue is cut to the district or province the code names", () => {
    const kept = listToRemember({ fileName: "units-2024.csv", table: table("units-2024.csv") }, "222");
    expect(kept?.fileName).toBe("units-2024.csv");
    expect(kept?.table.layout).toBe("three-tier");
    const rows = kept && kept.table.layout !== "names" ? kept.table.rows : [];
    // Thị xã Việt Yên's 17 communes and wards, and nothing else.
    expect(rows).toHaveLength(17);
    expect(new Set(rows.map((r) => r.districtName))).toEqual(new Set(["Thị xã Việt Yên"]));

    const province = listToRemember({ fileName: "units-2025.csv", table: table("units-2025.csv") }, " 24 ");
    const communes = province && province.table.layout === "two-tier" ? province.table.rows : [];
    expect(communes).toHaveLength(99);
    expect(communes.every((r) => r.provinceCode === "24")).toBe(true);
    expect(RememberedListSchema.safeParse(province).success).toBe(true);
  });

  test("a whole country's list without a code, a code that matches nothing, or an unreadable file are not kept", () => {
    const country = table("units-2025.csv");
    expect(country.layout === "two-tier" && country.rows.length > MAX_REMEMBERED_UNITS).toBe(true);
    expect(listToRemember({ fileName: "units-2025.csv", table: country }, "")).toBeUndefined();
    expect(listToRemember({ fileName: "units-2025.csv", table: country }, "999")).toBeUndefined();
    expect(listToRemember({ fileName: "hong.xlsx", problem: "unreadable" }, "222")).toBeUndefined();
    expect(listToRemember(undefined, "222")).toBeUndefined();
  });

  test("a name list is kept as it is", () => {
    const names = tableFromRows([["Xã Thượng Lan"], ["Phường Nếnh"]]);
    expect(listToRemember({ fileName: "ds.txt", table: names }, "")).toEqual({ fileName: "ds.txt", table: names });
  });
});
