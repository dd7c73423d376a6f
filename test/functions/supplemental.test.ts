/**
 * The supplemental-pay functions as Excel calls them: REGULAR_RATE and OVERTIME_PAY's weekly
 * supplement (the FLSA example worked by hand: $18.00, 46 hours, a $20 weekly stipend share),
 * LONGEVITY over a table with and without its header, STIPEND by each basis; their errors.
 */
import { EXHIBIT } from "../../src/functions/exhibit";
import { OVERTIME_PAY } from "../../src/functions/functions";
import { LONGEVITY, REGULAR_RATE, STIPEND } from "../../src/functions/supplemental";
import { ErrorCode, excelError, installCustomFunctionsStub, removeCustomFunctionsStub } from "./custom-functions-stub";

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

const VALUE = (message: string) => excelError(ErrorCode.invalidValue, message);
const NUM = excelError(ErrorCode.invalidNumber);
const omitted = null as never;

describe("REGULAR_RATE and OVERTIME_PAY with a weekly supplement (29 CFR 778.109–778.110)", () => {
  it("works the issue's example: (18 × 46 + 20) / 46 = 18.4348; 828 + 20 + 0.5 × 18.4348 × 6 = 903.30", () => {
    const rate = REGULAR_RATE([[18]], [[46]], [[20]])[0][0] as number;
    expect(rate).toBeCloseTo(848 / 46, 12);
    expect(Math.round(rate * 10_000) / 10_000).toBe(18.4348);
    const pay = OVERTIME_PAY([[18]], [[46]], omitted, omitted, [[20]])[0][0] as number;
    expect(pay).toBeCloseTo(828 + 20 + 0.5 * (848 / 46) * 6, 9);
    expect(pay.toFixed(2)).toBe("903.30");
  });

  it("leaves today's results exactly as they were without the supplement (18 × 40 + 27 × 6 = 882)", () => {
    expect(OVERTIME_PAY([[18]], [[46]], omitted, omitted, omitted)).toEqual([[882]]);
    expect(OVERTIME_PAY([[18]], [[46]], omitted, omitted)).toEqual([[882]]);
    expect(OVERTIME_PAY([[18]], [[46]], omitted, omitted, [[0]])).toEqual([[882]]);
    expect(OVERTIME_PAY([[18.37]], [[47.5]], [[40]], [[1.5]], [[null]])).toEqual([[18.37 * 40 + 18.37 * 1.5 * 7.5]]);
  });

  it("pays the supplement on a week without overtime, and follows threshold and multiplier", () => {
    expect(OVERTIME_PAY([[18]], [[38]], omitted, omitted, [[20]])).toEqual([[18 * 38 + 20]]);
    // Double time after 44 hours: straight time + supplement + 1 × regular rate × 2 hours.
    const pay = OVERTIME_PAY([[18]], [[46]], [[44]], [[2]], [[20]])[0][0] as number;
    expect(pay).toBeCloseTo(848 + (848 / 46) * 2, 9);
    expect(REGULAR_RATE([[18]], [[46]], omitted)).toEqual([[18]]);
  });

  it("spills over a column of weeks", () => {
    const result = REGULAR_RATE([[18]], [[40], [46], [50]], [[20]]);
    expect(result.map(([value]) => value)).toEqual([(720 + 20) / 40, 848 / 46, (900 + 20) / 50]);
  });

  it.each<[string, () => unknown[][], unknown]>([
    ["zero hours", () => REGULAR_RATE([[18]], [[0]], [[20]]), NUM],
    ["a negative supplement", () => REGULAR_RATE([[18]], [[40]], [[-5]]), NUM],
    ["a negative supplement in OVERTIME_PAY", () => OVERTIME_PAY([[18]], [[46]], omitted, omitted, [[-5]]), NUM],
    [
      "a supplement that is not a number",
      () => REGULAR_RATE([[18]], [[40]], [["a lot"]]),
      VALUE("weekly_supplement must be a number, got 'a lot'"),
    ],
  ])("refuses %s", (_name, call, expected) => {
    expect(call()).toEqual([[expected]]);
  });
});

const TABLE = [
  ["Years of Service", "Amount", "Percent"],
  [5, 500, null],
  [10, "$1,000", null],
  [20, null, "2%"],
];

describe("LONGEVITY", () => {
  it.each<[number, number | null, number]>([
    [4, null, 0], // below the first row
    [5, null, 500], // on the threshold
    [9.8, null, 500], // whole years: 9
    [10, null, 1_000],
    [19, null, 1_000],
    [20, 50_000, 1_000], // 2 % of 50,000
    [31, 44_000, 880],
  ])("%d years (base pay %p) → %d", (years, base, expected) => {
    expect(LONGEVITY([[years]], TABLE, base === null ? omitted : [[base]])).toEqual([[expected]]);
  });

  it("reads two columns without a header as years and amount", () => {
    expect(
      LONGEVITY(
        [[7], [12]],
        [
          [5, 500],
          [10, 1000],
        ],
        omitted,
      ),
    ).toEqual([[500], [1000]]);
  });

  it("asks for base_pay on a percent row, and names a row it cannot use", () => {
    expect(LONGEVITY([[25]], TABLE, omitted)).toEqual([
      [VALUE("The row for 20 years is 2 % of base pay: give base_pay")],
    ]);
    const broken = [...TABLE, [30, 100, "3%"]];
    expect(LONGEVITY([[25]], broken, omitted)).toEqual([
      [VALUE("Row 5 of the longevity table: both Amount and Percent are given: give one")],
    ]);
    expect(
      LONGEVITY(
        [[25]],
        [
          [5, 500],
          [5, 600],
        ],
        omitted,
      ),
    ).toEqual([[VALUE("Row 2 of the longevity table: 5 years appears twice (rows 1 and 2); the first is used")]]);
    expect(
      LONGEVITY(
        [[25]],
        [
          ["Years of Service", "Percent"],
          [10, 0.01],
          [20, 2],
        ],
        [[50_000]],
      ),
    ).toEqual([
      [VALUE("Row 3 of the longevity table: Percent 2 could mean 2 % or 200 % of base pay: write 2% or 0.02")],
    ]);
    expect(LONGEVITY([[-1]], TABLE, omitted)).toEqual([[NUM]]);
  });
});

describe("STIPEND", () => {
  it.each<[string, () => unknown[][], number]>([
    ["annual", () => STIPEND([[3000]], [["annual"]], omitted, omitted), 3000],
    ["annual with units 1", () => STIPEND([[3000]], [["Annual"]], [[1]], omitted), 3000],
    ["percent of base pay", () => STIPEND([[0.05]], [["percent"]], omitted, [[21000]]), 1050],
    ["per hour", () => STIPEND([[25]], [["hour"]], [[40]], omitted), 1000],
    ["per day", () => STIPEND([[150]], [["per day"]], [[10]], omitted), 1500],
    ["per month", () => STIPEND([[200]], [["monthly"]], [[9]], omitted), 1800],
  ])("%s", (_name, call, expected) => {
    expect(call()[0][0]).toBeCloseTo(expected, 9);
  });

  it.each<[string, () => unknown[][], unknown]>([
    [
      "an unknown basis",
      () => STIPEND([[10]], [["weekly"]], omitted, omitted),
      VALUE("basis must be annual, percent, hour, day or month, got 'weekly'"),
    ],
    [
      "hours missing",
      () => STIPEND([[25]], [["hour"]], omitted, omitted),
      VALUE("Units is blank: a stipend paid per hour needs its hours"),
    ],
    [
      "units on an annual stipend",
      () => STIPEND([[3000]], [["annual"]], [[2]], omitted),
      VALUE("Units 2 on an annual stipend, which is paid once: give Units 1 or leave it blank"),
    ],
    [
      "a percent written as 5",
      () => STIPEND([[5]], [["percent"]], omitted, [[21000]]),
      VALUE("A percent amount is a fraction of base pay: write 5% (0.05)"),
    ],
    [
      "base pay missing for a percent",
      () => STIPEND([[0.05]], [["percent"]], omitted, omitted),
      VALUE("A percent stipend is a share of base pay: give the base pay"),
    ],
    ["a negative amount", () => STIPEND([[-1]], [["annual"]], omitted, omitted), NUM],
  ])("refuses %s", (_name, call, expected) => {
    expect(call()).toEqual([[expected]]);
  });
});

describe("COMP.EXHIBIT builds the supplemental exhibits from the registry", () => {
  const PLANS = [
    ["Plan", "Grade", "Step 1", "Step 2"],
    ["Annual", "A1", 40_000, 44_000],
  ];
  const ROSTER = [
    ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
    ["E1", "Annual", "A1", 40_000, "2003-04-01"],
  ];
  const STIPENDS = [
    ["Code", "Stipend", "Amount", "Basis"],
    ["101", "Coach", 3_650, "annual"],
  ];
  const ASSIGNMENTS = [
    ["Employee ID", "Code", "Start Date", "End Date"],
    ["E1", "101", "2013-01-01", "2013-01-10"],
  ];
  const LONGEVITY_TABLE = [
    ["Years of Service", "Amount"],
    [10, 1_000],
  ];
  const APRIL_2013 = 41365; // 2013-04-01

  it("with the three tables as input pairs and fiscal-year-start from a date cell (Excel turns 01-01 into one)", () => {
    const options = [["fiscal-year-start", 41275]]; // 2013-01-01: the calendar year
    const result = EXHIBIT(
      [["total-pay"]],
      PLANS,
      ROSTER,
      [[APRIL_2013]],
      options,
      [["stipends"]],
      STIPENDS,
      [["stipend-assignments"]],
      ASSIGNMENTS,
      [["longevity"]],
      LONGEVITY_TABLE,
    );
    expect(result[0]).toEqual([
      "Plan",
      "Grade",
      "Employees",
      "Base Pay",
      "Stipends",
      "Longevity",
      "Total Pay",
      "Supplemental %",
    ]);
    // 10 days of 365 of 3,650 = 100; 10 years on the day: 1,000.
    const a1 = result.find((row) => row[1] === "A1") as unknown[];
    expect(a1.slice(2, 6)).toEqual([1, 40_000, expect.closeTo(100, 9), 1_000]);
  });
});
