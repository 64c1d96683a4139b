/**
 * Tests against real programs users have: LibreOffice opening what we write (and, later, Chromium
 * driving the task pane). `.ci/run` installs the programs; `npm run test:system` runs these.
 * @type {import('jest').Config}
 */
module.exports = {
  ...require("./jest.config.js"),
  roots: ["<rootDir>/tests-system"],
};
