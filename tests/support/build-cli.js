// Tests run the real `phuluc` binary, which starts the compiled lib/; compile it first so the
// binary never runs code older than the sources under test.
const { execFileSync } = require("node:child_process");
const { resolve } = require("node:path");

module.exports = async function buildCli() {
  const root = resolve(__dirname, "../..");
  execFileSync(process.execPath, [resolve(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
