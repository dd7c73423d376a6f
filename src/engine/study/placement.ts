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
import type { Employee, EmployeeColumns, PayGrade, PayPlan, PayPlans, Roster, Unplaced } from "./types";
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
  readonly employees: PlacedEmployee[];
  /** Placed and active at the as-of date: the current-conditions exhibits count them. */
  readonly active: PlacedEmployee[];
  /**
   * Every placed row active at the as-of date, each assignment of a person on several rows
   * included: FTE and cost count these. The same array as `active` without split assignments.
   */
  readonly activeAssignments: PlacedEmployee[];
  /**
   * The same three lists as positions in the roster's columns (`roster.columns`), with the
   * placement of each position in `placed`: what the current conditions read, without objects.
   */
  readonly rows: { employees: Int32Array; active: Int32Array; activeAssignments: Int32Array };
  readonly placed: PlacedColumns;
  /** Rows placed, every assignment and ended one included (employees.length without split assignments). */
  placedRows: number;
  /** Rows that could not be placed (roster problems and placement problems), by row. */
  unplaced: Unplaced[];
  /** Data rows read: employees.length + unplaced.length. */
  rowCount: number;
  index: GradeIndex;
  salaryBasis: SalaryBasis;
};

const AT_OR_BELOW_MIN = 4;
const AT_OR_ABOVE_MAX = 8;
const BELOW_MID = 16;
const SEPARATED = 32;

/**
 * The placement of each roster position (issue 21: columns, not an object per employee): its
 * grade (a position in `grades`, -1 when not placed), rate, quartile and flags.
 */
export class PlacedColumns {
  /** The grades employees are placed on, each once. */
  readonly grades: PayGrade[] = [];
  readonly plans: PayPlan[] = [];
  readonly grade: Int32Array;
  readonly rate: Float64Array;
  /** Bits 0–1: quartile − 1; then at or below the minimum, at or above the maximum, below the midpoint, separated. */
  private readonly flags: Uint8Array;
  private readonly ids = new Map<PayGrade, number>();

  constructor(length: number) {
    this.grade = new Int32Array(length).fill(-1);
    this.rate = new Float64Array(length);
    this.flags = new Uint8Array(length);
  }

  /** Places position `at` on a grade of a plan. */
  set(at: number, grade: PayGrade, plan: PayPlan, rate: number, quartile: number, flags: number): void {
    let id = this.ids.get(grade);
    if (id === undefined) {
      id = this.grades.length;
      this.ids.set(grade, id);
      this.grades.push(grade);
      this.plans.push(plan);
    }
    this.grade[at] = id;
    this.rate[at] = rate;
    this.flags[at] = (quartile - 1) | flags;
  }

  payGrade(at: number): PayGrade & { min: number; max: number } {
    return this.grades[this.grade[at]] as PayGrade & { min: number; max: number };
  }
  payPlan(at: number): PayPlan {
    return this.plans[this.grade[at]];
  }
  quartile(at: number): 1 | 2 | 3 | 4 {
    return ((this.flags[at] & 3) + 1) as 1 | 2 | 3 | 4;
  }
  atOrBelowMin(at: number): boolean {
    return (this.flags[at] & AT_OR_BELOW_MIN) !== 0;
  }
  atOrAboveMax(at: number): boolean {
    return (this.flags[at] & AT_OR_ABOVE_MAX) !== 0;
  }
  belowMid(at: number): boolean {
    return (this.flags[at] & BELOW_MID) !== 0;
  }
  separated(at: number): boolean {
    return (this.flags[at] & SEPARATED) !== 0;
  }
}

/** Places every roster row on its grade, or lists it with the reason. */
export function placeRoster(plans: PayPlans, roster: Roster, options: PlacementOptions): Placement {
  const index = new GradeIndex(plans.plans);
  const basis = options.salaryBasis ?? "full-time";
  const asOf = options.asOf;
  const asOfDay =
    Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10))) / 86_400_000;
  const unplaced: Unplaced[] = [...roster.problems];
  const columns = roster.columns;
  const placed = new PlacedColumns(columns.length);
  const placedRows: number[] = [];
  const classifiers = new Map<PayGrade, (rate: number) => number>();
  // Plans and grades are a roster's few shared strings: each pair looked up once.
  const found = new Map<string, Map<string, PayGrade | string>>();
  const separation = columns.numberColumn("separationDay");

  for (let at = 0; at < columns.length; at++) {
    const planName = columns.text("plan", at);
    const gradeName = columns.text("grade", at);
    const refuse = (reason: string): void => {
      const row = columns.row[at];
      unplaced.push({
        row,
        id: columns.text("id", at),
        plan: planName,
        grade: gradeName,
        reason: `Row ${row}: ${reason}`,
      });
    };
    let ofPlan = found.get(planName);
    if (ofPlan === undefined) {
      ofPlan = new Map();
      found.set(planName, ofPlan);
    }
    let hit = ofPlan.get(gradeName);
    if (hit === undefined) {
      hit = index.find(planName, gradeName);
      ofPlan.set(gradeName, hit);
    }
    if (typeof hit === "string") {
      refuse(hit);
      continue;
    }
    const grade = hit;
    const plan = index.planOf(grade);
    if (!hasUsableRange(grade)) {
      refuse(`Grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' has no usable pay range`);
      continue;
    }
    const salary = columns.salary[at];
    const fte = columns.fte[at];
    const rate = basis === "actual" ? salary / fte : salary;
    const mix = unitMixOf(rate, grade.min, grade.max, grade.unit);
    if (mix !== undefined) {
      refuse(
        `Salary looks ${mix} (${salary}${basis === "actual" && fte !== 1 ? ` at FTE ${fte}` : ""}), but grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' is ${grade.unit} (${grade.min}–${grade.max})`,
      );
      continue;
    }
    let classify = classifiers.get(grade);
    if (!classify) {
      classify = quartileClassifier(grade.min, grade.max);
      classifiers.set(grade, classify);
    }
    const midpoint = gradeMidpoint(grade) as number;
    const separationDay = separation === undefined ? NaN : separation[at];
    const flags =
      (rate <= grade.min + HALF_CENT ? AT_OR_BELOW_MIN : 0) |
      (rate >= grade.max - HALF_CENT ? AT_OR_ABOVE_MAX : 0) |
      (rate < midpoint - HALF_CENT ? BELOW_MID : 0) |
      (separationDay <= asOfDay ? SEPARATED : 0);
    placed.set(at, grade, plan, rate, classify(rate), flags);
    placedRows.push(at);
  }
  unplaced.sort((a, b) => a.row - b.row);
  const all = Int32Array.from(placedRows);
  const people = options.splitAssignments ? mainAssignments(all, columns, placed) : all;
  const activeOf = (rows: Int32Array): Int32Array => rows.filter((at) => !placed.separated(at));
  const active = activeOf(people);
  const rows = {
    employees: people,
    active,
    activeAssignments: options.splitAssignments ? activeOf(all) : active,
  };
  return placement(roster, placed, rows, {
    placedRows: all.length,
    unplaced,
    rowCount: roster.rowCount,
    index,
    salaryBasis: basis,
  });
}

/**
 * The placement with its lists of placed employees as objects, made on first use: the roster's
 * own employee objects gain their placement (rather than copies: a 1,048,576-row roster is not
 * held twice, and every employee gains the same fields in the same order — one V8 shape). The
 * roster's fields are never changed; placing the same roster again overwrites the placement
 * fields when that placement's objects are asked for.
 */
function placement(
  roster: Roster,
  placed: PlacedColumns,
  rows: Placement["rows"],
  rest: Pick<Placement, "placedRows" | "unplaced" | "rowCount" | "index" | "salaryBasis">,
): Placement {
  const list = (positions: Int32Array): PlacedEmployee[] => {
    const employees = roster.employees;
    return Array.from(positions, (at) => placedEmployee(employees[at], placed, at));
  };
  const lists: Partial<Record<"employees" | "active" | "activeAssignments", PlacedEmployee[]>> = {};
  const lazy = (name: "employees" | "active" | "activeAssignments"): PlacedEmployee[] => {
    // Without split assignments the active rows are the active assignments: the same array.
    if (name === "activeAssignments" && rows.activeAssignments === rows.active) return lazy("active");
    return (lists[name] ??= list(rows[name]));
  };
  return {
    get employees() {
      return lazy("employees");
    },
    get active() {
      return lazy("active");
    },
    get activeAssignments() {
      return lazy("activeAssignments");
    },
    rows,
    placed,
    ...rest,
  };
}

/** The roster's employee object with the placement of position `at` added. */
function placedEmployee(employee: Employee, placed: PlacedColumns, at: number): PlacedEmployee {
  const grade = placed.payGrade(at);
  const rate = placed.rate[at];
  const midpoint = gradeMidpoint(grade) as number;
  const width = grade.max - grade.min;
  const result = employee as PlacedEmployee;
  result.payPlan = placed.payPlan(at);
  result.payGrade = grade;
  result.unit = grade.unit;
  result.rate = rate;
  result.midpoint = midpoint;
  result.quartile = placed.quartile(at);
  result.atOrBelowMin = placed.atOrBelowMin(at);
  result.atOrAboveMax = placed.atOrAboveMax(at);
  result.belowMid = placed.belowMid(at);
  result.penetration = width > 0 ? (rate - grade.min) / width : null;
  result.compaRatio = rate / midpoint;
  result.separated = placed.separated(at);
  return result;
}

/**
 * One row per person among the placed rows of people with several assignments: the main
 * assignment — an active one before an ended one, then the largest FTE, then the first row —
 * stands for the person in every head count (so a person is counted once, in one grade). A
 * person is separated only when every assignment has ended; the row standing for them is then
 * the one that ended last. Rows keep roster order.
 */
function mainAssignments(positions: Int32Array, columns: EmployeeColumns, placed: PlacedColumns): Int32Array {
  const main = new Map<string, number>();
  const separation = columns.numberColumn("separationDay");
  const ended = (at: number): number => (separation === undefined || Number.isNaN(separation[at]) ? 0 : separation[at]);
  const outranks = (a: number, b: number): boolean => {
    const aSeparated = placed.separated(a);
    if (aSeparated !== placed.separated(b)) return !aSeparated;
    if (aSeparated && ended(a) !== ended(b)) return ended(a) > ended(b);
    if (columns.fte[a] !== columns.fte[b]) return columns.fte[a] > columns.fte[b];
    return columns.row[a] < columns.row[b];
  };
  for (const at of positions) {
    const key = normalizeKey(columns.text("id", at));
    const best = main.get(key);
    if (best === undefined || outranks(at, best)) main.set(key, at);
  }
  const kept = new Set(main.values());
  return positions.filter((at) => kept.has(at));
}
