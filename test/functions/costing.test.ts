/**
 * COMP.STEP_COST and COMP.RAISE_SCHEDULE as Excel calls them: every argument a 2-D array,
 * omitted optionals as null, errors inside the result cell by cell; the raise rounded exactly
 * as the structure adjustment and the settlement costing round.
 */
import fc from "fast-check";
import { raisedPay } from "../../src/engine/costing";
import { RAISE_SCHEDULE, STEP_COST } from "../../src/functions/costing";
import { EXHIBIT } from "../../src/functions/exhibit";
import { installCustomFunctionsStub, removeCustomFunctionsStub, NA, NUM, VALUE } from "./custom-functions-stub";

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

const N = null as never;

// The 2017-18 teacher guide's BA lane (steps 1–7) and Portland's BASE B1-5 (hourly).
const PLAN = [
  ["Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7"],
  ["BA", 46_260, 46_700, 47_730, 48_730, 50_230, 51_200, 52_730],
  ["B1-5", "$ 12.12", "$ 12.50", "$ 12.88", "$ 13.26", null, null, null],
];

describe("STEP_COST", () => {
  it("costs the guide's increment for steps 1–6 with their FTE: 17,555 in all", () => {
    const costs = STEP_COST(
      PLAN,
      [["BA"]],
      [[1], [2], [3], [4], [5], [6]],
      [[3.5], [2.5], [3], [4], [3], [1]],
    ) as number[][];
    // 3.5 × 440, 2.5 × 1,030, 3 × 1,000, 4 × 1,500, 3 × 970, 1 × 1,530
    expect(costs).toEqual([[1_540], [2_575], [3_000], [6_000], [2_910], [1_530]]);
    expect(costs.reduce((sum, [cost]) => sum + cost, 0)).toBe(17_555);
  });

  it("is 0 at and past the top step, and takes an hourly basis", () => {
    expect(STEP_COST(PLAN, [["BA"], ["BA"], ["B1-5"]], [[7], [12], [4]], N, N)).toEqual([[0], [0], [0]]);
    // (12.50 − 12.12) × 2,080 hours × 0.5 FTE = 395.20
    const [[hourly]] = STEP_COST(PLAN, [["b1-5"]], [[1]], [[0.5]], [[2_080]]) as number[][];
    expect(hourly).toBeCloseTo(395.2, 9);
  });

  it("keeps errors in their cells", () => {
    expect(STEP_COST(PLAN, [["BA"], ["ZZ"], ["BA"], ["BA"], ["BA"]], [[1], [1], [0], [1.5], ["x"]], N, N)).toEqual([
      [440],
      [NA("Grade 'ZZ' is not in the schedule")],
      [NUM],
      [NUM],
      [VALUE("step must be a number, got 'x'")],
    ]);
    expect(STEP_COST(PLAN, [["BA"]], [[1]], [[0]], N)).toEqual([[NUM]]);
    expect(STEP_COST(PLAN, [["BA"]], [[1]], N, [[-1]])).toEqual([[NUM]]);
  });
});

describe("RAISE_SCHEDULE", () => {
  it("raises every step and rounds per grade: to the dollar for annual pay, to the cent for hourly", () => {
    expect(RAISE_SCHEDULE(PLAN, [[0.03]], N)).toEqual([
      ["Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7"],
      // 46,260 × 1.03 = 47,647.8 → 47,648; 46,700 × 1.03 = 48,101; …
      ["BA", 47_648, 48_101, 49_162, 50_192, 51_737, 52_736, 54_312],
      // 12.12 × 1.03 = 12.4836 → 12.48; 12.50 → 12.875 → 12.88 (half away from zero); …
      ["B1-5", 12.48, 12.88, 13.27, 13.66, "", "", ""],
    ]);
  });

  it("adds the flat amount after the increase", () => {
    const [, ba] = RAISE_SCHEDULE(PLAN, [[0.02]], [[500]]) as unknown[][];
    // 46,260 × 1.02 + 500 = 47,685.2 → 47,685
    expect(ba.slice(0, 3)).toEqual(["BA", 47_685, 48_134]);
  });

  it("is the rounding of the settlement costing and --adjust, cell for cell", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_000, max: 9_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -20, max: 100 }),
        fc.integer({ min: 0, max: 2_000 }),
        (cents, percent, flat) => {
          const steps = cents.map((c) => c / 100);
          const raised = RAISE_SCHEDULE([["G", ...steps]], [[percent / 1000]], [[flat]]) as unknown[][];
          const showsCents = steps.some((s) => !Number.isInteger(s)) || steps[steps.length - 1] < 1_000;
          expect(raised[0].slice(1)).toEqual(steps.map((s) => raisedPay(s, percent / 1000, flat, showsCents)));
        },
      ),
    );
  });

  it("refuses an increase written as a whole number, a range, and a cut of 100 %", () => {
    expect(RAISE_SCHEDULE(PLAN, [[3]], N)).toEqual([[VALUE("increase 3 is above 1: write 3 % as 0.03")]]);
    expect(RAISE_SCHEDULE(PLAN, [[0.03, 0.02]], N)).toEqual([[VALUE("increase must be one value, not a range")]]);
    expect(RAISE_SCHEDULE(PLAN, [[-1]], N)).toEqual([[NUM]]);
    expect(RAISE_SCHEDULE(PLAN, [[null]], N)).toEqual([[VALUE("increase is blank")]]);
    expect(RAISE_SCHEDULE(PLAN, [["3%"]], N)).toEqual([[VALUE("increase must be a number, got '3%'")]]);
  });

  it("gives #NUM! for a step the flat amount makes negative", () => {
    expect(RAISE_SCHEDULE([["G", 12, 14]], [[0]], [[-13]])).toEqual([["G", NUM, 1]]);
  });
});

describe("COMP.EXHIBIT with the costing's options and tables", () => {
  const plans = [
    ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
    ["Teachers", "T", 40_000, 42_000, 44_000],
  ];
  const roster = [
    ["Employee ID", "Plan", "Grade", "Salary", "Benefit Group"],
    ["E1", "Teachers", "T", 40_000, "Cert"],
    ["E2", "Teachers", "T", 44_000, ""],
  ];
  const groups = [
    ["Group", "Load Rate", "Per FTE"],
    ["Cert", "20%", 10_000],
  ];

  it("spills settlement-cost from an options range (a list as text, a number as a one-year list)", () => {
    const options = [
      ["Name", "Value"],
      ["raise", "3%,2%"],
      ["freeze", 2],
    ];
    const rows = EXHIBIT([["settlement-cost"]], plans, roster, [["2017-07-01"]], options, [["benefit-groups"]], groups);
    expect(rows[0].slice(0, 6)).toEqual(["Plan", "Year", "Increase", "Flat Amount", "Step Movement", "Salary Cost"]);
    // Year 1: E1 step 2 at 42,000 × 1.03 = 43,260; E2 the top, 44,000 × 1.03 = 45,320.
    expect(rows[2].slice(0, 6)).toEqual(["All", 1, 0.03, 0, "Yes", 88_580]);
    // Year 2, frozen: 43,260 × 1.02 = 44,125.2 → 44,125; 45,320 × 1.02 = 46,226.4 → 46,226.
    expect(rows[3].slice(0, 8)).toEqual(["All", 2, 0.02, 0, "No", 90_351, 0, 0]);
    // Loads of year 0: E1 40,000 × 20 % + 10,000; E2 has no group and no default load.
    expect(rows[1][rows[0].indexOf("Load Cost")]).toBe(18_000);
    // No stipend or longevity table: Supplemental Cost 0, beside Salary Cost.
    expect(rows[0][6]).toBe("Supplemental Cost");
    expect(rows[1][6]).toBe(0);
    expect(rows[4].slice(0, 2)).toEqual(["All", "Settlement"]);
  });
});
