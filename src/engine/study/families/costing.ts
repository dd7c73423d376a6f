/**
 * Costing a settlement (issue 17): what next year's step movement costs, what a schedule change
 * costs, and what a multi-year settlement costs with turnover and the employer's loads — the
 * scattergram, the step cost, the settlement cost year by year, and each employee's path. The
 * method of the state school boards' "costing out the contract" guides; the Portland study's
 * chapter 6 and the HISD structure adjustment are the same operation on a structure.
 */
import { OFF_SCHEDULE, stepAfter } from "../../costing";
import type { CellScalar, ExhibitBody, ExhibitColumn, ExhibitRow } from "../../exhibit";
import type { Study } from "../context";
import { family } from "../definition";
import type { PayPlan } from "../types";
import { LOAD, basesText } from "./cost";
import {
  BENEFIT_GROUPS_INPUT,
  COSTING_OPTIONS,
  PER_FTE,
  SETTLEMENT_INPUT,
  costingNotAsked,
  settlementUnavailable,
  type YearTerms,
} from "./costing-inputs";
import {
  costingBase,
  count,
  settlementModel,
  settlementPaths,
  type CostingBase,
  type GradeSpan,
  type SettlementModel,
  type Sums,
} from "./costing-model";
import { col, gradeMoney, planMoney, ratio } from "./helpers";
import { percentText } from "./market";
import { SETTLEMENT_COST_REPORT } from "../report/costing";

/** How an employee's place on the schedule is decided, in words (every costing exhibit says it). */
const STANDING_WORDS =
  "An employee of a step grade is on a step when that step pays their salary (within half a cent) — the roster's Step when that step pays it, else the lowest such step —, off schedule when no step does.";

const employeesText = (n: number): string => `${count(n)} ${n === 1 ? "employee" : "employees"}`;

/** Why the step exhibits cannot be built: no grade of the pay plans has steps. */
function noSteps(study: Study): string | undefined {
  return study.plans.plans.some((plan) => plan.grades.some((grade) => grade.kind === "steps"))
    ? undefined
    : "no step grade in the pay plans (range grades have no steps)";
}

/** The spans of step grades with employees, in order, and a note on the range grades left out. */
function stepSpans(study: Study): { spans: GradeSpan[]; notes: string[] } {
  return study.memo("costing/step-spans", () => {
    const base = costingBase(study);
    const spans = base.spans.filter((span) => span.grade.kind === "steps");
    const ranges = base.spans.filter((span) => span.grade.kind === "range");
    const rangePeople = ranges.reduce((n, span) => n + span.to - span.from, 0);
    const notes = [...base.notes];
    if (rangePeople > 0)
      notes.unshift(
        `Range grades (a minimum and maximum, no steps) are left out: ${count(ranges.length)} ${ranges.length === 1 ? "grade" : "grades"}, ${employeesText(rangePeople)} (they are costed in settlement-cost).`,
      );
    return { spans, notes };
  });
}

/** The plans of some spans, in order, each with its spans. */
function byPlan(spans: readonly GradeSpan[]): { plan: PayPlan; spans: GradeSpan[] }[] {
  const plans: { plan: PayPlan; spans: GradeSpan[] }[] = [];
  for (const span of spans) {
    const last = plans[plans.length - 1];
    if (last?.plan === span.plan) last.spans.push(span);
    else plans.push({ plan: span.plan, spans: [span] });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Scattergram

/** FTE and cost per step position, off schedule and in all, of some grades' employees. */
type Cells = { fte: number[]; cost: number[]; offFte: number; offCost: number; totalFte: number; totalCost: number };

function cellsOf(base: CostingBase, spans: readonly GradeSpan[], steps: number): Cells {
  const cells: Cells = {
    fte: Array<number>(steps).fill(0),
    cost: Array<number>(steps).fill(0),
    offFte: 0,
    offCost: 0,
    totalFte: 0,
    totalCost: 0,
  };
  const { rate, fte, units, standing } = base;
  for (const { from, to } of spans)
    for (let i = from; i < to; i++) {
      const cost = rate[i] * units[i];
      const at = standing[i];
      if (at === OFF_SCHEDULE) {
        cells.offFte += fte[i];
        cells.offCost += cost;
      } else {
        cells.fte[at] += fte[i];
        cells.cost[at] += cost;
      }
      cells.totalFte += fte[i];
      cells.totalCost += cost;
    }
  return cells;
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((header, i) => header === b[i]);
}

function scattergram(study: Study): ExhibitBody {
  const base = costingBase(study);
  const { spans, notes } = stepSpans(study);
  const plans = byPlan(spans);
  const widest = plans.reduce<PayPlan | undefined>(
    (best, { plan }) => (best === undefined || plan.stepHeaders.length > best.stepHeaders.length ? plan : best),
    undefined,
  );
  const headers = widest?.stepHeaders ?? [];
  const width = headers.length;
  const alike = plans.every(({ plan }) => sameHeaders(plan.stepHeaders, headers));
  const rows: ExhibitRow[] = [];
  const pair = (
    label: [string, string],
    cells: Cells,
    shown: number,
    kind: ExhibitRow["kind"],
    money: Pick<ExhibitRow, "unit" | "cents">,
  ): void => {
    const stepValues = (values: number[]): CellScalar[] =>
      Array.from({ length: width }, (_, p) => (p < shown ? values[p] : null));
    rows.push({ values: [...label, "FTE", ...stepValues(cells.fte), cells.offFte, cells.totalFte], kind });
    rows.push({
      values: [...label, "Cost", ...stepValues(cells.cost), cells.offCost, cells.totalCost],
      kind,
      ...money,
    });
  };
  for (const { plan, spans: mine } of plans) {
    for (const span of mine)
      pair(
        [plan.name, span.grade.grade],
        cellsOf(base, [span], width),
        span.grade.steps.length,
        "detail",
        gradeMoney(span.grade),
      );
    pair([plan.name, "Total"], cellsOf(base, mine, width), plan.stepHeaders.length, "total", planMoney(plan));
  }
  pair(["All", "Total"], cellsOf(base, spans, width), alike ? width : 0, "grand-total", {});
  const columns: ExhibitColumn[] = [
    col("Plan", "text"),
    col("Grade", "text"),
    col("Measure", "text"),
    ...headers.map((header) => col(header, "number")),
    col("Off Schedule", "number"),
    col("Total", "number"),
  ];
  const allNote = alike
    ? []
    : ["The plans' steps differ, so the All rows give only the Off Schedule and Total columns."];
  return {
    columns,
    rows,
    description: `FTE and annual cost per grade and step: each grade has an FTE row and a Cost row (salary × the annual basis: ${basesText(base.bases)}). ${STANDING_WORDS} Grades without employees are left out.`,
    notes: [...allNote, ...notes],
  };
}

// ---------------------------------------------------------------------------------------------
// Step cost

type StepTotals = { employees: number; fte: number; topFte: number; base: number; step: number };

function stepTotals(base: CostingBase, spans: readonly GradeSpan[]): StepTotals {
  const totals: StepTotals = { employees: 0, fte: 0, topFte: 0, base: 0, step: 0 };
  const { rate, fte, units, standing } = base;
  for (const { grade, from, to } of spans) {
    const steps = grade.steps;
    const after = steps.map((_, p) => stepAfter(steps, p));
    totals.employees += to - from;
    for (let i = from; i < to; i++) {
      totals.fte += fte[i];
      totals.base += rate[i] * units[i];
      const at = standing[i];
      if (at < 0) continue;
      if (after[at] === at) totals.topFte += fte[i];
      else totals.step += ((steps[after[at]] as number) - (steps[at] as number)) * units[i];
    }
  }
  return totals;
}

function stepCost(study: Study): ExhibitBody {
  const base = costingBase(study);
  const { spans, notes } = stepSpans(study);
  const rows: ExhibitRow[] = [];
  const values = (plan: string, grade: string, t: StepTotals): CellScalar[] => [
    plan,
    grade,
    t.employees,
    t.fte,
    t.topFte,
    t.base,
    t.step,
    ratio(t.step, t.base),
  ];
  for (const { plan, spans: mine } of byPlan(spans)) {
    for (const span of mine)
      rows.push({ values: values(plan.name, span.grade.grade, stepTotals(base, [span])), kind: "detail" });
    rows.push({ values: values(plan.name, "Total", stepTotals(base, mine)), kind: "total" });
  }
  rows.push({ values: values("All", "Total", stepTotals(base, spans)), kind: "grand-total" });
  return {
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Employees", "count"),
      col("FTE", "number"),
      col("At Top Step FTE", "number"),
      col("Base Cost", "money", "whole"),
      col("Step Cost", "money", "whole"),
      col("Step Cost %", "percent"),
    ],
    rows,
    description: `What one year of step movement costs on today's schedule: every employee on a step below the top moves one step up. Base Cost = today's annual cost of every employee of the grade, off schedule included; Step Cost = Σ (pay at the next step − pay at their step) × the annual basis (${basesText(base.bases)}). ${STANDING_WORDS}`,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Settlement cost

const yesNo = (steps: boolean): string => (steps ? "Yes" : "No");

/** The terms every plan shares in year y (for the All block), field by field; null where the plans differ. */
function sharedTerms(lists: readonly (readonly YearTerms[])[], y: number): [CellScalar, CellScalar, CellScalar] {
  const first = lists[0]?.[y];
  if (first === undefined) return [null, null, null];
  const same = <K extends keyof YearTerms>(key: K): boolean => lists.every((list) => list[y][key] === first[key]);
  return [
    same("increase") ? first.increase : null,
    same("flat") ? first.flat : null,
    same("steps") ? yesNo(first.steps) : null,
  ];
}

function settlementBlock(
  label: string,
  sums: Sums,
  model: SettlementModel,
  terms: (y: number) => [CellScalar, CellScalar, CellScalar],
  last: ExhibitRow["kind"],
): ExhibitRow[] {
  const rows: ExhibitRow[] = [];
  const total = (y: number): number => sums.net[y] + sums.supplemental[y] + sums.load[y];
  let settlement = 0;
  for (let y = 0; y <= model.years; y++) {
    const salary = sums.salary[y];
    const step = y === 0 ? 0 : sums.step[y];
    const schedule = y === 0 ? 0 : salary - sums.salary[y - 1] - step;
    const net = sums.net[y];
    const change = total(y) - total(0);
    if (y > 0) settlement += change;
    const [increase, flat, steps] = y === 0 ? [null, null, null] : terms(y - 1);
    rows.push({
      values: [
        label,
        y,
        increase,
        flat,
        steps,
        salary,
        sums.supplemental[y],
        step,
        schedule,
        salary - net,
        net,
        sums.load[y],
        total(y),
        change,
        ratio(change, total(0)),
        y === 0 ? null : ratio(total(y) - total(y - 1), total(y - 1)),
        0.01 * sums.loaded[y],
      ],
      kind: "detail",
      cents: typeof flat === "number" && !Number.isInteger(flat),
    });
  }
  rows.push({
    values: [
      label,
      "Settlement",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      settlement,
      null,
      null,
      null,
    ],
    kind: last,
  });
  return rows;
}

function settlementCost(study: Study): ExhibitBody {
  const model = settlementModel(study);
  const rows: ExhibitRow[] = [];
  if (model.byPlan)
    for (const { plan, sums } of model.plans) {
      const list = model.terms.get(plan) as readonly YearTerms[];
      rows.push(
        ...settlementBlock(
          plan.name,
          sums,
          model,
          (y) => [list[y].increase, list[y].flat, yesNo(list[y].steps)],
          "total",
        ),
      );
    }
  const lists = model.plans.map(({ plan }) => model.terms.get(plan) as readonly YearTerms[]);
  rows.push(...settlementBlock("All", model.all, model, (y) => sharedTerms(lists, y), "grand-total"));
  return {
    columns: [
      col("Plan", "text"),
      col("Year", "number"),
      col("Increase", "percent"),
      col("Flat Amount", "money"),
      col("Step Movement", "text"),
      col("Salary Cost", "money", "whole"),
      col("Supplemental Cost", "money", "whole"),
      col("Step Cost", "money", "whole"),
      col("Schedule Cost", "money", "whole"),
      col("Turnover Saving", "money", "whole"),
      col("Net Salary Cost", "money", "whole"),
      col("Load Cost", "money", "whole"),
      col("Total Cost", "money", "whole"),
      col("Change from Base", "money", "whole"),
      col("Change from Base %", "percent"),
      col("Change from Prior Year %", "percent"),
      col("Value of 1%", "money", "whole"),
    ],
    rows,
    description: `The settlement: ${model.scenario.origin}. Year 0 is today's cost. Salary Cost = Σ salary × the annual basis (${basesText(costingBase(study).bases)}), without turnover; Step Cost = Σ (pay on last year's schedule at this year's step − at last year's step) × the annual basis; Schedule Cost = the rest of the change from last year (the schedule change, and the off-schedule and range increases); Net Salary Cost = Salary Cost − Turnover Saving; Supplemental Cost = the year's stipends and longevity (${model.supplemental ? "see the notes" : "0: no Stipends or Longevity table"}); Load Cost = Σ (net cost + supplemental pay) × the employee's load rate + FTE × the per-FTE amount; Total Cost = Net Salary Cost + Supplemental Cost + Load Cost; the changes compare Total Cost; Value of 1% = 1 % of Σ (net cost + the supplemental pay that moves with the schedule) × (1 + load rate). The Settlement row's Change from Base is the new money of the whole settlement: the sum of every year's change from the base.`,
    notes: settlementNotes(study, model),
  };
}

/** The model's readings, in words: every costing of a settlement states them. */
function settlementNotes(study: Study, model: SettlementModel): string[] {
  const notes = [
    `${STANDING_WORDS} Each year, in order: employees on a step move one step up (the top step holds) unless steps are frozen that year; every schedule cell × (1 + increase) + flat amount, rounded to the cent for grades shown with cents and to the dollar otherwise, on last year's rounded schedule; an employee on a step is paid the new schedule at their step. Off-schedule and range salaries × (1 + increase) + flat amount, rounded to the cent, every year whether or not steps move: they never move onto a step.`,
    model.turnover > 0
      ? `Turnover ${percentText(model.turnover)} a year, an expected value: after step movement, that share of every position's FTE (and of every earlier replacement's) is replaced at the grade's first step — a range grade's at the year's minimum —; replacements then advance, are raised and turn over like anyone. Turnover Saving = the year's Salary Cost without turnover − with it.`
      : "No turnover: Turnover Saving is 0.",
    `Loads are flat rates per group (${study.has(BENEFIT_GROUPS_INPUT) ? `the ${BENEFIT_GROUPS_INPUT.label} table` : "no Benefit Groups table"}; the default load ${percentText(study.options.value(LOAD))} and ${study.options.value(PER_FTE).toLocaleString("en-US")} per FTE): a wage base such as Social Security's is not modelled — fold it into the group's rate. Value of 1% leaves the per-FTE amounts out.`,
  ];
  const flats = [...model.terms].filter(([, list]) => list.some((year) => year.flat !== 0));
  if (flats.length > 0)
    notes.push(
      `The flat amount is added in each grade's own pay unit (a year of an annual grade, an hour of an hourly one)${
        flats.some(([plan]) => plan.unit !== "annual")
          ? `: plans paid in another unit get it too (${flats
              .filter(([plan]) => plan.unit !== "annual")
              .map(([plan]) => plan.name)
              .join(", ")}) — give them their own Settlement rows if that is not meant`
          : ""
      }.`,
    );
  if (model.byPlan)
    notes.push(
      `The ${SETTLEMENT_INPUT.label} table gives plans terms of their own: a block per plan, then All, whose Increase, Flat Amount and Step Movement are blank in a year the plans differ.`,
    );
  return [...notes, ...model.notes];
}

// ---------------------------------------------------------------------------------------------
// Settlement detail

function settlementDetail(study: Study): ExhibitBody {
  const model = settlementModel(study);
  const base = costingBase(study);
  const paths = settlementPaths(study);
  const span = model.years + 1;
  const rows: ExhibitRow[] = [];
  for (const { plan, grade, from, to } of base.spans) {
    const numbers = base.numbering(plan, grade);
    const stepOf = (position: number): CellScalar => (position < 0 ? null : (numbers[position] ?? position + 1));
    const money = gradeMoney(grade);
    for (let i = from; i < to; i++) {
      const values: CellScalar[] = [
        base.employees[i].id,
        plan.name,
        grade.grade,
        stepOf(base.standing[i]),
        base.rate[i],
        base.fte[i],
        base.groups[i] === "" ? null : base.groups[i],
      ];
      for (let y = 1; y <= model.years; y++)
        values.push(stepOf(paths.position[i * span + y]), paths.salary[i * span + y]);
      rows.push({ values, kind: "detail", ...money, cents: grade.cents || base.standing[i] < 0 });
    }
  }
  const columns: ExhibitColumn[] = [
    col("Employee ID", "text"),
    col("Plan", "text"),
    col("Grade", "text"),
    col("Step", "number"),
    col("Salary", "money"),
    col("FTE", "number"),
    col("Benefit Group", "text"),
  ];
  for (let y = 1; y <= model.years; y++)
    columns.push(col(`Year ${y} Step`, "number"), col(`Year ${y} Salary`, "money"));
  return {
    columns,
    rows,
    description: `Each employee's own path through the settlement (${model.scenario.origin}), without turnover: their step and salary each year. Salary is the rate in the grade's pay unit (salary ÷ FTE when the roster gives actual pay); Step is blank off schedule and on range grades. A working file, not for a board packet.`,
    notes: [settlementNotes(study, model)[0], ...model.notes],
  };
}

export const COSTING = family({
  id: "costing",
  title: "Costing a settlement",
  description:
    "What next year's step movement costs, what a schedule change costs, and what a multi-year settlement costs with turnover and the employer's loads: the scattergram, the step cost, the settlement year by year and each employee's path.",
  inputs: [SETTLEMENT_INPUT, BENEFIT_GROUPS_INPUT],
  options: [...COSTING_OPTIONS],
  exhibits: [
    {
      id: "scattergram",
      number: "6-5",
      title: "Scattergram",
      summary: "FTE and annual cost per grade and step, off schedule and in all, with plan totals",
      unavailable: noSteps,
      notByDefault: costingNotAsked,
      build: scattergram,
    },
    {
      id: "step-cost",
      number: "6-6",
      title: "Step Cost",
      summary: "what one year of step movement costs on today's schedule, per grade, with the FTE at the top step",
      unavailable: noSteps,
      notByDefault: costingNotAsked,
      build: stepCost,
    },
    {
      id: "settlement-cost",
      number: "6-7",
      title: "Settlement Cost",
      summary:
        "a settlement year by year: step cost, schedule cost, turnover saving, loads, total cost, the change from the base and the value of 1 %",
      unavailable: settlementUnavailable,
      build: settlementCost,
      report: SETTLEMENT_COST_REPORT,
    },
    {
      id: "settlement-detail",
      number: "6-8",
      title: "Settlement Detail",
      summary: "each employee's step and salary in every year of the settlement, without turnover (a working file)",
      unavailable: settlementUnavailable,
      build: settlementDetail,
      detail: true,
    },
  ],
  problems: (study) => costingBase(study).problems,
});
