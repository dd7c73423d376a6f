import { parseProgressionMethod, stepProgression } from "../../src/engine/progression";
import { failure } from "./helpers";

describe("stepProgression", () => {
  it("geometric: the constant rate linking the first and last step (the default)", () => {
    expect(stepProgression([100, 110, 121])).toBeCloseTo(0.1, 12);
    expect(stepProgression([100, 200], "geometric")).toBeCloseTo(1, 12);
  });

  it("arithmetic: the mean of the step-to-step increases", () => {
    expect(stepProgression([100, 110, 132], "arithmetic")).toBeCloseTo((0.1 + 0.2) / 2, 12);
  });

  it("gives 0 for a flat row", () => {
    expect(stepProgression([50, 50, 50])).toBe(0);
    expect(stepProgression([50, 50, 50], "arithmetic")).toBe(0);
  });

  it.each([
    [[], "invalid argument", "A step progression needs at least two steps, got 0"],
    [[100], "invalid argument", "A step progression needs at least two steps, got 1"],
    [[100, NaN], "invalid argument", "Step 2 is not a number"],
    [[100, 0], "out of range", "Step 2 must be above zero, got 0"],
    [[-1, 5], "out of range", "Step 1 must be above zero, got -1"],
  ])("rejects %p", (steps, kind, message) => {
    expect(failure(() => stepProgression(steps))).toEqual({ kind, message });
  });

  it("reads method names trimmed and case-insensitive", () => {
    expect(parseProgressionMethod(" Arithmetic ")).toBe("arithmetic");
    expect(parseProgressionMethod("GEOMETRIC")).toBe("geometric");
    expect(failure(() => parseProgressionMethod("mean"))).toEqual({
      kind: "invalid argument",
      message: "Method must be 'geometric' or 'arithmetic', got 'mean'",
    });
  });
});
