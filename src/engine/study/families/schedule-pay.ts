/**
 * Pay against the schedule (issue 16, payroll's fall check), an exhibit of the current
 * conditions (the current schedule and who is paid off it): every active employee on a step
 * grade — a grade of the pay plans with steps, or a lane of a lane schedule — whose salary is
 * not the pay of their cell. With a roster Step, the pay of that step; without one, any step's
 * pay. Each plan's total counts the findings, and the notes reconcile: every employee of a step
 * grade is on their step or listed here.
 */
import type { CellScalar, ExhibitBody, ExhibitRow } from "../../exhibit";
import { moneyEquals, roundCents } from "../../money";
import type { Study } from "../context";
import type { ExhibitDefinition } from "../definition";
import { PAY_VS_SCHEDULE_REPORT } from "../report/current";
import { moneyWords } from "../personnel";
import { positionOfStep, stepLabels } from "../plans";
import type { PayGrade, PayPlan } from "../types";
import { col, gradeMoney, planMoney } from "./helpers";

/** An employee off their step: the step to compare with, its pay (null when the schedule has none), and why. */
type Finding = { readonly step: number | null; readonly pay: number | null; readonly text: string };

const count = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** The grade's steps by number, as the plan's step headers name them. */
type Steps = { readonly labels: readonly number[]; readonly pays: readonly (number | null)[] };

/** With the roster's Step: that step's pay (the top step holds past it), compared with the rate. */
function againstStep(steps: Steps, step: number, rate: number, money: (v: number) => string): Finding | undefined {
  const { labels, pays } = steps;
  const paid = `paid ${money(rate)}`;
  const range = `steps ${labels[0]}–${labels[labels.length - 1]}`;
  if (!Number.isInteger(step))
    return { step, pay: null, text: `${paid} at step ${step}, which is not a whole step (${range})` };
  if (step < labels[0])
    return { step, pay: null, text: `${paid} at step ${step}, which is not on the schedule (${range})` };
  const pay = pays[positionOfStep(labels, step)];
  const top = step > labels[labels.length - 1] ? ` (the top step, ${labels[labels.length - 1]}, holds)` : "";
  if (pay === null)
    return {
      step,
      pay: null,
      text: `${paid} at step ${step}, which has no pay on the schedule (see the schedule audit)`,
    };
  if (moneyEquals(rate, pay)) return undefined;
  return { step, pay, text: `${paid} at step ${step}, whose pay is ${money(pay)}${top}` };
}

/** Without a Step: on a step when any step pays the rate; else below the first, above the top, or between two. */
function againstSchedule(steps: Steps, rate: number, money: (v: number) => string): Finding | undefined {
  const { labels, pays } = steps;
  let below: number | undefined;
  for (let i = 0; i < pays.length; i++) {
    const pay = pays[i];
    if (pay === null) continue;
    if (moneyEquals(rate, pay)) return undefined;
    if (pay < rate) below = i;
  }
  const paid = `paid ${money(rate)}`;
  if (below === undefined) {
    const first = pays.findIndex((pay) => pay !== null);
    const pay = pays[first] as number;
    return {
      step: labels[first],
      pay,
      text: `${paid}, below step ${labels[first]} (the first), whose pay is ${money(pay)}`,
    };
  }
  const next = pays.findIndex((pay, i) => i > below && pay !== null && pay > rate);
  const low = pays[below] as number;
  if (next < 0)
    return {
      step: labels[below],
      pay: low,
      text: `${paid}, above step ${labels[below]} (the top), whose pay is ${money(low)}`,
    };
  return {
    step: labels[below],
    pay: low,
    text: `${paid}, between steps ${labels[below]} and ${labels[next]} (${money(low)} and ${money(pays[next] as number)})`,
  };
}

function findingOf(step: number | null, rate: number, cents: boolean, steps: Steps): Finding | undefined {
  const money = (value: number): string => moneyWords(value, cents);
  return step === null ? againstSchedule(steps, rate, money) : againstStep(steps, step, rate, money);
}

/** One plan's employees on step grades: how many were checked, and the rows of those off their step. */
type PlanCheck = { plan: PayPlan; checked: number; rows: ExhibitRow[] };

function payVsSchedule(study: Study): ExhibitBody {
  const { placement } = study;
  const byPlan = new Map<PayPlan, PlanCheck>(study.plans.plans.map((plan) => [plan, { plan, checked: 0, rows: [] }]));
  const stepsOf = new Map<PayGrade, Steps>();
  let ranges = 0;
  // The active employees as columns (a 1,048,576-row roster is never made into objects here).
  const { placed } = placement;
  const columns = study.roster.columns;
  for (const at of placement.rows.active) {
    const grade = placed.payGrade(at);
    if (grade.kind !== "steps") {
      ranges++;
      continue;
    }
    const plan = placed.payPlan(at);
    let steps = stepsOf.get(grade);
    if (steps === undefined) {
      steps = { labels: stepLabels(plan.stepHeaders, grade.steps.length), pays: grade.steps };
      stepsOf.set(grade, steps);
    }
    const check = byPlan.get(plan) as PlanCheck;
    check.checked++;
    const rate = placed.rate[at];
    const finding = findingOf(columns.number("step", at), rate, grade.cents, steps);
    if (finding === undefined) continue;
    check.rows.push({
      values: [
        columns.text("id", at),
        plan.name,
        grade.grade,
        finding.step,
        rate,
        finding.pay,
        // Two amounts in cents: their difference to the cent, without binary noise (0.44, not 0.4400000000000013).
        finding.pay === null ? null : roundCents(rate - finding.pay),
        finding.text,
      ],
      kind: "detail",
      ...gradeMoney(grade),
    });
  }
  const rows: ExhibitRow[] = [];
  let checked = 0;
  let found = 0;
  const total = (n: number, off: number): CellScalar =>
    `${count(off, "employee")} off their step, ${count(n - off, "employee")} on it`;
  for (const check of byPlan.values()) {
    if (check.checked === 0) continue;
    rows.push(...check.rows);
    rows.push({
      values: [null, check.plan.name, "Total", null, null, null, null, total(check.checked, check.rows.length)],
      kind: "total",
      ...planMoney(check.plan),
    });
    checked += check.checked;
    found += check.rows.length;
  }
  rows.push({ values: [null, "All", "Total", null, null, null, null, total(checked, found)], kind: "grand-total" });
  const separated = placement.rows.employees.length - placement.rows.active.length;
  const notes = [
    `Reconciliation: ${count(checked, "active employee")} on step grades = ${found.toLocaleString("en-US")} listed here + ${(checked - found).toLocaleString("en-US")} on their step; ${count(ranges, "employee")} on pay ranges (no steps to check), ${count(placement.unplaced.length, "roster row")} not placed (listed in Unmatched Employees) and ${count(separated, "separated employee")} are not checked.`,
    placement.salaryBasis === "actual"
      ? "Salary is the full-time rate (the roster shows what each employee is paid: salary ÷ FTE), as the schedule states it."
      : "Salary is the roster's salary (the full-time schedule rate).",
  ];
  return {
    description:
      "Employees whose salary is not the pay of their step, within half a cent: with a roster Step, the pay of that step (past the top step, the top step's); without one, a salary that no step pays (Step and Schedule Pay are the step below it). Difference = Salary − Schedule Pay, to the cent. Lanes of lane schedules are grades here.",
    columns: [
      col("Employee ID", "text"),
      col("Plan", "text"),
      col("Grade", "text"),
      col("Step", "number"),
      col("Salary", "money"),
      col("Schedule Pay", "money"),
      col("Difference", "money"),
      col("Finding", "text"),
    ],
    rows,
    notes,
  };
}

/** Exhibit 3-9, a current-conditions exhibit (registered by families/current.ts, after the unmatched rows). */
export const PAY_VS_SCHEDULE = {
  id: "pay-vs-schedule",
  number: "3-9",
  title: "Pay Against the Schedule",
  summary:
    "each employee on a step grade or lane paid other than their step, with the schedule's pay and the difference",
  build: payVsSchedule,
  report: PAY_VS_SCHEDULE_REPORT,
  detail: true,
} as const satisfies ExhibitDefinition;
