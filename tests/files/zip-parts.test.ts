import { crc32, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { zipTexts } from "../../src/files/zip-write";
import { listZip } from "../../src/files/zip-entries";
import { readWorkbook } from "../../src/files/read-workbook";

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

describe("zipTexts", () => {
  const parts: [string, string][] = [
    ["[Content_Types].xml", "<Types/>"],
    ["xl/worksheets/sheet1.xml", "<t>Bộ phận Một cửa xã Tiên Sơn</t>".repeat(500)],
    ["xl/tệp.xml", ""],
  ];

  test("every part comes back whole, in order, with the checksum and sizes the directory declares", () => {
    const zip = zipTexts(parts);
    const entries = listZip(zip)!;
    expect(entries.map((e) => e.name)).toEqual(parts.map((p) => p[0]));
    entries.forEach((e, i) => {
      const raw = new TextEncoder().encode(parts[i][1]);
      const data = inflateRawSync(zip.subarray(e.dataStart, e.dataStart + e.compressedSize));
      expect(decode(data)).toBe(parts[i][1]);
      expect(e.size).toBe(raw.length);
    });
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(parts.map((p) => p[0]));
    for (const [name, text] of parts) expect(decode(unzipped[name])).toBe(text);
  });

  test("the checksums are those of the content", () => {
    const zip = Buffer.from(zipTexts(parts));
    let p = zip.readUInt32LE(zip.length - 22 + 16);
    for (const [, text] of parts) {
      expect(zip.readUInt32LE(p)).toBe(0x02014b50);
      expect(zip.readUInt32LE(p + 16)).toBe(crc32(text));
      p += 46 + zip.readUInt16LE(p + 28);
    }
  });

  test("equal inputs give equal bytes", () => {
    expect(Buffer.from(zipTexts(parts)).equals(Buffer.from(zipTexts(parts)))).toBe(true);
  });
});

/** A workbook whose cell A1 holds 45000 with number format `format`. */
async function numberWorkbook(format: string | undefined, sheetName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.getCell("A1").value = 45000;
  if (format) ws.getCell("A1").numFmt = format;
  ws.getCell("B1").value = "Phường Nếnh";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("files with different styles, read in turn: each file's own styles decide what is a date", async () => {
  const plain = await numberWorkbook(undefined, "Số");
  const dated = await numberWorkbook("dd/mm/yyyy", "Ngày");
  for (let round = 0; round < 2; round++) {
    const a = readWorkbook(plain, "a.xlsx").sheets[0];
    const b = readWorkbook(dated, "b.xlsx").sheets[0];
    expect(a.name).toBe("Số");
    expect(a.cells[0][0]).toEqual({ v: 45000 });
    expect(b.name).toBe("Ngày");
    expect(b.cells[0][0]).toEqual({ v: "15/03/2023", date: true });
    expect(b.cells[0][1]).toEqual({ v: "Phường Nếnh" });
  }
});
