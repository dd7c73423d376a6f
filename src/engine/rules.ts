/**
 * Individual pay rules of the Houston ISD compensation manual 2019–20 (HISD), with their
 * defaults taken from POLICY. Money is carried at full precision and rounded to the cent
 * only where the rule states a salary.
 */
import { invalid, notFound, outOfRange } from "./errors";
import { atMost, roundCents } from "./money";
import { POLICY } from "./policy";
import { checkRange } from "./range";

function checkFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) invalid(`The ${name} must be a number`);
}

function checkNonNegative(value: number, name: string): void {
  checkFinite(value, name);
  if (value < 0) outOfRange(`The ${name} cannot be negative, got ${value}`);
}

function checkPositive(value: number, name: string): void {
  checkFinite(value, name);
  if (value <= 0) outOfRange(`The ${name} must be above zero, got ${value}`);
}

function checkWholePositive(value: number, name: string): void {
  checkPositive(value, name);
  if (!Number.isInteger(value)) outOfRange(`The ${name} must be a whole number, got ${value}`);
}

/**
 * New-hire salary on the master and technology pay scales (HISD II.A.1.e): the range minimum
 * plus `rate` for every whole year of related experience, at most `capYears` years, never
 * above the range maximum; rounded to the cent.
 */
export function experienceSalary(
  min: number,
  max: number,
  years: number,
  rate: number = POLICY.COMP_EXPERIENCE_RATE,
  capYears: number = POLICY.COMP_EXPERIENCE_CAP_YEARS,
): number {
  checkRange(min, max);
  checkNonNegative(years, "years of experience");
  checkNonNegative(rate, "experience rate");
  checkNonNegative(capYears, "experience cap");
  const credited = Math.min(Math.floor(years), Math.floor(capYears));
  return roundCents(Math.min(min * (1 + rate * credited), max));
}

/**
 * Promotion salary (HISD II.B.1): the higher of the promotion-chart increase on the current
 * salary and the new-hire method on the new grade, at least its minimum and at most its
 * maximum; rounded to the cent.
 */
export function promotionSalary(
  current: number,
  newMin: number,
  newMax: number,
  increasePct: number,
  years = 0,
  rate: number = POLICY.COMP_EXPERIENCE_RATE,
  capYears: number = POLICY.COMP_EXPERIENCE_CAP_YEARS,
): number {
  checkRange(newMin, newMax);
  checkPositive(current, "current salary");
  checkNonNegative(increasePct, "promotion increase");
  const byIncrease = current * (1 + increasePct);
  const byExperience = experienceSalary(newMin, newMax, years, rate, capYears);
  const higher = Math.max(byIncrease, byExperience);
  return roundCents(Math.min(Math.max(higher, newMin), newMax));
}

/** Who may approve a salary (HISD II.A.1.e approval authority, as CompStudy reads it). */
export type ApprovalLevel = "CHRO" | "Compensation Committee";

/**
 * Reads a grade: a number, numeric text, or a technology grade "Tn" (= n + COMP_TECH_GRADE_OFFSET,
 * HISD "grade 27/T8, 28/T9").
 */
export function gradeNumber(grade: number | string, techOffset: number = POLICY.COMP_TECH_GRADE_OFFSET): number {
  if (typeof grade === "number") {
    checkFinite(grade, "grade");
    return grade;
  }
  const text = grade.trim();
  const tech = /^T\s*(\d+)$/i.exec(text);
  if (tech) return Number(tech[1]) + techOffset;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  return invalid(`The grade must be a number or a technology grade such as 'T8', got '${text}'`);
}

/**
 * Approval authority for a salary (HISD II.A.1.e): the chief HR officer approves up to the
 * start of the 4th quartile for grades below `seniorGrade` and up to the midpoint from it up;
 * above that limit the Compensation Committee. The manual's second sentence ("salaries over
 * midpoint must be reviewed … by the Compensation Committee") conflicts for the lower grades
 * between midpoint and Q4; CompStudy applies the per-grade-band limit. Above the maximum no
 * one may approve: out of range. Limits compare with a half-cent tolerance.
 */
export function approvalLevel(
  salary: number,
  min: number,
  max: number,
  grade: number | string,
  seniorGrade: number = POLICY.COMP_SENIOR_GRADE,
): ApprovalLevel {
  checkRange(min, max);
  checkFinite(salary, "salary");
  checkFinite(seniorGrade, "senior grade");
  const gradeValue = gradeNumber(grade);
  if (!atMost(salary, max)) outOfRange(`The salary ${salary} is above the range maximum ${max}: no one may approve it`);
  const limit = gradeValue < seniorGrade ? min + 0.75 * (max - min) : (min + max) / 2;
  return atMost(salary, limit) ? "CHRO" : "Compensation Committee";
}

/**
 * Weekly pay of a non-exempt employee (HISD terminology 14, 16; FLSA): the regular rate for
 * hours up to `threshold`, `multiplier` × the rate for the hours over it. With a weekly
 * supplement (a stipend's share of the week, 29 CFR 778.109–778.110): straight time for every
 * hour + the supplement + (multiplier − 1) × the regular rate (regularRate) for each overtime
 * hour. Without one (0), the result is exactly the plain rule's. Not rounded.
 */
export function overtimePay(
  rate: number,
  hours: number,
  threshold: number = POLICY.COMP_OVERTIME_THRESHOLD_HOURS,
  multiplier: number = POLICY.COMP_OVERTIME_MULTIPLIER,
  supplement = 0,
): number {
  checkNonNegative(rate, "hourly rate");
  checkNonNegative(hours, "hours worked");
  checkNonNegative(threshold, "overtime threshold");
  checkNonNegative(multiplier, "overtime multiplier");
  checkNonNegative(supplement, "weekly supplement");
  const regular = Math.min(hours, threshold);
  const overtime = hours - regular;
  if (supplement === 0) return rate * regular + rate * multiplier * overtime;
  const straight = rate * hours + supplement;
  return overtime === 0 ? straight : straight + (multiplier - 1) * regularRate(rate, hours, supplement) * overtime;
}

/**
 * The FLSA regular rate of a workweek (29 CFR 778.109): total remuneration — the hourly rate ×
 * hours worked + the week's non-discretionary supplement (a stipend's share) — ÷ hours worked.
 * Not rounded.
 */
export function regularRate(rate: number, hours: number, supplement = 0): number {
  checkNonNegative(rate, "hourly rate");
  checkPositive(hours, "hours worked");
  checkNonNegative(supplement, "weekly supplement");
  return (rate * hours + supplement) / hours;
}

/** Extra duty pay for teachers (HISD terminology 11): hours × the standard hourly rate ($25). */
export function extraDutyPay(hours: number, rate: number = POLICY.COMP_EXTRA_DUTY_RATE): number {
  checkNonNegative(hours, "hours worked");
  checkNonNegative(rate, "extra duty rate");
  return hours * rate;
}

/**
 * Creditable year of service (HISD terminology 5, TRS): 90 days of full-time service, or 180
 * days at half time or more (0.5 ≤ fte < 1), in 12 months; below half time never.
 */
export function creditableYear(days: number, fte = 1): boolean {
  checkNonNegative(days, "days of service");
  if (days > 366) outOfRange(`The days of service in 12 months cannot exceed 366, got ${days}`);
  checkFinite(fte, "FTE");
  if (fte <= 0 || fte > 1) outOfRange(`The FTE must be above 0 and at most 1, got ${fte}`);
  if (fte >= 1) return days >= POLICY.COMP_CREDITABLE_DAYS_FULL_TIME;
  if (fte >= POLICY.COMP_HALF_TIME_FTE) return days >= POLICY.COMP_CREDITABLE_DAYS_HALF_TIME;
  return false;
}

/**
 * Placement step from experience (HISD II.A.1.a–b): the first step is the entry step for 0
 * whole years of credited experience, each whole year adds one step, and the top step holds.
 * Credited years = whole `years` + whole relevant non-school years up to `otherCap`; the step
 * is `firstStep` + credited years, at most `maxStep` (a table labelled 0, 1, 2 … gives step =
 * years; one labelled 1, 2, 3 … gives years + 1).
 */
export function stepForYears(
  years: number,
  firstStep = 1,
  maxStep: number | null = null,
  otherYears = 0,
  otherCap: number = POLICY.COMP_OTHER_EXPERIENCE_CAP_YEARS,
): number {
  checkNonNegative(years, "years of experience");
  checkNonNegative(firstStep, "first step");
  if (!Number.isInteger(firstStep)) outOfRange(`The first step must be a whole number, got ${firstStep}`);
  checkNonNegative(otherYears, "years of other experience");
  checkNonNegative(otherCap, "other experience cap");
  if (maxStep !== null) {
    checkFinite(maxStep, "maximum step");
    if (!Number.isInteger(maxStep)) outOfRange(`The maximum step must be a whole number, got ${maxStep}`);
    if (maxStep < firstStep) outOfRange(`The maximum step (${maxStep}) is below the first step (${firstStep})`);
  }
  const step = firstStep + creditedYears(years, otherYears, otherCap);
  return maxStep === null ? step : Math.min(step, maxStep);
}

/** Whole years credited for a step (HISD II.A.1.a–b): whole years, plus whole non-school years up to the cap. */
export function creditedYears(
  years: number,
  otherYears = 0,
  otherCap: number = POLICY.COMP_OTHER_EXPERIENCE_CAP_YEARS,
): number {
  return Math.floor(years) + Math.min(Math.floor(otherYears), Math.floor(otherCap));
}

/** A single number in a grade code, with at most four letters on either side ("H12", "12H", "PG-19"). */
const NUMBERED_GRADE = /^([a-z]{0,4})[ -]?(\d{1,4})[ -]?([a-z]{0,4})$/i;

/**
 * A grade's number for counting grades (HISD II.B.1 promotion chart, II.A.1.e "above pay grade
 * 19"): a number, a technology grade "Tn" (n + `techOffset`, as the approval bands pair T8 with
 * 27), or a code with one number among letters (hourly "H12", "12H": 12). Undefined when the
 * code has no single number ("B1-5").
 */
export function gradeOrdinal(
  grade: number | string,
  techOffset: number = POLICY.COMP_TECH_GRADE_OFFSET,
): number | undefined {
  if (typeof grade === "number") return Number.isFinite(grade) ? grade : undefined;
  const text = grade.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = NUMBERED_GRADE.exec(text);
  if (!match) return undefined;
  const tech = match[1].toUpperCase() === "T" && match[3] === "";
  return Number(match[2]) + (tech ? techOffset : 0);
}

/** True when a rehire is back within the window (HISD II.A.1.f: "within six months" includes the sixth). */
export function withinRehireWindow(
  monthsAway: number,
  windowMonths: number = POLICY.COMP_REHIRE_WINDOW_MONTHS,
): boolean {
  checkNonNegative(monthsAway, "months away");
  checkNonNegative(windowMonths, "rehire window");
  return monthsAway <= windowMonths;
}

const MS_PER_DAY = 86_400_000;

/**
 * The last day of a rehire window (HISD II.A.1.f "within six months"): the separation date plus
 * `months` calendar months — the same day of the month, or that month's last day when it has
 * no such day (31 August + 6 months = 28 or 29 February). Days since 1970-01-01.
 */
export function monthsLater(day: number, months: number): number {
  if (!Number.isInteger(day)) invalid("The date must be a whole day");
  checkNonNegative(months, "number of months");
  if (!Number.isInteger(months)) outOfRange(`The months must be whole to count calendar months, got ${months}`);
  const date = new Date(day * MS_PER_DAY);
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return Date.UTC(date.getUTCFullYear(), month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/**
 * True when a rehire date is within the window after the separation date (HISD II.A.1.f): on
 * or before monthsLater(separation, window) — the boundary day is within. A rehire date
 * before the separation date is refused.
 */
export function withinRehireDates(
  separationDay: number,
  rehireDay: number,
  windowMonths: number = POLICY.COMP_REHIRE_WINDOW_MONTHS,
): boolean {
  if (!Number.isInteger(rehireDay)) invalid("The rehire date must be a whole day");
  if (rehireDay < separationDay) outOfRange("The rehire date is before the separation date");
  return rehireDay <= monthsLater(separationDay, windowMonths);
}

/**
 * Rehire salary within the window (HISD II.A.1.f): the last salary, not above the range
 * maximum. After the window the person is placed as a new hire, which needs the range minimum
 * and the years: not found, with a message saying so.
 */
export function rehireReturnSalary(
  lastSalary: number,
  max: number,
  monthsAway: number,
  windowMonths: number = POLICY.COMP_REHIRE_WINDOW_MONTHS,
): number {
  checkPositive(lastSalary, "last salary");
  checkPositive(max, "range maximum");
  if (!withinRehireWindow(monthsAway, windowMonths))
    notFound(
      `Back after ${monthsAway} months, more than the ${windowMonths}-month rehire window: placed as a new hire (COMP.PLACEMENT or COMP.EXPERIENCE_SALARY)`,
    );
  return Math.min(lastSalary, max);
}

/**
 * Rehire salary (HISD II.A.1.f): back within `windowMonths` → the last salary, not above the
 * range maximum; later → placed like a new hire (experienceSalary).
 */
export function rehireSalary(
  lastSalary: number,
  min: number,
  max: number,
  monthsAway: number,
  years = 0,
  windowMonths: number = POLICY.COMP_REHIRE_WINDOW_MONTHS,
  rate: number = POLICY.COMP_EXPERIENCE_RATE,
  capYears: number = POLICY.COMP_EXPERIENCE_CAP_YEARS,
): number {
  checkRange(min, max);
  checkPositive(lastSalary, "last salary");
  if (withinRehireWindow(monthsAway, windowMonths))
    return rehireReturnSalary(lastSalary, max, monthsAway, windowMonths);
  return experienceSalary(min, max, years, rate, capYears);
}

/**
 * Demotion (HISD terminology 7: a move to a lower pay grade). The manual's excerpt states no pay
 * rule; CompStudy's reading: the salary is kept when within the new range, the new maximum when
 * above it ("no salary can exceed the maximum"), the new minimum when below it.
 */
export function demotionSalary(current: number, newMin: number, newMax: number): number {
  checkRange(newMin, newMax);
  checkPositive(current, "current salary");
  return Math.min(Math.max(current, newMin), newMax);
}

/**
 * Change in months (HISD terminology 4: the same pay grade, another number of months or
 * schedule). CompStudy's reading: the daily rate of pay is kept — salary × new duty days ÷
 * current duty days — rounded to the cent.
 */
export function changeInMonthsSalary(current: number, currentDays: number, newDays: number): number {
  checkPositive(current, "current salary");
  checkPositive(currentDays, "current number of duty days");
  checkPositive(newDays, "new number of duty days");
  return roundCents((current * newDays) / currentDays);
}

/** Daily rate of pay (HISD terminology 10, extended time): annual salary / duty days. */
export function dailyRate(annual: number, dutyDays: number): number {
  checkNonNegative(annual, "annual salary");
  checkPositive(dutyDays, "number of duty days");
  return annual / dutyDays;
}

/** Monthly rate (HISD terminology 24): annual salary / months in the work schedule. */
export function monthlyRate(annual: number, months: number): number {
  checkNonNegative(annual, "annual salary");
  checkPositive(months, "number of months");
  return annual / months;
}

/** Pay per pay period (HISD terminology 18): annual salary / pay periods (26 a year). */
export function periodPay(annual: number, periods: number = POLICY.COMP_PAY_PERIODS): number {
  checkNonNegative(annual, "annual salary");
  checkWholePositive(periods, "number of pay periods");
  return annual / periods;
}
