/**
 * The workforce and pay-equity exhibits through the CLI, end to end: inputs from one workbook
 * or from their own files, --period, --equity-reference, and small-group suppression in every
 * output — revealed by --no-suppress in the JSON and .xlsx only, never in the HTML report.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonStudy } from "../../src/exhibits/json";
import { excelPartOrder } from "../../scripts/make-samples";
import { expectOneLine, run, tempFolder, writeFile } from "./helpers";

const PLANS = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Annual", "A1", 40000, 50000, 60000],
  ["Hourly", "H1", 20, 25, 30],
];

const HEADER = [
  "Employee ID",
  "Plan",
  "Grade",
  "Salary",
  "Hire Date",
  "Job Family",
  "Gender",
  "Race/Ethnicity",
  "FTE",
  "Position ID",
  "Termination Date",
  "Reason for Leaving",
];

// Teaching: 6 women and 2 men (a small group); Custodial: 6 men. Two leave in 2011–12, one of
// them hired in it; three are hired in it.
const ROSTER = [
  HEADER,
  ...Array.from({ length: 6 }, (_, i) => [
    `TW${i}`,
    "Annual",
    "A1",
    50000 + i * 1000,
    "2005-08-01",
    "Teaching",
    "Female",
    "White",
    1,
    `T${i}`,
    "",
    "",
  ]),
  ["TM0", "Annual", "A1", 52000, "2011-08-15", "Teaching", "Male", "Asian", 1, "T6", "", ""],
  ["TM1", "Annual", "A1", 54000, "2003-08-15", "Teaching", "Male", "White", 0.5, "T7", "", ""],
  ...Array.from({ length: 6 }, (_, i) => [
    `CM${i}`,
    "Hourly",
    "H1",
    24 + i,
    "2010-01-04",
    "Custodial",
    "Male",
    "White",
    1,
    `C${i}`,
    "",
    "",
  ]),
  ["GONE1", "Annual", "A1", 51000, "2001-08-15", "Teaching", "Female", "White", 1, "T8", "2012-06-30", "Retirement"],
  ["GONE2", "Hourly", "H1", 22, "2011-09-01", "Custodial", "Male", "Asian", 1, "C6", "2012-03-15", "Moved"],
  ["NEW1", "Hourly", "H1", 21, "2012-02-01", "Custodial", "Male", "White", 1, "", "", ""],
];

const REFERENCE = [
  ["Dimension", "Group", "Share"],
  ["Gender", "Female", "49%"],
  ["Gender", "Male", "51%"],
  ["Ethnicity", "Hispanic or Latino", "58%"],
  ["Ethnicity", "White", "20%"],
];

const POSITIONS = [
  ["Position ID", "Department", "Plan", "Grade", "Budgeted FTE", "Budgeted Salary"],
  ...Array.from({ length: 9 }, (_, i) => [`T${i}`, "School", "Annual", "A1", 1, i === 8 ? null : 52000]),
  ...Array.from({ length: 7 }, (_, i) => [`C${i}`, "Facilities", "Hourly", "H1", 1, null]),
];

let folder: string;
beforeAll(async () => {
  folder = tempFolder("compstudy-workforce-");
  // In Excel's part order: ExcelJS's own order trips its streaming reader (see excelPartOrder).
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries({
    "Pay Plans": PLANS,
    Roster: ROSTER,
    Reference: REFERENCE,
    Positions: POSITIONS,
  }))
    workbook.addWorksheet(name).addRows(rows);
  writeFile(folder, "study.xlsx", Buffer.from(excelPartOrder(new Uint8Array(await workbook.xlsx.writeBuffer()))));
  const csv = (rows: unknown[][]) =>
    rows.map((row) => row.map((cell) => String(cell ?? "")).join(",")).join("\n") + "\n";
  writeFile(folder, "plans.csv", csv(PLANS));
  writeFile(folder, "roster.csv", csv(ROSTER));
  writeFile(folder, "reference.csv", csv(REFERENCE));
  writeFile(folder, "positions.csv", csv(POSITIONS));
}, 30_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const base = ["exhibits", "--workbook", "study.xlsx", "--as-of", "2013-04-01"];
const json = (file: string): JsonStudy => JSON.parse(fs.readFileSync(path.join(folder, file), "utf8"));
const exhibit = (study: JsonStudy, id: string) => study.exhibits.find((e) => e.id === id)!;
/** The composition's Teaching rows of the Gender dimension: Employees as written. */
const teaching = (study: JsonStudy) =>
  exhibit(study, "workforce-composition")
    .rows.filter((row) => row.Dimension === "Gender" && row["Job Family"] === "Teaching")
    .map((row) => [row.Group, row.Employees, row.Share]);

async function sheetValues(file: string, title: RegExp): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(folder, file));
  const sheet = workbook.worksheets.find((candidate) => title.test(candidate.name));
  if (!sheet) throw new Error(`no sheet ${title}`);
  const values: unknown[][] = [];
  sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return values;
}

describe("a workbook with Roster, Reference and Positions sheets", () => {
  let study: JsonStudy;
  let stdout: string;
  beforeAll(async () => {
    const result = await run([...base, "--json", "out/a.json", "--out", "out/a.xlsx", "--html", "out/a.html"], folder);
    if (result.code !== 0) throw new Error(result.stderr);
    stdout = result.stdout;
    study = json("out/a.json");
  }, 30_000);

  it("builds every workforce and equity exhibit, reading the synonyms (Race/Ethnicity, Termination Date …)", () => {
    expect(study.exhibits.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        "workforce-composition",
        "hires-by-group",
        "retention",
        "separation-reasons",
        "position-control",
        "position-problems",
        "pay-equity",
        "pay-equity-by-grade",
      ]),
    );
    expect(stdout).toMatch(/reference\s+\[study\.xlsx\]Reference!A1:C5/);
    expect(stdout).toContain("Ethnicity ← 'Race/Ethnicity'");
    expect(stdout).toMatch(/placed\s+15 employees \(and 2 separated, in workforce exhibits only\)/);
  });

  it("shows small groups as <5 in the JSON, the .xlsx and the HTML", async () => {
    // Teaching: 6 women, 2 men; the men's 2 is small and the family's 8 would give it away.
    // (Groups most first: 10 men, 7 women on the roster.)
    // The women (6) are hidden only so that the men's 2 cannot be worked out: their own mark, never "<5".
    expect(teaching(study)).toEqual([
      ["Male", "<5", "<5"],
      ["Female", "hidden", "hidden"],
    ]);
    const rows = await sheetValues("out/a.xlsx", /^7-1 /);
    const shown = rows.filter((row) => row[0] === "Gender" && row[1] === "Teaching").map((row) => row[3]);
    expect(shown).toEqual(["<5", "hidden"]);
    const html = fs.readFileSync(path.join(folder, "out/a.html"), "utf8");
    // Both marks sit right, like the numbers of their columns.
    expect(html).toContain('<td class="num">&lt;5</td>');
    expect(html).toContain('<td class="num">hidden</td>');
    // 7-1's marks are all in number columns (8-1's Significant, a text column, keeps its mark left with its words).
    const composition = /<section class="exhibit" id="exhibit-workforce-composition">[^]*?<\/section>/.exec(html)![0];
    expect(composition).toContain('<td class="num">hidden</td>');
    expect(composition).not.toMatch(/<td class="text[^"]*">(&lt;5|hidden)<\/td>/);
  });

  it("counts hires and separations over the default period 2011-07-01..2012-06-30", () => {
    // Hires: TM0 (2011-08-15), GONE2 (2011-09-01), NEW1 (2012-02-01); separations: GONE1 (on the
    // last day), GONE2. All counts are small.
    expect(exhibit(study, "retention").description).toContain("from July 1, 2011 to June 30, 2012");
    expect(exhibit(study, "hires-by-group").rows.at(-1)).toEqual({
      Dimension: "All",
      Group: "All",
      Hires: "<5",
      Share: 1,
    });
  });
});

describe("--no-suppress", () => {
  let study: JsonStudy;
  let stdout: string;
  beforeAll(async () => {
    const result = await run(
      [...base, "--no-suppress", "--json", "out/b.json", "--out", "out/b.xlsx", "--html", "out/b.html"],
      folder,
    );
    if (result.code !== 0) throw new Error(result.stderr);
    stdout = result.stdout;
    study = json("out/b.json");
  }, 30_000);

  it("reveals the small groups in the JSON and the .xlsx, and says so in the summary", async () => {
    expect(teaching(study)).toEqual([
      ["Male", 2, 0.25],
      ["Female", 6, 0.75],
    ]);
    const rows = await sheetValues("out/b.xlsx", /^7-1 /);
    expect(rows.filter((row) => row[0] === "Gender" && row[1] === "Teaching").map((row) => row[3])).toEqual([2, 6]);
    expect(exhibit(study, "hires-by-group").rows.at(-1)).toMatchObject({ Hires: 3 });
    expect(stdout).toContain(
      "note        small groups shown (suppression turned off): workforce and equity cells describing fewer than 5 people are shown in the JSON and .xlsx; the HTML report and the task pane still hide them",
    );
    expect(study.summary.notes).toContain(
      "small groups shown (suppression turned off): workforce and equity cells describing fewer than 5 people are shown in the JSON and .xlsx; the HTML report and the task pane still hide them",
    );
  });

  it("never reveals them in the HTML report", () => {
    const suppressed = fs.readFileSync(path.join(folder, "out/a.html"), "utf8");
    const revealed = fs.readFileSync(path.join(folder, "out/b.html"), "utf8");
    // The same tables, cell for cell: only the summary notes differ.
    const tables = (html: string) => [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables(revealed)).toEqual(tables(suppressed));
    expect(tables(revealed).join("")).toContain("&lt;5");
  });
});

describe("--period, --equity-reference, --min-cell, and inputs from their own files", () => {
  it("counts over the period given, from CSV files named with --reference and --positions", async () => {
    const result = await run(
      [
        "exhibits",
        "--plans",
        "plans.csv",
        "--roster",
        "roster.csv",
        "--reference",
        "reference.csv",
        "--positions",
        "positions.csv",
        "--as-of",
        "2013-04-01",
        "--period",
        "2011-07-01..2011-12-31",
        "--min-cell",
        "1",
        "--equity-reference",
        "Gender=Male",
        "--json",
        "out/c.json",
      ],
      folder,
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const study = json("out/c.json");
    // Hires from 2011-07-01 to 2011-12-31: TM0 and GONE2; no separation yet.
    expect(exhibit(study, "hires-by-group").rows.at(-1)).toEqual({
      Dimension: "All",
      Group: "All",
      Hires: 2,
      Share: 1,
    });
    expect(exhibit(study, "retention").rows.at(-1)).toMatchObject({ Separations: 0 });
    expect(exhibit(study, "pay-equity").rows[0]).toMatchObject({
      Dimension: "Gender",
      Group: "Male",
      Significant: "Reference group",
    });
    expect(exhibit(study, "workforce-composition").rows[0]).toMatchObject({ Group: "Male", "Reference Share": 0.51 });
    expect(exhibit(study, "position-control").rows.at(-1)).toMatchObject({ Department: "All", Positions: 16 });
  });

  it.each([
    [
      ["--period", "2012-07-01..2013-06-30"],
      "compstudy: Period: the period ends 2013-06-30, after the as-of date 2013-04-01: the roster tells who was employed up to the as-of date only",
    ],
    [["--period", "2013"], "compstudy: Period: '2013' is not a period: write start..end, e.g. 2022-07-01..2023-06-30"],
    [
      ["--equity-reference", "Gender=Other"],
      "compstudy: Pay-equity reference group: Gender has no group 'Other' among the active employees (groups: Male, Female)",
    ],
  ])("exits 2 with one line for %p", async (flags, line) => {
    const result = await run([...base, ...flags, "--json", "out/d.json"], folder);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr.trim()).toBe(line);
  });
});
