/**
 * The "assessment of current conditions" of a compensation study (Portland 2013 study,
 * chapter 3): pay-plan summary, grade placement, midpoint split, quartiles, job families,
 * tenure, schedule audit and the rows that could not be placed. One pass over the roster;
 * deterministic ordering (plans and grades in input order, families by name).
 */
import { normalizeKey, truncate } from "../cells";
import { invalid } from "../errors";
import { HALF_CENT } from "../money";
import { stepProgression } from "../progression";
import { quartileClassifier } from "../range";
import type {
  CellScalar,
  Exhibit,
  ExhibitColumn,
  ExhibitId,
  ExhibitRow,
  StackedBarChart,
  StudyResult,
} from "../../exhibits/spec/types";
import { parseDate } from "./dates";
import { HOURLY_UNIT_LIMIT } from "./plans";
import type { PayGrade, PayPlan, PayPlans, Roster, Unplaced } from "./types";

export const EXHIBIT_IDS: readonly ExhibitId[] = [
  "pay-plan-summary",
  "grade-placement",
  "midpoint",
  "quartiles",
  "job-families",
  "tenure",
  "schedule-audit",
  "unmatched-employees",
];

const TITLES: Record<ExhibitId, string> = {
  "pay-plan-summary": "Pay Plan Summary",
  "grade-placement": "Grade Placement",
  midpoint: "Midpoint Analysis",
  quartiles: "Quartile Analysis",
  "job-families": "Job Families",
  tenure: "Tenure",
  "schedule-audit": "Schedule Audit",
  "unmatched-employees": "Unmatched Employees",
};

/** Years are 365.25 days (the tenure exhibit's rule). */
const DAYS_PER_YEAR = 365.25;

export type StudyInput = {
  plans: PayPlans;
  roster: Roster;
  /** yyyy-mm-dd */
  asOf: string;
  sources: { plans: string; roster: string };
  /** Which exhibits to build (all by default), in the standard order. */
  exhibits?: readonly ExhibitId[];
};

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

const col = (name: string, kind: ExhibitColumn["kind"]): ExhibitColumn => ({ name, kind });
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Runs the study: every requested exhibit from parsed pay plans and roster. */
export function runStudy(input: StudyInput): StudyResult {
  const asOfDay = parseDate(input.asOf);
  if (asOfDay === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(input.asOf)) {
    invalid(`The as-of date must be a date written yyyy-mm-dd, got '${truncate(input.asOf)}'`);
  }
  const { plans, findings } = input.plans;
  const tallies = new Map<string, Tally>();
  const byGrade = new Map<string, Tally[]>();
  const planKeys = new Set<string>();
  for (const plan of plans) {
    planKeys.add(normalizeKey(plan.name));
    for (const grade of plan.grades) {
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
      const gradeKey = normalizeKey(grade.grade);
      tallies.set(`${normalizeKey(plan.name)}|${gradeKey}`, tally);
      byGrade.set(gradeKey, [...(byGrade.get(gradeKey) ?? []), tally]);
    }
  }

  const unmatched: Unplaced[] = [...input.roster.problems];
  const classifiers = new Map<Tally, (salary: number) => number>();
  const families = new Map<string, { name: string; employees: number; titles: Set<string> }>();
  const placedBySpelling = new Map<string, Tally | string>();
  /** The grade's tally, or why the plan/grade cannot be placed. */
  const resolveGrade = (plan: string, grade: string): Tally | string => {
    const gradeKey = normalizeKey(grade);
    if (plan !== "") {
      const planKey = normalizeKey(plan);
      return (
        tallies.get(`${planKey}|${gradeKey}`) ??
        (planKeys.has(planKey)
          ? `Grade '${truncate(grade)}' is not in plan '${truncate(plan)}'`
          : `Plan '${truncate(plan)}' is not in the pay plans`)
      );
    }
    const candidates = byGrade.get(gradeKey) ?? [];
    if (candidates.length === 1) return candidates[0];
    return candidates.length === 0
      ? `Grade '${truncate(grade)}' is not in the pay plans`
      : `Grade '${truncate(grade)}' is in several plans (${candidates.map((t) => t.plan.name).join(", ")}): give the Plan`;
  };
  const familyBySpelling = new Map<string, { name: string; employees: number; titles: Set<string> }>();
  let placed = 0;

  for (const employee of input.roster.employees) {
    const refuse = (reason: string): void => {
      unmatched.push({
        row: employee.row,
        id: employee.id,
        plan: employee.plan,
        grade: employee.grade,
        reason: `Row ${employee.row}: ${reason}`,
      });
    };
    // Rosters repeat the same few plan/grade spellings: resolve each spelling once.
    const spelling = `${employee.plan}\u0000${employee.grade}`;
    let found = placedBySpelling.get(spelling);
    if (found === undefined) {
      found = resolveGrade(employee.plan, employee.grade);
      placedBySpelling.set(spelling, found);
    }
    if (typeof found === "string") {
      refuse(found);
      continue;
    }
    const tally = found;
    const { grade, plan } = tally;
    if (grade.min === undefined || grade.max === undefined || grade.min <= 0 || grade.max < grade.min) {
      refuse(`Grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' has no usable pay range`);
      continue;
    }
    const looksHourly = employee.salary < HOURLY_UNIT_LIMIT;
    if (looksHourly !== (plan.unit === "hourly")) {
      refuse(
        `Salary ${employee.salary} looks ${looksHourly ? "hourly" : "annual"} but plan '${truncate(plan.name)}' is ${plan.unit}`,
      );
      continue;
    }
    let classify = classifiers.get(tally);
    if (!classify) {
      classify = quartileClassifier(grade.min, grade.max);
      classifiers.set(tally, classify);
    }
    const mid = (grade.min + grade.max) / 2;
    tally.employees++;
    if (employee.salary <= grade.min + HALF_CENT) tally.atOrBelowMin++;
    if (employee.salary >= grade.max - HALF_CENT) tally.atOrAboveMax++;
    if (employee.salary < mid - HALF_CENT) tally.belowMid++;
    tally.quartiles[classify(employee.salary) - 1]++;
    if (employee.hireDay !== null) {
      tally.tenureDays += asOfDay - employee.hireDay;
      tally.tenureCount++;
    }
    let family = familyBySpelling.get(employee.jobFamily);
    if (!family) {
      const familyName = employee.jobFamily || "(blank)";
      const familyKey = normalizeKey(familyName);
      family = families.get(familyKey) ?? { name: familyName, employees: 0, titles: new Set() };
      families.set(familyKey, family);
      familyBySpelling.set(employee.jobFamily, family);
    }
    family.employees++;
    if (employee.jobTitle !== "") family.titles.add(titleKey(employee.jobTitle));
    placed++;
  }
  unmatched.sort((a, b) => a.row - b.row);

  const ordered = plans.map((plan) => ({
    plan,
    tallies: plan.grades.map(
      (grade) => tallies.get(`${normalizeKey(plan.name)}|${normalizeKey(grade.grade)}`) as Tally,
    ),
  }));
  const context: Context = {
    ordered,
    families: [...families.values()],
    findings,
    unmatched,
    placed,
    source: sourceLine(input),
  };
  const wanted = new Set(input.exhibits ?? EXHIBIT_IDS);
  const exhibits = EXHIBIT_IDS.filter((id) => wanted.has(id)).map((id) => ({
    ...BUILDERS[id](context),
    id,
    number: `3-${EXHIBIT_IDS.indexOf(id) + 1}`,
    title: TITLES[id],
    source: context.source,
  }));
  return {
    asOf: input.asOf,
    sources: { ...input.sources },
    exhibits,
    summary: {
      plans: plans.length,
      grades: plans.reduce((sum, plan) => sum + plan.grades.length, 0),
      rosterRows: input.roster.rowCount,
      employees: placed,
      unmatched: unmatched.length,
      auditErrors: findings.filter((f) => f.severity === "error").length,
      auditWarnings: findings.filter((f) => f.severity === "warning").length,
    },
  };
}

const titleKeys = new Map<string, string>();
/** normalizeKey, memoised: job titles repeat across thousands of rows. */
function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = normalizeKey(title);
    if (titleKeys.size < 100_000) titleKeys.set(title, key);
  }
  return key;
}

type Context = {
  ordered: { plan: PayPlan; tallies: Tally[] }[];
  families: { name: string; employees: number; titles: Set<string> }[];
  findings: PayPlans["findings"];
  unmatched: Unplaced[];
  placed: number;
  source: string;
};

type Body = Pick<Exhibit, "columns" | "rows" | "stepBlocks" | "charts">;

function sourceLine(input: StudyInput): string {
  return `Source: CompStudy analysis of ${input.sources.plans} and ${input.sources.roster}, as of ${input.asOf}.`;
}

/**
 * Per-grade rows of the employee-based exhibits (grades without employees left out), a Total
 * row per plan and the grand total (Plan "All"), from one function of a group of tallies.
 */
function employeeRows(
  context: Context,
  values: (tallies: Tally[]) => CellScalar[],
  totalLabel = "Total",
): ExhibitRow[] {
  const rows: ExhibitRow[] = [];
  const all: Tally[] = [];
  for (const { plan, tallies } of context.ordered) {
    const occupied = tallies.filter((t) => t.employees > 0);
    if (occupied.length === 0) continue;
    for (const tally of occupied)
      rows.push({ values: [plan.name, tally.grade.grade, ...values([tally])], kind: "detail", unit: plan.unit });
    rows.push({ values: [plan.name, totalLabel, ...values(occupied)], kind: "total", unit: plan.unit });
    all.push(...occupied);
  }
  rows.push({ values: ["All", totalLabel, ...values(all)], kind: "grand-total" });
  return rows;
}

const sum = (tallies: Tally[], pick: (t: Tally) => number): number => tallies.reduce((total, t) => total + pick(t), 0);
const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const BUILDERS: Record<ExhibitId, (context: Context) => Body> = {
  "pay-plan-summary": (context) => {
    const rows: ExhibitRow[] = [];
    const progressions: number[] = [];
    const spreads: number[] = [];
    let everyone = 0;
    for (const { plan, tallies } of context.ordered) {
      const planProgressions: number[] = [];
      const planSpreads: number[] = [];
      for (const { grade, employees } of tallies) {
        const numeric = grade.steps.filter((s): s is number => s !== null);
        const usable = grade.min !== undefined && grade.max !== undefined && grade.min > 0 && grade.max >= grade.min;
        const progression =
          usable && numeric.length >= 2 && numeric.every((s) => s > 0) ? stepProgression(numeric) : null;
        const spread = usable ? ((grade.max as number) - (grade.min as number)) / (grade.min as number) : null;
        if (progression !== null) planProgressions.push(progression);
        if (spread !== null) planSpreads.push(spread);
        rows.push({
          values: [
            plan.name,
            grade.grade,
            grade.min ?? null,
            usable ? ((grade.min as number) + (grade.max as number)) / 2 : null,
            grade.max ?? null,
            numeric.length,
            progression,
            spread,
            employees,
          ],
          kind: "detail",
          unit: plan.unit,
        });
      }
      const planEmployees = sum(tallies, (t) => t.employees);
      everyone += planEmployees;
      rows.push({
        values: [plan.name, "Total", null, null, null, null, mean(planProgressions), mean(planSpreads), planEmployees],
        kind: "total",
        unit: plan.unit,
      });
      progressions.push(...planProgressions);
      spreads.push(...planSpreads);
    }
    rows.push({
      values: ["All", "Total", null, null, null, null, mean(progressions), mean(spreads), everyone],
      kind: "grand-total",
    });
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
      stepBlocks: context.ordered.map(({ plan }) => ({
        plan: plan.name,
        unit: plan.unit,
        stepHeaders: plan.stepHeaders,
        rows: plan.grades.map((grade) => ({ grade: grade.grade, steps: grade.steps })),
      })),
    };
  },
  "grade-placement": (context) => ({
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Employees", "count"),
      col("At or Below Minimum", "count"),
      col("% At or Below Minimum", "percent"),
      col("At or Above Maximum", "count"),
      col("% At or Above Maximum", "percent"),
    ],
    rows: employeeRows(context, (tallies) => {
      const n = sum(tallies, (t) => t.employees);
      const low = sum(tallies, (t) => t.atOrBelowMin);
      const high = sum(tallies, (t) => t.atOrAboveMax);
      return [n, low, ratio(low, n), high, ratio(high, n)];
    }),
  }),
  midpoint: (context) => ({
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Employees", "count"),
      col("Below Midpoint", "count"),
      col("% Below Midpoint", "percent"),
      col("At or Above Midpoint", "count"),
      col("% At or Above Midpoint", "percent"),
    ],
    rows: employeeRows(context, (tallies) => {
      const n = sum(tallies, (t) => t.employees);
      const below = sum(tallies, (t) => t.belowMid);
      return [n, below, ratio(below, n), n - below, ratio(n - below, n)];
    }),
  }),
  quartiles: (context) => {
    const counts = (tallies: Tally[]): number[] => [0, 1, 2, 3].map((q) => sum(tallies, (t) => t.quartiles[q]));
    const charts: StackedBarChart[] = context.ordered
      .filter(({ tallies }) => tallies.some((t) => t.employees > 0))
      .map(({ plan, tallies }) => {
        const occupied = tallies.filter((t) => t.employees > 0);
        return {
          plan: plan.name,
          title: `${plan.name} — employees by quartile`,
          categories: occupied.map((t) => t.grade.grade),
          series: [0, 1, 2, 3].map((q) => ({
            name: `Q${q + 1}`,
            values: occupied.map((t) => t.quartiles[q] / t.employees),
          })),
        };
      });
    return {
      columns: [
        col("Plan", "text"),
        col("Grade", "text"),
        col("Employees", "count"),
        ...[1, 2, 3, 4].map((q) => col(`Q${q}`, "count")),
        ...[1, 2, 3, 4].map((q) => col(`% Q${q}`, "percent")),
      ],
      rows: employeeRows(context, (tallies) => {
        const n = sum(tallies, (t) => t.employees);
        const q = counts(tallies);
        return [n, ...q, ...q.map((count) => ratio(count, n))];
      }),
      charts,
    };
  },
  "job-families": (context) => {
    const sorted = [...context.families].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const titles = new Set(sorted.flatMap((family) => [...family.titles]));
    return {
      columns: [
        col("Job Family", "text"),
        col("Employees", "count"),
        col("Classes", "count"),
        col("% of Total", "percent"),
      ],
      rows: [
        ...sorted.map((family): ExhibitRow => ({
          values: [family.name, family.employees, family.titles.size, ratio(family.employees, context.placed)],
          kind: "detail",
        })),
        { values: ["Total", context.placed, titles.size, context.placed === 0 ? null : 1], kind: "grand-total" },
      ],
    };
  },
  tenure: (context) => ({
    columns: [col("Plan", "text"), col("Grade", "text"), col("Employees", "count"), col("Average Tenure", "years")],
    rows: employeeRows(
      context,
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
  "schedule-audit": (context) => ({
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Step", "number"),
      col("Severity", "text"),
      col("Message", "text"),
    ],
    rows: context.findings.map((f) => ({ values: [f.plan, f.grade, f.step, f.severity, f.message], kind: "detail" })),
  }),
  "unmatched-employees": (context) => ({
    columns: [col("Employee ID", "text"), col("Plan", "text"), col("Grade", "text"), col("Reason", "text")],
    rows: context.unmatched.map((u) => ({ values: [u.id, u.plan, u.grade, u.reason], kind: "detail" })),
  }),
};
