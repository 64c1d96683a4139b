import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staleReason } from "../../scripts/ensure-build";
import { startServer } from "../../scripts/serve";
import type { StartedServer } from "../../scripts/serve";

/** The small static server of `npm run serve`, on a folder shaped like dist/. */

const site = mkdtempSync(join(tmpdir(), "phuluc-serve-"));
const dist = join(site, "dist");
let served: StartedServer;

interface Reply {
  status: number;
  type: string | undefined;
  cache: string | undefined;
  body: string;
}

function get(path: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: served.port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], cache: res.headers["cache-control"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(dist, "office-js"), { recursive: true });
  writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(join(dist, "taskpane.0123abcd.js"), "console.log(1)");
  writeFileSync(join(dist, "sw.js"), "self.x=1");
  writeFileSync(join(dist, "build.json"), "{}");
  writeFileSync(join(dist, "reader.wasm"), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dist, "office-js", "office.js"), "var Office;");
  writeFileSync(join(site, "secret.txt"), "outside dist");
  served = await startServer({ root: dist, port: 0 });
});

afterAll(() => new Promise<void>((done) => served.server.close(() => done())));

describe("scripts/serve.js", () => {
  test("a free port was taken and its address is told", () => {
    expect(served.port).toBeGreaterThan(0);
    expect(served.url).toBe(`http://localhost:${served.port}/`);
  });

  test("/ is the task pane page", async () => {
    const r = await get("/?task=validate");
    expect([r.status, r.type, r.body]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>pane</title>"]);
  });

  test.each([
    ["/taskpane.0123abcd.js", "text/javascript; charset=utf-8"],
    ["/office-js/office.js", "text/javascript; charset=utf-8"],
    ["/build.json", "application/json; charset=utf-8"],
    ["/reader.wasm", "application/wasm"],
  ])("%s is served as %s", async (path, type) => {
    const r = await get(path);
    expect([r.status, r.type]).toEqual([200, type]);
  });

  test("scripts named by their content are cached for good; the page and the service worker are checked every time", async () => {
    expect((await get("/taskpane.0123abcd.js")).cache).toContain("immutable");
    expect((await get("/taskpane.html")).cache).toBe("no-cache");
    expect((await get("/sw.js")).cache).toBe("no-cache");
  });

  test("nothing outside dist/ is reachable, missing files are 404 and only GET and HEAD are answered", async () => {
    expect((await get("/../secret.txt")).status).toBe(404);
    expect((await get("/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get("/khong-co.js")).status).toBe(404);
    expect((await get("/taskpane.html", "POST")).status).toBe(405);
    const head = await get("/taskpane.html", "HEAD");
    expect([head.status, head.body]).toEqual([200, ""]);
  });
});

describe("scripts/ensure-build.js", () => {
  test("dist/ is rebuilt when it has no build, or when a source is newer than the last build, and not otherwise", () => {
    const root = mkdtempSync(join(tmpdir(), "phuluc-stale-"));
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "src", "a.ts"), "export {};");
    expect(staleReason(root)).toMatch(/no build/);
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "build.json"), "{}");
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "dist", "build.json"), later, later);
    expect(staleReason(root)).toBeNull();
    const latest = new Date(Date.now() + 120_000);
    utimesSync(join(root, "src", "a.ts"), latest, latest);
    expect(staleReason(root)).toMatch(/^src changed/);
  });
});
