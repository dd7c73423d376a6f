/**
 * The proposed structure (exhibit 6-1): from a Proposed Plans table, --adjust or --market-target,
 * rounded to each grade's precision, compared grade by grade, audited like the current plans.
 */
import type { CellValue } from "../../src/engine/cells";
import type { Exhibit, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

// Hourly H1 (cents), annual A1 and A2 (whole dollars), annual C1 whose steps carry cents, and a range grade R1.
const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Minimum", "Midpoint", "Maximum"],
  ["Hourly", "H1", 20, 20.5, 21, null, null, null],
  ["Annual", "A1", 40_000, 43_000, 46_000, null, null, null],
  ["Annual", "A2", 42_001, 45_000, 48_000, null, null, null],
  ["Other", "C1", 40_000.5, 41_000.25, null, null, null, null],
  ["Master", "R1", null, null, null, 50_000, 62_500, 75_000],
];
const ROSTER: CellValue[][] = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
  ["E1", "Annual", "A1", 43_000, "2010-07-01"],
];

function run(options: Record<string, string>, tables: Record<string, CellValue[][]> = {}): StudyResult {
  return studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-07-01", tables, options });
}

function exhibit(result: StudyResult, id: string): Exhibit {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

function rowOf(ex: Exhibit, plan: string, grade: string): Record<string, unknown> {
  const found = ex.rows.find((r) => r.values[0] === plan && r.values[1] === grade);
  if (!found) throw new Error(`no row ${plan}/${grade} in ${ex.id}`);
  return Object.fromEntries(ex.columns.map((c, i) => [c.name, found.values[i]]));
}

describe("pay-plan-comparison with --adjust", () => {
  const result = run({ adjust: "3%" }, {});
  const ex = exhibit(result, "pay-plan-comparison");

  it("has the issue's columns", () => {
    expect(ex.columns.map((c) => c.name)).toEqual([
      "Plan",
      "Grade",
      "Minimum",
      "Proposed Minimum",
      "Minimum Change",
      "Midpoint",
      "Proposed Midpoint",
      "Midpoint Change",
      "Maximum",
      "Proposed Maximum",
      "Maximum Change",
      "Range Spread",
      "Proposed Range Spread",
    ]);
    expect(ex.number).toBe("6-1");
  });

  it("rounds an hourly grade to the cent: 20.50 × 1.03 = 21.115 → 21.12 (half away from zero)", () => {
    const h1 = rowOf(ex, "Hourly", "H1");
    // 20 × 1.03 = 20.60; 21 × 1.03 = 21.63; midpoint (20.60 + 21.63) / 2 = 21.115.
    expect(h1).toMatchObject({ "Proposed Minimum": 20.6, "Proposed Maximum": 21.63 });
    expect(h1["Proposed Midpoint"]).toBeCloseTo(21.115, 9);
    // (20.60 − 20) / 20 = 0.03; (21.63 − 21) / 21 = 0.03
    expect(h1["Minimum Change"]).toBeCloseTo(0.03, 12);
    expect(h1["Maximum Change"]).toBeCloseTo(0.03, 12);
  });

  it("rounds a whole-dollar annual grade to the dollar: 42,001 × 1.03 = 43,261.03 → 43,261", () => {
    const a2 = rowOf(ex, "Annual", "A2");
    expect(a2["Proposed Minimum"]).toBe(43_261);
    // 48,000 × 1.03 = 49,440; spread (49,440 − 43,261) / 43,261 = 0.142831…
    expect(a2["Proposed Maximum"]).toBe(49_440);
    expect(a2["Proposed Range Spread"]).toBeCloseTo(6_179 / 43_261, 12);
    // the current spread: (48,000 − 42,001) / 42,001
    expect(a2["Range Spread"]).toBeCloseTo(5_999 / 42_001, 12);
    // the change is of the rounded figure: (43,261 − 42,001) / 42,001 = 1,260 / 42,001
    expect(a2["Minimum Change"]).toBeCloseTo(1_260 / 42_001, 12);
  });

  it("keeps the cents of an annual grade whose steps carry cents: 40,000.50 × 1.03 = 41,200.515 → 41,200.52", () => {
    expect(rowOf(ex, "Other", "C1")["Proposed Minimum"]).toBe(41_200.52);
    // 41,000.25 × 1.03 = 42,230.2575 → 42,230.26
    expect(rowOf(ex, "Other", "C1")["Proposed Maximum"]).toBe(42_230.26);
  });

  it("scales a range grade's minimum, stated midpoint and maximum", () => {
    // 50,000 × 1.03 = 51,500; 62,500 × 1.03 = 64,375; 75,000 × 1.03 = 77,250.
    expect(rowOf(ex, "Master", "R1")).toMatchObject({
      "Proposed Minimum": 51_500,
      "Proposed Midpoint": 64_375,
      "Proposed Maximum": 77_250,
    });
  });

  it("averages the changes per plan and overall", () => {
    const annual = rowOf(ex, "Annual", "Average");
    // A1: 40,000 → 41,200 exactly 0.03; A2: 1,260 / 42,001.
    expect(annual["Minimum Change"]).toBeCloseTo((0.03 + 1_260 / 42_001) / 2, 12);
    expect(ex.rows[ex.rows.length - 1].values.slice(0, 2)).toEqual(["All", "Average"]);
  });

  it("says where the structure came from, and runs the schedule audit on it", () => {
    expect(ex.description).toContain("Proposed structure: every step × 1.03 (a 3 % structure adjustment)");
    expect(ex.notes).toContain("Schedule audit of the proposed plans: no errors or warnings.");
  });
});

describe("pay-plan-comparison from a Proposed Plans table", () => {
  const PROPOSED: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
    ["Hourly", "H1", 21, 22, 23],
    ["Annual", "A1", 41_000, 44_000, 43_000], // step 3 below step 2: an audit error
    ["Annual", "N9", 60_000, 61_000, 62_000], // a new grade
    ["Other", "C1", 40_000.5, 41_000.25],
    ["Master", "R1", 50_000, 60_000, 70_000],
  ];

  it("compares same-named grades, leaves A2 without a proposed grade and shows the new grade", () => {
    const result = run({}, { proposed: PROPOSED });
    const ex = exhibit(result, "pay-plan-comparison");
    // (21 − 20) / 20 = 0.05
    expect(rowOf(ex, "Hourly", "H1")["Minimum Change"]).toBeCloseTo(0.05, 12);
    expect(rowOf(ex, "Annual", "A2")).toMatchObject({ Minimum: 42_001, "Proposed Minimum": null });
    expect(rowOf(ex, "Annual", "N9")).toMatchObject({ Minimum: null, "Proposed Minimum": 60_000 });
    expect(ex.notes).toContain("No proposed grade (proposed columns blank): Annual A2.");
    const audit = ex.notes?.find((line) => line.startsWith("Schedule audit of the proposed plans")) ?? "";
    expect(audit).toContain("1 error");
    expect(audit).toContain("Error, Annual A1 step 3: Step 3 ($43,000) is lower than step 2 ($44,000)");
    expect(result.summary.notes).toContain("proposed plans: 1 schedule audit error (see Pay Plan Comparison)");
    expect(ex.description).toContain("Proposed structure: the Proposed Plans table (proposed.csv)");
  });

  it("follows the Grade Map where it names another grade", () => {
    const map: CellValue[][] = [
      ["Plan", "Grade", "Proposed Plan", "Proposed Grade"],
      ["Annual", "A2", "Annual", "N9"],
      ["Annual", "Z7", "Annual", "N9"], // no such current grade
    ];
    const ex = exhibit(run({}, { proposed: PROPOSED, "grade-map": map }), "pay-plan-comparison");
    // A2 42,001 → N9 60,000: (60,000 − 42,001) / 42,001
    expect(rowOf(ex, "Annual", "A2")["Minimum Change"]).toBeCloseTo(17_999 / 42_001, 12);
    expect(ex.rows.filter((r) => r.values[1] === "N9")).toHaveLength(0);
    expect(ex.notes).toContain("Compared through the Grade Map: Annual A2 → Annual N9.");
    expect(ex.notes?.join(" ")).toContain("Grade Map: rows not used — row 3: Grade 'Z7' is not in plan 'Annual'.");
  });
});

describe("pay-plan-comparison with --market-target", () => {
  // A1 (midpoint 43,000) has five peers 42,000 … 48,000 (market midpoint 45,000);
  // A2 (midpoint 45,000.5) has none; Hourly has no benchmark.
  const MARKET: CellValue[][] = [
    ["Benchmark Job", "Plan", "Grade", "Peer", "Peer Minimum", "Peer Maximum"],
    ...[1, 2, 3, 4, 5].map((p) => ["Clerk", "Annual", "A1", `Peer ${p}`, 42_000, 48_000]),
  ];

  it("moves the benchmarked grade to target × market midpoint and the plan's others by its median factor", () => {
    const ex = exhibit(run({ "market-target": "100%" }, { market: MARKET }), "pay-plan-comparison");
    // factor 1 × 45,000 / 43,000 = 1.046511627…: 40,000 × f = 41,860.47 → 41,860; 46,000 × f = 48,139.53 → 48,140.
    const a1 = rowOf(ex, "Annual", "A1");
    expect(a1).toMatchObject({ "Proposed Minimum": 41_860, "Proposed Maximum": 48_140 });
    // A2 moves by the plan's median factor (the only one): 42,001 × f = 43,954.53 → 43,955.
    expect(rowOf(ex, "Annual", "A2")["Proposed Minimum"]).toBe(43_955);
    // Plans without a benchmark stay as they are.
    expect(rowOf(ex, "Hourly", "H1")).toMatchObject({ "Proposed Minimum": 20, "Minimum Change": 0 });
    expect(ex.description).toContain(
      "(1 grade); the other grades of those plans × the plan's median factor (1); 3 plans without a benchmark unchanged (a market target of 100 %)",
    );
  });

  it("a 110 % target: 40,000 × 1.1 × 45,000 / 43,000 = 46,046.51… → 46,047", () => {
    const ex = exhibit(run({ "market-target": "110%" }, { market: MARKET }), "pay-plan-comparison");
    expect(rowOf(ex, "Annual", "A1")["Proposed Minimum"]).toBe(46_047);
  });

  it("says the Market table is needed when it is not given", () => {
    const result = run({ "market-target": "100%" });
    expect(result.exhibits.map((e) => e.id)).not.toContain("pay-plan-comparison");
    expect(result.summary.notes.join("\n")).toContain(
      "not built (needs the Market table, for the market target): 6-1 Pay Plan Comparison, 6-2 Implementation Cost, 6-3 Implementation Detail, 6-4 Implementation Options",
    );
  });
});

describe("without a proposed structure", () => {
  it("default runs skip chapter 6 with the reason", () => {
    const result = run({});
    expect(result.exhibits.map((e) => e.id)).not.toContain("pay-plan-comparison");
    expect(result.summary.notes).toContain(
      "not built (needs a proposed structure): 6-1 Pay Plan Comparison, 6-2 Implementation Cost, 6-3 Implementation Detail, 6-4 Implementation Options",
    );
  });

  it("asking for it is an error", () => {
    expect(() =>
      studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-07-01", exhibits: ["pay-plan-comparison"] }),
    ).toThrow("Exhibit pay-plan-comparison cannot be built: no proposed structure");
  });

  it("two structures at once are refused", () => {
    expect(() => run({ adjust: "3%" }, { proposed: PLANS })).toThrow(
      "Give one proposed structure, not the Proposed Plans table and a structure adjustment",
    );
  });
});
