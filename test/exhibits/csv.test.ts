import Papa from "papaparse";
import { exhibitToCsv } from "../../src/exhibits/csv";
import { HOSTILE_TEXTS, studyFixture } from "./study-fixture";

describe("exhibitToCsv", () => {
  const unmatched = studyFixture().exhibits[5];
  const csv = exhibitToCsv(unmatched);
  const rows = Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;

  it("writes the header and one line per row", () => {
    expect(rows[0]).toEqual(["Employee ID", "Plan", "Grade", "Reason"]);
    expect(rows).toHaveLength(1 + unmatched.rows.length);
  });

  it("prefixes text that starts with = + - @ tab or CR with an apostrophe (OWASP)", () => {
    const grades = rows.slice(1).map((row) => row[2]);
    expect(grades).toEqual(HOSTILE_TEXTS.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)));
    expect(grades[0]).toBe(`'${HOSTILE_TEXTS[0]}`);
  });

  it("also escapes formula text with a line break in it", () => {
    const exhibit = studyFixture().exhibits[5];
    exhibit.rows[0].values[2] = "=1+1\nsecond line";
    expect(exhibitToCsv(exhibit)).toContain(`"'=1+1\nsecond line"`);
  });

  it("writes numbers raw, negative ones without an apostrophe", () => {
    const families = studyFixture().exhibits[2];
    families.rows[2].values[1] = -5;
    const text = exhibitToCsv(families);
    expect(text).toContain("Custodial & <Maintenance>,-5,1,");
    expect(text.endsWith("\r\n")).toBe(true);
  });
});
