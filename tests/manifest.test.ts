/**
 * Offline checks of manifest.xml.
 *
 * `office-addin-manifest validate` posts the manifest to an online service, so it cannot run on
 * machines without internet. Instead the manifest is validated against the vendored XSDs with
 * xmllint (WebAssembly build), and the rules the XSDs cannot express are checked here: resids that
 * resolve, icon files and sizes, https, en-US overrides, unique ids, and the ribbon this product needs.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { validateXML, type XMLValidationResult } from "xmllint-wasm";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");
const COMMANDS_TS = path.join(ROOT, "src/commands/commands.ts");
const SCHEMA_DIR = path.resolve(__dirname, "../../shared/schemas/office-manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

const DEV_ORIGIN = "https://localhost:3000/";
const ASSET_PREFIX = `${DEV_ORIGIN}assets/`;

const MAX_RESID = 32;
const MAX_ID = 125;
const MAX_SHORT = 125;
const MAX_LONG = 250;

// ---- XSD validation ---------------------------------------------------------------------------

function loadSchemas(): { main: { fileName: string; contents: string }; imports: { fileName: string; contents: string }[] } {
  if (!fs.existsSync(path.join(SCHEMA_DIR, MAIN_SCHEMA))) {
    throw new Error(`The manifest XSDs are missing: expected ${MAIN_SCHEMA} in ${SCHEMA_DIR}.`);
  }
  const read = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), "utf8") });
  const others = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA);
  // The imports use bare schemaLocation names, so each file keeps its own name in xmllint's virtual file system.
  return { main: read(MAIN_SCHEMA), imports: others.sort().map(read) };
}

let schemas: ReturnType<typeof loadSchemas> | undefined;

function validateAgainstXsd(xml: string): Promise<XMLValidationResult> {
  schemas ??= loadSchemas();
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [schemas.main],
    preload: schemas.imports,
  });
}

/** xmllint's own output when the document fails, so a failing test shows the line and the element expected. */
function xsdErrors(result: XMLValidationResult): string {
  return result.valid ? "" : result.rawOutput.trim();
}

// ---- A small XML reader -----------------------------------------------------------------------

interface El {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Enough of XML for a manifest: elements, attributes, text; comments and declarations are dropped. */
function parseXml(xml: string): El {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
  const attr = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const doc: El = { name: "#document", local: "#document", attrs: {}, children: [], text: "" };
  let current = doc;
  let m: RegExpExecArray | null;
  token.lastIndex = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    m = token.exec(body);
    if (!m) throw new Error(`Unreadable XML near: ${body.slice(at, at + 60)}`);
    const [, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      current.text += decodeEntities(text);
    } else if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent ?? doc;
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(attr)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? "");
      const el: El = { name, local: name.replace(/^.*:/, ""), attrs, children: [], text: "", parent: current };
      current.children.push(el);
      if (!selfClosing) current = el;
    }
  }
  if (current !== doc) throw new Error(`<${current.name}> is never closed`);
  const roots = doc.children;
  if (roots.length !== 1) throw new Error("The manifest must have exactly one root element");
  return roots[0];
}

function descendants(el: El): El[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

const kids = (el: El | undefined, local: string) => (el ? el.children.filter((c) => c.local === local) : []);
const kid = (el: El | undefined, local: string) => kids(el, local)[0];
const xsiType = (el: El | undefined) => el?.attrs["xsi:type"];
const overrides = (el: El) => kids(el, "Override").map((o) => ({ locale: o.attrs.Locale, value: o.attrs.Value }));

// ---- Rules the XSDs do not check --------------------------------------------------------------

type Collection = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Which resource collection a resid must point into, by the element that carries it. */
const EXPECTED_COLLECTION: Record<string, Collection> = {
  Image: "Images",
  FunctionFile: "Urls",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
  Tooltip: "LongStrings",
};

interface Resource {
  id: string;
  collection: Collection;
  el: El;
}

function resourcesOf(root: El): Map<string, Resource[]> {
  const byId = new Map<string, Resource[]>();
  const resources = descendants(root).find((e) => e.local === "Resources");
  for (const collection of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    for (const el of kid(resources, collection)?.children ?? []) {
      const id = el.attrs.id ?? "";
      byId.set(id, [...(byId.get(id) ?? []), { id, collection, el }]);
    }
  }
  return byId;
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const head = fs.readFileSync(file).subarray(0, 24);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (head.length < 24 || !head.subarray(0, 8).equals(signature) || head.toString("ascii", 12, 16) !== "IHDR") {
    return undefined;
  }
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Problems with one icon URL: not under assets/, missing, not a PNG, or not size×size. */
function iconProblems(where: string, url: string, size: number | undefined, assetsDir: string): string[] {
  if (!url.startsWith(ASSET_PREFIX)) return [`${where}: icon ${url} is not under ${ASSET_PREFIX}`];
  const name = decodeURIComponent(url.slice(ASSET_PREFIX.length).replace(/[?#].*$/, ""));
  const file = path.join(assetsDir, name);
  if (!fs.existsSync(file)) return [`${where}: icon ${url} has no file assets/${name}`];
  const dims = pngSize(file);
  if (!dims) return [`${where}: assets/${name} is not a PNG`];
  if (size !== undefined && (dims.width !== size || dims.height !== size)) {
    return [`${where}: assets/${name} is ${dims.width}x${dims.height}, expected ${size}x${size}`];
  }
  return [];
}

function lengthProblems(where: string, el: El, max: number): string[] {
  const values = [{ locale: "default", value: el.attrs.DefaultValue ?? "" }, ...overrides(el)];
  return values
    .filter((v) => [...(v.value ?? "")].length > max)
    .map((v) => `${where} (${v.locale}) is ${[...v.value].length} characters, more than ${max}`);
}

function enUsProblems(where: string, el: El): string[] {
  const en = overrides(el).find((o) => o.locale === "en-US");
  return en && en.value?.trim() ? [] : [`${where} has no en-US <Override>`];
}

function residProblems(root: El, resources: Map<string, Resource[]>): string[] {
  const problems: string[] = [];
  for (const [id, defs] of resources) {
    if (defs.length > 1) problems.push(`resource id "${id}" is defined ${defs.length} times`);
    if (id.length > MAX_RESID) problems.push(`resource id "${id}" is longer than ${MAX_RESID} characters`);
  }
  for (const el of descendants(root).filter((e) => e.attrs.resid !== undefined)) {
    const resid = el.attrs.resid;
    if (resid.length > MAX_RESID) problems.push(`resid "${resid}" on <${el.local}> is longer than ${MAX_RESID} characters`);
    const def = resources.get(resid)?.[0];
    const expected = EXPECTED_COLLECTION[el.local];
    if (!def) problems.push(`resid "${resid}" on <${el.local}> is not defined in <Resources>`);
    else if (expected && def.collection !== expected) {
      problems.push(`resid "${resid}" on <${el.local}> must name a bt:${expected} entry, not bt:${def.collection}`);
    }
  }
  return problems;
}

function idProblems(root: El): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const el of descendants(root).filter((e) => ["CustomTab", "OfficeTab", "Group", "Control"].includes(e.local))) {
    const id = el.attrs.id ?? "";
    if (id.length > MAX_ID) problems.push(`<${el.local} id="${id}"> is longer than ${MAX_ID} characters`);
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  for (const [id, count] of seen) if (count > 1) problems.push(`id "${id}" is used by ${count} tabs, groups or controls`);
  return problems;
}

function stringProblems(root: El, resources: Map<string, Resource[]>): string[] {
  const problems: string[] = [];
  for (const [local, max] of [
    ["DisplayName", MAX_SHORT],
    ["Description", MAX_LONG],
  ] as const) {
    const el = kid(root, local);
    if (!el) continue;
    problems.push(...lengthProblems(`<${local}>`, el, max), ...enUsProblems(`<${local}>`, el));
  }
  for (const defs of resources.values()) {
    const { id, collection, el } = defs[0];
    if (collection !== "ShortStrings" && collection !== "LongStrings") continue;
    const where = `bt:String "${id}"`;
    problems.push(...lengthProblems(where, el, collection === "ShortStrings" ? MAX_SHORT : MAX_LONG), ...enUsProblems(where, el));
  }
  return problems;
}

function urlProblems(root: El, resources: Map<string, Resource[]>, assetsDir: string): string[] {
  const problems: string[] = [];
  for (const el of descendants(root)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith("https://")) {
        problems.push(`<${el.local} ${name}="${value}"> is not https`);
      }
    }
    if (el.local === "AppDomain" && !el.text.trim().startsWith("https://")) problems.push(`<AppDomain>${el.text}</AppDomain> is not https`);
  }
  for (const [local, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const el = kid(root, local);
    if (el) problems.push(...iconProblems(`<${local}>`, el.attrs.DefaultValue ?? "", size, assetsDir));
  }
  // Every bt:Image must be a local asset; an Icon slot also fixes its pixel size.
  const sizes = new Map<string, Set<number>>();
  for (const ref of descendants(root).filter((e) => e.local === "Image" && e.attrs.resid !== undefined)) {
    const set = sizes.get(ref.attrs.resid) ?? new Set<number>();
    set.add(Number(ref.attrs.size));
    sizes.set(ref.attrs.resid, set);
  }
  for (const defs of resources.values()) {
    const { id, collection, el } = defs[0];
    if (collection !== "Images") continue;
    const used = [...(sizes.get(id) ?? [])];
    if (used.length > 1) problems.push(`bt:Image "${id}" is used for several sizes: ${used.join(", ")}`);
    for (const url of [el.attrs.DefaultValue ?? "", ...overrides(el).map((o) => o.value ?? "")]) {
      problems.push(...iconProblems(`bt:Image "${id}"`, url, used[0], assetsDir));
    }
  }
  return problems;
}

/** Everything the XSDs let through that Office or this project still relies on. */
function consistencyProblems(xml: string, assetsDir: string = ASSETS_DIR): string[] {
  const root = parseXml(xml);
  const resources = resourcesOf(root);
  return [
    ...residProblems(root, resources),
    ...idProblems(root),
    ...stringProblems(root, resources),
    ...urlProblems(root, resources, assetsDir),
  ];
}

// ---- The product's own shape ------------------------------------------------------------------

interface Button {
  id: string;
  label: string;
  action: string | undefined;
  taskpaneId: string | undefined;
  url: string | undefined;
  functionName: string | undefined;
  iconSizes: number[];
}

function resolve(resources: Map<string, Resource[]>, ref: El | undefined): string | undefined {
  const resid = ref?.attrs.resid;
  return resid === undefined ? undefined : resources.get(resid)?.[0]?.el.attrs.DefaultValue;
}

function buttonsOf(root: El, resources: Map<string, Resource[]>): Button[] {
  return descendants(root)
    .filter((e) => e.local === "Control" && xsiType(e) === "Button")
    .map((c) => {
      const action = kid(c, "Action");
      return {
        id: c.attrs.id,
        label: resolve(resources, kid(c, "Label")) ?? "",
        action: xsiType(action),
        taskpaneId: kid(action, "TaskpaneId")?.text.trim(),
        url: resolve(resources, kid(action, "SourceLocation")),
        functionName: kid(action, "FunctionName")?.text.trim(),
        iconSizes: kids(kid(c, "Icon"), "Image").map((i) => Number(i.attrs.size)),
      };
    });
}

const EXPECTED_BUTTONS = [
  { label: "Chèn biểu mẫu", action: "ShowTaskpane", taskpaneId: "PhuLucTaskpane", url: `${DEV_ORIGIN}taskpane.html?task=insert` },
  { label: "Kiểm tra", action: "ExecuteFunction", functionName: "kiemTra" },
  { label: "Tổng hợp", action: "ShowTaskpane", taskpaneId: "PhuLucTaskpane", url: `${DEV_ORIGIN}taskpane.html?task=consolidate` },
];

function expectProblem(actual: unknown, expected: unknown, what: string): string[] {
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${what}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`];
}

function headerProblems(root: El): string[] {
  const text = (local: string) => kid(root, local)?.text.trim();
  const sets = kids(kid(kid(root, "Requirements"), "Sets"), "Set").map((s) => `${s.attrs.Name} ${s.attrs.MinVersion ?? ""}`.trim());
  return [
    ...expectProblem(xsiType(root), "TaskPaneApp", "OfficeApp xsi:type"),
    ...expectProblem(text("ProviderName"), "Phụ lục Một cửa", "ProviderName"),
    ...expectProblem(text("DefaultLocale"), "vi-VN", "DefaultLocale"),
    ...expectProblem(kid(root, "DisplayName")?.attrs.DefaultValue, "Phụ lục Một cửa", "DisplayName"),
    ...expectProblem(kids(kid(root, "Hosts"), "Host").map((h) => h.attrs.Name), ["Workbook"], "Hosts"),
    ...expectProblem(kid(kid(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue, `${DEV_ORIGIN}taskpane.html`, "DefaultSettings/SourceLocation"),
    ...expectProblem(text("Permissions"), "ReadWriteDocument", "Permissions"),
    ...expectProblem(sets, ["ExcelApi 1.9"], "Requirements/Sets"),
  ];
}

function ribbonProblems(root: El, resources: Map<string, Resource[]>): string[] {
  const overridesEl = kid(root, "VersionOverrides");
  const host = kid(kid(overridesEl, "Hosts"), "Host");
  const desktop = kid(host, "DesktopFormFactor");
  const surface = kids(desktop, "ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface");
  const tabs = kids(surface, "CustomTab");
  const groups = tabs.flatMap((t) => kids(t, "Group"));
  const buttons = buttonsOf(root, resources);
  return [
    ...expectProblem(xsiType(overridesEl), "VersionOverridesV1_0", "VersionOverrides xsi:type"),
    ...expectProblem(xsiType(host), "Workbook", "VersionOverrides host"),
    ...expectProblem(kid(desktop, "GetStarted") !== undefined, true, "GetStarted present"),
    ...expectProblem(resolve(resources, kid(desktop, "FunctionFile")), `${DEV_ORIGIN}commands.html`, "FunctionFile"),
    ...expectProblem(tabs.map((t) => t.attrs.id), ["TabPhuLucMotCua"], "CustomTab ids"),
    ...expectProblem(resolve(resources, kid(tabs[0], "Label")), "Phụ lục Một cửa", "CustomTab label"),
    ...expectProblem(groups.length, 1, "number of groups"),
    ...expectProblem(
      buttons.map(({ label, action, taskpaneId, url, functionName }) =>
        Object.fromEntries(Object.entries({ label, action, taskpaneId, url, functionName }).filter(([, v]) => v !== undefined)),
      ),
      EXPECTED_BUTTONS,
      "buttons",
    ),
    ...buttons.flatMap((b) => expectProblem(b.iconSizes, [16, 32, 80], `icon sizes of ${b.id}`)),
  ];
}

function productProblems(xml: string): string[] {
  const root = parseXml(xml);
  return [...headerProblems(root), ...ribbonProblems(root, resourcesOf(root))];
}

// ---- Tests ------------------------------------------------------------------------------------

const manifest = fs.readFileSync(MANIFEST_PATH, "utf8");

/** Applies a textual change and insists that it applied, so a test never passes on an unchanged manifest. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`Mutation did not apply: ${String(from)}`);
  return changed;
}

describe("manifest.xml", () => {
  test("validates against the Office add-in manifest XSDs", async () => {
    const result = await validateAgainstXsd(manifest);
    expect(xsdErrors(result)).toBe("");
    expect(result.valid).toBe(true);
  });

  test("every resid resolves, ids and strings fit their limits, URLs are https and icons exist at their size", () => {
    expect(consistencyProblems(manifest)).toEqual([]);
  });

  test("declares the add-in this product ships: Excel, vi-VN, ExcelApi 1.9 and the three ribbon buttons", () => {
    expect(productProblems(manifest)).toEqual([]);
  });

  test("the ExecuteFunction name is the one commands.ts associates", () => {
    const root = parseXml(manifest);
    const names = buttonsOf(root, resourcesOf(root)).flatMap((b) => (b.functionName ? [b.functionName] : []));
    const source = fs.readFileSync(COMMANDS_TS, "utf8");
    expect(names).toEqual(["kiemTra"]);
    for (const name of names) {
      expect(source).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*["'\`]${name}["'\`]`));
    }
  });
});

describe("the manifest checks catch broken manifests", () => {
  test("a schema break (Requirements after DefaultSettings) fails XSD validation", async () => {
    const requirements = manifest.match(/\s*<Requirements>[\s\S]*?<\/Requirements>/)![0];
    const broken = mutate(mutate(manifest, requirements, ""), "<Permissions>", `${requirements.trim()}\n  <Permissions>`);
    const result = await validateAgainstXsd(broken);
    expect(result.valid).toBe(false);
    expect(xsdErrors(result)).toMatch(/Requirements/);
  });

  test("a tab Label placed before its Group fails XSD validation", async () => {
    const broken = mutate(
      mutate(manifest, /\s*<!--[^>]*-->\s*<Label resid="Tab.Label"\/>/, ""),
      '<Group id="GroupPhuLuc">',
      '<Label resid="Tab.Label"/>\n              <Group id="GroupPhuLuc">',
    );
    expect((await validateAgainstXsd(broken)).valid).toBe(false);
  });

  test("a resid longer than 32 characters fails both checks", async () => {
    const long = "Validate.Tooltip.ThatIsFarTooLongForOffice";
    const broken = mutate(mutate(manifest, 'resid="Validate.Tooltip"', `resid="${long}"`), 'id="Validate.Tooltip"', `id="${long}"`);
    expect((await validateAgainstXsd(broken)).valid).toBe(false);
    expect(consistencyProblems(broken)).toEqual(expect.arrayContaining([expect.stringContaining("longer than 32")]));
  });

  test("a dangling resid passes the XSDs but not the resid check", async () => {
    const broken = mutate(manifest, '<Description resid="Validate.Tooltip"/>', '<Description resid="Validate.Missing"/>');
    expect((await validateAgainstXsd(broken)).valid).toBe(true);
    expect(consistencyProblems(broken)).toContain('resid "Validate.Missing" on <Description> is not defined in <Resources>');
  });

  test("a resid pointing into the wrong resource collection is reported", () => {
    const broken = mutate(manifest, '<Label resid="Validate.Label"/>', '<Label resid="Validate.Tooltip"/>');
    expect(consistencyProblems(broken)).toContain(
      'resid "Validate.Tooltip" on <Label> must name a bt:ShortStrings entry, not bt:LongStrings',
    );
  });

  test("a short string over 125 characters fails both checks", async () => {
    const broken = mutate(manifest, 'DefaultValue="Phụ lục báo cáo"', `DefaultValue="${"Phụ lục ".repeat(20)}"`);
    expect((await validateAgainstXsd(broken)).valid).toBe(false);
    expect(consistencyProblems(broken)).toEqual(expect.arrayContaining([expect.stringMatching(/Group.Label.*more than 125/)]));
  });

  test("a vi-VN string without its en-US override is reported", () => {
    const broken = mutate(manifest, '<bt:Override Locale="en-US" Value="Check"/>', "");
    expect(consistencyProblems(broken)).toContain('bt:String "Validate.Label" has no en-US <Override>');
  });

  test("an http URL is reported", () => {
    const broken = mutate(manifest, 'DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"');
    expect(consistencyProblems(broken)).toContain('<Url DefaultValue="http://localhost:3000/commands.html"> is not https');
  });

  test("a missing icon file is reported (checked against a copy of assets/ with one file removed)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-assets-"));
    try {
      for (const f of fs.readdirSync(ASSETS_DIR)) fs.copyFileSync(path.join(ASSETS_DIR, f), path.join(dir, f));
      expect(consistencyProblems(manifest, dir)).toEqual([]);
      fs.rmSync(path.join(dir, "validate-80.png"));
      expect(consistencyProblems(manifest, dir)).toContain(
        `bt:Image "Validate.80x80": icon ${ASSET_PREFIX}validate-80.png has no file assets/validate-80.png`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an icon of the wrong pixel size is reported", () => {
    const broken = mutate(manifest, `"${ASSET_PREFIX}insert-16.png"`, `"${ASSET_PREFIX}insert-32.png"`);
    expect(consistencyProblems(broken)).toContain('bt:Image "Insert.16x16": assets/insert-32.png is 32x32, expected 16x16');
  });

  test("a duplicated control id is reported", () => {
    const broken = mutate(manifest, 'id="ButtonConsolidate"', 'id="ButtonInsertForm"');
    expect(consistencyProblems(broken)).toContain('id "ButtonInsertForm" is used by 2 tabs, groups or controls');
  });

  test("a wrong button label, action type or requirement set is reported", () => {
    const relabelled = mutate(manifest, 'DefaultValue="Kiểm tra"', 'DefaultValue="Kiem tra"');
    expect(productProblems(relabelled)).toEqual([expect.stringMatching(/^buttons: /)]);

    const asTaskpane = mutate(
      manifest,
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>kiemTra<\/FunctionName>\s*<\/Action>/,
      '<Action xsi:type="ShowTaskpane"><TaskpaneId>PhuLucTaskpane</TaskpaneId><SourceLocation resid="Taskpane.Insert.Url"/></Action>',
    );
    expect(productProblems(asTaskpane)).toEqual([expect.stringMatching(/^buttons: /)]);

    const olderExcel = mutate(manifest, '<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(productProblems(olderExcel)).toEqual(['Requirements/Sets: expected ["ExcelApi 1.9"], found ["ExcelApi 1.8"]']);
  });

  test("the XML reader rejects malformed input instead of reading half of it", () => {
    expect(() => parseXml(mutate(manifest, "</Hosts>", ""))).toThrow();
    expect(() => parseXml("<a><b></a>")).toThrow();
  });
});
