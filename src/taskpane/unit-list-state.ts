/**
 * The unit list a task works with: reading a picked file, and the list remembered with the
 * workbook, so that the next insert or summary in that workbook starts from it without the file.
 */
import { useRef, useState } from "react";
import { z } from "zod";
import { tableFromRows } from "../domain/units/unit-table";
import type { UnitRow, UnitTable } from "../domain/units/unit-table";
import type { PickedList } from "./insert-plans";
import type { ListState } from "./UnitListPicker";
import { blobBytes } from "./blob-bytes";

/** Reads a picked unit-list file; every failure becomes a problem the field can describe. */
export async function readPickedList(file: File): Promise<PickedList> {
  const fileName = file.name;
  try {
    // The spreadsheet reader is most of the bundle's weight and only a file pick needs it.
    const { MAX_TABLE_BYTES, readTable, TableFileError } = await import(/* webpackChunkName: "read-table" */ "../files/read-table");
    // Checked before reading, so that a huge file is never loaded into memory.
    if (file.size > MAX_TABLE_BYTES) return { fileName, problem: "too-large" };
    try {
      const bytes = new Uint8Array(await blobBytes(file));
      return { fileName, table: tableFromRows(readTable(bytes, fileName)) };
    } catch (error) {
      if (error instanceof TableFileError) return { fileName, problem: error.problem };
      return { fileName, problem: "unreadable" };
    }
  } catch {
    // The reader's chunk could not be loaded (server gone, pane cached offline).
    return { fileName, problem: "unreadable" };
  }
}

/** A list as it is kept with the workbook: the file's name and the units it gave. */
export interface RememberedList {
  fileName: string;
  table: UnitTable;
}

/**
 * Beyond this many units a list is not kept: a workbook's add-in settings hold a few megabytes at
 * most, and a whole country's list is better picked again than carried in every workbook.
 */
export const MAX_REMEMBERED_UNITS = 1500;

/**
 * The part of a list the workbook's unit needs: an official catalogue cut to the province or
 * district the code names (a district's code is 3 digits, a province's 2); a name list as it is.
 * Undefined when what is left is too large to keep.
 */
export function listToRemember(list: PickedList | undefined, unitCode: string): RememberedList | undefined {
  if (!list || !("table" in list)) return undefined;
  const { table, fileName } = list;
  if (table.layout === "names") return table.names.length <= MAX_REMEMBERED_UNITS ? { fileName, table } : undefined;
  const code = unitCode.trim();
  const keep = (r: UnitRow): boolean => (code.length === 2 ? r.provinceCode === code : code.length === 3 ? r.districtCode === code : code.length === 5 ? r.communeCode === code : true);
  const rows = table.rows.filter(keep);
  if (rows.length === 0 || rows.length > MAX_REMEMBERED_UNITS) return undefined;
  return { fileName, table: { ...table, rows } };
}

const text = z.string().max(200);
const RowSchema = z.object({
  provinceCode: text,
  provinceName: text,
  districtCode: text,
  districtName: text,
  communeCode: text,
  communeName: text,
});
/** What comes back from the workbook's settings, which anyone may have edited, is checked whole. */
export const RememberedListSchema = z.object({
  fileName: text,
  table: z.union([
    z.object({ layout: z.literal("names"), names: z.array(text).max(MAX_REMEMBERED_UNITS) }),
    z.object({ layout: z.literal("three-tier"), source: z.enum(["csv", "gso"]), rows: z.array(RowSchema).max(MAX_REMEMBERED_UNITS) }),
    z.object({ layout: z.literal("two-tier"), rows: z.array(RowSchema).max(MAX_REMEMBERED_UNITS) }),
  ]),
});

/** The task's unit list, starting from the remembered one; a later pick, or Bỏ danh sách, while reading wins. */
export function useUnitList(remembered?: RememberedList) {
  const [list, setList] = useState<ListState>(() => (remembered ? { kind: "picked", list: remembered } : { kind: "none" }));
  const seq = useRef(0);
  const pick = async (file: File) => {
    const mine = ++seq.current;
    setList({ kind: "reading", fileName: file.name });
    const read = await readPickedList(file);
    if (mine === seq.current) setList({ kind: "picked", list: read });
  };
  const remove = () => {
    seq.current++;
    setList({ kind: "none" });
  };
  return { list, pick, remove };
}
