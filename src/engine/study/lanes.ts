/**
 * Step-and-lane schedules (teacher salary schedules; Portland 2013 study, PEA experience
 * schedule): laid out as districts publish them — a Step column down, one column per lane
 * across (Bachelor's, Master's, Master's +30, Doctorate) — with an optional Plan column when
 * one table holds several schedules (its name filled down like the pay plans'). Title rows
 * above the header and footnotes under the table are allowed. Each schedule is read by
 * parseLaneSchedule (schedule.ts), the parser of COMP.LANEPAY.
 */
import { cleanKeyText, isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { HALF_CENT } from "../money";
import { parseLaneSchedule, type LaneSchedule } from "../schedule";
import { PLAN_FIELD } from "./headers";
import { input, readRecords } from "./inputs";
import { auditSchedules, stepLabels } from "./plans";
import { moneyWords } from "./report/words";
import type { AuditFinding, PayGrade, PayPlan, PayPlans } from "./types";
import { daysFromName, hasCents, unitFromPay } from "./units";

/** The name of the schedule of a table without a Plan column. */
export const DEFAULT_LANE_SCHEDULE = "Lane Schedule";

/** One named step-and-lane schedule. */
export type LaneTable = { readonly name: string; readonly schedule: LaneSchedule };

/** Lane schedules as read, with what the reader should know (footnotes skipped). */
export type LaneTables = { readonly schedules: readonly LaneTable[]; readonly notes: readonly string[] };

/** Headers of the step column (also how COMP.PLACEMENT tells a lane schedule from a pay plan). */
export const STEP_COLUMN_SYNONYMS = [
  "step",
  "steps",
  "years",
  "experience",
  "years of experience",
  "years experience",
  "yrs",
  "step years",
  "experience step",
] as const;

const FIELDS = [PLAN_FIELD, { field: "step", label: "Step", synonyms: STEP_COLUMN_SYNONYMS, required: true }] as const;

const stepNumber = (cell: CellValue): number | undefined =>
  typeof cell === "number" ? cell : typeof cell === "string" ? parseNumberText(cell) : undefined;

/**
 * Reads step-and-lane schedules: the header row holds `Step` (or Years, Experience) and the
 * lane names; every other column with a header is a lane. Rows whose step is not a number and
 * whose lanes are blank are footnotes; a lane with no pay in a schedule is left out of it.
 */
export function parseLaneTables(rows: readonly (readonly CellValue[])[]): LaneTables {
  const { records, headerRow, mapping } = readRecords({ rows, source: "" }, FIELDS);
  const header = rows[headerRow - 1];
  const stepColumn = mapping.step?.column as number;
  const planColumn = mapping.plan?.column;
  const lanes = header.flatMap((cell, column) =>
    column !== stepColumn && column !== planColumn && !isBlank(cell) ? [column] : [],
  );
  if (lanes.length === 0)
    invalid("The lane schedule has no lane columns (Bachelor's, Master's, …) beside the Step column");

  const groups = new Map<string, { name: string; rows: (readonly CellValue[])[] }>();
  const footnotes: number[] = [];
  let carried: string | undefined;
  for (const record of records) {
    const laneCells = lanes.map((column) => record.cells[column]);
    if (stepNumber(record.cells[stepColumn]) === undefined && laneCells.every(isBlank)) {
      footnotes.push(record.row);
      continue;
    }
    const own = planColumn === undefined ? "" : cleanKeyText(record.cells[planColumn]);
    const name = own !== "" ? own : (carried ?? DEFAULT_LANE_SCHEDULE);
    carried = name;
    const group = groups.get(normalizeKey(name)) ?? { name, rows: [] };
    groups.set(normalizeKey(name), group);
    // Kept at its own position so that parseLaneSchedule's messages name the table's row.
    group.rows[record.row - 1] = [record.cells[stepColumn], ...laneCells];
  }
  const schedules = [...groups.values()].map(({ name, rows: own }) => {
    const used = lanes.map((_, lane) => own.some((cells) => cells !== undefined && !isBlank(cells[lane + 1])));
    if (!used.some(Boolean)) invalid(`Schedule '${truncate(name)}' has steps but no pay in any lane`);
    const keep = (cells: readonly CellValue[]): CellValue[] => [cells[0], ...cells.slice(1).filter((_, i) => used[i])];
    const block: CellValue[][] = Array.from({ length: own.length }, (_, index) => {
      if (index === headerRow - 1) return keep([header[stepColumn], ...lanes.map((column) => header[column])]);
      const cells = own[index];
      return cells === undefined ? [] : keep(cells);
    });
    return { name, schedule: parseLaneSchedule(block) };
  });
  if (schedules.length === 0) invalid("The lane schedule has a header row but no steps under it");
  const notes =
    footnotes.length > 0
      ? [
          `lane schedules: ${footnotes.length === 1 ? "row" : "rows"} ${footnotes.join(", ")} ignored (no step and no pay: a footnote)`,
        ]
      : [];
  return { schedules, notes };
}

export const LANES_INPUT = input<LaneTables>({
  id: "lanes",
  label: "Lane Schedules",
  sheets: ["Lane Schedules", "Lane Schedule", "Teacher Schedule", "Salary Lanes"],
  description:
    "step-and-lane (teacher) schedules as published: Step, then one column per lane (Bachelor's, Master's, …); optional Plan naming each schedule",
  fields: FIELDS,
  otherColumns: "one column per lane, headed by its name",
  parse: (table) => parseLaneTables(table.rows),
});

/** A lane schedule whose step numbers skip (1 … 10, 15, 20) is spelled out step by step up to this many steps. */
const MOST_FILLED_STEPS = 100;

/**
 * A lane schedule as a pay plan of the study (issue 16): each lane is a grade whose steps are
 * the lane's column (minimum = first step, maximum = last), so every analysis that reads the
 * pay plans and the placement sees lanes as ordinary step grades. Step numbers that the table
 * skips take the row below, as COMP.LANEPAY reads them (so a grade's n-th step is always step
 * first + n − 1); the step headers keep the table's numbers ("Step 0" for a table by years).
 */
export function lanePayPlan(table: LaneTable): PayPlan {
  const { steps, pay, lanes } = table.schedule;
  const first = steps[0];
  const last = steps[steps.length - 1];
  const fill = last - first + 1 <= MOST_FILLED_STEPS;
  const labels = fill ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [...steps];
  let row = 0;
  const rowOf = labels.map((label) => {
    while (row + 1 < steps.length && steps[row + 1] <= label) row++;
    return row;
  });
  const grades = lanes.map((lane, column): PayGrade => {
    const values = rowOf.map((at) => pay[at][column]);
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    const numeric = values.filter((value): value is number => value !== null);
    const max = numeric[numeric.length - 1];
    const unit = max === undefined ? "annual" : unitFromPay(max);
    return {
      plan: table.name,
      grade: lane,
      row: 0,
      kind: "steps",
      steps: values,
      min: numeric[0],
      max,
      unit,
      unitFrom: "pay",
      cents: unit === "hourly" || unit === "daily" || numeric.some(hasCents),
    };
  });
  const units = new Set(grades.map((grade) => grade.unit));
  return {
    name: table.name,
    unit: units.size === 1 ? [...units][0] : undefined,
    days: daysFromName(table.name),
    stepHeaders: labels.map((label) => `Step ${label}`),
    grades,
  };
}

/**
 * The schedule audit's check across lanes (issue 16): at the same step a lane paying less than
 * the lane to its left (a Master's below a Bachelor's). The first step is the grades'
 * minimums, which the pay-plan audit already compares.
 */
export function auditLaneOrder(plan: PayPlan): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const labels = stepLabels(plan.stepHeaders, plan.stepHeaders.length);
  plan.grades.forEach((grade, lane) => {
    if (lane === 0) return;
    const left = plan.grades[lane - 1];
    const pay = (value: number): string => moneyWords(value, grade.cents || hasCents(value));
    grade.steps.forEach((value, s) => {
      const before = left.steps[s];
      if (s === 0 || value === null || before === null || before === undefined) return;
      if (value < before - HALF_CENT)
        findings.push({
          plan: plan.name,
          grade: grade.grade,
          step: labels[s],
          severity: "warning",
          message: `Step ${labels[s]} of lane '${truncate(grade.grade)}' (${pay(value)}) pays less than lane '${truncate(left.grade)}' to its left (${pay(before)})`,
        });
    });
  });
  return findings;
}

/**
 * The study's pay plans with its lane schedules added as plans (issue 16: lane schedules are
 * pay plans of the study), audited like the pay plans plus the check across lanes. A lane
 * schedule named like a pay plan is left out, with an audit error (the roster could not tell
 * them apart).
 */
export function withLaneSchedules(plans: PayPlans, lanes: LaneTables | undefined): PayPlans {
  if (lanes === undefined || lanes.schedules.length === 0) return plans;
  const taken = new Set(plans.plans.map((plan) => normalizeKey(plan.name)));
  const added: PayPlan[] = [];
  const findings: AuditFinding[] = [];
  for (const table of lanes.schedules) {
    if (taken.has(normalizeKey(table.name))) {
      findings.push({
        plan: table.name,
        grade: "",
        step: null,
        severity: "error",
        message: `Lane schedule '${truncate(table.name)}' has the name of a pay plan: its lanes are left out of the study's grades (rename one)`,
      });
      continue;
    }
    taken.add(normalizeKey(table.name));
    added.push(lanePayPlan(table));
  }
  return {
    ...plans,
    plans: [...plans.plans, ...added],
    findings: [...plans.findings, ...findings, ...auditSchedules(added), ...added.flatMap(auditLaneOrder)],
    notes: [...plans.notes, ...lanes.notes],
  };
}
