/**
 * Costing a settlement (the state school boards' "costing out the contract" method; issue 17):
 * where a salary stands on a grade's steps, one year of step movement and what it costs, and a
 * schedule raised by a percentage and a flat amount, rounded as the structure adjustment
 * rounds. Numbers only: used by the costing family, the same-step implementation method,
 * COMP.STEP_COST and COMP.RAISE_SCHEDULE alike. Steps are compared with a half-cent tolerance.
 */
import { invalid, outOfRange } from "./errors";
import { HALF_CENT, roundHalfAwayFromZero } from "./money";
import { positionOfStep, stepLabels } from "./study/plans";
import { hasCents, unitFromPay } from "./study/units";

/**
 * A pay figure scaled (HISD structure adjustment, --adjust; a settlement's schedule change):
 * value × factor + flat, rounded half away from zero to the cent where the grade shows cents,
 * to the dollar otherwise. The one rounding of every raised or adjusted schedule cell.
 */
export function scaledPay(value: number, factor: number, flat: number, cents: boolean): number {
  return roundHalfAwayFromZero(value * factor + flat, cents ? 2 : 0);
}

/** A schedule cell after a settlement year's change: cell × (1 + increase) + flat, rounded as scaledPay. */
export function raisedPay(value: number, increase: number, flat: number, cents: boolean): number {
  return scaledPay(value, 1 + increase, flat, cents);
}

/** An off-schedule or range salary after a year's change: salary × (1 + increase) + flat, rounded to the cent. */
export function raisedSalary(salary: number, increase: number, flat: number): number {
  return roundHalfAwayFromZero(salary * (1 + increase) + flat, 2);
}

/**
 * Whether a grade row read without a Unit column shows cents (the pay plans' rule): its pay
 * carries cents, or its top step reads as an hourly or daily rate (under 1,000).
 */
export function stepsShowCents(steps: readonly (number | null)[]): boolean {
  let top: number | undefined;
  for (const step of steps) {
    if (step === null) continue;
    if (hasCents(step)) return true;
    top = step;
  }
  if (top === undefined) return false;
  const unit = unitFromPay(top);
  return unit === "hourly" || unit === "daily";
}

/**
 * Where a rate stands on a grade's steps (issue 17): the 0-based position of the step that pays
 * it (half-cent tolerance) — `preferred` when that step pays it (the roster's Step column),
 * else the lowest such step — or −1 when no step pays it (off schedule). Blank steps pay nothing.
 */
export function standingPosition(steps: readonly (number | null)[], rate: number, preferred = -1): number {
  if (preferred >= 0 && preferred < steps.length) {
    const pay = steps[preferred];
    if (pay !== null && Math.abs(pay - rate) <= HALF_CENT) return preferred;
  }
  for (let p = 0; p < steps.length; p++) {
    const pay = steps[p];
    if (pay !== null && Math.abs(pay - rate) <= HALF_CENT) return p;
  }
  return -1;
}

/** The position one step up: the next step with pay, or the same position at the last one (the top step holds). */
export function stepAfter(steps: readonly (number | null)[], position: number): number {
  for (let p = position + 1; p < steps.length; p++) if (steps[p] !== null) return p;
  return position;
}

/** The position of the grade's first step with pay (where replacements join); −1 when it has none. */
export function firstStepPosition(steps: readonly (number | null)[]): number {
  return steps.findIndex((step) => step !== null);
}

/**
 * The step numbers of each grade's positions, as the plan's step headers name them — issue 16's
 * one reading (stepLabels: "Step 0", "S1", "3"; 1, 2, 3 … when they do not name increasing
 * numbers) — read once per grade.
 */
export function stepNumbering<
  P extends { readonly stepHeaders: readonly string[] },
  G extends { readonly steps: readonly unknown[] },
>(): (plan: P, grade: G) => readonly number[] {
  const numbers = new Map<G, readonly number[]>();
  return (plan, grade) => {
    let found = numbers.get(grade);
    if (found === undefined) {
      found = stepLabels(plan.stepHeaders, grade.steps.length);
      numbers.set(grade, found);
    }
    return found;
  };
}

/** A standing that is not a step: paid between, below or above the steps of a step grade. */
export const OFF_SCHEDULE = -1;
/** A standing on a range grade (minimum, midpoint, maximum; no steps). */
export const RANGE = -2;

/**
 * Where an employee stands on their grade (issue 17): the 0-based position of the step that
 * pays their rate (half-cent tolerance) — the roster's Step when that step pays it (its position
 * as the pay-vs-schedule check reads it, positionOfStep: numbered as the plan's headers number
 * them, a skipped step is the step below, past the top the top step), else the lowest such step
 * —, OFF_SCHEDULE when no step does, RANGE on a range grade.
 */
export function standingOn(
  grade: { readonly kind: "steps" | "range"; readonly steps: readonly (number | null)[] },
  rate: number,
  rosterStep: number | null,
  numbers: readonly number[],
): number {
  if (grade.kind === "range") return RANGE;
  return standingPosition(grade.steps, rate, rosterStep === null ? -1 : positionOfStep(numbers, rosterStep));
}

/**
 * The annual cost of one year of step movement for one employee (COMP.STEP_COST): (pay at the
 * next step − pay at this step) × basis × FTE, 0 at the top step. `position` is 0-based;
 * `basis` is the pay units in a full-time year (1 for an annual salary, 2,080 for an hourly rate).
 */
export function stepCost(steps: readonly number[], position: number, fte = 1, basis = 1): number {
  if (steps.length === 0) invalid("The grade has no steps");
  if (!Number.isFinite(fte)) invalid("The FTE must be a number");
  if (fte <= 0) outOfRange(`The FTE must be above zero, got ${fte}`);
  if (!Number.isFinite(basis)) invalid("The basis must be a number");
  if (basis < 0) outOfRange(`The basis cannot be negative, got ${basis}`);
  if (!Number.isInteger(position) || position < 0)
    outOfRange(`The step position must be a whole number, got ${position}`);
  if (position >= steps.length - 1) return 0;
  return (steps[position + 1] - steps[position]) * basis * fte;
}
