/**
 * Pay-range measures: midpoint, range spread, quartile, compa-ratio, penetration.
 * Source: Portland 2013 study, chapter 3 (pay plan analysis, quartile analysis); glossary.
 */
import { invalid, outOfRange } from "./errors";
import { HALF_CENT } from "./money";

/** Checks a pay range: finite, min > 0, max ≥ min (the shared precondition of range rules). */
export function checkRange(min: number, max: number): void {
  if (!Number.isFinite(min) || !Number.isFinite(max)) invalid("The range minimum and maximum must be numbers");
  if (min <= 0) outOfRange(`The range minimum must be above zero, got ${min}`);
  if (max < min) outOfRange(`The range maximum (${max}) is below the minimum (${min})`);
}

/** Midpoint = (minimum + maximum) / 2 (glossary). */
export function midpoint(min: number, max: number): number {
  checkRange(min, max);
  return (min + max) / 2;
}

/** Range spread = (maximum − minimum) / minimum (Portland study, pay plan exhibits). */
export function rangeSpread(min: number, max: number): number {
  checkRange(min, max);
  return (max - min) / min;
}

/** Quartile 1–4 of a salary within [min, max]; 0/5 outside when `strict` (Portland quartile analysis). */
export type Quartile = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * Which quarter of the range a salary falls in: Q1 = [min, min+¼w), Q2 = [min+¼w, mid),
 * Q3 = [mid, min+¾w), Q4 = [min+¾w, max]. Below min → 1 (0 when strict), above max → 4
 * (5 when strict). Boundaries compare with a half-cent tolerance (a salary half a cent
 * under the midpoint counts as at the midpoint).
 */
export function quartilePlace(salary: number, min: number, max: number, strict = false): Quartile {
  if (!Number.isFinite(salary)) invalid("The salary must be a number");
  return quartileClassifier(min, max, strict)(salary);
}

/**
 * The quartile rule of `quartilePlace` with the range checked and its boundaries computed once:
 * the classifier placing a whole column of salaries against one range (Portland quartile analysis).
 */
export function quartileClassifier(min: number, max: number, strict = false): (salary: number) => Quartile {
  checkRange(min, max);
  const width = max - min;
  // Half-cent tolerance folded into the boundaries: a salary within half a cent of a
  // boundary counts as on it (lessThan/atLeast of money.ts, computed once).
  const belowMin = min - HALF_CENT;
  const aboveMax = max + HALF_CENT;
  const q4 = min + 0.75 * width - HALF_CENT;
  const q3 = min + 0.5 * width - HALF_CENT;
  const q2 = min + 0.25 * width - HALF_CENT;
  return (salary) => {
    if (salary < belowMin) return strict ? 0 : 1;
    if (strict && salary > aboveMax) return 5;
    if (salary >= q4) return 4;
    if (salary >= q3) return 3;
    if (salary >= q2) return 2;
    return 1;
  };
}

/** Compa-ratio = salary / midpoint (glossary). */
export function compaRatio(salary: number, min: number, max: number): number {
  if (!Number.isFinite(salary)) invalid("The salary must be a number");
  return salary / midpoint(min, max);
}

/** Range penetration = (salary − minimum) / (maximum − minimum); a one-point range gives #DIV/0!-like out of range. */
export function rangePenetration(salary: number, min: number, max: number): number {
  checkRange(min, max);
  if (!Number.isFinite(salary)) invalid("The salary must be a number");
  if (max === min) outOfRange("The range has no width (minimum equals maximum)");
  return (salary - min) / (max - min);
}
