/**
 * The settlement costing model (issue 17; the "costing out the contract" method of the state
 * school boards' guides): where each employee stands on their grade today, and the roll-forward
 * of a settlement year by year — step movement, the schedule change, off-schedule and range
 * increases, turnover as an expected value, and the employer's loads. Pure and memoised: the
 * four costing exhibits share one pass over the roster.
 */
import { normalizeKey, truncate } from "../../cells";
import { firstStepPosition, raisedPay, raisedSalary, standingOn, stepAfter, stepNumbering } from "../../costing";
import { listed, type Study } from "../context";
import { InputTableError } from "../inputs";
import type { PlacedEmployee, Placement } from "../placement";
import type { PayGrade, PayPlan, Unplaced } from "../types";
import { LOAD, basisOf, type Basis } from "./cost";
import {
  BENEFIT_GROUPS_INPUT,
  PER_FTE,
  SETTLEMENT_INPUT,
  scenarioOf,
  turnoverOf,
  type Scenario,
  type YearTerms,
} from "./costing-inputs";
import { supplementalCosting, type SupplementalCosting, type SupplementalYear } from "./costing-supplemental";

/** A count as people read it (1,176). */
export const count = (n: number): string => n.toLocaleString("en-US");

/** A run of consecutive costed employees of one grade (the columns' indices from … to, exclusive). */
export type GradeSpan = { plan: PayPlan; grade: PayGrade; from: number; to: number };

/**
 * The costed employees as columns, in pay-plan and grade order (roster order within a grade):
 * each employee object is read once here, so the costing's loops run over compact arrays — at
 * 100,000 employees, reading the employee objects again in every loop cost more than the loops.
 */
export type CostingBase = {
  employees: PlacedEmployee[];
  /** The full-time rate in the grade's unit. */
  rate: Float64Array;
  fte: Float64Array;
  /** Units of pay in the employee's year (FTE, hours, days, months): annual cost = rate × units. */
  units: Float64Array;
  /** 0-based step position, OFF_SCHEDULE or RANGE. */
  standing: Int32Array;
  /** The roster's Benefit Group ("" when none). */
  groups: string[];
  spans: GradeSpan[];
  problems: Unplaced[];
  bases: Map<Basis, number>;
  /** The step number of each position of a grade's steps (as the plan's headers name them). */
  numbering: (plan: PayPlan, grade: PayGrade) => readonly number[];
  /** The reconciliation of every roster row. */
  notes: string[];
};

/** Every active employee's standing and salary basis (memoised); those without a basis are listed. */
export function costingBase(study: Study): CostingBase {
  return study.memo("costing/base", () => {
    const placement = study.placement;
    const base = costingColumns(placement);
    const separated = placement.employees.length - placement.active.length;
    base.notes.push(
      `Reconciliation: ${count(base.rate.length)} employees costed + ${count(base.problems.length)} listed in Unmatched Employees by the costing + ${count(placement.unplaced.length)} not placed (also listed there) + ${count(separated)} separated (not costed) = ${count(placement.rowCount)} roster rows read.`,
    );
    return base;
  });
}

/**
 * The active employees as the costing's columns (a function of its own, so the engine compiles
 * its loops with plain numbers): one pass over the employee objects into columns in roster
 * order, then a counting sort into pay-plan and grade order (roster order within a grade).
 */
function costingColumns(placement: Placement): CostingBase {
  const numbering = stepNumbering<PayPlan, PayGrade>();
  const problems: Unplaced[] = [];
  const bases = new Map<Basis, number>();
  const active = placement.active;
  const n = active.length;
  const order = new Int32Array(n);
  const column = {
    rate: new Float64Array(n),
    fte: new Float64Array(n),
    units: new Float64Array(n),
    standing: new Int32Array(n),
    groups: new Array<string>(n),
  };
  const grades = placement.index.grades.length;
  const counts = new Int32Array(grades + 1);
  let kept = 0;
  // Rosters come sorted or grouped more often than not: the last grade's order and step numbers are kept.
  let lastGrade: PayGrade | undefined;
  let lastOrder = -1;
  let lastNumbers: readonly number[] = [];
  let lastBasis: Basis | undefined;
  let run = 0;
  for (let r = 0; r < n; r++) {
    const employee = active[r];
    const grade = employee.payGrade;
    const basis = basisOf(employee, grade, employee.payPlan);
    if (typeof basis === "string") {
      problems.push(listed(employee, `costing: ${basis}`));
      order[r] = -1;
      continue;
    }
    if (basis.basis !== lastBasis) {
      if (lastBasis !== undefined) bases.set(lastBasis, (bases.get(lastBasis) ?? 0) + run);
      lastBasis = basis.basis;
      run = 0;
    }
    run++;
    if (grade !== lastGrade) {
      lastGrade = grade;
      lastOrder = placement.index.orderOf(grade);
      lastNumbers = numbering(employee.payPlan, grade);
    }
    order[r] = lastOrder;
    counts[lastOrder + 1]++;
    kept++;
    column.rate[r] = employee.rate;
    column.fte[r] = employee.fte;
    column.units[r] = basis.units;
    column.standing[r] = standingOn(grade, employee.rate, employee.step, lastNumbers);
    column.groups[r] = employee.benefitGroup;
  }
  if (lastBasis !== undefined) bases.set(lastBasis, (bases.get(lastBasis) ?? 0) + run);
  for (let g = 0; g < grades; g++) counts[g + 1] += counts[g];
  const base: CostingBase = {
    employees: new Array<PlacedEmployee>(kept),
    rate: new Float64Array(kept),
    fte: new Float64Array(kept),
    units: new Float64Array(kept),
    standing: new Int32Array(kept),
    groups: new Array<string>(kept),
    spans: [],
    problems,
    bases,
    numbering,
    notes: [],
  };
  for (let g = 0; g < grades; g++)
    if (counts[g + 1] > counts[g]) {
      const grade = placement.index.grades[g];
      base.spans.push({ plan: placement.index.planOf(grade), grade, from: counts[g], to: counts[g + 1] });
    }
  const next = counts.slice(0, grades);
  for (let r = 0; r < n; r++) {
    const g = order[r];
    if (g < 0) continue;
    const i = next[g]++;
    base.employees[i] = active[r];
    base.rate[i] = column.rate[r];
    base.fte[i] = column.fte[r];
    base.units[i] = column.units[r];
    base.standing[i] = column.standing[r];
    base.groups[i] = column.groups[r];
  }
  return base;
}

/** Year-by-year totals of a group of employees; index = year (0 = the base). */
export type Sums = {
  /** Σ salary × units, without turnover. */
  salary: Float64Array;
  /** Σ stipends and longevity (the incumbents', without turnover). */
  supplemental: Float64Array;
  /** Σ (pay on last year's schedule at this year's step − at last year's step) × units. */
  step: Float64Array;
  /** Σ the expected salary cost with turnover. */
  net: Float64Array;
  /** Σ (net cost + supplemental) × load rate + FTE × per-FTE amount. */
  load: Float64Array;
  /** Σ (net cost + the supplemental pay that moves with the schedule) × (1 + load rate): the base of the value of 1 %. */
  loaded: Float64Array;
};

function emptySums(years: number): Sums {
  const n = years + 1;
  return {
    salary: new Float64Array(n),
    supplemental: new Float64Array(n),
    step: new Float64Array(n),
    net: new Float64Array(n),
    load: new Float64Array(n),
    loaded: new Float64Array(n),
  };
}

/** A grade's schedules year by year, one step up from each position, and the replacements' expected pay. */
type Track = {
  /** Step grades: pay per position, per year (0 = today's schedule); NaN for a blank step. */
  pay: Float64Array[] | null;
  /** Range grades: the minimum, per year. */
  min: number[] | null;
  after: Int32Array;
  /** Per year: Σ over the replacement cohorts of share × salary (per unit of pay). */
  cohort: Float64Array;
};

function trackOf(grade: PayGrade, terms: readonly YearTerms[], turnover: number): Track {
  const years = terms.length;
  let pay: Float64Array[] | null = null;
  let min: number[] | null = null;
  const after = new Int32Array(grade.steps.length);
  if (grade.kind === "steps") {
    pay = [Float64Array.from(grade.steps, (cell) => cell ?? Number.NaN)];
    for (let y = 1; y <= years; y++) {
      const { increase, flat } = terms[y - 1];
      pay.push(pay[y - 1].map((cell) => (Number.isNaN(cell) ? cell : raisedPay(cell, increase, flat, grade.cents))));
    }
    for (let p = 0; p < grade.steps.length; p++) after[p] = stepAfter(grade.steps, p);
  } else {
    min = [grade.min as number];
    for (let y = 1; y <= years; y++)
      min.push(raisedPay(min[y - 1], terms[y - 1].increase, terms[y - 1].flat, grade.cents));
  }
  // Replacements of year k join at the first step after that year's movement (range: the year's
  // minimum), then advance, are raised and turn over like anyone: a share t (1 − t)^(y − k) in year y.
  const cohort = new Float64Array(years + 1);
  if (turnover > 0) {
    const first = firstStepPosition(grade.steps);
    for (let k = 1; k <= years; k++) {
      let position = first;
      let salary = pay ? pay[k][first] : (min as number[])[k];
      let share = turnover;
      cohort[k] += share * salary;
      for (let y = k + 1; y <= years; y++) {
        const year = terms[y - 1];
        share *= 1 - turnover;
        if (pay) {
          if (year.steps) position = after[position];
          salary = pay[y][position];
        } else salary = raisedSalary(salary, year.increase, year.flat);
        cohort[y] += share * salary;
      }
    }
  }
  return { pay, min, after, cohort };
}

/**
 * One year of the roll-forward for employee k of a grade's run (year y, its terms), on the run's
 * salaries (in the grade's pay unit) and step positions: on a step, they move one step up unless
 * the year is frozen and are paid the year's schedule there; off schedule or on a range grade,
 * last year's salary × (1 + increase) + flat, rounded to the cent. Returns the step movement's
 * cost per unit of pay on last year's schedule (0 off a step).
 */
function advance(pay: Float64Array, at: Int32Array, k: number, track: Track, year: YearTerms, y: number): number {
  const from = at[k];
  if (from < 0) {
    pay[k] = raisedSalary(pay[k], year.increase, year.flat);
    return 0;
  }
  const pays = track.pay as Float64Array[];
  const next = year.steps ? track.after[from] : from;
  at[k] = next;
  pay[k] = pays[y][next];
  return pays[y - 1][next] - pays[y - 1][from];
}

/** Each employee's own path without turnover: per employee i (the base's columns) and year y, at i × (years + 1) + y. */
export type SettlementPaths = { salary: Float64Array; position: Int32Array };

/** The employees' paths (memoised; only settlement-detail reads them, so settlement-cost stores no 100,000 × years). */
export function settlementPaths(study: Study): SettlementPaths {
  return study.memo("costing/paths", () => {
    const base = costingBase(study);
    const model = settlementModel(study);
    const span = model.years + 1;
    const salary = new Float64Array(base.rate.length * span);
    const position = new Int32Array(base.rate.length * span);
    base.spans.forEach(({ plan, from, to }, s) => {
      const track = model.tracks[s];
      const planTerms = model.terms.get(plan) as readonly YearTerms[];
      const pay = base.rate.slice(from, to);
      const at = base.standing.slice(from, to);
      for (let y = 0; y <= model.years; y++)
        for (let k = 0; k < to - from; k++) {
          if (y > 0) advance(pay, at, k, track, planTerms[y - 1], y);
          salary[(from + k) * span + y] = pay[k];
          position[(from + k) * span + y] = at[k];
        }
    });
    return { salary, position };
  });
}

/** One year's totals of a grade's run. */
type YearSums = Record<keyof Sums, number>;

/** A grade's run of employees through the roll-forward: their salaries and steps (changed year by year) and the columns it reads. */
type Run = {
  from: number;
  to: number;
  pay: Float64Array;
  at: Int32Array;
  units: Float64Array;
  fte: Float64Array;
  loadRate: Float64Array;
  perFte: Float64Array;
  track: Track;
  planTerms: readonly YearTerms[];
  turnover: number;
  extras: SupplementalCosting | undefined;
  extra: SupplementalYear;
};

/**
 * Year y of a run (year 0: today), its totals into `out`: each employee advanced a year, then
 * their cost without turnover, the expected cost with it (share = (1 − t)^y of the employee, the
 * replacements' cohort), their supplemental pay, and the loads. A function of its own, so the
 * engine compiles its loop with plain numbers (inside the model's closure, every sum was boxed).
 */
function rollYear(run: Run, y: number, share: number, out: YearSums): void {
  const { from, pay, at, units, fte, loadRate, perFte, track, planTerms, turnover, extras, extra } = run;
  const terms = y === 0 ? undefined : planTerms[y - 1];
  const cohort = track.cohort[y];
  let salary = 0;
  let supplemental = 0;
  let step = 0;
  let net = 0;
  let load = 0;
  let loaded = 0;
  for (let k = 0; k < run.to - from; k++) {
    const i = from + k;
    const unit = units[i];
    if (terms !== undefined) step += advance(pay, at, k, track, terms, y) * unit;
    const cost = pay[k] * unit;
    const expected = turnover === 0 ? cost : unit * (share * pay[k] + cohort);
    let total = 0;
    let moving = 0;
    if (extras !== undefined && extras.has(i)) {
      extras.yearOf(i, planTerms, y, cost, extra);
      total = extra.total;
      moving = extra.moving;
    }
    const rate = loadRate[i];
    salary += cost;
    supplemental += total;
    net += expected;
    load += (expected + total) * rate + fte[i] * perFte[i];
    loaded += (expected + moving) * (1 + rate);
  }
  out.salary = salary;
  out.supplemental = supplemental;
  out.step = step;
  out.net = net;
  out.load = load;
  out.loaded = loaded;
}

/** Adds a run's year to its plan's totals and to everyone's. */
function addYear(plan: Sums, all: Sums, y: number, year: YearSums): void {
  for (const key of Object.keys(year) as (keyof Sums)[]) {
    plan[key][y] += year[key];
    all[key][y] += year[key];
  }
}

export type SettlementModel = {
  scenario: Scenario;
  years: number;
  turnover: number;
  /** Each costed plan's terms, year 1 … N (index y − 1). */
  terms: Map<PayPlan, readonly YearTerms[]>;
  /** The plans with costed employees, in pay-plan order, with their totals. */
  plans: { plan: PayPlan; sums: Sums }[];
  all: Sums;
  /** The terms differ between costed plans in some year: a block per plan. */
  byPlan: boolean;
  /** Each span's schedules year by year (base.spans' order). */
  tracks: Track[];
  /** Stipends and longevity were costed (a Stipends or Longevity table was given). */
  supplemental: boolean;
  /** The loads', the supplemental pay's and the reconciliation's notes. */
  notes: string[];
};

/** The settlement rolled forward over every costed employee (memoised). */
export function settlementModel(study: Study): SettlementModel {
  return study.memo("costing/settlement", () => {
    const base = costingBase(study);
    const scenario = scenarioOf(study);
    const turnover = turnoverOf(study);
    const years = scenario.years;
    const terms = new Map<PayPlan, readonly YearTerms[]>();
    for (const { plan } of base.spans) {
      if (terms.has(plan)) continue;
      const list = scenario.terms(plan);
      const missing = list.findIndex((year) => year === undefined);
      if (missing >= 0)
        throw new InputTableError(
          SETTLEMENT_INPUT.id,
          `year ${missing + 1} has no row for plan '${truncate(plan.name)}' and no row for every plan (blank Plan): add one`,
        );
      terms.set(plan, list as readonly YearTerms[]);
    }
    const loads = loadsOf(study, base.groups);
    const extras = supplementalCosting(study, base.employees, years);
    const extra: SupplementalYear = { total: 0, moving: 0 };
    const all = emptySums(years);
    const tracks: Track[] = [];
    const plans: { plan: PayPlan; sums: Sums }[] = [];
    const keep = 1 - turnover;
    const { fte, units: unitsOf } = base;
    const year: YearSums = { salary: 0, supplemental: 0, step: 0, net: 0, load: 0, loaded: 0 };
    // Year by year over a grade's run of employees (their salaries and steps in two short arrays).
    for (const { plan, grade, from, to } of base.spans) {
      let sums = plans[plans.length - 1]?.plan === plan ? plans[plans.length - 1].sums : undefined;
      if (sums === undefined) {
        sums = emptySums(years);
        plans.push({ plan, sums });
      }
      const planTerms = terms.get(plan) as readonly YearTerms[];
      const track = trackOf(grade, planTerms, turnover);
      tracks.push(track);
      const run: Run = {
        from,
        to,
        pay: base.rate.slice(from, to),
        at: base.standing.slice(from, to),
        units: unitsOf,
        fte,
        loadRate: loads.rate,
        perFte: loads.perFte,
        track,
        planTerms,
        turnover,
        extras,
        extra,
      };
      let share = 1;
      for (let y = 0; y <= years; y++) {
        if (y > 0) share *= keep;
        rollYear(run, y, share, year);
        addYear(sums, all, y, year);
      }
    }
    const costed = plans.map(({ plan }) => terms.get(plan) as readonly YearTerms[]);
    const byPlan = costed.some((list) =>
      list.some(
        (year, y) =>
          year.increase !== costed[0][y].increase ||
          year.flat !== costed[0][y].flat ||
          year.steps !== costed[0][y].steps,
      ),
    );
    return {
      scenario,
      years,
      turnover,
      terms,
      plans,
      all,
      byPlan,
      tracks,
      supplemental: extras !== undefined,
      notes: [...loads.notes(), ...(extras?.notes ?? []), ...base.notes],
    };
  });
}

/** Each employee's loads: their Benefit Groups row, else the load and per-FTE options; notes on the groups used. */
function loadsOf(
  study: Study,
  groups: readonly string[],
): { rate: Float64Array; perFte: Float64Array; notes: () => string[] } {
  const table = study.input(BENEFIT_GROUPS_INPUT);
  const defaults = { rate: study.options.value(LOAD), perFte: study.options.value(PER_FTE) };
  const missing = new Map<string, number>();
  const found = new Map<string, { rate: number; perFte: number } | undefined>();
  const rate = new Float64Array(groups.length).fill(defaults.rate);
  const perFte = new Float64Array(groups.length).fill(defaults.perFte);
  let named = 0;
  let blank = 0;
  let lastGroup: string | undefined;
  let lastLoad: { rate: number; perFte: number } | undefined;
  groups.forEach((group, i) => {
    if (group === "") {
      blank++;
      return;
    }
    named++;
    if (group !== lastGroup) {
      if (!found.has(group)) {
        const row = table?.byKey.get(normalizeKey(group));
        found.set(group, row ? { rate: row.rate, perFte: row.perFte } : undefined);
      }
      lastGroup = group;
      lastLoad = found.get(group);
    }
    const load = lastLoad;
    if (load === undefined) {
      missing.set(group, (missing.get(group) ?? 0) + 1);
      return;
    }
    rate[i] = load.rate;
    perFte[i] = load.perFte;
  });
  const notes = (): string[] => {
    const list: string[] = [];
    const employees = (n: number): string => `${count(n)} ${n === 1 ? "employee" : "employees"}`;
    if (table === undefined) {
      if (named > 0)
        list.push(
          `The roster's Benefit Group column is not used without a ${BENEFIT_GROUPS_INPUT.label} table: every employee has the default load.`,
        );
      return list;
    }
    if (missing.size > 0)
      list.push(
        `Benefit groups of the roster not in the ${BENEFIT_GROUPS_INPUT.label} table, costed with the default load: ${[
          ...missing,
        ]
          .map(([group, n]) => `${group} (${employees(n)})`)
          .join(", ")}.`,
      );
    if (blank > 0) list.push(`No benefit group on the roster: ${employees(blank)}, costed with the default load.`);
    return list;
  };
  return { rate, perFte, notes };
}
