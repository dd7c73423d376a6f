/**
 * Every policy value the rules apply, as named data with its source sentence.
 * The rules take their defaults from POLICY (no buried literals); the task pane writes
 * POLICY_TABLE to a "COMP Rules" sheet as named cells so a workbook shows its own rules.
 */

/** What a policy value measures (for formatting the rules sheet). */
export type PolicyUnit =
  "rate" | "years" | "grade" | "hours" | "multiplier" | "periods" | "months" | "days" | "fte" | "dollars per hour";

/** One named policy value. */
export type PolicyValue = {
  /** Workbook name of the value (valid Excel defined name). */
  readonly name: string;
  readonly value: number;
  readonly unit: PolicyUnit;
  readonly label: string;
  /** One line: what the value does. */
  readonly explanation: string;
  /** Where the value comes from. */
  readonly source: string;
};

const HISD = "HISD compensation manual 2019–20";

const TABLE = [
  {
    name: "COMP_EXPERIENCE_RATE",
    value: 0.025,
    unit: "rate",
    label: "Experience credit per year",
    explanation: "New-hire salary may be this much above the range minimum per year of related experience.",
    source: `${HISD}, II.A.1.e new hires, non-teachers`,
  },
  {
    name: "COMP_EXPERIENCE_CAP_YEARS",
    value: 10,
    unit: "years",
    label: "Experience credit cap",
    explanation: "At most this many years of related experience are credited (25 % over the minimum).",
    source: `${HISD}, II.A.1.e new hires, non-teachers`,
  },
  {
    name: "COMP_SENIOR_GRADE",
    value: 28,
    unit: "grade",
    label: "First senior grade",
    explanation: "From this grade up the CHRO approves up to the midpoint; below it, up to the start of Q4.",
    source: `${HISD}, II.A.1.e approval authority (grade 27/T8, 28/T9)`,
  },
  {
    name: "COMP_TECH_GRADE_OFFSET",
    value: 19,
    unit: "grade",
    label: "Technology grade offset",
    explanation: "Technology grade Tn is master grade n + this offset (T8 = 27, T9 = 28).",
    source: `${HISD}, II.A.1.e approval authority (grade 27/T8, 28/T9)`,
  },
  {
    name: "COMP_OTHER_EXPERIENCE_CAP_YEARS",
    value: 10,
    unit: "years",
    label: "Non-school experience cap",
    explanation: "Relevant non-school experience is credited one for one up to this many years.",
    source: `${HISD}, II.A.1.b nurses and speech therapists`,
  },
  {
    name: "COMP_INTERNSHIP_CAP_YEARS",
    value: 3,
    unit: "years",
    label: "Internship years credited",
    explanation:
      "Speech therapists' internship years count as non-school experience up to this many, within the non-school cap.",
    source: `${HISD}, II.A.1.b nurses and speech therapists`,
  },
  {
    name: "COMP_TRADES_CREDIT_GRADE",
    value: 19,
    unit: "grade",
    label: "Crafts, nutrition and custodian credit grade",
    explanation:
      "New crafts/trades, nutrition services and custodian personnel get experience credit only in a grade above this one.",
    source: `${HISD}, II.A.1.e new hires, non-teachers`,
  },
  {
    name: "COMP_PROMOTION_CHRO_EXTRA",
    value: 0.02,
    unit: "rate",
    label: "CHRO promotion allowance",
    explanation: "The CHRO may approve up to this much above the promotion-chart increase.",
    source: `${HISD}, II.B.1.a promotions`,
  },
  {
    name: "COMP_REHIRE_WINDOW_MONTHS",
    value: 6,
    unit: "months",
    label: "Rehire window",
    explanation: "Rehired within this many months in the same job or grade: the last salary, not above the maximum.",
    source: `${HISD}, II.A.1.f rehires`,
  },
  {
    name: "COMP_CREDITABLE_DAYS_FULL_TIME",
    value: 90,
    unit: "days",
    label: "Creditable year, full time",
    explanation: "Days of full-time service in 12 months that make a creditable year.",
    source: `${HISD}, terminology 5 (creditable year of service)`,
  },
  {
    name: "COMP_CREDITABLE_DAYS_HALF_TIME",
    value: 180,
    unit: "days",
    label: "Creditable year, half time",
    explanation: "Days of half-time (or more) service in 12 months that make a creditable year.",
    source: `${HISD}, terminology 5 (creditable year of service)`,
  },
  {
    name: "COMP_HALF_TIME_FTE",
    value: 0.5,
    unit: "fte",
    label: "Half time",
    explanation: "The smallest FTE that earns creditable service; below it no year is creditable.",
    source: `${HISD}, terminology 5 (creditable year of service)`,
  },
  {
    name: "COMP_OVERTIME_THRESHOLD_HOURS",
    value: 40,
    unit: "hours",
    label: "Overtime threshold",
    explanation: "Hours worked over this many in a work week are overtime for non-exempt employees.",
    source: `${HISD}, terminology 14 and 16 (FLSA overtime)`,
  },
  {
    name: "COMP_OVERTIME_MULTIPLIER",
    value: 1.5,
    unit: "multiplier",
    label: "Overtime multiplier",
    explanation: "Overtime hours are paid at this multiple of the regular rate.",
    source: `${HISD}, terminology 14 and 16 (FLSA overtime)`,
  },
  {
    name: "COMP_EXTRA_DUTY_RATE",
    value: 25,
    unit: "dollars per hour",
    label: "Extra duty rate",
    explanation: "Teachers' assignments beyond the regular day are paid at this hourly rate.",
    source: `${HISD}, terminology 11 (extra duty pay)`,
  },
  {
    name: "COMP_PAY_PERIODS",
    value: 26,
    unit: "periods",
    label: "Pay periods a year",
    explanation: "Annual pay is paid in this many (bi-weekly) pay periods.",
    source: `${HISD}, terminology 18 (pay period)`,
  },
] as const satisfies readonly PolicyValue[];

/** The name of a policy value. */
export type PolicyName = (typeof TABLE)[number]["name"];

/** Every policy value, in the order the rules sheet lists them. */
export const POLICY_TABLE: readonly PolicyValue[] = TABLE;

/** Policy values by name: the defaults of the rules. */
export const POLICY: Readonly<Record<PolicyName, number>> = Object.freeze(
  Object.fromEntries(TABLE.map((entry) => [entry.name, entry.value])) as Record<PolicyName, number>,
);
