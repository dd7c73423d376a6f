/**
 * The "assessment of current conditions" of a compensation study (Portland 2013 study,
 * chapter 3): pay-plan summary, grade placement, midpoint split, quartiles, job families,
 * tenure, schedule audit, the rows that could not be used, and pay against the schedule (its
 * own module, schedule-pay.ts). Built from the placement step;
 * deterministic ordering (plans and grades in input order, families by name).
 */
import { normalizeKey } from "../../cells";
import type { CellScalar, ExhibitBody, ExhibitRow } from "../../exhibit";
import { stepProgression } from "../../progression";
import type { Study } from "../context";
import { family } from "../definition";
import { gradeMidpoint, hasUsableRange } from "../plans";
import {
  AUDIT_REPORT,
  GRADE_PLACEMENT_REPORT,
  JOB_FAMILIES_REPORT,
  MIDPOINT_REPORT,
  PAY_SUMMARY_REPORT,
  QUARTILES_REPORT,
  TENURE_REPORT,
  UNMATCHED_REPORT,
} from "../report/current";
import { classTitles } from "../titles";
import { col, DAYS_PER_YEAR, gradeMoney, planMoney, ratio } from "./helpers";
import { PAY_VS_SCHEDULE } from "./schedule-pay";
import type { PayGrade, PayPlan } from "../types";

/** What the employee-based exhibits count per grade, from the active placed employees. */
type Tally = {
  grade: PayGrade;
  plan: PayPlan;
  employees: number;
  atOrBelowMin: number;
  atOrAboveMax: number;
  belowMid: number;
  quartiles: [number, number, number, number];
  tenureDays: number;
  tenureCount: number;
};

type Tallies = { ordered: { plan: PayPlan; tallies: Tally[] }[]; families: FamilyCount[]; placed: number };
type FamilyCount = { name: string; employees: number; titles: Set<string> };

const sum = (tallies: Tally[], pick: (t: Tally) => number): number => tallies.reduce((total, t) => total + pick(t), 0);
const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

function tallyOf(study: Study): Tallies {
  return study.memo("current-conditions/tallies", () => {
    const byGrade = new Map<PayGrade, Tally>();
    const ordered = study.plans.plans.map((plan) => ({
      plan,
      tallies: plan.grades.map((grade) => {
        const tally: Tally = {
          grade,
          plan,
          employees: 0,
          atOrBelowMin: 0,
          atOrAboveMax: 0,
          belowMid: 0,
          quartiles: [0, 0, 0, 0],
          tenureDays: 0,
          tenureCount: 0,
        };
        byGrade.set(grade, tally);
        return tally;
      }),
    }));
    const families = new Map<string, FamilyCount>();
    const familyBySpelling = new Map<string, FamilyCount>();
    const classTitle = classTitles(study);
    // The active employees as columns (a 1,048,576-row roster is never made into objects here).
    const { rows, placed } = study.placement;
    const columns = study.roster.columns;
    const hireDays = columns.numberColumn("hireDay");
    const tallies = placed.grades.map((grade) => byGrade.get(grade) as Tally);
    const asOfDay = study.asOfDay;
    for (const at of rows.active) {
      const tally = tallies[placed.grade[at]];
      tally.employees++;
      if (placed.atOrBelowMin(at)) tally.atOrBelowMin++;
      if (placed.atOrAboveMax(at)) tally.atOrAboveMax++;
      if (placed.belowMid(at)) tally.belowMid++;
      tally.quartiles[placed.quartile(at) - 1]++;
      const hireDay = hireDays === undefined ? NaN : hireDays[at];
      if (hireDay === hireDay) {
        tally.tenureDays += asOfDay - hireDay;
        tally.tenureCount++;
      }
      const jobFamily = columns.text("jobFamily", at);
      let familyCount = familyBySpelling.get(jobFamily);
      if (!familyCount) {
        const name = jobFamily || "(blank)";
        const key = normalizeKey(name);
        familyCount = families.get(key) ?? { name, employees: 0, titles: new Set() };
        families.set(key, familyCount);
        familyBySpelling.set(jobFamily, familyCount);
      }
      familyCount.employees++;
      const title = classTitle(tally.plan.name, columns.text("jobTitle", at));
      if (title !== "") familyCount.titles.add(titleKey(title));
    }
    return { ordered, families: [...families.values()], placed: rows.active.length };
  });
}

const titleKeys = new Map<string, string>();
/** normalizeKey, memoised: job titles repeat across thousands of rows. */
export function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = normalizeKey(title);
    if (titleKeys.size < 100_000) titleKeys.set(title, key);
  }
  return key;
}

/**
 * Per-grade rows of the employee-based exhibits (grades without employees left out), a Total
 * row per plan and the grand total (Plan "All"), from one function of a group of tallies.
 */
function employeeRows(study: Study, values: (tallies: Tally[]) => CellScalar[], totalLabel = "Total"): ExhibitRow[] {
  const rows: ExhibitRow[] = [];
  const all: Tally[] = [];
  for (const { plan, tallies } of tallyOf(study).ordered) {
    const occupied = tallies.filter((t) => t.employees > 0);
    if (occupied.length === 0) continue;
    for (const tally of occupied)
      rows.push({
        values: [plan.name, tally.grade.grade, ...values([tally])],
        kind: "detail",
        ...gradeMoney(tally.grade),
      });
    rows.push({ values: [plan.name, totalLabel, ...values(occupied)], kind: "total", ...planMoney(plan) });
    all.push(...occupied);
  }
  rows.push({ values: ["All", totalLabel, ...values(all)], kind: "grand-total" });
  return rows;
}

function paySummary(study: Study): ExhibitBody {
  const rows: ExhibitRow[] = [];
  const progressions: number[] = [];
  const spreads: number[] = [];
  let everyone = 0;
  const rangeGrades: string[] = [];
  for (const { plan, tallies } of tallyOf(study).ordered) {
    const planProgressions: number[] = [];
    const planSpreads: number[] = [];
    for (const { grade, employees } of tallies) {
      const numeric = grade.steps.filter((s): s is number => s !== null);
      const usable = hasUsableRange(grade);
      let progression: CellScalar = null;
      if (grade.kind === "range") {
        progression = "no steps";
        rangeGrades.push(`${plan.name} ${grade.grade}`);
      } else if (usable && numeric.length >= 2 && numeric.every((s) => s > 0)) {
        progression = stepProgression(numeric);
        planProgressions.push(progression);
      }
      const spread = usable ? (grade.max - grade.min) / grade.min : null;
      if (spread !== null) planSpreads.push(spread);
      rows.push({
        values: [
          plan.name,
          grade.grade,
          grade.min ?? null,
          usable ? (gradeMidpoint(grade) as number) : null,
          grade.max ?? null,
          numeric.length,
          progression,
          spread,
          employees,
        ],
        kind: "detail",
        ...gradeMoney(grade),
      });
    }
    const planEmployees = sum(tallies, (t) => t.employees);
    everyone += planEmployees;
    rows.push({
      values: [plan.name, "Total", null, null, null, null, mean(planProgressions), mean(planSpreads), planEmployees],
      kind: "total",
      ...planMoney(plan),
    });
    progressions.push(...planProgressions);
    spreads.push(...planSpreads);
  }
  rows.push({
    values: ["All", "Total", null, null, null, null, mean(progressions), mean(spreads), everyone],
    kind: "grand-total",
  });
  const ordered = tallyOf(study).ordered;
  return {
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Minimum", "money"),
      col("Midpoint", "money"),
      col("Maximum", "money"),
      col("Steps", "count"),
      col("Average Step Progression", "percent"),
      col("Range Spread", "percent"),
      col("Employees", "count"),
    ],
    rows,
    notes:
      rangeGrades.length > 0
        ? [
            `Range grades (a Minimum, Midpoint and Maximum instead of steps) have no steps and no step progression: ${rangeGrades.length} ${rangeGrades.length === 1 ? "grade" : "grades"}.`,
          ]
        : undefined,
    stepBlocks: ordered
      .filter(({ plan }) => plan.grades.some((grade) => grade.kind === "steps"))
      .map(({ plan }) => ({
        plan: plan.name,
        unit: plan.unit,
        stepHeaders: plan.stepHeaders,
        rows: plan.grades
          .filter((grade) => grade.kind === "steps")
          .map((grade) => ({ grade: grade.grade, steps: grade.steps, cents: grade.cents })),
      })),
  };
}

export const CURRENT_CONDITIONS = family({
  id: "current-conditions",
  title: "Current conditions",
  description:
    "The assessment of current conditions: each grade's range, where employees sit in it, job families, tenure, and the schedule audit.",
  exhibits: [
    {
      id: "pay-plan-summary",
      report: PAY_SUMMARY_REPORT,
      number: "3-1",
      title: "Pay Plan Summary",
      summary: "every grade's minimum, midpoint, maximum, steps, average step progression, range spread and employees",
      build: paySummary,
    },
    {
      id: "grade-placement",
      report: GRADE_PLACEMENT_REPORT,
      number: "3-2",
      title: "Grade Placement",
      summary: "employees at or below the minimum and at or above the maximum, per grade",
      build: (study) => ({
        columns: [
          col("Plan", "text"),
          col("Grade", "text"),
          col("Employees", "count"),
          col("At or Below Minimum", "count"),
          col("% At or Below Minimum", "percent"),
          col("At or Above Maximum", "count"),
          col("% At or Above Maximum", "percent"),
        ],
        rows: employeeRows(study, (tallies) => {
          const n = sum(tallies, (t) => t.employees);
          const low = sum(tallies, (t) => t.atOrBelowMin);
          const high = sum(tallies, (t) => t.atOrAboveMax);
          return [n, low, ratio(low, n), high, ratio(high, n)];
        }),
      }),
    },
    {
      id: "midpoint",
      report: MIDPOINT_REPORT,
      number: "3-3",
      title: "Midpoint Analysis",
      summary: "employees below and at or above the midpoint, per grade",
      build: (study) => ({
        columns: [
          col("Plan", "text"),
          col("Grade", "text"),
          col("Employees", "count"),
          col("Below Midpoint", "count"),
          col("% Below Midpoint", "percent"),
          col("At or Above Midpoint", "count"),
          col("% At or Above Midpoint", "percent"),
        ],
        rows: employeeRows(study, (tallies) => {
          const n = sum(tallies, (t) => t.employees);
          const below = sum(tallies, (t) => t.belowMid);
          return [n, below, ratio(below, n), n - below, ratio(n - below, n)];
        }),
      }),
    },
    {
      id: "quartiles",
      report: QUARTILES_REPORT,
      number: "3-4",
      title: "Quartile Analysis",
      summary: "employees in each quarter of the range, per grade, with a 100 % stacked bar chart per plan",
      build: (study) => ({
        columns: [
          col("Plan", "text"),
          col("Grade", "text"),
          col("Employees", "count"),
          ...[1, 2, 3, 4].map((q) => col(`Q${q}`, "count")),
          ...[1, 2, 3, 4].map((q) => col(`% Q${q}`, "percent")),
        ],
        rows: employeeRows(study, (tallies) => {
          const n = sum(tallies, (t) => t.employees);
          const q = [0, 1, 2, 3].map((i) => sum(tallies, (t) => t.quartiles[i]));
          return [n, ...q, ...q.map((count) => ratio(count, n))];
        }),
      }),
    },
    {
      id: "job-families",
      report: JOB_FAMILIES_REPORT,
      number: "3-5",
      title: "Job Families",
      summary: "employees and classes (distinct job titles) per job family, with % of the total",
      build: (study) => {
        const { families, placed } = tallyOf(study);
        const sorted = [...families].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const titles = new Set(sorted.flatMap((f) => [...f.titles]));
        return {
          columns: [
            col("Job Family", "text"),
            col("Employees", "count"),
            col("Classes", "count"),
            col("% of Total", "percent"),
          ],
          rows: [
            ...sorted.map((f): ExhibitRow => ({
              values: [f.name, f.employees, f.titles.size, ratio(f.employees, placed)],
              kind: "detail",
            })),
            { values: ["Total", placed, titles.size, placed === 0 ? null : 1], kind: "grand-total" },
          ],
        };
      },
    },
    {
      id: "tenure",
      report: TENURE_REPORT,
      number: "3-6",
      title: "Tenure",
      summary: "average years from hire date to the as-of date, per grade and plan",
      build: (study) => ({
        columns: [col("Plan", "text"), col("Grade", "text"), col("Employees", "count"), col("Average Tenure", "years")],
        rows: employeeRows(
          study,
          (tallies) => {
            const counted = sum(tallies, (t) => t.tenureCount);
            return [
              sum(tallies, (t) => t.employees),
              counted === 0 ? null : sum(tallies, (t) => t.tenureDays) / counted / DAYS_PER_YEAR,
            ];
          },
          "Average",
        ),
      }),
    },
    {
      id: "schedule-audit",
      report: AUDIT_REPORT,
      number: "3-7",
      title: "Schedule Audit",
      summary: "errors and warnings in the pay plans: steps out of order, duplicates, blanks, irregular rises",
      build: (study) => ({
        columns: [
          col("Plan", "text"),
          col("Grade", "text"),
          col("Step", "number"),
          col("Severity", "text"),
          col("Message", "text"),
        ],
        rows: study.plans.findings.map((f) => ({
          values: [f.plan, f.grade, f.step, f.severity === "error" ? "Error" : "Warning", f.message],
          kind: "detail",
        })),
      }),
    },
    {
      id: "unmatched-employees",
      report: UNMATCHED_REPORT,
      detail: true,
      number: "3-8",
      title: "Unmatched Employees",
      summary: "every roster row an analysis could not use, with the reason — never dropped silently",
      build: (study) => ({
        columns: [col("Employee ID", "text"), col("Plan", "text"), col("Grade", "text"), col("Reason", "text")],
        rows: study.unplacedRows().map((u) => ({ values: [u.id, u.plan, u.grade, u.reason], kind: "detail" })),
      }),
    },
    PAY_VS_SCHEDULE,
  ],
});
