/**
 * What every analysis shares: the pay plans and the roster (the two inputs every study has),
 * the options of the placement step, and the small-cell rule of the workforce and equity
 * exhibits.
 */
import { PLAN_FIELDS, parsePayPlans } from "./plans";
import { DEFAULT_MAX_FTE, ROSTER_FIELDS, parseRoster } from "./roster";
import { input, mappingByField } from "./inputs";
import { option, type Options } from "./options";
import type { DecimalMark } from "./numbers";
import type { PayPlans, Roster } from "./types";

export const SALARY_BASIS = option({
  name: "salary-basis",
  kind: "choice",
  label: "Salary basis",
  description:
    "full-time: the roster shows each employee's full-time schedule rate; actual: it shows what they are paid, and salary ÷ FTE is compared with the schedule",
  choices: ["full-time", "actual"],
  default: "full-time",
  placeholder: "full-time|actual",
});

export const MAX_FTE = option({
  name: "max-fte",
  kind: "number",
  label: "Largest FTE",
  description: "FTE must be above 0 and at most this (default 1); other rows are listed with the reason",
  default: DEFAULT_MAX_FTE,
  min: 0.01,
  max: 10,
  placeholder: "number",
});

export const MIN_CELL = option({
  name: "min-cell",
  kind: "integer",
  label: "Smallest group shown",
  description: "workforce and equity cells describing fewer people are shown as <N (default 5)",
  default: 5,
  min: 1,
  max: 1000,
  placeholder: "N",
});

export const SUPPRESS = option({
  name: "suppress",
  kind: "flag",
  label: "Suppress small groups",
  description:
    "workforce and equity cells describing fewer than min-cell people are shown as <N; turned off (--no-suppress), the JSON and .xlsx keep their values — the HTML report and the task pane never do",
  default: true,
});

export const DECIMAL = option({
  name: "decimal",
  kind: "choice",
  label: "Decimal separator",
  description:
    "for a CSV whose numbers could be read two ways (31.200, 52,000): comma reads 31.200 as 31,200 (Europe), point reads it as 31.2 (US); auto (default) decides from the file and refuses a file that does not say. A file whose numbers show their separator is always read by it",
  choices: ["auto", "point", "comma"],
  default: "auto",
  placeholder: "auto|point|comma",
});

export const SPLIT_ASSIGNMENTS = option({
  name: "split-assignments",
  kind: "flag",
  label: "Employees on several rows are split assignments",
  description:
    "an Employee ID on several rows is one person with several assignments (two positions at FTE 0.5): every row is placed; head counts count the person once, in the grade of their main assignment (the largest FTE, else the first row), FTE and cost count every row. Without it the first row is kept and the others listed",
  default: false,
});

export const ORGANIZATION = option({
  name: "organization",
  kind: "text",
  label: "Organisation",
  description:
    "the organisation studied, e.g. Portland Public Schools: it titles the report and every sheet, and picks its own row of the Labor Cost table when one has that name (else the table's first row)",
  placeholder: "name",
});

export const TITLE = option({
  name: "title",
  kind: "text",
  label: "Study title",
  description:
    "the report's and the sheets' title (default: by what the study holds, e.g. Compensation study: current conditions and market comparison)",
  placeholder: "text",
});

export const CORE_OPTIONS = [
  SALARY_BASIS,
  MAX_FTE,
  MIN_CELL,
  SUPPRESS,
  DECIMAL,
  SPLIT_ASSIGNMENTS,
  ORGANIZATION,
  TITLE,
] as const;

/** The decimal mark the user stated (the decimal option), undefined for auto. */
export function statedDecimal(options: Options): DecimalMark | undefined {
  const value = options.value(DECIMAL);
  return value === "point" || value === "comma" ? value : undefined;
}

export const PLANS_INPUT = input<PayPlans>({
  id: "plans",
  label: "Pay Plans",
  sheets: ["Pay Plans", "Plans", "Schedules", "Pay Plan", "Salary Schedules"],
  description: "one row per grade: Plan, Grade, Step 1 … Step N, or Minimum, (Midpoint,) Maximum; optional Unit",
  fields: PLAN_FIELDS,
  otherColumns: "Step 1 … Step N (a grade's row ends at its last filled step)",
  parse: (table, context) =>
    parsePayPlans(table.rows, {
      decimal: context?.options === undefined ? undefined : statedDecimal(context.options),
      delimiter: table.delimiter,
      totalsRows: table.totalsRows,
    }),
});

export const ROSTER_INPUT = input<Roster>({
  id: "roster",
  label: "Roster",
  sheets: ["Roster", "Employees", "Staff"],
  description: "one row per employee",
  fields: ROSTER_FIELDS,
  parse: (table, context) =>
    parseRoster(table.rows, {
      asOf: context.asOf,
      mapping: mappingByField(ROSTER_FIELDS, table.mapping),
      maxFte: context.options.value(MAX_FTE),
      date1904: table.date1904,
      decimal: statedDecimal(context.options),
      delimiter: table.delimiter,
      totalsRows: table.totalsRows,
      splitAssignments: context.options.value(SPLIT_ASSIGNMENTS),
    }),
});
