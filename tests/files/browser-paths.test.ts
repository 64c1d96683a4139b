import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { writeWorkbook } from "../../src/files/xlsx-writer";
import { readWorkbook } from "../../src/files/read-workbook";
import { filledPlan } from "../support/messy";
import { COMMUNE } from "../support/params";

/**
 * In a browser there is no Node zlib: the same writer and reader fall back to JavaScript
 * (fflate for deflate and inflate, a table CRC-32). Those paths must write and read the same files.
 */
jest.mock("../../src/files/node-builtin", () => ({ nodeBuiltin: () => undefined }));

test("without Node's zlib: a written workbook has correct checksums and reads back with its figures", async () => {
  const plan = filledPlan("staffing", COMMUNE, { "Xã Thượng Lan": { total: 4, payroll: 3, seconded: 1 } });
  const bytes = await writeWorkbook([plan]);
  const zip = Buffer.from(bytes);
  const parts = unzipSync(bytes);
  let p = zip.readUInt32LE(zip.length - 22 + 16);
  for (let n = 0; n < zip.readUInt16LE(zip.length - 22 + 10); n++) {
    const name = zip.toString("utf8", p + 46, p + 46 + zip.readUInt16LE(p + 28));
    expect(zip.readUInt32LE(p + 16)).toBe(crc32(parts[name]));
    p += 46 + zip.readUInt16LE(p + 28);
  }
  const book = readWorkbook(bytes, "thuong-lan.xlsx");
  const sheet = book.sheets.find((s) => s.name === plan.name)!;
  const row = plan.unitRows[0].row;
  expect(sheet.cells[row - 1].slice(2, 5).map((c) => c?.v)).toEqual([4, 3, 1]);
  expect(book.stamps.get(plan.name)).toMatchObject({ form: "staffing", level: "xa" });
});
