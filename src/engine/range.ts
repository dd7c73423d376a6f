/**
 * Pay-range measures: midpoint, range spread, quartile, compa-ratio, penetration.
 * Source: Portland 2013 study, chapter 3 (pay plan analysis, quartile analysis); glossary.
 */
import { invalid, outOfRange } from "./errors";
import { atLeast, lessThan } from "./money";

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
  checkRange(min, max);
  if (!Number.isFinite(salary)) invalid("The salary must be a number");
  const width = max - min;
  if (lessThan(salary, min)) return strict ? 0 : 1;
  if (strict && salary > max + 0.005) return 5;
  if (atLeast(salary, min + 0.75 * width)) return 4;
  if (atLeast(salary, min + 0.5 * width)) return 3;
  if (atLeast(salary, min + 0.25 * width)) return 2;
  return 1;
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
