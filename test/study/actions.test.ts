/**
 * The personnel-actions family as the user sees it: the placements exhibit (4-1) from a
 * Candidates table, the class-title-changes exhibit (4-2), the COMP Rules sheet read as policy
 * overrides, lane schedules read as published, and --apply-title-changes in job-families.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { CellValue } from "../../src/engine/cells";
import { POLICY_TABLE, type PolicyName } from "../../src/engine";
import {
  InputTableError,
  parseCandidates,
  parseLaneTables,
  parseRulesSheet,
  parseTitleChanges,
} from "../../src/engine/study";
import type { StudyResult } from "../../src/exhibits/spec/types";
import { failure } from "../engine/helpers";
import { exhibitOf as exhibit, recordsOf as records, studyOf } from "./helpers";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Minimum", "Maximum"],
  ["Hourly", "H1", 12, 13, 14, null, null],
  ["Master", "27", null, null, null, 52000, 78000],
  ["Technology", "T9", null, null, null, 64000, 96000],
];

const ROSTER: CellValue[][] = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
  ["E1", "Hourly", "H1", 13, "2010-01-01", "Trades", "Plumbing"],
  ["E2", "Hourly", "H1", 12, "2011-01-01", "Trades", " PLUMBING "],
  ["E3", "Master", "27", 60000, "2012-01-01", "Trades", "plumbing"],
  ["E4", "Master", "27", 61000, "2012-01-01", "Trades", "Electrician"],
  ["E5", "Technology", "T9", 70000, "2012-01-01", "Technology", "Analyst"],
  ["E6", "Technology", "T9", 71000, "2012-01-01", "Technology", "Analyst II"],
];

const HEADER = [
  "Candidate",
  "Action",
  "Job Type",
  "Plan",
  "Grade",
  "Lane",
  "Years",
  "Other Years",
  "Current Salary",
  "Months Away",
  "Promotion %",
  "Requested Salary",
];

const PEA_ROWS = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));

function run(tables: Record<string, CellValue[][]>, options: Record<string, CellValue> = {}): StudyResult {
  return studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-04-01", tables, options });
}

describe("placements (4-1)", () => {
  const candidates: CellValue[][] = [
    ["Made-up candidates"],
    HEADER,
    ["Ann", "hire", "", "Master", "27", null, 6, null, null, null, null, null],
    ["Bo", "Promotion", "other", "Technology", "T9", null, 5, null, 70000, null, "8%", null],
    ["Cy", "hire", "teacher", "PEA", null, "Master's", 7, null, null, null, null, null],
    ["Di", "rehire", "other", "Hourly", "H1", null, null, null, 13.2, 4, null, null],
    ["", "transfer", "other", "Master", "27", null, null, null, 50000, null, null, null],
    ["Ed", "hire", "other", "Master", "27", null, "six", null, null, null, null, null],
    ["Flo", "fire", "other", "Master", "27", null, 2, null, null, null, null, null],
    ["Gil", "hire", "other", "Master", "99", null, 2, null, null, null, null, null],
  ];
  const lanes = [["Plan", ...PEA_ROWS[0]], ...PEA_ROWS.slice(1).map((cells) => ["PEA", ...cells])];
  let result: StudyResult;
  beforeAll(() => {
    result = run({ candidates, lanes });
  });

  it("has the issue's columns and one row per candidate, in order", () => {
    expect(exhibit(result, "placements").columns.map((c) => c.name)).toEqual([
      "Candidate",
      "Action",
      "Job Type",
      "Plan",
      "Grade",
      "Step",
      "Salary",
      "Approval",
      "Rule",
      "Warning",
    ]);
    expect(records(result, "placements").map((r) => r.Candidate)).toEqual([
      "Ann",
      "Bo",
      "Cy",
      "Di",
      "(row 7)",
      "Ed",
      "Flo",
      "Gil",
    ]);
  });

  it("decides each candidate and says the rule in words", () => {
    const [ann, bo, cy, di, transfer] = records(result, "placements");
    // 52,000 × (1 + 2.5 % × 6) = 59,800
    expect(ann).toMatchObject({
      "Job Type": "Other",
      Salary: 59800,
      Approval: "Chief HR officer",
      Step: null,
      Warning: null,
    });
    expect(ann.Rule).toBe("2.5 % × 6 years over the minimum 52,000");
    // "8%" = 0.08: 70,000 × 1.08 = 75,600 > 64,000 × 1.125 = 72,000
    expect(bo).toMatchObject({ Action: "Promotion", Salary: 75600, Approval: "Chief HR officer" });
    // 7 years: PEA Master's step 8 = 49,713 (0 years is step 1)
    expect(cy).toMatchObject({ Plan: "PEA", Grade: "Master's", Step: 8, Salary: 49713, Approval: "On the schedule" });
    // 13.20 within 6 months, H1 maximum 14: kept; not on a step. H1 has no grade number and 13.20 lies
    // between the midpoint 13 and the start of Q4 13.50: the approver is left to decide.
    expect(di).toMatchObject({ Step: null, Salary: 13.2, Approval: null });
    expect(di.Warning).toContain("has no grade number");
    expect(transfer).toMatchObject({ Salary: 50000 });
    expect(transfer.Warning).toBe("The salary 50,000 is below the minimum 52,000 of grade '27' of plan 'Master'");
  });

  it("keeps every candidate that cannot be decided, with the reason in Warning", () => {
    const [, , , , , ed, flo, gil] = records(result, "placements");
    expect(ed).toMatchObject({ Salary: null, Approval: null, Rule: null, Warning: "Years is not a number: 'six'" });
    expect(flo).toMatchObject({
      Action: "fire",
      Salary: null,
      Warning: "Action 'fire' is not hire, promotion, rehire, transfer, demotion or change in months",
    });
    expect(gil).toMatchObject({ Grade: "99", Salary: null, Warning: "Grade '99' is not in plan 'Master'" });
  });

  it("shows money in the grade's unit: cents on hourly rows", () => {
    const rows = exhibit(result, "placements").rows;
    expect(rows[3]).toMatchObject({ unit: "hourly", cents: true });
    expect(rows[0]).toMatchObject({ unit: "annual", cents: false });
  });

  it("counts the decisions in its notes and names the rules used", () => {
    expect(exhibit(result, "placements").notes).toEqual([
      "8 candidates: 5 decided (3 by the chief HR officer, 0 by the Compensation Committee, 1 on a schedule, 0 above the maximum, 1 with the approver to decide), 2 of them with warnings; 3 not decided (the reason is in Warning).",
      "Approval (CompStudy's reading of the HISD manual): the chief HR officer (CHRO) up to the start of the 4th quartile below grade 28 (T9) and up to the midpoint from it, the Compensation Committee above that; teachers placed on a schedule need none; the Requested Salary is the one approved when given.",
      "Demotion and change in months (CompStudy's reading; the manual's excerpt defines them but states no pay rule): a demotion keeps the salary when within the new range, else the new maximum (the new minimum below it); a change in months keeps the daily rate — salary × new duty days ÷ current duty days, to the cent.",
      "Rules: the HISD defaults (no COMP Rules sheet).",
      "Lane schedules (lanes.csv): PEA (Bachelor's, Master's, Master's +30, Doctorate).",
    ]);
  });

  it("is skipped, with the reason, when there is no Candidates table", () => {
    const plain = run({});
    expect(plain.exhibits.map((e) => e.id)).not.toContain("placements");
    expect(plain.summary.notes).toContain("not built (needs the Candidates table): 4-1 Placement Decisions");
    expect(() => studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-04-01", exhibits: ["placements"] })).toThrow(
      "Exhibit placements cannot be built: no Candidates table (sheet 'Candidates' or --candidates FILE)",
    );
  });

  it("refuses a table without the Candidate or Action column, naming it", () => {
    expect(() =>
      run({
        candidates: [
          ["Name", "Grade"],
          ["Ann", "27"],
        ],
      }),
    ).toThrow(
      expect.objectContaining({ input: "candidates", message: expect.stringContaining("Missing column 'Action'") }),
    );
  });

  it("never drops a row: any cells give one line per non-blank row", () => {
    const cell = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.double({ noNaN: true }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 12, maxLength: 12 }), { maxLength: 12 }), (rows) => {
        const filled = rows.filter((r) => r.some((c) => c !== null && String(c).trim() !== ""));
        const parsed = parseCandidates([HEADER, ...rows]);
        expect(parsed).toHaveLength(filled.length);
        const out = records(run({ candidates: [HEADER, ...rows] }), "placements");
        expect(out).toHaveLength(filled.length);
        for (const row of out) expect(row.Salary !== null || typeof row.Warning === "string").toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the COMP Rules sheet (the pane's 'Insert rules sheet', read back)", () => {
  const sheet = (...rows: CellValue[][]): CellValue[][] => [
    ["Name", "Value", "Rule", "Explanation", "Source"],
    ...rows,
  ];
  const candidates = [HEADER, ["Ann", "hire", "other", "Master", "27", null, 12, null, null, null, null, null]];

  it("overrides the defaults the placements use: 3 % a year, 8 years at most → 52,000 × 1.24 = 64,480", () => {
    const result = run({
      candidates,
      rules: sheet(["COMP_EXPERIENCE_RATE", "3%", "Experience credit per year"], ["comp_experience_cap_years", 8]),
    });
    const [ann] = records(result, "placements");
    expect(ann.Salary).toBe(64480);
    expect(ann.Rule).toBe("3 % × 8 years over the minimum 52,000 (12 years given, at most 8 credited)");
    expect(exhibit(result, "placements").notes).toContain(
      "Rules: the COMP Rules sheet (rules.csv): COMP_EXPERIENCE_RATE = 0.03 (default 0.025), COMP_EXPERIENCE_CAP_YEARS = 8 (default 10).",
    );
    expect(exhibit(result, "placements").description).toContain(
      "other jobs at 3 % over the minimum per year of related experience (at most 8, never above the maximum; on steps, the highest step at or below it)",
    );
  });

  it("reads the sheet as written by the pane: every value at its default", () => {
    const written = sheet(...POLICY_TABLE.map((p) => [p.name, p.value, p.label, p.explanation, p.source]));
    expect(parseRulesSheet(written)).toEqual({
      policy: Object.fromEntries(POLICY_TABLE.map((p) => [p.name, p.value])),
      overrides: [],
      notes: [],
    });
  });

  it("keeps the default for a blank value, and says so", () => {
    const read = parseRulesSheet(sheet(["COMP_REHIRE_WINDOW_MONTHS", null]));
    expect(read.policy.COMP_REHIRE_WINDOW_MONTHS).toBe(6);
    expect(read.notes).toEqual(["COMP_REHIRE_WINDOW_MONTHS is blank (row 2): the default 6 applies"]);
  });

  it.each([
    [
      [["COMP_EXPERIENCE_RAT", 0.03]],
      "Row 2: 'COMP_EXPERIENCE_RAT' is not a policy value (names: COMP_EXPERIENCE_RATE",
    ],
    [[["COMP_EXPERIENCE_RATE", 2.5]], "Row 2, COMP_EXPERIENCE_RATE: 2.5 is above 1: write a rate as 2.5% or 0.025"],
    [[["COMP_EXPERIENCE_RATE", "abc"]], "Row 2, COMP_EXPERIENCE_RATE: 'abc' is not a rate (2.5% or 0.025)"],
    [[["COMP_PAY_PERIODS", 26.5]], "Row 2, COMP_PAY_PERIODS: 26.5 is not a whole number"],
    [[["COMP_HALF_TIME_FTE", 0]], "Row 2, COMP_HALF_TIME_FTE: 0 is outside above 0–1 (fte)"],
    [[["COMP_OVERTIME_MULTIPLIER", 0.5]], "Row 2, COMP_OVERTIME_MULTIPLIER: 0.5 is outside 1–10 (multiplier)"],
    [[["COMP_SENIOR_GRADE", "10%"]], "Row 2, COMP_SENIOR_GRADE: '10%' is not a number"],
    [
      [
        ["COMP_SENIOR_GRADE", 27],
        ["COMP_SENIOR_GRADE", 28],
      ],
      "COMP_SENIOR_GRADE appears twice (rows 2 and 3)",
    ],
    [[[null, 5]], "Row 2 has a value but no Name"],
  ])("refuses a bad sheet, naming the row (%#)", (rows, message) => {
    expect(failure(() => parseRulesSheet(sheet(...(rows as CellValue[][])))).message).toContain(message);
  });

  it("names the rules table in the study's error", () => {
    expect(() => run({ candidates, rules: sheet(["NOPE", 1]) })).toThrow(InputTableError);
    expect(() => run({ candidates, rules: sheet(["NOPE", 1]) })).toThrow(expect.objectContaining({ input: "rules" }));
  });

  it("reads back any value within its bounds (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_TABLE), fc.double({ min: 0, max: 1, noNaN: true }), (entry, fraction) => {
        const bounds: Record<string, [number, number]> = {
          rate: [0, 1],
          years: [0, 60],
          grade: [0, 1000],
          hours: [1, 168],
          multiplier: [1, 10],
          periods: [1, 366],
          months: [0, 600],
          days: [0, 366],
          fte: [0.01, 1],
          "dollars per hour": [0, 10000],
        };
        const [lo, hi] = bounds[entry.unit];
        const whole = entry.unit === "grade" || entry.unit === "periods";
        const value = whole ? Math.round(lo + fraction * (hi - lo)) : lo + fraction * (hi - lo);
        expect(parseRulesSheet(sheet([entry.name, value])).policy[entry.name as PolicyName]).toBe(value);
      }),
    );
  });
});

describe("lane schedules as districts publish them", () => {
  it("reads the PEA schedule under a title row, with a footnote under it", () => {
    const read = parseLaneTables([
      ["PEA experience schedule, 197 days"],
      ...PEA_ROWS,
      [],
      ["* as published, typos kept"],
    ]);
    expect(read.schedules).toHaveLength(1);
    const [{ name, schedule }] = read.schedules;
    expect(name).toBe("Lane Schedule");
    expect(schedule.lanes).toEqual(["Bachelor's", "Master's", "Master's +30", "Doctorate"]);
    expect(schedule.steps).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(schedule.pay[30]).toEqual([60535, 65439, 68313, 70004]);
    expect(read.notes).toEqual(["lane schedules: row 35 ignored (no step and no pay: a footnote)"]);
  });

  it("holds several schedules in one table (plan filled down), each with the lanes it pays", () => {
    const read = parseLaneTables([
      ["Plan", "Step", "BA", "MA", "PhD"],
      ["Teachers 187", 0, 40000, 42000, null],
      [null, 1, 41000, 43000, null],
      ["Counselors", 0, null, 50000, 55000],
      [null, 1, null, 51000, 56000],
    ]);
    expect(read.schedules.map((s) => [s.name, s.schedule.lanes, s.schedule.steps])).toEqual([
      ["Teachers 187", ["BA", "MA"], [0, 1]],
      ["Counselors", ["MA", "PhD"], [0, 1]],
    ]);
  });

  it.each([
    [
      [
        ["Step", "BA"],
        [1, 100],
        [1, 110],
      ],
      "Row 3, column 1: step 1 does not follow step 1 (steps must increase)",
    ],
    [[["Step"], [1]], "The lane schedule has no lane columns (Bachelor's, Master's, …) beside the Step column"],
    [
      [
        ["Lane", "BA"],
        [1, 100],
      ],
      "Missing column 'Step'",
    ],
  ])("refuses an unusable table, naming the row (%#)", (rows, message) => {
    expect(failure(() => parseLaneTables(rows as CellValue[][])).message).toContain(message);
  });
});

describe("class-title-changes (4-2)", () => {
  const changes: CellValue[][] = [
    ["Made-up retitles"],
    ["Class Title", "Proposed Title", "Plan"],
    ["plumbing", "PLUMBING TEACHER", null],
    ["Plumbing", "Master Plumber", "Master"],
    ["Analyst", "Data Analyst", "technology"],
    ["Welder", "Fabricator", null],
    ["Electrician", "Electrical Technician", "Nope"],
    ["Analyst", "Other Analyst", "Technology"],
    [null, "Nothing", null],
  ];
  let result: StudyResult;
  beforeAll(() => {
    result = run({ "title-changes": changes });
  });

  it("counts employees by title, trimmed and case-insensitive, within the plan when given (one plan's change wins)", () => {
    expect(records(result, "class-title-changes")).toEqual([
      // E1 "Plumbing" and E2 " PLUMBING " (Hourly); E3 "plumbing" is in Master, whose own change wins.
      { Plan: "All plans", "Class Title": "plumbing", "Proposed Title": "PLUMBING TEACHER", Employees: 2 },
      { Plan: "Master", "Class Title": "Plumbing", "Proposed Title": "Master Plumber", Employees: 1 },
      // "Analyst" only, not "Analyst II".
      { Plan: "technology", "Class Title": "Analyst", "Proposed Title": "Data Analyst", Employees: 1 },
      { Plan: "All plans", "Class Title": "Welder", "Proposed Title": "Fabricator", Employees: 0 },
      { Plan: "Nope", "Class Title": "Electrician", "Proposed Title": "Electrical Technician", Employees: 0 },
      { Plan: "Technology", "Class Title": "Analyst", "Proposed Title": "Other Analyst", Employees: 0 },
      { Plan: "All plans", "Class Title": "", "Proposed Title": "Nothing", Employees: 0 },
      { Plan: "All", "Class Title": "Total", "Proposed Title": null, Employees: 4 },
    ]);
  });

  it("says why a change counts nobody", () => {
    expect(exhibit(result, "class-title-changes").notes).toEqual([
      "'Welder' → 'Fabricator' matches no employee (row 6).",
      "'Electrician' → 'Electrical Technician': plan 'Nope' is not in the pay plans (row 7).",
      "Not applied: row 8 repeats the change of 'Analyst' on row 5.",
      "Not applied: row 9 has no Class Title.",
    ]);
  });

  it("reads only tables with a Class Title and a Proposed Title", () => {
    expect(
      failure(() =>
        parseTitleChanges([
          ["Title", "Plan"],
          ["A", "B"],
        ]),
      ).message,
    ).toContain("Missing column 'Proposed Title'");
  });

  it("--apply-title-changes: job families count the proposed titles as their classes", () => {
    const classes = (r: StudyResult) => records(r, "job-families").map((row) => [row["Job Family"], row.Classes]);
    // Trades: Plumbing (E1, E2, E3 one title) and Electrician → 2 classes as they stand.
    expect(classes(run({ "title-changes": changes }))).toEqual([
      ["Technology", 2],
      ["Trades", 2],
      ["Total", 4],
    ]);
    // Applied: PLUMBING TEACHER (E1, E2), Master Plumber (E3), Electrician → 3; Data Analyst, Analyst II → 2.
    const applied = run({ "title-changes": changes }, { "apply-title-changes": true });
    expect(classes(applied)).toEqual([
      ["Technology", 2],
      ["Trades", 3],
      ["Total", 5],
    ]);
    expect(applied.summary.notes).toContain(
      "job families: classes are counted by their proposed titles (title changes applied)",
    );
    expect(exhibit(applied, "class-title-changes").notes).toContain(
      "Job Families counts these proposed titles as its classes (title changes applied).",
    );
  });

  it("--apply-title-changes without the table counts the roster's titles, with a note", () => {
    const result = run({}, { "apply-title-changes": true });
    expect(records(result, "job-families").at(-1)).toMatchObject({ Classes: 4 });
    expect(result.summary.notes).toContain(
      "title changes: no Title Changes table, so the job families count the roster's titles",
    );
  });
});
