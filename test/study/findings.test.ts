/**
 * Each exhibit's findings rule on a hand-built exhibit: the rows a reader would see, the
 * sentences worked out by hand from them. Complements report.test.ts (whole tiny studies): here
 * each rule meets the cases its sentences branch on — none, one, many; a hidden cell; a tie.
 */
import type { CellScalar, ColumnKind, Exhibit, ExhibitRow, RowKind } from "../../src/engine/exhibit";
import { Study } from "../../src/engine/study/context";
import { EXHIBITS, OPTIONS } from "../../src/engine/study/registry";
import type { ExhibitId } from "../../src/engine/study";
import { ExhibitView } from "../../src/engine/study/report/view";

type Line = readonly [RowKind, ...CellScalar[]];

/** An exhibit as its rules see it: columns by name and kind, rows by kind; `hidden` cells by row and column name. */
function exhibitOf(
  id: ExhibitId,
  columns: readonly (readonly [string, ColumnKind])[],
  lines: readonly Line[],
  hidden: Readonly<Record<number, readonly string[]>> = {},
): Exhibit {
  const definition = EXHIBITS.find((exhibit) => exhibit.id === id)!;
  const rows = lines.map(([kind, ...values], at): ExhibitRow => {
    const suppressed = (hidden[at] ?? []).map((name) => columns.findIndex(([column]) => column === name));
    return { kind, values, ...(suppressed.length > 0 ? { suppressed } : {}) };
  });
  return {
    id,
    number: definition.number,
    title: definition.title,
    subtitle: "",
    source: "",
    columns: columns.map(([name, kind]) => ({ name, kind })),
    rows,
  };
}

const study = new Study("2013-04-01", {}, {}, OPTIONS);

/** The rule's sentences, their no-break spaces read as spaces. */
function findingsOf(exhibit: Exhibit): string[] {
  const definition = EXHIBITS.find((candidate) => candidate.id === exhibit.id)!;
  return (definition.report?.findings?.(new ExhibitView(exhibit), study) ?? []).map((line) =>
    line.replace(/\u00a0/g, " "),
  );
}

function chartsOf(exhibit: Exhibit) {
  const definition = EXHIBITS.find((candidate) => candidate.id === exhibit.id)!;
  return definition.report?.charts?.(new ExhibitView(exhibit), study) ?? [];
}

describe("current conditions", () => {
  const SUMMARY = [
    ["Plan", "text"],
    ["Grade", "text"],
    ["Minimum", "money"],
    ["Average Step Progression", "percent"],
    ["Range Spread", "percent"],
    ["Employees", "count"],
  ] as const;

  it("3-1: the plans and grades, and the range of spreads and progressions across plans", () => {
    const exhibit = exhibitOf("pay-plan-summary", SUMMARY, [
      ["detail", "Hourly", "H1", 10, 0.03, 0.5, 3],
      ["total", "Hourly", "Total", null, 0.03, 0.5, 3],
      ["detail", "Annual", "A1", 40000, 0.02, 0.8, 1],
      ["detail", "Annual", "A2", 45000, 0.02, 0.8, 0],
      ["total", "Annual", "Total", null, 0.02, 0.8, 1],
      ["grand-total", "All", "Total", null, 0.025, 0.65, 4],
    ]);
    expect(findingsOf(exhibit)).toEqual([
      "The 2 pay plans hold 3 grades.",
      "The average range spread runs from 50.0 % (Hourly) to 80.0 % (Annual); the average step progression runs from 2.0 % (Annual) to 3.0 % (Hourly).",
    ]);
    const one = exhibitOf("pay-plan-summary", SUMMARY, [
      ["detail", "Hourly", "H1", 10, 0.03, 0.5, 3],
      ["total", "Hourly", "Total", null, 0.03, 0.5, 3],
    ]);
    expect(findingsOf(one)).toEqual([
      "The 1 pay plan holds 1 grade.",
      "The average range spread is 50.0 % (Hourly); the average step progression is 3.0 % (Hourly).",
    ]);
  });

  it("3-7: the errors and warnings, with where when there are few; or that there are none", () => {
    const columns = [
      ["Plan", "text"],
      ["Grade", "text"],
      ["Step", "number"],
      ["Severity", "text"],
      ["Message", "text"],
    ] as const;
    expect(
      findingsOf(
        exhibitOf("schedule-audit", columns, [
          ["detail", "P", "G1", 3, "Error", "Step 3 ($105.00) is lower than step 2 ($110.00)"],
          ["detail", "P", "G2", null, "Warning", "…"],
          ["detail", "Q", "K1", 5, "Warning", "…"],
        ]),
      ),
    ).toEqual(["The schedule audit found 1 error (P G1) and 2 warnings (P G2 and Q K1)."]);
    expect(findingsOf(exhibitOf("schedule-audit", columns, []))).toEqual([
      "The schedule audit found no error and no warning in the pay plans.",
    ]);
  });

  describe("3-9: employees paid other than their step", () => {
    const columns = [
      ["Employee ID", "text"],
      ["Plan", "text"],
      ["Grade", "text"],
      ["Step", "number"],
      ["Salary", "money"],
      ["Schedule Pay", "money"],
      ["Difference", "money"],
      ["Finding", "text"],
    ] as const;

    it("how many, by plan (most first), below and above their step's pay, and those with no pay to compare", () => {
      const exhibit = exhibitOf("pay-vs-schedule", columns, [
        ["detail", "E3", "Ed Tech", "D8", 12, 14, null, null, "paid 14.00 at step 12, which is not on the schedule"],
        ["total", null, "Ed Tech", "Total", null, null, null, null, "1 employee off their step, 4 employees on it"],
        ["detail", "E1", "PEA", "TE1", 3, 50000, 49000, 1000, "paid 50,000 at step 3, whose pay is 49,000"],
        ["detail", "E2", "PEA", "TE2", 2, 47000, 48000, -1000, "paid 47,000 at step 2, whose pay is 48,000"],
        ["total", null, "PEA", "Total", null, null, null, null, "2 employees off their step, 9 employees on it"],
        ["grand-total", null, "All", "Total", null, null, null, null, "3 employees off their step, 13 employees on it"],
      ]);
      expect(findingsOf(exhibit)).toEqual([
        "3 employees on grades with steps are paid other than the pay of their step: 2 in PEA and 1 in Ed Tech; each is listed with the step's pay and the difference.",
        "1 below their step's pay and 1 above it; 1 with no pay on the schedule to compare with.",
      ]);
    });

    it("one plan: named once; everyone on their step; no step grade at all", () => {
      const one = exhibitOf("pay-vs-schedule", columns, [
        ["detail", "E2", "PEA", "TE2", 2, 47000, 48000, -1000, "…"],
        ["total", null, "PEA", "Total", null, null, null, null, "1 employee off their step, 9 employees on it"],
        ["grand-total", null, "All", "Total", null, null, null, null, "1 employee off their step, 9 employees on it"],
      ]);
      expect(findingsOf(one)).toEqual([
        "1 employee on grades with steps is paid other than the pay of their step (PEA); each is listed with the step's pay and the difference.",
        "1 below their step's pay.",
      ]);
      const none = exhibitOf("pay-vs-schedule", columns, [
        ["total", null, "PEA", "Total", null, null, null, null, "0 employees off their step, 9 employees on it"],
        ["grand-total", null, "All", "Total", null, null, null, null, "0 employees off their step, 9 employees on it"],
      ]);
      expect(findingsOf(none)).toEqual(["Every employee on a grade with steps is paid the pay of their step."]);
      const noSteps = exhibitOf("pay-vs-schedule", columns, [
        ["grand-total", null, "All", "Total", null, null, null, null, "0 employees off their step, 0 employees on it"],
      ]);
      expect(findingsOf(noSteps)).toEqual(["No employee is on a grade with steps: there is no step to check."]);
    });
  });
});

describe("personnel actions", () => {
  it("4-1: the candidates placed and not, and who approves the salaries placed", () => {
    const exhibit = exhibitOf(
      "placements",
      [
        ["Candidate", "text"],
        ["Salary", "money"],
        ["Approval", "text"],
      ],
      [
        ["detail", "Ann", 59800, "Chief HR officer"],
        ["detail", "Bo", 75600, "Chief HR officer"],
        ["detail", "Cy", 48360, "On the schedule"],
        ["detail", "Di", null, null],
      ],
    );
    expect(findingsOf(exhibit)).toEqual([
      "4 candidates: 3 placed, 1 not (the reason is in Warning).",
      "Approval of the salaries placed — Chief HR officer: 2; On the schedule: 1.",
    ]);
  });

  it("4-2: the employees retitled, and the changes that match no one", () => {
    const exhibit = exhibitOf(
      "class-title-changes",
      [
        ["Plan", "text"],
        ["Class Title", "text"],
        ["Proposed Title", "text"],
        ["Employees", "count"],
      ],
      [
        ["detail", "All plans", "Custodian", "Custodial Technician", 3],
        ["detail", "PEA", "Plumbing", "Plumbing Teacher", 0],
        ["grand-total", "All", "Total", null, 3],
      ],
    );
    expect(findingsOf(exhibit)).toEqual(["2 class-title changes retitle 3 employees; 1 matches no employee."]);
  });
});

describe("market and structure", () => {
  const MARKET = [
    ["Benchmark Job", "text"],
    ["Plan", "text"],
    ["Grade", "text"],
    ["Responses", "count"],
    ["Minimum Differential", "percent"],
    ["Midpoint Differential", "percent"],
    ["Maximum Differential", "percent"],
    ["Position", "text"],
  ] as const;
  const market = exhibitOf("market-summary", MARKET, [
    ["detail", "Cook", "BASE", "B1-6", 6, 0.05, 0.04, 0.03, "competitive"],
    ["detail", "Driver", "BASE", "B1-9", 5, -0.07, -0.08, -0.09, "below market"],
    ["detail", "Technician", "BASE", "B1-14", 4, -0.1, -0.125, -0.15, "below market"],
    ["detail", "Clerk", "BASE", "B1-7", 7, 0.08, 0.085, 0.09, "above market"],
    ["detail", "Nurse", "PEA", "TE3", 1, null, null, null, "insufficient data"],
    // The averages of the four with enough responses: (0.05 − 0.07 − 0.1 + 0.08) ÷ 4 = −0.01; −0.02; −0.03.
    ["grand-total", "All", "All", "Average", 22, -0.01, -0.02, -0.03, "competitive"],
  ]);

  it("5-1: the average position, the count of each position, those left out, the furthest below", () => {
    expect(findingsOf(market)).toEqual([
      "Across the 4 benchmark jobs with enough responses, the average midpoint differential is −2.0 % (−1.0 % at the minimums, −3.0 % at the maximums): on average the grades are competitive with the market.",
      "By position: 2 below market, 1 competitive and 1 above market.",
      "1 benchmark job has too few responses and is left out of the averages.",
      "The furthest below the market: Technician (BASE B1-14), midpoint differential −12.5 %.",
    ]);
  });

  it("5-1's chart: each benchmark's differential in its position's series, against the competitive band", () => {
    const [chart] = chartsOf(market);
    expect(chart).toMatchObject({
      kind: "stacked",
      categories: ["Cook", "Driver", "Technician", "Clerk"],
      series: [
        { name: "Below market", values: [null, -0.08, -0.125, null] },
        { name: "Competitive", values: [0.04, null, null, null] },
        { name: "Above market", values: [null, null, null, 0.085] },
      ],
      // The default tolerance, ±5 %.
      band: { from: -0.05, to: 0.05, label: "Competitive (±5.0\u00a0%)" },
    });
  });

  it("6-1: how far the proposed structure moves the ranges, on average and across plans", () => {
    const exhibit = exhibitOf(
      "pay-plan-comparison",
      [
        ["Plan", "text"],
        ["Grade", "text"],
        ["Minimum Change", "percent"],
        ["Midpoint Change", "percent"],
        ["Maximum Change", "percent"],
      ],
      [
        ["total", "A", "Total", 0.04, 0.05, 0.06],
        ["total", "B", "Total", 0, 0.01, 0.02],
        ["grand-total", "All", "Total", 0.02, 0.03, 0.04],
      ],
    );
    expect(findingsOf(exhibit)).toEqual([
      "The proposed structure moves midpoints by +3.0 % on average (minimums +2.0 %, maximums +4.0 %).",
      "By plan, from +1.0 % (B) to +5.0 % (A).",
    ]);
  });

  it("6-2 and 6-3: the annual cost, who is raised and red-circled, the costliest plan; who gets an increase", () => {
    const cost = exhibitOf(
      "implementation-cost",
      [
        ["Plan", "text"],
        ["Grade", "text"],
        ["Employees", "count"],
        ["Adjusted", "count"],
        ["Red-Circled", "count"],
        ["Annual Cost", "money"],
        ["Average Increase", "percent"],
      ],
      [
        ["total", "A", "Total", 6, 3, 0, 9000, 0.03],
        ["total", "B", "Total", 4, 1, 1, 3000, 0.01],
        ["grand-total", "All", "Total", 10, 4, 1, 12000, 0.025],
      ],
    );
    // 9,000 ÷ 12,000 = 75 %.
    expect(findingsOf(cost)).toEqual([
      "Moving the 10 employees to the proposed structure costs $12,000 a year: 4 employees raised (by 2.5 % on average), 1 red-circled above the new maximum.",
      "The largest share of the cost is in A: $9,000 (75.0 %).",
    ]);
    const detail = (increases: (number | null)[]) =>
      exhibitOf(
        "implementation-detail",
        [
          ["Employee ID", "text"],
          ["Increase", "money"],
        ],
        increases.map((increase, at): Line => ["detail", `E${at}`, increase]),
      );
    expect(findingsOf(detail([1000, 0, null]))).toEqual([
      "1 employee of the 3 costed gets an increase; the others keep their pay.",
    ]);
    expect(findingsOf(detail([1000, 250]))).toEqual([
      "2 employees of the 2 costed get an increase; the others keep their pay.",
    ]);
    expect(findingsOf(detail([1000, 0]))).toEqual([
      "1 employee of the 2 costed gets an increase; the other keeps their pay.",
    ]);
  });
});

describe("costing a settlement", () => {
  const COLUMNS = [
    ["Plan", "text"],
    ["Year", "number"],
    ["Supplemental Cost", "money"],
    ["Step Cost", "money"],
    ["Schedule Cost", "money"],
    ["Turnover Saving", "money"],
    ["Load Cost", "money"],
    ["Total Cost", "money"],
    ["Change from Base", "money"],
  ] as const;
  // All: year 1 = 2,000 + 3,000 − 500 + (1,100 − 1,000) + (21,000 − 20,000) = 5,600 above today's;
  // year 2 = (2,000 + 1,000) + (3,000 + 2,000) − 900 + 200 + 2,000 = 9,300; new money 14,900.
  const settlement = exhibitOf("settlement-cost", COLUMNS, [
    ["detail", "A", 0, 600, 0, 0, 0, 14000, 84000, 0],
    ["total", "A", "Settlement", null, null, null, null, null, null, 10000],
    ["detail", "B", 0, 400, 0, 0, 0, 6000, 37000, 0],
    ["total", "B", "Settlement", null, null, null, null, null, null, 4900],
    ["detail", "All", 0, 1000, 0, 0, 0, 20000, 121000, 0],
    ["detail", "All", 1, 1100, 2000, 3000, 500, 21000, 126600, 5600],
    ["detail", "All", 2, 1200, 1000, 2000, 900, 22000, 130300, 9300],
    ["grand-total", "All", "Settlement", null, null, null, null, null, null, 14900],
  ]);

  it("6-7: the settlement's new money, the last year's cost above today's split into its parts, where it goes", () => {
    expect(findingsOf(settlement)).toEqual([
      "The settlement's new money: $14,900 over its 2 years — each year's total cost above today's, added up, turnover and loads included.",
      // 9,300 ÷ 121,000 = 7.7 %.
      "In year 2 the total cost is $9,300 above today's (7.7 % more): steps $3,000, the schedule $5,000, supplemental pay $200 and loads $2,000, less $900 that turnover saves.",
      // 10,000 ÷ 14,900 = 67.1 %.
      "The largest share of the new money is in A: $10,000 (67.1 %).",
    ]);
  });

  it("6-7's chart: each year's cost above today's, stacked by steps, schedule, supplemental pay, loads and turnover", () => {
    const [chart] = chartsOf(settlement);
    expect(chart).toMatchObject({
      kind: "stacked",
      categories: ["Year 1", "Year 2"],
      series: [
        { name: "Steps", values: [2000, 3000] },
        { name: "Schedule", values: [3000, 5000] },
        { name: "Supplemental pay", values: [100, 200] },
        { name: "Loads", values: [1000, 2000] },
        { name: "Turnover saving", values: [-500, -900] },
      ],
      value: { kind: "money", money: "whole" },
    });
    // Each bar adds up to the year's Change from Base.
    const sums = chart.categories.map((_, at) =>
      chart.series.reduce((sum, series) => sum + (series.values[at] ?? 0), 0),
    );
    expect(sums).toEqual([5600, 9300]);
  });

  it("6-7 without supplemental pay or turnover: neither in the sentence nor the chart; a hidden cell gives no chart", () => {
    const plain = exhibitOf("settlement-cost", COLUMNS, [
      ["detail", "All", 0, 0, 0, 0, 0, 20000, 120000, 0],
      ["detail", "All", 1, 0, 2000, 3000, 0, 21000, 126000, 6000],
      ["grand-total", "All", "Settlement", null, null, null, null, null, null, 6000],
    ]);
    expect(findingsOf(plain)).toEqual([
      "The settlement's new money: $6,000 over its 1 year — each year's total cost above today's, added up, turnover and loads included.",
      "In year 1 the total cost is $6,000 above today's (5.0 % more): steps $2,000, the schedule $3,000 and loads $1,000.",
    ]);
    expect(chartsOf(plain)[0].series.map((series) => series.name)).toEqual(["Steps", "Schedule", "Loads"]);
    const hidden = exhibitOf(
      "settlement-cost",
      COLUMNS,
      plain.rows.map((row) => [row.kind, ...row.values] as Line),
      {
        1: ["Step Cost"],
      },
    );
    expect(chartsOf(hidden)).toEqual([]);
  });
});

describe("workforce", () => {
  it("7-1: the largest group and the one furthest below its reference share, or that no one is in it", () => {
    const exhibit = exhibitOf(
      "workforce-composition",
      [
        ["Dimension", "text"],
        ["Job Family", "text"],
        ["Group", "text"],
        ["Employees", "count"],
        ["Share", "percent"],
        ["Reference Share", "percent"],
        ["Representation Index", "index"],
      ],
      [
        // 14 of 20 women: 0.7 ÷ 0.49 = 1.43; 6 men: 0.3 ÷ 0.51 = 0.59.
        ["total", "Gender", "All", "Female", 14, 0.7, 0.49, 0.7 / 0.49],
        ["total", "Gender", "All", "Male", 6, 0.3, 0.51, 0.3 / 0.51],
        ["total", "Ethnicity", "All", "White", 12, 0.6, 0.2, 3],
        ["total", "Ethnicity", "All", "Black", 8, 0.4, 0.75, 0.4 / 0.75],
        ["total", "Ethnicity", "All", "Asian", 0, 0, 0.05, 0],
        // A job family's rows are not the All rows: never the subject of these sentences.
        ["detail", "Gender", "Teaching", "Male", 1, 0.05, 0.51, 0.05 / 0.51],
      ],
    );
    expect(findingsOf(exhibit)).toEqual([
      "Gender: the largest group, Female, is 70.0 % of employees against 49.0 % of the reference population (index 1.43).",
      "Gender: furthest below its reference share, Male is 30.0 % of employees against 51.0 % (index 0.59).",
      "Ethnicity: the largest group, White, is 60.0 % of employees against 20.0 % of the reference population (index 3.00).",
      "Ethnicity: no employee is Asian, against 5.0 % of the reference population.",
    ]);
    expect(chartsOf(exhibit).map((chart) => [chart.title, chart.categories, chart.series.map((s) => s.name)])).toEqual([
      [
        "Workforce composition by gender, against the reference population",
        ["Female", "Male"],
        ["Share of employees", "Reference share"],
      ],
      [
        "Workforce composition by ethnicity, against the reference population",
        ["White", "Black", "Asian"],
        ["Share of employees", "Reference share"],
      ],
    ]);
  });

  it("7-2: the hires, and each dimension's shares of the groups shown (hidden and blank ones said, not told)", () => {
    const exhibit = exhibitOf(
      "hires-by-group",
      [
        ["Dimension", "text"],
        ["Group", "text"],
        ["Hires", "count"],
        ["Share", "percent"],
      ],
      [
        ["detail", "Gender", "Female", 7, 0.7],
        ["detail", "Gender", "Male", 3, 0.3],
        ["detail", "Ethnicity", "White", 5, 0.5],
        ["detail", "Ethnicity", "Asian", 4, 0.4],
        ["detail", "Ethnicity", "(blank)", 1, 0.1],
        ["grand-total", "All", "All", 10, 1],
      ],
      // Asian's 4 are too few: hidden.
      { 3: ["Hires", "Share"] },
    );
    expect(findingsOf(exhibit)).toEqual([
      "10 employees were hired in the period.",
      "Hires by gender: Female 70.0 % and Male 30.0 %.",
      "Hires by ethnicity: White 50.0 % (small or blank groups not shown).",
    ]);
    expect(findingsOf(exhibit).join(" ")).not.toContain("40.0");
  });

  it("7-3 and 7-4: the separations, the rates, the highest rate by dimension; the most frequent reason", () => {
    const retention = exhibitOf(
      "retention",
      [
        ["Dimension", "text"],
        ["Group", "text"],
        ["Separations", "count"],
        ["Separation Rate", "percent"],
        ["Retention Rate", "percent"],
      ],
      [
        ["detail", "Gender", "Female", 1, 0.04, 0.97],
        ["detail", "Gender", "Male", 2, 0.1, 0.9],
        ["grand-total", "All", "All", 3, 0.06, 0.95],
      ],
    );
    expect(findingsOf(retention)).toEqual([
      "Over the period, 3 employees left, a separation rate of 6.0 % of the average headcount; 95.0 % of those employed at its start were still employed at its end.",
      "By gender, the highest separation rate: Male, 10.0 %.",
    ]);
    const reasons = exhibitOf(
      "separation-reasons",
      [
        ["Reason", "text"],
        ["Separations", "count"],
        ["Share", "percent"],
      ],
      [
        ["detail", "Retired", 4, 0.4],
        ["detail", "Moved out of the area", 3, 0.3],
        ["detail", "(blank)", 3, 0.3],
        ["grand-total", "All", 10, 1],
      ],
    );
    expect(findingsOf(reasons)).toEqual([
      "The most frequent reason for leaving: Retired (4 of 10 separations, 40.0 %).",
    ]);
  });

  it("7-5 and 7-6: budget against actual cost, vacant FTE; the problems to review, or none", () => {
    const columns = [
      ["Department", "text"],
      ["Positions", "count"],
      ["Vacant FTE", "number"],
      ["Budgeted Cost", "money"],
      ["Actual Cost", "money"],
      ["Variance", "money"],
    ] as const;
    expect(
      findingsOf(exhibitOf("position-control", columns, [["grand-total", "All", 12, 1.5, 600000, 620000, -20000]])),
    ).toEqual([
      "The 12 budgeted positions are budgeted at $600,000 a year; the employees filling them cost $620,000: $20,000 over budget.",
      "1.5 budgeted FTE are vacant.",
    ]);
    expect(findingsOf(exhibitOf("position-control", columns, [["grand-total", "All", 1, 1, 60000, 0, 60000]]))).toEqual(
      [
        "The 1 budgeted position is budgeted at $60,000 a year; the employees filling it cost $0: $60,000 under budget.",
        "1 budgeted FTE is vacant.",
      ],
    );
    const problems = [
      ["Position ID", "text"],
      ["Employee ID", "text"],
      ["Problem", "text"],
    ] as const;
    expect(
      findingsOf(
        exhibitOf("position-problems", problems, [
          ["detail", "P1", "E1", "filled past its FTE"],
          ["detail", null, "E2", "no budgeted position"],
        ]),
      ),
    ).toEqual(["2 position problems to review, each listed with what is wrong."]);
    expect(findingsOf(exhibitOf("position-problems", problems, []))).toEqual([
      "No position problem: every employee fills a budgeted position within its FTE.",
    ]);
  });
});

describe("pay equity", () => {
  const GAPS = [
    ["Dimension", "text"],
    ["Group", "text"],
    ["Employees", "count"],
    ["Adjusted Gap", "percent"],
    ["CI Low", "percent"],
    ["CI High", "percent"],
    ["Significant", "text"],
  ] as const;

  it("8-1: each significant gap with its interval; else that none is, and the largest", () => {
    const exhibit = exhibitOf(
      "pay-equity",
      GAPS,
      [
        ["detail", "Gender", "Female", 30, null, null, null, "Reference group"],
        ["detail", "Gender", "Male", 20, -0.032, -0.05, -0.014, "Yes"],
        ["detail", "Ethnicity", "White", 25, null, null, null, "Reference group"],
        ["detail", "Ethnicity", "Asian", 10, 0.01, -0.02, 0.04, "No"],
        ["detail", "Ethnicity", "Black", 12, -0.02, -0.05, 0.01, "No"],
        // Too few: hidden, never told nor charted.
        ["detail", "Ethnicity", "Two or More Races", 3, -0.2, -0.4, -0.01, "Yes"],
      ],
      { 5: ["Employees", "Adjusted Gap", "CI Low", "CI High", "Significant"] },
    );
    expect(findingsOf(exhibit)).toEqual([
      "At equal grade and tenure, Male employees are paid 3.2 % less than Female employees (95 % interval -5.0 % to -1.4 %): a significant gap.",
      "Ethnicity: no adjusted pay gap against White employees is significant at the 95 % level; the largest, Black, is 2.0 % less at equal grade and tenure.",
    ]);
    expect(chartsOf(exhibit).map((chart) => [chart.kind, chart.title, chart.categories])).toEqual([
      ["interval", "Adjusted pay gap by gender, against Female employees", ["Male"]],
      ["interval", "Adjusted pay gap by ethnicity, against White employees", ["Asian", "Black"]],
    ]);
  });

  it("8-2: the comparisons flagged within a grade and the largest; or that none is", () => {
    const columns = [
      ["Plan", "text"],
      ["Grade", "text"],
      ["Dimension", "text"],
      ["Group", "text"],
      ["Employees", "count"],
      ["Gap", "percent"],
      ["Flag", "text"],
    ] as const;
    const exhibit = exhibitOf("pay-equity-by-grade", columns, [
      ["detail", "A", "A1", "Gender", "Female", 8, null, "Reference group"],
      ["detail", "A", "A1", "Gender", "Male", 6, -0.06, "Yes"],
      ["detail", "A", "A2", "Gender", "Male", 7, 0.09, "Yes"],
      ["detail", "B", "B1", "Gender", "Male", 5, 0.02, "No"],
    ]);
    expect(findingsOf(exhibit)).toEqual([
      "2 comparisons within a grade are flagged; the largest: Male employees in A A2 are paid 9.0 % more than the reference group.",
    ]);
    expect(
      findingsOf(exhibitOf("pay-equity-by-grade", columns, [["detail", "B", "B1", "Gender", "Male", 5, 0.02, "No"]])),
    ).toEqual(["No group's mean pay within a grade differs from its reference group's by the flag's threshold."]);
  });
});
