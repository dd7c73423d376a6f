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

  it("step plan: 12.00 × 1.075 = 12.90 → the first step at or above it, step 3 = 13.00", () => {
    const d = decide({ action: "hire", plan: "Hourly", grade: "H1", years: 3 });
    // H1 has no grade number, but 13.00 is at the midpoint (12 + 14) / 2 = 13: the CHRO in either band.
    expect(d).toMatchObject({ step: 3, salary: 13, approval: "CHRO", unit: "hourly", cents: true });
    expect(d.rule).toBe("2.5 % × 3 years over the minimum 12.00 = 12.90, on step 3, the first step at or above it");
  });

  it("step plan capped: 12.00 × 1.25 = 15.00 > 14.00 → the top step 5 = 14.00; past Q4 start 13.50 → Committee", () => {
    const d = decide({ action: "hire", plan: "Hourly", grade: "H1", years: 10 });
    expect(d).toMatchObject({ step: 5, salary: 14, approval: "Compensation Committee" });
    expect(d.rule).toContain("capped at the maximum 14.00");
  });

  it("warns that Other Years do not count for other jobs", () => {
    const d = decide({ action: "hire", plan: "Master", grade: "27", years: 6, otherYears: 4 });
    expect(d.salary).toBe(59800);
    expect(d.warnings).toEqual(["Other Years (4) count only for nurses and speech therapists: not credited"]);
  });
});

describe("new hires, teachers, nurses and speech therapists (HISD II.A.1.a–b: the step for the years)", () => {
  it.each([
    [3, 3, 42000, "teacher: step 3 for 3 years of approved experience"],
    [0, 1, 40000, "teacher: step 1 (the first step) for 0 years of approved experience"],
    [9, 5, 44000, "teacher: step 5 (the top step) for 9 years of approved experience"],
  ])("teacher, step plan TN1: %p years → step %p = %p", (years, step, salary, rule) => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "Teachers", grade: "TN1", years });
    expect(d).toMatchObject({ step, salary, approval: "schedule", rule, warnings: [] });
  });

  it("teacher on the PEA schedule, lane Master's, 7 years → step 7 = 48,360", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "PEA", lane: "Master's", years: 7 });
    expect(d).toMatchObject({ plan: "PEA", grade: "Master's", step: 7, salary: 48360, approval: "schedule" });
    expect(d.rule).toBe("teacher: step 7, lane Master's, for 7 years of approved experience");
  });

  it("the top step holds: Bachelor's, 35 years → step 31 = 60,535", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "pea", lane: "bachelor's", years: 35 });
    expect(d).toMatchObject({ step: 31, salary: 60535 });
    expect(d.rule).toContain("step 31 (the top step)");
  });

  it("a lane by its number (2 = Master's) or written in Grade under the schedule's name", () => {
    expect(decide({ action: "hire", jobType: "teacher", plan: "PEA", lane: "2", years: 7 }).salary).toBe(48360);
    expect(decide({ action: "hire", jobType: "teacher", plan: "PEA", grade: "Master's", years: 7 }).salary).toBe(48360);
  });

  it("nurse on TN1: 1 school year + 2 non-school years = 3 → step 3 = 42,000", () => {
    const d = decide({ action: "hire", jobType: "nurse", plan: "Teachers", grade: "TN1", years: 1, otherYears: 2 });
    expect(d).toMatchObject({ step: 3, salary: 42000, approval: "schedule" });
    expect(d.rule).toBe("nurse: step 3 for 1 year + 2 non-school years");
  });

  it("nurse, 10 non-school years at most: 4 + min(14, 10) = 14 → PEA Bachelor's step 14 = 54,110", () => {
    const d = decide({ action: "hire", jobType: "nurse", plan: "PEA", lane: "Bachelor's", years: 4, otherYears: 14 });
    expect(d).toMatchObject({ step: 14, salary: 54110 });
    expect(d.rule).toBe(
      "nurse: step 14, lane Bachelor's, for 4 years + 10 non-school years (14 given, at most 10 credited)",
    );
  });

  it("speech therapist: 2 + 3 = 5 → PEA Master's +30 step 5 = 47,345", () => {
    const d = decide({
      action: "hire",
      jobType: "speech therapist",
      plan: "PEA",
      lane: "Master's +30",
      years: 2,
      otherYears: 3,
    });
    expect(d).toMatchObject({ step: 5, salary: 47345, approval: "schedule" });
  });

  it("warns that a teacher's Other Years are not credited (step 3 stays step 3)", () => {
    const d = decide({ action: "hire", jobType: "teacher", plan: "Teachers", grade: "TN1", years: 3, otherYears: 5 });
    expect(d).toMatchObject({ step: 3, salary: 42000 });
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

  it("lane: 45,000 × 1.05 = 47,250 > step 3 Master's 42,273 → first step at or above: step 7 = 48,360 (step 6 = 47,008)", () => {
    const d = decide({
      action: "promotion",
      jobType: "teacher",
      plan: "PEA",
      lane: "Master's",
      years: 3,
      currentSalary: 45000,
      promotionPct: 0.05,
    });
    expect(d).toMatchObject({ step: 7, salary: 48360, approval: "schedule" });
  });

  it("flat steps keep the new-hire method's step: 20 years Bachelor's = step 20 (57,661, like steps 17–19) > 51,000", () => {
    const d = decide({
      action: "promotion",
      jobType: "teacher",
      plan: "PEA",
      lane: "Bachelor's",
      years: 20,
      currentSalary: 50000,
      promotionPct: 0.02,
    });
    expect(d).toMatchObject({ step: 20, salary: 57661 });
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
    const d = decide({ action: "rehire", plan: "Master", grade: "27", years: 2, currentSalary: 65000, monthsAway: 6 });
    expect(d).toMatchObject({ salary: 65000, approval: "CHRO", warnings: [] });
    expect(d.rule).toBe("rehire after 6 months (within 6): the last salary 65,000");
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
    const d = decide({ action: "rehire", plan: "Master", grade: "27", currentSalary: 50000, monthsAway: 2 });
    expect(d.salary).toBe(50000);
    expect(d.warnings).toEqual(["The last salary 50,000 is below the minimum 52,000 of grade '27' of plan 'Master'"]);
  });

  it.each<[Candidate, string]>([
    [
      { action: "rehire", plan: "Master", grade: "27", currentSalary: 65000 },
      "Months Away is missing: a rehire within 6 months returns at the last salary, a later one is placed as a new hire",
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
    expect(gap.salary).toBe(13);
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
    expect(d).toMatchObject({ salary: 13, approval: "CHRO" });
    expect(d.warnings).toEqual([
      "Requested Salary 31,000.00 looks annual but grade 'H1' of plan 'Hourly' is hourly (12.00–14.00): the recommendation is approved instead",
    ]);
  });

  it("teachers on a schedule need none, unless an offer differs from the schedule", () => {
    const teacher = (requestedSalary?: number) =>
      decide({ action: "hire", jobType: "teacher", plan: "Teachers", grade: "TN1", years: 3, requestedSalary });
    expect(teacher().approval).toBe("schedule");
    expect(teacher(42000).approval).toBe("schedule");
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
      salary: 42273,
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
    expect(d.salary).toBe(42000);
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

  it("refuses other actions, naming them", () => {
    expect(failure(() => parseAction("demotion"))).toEqual({
      kind: "invalid argument",
      message: "Action 'demotion' is not hire, promotion, rehire or transfer",
    });
    expect(failure(() => parseAction(" ")).message).toBe("Action is blank: hire, promotion, rehire or transfer");
  });

  it.each([
    [null, "other"],
    ["Teacher", "teacher"],
    ["RN", "nurse"],
    ["Speech-Language Pathologist", "speech therapist"],
    ["other", "other"],
  ])("job type %p → %p", (text, job) => expect(parseJobType(text)).toBe(job));

  it("refuses an unknown job type", () => {
    expect(failure(() => parseJobType("librarian")).message).toBe(
      "Job Type 'librarian' is not teacher, nurse, speech therapist or other",
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
      // 12.68 × 1.05 = 13.314 → step 3 = 13.50
      step: 3,
      salary: 13.5,
    });
  });
});
