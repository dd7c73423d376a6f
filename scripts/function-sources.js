// The files that declare COMP custom functions (a `@customfunction` JSDoc tag): the metadata
// generator reads them all, and the functions entry imports them all. One file per family of
// functions (rules, market, personnel actions, equity, exhibits) keeps each family in its room.
/* eslint-disable */
const fs = require("fs");
const path = require("path");

const FOLDER = path.join(__dirname, "..", "src", "functions");

/** Absolute paths of src/functions/*.ts files holding a @customfunction, sorted by name. */
function functionSources() {
  return fs
    .readdirSync(FOLDER)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .map((name) => path.join(FOLDER, name))
    .filter((file) => /@customfunction\b/.test(fs.readFileSync(file, "utf8")))
    .sort();
}

module.exports = { functionSources, FOLDER };
