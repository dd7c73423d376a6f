// The floor of a CSV → exhibits run in Node (issue 21): read the same bytes, split them into
// lines and fields, and write outputs of the same size as CompStudy's — what no real
// implementation can beat. Usage: node floor.js <plans.csv> <roster.csv> <out> <bytes>
"use strict";
const fs = require("fs");

let fields = 0;
for (const file of process.argv.slice(2, 4)) {
  const text = fs.readFileSync(file, "utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    fields += text.slice(start, end).split(",").length;
    start = end + 1;
  }
}
const size = Number(process.argv[5]);
fs.writeFileSync(process.argv[4], Buffer.alloc(size, fields % 251));
