import { compaRatio, midpoint, quartilePlace, rangePenetration, rangeSpread } from "../../src/engine/range";
import { failure } from "./helpers";

describe("midpoint and range spread", () => {
  it("computes the midpoint (min + max) / 2 and the spread (max − min) / min", () => {
    expect(midpoint(40000, 80000)).toBe(60000);
    expect(rangeSpread(40000, 80000)).toBe(1);
    expect(rangeSpread(12.12, 15.91)).toBeCloseTo(0.3127, 4);
  });

  it("accepts a one-point range", () => {
    expect(midpoint(50, 50)).toBe(50);
    expect(rangeSpread(50, 50)).toBe(0);
  });

  it.each([
    [0, 10, "out of range", "The range minimum must be above zero, got 0"],
    [-5, 10, "out of range", "The range minimum must be above zero, got -5"],
    [10, 5, "out of range", "The range maximum (5) is below the minimum (10)"],
    [NaN, 5, "invalid argument", "The range minimum and maximum must be numbers"],
    [5, Infinity, "invalid argument", "The range minimum and maximum must be numbers"],
  ])("rejects min %p, max %p as %s", (min, max, kind, message) => {
    expect(failure(() => rangeSpread(min, max))).toEqual({ kind, message });
    expect(failure(() => midpoint(min, max))).toEqual({ kind, message });
  });
});

describe("quartilePlace", () => {
  // Range 40,000–80,000: Q2 starts at 50,000, the midpoint is 60,000, Q4 starts at 70,000.
  it.each([
    [40000, 1],
    [49999.99, 1],
    [49999.994, 1],
    [49999.995, 2], // half a cent under the boundary is binary noise: at the boundary
    [50000, 2],
    [59999.996, 3],
    [60000, 3],
    [69999.99, 3],
    [70000, 4],
    [80000, 4],
    [39999.99, 1],
    [95000, 4],
  ])("places %p in quartile %p", (salary, quartile) => {
    expect(quartilePlace(salary, 40000, 80000)).toBe(quartile);
  });

  it.each([
    [39999.99, 0],
    [39999.996, 1],
    [80000.004, 4],
    [80000.01, 5],
    [60000, 3],
  ])("strict: places %p in %p (0 below the minimum, 5 above the maximum)", (salary, quartile) => {
    expect(quartilePlace(salary, 40000, 80000, true)).toBe(quartile);
  });

  it("treats 49.995 as the midpoint 50 of the range 10–90, and 49.994 as below it", () => {
    expect(quartilePlace(49.995, 10, 90)).toBe(3);
    expect(quartilePlace(49.994, 10, 90)).toBe(2);
  });

  it("rejects a salary that is not a number", () => {
    expect(failure(() => quartilePlace(NaN, 1, 2))).toEqual({
      kind: "invalid argument",
      message: "The salary must be a number",
    });
  });
});

describe("compa-ratio and range penetration", () => {
  it("compa-ratio = salary / midpoint", () => {
    expect(compaRatio(60000, 40000, 80000)).toBe(1);
    expect(compaRatio(54000, 40000, 80000)).toBe(0.9);
  });

  it("range penetration = (salary − min) / (max − min): 0 at min, 1 at max", () => {
    expect(rangePenetration(40000, 40000, 80000)).toBe(0);
    expect(rangePenetration(80000, 40000, 80000)).toBe(1);
    expect(rangePenetration(50000, 40000, 80000)).toBe(0.25);
    expect(rangePenetration(30000, 40000, 80000)).toBe(-0.25);
  });

  it("rejects a range with no width for penetration", () => {
    expect(failure(() => rangePenetration(50, 50, 50))).toEqual({
      kind: "out of range",
      message: "The range has no width (minimum equals maximum)",
    });
  });

  it("rejects a salary that is not a number", () => {
    expect(failure(() => compaRatio(NaN, 1, 2)).kind).toBe("invalid argument");
    expect(failure(() => rangePenetration(Infinity, 1, 2)).kind).toBe("invalid argument");
  });
});
