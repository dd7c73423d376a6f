#!/usr/bin/env node
// `npx compstudy …`: runs the headless CLI built by `npm run build:cli` into dist/node.
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "..", "dist", "node", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("compstudy: the CLI is not built yet. Run `npm run build:cli` (or `npm run demo`) first.");
  process.exit(1);
}
const { main } = require(entry);
Promise.resolve(main(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`compstudy: unexpected error: ${error && error.message ? error.message : error}`);
    process.exitCode = 1;
  },
);
