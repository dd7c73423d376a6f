/** Implementation rules (issue 9), worked by hand: step of a salary, next step, service step, cost to the minimum. */
import fc from "fast-check";
import { errorKindOf } from "./error-kind";
import {
  annualCost,
  completedYears,
  costToMinimum,
  nextStepPosition,
  raiseToMinimum,
  serviceStepPosition,
  stepPosition,
} from "../../src/engine/implementation";
import { stepForYears } from "../../src/engine/rules";
import { dayNumber } from "../../src/engine/study";

const STEPS = [100, 110, 120, 130];

const kindOf = errorKindOf;

describe("stepPosition: the highest step at or below a salary", () => {
  it.each([
    ["below the first step", 99.99, 0],
    ["exactly at the first step", 100, 1],
    ["within half a cent under a step (binary noise)", 109.996, 2],
    ["just above a step, below the next", 109.99, 1],
    ["exactly at a middle step", 120, 3],
    ["at the top step", 130, 4],
    ["above the top step", 135, 4],
  ])("%s", (_name, salary, position) => {
    expect(stepPosition(STEPS, salary)).toBe(position);
  });

  it("gives the last step of a plateau (flat steps)", () => {
    expect(stepPosition([100, 110, 110, 120], 110)).toBe(3);
  });
});

describe("nextStepPosition: the first step at or above a salary", () => {
  it.each([
    ["exactly at a step", 100, 0, 1],
    ["a cent above a step", 100.01, 0, 2],
    ["within half a cent under a step", 109.996, 0, 2],
    ["within half a cent above a step", 110.004, 0, 2],
    ["at the top step", 130, 0, 4],
    ["above the top step: none", 130.01, 0, 0],
    // with a 5 % minimum increase: 100 × 1.05 = 105 → the first step ≥ 105 is 110 (step 2).
    ["100 with a 5 % minimum increase", 100, 0.05, 2],
    // 105 × 1.05 = 110.25 → 120 (step 3).
    ["105 with a 5 % minimum increase", 105, 0.05, 3],
    // 125 × 1.05 = 131.25 > 130: no step is high enough.
    ["125 with a 5 % minimum increase: none", 125, 0.05, 0],
  ])("%s", (_name, salary, minIncrease, position) => {
    expect(nextStepPosition(STEPS, salary, minIncrease)).toBe(position);
  });

  it("refuses a negative salary or minimum increase, and a grade without steps", () => {
    expect(kindOf(() => nextStepPosition(STEPS, -1))).toBe("out of range");
    expect(kindOf(() => nextStepPosition(STEPS, 100, -0.01))).toBe("out of range");
    expect(kindOf(() => nextStepPosition([], 100))).toBe("invalid argument");
  });

  it("is never below the step a salary sits on, and pays at least the salary when found", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        (rises, salary) => {
          const steps: number[] = [];
          rises.reduce((pay, rise) => (steps.push(pay + rise), pay + rise), 50);
          const next = nextStepPosition(steps, salary);
          const at = stepPosition(steps, salary);
          if (next === 0) return salary > steps[steps.length - 1];
          return next >= at && steps[next - 1] >= salary - 0.005;
        },
      ),
    );
  });
});

describe("completedYears and serviceStepPosition", () => {
  const day = (iso: string): number => {
    const [y, m, d] = iso.split("-").map(Number);
    return dayNumber(y, m, d) as number;
  };

  it.each([
    ["on the third anniversary", "2010-07-01", "2013-07-01", 3],
    ["a day before the third anniversary", "2010-07-02", "2013-07-01", 2],
    ["hired on the as-of date", "2013-07-01", "2013-07-01", 0],
    ["hired 29 February: not yet on 28 February", "2012-02-29", "2013-02-28", 0],
    ["hired 29 February: a year on 1 March", "2012-02-29", "2013-03-01", 1],
    ["hired after the as-of date", "2014-01-01", "2013-07-01", 0],
  ])("%s", (_name, hire, asOf, years) => {
    expect(completedYears(day(hire), day(asOf))).toBe(years);
  });

  it.each([
    ["0 years: the first step", 0, 1],
    ["1 year: the second step", 1, 2],
    ["3.9 years count 3: the fourth step", 3.9, 4],
    ["past the top step: the top step holds", 12, 4],
  ])("%s", (_name, years, position) => {
    expect(serviceStepPosition(4, years)).toBe(position);
  });

  it("is the placement's one experience → step rule (stepForYears from step 1), for any years and grade", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), fc.integer({ min: 1, max: 40 }), (years, steps) => {
        expect(serviceStepPosition(steps, years)).toBe(stepForYears(years, 1, steps));
      }),
    );
  });
});

describe("raiseToMinimum, annualCost and costToMinimum", () => {
  it.each([
    ["below the new minimum: raised", 40_000, 41_000, 41_000],
    ["at the new minimum", 41_000, 41_000, 41_000],
    ["within half a cent under it: kept (noise)", 40_999.996, 41_000, 40_999.996],
    ["above it: kept", 45_000, 41_000, 45_000],
  ])("%s", (_name, salary, minimum, pay) => {
    expect(raiseToMinimum(salary, minimum)).toBe(pay);
  });

  it.each([
    // annual: (41,000 − 40,000) × FTE 1 = 1,000; × FTE 0.5 = 500.
    ["an annual salary, full time", 40_000, 41_000, 1, null, 1_000],
    ["an annual salary, half time", 40_000, 41_000, 0.5, null, 500],
    // hourly: (12.48 − 12.12) × 2,080 hours = 0.36 × 2,080 = 748.80.
    ["an hourly rate with hours", 12.12, 12.48, 1, 2080, 748.8],
    // hours replace FTE: (12.48 − 12.12) × 1,040 = 374.40, whatever the FTE.
    ["an hourly rate with hours and an FTE", 12.12, 12.48, 0.5, 1040, 374.4],
    ["at or above the new minimum: nothing", 42_000, 41_000, 1, null, 0],
  ])("%s", (_name, salary, minimum, fte, hours, cost) => {
    expect(costToMinimum(salary, minimum, fte, hours)).toBeCloseTo(cost, 9);
  });

  it("refuses an FTE of 0, negative hours or a negative annual basis", () => {
    expect(kindOf(() => costToMinimum(40_000, 41_000, 0))).toBe("out of range");
    expect(kindOf(() => costToMinimum(40_000, 41_000, 1, -1))).toBe("out of range");
    expect(kindOf(() => annualCost(1, -1))).toBe("out of range");
  });

  it("never costs less than nothing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (salary, minimum, fte) => costToMinimum(salary, minimum, fte) >= 0,
      ),
    );
  });
});

describe("completedYears agrees with the calendar", () => {
  it("counts the anniversaries a Date-based count finds, for any pair of dates", () => {
    const byCalendar = (hire: number, asOf: number): number => {
      const h = new Date(hire * 86_400_000);
      const a = new Date(asOf * 86_400_000);
      let years = a.getUTCFullYear() - h.getUTCFullYear();
      if (a.getUTCMonth() < h.getUTCMonth() || (a.getUTCMonth() === h.getUTCMonth() && a.getUTCDate() < h.getUTCDate()))
        years--;
      return Math.max(0, years);
    };
    // 1900-01-01 … 2099-12-31 as day numbers.
    const day = fc.integer({ min: -25_567, max: 47_481 });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [hire, asOf] = a <= b ? [a, b] : [b, a];
        return completedYears(hire, asOf) === byCalendar(hire, asOf);
      }),
      { numRuns: 2000 },
    );
  });
});
