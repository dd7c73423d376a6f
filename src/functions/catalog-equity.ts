/** The pay-equity COMP functions' reference (mirrors the JSDoc of equity.ts). */
import { opt, req, type CatalogEntry } from "./catalog-entry";

export const EQUITY_CATALOG: readonly CatalogEntry[] = [
  {
    name: "PAY_GAP",
    description:
      "Adjusted pay gap of each group against a reference group at equal grade and tenure: ln(pay) on group indicators, tenure, tenure² and a fixed effect per grade, with a 95 % interval (HC1).",
    parameters: [
      req("pay", "Full-time annual pay of each employee (a column)."),
      req("group", "Each employee's group (Female, Male …): a column of the same size."),
      req("reference_group", 'The group the gaps are measured against, e.g. "Male".'),
      opt("grade", "Each employee's plan and grade: a fixed effect per grade (default: none)."),
      opt("tenure", "Each employee's tenure in years: tenure and tenure² in the model (default: none)."),
    ],
    returns: "One row per group, the reference first: group, employees, adjusted gap, CI low, CI high.",
    example: '=COMP.PAY_GAP(E2:E1200, F2:F1200, "Male", C2:C1200, G2:G1200)',
    errors: [
      {
        code: "#N/A",
        when: "the reference group is not among the groups, the ranges differ in size, or a group shares no grade with the others (its gap cell)",
      },
      {
        code: "#VALUE!",
        when: "a pay, group, grade or tenure cell is blank or not a number where one is needed (the message names the row), or the reference group has fewer than 5 employees",
      },
      { code: "#NUM!", when: "a pay of 0 or less, or a negative tenure" },
    ],
  },
];
