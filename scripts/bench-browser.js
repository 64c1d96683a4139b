#!/usr/bin/env node
"use strict";
/**
 * npm run bench:browser [-- N] [--dist DIR]: the task pane's "Tổng hợp" reading N commune
 * workbooks (default 3,321) in Debian's Chromium, from the production build. Prints the time
 * from picking the files to the preview, and the longest stretch the pane's own thread was
 * busy (reading runs in Web Workers: the pane should stay responsive), apart from the time Chromium
 * itself takes to hand the picked files to the page. Asserts nothing.
 */
const { createServer } = require("node:http");
const { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, existsSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { extname, join, normalize, resolve } = require("node:path");
const { chromium } = require("playwright-core");
const { generate } = require("./bench-data");

const root = resolve(__dirname, "..");
const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = resolve(distAt >= 0 ? args[distAt + 1] : join(root, "dist"));
const N = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--dist") ?? process.env.BENCH_N ?? 3321);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".png": "image/png", ".json": "application/json", ".xml": "application/xml" };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^[/\\]+/, "") || "taskpane.html";
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

(async () => {
  // The default dist/ is rebuilt when older than the sources, as for npm run serve.
  if (distAt < 0) require("./ensure-build").ensureBuild(root);
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error(`no build in ${dist}: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), "phuluc-bench-browser-"));
  const data = join(dir, "xa");
  mkdirSync(data);
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const genSeconds = await generate(data, N);
    const files = readdirSync(data).map((f) => join(data, f));
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/taskpane.html`);
    // The pane's thread: every task over 50 ms, and the gaps between animation frames.
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push({ start: e.startTime, ms: e.duration }))).observe({ type: "longtask", buffered: true });
    });
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    const input = page.locator("#panel-consolidate input[type=file][multiple]:not([webkitdirectory])");
    await page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      const tick = (t) => {
        window.__gaps.push(t - last);
        last = t;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Chromium's own work making thousands of File objects comes before the input's change event;
    // the pane's work starts with that event.
    const pickedAt = await page.evaluate(() => {
      document.addEventListener("change", () => (window.__changeAt ??= performance.now()), true);
      return performance.now();
    });
    const t0 = Date.now();
    await input.setInputFiles(files);
    const picked = Date.now();
    await page.getByText(`Đã đọc ${N} tệp.`).waitFor({ timeout: 600000 });
    const ms = Date.now() - t0;
    await page.waitForTimeout(500);
    const { long, ours, gap, preview, tasks, changeAt } = await page.evaluate(() => {
      window.__stop = true;
      // A task under way when the event came counts from the event on.
      const after = window.__long.map((t) => t.start + t.ms - Math.max(t.start, window.__changeAt)).filter((ms) => ms > 0);
      const measured = performance.getEntriesByName("phuluc:preview");
      return {
        long: window.__long.reduce((a, b) => Math.max(a, b.ms), 0),
        ours: after.reduce((a, b) => Math.max(a, b), 0),
        tasks: window.__long.filter((t) => t.ms >= 200),
        changeAt: window.__changeAt,
        gap: window.__gaps.reduce((a, b) => Math.max(a, b), 0),
        preview: measured.length ? measured[measured.length - 1].duration : NaN,
      };
    });
    const lines = [
      `bench (browser): ${N} commune workbooks, generated in ${genSeconds.toFixed(1)} s`,
      `Chromium task pane, "Tổng hợp": picked to preview ${(ms / 1000).toFixed(2)} s (${(ms / N).toFixed(2)} ms per file; handing the files to the page ${((picked - t0) / 1000).toFixed(2)} s)`,
      `pane thread: Chromium handing over the files until their change event ${((changeAt - pickedAt) / 1000).toFixed(2)} s`,
      `pane thread from the change event on: longest task ${ours.toFixed(0)} ms (computing the preview ${preview.toFixed(0)} ms); overall longest task ${long.toFixed(0)} ms, longest gap between frames ${gap.toFixed(0)} ms`,
      `tasks over 200 ms (s after picking: ms): ${tasks.map((t) => `${((t.start - pickedAt) / 1000).toFixed(2)}: ${t.ms.toFixed(0)}`).join(", ") || "none"}`,
    ];
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((error) => {
  process.stderr.write(`bench failed: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
