/**
 * The implementation cost (exhibits 6-2, 6-3, 6-4): each method worked by hand for employees
 * exactly at a step, between steps, above the new maximum, below the new minimum, with zero
 * years and past the top step; the three cost bases; the load; employees without a proposed
 * grade listed, never dropped; and every roster row reconciled.
 */
import type { CellValue } from "../../src/engine/cells";
import type { Exhibit, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

const AS_OF = "2013-07-01";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Unit", "Step 1", "Step 2", "Step 3", "Step 4"],
  ["Annual", "A1", null, 40_000, 42_000, 44_000, 46_000],
  ["Annual", "A2", null, 50_000, 52_000, 54_000, 56_000],
  ["Hourly", "H1", null, 20, 20.5, 21, null],
  ["Subs 180 Days", "S1", "daily", 100, 110, null, null],
  ["Substitutes", "X1", "daily", 100, 110, null, null],
];

// A1 moves 1,000 up at every step: 41,000 / 43,000 / 45,000 / 47,000. A2 has no proposed grade.
// H1 × 1.03: 20.60 / 21.12 / 21.63. S1 and X1: 105 / 115.
const PROPOSED: CellValue[][] = [
  ["Plan", "Grade", "Unit", "Step 1", "Step 2", "Step 3", "Step 4"],
  ["Annual", "A1", null, 41_000, 43_000, 45_000, 47_000],
  ["Hourly", "H1", null, 20.6, 21.12, 21.63, null],
  ["Subs 180 Days", "S1", "daily", 105, 115, null, null],
  ["Substitutes", "X1", "daily", 105, 115, null, null],
];

const HEADER = ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "FTE", "Annual Hours", "Contract Days"];
const ROSTER: CellValue[][] = [
  [...HEADER],
  ["below-min", "Annual", "A1", 40_000, "2013-01-01", 1, null, null], // 0 completed years
  ["at-step", "Annual", "A1", 43_000, "2010-07-01", 1, null, null], // 3 years, on the anniversary
  ["between", "Annual", "A1", 44_000, "2012-07-02", 1, null, null], // 0 years (a day short of one)
  ["above-max", "Annual", "A1", 48_000, "2000-01-01", 1, null, null], // above the new maximum 47,000
  ["past-top", "Annual", "A1", 46_500, "2003-07-01", 1, null, null], // 10 years, 4 steps
  ["half-time", "Annual", "A1", 40_000, "2013-01-01", 0.5, null, null],
  ["no-grade", "Annual", "A2", 50_000, "2010-01-01", 1, null, null], // A2 is not in the proposed plans
  ["hourly-2080", "Hourly", "H1", 20, "2013-01-01", 1, null, null],
  ["hourly-hours", "Hourly", "H1", 20, "2013-01-01", 1, 1_000, null],
  ["hourly-half", "Hourly", "H1", 20, "2013-01-01", 0.5, null, null],
  ["daily-days", "Subs 180 Days", "S1", 100, "2013-01-01", 1, null, 150],
  ["daily-plan", "Subs 180 Days", "S1", 100, "2013-01-01", 1, null, null],
  ["daily-none", "Substitutes", "X1", 100, "2013-01-01", 1, null, null], // no days anywhere
  ["unplaced", "Annual", "Z9", 40_000, "2013-01-01", 1, null, null], // not in the pay plans
  ["separated", "Annual", "A1", 40_000, "2010-01-01", 1, null, null],
];
ROSTER[0].push("Separation Date");
ROSTER.forEach((row, i) => {
  if (i > 0) row.push(row[0] === "separated" ? "2013-01-31" : null);
});

function run(options: Record<string, string> = {}, roster: CellValue[][] = ROSTER): StudyResult {
  return studyOf({ plans: PLANS, roster, asOf: AS_OF, tables: { proposed: PROPOSED }, options });
}

function exhibit(result: StudyResult, id: string): Exhibit {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

function record(ex: Exhibit, values: CellValue[]): Record<string, unknown> {
  return Object.fromEntries(ex.columns.map((c, i) => [c.name, values[i]]));
}

function detail(result: StudyResult, id: string): Record<string, unknown> {
  const ex = exhibit(result, "implementation-detail");
  const found = ex.rows.find((r) => r.values[0] === id);
  if (!found) throw new Error(`no detail row for ${id}`);
  return record(ex, found.values);
}

const method = (name: string) => run({ "cost-method": name });

describe("implementation-detail, method minimum", () => {
  const result = method("minimum");

  it.each([
    // below the new minimum 41,000: raised to it, +1,000 × FTE 1.
    ["below-min", 40_000, 41_000, 1, 1_000, 1_000, "raised to the new minimum"],
    // exactly at step 2: nothing to do.
    ["at-step", 43_000, 43_000, 2, 0, 0, "at or above the new minimum"],
    // between steps 2 (43,000) and 3 (45,000): kept, on step 2.
    ["between", 44_000, 44_000, 2, 0, 0, "at or above the new minimum"],
    // above the new maximum 47,000: red-circled, kept, cost 0, no step.
    ["above-max", 48_000, 48_000, null, 0, 0, "red-circled: above the new maximum, pay kept"],
    // half time: +1,000 × FTE 0.5 = 500.
    ["half-time", 40_000, 41_000, 1, 1_000, 500, "raised to the new minimum"],
  ])("%s", (id, current, newPay, step, increase, cost, note) => {
    expect(detail(result, id)).toMatchObject({
      "Current Pay": current,
      "New Pay": newPay,
      Step: step,
      Increase: increase,
      "Annual Cost": cost,
      Note: note,
    });
  });

  it("has the issue's columns", () => {
    expect(exhibit(result, "implementation-detail").columns.map((c) => c.name)).toEqual([
      "Employee ID",
      "Plan",
      "Grade",
      "Proposed Plan",
      "Proposed Grade",
      "Current Pay",
      "New Pay",
      "Step",
      "Increase",
      "Increase %",
      "Annual Cost",
      "Note",
    ]);
  });
});

describe("implementation-detail, method next-step", () => {
  const result = method("next-step");

  it.each([
    // the first step ≥ 40,000 is 41,000 (step 1): +1,000.
    ["below-min", 41_000, 1, 1_000, "next step: the first step at or above today's pay"],
    // exactly at 43,000: the step at or above is itself, +0.
    ["at-step", 43_000, 2, 0, "next step: the first step at or above today's pay"],
    // 44,000 → 45,000 (step 3): +1,000.
    ["between", 45_000, 3, 1_000, "next step: the first step at or above today's pay"],
    // 46,500 → 47,000 (step 4, the top): +500.
    ["past-top", 47_000, 4, 500, "next step: the first step at or above today's pay"],
    ["above-max", 48_000, null, 0, "red-circled: above the new maximum, pay kept"],
  ])("%s", (id, newPay, step, cost, note) => {
    expect(detail(result, id)).toMatchObject({ "New Pay": newPay, Step: step, "Annual Cost": cost, Note: note });
  });

  it("--min-increase 5%: 44,000 × 1.05 = 46,200 → 47,000 (step 4); 46,500 × 1.05 = 48,825 > the top: the top step", () => {
    const raised = run({ "cost-method": "next-step", "min-increase": "5%" });
    expect(detail(raised, "between")).toMatchObject({ "New Pay": 47_000, Step: 4, "Annual Cost": 3_000 });
    expect(detail(raised, "past-top")).toMatchObject({
      "New Pay": 47_000,
      Step: 4,
      Note: "top step (less than the minimum increase above current pay)",
    });
  });
});

describe("implementation-detail, method years", () => {
  const result = method("years");

  it.each([
    // 0 years → step 1 (41,000), equal to the next step: +1,000.
    ["below-min", 41_000, 1, 1_000, "step for 0 years"],
    // 3 years on the anniversary → step 4 (47,000): +4,000.
    ["at-step", 47_000, 4, 4_000, "step for 3 years"],
    // 0 years → step 1 (41,000) pays less than the next step 45,000: the next step, +1,000.
    ["between", 45_000, 3, 1_000, "the step for 0 years pays less: the first step at or above today's pay"],
    // 10 years past the 4th step: the top step holds (47,000), +500.
    ["past-top", 47_000, 4, 500, "step for 10 years (top step)"],
    ["above-max", 48_000, null, 0, "red-circled: above the new maximum, pay kept"],
  ])("%s", (id, newPay, step, cost, note) => {
    expect(detail(result, id)).toMatchObject({ "New Pay": newPay, Step: step, "Annual Cost": cost, Note: note });
  });

  it("falls back to the next step without a hire date column", () => {
    const roster = ROSTER.map((row) => row.filter((_, c) => c !== 4));
    expect(detail(run({ "cost-method": "years" }, roster), "at-step")).toMatchObject({
      "New Pay": 43_000,
      Note: "no hire date: the first step at or above today's pay",
    });
  });
});

describe("cost bases", () => {
  const result = method("minimum");

  it.each([
    // hourly without Annual Hours: (20.60 − 20) × 2,080 × FTE 1 = 0.60 × 2,080 = 1,248.
    ["hourly-2080", 1_248],
    // with Annual Hours 1,000: 0.60 × 1,000 = 600 (FTE not applied again).
    ["hourly-hours", 600],
    // FTE 0.5, no hours: 0.60 × 2,080 × 0.5 = 624.
    ["hourly-half", 624],
    // daily with Contract Days 150: (105 − 100) × 150 = 750.
    ["daily-days", 750],
    // daily without: the plan's name says 180 days: 5 × 180 × FTE 1 = 900.
    ["daily-plan", 900],
  ])("%s", (id, cost) => {
    expect(detail(result, id)["Annual Cost"]).toBeCloseTo(cost, 9);
  });

  it("says which bases were used, with how many employees each", () => {
    const ex = exhibit(result, "implementation-cost");
    expect(ex.description).toContain(
      "Annual cost = the increase × the annual basis: annual salaries × FTE (6 employees); hourly rates × 2,080 hours × FTE (2 employees); hourly rates × the roster's Annual Hours (1 employee); daily rates × the roster's Contract Days (1 employee); daily rates × the days the plan's name states × FTE (1 employee).",
    );
  });
});

describe("employees who cannot be costed are listed, never dropped", () => {
  const result = method("minimum");
  const unmatched = exhibit(result, "unmatched-employees");
  const reasons = unmatched.rows.map((r) => String(r.values[3]));

  it("lists the employee whose grade has no proposed grade, and the daily one without days", () => {
    expect(reasons).toContain(
      "Row 8: implementation cost: no proposed grade for grade 'A2' of plan 'Annual' (not in the proposed plans, and no Grade Map row for it)",
    );
    expect(reasons.find((r) => r.startsWith("Row 14: implementation cost:"))).toContain(
      "grade 'X1' of plan 'Substitutes' is paid by the day and neither the roster's Contract Days nor the plan's name gives the days",
    );
    expect(detail.bind(null, result, "no-grade")).toThrow("no detail row");
  });

  it("reconciles: costed + listed + not placed + separated = roster rows read", () => {
    const ex = exhibit(result, "implementation-cost");
    // 15 rows: 11 costed, 2 listed by the cost (no-grade, daily-none), 1 not placed (unplaced), 1 separated.
    expect(ex.notes).toContain(
      "Reconciliation: 11 employees costed + 2 listed in Unmatched Employees by the implementation cost + 1 not placed (also listed there) + 1 separated (not costed) = 15 roster rows read.",
    );
    const detailRows = exhibit(result, "implementation-detail").rows.length;
    const listedByCost = reasons.filter((r) => r.includes("implementation cost:")).length;
    expect(detailRows + listedByCost + result.summary.unmatched + result.summary.separated).toBe(
      result.summary.rosterRows,
    );
    const total = ex.rows[ex.rows.length - 1];
    expect(record(ex, total.values).Employees).toBe(detailRows);
  });
});

describe("implementation-cost and implementation-options", () => {
  const result = run({ load: "7.65%", "cost-method": "minimum,next-step,years" });

  it("sums per proposed grade, plan and overall by the first method", () => {
    const ex = exhibit(result, "implementation-cost");
    expect(ex.columns.map((c) => c.name)).toEqual([
      "Plan",
      "Grade",
      "Employees",
      "Adjusted",
      "Red-Circled",
      "Annual Cost",
      "Average Increase",
    ]);
    const a1 = record(ex, ex.rows.find((r) => r.values[0] === "Annual" && r.values[1] === "A1")?.values ?? []);
    // minimum: below-min +1,000, half-time +500 (adjusted 2); above-max red-circled; cost 1,500.
    // Average Increase = mean of 1,000 / 40,000 and 1,000 / 40,000 = 0.025.
    expect(a1).toMatchObject({ Employees: 6, Adjusted: 2, "Red-Circled": 1, "Annual Cost": 1_500 });
    expect(a1["Average Increase"]).toBeCloseTo(0.025, 12);
    const all = record(ex, ex.rows[ex.rows.length - 1].values);
    // 1,500 + 1,248 + 600 + 624 + 750 + 900 = 5,622
    expect(all.Employees).toBe(11);
    expect(all["Annual Cost"]).toBeCloseTo(5_622, 9);
    expect(ex.rows.map((r) => r.kind).filter((k) => k === "total")).toHaveLength(3);
  });

  it("shows the three methods side by side with the load: cost × 1.0765", () => {
    const ex = exhibit(result, "implementation-options");
    const byLabel = Object.fromEntries(ex.rows.map((r) => [r.values[0], record(ex, r.values)]));
    // The methods by their labels, as a reader sees them.
    expect(Object.keys(byLabel)).toEqual([
      "Raise to the new minimum",
      "Next step up (no one loses)",
      "Step for years of service",
    ]);
    const rows = {
      minimum: byLabel["Raise to the new minimum"],
      "next-step": byLabel["Next step up (no one loses)"],
      years: byLabel["Step for years of service"],
    };
    expect(rows.minimum["Annual Cost"]).toBeCloseTo(5_622, 9);
    // 5,622 × 1.0765 = 6,052.083
    expect(rows.minimum["Annual Cost with Load"]).toBeCloseTo(6_052.083, 6);
    // next-step, A1: below-min 1,000 + between 1,000 + past-top 500 + half-time 500 = 3,000;
    // H1 (first step ≥ 20 is 20.60) and S1 (105) as by the minimum: 1,248 + 600 + 624 + 750 + 900 = 4,122 → 7,122.
    expect(rows["next-step"]["Annual Cost"]).toBeCloseTo(7_122, 9);
    expect(rows["next-step"].Adjusted).toBe(9);
    // years, A1: below-min 1,000 + at-step 4,000 + between 1,000 + past-top 500 + half-time 500 = 7,000; + 4,122 = 11,122.
    expect(rows.years["Annual Cost"]).toBeCloseTo(11_122, 9);
    expect(rows.years["Red-Circled"]).toBe(1);
    expect(ex.description).toContain("With load = annual cost × (1 + 7.65 %)");
  });

  it("--cost-method next-step,minimum: the detail uses the first, the options keep the order", () => {
    const picked = run({ "cost-method": "next-step,minimum" });
    expect(exhibit(picked, "implementation-options").rows.map((r) => r.values[0])).toEqual([
      "Next step up (no one loses)",
      "Raise to the new minimum",
    ]);
    expect(detail(picked, "between")["New Pay"]).toBe(45_000);
    expect(exhibit(picked, "implementation-cost").description).toMatch(/^Method: Next step up \(no one loses\) — /);
  });

  it("refuses an unknown method", () => {
    expect(() => run({ "cost-method": "market" })).toThrow(
      "Cost methods: 'market' is not one of 'same-step', 'minimum', 'next-step', 'years'",
    );
  });
});

describe("implementation-detail, method same-step (the default where the proposed grades have steps)", () => {
  const result = run();

  it.each([
    // on step 1 of A1 → step 1 of the proposed A1: 41,000.
    ["below-min", 41_000, 1, 1_000, "same step"],
    // 43,000 is no step of A1: × the midpoint change 44,000 / 43,000 = 44,000.
    ["at-step", 44_000, null, 1_000, "off step: current pay × the midpoint change"],
    // on step 3 (44,000) → proposed step 3: 45,000.
    ["between", 45_000, 3, 1_000, "same step"],
    // above the maximum: keeps their place, 48,000 × 44,000 / 43,000 = 49,116.279… → 49,116.28, still above 47,000.
    ["above-max", 49_116.28, null, 1_116.28, "red-circled: above the new maximum after the midpoint change"],
    // 46,500 × 44 / 43 = 47,581.395… → 47,581.40.
    ["past-top", 47_581.4, null, 1_081.4, "red-circled: above the new maximum after the midpoint change"],
    // half time on step 1: +1,000 × 0.5.
    ["half-time", 41_000, 1, 500, "same step"],
    // hourly step 1 (20) → 20.60: +0.60 × 2,080 = 1,248.
    ["hourly-2080", 20.6, 1, 1_248, "same step"],
  ])("%s", (id, newPay, step, cost, note) => {
    const row = detail(result, id);
    expect(row["New Pay"]).toBeCloseTo(newPay as number, 9);
    expect(row.Step).toBe(step);
    expect(row["Annual Cost"]).toBeCloseTo(cost as number, 6);
    expect(row.Note).toBe(note);
  });

  it("comes first in implementation-options and counts those above the new maximum as red-circled", () => {
    const options = exhibit(result, "implementation-options");
    expect(options.rows.map((r) => r.values[0])).toEqual([
      "Same step on the new grade",
      "Raise to the new minimum",
      "Next step up (no one loses)",
      "Step for years of service",
    ]);
    expect(record(options, options.rows[0].values)["Red-Circled"]).toBe(2);
    expect(exhibit(result, "implementation-cost").description).toMatch(
      /^Method: Same step on the new grade — each employee keeps their step number/,
    );
  });

  it("names next-step for what it is in the notes", () => {
    expect(exhibit(result, "implementation-options").notes).toContain(
      "Next step up (no one loses) — the first step of the new grade at or above today's pay: no one loses.",
    );
  });

  it("takes a shorter grade's last step, and moves range grades by the midpoint change", () => {
    const plans: CellValue[][] = [
      ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Minimum", "Maximum"],
      ["P", "X", 30_000, 31_000, 32_000, 33_000, null, null],
      ["P", "R", null, null, null, null, 50_000, 70_000],
    ];
    const proposed: CellValue[][] = [
      ["Plan", "Grade", "Step 1", "Step 2", "Minimum", "Maximum"],
      ["P", "X", 31_000, 34_000, null, null],
      ["P", "R", null, null, 51_500, 72_100],
    ];
    const roster: CellValue[][] = [
      ["Employee ID", "Plan", "Grade", "Salary"],
      ["step-2", "P", "X", 31_000],
      ["step-4", "P", "X", 33_000],
      ["range", "P", "R", 55_000],
    ];
    const shorter = studyOf({ plans, roster, asOf: AS_OF, tables: { proposed } });
    const row = (id: string) => {
      const ex = exhibit(shorter, "implementation-detail");
      return record(ex, ex.rows.find((r) => r.values[0] === id)?.values ?? []);
    };
    expect(row("step-2")).toMatchObject({ "New Pay": 34_000, Step: 2, Note: "same step" });
    expect(row("step-4")).toMatchObject({
      "New Pay": 34_000,
      Step: 2,
      Note: "past the proposed grade's last step: its last step",
    });
    // Midpoints 60,000 → 61,800: × 1.03.
    expect(row("range")).toMatchObject({ "New Pay": 56_650, Note: "range grade: current pay × the midpoint change" });
  });
});

describe("where employees go", () => {
  it("follows the roster's Proposed Grade before the Grade Map and the same name", () => {
    const roster = [
      [...HEADER, "Proposed Grade"],
      ["E1", "Annual", "A2", 50_000, "2013-01-01", 1, null, null, "A1"],
      ["E2", "Annual", "A2", 50_000, "2013-01-01", 1, null, null, "Q1"],
    ];
    const result = run({ "cost-method": "minimum" }, roster);
    // A2 50,000 → proposed A1 (max 47,000): red-circled.
    expect(detail(result, "E1")).toMatchObject({
      "Proposed Grade": "A1",
      Note: "red-circled: above the new maximum, pay kept",
    });
    expect(exhibit(result, "unmatched-employees").rows.map((r) => r.values[3])).toContain(
      "Row 3: implementation cost: roster Proposed Grade: Grade 'Q1' is not in the proposed plans",
    );
  });

  it("follows the Grade Map", () => {
    const result = studyOf({
      plans: PLANS,
      roster: ROSTER,
      asOf: AS_OF,
      tables: {
        proposed: PROPOSED,
        "grade-map": [
          ["Grade", "Proposed Grade"],
          ["A2", "A1"],
        ],
      },
      options: { "cost-method": "minimum" },
    });
    expect(detail(result, "no-grade")).toMatchObject({ "Proposed Plan": "Annual", "Proposed Grade": "A1" });
  });
});
