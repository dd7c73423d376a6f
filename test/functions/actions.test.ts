/**
 * The personnel-action COMP functions as Excel calls them: 2-D arrays in (a single value is
 * 1 × 1), omitted optionals as null, a spilled row (or rows) out, errors inside the result.
 */
import * as fs from "fs";
import * as path from "path";
import { EXTRA_DUTY_PAY, MONTHLY_RATE, PLACEMENT, REHIRE_SALARY } from "../../src/functions/actions";
import { installCustomFunctionsStub, removeCustomFunctionsStub, NA, NUM, VALUE } from "./custom-functions-stub";

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

const omitted = null as never;

/** HISD-like pay ranges: a pay-plan table with Minimum and Maximum. */
const RANGES = [
  ["Grade", "Minimum", "Midpoint", "Maximum"],
  [27, 52000, 65000, 78000],
  ["T9", 64000, 80000, 96000],
];

/** A grades × steps block without a header, as COMP.PAYSTEP takes it. */
const STEPS = [
  ["H1", "$ 12.00", 12.5, 13, 13.5, 14],
  ["H2", 13, 13.5, 14, 14.5, 15],
];

const PEA = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));

describe("PLACEMENT", () => {
  it("spills one row: step, salary, approval, rule (52,000 × 1.15 = 59,800; range: no step)", () => {
    expect(PLACEMENT(RANGES, [[27]], [["hire"]], [["other"]], [[6]])).toEqual([
      ["", 59800, "CHRO", "2.5 % × 6 years over the minimum 52,000"],
    ]);
  });

  it("promotion with every optional argument (70,000 × 1.08 = 75,600 on T9)", () => {
    const row = PLACEMENT(
      RANGES,
      [["T9"]],
      [["promotion"]],
      [["other"]],
      [[5]],
      [[null]],
      [[70000]],
      [[0.08]],
      omitted,
    );
    expect(row[0].slice(0, 3)).toEqual(["", 75600, "CHRO"]);
  });

  it("places a teacher on a step-and-lane schedule: the grade argument is the lane (Master's, 7 years → step 8 = 49,713)", () => {
    expect(PLACEMENT(PEA, [["Master's"]], [["hire"]], [["teacher"]], [[7]])).toEqual([
      [8, 49713, "schedule", "teacher: step 8, lane Master's, for 7 years of approved experience"],
    ]);
  });

  it("rehire at 6 months keeps the last salary; at 7 it places a new hire (52,000 × 1.05 = 54,600)", () => {
    const rehire = (months: number) =>
      PLACEMENT(RANGES, [[27]], [["rehire"]], [["other"]], [[2]], omitted, [[65000]], omitted, [[months]])[0][1];
    expect(rehire(6)).toBe(65000);
    expect(rehire(7)).toBe(54600);
  });

  it("spills one row per candidate over columns, a blank row staying blank", () => {
    // H1 3 years: 12 × 1.075 = 12.90 → the highest step at or below it, step 2 = 12.50; H2 0 years: step 1 = 13.00
    const out = PLACEMENT(
      STEPS,
      [["H1"], ["H2"], [null]],
      [["hire"], ["hire"], [null]],
      [["other"], ["other"], [null]],
      [[3], [0], [null]],
    );
    expect(out.map((row) => row.slice(0, 3))).toEqual([
      [2, 12.5, "CHRO"],
      [1, 13, "CHRO"],
      ["", "", ""],
    ]);
  });

  it("appends warnings to the rule", () => {
    const [row] = PLACEMENT(RANGES, [[27]], [["transfer"]], [["other"]], [[0]], omitted, [[50000]], omitted, omitted);
    expect(row[3]).toBe(
      "lateral transfer: the same salary 50,000 Warning: The salary 50,000 is below the minimum 52,000 of grade '27' of plan 'Pay Plan'.",
    );
  });

  it("puts a candidate's error in step, salary and approval, and its message in the rule cell", () => {
    const message = "Grade '99' is not in the pay plans";
    expect(PLACEMENT(RANGES, [[99]], [["hire"]], [["other"]], [[1]])).toEqual([
      [NA(message), NA(message), NA(message), message],
    ]);
    const action = "Action 'fire' is not hire, promotion, rehire, transfer, demotion or change in months";
    expect(PLACEMENT(RANGES, [[27]], [["fire"]], [["other"]], [[1]])[0]).toEqual([
      VALUE(action),
      VALUE(action),
      VALUE(action),
      action,
    ]);
    expect(PLACEMENT(RANGES, [[27]], [["hire"]], [["other"]], [[-1]])[0]).toEqual([NUM, NUM, NUM, NUM]);
    expect(PLACEMENT(RANGES, [[27]], [["hire"]], [[null]], [[1]])[0][0]).toEqual(VALUE("job_type is blank"));
  });

  // The arguments after months_away, in order: internship_years, previous_grade, job_code,
  // previous_job_code, separation_date, rehire_date, current_days, new_days, promotion_chart.
  const after = (values: Partial<Record<string, unknown>>): unknown[][][] =>
    [
      "internship_years",
      "previous_grade",
      "job_code",
      "previous_job_code",
      "separation_date",
      "rehire_date",
      "current_days",
      "new_days",
      "promotion_chart",
    ].map((name) => (values[name] === undefined ? omitted : (values[name] as unknown[][])));
  const call = (args: unknown[][][], trailing: Partial<Record<string, unknown>>) =>
    (PLACEMENT as (...a: unknown[][][]) => unknown[][])(...args, ...after(trailing));
  const CHART = [
    ["Grades Advanced", "Increase"],
    [1, "5%"],
    [2, "8%"],
    ["3+", "10%"],
  ];

  it("takes the new arguments as optional trailing ones: a promotion read from the promotion chart", () => {
    // 27 → T9 (= 28): one grade, 5 %: 70,000 × 1.05 = 73,500 > 64,000 (no years).
    const row = call([RANGES, [["T9"]], [["promotion"]], [["other"]], [[0]], omitted, [[70000]], omitted, omitted], {
      previous_grade: [[27]],
      promotion_chart: CHART,
    })[0];
    expect(row.slice(0, 3)).toEqual(["", 73500, "CHRO"]);
    expect(row[3]).toContain("the 5 % increase (the Promotion Chart's for 1 grade advanced) on 70,000 at 73,500");
    expect(
      call([RANGES, [["T9"]], [["promotion"]], [["other"]], [[0]], omitted, [[70000]], omitted, omitted], {
        previous_grade: [[27]],
        promotion_chart: [
          ["Grades Advanced", "Increase"],
          [1, 5],
        ],
      }),
    ).toEqual([[VALUE("Row 2: the Increase 5 is not between 0 and 100 % (write 8 % as 8% or 0.08)")]]);
  });

  it("a rehire by dates (Excel serials) and job code: 2024-01-31 → 2024-07-31 is within, 2024-08-01 is not", () => {
    // Excel serials: 45322 = 2024-01-31, 45504 = 2024-07-31, 45505 = 2024-08-01.
    const rehire = (back: number) =>
      call([RANGES, [[27]], [["rehire"]], [["other"]], [[2]], omitted, [[65000]], omitted, omitted], {
        job_code: [["J1"]],
        previous_job_code: [["J1"]],
        separation_date: [[45322]],
        rehire_date: [[back]],
      })[0][1];
    expect(rehire(45504)).toBe(65000);
    expect(rehire(45505)).toBe(54600);
  });

  it("demotion and change in months need no years", () => {
    expect(PLACEMENT(RANGES, [[27]], [["demotion"]], [["other"]], omitted, omitted, [[80000]])[0].slice(0, 2)).toEqual([
      "",
      78000,
    ]);
    const months = call(
      [RANGES, [[27]], [["change in months"]], [["other"]], omitted, omitted, [[60000]], omitted, omitted],
      {
        current_days: [[187]],
        new_days: [[226]],
      },
    );
    expect(months[0][1]).toBe(72513.37);
  });

  it("a speech therapist's internship years count within the 10 (2 + 4 + 3 → step 10 = 52,418)", () => {
    const row = call(
      [PEA, [["Master's"]], [["hire"]], [["speech therapist"]], [[2]], [[4]], omitted, omitted, omitted],
      {
        internship_years: [[5]],
      },
    );
    expect(row[0].slice(0, 2)).toEqual([10, 52418]);
  });

  it("gives one error for a schedule it cannot read, and for more than one column of candidates", () => {
    expect(PLACEMENT([[null]], [[27]], [["hire"]], [["other"]], [[1]])).toEqual([[VALUE("The schedule is empty")]]);
    expect(PLACEMENT(RANGES, [[27, "T9"]], [["hire"]], [["other"]], [[1]])).toEqual([
      [VALUE("PLACEMENT takes one candidate per row: pass single cells or columns")],
    ]);
  });
});

describe("REHIRE_SALARY, EXTRA_DUTY_PAY, MONTHLY_RATE", () => {
  it.each([
    [65000, 6, 65000], // within six months
    [70000, 4, 68000], // not above the maximum 68,000
  ])("REHIRE_SALARY(%p, 68000, %p) = %p", (last, months, expected) => {
    expect(REHIRE_SALARY([[last]], [[68000]], [[months]], omitted)).toEqual([[expected]]);
  });

  it("gives #N/A after the window, saying what to do; the window is an argument", () => {
    expect(REHIRE_SALARY([[65000]], [[68000]], [[7]], omitted)).toEqual([
      [
        NA(
          "Back after 7 months, more than the 6-month rehire window: placed as a new hire (COMP.PLACEMENT or COMP.EXPERIENCE_SALARY)",
        ),
      ],
    ]);
    expect(REHIRE_SALARY([[65000]], [[68000]], [[7]], [[12]])).toEqual([[65000]]);
    expect(REHIRE_SALARY([[0]], [[68000]], [[1]], omitted)).toEqual([[NUM]]);
  });

  it("EXTRA_DUTY_PAY: 12 hours × $25 = 300 by default; 12 × 30 = 360", () => {
    expect(EXTRA_DUTY_PAY([[12]], omitted)).toEqual([[300]]);
    expect(EXTRA_DUTY_PAY([[12], [2]], [[30]])).toEqual([[360], [60]]);
    expect(EXTRA_DUTY_PAY([[-1]], omitted)).toEqual([[NUM]]);
  });

  it("MONTHLY_RATE: 58,675 / 10 = 5,867.50; 0 months is #NUM!", () => {
    expect(MONTHLY_RATE([[58675]], [[10]])).toEqual([[5867.5]]);
    expect(MONTHLY_RATE([[58675]], [[0]])).toEqual([[NUM]]);
    expect(MONTHLY_RATE([["abc"]], [[12]])).toEqual([[VALUE("annual must be a number, got 'abc'")]]);
  });
});
