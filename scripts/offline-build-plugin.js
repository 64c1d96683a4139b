const { createHash } = require("node:crypto");

/**
 * Gives the service worker (sw.js) the list of files the standalone page needs offline and an id
 * for this build, written as `self.PHULUC_BUILD = { id, files };` before its code.
 *
 * The id is a hash of those files' contents, so it changes whenever any of them does: the browser
 * then sees a new sw.js, installs it, and the worker drops the caches of older builds.
 * Also writes build.json (the id and the time of the build).
 * Left out: what only Office loads (ribbon commands, the Excel host scripts of office.js, the
 * manifest), source maps and licence notes.
 */
const SKIP = [
  /^sw\.js$/,
  /\.map$/,
  /\.LICENSE\.txt$/,
  /^manifest\.xml$/,
  /^commands[.\w]*\.(js|html)$/,
  /^office-js\/excel-/,
  // Ribbon button icons; the page itself shows only the app icon.
  /^assets\/(insert|validate|consolidate)-\d+\.png$/,
];

class OfflineBuildPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfflineBuildPlugin", (compilation) => {
      // After minifying and content hashing: the list and the id describe the files as served.
      compilation.hooks.processAssets.tap({ name: "OfflineBuildPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT - 1 }, (assets) => {
        if (!assets["sw.js"]) return;
        const files = Object.keys(assets)
          .filter((name) => !SKIP.some((re) => re.test(name)))
          .sort();
        const hash = createHash("sha256");
        for (const name of files) hash.update(name).update("\0").update(assets[name].buffer());
        const build = { id: hash.digest("hex").slice(0, 16), files };
        compilation.updateAsset("sw.js", (old) => new sources.ConcatSource(`self.PHULUC_BUILD=${JSON.stringify(build)};\n`, old));
        // Written on every build (webpack skips rewriting unchanged files): tells which build a
        // server holds, and when it was made, which is how scripts/ensure-build.js spots a stale dist/.
        const info = { id: build.id, builtAt: new Date().toISOString(), files: files.length };
        compilation.emitAsset("build.json", new sources.RawSource(`${JSON.stringify(info, null, 2)}\n`));
      });
    });
  }
}

module.exports = { OfflineBuildPlugin };
