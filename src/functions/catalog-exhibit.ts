/** The live-exhibit functions' reference (COMP.EXHIBIT, COMP.STUDY_SUMMARY): mirrors the JSDoc of exhibit.ts. */
import { opt, req, type CatalogEntry, type CatalogError } from "./catalog-entry";

const PLANS = req("plans", "Pay-plan table, headers first: Plan, Grade, Step 1 … Step N (or Minimum, Maximum).");
const ROSTER = req("roster", "Roster table, headers first: one row per employee.");
const AS_OF = opt("as_of", "Date the study is as of (default: today, when Excel calculates the formula).");
const INPUT_ERRORS: readonly CatalogError[] = [
  {
    code: "#VALUE!",
    when: 'a table cannot be read (the message names it: "Roster: Missing column \'Salary\' …"), an option is not valid (the message is the option\'s, e.g. "Smallest group shown: 0 is below 1"), or as_of is not a date',
  },
];

/** COMP.EXHIBIT and COMP.STUDY_SUMMARY. */
export const EXHIBIT_CATALOG: readonly CatalogEntry[] = [
  {
    name: "EXHIBIT",
    description: "One exhibit of the study, spilled with its header row: the same rows and numbers as the CLI's JSON.",
    parameters: [
      req("id", 'Exhibit id, such as "quartiles" or "pay-plan-summary" (the list is in the README).'),
      PLANS,
      ROSTER,
      AS_OF,
      opt(
        "options",
        "Two columns, Name | Value: study options (aging-rate | 3%) and map rows (map | Salary=Base Pay).",
      ),
      opt("input1", 'Name of an extra input table, such as "market" or "proposed-plans".'),
      opt("table1", "That table, headers first."),
      opt("input2", "Name of a second extra input table."),
      opt("table2", "That table, headers first."),
      opt("input3", "Name of a third extra input table."),
      opt("table3", "That table, headers first."),
    ],
    returns: "The exhibit: its column names, then its rows.",
    example: '=COMP.EXHIBIT("quartiles", PayPlans[#All], Roster[#All], DATE(2013,4,1))',
    workbook: '=COMP.EXHIBIT("quartiles", {plans}, {roster}, {asOf})',
    errors: [
      {
        code: "#VALUE!",
        when: "the id is not an exhibit (the message lists the ids), or the exhibit needs a table that is not given (the message names it)",
      },
      ...INPUT_ERRORS,
    ],
  },
  {
    name: "STUDY_SUMMARY",
    description:
      "The study's summary: plans, grades, roster rows read, employees placed, unmatched rows, audit findings and notes.",
    parameters: [
      PLANS,
      ROSTER,
      AS_OF,
      opt(
        "options",
        "Two columns, Name | Value: study options (salary-basis | actual) and map rows (map | Salary=Base Pay).",
      ),
    ],
    returns: "Two columns, Measure | Value, one row per figure, then the notes.",
    example: "=COMP.STUDY_SUMMARY(PayPlans[#All], Roster[#All], DATE(2013,4,1))",
    workbook: "=COMP.STUDY_SUMMARY({plans}, {roster}, {asOf})",
    errors: INPUT_ERRORS,
  },
];
