// The page under test is the production build: built here when dist/ is missing or older than
// its sources. The CLI (lib/) is compiled too: the consolidation test writes its input files with it.
const buildCli = require("../../tests/support/build-cli");
const { ensureBuild } = require("../../scripts/ensure-build");

module.exports = async function globalSetup() {
  await buildCli();
  ensureBuild();
};
