/**
 * The CLI end to end with the real analysis, on small hand-made files: the outputs agree
 * with each other, the head count reconciles, bad content exits 2 naming the file, and
 * hostile roster text stays text in every output.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonStudy } from "../../src/exhibits/json";
import { expectOneLine, run, tempFolder, writeFile, writeWorkbook } from "./helpers";

const HOSTILE_FAMILY = "<img src=x onerror=alert(1)>";
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","x")';

const PLANS_ROWS = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5"],
  ["BASE", "B1", "12.00", "12.50", "13.00", "13.50", "14.00"],
  ["BASE", "B2", "13.00", "13.60", "14.20", "14.80", "15.40"],
  ["PAA", "A1", "60000", "62000", "64000", "66000", "68000"],
];

const ROSTER_ROWS = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
  ["E1", "BASE", "B1", "12.00", "2010-08-15", "Custodial", "Custodian"],
  ["E2", "BASE", "B1", "13.10", "2005-01-03", "Custodial", FORMULA_TITLE],
  ["E3", "BASE", "B1", "14.00", "2012-09-01", HOSTILE_FAMILY, "Night Custodian"],
  ["E4", "BASE", "B2", "13.50", "2001-07-01", "Food Service", "Cook"],
  ["E5", "PAA", "A1", "61000", "1999-07-01", "Administration", "Principal"],
  ["E6", "PAA", "A1", "70000", "2003-07-01", "Administration", "Principal"],
  ["E7", "PAA", "Z9", "50000", "2003-07-01", "Administration", "Director"],
];

function csv(rows: string[][], delimiter = ",", newline = "\n"): string {
  const quote = (field: string) => (/[",;\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

let folder: string;
beforeAll(() => {
  folder = tempFolder("compstudy-study-");
  writeFile(folder, "plans.csv", csv(PLANS_ROWS));
  writeFile(folder, "roster.csv", csv(ROSTER_ROWS));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const base = ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01"];

describe("compstudy exhibits on small files", () => {
  let json: JsonStudy;
  let stdout: string;

  beforeAll(async () => {
    const result = await run([...base, "--out", "out/e.xlsx", "--json", "out/e.json", "--html", "out/r.html"], folder);
    if (result.code !== 0) throw new Error(`CLI failed: ${result.stderr}`);
    stdout = result.stdout;
    json = JSON.parse(fs.readFileSync(path.join(folder, "out/e.json"), "utf8"));
  }, 30_000);

  it("reconciles: employees placed + unmatched = roster rows, and the summary says so", () => {
    expect(json.summary.rosterRows).toBe(7);
    expect(json.summary.employees + json.summary.unmatched).toBe(7);
    expect(json.summary.unmatched).toBeGreaterThanOrEqual(1);
    expect(stdout).toMatch(new RegExp(`placed\\s+${json.summary.employees} employees`));
    expect(stdout).toMatch(
      new RegExp(`unmatched\\s+${json.summary.unmatched} rows?:\\n\\s+grade is not in plan: 1\\n`),
    );
    const unmatched = json.exhibits.find((exhibit) => exhibit.id === "unmatched-employees")!;
    expect(unmatched.rows.map((row) => row["Employee ID"])).toContain("E7");
  });

  it("writes byte-identical JSON on a second run", async () => {
    await run([...base, "--json", "out/e2.json", "--quiet"], folder);
    expect(fs.readFileSync(path.join(folder, "out/e2.json"))).toEqual(fs.readFileSync(path.join(folder, "out/e.json")));
  });

  it("writes the exhibits the JSON has, sheet by sheet, with hostile text as strings", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, "out/e.xlsx"));
    // The findings page first, then one sheet per exhibit.
    expect(workbook.worksheets.map((sheet) => sheet.name)[0]).toBe("Findings");
    expect(workbook.worksheets).toHaveLength(json.exhibits.length + 1);
    const strings: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") strings.push(cell.value);
        }),
      ),
    );
    expect(strings).toContain(HOSTILE_FAMILY);
  });

  it("escapes the hostile job family in the HTML report", () => {
    const html = fs.readFileSync(path.join(folder, "out/r.html"), "utf8");
    expect(html).not.toContain(HOSTILE_FAMILY);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<script/i);
  });
});

describe("the same roster in other shapes gives the same JSON", () => {
  let expected: string;
  beforeAll(async () => {
    await run([...base, "--json", "same/base.json", "--quiet"], folder);
    expected = fs.readFileSync(path.join(folder, "same/base.json"), "utf8");
  }, 30_000);

  // The sources name other files, and the mark (a hash of the whole text) differs with them.
  const normalise = (text: string) => {
    const parsed = JSON.parse(text) as JsonStudy & { writtenBy?: string };
    return JSON.stringify({ ...parsed, sources: null, writtenBy: null });
  };

  it.each([
    ["a BOM, ';' delimiters and CRLF", `\ufeff${csv(ROSTER_ROWS, ";", "\r\n")}`],
    ["tabs", csv(ROSTER_ROWS, "\t")],
  ])("%s", async (name, content) => {
    const file = `roster-${name.length}.csv`;
    writeFile(folder, file, content);
    const result = await run(
      ["exhibits", "--plans", "plans.csv", "--roster", file, "--as-of", "2013-04-01", "--json", "same/x.json"],
      folder,
    );
    expect(result.stderr).toBe("");
    expect(normalise(fs.readFileSync(path.join(folder, "same/x.json"), "utf8"))).toBe(normalise(expected));
  });

  it("one workbook with 'Pay Plans' and 'Roster' sheets", async () => {
    await writeWorkbook(path.join(folder, "study.xlsx"), { "Pay Plans": PLANS_ROWS, Roster: ROSTER_ROWS });
    const result = await run(
      ["exhibits", "--workbook", "study.xlsx", "--as-of", "2013-04-01", "--json", "same/w.json"],
      folder,
    );
    expect(result.stderr).toBe("");
    expect(normalise(fs.readFileSync(path.join(folder, "same/w.json"), "utf8"))).toBe(normalise(expected));
  });
});

describe("bad content exits 2 with one line naming the file", () => {
  it.each([
    ["a roster without a Salary column", "roster", ROSTER_ROWS.map((row) => row.filter((_, index) => index !== 3))],
    ["a roster without a Grade column", "roster", ROSTER_ROWS.map((row) => row.filter((_, index) => index !== 2))],
    ["pay plans without steps", "plans", PLANS_ROWS.map((row) => row.slice(0, 2))],
  ])("%s", async (name, which, rows) => {
    const file = `bad-${name.replace(/\W+/g, "-")}.csv`;
    writeFile(folder, file, csv(rows));
    const args =
      which === "roster" ? ["--plans", "plans.csv", "--roster", file] : ["--plans", file, "--roster", "roster.csv"];
    const result = await run(["exhibits", ...args, "--as-of", "2013-04-01"], folder);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr.startsWith(`compstudy: ${file}: `)).toBe(true);
  });
});
