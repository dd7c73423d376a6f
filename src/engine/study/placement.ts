/**
 * The one placement step every analysis starts from: each roster row becomes a placed employee
 * (plan, grade, unit, FTE, pay on the schedule's basis, position in the range) or an unplaced
 * row with its reason — never dropped. Employees are compared with their own grade only.
 */
import { normalizeKey, truncate } from "../cells";
import type { PayUnit } from "../exhibit";
import { HALF_CENT } from "../money";
import { quartileClassifier } from "../range";
import { GradeIndex, gradeMidpoint, hasUsableRange } from "./plans";
import type { Employee, PayGrade, PayPlan, PayPlans, Roster, Unplaced } from "./types";
import { unitMixOf } from "./units";

/** How roster salaries relate to the schedule (`--salary-basis`). */
export type SalaryBasis = "full-time" | "actual";

export type PlacementOptions = {
  /** yyyy-mm-dd: employees separated on or before it are not active. */
  asOf: string;
  /**
   * "full-time" (default): the roster shows the schedule's full-time rate; "actual": the roster
   * shows what the employee is paid, and salary ÷ FTE is compared with the schedule.
   */
  salaryBasis?: SalaryBasis;
  /** An Employee ID on several rows is one person with several assignments (the roster read them all). */
  splitAssignments?: boolean;
};

/** An employee placed on a grade of the pay plans. */
export type PlacedEmployee = Employee & {
  payPlan: PayPlan;
  payGrade: PayGrade & { min: number; max: number };
  unit: PayUnit;
  /** The full-time rate on the schedule's basis: the salary, or salary ÷ FTE with salary basis "actual". */
  rate: number;
  /** Where the rate sits in the grade's range. */
  midpoint: number;
  /** 1–4: below the minimum counts in Q1, above the maximum in Q4. */
  quartile: 1 | 2 | 3 | 4;
  atOrBelowMin: boolean;
  atOrAboveMax: boolean;
  belowMid: boolean;
  /** (rate − minimum) / (maximum − minimum); null when minimum = maximum. */
  penetration: number | null;
  compaRatio: number;
  /** Separated on or before the as-of date. */
  separated: boolean;
};

export type Placement = {
  /**
   * Every placed employee, active and separated, in roster order: one row per person (with split
   * assignments, the row of the person's main assignment). Head counts count these.
   */
  employees: PlacedEmployee[];
  /** Placed and active at the as-of date: the current-conditions exhibits count them. */
  active: PlacedEmployee[];
  /**
   * Every placed row active at the as-of date, each assignment of a person on several rows
   * included: FTE and cost count these. The same array as `active` without split assignments.
   */
  activeAssignments: PlacedEmployee[];
  /** Rows placed, every assignment and ended one included (employees.length without split assignments). */
  placedRows: number;
  /** Rows that could not be placed (roster problems and placement problems), by row. */
  unplaced: Unplaced[];
  /** Data rows read: employees.length + unplaced.length. */
  rowCount: number;
  index: GradeIndex;
  salaryBasis: SalaryBasis;
};

/** Places every roster row on its grade, or lists it with the reason. */
export function placeRoster(plans: PayPlans, roster: Roster, options: PlacementOptions): Placement {
  const index = new GradeIndex(plans.plans);
  const basis = options.salaryBasis ?? "full-time";
  const asOf = options.asOf;
  const asOfDay =
    Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10))) / 86_400_000;
  const unplaced: Unplaced[] = [...roster.problems];
  const employees: PlacedEmployee[] = [];
  const classifiers = new Map<PayGrade, (rate: number) => number>();

  for (const employee of roster.employees) {
    const refuse = (reason: string): void => {
      unplaced.push({
        row: employee.row,
        id: employee.id,
        plan: employee.plan,
        grade: employee.grade,
        reason: `Row ${employee.row}: ${reason}`,
      });
    };
    const found = index.find(employee.plan, employee.grade);
    if (typeof found === "string") {
      refuse(found);
      continue;
    }
    const grade = found;
    const plan = index.planOf(grade);
    if (!hasUsableRange(grade)) {
      refuse(`Grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' has no usable pay range`);
      continue;
    }
    const rate = basis === "actual" ? employee.salary / employee.fte : employee.salary;
    const mix = unitMixOf(rate, grade.min, grade.max, grade.unit);
    if (mix !== undefined) {
      refuse(
        `Salary looks ${mix} (${employee.salary}${basis === "actual" && employee.fte !== 1 ? ` at FTE ${employee.fte}` : ""}), but grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' is ${grade.unit} (${grade.min}–${grade.max})`,
      );
      continue;
    }
    let classify = classifiers.get(grade);
    if (!classify) {
      classify = quartileClassifier(grade.min, grade.max);
      classifiers.set(grade, classify);
    }
    const midpoint = gradeMidpoint(grade) as number;
    const width = grade.max - grade.min;
    // The employee becomes the placed employee: its placement is added to the roster's own object
    // rather than to a copy, so a 1,048,576-row roster is not held twice (a copy was 0.4 GB more
    // at the peak), and every employee gains the same fields in the same order (one V8 shape; a
    // spread `{ ...employee, … }` ran 60× slower). The roster's fields are never changed; placing
    // the same roster again overwrites the placement fields, and only the employees placed by a
    // run are in its `employees`.
    const placed = employee as PlacedEmployee;
    placed.payPlan = plan;
    placed.payGrade = grade;
    placed.unit = grade.unit;
    placed.rate = rate;
    placed.midpoint = midpoint;
    placed.quartile = classify(rate) as 1 | 2 | 3 | 4;
    placed.atOrBelowMin = rate <= grade.min + HALF_CENT;
    placed.atOrAboveMax = rate >= grade.max - HALF_CENT;
    placed.belowMid = rate < midpoint - HALF_CENT;
    placed.penetration = width > 0 ? (rate - grade.min) / width : null;
    placed.compaRatio = rate / midpoint;
    placed.separated = employee.separationDay !== null && employee.separationDay <= asOfDay;
    employees.push(placed);
  }
  unplaced.sort((a, b) => a.row - b.row);
  if (options.splitAssignments) {
    const people = mainAssignments(employees);
    return {
      employees: people,
      active: people.filter((employee) => !employee.separated),
      activeAssignments: employees.filter((employee) => !employee.separated),
      placedRows: employees.length,
      unplaced,
      rowCount: roster.rowCount,
      index,
      salaryBasis: basis,
    };
  }
  const active = employees.filter((employee) => !employee.separated);
  return {
    employees,
    active,
    activeAssignments: active,
    placedRows: employees.length,
    unplaced,
    rowCount: roster.rowCount,
    index,
    salaryBasis: basis,
  };
}

/**
 * One row per person among the placed rows of people with several assignments: the main
 * assignment — an active one before an ended one, then the largest FTE, then the first row —
 * stands for the person in every head count (so a person is counted once, in one grade). A
 * person is separated only when every assignment has ended; the row standing for them is then
 * the one that ended last. Rows keep roster order.
 */
function mainAssignments(placed: readonly PlacedEmployee[]): PlacedEmployee[] {
  const main = new Map<string, PlacedEmployee>();
  for (const employee of placed) {
    const key = normalizeKey(employee.id);
    const best = main.get(key);
    if (best === undefined || outranks(employee, best)) main.set(key, employee);
  }
  const kept = new Set(main.values());
  return placed.filter((employee) => kept.has(employee));
}

function outranks(a: PlacedEmployee, b: PlacedEmployee): boolean {
  if (a.separated !== b.separated) return !a.separated;
  if (a.separated && a.separationDay !== b.separationDay) return (a.separationDay ?? 0) > (b.separationDay ?? 0);
  if (a.fte !== b.fte) return a.fte > b.fte;
  return a.row < b.row;
}
