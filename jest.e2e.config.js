/**
 * End-to-end tests: the production build of the standalone page, served by scripts/serve.js and
 * driven in Debian's Chromium (/usr/bin/chromium) through playwright-core. `npm run test:e2e`.
 * The global setup builds dist/ when it is missing or older than the sources, and the CLI that
 * writes the sample workbooks. One browser at a time: the flows are heavy and the timings real.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests-e2e"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  globalSetup: "<rootDir>/tests-e2e/support/global-setup.js",
  maxWorkers: 1,
  testTimeout: 180000,
};
