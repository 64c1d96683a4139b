import { en, vi } from "../../src/domain";

/** Every path to a text in a language table, with the number of arguments of a text made from values. */
function shape(table: unknown, path = ""): string[] {
  if (typeof table === "string") return [path];
  if (typeof table === "function") return [`${path}(${table.length})`];
  if (Array.isArray(table)) return [`${path}[${table.length}]`, ...table.flatMap((v, i) => shape(v, `${path}[${i}]`))];
  if (typeof table === "object" && table !== null) return Object.entries(table).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof table}`];
}

describe("language tables", () => {
  test("English has exactly the texts Vietnamese has, each taking the same arguments", () => {
    expect(shape(en).sort()).toEqual(shape(vi).sort());
  });

  test("the standalone page's texts are complete in both languages and never empty", () => {
    for (const table of [vi.ui.files, en.ui.files]) {
      for (const key of shape(table)) expect(key).not.toMatch(/:/);
    }
    const texts = (t: unknown): string[] => (typeof t === "string" ? [t] : typeof t === "object" && t !== null ? Object.values(t).flatMap(texts) : []);
    for (const text of [...texts(vi.ui.files), ...texts(en.ui.files)]) expect(text.trim().length).toBeGreaterThan(0);
  });
});
