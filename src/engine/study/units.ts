/**
 * Pay units: what one pay figure pays for (an hour, a day, a month, a year). A grade's unit is
 * stated by a Unit column or inferred from the grade's own pay; an employee's salary is compared
 * with its own grade only, so no plan-wide cut-off decides who is placed.
 */
import type { PayUnit } from "../exhibit";

export const PAY_UNITS: readonly PayUnit[] = ["hourly", "daily", "monthly", "annual"];

/** Words people write in a Unit column, or in a plan's name, for each unit. */
const UNIT_WORDS: readonly [PayUnit, RegExp][] = [
  ["hourly", /^(h|hr|hrs|hour|hours|hourly|per hour|\/hr|hourly rate)$/],
  ["daily", /^(d|day|days|daily|per day|per diem|daily rate)$/],
  ["monthly", /^(m|mo|month|months|monthly|per month)$/],
  ["annual", /^(a|y|yr|year|years|yearly|annual|annually|per year|per annum|salary|salaried|exempt)$/],
];

/** A Unit cell as a unit; undefined when it names none. */
export function parseUnit(text: string): PayUnit | undefined {
  const folded = text.trim().toLowerCase().replace(/\s+/g, " ");
  return UNIT_WORDS.find(([, pattern]) => pattern.test(folded))?.[0];
}

const NAME_HINTS: readonly [PayUnit, RegExp][] = [
  ["hourly", /\b(hourly|per hour)\b/i],
  ["daily", /\b(daily|per diem|per day)\b/i],
  ["monthly", /\b(monthly|per month)\b/i],
  ["annual", /\b(annual|salaried|yearly|per year)\b/i],
];

/**
 * The unit a plan or grade name states ("Hourly Classified", "Substitutes (daily)"), if any — none
 * when it names two ("Non-Rep Hourly & Salaried": a plan of both kinds of grades).
 */
export function unitFromName(name: string): PayUnit | undefined {
  const named = NAME_HINTS.filter(([, pattern]) => pattern.test(name));
  return named.length === 1 ? named[0][0] : undefined;
}

/**
 * The pay a grade of each unit can have at its top: an hourly rate under 500, a daily rate
 * under 3,000, a monthly salary under 50,000; an annual salary of at least 1,000 (stipends
 * included). Wide on purpose: a unit named by the plan or grade is only overruled by pay it
 * cannot be (an "Hourly" plan's 48,000 grade), and a Unit column's unit only warned about.
 */
export const UNIT_PLAUSIBLE: Readonly<Record<PayUnit, { below?: number; atLeast?: number }>> = {
  hourly: { below: 500 },
  daily: { below: 3_000 },
  monthly: { below: 50_000 },
  annual: { atLeast: 1_000 },
};

/** True when a grade whose top pay is `max` can be paid in `unit` (see UNIT_PLAUSIBLE). */
export function plausibleUnit(unit: PayUnit, max: number): boolean {
  const { below, atLeast } = UNIT_PLAUSIBLE[unit];
  return (below === undefined || max < below) && (atLeast === undefined || max >= atLeast);
}

/**
 * Top pay below which a grade with no stated unit is read as each unit: hourly rates stay under
 * 100, daily rates under 1,000 (a substitute's 115–220), monthly salaries under 10,000; the rest
 * is annual. Only the unit's display and annualisation depend on it — never whether someone is
 * placed.
 */
export const UNIT_THRESHOLDS: readonly [PayUnit, number][] = [
  ["hourly", 100],
  ["daily", 1_000],
  ["monthly", 10_000],
];

/** The unit a pay figure of this size most likely is. */
export function unitFromPay(pay: number): PayUnit {
  for (const [unit, limit] of UNIT_THRESHOLDS) if (pay < limit) return unit;
  return "annual";
}

/** Full-time working time in each unit, for annualising a rate (2,080 hours, 260 days, 12 months). */
export const FULL_TIME = { hoursPerYear: 2080, daysPerYear: 260, monthsPerYear: 12, hoursPerDay: 8 } as const;

/** Annual equivalent of one pay figure of each unit at full time. */
export const ANNUAL_FACTOR: Readonly<Record<PayUnit, number>> = {
  hourly: FULL_TIME.hoursPerYear,
  daily: FULL_TIME.daysPerYear,
  monthly: FULL_TIME.monthsPerYear,
  annual: 1,
};

/**
 * A salary this many times above its grade's maximum, or below its minimum, is far outside the
 * range — far more than any pay range spreads — and is checked for a unit mix.
 */
export const UNIT_MISMATCH_FACTOR = 2.5;

/** How far a converted salary may sit outside the grade's range and still be explained by the conversion. */
const EXPLAINED_SLACK = 1.5;

/**
 * The unit a salary far outside its grade's range is in, when a unit mix explains it: the
 * salary converted from that unit to the grade's lands within the range (with some slack).
 * Undefined when the salary is not far outside the range, or no unit explains it.
 */
export function unitMixOf(salary: number, min: number, max: number, gradeUnit: PayUnit): PayUnit | undefined {
  if (salary <= max * UNIT_MISMATCH_FACTOR && salary * UNIT_MISMATCH_FACTOR >= min) return undefined;
  let best: { unit: PayUnit; distance: number } | undefined;
  const mid = Math.sqrt(min * max);
  for (const unit of PAY_UNITS) {
    if (unit === gradeUnit) continue;
    const converted = (salary * ANNUAL_FACTOR[unit]) / ANNUAL_FACTOR[gradeUnit];
    if (converted * EXPLAINED_SLACK < min || converted > max * EXPLAINED_SLACK) continue;
    const distance = Math.abs(Math.log(converted / mid));
    if (!best || distance < best.distance) best = { unit, distance };
  }
  return best?.unit;
}

/** Contract days a plan's name states ("PEA 187 Days", "Teachers 197-day"), if any. */
export function daysFromName(name: string): number | undefined {
  const match = /\b(\d{2,3})[\s-]*days?\b/i.exec(name);
  if (!match) return undefined;
  const days = Number(match[1]);
  return days >= 20 && days <= 366 ? days : undefined;
}

/** True when a pay figure carries cents (not a whole number of dollars). */
export function hasCents(value: number): boolean {
  return Math.abs(value - Math.round(value)) > 0.004;
}
