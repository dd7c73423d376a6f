/**
 * The settlement-costing COMP functions (issue 17): the same rules as the step-cost and
 * settlement-cost exhibits (src/engine/costing.ts), cell by cell. Every argument is a range
 * (unknown[][]); omitted optional arguments arrive as null. The reference text mirrors
 * catalog-costing.ts.
 */
import { raisedPay, stepCost, stepsShowCents } from "../engine/costing";
import { gradeStepPay } from "../engine/schedule";
import { gradeFinder, gradeSchedules, withSchedule } from "./functions";
import { numError, valueError, type ExcelError } from "./errors";
import { elementwise, gridOf, isBlankCell, optional, required, type Result } from "./machinery";

/** The parameter tables: names as Excel shows them, coercion, optional. */
export const COSTING_PARAMS = {
  STEP_COST: [
    required("grade", "key"),
    required("step", "number"),
    optional("fte", "number"),
    optional("basis", "number"),
  ],
} as const;

/**
 * Annual cost of one year of step movement: (pay at the next step − pay at this step) × basis × FTE; 0 at the top step.
 * @customfunction STEP_COST
 * @param schedule Pay plan: grade keys in the first column, steps across, optional header row.
 * @param grade Grade key, matched trimmed and case-insensitive, or a range of them.
 * @param step The employee's step number, or a range of them; at or past the grade's last step the cost is 0.
 * @param fte Full-time equivalent, above 0 (default 1).
 * @param basis Pay units in a full-time year (default 1, an annual salary): 2080 for an hourly rate, the contract days for a daily rate, 12 for a monthly one.
 * @returns The annual cost of the step increase (0 at the top step).
 */
export function STEP_COST(
  schedule: unknown[][],
  grade: unknown[][],
  step: unknown[][],
  fte?: unknown[][],
  basis?: unknown[][],
): unknown[][] {
  return withSchedule(schedule, gradeSchedules, (parsed) => {
    const find = gradeFinder(parsed);
    return elementwise(COSTING_PARAMS.STEP_COST, [grade, step, fte, basis], (key, number, f, b) => {
      const row = find(key);
      gradeStepPay(parsed, row, number); // checks the step: whole, not below the first
      const position = Math.min(number - parsed.firstStep, row.steps.length - 1);
      return stepCost(row.steps, position, f ?? 1, b ?? 1);
    });
  });
}

/** One number from a single-cell argument (null when blank), or the Excel error to return. */
function single(arg: unknown, name: string): number | null | ExcelError {
  const grid = gridOf(arg);
  if (grid.length !== 1 || grid[0].length !== 1) return valueError(`${name} must be one value, not a range`);
  const [[value]] = elementwise([optional(name, "number")], [arg], (v: number | null) => v ?? "");
  return value === "" ? null : (value as number | ExcelError);
}

/**
 * A pay plan raised by a settlement: every step × (1 + increase) + flat, rounded per grade as the structure adjustment rounds (to the cent where the grade's pay carries cents or is hourly or daily, else to the dollar).
 * @customfunction RAISE_SCHEDULE
 * @param schedule Pay plan: grade keys in the first column, steps across, optional header row.
 * @param increase The increase as a fraction (0.03 = 3 %), one value.
 * @param flat A flat amount added to every step after the increase, in the schedule's pay unit (default 0).
 * @returns The raised schedule, the same shape: header row, grade keys and other columns as they are.
 */
export function RAISE_SCHEDULE(schedule: unknown[][], increase: unknown[][], flat?: unknown[][]): unknown[][] {
  const rate = single(increase, "increase");
  if (rate === null) return [[valueError("increase is blank")]];
  if (typeof rate !== "number") return [[rate]];
  if (rate > 1) return [[valueError(`increase ${rate} is above 1: write 3 % as 0.03`)]];
  if (rate <= -1) return [[numError()]];
  const amount = single(flat, "flat") ?? 0;
  if (typeof amount !== "number") return [[amount]];
  return withSchedule(schedule, gradeSchedules, (parsed) => {
    const grid = gridOf(schedule);
    const width = grid.reduce((most, row) => Math.max(most, row.length), 0);
    const out: Result[][] = grid.map((row) =>
      Array.from({ length: width }, (_, c): Result => {
        const cell = row[c];
        return isBlankCell(cell) ? "" : (cell as Result);
      }),
    );
    const stepColumns = parsed.stepLabels.length;
    for (const grade of parsed.grades) {
      const cents = stepsShowCents(grade.steps);
      const line = out[grade.row - 1];
      for (let s = 0; s < stepColumns; s++) {
        if (s >= grade.steps.length) {
          line[s + 1] = "";
          continue;
        }
        const pay = raisedPay(grade.steps[s], rate, amount, cents);
        line[s + 1] = pay < 0 ? numError() : pay;
      }
    }
    return out;
  });
}
