/**
 * What moving to the proposed structure costs (Portland 2013 study, chapter 6 implementation):
 * every active employee moves to their proposed grade — the roster's Proposed Grade, else the
 * Grade Map's, else the same plan and grade — and is paid by one or more methods (same step,
 * minimum, next step, years of service). Nobody loses pay; anyone above the new maximum is red-circled
 * (kept, flagged, cost 0). An employee who cannot be costed is listed in unmatched-employees
 * with the reason, never dropped; the exhibits' notes reconcile every roster row.
 */
import { OFF_SCHEDULE, RANGE, standingOn, standingPosition, stepAfter, stepNumbering } from "../../costing";
import type { ExhibitBody, ExhibitRow } from "../../exhibit";
import {
  annualCost,
  completedYears,
  nextStepPosition,
  raiseToMinimum,
  serviceStepPosition,
  stepPosition,
} from "../../implementation";
import { HALF_CENT, roundCents } from "../../money";
import { listed, type Study } from "../context";
import { family } from "../definition";
import { option } from "../options";
import type { PlacedEmployee } from "../placement";
import { gradeMidpoint, hasUsableRange } from "../plans";
import type { PayGrade, PayPlan, Unplaced } from "../types";
import { FULL_TIME } from "../units";
import { col } from "./helpers";
import { percentText } from "./market";
import { DETAIL_REPORT, IMPLEMENTATION_REPORT, OPTIONS_REPORT } from "../report/market";
import { GRADE_MAP_INPUT, findProposed, gradeTargets, proposedStructure, structureUnavailable } from "./structure";

/** How an employee's new pay is set. */
export type CostMethod = "same-step" | "minimum" | "next-step" | "years";
export const COST_METHODS: readonly CostMethod[] = ["same-step", "minimum", "next-step", "years"];

/** The default order where no proposed grade has steps (same-step is then the midpoint change for all). */
const RANGE_METHODS: readonly CostMethod[] = ["minimum", "next-step", "years", "same-step"];

export const COST_METHOD = option({
  name: "cost-method",
  kind: "choices",
  label: "Cost methods",
  description:
    "how employees are paid on the proposed structure, one or more, comma-separated (default all four, same-step first — minimum first when no proposed grade has steps; the cost and detail exhibits use the first): same-step — keep your step number on the proposed grade, off-step and range employees × the grade's midpoint change; minimum — raise anyone below the new minimum to it; next-step — the first step at or above today's pay (× 1 + min-increase): no one loses; years — the step for completed years of service, or the next step when that pays more",
  choices: COST_METHODS,
  default: [...COST_METHODS],
  placeholder: "same-step,minimum,next-step,years",
});

export const MIN_INCREASE = option({
  name: "min-increase",
  kind: "percent",
  label: "Smallest increase",
  description:
    "next-step method: the new step pays at least current pay × (1 + this), where the grade allows (default 0)",
  default: 0,
  min: 0,
  max: 1,
  placeholder: "percent",
});

export const LOAD = option({
  name: "load",
  kind: "percent",
  label: "Payroll load",
  description:
    "payroll taxes and benefits that follow pay, as a rate of pay — e.g. 7.65% for Social Security and Medicare: added to the implementation cost in its own column, and the settlement costing's load for employees without a Benefit Groups row (default 0)",
  default: 0,
  min: 0,
  max: 1,
  placeholder: "percent",
});

/** The annual basis an employee's increase is multiplied by (issue 9 cost bases). */
export type Basis = "annual" | "hourly-hours" | "hourly-fte" | "daily-days" | "daily-plan" | "monthly";

const BASIS_WORDS: Readonly<Record<Basis, string>> = {
  annual: "annual salaries × FTE",
  "hourly-hours": "hourly rates × the roster's Annual Hours",
  "hourly-fte": `hourly rates × ${FULL_TIME.hoursPerYear.toLocaleString("en-US")} hours × FTE`,
  "daily-days": "daily rates × the roster's Contract Days",
  "daily-plan": "daily rates × the days the plan's name states × FTE",
  monthly: `monthly rates × ${FULL_TIME.monthsPerYear} × FTE`,
};

/** A count as people read it (1,176). */
const count = (n: number): string => n.toLocaleString("en-US");

/** One employee moving to a proposed grade. */
type Move = {
  employee: PlacedEmployee;
  /** The employee's full-time rate (current pay in the grade's unit). */
  rate: number;
  grade: PayGrade & { min: number; max: number };
  plan: PayPlan;
  /** The grade's steps (numbers only), or null for a range grade. */
  steps: readonly number[] | null;
  basis: Basis;
  /** Units of pay in a year (FTE, hours, days, months). */
  units: number;
  /** Completed years of service at the as-of date; null without a hire date. */
  years: number | null;
  /** Where the employee stands on the current grade: a 0-based step position, OFF_SCHEDULE or RANGE. */
  standing: number;
};

/** Why an employee's new pay is what it is (the detail exhibit's Note). */
const NOTE = {
  redCircled: 0,
  raised: 1,
  atOrAbove: 2,
  rangeNext: 3,
  topStep: 4,
  nextStep: 5,
  rangeYears: 6,
  noHireDate: 7,
  yearsLess: 8,
  years: 9,
  sameStep: 10,
  sameStepTop: 11,
  midpoint: 12,
  aboveMaximum: 13,
} as const;
type Note = (typeof NOTE)[keyof typeof NOTE];

function noteText(note: Note, move: Move): string {
  const years = `${move.years} ${move.years === 1 ? "year" : "years"}`;
  switch (note) {
    case NOTE.redCircled:
      return "red-circled: above the new maximum, pay kept";
    case NOTE.raised:
      return "raised to the new minimum";
    case NOTE.atOrAbove:
      return "at or above the new minimum";
    case NOTE.rangeNext:
      return "range grade: current pay × (1 + minimum increase), within the range";
    case NOTE.topStep:
      return "top step (less than the minimum increase above current pay)";
    case NOTE.nextStep:
      return "next step: the first step at or above today's pay";
    case NOTE.rangeYears:
      return "range grade (no steps): next-step rule";
    case NOTE.noHireDate:
      return "no hire date: the first step at or above today's pay";
    case NOTE.yearsLess:
      return `the step for ${years} pays less: the first step at or above today's pay`;
    case NOTE.years:
      return `step for ${years}${(move.years as number) + 1 > (move.steps?.length ?? 0) ? " (top step)" : ""}`;
    case NOTE.aboveMaximum:
      return "red-circled: above the new maximum after the midpoint change";
    case NOTE.sameStep:
      return "same step";
    case NOTE.sameStepTop:
      return "past the proposed grade's last step: its last step";
    case NOTE.midpoint:
      return move.standing === RANGE
        ? "range grade: current pay × the midpoint change"
        : move.standing === OFF_SCHEDULE
          ? "off step: current pay × the midpoint change"
          : "range proposed grade: current pay × the midpoint change";
  }
}

/**
 * Every employee's pay by one method, as columns (index = the move's): 100,000 employees × three
 * methods make no object per outcome.
 */
export type Outcomes = {
  newPay: Float64Array;
  increase: Float64Array;
  cost: Float64Array;
  /** 1-based step of the new grade the new pay sits on; 0 for none (a range grade, a red-circled employee). */
  step: Int32Array;
  note: Uint8Array;
};

type Costing = {
  methods: CostMethod[];
  moves: Move[];
  outcomes: Map<CostMethod, Outcomes>;
  problems: Unplaced[];
  bases: Map<Basis, number>;
  notes: string[];
  load: number;
};

/** A method's choice for one employee before the common rules (nobody loses pay, the cost). */
type Choice = { pay: number; step: number; note: Note };

/**
 * Same step (issue 17): an employee on step S of the current grade is paid step S of the proposed
 * grade (its last step when it is shorter); off-step and range employees — and anyone moving to
 * a range grade — current pay × (proposed midpoint ÷ current midpoint), rounded to the cent.
 */
function bySameStep(move: Move, out: Choice): void {
  const cells = move.grade.steps;
  if (move.standing >= 0 && move.grade.kind === "steps") {
    let at = Math.min(move.standing, cells.length - 1);
    if (cells[at] === null) at = stepAfter(cells, at);
    out.pay = cells[at] as number;
    out.step = at + 1;
    out.note = move.standing >= cells.length ? NOTE.sameStepTop : NOTE.sameStep;
    return;
  }
  out.pay = roundCents((move.rate * (gradeMidpoint(move.grade) as number)) / move.employee.midpoint);
  out.step = move.grade.kind === "steps" ? standingPosition(cells, out.pay) + 1 : 0;
  out.note = NOTE.midpoint;
}

function byMinimum(move: Move, out: Choice): void {
  out.pay = raiseToMinimum(move.rate, move.grade.min);
  out.step = move.steps ? stepPosition(move.steps, out.pay) : 0;
  out.note = out.pay > move.rate ? NOTE.raised : NOTE.atOrAbove;
}

function byNextStep(move: Move, minIncrease: number, out: Choice): void {
  const rate = move.rate;
  if (!move.steps) {
    out.pay = Math.min(Math.max(rate * (1 + minIncrease), move.grade.min), move.grade.max);
    out.step = 0;
    out.note = NOTE.rangeNext;
    return;
  }
  const position = nextStepPosition(move.steps, rate, minIncrease);
  out.step = position === 0 ? move.steps.length : position;
  out.pay = move.steps[out.step - 1];
  out.note = position === 0 ? NOTE.topStep : NOTE.nextStep;
}

function byYears(move: Move, minIncrease: number, out: Choice): void {
  byNextStep(move, minIncrease, out);
  if (!move.steps) out.note = NOTE.rangeYears;
  else if (move.years === null) out.note = NOTE.noHireDate;
  else {
    const position = serviceStepPosition(move.steps.length, move.years);
    const pay = move.steps[position - 1];
    const next = out.pay < move.rate ? move.rate : out.pay;
    if (pay < next - HALF_CENT) out.note = NOTE.yearsLess;
    else {
      out.pay = pay;
      out.step = position;
      out.note = NOTE.years;
    }
  }
}

/** Every employee's new pay by a method (issue 9 implementation cost): red-circled, or the method's choice, never less than current pay. */
function outcomesOf(method: CostMethod, moves: readonly Move[], minIncrease: number): Outcomes {
  const n = moves.length;
  const outcomes: Outcomes = {
    newPay: new Float64Array(n),
    increase: new Float64Array(n),
    cost: new Float64Array(n),
    step: new Int32Array(n),
    note: new Uint8Array(n),
  };
  const choice: Choice = { pay: 0, step: 0, note: NOTE.nextStep };
  for (let i = 0; i < n; i++) {
    const move = moves[i];
    const rate = move.rate;
    // Same step keeps everyone's place, above the new maximum too: they move with the midpoint.
    if (method !== "same-step" && rate > move.grade.max + HALF_CENT) {
      outcomes.newPay[i] = rate;
      outcomes.note[i] = NOTE.redCircled;
      continue; // increase, cost and step stay 0
    }
    if (method === "same-step") bySameStep(move, choice);
    else if (method === "minimum") byMinimum(move, choice);
    else if (method === "next-step") byNextStep(move, minIncrease, choice);
    else byYears(move, minIncrease, choice);
    // Nobody loses pay: a step within half a cent below current pay keeps current pay.
    const pay = choice.pay < rate ? rate : choice.pay;
    outcomes.newPay[i] = pay;
    outcomes.increase[i] = pay - rate;
    outcomes.cost[i] = annualCost(pay - rate, move.units);
    outcomes.step[i] = choice.step;
    outcomes.note[i] =
      method !== "same-step" || pay <= move.grade.max + HALF_CENT
        ? choice.note
        : choice.note === NOTE.midpoint
          ? NOTE.aboveMaximum
          : NOTE.redCircled;
  }
  return outcomes;
}

/**
 * The units of pay in an employee's year on a grade (issue 9 cost bases; the costing's salary
 * basis): FTE for annual salaries, the roster's Annual Hours or 2,080 × FTE for hourly rates,
 * Contract Days or the plan's days × FTE for daily rates, 12 × FTE for monthly ones; or why not.
 */
export function basisOf(
  employee: Pick<PlacedEmployee, "fte" | "annualHours" | "contractDays" | "payPlan">,
  grade: PayGrade,
  plan: PayPlan,
): { basis: Basis; units: number } | string {
  switch (grade.unit) {
    case "annual":
      return { basis: "annual", units: employee.fte };
    case "monthly":
      return { basis: "monthly", units: FULL_TIME.monthsPerYear * employee.fte };
    case "hourly":
      return employee.annualHours !== null
        ? { basis: "hourly-hours", units: employee.annualHours }
        : { basis: "hourly-fte", units: FULL_TIME.hoursPerYear * employee.fte };
    case "daily": {
      if (employee.contractDays !== null) return { basis: "daily-days", units: employee.contractDays };
      const days = plan.days ?? employee.payPlan.days;
      if (days !== undefined) return { basis: "daily-plan", units: days * employee.fte };
      return `grade '${grade.grade}' of plan '${plan.name}' is paid by the day and neither the roster's Contract Days nor the plan's name gives the days: add a Contract Days column`;
    }
  }
}

/** Every active employee's move and pay by each chosen method (memoised: the three exhibits share it). */
export function implementationCost(study: Study): Costing {
  return study.memo("implementation/cost", () => {
    const structure = proposedStructure(study);
    const { targets } = gradeTargets(study);
    const numbering = stepNumbering<PayPlan, PayGrade>();
    const minIncrease = study.options.value(MIN_INCREASE);
    const load = study.options.value(LOAD);
    const placement = study.placement;
    const problems: Unplaced[] = [];
    const ordinal = new Map(structure.plans.plans.flatMap((plan) => plan.grades).map((grade, i) => [grade, i]));
    const buckets: Move[][] = [];
    const bases = new Map<Basis, number>();
    const stepsOf = new Map<PayGrade, readonly number[] | null>();
    // Every assignment is costed: a person on two rows (split assignments) costs both.
    for (const employee of placement.activeAssignments) {
      const refuse = (reason: string): void => {
        problems.push(listed(employee, `implementation cost: ${reason}`));
      };
      let grade: PayGrade;
      if (employee.proposedGrade !== "") {
        const found = findProposed(structure, employee.proposedPlan, employee.proposedGrade, employee.payPlan.name);
        if (typeof found === "string") {
          refuse(`roster Proposed Grade: ${found.replace(/the pay plans/, "the proposed plans")}`);
          continue;
        }
        grade = found;
      } else {
        const target = targets.get(employee.payGrade);
        if (target === undefined || !("grade" in target)) {
          refuse(target?.reason ?? "no proposed grade");
          continue;
        }
        grade = target.grade;
      }
      const plan = structure.index.planOf(grade);
      if (!hasUsableRange(grade)) {
        refuse(`proposed grade '${grade.grade}' of plan '${plan.name}' has no usable pay range`);
        continue;
      }
      if (grade.unit !== employee.unit) {
        refuse(
          `proposed grade '${grade.grade}' of plan '${plan.name}' is ${grade.unit} but the current grade is ${employee.unit}: give a proposed grade of the same unit`,
        );
        continue;
      }
      const basis = basisOf(employee, grade, plan);
      if (typeof basis === "string") {
        refuse(basis);
        continue;
      }
      let steps = stepsOf.get(grade);
      if (steps === undefined) {
        steps = grade.kind === "steps" ? grade.steps.filter((step): step is number => step !== null) : null;
        stepsOf.set(grade, steps);
      }
      bases.set(basis.basis, (bases.get(basis.basis) ?? 0) + 1);
      (buckets[ordinal.get(grade) as number] ??= []).push({
        employee,
        rate: employee.rate,
        grade,
        plan,
        steps,
        basis: basis.basis,
        units: basis.units,
        years: employee.hireDay === null ? null : completedYears(employee.hireDay, study.asOfDay),
        standing: standingOn(
          employee.payGrade,
          employee.rate,
          employee.step,
          numbering(employee.payPlan, employee.payGrade),
        ),
      });
    }
    // Proposed plans and grades in their table's order; employees in roster order within a grade.
    const moves = buckets.flat();
    const methods = study.options.given(COST_METHOD)
      ? (study.options.value(COST_METHOD) as CostMethod[])
      : [...(moves.some((move) => move.grade.kind === "steps") ? COST_METHODS : RANGE_METHODS)];
    const outcomes = new Map<CostMethod, Outcomes>(
      methods.map((method) => [method, outcomesOf(method, moves, minIncrease)]),
    );
    const separated = placement.placedRows - placement.activeAssignments.length;
    const split = placement.activeAssignments !== placement.active;
    const notes = [
      `Reconciliation: ${count(moves.length)} ${split ? "assignments" : "employees"} costed + ${count(problems.length)} listed in Unmatched Employees by the implementation cost + ${count(placement.unplaced.length)} not placed (also listed there) + ${count(separated)} separated (not costed) = ${count(placement.rowCount)} roster rows read.`,
    ];
    if (placement.salaryBasis === "actual")
      notes.push("Current Pay is each employee's full-time rate (salary ÷ FTE); the cost applies their FTE.");
    return { methods, moves, outcomes, problems, bases, notes, load };
  });
}

/** The salary bases used, in words with their head counts. */
export function basesText(bases: ReadonlyMap<Basis, number>): string {
  const used = [...bases.entries()].map(
    ([basis, employees]) => `${BASIS_WORDS[basis]} (${count(employees)} ${employees === 1 ? "employee" : "employees"})`,
  );
  return used.length === 0 ? "no employee costed" : used.join("; ");
}

/** Each method as a reader names it (the Method column, the notes). */
export const METHOD_LABELS: Readonly<Record<CostMethod, string>> = {
  "same-step": "Same step on the new grade",
  minimum: "Raise to the new minimum",
  "next-step": "Next step up (no one loses)",
  years: "Step for years of service",
};

const METHOD_WORDS: Readonly<Record<CostMethod, string>> = {
  "same-step":
    "each employee keeps their step number on the proposed grade (a shorter grade's last step past it); off-step and range employees, and anyone moving to a range grade, get current pay × the grade's midpoint change (proposed midpoint ÷ current midpoint), rounded to the cent",
  minimum: "anyone below the new minimum is raised to it",
  "next-step": "the first step of the new grade at or above today's pay: no one loses",
  years:
    "the step for completed years of service (0 years = the first step, the top step holds), or the next step when that pays more",
};

function methodText(method: CostMethod, minIncrease: number): string {
  const extra =
    (method === "next-step" || method === "years") && minIncrease > 0
      ? ` (next step at least ${percentText(minIncrease)} above current pay)`
      : "";
  return `${METHOD_LABELS[method]} — ${METHOD_WORDS[method]}${extra}`;
}

function descriptionOf(study: Study, costing: Costing, method: CostMethod): string {
  const redCircle =
    method === "same-step"
      ? "everyone keeps their place, so anyone above the new maximum moves with the midpoint and is counted red-circled"
      : "anyone above the new maximum is red-circled (kept, cost 0)";
  return `Method: ${methodText(method, study.options.value(MIN_INCREASE))}. Nobody loses pay; ${redCircle}. Annual cost = the increase × the annual basis: ${basesText(costing.bases)}.`;
}

type Totals = {
  employees: number;
  adjusted: number;
  redCircled: number;
  cost: number;
  increases: number;
  increaseSum: number;
};

function totalsOf(moves: readonly Move[], outcomes: Outcomes, from = 0, to = moves.length): Totals {
  const totals: Totals = { employees: 0, adjusted: 0, redCircled: 0, cost: 0, increases: 0, increaseSum: 0 };
  for (let i = from; i < to; i++) {
    const increase = outcomes.increase[i];
    totals.employees++;
    if (outcomes.note[i] === NOTE.redCircled || outcomes.note[i] === NOTE.aboveMaximum) totals.redCircled++;
    if (increase > HALF_CENT) {
      totals.adjusted++;
      totals.increases++;
      totals.increaseSum += increase / moves[i].rate;
    }
    totals.cost += outcomes.cost[i];
  }
  return totals;
}

const averageIncrease = (totals: Totals): number | null =>
  totals.increases === 0 ? null : totals.increaseSum / totals.increases;

function add(a: Totals, b: Totals): Totals {
  return {
    employees: a.employees + b.employees,
    adjusted: a.adjusted + b.adjusted,
    redCircled: a.redCircled + b.redCircled,
    cost: a.cost + b.cost,
    increases: a.increases + b.increases,
    increaseSum: a.increaseSum + b.increaseSum,
  };
}

const EMPTY: Totals = { employees: 0, adjusted: 0, redCircled: 0, cost: 0, increases: 0, increaseSum: 0 };

function implementationCostExhibit(study: Study): ExhibitBody {
  const costing = implementationCost(study);
  const method = costing.methods[0];
  const outcomes = costing.outcomes.get(method) as Outcomes;
  const { moves } = costing;
  const rows: ExhibitRow[] = [];
  const values = (plan: string, grade: string, t: Totals): (string | number | null)[] => [
    plan,
    grade,
    t.employees,
    t.adjusted,
    t.redCircled,
    t.cost,
    averageIncrease(t),
  ];
  let all = EMPTY;
  let i = 0;
  while (i < moves.length) {
    const plan = moves[i].plan;
    let planTotals = EMPTY;
    while (i < moves.length && moves[i].plan === plan) {
      const grade = moves[i].grade;
      let j = i;
      while (j < moves.length && moves[j].grade === grade) j++;
      const t = totalsOf(moves, outcomes, i, j);
      rows.push({ values: values(plan.name, grade.grade, t), kind: "detail" });
      planTotals = add(planTotals, t);
      i = j;
    }
    rows.push({ values: values(plan.name, "Total", planTotals), kind: "total" });
    all = add(all, planTotals);
  }
  rows.push({ values: values("All", "Total", all), kind: "grand-total" });
  const notes = [...costing.notes];
  if (costing.load > 0)
    notes.push(
      `With the ${percentText(costing.load)} payroll load: $${count(Math.round(all.cost * (1 + costing.load)))} a year (see Implementation Options).`,
    );
  if (costing.methods.length > 1)
    notes.push(
      `Other methods side by side in Implementation Options: ${costing.methods
        .slice(1)
        .map((other) => METHOD_LABELS[other])
        .join(" and ")}.`,
    );
  return {
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Employees", "count"),
      col("Adjusted", "count"),
      col("Red-Circled", "count"),
      col("Annual Cost", "money", "whole"),
      col("Average Increase", "percent"),
    ],
    rows,
    description: `${descriptionOf(study, costing, method)} Rows are the proposed plans and grades; Average Increase is the mean increase of the adjusted employees.`,
    notes,
  };
}

function implementationDetail(study: Study): ExhibitBody {
  const costing = implementationCost(study);
  const method = costing.methods[0];
  const outcomes = costing.outcomes.get(method) as Outcomes;
  const rows: ExhibitRow[] = costing.moves.map((move, i) => {
    const employee = move.employee;
    return {
      values: [
        employee.id,
        employee.payPlan.name,
        employee.payGrade.grade,
        move.plan.name,
        move.grade.grade,
        move.rate,
        outcomes.newPay[i],
        outcomes.step[i] === 0 ? null : outcomes.step[i],
        outcomes.increase[i],
        outcomes.increase[i] / move.rate,
        outcomes.cost[i],
        noteText(outcomes.note[i] as Note, move),
      ],
      kind: "detail",
      unit: move.grade.unit,
      cents: move.grade.cents || employee.payGrade.cents,
    };
  });
  return {
    columns: [
      col("Employee ID", "text"),
      col("Plan", "text"),
      col("Grade", "text"),
      col("Proposed Plan", "text"),
      col("Proposed Grade", "text"),
      col("Current Pay", "money"),
      col("New Pay", "money"),
      col("Step", "number"),
      col("Increase", "money"),
      col("Increase %", "percent"),
      col("Annual Cost", "money", "whole"),
      col("Note", "text"),
    ],
    rows,
    description: `${descriptionOf(study, costing, method)} Pay is the rate in the grade's unit; Step is the step of the new grade the new pay sits on.`,
    notes: costing.notes,
  };
}

function implementationOptions(study: Study): ExhibitBody {
  const costing = implementationCost(study);
  const minIncrease = study.options.value(MIN_INCREASE);
  const rows: ExhibitRow[] = costing.methods.map((method) => {
    const t = totalsOf(costing.moves, costing.outcomes.get(method) as Outcomes);
    return {
      values: [
        METHOD_LABELS[method],
        t.adjusted,
        t.redCircled,
        t.cost,
        t.cost * (1 + costing.load),
        averageIncrease(t),
      ],
      kind: "detail",
    };
  });
  return {
    columns: [
      col("Method", "text"),
      col("Adjusted", "count"),
      col("Red-Circled", "count"),
      col("Annual Cost", "money", "whole"),
      col("Annual Cost with Load", "money", "whole"),
      col("Average Increase", "percent"),
    ],
    rows,
    description: `The same ${count(costing.moves.length)} employees under each method. Annual cost = the increase × the annual basis: ${basesText(costing.bases)}. ${costing.load > 0 ? `With load = annual cost × (1 + ${percentText(costing.load)}) for payroll taxes and benefits.` : "No payroll load was given, so the two costs are equal."}`,
    notes: [...costing.methods.map((method) => `${methodText(method, minIncrease)}.`), ...costing.notes],
  };
}

export const IMPLEMENTATION_COST = family({
  id: "implementation-cost",
  title: "Implementation cost",
  description:
    "What moving every employee to the proposed structure costs a year, by the same-step, minimum, next-step and years-of-service methods: who is raised, who is red-circled above the new maximum, per grade and per employee.",
  inputs: [GRADE_MAP_INPUT],
  options: [COST_METHOD, MIN_INCREASE, LOAD],
  exhibits: [
    {
      id: "implementation-cost",
      number: "6-2",
      title: "Implementation Cost",
      summary:
        "per proposed grade: employees, how many are raised and red-circled, the annual cost and the average increase (the first cost method)",
      unavailable: structureUnavailable,
      build: implementationCostExhibit,
      report: IMPLEMENTATION_REPORT,
    },
    {
      id: "implementation-detail",
      number: "6-3",
      title: "Implementation Detail",
      summary:
        "per employee: current and new pay, the new step, the increase and its annual cost (the first cost method)",
      unavailable: structureUnavailable,
      build: implementationDetail,
      report: DETAIL_REPORT,
      detail: true,
    },
    {
      id: "implementation-options",
      number: "6-4",
      title: "Implementation Options",
      summary: "the cost methods side by side: employees raised and red-circled, annual cost with and without the load",
      unavailable: structureUnavailable,
      build: implementationOptions,
      report: OPTIONS_REPORT,
    },
  ],
  problems: (study) => implementationCost(study).problems,
});
