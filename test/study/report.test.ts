/**
 * The findings and charts each exhibit declares (src/engine/study/report): sentences worked out
 * by hand from tiny studies, charts drawn from the shown cells, and neither ever repeating a
 * value the table hides.
 */
import type { CellValue } from "../../src/engine/cells";
import type { Exhibit, ExhibitId, StudyResult } from "../../src/exhibits/spec/types";
import { dateWords, percentWords, spanWords } from "../../src/engine/study/report/words";
import { studyOf } from "./helpers";

const PLANS = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  // Hourly H1: minimum 10, midpoint 15, maximum 20 (quarters at 12.5, 15, 17.5).
  ["Hourly", "H1", 10, 15, 20],
  // Annual A1: 40,000 … 80,000 (quarters at 50,000, 60,000, 70,000).
  ["Annual", "A1", 40000, 60000, 80000],
];
const HEADER = ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title", "Gender"];

function exhibit(result: StudyResult, id: ExhibitId): Exhibit {
  const found = result.exhibits.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

/** The sentences with their no-break spaces read as spaces. */
const findings = (result: StudyResult, id: ExhibitId): string[] =>
  (exhibit(result, id).findings ?? []).map((line) => line.replace(/\u00a0/g, " "));

describe("words", () => {
  it.each([
    [0.798, "79.8 %"],
    [0.00049, "0.0 %"],
    [0.0005, "0.1 %"],
    [-0.125, "-12.5 %"],
  ])("writes %p as %p, rounded half away from zero, a no-break space before the sign", (value, text) => {
    expect(percentWords(value)).toBe(text.replace(" ", "\u00a0"));
  });

  it("spans labelled values from the lowest to the highest, or says nothing when they read the same", () => {
    const years = (value: number) => `${value.toFixed(1)} years`;
    expect(
      spanWords(
        [
          { label: "Annual", value: 8 },
          { label: "Hourly", value: 4 },
          { label: "Daily", value: 6 },
        ],
        years,
      ),
    ).toBe("from 4.0 years (Hourly) to 8.0 years (Annual)");
    // 4.01 and 4.04 both read "4.0 years": no span to tell.
    expect(
      spanWords(
        [
          { label: "A", value: 4.01 },
          { label: "B", value: 4.04 },
        ],
        years,
      ),
    ).toBeUndefined();
    expect(spanWords([{ label: "A", value: 4 }], years)).toBeUndefined();
  });

  it("writes dates as a US reader does", () => {
    expect(dateWords("2013-04-01")).toBe("April 1, 2013");
    expect(dateWords("someday")).toBe("someday");
  });
});

describe("current conditions", () => {
  // E1 10 (at the minimum, Q1), E2 12 (Q1, below the midpoint), E3 20 (at the maximum, Q4), E4 65,000 (Q3).
  const roster: CellValue[][] = [
    HEADER,
    ["E1", "Hourly", "H1", 10, "2003-04-01", "Custodial", "Custodian", "F"],
    ["E2", "Hourly", "H1", 12, "2013-04-01", "Custodial", "Custodian", "F"],
    ["E3", "Hourly", "H1", 20, "2011-04-01", "Custodial", "Lead Custodian", "M"],
    ["E4", "Annual", "A1", 65000, "2005-04-01", "Teaching", "Teacher", "M"],
  ];
  const result = studyOf({ plans: PLANS, roster, asOf: "2013-04-01" });

  it("grade placement: the share at or below the minimum and at or above the maximum, overall and by plan", () => {
    expect(findings(result, "grade-placement")).toEqual([
      "25.0 % of all employees (1 of 4) are paid at or below the minimum of their grade.",
      "By plan, at or below the minimum: Hourly 33.3 % and Annual 0.0 %.",
      "25.0 % of all employees (1 of 4) are paid at or above the maximum of their grade.",
      "By plan, at or above the maximum: Hourly 33.3 % and Annual 0.0 %.",
    ]);
  });

  it("midpoint: the study's own sentence for the plan with the largest share below the midpoint", () => {
    expect(findings(result, "midpoint")).toEqual([
      "50.0 % of all employees (2 of 4) are paid below the midpoint of their grade.",
      "66.7 % of Hourly employees are paid below the midpoint.",
      "By plan, below the midpoint: Hourly 66.7 % and Annual 0.0 %.",
    ]);
  });

  it("quartiles: where most employees sit, overall and by plan, and a 100 % stacked chart per plan", () => {
    expect(findings(result, "quartiles")).toEqual([
      "Most employees sit in the first quartile of their grade's range: 50.0 % (2 of 4); 25.0 % sit in the fourth.",
      "The quartile holding the most employees, by plan: Hourly the first (66.7 %) and Annual the third (100.0 %).",
    ]);
    const charts = exhibit(result, "quartiles").charts ?? [];
    expect(charts.map((chart) => [chart.kind, chart.categories, chart.series.map((s) => s.values[0])])).toEqual([
      ["stacked100", ["H1"], [2 / 3, 0, 0, 1 / 3]],
      ["stacked100", ["A1"], [0, 0, 1, 0]],
    ]);
  });

  it("job families and tenure: the largest family, the average and its range, each with a bar chart", () => {
    expect(findings(result, "job-families")).toEqual([
      "Custodial is the largest job family: 3 employees (75.0 % of the total) in 2 classes.",
      "The 2 job families hold 3 classes (distinct job titles).",
    ]);
    // Tenure: 10, 0 and 2 years (Hourly: 4.0), 8 years (Annual); all: 20 ÷ 4 = 5.0.
    expect(findings(result, "tenure")).toEqual([
      "Employees have served 5.0 years on average, from their hire date to the study's date.",
      "By plan, the average runs from 4.0 years (Hourly) to 8.0 years (Annual).",
    ]);
    expect(exhibit(result, "job-families").charts?.[0]).toMatchObject({
      kind: "bar",
      categories: ["Custodial", "Teaching"],
      series: [{ name: "Employees", values: [3, 1] }],
    });
    expect(exhibit(result, "tenure").charts?.[0]).toMatchObject({
      value: { kind: "years" },
      categories: ["Hourly", "Annual"],
    });
  });

  it("says how many roster rows are listed, or that none is", () => {
    expect(findings(result, "unmatched-employees")).toEqual([
      "No roster row was left unmatched: every row was placed, or counted where it belongs.",
    ]);
    const unknown = ["E5", "Hourly", "Z9", 10, "2003-04-01", "Custodial", "Custodian", "F"];
    const listed = studyOf({ plans: PLANS, roster: [...roster, unknown], asOf: "2013-04-01" });
    expect(findings(listed, "unmatched-employees")).toEqual([
      "1 roster row could not be used; each is listed with its reason, so none is lost.",
    ]);
  });
});

describe("small groups never leak into findings or charts", () => {
  // Gender: 12 F, 10 X, 3 M in one family; the 3 are too few, and the 10 are hidden with them
  // (12 + 10 + 3 = 25 would give the 3 away): only F is shown.
  const person = (id: string, salary: number, gender: string): CellValue[] => [
    id,
    "Annual",
    "A1",
    salary,
    "2010-01-01",
    "Teaching",
    "Teacher",
    gender,
  ];
  const roster: CellValue[][] = [
    HEADER,
    ...Array.from({ length: 12 }, (_, i) => person(`F${i}`, 50000 + i * 100, "F")),
    ...Array.from({ length: 10 }, (_, i) => person(`X${i}`, 52000 + i * 100, "X")),
    ...Array.from({ length: 3 }, (_, i) => person(`M${i}`, 61000 + i * 100, "M")),
  ];
  const result = studyOf({ plans: PLANS, roster, asOf: "2013-04-01" });

  it("composition: the hidden group is in no sentence, and its bar is not drawn", () => {
    const text = findings(result, "workforce-composition").join(" ");
    expect(text).toBe("Gender: the largest group, F, is 48.0 % of employees.");
    const chart = exhibit(result, "workforce-composition").charts?.[0];
    expect(chart?.categories).toEqual(["F", "X", "M"]);
    expect(chart?.series[0].values).toEqual([12 / 25, null, null]);
  });

  it("pay equity: the small group's gap is neither charted nor told; the others' are", () => {
    // X's count is hidden only to protect M's; its gap, from 10 people, is shown — and charted.
    const [chart] = exhibit(result, "pay-equity").charts ?? [];
    expect(chart).toMatchObject({ kind: "interval", categories: ["X"] });
    const text = findings(result, "pay-equity").join(" ");
    expect(text).toContain("X employees are paid");
    expect(text).not.toMatch(/\bM employees\b/);
  });
});

describe("market and cost", () => {
  it("labor cost: the organisation's share against its peers' average, in percentage points", () => {
    const labor = [
      ["Organization", "Budget", "Salaries"],
      ["Peer A", 100, 58],
      ["Portland Public Schools", 100, 65],
      ["Peer B", 100, 62],
    ];
    const result = studyOf({
      plans: PLANS,
      roster: [HEADER, ["E1", "Hourly", "H1", 10, "2003-04-01", "Custodial", "Custodian", "F"]],
      asOf: "2013-04-01",
      tables: { "labor-cost": labor },
      options: { organization: "portland public schools" },
    });
    // Peers (58 + 62) ÷ 2 = 60 %: 65 − 60 = 5 points.
    expect(findings(result, "labor-cost")).toEqual([
      "Portland Public Schools spends 65.0 % of its budget on salaries; its 2 peers average 60.0 %: 5.0 percentage points more.",
    ]);
    expect(result.organization).toBe("portland public schools");
  });

  it("implementation: the cost of each method by its label, and the least costly against the most", () => {
    const result = studyOf({
      plans: PLANS,
      roster: [HEADER, ["E1", "Annual", "A1", 41000, "2003-04-01", "Teaching", "Teacher", "F"]],
      asOf: "2013-04-01",
      options: { adjust: "10%" },
    });
    // Proposed A1: 44,000 / 66,000 / 88,000. Minimum: 41,000 → 44,000 (3,000); next step: the same;
    // years (10 completed): the top step 88,000 (47,000); same step: 41,000 is on no step, so × the
    // midpoint change 66,000 ÷ 60,000 = 45,100 (4,100).
    expect(findings(result, "implementation-options")).toEqual([
      "The cost of each method, a year: Same step on the new grade $4,100 (1 employee raised), Raise to the new minimum $3,000 (1 employee raised), Next step up (no one loses) $3,000 (1 employee raised) and Step for years of service $47,000 (1 employee raised).",
      "The least costly method, Raise to the new minimum, costs $44,000 a year less than the most costly, Step for years of service.",
    ]);
    expect(exhibit(result, "implementation-options").charts?.[0]).toMatchObject({
      kind: "bar",
      categories: [
        "Same step on the new grade",
        "Raise to the new minimum",
        "Next step up (no one loses)",
        "Step for years of service",
      ],
      series: [{ name: "Annual cost", values: [4100, 3000, 3000, 47000] }],
    });
    expect(exhibit(result, "implementation-detail").detail).toBe(true);
  });
});

describe("supplemental pay", () => {
  // Base pay: E1 40,000 and E2 42,000 (Annual), E3 20 × 2,080 hours = 41,600 (Hourly): 123,600.
  // Stipends: Head Coach 3,000 for E1 and E2 (Athletics 6,000), Tutoring 25 × 40 hours for E3
  // (Extra Duty 1,000); longevity: E1 has 10 years (1,000). Supplemental 8,000 of 131,600 = 6.1 %.
  const result = studyOf({
    plans: [
      ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
      ["Annual", "A1", 40000, 42000, 44000],
      ["Hourly", "H1", 20, 21, 22],
    ],
    roster: [
      ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
      ["E1", "Annual", "A1", 40000, "2003-04-01"],
      ["E2", "Annual", "A1", 42000, "2012-04-01"],
      ["E3", "Hourly", "H1", 20, "2012-04-01"],
    ],
    asOf: "2013-04-01",
    tables: {
      stipends: [
        ["Code", "Stipend", "Amount", "Basis", "Category"],
        ["101", "Head Coach", 3000, "annual", "Athletics"],
        ["201", "Tutoring", 25, "hour", "Extra Duty"],
      ],
      "stipend-assignments": [
        ["Employee ID", "Code", "Units"],
        ["E1", "101", null],
        ["E2", "101", null],
        ["E3", "201", 40],
      ],
      longevity: [
        ["Years of Service", "Amount"],
        [10, 1000],
      ],
    },
    exhibits: ["supplemental-pay", "total-pay", "supplemental-problems"],
  });

  it("9-1: the cost and its share of total pay, each part, the costliest category, and a bar per category", () => {
    expect(findings(result, "supplemental-pay")).toEqual([
      "Stipends and longevity cost $8,000 a year for 3 employees, 6.1 % of total pay.",
      "Stipends: $7,000 for 3 employees; longevity: $1,000 for 1 employee.",
      "The costliest stipend category is Athletics: $6,000 for 2 employees.",
    ]);
    expect(exhibit(result, "supplemental-pay").charts).toEqual([
      expect.objectContaining({
        kind: "bar",
        categories: ["Athletics", "Extra Duty", "Longevity"],
        series: [{ name: "Annual cost", values: [6000, 1000, 1000] }],
        value: { kind: "money", money: "whole" },
      }),
    ]);
  });

  it("9-2: the supplemental share of everyone's total pay and its range by plan, stacked by plan", () => {
    expect(findings(result, "total-pay")).toEqual([
      "Stipends and longevity are 6.1 % of the total pay of 3 employees ($131,600 a year).",
      // Annual 7,000 of 89,000 = 7.9 %; Hourly 1,000 of 42,600 = 2.3 %.
      "By plan, the share runs from 2.3 % (Hourly) to 7.9 % (Annual).",
    ]);
    expect(exhibit(result, "total-pay").charts).toEqual([
      expect.objectContaining({
        kind: "stacked",
        categories: ["Annual", "Hourly"],
        series: [
          { name: "Stipends", values: [6000, 1000] },
          { name: "Longevity", values: [1000, 0] },
        ],
      }),
    ]);
  });

  it("9-3: every row counted, said in a sentence; a per-person list, left out of the board packet", () => {
    expect(findings(result, "supplemental-problems")).toEqual([
      "Every stipend, longevity and assignment row was counted, and every employee's longevity read.",
    ]);
    expect(exhibit(result, "supplemental-problems").detail).toBe(true);
  });
});
