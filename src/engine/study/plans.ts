/**
 * Pay-plan tables as people lay them out (Portland study, pay plan exhibits; HISD pay scales):
 * columns Plan, Grade, Step 1 … Step N — or Minimum, (Midpoint,) Maximum for range grades —
 * and an optional Unit. Title rows above the header, plan names written once and left blank
 * (or merged) below, and footnotes under the table are all read as people mean them. Problem
 * rows are kept and reported by the schedule audit rather than refused, so one typo does not
 * stop a study; only an unusable table throws.
 */
import { cleanKeyText, isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { HALF_CENT } from "../money";
import type { PayUnit } from "../exhibit";
import {
  GRADE_FIELD,
  PLAN_FIELD,
  findHeaderRow,
  foldHeader,
  mapColumns,
  missingColumnMessage,
  type FieldSpec,
} from "./headers";
import { moneyWords } from "./report/words";
import type { AuditFinding, PayGrade, PayPlan, PayPlans } from "./types";
import { daysFromName, hasCents, parseUnit, plausibleUnit, unitFromName, unitFromPay } from "./units";

/** A step rise this many times the grade's median rise (or that fraction of it) is flagged by the audit. */
export const STEP_RISE_FACTOR = 2.5;

/** Name given to the grades of a table without a Plan column. */
export const DEFAULT_PLAN = "Pay Plan";

type PlanField = "plan" | "grade" | "unit" | "minimum" | "midpoint" | "maximum";

/** The pay plans' columns besides the steps. */
export const PLAN_FIELDS: readonly FieldSpec<PlanField>[] = [
  PLAN_FIELD,
  GRADE_FIELD,
  {
    field: "unit",
    label: "Unit",
    synonyms: ["unit", "pay unit", "pay basis", "basis", "rate type", "pay frequency", "frequency", "per"],
    required: false,
  },
  {
    field: "minimum",
    label: "Minimum",
    synonyms: ["minimum", "min", "range minimum", "minimum rate", "minimum salary", "range min", "low"],
    required: false,
  },
  {
    field: "midpoint",
    label: "Midpoint",
    synonyms: ["midpoint", "mid", "range midpoint", "midpoint rate", "midpoint salary", "range mid", "mid point"],
    required: false,
  },
  {
    field: "maximum",
    label: "Maximum",
    synonyms: ["maximum", "max", "range maximum", "maximum rate", "maximum salary", "range max", "high"],
    required: false,
  },
];

const STEP_HEADER = /^(?:step\s*|s)?(\d{1,3})$/;

function stepNumber(header: CellValue): number | undefined {
  if (typeof header === "number") return Number.isInteger(header) ? header : undefined;
  const match = STEP_HEADER.exec(foldHeader(header));
  return match ? Number(match[1]) : undefined;
}

function readPay(value: CellValue): number | null | "text" {
  if (isBlank(value)) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "text";
  if (typeof value === "string") return parseNumberText(value) ?? "text";
  return "text";
}

type Layout = {
  headerIndex: number;
  mapping: ReturnType<typeof mapColumns<PlanField>>;
  steps: { column: number; header: string; number: number }[];
};

/** The header row and its columns; throws a message naming what is missing. */
function readLayout(table: readonly (readonly CellValue[])[]): Layout {
  const layoutOf = (index: number): Layout => {
    const header = table[index];
    const mapping = mapColumns(header, PLAN_FIELDS);
    const taken = new Set(Object.values(mapping).map((hit) => (hit as { column: number }).column));
    const steps = header.flatMap((cell, column) => {
      const number = stepNumber(cell);
      return number !== undefined && !taken.has(column) ? [{ column, header: String(cell).trim(), number }] : [];
    });
    return { headerIndex: index, mapping, steps };
  };
  const usable = (layout: Layout): boolean =>
    layout.steps.length > 0 || (layout.mapping.minimum !== undefined && layout.mapping.maximum !== undefined);
  const headerIndex = findHeaderRow(table, PLAN_FIELDS, {}, (row) => {
    try {
      return usable(layoutOf(table.indexOf(row)));
    } catch {
      return false;
    }
  });
  if (headerIndex < 0) invalid("The pay-plan table is empty");
  const layout = layoutOf(headerIndex);
  if (!layout.mapping.grade) invalid(missingColumnMessage(PLAN_FIELDS[1]));
  if (!usable(layout))
    invalid(
      "The pay-plan table has no step columns (looked for: Step 1, Step 2, …) and no Minimum and Maximum columns",
    );
  return layout;
}

/** Parses a pay-plan table into plans of grades, with audit findings and reading notes. */
export function parsePayPlans(table: readonly (readonly CellValue[])[]): PayPlans {
  const layout = readLayout(table);
  const { headerIndex, mapping } = layout;
  if (table.slice(headerIndex + 1).every((row) => row.every(isBlank))) {
    invalid("The pay-plan table has headers but no grades");
  }
  const findings: AuditFinding[] = [];
  const notes: string[] = [];

  // Duplicate step headers ("Step 3" twice): the first is used, the second is an audit error.
  const stepColumns: Layout["steps"] = [];
  const seenSteps = new Map<number, string>();
  for (const step of layout.steps) {
    const first = seenSteps.get(step.number);
    if (first !== undefined) {
      findings.push({
        plan: "",
        grade: "",
        step: step.number,
        severity: "error",
        message: `The header names step ${step.number} twice ('${truncate(first)}' and '${truncate(step.header)}', column ${step.column + 1}); the first is used`,
      });
      continue;
    }
    seenSteps.set(step.number, step.header);
    stepColumns.push(step);
  }

  const plans = new Map<string, PayPlan & { seen: Map<string, PayGrade> }>();
  const gradeColumn = mapping.grade?.column as number;
  const planColumn = mapping.plan?.column;
  const column = (field: PlanField): number | undefined => mapping[field]?.column;
  let carriedPlan: string | undefined;
  let filledDown = 0;
  const footnotes: number[] = [];

  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (cells.every(isBlank)) continue;
    const row = index + 1;
    const gradeName = cleanKeyText(cells[gradeColumn]);
    const pay = (at: number | undefined): number | null | "text" => (at === undefined ? null : readPay(cells[at]));
    const stepValues = stepColumns.map(({ column: at }) => pay(at));
    const rangeValues = [pay(column("minimum")), pay(column("midpoint")), pay(column("maximum"))];
    const anyPay = [...stepValues, ...rangeValues].some((value) => typeof value === "number");
    const ownPlan = planColumn === undefined ? "" : cleanKeyText(cells[planColumn]);

    if (!anyPay && (gradeName === "" || isProse(cells, gradeName))) {
      // A footnote, a source line or a sub-heading: never a plan, never a grade.
      footnotes.push(row);
      continue;
    }
    let planName: string;
    if (ownPlan !== "") planName = ownPlan;
    else if (carriedPlan !== undefined && planColumn !== undefined) {
      planName = carriedPlan;
      filledDown++;
    } else planName = DEFAULT_PLAN;
    carriedPlan = planName;

    const planKey = normalizeKey(planName);
    let plan = plans.get(planKey);
    if (!plan) {
      plan = { name: planName, stepHeaders: [], grades: [], seen: new Map(), days: daysFromName(planName) };
      plans.set(planKey, plan);
    }
    if (gradeName === "") {
      findings.push({
        plan: planName,
        grade: "",
        step: null,
        severity: "error",
        message: `Row ${row} has pay but no grade`,
      });
      continue;
    }
    const notNumber = (header: string, at: number, step: number | null): void => {
      findings.push({
        plan: planName,
        grade: gradeName,
        step,
        severity: "error",
        message: `Row ${row}, column '${header}' is not a number: '${truncate(String(cells[at]).trim())}'`,
      });
    };
    const steps: (number | null)[] = [];
    stepValues.forEach((value, s) => {
      if (value === "text") {
        notNumber(stepColumns[s].header, stepColumns[s].column, s + 1);
        steps.push(null);
      } else steps.push(value);
    });
    while (steps.length > 0 && steps[steps.length - 1] === null) steps.pop();

    const [rawMin, rawMid, rawMax] = rangeValues.map((value, i) => {
      const field = (["minimum", "midpoint", "maximum"] as const)[i];
      if (value === "text") {
        notNumber(mapping[field]?.header ?? field, column(field) as number, null);
        return null;
      }
      return value;
    });
    const numeric = steps.filter((step): step is number => step !== null);
    const grade: PayGrade = {
      plan: planName,
      grade: gradeName,
      row,
      // A grade is a range when it gives any of Minimum, Midpoint, Maximum and no steps.
      kind: numeric.length > 0 || (rawMin === null && rawMid === null && rawMax === null) ? "steps" : "range",
      steps,
      unit: "annual",
      unitFrom: "pay",
      cents: false,
    };
    if (grade.kind === "steps") {
      if (plan.stepHeaders.length < steps.length)
        plan.stepHeaders = stepColumns.slice(0, steps.length).map((c) => c.header);
      if (numeric.length > 0) {
        grade.min = numeric[0];
        grade.max = numeric[numeric.length - 1];
      }
      if (rawMin !== null && grade.min !== undefined && Math.abs(rawMin - grade.min) > HALF_CENT)
        findings.push({
          plan: planName,
          grade: gradeName,
          step: null,
          severity: "warning",
          message: `The Minimum column (${moneyWords(rawMin, hasCents(rawMin))}) differs from step 1 (${moneyWords(grade.min, hasCents(grade.min))}); the steps are used`,
        });
    } else {
      if (rawMin !== null) grade.min = rawMin;
      if (rawMax !== null) grade.max = rawMax;
      if (rawMid !== null) grade.mid = rawMid;
    }
    decideUnit(grade, plan.name, column("unit") === undefined ? undefined : cells[column("unit") as number], findings);

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

  if (footnotes.length > 0)
    notes.push(
      `pay plans: ${footnotes.length === 1 ? "row" : "rows"} ${listRows(footnotes)} ignored (no grade and no pay: a title or footnote)`,
    );
  if (filledDown > 0)
    notes.push(
      `pay plans: the plan name was filled down over ${filledDown} blank or merged ${filledDown === 1 ? "cell" : "cells"}`,
    );
  if (headerIndex > 0) notes.push(`pay plans: header row ${headerIndex + 1} (rows above it are titles)`);

  const result: PayPlan[] = [];
  for (const { seen: _seen, ...plan } of plans.values()) {
    if (plan.grades.length === 0) continue;
    const units = new Set(plan.grades.map((grade) => grade.unit));
    result.push({ ...plan, unit: units.size === 1 ? [...units][0] : undefined });
  }
  if (result.length === 0) invalid("The pay-plan table has no grades under its header row");
  const columns: Record<string, string> = {};
  for (const spec of PLAN_FIELDS) {
    const hit = mapping[spec.field];
    if (hit) columns[spec.label] = hit.header;
  }
  if (stepColumns.length > 0)
    columns.Steps =
      stepColumns.length === 1
        ? stepColumns[0].header
        : `${stepColumns[0].header} … ${stepColumns[stepColumns.length - 1].header}`;
  return {
    plans: result,
    findings: [...findings, ...auditSchedules(result)],
    headerRow: headerIndex + 1,
    notes,
    columns,
  };
}

/** Marks footnotes and source lines start with. */
const FOOTNOTE_START = /^([*†‡§¹²³#(]|\d+[.)]\s|(note|notes|source|sources|effective|approved|revised)\b)/i;

/**
 * A row of text alone — its only filled cell prose, not a grade code — under or inside a table
 * without a Plan column: a footnote ("* Steps are granted on the anniversary…"), a source line.
 */
function isProse(cells: readonly CellValue[], text: string): boolean {
  if (cells.filter((cell) => !isBlank(cell)).length !== 1) return false;
  return FOOTNOTE_START.test(text) || (text.length > 20 && /\s\S+\s/.test(text));
}

function listRows(rows: number[]): string {
  return rows.length <= 5 ? rows.join(", ") : `${rows.slice(0, 5).join(", ")} and ${rows.length - 5} more`;
}

/**
 * The grade's unit: the Unit cell, else a unit named by the grade or its plan (when the pay can
 * be in it), else the size of the grade's own pay. A Unit cell the pay cannot be in is kept —
 * the table says so — with an audit warning.
 */
function decideUnit(grade: PayGrade, planName: string, cell: CellValue, findings: AuditFinding[]): void {
  const stated = isBlank(cell) ? undefined : String(cell);
  let unit: PayUnit | undefined = stated === undefined ? undefined : parseUnit(stated);
  const finding = (severity: AuditFinding["severity"], message: string): void => {
    findings.push({ plan: planName, grade: grade.grade, step: null, severity, message });
  };
  if (stated !== undefined && unit === undefined)
    finding(
      "error",
      `Unit '${truncate(stated.trim())}' is not hourly, daily, monthly or annual; the unit is inferred from the pay`,
    );
  grade.unitFrom = "column";
  if (unit !== undefined && grade.max !== undefined && !plausibleUnit(unit, grade.max))
    finding(
      "warning",
      `Unit '${truncate(String(stated).trim())}' with a top pay of ${moneyWords(grade.max, hasCents(grade.max))}, which looks ${unitFromPay(grade.max)}`,
    );
  if (unit === undefined) {
    const named = unitFromName(grade.grade) ?? unitFromName(planName);
    if (named !== undefined && (grade.max === undefined || plausibleUnit(named, grade.max))) {
      unit = named;
      grade.unitFrom = "name";
    }
  }
  if (unit === undefined) {
    grade.unitFrom = "pay";
    unit = grade.max === undefined ? "annual" : unitFromPay(grade.max);
  }
  grade.unit = unit;
  const figures = [...grade.steps, grade.min, grade.mid, grade.max].filter((v): v is number => typeof v === "number");
  grade.cents = unit === "hourly" || unit === "daily" || figures.some(hasCents);
}

/**
 * The schedule audit's checks on parsed grades. Errors: a blank step between filled ones, a
 * step lower than the one before, a grade without any pay, a range whose maximum is below its
 * minimum. Warnings: a step increase far from the grade's usual one — a rise more than
 * STEP_RISE_FACTOR times the median rise of the grade, or less than its 1/STEP_RISE_FACTOR
 * (catches typos such as PEA Bachelor's 57,661 → 57,675 → 58,675 and Ed Tech's jump to the last
 * step); flat steps are a schedule's plateaus (PEA longevity) and neither counted nor flagged —
 * a midpoint outside its range, and a grade whose minimum is below the previous grade's minimum
 * in the same plan.
 */
export function auditSchedules(plans: readonly PayPlan[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const plan of plans) {
    let previous: PayGrade | undefined;
    for (const grade of plan.grades) {
      // Steps are named as the plan numbers them ("Step 0" …); positions are used in between.
      const labels = stepLabels(plan.stepHeaders, grade.steps.length);
      const at = (step: number | null, severity: AuditFinding["severity"], message: string): void => {
        findings.push({ plan: plan.name, grade: grade.grade, step, severity, message });
      };
      // Pay in the grade's precision: "$57,675", "$14.02".
      const pay = (value: number): string => moneyWords(value, grade.cents || hasCents(value));
      if (grade.min === undefined || grade.max === undefined) {
        at(
          null,
          "error",
          grade.kind === "range"
            ? `Grade '${truncate(grade.grade)}' (row ${grade.row}) has ${grade.min === undefined ? "no Minimum" : "a Minimum but no Maximum"}`
            : `Grade '${truncate(grade.grade)}' (row ${grade.row}) has no pay steps`,
        );
        continue;
      }
      if (grade.kind === "range") {
        if (grade.max < grade.min - HALF_CENT)
          at(null, "error", `The maximum (${pay(grade.max)}) is below the minimum (${pay(grade.min)})`);
        else if (grade.mid !== undefined && (grade.mid < grade.min - HALF_CENT || grade.mid > grade.max + HALF_CENT))
          at(
            null,
            "warning",
            `The midpoint (${pay(grade.mid)}) is outside the range ${pay(grade.min)}–${pay(grade.max)}`,
          );
      }
      grade.steps.forEach((step, s) => {
        if (step === null && grade.steps.slice(s + 1).some((later) => later !== null)) {
          at(labels[s], "error", `Step ${labels[s]} is blank but a later step is filled`);
        }
      });
      const increases: { step: number; delta: number }[] = [];
      let last: { at: number; value: number } | undefined;
      grade.steps.forEach((value, s) => {
        if (value === null) return;
        if (last && value < last.value - HALF_CENT) {
          at(
            labels[s],
            "error",
            `Step ${labels[s]} (${pay(value)}) is lower than step ${labels[last.at]} (${pay(last.value)})`,
          );
        }
        if (last && last.at === s - 1) increases.push({ step: labels[s], delta: value - last.value });
        last = { at: s, value };
      });
      const rises = increases.filter((i) => i.delta > HALF_CENT);
      const sorted = rises.map((i) => i.delta).sort((a, b) => a - b);
      if (sorted.length >= 3) {
        const median = sorted[sorted.length >> 1];
        for (const { step, delta } of rises) {
          if (delta > median * STEP_RISE_FACTOR || delta * STEP_RISE_FACTOR < median) {
            at(step, "warning", `Step ${step} rises by ${pay(delta)}, against a usual step increase of ${pay(median)}`);
          }
        }
      }
      if (previous?.min !== undefined && previous.unit === grade.unit && grade.min < previous.min - HALF_CENT) {
        at(
          grade.kind === "steps" ? labels[0] : null,
          "warning",
          `The minimum (${pay(grade.min)}) is below the previous grade '${truncate(previous.grade)}' (${pay(previous.min)})`,
        );
      }
      previous = grade;
    }
  }
  return findings;
}

/**
 * The step numbers of a plan's step columns, as its headers name them ("Step 0", "S1", "3");
 * 1, 2, 3 … when they do not name increasing numbers.
 */
export function stepLabels(headers: readonly string[], count: number): number[] {
  const named = headers.slice(0, count).map((header) => /\d+/.exec(header)?.[0]);
  const numbers = named.map(Number);
  const ordered =
    named.length === count &&
    named.every((n) => n !== undefined) &&
    numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
  return ordered ? numbers : Array.from({ length: count }, (_, i) => i + 1);
}

/** The midpoint of a grade: its stated midpoint (range grades), else (minimum + maximum) / 2. */
export function gradeMidpoint(grade: Pick<PayGrade, "min" | "max" | "mid">): number | undefined {
  if (grade.mid !== undefined) return grade.mid;
  return grade.min === undefined || grade.max === undefined ? undefined : (grade.min + grade.max) / 2;
}

/** True when the grade has a usable pay range (minimum above 0, maximum not below it). */
export function hasUsableRange(grade: PayGrade): grade is PayGrade & { min: number; max: number } {
  return grade.min !== undefined && grade.max !== undefined && grade.min > 0 && grade.max >= grade.min;
}

/** Finds grades by plan and grade spelling, as people write them (see normalizeKey). */
export class GradeIndex {
  private readonly byPlanGrade = new Map<string, PayGrade>();
  private readonly byGrade = new Map<string, PayGrade[]>();
  private readonly planKeys = new Map<string, PayPlan>();
  private readonly plansByGrade = new Map<PayGrade, PayPlan>();
  private readonly order = new Map<PayGrade, number>();
  private readonly cache = new Map<string, PayGrade | string>();
  /** Every grade in pay-plan order (the plans' order, then each plan's). */
  readonly grades: readonly PayGrade[];

  constructor(readonly plans: readonly PayPlan[]) {
    this.grades = plans.flatMap((plan) => plan.grades);
    this.grades.forEach((grade, at) => this.order.set(grade, at));
    for (const plan of plans) {
      const planKey = normalizeKey(plan.name);
      this.planKeys.set(planKey, plan);
      for (const grade of plan.grades) {
        const gradeKey = normalizeKey(grade.grade);
        this.byPlanGrade.set(`${planKey}|${gradeKey}`, grade);
        this.byGrade.set(gradeKey, [...(this.byGrade.get(gradeKey) ?? []), grade]);
        this.plansByGrade.set(grade, plan);
      }
    }
  }

  /** The plan a grade belongs to. */
  planOf(grade: PayGrade): PayPlan {
    return this.plansByGrade.get(grade) as PayPlan;
  }

  /** A grade's position in pay-plan order (in `grades`). */
  orderOf(grade: PayGrade): number {
    return this.order.get(grade) as number;
  }

  /** The grade, or why it cannot be found (plan may be "" when grade codes are unique). */
  find(plan: string, grade: string): PayGrade | string {
    const spelling = `${plan}\u0000${grade}`;
    let found = this.cache.get(spelling);
    if (found === undefined) {
      found = this.resolve(plan, grade);
      if (this.cache.size < 100_000) this.cache.set(spelling, found);
    }
    return found;
  }

  private resolve(plan: string, grade: string): PayGrade | string {
    const gradeKey = normalizeKey(grade);
    if (normalizeKey(plan) !== "") {
      const planKey = normalizeKey(plan);
      return (
        this.byPlanGrade.get(`${planKey}|${gradeKey}`) ??
        (this.planKeys.has(planKey)
          ? `Grade '${truncate(grade)}' is not in plan '${truncate(plan)}'`
          : `Plan '${truncate(plan)}' is not in the pay plans`)
      );
    }
    const candidates = this.byGrade.get(gradeKey) ?? [];
    if (candidates.length === 1) return candidates[0];
    return candidates.length === 0
      ? `Grade '${truncate(grade)}' is not in the pay plans`
      : `Grade '${truncate(grade)}' is in several plans (${candidates.map((g) => g.plan).join(", ")}): give the Plan`;
  }
}
