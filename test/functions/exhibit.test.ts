/**
 * COMP.EXHIBIT and COMP.STUDY_SUMMARY, called as Excel calls them (2-D arrays, blanks as "",
 * omitted optionals as null, dates as serial numbers).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { EXHIBIT, STUDY_SUMMARY, asOfOf, optionsOf, tableOf } from "../../src/functions/exhibit";
import * as study from "../../src/engine/study";
import { EXHIBIT_IDS, INPUTS, MIN_CELL, PLANS_INPUT, ROSTER_INPUT, parseOption } from "../../src/engine/study";
import { analyse } from "../../src/cli/analyse";
import { readWorkbookSheets, type Table } from "../../src/cli/readers";
import { studyToJson, type JsonStudy } from "../../src/exhibits/json";
import { isEngineError } from "../../src/engine/errors";
import { installCustomFunctionsStub, removeCustomFunctionsStub, StubExcelError } from "./custom-functions-stub";

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

type Cells = unknown[][];

/** A table as Excel hands a range to a function: rectangular, blanks as "". */
function asExcel(rows: readonly (readonly unknown[])[]): Cells {
  const width = Math.max(1, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
}

const PLANS: Cells = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Hourly", "H1", 10, 15, 20],
  ["Hourly", "H2", 12, 17, 22],
];
// H1: min 10, max 20 → quartile bounds 12.5, 15, 17.5; midpoint 15.
const ROSTER: Cells = [
  ["Employee ID", "Plan", "Grade", "Amount", "Hire Date", "Job Family", "Job Title"],
  ["E1", "Hourly", "H1", 11, "2010-04-01", "Custodial", "Custodian"],
  ["E2", "Hourly", "H1", 16, "2012-04-01", "Custodial", "Custodian"],
  ["E3", "Hourly", "H1", 19, "2012-04-01", "Custodial", "Head Custodian"],
  ["E4", "Hourly", "H9", 18, "2012-04-01", "Custodial", "Custodian"],
];
const MAP_SALARY: Cells = [
  ["Name", "Value"],
  ["map", "Salary=Amount"],
];
// DATE(2013,4,1): days since 1899-12-30.
const APRIL_2013 = 41365;

const one = (value: unknown): Cells => [[value]];
/** An omitted optional argument, as Excel passes it. */
const OMITTED = null as unknown as Cells;

function errorOf(result: Cells): StubExcelError {
  expect(result).toHaveLength(1);
  expect(result[0][0]).toBeInstanceOf(StubExcelError);
  return result[0][0] as StubExcelError;
}

describe("COMP.EXHIBIT", () => {
  it("spills the quartile exhibit with its header row (worked by hand)", () => {
    const result = EXHIBIT(one("quartiles"), PLANS, ROSTER, one(APRIL_2013), MAP_SALARY);
    expect(result[0]).toEqual(["Plan", "Grade", "Employees", "Q1", "Q2", "Q3", "Q4", "% Q1", "% Q2", "% Q3", "% Q4"]);
    // 11 < 12.5 → Q1; 15 ≤ 16 < 17.5 → Q3; 19 ≥ 17.5 → Q4. E4's grade H9 is unknown: not counted.
    const h1 = result.find((row) => row[1] === "H1") as unknown[];
    expect(h1.slice(0, 7)).toEqual(["Hourly", "H1", 3, 1, 0, 1, 1]);
    expect(h1[7]).toBeCloseTo(1 / 3, 12);
    expect(h1[8]).toBe(0);
    // H2 has no employee: left out, as the study does.
    expect(result.some((row) => row[1] === "H2")).toBe(false);
  });

  it("recalculates from the values it is given: a salary moved into Q2 moves the count", () => {
    const moved = ROSTER.map((row) => (row[0] === "E1" ? [...row.slice(0, 3), 13, ...row.slice(4)] : row));
    const h1 = EXHIBIT(one("quartiles"), PLANS, moved, one(APRIL_2013), MAP_SALARY).find((row) => row[1] === "H1");
    // 12.5 ≤ 13 < 15 → Q2.
    expect(h1?.slice(3, 7)).toEqual([0, 1, 1, 1]);
  });

  it("lists an unknown grade in unmatched-employees, and an Excel error cell as the CLI does", () => {
    const withError = ROSTER.map((row) =>
      row[0] === "E2" ? [...row.slice(0, 3), new StubExcelError("#N/A"), ...row.slice(4)] : row,
    );
    const result = EXHIBIT(one("unmatched-employees"), PLANS, withError, one(APRIL_2013), MAP_SALARY);
    expect(result[0]).toEqual(["Employee ID", "Plan", "Grade", "Reason"]);
    const reasons = result.slice(1).map((row) => `${String(row[0])}: ${String(row[3])}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^E2: Row 3: Salary is an Excel error \(#N\/A\)/),
      "E4: Row 5: Grade 'H9' is not in plan 'Hourly'",
    ]);
  });

  it("takes the as-of date from a date cell, date text, or today when omitted", () => {
    expect(asOfOf([[APRIL_2013]])).toBe("2013-04-01");
    expect(asOfOf([["2013-04-01"]])).toBe("2013-04-01");
    expect(asOfOf(null, () => new Date(2024, 1, 29, 23, 59))).toBe("2024-02-29");
    expect(() => asOfOf([["soon"]])).toThrow("as_of must be a date");
    // Tenure is measured to the as-of date: omitted = today at calculation.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    expect(EXHIBIT(one("tenure"), PLANS, ROSTER, OMITTED, MAP_SALARY)).toEqual(
      EXHIBIT(one("tenure"), PLANS, ROSTER, one(today), MAP_SALARY),
    );
  });

  it("an unknown id is #VALUE! listing every exhibit id", () => {
    const error = errorOf(EXHIBIT(one("quartile"), PLANS, ROSTER, one(APRIL_2013), MAP_SALARY));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("There is no exhibit 'quartile'");
    for (const id of EXHIBIT_IDS) expect(error.message).toContain(id);
    expect(errorOf(EXHIBIT(one(""), PLANS, ROSTER)).message).toContain("id is blank");
  });

  it("a bad option is #VALUE! with the engine's own message", () => {
    let expected = "";
    try {
      parseOption(MIN_CELL, 0);
    } catch (error) {
      if (isEngineError(error)) expected = error.message;
    }
    expect(expected).not.toBe("");
    const options = [...MAP_SALARY, ["min-cell", 0]];
    const error = errorOf(EXHIBIT(one("quartiles"), PLANS, ROSTER, one(APRIL_2013), options));
    expect(error).toEqual(new StubExcelError("#VALUE!", expected));
    const unknown = errorOf(EXHIBIT(one("quartiles"), PLANS, ROSTER, one(APRIL_2013), [["agin-rate", "3%"]]));
    expect(unknown.message).toMatch(/^Unknown option 'agin-rate' \(options: salary-basis, max-fte, min-cell, suppress/);
  });

  it("names the table whose columns are missing", () => {
    const error = errorOf(EXHIBIT(one("quartiles"), PLANS, ROSTER, one(APRIL_2013)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^Roster: Missing column 'Salary' \(looked for: Salary/);
  });

  it("reads options as Name | Value rows: header and blank rows skipped, map rows collected, repeats kept", () => {
    const { options, mapping } = optionsOf([
      ["Option", "Value"],
      ["", ""],
      ["salary-basis", "actual"],
      ["map", "Hire Date=Start"],
      ["MAP", "plans:Grade=Range"],
      ["pairs", "a=1"],
      ["pairs", "b=2"],
    ]);
    expect(options).toEqual({ "salary-basis": "actual", pairs: ["a=1", "b=2"] });
    expect(mapping).toEqual({ roster: { "Hire Date": "Start" }, plans: { Grade: "Range" } });
    expect(() => optionsOf([["a", "b", "c"]])).toThrow("options must be a range of two columns");
    expect(() => optionsOf([["map", "Salary"]])).toThrow("map takes Field=Header");
    expect(() => optionsOf([["roster", "x"]])).toThrow("'roster' is an input table, not an option");
  });

  it("refuses an extra input that is not registered, naming the inputs there are", () => {
    const error = errorOf(
      EXHIBIT(one("quartiles"), PLANS, ROSTER, one(APRIL_2013), MAP_SALARY, one("nonsense"), [["A"], [1]]),
    );
    const extra = INPUTS.filter((spec) => spec !== PLANS_INPUT && spec !== ROSTER_INPUT);
    expect(error.message).toContain("There is no input 'nonsense'");
    for (const spec of extra) expect(error.message).toContain(spec.id);
    expect(errorOf(EXHIBIT(one("quartiles"), PLANS, ROSTER, OMITTED, OMITTED, OMITTED, [["A"], [1]])).message).toBe(
      "table1 is given without its name: put the input's name in input1",
    );
  });

  it("reads a range as the CLI reads a sheet: errors as their text, trailing blanks cut", () => {
    expect(
      tableOf([
        ["a", "", ""],
        [new StubExcelError("#DIV/0!"), 2, ""],
        ["", "", ""],
      ]),
    ).toEqual([["a"], ["#DIV/0!", 2]]);
  });
});

describe("one run per study", () => {
  it("formulas over the same cells share a run; a changed cell is a new run", () => {
    const runs = jest.spyOn(study, "runStudy");
    const copy = (rows: Cells): Cells => rows.map((row) => [...row]);
    const before = runs.mock.calls.length;
    EXHIBIT(one("tenure"), copy(PLANS), copy(ROSTER), one(41000), MAP_SALARY);
    EXHIBIT(one("midpoint"), copy(PLANS), copy(ROSTER), one(41000), MAP_SALARY);
    STUDY_SUMMARY(copy(PLANS), copy(ROSTER), one(41000), MAP_SALARY);
    expect(runs.mock.calls.length - before).toBe(1);
    const changed = copy(ROSTER);
    changed[1][3] = 12;
    const h1 = EXHIBIT(one("midpoint"), copy(PLANS), changed, one(41000), MAP_SALARY).find((row) => row[1] === "H1");
    expect(runs.mock.calls.length - before).toBe(2);
    // Midpoint (10 + 20) / 2 = 15: E1 now 12 is below it; E2 16 and E3 19 are not.
    expect(h1?.slice(2, 4)).toEqual([3, 1]);
    runs.mockRestore();
  });
});

describe("COMP.STUDY_SUMMARY", () => {
  it("spills the run's figures as Measure | Value rows", () => {
    const result = STUDY_SUMMARY(PLANS, ROSTER, one(APRIL_2013), MAP_SALARY);
    const figures = Object.fromEntries(result.slice(1).filter((row) => row[0] !== "Note"));
    expect(result[0]).toEqual(["Measure", "Value"]);
    // 1 plan of 2 grades; 4 roster rows: 3 placed, E4 unmatched.
    expect(figures).toEqual({
      "As of": "2013-04-01",
      Plans: 1,
      Grades: 2,
      "Roster rows read": 4,
      "Employees placed": 3,
      "Unmatched rows": 1,
      "Separated employees": 0,
      "Schedule audit errors": 0,
      "Schedule audit warnings": 0,
    });
  });
});

// The bundled sample, read with the CLI's own readers: every exhibit of the registry through
// COMP.EXHIBIT equals the CLI's JSON on the same tables.
const SAMPLE = path.join(__dirname, "..", "..", "samples", "portland-2013.xlsx");
const SAMPLE_AS_OF = "2013-04-01";
const EXTRA = INPUTS.filter((spec) => spec !== PLANS_INPUT && spec !== ROSTER_INPUT);

describe("COMP.EXHIBIT equals the CLI's JSON on the sample", () => {
  let tables: Record<string, Table> = {};
  beforeAll(async () => {
    const read = await readWorkbookSheets(SAMPLE, [
      PLANS_INPUT.sheets[0],
      ROSTER_INPUT.sheets[0],
      ...EXTRA.map((spec) => ({ names: spec.sheets, optional: true as const })),
    ]);
    tables = {};
    [PLANS_INPUT, ROSTER_INPUT, ...EXTRA].forEach((spec, index) => {
      const table = read[index];
      if (table) tables[spec.id] = table;
    });
  }, 60_000);

  // The demo's options (npm run demo): a proposed structure by --adjust when the registry has it, so the
  // structure and cost exhibits build from the sample too.
  const options: Record<string, string> = study.OPTIONS.some((spec) => spec.name === "adjust") ? { adjust: "3%" } : {};
  const optionRows = Object.entries(options).map(([name, value]) => [name, value]);
  // The CLI's default run (every exhibit its tables allow), as `compstudy exhibits --json` writes it, per set of tables.
  const runs = new Map<string, JsonStudy>();
  const cli = (ids: string[]): JsonStudy => {
    const key = ids.join(",");
    let json = runs.get(key);
    if (!json) {
      const given = Object.fromEntries(["plans", "roster", ...ids].map((id) => [id, tables[id]]));
      json = studyToJson(analyse({ tables: given, mapping: {}, asOf: SAMPLE_AS_OF, options }));
      runs.set(key, json);
    }
    return json;
  };
  let byDefault: JsonStudy | undefined;
  const built: string[] = [];
  // The sample builds every exhibit of the current-conditions family at least (and those of any family whose tables it has).
  afterAll(() =>
    expect(built).toEqual(expect.arrayContaining(["pay-plan-summary", "quartiles", "unmatched-employees"])),
  );

  it.each([...EXHIBIT_IDS])("%s", (id) => {
    // The sample's other tables this exhibit's family declares, then the rest, as many as a formula takes.
    const exhibit = study.exhibitById(id) as study.RegisteredExhibit;
    const declared = [...(exhibit.family.inputs ?? []), ...(exhibit.needs ?? [])].map((spec) => spec.id);
    const others = Object.keys(tables).filter((key) => key !== "plans" && key !== "roster");
    const given = [...new Set([...declared, ...others])].filter((key) => tables[key]).slice(0, 3);
    const pairs = given.flatMap((key) => [one(key), asExcel(tables[key].rows)]);
    const spilled = EXHIBIT(
      one(id),
      asExcel(tables.plans.rows),
      asExcel(tables.roster.rows),
      one(APRIL_2013),
      optionRows.length > 0 ? optionRows : OMITTED,
      ...pairs,
    );
    const json = cli(given).exhibits.find((candidate) => candidate.id === id);
    if (json === undefined) {
      // The sample cannot build it (a table or column it lacks): asked for alone, both say why.
      expect(() =>
        analyse({
          tables: Object.fromEntries(["plans", "roster", ...given].map((key) => [key, tables[key]])),
          mapping: {},
          asOf: SAMPLE_AS_OF,
          options,
          exhibits: [id],
        }),
      ).toThrow();
      expect(errorOf(spilled).code).toBe("#VALUE!");
      return;
    }
    built.push(id);
    expect(spilled[0]).toEqual(json.columns);
    expect(spilled.slice(1)).toEqual(json.rows.map((row) => json.columns.map((column) => row[column] ?? "")));
  });

  it("COMP.STUDY_SUMMARY gives the CLI's summary figures and notes", () => {
    byDefault ??= cli(Object.keys(tables).filter((key) => key !== "plans" && key !== "roster"));
    const extras = Object.keys(tables).filter((key) => key !== "plans" && key !== "roster");
    // STUDY_SUMMARY takes no extra tables: compare with the CLI run on the pay plans and roster alone.
    const core = studyToJson(
      analyse({ tables: { plans: tables.plans, roster: tables.roster }, mapping: {}, asOf: SAMPLE_AS_OF, options: {} }),
    );
    expect(extras.length === 0 ? byDefault.summary : core.summary).toEqual(core.summary);
    const rows = STUDY_SUMMARY(asExcel(tables.plans.rows), asExcel(tables.roster.rows), one(APRIL_2013));
    const s = core.summary;
    expect(rows.slice(1, 10)).toEqual([
      ["As of", SAMPLE_AS_OF],
      ["Plans", s.plans],
      ["Grades", s.grades],
      ["Roster rows read", s.rosterRows],
      ["Employees placed", s.employees],
      ["Unmatched rows", s.unmatched],
      ["Separated employees", s.separated],
      ["Schedule audit errors", s.auditErrors],
      ["Schedule audit warnings", s.auditWarnings],
    ]);
    expect(rows.slice(10)).toEqual(s.notes.map((note) => ["Note", note]));
  });
});

const BUNDLE = path.join(__dirname, "..", "..", "dist", "functions.js");
(fs.existsSync(BUNDLE) ? describe : describe.skip)("the shipped bundle (dist/functions.js)", () => {
  it("registers EXHIBIT and STUDY_SUMMARY, and they compute what the source does", () => {
    const registered: Record<string, (...args: unknown[]) => unknown> = {};
    const context = vm.createContext({
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => (registered[id] = fn),
        Error: StubExcelError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
      },
      console,
    });
    vm.runInContext(fs.readFileSync(BUNDLE, "utf8"), context);
    expect(Object.keys(registered)).toEqual(expect.arrayContaining(["EXHIBIT", "STUDY_SUMMARY"]));
    const args = [one("midpoint"), PLANS, ROSTER, one(APRIL_2013), MAP_SALARY, null, null, null, null, null, null];
    expect(JSON.stringify(registered.EXHIBIT(...args))).toBe(
      JSON.stringify(EXHIBIT(...(args as [Cells, Cells, Cells]))),
    );
    const error = (registered.EXHIBIT(one("nope"), PLANS, ROSTER, null, null) as { message: string }[][])[0][0];
    expect(error.message).toContain("There is no exhibit 'nope'");
  });
});
