/** Counting rules of every exhibit on hand-made rosters (Portland 2013 study, chapter 3). */
import { PAY_UNITS, parsePayPlans, parseRoster } from "../../src/engine/study";
import { studyOf } from "./helpers";
import fc from "fast-check";
import { isBlank, type CellValue } from "../../src/engine/cells";
import { EngineError } from "../../src/engine/errors";
import type { Exhibit, ExhibitId, StudyResult } from "../../src/exhibits/spec/types";

// One hourly grade 10..20 (midpoint 15, quarters at 12.5 / 15 / 17.5) and one annual grade.
const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Hourly", "H1", 10, 15, 20],
  ["Hourly", "H2", 20, 25, 30],
  ["Annual", "A1", 40000, 50000, 60000],
];

function study(rows: CellValue[][], asOf = "2013-07-01"): StudyResult {
  const roster = [["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"], ...rows];
  return studyOf({ plans: PLANS, roster, asOf });
}

function exhibit(result: StudyResult, id: ExhibitId): Exhibit {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

/** The row of a plan/grade as a record keyed by column name. */
function row(result: StudyResult, id: ExhibitId, plan: string, grade: string): Record<string, unknown> {
  const ex = exhibit(result, id);
  const found = ex.rows.find((r) => r.values[0] === plan && r.values[1] === grade);
  if (!found) throw new Error(`no row ${plan}/${grade} in ${id}`);
  return Object.fromEntries(ex.columns.map((c, i) => [c.name, found.values[i]]));
}

const emp = (id: string, salary: CellValue, grade = "H1", plan = "Hourly"): CellValue[] => [
  id,
  plan,
  grade,
  salary,
  "2003-07-01",
  "Custodial",
  "Custodian",
];

describe("grade placement", () => {
  it.each([
    ["below the minimum", 9, 1, 0],
    ["exactly at the minimum", 10, 1, 0],
    ["half a cent above the minimum (noise)", 10.004, 1, 0],
    ["a cent above the minimum", 10.01, 0, 0],
    ["at the midpoint", 15, 0, 0],
    ["exactly at the maximum", 20, 0, 1],
    ["binary noise under the maximum (19.995)", 19.995, 0, 1],
    ["above the maximum", 21, 0, 1],
  ])("counts a salary %s", (_name, salary, low, high) => {
    const r = row(study([emp("E1", salary)]), "grade-placement", "Hourly", "H1");
    expect(r["Employees"]).toBe(1);
    expect(r["At or Below Minimum"]).toBe(low);
    expect(r["At or Above Maximum"]).toBe(high);
    expect(r["% At or Below Minimum"]).toBe(low);
  });

  it("gives plan Total and grand total rows with fractions", () => {
    const result = study([
      emp("E1", 10),
      emp("E2", 20),
      emp("E3", 12),
      emp("E4", 25, "H2"),
      emp("E5", 40000, "A1", "Annual"),
    ]);
    expect(row(result, "grade-placement", "Hourly", "Total")).toMatchObject({
      Employees: 4,
      "At or Below Minimum": 1,
      "% At or Below Minimum": 0.25,
      "At or Above Maximum": 1,
    });
    expect(row(result, "grade-placement", "All", "Total")).toMatchObject({ Employees: 5, "At or Below Minimum": 2 });
    const kinds = exhibit(result, "grade-placement").rows.map((r) => r.kind);
    expect(kinds[kinds.length - 1]).toBe("grand-total");
  });
});

describe("midpoint split", () => {
  it.each([
    ["below the minimum", 9, 1],
    ["just under the midpoint", 14.98, 1],
    ["half a cent under the midpoint (49.995 vs 50.00 noise)", 14.995, 0],
    ["exactly at the midpoint", 15, 0],
    ["above the maximum", 25, 0],
  ])("counts a salary %s", (_name, salary, below) => {
    const r = row(study([emp("E1", salary)]), "midpoint", "Hourly", "H1");
    expect(r["Below Midpoint"]).toBe(below);
    expect(r["At or Above Midpoint"]).toBe(1 - below);
  });

  it("compares an annual midpoint with half-cent tolerance: 49,999.995 is at 50,000", () => {
    const result = study([emp("A", 49999.995, "A1", "Annual"), emp("B", 49999.98, "A1", "Annual")]);
    expect(row(result, "midpoint", "Annual", "A1")["Below Midpoint"]).toBe(1);
  });
});

describe("quartiles", () => {
  it.each([
    [9, "Q1"],
    [10, "Q1"],
    [12.49, "Q1"],
    [12.5, "Q2"],
    [14.995, "Q3"],
    [15, "Q3"],
    [17.5, "Q4"],
    [20, "Q4"],
    [25, "Q4"],
  ])("places %p in %s (non-strict: below min in Q1, above max in Q4)", (salary, quartile) => {
    const r = row(study([emp("E1", salary)]), "quartiles", "Hourly", "H1");
    expect(r[quartile]).toBe(1);
    expect(r[`% ${quartile}`]).toBe(1);
  });

  it("sums to the employees and Q1 + Q2 = below midpoint, per grade and in totals", () => {
    const salaries = [5, 10, 11, 12.5, 14.99, 15, 16, 17.5, 19, 20, 30];
    const result = study(salaries.map((s, i) => emp(`E${i}`, s)));
    for (const r of exhibit(result, "quartiles").rows) {
      const [plan, grade, n, q1, q2, q3, q4] = r.values as [string, string, number, number, number, number, number];
      expect(q1 + q2 + q3 + q4).toBe(n);
      expect(q1 + q2).toBe(row(result, "midpoint", plan, grade)["Below Midpoint"]);
    }
  });

  it("draws one 100 % stacked chart per plan with employees, grades as categories", () => {
    const result = study([emp("E1", 10), emp("E2", 20), emp("E3", 45000, "A1", "Annual")]);
    const charts = exhibit(result, "quartiles").charts ?? [];
    expect(charts.map((c) => c.title)).toEqual([
      "Hourly: employees by quartile of their grade's range",
      "Annual: employees by quartile of their grade's range",
    ]);
    expect(charts[0].categories).toEqual(["H1"]);
    expect(charts[0].series.map((s) => s.name)).toEqual([
      "First quartile",
      "Second quartile",
      "Third quartile",
      "Fourth quartile",
    ]);
    expect(charts[0].series.map((s) => s.values[0])).toEqual([0.5, 0, 0, 0.5]);
  });
});

describe("grades without employees", () => {
  it("are in the pay-plan summary but not in the employee-based exhibits", () => {
    const result = study([emp("E1", 12)]);
    expect(row(result, "pay-plan-summary", "Hourly", "H2")["Employees"]).toBe(0);
    for (const id of ["grade-placement", "midpoint", "quartiles", "tenure"] as const) {
      expect(exhibit(result, id).rows.some((r) => r.values[1] === "H2")).toBe(false);
      expect(exhibit(result, id).rows.some((r) => r.values[0] === "Annual")).toBe(false);
    }
  });
});

describe("pay-plan summary", () => {
  it("gives min, midpoint, max, steps, progression, spread, employees per grade", () => {
    const r = row(study([emp("E1", 12)]), "pay-plan-summary", "Hourly", "H1");
    expect(r).toMatchObject({ Minimum: 10, Midpoint: 15, Maximum: 20, Steps: 3, "Range Spread": 1, Employees: 1 });
    expect(r["Average Step Progression"]).toBeCloseTo(Math.SQRT2 - 1, 12);
  });

  it("gives each plan a Total row (employees summed, averages of spread) and an All total", () => {
    const result = study([emp("E1", 12), emp("E2", 45000, "A1", "Annual")]);
    const total = row(result, "pay-plan-summary", "Hourly", "Total");
    expect(total["Employees"]).toBe(1);
    expect(total["Range Spread"]).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(row(result, "pay-plan-summary", "All", "Total")["Employees"]).toBe(2);
    const blocks = exhibit(result, "pay-plan-summary").stepBlocks ?? [];
    expect(blocks.map((b) => [b.plan, b.unit, b.stepHeaders.length])).toEqual([
      ["Hourly", "hourly", 3],
      ["Annual", "annual", 3],
    ]);
  });
});

describe("tenure", () => {
  it("averages years (365.25 days) from hire date to the as-of date, plan rows 'Average'", () => {
    const rows = [
      ["E1", "Hourly", "H1", 12, "2003-07-01", "F", "T"],
      ["E2", "Hourly", "H1", 12, "2011-07-01", "F", "T"],
    ];
    const result = study(rows);
    const days =
      (Date.UTC(2013, 6, 1) - Date.UTC(2003, 6, 1) + Date.UTC(2013, 6, 1) - Date.UTC(2011, 6, 1)) / 86400000 / 2;
    expect(row(result, "tenure", "Hourly", "H1")["Average Tenure"]).toBeCloseTo(days / 365.25, 12);
    expect(row(result, "tenure", "Hourly", "Average")["Employees"]).toBe(2);
    expect(row(result, "tenure", "All", "Average")["Employees"]).toBe(2);
  });
});

describe("job families", () => {
  it("counts employees and distinct titles per family, sorted by name, with % of total", () => {
    const result = study([
      ["E1", "Hourly", "H1", 12, "2003-07-01", "Transportation", "Bus Driver"],
      ["E2", "Hourly", "H1", 12, "2003-07-01", "Transportation", "bus driver"],
      ["E3", "Hourly", "H1", 12, "2003-07-01", "Transportation", "Mechanic"],
      ["E4", "Hourly", "H1", 12, "2003-07-01", "Custodial", "Custodian"],
    ]);
    const ex = exhibit(result, "job-families");
    expect(ex.columns.map((c) => c.name)).toEqual(["Job Family", "Employees", "Classes", "% of Total"]);
    expect(ex.rows.map((r) => r.values)).toEqual([
      ["Custodial", 1, 1, 0.25],
      ["Transportation", 3, 2, 0.75],
      ["Total", 4, 3, 1],
    ]);
  });
});

describe("unmatched employees", () => {
  it.each([
    ["an unknown grade", emp("E1", 12, "H9"), /Grade 'H9' is not in plan 'Hourly'/],
    ["an unknown plan", emp("E1", 12, "H1", "Nope"), /Plan 'Nope'/],
    ["a blank salary", emp("E1", ""), /Salary is blank/],
    ["a non-numeric salary", emp("E1", "twelve"), /not a number/],
    ["a negative salary", emp("E1", -12), /not above zero/],
    ["an Excel error", emp("E1", "#N/A"), /Excel error/],
    ["an hourly salary in an annual plan", emp("E1", 25, "A1", "Annual"), /looks hourly/],
    ["an annual salary in an hourly plan", emp("E1", 41000), /looks annual/],
    ["a bad hire date", ["E1", "Hourly", "H1", 12, "yesterday", "F", "T"], /not a date/],
    ["a future hire date", ["E1", "Hourly", "H1", 12, "2020-01-01", "F", "T"], /after the as-of date/],
  ])("lists %s with its reason", (_name, cells, reason) => {
    const result = study([cells as CellValue[], emp("OK", 12)]);
    const rows = exhibit(result, "unmatched-employees").rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].values[0]).toBe("E1");
    expect(String(rows[0].values[3])).toMatch(reason);
    expect(result.summary).toMatchObject({ rosterRows: 2, employees: 1, unmatched: 1 });
  });

  it("keeps the first of duplicate employee IDs and lists the second", () => {
    const result = study([emp("E1", 12), emp("e1", 13)]);
    expect(result.summary).toMatchObject({ rosterRows: 2, employees: 1, unmatched: 1 });
    expect(String(exhibit(result, "unmatched-employees").rows[0].values[3])).toMatch(/appears twice/);
  });

  it("matches grade keys trimmed, case-insensitive, inner spaces folded", () => {
    const result = study([emp("E1", 12, " h1 ", "hourly"), emp("E2", 45000, "a1", " ANNUAL ")]);
    expect(result.summary.employees).toBe(2);
  });
});

describe("plan-less rosters", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2"],
    ["P1", "X", 10, 20],
    ["P1", "Y", 11, 21],
    ["P2", "Y", 12, 22],
  ];
  it("place unique grades and list ambiguous ones", () => {
    const roster = [
      ["Emp ID", "Pay Grade", "Hourly Rate"],
      ["1", "X", 12],
      ["2", "Y", 12],
    ];
    const result = studyOf({ plans, roster, asOf: "2013-07-01" });
    expect(result.summary).toMatchObject({ employees: 1, unmatched: 1 });
    expect(String(exhibit(result, "unmatched-employees").rows[0].values[3])).toMatch(/several plans \(P1, P2\)/);
  });
});

describe("the study result", () => {
  const rows = [emp("E1", 12), emp("E2", 45000, "A1", "Annual"), emp("E3", 3, "ZZ")];

  it("numbers exhibits 3-1..3-9 in contract order with titles and a source line", () => {
    const result = study(rows);
    expect(result.exhibits.map((e) => [e.number, e.id])).toEqual([
      ["3-1", "pay-plan-summary"],
      ["3-2", "grade-placement"],
      ["3-3", "midpoint"],
      ["3-4", "quartiles"],
      ["3-5", "job-families"],
      ["3-6", "tenure"],
      ["3-7", "schedule-audit"],
      ["3-8", "unmatched-employees"],
      ["3-9", "pay-vs-schedule"],
    ]);
    expect(result.exhibits[0].title).toBe("Pay Plan Summary");
    expect(result.exhibits[0].source).toBe(
      "Source: CompStudy analysis of Pay Plans (plans.csv, 3 grades) and Roster (roster.csv, 3 rows), as of July 1, 2013.",
    );
    expect(result.exhibits[0].subtitle).toBe("As of July 1, 2013 · from the Pay Plans and Roster tables");
  });

  it("uses exactly the contract's column names", () => {
    const names = Object.fromEntries(study(rows).exhibits.map((e) => [e.id, e.columns.map((c) => c.name)]));
    expect(names["grade-placement"]).toEqual([
      "Plan",
      "Grade",
      "Employees",
      "At or Below Minimum",
      "% At or Below Minimum",
      "At or Above Maximum",
      "% At or Above Maximum",
    ]);
    expect(names["midpoint"]).toEqual([
      "Plan",
      "Grade",
      "Employees",
      "Below Midpoint",
      "% Below Midpoint",
      "At or Above Midpoint",
      "% At or Above Midpoint",
    ]);
    expect(names["quartiles"]).toEqual([
      "Plan",
      "Grade",
      "Employees",
      "Q1",
      "Q2",
      "Q3",
      "Q4",
      "% Q1",
      "% Q2",
      "% Q3",
      "% Q4",
    ]);
    expect(names["tenure"]).toEqual(["Plan", "Grade", "Employees", "Average Tenure"]);
    expect(names["schedule-audit"]).toEqual(["Plan", "Grade", "Step", "Severity", "Message"]);
    expect(names["unmatched-employees"]).toEqual(["Employee ID", "Plan", "Grade", "Reason"]);
    expect(names["pay-plan-summary"]).toEqual([
      "Plan",
      "Grade",
      "Minimum",
      "Midpoint",
      "Maximum",
      "Steps",
      "Average Step Progression",
      "Range Spread",
      "Employees",
    ]);
  });

  it("reconciles: employees + unmatched = roster rows, blank rows not counted", () => {
    const result = study([...rows, [null, "", "  "], []]);
    expect(result.summary).toMatchObject({ rosterRows: 3, employees: 2, unmatched: 1 });
    const grand = exhibit(result, "grade-placement").rows.at(-1)?.values[2];
    expect(grand).toBe(2);
  });

  it("builds only the requested exhibits, keeping their numbers", () => {
    const roster = [["Employee ID", "Plan", "Grade", "Salary"], ...rows.map((r) => r.slice(0, 4))];
    const result = studyOf({ plans: PLANS, roster, asOf: "2013-07-01", exhibits: ["quartiles", "midpoint"] });
    expect(result.exhibits.map((e) => [e.number, e.id])).toEqual([
      ["3-3", "midpoint"],
      ["3-4", "quartiles"],
    ]);
  });

  it("is byte-identical across runs", () => {
    expect(JSON.stringify(study(rows))).toBe(JSON.stringify(study(rows)));
  });

  it("refuses an as-of date that is not yyyy-mm-dd", () => {
    expect(() => study(rows, "7/1/2013")).toThrow(/yyyy-mm-dd/);
  });
});

describe("schedule audit warnings on the Portland schedules", () => {
  // PEA 197-day experience schedule, Bachelor's lane, steps 1–31 (Portland 2013 study, exhibit 3F;
  // /work/shared/data/portland-2013-pea-experience-197-days.csv): 57,661 → 57,675 → 58,675.
  const bachelors = [
    35509, 37200, 38891, 40582, 41935, 43287, 44640, 45993, 47345, 48698, 50051, 51403, 52756, 54110, 55293, 56476,
    57661, 57661, 57661, 57661, 57675, 58675, 58675, 58675, 58675, 59520, 59520, 59520, 59520, 59520, 60535,
  ];
  const header = ["Plan", "Grade", ...bachelors.map((_, s) => `Step ${s + 1}`)];

  it("flags the 14-dollar step of the Bachelor's lane and not its plateaus", () => {
    const findings = parsePayPlans([header, ["PEA", "Bachelor's", ...bachelors]]).findings;
    expect(findings.map((f) => [f.step, f.severity])).toEqual([[21, "warning"]]);
  });

  it("flags Ed Tech D8's jump to its last step (0.48 usual, 1.61 last)", () => {
    const d8 = [14.02, 14.5, 14.98, 15.46, 15.94, 16.42, 16.9, 17.38, 17.86, 18.4, 20.01]; // samples/data CSV, EDTECH D8
    const findings = parsePayPlans([header.slice(0, 2 + d8.length), ["Ed Tech", "D8", ...d8]]).findings;
    expect(findings.map((f) => [f.step, f.severity])).toEqual([[11, "warning"]]);
  });

  it("finds every planted decreasing step in a larger schedule", () => {
    const steps = (base: number): number[] => Array.from({ length: 10 }, (_, s) => base + 100 * s);
    const plants: [number, number][] = [
      [0, 3],
      [2, 9],
      [5, 1],
      [7, 6],
    ];
    const rows: CellValue[][] = Array.from({ length: 9 }, (_, g) => ["P", `G${g}`, ...steps(30000 + 1000 * g)]);
    for (const [g, s] of plants) (rows[g][2 + s] as number) -= 150;
    const errors = parsePayPlans([
      ["Plan", "Grade", ...steps(0).map((_, s) => `Step ${s + 1}`)],
      ...rows,
    ]).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.grade, f.step])).toEqual(plants.map(([g, s]) => [`G${g}`, s + 1]));
  });
});

describe("inputs", () => {
  it.each([
    ["Emp ID", "Bargaining Unit", "Pay Grade", "Annual Salary", "Date of Hire", "Department", "Job Class"],
    ["Employee Number", "Schedule", "Grade", "Hourly Rate", "Hire Dt", "Family", "Classification"],
    [" EMPLOYEE ID ", "PLAN", "grade", "rate", "HIRE DATE", "job family", "Position"],
  ])("detects a roster header row %#", (...headers) => {
    const roster = parseRoster([headers, ["E1", "Hourly", "H1", "$ 12.50", "3/5/2010", "Custodial", "Custodian"]]);
    // A "Department" column is the department, never silently the job family as well.
    const sixth = headers[5].trim().toLowerCase() === "department" ? "department" : "jobFamily";
    expect(Object.keys(roster.mapping).sort()).toEqual(
      ["employeeId", "plan", "grade", "salary", "hireDate", sixth, "jobTitle"].sort(),
    );
    expect(roster.employees[0]).toMatchObject({ id: "E1", salary: 12.5, jobTitle: "Custodian" });
  });

  it.each([
    ["2010-03-05", "2010-03-05"],
    ["3/5/2010", "2010-03-05"],
    ["3/5/10", "2010-03-05"],
    [40242, "2010-03-05"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
  ])("reads hire date %p as %s", (value, iso) => {
    const roster = parseRoster([
      ["Employee ID", "Grade", "Salary", "Hire Date"],
      ["E1", "H1", 12, value],
    ]);
    expect(new Date(Number(roster.employees[0].hireDay) * 86400000).toISOString().slice(0, 10)).toBe(iso);
  });

  it("lists Excel's fictitious 1900-02-29 (serial 60) as a bad date", () => {
    const roster = parseRoster([
      ["Employee ID", "Grade", "Salary", "Hire Date"],
      ["E1", "H1", 12, 60],
    ]);
    expect(roster.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/not a date/)]);
  });

  it("infers the unit per plan: hourly below 200 at the top step, annual from it", () => {
    const plans = parsePayPlans(PLANS).plans;
    expect(plans.map((p) => [p.name, p.unit])).toEqual([
      ["Hourly", "hourly"],
      ["Annual", "annual"],
    ]);
  });
});

describe("parser properties over random tables, random headers included", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 10 }),
    fc.double(),
    fc.integer({ min: -10, max: 100000 }),
    fc.boolean(),
    fc.constantFrom("$ 42,167", "#N/A", "=1+1", "H1", "2010-02-29", "2/29/2012", "60", " ", "(12.50)"),
  );
  const header = fc.array(
    fc.oneof(
      cell,
      fc.constantFrom(
        "Plan",
        "Grade",
        "Pay Grade",
        "Step 1",
        "Step 2",
        "S3",
        "Emp ID",
        "Salary",
        "Rate",
        "Hire Dt",
        "Class",
      ),
    ),
    { maxLength: 8 },
  );
  const table = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }))
    .map(([h, rows]) => [h, ...rows]);
  const isEngineError = (error: unknown): boolean => error instanceof EngineError && error.kind === "invalid argument";

  it("parsePayPlans returns plans or throws only EngineError", () => {
    fc.assert(
      fc.property(table, (t) => {
        try {
          const { plans } = parsePayPlans(t);
          return plans.every(
            (p) =>
              (p.unit === undefined || PAY_UNITS.includes(p.unit)) &&
              p.grades.length > 0 &&
              p.grades.every((g) => PAY_UNITS.includes(g.unit) && (p.unit === undefined || g.unit === p.unit)),
          );
        } catch (error) {
          return isEngineError(error);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("parseRoster reconciles every non-blank data row (read or left out as a report line) or throws only EngineError", () => {
    fc.assert(
      fc.property(table, (t) => {
        try {
          const roster = parseRoster(t, { asOf: "2013-07-01" });
          const dataRows = t.slice(roster.headerRow).filter((r) => !r.every(isBlank)).length;
          return (
            roster.employees.length + roster.problems.length === roster.rowCount &&
            roster.rowCount + roster.leftOut === dataRows
          );
        } catch (error) {
          return isEngineError(error);
        }
      }),
      { numRuns: 500 },
    );
  });
});
