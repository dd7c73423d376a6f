/** The reference of the personnel-action COMP functions (src/functions/actions.ts), mirroring their JSDoc. */
import { opt, req, type CatalogEntry } from "./catalog-entry";

export const ACTIONS_CATALOG: readonly CatalogEntry[] = [
  {
    name: "PLACEMENT",
    description: "One candidate's placement by the HISD rules; spills step, salary, approval and the rule applied.",
    parameters: [
      req(
        "schedule",
        "Pay plan (Grade and Step 1 … or Minimum, Maximum columns; or grades in the first column, steps across), or a step-and-lane schedule (Step, then one column per lane).",
      ),
      req("grade", "Grade key (for a step-and-lane schedule, the lane), or a column of them."),
      req("action", 'Either "hire", "promotion", "rehire", "transfer", "demotion" or "change in months".'),
      req(
        "job_type",
        'Either "teacher", "counselor", "librarian", "evaluation specialist", "assistant principal", "nurse", "speech therapist", "crafts", "nutrition", "custodian" or "other".',
      ),
      opt(
        "years",
        "Approved (teachers …), school-based (nurses, speech therapists) or related (other jobs) years of experience; needed by hires, and by promotions and rehires placed as new hires.",
      ),
      opt("other_years", "Relevant non-school years of nurses and speech therapists (at most 10 credited)."),
      opt(
        "current_salary",
        "Present salary (promotion, transfer, demotion, change in months) or last salary (rehire), in the grade's unit.",
      ),
      opt("promotion_pct", "Promotion-chart increase as a fraction (0.08 = 8 %); blank reads promotion_chart."),
      opt(
        "months_away",
        "Rehire: months since the last day of employment (blank: from separation_date and rehire_date).",
      ),
      opt("internship_years", "Speech therapists: internship years (at most 3, within the 10 non-school years)."),
      opt(
        "previous_grade",
        "Promotion, demotion, rehire: the grade left (a promotion's grades advanced read promotion_chart).",
      ),
      opt("job_code", "Rehire: the new job's code."),
      opt(
        "previous_job_code",
        "Rehire: the job code left (the same job code or grade within 6 months: the last salary).",
      ),
      opt("separation_date", "Rehire: the last day of employment, a date."),
      opt(
        "rehire_date",
        "Rehire: the day back, a date (within 6 calendar months of separation_date, that day included).",
      ),
      opt("current_days", "Change in months: duty days of the present work schedule."),
      opt("new_days", "Change in months: duty days of the new work schedule."),
      opt("promotion_chart", "Promotion Chart: Grades Advanced (1, 2, … the last may read 3+) and Increase columns."),
    ],
    returns: "One row per candidate: step, salary, approval, rule.",
    example: '=COMP.PLACEMENT(Plans!A1:D40, "27", "hire", "other", 6)',
    workbook: '=COMP.PLACEMENT({schedule}, {grade}, "hire", "other", 6)',
    errors: [
      {
        code: "#N/A",
        when: "the grade or lane is not in the schedule, or the step placed on has no pay (the rule cell says which)",
      },
      {
        code: "#VALUE!",
        when: "an unknown action or job type, a missing years, current salary, months away (or dates) or duty days the action needs, a teacher on a pay range without steps, a salary in another pay unit than the grade's, a date that is not a date, a rehire date before the separation date, a promotion chart that cannot be read",
      },
      {
        code: "#NUM!",
        when: "negative years, salaries or days, a promotion percentage above 1 (100 %)",
      },
    ],
  },
  {
    name: "REHIRE_SALARY",
    description: "Rehire salary: back within 6 months, the last salary, not above the range maximum (HISD).",
    parameters: [
      req("last_salary", "Salary on the last day of employment."),
      req("max", "Range maximum of the grade."),
      req("months_away", "Months since the last day of employment."),
      opt("window_months", "Months within which a rehire returns at the last salary (default 6)."),
    ],
    returns: "The salary; #N/A after the window (the person is placed as a new hire).",
    example: "=COMP.REHIRE_SALARY(65000, 68000, 4)",
    errors: [
      { code: "#N/A", when: "back after more than the window: placed as a new hire (COMP.PLACEMENT)" },
      { code: "#NUM!", when: "a last salary or maximum of 0 or less, negative months" },
    ],
  },
  {
    name: "EXTRA_DUTY_PAY",
    description: "Extra duty pay of a teacher: hours × $25 an hour by default (HISD).",
    parameters: [req("hours", "Hours of extra duty beyond the regular day."), opt("rate", "Hourly rate (default 25).")],
    returns: "The pay for the hours.",
    example: "=COMP.EXTRA_DUTY_PAY(12)",
    errors: [{ code: "#NUM!", when: "negative hours or rate" }],
  },
  {
    name: "MONTHLY_RATE",
    description: "Monthly rate: annual salary / months in the work schedule (HISD).",
    parameters: [req("annual", "Annual salary."), req("months", "Months in the work schedule (10, 11 or 12).")],
    returns: "The monthly rate.",
    example: "=COMP.MONTHLY_RATE(58675, 10)",
    errors: [{ code: "#NUM!", when: "a negative salary, or months of 0 or less" }],
  },
];
