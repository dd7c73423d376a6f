/**
 * The supplemental-pay COMP functions (HISD compensation manual 2019–20, V–VI; FLSA): the
 * regular rate with a week's share of stipends, a longevity table, and one stipend by its
 * basis — the rules the supplemental-pay exhibits apply (src/engine/supplemental.ts), in a cell.
 * Arguments are ranges (unknown[][]); omitted optionals arrive as null; ids never change. The
 * reference text mirrors catalog-supplemental.ts.
 */
import { parseNumberText, type CellValue } from "../engine/cells";
import { invalid } from "../engine/errors";
import { regularRate } from "../engine/rules";
import { ScheduleCache } from "../engine/schedule";
import { percentText } from "../engine/study/families/market";
import { longevityBands, parseLongevity, type LongevityTable } from "../engine/study/families/supplemental";
import {
  longevityIndex,
  longevityPay,
  parseStipendBasis,
  stipendPay,
  unitsProblem,
  wholeYears,
} from "../engine/supplemental";
import { checked, withSchedule, type Cells } from "./functions";
import { elementwise, optional, required } from "./machinery";

/** The parameter tables: names as Excel shows them, coercion, optional. */
export const SUPPLEMENTAL_PARAMS = {
  REGULAR_RATE: [required("rate", "number"), required("hours", "number"), optional("weekly_supplement", "number")],
  LONGEVITY: [required("years", "number"), optional("base_pay", "number")],
  STIPEND: [
    required("amount", "number"),
    required("basis", "text"),
    optional("units", "number"),
    optional("base_pay", "number"),
  ],
} as const;

/**
 * A longevity range as the Longevity input table reads it (header Years of Service, Amount or
 * Percent), or two columns of numbers without a header (years, amount). A row that cannot be
 * used makes the whole table an error: a band silently left out would pay the band below it.
 */
export function parseLongevityRange(cells: Cells): LongevityTable {
  const first = cells.find((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== ""));
  // A first row of numbers (or numeric text) is data: two columns, years and amount, without a header.
  const numeric = (cell: unknown): boolean =>
    cell === null ||
    cell === "" ||
    typeof cell === "number" ||
    (typeof cell === "string" && parseNumberText(cell) !== undefined);
  const headerless = first !== undefined && first.every(numeric);
  const table = headerless
    ? longevityBands(
        cells.flatMap((row, index) =>
          row.every((cell) => cell === null || cell === undefined || cell === "")
            ? []
            : [{ row: index + 1, years: row[0] as CellValue, amount: row[1] as CellValue, percent: null }],
        ),
      )
    : parseLongevity({ rows: cells as CellValue[][], source: "" });
  const problem = table.problems[0];
  if (problem !== undefined) invalid(`Row ${problem.row} of the longevity table: ${problem.reason}`);
  return table;
}

const longevityTables = new ScheduleCache(checked(parseLongevityRange));

/**
 * FLSA regular rate: (rate × hours + the week's supplement) / hours (29 CFR 778.109).
 * @customfunction REGULAR_RATE
 * @param rate Hourly rate.
 * @param hours Hours worked in the week (above 0).
 * @param weekly_supplement Non-discretionary pay for the week on top of the hourly pay, e.g. a stipend's weekly share (default 0).
 * @returns The regular rate for the week.
 */
export function REGULAR_RATE(rate: unknown[][], hours: unknown[][], weekly_supplement?: unknown[][]): unknown[][] {
  return elementwise(SUPPLEMENTAL_PARAMS.REGULAR_RATE, [rate, hours, weekly_supplement], (r, h, s) =>
    regularRate(r, h, s ?? 0),
  );
}

/**
 * Longevity pay for whole years of service: the row of the table with the highest Years of Service at or below them.
 * @customfunction LONGEVITY
 * @param years Whole years of service (a fraction counts down: 9.8 is 9).
 * @param table Longevity table: Years of Service and Amount or Percent columns with their header row, or two columns (years, amount) without one.
 * @param base_pay Annual base pay, for a row that is a percent of base pay.
 * @returns The year's longevity pay; 0 below the table's first row.
 */
export function LONGEVITY(years: unknown[][], table: unknown[][], base_pay?: unknown[][]): unknown[][] {
  return withSchedule(table, longevityTables, (parsed) =>
    elementwise(SUPPLEMENTAL_PARAMS.LONGEVITY, [years, base_pay], (y, base) => {
      const index = longevityIndex(parsed.bands, wholeYears(y));
      if (index < 0) return 0;
      const band = parsed.bands[index];
      const pay = longevityPay(band, base);
      if (pay === null)
        invalid(`The row for ${band.years} years is ${percentText(band.percent as number)} of base pay: give base_pay`);
      return pay;
    }),
  );
}

/**
 * One stipend's annual amount by its basis: annual — the amount; percent — amount × base pay; hour, day, month — amount × units.
 * @customfunction STIPEND
 * @param amount The stipend's Amount: dollars, a rate per hour, day or month, or for percent a fraction of base pay (0.05 = 5 %).
 * @param basis Either "annual", "percent", "hour", "day" or "month".
 * @param units Hours, days or months for those bases (an annual or percent stipend takes none, or 1).
 * @param base_pay Annual base pay (annual pay × FTE), for a percent stipend.
 * @returns The annual amount, not prorated and not scaled by FTE.
 */
export function STIPEND(
  amount: unknown[][],
  basis: unknown[][],
  units?: unknown[][],
  base_pay?: unknown[][],
): unknown[][] {
  return elementwise(SUPPLEMENTAL_PARAMS.STIPEND, [amount, basis, units, base_pay], (a, b, u, base) => {
    const parsed = parseStipendBasis(b);
    if (parsed === undefined) invalid(`basis must be annual, percent, hour, day or month, got '${b.trim()}'`);
    const unfit = unitsProblem(parsed, u);
    if (unfit !== undefined) invalid(unfit);
    if (parsed === "percent" && a > 1) invalid(`A percent amount is a fraction of base pay: write ${a}% (${a / 100})`);
    return stipendPay(parsed, a, u ?? 1, base);
  });
}
