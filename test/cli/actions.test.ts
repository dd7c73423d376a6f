/**
 * The personnel-actions inputs through the CLI, end to end: --candidates, --lanes,
 * --title-changes and --rules files, the same tables as sheets of one --workbook (the COMP
 * Rules sheet the pane writes), --apply-title-changes, and bad input naming its file.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import type { JsonStudy } from "../../src/exhibits/json";
import { expectOneLine, run, tempFolder, writeFile, writeWorkbook } from "./helpers";

const PLANS = [
  ["Plan", "Grade", "Minimum", "Maximum"],
  ["Master", "27", "52000", "78000"],
  ["Technology", "T9", "64000", "96000"],
];
const ROSTER = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
  ["E1", "Master", "27", "60000", "2010-08-15", "Trades", "Plumbing"],
  ["E2", "Master", "27", "61000", "2011-08-15", "Trades", "Electrician"],
  ["E3", "Technology", "T9", "70000", "2012-08-15", "Technology", "Analyst"],
];
const CANDIDATES = [
  ["Candidate", "Action", "Job Type", "Plan", "Grade", "Lane", "Years", "Current Salary", "Promotion %"],
  ["Ann", "hire", "other", "Master", "27", "", "6", "", ""],
  ["Bo", "promotion", "other", "Technology", "T9", "", "5", "70000", "8%"],
  ["Cy", "hire", "teacher", "PEA", "", "Master's", "7", "", ""],
  ["Di", "hire", "other", "Master", "99", "", "1", "", ""],
];
const LANES = [
  ["Plan", "Step", "Bachelor's", "Master's"],
  ["PEA", "1", "35509", "38891"],
  ["PEA", "7", "44640", "48360"],
];
const TITLES = [
  ["Class Title", "Proposed Title"],
  ["PLUMBING", "PLUMBING TEACHER"],
  ["Welder", "Fabricator"],
];
const RULES = [
  ["Name", "Value", "Rule"],
  ["COMP_EXPERIENCE_RATE", "3%", "Experience credit per year"],
];

const csv = (rows: string[][]): string =>
  rows.map((row) => row.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(",")).join("\n") + "\n";

/**
 * Puts the workbook, its relationships and shared strings before the worksheets in the zip.
 * ExcelJS's streaming reader (src/cli/readers.ts) otherwise buffers each worksheet to a
 * temporary file, and its zip iteration sometimes ends before xl/workbook.xml ("is not a
 * readable .xlsx workbook": about 6 reads in 100 of a small four-sheet workbook): a reader bug
 * reported to the lead, kept out of this test of the personnel-action inputs.
 */
function partsInReadingOrder(file: string): void {
  const parts = unzipSync(fs.readFileSync(file));
  const first = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
  const ordered: Record<string, Uint8Array> = {};
  for (const name of [...first, "xl/sharedStrings.xml", "xl/styles.xml", ...Object.keys(parts)])
    if (parts[name] !== undefined && ordered[name] === undefined) ordered[name] = parts[name];
  fs.writeFileSync(file, zipSync(ordered));
}

let folder: string;
beforeAll(async () => {
  folder = tempFolder("compstudy-actions-");
  const files: Record<string, string[][]> = {
    "plans.csv": PLANS,
    "roster.csv": ROSTER,
    "candidates.csv": CANDIDATES,
    "lanes.csv": LANES,
    "titles.csv": TITLES,
    "rules.csv": RULES,
    "bad-rules.csv": [
      ["Name", "Value"],
      ["COMP_EXPERIENCE_RAT", "0.03"],
    ],
  };
  for (const [name, rows] of Object.entries(files)) writeFile(folder, name, csv(rows));
  const book = path.join(folder, "book.xlsx");
  await writeWorkbook(book, {
    "Pay Plans": PLANS,
    Roster: ROSTER,
    Candidates: CANDIDATES,
    "Title Changes": TITLES,
    "COMP Rules": RULES,
  });
  partsInReadingOrder(book);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const read = (name: string): JsonStudy => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as JsonStudy;
const rowsOf = (study: JsonStudy, id: string) => study.exhibits.find((e) => e.id === id)?.rows ?? [];
const base = ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01"];

describe("compstudy exhibits with the personnel-action inputs", () => {
  it("reads --candidates, --lanes, --title-changes and --rules files", async () => {
    const args = ["--candidates", "candidates.csv", "--lanes", "lanes.csv", "--title-changes", "titles.csv"];
    const result = await run([...base, ...args, "--rules", "rules.csv", "--json", "files.json"], folder);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/exhibits +11:/);
    expect(result.stdout).toMatch(/placements, class-title-changes/);
    const study = read("files.json");
    const placements = rowsOf(study, "placements");
    // COMP_EXPERIENCE_RATE 3 %: 52,000 × (1 + 3 % × 6) = 61,360
    expect(placements[0]).toMatchObject({ Candidate: "Ann", Salary: 61360, Approval: "Chief HR officer" });
    // 70,000 × 1.08 = 75,600 > 64,000 × (1 + 3 % × 5) = 73,600
    expect(placements[1]).toMatchObject({ Candidate: "Bo", Salary: 75600 });
    // 7 years: step 1 + 7 = 8, which the table skips: the row below, step 7 (48,360).
    expect(placements[2]).toMatchObject({ Candidate: "Cy", Step: 7, Salary: 48360, Approval: "On the schedule" });
    expect(placements[3]).toMatchObject({
      Candidate: "Di",
      Salary: null,
      Warning: "Grade '99' is not in plan 'Master'",
    });
    expect(rowsOf(study, "class-title-changes").map((r) => r.Employees)).toEqual([1, 0, 1]);
  });

  it("reads the same tables as sheets of one workbook, the COMP Rules sheet included", async () => {
    // The lane schedules as a file beside the workbook: a file given for an input wins over its sheet.
    const args = ["exhibits", "--workbook", "book.xlsx", "--lanes", "lanes.csv", "--as-of", "2013-04-01"];
    const result = await run([...args, "--json", "book.json"], folder);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const study = read("book.json");
    expect(rowsOf(study, "placements")[0]).toMatchObject({ Salary: 61360 });
    expect(rowsOf(study, "placements")[2]).toMatchObject({ Salary: 48360 });
    expect(rowsOf(study, "class-title-changes").map((r) => r.Employees)).toEqual([1, 0, 1]);
    expect(study.sources).toMatchObject({
      candidates: expect.stringContaining("Candidates"),
      rules: expect.stringContaining("COMP Rules"),
      lanes: "lanes.csv",
    });
    expect(study.exhibits.find((e) => e.id === "placements")?.notes).toContain(
      "Rules: the COMP Rules sheet (sheet COMP Rules of book.xlsx): COMP_EXPERIENCE_RATE = 0.03 (default 0.025).",
    );
  });

  it("--apply-title-changes counts the proposed titles in job-families", async () => {
    const result = await run(
      [...base, "--title-changes", "titles.csv", "--apply-title-changes", "--json", "applied.json", "--quiet"],
      folder,
    );
    expect(result.code).toBe(0);
    const families = rowsOf(read("applied.json"), "job-families");
    expect(families.find((r) => r["Job Family"] === "Trades")).toMatchObject({ Classes: 2 });
    expect(read("applied.json").summary.notes).toContain(
      "job families: classes are counted by their proposed titles (title changes applied)",
    );
  });

  it("exits 2 naming the rules file and the row", async () => {
    const result = await run([...base, "--rules", "bad-rules.csv", "--candidates", "candidates.csv"], folder);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(/^compstudy: bad-rules\.csv: Row 2: 'COMP_EXPERIENCE_RAT' is not a policy value/);
  });

  it("exits 2 when the placements are asked for without candidates", async () => {
    const result = await run([...base, "--exhibits", "placements"], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "compstudy: Exhibit placements cannot be built: no Candidates table (sheet 'Candidates' or --candidates FILE)\n",
    );
  });
});
