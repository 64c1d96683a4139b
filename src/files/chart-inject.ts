import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Zippable } from "fflate";
import type { ChartPlan } from "../domain/layout/chart-plan";
import { chartPackage, DRAWING_REL, relationship, relationshipsXml } from "./chart-xlsx";

/**
 * Adds charts to one sheet of an .xlsx another writer produced (ExcelJS, which cannot write
 * charts, when an earlier summary is rewritten around the user's own sheets). Only the package
 * is touched: new drawing and chart parts, the sheet's relationship and `<drawing>` element, and
 * their content types; every other part, binary ones included, is kept byte for byte.
 */

const ATTRIBUTE = /([\w:]+)="([^"]*)"/g;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()],
  );
}

function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(ATTRIBUTE)].map((m) => [m[1], unescapeXml(m[2])]));
}

/** The package path of the sheet named `sheet`, from the workbook and its relationships. */
function sheetPath(files: Map<string, Uint8Array>, sheet: string): string {
  const text = (name: string): string => strFromU8(files.get(name) ?? new Uint8Array());
  const workbook = text("xl/workbook.xml");
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => attributes(m[0])).find((a) => a.get("name") === sheet);
  const id = tag?.get("r:id");
  const rels = text("xl/_rels/workbook.xml.rels");
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributes(m[0])).find((a) => a.get("Id") === id)?.get("Target");
  if (!target) throw new Error(`no sheet ${sheet} in the workbook`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** The next free number of parts named like `xl/drawings/drawingN.xml`. */
function nextNumber(files: Map<string, Uint8Array>, pattern: RegExp): number {
  const used = [...files.keys()].flatMap((name) => {
    const m = pattern.exec(name);
    return m ? [Number(m[1])] : [];
  });
  return Math.max(0, ...used) + 1;
}

/** Elements that follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

function withDrawing(sheetXml: string, id: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("the sheet already has a drawing");
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${id}"/>${sheetXml.slice(at)}`;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  return xml;
}

/** A relationship added to a relationships part (created when the sheet has none); returns its id. */
function addRelationship(existing: string | undefined, type: string, target: string): { xml: string; id: string } {
  const ids = new Set([...(existing ?? "").matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributes(m[0]).get("Id")));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = relationship(id, type, target);
  const xml = existing ? existing.replace("</Relationships>", `${rel}</Relationships>`) : relationshipsXml([rel]);
  return { xml, id };
}

/**
 * The .xlsx with `charts` drawn on the sheet named `sheet`. The bytes are a package this product
 * just wrote through ExcelJS, which names every part itself.
 */
export function addCharts(bytes: Uint8Array, sheet: string, charts: ChartPlan[]): Uint8Array {
  if (charts.length === 0) return bytes;
  const files = new Map(Object.entries(unzipSync(bytes)));
  const path = sheetPath(files, sheet);
  const drawingNumber = nextNumber(files, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const pack = chartPackage(sheet, charts, drawingNumber, nextNumber(files, /^xl\/charts\/chart(\d+)\.xml$/));
  const relsPath = path.replace(/([^/]+)$/, "_rels/$1.rels");
  const oldRels = files.get(relsPath);
  const rels = addRelationship(oldRels ? strFromU8(oldRels) : undefined, DRAWING_REL, `../drawings/drawing${drawingNumber}.xml`);
  files.set(path, strToU8(withDrawing(strFromU8(files.get(path) ?? new Uint8Array()), rels.id)));
  files.set(relsPath, strToU8(rels.xml));
  for (const [name, xml] of pack.parts) files.set(name, strToU8(xml));
  const types = strFromU8(files.get("[Content_Types].xml") ?? new Uint8Array());
  files.set("[Content_Types].xml", strToU8(types.replace("</Types>", `${pack.overrides.join("")}</Types>`)));
  // [Content_Types].xml goes first, as office programs write it.
  const out: Zippable = Object.create(null) as Zippable;
  for (const name of ["[Content_Types].xml", ...[...files.keys()].filter((n) => n !== "[Content_Types].xml")]) out[name] = files.get(name) as Uint8Array;
  return zipSync(out, { level: 6, mtime: new Date(2025, 0, 1) });
}
