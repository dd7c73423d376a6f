/**
 * The CLI's plumbing, in process, with a stand-in analysis: arguments, readers, outputs,
 * messages and exit codes. (test/cli/study.test.ts runs the real analysis end to end.)
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { EngineError } from "../../src/engine";
import type { Table } from "../../src/cli/readers";
import { isoDate, parseAsOf, UsageError } from "../../src/cli/main";
import { InputError, type AnalysisInput } from "../../src/cli/analyse";
import type { StudyResult } from "../../src/exhibits/spec/types";
import { studyFixture } from "../exhibits/study-fixture";
import { expectOneLine, run, tempFolder, writeFile, writeWorkbook } from "./helpers";

const PLANS = "Plan,Grade,Step 1,Step 2\nBASE,B1,10,11\n";
const ROSTER = "Employee ID,Plan,Grade,Salary\nE1,BASE,B1,10.5\n";

let folder: string;
let seen: { plans?: Table; roster?: Table; asOf?: string };

/** A stand-in for the analysis that records its input. */
function fakeAnalyse({ tables, asOf }: AnalysisInput): StudyResult {
  seen = { plans: tables.plans, roster: tables.roster, asOf };
  return { ...studyFixture(), asOf, sources: { plans: tables.plans.source, roster: tables.roster.source } };
}

beforeAll(() => {
  folder = tempFolder();
  writeFile(folder, "plans.csv", PLANS);
  writeFile(folder, "roster.csv", ROSTER);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
beforeEach(() => {
  seen = {};
});

const exhibits = (...extra: string[]) => ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", ...extra];

describe("compstudy exhibits: success", () => {
  it("writes the three outputs (creating folders) and prints a summary", async () => {
    const result = await run(
      exhibits("--as-of", "2013-04-01", "--out", "out/a/exhibits.xlsx", "--json", "out/b/e.json", "--html", "r.html"),
      folder,
      { analyse: fakeAnalyse },
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    for (const file of ["out/a/exhibits.xlsx", "out/b/e.json", "r.html"])
      expect(fs.statSync(path.join(folder, file)).size).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(path.join(folder, "out/b/e.json"), "utf8")).asOf).toBe("2013-04-01");
    expect(result.stdout).toContain("compstudy: study as of 2013-04-01");
    expect(result.stdout).toMatch(/pay plans\s+plans\.csv: 2 plans, 3 grades/);
    expect(result.stdout).toMatch(/roster\s+roster\.csv: 42 rows/);
    expect(result.stdout).toMatch(/placed\s+35 employees/);
    expect(result.stdout).toMatch(/unmatched\s+7 rows:\n\s+unknown grade: 7\n/);
    expect(result.stdout).toMatch(/audit\s+0 errors, 0 warnings/);
    expect(result.stdout).toMatch(/wrote\s+out\/a\/exhibits\.xlsx, out\/b\/e\.json, r\.html/);
    // No temporary files are left behind.
    expect(fs.readdirSync(path.join(folder, "out/a"))).toEqual(["exhibits.xlsx"]);
  });

  it("hands the tables and the as-of date to the analysis", async () => {
    await run(exhibits("--as-of", "2013-04-01"), folder, { analyse: fakeAnalyse });
    expect(seen.asOf).toBe("2013-04-01");
    expect(seen.plans?.rows).toEqual([
      ["Plan", "Grade", "Step 1", "Step 2"],
      ["BASE", "B1", "10", "11"],
    ]);
    expect(seen.roster?.file).toBe("roster.csv");
  });

  it("defaults --as-of to today", async () => {
    await run(exhibits(), folder, { analyse: fakeAnalyse, now: () => new Date(2024, 1, 29, 23, 30) });
    expect(seen.asOf).toBe("2024-02-29");
  });

  it("says when no output was asked for, and --quiet prints nothing", async () => {
    expect((await run(exhibits(), folder, { analyse: fakeAnalyse })).stdout).toContain("wrote       nothing");
    expect(await run(exhibits("--quiet", "--json", "q.json"), folder, { analyse: fakeAnalyse })).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("reads both tables from one workbook (default sheets 'Pay Plans' and 'Roster')", async () => {
    const book = path.join(folder, "study.xlsx");
    await writeWorkbook(book, {
      Notes: [["read me"]],
      Roster: [
        ["Employee ID", "Salary"],
        ["E1", 10],
      ],
      "Pay Plans": [
        ["Plan", "Grade", "Step 1"],
        ["BASE", "B1", 10],
      ],
    });
    const result = await run(["exhibits", "--workbook", "study.xlsx"], folder, { analyse: fakeAnalyse });
    expect(result.code).toBe(0);
    expect(seen.plans?.sheet).toBe("Pay Plans");
    expect(seen.roster?.rows[1]).toEqual(["E1", 10]);
    expect(result.stdout).toContain("[study.xlsx]'Pay Plans'!A1:C2");
  });

  it("reads the named sheet of an .xlsx given as --roster", async () => {
    const book = path.join(folder, "roster-book.xlsx");
    await writeWorkbook(book, { First: [["x"], ["y"]], Staff: [["Employee ID"], ["E9"]] });
    await run(["exhibits", "--plans", "plans.csv", "--roster", "roster-book.xlsx", "--roster-sheet", "staff"], folder, {
      analyse: fakeAnalyse,
    });
    expect(seen.roster?.rows).toEqual([["Employee ID"], ["E9"]]);
  });

  it("draws a progress line only on a terminal, and clears it", async () => {
    const tty = await run(exhibits("--json", "p.json"), folder, { analyse: fakeAnalyse, stderrIsTTY: true });
    expect(tty.stderr).toContain("\r\x1b[2Kanalysing");
    expect(tty.stderr.endsWith("\r\x1b[2K")).toBe(true);
    const quiet = await run(exhibits("--quiet"), folder, { analyse: fakeAnalyse, stderrIsTTY: true });
    expect(quiet.stderr).toBe("");
  });

  it("prints help with exit 0", async () => {
    const result = await run(["exhibits", "--help"], folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--workbook <file.xlsx>");
  });

  it("answers --help and --version without loading the engine, and the exhibits command with it (the built CLI)", () => {
    // Which of the CLI's modules a command line loads, in a fresh Node process.
    const loaded = (argv: string[]): string[] => {
      const script = `const { main } = require(${JSON.stringify(path.resolve("dist/node/src/cli/main.js"))});
        main(${JSON.stringify(argv)}, { stdout: () => {}, stderr: () => {} }).then((code) => {
          const ours = Object.keys(require.cache).filter((file) => file.includes("dist/node/src/"));
          process.stdout.write(JSON.stringify({ code, ours }));
        });`;
      const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
      const { code, ours } = JSON.parse(out) as { code: number; ours: string[] };
      expect(code).toBe(0);
      return ours.map((file) => path.relative(path.resolve("dist/node/src"), file));
    };
    for (const argv of [["--help"], ["--version"]]) {
      const modules = loaded(argv);
      expect(modules).toContain(path.join("cli", "main.js"));
      expect(modules.filter((file) => file.startsWith("engine"))).toEqual([]);
    }
    expect(loaded(["exhibits", "--help"])).toContain(path.join("engine", "study", "registry.js"));
  });
});

describe("compstudy exhibits: bad input exits 2 with one line naming the file", () => {
  it.each([
    ["a missing file", ["--plans", "nope.csv", "--roster", "roster.csv"], "compstudy: nope.csv: no such file"],
    ["an empty file", ["--plans", "plans.csv", "--roster", "empty.csv"], "compstudy: empty.csv: the file is empty"],
    [
      "headers only",
      ["--plans", "plans.csv", "--roster", "headers.csv"],
      "compstudy: headers.csv: only a header row, no roster rows under it",
    ],
    [
      "a plans file of blank lines",
      ["--plans", "blank.csv", "--roster", "roster.csv"],
      "compstudy: blank.csv: the file is empty",
    ],
    [
      "an unreadable workbook",
      ["--plans", "plans.csv", "--roster", "broken.xlsx"],
      "compstudy: broken.xlsx: is not a readable .xlsx workbook (the zip or its XML is damaged)",
    ],
    [
      "a missing sheet",
      ["--workbook", "one-sheet.xlsx"],
      "compstudy: one-sheet.xlsx: no sheet named 'Pay Plans' (the workbook has: 'Sheet1')",
    ],
    [
      "a bad --as-of",
      ["--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "04/01/2013"],
      "--as-of must be a date as yyyy-mm-dd, got '04/01/2013'",
    ],
    [
      "an impossible --as-of",
      ["--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-02-30"],
      "--as-of is not a calendar date: '2013-02-30'",
    ],
    [
      "--plans without --roster",
      ["--plans", "plans.csv"],
      "compstudy: --roster is missing: give --plans and --roster (or one --workbook)",
    ],
    ["no input", [], "compstudy: give --plans <file> and --roster <file>, or --workbook <file.xlsx>"],
    [
      "--workbook with --plans",
      ["--workbook", "one-sheet.xlsx", "--plans", "plans.csv"],
      "compstudy: use either --workbook or --plans with --roster, not both",
    ],
    ["an unknown option", ["--plans", "plans.csv", "--rooster", "r.csv"], "compstudy: unknown option '--rooster'"],
  ])("%s", async (_, args, message) => {
    writeFile(folder, "empty.csv", "");
    writeFile(folder, "headers.csv", "Employee ID,Plan,Grade,Salary\r\n\r\n");
    writeFile(folder, "blank.csv", "\n\n\n");
    writeFile(folder, "broken.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 1)]));
    if (!fs.existsSync(path.join(folder, "one-sheet.xlsx")))
      await writeWorkbook(path.join(folder, "one-sheet.xlsx"), { Sheet1: [["a"], ["b"]] });
    const result = await run(["exhibits", ...args], folder, { analyse: fakeAnalyse });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(message);
  });

  it("names the file an analysis error came from", async () => {
    const analyse = ({ tables }: AnalysisInput): StudyResult => {
      throw new InputError(tables.roster.file, "row 1: no column 'Salary' (looked for Salary, Rate, Annual Salary)");
    };
    const result = await run(exhibits(), folder, { analyse });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "compstudy: roster.csv: row 1: no column 'Salary' (looked for Salary, Rate, Annual Salary)\n",
    });
  });

  it("maps a bare EngineError to exit 2 too", async () => {
    const analyse = (): StudyResult => {
      throw new EngineError("invalid argument", "as-of date is before every hire date");
    };
    expect(await run(exhibits(), folder, { analyse })).toMatchObject({
      code: 2,
      stderr: "compstudy: as-of date is before every hire date\n",
    });
  });

  it("cannot write an output: exit 2 naming the output", async () => {
    writeFile(folder, "blocker", "a file where a folder should be");
    const result = await run(exhibits("--json", "blocker/e.json"), folder, { analyse: fakeAnalyse });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compstudy: blocker\/e\.json: cannot write the file: /);
  });
});

describe("compstudy: internal errors exit 1 with one line and no stack", () => {
  it("asks to report an unexpected error", async () => {
    const analyse = (): StudyResult => {
      throw new TypeError("Cannot read properties of undefined (reading 'grade')");
    };
    const result = await run(exhibits(), folder, { analyse });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr);
    expect(result.stderr).toBe(
      "compstudy: internal error: Cannot read properties of undefined (reading 'grade') — please report this\n",
    );
  });
});

describe("parseAsOf and isoDate", () => {
  it.each(["2013-04-01", "2024-02-29", " 2013-04-01 "])("accepts %p", (text) => {
    expect(parseAsOf(text)).toBe(text.trim());
  });
  it.each(["2013-4-1", "2023-02-29", "2013-13-01", "1899-12-31", "today", ""])("refuses %p", (text) => {
    expect(() => parseAsOf(text)).toThrow(UsageError);
  });
  it("formats a local date", () => {
    expect(isoDate(new Date(2013, 0, 5))).toBe("2013-01-05");
  });
});
