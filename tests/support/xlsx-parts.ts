import { parseRange } from "../../src/domain";
import { readZip } from "./zip";

/** The parts of an .xlsx by path, as text. */
export function partsOf(bytes: Uint8Array): Map<string, string> {
  return new Map(readZip(bytes).map((e) => [e.name, Buffer.from(e.data).toString("utf8")]));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The attributes of every element `tag` in `xml`, in order. */
export function elements(xml: string, tag: string): Map<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((m) => new Map([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], unescapeXml(a[2])])));
}

/** The relationships of a relationships part, by id. */
export function relationships(xml: string | undefined): Map<string, { type: string; target: string }> {
  return new Map(elements(xml ?? "", "Relationship").map((a) => [a.get("Id") ?? "", { type: a.get("Type") ?? "", target: a.get("Target") ?? "" }]));
}

/** "xl/worksheets/sheet1.xml" + "../drawings/drawing1.xml" → "xl/drawings/drawing1.xml". */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else parts.push(step);
  }
  return parts.join("/");
}

/** The relationships part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export const relsOf = (part: string): string => part.replace(/([^/]+)$/, "_rels/$1.rels");

/** The workbook's sheets in tab order, each with its part. */
export function sheetsOf(parts: Map<string, string>): { name: string; part: string; state?: string }[] {
  const rels = relationships(parts.get("xl/_rels/workbook.xml.rels"));
  return elements(parts.get("xl/workbook.xml") ?? "", "sheet").map((a) => ({
    name: a.get("name") ?? "",
    part: resolvePart("xl/workbook.xml", rels.get(a.get("r:id") ?? "")?.target ?? ""),
    ...(a.get("state") ? { state: a.get("state") } : {}),
  }));
}

/** The chart parts a sheet's drawing holds, in the drawing's order. */
export function chartsOfSheet(parts: Map<string, string>, sheetPart: string): string[] {
  const drawing = [...relationships(parts.get(relsOf(sheetPart))).values()].find((r) => r.type.endsWith("/drawing"));
  if (!drawing) return [];
  const drawingPart = resolvePart(sheetPart, drawing.target);
  const rels = relationships(parts.get(relsOf(drawingPart)));
  return elements(parts.get(drawingPart) ?? "", "c:chart").map((a) => resolvePart(drawingPart, rels.get(a.get("r:id") ?? "")?.target ?? ""));
}

/** One reference of a chart: its formula and the values cached beside it. */
export interface ChartRef {
  kind: "str" | "num";
  sheet: string;
  range: string;
  cache: (string | number)[];
}

/** Every strRef and numRef of a chart part: the sheet and range it reads, and its cached points. */
export function chartRefs(chartXml: string): ChartRef[] {
  return [...chartXml.matchAll(/<c:(str|num)Ref><c:f>([^<]*)<\/c:f>(.*?)<\/c:\1Ref>/g)].map((m) => {
    const f = unescapeXml(m[2]);
    const at = /^'((?:[^']|'')+)'!(.+)$/.exec(f) ?? /^([^!]+)!(.+)$/.exec(f);
    if (!at) throw new Error(`not a reference: ${f}`);
    const points = [...m[3].matchAll(/<c:pt idx="(\d+)"[^>]*><c:v>([^<]*)<\/c:v><\/c:pt>/g)];
    const cache: (string | number)[] = [];
    for (const p of points) cache[Number(p[1])] = m[1] === "num" ? Number(p[2]) : unescapeXml(p[2]);
    return { kind: m[1] as "str" | "num", sheet: at[1].replace(/''/g, "'"), range: at[2].replace(/\$/g, ""), cache };
  });
}

/** The A1 addresses of a range, row by row. */
export function addressesOf(range: string): string[] {
  const r = parseRange(range);
  if (!r) throw new Error(`not a range: ${range}`);
  const out: string[] = [];
  for (let row = r.start.row; row <= r.end.row; row++) {
    for (let col = r.start.col; col <= r.end.col; col++) out.push(`${String.fromCharCode(64 + col)}${row}`);
  }
  return out;
}
