/**
 * decidePlacement, rule by rule, on worked examples computed by hand here (HISD compensation
 * manual 2019–20: II.A new hires and rehires, II.B promotions and transfers, II.A.1.e approval
 * authority), on hand-made plans and on the real Portland PEA experience schedule.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { POLICY } from "../../src/engine/policy";
import { promotionSalary } from "../../src/engine/rules";
import {
  decidePlacement,
  parseDate,
  parsePromotionChart,
  parseAction,
  parseJobType,
  parseLaneTables,
  parsePayPlans,
  parsePlacementSchedule,
  type Candidate,
  type PlacementDecision,
  type PlacementSchedules,
  type Policy,
} from "../../src/engine/study";
import { failure } from "../engine/helpers";

const PLANS = parsePayPlans([
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Minimum", "Maximum"],
  ["Master", "19", null, null, null, null, null, 45000, 50000],
  ["Master", "20", null, null, null, null, null, 50000, 55000],
  ["Master", "27", null, null, null, null, null, 52000, 78000],
  ["Master", "28", null, null, null, null, null, 60000, 90000],
  ["Technology", "T8", null, null, null, null, null, 60000, 90000],
  ["Technology", "T9", null, null, null, null, null, 64000, 96000],
  ["Hourly", "H1", 12, 12.5, 13, 13.5, 14, null, null],
  ["Teachers", "TN1", 40000, 41000, 42000, 43000, 44000, null, null],
]).plans;

/** The Portland 2013 PEA experience schedule, 197 days (test/golden), as a Lane Schedules table. */
const PEA_ROWS = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));
const PEA = parseLaneTables([["Plan", ...PEA_ROWS[0]], ...PEA_ROWS.slice(1).map((cells) => ["PEA", ...cells])]);

const SCHEDULES: PlacementSchedules = { plans: PLANS, lanes: PEA.schedules };

const decide = (candidate: Candidate, policy?: Policy): PlacementDecision =>
  decidePlacement(SCHEDULES, candidate, policy);

const policy = (changes: Partial<Policy>): Policy => ({ ...POLICY, ...changes });

describe("new hires, other jobs (HISD II.A.1.e: 2.5 % over the minimum a year, at most 10 years)", () => {
  it("range grade: 52,000 × (1 + 2.5 % × 6) = 52,000 × 1.15 = 59,800; CHRO (below Q4 start 71,500)", () => {
    const d = decide({ action: "hire", jobType: "other", plan: "Master", grade: "27", years: 6 });
    expect(d).toMatchObject({ step: null, salary: 59800, approval: "CHRO", warnings: [] });
    expect(d.rule).toBe("2.5 % × 6 years over the minimum 52,000");
  });

  it("10 years at most: 12 years → 52,000 × (1 + 2.5 % × 10) = 65,000", () => {
    const d = decide({ action: "hire", plan: "Master", grade: "27", years: 12 });
    expect(d.salary).toBe(65000);
    expect(d.rule).toBe("2.5 % × 10 years over the minimum 52,000 (12 years given, at most 10 credited)");
  });

  it("whole years: 6.5 years count as 6 (59,800)", () => {
    const d = decide({ action: "hire", plan: "Master", grade: "27", years: 6.5 });
    expect(d.salary).toBe(59800);
    expect(d.rule).toContain("(6.5 given: whole years count)");
  });

  it("never above the maximum: 50,000 × 1.15 = 57,500 > 55,000 → 55,000; above Q4 start 53,750 → Committee", () => {
    const d = decide({ action: "hire", plan: "Master", grade: "20", years: 6 });
    expect(d).toMatchObject({ salary: 55000, approval: "Compensation Committee" });
    expect(d.rule).toBe("2.5 % × 6 years over the minimum 50,000, capped at the maximum 55,000");
  });

  it("step plan: 12.00 × 1.075 = 12.90 → the highest step at or below it, step 2 = 12.50 (step 3 = 13.00 would pass it)", () => {
    const d = decide({ action: "hire", plan: "Hourly", grade: "H1", years: 3 });
    // H1 has no grade number, but 12.50 is below the midpoint (12 + 14) / 2 = 13: the CHRO in either band.
    expect(d).toMatchObject({ step: 2, salary: 12.5, approval: "CHRO", unit: "hourly", cents: true });
    expect(d.rule).toBe(
      "2.5 % × 3 years over the minimum 12.00 = 12.90, on step 2 (12.50), the highest step at or below it",
    );
  });

  it("step plan, a step exactly at the amount: 12.00 × 1.125 = 13.50 = step 4 (half-cent tolerance)", () => {
    expect(decide({ action: "hire", plan: "Hourly", grade: "H1", years: 5 })).toMatchObject({ step: 4, salary: 13.5 });
  });

  it("step plan capped: 12.00 × 1.25 = 15.00 > 14.00 → the top step 5 = 14.00; past Q4 start 13.50 → Committee", () => {
    const d = decide({ action: "hire", plan: "Hourly", grade: "H1", years: 10 });
    expect(d).toMatchObject({ step: 5, salary: 14, approval: "Compensation Committee" });
    expect(d.rule).toContain("capped at the maximum 14.00");
  });

  it("on any step plan: the highest step at or below min × (1 + 2.5 % × min(years, 10)), never past 25 %", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 20_000, max: 60_000 }),
        fc.integer({ min: 0, max: 14 }),
        (rises, min, years) => {
          const steps = rises.reduce((pays, rise) => [...pays, pays[pays.length - 1] + rise * 10], [min]);
          const plans = parsePayPlans([
            ["Grade", ...steps.map((_, i) => `Step ${i + 1}`)],
            ["G", ...steps],
          ]).plans;
          const d = decidePlacement({ plans }, { action: "hire", grade: "G", years });
          const target = Math.min(min * (1 + 0.025 * Math.min(years, 10)), steps[steps.length - 1]);
          const at = steps.filter((pay) => pay <= target + 0.005).length;
          expect(d).toMatchObject({ step: at, salary: steps[at - 1] });
          expect(d.salary).toBeLessThanOrEqual(min * 1.25 + 0.005);
        },
      ),
    );
  });

  it("warns that Other Years do not count for other jobs", () => {
    const d = decide({ action: "hire", plan: "Master", grade: "27", years: 6, otherYears: 4 });
    expect(d.salary).toBe(59800);
    expect(d.warnings).toEqual(["Other Years (4) count only for nurses and speech therapists: not credited"]);
  });
});

describe("new hires, teachers, nurses and speech therapists (HISD II.A.1.a–b: the step for the years)", () => {
  it.each([
    [3, 4, 43000, "teacher: step 4 for 3 years of approved experience"],
    [0, 1, 40000, "teacher: step 1 (the first step) for 0 years of approved experience"],
    [1, 2, 41000, "teacher: step 2 for 1 year of approved experience"],
    [4, 5, 44000, "teacher: step 5 for 4 years of approved experience"],
    [9, 5, 44000, "teacher: step 5 (the top step) for 9 years of approved experience"],
  ])("teacher, step plan TN1: %p years → step %p = %p", (years, step, salary, rule) => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "Teachers", grade: "TN1", years });
    expect(d).toMatchObject({ step, salary, approval: "schedule", rule, warnings: [] });
  });

  it("teacher on the PEA schedule, lane Master's, 7 years → step 8 = 49,713 (0 years is step 1)", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "PEA", lane: "Master's", years: 7 });
    expect(d).toMatchObject({ plan: "PEA", grade: "Master's", step: 8, salary: 49713, approval: "schedule" });
    expect(d.rule).toBe("teacher: step 8, lane Master's, for 7 years of approved experience");
  });

  it("the top step holds: Bachelor's, 35 years → step 31 = 60,535", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "pea", lane: "bachelor's", years: 35 });
    expect(d).toMatchObject({ step: 31, salary: 60535 });
    expect(d.rule).toContain("step 31 (the top step)");
  });

  it("a lane by its number (2 = Master's) or written in Grade under the schedule's name", () => {
    expect(decide({ action: "hire", jobType: "teacher", plan: "PEA", lane: "2", years: 7 }).salary).toBe(49713);
    expect(decide({ action: "hire", jobType: "teacher", plan: "PEA", grade: "Master's", years: 7 }).salary).toBe(49713);
  });

  it("nurse on TN1: 1 school year + 2 non-school years = 3 → step 4 = 43,000", () => {
    const d = decide({ action: "hire", jobType: "nurse", plan: "Teachers", grade: "TN1", years: 1, otherYears: 2 });
    expect(d).toMatchObject({ step: 4, salary: 43000, approval: "schedule" });
    expect(d.rule).toBe("nurse: step 4 for 1 year + 2 non-school years");
  });

  it("nurse, 10 non-school years at most: 4 + min(14, 10) = 14 → PEA Bachelor's step 15 = 55,293", () => {
    const d = decide({ action: "hire", jobType: "nurse", plan: "PEA", lane: "Bachelor's", years: 4, otherYears: 14 });
    expect(d).toMatchObject({ step: 15, salary: 55293 });
    expect(d.rule).toBe(
      "nurse: step 15, lane Bachelor's, for 4 years + 10 non-school years (14 given, at most 10 credited)",
    );
  });

  it("speech therapist: 2 + 3 = 5 → PEA Master's +30 step 6 = 48,698", () => {
    const d = decide({
      action: "hire",
      jobType: "speech therapist",
      plan: "PEA",
      lane: "Master's +30",
      years: 2,
      otherYears: 3,
    });
    expect(d).toMatchObject({ step: 6, salary: 48698, approval: "schedule" });
  });

  it("speech therapist's internship years: at most 3, within the 10 non-school years", () => {
    // 2 school years + 4 other + min(5, 3) internship = 2 + 7 → step 10 of Master's = 52,418.
    const d = decide({
      action: "hire",
      jobType: "speech therapist",
      plan: "PEA",
      lane: "Master's",
      years: 2,
      otherYears: 4,
      internshipYears: 5,
    });
    expect(d).toMatchObject({ step: 10, salary: 52418, warnings: [] });
    expect(d.rule).toBe(
      "speech therapist: step 10, lane Master's, for 2 years + 7 non-school years (4 other years + 3 internship years; 5 internship years given, at most 3 count)",
    );
    // 1 + min(9 + 3, 10) = 11 → step 12 = 55,124: the internship counts within the 10.
    expect(
      decide({
        action: "hire",
        jobType: "speech therapist",
        plan: "PEA",
        lane: "Master's",
        years: 1,
        otherYears: 9,
        internshipYears: 3,
      }),
    ).toMatchObject({ step: 12, salary: 55124 });
  });

  it("a nurse's internship years are not credited, with a warning", () => {
    const d = decide({
      action: "hire",
      jobType: "nurse",
      plan: "Teachers",
      grade: "TN1",
      years: 1,
      internshipYears: 2,
    });
    expect(d).toMatchObject({ step: 2, salary: 41000 });
    expect(d.warnings).toEqual(["Internship Years (2) count only for speech therapists: not credited"]);
  });

  it.each([
    ["counselor", "II.A.1.b"],
    ["librarian", "II.A.1.b"],
    ["evaluation specialist", "II.A.1.b"],
    ["assistant principal", "II.A.1.c"],
  ] as const)("%s: placed like teachers on its own table, approval schedule (%s)", (jobType, section) => {
    const d = decide({ action: "hire", jobType, plan: "Teachers", grade: "TN1", years: 2 });
    expect(d).toMatchObject({ step: 3, salary: 42000, approval: "schedule" });
    expect(d.citation).toBe(`HISD compensation manual 2019–20, ${section}`);
    expect(d.rule).toBe(`${jobType}: step 3 for 2 years of approved experience`);
  });

  it("a table labelled by years shows the row label as the step: 0 for 0 years, 7 for 7 years", () => {
    const byYears = parseLaneTables([
      ["Years", "AP", "Dean"],
      [0, 60000, 58000],
      [1, 61500, 59400],
      [2, 63000, 60800],
      [5, 67500, 65000],
    ]);
    const on = (years: number) =>
      decidePlacement(
        { plans: PLANS, lanes: byYears.schedules },
        { action: "hire", jobType: "assistant principal", lane: "AP", years },
      );
    expect(on(0)).toMatchObject({ step: 0, salary: 60000, approval: "schedule" });
    expect(on(1)).toMatchObject({ step: 1, salary: 61500 });
    // Step 3 is not listed: the row below it, labelled 2, is the step; past the last row (5) it holds.
    expect(on(3)).toMatchObject({ step: 2, salary: 63000 });
    expect(on(7)).toMatchObject({ step: 5, salary: 67500 });
  });

  it("warns that a teacher's Other Years are not credited (step 4 for 3 years)", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "Teachers", grade: "TN1", years: 3, otherYears: 5 });
    expect(d).toMatchObject({ step: 4, salary: 43000 });
    expect(d.warnings).toEqual(["Other Years (5) count only for nurses and speech therapists: not credited"]);
  });

  it("cannot place a teacher on a pay range without steps", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "Master", grade: "27", years: 3 });
    expect(d).toMatchObject({ salary: null, step: null, approval: null, rule: "" });
    expect(d.problem).toEqual({
      kind: "invalid argument",
      message:
        "A teacher is placed on a step by years, but grade '27' of plan 'Master' is a pay range without steps: use a plan with steps or a lane schedule",
    });
    expect(d.warnings).toEqual([d.problem?.message]);
  });

  it("needs the years", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "PEA", lane: "Master's" });
    expect(d.problem).toEqual({
      kind: "invalid argument",
      message: "Years is missing: a new hire is placed by years of experience",
    });
  });
});

describe("promotions (HISD II.B.1: the higher of the promotion increase and the new-hire method)", () => {
  it("the increase wins: 70,000 × 1.08 = 75,600 > 64,000 × 1.125 = 72,000; T9 = 28: midpoint 80,000 → CHRO", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 70000,
      promotionPct: 0.08,
    });
    expect(d).toMatchObject({ salary: 75600, approval: "CHRO", warnings: [] });
    expect(d.rule).toBe(
      "promotion: the 8 % increase on 70,000 at 75,600 beats the new-hire method at 72,000 (2.5 % × 5 years over the minimum 64,000)",
    );
  });

  it("the new-hire method wins: 61,250 × 1.08 = 66,150 < 72,000 → 72,000", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 61250,
      promotionPct: 0.08,
    });
    expect(d.salary).toBe(72000);
    expect(d.rule).toBe(
      "promotion: the new-hire method at 72,000 (2.5 % × 5 years over the minimum 64,000) beats the 8 % increase on 61,250 at 66,150",
    );
  });

  it("within the new range: 90,000 × 1.10 = 99,000 > 96,000 → 96,000; above the midpoint 80,000 → Committee", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 90000,
      promotionPct: 0.1,
    });
    expect(d).toMatchObject({ salary: 96000, approval: "Compensation Committee" });
    expect(d.rule).toContain("capped at the maximum 96,000");
  });

  it("warns when the new grade pays less than now: 100,000 × 1.05 = 105,000 capped at T9's maximum 96,000", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 100000,
      promotionPct: 0.05,
    });
    expect(d.salary).toBe(96000);
    expect(d.warnings).toEqual([
      "The promoted salary 96,000 is below the Current Salary 100,000 (the grade's maximum is 96,000): is this grade higher than the present one?",
    ]);
  });

  it("no such warning at the maximum when the present pay is the maximum (96,000 × 1.00 = 96,000)", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 96000,
      promotionPct: 0,
    });
    expect(d.salary).toBe(96000);
    expect(d.warnings).toEqual([]);
  });

  it("step plan: 12.10 × 1.05 = 12.705 → 12.71 (cents), placed on the first step at or above it: step 3 = 13.00", () => {
    const d = decide({
      action: "promotion",
      plan: "Hourly",
      grade: "H1",
      years: 0,
      currentSalary: 12.1,
      promotionPct: 0.05,
    });
    expect(d).toMatchObject({ step: 3, salary: 13 });
    expect(d.rule).toContain("the 5 % increase on 12.10 at 12.71 beats the new-hire method at 12.00");
    expect(d.rule).toContain("placed on step 3, the first step at or above it");
  });

  it("onto a lane schedule: placed by experience, no chart — Master's, 6 years → step 7 = 48,360 (not 45,000 × 1.05)", () => {
    const d = decide({
      action: "promotion",
      jobType: "teacher",
      plan: "PEA",
      lane: "Master's",
      years: 6,
      currentSalary: 45000,
      promotionPct: 0.05,
    });
    expect(d).toMatchObject({ step: 7, salary: 48360, approval: "schedule", warnings: [] });
    expect(d.rule).toBe(
      "promotion onto a lane schedule, placed by experience (the promotion chart is for the master and technology pay scales): teacher: step 7, lane Master's, for 6 years of approved experience",
    );
    expect(d.citation).toBe("HISD compensation manual 2019–20, II.B.1, II.A.1.a");
  });

  it("onto a lane schedule: warns when the schedule pays less than now (3 years → step 4 = 43,964 < 45,000)", () => {
    const d = decide({
      action: "promotion",
      jobType: "teacher",
      plan: "PEA",
      lane: "Master's",
      years: 3,
      currentSalary: 45000,
    });
    expect(d).toMatchObject({ step: 4, salary: 43964 });
    expect(d.warnings).toEqual([
      "The promoted salary 43,964 is below the Current Salary 45,000 (the grade's maximum is 65,439): is this grade higher than the present one?",
    ]);
  });

  it("a teacher's promotion onto a step grade is placed by experience too, and needs the years", () => {
    const d = decide({ action: "promotion", jobType: "counselor", plan: "Teachers", grade: "TN1", years: 2 });
    expect(d).toMatchObject({ step: 3, salary: 42000, approval: "schedule" });
    expect(decide({ action: "promotion", jobType: "teacher", plan: "PEA", lane: "Master's" }).problem?.message).toBe(
      "Years is missing: a promotion onto a salary schedule is placed by years of experience",
    );
  });

  it("the new-hire leg on steps is the highest step at or below: 12.00 × 1.10 = 13.20 → step 3 = 13.00 beats 12.10 × 1.03", () => {
    const d = decide({
      action: "promotion",
      plan: "Hourly",
      grade: "H1",
      years: 4,
      currentSalary: 12.1,
      promotionPct: 0.03,
    });
    expect(d).toMatchObject({ step: 3, salary: 13 });
    expect(d.rule).toBe(
      "promotion: the new-hire method at 13.00 (2.5 % × 4 years over the minimum 12.00 = 13.20, on step 3 (13.00), the highest step at or below it) beats the 3 % increase on 12.10 at 12.46",
    );
  });

  it("a missing Promotion % is a warning, and only the new-hire method applies (72,000)", () => {
    const d = decide({ action: "promotion", plan: "Technology", grade: "T9", years: 5, currentSalary: 61250 });
    expect(d.salary).toBe(72000);
    expect(d.warnings).toEqual(["Promotion % missing: only the new-hire method applies"]);
    expect(d.rule).toBe("promotion by the new-hire method only: 2.5 % × 5 years over the minimum 64,000");
  });

  it("missing years and Current Salary: no experience credited → the minimum 64,000, with both warnings", () => {
    const d = decide({ action: "promotion", plan: "Technology", grade: "T9", promotionPct: 0.08 });
    expect(d.salary).toBe(64000);
    expect(d.warnings).toEqual([
      "Years is missing: the new-hire method credits no experience",
      "Current Salary missing: only the new-hire method applies",
    ]);
  });

  it("refuses a Promotion % above 100 % (8 instead of 8 %)", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 61250,
      promotionPct: 8,
    });
    expect(d.problem).toEqual({
      kind: "out of range",
      message: "Promotion % 8 is above 100 %: write 8 % as 8% or 0.08",
    });
  });

  it("on a range grade, other jobs get exactly COMP.PROMOTION_SALARY", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20000, max: 120000 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 30 }),
        (current, years, pctPoints) => {
          const pct = pctPoints / 100;
          const d = decide({
            action: "promotion",
            plan: "Technology",
            grade: "T9",
            years,
            currentSalary: current,
            promotionPct: pct,
          });
          expect(d.salary).toBe(promotionSalary(current, 64000, 96000, pct, years));
        },
      ),
    );
  });
});

describe("rehires (HISD II.A.1.f: within six months at the last salary, not above the maximum)", () => {
  it("6 months is within: the last salary 65,000; CHRO", () => {
    const d = decide({
      action: "rehire",
      plan: "Master",
      grade: "27",
      years: 2,
      currentSalary: 65000,
      monthsAway: 6,
      previousGrade: "27",
    });
    expect(d).toMatchObject({ salary: 65000, approval: "CHRO", warnings: [] });
    expect(d.rule).toBe("rehire after 6 months (within 6), in the same grade 27: the last salary 65,000");
  });

  it("without Previous Grade or Previous Job Code: today's rule, with a warning that the job was not checked", () => {
    const d = decide({ action: "rehire", plan: "Master", grade: "27", currentSalary: 65000, monthsAway: 3 });
    expect(d).toMatchObject({ salary: 65000, rule: "rehire after 3 months (within 6): the last salary 65,000" });
    expect(d.warnings).toEqual([
      "Previous Job Code (with Job Code) and Previous Grade are blank: 'in the same job code or pay grade' was not checked",
    ]);
  });

  it("capped at the maximum: 80,000 → 78,000 (above Q4 start 71,500 → Committee)", () => {
    const d = decide({ action: "rehire", plan: "Master", grade: "27", currentSalary: 80000, monthsAway: 4 });
    expect(d).toMatchObject({ salary: 78000, approval: "Compensation Committee" });
    expect(d.rule).toBe("rehire after 4 months (within 6): the last salary 80,000, capped at the maximum 78,000");
  });

  it("7 months is later: placed as a new hire, 52,000 × (1 + 2.5 % × 2) = 54,600", () => {
    const d = decide({ action: "rehire", plan: "Master", grade: "27", years: 2, currentSalary: 65000, monthsAway: 7 });
    expect(d.salary).toBe(54600);
    expect(d.rule).toBe(
      "rehire after 7 months (more than 6), placed as a new hire: 2.5 % × 2 years over the minimum 52,000",
    );
  });

  it("the window comes from the policy: 3 months → 4 months away is a new hire", () => {
    const d = decide(
      { action: "rehire", plan: "Master", grade: "27", years: 2, currentSalary: 65000, monthsAway: 4 },
      policy({ COMP_REHIRE_WINDOW_MONTHS: 3 }),
    );
    expect(d.salary).toBe(54600);
  });

  it("warns when the last salary is below today's minimum (50,000 < 52,000), and keeps it", () => {
    const d = decide({
      action: "rehire",
      plan: "Master",
      grade: "27",
      currentSalary: 50000,
      monthsAway: 2,
      jobCode: "J100",
      previousJobCode: "j100",
    });
    expect(d.salary).toBe(50000);
    expect(d.rule).toBe("rehire after 2 months (within 6), in the same job code J100: the last salary 50,000");
    expect(d.warnings).toEqual(["The last salary 50,000 is below the minimum 52,000 of grade '27' of plan 'Master'"]);
  });

  it.each<[Candidate, string]>([
    [
      { action: "rehire", plan: "Master", grade: "27", currentSalary: 65000 },
      "Months Away is missing (or give the Separation Date and the Rehire Date): a rehire within 6 months returns at the last salary, a later one is placed as a new hire",
    ],
    [
      { action: "rehire", plan: "Master", grade: "27", monthsAway: 3 },
      "Current Salary (the last salary) is missing: a rehire within 6 months returns at it",
    ],
    [
      { action: "rehire", plan: "Master", grade: "27", currentSalary: 65000, monthsAway: 9 },
      "Years is missing: a rehire after more than 6 months is placed as a new hire",
    ],
  ])("cannot decide without what the branch needs (%#)", (candidate, message) => {
    expect(decide(candidate).problem).toEqual({ kind: "invalid argument", message });
  });
});

describe("rehires by dates and job (HISD II.A.1.f: within six months, in the same job code or pay grade)", () => {
  const day = (iso: string): number => parseDate(iso) as number;
  const back = (left: string, returned: string, extra: Partial<Candidate> = {}): PlacementDecision =>
    decide({
      action: "rehire",
      plan: "Master",
      grade: "27",
      years: 2,
      currentSalary: 65000,
      previousGrade: "27",
      separationDate: day(left),
      rehireDate: day(returned),
      ...extra,
    });

  it.each([
    ["2024-01-31", "2024-07-31", 65000],
    ["2024-01-31", "2024-08-01", 54600],
    ["2023-08-31", "2024-02-29", 65000],
    ["2023-08-31", "2024-03-01", 54600],
    ["2022-08-31", "2023-02-28", 65000],
    ["2022-08-31", "2023-03-01", 54600],
    ["2024-03-15", "2024-09-15", 65000],
    ["2024-03-15", "2024-09-16", 54600],
    ["2024-12-31", "2025-06-30", 65000],
    ["2024-12-31", "2025-07-01", 54600],
  ])(
    "separated %s, back %s → %p (the same day six months on, or that month's last day, is within)",
    (left, returned, salary) => {
      expect(back(left, returned).salary).toBe(salary);
    },
  );

  it("says the window in the Rule", () => {
    expect(back("2024-01-31", "2024-07-31").rule).toBe(
      "rehire on 2024-07-31, within 6 months of the separation on 2024-01-31 (the window ends 2024-07-31), in the same grade 27: the last salary 65,000",
    );
    expect(back("2024-01-31", "2024-08-01").rule).toBe(
      "rehire on 2024-08-01, more than 6 months after the separation on 2024-01-31 (the window ended 2024-07-31), placed as a new hire: 2.5 % × 2 years over the minimum 52,000",
    );
  });

  it("Months Away wins over the dates, with a warning when they disagree", () => {
    const d = back("2024-01-31", "2024-09-30", { monthsAway: 5 });
    expect(d.salary).toBe(65000);
    expect(d.warnings).toEqual([
      "Months Away (5) and the dates disagree (back on 2024-09-30, more than 6 months after the separation on 2024-01-31 (the window ended 2024-07-31)): Months Away is used",
    ]);
  });

  it("within the window but in another grade and job code: placed as a new hire", () => {
    const d = back("2024-01-31", "2024-03-01", { previousGrade: "20", jobCode: "J2", previousJobCode: "J1" });
    expect(d.salary).toBe(54600);
    expect(d.rule).toBe(
      "rehire on 2024-03-01, within 6 months of the separation on 2024-01-31 (the window ends 2024-07-31), but in another job code and grade (before: grade 20, job code J1), placed as a new hire: 2.5 % × 2 years over the minimum 52,000",
    );
  });

  it("either previous column is enough: the same job code in another grade returns at the last salary", () => {
    const d = back("2024-01-31", "2024-03-01", { previousGrade: "20", jobCode: "J1", previousJobCode: " j1 " });
    expect(d).toMatchObject({ salary: 65000, warnings: [] });
    expect(d.rule).toContain("in the same job code J1");
  });

  it("a Previous Job Code without the new Job Code cannot be compared: not checked, with the warning", () => {
    const d = back("2024-01-31", "2024-03-01", { previousGrade: null, previousJobCode: "J1" });
    expect(d.salary).toBe(65000);
    expect(d.warnings).toEqual([
      "Previous Job Code (with Job Code) and Previous Grade are blank: 'in the same job code or pay grade' was not checked",
    ]);
  });

  it.each<[Partial<Candidate>, string, string]>([
    [
      { separationDate: parseDate("2024-05-01") as number, rehireDate: parseDate("2024-04-01") as number },
      "invalid argument",
      "Rehire Date 2024-04-01 is before the Separation Date 2024-05-01",
    ],
    [
      { separationDate: parseDate("2024-05-01") as number, rehireDate: null },
      "invalid argument",
      "Rehire Date is missing: Months Away is blank, so the months are counted from the Separation Date to the Rehire Date",
    ],
  ])("refuses dates it cannot read a window from (%#)", (dates, kind, message) => {
    const d = decide({ action: "rehire", plan: "Master", grade: "27", currentSalary: 65000, ...dates });
    expect(d.problem).toEqual({ kind, message });
  });
});

describe("crafts/trades, nutrition services and custodians (HISD II.A.1.e: credit only above grade 19)", () => {
  it.each([
    [
      "custodian",
      "19",
      45000,
      null,
      "custodian: grade 19 is not above grade 19, so no experience credit: the minimum 45,000",
    ],
    ["crafts", "20", 52500, null, "crafts/trades above grade 19: 2.5 % × 2 years over the minimum 50,000"],
    [
      "nutrition",
      "H1",
      12,
      1,
      "nutrition services: grade H1 is not above grade 19, so no experience credit: the minimum 12.00 on step 1",
    ],
  ] as const)("%s on grade %s, 2 years → %p", (jobType, grade, salary, step, rule) => {
    const d = decide({ action: "hire", jobType, grade, years: 2 });
    expect(d).toMatchObject({
      salary,
      step,
      rule,
      warnings: [],
      citation: "HISD compensation manual 2019–20, II.A.1.e",
    });
  });

  it("a grade without a number: the credit is given, with a warning that grade 19 could not be checked", () => {
    const plans = parsePayPlans([
      ["Grade", "Minimum", "Maximum"],
      ["Trades A", 30000, 40000],
    ]).plans;
    const d = decidePlacement({ plans }, { action: "hire", jobType: "custodian", grade: "Trades A", years: 4 });
    expect(d.salary).toBe(33000);
    expect(d.warnings).toEqual([
      "The grade 'Trades A' of plan 'Pay Plan' has no grade number: the rule that custodian personnel get experience credit only above grade 19 could not be checked (credit given)",
    ]);
  });

  it("the grade comes from the policy (COMP_TRADES_CREDIT_GRADE 20: grade 20 gets no credit)", () => {
    const d = decide(
      { action: "hire", jobType: "custodian", grade: "20", years: 2 },
      policy({ COMP_TRADES_CREDIT_GRADE: 20 }),
    );
    expect(d.salary).toBe(50000);
  });

  it("a promotion's new-hire leg follows it: grade 19 custodian → the minimum beats nothing but the increase", () => {
    const d = decide({
      action: "promotion",
      jobType: "custodian",
      grade: "19",
      years: 8,
      currentSalary: 44000,
      promotionPct: 0.05,
    });
    // 44,000 × 1.05 = 46,200 > the minimum 45,000 (no credit at grade 19).
    expect(d.salary).toBe(46200);
  });
});

describe("the promotion chart (HISD II.B.1.a: the percentage for the grades advanced)", () => {
  const chart = parsePromotionChart([
    ["HISD Promotion Policy chart"],
    ["Grades Advanced", "Increase"],
    [1, "5%"],
    [2, 0.08],
    ["3+", "10%"],
  ]);
  const promote = (candidate: Partial<Candidate>, promotionChart = chart): PlacementDecision =>
    decidePlacement(
      { plans: PLANS, promotionChart },
      { action: "promotion", years: 0, currentSalary: 70000, ...candidate },
    );

  it.each([
    ["T8", "T9", 73500, "5 %", "1 grade"],
    ["27", "T9", 73500, "5 %", "1 grade"],
    ["20", "28", 77000, "10 %", "8 grades"],
    ["27", "28", 73500, "5 %", "1 grade"],
  ])("from %s to %s: 70,000 at the chart's increase → %p", (previousGrade, grade, salary, pct, advanced) => {
    const d = promote({ previousGrade, grade });
    expect(d.salary).toBe(salary);
    expect(d.rule).toContain(`the ${pct} increase (the Promotion Chart's for ${advanced} advanced) on 70,000`);
  });

  it("two grades: 70,000 × 1.08 = 75,600 (T8 → 28 counts T8 as 27)", () => {
    const twice = parsePayPlans([
      ["Plan", "Grade", "Minimum", "Maximum"],
      ["Master", "29", 64000, 96000],
    ]).plans;
    const d = decidePlacement(
      { plans: twice, promotionChart: chart },
      { action: "promotion", grade: "29", previousGrade: "T8", years: 0, currentSalary: 70000 },
    );
    expect(d.salary).toBe(75600);
  });

  it("a Promotion % given wins over the chart", () => {
    expect(promote({ previousGrade: "T8", grade: "T9", promotionPct: 0.02 }).salary).toBe(71400);
  });

  it("warns when the new grade is not above the previous one, and reads no chart row", () => {
    const d = promote({ previousGrade: "28", grade: "27" });
    expect(d.salary).toBe(52000);
    expect(d.warnings).toEqual([
      "A promotion goes to a higher grade, but grade 27 (from the Previous Grade 28) is not above it: a transfer or a demotion?",
      "Promotion % missing: only the new-hire method applies",
      "The promoted salary 52,000 is below the Current Salary 70,000 (the grade's maximum is 78,000): is this grade higher than the present one?",
    ]);
  });

  it("says why the chart could not be read", () => {
    expect(promote({ grade: "T9" }).warnings).toContain(
      "Promotion % is blank and there is no Previous Grade: the Promotion Chart cannot be read",
    );
    expect(promote({ grade: "T9", previousGrade: "B1-5" }).warnings).toContain(
      "Promotion % is blank and the grades advanced cannot be counted (the Previous Grade 'B1-5' has no grade number): the Promotion Chart cannot be read",
    );
    const short = parsePromotionChart([
      ["Grades Advanced", "Increase"],
      [1, "5%"],
    ]);
    expect(promote({ grade: "28", previousGrade: "20" }, short).warnings).toContain(
      "The Promotion Chart has no row for 8 grades advanced",
    );
  });

  it.each([
    [[["Grades Advanced", "Increase"]], "The promotion chart has a header row but no rows under it"],
    [
      [
        ["Grades Advanced", "Increase"],
        ["2+", "8%"],
        [3, "10%"],
      ],
      "Row 3: row 2 reads '2+' (that many or more), so it must be the last row",
    ],
    [
      [
        ["Grades Advanced", "Increase"],
        [1, "5%"],
        [1, "6%"],
      ],
      "Row 3: 1 grades advanced is already row 2",
    ],
    [
      [
        ["Grades Advanced", "Increase"],
        [1, 5],
      ],
      "Row 2: the Increase 5 is not between 0 and 100 % (write 8 % as 8% or 0.08)",
    ],
    [
      [
        ["Grades Advanced", "Increase"],
        ["one", "5%"],
      ],
      "Row 2: Grades Advanced must be a whole number of grades from 1 (or '3+' on the last row), got 'one'",
    ],
    [
      [
        ["Grades Advanced", "Increase"],
        [1, null],
      ],
      "Row 2: the Increase is blank",
    ],
  ])("refuses a chart it cannot read (%#)", (rows, message) => {
    expect(failure(() => parsePromotionChart(rows))).toEqual({ kind: "invalid argument", message });
  });
});

describe("demotions (HISD terminology 7, as CompStudy reads it: kept within the new range, else the new maximum)", () => {
  it.each([
    [53000, 53000, "the Current Salary 53,000 kept, within the new range"],
    [60000, 55000, "the Current Salary 60,000 is above the new maximum: the maximum 55,000"],
  ])("grade 20 (50,000–55,000), from %p → %p", (currentSalary, salary, outcome) => {
    const d = decide({ action: "demotion", grade: "20", currentSalary, previousGrade: "27" });
    expect(d).toMatchObject({ salary, warnings: [], citation: "HISD compensation manual 2019–20, terminology 7" });
    expect(d.rule).toBe(`demotion (CompStudy's reading; the manual's excerpt states no rule): ${outcome}`);
  });

  it("below the new minimum: raised to it, with a warning", () => {
    const d = decide({ action: "demotion", grade: "20", currentSalary: 48000 });
    expect(d.salary).toBe(50000);
    expect(d.warnings).toEqual([
      "The Current Salary 48,000 is below the minimum 50,000 of the lower grade '20' of plan 'Master': raised to it",
    ]);
  });

  it("on steps: above the maximum → the top step; a kept salary between steps has no step", () => {
    expect(decide({ action: "demotion", grade: "TN1", currentSalary: 45000 })).toMatchObject({
      step: 5,
      salary: 44000,
    });
    expect(decide({ action: "demotion", grade: "TN1", currentSalary: 43500 })).toMatchObject({
      step: null,
      salary: 43500,
    });
  });

  it("warns when the new grade is not lower, and needs the Current Salary", () => {
    expect(decide({ action: "demotion", grade: "27", currentSalary: 60000, previousGrade: "20" }).warnings).toEqual([
      "A demotion goes to a lower grade, but grade 27 (from the Previous Grade 20) is not below it: a transfer or a promotion?",
    ]);
    expect(decide({ action: "demotion", grade: "20" }).problem?.message).toBe(
      "Current Salary is missing: a demotion keeps it within the new range",
    );
  });
});

describe("changes in months (HISD terminology 4, as CompStudy reads it: the daily rate kept)", () => {
  it("60,000 over 187 days → 226 days: 60,000 × 226 ÷ 187 = 72,513.368… → 72,513.37", () => {
    const d = decide({ action: "change in months", grade: "27", currentSalary: 60000, currentDays: 187, newDays: 226 });
    expect(d).toMatchObject({ salary: 72513.37, approval: "Compensation Committee", warnings: [] });
    expect(d.rule).toBe(
      "change in months (CompStudy's reading; the manual's excerpt states no rule: the daily rate is kept): 60,000 ÷ 187 days = 320.86 a day × 226 days = 72,513.37",
    );
    expect(d.citation).toBe("HISD compensation manual 2019–20, terminology 4");
  });

  it("fewer days pay less: 66,000 over 226 → 187 days = 54,610.62", () => {
    expect(
      decide({ action: "change in months", grade: "27", currentSalary: 66000, currentDays: 226, newDays: 187 }).salary,
    ).toBe(54610.62);
  });

  it("an hourly rate stays as it is", () => {
    const d = decide({ action: "change in months", grade: "H1", currentSalary: 13, currentDays: 180, newDays: 200 });
    expect(d).toMatchObject({ salary: 13, step: 3 });
  });

  it("needs both duty days, above zero; warns when the grade changes", () => {
    expect(
      decide({ action: "change in months", grade: "27", currentSalary: 60000, currentDays: 187 }).problem?.message,
    ).toBe("New Days is missing: a change in months keeps the daily rate over the new duty days");
    expect(
      decide({ action: "change in months", grade: "27", currentSalary: 60000, currentDays: 0, newDays: 200 }).problem,
    ).toEqual({ kind: "out of range", message: "Current Days must be above zero" });
    expect(
      decide({
        action: "change in months",
        grade: "27",
        currentSalary: 60000,
        currentDays: 200,
        newDays: 200,
        previousGrade: "28",
      }).warnings,
    ).toEqual(["A change in months keeps the pay grade, but grade 27 (from the Previous Grade 28) is another grade"]);
  });
});

describe("lateral transfers (HISD terminology 31: no pay adjustment)", () => {
  it("keeps the salary: 60,000 on grade 27, CHRO", () => {
    const d = decide({ action: "transfer", plan: "Master", grade: "27", currentSalary: 60000 });
    expect(d).toMatchObject({ step: null, salary: 60000, approval: "CHRO", warnings: [] });
    expect(d.rule).toBe("lateral transfer: the same salary 60,000");
  });

  it("warns below the minimum (50,000 < 52,000)", () => {
    expect(decide({ action: "transfer", plan: "Master", grade: "27", currentSalary: 50000 }).warnings).toEqual([
      "The salary 50,000 is below the minimum 52,000 of grade '27' of plan 'Master'",
    ]);
  });

  it("warns above the maximum (80,000 > 78,000), and no one may approve it", () => {
    const d = decide({ action: "transfer", plan: "Master", grade: "27", currentSalary: 80000 });
    expect(d).toMatchObject({ salary: 80000, approval: "above maximum" });
    expect(d.warnings).toEqual(["The salary 80,000 is above the maximum 78,000 of grade '27' of plan 'Master'"]);
  });

  it("names the step a salary is on (13.50 = H1 step 4)", () => {
    expect(decide({ action: "transfer", plan: "Hourly", grade: "H1", currentSalary: 13.5 }).step).toBe(4);
  });

  it("needs the Current Salary, in the grade's unit", () => {
    expect(decide({ action: "transfer", plan: "Master", grade: "27" }).problem?.message).toBe(
      "Current Salary is missing: a lateral transfer keeps it",
    );
    // 28,000 a year on an hourly grade: 28,000 / 2,080 = 13.46 an hour would fit 12–14.
    expect(decide({ action: "transfer", plan: "Hourly", grade: "H1", currentSalary: 28000 }).problem).toEqual({
      kind: "invalid argument",
      message: "Current Salary 28,000.00 looks annual but grade 'H1' of plan 'Hourly' is hourly (12.00–14.00)",
    });
  });
});

describe("approval (HISD II.A.1.e as CompStudy reads it), on the Requested Salary when given", () => {
  const hire27 = (requestedSalary: number): PlacementDecision =>
    decide({ action: "hire", plan: "Master", grade: "27", years: 6, requestedSalary });

  it("grade 27: the CHRO up to the start of Q4, 52,000 + ¾ × 26,000 = 71,500; above it the Committee", () => {
    expect(hire27(71500).approval).toBe("CHRO");
    expect(hire27(71501).approval).toBe("Compensation Committee");
    expect(hire27(71500).warnings).toEqual(["Requested Salary 71,500 is above the recommendation 59,800"]);
  });

  it("grade 28: the CHRO up to the midpoint (60,000 + 90,000) / 2 = 75,000", () => {
    const hire28 = (requestedSalary: number) =>
      decide({ action: "hire", plan: "Master", grade: "28", years: 0, requestedSalary }).approval;
    expect(hire28(75000)).toBe("CHRO");
    expect(hire28(75001)).toBe("Compensation Committee");
  });

  it("T8 pairs with 27 and T9 with 28: 80,000 on 60,000–90,000 is CHRO on T8 (Q4 start 82,500), Committee on 28", () => {
    const on = (plan: string, grade: string) =>
      decide({ action: "hire", plan, grade, years: 0, requestedSalary: 80000 }).approval;
    expect(on("Technology", "T8")).toBe("CHRO");
    expect(on("Master", "28")).toBe("Compensation Committee");
    // T9 = 28: the midpoint of 64,000–96,000 is 80,000.
    expect(on("Technology", "T9")).toBe("CHRO");
    expect(decide({ action: "hire", plan: "Technology", grade: "T9", years: 0, requestedSalary: 80001 }).approval).toBe(
      "Compensation Committee",
    );
  });

  it("takes the bands from the policy: technology offset 20 makes T8 = 28; senior grade 0 uses the midpoint everywhere", () => {
    const request = { action: "hire", plan: "Technology", grade: "T8", years: 0, requestedSalary: 80000 } as const;
    expect(decide(request, policy({ COMP_TECH_GRADE_OFFSET: 20 })).approval).toBe("Compensation Committee");
    // Grade 27 under senior grade 0: midpoint 65,000; 66,000 is above it.
    expect(
      decide(
        { action: "hire", plan: "Master", grade: "27", years: 0, requestedSalary: 66000 },
        policy({ COMP_SENIOR_GRADE: 0 }),
      ).approval,
    ).toBe("Compensation Committee");
    expect(hire27(66000).approval).toBe("CHRO");
  });

  it("a grade without a number: decided outside the midpoint–Q4 gap, a warning inside it", () => {
    const onH1 = (requestedSalary: number) =>
      decide({ action: "hire", plan: "Hourly", grade: "H1", years: 3, requestedSalary });
    // H1 12–14: midpoint 13, Q4 start 13.50.
    expect(onH1(13).approval).toBe("CHRO");
    expect(onH1(13.75).approval).toBe("Compensation Committee");
    const gap = onH1(13.25);
    expect(gap.approval).toBeNull();
    expect(gap.salary).toBe(12.5);
    expect(gap.warnings).toContain(
      "The grade 'H1' of plan 'Hourly' has no grade number (such as 27 or T8), and between the midpoint and the 4th quartile the approver depends on it: the CHRO below grade 28, the Compensation Committee from it",
    );
  });

  it("a requested salary above the maximum: no one may approve it", () => {
    const d = hire27(80000);
    expect(d.approval).toBe("above maximum");
    expect(d.warnings).toEqual([
      "Requested Salary 80,000 is above the recommendation 59,800",
      "Requested Salary 80,000 is above the maximum 78,000: no one may approve it",
    ]);
  });

  it("a requested salary below the minimum is a warning", () => {
    expect(hire27(50000).warnings).toEqual(["Requested Salary 50,000 is below the minimum 52,000"]);
  });

  it("a requested salary in another unit is a warning; the recommendation is approved", () => {
    const d = decide({ action: "hire", plan: "Hourly", grade: "H1", years: 3, requestedSalary: 31000 });
    expect(d).toMatchObject({ salary: 12.5, approval: "CHRO" });
    expect(d.warnings).toEqual([
      "Requested Salary 31,000.00 looks annual but grade 'H1' of plan 'Hourly' is hourly (12.00–14.00): the recommendation is approved instead",
    ]);
  });

  it("teachers on a schedule need none, unless an offer differs from the schedule", () => {
    const teacher = (requestedSalary?: number) =>
      decide({ action: "hire", jobType: "teacher", plan: "Teachers", grade: "TN1", years: 3, requestedSalary });
    expect(teacher().approval).toBe("schedule");
    expect(teacher(43000).approval).toBe("schedule");
    // 44,000 on 40,000–44,000 is past Q4 start 43,000: the Committee in either band.
    expect(teacher(44000).approval).toBe("Compensation Committee");
  });

  it("a promotion request above the recommendation shows the CHRO's 2 % allowance: 70,000 × (1 + 8 % + 2 %) = 77,000", () => {
    const d = decide({
      action: "promotion",
      plan: "Technology",
      grade: "T9",
      years: 5,
      currentSalary: 70000,
      promotionPct: 0.08,
      requestedSalary: 77000,
    });
    expect(d.warnings).toEqual([
      "Requested Salary 77,000 is above the recommendation 75,600 (the CHRO may add up to 2 % to the promotion increase: 77,000)",
    ]);
  });
});

describe("finding the grade or lane", () => {
  it("a Lane without a Plan uses the only lane schedule", () => {
    expect(decide({ action: "hire", jobType: "teacher", lane: "Doctorate", years: 1 })).toMatchObject({
      plan: "PEA",
      step: 2,
      salary: 43964,
    });
  });

  it("says a Lane is not used on a pay plan's grade", () => {
    const d = decide({
      action: "hire",
      jobType: "teacher",
      plan: "Teachers",
      grade: "TN1",
      lane: "Master's",
      years: 3,
    });
    expect(d.salary).toBe(43000);
    expect(d.warnings).toEqual(["Lane 'Master's' is not used: plan 'Teachers' has grades, not lanes"]);
  });

  it.each<[PlacementSchedules, Candidate, string, string]>([
    [
      SCHEDULES,
      { action: "hire", plan: "Master", grade: "99", years: 1 },
      "not found",
      "Grade '99' is not in plan 'Master'",
    ],
    [
      SCHEDULES,
      { action: "hire", plan: "Nope", grade: "27", years: 1 },
      "not found",
      "Plan 'Nope' is not in the pay plans",
    ],
    [SCHEDULES, { action: "hire", plan: "Master", years: 1 }, "invalid argument", "Grade is blank"],
    [
      SCHEDULES,
      { action: "hire", plan: "PEA", lane: "PhD", years: 1 },
      "not found",
      "Lane 'PhD' is not in the schedule",
    ],
    [
      SCHEDULES,
      { action: "hire", plan: "PEA", years: 1 },
      "invalid argument",
      "'PEA' is a lane schedule: give the Lane (Bachelor's, Master's, Master's +30, Doctorate)",
    ],
    [
      { plans: PLANS, lanes: [...PEA.schedules, { ...PEA.schedules[0], name: "PEA 187" }] },
      { action: "hire", lane: "Master's", years: 1 },
      "invalid argument",
      "Lane 'Master's' without a Plan, and there are 2 lane schedules (PEA, PEA 187): give the Plan",
    ],
    [
      { plans: PLANS },
      { action: "hire", lane: "Master's", years: 1 },
      "not found",
      "Lane 'Master's' given, but there is no lane schedule (a table of Step and one column per lane)",
    ],
  ])("refuses with the reason (%#)", (schedules, candidate, kind, message) => {
    const d = decidePlacement(schedules, candidate);
    expect(d.problem).toEqual({ kind, message });
    expect(d.salary).toBeNull();
  });

  it("never throws, and a decided salary is within the range or kept by the rule", () => {
    const grades = ["20", "27", "28", "T8", "T9", "H1", "TN1"];
    fc.assert(
      fc.property(
        fc.constantFrom(...grades),
        fc.constantFrom("hire", "promotion", "rehire", "transfer" as const),
        fc.constantFrom("teacher", "nurse", "speech therapist", "other" as const),
        fc.option(fc.double({ min: -5, max: 40, noNaN: true })),
        fc.option(fc.double({ min: 1, max: 120000, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 24, noNaN: true })),
        (grade, action, jobType, years, currentSalary, monthsAway) => {
          const d = decidePlacement(
            { plans: PLANS },
            { action, jobType, grade, years, currentSalary, monthsAway, promotionPct: 0.05 },
          );
          if (d.salary === null) {
            expect(d.problem?.message).toBe(d.warnings[d.warnings.length - 1]);
            return;
          }
          const found = PLANS.flatMap((p) => p.grades).find((g) => g.grade === grade)!;
          const kept = action === "transfer" || (action === "rehire" && monthsAway !== null && monthsAway <= 6);
          if (!kept) {
            expect(d.salary).toBeGreaterThanOrEqual(found.min! - 0.005);
            expect(d.salary).toBeLessThanOrEqual(found.max! + 0.005);
          }
          if (found.kind === "steps" && d.step !== null) expect(found.steps[d.step - 1]).toBeCloseTo(d.salary, 2);
        },
      ),
    );
  });
});

describe("reading actions, job types and COMP.PLACEMENT's schedule", () => {
  it.each([
    ["hire", "hire"],
    [" New Hire ", "hire"],
    ["PROMOTION", "promotion"],
    ["re-hire", "rehire"],
    ["Lateral transfer", "transfer"],
  ])("action %p → %p", (text, action) => expect(parseAction(text)).toBe(action));

  it.each([
    ["Demotion", "demotion"],
    ["Change in Months", "change in months"],
    ["change-in-months", "change in months"],
  ])("action %p → %p", (text, action) => expect(parseAction(text)).toBe(action));

  it("refuses other actions, naming them", () => {
    expect(failure(() => parseAction("secondment"))).toEqual({
      kind: "invalid argument",
      message: "Action 'secondment' is not hire, promotion, rehire, transfer, demotion or change in months",
    });
    expect(failure(() => parseAction(" ")).message).toBe(
      "Action is blank: hire, promotion, rehire, transfer, demotion or change in months",
    );
  });

  it.each([
    [null, "other"],
    ["Teacher", "teacher"],
    ["RN", "nurse"],
    ["Speech-Language Pathologist", "speech therapist"],
    ["School Counselor", "counselor"],
    ["Librarian", "librarian"],
    ["Evaluation Specialist", "evaluation specialist"],
    ["Assistant Principal / Dean", "assistant principal"],
    ["Crafts/Trades", "crafts"],
    ["Nutrition Services", "nutrition"],
    ["Custodial", "custodian"],
    ["other", "other"],
  ])("job type %p → %p", (text, job) => expect(parseJobType(text)).toBe(job));

  it("refuses an unknown job type", () => {
    expect(failure(() => parseJobType("astronaut")).message).toBe(
      "Job Type 'astronaut' is not teacher, counselor, librarian, evaluation specialist, assistant principal, nurse, speech therapist, crafts, nutrition, custodian or other",
    );
  });

  it("reads a step-and-lane schedule, a pay-plan table (ranges), and grades × steps without a header", () => {
    expect(parsePlacementSchedule(PEA_ROWS).lanes).toBe(true);
    const ranges = parsePlacementSchedule([
      ["Grade", "Minimum", "Maximum"],
      [27, 52000, 78000],
    ]);
    expect(ranges.lanes).toBe(false);
    expect(ranges.schedules.plans[0].grades[0]).toMatchObject({ kind: "range", min: 52000, max: 78000 });
    const bare = parsePlacementSchedule([
      ["B1-5", 12.12, 12.5, 12.88],
      ["B1-6", 12.68, 13.09, 13.5],
    ]);
    expect(bare.schedules.plans[0].grades.map((g) => [g.grade, g.min, g.max, g.unit])).toEqual([
      ["B1-5", 12.12, 12.88, "hourly"],
      ["B1-6", 12.68, 13.5, "hourly"],
    ]);
    expect(decidePlacement(bare.schedules, { action: "hire", grade: "b1-6", years: 2 })).toMatchObject({
      // 12.68 × 1.05 = 13.314 → the highest step at or below it, step 2 = 13.09
      step: 2,
      salary: 13.09,
    });
  });
});
