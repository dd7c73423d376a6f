/** The supplemental-pay COMP functions' reference (mirrors the JSDoc of supplemental.ts). */
import { opt, req, type CatalogEntry } from "./catalog-entry";

const WEEKLY_SUPPLEMENT =
  "Non-discretionary pay for the week on top of the hourly pay, e.g. a stipend's weekly share (default 0).";

export const SUPPLEMENTAL_CATALOG: readonly CatalogEntry[] = [
  {
    name: "REGULAR_RATE",
    description: "FLSA regular rate: (rate × hours + the week's supplement) / hours (29 CFR 778.109).",
    parameters: [
      req("rate", "Hourly rate."),
      req("hours", "Hours worked in the week (above 0)."),
      opt("weekly_supplement", WEEKLY_SUPPLEMENT),
    ],
    returns: "The regular rate for the week.",
    example: "=COMP.REGULAR_RATE(18, 46, 20)",
    errors: [{ code: "#NUM!", when: "hours of 0 or less, a negative rate or supplement" }],
  },
  {
    name: "LONGEVITY",
    description:
      "Longevity pay for whole years of service: the row of the table with the highest Years of Service at or below them.",
    parameters: [
      req("years", "Whole years of service (a fraction counts down: 9.8 is 9)."),
      req(
        "table",
        "Longevity table: Years of Service and Amount or Percent columns with their header row, or two columns (years, amount) without one.",
      ),
      opt("base_pay", "Annual base pay, for a row that is a percent of base pay."),
    ],
    returns: "The year's longevity pay; 0 below the table's first row.",
    example: "=COMP.LONGEVITY(12, Longevity!A1:C6)",
    errors: [
      {
        code: "#VALUE!",
        when: "a row of the table cannot be used (the message names it), or the row reached is a percent and base_pay is omitted",
      },
      { code: "#NUM!", when: "negative years" },
    ],
  },
  {
    name: "STIPEND",
    description:
      "One stipend's annual amount by its basis: annual — the amount; percent — amount × base pay; hour, day, month — amount × units.",
    parameters: [
      req(
        "amount",
        "The stipend's Amount: dollars, a rate per hour, day or month, or for percent a fraction of base pay (0.05 = 5 %).",
      ),
      req("basis", 'Either "annual", "percent", "hour", "day" or "month".'),
      opt("units", "Hours, days or months for those bases (an annual or percent stipend takes none, or 1)."),
      opt("base_pay", "Annual base pay (annual pay × FTE), for a percent stipend."),
    ],
    returns: "The annual amount, not prorated and not scaled by FTE.",
    example: '=COMP.STIPEND(25, "hour", 40)',
    errors: [
      {
        code: "#VALUE!",
        when: "an unknown basis, units missing for an hour, day or month stipend or given (other than 1) for an annual or percent one, a percent above 1 (write 5% as 0.05), or base_pay missing for a percent",
      },
      { code: "#NUM!", when: "a negative amount, units or base pay" },
    ],
  },
];
