/** The market and implementation functions' reference (mirrors the JSDoc of market.ts). */
import { opt, req, type CatalogEntry } from "./catalog-entry";

const SCHEDULE = req("schedule", "Pay plan: grade keys in the first column, steps across, optional header row.");
const GRADE = req("grade", "Grade key, matched trimmed and case-insensitive, or a range of them.");

export const MARKET_CATALOG: readonly CatalogEntry[] = [
  {
    name: "MARKET_DIFF",
    description: "Market differential: (org − market) / market, positive when the organisation pays above the market.",
    parameters: [
      req("org", "The organisation's pay (a minimum, midpoint or maximum), or a range of them."),
      req("market", "The market's pay for the same job, or a range of them."),
      opt(
        "convention",
        'Either "org-over-market" (default) or "market-over-org": (market − org) / org, the raise needed.',
      ),
    ],
    returns: "The differential as a fraction (0.05 = 5 %).",
    example: "=COMP.MARKET_DIFF(62208, 59800)",
    errors: [
      { code: "#NUM!", when: "org or market is 0 or less" },
      { code: "#VALUE!", when: "an argument is not a number, or the convention is neither of the two" },
    ],
  },
  {
    name: "AGE_MARKET",
    description: "Ages a survey figure from its effective date to another date at a yearly rate (compound by default).",
    parameters: [
      req("value", "The survey figure (a peer's minimum, midpoint or maximum), or a range of them."),
      req("from_date", "The figure's effective date (an Excel date or date text)."),
      req("to_date", "The date to age it to (the study's as-of date); a from_date after it leaves the value as it is."),
      opt("annual_rate", "Yearly market movement as a fraction (default 0.03)."),
      opt(
        "method",
        'Either "compound" (default): value × (1 + rate)^(days / 365.25), or "simple": value × (1 + rate × days / 365.25).',
      ),
    ],
    returns: "The aged figure.",
    example: '=COMP.AGE_MARKET(58000, "2012-07-01", "2013-04-01")',
    errors: [
      { code: "#VALUE!", when: "a date is not a date, the value is not a number, or the method is neither of the two" },
      { code: "#NUM!", when: "the rate is below 0 or above 1 (write 3 % as 0.03)" },
    ],
  },
  {
    name: "STEP_OF",
    description:
      "The step a salary sits on: the highest step of the grade at or below it (half-cent tolerance); 0 below the first step.",
    parameters: [SCHEDULE, GRADE, req("salary", "Salary in the schedule's unit, or a range of them.")],
    returns: "The step number.",
    example: '=COMP.STEP_OF(Plans!B2:M31, "TE3", 55000)',
    workbook: "=COMP.STEP_OF({schedule}, {grade}, {salary})",
    errors: [
      { code: "#N/A", when: "the grade is not in the schedule" },
      { code: "#NUM!", when: "a negative salary" },
      { code: "#VALUE!", when: "the salary is not a number, or a pay cell of the schedule is not a number" },
    ],
  },
  {
    name: "NEXT_STEP",
    description: "The first step of a grade at or above a salary (× 1 + min_increase), half-cent tolerance.",
    parameters: [
      SCHEDULE,
      GRADE,
      req("salary", "Current salary in the schedule's unit, or a range of them."),
      opt(
        "min_increase",
        "Smallest increase as a fraction: the step must pay at least salary × (1 + min_increase) (default 0).",
      ),
    ],
    returns: "The step number; its pay is COMP.PAYSTEP(schedule, grade, step).",
    example: '=COMP.NEXT_STEP(Plans!B2:M31, "TE3", 55000, 0.02)',
    workbook: "=COMP.NEXT_STEP({schedule}, {grade}, {salary}, 0.02)",
    errors: [
      {
        code: "#N/A",
        when: "the grade is not in the schedule, or no step is high enough (\"No step of grade 'X' is at or above …\": the salary is above the top step)",
      },
      { code: "#NUM!", when: "a negative salary or min_increase" },
      { code: "#VALUE!", when: "the salary is not a number, or a pay cell of the schedule is not a number" },
    ],
  },
  {
    name: "COST_TO_MIN",
    description:
      "Annual cost of raising a salary to a new range minimum: (new_min − salary, never below 0) × hours, or × FTE.",
    parameters: [
      req("salary", "Current pay (an annual salary, or an hourly rate with hours), or a range of them."),
      req("new_min", "The new range minimum, in the same unit."),
      opt("fte", "Full-time equivalent for an annual salary (default 1)."),
      opt("hours", "Annual hours for an hourly rate (e.g. 2080 × FTE); when given, FTE is not applied again."),
    ],
    returns: "The annual cost (0 when the salary is at or above the new minimum).",
    example: "=COMP.COST_TO_MIN(12.12, 12.48, , 2080)",
    errors: [
      { code: "#NUM!", when: "a negative salary, minimum or hours, or an FTE of 0 or less" },
      { code: "#VALUE!", when: "an argument is not a number" },
    ],
  },
];
