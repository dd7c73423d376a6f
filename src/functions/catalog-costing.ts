/** The settlement-costing COMP functions' reference (mirrors the JSDoc of costing.ts). */
import { opt, req, type CatalogEntry } from "./catalog-entry";

const SCHEDULE = req("schedule", "Pay plan: grade keys in the first column, steps across, optional header row.");

export const COSTING_CATALOG: readonly CatalogEntry[] = [
  {
    name: "STEP_COST",
    description:
      "Annual cost of one year of step movement: (pay at the next step − pay at this step) × basis × FTE; 0 at the top step.",
    parameters: [
      SCHEDULE,
      req("grade", "Grade key, matched trimmed and case-insensitive, or a range of them."),
      req("step", "The employee's step number, or a range of them; at or past the grade's last step the cost is 0."),
      opt("fte", "Full-time equivalent, above 0 (default 1)."),
      opt(
        "basis",
        "Pay units in a full-time year (default 1, an annual salary): 2080 for an hourly rate, the contract days for a daily rate, 12 for a monthly one.",
      ),
    ],
    returns: "The annual cost of the step increase (0 at the top step).",
    example: '=COMP.STEP_COST(Plans!B2:M31, "B1-5", 3, 1, 2080)',
    errors: [
      { code: "#N/A", when: "the grade is not in the schedule" },
      {
        code: "#NUM!",
        when: "the step is below the first step or not whole, an FTE of 0 or less, or a negative basis",
      },
      { code: "#VALUE!", when: "an argument is not a number, or a pay cell of the schedule is not a number" },
    ],
  },
  {
    name: "RAISE_SCHEDULE",
    description:
      "A pay plan raised by a settlement: every step × (1 + increase) + flat, rounded per grade as the structure adjustment rounds (to the cent where the grade's pay carries cents or is hourly or daily, else to the dollar).",
    parameters: [
      SCHEDULE,
      req("increase", "The increase as a fraction (0.03 = 3 %), one value."),
      opt("flat", "A flat amount added to every step after the increase, in the schedule's pay unit (default 0)."),
    ],
    returns: "The raised schedule, the same shape: header row, grade keys and other columns as they are.",
    example: "=COMP.RAISE_SCHEDULE(Plans!B1:M31, 0.03)",
    errors: [
      {
        code: "#VALUE!",
        when: "the increase is above 1 (write 3 % as 0.03), an argument is not a single number, or a pay cell is not a number",
      },
      { code: "#NUM!", when: "the increase is −100 % or below, or a raised step would be negative" },
    ],
  },
];
