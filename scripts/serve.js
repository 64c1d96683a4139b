#!/usr/bin/env node
/**
 * `npm run serve`: the standalone page on this computer. Builds dist/ first when it is missing or
 * older than the sources (see ensure-build.js; `--no-build` skips that), then serves dist/ with a
 * small static server: no dependencies, GET and HEAD only, nothing outside dist/.
 *
 *   PORT=8080 npm run serve      # another port (default 3000)
 *   HOST=0.0.0.0 npm run serve   # reachable from other computers (default: this one only)
 *
 * An office does not need this to host the page: any static web server serving dist/ will do.
 */
const { createReadStream, statSync } = require("node:fs");
const { createServer } = require("node:http");
const { extname, join, resolve, sep } = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Script names with a content hash ("taskpane.1a2b3c4d.js") never change content: cached for good. */
const HASHED = /\.[0-9a-f]{8}\.js$/;

function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  const full = resolve(root, `.${path === "/" ? "/taskpane.html" : path}`);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    const stat = statSync(full);
    if (stat.isFile()) return { full, size: stat.size };
    if (stat.isDirectory()) {
      const index = join(full, "index.html");
      return { full: index, size: statSync(index).size };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function send(res, status, text) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
  res.end(text);
}

/** The request handler for a folder of built files; "/" is the task pane page. */
function handler(root) {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return send(res, 405, "Method not allowed\n");
    }
    const file = fileFor(root, req.url || "/");
    if (!file) return send(res, 404, "Not found\n");
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file.full).toLowerCase()] || "application/octet-stream",
      "Content-Length": file.size,
      // Pages, the service worker and unhashed files are checked on every load, so a new build shows at once.
      "Cache-Control": HASHED.test(file.full) ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file.full)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}

/**
 * Serves `root` on `port` (0: any free port). Resolves with the server and its address.
 * @example const { url, server } = await startServer({ root: "dist", port: 0 }); // url "http://localhost:41234/"
 */
function startServer({ root, port = 3000, host = "127.0.0.1" }) {
  const server = createServer(handler(resolve(root)));
  return new Promise((resolveStart, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const shown = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
      resolveStart({ server, port: address.port, url: `http://${shown}:${address.port}/` });
    });
  });
}

async function main() {
  const root = resolve(__dirname, "..");
  if (!process.argv.includes("--no-build")) require("./ensure-build").ensureBuild(root);
  const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT="${process.env.PORT}" không phải số cổng (0–65535). / PORT is not a port number.`);
    process.exit(2);
  }
  try {
    const { url } = await startServer({ root: join(root, "dist"), port, host: process.env.HOST || "127.0.0.1" });
    console.log(`Phụ lục Một cửa: ${url}  (Ctrl+C để dừng / to stop)`);
  } catch (error) {
    const busy = error && error.code === "EADDRINUSE";
    console.error(
      busy
        ? `Cổng ${port} đang được dùng: chạy lại với PORT=<số khác> npm run serve. / Port ${port} is in use: set PORT to another number.`
        : `Không mở được máy chủ: ${error && error.message}. / Could not start the server.`,
    );
    process.exit(2);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error && error.message ? error.message : error);
    process.exit(1);
  });
}

module.exports = { startServer, TYPES };
