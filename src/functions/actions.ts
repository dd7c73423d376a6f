/**
 * The personnel-action COMP functions (HISD compensation manual 2019–20): one candidate's whole
 * placement (the engine's decidePlacement, the same decision as the placements exhibit and the
 * task pane's form), the rehire rule, extra duty pay and the monthly rate. Arguments are ranges
 * (unknown[][]), omitted optionals arrive as null and default from POLICY; ids never change.
 */
import { EngineError, invalid } from "../engine/errors";
import { POLICY } from "../engine/policy";
import { extraDutyPay, monthlyRate, rehireReturnSalary } from "../engine/rules";
import { ScheduleCache } from "../engine/schedule";
import {
  decidePlacement,
  parseAction,
  parseJobType,
  parsePlacementSchedule,
  type PlacementDecision,
} from "../engine/study/personnel";
import { fromExcelSerial } from "../engine/study/dates";
import { parsePromotionChart } from "../engine/study/promotion-chart";
import { isExcelError, valueError } from "./errors";
import { checked, withSchedule } from "./functions";
import { elementwise, gridOf, isBlankCell, optional, required, type Result } from "./machinery";

/** The parameter tables: names as Excel shows them, coercion, optional. */
export const ACTION_PARAMS = {
  PLACEMENT: [
    required("grade", "key"),
    required("action", "text"),
    required("job_type", "text"),
    optional("years", "number"),
    optional("other_years", "number"),
    optional("current_salary", "number"),
    optional("promotion_pct", "number"),
    optional("months_away", "number"),
    optional("internship_years", "number"),
    optional("previous_grade", "key"),
    optional("job_code", "key"),
    optional("previous_job_code", "key"),
    optional("separation_date", "number"),
    optional("rehire_date", "number"),
    optional("current_days", "number"),
    optional("new_days", "number"),
  ],
  REHIRE_SALARY: [
    required("last_salary", "number"),
    required("max", "number"),
    required("months_away", "number"),
    optional("window_months", "number"),
  ],
  EXTRA_DUTY_PAY: [required("hours", "number"), optional("rate", "number")],
  MONTHLY_RATE: [required("annual", "number"), required("months", "number")],
} as const;

const placementSchedules = new ScheduleCache(checked(parsePlacementSchedule));
const promotionCharts = new ScheduleCache(checked(parsePromotionChart));

/** withSchedule for an optional range argument: omitted or blank, `use` gets undefined. */
function withOptionalSchedule<T>(
  schedule: unknown,
  cache: ScheduleCache<T>,
  use: (parsed: T | undefined) => Result[][],
): Result[][] {
  const grid = gridOf(schedule);
  if (grid.every((row) => row.every(isBlankCell))) return use(undefined);
  return withSchedule(grid, cache, use);
}

/** An Excel date serial as a day number (days since 1970-01-01); one that is no date is refused, naming the argument. */
function dayOf(serial: number | null, name: string): number | null {
  if (serial === null) return null;
  const day = fromExcelSerial(serial);
  if (day === undefined) invalid(`${name} must be a date, got ${serial}`);
  return day;
}

/** The spilled row of a decision: step, salary, approval, and the rule with any warnings. */
function decisionRow(decision: PlacementDecision): Result[] {
  const warnings = decision.warnings.length > 0 ? ` Warning: ${decision.warnings.join("; ")}.` : "";
  return [decision.step ?? "", decision.salary ?? "", decision.approval ?? "", `${decision.rule}${warnings}`];
}

/** A candidate that cannot be placed: the error in step, salary and approval; its message, where it has one, as the rule. */
function errorRow(cell: Result): Result[] {
  if (cell === "") return ["", "", "", ""];
  const message = isExcelError(cell) && cell.message ? cell.message : cell;
  return [cell, cell, cell, message];
}

/**
 * One candidate's placement by the HISD rules; spills step, salary, approval and the rule applied.
 * @customfunction PLACEMENT
 * @param schedule Pay plan (Grade and Step 1 … or Minimum, Maximum columns; or grades in the first column, steps across), or a step-and-lane schedule (Step, then one column per lane).
 * @param grade Grade key (for a step-and-lane schedule, the lane), or a column of them.
 * @param action Either "hire", "promotion", "rehire", "transfer", "demotion" or "change in months".
 * @param job_type Either "teacher", "counselor", "librarian", "evaluation specialist", "assistant principal", "nurse", "speech therapist", "crafts", "nutrition", "custodian" or "other".
 * @param years Approved (teachers …), school-based (nurses, speech therapists) or related (other jobs) years of experience; needed by hires, and by promotions and rehires placed as new hires.
 * @param other_years Relevant non-school years of nurses and speech therapists (at most 10 credited).
 * @param current_salary Present salary (promotion, transfer, demotion, change in months) or last salary (rehire), in the grade's unit.
 * @param promotion_pct Promotion-chart increase as a fraction (0.08 = 8 %); blank reads promotion_chart.
 * @param months_away Rehire: months since the last day of employment (blank: from separation_date and rehire_date).
 * @param internship_years Speech therapists: internship years (at most 3, within the 10 non-school years).
 * @param previous_grade Promotion, demotion, rehire: the grade left (a promotion's grades advanced read promotion_chart).
 * @param job_code Rehire: the new job's code.
 * @param previous_job_code Rehire: the job code left (the same job code or grade within 6 months: the last salary).
 * @param separation_date Rehire: the last day of employment, a date.
 * @param rehire_date Rehire: the day back, a date (within 6 calendar months of separation_date, that day included).
 * @param current_days Change in months: duty days of the present work schedule.
 * @param new_days Change in months: duty days of the new work schedule.
 * @param promotion_chart Promotion Chart: Grades Advanced (1, 2, … the last may read 3+) and Increase columns.
 * @returns One row per candidate: step, salary, approval, rule.
 */
export function PLACEMENT(
  schedule: unknown[][],
  grade: unknown[][],
  action: unknown[][],
  job_type: unknown[][],
  years?: unknown[][],
  other_years?: unknown[][],
  current_salary?: unknown[][],
  promotion_pct?: unknown[][],
  months_away?: unknown[][],
  internship_years?: unknown[][],
  previous_grade?: unknown[][],
  job_code?: unknown[][],
  previous_job_code?: unknown[][],
  separation_date?: unknown[][],
  rehire_date?: unknown[][],
  current_days?: unknown[][],
  new_days?: unknown[][],
  promotion_chart?: unknown[][],
): unknown[][] {
  return withSchedule(schedule, placementSchedules, (parsed) =>
    withOptionalSchedule(promotion_chart, promotionCharts, (promotionChart) => {
      const schedules = promotionChart === undefined ? parsed.schedules : { ...parsed.schedules, promotionChart };
      const decisions: PlacementDecision[] = [];
      // Each cell holds the index of its decision (or its error): one rule call per candidate.
      const cells = elementwise(
        ACTION_PARAMS.PLACEMENT,
        [
          grade,
          action,
          job_type,
          years,
          other_years,
          current_salary,
          promotion_pct,
          months_away,
          internship_years,
          previous_grade,
          job_code,
          previous_job_code,
          separation_date,
          rehire_date,
          current_days,
          new_days,
        ],
        (
          key,
          actionText,
          jobText,
          credit,
          other,
          current,
          pct,
          months,
          internship,
          previous,
          code,
          previousCode,
          left,
          back,
          now,
          next,
        ) => {
          const place = String(key);
          const decision = decidePlacement(schedules, {
            action: parseAction(actionText),
            jobType: parseJobType(jobText),
            ...(parsed.lanes ? { lane: place } : { grade: place }),
            years: credit,
            otherYears: other,
            currentSalary: current,
            promotionPct: pct,
            monthsAway: months,
            internshipYears: internship,
            previousGrade: previous === null ? null : String(previous),
            jobCode: code === null ? null : String(code),
            previousJobCode: previousCode === null ? null : String(previousCode),
            separationDate: dayOf(left, "separation_date"),
            rehireDate: dayOf(back, "rehire_date"),
            currentDays: now,
            newDays: next,
          });
          if (decision.problem) throw new EngineError(decision.problem.kind, decision.problem.message);
          decisions.push(decision);
          return decisions.length - 1;
        },
      );
      if (cells[0].length > 1)
        return [[valueError("PLACEMENT takes one candidate per row: pass single cells or columns")]];
      return cells.map(([cell]) => (typeof cell === "number" ? decisionRow(decisions[cell]) : errorRow(cell)));
    }),
  );
}

/**
 * Rehire salary: back within 6 months, the last salary, not above the range maximum (HISD).
 * @customfunction REHIRE_SALARY
 * @param last_salary Salary on the last day of employment.
 * @param max Range maximum of the grade.
 * @param months_away Months since the last day of employment.
 * @param window_months Months within which a rehire returns at the last salary (default 6).
 * @returns The salary; #N/A after the window (the person is placed as a new hire).
 */
export function REHIRE_SALARY(
  last_salary: unknown[][],
  max: unknown[][],
  months_away: unknown[][],
  window_months?: unknown[][],
): unknown[][] {
  return elementwise(
    ACTION_PARAMS.REHIRE_SALARY,
    [last_salary, max, months_away, window_months],
    (last, top, months, window) => rehireReturnSalary(last, top, months, window ?? POLICY.COMP_REHIRE_WINDOW_MONTHS),
  );
}

/**
 * Extra duty pay of a teacher: hours × $25 an hour by default (HISD).
 * @customfunction EXTRA_DUTY_PAY
 * @param hours Hours of extra duty beyond the regular day.
 * @param rate Hourly rate (default 25).
 * @returns The pay for the hours.
 */
export function EXTRA_DUTY_PAY(hours: unknown[][], rate?: unknown[][]): unknown[][] {
  return elementwise(ACTION_PARAMS.EXTRA_DUTY_PAY, [hours, rate], (h, r) =>
    extraDutyPay(h, r ?? POLICY.COMP_EXTRA_DUTY_RATE),
  );
}

/**
 * Monthly rate: annual salary / months in the work schedule (HISD).
 * @customfunction MONTHLY_RATE
 * @param annual Annual salary.
 * @param months Months in the work schedule (10, 11 or 12).
 * @returns The monthly rate.
 */
export function MONTHLY_RATE(annual: unknown[][], months: unknown[][]): unknown[][] {
  return elementwise(ACTION_PARAMS.MONTHLY_RATE, [annual, months], monthlyRate);
}
