/**
 * Pay on top of the base (HISD compensation manual 2019–20, sections V–VI and the appendix's
 * stipend list): a stipend by its basis, its share of the fiscal year, and longevity by years
 * of service. Pure rules, shared by the supplemental-pay family, the costing roll-forward and
 * the COMP functions. Full precision, never rounded: a cost is rounded only where it is shown.
 */
import { invalid, outOfRange } from "./errors";
import type { MonthDay } from "./study/dates";

/** How a stipend's Amount is paid (issue 22): a year's amount, a percent of base pay, or per hour, day or month. */
export type StipendBasis = "annual" | "percent" | "hour" | "day" | "month";

export const STIPEND_BASES: readonly StipendBasis[] = ["annual", "percent", "hour", "day", "month"];

/** Words people write for each basis (matched folded: trimmed, lower case, spaces single). */
const BASIS_WORDS: readonly [StipendBasis, RegExp][] = [
  ["annual", /^(annual|annually|year|yearly|per year|a year|flat|flat amount|lump sum)$/],
  ["percent", /^(percent|percentage|%|pct|percent of base|% of base|percent of base pay|% of base pay|of base)$/],
  ["hour", /^(hour|hours|hourly|per hour|an hour|hr|\/hr)$/],
  ["day", /^(day|days|daily|per day|a day|per diem)$/],
  ["month", /^(month|months|monthly|per month|a month|mo)$/],
];

/** A Basis cell as a basis: blank is annual (the default); undefined when it names none. */
export function parseStipendBasis(text: string): StipendBasis | undefined {
  const folded = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (folded === "") return "annual";
  return BASIS_WORDS.find(([, pattern]) => pattern.test(folded))?.[0];
}

/** True for the bases whose Units count (hours, days or months); the others are paid once. */
export function hasUnits(basis: StipendBasis): boolean {
  return basis === "hour" || basis === "day" || basis === "month";
}

const UNIT_WORDS: Readonly<Record<StipendBasis, string>> = {
  annual: "",
  percent: "",
  hour: "hours",
  day: "days",
  month: "months",
};

/**
 * Why these units do not fit the basis, or undefined when they do (issue 22): a stipend paid per
 * hour, day or month needs its units; an annual or percent stipend is paid once (units blank or 1).
 */
export function unitsProblem(basis: StipendBasis, units: number | null): string | undefined {
  if (hasUnits(basis))
    return units === null ? `Units is blank: a stipend paid per ${basis} needs its ${UNIT_WORDS[basis]}` : undefined;
  if (units === null || units === 1) return undefined;
  return `Units ${units} on ${basis === "annual" ? "an annual" : "a percent"} stipend, which is paid once: give Units 1 or leave it blank`;
}

/**
 * A stipend's annual amount before proration (issue 22, HISD VI): `annual` — the Amount;
 * `percent` — Amount (a fraction, 0.05 = 5 %) × the employee's base pay, which carries the FTE;
 * `hour`, `day`, `month` — Amount × Units. Flat amounts are not scaled by FTE.
 */
export function stipendPay(basis: StipendBasis, amount: number, units: number, basePay: number | null): number {
  if (!Number.isFinite(amount)) invalid("The stipend amount must be a number");
  if (amount < 0) outOfRange(`The stipend amount cannot be negative, got ${amount}`);
  switch (basis) {
    case "annual":
      return amount;
    case "percent":
      if (basePay === null) invalid("A percent stipend is a share of base pay: give the base pay");
      if (!Number.isFinite(basePay) || basePay < 0) outOfRange(`The base pay cannot be negative, got ${basePay}`);
      return amount * basePay;
    default:
      if (!Number.isFinite(units)) invalid("The units must be a number");
      if (units < 0) outOfRange(`The units cannot be negative, got ${units}`);
      return amount * units;
  }
}

/** A fiscal year: its first and last day (days since 1970-01-01, both in the year) and its length. */
export type FiscalYear = { readonly start: number; readonly end: number; readonly days: number };

/** The month and day a fiscal year starts on by default: July 1, a school district's July–June year. */
export const DEFAULT_FISCAL_YEAR_START: MonthDay = { month: 7, day: 1 };

const MS_PER_DAY = 86_400_000;

function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The fiscal year that contains `day`: from the last `start` on or before it to the day before the next. */
export function fiscalYearOf(day: number, start: MonthDay = DEFAULT_FISCAL_YEAR_START): FiscalYear {
  if (!Number.isInteger(day)) invalid("The date must be a whole day");
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  let first = dayOf(year, start.month, start.day);
  if (first > day) first = dayOf(year - 1, start.month, start.day);
  const firstYear = new Date(first * MS_PER_DAY).getUTCFullYear();
  const end = dayOf(firstYear + 1, start.month, start.day) - 1;
  return { start: first, end, days: end - first + 1 };
}

/**
 * The share of a fiscal year an assignment covers (issue 22 proration): the days from `start`
 * to `end` that fall in the year, both ends counted (an assignment of July 1 – June 30 is the
 * whole year), ÷ the year's days (365, or 366 with a February 29). A blank start is the year's
 * first day, a blank end its last. 0 for an assignment wholly outside the year.
 */
export function fiscalShare(year: FiscalYear, start: number | null, end: number | null): number {
  const from = start === null || start < year.start ? year.start : start;
  const to = end === null || end > year.end ? year.end : end;
  if (to < from) return 0;
  return (to - from + 1) / year.days;
}

/** One row of a longevity schedule: from `years` of service on, a flat `amount` or a `percent` of base pay. */
export type LongevityStep = {
  readonly years: number;
  /** A year's flat amount, or null for a percent row. */
  readonly amount: number | null;
  /** A fraction of base pay (0.02 = 2 %), or null for a flat row. */
  readonly percent: number | null;
};

/**
 * The longevity row an employee is in (issue 22): the one with the highest Years of Service at
 * or below their whole years of service; -1 below the first row. `steps` ascend by years.
 */
export function longevityIndex(steps: readonly LongevityStep[], years: number): number {
  if (!Number.isFinite(years)) invalid("The years of service must be a number");
  if (years < 0) outOfRange(`The years of service cannot be negative, got ${years}`);
  let low = 0;
  let high = steps.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (steps[middle].years <= years) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * A year's longevity pay of a row: its flat amount (not scaled by FTE), or its percent × base
 * pay (which carries the FTE); null for a percent row when the base pay is not known.
 */
export function longevityPay(step: LongevityStep, basePay: number | null): number | null {
  if (step.amount !== null) return step.amount;
  return basePay === null ? null : (step.percent as number) * basePay;
}

/** Whole years (floor): a figure a formula left at 9.9999999999 is 10, not 9. */
export function wholeYears(years: number): number {
  return Math.floor(years + 1e-9);
}
