/**
 * Moving employees to a new pay structure and what it costs (Portland 2013 study, chapter 6
 * implementation; HISD structure adjustments): the step a salary sits on, the next step at or
 * above it, the step for completed years of service, the raise to a new minimum, and the
 * annual cost of an increase. Steps are compared with a half-cent tolerance, so binary noise
 * never moves a salary to another step. Used by the implementation-cost exhibits and by
 * COMP.STEP_OF, COMP.NEXT_STEP and COMP.COST_TO_MIN alike.
 */
import { invalid, outOfRange } from "./errors";
import { HALF_CENT } from "./money";
import { stepForYears } from "./rules";

function checkSalary(salary: number, name = "salary"): void {
  if (!Number.isFinite(salary)) invalid(`The ${name} must be a number`);
  if (salary < 0) outOfRange(`The ${name} cannot be negative, got ${salary}`);
}

function checkSteps(steps: readonly number[]): void {
  if (steps.length === 0) invalid("The grade has no steps");
}

/**
 * The step a salary sits on (issue 9, COMP.STEP_OF): the 1-based position of the highest step
 * at or below the salary (half-cent tolerance); 0 below the first step. Steps are read in
 * order, so a flat run of steps (a schedule's plateau) gives its last step.
 */
export function stepPosition(steps: readonly number[], salary: number): number {
  checkSteps(steps);
  checkSalary(salary);
  let position = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i] <= salary + HALF_CENT) position = i + 1;
  return position;
}

/**
 * The first step at or above a target pay (issue 9 next-step method, COMP.NEXT_STEP): the
 * 1-based position of the first step ≥ salary × (1 + minIncrease), half-cent tolerance; 0 when
 * the target is above the top step.
 */
export function nextStepPosition(steps: readonly number[], salary: number, minIncrease = 0): number {
  checkSteps(steps);
  checkSalary(salary);
  if (!Number.isFinite(minIncrease)) invalid("The minimum increase must be a number");
  if (minIncrease < 0) outOfRange(`The minimum increase cannot be negative, got ${minIncrease}`);
  const target = salary * (1 + minIncrease);
  for (let i = 0; i < steps.length; i++) if (steps[i] >= target - HALF_CENT) return i + 1;
  return 0;
}

/**
 * A day number (days since 1970-01-01) as yyyymmdd, by integer arithmetic (H. Hinnant's
 * civil-from-days): no Date object per employee when 100,000 are costed.
 */
function yyyymmdd(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

/**
 * Completed years of service at a date: the anniversaries of the hire date up to and including
 * the as-of date (a 29 February hire completes a year on 1 March in other years). Days are
 * counted from 1970-01-01 (UTC), as the study's dates are.
 */
export function completedYears(hireDay: number, asOfDay: number): number {
  if (!Number.isInteger(hireDay) || !Number.isInteger(asOfDay)) invalid("The dates must be whole days");
  if (asOfDay < hireDay) return 0;
  // A roster's employees are measured to one as-of day: its calendar date is worked out once.
  if (asOfDay !== lastAsOf.day) {
    lastAsOf.day = asOfDay;
    lastAsOf.date = yyyymmdd(asOfDay);
  }
  // yyyymmdd − yyyymmdd: whole ten-thousands are whole years (0229 → 0228 falls short of one).
  return Math.floor((lastAsOf.date - yyyymmdd(hireDay)) / 10_000);
}

/** The last as-of day completedYears was asked for, and its yyyymmdd. */
const lastAsOf = { day: Number.NaN, date: 0 };

/**
 * The step for completed years of service (issue 9 years method): the one experience → step
 * rule of the HISD placement (rules.ts stepForYears) on a grade's steps by position — 0 years
 * = the first step, one step per whole year, the top step holds. Returns a 1-based position.
 */
export function serviceStepPosition(stepCount: number, years: number): number {
  if (!Number.isInteger(stepCount) || stepCount < 1) invalid("The grade has no steps");
  if (!Number.isFinite(years)) invalid("The years of service must be a number");
  if (years < 0) outOfRange(`The years of service cannot be negative, got ${years}`);
  return stepForYears(years, 1, stepCount, 0);
}

/** Pay after raising anyone below a new minimum to it (issue 9 minimum method): max(salary, minimum). */
export function raiseToMinimum(salary: number, newMin: number): number {
  checkSalary(salary);
  checkSalary(newMin, "new minimum");
  return salary < newMin - HALF_CENT ? newMin : salary;
}

/**
 * Annual cost of an increase in a pay rate (issue 9 cost bases): the increase × the units of
 * pay in a year — FTE for annual salaries, annual hours for hourly rates (2,080 × FTE when not
 * known), contract days for daily rates, 12 × FTE for monthly ones.
 */
export function annualCost(increase: number, unitsPerYear: number): number {
  if (!Number.isFinite(increase)) invalid("The increase must be a number");
  if (!Number.isFinite(unitsPerYear)) invalid("The annual basis must be a number");
  if (unitsPerYear < 0) outOfRange(`The annual basis cannot be negative, got ${unitsPerYear}`);
  return increase * unitsPerYear;
}

/**
 * Annual cost of raising a salary to a new minimum (COMP.COST_TO_MIN): (new minimum − salary,
 * never below 0) × annual hours when given (an hourly rate), else × FTE (an annual salary).
 */
export function costToMinimum(salary: number, newMin: number, fte = 1, hours: number | null = null): number {
  if (!Number.isFinite(fte)) invalid("The FTE must be a number");
  if (fte <= 0) outOfRange(`The FTE must be above zero, got ${fte}`);
  if (hours !== null) {
    if (!Number.isFinite(hours)) invalid("The hours must be a number");
    if (hours < 0) outOfRange(`The annual hours cannot be negative, got ${hours}`);
  }
  return annualCost(raiseToMinimum(salary, newMin) - salary, hours ?? fte);
}
