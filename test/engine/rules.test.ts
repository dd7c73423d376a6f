import fc from "fast-check";
import {
  approvalLevel,
  changeInMonthsSalary,
  creditableYear,
  dailyRate,
  experienceSalary,
  extraDutyPay,
  demotionSalary,
  gradeNumber,
  gradeOrdinal,
  monthlyRate,
  monthsLater,
  overtimePay,
  periodPay,
  promotionSalary,
  rehireReturnSalary,
  rehireSalary,
  stepForYears,
  withinRehireDates,
  withinRehireWindow,
} from "../../src/engine/rules";
import { isoDate, parseDate } from "../../src/engine/study";
import { failure } from "./helpers";

// Worked examples of the HISD compensation manual 2019–20 rules (src/engine/rules.ts).

describe("experienceSalary (HISD II.A.1.e: 2.5 % over the minimum per year, at most 10 years)", () => {
  it.each([
    [52000, 78000, 0, 52000],
    [52000, 78000, 6, 59800],
    [52000, 78000, 6.9, 59800], // whole years only
    [52000, 78000, 10, 65000], // 25 % over the minimum
    [52000, 78000, 14, 65000], // at most 10 years
    [60000, 70000, 10, 70000], // never above the maximum
    [33669.33, 50000, 3, 36194.53], // 36,194.52975 rounded to the cent
  ])("min %p, max %p, %p years → %p", (min, max, years, expected) => {
    expect(experienceSalary(min, max, years)).toBe(expected);
  });

  it("takes another rate and cap", () => {
    expect(experienceSalary(50000, 100000, 7, 0.03, 5)).toBe(57500);
  });

  it.each([
    [() => experienceSalary(52000, 78000, -1), "out of range", "The years of experience cannot be negative, got -1"],
    [() => experienceSalary(52000, 78000, NaN), "invalid argument", "The years of experience must be a number"],
    [
      () => experienceSalary(52000, 78000, 2, -0.01),
      "out of range",
      "The experience rate cannot be negative, got -0.01",
    ],
    [() => experienceSalary(0, 78000, 2), "out of range", "The range minimum must be above zero, got 0"],
    [() => experienceSalary(80000, 78000, 2), "out of range", "The range maximum (78000) is below the minimum (80000)"],
  ])("rejects bad input (%#)", (action, kind, message) => {
    expect(failure(action)).toEqual({ kind, message });
  });
});

describe("promotionSalary (HISD II.B.1: the higher of the increase and the new-hire method)", () => {
  it.each([
    [61250, 64000, 96000, 0.08, 5, 72000], // new-hire method wins: 64,000 × 1.125
    [70000, 64000, 96000, 0.08, 0, 75600], // increase wins: 70,000 × 1.08
    [95000, 64000, 96000, 0.08, 0, 96000], // at most the new maximum
    [50000, 64000, 96000, 0.05, 0, 64000], // at least the new minimum
    [61234.56, 60000, 90000, 0.05, 0, 64296.29], // rounded to the cent
  ])("current %p to range %p–%p at %p with %p years → %p", (current, min, max, pct, years, expected) => {
    expect(promotionSalary(current, min, max, pct, years)).toBe(expected);
  });

  it.each([
    [() => promotionSalary(0, 64000, 96000, 0.08), "out of range", "The current salary must be above zero, got 0"],
    [
      () => promotionSalary(60000, 64000, 96000, -0.1),
      "out of range",
      "The promotion increase cannot be negative, got -0.1",
    ],
    [
      () => promotionSalary(60000, 64000, 96000, 0.05, -2),
      "out of range",
      "The years of experience cannot be negative, got -2",
    ],
  ])("rejects bad input (%#)", (action, kind, message) => {
    expect(failure(action)).toEqual({ kind, message });
  });
});

describe("approvalLevel (HISD II.A.1.e approval authority, CompStudy's reading)", () => {
  // Range 60,000–90,000: midpoint 75,000, start of Q4 82,500.
  it.each([
    [82500, 27, "CHRO"], // up to the start of Q4 below grade 28
    [82500.004, 27, "CHRO"], // half-cent noise
    [82500.01, 27, "Compensation Committee"],
    [78000, 27, "CHRO"], // over the midpoint but below Q4: the per-band limit applies
    [75000, 28, "CHRO"], // up to the midpoint from grade 28
    [74999.996, 28, "CHRO"],
    [75000.01, 28, "Compensation Committee"],
    [90000, 27, "Compensation Committee"], // exactly at the maximum
    [90000.004, 30, "Compensation Committee"],
    [60000, 30, "CHRO"], // exactly at the minimum
    [50000, 30, "CHRO"], // below the minimum is within the officer's limit
    [80000, "T8", "CHRO"], // T8 = grade 27
    [80000, "T9", "Compensation Committee"], // T9 = grade 28
    [80000, "28", "Compensation Committee"],
  ])("salary %p in grade %p → %p", (salary, grade, level) => {
    expect(approvalLevel(salary, 60000, 90000, grade)).toBe(level);
  });

  it("takes another senior grade", () => {
    expect(approvalLevel(80000, 60000, 90000, 27, 25)).toBe("Compensation Committee");
  });

  it.each([
    [
      () => approvalLevel(90000.01, 60000, 90000, 27),
      "out of range",
      "The salary 90000.01 is above the range maximum 90000: no one may approve it",
    ],
    [
      () => approvalLevel(80000, 60000, 90000, "Senior"),
      "invalid argument",
      "The grade must be a number or a technology grade such as 'T8', got 'Senior'",
    ],
  ])("rejects bad input (%#)", (action, kind, message) => {
    expect(failure(action)).toEqual({ kind, message });
  });

  it("reads technology grades with the policy offset", () => {
    expect(gradeNumber("t8")).toBe(27);
    expect(gradeNumber(" T 9 ")).toBe(28);
    expect(gradeNumber(12)).toBe(12);
  });
});

describe("overtimePay (HISD terminology 14, 16: 1.5 × the rate over 40 hours)", () => {
  it.each([
    [20, 45, 950],
    [20, 40, 800],
    [20, 0, 0],
    [18.5, 46, 906.5],
    [20, 30, 600],
  ])("rate %p for %p hours → %p", (rate, hours, expected) => {
    expect(overtimePay(rate, hours)).toBeCloseTo(expected, 10);
  });

  it("takes another threshold and multiplier", () => {
    expect(overtimePay(20, 40, 37.5, 2)).toBe(850);
  });

  it("rejects negative hours", () => {
    expect(failure(() => overtimePay(20, -1))).toEqual({
      kind: "out of range",
      message: "The hours worked cannot be negative, got -1",
    });
  });

  it("pays extra duty at $25 an hour (HISD terminology 11)", () => {
    expect(extraDutyPay(3)).toBe(75);
    expect(extraDutyPay(2, 30)).toBe(60);
  });
});

describe("creditableYear (HISD terminology 5: 90 days full time, 180 days half time)", () => {
  it.each([
    [90, 1, true],
    [89, 1, false],
    [90, undefined, true],
    [180, 0.5, true],
    [179, 0.5, false],
    [180, 0.75, true],
    [90, 0.75, false],
    [250, 0.4, false], // below half time: never
    [0, 1, false],
  ])("%p days at FTE %p → %p", (days, fte, expected) => {
    expect(creditableYear(days, fte)).toBe(expected);
  });

  it.each([
    [() => creditableYear(-1), "The days of service cannot be negative, got -1"],
    [() => creditableYear(400), "The days of service in 12 months cannot exceed 366, got 400"],
    [() => creditableYear(100, 0), "The FTE must be above 0 and at most 1, got 0"],
    [() => creditableYear(100, 1.2), "The FTE must be above 0 and at most 1, got 1.2"],
  ])("rejects bad input (%#)", (action, message) => {
    expect(failure(action)).toEqual({ kind: "out of range", message });
  });
});

describe("stepForYears (HISD II.A.1.a–b: the first step for 0 years, one step more per whole year)", () => {
  it.each([
    [[0], 1], // 0 years places on the first step
    [[1], 2], // a teacher's first year of credit is a step
    [[7], 8],
    [[3.9], 4], // whole years count
    [[0, 0], 0], // a table labelled by years, 0, 1, 2 …: step = years
    [[5, 0], 5],
    [[7, 0, 31], 7],
    [[40, 1, 31], 31], // never above the top step
    [[30, 1, 31], 31],
    [[29, 1, 31], 30],
    [[2, 1, null, 4], 7], // non-school years credited one for one
    [[2, 1, null, 14], 13], // … up to 10 of them
    [[2, 1, null, 14, 5], 8],
    [[2, 3], 5], // a schedule starting at step 3
  ])("stepForYears(%p) → %p", (args, expected) => {
    const [years, first, max, other, cap] = args as [number, number?, (number | null)?, number?, number?];
    expect(stepForYears(years, first, max, other, cap)).toBe(expected);
  });

  it("is first_step + whole years, at most max_step, for any years and schedule", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 40 }),
        (years, first, length) => {
          const max = first + length;
          expect(stepForYears(years, first, max)).toBe(Math.min(first + Math.floor(years), max));
        },
      ),
    );
  });

  it.each([
    [() => stepForYears(-1), "The years of experience cannot be negative, got -1"],
    [() => stepForYears(3, 1, 0), "The maximum step (0) is below the first step (1)"],
    [() => stepForYears(3, 1.5), "The first step must be a whole number, got 1.5"],
    [() => stepForYears(3, 1, 10.5), "The maximum step must be a whole number, got 10.5"],
    [() => stepForYears(3, 1, null, -2), "The years of other experience cannot be negative, got -2"],
  ])("rejects bad input (%#)", (action, message) => {
    expect(failure(action)).toEqual({ kind: "out of range", message });
  });
});

describe("rehireSalary (HISD II.A.1.f: back within six months at the last salary)", () => {
  it.each([
    [65000, 4, 0, 65000],
    [70000, 4, 0, 68000], // not above the maximum
    [65000, 6, 0, 65000], // exactly six months
    [65000, 7, 2, 52500], // later: placed like a new hire
  ])("last salary %p, %p months away, %p years → %p", (last, months, years, expected) => {
    expect(rehireSalary(last, 50000, 68000, months, years)).toBe(expected);
  });
});

describe("the rehire window and the returning salary (HISD II.A.1.f)", () => {
  it("counts six months as within, seven as later; the window is a parameter", () => {
    expect([5, 6, 6.5, 7].map((months) => withinRehireWindow(months))).toEqual([true, true, false, false]);
    expect(withinRehireWindow(7, 12)).toBe(true);
    expect(failure(() => withinRehireWindow(-1))).toEqual({
      kind: "out of range",
      message: "The months away cannot be negative, got -1",
    });
  });

  it("returns the last salary capped at the maximum, and refuses after the window", () => {
    expect(rehireReturnSalary(65000, 68000, 6)).toBe(65000);
    expect(rehireReturnSalary(70000, 68000, 1)).toBe(68000);
    expect(failure(() => rehireReturnSalary(65000, 68000, 7))).toEqual({
      kind: "not found",
      message:
        "Back after 7 months, more than the 6-month rehire window: placed as a new hire (COMP.PLACEMENT or COMP.EXPERIENCE_SALARY)",
    });
  });

  it("places a later rehire with the given rate and cap: 50,000 × (1 + 3 % × min(12, 8)) = 62,000", () => {
    expect(rehireSalary(65000, 50000, 68000, 7, 12, 6, 0.03, 8)).toBe(62000);
  });
});

describe("pay conversions", () => {
  it("daily rate = annual / duty days (HISD extended time)", () => {
    expect(dailyRate(58675, 197)).toBeCloseTo(297.8426, 4);
    expect(failure(() => dailyRate(58675, 0))).toEqual({
      kind: "out of range",
      message: "The number of duty days must be above zero, got 0",
    });
  });

  it("period pay = annual / periods, 26 by default (HISD terminology 18)", () => {
    expect(periodPay(52000)).toBe(2000);
    expect(periodPay(52000, 24)).toBeCloseTo(2166.6667, 4);
    expect(failure(() => periodPay(52000, 0)).kind).toBe("out of range");
    expect(failure(() => periodPay(52000, 2.5))).toEqual({
      kind: "out of range",
      message: "The number of pay periods must be a whole number, got 2.5",
    });
    expect(failure(() => periodPay(-1))).toEqual({
      kind: "out of range",
      message: "The annual salary cannot be negative, got -1",
    });
  });

  it("monthly rate = annual / months in the work schedule (HISD terminology 24)", () => {
    expect(monthlyRate(60000, 10)).toBe(6000);
  });
});

describe("gradeOrdinal (HISD II.B.1 grades advanced, II.A.1.e grade 19)", () => {
  it.each([
    [27, 27],
    ["19", 19],
    [" 28 ", 28],
    ["T8", 27], // technology grades pair with the master scale: T8 = 27
    ["t 9", 28],
    ["H12", 12], // hourly grades count by their numbers
    ["12H", 12],
    ["PG-19", 19],
    ["TN1", 1],
  ] as const)("%p → %p", (grade, expected) => expect(gradeOrdinal(grade)).toBe(expected));

  it.each(["B1-5", "Trades A", "", "T8X9"])("%p has no single number", (grade) => {
    expect(gradeOrdinal(grade)).toBeUndefined();
  });

  it("the technology offset comes from the caller", () => expect(gradeOrdinal("T8", 20)).toBe(28));

  it("answers at once on a long code", () => expect(gradeOrdinal(`${"-".repeat(100_000)}x`)).toBeUndefined());
});

describe("monthsLater and withinRehireDates (HISD II.A.1.f: within six calendar months, that day included)", () => {
  const day = (iso: string): number => parseDate(iso) as number;
  it.each([
    ["2024-01-31", 6, "2024-07-31"],
    ["2023-08-31", 6, "2024-02-29"], // no 31 February: the month's last day (leap year)
    ["2022-08-31", 6, "2023-02-28"],
    ["2024-03-15", 6, "2024-09-15"],
    ["2024-12-31", 6, "2025-06-30"],
    ["2024-09-30", 6, "2025-03-30"],
    ["2024-05-31", 0, "2024-05-31"],
    ["2024-05-31", 18, "2025-11-30"],
  ])("%s + %p months → %s", (from, months, expected) => {
    expect(isoDate(monthsLater(day(from), months))).toBe(expected);
  });

  it("the boundary day is within, the next is not; a rehire date before the separation is refused", () => {
    expect(withinRehireDates(day("2024-01-31"), day("2024-07-31"))).toBe(true);
    expect(withinRehireDates(day("2024-01-31"), day("2024-08-01"))).toBe(false);
    expect(withinRehireDates(day("2024-01-31"), day("2024-01-31"))).toBe(true);
    expect(failure(() => withinRehireDates(day("2024-01-31"), day("2024-01-30")))).toEqual({
      kind: "out of range",
      message: "The rehire date is before the separation date",
    });
    expect(failure(() => monthsLater(0, 6.5)).message).toBe(
      "The months must be whole to count calendar months, got 6.5",
    );
  });
});

describe("demotionSalary and changeInMonthsSalary (CompStudy's readings of terminology 7 and 4)", () => {
  it.each([
    [53000, 53000],
    [60000, 55000],
    [48000, 50000],
  ])("demotion to 50,000–55,000 from %p → %p", (current, expected) => {
    expect(demotionSalary(current, 50000, 55000)).toBe(expected);
  });

  it.each([
    [60000, 187, 226, 72513.37], // 60,000 × 226 / 187 = 72,513.368…
    [66000, 226, 187, 54610.62], // 54,610.619…
    [50000, 200, 200, 50000],
  ])("%p over %p days → %p days: %p", (salary, now, next, expected) => {
    expect(changeInMonthsSalary(salary, now, next)).toBe(expected);
  });

  it("refuses days of 0", () => {
    expect(failure(() => changeInMonthsSalary(60000, 0, 200)).message).toBe(
      "The current number of duty days must be above zero, got 0",
    );
  });
});
