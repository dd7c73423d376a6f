/**
 * The COMP function reference as data (host-free): the task pane's searchable list and the
 * README's reference are written from it. It mirrors the JSDoc of functions.ts, from which
 * functions.json is generated; test/functions/catalog.test.ts keeps the two in step.
 */

import { ACTIONS_CATALOG } from "./catalog-actions";
import { COSTING_CATALOG } from "./catalog-costing";
import { opt, req, type CatalogEntry, type CatalogError } from "./catalog-entry";
import { EXHIBIT_CATALOG } from "./catalog-exhibit";
import { MARKET_CATALOG } from "./catalog-market";
import { EQUITY_CATALOG } from "./catalog-equity";
import { SUPPLEMENTAL_CATALOG } from "./catalog-supplemental";

export type { CatalogEntry, CatalogError, CatalogParameter } from "./catalog-entry";

const SALARY = req("salary", "Salary, or a range of salaries (the result spills).");
const MIN_OR_ROW = req(
  "min_or_row",
  "Range minimum, or a pay row whose first and last numbers are the minimum and maximum when max is omitted.",
);
const MAX = opt("max", "Range maximum (omit it when min_or_row is a pay row).");
const RANGE_ERRORS: readonly CatalogError[] = [
  { code: "#NUM!", when: "the minimum is 0 or less, or the maximum is below the minimum" },
  { code: "#VALUE!", when: "an argument is not a number, or max is omitted and min_or_row is a single column" },
];
const PAY_CELL_ERROR: CatalogError = {
  code: "#VALUE!",
  when: "a pay cell of the schedule is not a number (the message names the cell)",
};

/** The pay-plan and range functions, in reference order. */
const RULES_CATALOG: readonly CatalogEntry[] = [
  {
    name: "PAYSTEP",
    description: "Pay at a grade's step of a pay plan (grades × steps).",
    parameters: [
      req("schedule", "Pay plan: grade keys in the first column, steps across, optional header row."),
      req("grade", "Grade key, matched trimmed and case-insensitive, or a range of them."),
      req("step", "Step number, or a range of them; past the grade's last step gives its top step."),
    ],
    returns: "The pay at each grade and step.",
    example: '=COMP.PAYSTEP(Plans!B2:M31, "B1-5", 3)',
    workbook: "=COMP.PAYSTEP({schedule}, {grade}, 3)",
    errors: [
      { code: "#N/A", when: "the grade is not in the schedule (\"Grade 'X' is not in the schedule\")" },
      { code: "#NUM!", when: "the step is below the first step or not a whole number" },
      PAY_CELL_ERROR,
    ],
  },
  {
    name: "LANEPAY",
    description: "Pay at a step and lane of a teacher schedule (steps × lanes).",
    parameters: [
      req("schedule", "Teacher schedule: step numbers in the first column, lanes across under a header row."),
      req("step", "Step number, or a range of them; past the last row gives the last row."),
      req("lane", "Lane name from the header row (BA, MA, …) or its 1-based number, or a range of them."),
    ],
    returns: "The pay at each step and lane.",
    example: '=COMP.LANEPAY(PEA!A1:E32, 12, "Master\'s")',
    workbook: "=COMP.LANEPAY({lanes}, 12, {lane})",
    errors: [
      { code: "#N/A", when: "the lane is not in the schedule, or has no pay at that step" },
      { code: "#NUM!", when: "the step is below the first step or not a whole number" },
      PAY_CELL_ERROR,
    ],
  },
  {
    name: "STEP_FOR_YEARS",
    description:
      "Placement step from years of experience: first_step for 0 years, one step more per whole year (HISD).",
    parameters: [
      req("years", "Whole years of approved experience."),
      opt(
        "first_step",
        "Lowest step of the schedule, the entry step for 0 years (default 1; 0 for a table labelled by years).",
      ),
      opt("max_step", "Top step of the schedule (default: no limit)."),
      opt("other_years", "Years of relevant non-school experience (default 0)."),
      opt("other_cap", "Most non-school years credited (default 10)."),
    ],
    returns: "The step number: first_step + whole years (+ non-school years up to other_cap), at most max_step.",
    example: "=COMP.STEP_FOR_YEARS(7, 1, 31)",
    errors: [{ code: "#NUM!", when: "negative years, steps that are not whole, or max_step below first_step" }],
  },
  {
    name: "RANGE_SPREAD",
    description: "Range spread: (maximum − minimum) / minimum.",
    parameters: [MIN_OR_ROW, MAX],
    returns: "The spread as a fraction (0.31 = 31 %).",
    example: "=COMP.RANGE_SPREAD(C2:M2)",
    workbook: "=COMP.RANGE_SPREAD({payRow})",
    errors: RANGE_ERRORS,
  },
  {
    name: "MIDPOINT",
    description: "Range midpoint: (minimum + maximum) / 2.",
    parameters: [MIN_OR_ROW, MAX],
    returns: "The midpoint.",
    example: "=COMP.MIDPOINT(F2, G2)",
    workbook: "=COMP.MIDPOINT({payRow})",
    errors: RANGE_ERRORS,
  },
  {
    name: "STEP_PROGRESSION",
    description: "Average step-to-step increase of a pay row; one result per row.",
    parameters: [
      req("steps_row", "Pay row or rows: the numbers of each row are its steps, in order."),
      opt("method", 'Either "geometric" (default) or "arithmetic".'),
    ],
    returns: "The average increase as a fraction (0.03 = 3 %).",
    example: "=COMP.STEP_PROGRESSION(C2:M31)",
    workbook: "=COMP.STEP_PROGRESSION({payRow})",
    errors: [
      { code: "#VALUE!", when: "a row has fewer than two steps, or the method is not geometric or arithmetic" },
      { code: "#NUM!", when: "a step is 0 or less" },
    ],
  },
  {
    name: "QUARTILE_PLACE",
    description: "Quartile (1–4) of a salary within its pay range.",
    parameters: [
      SALARY,
      MIN_OR_ROW,
      MAX,
      opt("strict", "TRUE gives 0 below the minimum and 5 above the maximum (default FALSE: 1 and 4)."),
    ],
    returns: "The quartile: 1 to 4 (0 to 5 when strict).",
    example: "=COMP.QUARTILE_PLACE(E2:E5000, F2:F5000, G2:G5000)",
    workbook: "=COMP.QUARTILE_PLACE({salary}, {payRow})",
    errors: RANGE_ERRORS,
  },
  {
    name: "COMPA_RATIO",
    description: "Compa-ratio: salary / range midpoint.",
    parameters: [SALARY, MIN_OR_ROW, MAX],
    returns: "The compa-ratio (1 = at the midpoint).",
    example: "=COMP.COMPA_RATIO(E2, F2, G2)",
    workbook: "=COMP.COMPA_RATIO({salary}, {payRow})",
    errors: RANGE_ERRORS,
  },
  {
    name: "RANGE_PENETRATION",
    description: "Range penetration: (salary − minimum) / (maximum − minimum).",
    parameters: [SALARY, MIN_OR_ROW, MAX],
    returns: "The penetration (0 at the minimum, 1 at the maximum).",
    example: "=COMP.RANGE_PENETRATION(E2, F2, G2)",
    workbook: "=COMP.RANGE_PENETRATION({salary}, {payRow})",
    errors: [...RANGE_ERRORS, { code: "#NUM!", when: "the minimum equals the maximum" }],
  },
];

/** The HISD manual's rules as functions. */
const HISD_CATALOG: readonly CatalogEntry[] = [
  {
    name: "EXPERIENCE_SALARY",
    description:
      "New-hire salary: the minimum plus 2.5 % per whole year of experience, at most 10 years, never above the maximum (HISD).",
    parameters: [
      req("min", "Range minimum of the grade."),
      req("max", "Range maximum of the grade."),
      req("years", "Years of related, documented experience."),
      opt("rate", "Increase per year over the minimum (default 0.025)."),
      opt("cap_years", "Most years credited (default 10)."),
    ],
    returns: "The salary, rounded to the cent.",
    example: "=COMP.EXPERIENCE_SALARY(52000, 78000, 6)",
    errors: [{ code: "#NUM!", when: "negative years, rate or cap, or an invalid range" }],
  },
  {
    name: "PROMOTION_SALARY",
    description:
      "Promotion salary: the higher of the percentage increase and the new-hire method on the new grade, within its range (HISD).",
    parameters: [
      req("current", "Current salary."),
      req("new_min", "Range minimum of the new grade."),
      req("new_max", "Range maximum of the new grade."),
      req("increase_pct", "Promotion-chart increase as a fraction (0.08 = 8 %)."),
      opt("years", "Years of related experience for the new-hire method (default 0)."),
      opt("rate", "Increase per year over the minimum (default 0.025)."),
      opt("cap_years", "Most years credited (default 10)."),
    ],
    returns: "The salary, rounded to the cent.",
    example: "=COMP.PROMOTION_SALARY(61250, 64000, 96000, 0.08, 5)",
    errors: [{ code: "#NUM!", when: "a salary of 0 or less, a negative increase or years, or an invalid range" }],
  },
  {
    name: "APPROVAL_LEVEL",
    description: 'Who approves a salary: "CHRO" or "Compensation Committee" (HISD approval authority).',
    parameters: [
      SALARY,
      req("min", "Range minimum of the grade."),
      req("max", "Range maximum of the grade."),
      req("grade", "Pay grade number (or technology grade such as T8)."),
      opt("senior_grade", "First grade whose CHRO limit is the midpoint (default 28)."),
    ],
    returns:
      '"CHRO" up to the start of Q4 below the senior grade and up to the midpoint from it, else "Compensation Committee".',
    example: "=COMP.APPROVAL_LEVEL(71000, 60000, 90000, 27)",
    errors: [
      { code: "#NUM!", when: "the salary is above the range maximum (no one may approve it)" },
      { code: "#VALUE!", when: "the grade is not a number or a technology grade" },
    ],
  },
  {
    name: "OVERTIME_PAY",
    description: "Weekly pay with overtime: 1.5 × the regular rate for hours over 40 (HISD, FLSA).",
    parameters: [
      req("rate", "Regular hourly rate."),
      req("hours", "Hours worked in the week."),
      opt("threshold", "Hours after which overtime starts (default 40)."),
      opt("multiplier", "Overtime multiple of the rate (default 1.5)."),
      opt(
        "weekly_supplement",
        "Non-discretionary pay for the week on top of the hourly pay, e.g. a stipend's weekly share: it is paid and raises the regular rate of the overtime hours (default 0).",
      ),
    ],
    returns: "The week's pay.",
    example: "=COMP.OVERTIME_PAY(18.5, 46)",
    errors: [{ code: "#NUM!", when: "negative hours, rate, threshold, multiplier or weekly supplement" }],
  },
  {
    name: "CREDITABLE_YEAR",
    description:
      "TRUE when the days served in 12 months make a creditable year: 90 at full time, 180 at half time (HISD).",
    parameters: [
      req("days", "Days of service in the 12 months."),
      opt("fte", "Full-time equivalent, above 0 and at most 1 (default 1)."),
    ],
    returns: "TRUE or FALSE (always FALSE below half time).",
    example: "=COMP.CREDITABLE_YEAR(120, 0.5)",
    errors: [{ code: "#NUM!", when: "negative days or more than 366, or an FTE outside (0, 1]" }],
  },
  {
    name: "DAILY_RATE",
    description: "Daily rate of pay: annual salary / duty days (HISD extended time).",
    parameters: [req("annual", "Annual salary."), req("duty_days", "Duty days in the work schedule.")],
    returns: "The daily rate.",
    example: "=COMP.DAILY_RATE(58675, 197)",
    errors: [{ code: "#NUM!", when: "a negative salary, or duty days of 0 or less" }],
  },
  {
    name: "PERIOD_PAY",
    description: "Pay per pay period: annual salary / pay periods (26 by default, HISD).",
    parameters: [req("annual", "Annual salary."), opt("periods", "Pay periods a year (default 26).")],
    returns: "The pay per period.",
    example: "=COMP.PERIOD_PAY(58675)",
    errors: [{ code: "#NUM!", when: "a negative salary, or periods that are not a whole number above 0" }],
  },
];

/** The functions by what they are for (the task pane's groups), in reference order. */
export const CATALOG_GROUPS: readonly { readonly title: string; readonly entries: readonly CatalogEntry[] }[] = [
  { title: "Pay plans and ranges", entries: RULES_CATALOG },
  { title: "Pay rules (HISD manual)", entries: HISD_CATALOG },
  { title: "Market and cost", entries: [...MARKET_CATALOG, ...COSTING_CATALOG] },
  { title: "Personnel actions", entries: ACTIONS_CATALOG },
  { title: "Pay equity", entries: EQUITY_CATALOG },
  { title: "Supplemental pay", entries: SUPPLEMENTAL_CATALOG },
  { title: "Study exhibits", entries: EXHIBIT_CATALOG },
];

/** Every COMP function, in reference order: each family's catalog lives beside its functions. */
export const CATALOG: readonly CatalogEntry[] = CATALOG_GROUPS.flatMap((group) => group.entries);

/** Case-insensitive search over names, descriptions and parameter names (the task pane's list). */
export function searchCatalog(query: string): readonly CatalogEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return CATALOG;
  return CATALOG.filter((entry) => {
    const text = [entry.name, entry.name.replace(/_/g, " "), entry.description, ...entry.parameters.map((p) => p.name)]
      .join(" ")
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
