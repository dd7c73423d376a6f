/**
 * Average step progression of a pay row.
 * Source: Portland 2013 study, chapter 3 pay plan exhibits ("average step progression").
 */
import { invalid, outOfRange } from "./errors";

/** How the mean step-to-step increase is taken. */
export type ProgressionMethod = "geometric" | "arithmetic";

/** The methods, for adapters that read a method name from a cell. */
export const PROGRESSION_METHODS: readonly ProgressionMethod[] = ["geometric", "arithmetic"];

/** Reads a method name (trimmed, case-insensitive); anything else is an invalid argument. */
export function parseProgressionMethod(text: string): ProgressionMethod {
  const method = text.trim().toLowerCase();
  if (method === "geometric" || method === "arithmetic") return method;
  return invalid(`Method must be 'geometric' or 'arithmetic', got '${text.trim()}'`);
}

/**
 * Average step progression (Portland 2013 study, pay plan exhibits): geometric =
 * (last / first)^(1 / (n − 1)) − 1, the constant rate that links the first and last step;
 * arithmetic = the mean of the step-to-step increases. Fewer than 2 steps → invalid argument.
 */
export function stepProgression(steps: readonly number[], method: ProgressionMethod = "geometric"): number {
  if (steps.length < 2) invalid(`A step progression needs at least two steps, got ${steps.length}`);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!Number.isFinite(step)) invalid(`Step ${i + 1} is not a number`);
    if (step <= 0) outOfRange(`Step ${i + 1} must be above zero, got ${step}`);
  }
  const n = steps.length;
  if (method === "geometric") return Math.pow(steps[n - 1] / steps[0], 1 / (n - 1)) - 1;
  let sum = 0;
  for (let i = 1; i < n; i++) sum += steps[i] / steps[i - 1] - 1;
  return sum / (n - 1);
}
