/**
 * Pay-plan tables: columns Plan, Grade, Step 1 … Step N (Portland study, pay plan exhibits).
 * Problem rows are kept and reported by the schedule audit rather than refused, so one typo
 * does not stop a study; only an unusable table throws.
 */
import { isBlank, parseNumberText, truncate, normalizeKey, type CellValue } from "../cells";
import { invalid } from "../errors";
import { HALF_CENT, roundCents } from "../money";
import {
  GRADE_FIELD,
  PLAN_FIELD,
  firstFilledRow,
  foldHeader,
  mapColumns,
  missingColumnMessage,
  type FieldSpec,
} from "./headers";
import type { AuditFinding, PayGrade, PayPlan, PayPlans } from "./types";

/** Below this, a plan's largest step is an hourly rate; from it up, an annual salary. */
export const HOURLY_UNIT_LIMIT = 200;

/** A step rise this many times the grade's median rise (or that fraction of it) is flagged by the audit. */
export const STEP_RISE_FACTOR = 2.5;

/** Name given to the grades of a table without a Plan column. */
export const DEFAULT_PLAN = "Pay Plan";

type PlanField = "plan" | "grade";
const PLAN_FIELDS: readonly FieldSpec<PlanField>[] = [PLAN_FIELD, GRADE_FIELD];

const STEP_HEADER = /^(?:step\s*|s)?(\d{1,3})$/;

function stepNumber(header: CellValue): number | undefined {
  if (typeof header === "number") return Number.isInteger(header) ? header : undefined;
  const match = STEP_HEADER.exec(foldHeader(header));
  return match ? Number(match[1]) : undefined;
}

function readStep(value: CellValue): number | null | "text" {
  if (isBlank(value)) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "text";
  if (typeof value === "string") return parseNumberText(value) ?? "text";
  return "text";
}

/** Parses a pay-plan table (first filled row = header) into plans of grades, with audit findings. */
export function parsePayPlans(table: readonly (readonly CellValue[])[]): PayPlans {
  const headerIndex = firstFilledRow(table);
  if (headerIndex < 0) invalid("The pay-plan table is empty");
  const header = table[headerIndex];
  const mapping = mapColumns(header, PLAN_FIELDS);
  if (!mapping.grade) invalid(missingColumnMessage(PLAN_FIELDS[1]));
  const stepColumns = header.flatMap((cell, column) => {
    const step = stepNumber(cell);
    return step !== undefined && column !== mapping.grade?.column && column !== mapping.plan?.column
      ? [{ column, header: String(cell).trim() }]
      : [];
  });
  if (stepColumns.length === 0) invalid("The pay-plan table has no step columns (looked for: Step 1, Step 2, …)");
  if (table.slice(headerIndex + 1).every((row) => row.every(isBlank))) {
    invalid("The pay-plan table has headers but no grades");
  }

  const findings: AuditFinding[] = [];
  const plans = new Map<string, PayPlan & { seen: Map<string, PayGrade> }>();
  const gradeColumn = mapping.grade.column;
  const planColumn = mapping.plan?.column;

  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (cells.every(isBlank)) continue;
    const row = index + 1;
    const planName = planColumn === undefined ? DEFAULT_PLAN : String(cells[planColumn] ?? "").trim() || DEFAULT_PLAN;
    const gradeName = String(cells[gradeColumn] ?? "").trim();
    const planKey = normalizeKey(planName);
    let plan = plans.get(planKey);
    if (!plan) {
      plan = { name: planName, unit: "annual", stepHeaders: [], grades: [], seen: new Map() };
      plans.set(planKey, plan);
    }
    if (gradeName === "") {
      findings.push({
        plan: planName,
        grade: "",
        step: null,
        severity: "error",
        message: `Row ${row} has pay steps but no grade`,
      });
      continue;
    }
    const steps: (number | null)[] = [];
    stepColumns.forEach(({ column, header: stepHeader }, s) => {
      const value = readStep(cells[column]);
      if (value === "text") {
        findings.push({
          plan: planName,
          grade: gradeName,
          step: s + 1,
          severity: "error",
          message: `Row ${row}, column '${stepHeader}' is not a number: '${truncate(String(cells[column]).trim())}'`,
        });
        steps.push(null);
      } else {
        steps.push(value);
      }
    });
    while (steps.length > 0 && steps[steps.length - 1] === null) steps.pop();
    if (plan.stepHeaders.length < steps.length)
      plan.stepHeaders = stepColumns.slice(0, steps.length).map((c) => c.header);
    const grade: PayGrade = { plan: planName, grade: gradeName, row, steps };
    const numeric = steps.filter((step): step is number => step !== null);
    if (numeric.length > 0) {
      grade.min = numeric[0];
      grade.max = numeric[numeric.length - 1];
    }
    const gradeKey = normalizeKey(gradeName);
    const previous = plan.seen.get(gradeKey);
    if (previous) {
      findings.push({
        plan: planName,
        grade: gradeName,
        step: null,
        severity: "error",
        message: `Grade '${truncate(gradeName)}' appears twice in plan '${truncate(planName)}' (rows ${previous.row} and ${row}); the first is used`,
      });
      continue;
    }
    plan.seen.set(gradeKey, grade);
    plan.grades.push(grade);
  }

  const result: PayPlan[] = [];
  for (const plan of plans.values()) {
    const top = Math.max(0, ...plan.grades.map((grade) => grade.max ?? 0));
    result.push({
      name: plan.name,
      unit: top < HOURLY_UNIT_LIMIT ? "hourly" : "annual",
      stepHeaders: plan.stepHeaders,
      grades: plan.grades,
    });
  }
  return { plans: result, findings: [...findings, ...auditSchedules(result)] };
}

/**
 * The schedule audit's checks on parsed grades. Errors: a blank step between filled ones, a
 * step lower than the one before, a grade without any pay. Warnings: a step increase far from
 * the grade's usual one — a rise more than STEP_RISE_FACTOR times the median rise of the grade,
 * or less than its 1/STEP_RISE_FACTOR (catches typos such as PEA Bachelor's 57,661 → 57,675 →
 * 58,675 and Ed Tech's jump to the last step); flat steps are a schedule's plateaus (PEA
 * longevity) and neither counted nor flagged — and a grade whose minimum is below the previous
 * grade's minimum in the same plan.
 */
export function auditSchedules(plans: readonly PayPlan[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const plan of plans) {
    let previous: PayGrade | undefined;
    for (const grade of plan.grades) {
      const at = (step: number | null, severity: AuditFinding["severity"], message: string): void => {
        findings.push({ plan: plan.name, grade: grade.grade, step, severity, message });
      };
      if (grade.min === undefined) {
        at(null, "error", `Grade '${truncate(grade.grade)}' (row ${grade.row}) has no pay steps`);
        continue;
      }
      grade.steps.forEach((step, s) => {
        if (step === null && grade.steps.slice(s + 1).some((later) => later !== null)) {
          at(s + 1, "error", `Step ${s + 1} is blank but a later step is filled`);
        }
      });
      const increases: { step: number; delta: number }[] = [];
      let last: { step: number; value: number } | undefined;
      grade.steps.forEach((value, s) => {
        if (value === null) return;
        if (last && value < last.value - 0.005) {
          at(s + 1, "error", `Step ${s + 1} (${value}) is lower than step ${last.step} (${last.value})`);
        }
        if (last && last.step === s) increases.push({ step: s + 1, delta: value - last.value });
        last = { step: s + 1, value };
      });
      const rises = increases.filter((i) => i.delta > HALF_CENT);
      const sorted = rises.map((i) => i.delta).sort((a, b) => a - b);
      if (sorted.length >= 3) {
        const median = sorted[sorted.length >> 1];
        for (const { step, delta } of rises) {
          if (delta > median * STEP_RISE_FACTOR || delta * STEP_RISE_FACTOR < median) {
            at(
              step,
              "warning",
              `Step ${step} rises by ${roundCents(delta)}, against a usual step increase of ${roundCents(median)}`,
            );
          }
        }
      }
      if (previous?.min !== undefined && grade.min < previous.min - 0.005) {
        at(
          1,
          "warning",
          `The minimum (${grade.min}) is below the previous grade '${truncate(previous.grade)}' (${previous.min})`,
        );
      }
      previous = grade;
    }
  }
  return findings;
}
