/** Market rules (issue 9), worked by hand: aging, statistics (PERCENTILE.INC), differentials, positions. */
import fc from "fast-check";
import { errorKindOf } from "./error-kind";
import {
  ageMarketValue,
  describeStatistic,
  marketDifferential,
  marketPosition,
  marketStatistic,
  parseAgingMethod,
  parseDifferentialConvention,
  parseMarketStatistic,
  percentileInc,
} from "../../src/engine/market";

const kindOf = errorKindOf;

describe("ageMarketValue", () => {
  it.each([
    // 730.5 days = 2 years of 365.25: compound 50,000 × 1.03² = 50,000 × 1.0609 = 53,045.
    ["compound, two years", 50_000, 730.5, 0.03, "compound", 53_045],
    // simple: 50,000 × (1 + 0.03 × 2) = 50,000 × 1.06 = 53,000.
    ["simple, two years", 50_000, 730.5, 0.03, "simple", 53_000],
    // half a year (182.625 days): compound 50,000 × √1.03 = 50,000 × 1.01488915651 = 50,744.4578.
    ["compound, half a year", 50_000, 182.625, 0.03, "compound", 50_744.4578],
    // simple: 50,000 × (1 + 0.03 × 0.5) = 50,750 — simple runs ahead of compound under a year.
    ["simple, half a year", 50_000, 182.625, 0.03, "simple", 50_750],
    // 1,461 days (2009-04-01 → 2013-04-01, one leap day) = 4 years: 12.12 × 1.03⁴ = 12.12 × 1.12550881 = 13.641166777.
    ["compound, four years of an hourly rate", 12.12, 1461, 0.03, "compound", 13.641166777],
    // a rate of 0 leaves the value.
    ["a rate of 0", 50_000, 730.5, 0, "compound", 50_000],
  ] as const)("%s", (_name, value, days, rate, method, expected) => {
    expect(ageMarketValue(value, days, rate, method)).toBeCloseTo(expected, 4);
  });

  it.each([
    ["dated on the date aged to (0 days)", 0],
    ["dated after it (a figure is never aged backwards)", -90],
  ])("leaves a figure %s as it is", (_name, days) => {
    expect(ageMarketValue(50_000, days, 0.03, "compound")).toBe(50_000);
    expect(ageMarketValue(50_000, days, 0.03, "simple")).toBe(50_000);
  });

  it("refuses a rate outside 0 … 1 (3 % is 0.03) and values that are not numbers", () => {
    expect(kindOf(() => ageMarketValue(50_000, 365, 3))).toBe("out of range");
    expect(kindOf(() => ageMarketValue(50_000, 365, -0.01))).toBe("out of range");
    expect(kindOf(() => ageMarketValue(Number.NaN, 365, 0.03))).toBe("invalid argument");
  });

  it("compound aging never goes below simple aging after a year (and never below the value)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 366, max: 3650 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (value, days, rate) => {
          const compound = ageMarketValue(value, days, rate, "compound");
          const simple = ageMarketValue(value, days, rate, "simple");
          return compound >= simple - 1e-9 * value && simple >= value;
        },
      ),
    );
  });

  it("reads the method names", () => {
    expect(parseAgingMethod(" Simple ")).toBe("simple");
    expect(() => parseAgingMethod("linear")).toThrow("The aging method must be 'compound' or 'simple', got 'linear'");
  });
});

describe("percentileInc (Excel's PERCENTILE.INC)", () => {
  it.each([
    // odd count [10, 20, 60]: h = (3 − 1) × k.
    ["odd count, the median", [60, 10, 20], 0.5, 20], // h = 1 → 20
    ["odd count, p75 interpolated", [60, 10, 20], 0.75, 40], // h = 1.5 → 20 + 0.5 × (60 − 20) = 40
    // even count [10, 20, 30, 100]: h = 3 × k.
    ["even count, the median", [100, 30, 20, 10], 0.5, 25], // h = 1.5 → 20 + 0.5 × 10 = 25
    ["even count, p75 interpolated", [10, 20, 30, 100], 0.75, 47.5], // h = 2.25 → 30 + 0.25 × 70 = 47.5
    ["even count, p90 interpolated", [10, 20, 30, 100], 0.9, 79], // h = 2.7 → 30 + 0.7 × 70 = 79
    ["p0 is the smallest", [10, 20, 30, 100], 0, 10],
    ["p100 is the largest", [10, 20, 30, 100], 1, 100],
    ["one value is every percentile", [42], 0.3, 42],
    // five peers [30,000, 40,000, 41,000, 44,000, 45,000], p60: h = 4 × 0.6 = 2.4 → 41,000 + 0.4 × 3,000 = 42,200.
    ["five peers, p60", [44_000, 30_000, 45_000, 41_000, 40_000], 0.6, 42_200],
  ])("%s", (_name, values, k, expected) => {
    expect(percentileInc(values, k)).toBeCloseTo(expected, 9);
  });

  it("is the median at 0.5: the middle one, or the mean of the middle two (the pay-equity Median Gap)", () => {
    expect(percentileInc(Float64Array.from([3, 1, 2]), 0.5)).toBe(2);
    expect(percentileInc(Float64Array.from([40_000, 10_000, 30_000, 20_000]), 0.5)).toBe(25_000);
    expect(percentileInc(Float64Array.from([7]), 0.5)).toBe(7);
    expect(percentileInc(Float64Array.from([5, 5, 5, 1, 9, 5]), 0.5)).toBe(5);
  });

  it("agrees with sorting on any list, repeats included, at the median and at any k", () => {
    const bySorting = (values: number[], k: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      const h = (sorted.length - 1) * k;
      const low = Math.floor(h);
      return h === low ? sorted[low] : sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, k) => {
          const sorted = [...values].sort((a, b) => a - b);
          const mid = sorted.length >> 1;
          const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
          expect(percentileInc(values, 0.5)).toBe(median);
          expect(percentileInc(values, k)).toBe(bySorting(values, k));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("does not reorder the caller's values", () => {
    const values = [3, 1, 2];
    percentileInc(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it("refuses an empty list and k outside 0 … 1", () => {
    expect(kindOf(() => percentileInc([], 0.5))).toBe("invalid argument");
    expect(kindOf(() => percentileInc([1, 2], 1.01))).toBe("out of range");
  });

  it("lies between the smallest and largest value and grows with k", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = percentileInc(values, lo);
          const high = percentileInc(values, hi);
          return low >= Math.min(...values) - 1e-6 && high <= Math.max(...values) + 1e-6 && low <= high + 1e-6;
        },
      ),
    );
  });
});

describe("marketStatistic", () => {
  // [10, 20, 30, 100]: mean = 160 / 4 = 40; median = 25; p75 = 47.5 (above).
  it.each([
    ["mean", 40],
    ["median", 25],
    ["p75", 47.5],
    ["P90", 79],
  ])("%s of an even count", (name, expected) => {
    expect(marketStatistic([10, 20, 30, 100], parseMarketStatistic(name))).toBeCloseTo(expected, 9);
  });

  // [10, 20, 60]: mean = 90 / 3 = 30; median = 20.
  it.each([
    ["mean", 30],
    ["median", 20],
  ])("%s of an odd count", (name, expected) => {
    expect(marketStatistic([10, 20, 60], parseMarketStatistic(name))).toBeCloseTo(expected, 9);
  });

  it("names the statistic in words", () => {
    expect(describeStatistic(parseMarketStatistic("p75"))).toBe("the 75th percentile (PERCENTILE.INC)");
    expect(describeStatistic(parseMarketStatistic("p51"))).toBe("the 51st percentile (PERCENTILE.INC)");
    expect(describeStatistic(parseMarketStatistic("p12"))).toBe("the 12th percentile (PERCENTILE.INC)");
    expect(describeStatistic(parseMarketStatistic("median"))).toBe("the median");
  });

  it.each(["average", "p", "p101", "p7.5"])("refuses the statistic %p", (name) => {
    expect(() => parseMarketStatistic(name)).toThrow("The market statistic must be 'mean', 'median' or pNN");
  });
});

describe("marketDifferential", () => {
  it.each([
    // org 105 against market 100: (105 − 100) / 100 = 0.05 — the organisation pays 5 % above.
    [105, 100, "org-over-market", 0.05],
    // the raise needed: (100 − 105) / 105 = −0.047619…
    [105, 100, "market-over-org", -5 / 105],
    // org 95: (95 − 100) / 100 = −0.05; raise needed (100 − 95) / 95 = 0.0526315…
    [95, 100, "org-over-market", -0.05],
    [95, 100, "market-over-org", 5 / 95],
  ] as const)("org %d, market %d, %s", (org, market, convention, expected) => {
    expect(marketDifferential(org, market, convention)).toBeCloseTo(expected, 12);
  });

  it("defaults to org-over-market and refuses values of 0 or less", () => {
    expect(marketDifferential(110, 100)).toBeCloseTo(0.1, 12);
    expect(kindOf(() => marketDifferential(0, 100))).toBe("out of range");
    expect(kindOf(() => marketDifferential(100, -1))).toBe("out of range");
  });

  it("reads the convention names", () => {
    expect(parseDifferentialConvention("Market-Over-Org")).toBe("market-over-org");
    expect(() => parseDifferentialConvention("ratio")).toThrow(
      "The convention must be 'org-over-market' or 'market-over-org', got 'ratio'",
    );
  });
});

describe("marketPosition: the ±tolerance band and its edges", () => {
  it.each([
    [-0.0501, "below market"],
    [-0.05, "competitive"], // the edge is competitive
    [0, "competitive"],
    [0.05, "competitive"],
    [0.0501, "above market"],
    // 3.15 / 3 − 1 = 0.05000000000000013 in binary: still the edge.
    [3.1500000000000004 / 3 - 1, "competitive"],
  ])("org-over-market %d → %s", (differential, position) => {
    expect(marketPosition(differential, 0.05, "org-over-market")).toBe(position);
  });

  it.each([
    // market-over-org is positive when the organisation pays less.
    [0.0501, "below market"],
    [0.05, "competitive"],
    [-0.05, "competitive"],
    [-0.0501, "above market"],
  ])("market-over-org %d → %s", (differential, position) => {
    expect(marketPosition(differential, 0.05, "market-over-org")).toBe(position);
  });

  it("a tolerance of 0 leaves only exact parity competitive", () => {
    expect(marketPosition(0, 0)).toBe("competitive");
    expect(marketPosition(0.001, 0)).toBe("above market");
  });
});
