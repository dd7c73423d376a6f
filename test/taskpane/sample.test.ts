/**
 * The bundled sample as "Try with sample data" adds it: every table starts at its header (the
 * note a sheet carries — made up, as published — sits above it, outside the table), so the
 * Excel tables the pane makes have the right headers; and the sample workbook carries its own
 * as-of date (COMP_AS_OF), so the pane opened on it does not study it as of today.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { INPUTS, findHeaderRow } from "../../src/engine/study";
import type { SampleTables } from "../../src/taskpane/store";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sampleModule } = require("../../webpack.config.js") as { sampleModule: () => Promise<string> };
const SAMPLE = path.join(__dirname, "..", "..", "samples", "portland-2013.xlsx");

jest.setTimeout(60_000);

describe("the sample the pane adds", () => {
  let sample: SampleTables;
  beforeAll(async () => {
    sample = JSON.parse(fs.readFileSync(await sampleModule(), "utf8")) as SampleTables;
  });

  it("starts every table at the header the engine finds", () => {
    const read = sample.tables.flatMap((table) => {
      const spec = INPUTS.find((input) => input.sheets.includes(table.sheet));
      return spec ? [[table.sheet, findHeaderRow(table.rows, spec.fields)]] : [];
    });
    expect(read.length).toBeGreaterThanOrEqual(8);
    for (const [sheet, header] of read) expect({ sheet, header }).toEqual({ sheet, header: 0 });
  });

  it("keeps each note outside its table, word for word", () => {
    const notes = Object.fromEntries(sample.tables.filter((t) => t.note).map((t) => [t.sheet, t.note]));
    expect(Object.keys(notes).sort()).toEqual([
      "Benefit Groups",
      "Candidates",
      "Labor Cost",
      "Lane Schedules",
      "Longevity",
      "Market",
      "Promotion Chart",
      "Settlement",
      "Stipend Assignments",
      "Stipends",
      "Title Changes",
    ]);
    expect(notes.Market).toMatch(/^MADE UP for the CompStudy sample/);
    for (const table of sample.tables)
      expect(table.rows.flat().some((cell) => typeof cell === "string" && cell === table.note)).toBe(false);
  });

  it("carries its as-of date in the workbook as COMP_AS_OF", () => {
    const xml = new TextDecoder().decode(unzipSync(fs.readFileSync(SAMPLE))["xl/workbook.xml"]);
    expect(xml).toContain('<definedName name="COMP_AS_OF">DATE(2013,4,1)</definedName>');
    expect(sample.asOf).toBe("2013-04-01");
  });
});
