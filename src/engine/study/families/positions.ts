/**
 * Position control for the budget (Pasadena USD HR plan 2022–23, "Position Control for
 * Budget"): the budgeted positions (Positions table) against the employees filling them
 * (roster Position ID). Every Positions row is counted or listed, and so is every active
 * employee who holds no budgeted position.
 */
import { cleanKeyText, isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../../cells";
import type { ExhibitBody, ExhibitRow } from "../../exhibit";
import { roundHalfAwayFromZero } from "../../money";
import type { Study } from "../context";
import { GRADE_FIELD, PLAN_FIELD, type FieldSpec } from "../headers";
import { input, readRecords, type InputTable } from "../inputs";
import { gradeMidpoint, hasUsableRange } from "../plans";
import type { PlacedEmployee } from "../placement";
import type { PayGrade, PayPlan } from "../types";
import { ANNUAL_FACTOR, daysFromName } from "../units";
import { col } from "./helpers";
import { annualRate, BLANK_GROUP } from "./people";

type PositionField = "positionId" | "department" | "plan" | "grade" | "budgetedFte" | "budgetedSalary";

const POSITION_FIELDS: readonly FieldSpec<PositionField>[] = [
  {
    field: "positionId",
    label: "Position ID",
    synonyms: ["position id", "position number", "position no", "pcn", "position control number", "position"],
    required: true,
  },
  {
    field: "department",
    label: "Department",
    synonyms: ["department", "dept", "location", "site", "cost center", "school"],
    required: false,
  },
  PLAN_FIELD,
  GRADE_FIELD,
  {
    field: "budgetedFte",
    label: "Budgeted FTE",
    synonyms: ["budgeted fte", "budget fte", "authorized fte", "authorised fte", "allocated fte", "fte"],
    required: true,
  },
  {
    field: "budgetedSalary",
    label: "Budgeted Salary",
    synonyms: ["budgeted salary", "budget salary", "budgeted annual salary", "budgeted rate", "salary"],
    required: false,
  },
];

export type Position = {
  /** 1-based row of the Positions table. */
  readonly row: number;
  readonly id: string;
  /** The ID as people mean it (normalizeKey): P-01 = p-01. */
  readonly key: string;
  readonly department: string;
  readonly plan: string;
  readonly grade: string;
  readonly budgetedFte: number;
  /** Full-time annual salary budgeted; null = priced at the grade's midpoint. */
  readonly budgetedSalary: number | null;
};

export type Positions = {
  readonly positions: readonly Position[];
  /** Index into `positions` by Position ID as people mean it (normalizeKey). */
  readonly byKey: ReadonlyMap<string, number>;
  /** Rows that cannot be used, with the reason ("Positions row 7: …"). */
  readonly problems: readonly { row: number; id: string; reason: string }[];
};

function numberIn(raw: CellValue): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  return typeof raw === "string" ? parseNumberText(raw) : undefined;
}

/** Parses the Positions table: one row per budgeted position; rows that cannot be used are kept as problems. */
export function parsePositions(table: InputTable): Positions {
  const { records } = readRecords(table, POSITION_FIELDS);
  const positions: Position[] = [];
  const problems: { row: number; id: string; reason: string }[] = [];
  const byKey = new Map<string, number>();
  for (const record of records) {
    const id = cleanKeyText(record.get("positionId"));
    const refuse = (reason: string) =>
      problems.push({ row: record.row, id, reason: `Positions row ${record.row}: ${reason}` });
    if (id === "") {
      refuse("Position ID is blank");
      continue;
    }
    const key = normalizeKey(id);
    const seen = byKey.get(key);
    if (seen !== undefined) {
      refuse(
        `Position ID '${truncate(id)}' appears twice (rows ${positions[seen].row} and ${record.row}); the first is kept`,
      );
      continue;
    }
    const grade = cleanKeyText(record.get("grade"));
    if (grade === "") {
      refuse("Grade is blank");
      continue;
    }
    const rawFte = record.get("budgetedFte");
    const fte = numberIn(rawFte);
    if (isBlank(rawFte) || fte === undefined || fte <= 0) {
      refuse(
        isBlank(rawFte)
          ? "Budgeted FTE is blank"
          : `Budgeted FTE '${truncate(String(rawFte).trim())}' is not a number above 0`,
      );
      continue;
    }
    const rawSalary = record.get("budgetedSalary");
    const salary = isBlank(rawSalary) ? null : numberIn(rawSalary);
    if (salary === undefined || (salary !== null && salary <= 0)) {
      refuse(
        `Budgeted Salary '${truncate(String(rawSalary).trim())}' is not a number above 0 (leave it empty to price at the midpoint)`,
      );
      continue;
    }
    byKey.set(key, positions.length);
    positions.push({
      row: record.row,
      id,
      key,
      department: String(record.get("department") ?? "").trim(),
      plan: cleanKeyText(record.get("plan")),
      grade,
      budgetedFte: fte,
      budgetedSalary: salary,
    });
  }
  return { positions, byKey, problems };
}

export const POSITIONS_INPUT = input<Positions>({
  id: "positions",
  label: "Positions",
  sheets: ["Positions", "Position Control", "Budgeted Positions"],
  description:
    "one row per budgeted position: Position ID, Department, Plan, Grade, Budgeted FTE, Budgeted Salary (full-time annual; empty: priced at the grade's midpoint)",
  fields: POSITION_FIELDS,
  parse: (table) => parsePositions(table),
});

/** FTE sums are kept to 6 decimals: FTEs are given to a few, and 0.1 + 0.2 should read 0.3. */
const FTE_DECIMALS = 6;
/** Filled FTE above the budget by more than this is "filled past its FTE" (binary noise is not). */
const FTE_TOLERANCE = 1e-6;

/** A full-time annual rate for a grade's pay figure (midpoint): hourly × 2,080, daily × contract days … */
function annualOfGrade(value: number, grade: PayGrade, plan: PayPlan): number | undefined {
  if (grade.unit !== "daily") return value * ANNUAL_FACTOR[grade.unit];
  const days = daysFromName(grade.grade) ?? plan.days;
  return days === undefined ? undefined : value * days;
}

type Line = {
  department: string;
  plan: string;
  grade: string;
  /** Pay-plan order of the grade (unknown grades after every known one). */
  order: number;
  positions: number;
  budgetedFte: number;
  filledFte: number;
  vacantFte: number;
  budgetedCost: number;
  actualCost: number;
};

type Problem = { positionId: string; employeeId: string; problem: string; order: number };

export type PositionControl = { lines: Line[]; problems: Problem[]; notes: string[] };

/**
 * Adds each active employee's FTE and annualised pay × FTE to the position found for them;
 * lists those without one (its own function: one hot loop, optimised on its own).
 */
function fillPositions(
  active: readonly PlacedEmployee[],
  find: (id: string) => number | undefined,
  filledOf: Float64Array,
  actualOf: Float64Array,
  listed: (employee: PlacedEmployee, positionId: string, problem: string) => void,
): void {
  for (const employee of active) {
    if (employee.positionId === "") {
      listed(employee, "", "no Position ID: the employee holds no budgeted position");
      continue;
    }
    const at = find(employee.positionId);
    if (at === undefined) {
      listed(
        employee,
        employee.positionId,
        `Position ID '${truncate(employee.positionId)}' is not in the Positions table`,
      );
      continue;
    }
    filledOf[at] += employee.fte;
    const annual = annualRate(employee);
    if (annual === undefined) {
      listed(
        employee,
        employee.positionId,
        `daily grade '${truncate(employee.payGrade.grade)}' has no contract days: pay left out of Actual Cost`,
      );
      continue;
    }
    actualOf[at] += annual * employee.fte;
  }
}

/** Positions against the employees filling them (memoised): the position-control lines and the problems. */
export function positionControl(study: Study, positions: Positions): PositionControl {
  return study.memo("positions/control", () => {
    const index = study.placement.index;
    const problems: Problem[] = positions.problems.map((p) => ({
      positionId: p.id,
      employeeId: "",
      problem: p.reason,
      order: p.row,
    }));
    // Filled FTE and actual cost per position (by index). An ID already written as people mean
    // it (most are: "P-0123") is its own key, so it is looked up as written first; normalizeKey
    // being idempotent, a hit is the position its key would find.
    const list = positions.positions;
    const filledOf = new Float64Array(list.length);
    const actualOf = new Float64Array(list.length);
    const byKey = positions.byKey;
    const find = (id: string): number | undefined => byKey.get(id) ?? byKey.get(normalizeKey(id));
    const rosterOrder = 1_000_000_000; // employees' problems after the Positions table's
    const listed = (employee: PlacedEmployee, positionId: string, problem: string) =>
      problems.push({
        positionId,
        employeeId: employee.id,
        problem: `Roster row ${employee.row}: ${problem}`,
        order: rosterOrder + employee.row,
      });
    // Every assignment fills its position: a person on two rows (split assignments) fills both.
    fillPositions(study.placement.activeAssignments, find, filledOf, actualOf, listed);
    // Who holds each position filled past its FTE (few: a second pass only for them).
    const overfilled = new Map<number, string[]>();
    list.forEach((position, at) => {
      if (filledOf[at] > position.budgetedFte + FTE_TOLERANCE) overfilled.set(at, []);
    });
    if (overfilled.size > 0)
      for (const employee of study.placement.activeAssignments) {
        const at = employee.positionId === "" ? undefined : find(employee.positionId);
        if (at !== undefined) overfilled.get(at)?.push(employee.id);
      }

    // Lines by department (as people mean it), then by grade (or plan|grade text when unknown).
    const lines = new Map<string, Map<PayGrade | string, Line>>();
    const all: Line[] = [];
    let midpointPriced = 0;
    const departmentKeys = new Map<string, string>();
    // The grade of each plan and grade spelling, found once.
    const grades = new Map<string, Map<string, PayGrade | string>>();
    list.forEach((position, at) => {
      const filled = filledOf[at];
      const actual = actualOf[at];
      let byGradeText = grades.get(position.plan);
      if (byGradeText === undefined) {
        byGradeText = new Map();
        grades.set(position.plan, byGradeText);
      }
      let found = byGradeText.get(position.grade);
      if (found === undefined) {
        found = index.find(position.plan, position.grade);
        byGradeText.set(position.grade, found);
      }
      const grade = typeof found === "string" ? undefined : found;
      const plan = grade === undefined ? undefined : index.planOf(grade);
      let salary = position.budgetedSalary;
      if (salary === null) {
        const midpoint = grade !== undefined && hasUsableRange(grade) ? gradeMidpoint(grade) : undefined;
        const annual =
          midpoint === undefined || grade === undefined || plan === undefined
            ? undefined
            : annualOfGrade(midpoint, grade, plan);
        if (annual === undefined)
          problems.push({
            positionId: position.id,
            employeeId: "",
            problem: `Positions row ${position.row}: no Budgeted Salary and ${typeof found === "string" ? found.charAt(0).toLowerCase() + found.slice(1) : `grade '${truncate(position.grade)}' has no midpoint to price it at`}: left out of Budgeted Cost`,
            order: position.row,
          });
        else midpointPriced++;
        salary = annual ?? null;
      }
      const holders = overfilled.get(at);
      if (holders !== undefined)
        problems.push({
          positionId: position.id,
          employeeId: holders.join(", "),
          problem: `filled past its budgeted FTE: ${roundHalfAwayFromZero(filled, FTE_DECIMALS)} filled, ${position.budgetedFte} budgeted`,
          order: position.row,
        });
      const department = position.department === "" ? BLANK_GROUP : position.department;
      const planName = plan?.name ?? position.plan;
      const gradeName = grade?.grade ?? position.grade;
      let departmentKey = departmentKeys.get(department);
      if (departmentKey === undefined) {
        departmentKey = normalizeKey(department);
        departmentKeys.set(department, departmentKey);
      }
      let byGrade = lines.get(departmentKey);
      if (byGrade === undefined) {
        byGrade = new Map();
        lines.set(departmentKey, byGrade);
      }
      const gradeKey = grade ?? `${normalizeKey(planName)}|${normalizeKey(gradeName)}`;
      let line = byGrade.get(gradeKey);
      if (line === undefined) {
        line = {
          department,
          plan: planName,
          grade: gradeName,
          order: grade === undefined ? Number.MAX_SAFE_INTEGER : index.orderOf(grade),
          positions: 0,
          budgetedFte: 0,
          filledFte: 0,
          vacantFte: 0,
          budgetedCost: 0,
          actualCost: 0,
        };
        byGrade.set(gradeKey, line);
        all.push(line);
      }
      line.positions++;
      line.budgetedFte += position.budgetedFte;
      line.filledFte += filled;
      line.vacantFte += Math.max(0, position.budgetedFte - filled);
      line.budgetedCost += (salary ?? 0) * position.budgetedFte;
      line.actualCost += actual;
    });
    const notes: string[] = [];
    if (midpointPriced > 0)
      notes.push(
        `${midpointPriced} ${midpointPriced === 1 ? "position has" : "positions have"} no Budgeted Salary: priced at the grade's midpoint (full-time annual).`,
      );
    const sorted = all.sort(
      (a, b) =>
        Number(a.department === BLANK_GROUP) - Number(b.department === BLANK_GROUP) ||
        (a.department < b.department ? -1 : a.department > b.department ? 1 : 0) ||
        a.order - b.order ||
        (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) ||
        (a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : 0),
    );
    problems.sort((a, b) => a.order - b.order);
    return { lines: sorted, problems, notes };
  });
}

function lineValues(label: [string, string, string | null], lines: Line[]): ExhibitRow["values"] {
  const total = (pick: (line: Line) => number) => lines.reduce((sum, line) => sum + pick(line), 0);
  const fte = (pick: (line: Line) => number) => roundHalfAwayFromZero(total(pick), FTE_DECIMALS);
  const budgeted = total((line) => line.budgetedCost);
  const actual = total((line) => line.actualCost);
  return [
    ...label,
    total((line) => line.positions),
    fte((line) => line.budgetedFte),
    fte((line) => line.filledFte),
    fte((line) => line.vacantFte),
    budgeted,
    actual,
    budgeted - actual,
  ];
}

/** Exhibit position-control: per department and grade, with department totals and the grand total. */
export function positionControlExhibit(study: Study, positions: Positions): ExhibitBody {
  const { lines, notes } = positionControl(study, positions);
  const rows: ExhibitRow[] = [];
  const departments: Line[][] = [];
  for (const line of lines) {
    const last = departments[departments.length - 1];
    if (last !== undefined && normalizeKey(last[0].department) === normalizeKey(line.department)) last.push(line);
    else departments.push([line]);
  }
  for (const group of departments) {
    for (const line of group)
      rows.push({ values: lineValues([line.department, line.plan, line.grade], [line]), kind: "detail" });
    rows.push({ values: lineValues([group[0].department, "Total", null], group), kind: "total" });
  }
  rows.push({ values: lineValues(["All", "Total", null], lines), kind: "grand-total" });
  return {
    columns: [
      col("Department", "text"),
      col("Plan", "text"),
      col("Grade", "text"),
      col("Positions", "count"),
      { name: "Budgeted FTE", kind: "number", decimals: 2 },
      { name: "Filled FTE", kind: "number", decimals: 2 },
      { name: "Vacant FTE", kind: "number", decimals: 2 },
      col("Budgeted Cost", "money", "whole"),
      col("Actual Cost", "money", "whole"),
      col("Variance", "money", "whole"),
    ],
    rows,
    description:
      "Budgeted positions against the active employees filling them (linked by Position ID). Filled FTE = the FTE of those employees; Vacant FTE = Σ max(0, budgeted − filled) per position; Budgeted Cost = Σ Budgeted Salary (full-time annual; empty: the grade's midpoint) × Budgeted FTE; Actual Cost = Σ pay as a full-time annual rate × FTE; Variance = budgeted − actual (positive: under budget).",
    notes: [
      ...notes,
      "Position control is a budget table about positions: like the pay-plan exhibits it is shown in full (no small-group suppression). Employees without a budgeted position and positions filled past their FTE are listed in Position Problems.",
    ],
  };
}

/** Exhibit position-problems: employees without a position, positions filled past their FTE, unusable Positions rows. */
export function positionProblemsExhibit(study: Study, positions: Positions): ExhibitBody {
  const { problems } = positionControl(study, positions);
  return {
    columns: [col("Position ID", "text"), col("Employee ID", "text"), col("Problem", "text")],
    rows: problems.map((p) => ({ values: [p.positionId, p.employeeId, p.problem], kind: "detail" })),
  };
}
