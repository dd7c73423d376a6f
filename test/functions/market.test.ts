/**
 * COMP.MARKET_DIFF, AGE_MARKET, STEP_OF, NEXT_STEP and COST_TO_MIN as Excel calls them: every
 * argument a 2-D array, omitted optionals as null, errors inside the result cell by cell.
 */
import * as fs from "fs";
import { AGE_MARKET, COST_TO_MIN, MARKET_DIFF, NEXT_STEP, STEP_OF } from "../../src/functions/market";
import {
  installCustomFunctionsStub,
  loadShippedFunctions,
  removeCustomFunctionsStub,
  SHIPPED_BUNDLE,
  NA,
  NUM,
  VALUE,
} from "./custom-functions-stub";

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

const N = null as never;

// Portland PEA TE3 (187 days) and BASE B1-5, as pasted from the study.
const PLAN = [
  ["Grade", "Step 1", "Step 2", "Step 3", "Step 4"],
  ["TE3", "50,664", "51,947", "53,230", "54,512"],
  ["B1-5", "$ 12.12", "$ 12.50", "$ 12.88", "$ 13.26"],
];

describe("MARKET_DIFF", () => {
  it("computes both conventions cell by cell", () => {
    // (62,208 − 59,800) / 59,800 = 2,408 / 59,800 = 0.040267…; the raise needed: (59,800 − 62,208) / 62,208.
    const [[diff]] = MARKET_DIFF([[62_208]], [[59_800]], N) as number[][];
    expect(diff).toBeCloseTo(2_408 / 59_800, 12);
    const [[raise]] = MARKET_DIFF([[62_208]], [[59_800]], [["market-over-org"]]) as number[][];
    expect(raise).toBeCloseTo(-2_408 / 62_208, 12);
  });

  it("spills over a column and keeps errors in their cells", () => {
    expect(MARKET_DIFF([[105], [95], [0], ["x"]], [[100]], N)).toEqual([
      [0.05],
      [-0.05],
      [NUM],
      [VALUE("org must be a number, got 'x'")],
    ]);
  });

  it("refuses an unknown convention", () => {
    expect(MARKET_DIFF([[105]], [[100]], [["ratio"]])).toEqual([
      [VALUE("The convention must be 'org-over-market' or 'market-over-org', got 'ratio'")],
    ]);
  });
});

describe("AGE_MARKET", () => {
  it("ages compound by default from a date text to a date serial", () => {
    // 2009-04-01 → 2013-04-01 (serial 41,365) is 1,461 days = 4 years: 40,000 × 1.03⁴ = 45,020.3524.
    const [[aged]] = AGE_MARKET([[40_000]], [["2009-04-01"]], [[41_365]], N, N) as number[][];
    expect(aged).toBeCloseTo(45_020.3524, 4);
  });

  it("ages simply and at a given rate: 40,000 × (1 + 0.05 × 4) = 48,000", () => {
    const [[aged]] = AGE_MARKET([[40_000]], [["2009-04-01"]], [["2013-04-01"]], [[0.05]], [["simple"]]) as number[][];
    expect(aged).toBeCloseTo(48_000, 6);
  });

  it("leaves a figure dated after the to_date as it is", () => {
    expect(AGE_MARKET([[40_000]], [["2013-06-01"]], [["2013-04-01"]], N, N)).toEqual([[40_000]]);
  });

  it("says which date is not a date, and gives #NUM! for a rate written as 3", () => {
    expect(AGE_MARKET([[40_000]], [["soon"]], [["2013-04-01"]], N, N)).toEqual([
      [VALUE("from_date is not a date: 'soon'")],
    ]);
    expect(AGE_MARKET([[40_000]], [["2012-04-01"]], [["2013-04-01"]], [[3]], N)).toEqual([[NUM]]);
  });
});

describe("STEP_OF and NEXT_STEP", () => {
  it.each([
    // TE3: 50,664 / 51,947 / 53,230 / 54,512
    ["below the first step", "TE3", 50_000, 0, 1],
    ["exactly at step 2", "TE3", 51_947, 2, 2],
    ["between steps 2 and 3", "TE3", 52_000, 2, 3],
    ["at the top step", "TE3", 54_512, 4, 4],
    // B1-5 hourly: 12.12 / 12.50 / 12.88 / 13.26; 12.499 is within half a cent of 12.50
    ["half a cent under step 2", "b1-5", 12.496, 2, 2],
    ["a cent under step 2", "B1-5", 12.49, 1, 2],
  ])("%s", (_name, grade, salary, stepOf, nextStep) => {
    expect(STEP_OF(PLAN, [[grade]], [[salary]])).toEqual([[stepOf]]);
    expect(NEXT_STEP(PLAN, [[grade]], [[salary]], N)).toEqual([[nextStep]]);
  });

  it("NEXT_STEP with a minimum increase: 51,947 × 1.02 = 52,985.94 → step 3 (53,230)", () => {
    expect(NEXT_STEP(PLAN, [["TE3"]], [[51_947]], [[0.02]])).toEqual([[3]]);
  });

  it("NEXT_STEP above the top step is #N/A with the reason", () => {
    expect(NEXT_STEP(PLAN, [["TE3"]], [[55_000]], N)).toEqual([
      [NA("No step of grade 'TE3' is at or above 55000 (the top step is 54512)")],
    ]);
  });

  it("spills a column of salaries, one grade looked up once, an unknown grade in its own cell", () => {
    expect(STEP_OF(PLAN, [["TE3"], ["TE3"], ["TE9"]], [[50_664], [53_300], [50_000]])).toEqual([
      [1],
      [3],
      [NA("Grade 'TE9' is not in the schedule")],
    ]);
  });

  it("a broken schedule is one error for the call", () => {
    expect(
      STEP_OF(
        [
          ["Grade", "Step 1"],
          ["TE3", "abc"],
        ],
        [["TE3"]],
        [[1]],
      ),
    ).toEqual([[VALUE("Row 2, column 2 ('Step 1') is not a number: 'abc'")]]);
  });
});

describe("COST_TO_MIN", () => {
  it.each([
    // (41,000 − 40,000) × FTE 1 = 1,000
    [[[40_000]], [[41_000]], N, N, 1_000],
    // × FTE 0.5 = 500
    [[[40_000]], [[41_000]], [[0.5]], N, 500],
    // hourly: (12.48 − 12.12) × 2,080 = 748.80
    [[[12.12]], [[12.48]], N, [[2080]], 748.8],
    // already above: nothing
    [[[42_000]], [[41_000]], N, N, 0],
  ])("COST_TO_MIN(%j, %j, %j, %j) = %d", (salary, minimum, fte, hours, cost) => {
    const [[value]] = COST_TO_MIN(salary, minimum, fte, hours) as number[][];
    expect(value).toBeCloseTo(cost, 9);
  });

  it("#NUM! for an FTE of 0, blank cells of a roster stay blank", () => {
    expect(COST_TO_MIN([[40_000], [null]], [[41_000], [null]], [[0], [null]], N)).toEqual([[NUM], [""]]);
  });
});

// What ships: dist/functions.js (npm run build) registers each function with CustomFunctions.associate.
(fs.existsSync(SHIPPED_BUNDLE) ? describe : describe.skip)("the shipped bundle (dist/functions.js)", () => {
  let shipped: ReturnType<typeof loadShippedFunctions> = {};
  beforeAll(() => {
    shipped = loadShippedFunctions();
  });

  it("registers the five market functions, which compute as the source does", () => {
    for (const id of ["MARKET_DIFF", "AGE_MARKET", "STEP_OF", "NEXT_STEP", "COST_TO_MIN"])
      expect(typeof shipped[id]).toBe("function");
    // Omitted optional arguments arrive as null; dates as serials (41,365 = 2013-04-01).
    expect(shipped.NEXT_STEP(PLAN, [["TE3"]], [[52_000]], null)).toEqual([[3]]);
    expect(shipped.MARKET_DIFF([[105]], [[100]], null)).toEqual([[0.05]]);
    // 2012-04-01 → 2013-04-01 is 365 days: 100 × 1.03^(365 / 365.25) = 102.997916…
    expect(shipped.AGE_MARKET([[100]], [["2012-04-01"]], [[41_365]], null, null)[0][0]).toBeCloseTo(
      100 * Math.pow(1.03, 365 / 365.25),
      9,
    );
    expect(shipped.COST_TO_MIN([[12.12]], [[12.48]], null, [[2080]])[0][0]).toBeCloseTo(748.8, 9);
    expect(shipped.STEP_OF(PLAN, [["TE3"]], [[52_000]])).toEqual([[2]]);
  });
});
