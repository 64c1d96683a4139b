/**
 * Builds the production bundle when dist/ is missing or older than what it is built from, so that
 * `npm run serve` and the end-to-end tests never run an old bundle, and do not rebuild (a minute)
 * when nothing changed. dist/build.json is written by every build; its time is the build's.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync } = require("node:fs");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "scripts/offline-build-plugin.js", "package-lock.json", "tsconfig.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** Why dist/ must be built again, or null when it is current. */
function staleReason(root = ROOT) {
  const stamp = join(root, "dist", "build.json");
  if (!existsSync(stamp)) return "dist/ has no build yet";
  const built = statSync(stamp).mtimeMs;
  const changed = INPUTS.find((input) => newest(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds for production if needed; throws if the build fails. */
function ensureBuild(root = ROOT) {
  const reason = staleReason(root);
  if (!reason) return false;
  console.log(`[phuluc] Building the page (${reason})…`);
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const run = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (run.status !== 0) throw new Error(`The build failed (exit code ${run.status}).`);
  return true;
}

module.exports = { ensureBuild, staleReason };
