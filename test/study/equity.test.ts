/**
 * The pay-equity exhibits (issue 11) through the study: the closed-form case, pay as a
 * full-time annual rate, the reference group, the by-grade flag, and what is left out.
 */
import type { CellValue } from "../../src/engine/cells";
import { fitPayGap } from "../../src/engine/paygap";
import { exhibitToJson } from "../../src/exhibits/json";
import type { ExhibitId, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Annual", "A1", 40000, 50000, 60000],
  ["Annual", "A2", 50000, 60000, 70000],
  ["Hourly", "H1", 20, 25, 30],
  ["Subs", "D1", 100, 120, 140],
  ["PEA 187 Days", "T1", 200, 250, 300],
];

function rows(result: StudyResult, id: ExhibitId, reveal = false): Record<string, CellValue>[] {
  const exhibit = result.exhibits.find((e) => e.id === id);
  if (!exhibit) throw new Error(`no exhibit ${id}`);
  return exhibitToJson(exhibit, { reveal }).rows;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const geometric = (values: number[]) => Math.exp(mean(values.map(Math.log)));

describe("pay-equity: the closed form through the study", () => {
  // One grade, no Hire Date column (no tenure terms): the adjusted gap of the women against the
  // men is GM(women) ÷ GM(men) − 1; unadjusted and median gaps from the means and medians.
  const men = [50000, 52000, 54000, 51000, 53000];
  const women = [48000, 49000, 50500, 47000, 51000, 49500];
  const roster = [
    ["Employee ID", "Plan", "Grade", "Salary", "Gender"],
    ...men.map((pay, i) => [`M${i}`, "Annual", "A1", pay, "Male"]),
    ...women.map((pay, i) => [`W${i}`, "Annual", "A1", pay, "Female"]),
  ];
  const result = studyOf({ plans: PLANS, roster, asOf: "2013-04-01" });
  const [reference, group] = rows(result, "pay-equity");
  const fit = fitPayGap({
    pay: [...men, ...women],
    group: [...men.map(() => 0), ...women.map(() => 1)],
    groups: ["Male", "Female"],
    reference: 0,
    minimum: 5,
  });

  it("takes the largest group as reference and shows it first", () => {
    expect(reference).toEqual({
      Dimension: "Gender",
      Group: "Female",
      Employees: 6,
      "Mean Pay": mean(women),
      "Unadjusted Gap": null,
      "Median Gap": null,
      "Adjusted Gap": null,
      "CI Low": null,
      "CI High": null,
      Significant: "Reference group",
    });
  });

  it("gives the men's gaps against the women: (53,000 − 49,166.67) ÷ 49,166.67 …", () => {
    // Medians: men 52,000; women (49,000 + 49,500) ÷ 2 = 49,250.
    expect(group["Unadjusted Gap"]).toBeCloseTo((mean(men) - mean(women)) / mean(women), 12);
    expect(group["Median Gap"]).toBeCloseTo((52000 - 49250) / 49250, 12);
    expect(group["Adjusted Gap"]).toBeCloseTo(geometric(men) / geometric(women) - 1, 12);
    expect(group["CI Low"]).toBeCloseTo(1 / ((fit.groups[1].high as number) + 1) - 1, 10);
    expect(group.Significant).toMatch(/^(Yes|No)$/);
  });

  it("--equity-reference Gender=male measures against the men: the inverse ratio", () => {
    const chosen = studyOf({
      plans: PLANS,
      roster,
      asOf: "2013-04-01",
      options: { "equity-reference": "Gender=male" },
    });
    const [first, second] = rows(chosen, "pay-equity");
    expect(first).toMatchObject({ Group: "Male", Significant: "Reference group" });
    expect(second["Adjusted Gap"]).toBeCloseTo(fit.groups[1].gap as number, 12);
    expect(second["CI Low"]).toBeCloseTo(fit.groups[1].low as number, 12);
    expect(second["CI High"]).toBeCloseTo(fit.groups[1].high as number, 12);
    expect(exhibitToJson(chosen.exhibits.find((e) => e.id === "pay-equity")!).notes).toEqual(
      expect.arrayContaining([
        "Gender: 11 employees in the model, 1 grade, k = 2; reference group Male (chosen with the Pay-equity reference group option).",
        "The roster has no Hire Date column: the model has no tenure terms.",
      ]),
    );
  });

  it.each([
    [
      "Gender=Nobody",
      "Pay-equity reference group: Gender has no group 'Nobody' among the active employees (groups: Female, Male)",
    ],
    ["Ethnicity=White", "Pay-equity reference group: the roster has no Ethnicity column"],
    ["Age=40", "Pay-equity reference group: 'Age' is not a dimension (Gender or Ethnicity)"],
    ["Gender", "Pay-equity reference group: 'Gender' is not Name=Value"],
  ])("refuses --equity-reference %s", (value, message) => {
    expect(() => studyOf({ plans: PLANS, roster, asOf: "2013-04-01", options: { "equity-reference": value } })).toThrow(
      message,
    );
  });
});

describe("pay as a full-time annual rate", () => {
  // H1 hourly 25 → 52,000; T1 (plan 'PEA 187 Days', daily) 250 → 46,750; D1 (plan 'Subs',
  // daily, no contract days) cannot be annualised: left out, counted and listed.
  const roster = [
    ["Employee ID", "Plan", "Grade", "Salary", "Gender"],
    ...Array.from({ length: 5 }, (_, i) => [`H${i}`, "Hourly", "H1", 25, "Female"]),
    ...Array.from({ length: 5 }, (_, i) => [`T${i}`, "PEA 187 Days", "T1", 250, "Male"]),
    ["S1", "Subs", "D1", 120, "Male"],
  ];
  const result = studyOf({ plans: PLANS, roster, asOf: "2013-04-01" });

  it("annualises hourly × 2,080 and daily × the plan's contract days", () => {
    const byGroup = Object.fromEntries(rows(result, "pay-equity").map((r) => [r.Group, r["Mean Pay"]]));
    expect(byGroup).toEqual({ Female: 25 * 2080, Male: 250 * 187 });
  });

  it("lists the daily grade without contract days in unmatched-employees and counts it in the notes", () => {
    expect(rows(result, "unmatched-employees")).toEqual([
      {
        "Employee ID": "S1",
        Plan: "Subs",
        Grade: "D1",
        Reason:
          "Row 12: pay equity: daily grade 'D1' has no contract days (name them in the plan, e.g. 'PEA 187 Days'): left out of the pay-equity model",
      },
    ]);
    expect(result.exhibits.find((e) => e.id === "pay-equity")?.notes).toContain(
      "1 active employee in daily grades with no contract days (the grade's or plan's name states them, e.g. 'PEA 187 Days') left out of the model (listed in Unmatched Employees).",
    );
    // The placement step still counts S1: unmatched in the summary is the placement's.
    expect(result.summary).toMatchObject({ employees: 11, unmatched: 0 });
  });
});

describe("pay-equity-by-grade", () => {
  // A1: 5 women at 50,000, 5 men at 53,000 → the women's gap (50,000 − 53,000) ÷ 53,000 = −5.66 %: flagged.
  // A2: 6 men at 60,000, 5 women at 58,000 → −3.33 %: not flagged.
  // H1: 6 men, 3 women → the women are a small group: count, gap and flag hidden, and the men's
  //     count too (the grade's 9 would give the 3 away). The women's column (5 + 5 + 3 = 13, shown
  //     in pay-equity) would give it away too: the next smallest, A1's 5 (the first of two), is
  //     hidden, and with it A1's men. Gaps of groups of 5 or more stay shown.
  const roster = [
    ["Employee ID", "Plan", "Grade", "Salary", "Gender", "Hire Date"],
    ...Array.from({ length: 5 }, (_, i) => [`AW${i}`, "Annual", "A1", 50000, "F", "2005-01-01"]),
    ...Array.from({ length: 5 }, (_, i) => [`AM${i}`, "Annual", "A1", 53000, "M", "2005-01-01"]),
    ...Array.from({ length: 6 }, (_, i) => [`BM${i}`, "Annual", "A2", 60000, "M", "2008-01-01"]),
    ...Array.from({ length: 5 }, (_, i) => [`BW${i}`, "Annual", "A2", 58000, "F", "2009-01-01"]),
    ...Array.from({ length: 6 }, (_, i) => [`HM${i}`, "Hourly", "H1", 25, "M", "2010-01-01"]),
    ...Array.from({ length: 3 }, (_, i) => [`HW${i}`, "Hourly", "H1", 24, "F", "2011-01-01"]),
  ];
  const result = studyOf({ plans: PLANS, roster, asOf: "2013-04-01", options: { "equity-reference": "Gender=M" } });

  it("gives each group's mean-pay gap within the grade and flags |gap| ≥ 5 % when both groups have 5", () => {
    expect(rows(result, "pay-equity-by-grade").map((r) => Object.values(r))).toEqual([
      // Hidden only to protect H1's 3 women (5, 5 and 6 people): their own mark, never "<5".
      ["Annual", "A1", "Gender", "M", "hidden", null, "Reference group"],
      ["Annual", "A1", "Gender", "F", "hidden", (50000 - 53000) / 53000, "Yes"],
      ["Annual", "A2", "Gender", "M", 6, null, "Reference group"],
      ["Annual", "A2", "Gender", "F", 5, (58000 - 60000) / 60000, "No"],
      ["Hourly", "H1", "Gender", "M", "hidden", null, "Reference group"],
      ["Hourly", "H1", "Gender", "F", "<5", "<5", "<5"],
    ]);
    expect(rows(result, "pay-equity-by-grade", true)[5]).toMatchObject({
      Employees: 3,
      Gap: (24 - 25) / 25,
      Flag: "No",
    });
  });
});
