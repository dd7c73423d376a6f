/**
 * The supplemental-pay rules worked by hand: the fiscal year of a date (July–June, leap years,
 * another start), an assignment's share of it (both ends counted, wholly outside = 0), a
 * stipend by basis, the longevity band (on a threshold, between, below the first), the day of
 * the year an option gives; and one employee's year as the costing roll-forward will ask for it
 * (raised amounts, service grown across a threshold). Properties: shares stay within [0, 1] and
 * add up over adjacent periods.
 */
import fc from "fast-check";
import { EngineError } from "../../src/engine/errors";
import { isoDate, parseDate, parseMonthDay } from "../../src/engine/study/dates";
import {
  employeeSupplemental,
  yearsOfService,
  type CountedAssignment,
  type Stipend,
} from "../../src/engine/study/families/supplemental";
import { option, parseOption } from "../../src/engine/study/options";
import {
  fiscalShare,
  fiscalYearOf,
  longevityIndex,
  longevityPay,
  parseStipendBasis,
  stipendPay,
  type LongevityStep,
} from "../../src/engine/supplemental";

const day = (iso: string): number => parseDate(iso) as number;
const JULY = { month: 7, day: 1 };

describe("fiscalYearOf", () => {
  it.each([
    ["2013-04-01", JULY, "2012-07-01", "2013-06-30", 365],
    ["2013-07-01", JULY, "2013-07-01", "2014-06-30", 365],
    ["2013-06-30", JULY, "2012-07-01", "2013-06-30", 365],
    ["2024-03-15", JULY, "2023-07-01", "2024-06-30", 366], // holds 2024-02-29
    ["2013-04-01", { month: 1, day: 1 }, "2013-01-01", "2013-12-31", 365],
    ["2013-09-30", { month: 10, day: 1 }, "2012-10-01", "2013-09-30", 365],
  ])("%s with start %o → %s to %s (%i days)", (asOf, start, first, last, days) => {
    const year = fiscalYearOf(day(asOf), start);
    expect([isoDate(year.start), isoDate(year.end), year.days]).toEqual([first, last, days]);
  });
});

describe("fiscalShare: days within the fiscal year, both ends counted, ÷ days in the year", () => {
  const year = fiscalYearOf(day("2013-04-01"));
  it.each<[string | null, string | null, number]>([
    [null, null, 1],
    ["2012-07-01", "2013-06-30", 1],
    ["2011-01-01", "2014-12-31", 1],
    ["2013-01-01", "2013-06-30", 181 / 365], // Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30
    ["2013-01-01", null, 181 / 365],
    [null, "2012-07-31", 31 / 365],
    ["2012-06-01", "2012-07-31", 31 / 365], // starts before the year: July only
    ["2013-06-30", "2013-06-30", 1 / 365], // one day is one day
    ["2013-07-01", "2013-12-31", 0], // wholly after
    ["2011-07-01", "2012-06-30", 0], // wholly before
  ])("%s to %s → %d", (start, end, share) => {
    expect(fiscalShare(year, start === null ? null : day(start), end === null ? null : day(end))).toBeCloseTo(
      share,
      15,
    );
  });

  it("stays within [0, 1] and adds up over adjacent periods", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 800 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (offset, a, b) => {
          const start = year.start + offset;
          const middle = start + a;
          const end = middle + b;
          const whole = fiscalShare(year, start, end);
          expect(whole).toBeGreaterThanOrEqual(0);
          expect(whole).toBeLessThanOrEqual(1);
          expect(fiscalShare(year, start, middle) + fiscalShare(year, middle + 1, end)).toBeCloseTo(whole, 12);
        },
      ),
    );
  });
});

describe("stipendPay", () => {
  it.each([
    ["annual", 3000, 1, null, 3000],
    ["percent", 0.05, 1, 21_000, 1050], // the base pay carries the FTE (42,000 × 0.5)
    ["hour", 25, 40, null, 1000],
    ["day", 150, 10, 55_000, 1500], // a flat amount ignores the base pay (and so the FTE)
    ["month", 200, 9, null, 1800],
  ] as const)("%s: %d × … = %d", (basis, amount, units, base, expected) => {
    expect(stipendPay(basis, amount, units, base)).toBeCloseTo(expected, 9);
  });

  it("needs the base pay for a percent, and refuses negative figures", () => {
    expect(() => stipendPay("percent", 0.05, 1, null)).toThrow(
      "A percent stipend is a share of base pay: give the base pay",
    );
    expect(() => stipendPay("annual", -1, 1, null)).toThrow(EngineError);
    expect(() => stipendPay("hour", 25, -2, null)).toThrow("The units cannot be negative, got -2");
  });

  it("reads the bases people write, blank as annual", () => {
    expect(
      ["", "Annual", "flat", "% of base", "Per Hour", "daily", "monthly", "weekly"].map(parseStipendBasis),
    ).toEqual(["annual", "annual", "annual", "percent", "hour", "day", "month", undefined]);
  });
});

const STEPS: LongevityStep[] = [
  { years: 5, amount: 500, percent: null },
  { years: 10, amount: 1000, percent: null },
  { years: 20, amount: null, percent: 0.02 },
];

describe("longevity bands", () => {
  it.each([
    [0, -1],
    [4, -1],
    [5, 0], // on the threshold
    [9, 0],
    [10, 1],
    [19, 1],
    [20, 2],
    [45, 2],
  ])("%i years → band %i", (years, band) => {
    expect(longevityIndex(STEPS, years)).toBe(band);
  });

  it("pays a flat amount as it is and a percent of base pay", () => {
    expect(longevityPay(STEPS[1], 21_000)).toBe(1000);
    expect(longevityPay(STEPS[2], 44_000)).toBeCloseTo(880, 9);
    expect(longevityPay(STEPS[2], null)).toBeNull();
  });

  it("counts whole years: anniversaries on or before the day; Service Years win; a rehire restarts", () => {
    const asOf = day("2013-04-01");
    expect(yearsOfService({ serviceYears: null, statedOn: asOf, from: day("2003-04-01") }, asOf)).toBe(10);
    expect(yearsOfService({ serviceYears: null, statedOn: asOf, from: day("2003-04-02") }, asOf)).toBe(9);
    expect(yearsOfService({ serviceYears: 20.7, statedOn: asOf, from: day("2012-01-01") }, asOf)).toBe(20);
    // Stated as of 2013-04-01: a year later they have grown by one.
    expect(yearsOfService({ serviceYears: 20, statedOn: asOf, from: null }, day("2014-04-01"))).toBe(21);
    expect(yearsOfService({ serviceYears: null, statedOn: asOf, from: null }, asOf)).toBeNull();
  });
});

describe("employeeSupplemental: one employee's year, as the costing roll-forward calls it", () => {
  const stipend = (code: string, basis: Stipend["basis"], amount: number, raises = basis === "percent"): Stipend => ({
    row: 2,
    code,
    key: code,
    name: code,
    category: "",
    basis,
    amount,
    raisesWithSchedule: raises,
  });
  const coach = stipend("101", "annual", 3000, true); // marked Raises With Schedule
  const bilingual = stipend("201", "percent", 0.05);
  const tutoring = stipend("301", "hour", 25);
  const assignments: CountedAssignment[] = [
    { row: 2, stipend: coach, units: 1, start: null, end: null },
    { row: 3, stipend: bilingual, units: 1, start: null, end: null },
    { row: 4, stipend: tutoring, units: 40, start: day("2013-01-01"), end: day("2013-06-30") },
  ];
  const employee = {
    service: { serviceYears: null, statedOn: day("2013-04-01"), from: day("2004-01-15") },
    assignments,
  };

  it("prices each assignment by its basis and share, and the band of the years on the day", () => {
    const on = { day: day("2013-04-01"), fiscalYear: fiscalYearOf(day("2013-04-01")) };
    const pay = employeeSupplemental(employee, 50_000, (s) => s.amount, STEPS, on);
    expect(pay.costs[0]).toBe(3000);
    expect(pay.costs[1]).toBeCloseTo(2500, 9);
    expect(pay.costs[2]).toBeCloseTo((1000 * 181) / 365, 9);
    expect(pay.stipends).toBeCloseTo(5500 + (1000 * 181) / 365, 9);
    expect([pay.years, pay.band, pay.longevity]).toEqual([9, 0, 500]);
  });

  it("a year later: raised flat amounts, the new base, the dated assignment gone, the 10-year band reached", () => {
    const on = { day: day("2014-04-01"), fiscalYear: fiscalYearOf(day("2014-04-01")) };
    // A 3 % settlement: flat stipends marked Raises With Schedule move; a percent moves with the base.
    const raised = (s: Stipend): number => (s.raisesWithSchedule && s.basis !== "percent" ? s.amount * 1.03 : s.amount);
    const pay = employeeSupplemental(employee, 51_500, raised, STEPS, on);
    expect(pay.costs[0]).toBeCloseTo(3090, 9);
    expect(pay.costs[1]).toBeCloseTo(2575, 9);
    expect(pay.costs[2]).toBe(0);
    expect([pay.years, pay.band, pay.longevity]).toEqual([10, 1, 1000]);
  });

  it("leaves longevity unpriced (null) for a percent band when the base pay is not known", () => {
    const on = { day: day("2013-04-01"), fiscalYear: fiscalYearOf(day("2013-04-01")) };
    const old = { service: { serviceYears: 25, statedOn: on.day, from: null }, assignments: [] };
    expect(employeeSupplemental(old, null, (s) => s.amount, STEPS, on).longevity).toBeNull();
  });
});

describe("the day of the year an option gives (--fiscal-year-start)", () => {
  const spec = option({
    name: "fiscal-year-start",
    kind: "month-day",
    label: "Fiscal year start",
    description: "",
    default: "07-01",
  });
  it.each<[string | number, string]>([
    ["07-01", "07-01"],
    ["7-1", "07-01"],
    ["10/1", "10-01"],
    ["July 1", "07-01"],
    ["1 Sep", "09-01"],
    ["2024-07-01", "07-01"],
    [45474, "07-01"], // Excel turns a typed 07-01 into a date: 2024-07-01
  ])("%p → %s", (raw, expected) => {
    expect(parseOption(spec, raw)).toBe(expected);
  });

  it.each(["02-29", "13-01", "06-31", "soon", ""])("refuses %p", (raw) => {
    expect(() => parseOption(spec, raw)).toThrow(
      /^Fiscal year start: '.*' is not a day of the year \(write MM-DD, e.g. 07-01; not 02-29\)$/,
    );
  });

  it("reads a 100,000-character input at once (no backtracking pattern)", () => {
    expect(parseMonthDay(`${"1".repeat(50_000)}-${" ".repeat(50_000)}x`)).toBeUndefined();
    expect(parseMonthDay(`July${" ".repeat(100_000)}x`)).toBeUndefined();
  });
});
