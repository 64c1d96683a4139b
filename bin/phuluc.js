#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm ci` (the prepare script); this shim only starts it.
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(error.message))) {
    process.stderr.write(
      "Chưa biên dịch công cụ dòng lệnh: chạy `npm run build:cli` rồi thử lại.\n" +
        "(The CLI is not compiled yet: run `npm run build:cli` and try again.)\n",
    );
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
