/**
 * The market and implementation COMP functions (issue 9): the same rules as the market-summary
 * and implementation-cost exhibits (src/engine/market.ts, src/engine/implementation.ts), cell by
 * cell. Every argument is a range (unknown[][]); omitted optional arguments arrive as null and
 * take the rules' defaults. The reference text mirrors catalog-market.ts.
 */
import type { CellValue } from "../engine/cells";
import { invalid, notFound } from "../engine/errors";
import { costToMinimum, nextStepPosition, stepPosition } from "../engine/implementation";
import {
  DEFAULT_AGING_RATE,
  ageMarketValue,
  marketDifferential,
  parseAgingMethod,
  parseDifferentialConvention,
} from "../engine/market";
import { roundCents } from "../engine/money";
import { parseDate } from "../engine/study/dates";
import { gradeFinder, gradeSchedules, withSchedule } from "./functions";
import { elementwise, optional, required } from "./machinery";

/** The parameter tables: names as Excel shows them, coercion, optional. */
export const MARKET_PARAMS = {
  MARKET_DIFF: [required("org", "number"), required("market", "number"), optional("convention", "text")],
  AGE_MARKET: [
    required("value", "number"),
    required("from_date", "key"),
    required("to_date", "key"),
    optional("annual_rate", "number"),
    optional("method", "text"),
  ],
  STEP_OF: [required("grade", "key"), required("salary", "number")],
  NEXT_STEP: [required("grade", "key"), required("salary", "number"), optional("min_increase", "number")],
  COST_TO_MIN: [
    required("salary", "number"),
    required("new_min", "number"),
    optional("fte", "number"),
    optional("hours", "number"),
  ],
} as const;

/** A date argument: an Excel date serial or date text (yyyy-mm-dd, m/d/yyyy …), as a day number. */
function dayOf(value: string | number, name: string): number {
  const day = parseDate(value as CellValue);
  if (day === undefined) invalid(`${name} is not a date: '${String(value).trim()}'`);
  return day;
}

/**
 * Market differential: (org − market) / market, positive when the organisation pays above the market.
 * @customfunction MARKET_DIFF
 * @param org The organisation's pay (a minimum, midpoint or maximum), or a range of them.
 * @param market The market's pay for the same job, or a range of them.
 * @param convention Either "org-over-market" (default) or "market-over-org": (market − org) / org, the raise needed.
 * @returns The differential as a fraction (0.05 = 5 %).
 */
export function MARKET_DIFF(org: unknown[][], market: unknown[][], convention?: unknown[][]): unknown[][] {
  return elementwise(MARKET_PARAMS.MARKET_DIFF, [org, market, convention], (o, m, c) =>
    marketDifferential(o, m, c === null ? "org-over-market" : parseDifferentialConvention(c)),
  );
}

/**
 * Ages a survey figure from its effective date to another date at a yearly rate (compound by default).
 * @customfunction AGE_MARKET
 * @param value The survey figure (a peer's minimum, midpoint or maximum), or a range of them.
 * @param from_date The figure's effective date (an Excel date or date text).
 * @param to_date The date to age it to (the study's as-of date); a from_date after it leaves the value as it is.
 * @param annual_rate Yearly market movement as a fraction (default 0.03).
 * @param method Either "compound" (default): value × (1 + rate)^(days / 365.25), or "simple": value × (1 + rate × days / 365.25).
 * @returns The aged figure.
 */
export function AGE_MARKET(
  value: unknown[][],
  from_date: unknown[][],
  to_date: unknown[][],
  annual_rate?: unknown[][],
  method?: unknown[][],
): unknown[][] {
  return elementwise(MARKET_PARAMS.AGE_MARKET, [value, from_date, to_date, annual_rate, method], (v, from, to, r, m) =>
    ageMarketValue(
      v,
      dayOf(to, "to_date") - dayOf(from, "from_date"),
      r ?? DEFAULT_AGING_RATE,
      m === null ? "compound" : parseAgingMethod(m),
    ),
  );
}

/**
 * The step a salary sits on: the highest step of the grade at or below it (half-cent tolerance); 0 below the first step.
 * @customfunction STEP_OF
 * @param schedule Pay plan: grade keys in the first column, steps across, optional header row.
 * @param grade Grade key, matched trimmed and case-insensitive, or a range of them.
 * @param salary Salary in the schedule's unit, or a range of them.
 * @returns The step number.
 */
export function STEP_OF(schedule: unknown[][], grade: unknown[][], salary: unknown[][]): unknown[][] {
  return withSchedule(schedule, gradeSchedules, (parsed) => {
    const find = gradeFinder(parsed);
    return elementwise(MARKET_PARAMS.STEP_OF, [grade, salary], (key, pay) => {
      const position = stepPosition(find(key).steps, pay);
      return parsed.firstStep + position - 1;
    });
  });
}

/**
 * The first step of a grade at or above a salary (× 1 + min_increase), half-cent tolerance.
 * @customfunction NEXT_STEP
 * @param schedule Pay plan: grade keys in the first column, steps across, optional header row.
 * @param grade Grade key, matched trimmed and case-insensitive, or a range of them.
 * @param salary Current salary in the schedule's unit, or a range of them.
 * @param min_increase Smallest increase as a fraction: the step must pay at least salary × (1 + min_increase) (default 0).
 * @returns The step number; its pay is COMP.PAYSTEP(schedule, grade, step).
 */
export function NEXT_STEP(
  schedule: unknown[][],
  grade: unknown[][],
  salary: unknown[][],
  min_increase?: unknown[][],
): unknown[][] {
  return withSchedule(schedule, gradeSchedules, (parsed) => {
    const find = gradeFinder(parsed);
    return elementwise(MARKET_PARAMS.NEXT_STEP, [grade, salary, min_increase], (key, pay, minimum) => {
      const row = find(key);
      const position = nextStepPosition(row.steps, pay, minimum ?? 0);
      if (position === 0)
        notFound(
          `No step of grade '${row.grade}' is at or above ${roundCents(pay * (1 + (minimum ?? 0)))} (the top step is ${row.steps[row.steps.length - 1]})`,
        );
      return parsed.firstStep + position - 1;
    });
  });
}

/**
 * Annual cost of raising a salary to a new range minimum: (new_min − salary, never below 0) × hours, or × FTE.
 * @customfunction COST_TO_MIN
 * @param salary Current pay (an annual salary, or an hourly rate with hours), or a range of them.
 * @param new_min The new range minimum, in the same unit.
 * @param fte Full-time equivalent for an annual salary (default 1).
 * @param hours Annual hours for an hourly rate (e.g. 2080 × FTE); when given, FTE is not applied again.
 * @returns The annual cost (0 when the salary is at or above the new minimum).
 */
export function COST_TO_MIN(
  salary: unknown[][],
  new_min: unknown[][],
  fte?: unknown[][],
  hours?: unknown[][],
): unknown[][] {
  return elementwise(MARKET_PARAMS.COST_TO_MIN, [salary, new_min, fte, hours], (s, m, f, h) =>
    costToMinimum(s, m, f ?? 1, h),
  );
}
