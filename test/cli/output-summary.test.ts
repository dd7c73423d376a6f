/**
 * What the run's summary says about its outputs, with the real analysis: unmatched rows grouped
 * by kind of reason in a few lines, and what the workbook writer changed so Excel accepts it.
 */
import * as fs from "fs";
import * as path from "path";
import { run, tempFolder, writeFile } from "./helpers";
import { xlsxXmlProblems } from "../exhibits/ooxml";

const PLANS = ["Plan,Grade,Step 1,Step 2,Step 3", "BASE,B1,12.00,12.50,13.00", "PAA,A1,60000,62000,64000"].join("\n");

function roster(rows: string[][]): string {
  const header = "Employee ID,Plan,Grade,Salary,Hire Date,Job Family,Job Title";
  return [header, ...rows.map((row) => row.join(","))].join("\n") + "\n";
}

let folder: string;
beforeEach(() => {
  folder = tempFolder("compstudy-summary-");
  writeFile(folder, "plans.csv", `${PLANS}\n`);
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const study = (...extra: string[]) =>
  run(["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01", ...extra], folder);

describe("the summary groups unmatched rows by kind of reason", () => {
  it("one line per kind, most frequent first, counts that add up to the unmatched rows", async () => {
    writeFile(
      folder,
      "roster.csv",
      roster([
        ["E1", "BASE", "B1", "12.00", "2010-08-15", "Custodial", "Custodian"],
        ["E2", "BASE", "B1", "12.50", "2014-01-02", "Custodial", "Custodian"],
        ["E3", "BASE", "B1", "12.50", "2020-05-05", "Custodial", "Custodian"],
        ["E4", "PAA", "A1", "61000", "2013-04-02", "Administration", "Principal"],
        ["E5", "PAA", "Z9", "61000", "2001-01-01", "Administration", "Principal"],
        ["E6", "BASE", "B7", "12.00", "2001-01-01", "Custodial", "Custodian"],
        ["E7", "BASE", "B1", "", "2001-01-01", "Custodial", "Custodian"],
      ]),
    );
    const result = await study();
    expect(result.code).toBe(0);
    // 3 hire dates after 2013-04-01 (E2, E3, E4), 2 grades not in their plan (E5, E6), 1 blank salary (E7): 6 of 7 rows.
    expect(result.stdout).toContain(
      [
        "  unmatched   6 rows:",
        "              hire date is after the as-of date: 3",
        "              grade is not in plan: 2",
        "              salary is blank: 1",
        "",
      ].join("\n"),
    );
  });

  it("says at most four lines, the last counting the other kinds", async () => {
    const rows = [
      ["E1", "BASE", "B1", "12.00", "2010-08-15", "Custodial", "Custodian"],
      ["E2", "BASE", "B9", "12.00", "2010-08-15", "Custodial", "Custodian"],
      ["E3", "BASE", "B9", "12.00", "2010-08-15", "Custodial", "Custodian"],
      ["E4", "BASE", "B1", "abc", "2010-08-15", "Custodial", "Custodian"],
      ["E5", "BASE", "B1", "", "2010-08-15", "Custodial", "Custodian"],
      ["E6", "BASE", "B1", "12.00", "2030-01-01", "Custodial", "Custodian"],
      ["E7", "BASE", "B1", "12.00", "someday", "Custodial", "Custodian"],
      ["E7", "BASE", "B1", "12.00", "2010-08-15", "Custodial", "Custodian"],
    ];
    writeFile(folder, "roster.csv", roster(rows));
    const result = await study();
    const lines = result.stdout.split("\n");
    const start = lines.findIndex((line) => line.startsWith("  unmatched"));
    expect(lines[start]).toBe("  unmatched   7 rows:");
    // Six kinds: grade (2 rows), then five of one row each; three shown, the other three counted in one line.
    expect(lines.slice(start + 1, start + 5)).toEqual([
      "              grade is not in plan: 2",
      expect.stringMatching(/^ {14}\S.*: 1$/),
      expect.stringMatching(/^ {14}\S.*: 1$/),
      "              3 other kinds: 3 (see Unmatched Employees)",
    ]);
    expect(lines[start + 5]).toMatch(/^ {2}audit/);
  });
});

describe("the summary says what the workbook writer changed", () => {
  it("a control character in a job family: replaced in the .xlsx and noted; the JSON keeps it", async () => {
    writeFile(
      folder,
      "roster.csv",
      roster([
        ["E1", "BASE", "B1", "12.00", "2010-08-15", "Custo\u0001dial", "Custodian"],
        ["E2", "BASE", "B1", "12.50", "2010-08-15", "Food", "Cook"],
      ]),
    );
    const result = await study("--out", "e.xlsx", "--json", "e.json");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      // The job family's name is in four cells: 3-5's table, its chart's data, its findings and the findings page.
      "  note        e.xlsx: 4 cells held characters a workbook cannot (control characters, U+FFFE, U+FFFF, broken surrogates): each shown as \uFFFD\n",
    );
    expect(xlsxXmlProblems(fs.readFileSync(path.join(folder, "e.xlsx")))).toEqual([]);
    const json = JSON.parse(fs.readFileSync(path.join(folder, "e.json"), "utf8"));
    const families = json.exhibits.find((exhibit: { id: string }) => exhibit.id === "job-families");
    expect(families.rows.map((row: Record<string, unknown>) => row["Job Family"])).toContain("Custo\u0001dial");
  });

  it("says nothing when nothing was changed", async () => {
    writeFile(folder, "roster.csv", roster([["E1", "BASE", "B1", "12.00", "2010-08-15", "Custodial", "Custodian"]]));
    const result = await study("--out", "e.xlsx");
    expect(result.stdout).not.toContain("note        e.xlsx");
  });
});
