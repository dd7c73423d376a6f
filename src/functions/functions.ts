/**
 * The COMP custom functions. custom-functions-metadata-plugin generates functions.json and the
 * CustomFunctions.associate calls from the JSDoc below: the `@customfunction` ids never change
 * once shipped. Every argument is declared as a range (unknown[][]) so one call over a column
 * spills a column; a single value arrives as a 1 × 1 range. Omitted optional arguments arrive as
 * null and are defaulted with `??` from the engine's POLICY table. None is volatile, none calls
 * Office.js, none touches the network. The reference text mirrors catalog.ts.
 */
import {
  GradeRow,
  GradeSchedule,
  ScheduleCache,
  findGrade,
  gradeStepPay,
  lanePay,
  parseGradeSchedule,
  parseLaneSchedule,
} from "../engine/schedule";
import { parseProgressionMethod, stepProgression } from "../engine/progression";
import {
  compaRatio,
  midpoint,
  quartileClassifier,
  quartilePlace,
  rangePenetration,
  rangeSpread,
} from "../engine/range";
import {
  approvalLevel,
  creditableYear,
  dailyRate,
  experienceSalary,
  overtimePay,
  periodPay,
  promotionSalary,
  stepForYears,
} from "../engine/rules";
import { POLICY } from "../engine/policy";
import { CellValue } from "../engine/cells";
import { EngineError } from "../engine/errors";
import { ExcelError, isExcelError, toExcelError, valueError } from "./errors";
import { PayRow, Result, elementwise, firstError, gridOf, isOmitted, optional, required, rowsOf } from "./machinery";

/** The parameter tables: names as Excel shows them, coercion, optional. */
export const PARAMS = {
  PAYSTEP: [required("grade", "key"), required("step", "number")],
  LANEPAY: [required("step", "number"), required("lane", "key")],
  STEP_FOR_YEARS: [
    required("years", "number"),
    optional("first_step", "number"),
    optional("max_step", "number"),
    optional("other_years", "number"),
    optional("other_cap", "number"),
  ],
  RANGE: [required("min", "number"), required("max", "number")],
  STEP_PROGRESSION: [required("steps_row", "row"), optional("method", "text")],
  QUARTILE_PLACE: [
    required("salary", "number"),
    required("min", "number"),
    required("max", "number"),
    optional("strict", "boolean"),
  ],
  SALARY_IN_RANGE: [required("salary", "number"), required("min", "number"), required("max", "number")],
  EXPERIENCE_SALARY: [
    required("min", "number"),
    required("max", "number"),
    required("years", "number"),
    optional("rate", "number"),
    optional("cap_years", "number"),
  ],
  PROMOTION_SALARY: [
    required("current", "number"),
    required("new_min", "number"),
    required("new_max", "number"),
    required("increase_pct", "number"),
    optional("years", "number"),
    optional("rate", "number"),
    optional("cap_years", "number"),
  ],
  APPROVAL_LEVEL: [
    required("salary", "number"),
    required("min", "number"),
    required("max", "number"),
    required("grade", "key"),
    optional("senior_grade", "number"),
  ],
  OVERTIME_PAY: [
    required("rate", "number"),
    required("hours", "number"),
    optional("threshold", "number"),
    optional("multiplier", "number"),
    optional("weekly_supplement", "number"),
  ],
  CREDITABLE_YEAR: [required("days", "number"), optional("fte", "number")],
  DAILY_RATE: [required("annual", "number"), required("duty_days", "number")],
  PERIOD_PAY: [required("annual", "number"), optional("periods", "number")],
} as const;

/**
 * The minimum and maximum arguments of a range rule: `min_or_row` and `max` as given, or, when
 * max is omitted, the first and last numbers of each row of `min_or_row` (a pay row).
 */
function rangeBounds(minOrRow: unknown, max: unknown): [unknown, unknown] {
  if (!isOmitted(max)) return [minOrRow, max];
  const grid = gridOf(minOrRow);
  if (grid.every((row) => row.length === 1)) {
    const missing = grid.map((row) => [isExcelError(row[0]) ? row[0] : missingMax()]);
    return [missing, missing];
  }
  const rows = rowsOf(minOrRow);
  const first = rows.map(([row]) => [endOf(row, 0)]);
  const last = rows.map(([row]) => [endOf(row, -1)]);
  return [first, last];
}

function missingMax(): ExcelError {
  return valueError("max is missing: give max, or a pay row (two or more cells) as min_or_row");
}

function endOf(row: PayRow, at: 0 | -1): number | ExcelError {
  if (isExcelError(row)) return row;
  if (row.length === 0) return valueError("The pay row has no numbers");
  return at === 0 ? row[0] : row[row.length - 1];
}

export type Cells = readonly (readonly CellValue[])[];

/** Thrown by a schedule parse when the range holds an Excel error: propagated, never cached. */
class ErrorInRange extends Error {
  constructor(readonly excelError: ExcelError) {
    super(excelError.code);
  }
}

/**
 * Parses a schedule argument after checking it for Excel errors. Runs only when the content
 * cache misses, so the 100,000th call with the same schedule pays for neither scan nor parse.
 */
export function checked<T>(parse: (cells: Cells) => T): (cells: Cells) => T {
  return (cells) => {
    const error = firstError(cells);
    if (error !== undefined) throw new ErrorInRange(error);
    return parse(cells);
  };
}

export const gradeSchedules = new ScheduleCache(checked(parseGradeSchedule));
const laneSchedules = new ScheduleCache(checked(parseLaneSchedule));

/** Parses a schedule through its content cache; a broken schedule is one Excel error for the whole call. */
export function withSchedule<T>(
  schedule: unknown,
  cache: ScheduleCache<T>,
  use: (parsed: T) => Result[][],
): Result[][] {
  let parsed: T;
  try {
    parsed = cache.get(gridOf(schedule) as Cells);
  } catch (error) {
    if (error instanceof EngineError) return [[toExcelError(error)]];
    if (error instanceof ErrorInRange) return [[error.excelError]];
    throw error;
  }
  return use(parsed);
}

/**
 * Pay at a grade's step of a pay plan (grades × steps).
 * @customfunction PAYSTEP
 * @param schedule Pay plan: grade keys in the first column, steps across, optional header row.
 * @param grade Grade key, matched trimmed and case-insensitive, or a range of them.
 * @param step Step number, or a range of them; past the grade's last step gives its top step.
 * @returns The pay at each grade and step.
 */
export function PAYSTEP(schedule: unknown[][], grade: unknown[][], step: unknown[][]): unknown[][] {
  return withSchedule(schedule, gradeSchedules, (parsed) => {
    const find = gradeFinder(parsed);
    return elementwise(PARAMS.PAYSTEP, [grade, step], (key, stepNumber) => gradeStepPay(parsed, find(key), stepNumber));
  });
}

/**
 * Finds each distinct grade of a schedule once per call (a 1,000,000-row call repeats the same
 * 80 grades); an unknown grade throws its not-found error every time it is asked for.
 */
export function gradeFinder(schedule: GradeSchedule): (key: string | number) => GradeRow {
  const rows = new Map<string | number, GradeRow | EngineError>();
  return (key) => {
    let row = rows.get(key);
    if (row === undefined) {
      try {
        row = findGrade(schedule, key);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        row = error;
      }
      rows.set(key, row);
    }
    if (row instanceof EngineError) throw row;
    return row;
  };
}

/**
 * Pay at a step and lane of a teacher schedule (steps × lanes).
 * @customfunction LANEPAY
 * @param schedule Teacher schedule: step numbers in the first column, lanes across under a header row.
 * @param step Step number, or a range of them; past the last row gives the last row.
 * @param lane Lane name from the header row (BA, MA, …) or its 1-based number, or a range of them.
 * @returns The pay at each step and lane.
 */
export function LANEPAY(schedule: unknown[][], step: unknown[][], lane: unknown[][]): unknown[][] {
  return withSchedule(schedule, laneSchedules, (parsed) =>
    elementwise(PARAMS.LANEPAY, [step, lane], (stepNumber, laneKey) => lanePay(parsed, stepNumber, laneKey)),
  );
}

/**
 * Placement step from years of experience: first_step for 0 years, one step more per whole year (HISD).
 * @customfunction STEP_FOR_YEARS
 * @param years Whole years of approved experience.
 * @param first_step Lowest step of the schedule, the entry step for 0 years (default 1; 0 for a table labelled by years).
 * @param max_step Top step of the schedule (default: no limit).
 * @param other_years Years of relevant non-school experience (default 0).
 * @param other_cap Most non-school years credited (default 10).
 * @returns The step number: first_step + whole years (+ non-school years up to other_cap), at most max_step.
 */
export function STEP_FOR_YEARS(
  years: unknown[][],
  first_step?: unknown[][],
  max_step?: unknown[][],
  other_years?: unknown[][],
  other_cap?: unknown[][],
): unknown[][] {
  return elementwise(
    PARAMS.STEP_FOR_YEARS,
    [years, first_step, max_step, other_years, other_cap],
    (y, first, top, other, cap) =>
      stepForYears(y, first ?? 1, top, other ?? 0, cap ?? POLICY.COMP_OTHER_EXPERIENCE_CAP_YEARS),
  );
}

/**
 * Range spread: (maximum − minimum) / minimum.
 * @customfunction RANGE_SPREAD
 * @param min_or_row Range minimum, or a pay row whose first and last numbers are the minimum and maximum when max is omitted.
 * @param max Range maximum (omit it when min_or_row is a pay row).
 * @returns The spread as a fraction (0.31 = 31 %).
 */
export function RANGE_SPREAD(min_or_row: unknown[][], max?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.RANGE, rangeBounds(min_or_row, max), rangeSpread);
}

/**
 * Range midpoint: (minimum + maximum) / 2.
 * @customfunction MIDPOINT
 * @param min_or_row Range minimum, or a pay row whose first and last numbers are the minimum and maximum when max is omitted.
 * @param max Range maximum (omit it when min_or_row is a pay row).
 * @returns The midpoint.
 */
export function MIDPOINT(min_or_row: unknown[][], max?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.RANGE, rangeBounds(min_or_row, max), midpoint);
}

/**
 * Average step-to-step increase of a pay row; one result per row.
 * @customfunction STEP_PROGRESSION
 * @param steps_row Pay row or rows: the numbers of each row are its steps, in order.
 * @param method Either "geometric" (default) or "arithmetic".
 * @returns The average increase as a fraction (0.03 = 3 %).
 */
export function STEP_PROGRESSION(steps_row: unknown[][], method?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.STEP_PROGRESSION, [rowsOf(steps_row), method], (steps, name) =>
    stepProgression(steps, name === null ? "geometric" : parseProgressionMethod(name)),
  );
}

/**
 * Quartile (1–4) of a salary within its pay range.
 * @customfunction QUARTILE_PLACE
 * @param salary Salary, or a range of salaries (the result spills).
 * @param min_or_row Range minimum, or a pay row whose first and last numbers are the minimum and maximum when max is omitted.
 * @param max Range maximum (omit it when min_or_row is a pay row).
 * @param strict TRUE gives 0 below the minimum and 5 above the maximum (default FALSE: 1 and 4).
 * @returns The quartile: 1 to 4 (0 to 5 when strict).
 */
export function QUARTILE_PLACE(
  salary: unknown[][],
  min_or_row: unknown[][],
  max?: unknown[][],
  strict?: unknown[][],
): unknown[][] {
  const [min, top] = rangeBounds(min_or_row, max);
  const rule = (s: number, lo: number, hi: number, exact: boolean | null): Result =>
    quartilePlace(s, lo, hi, exact ?? false);
  return (
    quartileColumn(salary, min, top, strict, rule) ??
    elementwise(PARAMS.QUARTILE_PLACE, [salary, min, top, strict], rule)
  );
}

const QUARTILE_ROWS: readonly (readonly Result[])[] = [[0], [1], [2], [3], [4], [5]];

/**
 * The common case of QUARTILE_PLACE — a column of salaries against one range — with the range
 * checked and its boundaries computed once (quartileClassifier) instead of per salary. Rows
 * holding anything but a finite number take the general path, cell by cell; undefined when
 * the arguments are not of that shape (the general path then handles the whole call).
 */
function quartileColumn(
  salary: unknown[][],
  min: unknown,
  top: unknown,
  strict: unknown,
  rule: (s: number, lo: number, hi: number, exact: boolean | null) => Result,
): Result[][] | undefined {
  const lo = gridOf(min);
  const hi = gridOf(top);
  const exact = gridOf(strict ?? null);
  const salaries = gridOf(salary);
  if (lo.length !== 1 || lo[0].length !== 1 || hi.length !== 1 || hi[0].length !== 1) return undefined;
  if (exact.length !== 1 || exact[0].length !== 1 || salaries.length < 2 || salaries[0].length !== 1) return undefined;
  const [low, high, flag] = [lo[0][0], hi[0][0], exact[0][0]];
  if (typeof low !== "number" || typeof high !== "number") return undefined;
  if (flag !== null && flag !== undefined && flag !== "" && typeof flag !== "boolean") return undefined;
  let classify: (value: number) => number;
  try {
    classify = quartileClassifier(low, high, flag === true);
  } catch (error) {
    if (error instanceof EngineError) return undefined; // the general path reports it in every cell
    throw error;
  }
  const out: Result[][] = new Array(salaries.length);
  for (let r = 0; r < salaries.length; r++) {
    const row = salaries[r];
    const value = row.length === 1 ? row[0] : undefined;
    out[r] =
      typeof value === "number" && value - value === 0
        ? (QUARTILE_ROWS[classify(value)] as Result[])
        : elementwise(PARAMS.QUARTILE_PLACE, [[row], min, top, strict], rule)[0];
  }
  return out;
}

/**
 * Compa-ratio: salary / range midpoint.
 * @customfunction COMPA_RATIO
 * @param salary Salary, or a range of salaries (the result spills).
 * @param min_or_row Range minimum, or a pay row whose first and last numbers are the minimum and maximum when max is omitted.
 * @param max Range maximum (omit it when min_or_row is a pay row).
 * @returns The compa-ratio (1 = at the midpoint).
 */
export function COMPA_RATIO(salary: unknown[][], min_or_row: unknown[][], max?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.SALARY_IN_RANGE, [salary, ...rangeBounds(min_or_row, max)], compaRatio);
}

/**
 * Range penetration: (salary − minimum) / (maximum − minimum).
 * @customfunction RANGE_PENETRATION
 * @param salary Salary, or a range of salaries (the result spills).
 * @param min_or_row Range minimum, or a pay row whose first and last numbers are the minimum and maximum when max is omitted.
 * @param max Range maximum (omit it when min_or_row is a pay row).
 * @returns The penetration (0 at the minimum, 1 at the maximum).
 */
export function RANGE_PENETRATION(salary: unknown[][], min_or_row: unknown[][], max?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.SALARY_IN_RANGE, [salary, ...rangeBounds(min_or_row, max)], rangePenetration);
}

/**
 * New-hire salary: the minimum plus 2.5 % per whole year of experience, at most 10 years, never above the maximum (HISD).
 * @customfunction EXPERIENCE_SALARY
 * @param min Range minimum of the grade.
 * @param max Range maximum of the grade.
 * @param years Years of related, documented experience.
 * @param rate Increase per year over the minimum (default 0.025).
 * @param cap_years Most years credited (default 10).
 * @returns The salary, rounded to the cent.
 */
export function EXPERIENCE_SALARY(
  min: unknown[][],
  max: unknown[][],
  years: unknown[][],
  rate?: unknown[][],
  cap_years?: unknown[][],
): unknown[][] {
  return elementwise(PARAMS.EXPERIENCE_SALARY, [min, max, years, rate, cap_years], (lo, hi, y, r, cap) =>
    experienceSalary(lo, hi, y, r ?? POLICY.COMP_EXPERIENCE_RATE, cap ?? POLICY.COMP_EXPERIENCE_CAP_YEARS),
  );
}

/**
 * Promotion salary: the higher of the percentage increase and the new-hire method on the new grade, within its range (HISD).
 * @customfunction PROMOTION_SALARY
 * @param current Current salary.
 * @param new_min Range minimum of the new grade.
 * @param new_max Range maximum of the new grade.
 * @param increase_pct Promotion-chart increase as a fraction (0.08 = 8 %).
 * @param years Years of related experience for the new-hire method (default 0).
 * @param rate Increase per year over the minimum (default 0.025).
 * @param cap_years Most years credited (default 10).
 * @returns The salary, rounded to the cent.
 */
export function PROMOTION_SALARY(
  current: unknown[][],
  new_min: unknown[][],
  new_max: unknown[][],
  increase_pct: unknown[][],
  years?: unknown[][],
  rate?: unknown[][],
  cap_years?: unknown[][],
): unknown[][] {
  return elementwise(
    PARAMS.PROMOTION_SALARY,
    [current, new_min, new_max, increase_pct, years, rate, cap_years],
    (now, lo, hi, pct, y, r, cap) =>
      promotionSalary(
        now,
        lo,
        hi,
        pct,
        y ?? 0,
        r ?? POLICY.COMP_EXPERIENCE_RATE,
        cap ?? POLICY.COMP_EXPERIENCE_CAP_YEARS,
      ),
  );
}

/**
 * Who approves a salary: "CHRO" or "Compensation Committee" (HISD approval authority).
 * @customfunction APPROVAL_LEVEL
 * @param salary Salary, or a range of salaries (the result spills).
 * @param min Range minimum of the grade.
 * @param max Range maximum of the grade.
 * @param grade Pay grade number (or technology grade such as T8).
 * @param senior_grade First grade whose CHRO limit is the midpoint (default 28).
 * @returns "CHRO" up to the start of Q4 below the senior grade and up to the midpoint from it, else "Compensation Committee".
 */
export function APPROVAL_LEVEL(
  salary: unknown[][],
  min: unknown[][],
  max: unknown[][],
  grade: unknown[][],
  senior_grade?: unknown[][],
): unknown[][] {
  return elementwise(PARAMS.APPROVAL_LEVEL, [salary, min, max, grade, senior_grade], (s, lo, hi, g, senior) =>
    approvalLevel(s, lo, hi, g, senior ?? POLICY.COMP_SENIOR_GRADE),
  );
}

/**
 * Weekly pay with overtime: 1.5 × the regular rate for hours over 40 (HISD, FLSA).
 * @customfunction OVERTIME_PAY
 * @param rate Regular hourly rate.
 * @param hours Hours worked in the week.
 * @param threshold Hours after which overtime starts (default 40).
 * @param multiplier Overtime multiple of the rate (default 1.5).
 * @param weekly_supplement Non-discretionary pay for the week on top of the hourly pay, e.g. a stipend's weekly share: it is paid and raises the regular rate of the overtime hours (default 0).
 * @returns The week's pay.
 */
export function OVERTIME_PAY(
  rate: unknown[][],
  hours: unknown[][],
  threshold?: unknown[][],
  multiplier?: unknown[][],
  weekly_supplement?: unknown[][],
): unknown[][] {
  return elementwise(PARAMS.OVERTIME_PAY, [rate, hours, threshold, multiplier, weekly_supplement], (r, h, t, m, s) =>
    overtimePay(r, h, t ?? POLICY.COMP_OVERTIME_THRESHOLD_HOURS, m ?? POLICY.COMP_OVERTIME_MULTIPLIER, s ?? 0),
  );
}

/**
 * TRUE when the days served in 12 months make a creditable year: 90 at full time, 180 at half time (HISD).
 * @customfunction CREDITABLE_YEAR
 * @param days Days of service in the 12 months.
 * @param fte Full-time equivalent, above 0 and at most 1 (default 1).
 * @returns TRUE or FALSE (always FALSE below half time).
 */
export function CREDITABLE_YEAR(days: unknown[][], fte?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.CREDITABLE_YEAR, [days, fte], (d, f) => creditableYear(d, f ?? 1));
}

/**
 * Daily rate of pay: annual salary / duty days (HISD extended time).
 * @customfunction DAILY_RATE
 * @param annual Annual salary.
 * @param duty_days Duty days in the work schedule.
 * @returns The daily rate.
 */
export function DAILY_RATE(annual: unknown[][], duty_days: unknown[][]): unknown[][] {
  return elementwise(PARAMS.DAILY_RATE, [annual, duty_days], dailyRate);
}

/**
 * Pay per pay period: annual salary / pay periods (26 by default, HISD).
 * @customfunction PERIOD_PAY
 * @param annual Annual salary.
 * @param periods Pay periods a year (default 26).
 * @returns The pay per period.
 */
export function PERIOD_PAY(annual: unknown[][], periods?: unknown[][]): unknown[][] {
  return elementwise(PARAMS.PERIOD_PAY, [annual, periods], (a, p) => periodPay(a, p ?? POLICY.COMP_PAY_PERIODS));
}
