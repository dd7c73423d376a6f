/**
 * Lane schedules as pay plans of the study (issue 16, item 6) and the pay-vs-schedule exhibit
 * (item 7), on the published Portland PEA experience schedule (test/golden): a roster row with a
 * Lane is placed on it like any grade; every exhibit that reads the plans sees each lane as a
 * step grade (minimum = first step, maximum = last); the schedule audit covers the lanes.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { CellValue } from "../../src/engine/cells";
import { lanePayPlan, parseLaneTables, parseRoster, withLaneSchedules, parsePayPlans } from "../../src/engine/study";
import type { StudyResult } from "../../src/exhibits/spec/types";
import { exhibitOf as exhibit, recordsOf as records, studyOf } from "./helpers";

const PEA_ROWS = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));
const LANES: CellValue[][] = [
  ["Plan", ...PEA_ROWS[0]],
  ...PEA_ROWS.slice(1).map((cells) => ["PEA Experience", ...cells.map(Number)]),
];

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Minimum", "Maximum"],
  ["Hourly", "H1", 12, 13, 14, null, null],
  ["Master", "27", null, null, null, 52000, 78000],
];

const HEADER = ["Employee ID", "Plan", "Grade", "Lane", "Step", "Salary", "Hire Date"];
const ROSTER: CellValue[][] = [
  HEADER,
  // On the published schedule: Master's step 8 = 49,713; Bachelor's step 1 = 35,509.
  ["T1", "PEA Experience", null, "Master's", 8, 49713, "2005-08-15"],
  ["T2", "PEA Experience", null, "Bachelor's", 1, 35509, "2012-08-15"],
  // Off their step: paid 48,000 at Master's step 8 (49,713).
  ["T3", "PEA Experience", null, "Master's", 8, 48000, "2005-08-15"],
  // No Step: Doctorate 50,000 lies between step 5 (49,037) and step 6 (50,389).
  ["T4", "PEA Experience", null, "Doctorate", null, 50000, "2008-08-15"],
  // The lane given in Grade under the lane schedule's name.
  ["T5", "PEA Experience", "Master's +30", null, 2, 42273, "2011-08-15"],
  ["H1a", "Hourly", "H1", null, 2, 13, "2010-01-01"],
  ["H1b", "Hourly", "H1", null, null, 12, "2010-01-01"],
  ["M1", "Master", "27", null, null, 60000, "2010-01-01"],
  ["X1", "PEA Experience", null, "Master's +60", 3, 45000, "2010-01-01"],
];

function run(roster: CellValue[][] = ROSTER, options: Record<string, string> = {}, lanes = LANES): StudyResult {
  return studyOf({ plans: PLANS, roster, asOf: "2013-04-01", tables: { lanes }, options });
}

describe("lane schedules are pay plans of the study", () => {
  const result = run();

  it("each lane is a grade of its plan: minimum = first step, maximum = last step, with its employees", () => {
    const rows = records(result, "pay-plan-summary").filter((r) => r.Plan === "PEA Experience");
    expect(rows.map((r) => [r.Grade, r.Minimum, r.Maximum, r.Steps, r.Employees])).toEqual([
      ["Bachelor's", 35509, 60535, 31, 1],
      ["Master's", 38891, 65439, 31, 2],
      ["Master's +30", 40582, 68313, 31, 1],
      ["Doctorate", 42273, 70004, 31, 1],
      ["Total", null, null, null, 5],
    ]);
    expect(result.summary).toMatchObject({ plans: 3, grades: 6, employees: 8, unmatched: 1 });
  });

  it("places a roster row by its Lane (Grade blank) or by its Grade under the schedule's name", () => {
    const placement = records(result, "grade-placement").filter((r) => r.Plan === "PEA Experience");
    expect(placement.map((r) => [r.Grade, r.Employees])).toEqual([
      ["Bachelor's", 1],
      ["Master's", 2],
      ["Master's +30", 1],
      ["Doctorate", 1],
      ["Total", 5],
    ]);
    const unmatched = records(result, "unmatched-employees");
    expect(unmatched).toEqual([
      {
        "Employee ID": "X1",
        Plan: "PEA Experience",
        Grade: "Master's +60",
        Reason: "Row 10: Grade 'Master's +60' is not in plan 'PEA Experience'",
      },
    ]);
  });

  it("a roster without a Grade column is read when it has a Lane column; a row with neither is listed", () => {
    const roster = parseRoster([
      ["Teachers on the PEA lanes"],
      ["Employee ID", "Plan", "Lane", "Salary"],
      ["T1", "PEA Experience", "Master's", 49713],
      ["T2", "PEA Experience", null, 49713],
    ]);
    expect(roster.employees.map((e) => [e.id, e.grade])).toEqual([["T1", "Master's"]]);
    expect(roster.headerRow).toBe(2);
    expect(roster.problems.map((p) => p.reason)).toEqual(["Row 4: Grade and Lane are blank"]);
  });

  it("the cost methods see lanes as step grades: the years method on a lane (adjust 0 %)", () => {
    const costed = run(ROSTER, { adjust: "0%", "cost-method": "years" });
    const detail = records(costed, "implementation-detail").find((r) => r["Employee ID"] === "T2");
    // Hired 2012-08-15, 0 completed years at 2013-04-01: the first step of Bachelor's, 35,509.
    expect(detail).toMatchObject({ Plan: "PEA Experience", Grade: "Bachelor's", "New Pay": 35509 });
  });
});

describe("the schedule audit covers lane schedules", () => {
  const audit = (lanes: CellValue[][]) =>
    records(run(ROSTER, {}, lanes), "schedule-audit").filter((r) => r.Plan === "PEA Experience");

  it("flags the PEA Bachelor's step 21 (57,661 → 57,675, +$14) — that step, not its neighbours", () => {
    const found = audit(LANES);
    expect(found).toEqual([
      {
        Plan: "PEA Experience",
        Grade: "Bachelor's",
        Step: 21,
        Severity: "Warning",
        Message: "Step 21 rises by $14, against a usual step increase of $1,353",
      },
    ]);
  });

  it("flags a decrease and a lane paying less than the lane to its left at the same step", () => {
    const typo = LANES.map((row) => [...row]);
    typo[10][3] = 48000; // Master's step 10: 48,000 after step 9's 51,066, and below Bachelor's 48,698
    const found = audit(typo);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Grade: "Master's",
          Step: 10,
          Severity: "Error",
          Message: "Step 10 ($48,000) is lower than step 9 ($51,066)",
        }),
        expect.objectContaining({
          Grade: "Master's",
          Step: 10,
          Severity: "Warning",
          Message: "Step 10 of lane 'Master's' ($48,000) pays less than lane 'Bachelor's' to its left ($48,698)",
        }),
      ]),
    );
    expect(found.every((f) => f.Grade === "Master's" || (f.Grade === "Bachelor's" && f.Step === 21))).toBe(true);
  });

  it("a lane schedule named like a pay plan is left out, with an audit error", () => {
    const lanes = parseLaneTables([
      ["Plan", "Step", "BA"],
      ["Master", 1, 40000],
      ["Master", 2, 41000],
    ]);
    const plans = withLaneSchedules(parsePayPlans(PLANS), lanes);
    expect(plans.plans.map((p) => p.name)).toEqual(["Hourly", "Master"]);
    expect(plans.findings).toContainEqual({
      plan: "Master",
      grade: "",
      step: null,
      severity: "error",
      message:
        "Lane schedule 'Master' has the name of a pay plan: its lanes are left out of the study's grades (rename one)",
    });
  });

  it("steps a table skips take the row below, and a table labelled by years keeps its numbers", () => {
    const [table] = parseLaneTables([
      ["Years", "AP", "Dean"],
      [0, 60000, 58000],
      [1, 61500, 59400],
      [3, 64500, 62200],
    ]).schedules;
    const plan = lanePayPlan(table);
    expect(plan.stepHeaders).toEqual(["Step 0", "Step 1", "Step 2", "Step 3"]);
    expect(plan.grades.map((g) => [g.grade, g.steps, g.min, g.max, g.kind])).toEqual([
      ["AP", [60000, 61500, 61500, 64500], 60000, 64500, "steps"],
      ["Dean", [58000, 59400, 59400, 62200], 58000, 62200, "steps"],
    ]);
  });
});

describe("pay-vs-schedule (3-9): every employee on a step grade on their step or listed", () => {
  const result = run();

  it("has the issue's columns and lists each employee off their step, with the plan totals", () => {
    const ex = exhibit(result, "pay-vs-schedule");
    expect(ex.number).toBe("3-9");
    expect(ex.columns.map((c) => c.name)).toEqual([
      "Employee ID",
      "Plan",
      "Grade",
      "Step",
      "Salary",
      "Schedule Pay",
      "Difference",
      "Finding",
    ]);
    expect(ex.rows.map((r) => r.values)).toEqual([
      [null, "Hourly", "Total", null, null, null, null, "0 employees off their step, 2 employees on it"],
      ["T3", "PEA Experience", "Master's", 8, 48000, 49713, -1713, "paid 48,000 at step 8, whose pay is 49,713"],
      [
        "T4",
        "PEA Experience",
        "Doctorate",
        5,
        50000,
        49037,
        963,
        "paid 50,000, between steps 5 and 6 (49,037 and 50,389)",
      ],
      [null, "PEA Experience", "Total", null, null, null, null, "2 employees off their step, 3 employees on it"],
      [null, "All", "Total", null, null, null, null, "2 employees off their step, 5 employees on it"],
    ]);
    expect(ex.notes?.[0]).toBe(
      "Reconciliation: 7 active employees on step grades = 2 listed here + 5 on their step; 1 employee on pay ranges (no steps to check), 1 roster row not placed (listed in Unmatched Employees) and 0 separated employees are not checked.",
    );
  });

  it("below the first step, above the top step, past the top step, a step not on the schedule", () => {
    const roster: CellValue[][] = [
      HEADER,
      ["A", "Hourly", "H1", null, null, 11.5, "2010-01-01"],
      ["B", "Hourly", "H1", null, null, 14.5, "2010-01-01"],
      ["C", "Hourly", "H1", null, 5, 14, "2010-01-01"],
      ["D", "Hourly", "H1", null, 5, 13, "2010-01-01"],
      ["E", "Hourly", "H1", null, 0, 12, "2010-01-01"],
      ["F", "Hourly", "H1", null, 2.5, 13, "2010-01-01"],
    ];
    const found = records(run(roster), "pay-vs-schedule").filter((r) => r["Employee ID"] !== null);
    expect(found.map((r) => [r["Employee ID"], r.Step, r["Schedule Pay"], r.Difference, r.Finding])).toEqual([
      ["A", 1, 12, -0.5, "paid 11.50, below step 1 (the first), whose pay is 12.00"],
      ["B", 3, 14, 0.5, "paid 14.50, above step 3 (the top), whose pay is 14.00"],
      ["D", 5, 14, -1, "paid 13.00 at step 5, whose pay is 14.00 (the top step, 3, holds)"],
      ["E", 0, null, null, "paid 12.00 at step 0, which is not on the schedule (steps 1–3)"],
      ["F", 2.5, null, null, "paid 13.00 at step 2.5, which is not a whole step (steps 1–3)"],
    ]);
  });

  it("reconciles for any roster: findings + on their step = employees on step grades", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            lane: fc.constantFrom("Bachelor's", "Master's", "Doctorate"),
            step: fc.option(fc.integer({ min: 0, max: 35 }), { nil: null }),
            salary: fc.integer({ min: 30000, max: 75000 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        (people) => {
          const roster: CellValue[][] = [
            HEADER,
            ...people.map((p, i) => [`E${i}`, "PEA Experience", null, p.lane, p.step, p.salary, "2010-01-01"]),
          ];
          const ex = exhibit(run(roster), "pay-vs-schedule");
          const listed = ex.rows.filter((r) => r.kind === "detail");
          const total = ex.rows[ex.rows.length - 1].values[7] as string;
          const [off, on] = [...total.matchAll(/(\d+) employees? /g)].map((m) => Number(m[1]));
          expect(off).toBe(listed.length);
          expect(off + on).toBe(people.length);
          for (const row of listed) {
            const [, , , , salary, pay, difference] = row.values as (number | null)[];
            // Whole-dollar salaries and pays: the difference is exact.
            if (pay !== null) expect(difference).toBe((salary as number) - pay);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
