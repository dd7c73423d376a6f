/**
 * What the task pane's one-person form runs on, in the engine: placementContext (the schedules
 * and policy read from the tables the pane chose, as the placements exhibit reads them),
 * candidateInputs (which numbers an action and job type read), readCandidateNumber (the form's
 * and the table's validation), and candidateRecord + recordCells ("Write to row": a candidate
 * as a new row under a Candidates header, read back by the same parser).
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { CellValue } from "../../src/engine/cells";
import { POLICY } from "../../src/engine/policy";
import {
  ACTIONS,
  CANDIDATE_DATES,
  CANDIDATE_FIELDS,
  CANDIDATE_NUMBERS,
  CANDIDATE_TEXTS,
  InputTableError,
  JOB_TYPES,
  candidateInputs,
  candidateRecord,
  decidePlacement,
  parseCandidates,
  placementContext,
  placementScale,
  readCandidateNumber,
  recordCells,
  type Candidate,
  type CandidateEntry,
  type InputTable,
} from "../../src/engine/study";
import { codeLabel } from "../../src/engine/study/families/actions";
import { failure, thrown } from "../engine/helpers";
import { studyOf } from "./helpers";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Minimum", "Maximum"],
  ["Master", "27", null, null, null, null, null, 52000, 78000],
  ["Technology", "T9", null, null, null, null, null, 64000, 96000],
  ["Hourly", "H1", 12, 12.5, 13, 13.5, 14, null, null],
  ["Teachers", "TN1", 40000, 41000, 42000, 43000, 44000, null, null],
];

/** The Portland 2013 PEA experience schedule, 197 days (test/golden), as a Lane Schedules table named "PEA". */
const PEA_ROWS = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));
const LANES: CellValue[][] = [["Plan", ...PEA_ROWS[0]], ...PEA_ROWS.slice(1).map((cells) => ["PEA", ...cells])];

const RULES: CellValue[][] = [
  ["Name", "Value", "Rule"],
  ["COMP_EXPERIENCE_RATE", "3%", "Experience rate"],
  ["COMP_REHIRE_WINDOW_MONTHS", 3, "Rehire window"],
];

const table = (rows: CellValue[][], source: string, mapping?: Record<string, string>): InputTable => ({
  rows,
  source,
  ...(mapping ? { mapping } : {}),
});

describe("placementContext: the tables the pane chose, read as the placements exhibit reads them", () => {
  it("pay plans alone: the HISD defaults, no lane schedule", () => {
    const context = placementContext({ plans: table(PLANS, "Plans!A1:I5") });
    expect(context.schedules.plans.map((plan) => plan.name)).toEqual(["Master", "Technology", "Hourly", "Teachers"]);
    expect(context.schedules.lanes).toEqual([]);
    expect(context.policy).toEqual(POLICY);
    expect(context.notes).toEqual(["Rules: the HISD defaults (no COMP Rules sheet)."]);
    // 2.5 % × 6 years: 52,000 × (1 + 0.025 × 6) = 52,000 × 1.15 = 59,800.
    expect(
      decidePlacement(context.schedules, { action: "hire", plan: "Master", grade: "27", years: 6 }, context.policy)
        .salary,
    ).toBe(59800);
  });

  it("lanes and the COMP Rules sheet: a teacher on the PEA lanes, and the workbook's rate", () => {
    const context = placementContext({
      plans: table(PLANS, "Plans!A1:I5"),
      lanes: table(LANES, "Lanes!A1:F32"),
      rules: table(RULES, "'COMP Rules'!A1:C3"),
      // Tables the placement does not read are ignored (the pane passes all it has).
      roster: table([["nothing"]], "Roster!A1"),
    });
    expect(context.schedules.lanes?.map((t) => [t.name, t.schedule.lanes])).toEqual([
      ["PEA", ["Bachelor's", "Master's", "Master's +30", "Doctorate"]],
    ]);
    expect(context.policy.COMP_EXPERIENCE_RATE).toBe(0.03);
    expect(context.notes).toEqual([
      "Rules: the COMP Rules sheet ('COMP Rules'!A1:C3): COMP_EXPERIENCE_RATE = 0.03 (default 0.025), COMP_REHIRE_WINDOW_MONTHS = 3 (default 6).",
      "Lane schedules (Lanes!A1:F32): PEA (Bachelor's, Master's, Master's +30, Doctorate).",
    ]);
    const teacher = decidePlacement(
      context.schedules,
      { action: "hire", jobType: "teacher", plan: "PEA", lane: "Master's", years: 7 },
      context.policy,
    );
    // The published schedule: Master's, 7 years = step 8 = 49,713; a teacher on a schedule needs no approval.
    expect(teacher).toMatchObject({ step: 8, salary: 49713, approval: "schedule" });
    // 3 % × 6 years: 52,000 × (1 + 0.03 × 6) = 52,000 × 1.18 = 61,360.
    const other = decidePlacement(
      context.schedules,
      { action: "hire", plan: "Master", grade: "27", years: 6 },
      context.policy,
    );
    expect(other).toMatchObject({ salary: 61360, rule: "3 % × 6 years over the minimum 52,000" });
  });

  it("decides exactly as the placements exhibit does on the same tables", () => {
    const candidates: CellValue[][] = [
      ["Candidate", "Action", "Job Type", "Plan", "Grade", "Lane", "Years", "Current Salary", "Months Away"],
      ["Ann", "hire", "teacher", "PEA", null, "Doctorate", 3, null, null],
      ["Ben", "rehire", "other", "Master", "27", null, 2, 60000, 4],
    ];
    const result = studyOf({
      plans: PLANS,
      roster: [
        ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
        ["E1", "Master", "27", 60000, "2010-01-01"],
      ],
      asOf: "2013-04-01",
      tables: { lanes: LANES, rules: RULES, candidates },
      exhibits: ["placements"],
    });
    const rows = result.exhibits[0].rows.map((row) => row.values.slice(5, 9));
    const context = placementContext({
      plans: table(PLANS, "p"),
      lanes: table(LANES, "l"),
      rules: table(RULES, "r"),
    });
    const decided = parseCandidates(candidates).map((row) => {
      const d = decidePlacement(context.schedules, row.candidate as Candidate, context.policy);
      return [d.step, d.salary, codeLabel(d.approval), d.rule];
    });
    expect(decided).toEqual(rows);
    expect(rows.map((values) => values[2])).toEqual(["On the schedule", "Chief HR officer"]);
    // Ben: 4 months away is past the sheet's 3-month window, so a new hire at 3 % × 2 years:
    // 52,000 × 1.06 = 55,120.
    expect(decided[1][1]).toBe(55120);
    // Ann: Doctorate, 3 years = step 4 = 47,345 (published).
    expect(decided[0].slice(0, 2)).toEqual([4, 47345]);
  });

  it("names the table a problem comes from", () => {
    const bad = [
      ["Name", "Value"],
      ["COMP_EXPERIENCE_RATE", "25"],
    ];
    const error = thrown(() => placementContext({ plans: table(PLANS, "p"), rules: table(bad, "r") }));
    expect(error).toBeInstanceOf(InputTableError);
    expect(error).toMatchObject({ input: "rules" });
    expect(error.message).toBe("Row 2, COMP_EXPERIENCE_RATE: 25 is above 1: write a rate as 25% or 0.25");
  });
});

describe("candidateInputs: the numbers each action and job type reads", () => {
  const fields = (action: (typeof ACTIONS)[number], jobType: (typeof JOB_TYPES)[number]) =>
    candidateInputs(action, jobType).map((input) => `${input.field}:${input.need}`);

  it.each([
    ["hire", "teacher", ["years:required", "requestedSalary:optional"]],
    ["hire", "nurse", ["years:required", "otherYears:optional", "requestedSalary:optional"]],
    ["hire", "other", ["years:required", "requestedSalary:optional"]],
    [
      "hire",
      "speech therapist",
      ["years:required", "otherYears:optional", "internshipYears:optional", "requestedSalary:optional"],
    ],
    ["hire", "custodian", ["years:required", "requestedSalary:optional"]],
    [
      "promotion",
      "other",
      [
        "years:optional",
        "previousGrade:optional",
        "currentSalary:optional",
        "promotionPct:optional",
        "requestedSalary:optional",
      ],
    ],
    [
      "promotion",
      "speech therapist",
      [
        "years:required",
        "otherYears:optional",
        "internshipYears:optional",
        "previousGrade:optional",
        "currentSalary:optional",
        "requestedSalary:optional",
      ],
    ],
    [
      "rehire",
      "other",
      [
        "years:depends",
        "currentSalary:depends",
        "monthsAway:depends",
        "separationDate:depends",
        "rehireDate:depends",
        "previousJobCode:depends",
        "jobCode:depends",
        "previousGrade:depends",
        "requestedSalary:optional",
      ],
    ],
    ["transfer", "nurse", ["previousGrade:optional", "currentSalary:required", "requestedSalary:optional"]],
    ["demotion", "other", ["previousGrade:optional", "currentSalary:required", "requestedSalary:optional"]],
    [
      "change in months",
      "librarian",
      [
        "previousGrade:optional",
        "currentSalary:required",
        "currentDays:required",
        "newDays:required",
        "requestedSalary:optional",
      ],
    ],
  ] as const)("%s, %s", (action, jobType, expected) => {
    expect(fields(action, jobType)).toEqual(expected);
  });

  it("says what each is for with the policy's values", () => {
    const hints = (policy = POLICY) =>
      Object.fromEntries(candidateInputs("rehire", "other", policy).map((input) => [input.field, input.use]));
    expect(hints()).toEqual({
      years:
        "After 6 months away, or in another job code and grade, placed as a new hire: the related years, 2.5 % over the minimum each (at most 10).",
      currentSalary: "The last salary, paid again within 6 months in the same job or grade.",
      monthsAway:
        "Since the last day: within 6, the last salary; later, placed as a new hire. Blank: counted from the two dates.",
      separationDate: "The last day of employment, when Months Away is blank.",
      rehireDate:
        "The day back, when Months Away is blank: within 6 calendar months of the last day (that day included).",
      previousJobCode: "The job code left: back in the same job code (or grade), the last salary.",
      jobCode: "The new job's code, compared with the one left.",
      previousGrade: "The grade left: back in the same grade (or job code), the last salary.",
      requestedSalary: "An offer to check: its approval is decided instead.",
    });
    const sheet = { ...POLICY, COMP_REHIRE_WINDOW_MONTHS: 3, COMP_EXPERIENCE_RATE: 0.03 };
    expect(hints(sheet).years).toBe(
      "After 3 months away, or in another job code and grade, placed as a new hire: the related years, 3 % over the minimum each (at most 10).",
    );
    expect(candidateInputs("hire", "nutrition")[0].use).toBe(
      "The related years, 2.5 % over the minimum each (at most 10), only in a grade above 19.",
    );
    expect(candidateInputs("rehire", "other").map((input) => input.kind)).toEqual([
      "number",
      "number",
      "number",
      "date",
      "date",
      "text",
      "text",
      "text",
      "number",
    ]);
  });

  // Each scale with salaries in its own unit (a salary in another unit is refused by the rules).
  const SCALES = [
    { plan: "Master", grade: "27", low: 52000 },
    { plan: "Hourly", grade: "H1", low: 12 },
    { plan: "Teachers", grade: "TN1", low: 40000 },
    { plan: "PEA", lane: "Master's", low: 38891 },
  ];
  const context = placementContext({ plans: table(PLANS, "p"), lanes: table(LANES, "l") });
  const decide = (candidate: Candidate) => {
    const d = decidePlacement(context.schedules, candidate);
    return { step: d.step, salary: d.salary, approval: d.approval, rule: d.rule, problem: d.problem };
  };
  const arbitraryCandidate = fc.record({
    scale: fc.constantFrom(...SCALES),
    action: fc.constantFrom(...ACTIONS),
    jobType: fc.constantFrom(...JOB_TYPES),
    years: fc.integer({ min: 0, max: 15 }),
    otherYears: fc.integer({ min: 0, max: 15 }),
    current: fc.double({ min: 0.8, max: 1.3, noNaN: true }),
    monthsAway: fc.integer({ min: 0, max: 12 }),
    promotionPct: fc.double({ min: 0, max: 0.2, noNaN: true }),
    requested: fc.option(fc.double({ min: 0.9, max: 1.3, noNaN: true })),
    internshipYears: fc.integer({ min: 0, max: 5 }),
    previousGrade: fc.constantFrom("27", "T8", "H1", "20"),
    jobCode: fc.constantFrom("J1", "J2"),
    previousJobCode: fc.constantFrom("J1", "J2"),
    separated: fc.integer({ min: 15_000, max: 20_000 }),
    away: fc.integer({ min: 0, max: 400 }),
    currentDays: fc.integer({ min: 150, max: 260 }),
    newDays: fc.integer({ min: 150, max: 260 }),
  });
  type Drawn = typeof arbitraryCandidate extends fc.Arbitrary<infer T> ? T : never;
  const full = (c: Drawn): Candidate => ({
    action: c.action,
    jobType: c.jobType,
    plan: c.scale.plan,
    grade: c.scale.grade,
    lane: c.scale.lane,
    years: c.years,
    otherYears: c.otherYears,
    currentSalary: Math.round(c.scale.low * c.current * 100) / 100,
    monthsAway: c.monthsAway,
    promotionPct: c.promotionPct,
    requestedSalary: c.requested === null ? null : Math.round(c.scale.low * c.requested * 100) / 100,
    internshipYears: c.internshipYears,
    previousGrade: c.previousGrade,
    jobCode: c.jobCode,
    previousJobCode: c.previousJobCode,
    separationDate: c.separated,
    rehireDate: c.separated + c.away,
    currentDays: c.currentDays,
    newDays: c.newDays,
  });

  it("a number it leaves out changes neither the step, the salary, the approval nor the rule", () => {
    fc.assert(
      fc.property(arbitraryCandidate, (c) => {
        const candidate = full(c);
        const read = new Set(candidateInputs(candidate.action, candidate.jobType).map((input) => input.field));
        const only: Candidate = { ...candidate };
        for (const field of [...CANDIDATE_NUMBERS, ...CANDIDATE_TEXTS, ...CANDIDATE_DATES])
          if (!read.has(field)) (only as Record<CandidateEntry, number | string | null>)[field] = null;
        expect(decide(only)).toEqual(decide(candidate));
      }),
    );
  });

  it("a required number left blank stops the decision; an optional one never does", () => {
    fc.assert(
      fc.property(arbitraryCandidate, (c) => {
        const candidate = full(c);
        if (decide(candidate).salary === null) return;
        for (const input of candidateInputs(candidate.action, candidate.jobType)) {
          const without = decide({ ...candidate, [input.field]: null });
          if (input.need === "required") expect(without.salary).toBeNull();
          if (input.need === "optional") expect(without.salary).not.toBeNull();
        }
      }),
    );
  });

  it("a rehire's years matter after the window and its last salary within it", () => {
    const rehire = { action: "rehire", plan: "Master", grade: "27", years: 2, currentSalary: 60000 } as const;
    // Within 6 months: the last salary; without it, no decision.
    expect(decide({ ...rehire, monthsAway: 6 }).salary).toBe(60000);
    expect(decide({ ...rehire, monthsAway: 6, currentSalary: null }).problem?.message).toMatch(
      /^Current Salary \(the last salary\) is missing/,
    );
    // At 7 months: a new hire, 52,000 × (1 + 2.5 % × 2) = 54,600; without years, no decision.
    expect(decide({ ...rehire, monthsAway: 7 }).salary).toBe(54600);
    expect(decide({ ...rehire, monthsAway: 7, years: null }).problem?.message).toMatch(/^Years is missing/);
  });
});

describe("placementScale: the pay of the grade or lane chosen, for the form's hint", () => {
  const { schedules } = placementContext({ plans: table(PLANS, "p"), lanes: table(LANES, "l") });
  it.each([
    [
      { plan: "Master", grade: "27" },
      { kind: "range", min: 52000, max: 78000, unit: "annual", cents: false },
    ],
    [
      { plan: "Hourly", grade: "h1" },
      { kind: "steps", steps: 5, min: 12, max: 14, unit: "hourly", cents: true },
    ],
    // The published PEA schedule: Master's from 38,891 (step 1) to 65,439 (step 31).
    [
      { plan: "PEA", lane: "Master's" },
      { kind: "steps", steps: 31, min: 38891, max: 65439, unit: "annual", cents: false },
    ],
  ] as const)("%j", (place, expected) => {
    expect(placementScale(schedules, place)).toEqual(expected);
  });

  it("none for what the schedules do not have", () => {
    expect(placementScale(schedules, { plan: "Master", grade: "99" })).toBeUndefined();
    expect(placementScale(schedules, { plan: "PEA", lane: "Master's +60" })).toBeUndefined();
  });
});

describe("the rule cited: the manual's sections each decision applied", () => {
  const context = placementContext({ plans: table(PLANS, "p"), lanes: table(LANES, "l") });
  const master = { plan: "Master", grade: "27" } as const;
  it.each([
    [{ action: "hire", ...master, years: 6 }, "II.A.1.e"],
    [{ action: "hire", jobType: "teacher", plan: "PEA", lane: "Master's", years: 7 }, "II.A.1.a"],
    [{ action: "hire", jobType: "nurse", plan: "Teachers", grade: "TN1", years: 1, otherYears: 2 }, "II.A.1.b"],
    [{ action: "promotion", ...master, years: 2, currentSalary: 60000, promotionPct: 0.05 }, "II.B.1, II.A.1.e"],
    [{ action: "promotion", ...master, years: 2 }, "II.B.1, II.A.1.e"],
    [{ action: "rehire", ...master, monthsAway: 6, currentSalary: 60000 }, "II.A.1.f"],
    [{ action: "rehire", jobType: "teacher", plan: "PEA", lane: "2", monthsAway: 7, years: 3 }, "II.A.1.f, II.A.1.a"],
    [{ action: "transfer", ...master, currentSalary: 60000 }, "terminology 31"],
  ] as [Candidate, string][])("%j → %s", (candidate, sections) => {
    const d = decidePlacement(context.schedules, candidate, context.policy);
    expect(d.citation).toBe(`HISD compensation manual 2019–20, ${sections}`);
  });

  it("none for a candidate that cannot be decided", () => {
    expect(decidePlacement(context.schedules, { action: "hire", ...master }).citation).toBe("");
  });
});

describe("readCandidateNumber: the Candidates table's reading, with its messages", () => {
  it.each([
    ["promotionPct", "8%", 0.08],
    ["promotionPct", 0.08, 0.08],
    ["promotionPct", " 12.5 % ", 0.125],
    ["years", "7", 7],
    ["currentSalary", "$ 45,000.50", 45000.5],
    ["monthsAway", "", null],
    ["requestedSalary", null, null],
  ] as const)("%s %p → %p", (field, cell, expected) => {
    expect(readCandidateNumber(field, cell)).toBe(expected);
  });

  it.each([
    ["years", "six", "Years is not a number: 'six'"],
    ["otherYears", true, "Other Years is not a number: TRUE"],
    ["currentSalary", "45k", "Current Salary is not a number: '45k'"],
    ["promotionPct", "eight%", "Promotion % is not a percentage: 'eight%'"],
  ] as const)("refuses %s %p: %s", (field, cell, message) => {
    expect(failure(() => readCandidateNumber(field, cell)).message).toBe(message);
  });
});

describe("Write to row: candidateRecord and recordCells", () => {
  const HEADER = CANDIDATE_FIELDS.map((spec) => spec.label);

  it("puts each value under its column, null elsewhere, below a title row and in any column order", () => {
    const rows: CellValue[][] = [
      ["Made-up candidates", null, null, null, null, null],
      ["Notes", "Name", "Type", "Grade", "Action", "Years"],
      [null, "Ann", "other", "27", "hire", 6],
    ];
    const record = candidateRecord(" Bo Li ", { action: "hire", jobType: "teacher", grade: "TN1", years: 3 });
    expect(record).toEqual({ candidate: "Bo Li", action: "hire", jobType: "teacher", grade: "TN1", years: 3 });
    expect(recordCells(table(rows, "t"), CANDIDATE_FIELDS, record)).toEqual([
      null,
      "Bo Li",
      "teacher",
      "TN1",
      "hire",
      3,
    ]);
  });

  it("follows the mapping chosen on Data", () => {
    const rows: CellValue[][] = [["Person", "Action", "Grade", "Exp"]];
    const cells = recordCells(table(rows, "t", { Candidate: "Person", Years: "Exp" }), CANDIDATE_FIELDS, {
      candidate: "Ann",
      action: "hire",
      grade: "27",
      years: 6,
    });
    expect(cells).toEqual(["Ann", "hire", "27", 6]);
  });

  it("refuses a value without a column, and a table without its required columns, naming them", () => {
    const rows: CellValue[][] = [["Candidate", "Action", "Grade", "Years"]];
    expect(
      failure(() =>
        recordCells(table(rows, "t"), CANDIDATE_FIELDS, {
          candidate: "Kim",
          action: "rehire",
          grade: "27",
          monthsAway: 4,
          currentSalary: 60000,
        }),
      ).message,
    ).toBe(
      "Missing column 'Current Salary' (looked for: Current Salary, Last Salary, Present Salary, Salary, Current Pay); " +
        "Missing column 'Months Away' (looked for: Months Away, Months Since Separation, Months Gone, Months): " +
        "add the columns to the header row, then add the row again",
    );
    expect(
      failure(() => recordCells(table([["Name", "Grade"]], "t"), CANDIDATE_FIELDS, { candidate: "Kim" })).message,
    ).toMatch(/^Missing column 'Action' \(looked for: .*\): add the column to the header row/);
    expect(failure(() => recordCells(table([[null, ""]], "t"), CANDIDATE_FIELDS, {})).message).toBe(
      "The table is empty: it needs its header row before a row is added",
    );
  });

  it("refuses a candidate without a name", () => {
    expect(failure(() => candidateRecord("  ", { action: "hire" })).message).toBe(
      "Candidate is blank: give the person's name or id",
    );
  });

  it("a row written is read back as the same candidate (any action, job type and numbers)", () => {
    const number = fc.option(fc.double({ min: 0, max: 200000, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((s) => s.trim() !== "" && !/[\u00ad\u200b-\u200f\u2060\ufeff]/.test(s)),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...JOB_TYPES),
        fc.constantFrom("Master", "PEA", ""),
        fc.constantFrom("27", "TN1", ""),
        fc.constantFrom("Master's", ""),
        fc.array(number, { minLength: 9, maxLength: 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.constantFrom("27", "J-1", " t8 ", null), { minLength: 3, maxLength: 3 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: null }), { minLength: 2, maxLength: 2 }),
        (name, action, jobType, plan, grade, lane, numbers, pct, codes, dates) => {
          const [
            years,
            otherYears,
            currentSalary,
            monthsAway,
            ,
            requestedSalary,
            internshipYears,
            currentDays,
            newDays,
          ] = numbers;
          const [previousGrade, jobCode, previousJobCode] = codes.map((code) => (code === null ? null : code.trim()));
          const candidate: Candidate = {
            action,
            jobType,
            plan,
            grade,
            lane,
            years,
            otherYears,
            currentSalary,
            monthsAway,
            promotionPct: numbers[4] === null ? null : pct,
            requestedSalary,
            internshipYears,
            previousGrade,
            jobCode,
            previousJobCode,
            separationDate: dates[0],
            rehireDate: dates[1],
            currentDays,
            newDays,
          };
          const rows: CellValue[][] = [HEADER, ["Ann", "hire", "other", "Master", "27", null, 6]];
          const cells = recordCells(table(rows, "t"), CANDIDATE_FIELDS, candidateRecord(name, candidate));
          expect(cells).toHaveLength(HEADER.length);
          const read = parseCandidates([...rows, cells]);
          expect(read[1].problems).toEqual([]);
          expect(read[1].name).toBe(candidateRecord(name, candidate).candidate);
          expect(read[1].candidate).toEqual(candidate);
        },
      ),
    );
  });
});
