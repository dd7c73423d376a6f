/**
 * Pay-plan tables as people lay them out (Portland study, pay plan exhibits; HISD pay scales):
 * columns Plan, Grade, Step 1 … Step N — or Minimum, (Midpoint,) Maximum for range grades —
 * and an optional Unit. Title rows above the header, plan names written once and left blank
 * (or merged) below, and footnotes under the table are all read as people mean them. Problem
 * rows are kept and reported by the schedule audit rather than refused, so one typo does not
 * stop a study; only an unusable table throws.
 */
import { cleanKeyText, isBlank, normalizeKey, truncate, type CellValue } from "../cells";
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
import { decideDecimalMark, markEvidence, readNumberAs, type DecimalMark, type NumberColumn } from "./numbers";
import { moneyWords } from "./report/words";
import { reportLinesNote, titleKey, type ReportLineKind } from "./report-lines";
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

/**
 * A step cell that says "no step": a dash or N/A in the unused steps of a short grade, or
 * Excel's Accounting format's zero ("$ -"). Read as a blank step, never as a problem per cell.
 */
const NO_STEP = /^(?:[-–—]{1,3}|n\/?a|n\.a\.|none|\$ *[-–—])$/i;

function isNoStep(value: CellValue): boolean {
  return typeof value === "string" && value.length <= 8 && NO_STEP.test(value.trim());
}

function readPay(value: CellValue, mark: DecimalMark): number | null | "text" {
  if (isBlank(value) || isNoStep(value)) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "text";
  if (typeof value === "string") return readNumberAs(value, mark) ?? "text";
  return "text";
}

type Layout = {
  headerIndex: number;
  mapping: ReturnType<typeof mapColumns<PlanField>>;
  steps: { column: number; header: string; number: number }[];
};

/** The layout a row gives as a header row; throws (ambiguous columns) like mapColumns. */
function layoutAt(table: readonly (readonly CellValue[])[], index: number): Layout {
  const header = table[index];
  const mapping = mapColumns(header, PLAN_FIELDS);
  const taken = new Set(Object.values(mapping).map((hit) => (hit as { column: number }).column));
  const steps = header.flatMap((cell, column) => {
    const number = stepNumber(cell);
    return number !== undefined && !taken.has(column) ? [{ column, header: String(cell).trim(), number }] : [];
  });
  return { headerIndex: index, mapping, steps };
}

/** A layout that can hold pay: step columns, or Minimum and Maximum. */
const usable = (layout: Layout): boolean =>
  layout.steps.length > 0 || (layout.mapping.minimum !== undefined && layout.mapping.maximum !== undefined);

/** The row as a header row of a pay-plan block (a Grade column and pay columns), or undefined. */
function headerLayout(table: readonly (readonly CellValue[])[], index: number): Layout | undefined {
  const row = table[index];
  const grades: readonly string[] = GRADE_FIELD.synonyms;
  if (!row.some((cell) => typeof cell === "string" && grades.includes(foldHeader(cell)))) return undefined;
  try {
    const layout = layoutAt(table, index);
    return layout.mapping.grade !== undefined && usable(layout) ? layout : undefined;
  } catch {
    return undefined;
  }
}

/** The header row and its columns; throws a message naming what is missing. */
function readLayout(table: readonly (readonly CellValue[])[]): Layout {
  const headerIndex = findHeaderRow(table, PLAN_FIELDS, {}, (row) => {
    try {
      return usable(layoutAt(table, table.indexOf(row)));
    } catch {
      return false;
    }
  });
  if (headerIndex < 0) invalid("The pay-plan table is empty");
  const layout = layoutAt(table, headerIndex);
  if (!layout.mapping.grade) invalid(missingColumnMessage(PLAN_FIELDS[1]));
  if (!usable(layout))
    invalid(
      "The pay-plan table has no step columns (looked for: Step 1, Step 2, …) and no Minimum and Maximum columns",
    );
  return layout;
}

/** One schedule of a sheet: its header's layout, its rows, and the plan its title names. */
type Block = {
  layout: Layout;
  /** 0-based index past its last row. */
  end: number;
  /** The plan named by the block's title line, when the block has no Plan column of its own. */
  title?: string;
  titleKey?: string;
};

/** A line of text alone: no number in it, a few cells at most (a title, a footnote, a page number). */
function textLine(cells: readonly CellValue[]): boolean {
  let count = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    if (typeof cell !== "string" || markEvidence(cell) !== undefined) return false;
    count++;
  }
  return count > 0 && count <= 3;
}

/** The text of a title line, as written. */
function lineText(cells: readonly CellValue[]): string {
  return cells
    .filter((cell) => !isBlank(cell))
    .map((cell) => String(cell).trim())
    .join(" ");
}

/**
 * The schedules stacked on a sheet. A header row under the first starts a new block unless it
 * repeats the current one's header with no new title above it (a page break: left out). A new
 * block's plan is named by its Plan column, else by the title line just above its header
 * ("Administrative — 2024-25"); a block with neither is refused, naming its header row.
 */
function findBlocks(
  table: readonly (readonly CellValue[])[],
  first: Layout,
  left: Map<number, ReportLineKind>,
  structure: Set<number>,
): Block[] {
  const foldedOf = (layout: Layout): string[] => table[layout.headerIndex].map(foldHeader);
  const titleAbove = (index: number, from: number): number | undefined => {
    for (let at = index - 1; at >= from; at--) {
      const cells = table[at];
      if (cells.every(isBlank)) continue;
      if (!textLine(cells)) return undefined;
      if (!FOOTNOTE_START.test(lineText(cells))) return at;
    }
    return undefined;
  };
  const firstTitle = titleAbove(first.headerIndex, 0);
  let current: Block = {
    layout: first,
    end: table.length,
    title: firstTitle === undefined ? undefined : lineText(table[firstTitle]),
    titleKey: firstTitle === undefined ? undefined : titleKey(table[firstTitle]),
  };
  let folded = foldedOf(first);
  const blocks: Block[] = [current];
  let lastData = first.headerIndex;
  for (let index = first.headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (cells.every(isBlank) || left.has(index)) continue;
    const layout = headerLayout(table, index);
    if (layout === undefined) {
      if (!textLine(cells)) lastData = index;
      continue;
    }
    const titleRow = titleAbove(index, lastData + 1);
    const key = titleRow === undefined ? undefined : titleKey(table[titleRow]);
    const sameHeader =
      cells.length === folded.length && cells.every((cell, column) => foldHeader(cell) === folded[column]);
    if (sameHeader && (key === undefined || key === current.titleKey)) {
      // The header (and the title) repeated at a page break: the same schedule goes on.
      left.set(index, "header");
      if (titleRow !== undefined) left.set(titleRow, "title");
      continue;
    }
    if (titleRow === undefined && layout.mapping.plan === undefined)
      invalid(
        `The pay-plan table has a second header row (row ${index + 1}) with no Plan column and no title line above it naming its plan: add a Plan column or a title line above each schedule's header, or put each schedule on its own sheet`,
      );
    current.end = titleRow ?? index;
    current = {
      layout,
      end: table.length,
      title: titleRow === undefined ? undefined : lineText(table[titleRow]),
      titleKey: key,
    };
    if (titleRow !== undefined) structure.add(titleRow);
    structure.add(index);
    blocks.push(current);
    folded = foldedOf(layout);
    lastData = index;
  }
  return blocks;
}

/** The plan a block's title names: "Administrative — 2024-25" → "Administrative". */
export function planFromTitle(title: string): string {
  const name = trimSeparators(title.replace(SCHOOL_YEAR, " ").replace(EFFECTIVE, " ")).replace(/\s+/g, " ");
  return name === "" ? title.trim() : name;
}

/** Separators left at either end once the year is gone ("Administrative — "). */
const SEPARATORS = " \t\u00a0-–—:,|/";

/** The text without separators at either end (a scan: a pattern anchored at the end is quadratic). */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATORS.includes(text[start])) start++;
  while (end > start && SEPARATORS.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

/** "2024-25", "2024–2025", "FY25", "FY 24-25", "FY 2024-25", "SY 2024/25", "(2024-25)" — years 19xx and 20xx only. */
const SCHOOL_YEAR =
  /\(?\b(?:(?:fy|sy)\s?)?(?:19|20)\d{2}(?:\s?[-–/]\s?(?:19|20)?\d{2})?\b\)?|\b(?:fy|sy)\s?\d{2}(?:\s?[-–/]\s?\d{2})?\b/gi;
/** "(effective July 1, 2024)", "Effective 7/1/2024". */
const EFFECTIVE = /\(?\beffective\b[^)]*\)?/gi;

/** Words a schedule's title adds to its plan's name. */
const GENERIC_WORDS = /\b(?:salary|salaries|pay|wage|schedules?|scales?|plans?|tables?|rates?)\b/gi;

/** A plan's name as its bare words, the normalised key: years, "effective …" and generic words dropped. */
export function planCore(name: string): string {
  return normalizeKey(
    name
      .replace(SCHOOL_YEAR, " ")
      .replace(EFFECTIVE, " ")
      .replace(GENERIC_WORDS, " ")
      .replace(/[-–—:,|/()]/g, " "),
  );
}

/** The columns of a layout that hold pay, for deciding the decimal mark. */
function payColumns(layout: Layout): NumberColumn[] {
  const range = (["minimum", "midpoint", "maximum"] as const).flatMap((field) => {
    const hit = layout.mapping[field];
    return hit ? [{ column: hit.column, name: hit.header }] : [];
  });
  return [...layout.steps.map((step) => ({ column: step.column, name: step.header })), ...range];
}

export type PlanReadOptions = {
  /** The decimal mark the user says the file uses, for numbers that could be read either way. */
  decimal?: DecimalMark;
  /** The file's field delimiter (a CSV's). */
  delimiter?: string;
  /** 1-based rows the file marks as totals (an Excel table's totals row). */
  totalsRows?: readonly number[];
};

/** Parses a pay-plan table into plans of grades, with audit findings and reading notes. */
export function parsePayPlans(table: readonly (readonly CellValue[])[], options: PlanReadOptions = {}): PayPlans {
  const first = readLayout(table);
  if (table.slice(first.headerIndex + 1).every((row) => row.every(isBlank))) {
    invalid("The pay-plan table has headers but no grades");
  }
  const left = new Map<number, ReportLineKind>();
  for (const row of options.totalsRows ?? []) if (row - 1 > first.headerIndex) left.set(row - 1, "totals-row");
  // Each block's own title line and header row: read as its layout, never as grades.
  const structure = new Set<number>();
  const blocks = findBlocks(table, first, left, structure);
  const regions = blocks.map((block) => ({
    from: block.layout.headerIndex + 1,
    to: block.end,
    columns: payColumns(block.layout),
  }));
  const decision = decideDecimalMark(table, regions, {
    stated: options.decimal,
    delimiter: options.delimiter,
    skip: (index) => left.has(index) || structure.has(index),
  });
  const findings: AuditFinding[] = [];
  const notes: string[] = [];
  if (decision.note !== undefined) notes.push(`pay plans: ${decision.note}`);
  const plans = new Map<string, PayPlan & { seen: Map<string, PayGrade> }>();
  const footnotes: number[] = [];
  const state = { filledDown: 0, noSteps: 0 };
  const skipped = (index: number): boolean => left.has(index) || structure.has(index);
  for (const block of blocks)
    readBlock(table, block, blocks.length > 1, decision.mark, skipped, { plans, findings, footnotes, state });

  if (footnotes.length > 0)
    notes.push(
      `pay plans: ${footnotes.length === 1 ? "row" : "rows"} ${listRows(footnotes)} ignored (no grade and no pay: a title or footnote)`,
    );
  if (state.filledDown > 0)
    notes.push(
      `pay plans: the plan name was filled down over ${state.filledDown} blank or merged ${state.filledDown === 1 ? "cell" : "cells"}`,
    );
  if (first.headerIndex > 0) notes.push(`pay plans: header row ${first.headerIndex + 1} (rows above it are titles)`);
  if (blocks.length > 1)
    notes.push(
      `pay plans: ${blocks.length} schedules on one sheet, each read with its own header: ${blocks
        .map(
          (block) =>
            `row ${block.layout.headerIndex + 1}${block.title === undefined ? "" : ` ('${truncate(block.title)}')`}`,
        )
        .join(", ")}`,
    );
  notes.push(...reportLinesNote("pay plans", "grades", left));
  if (state.noSteps > 0)
    notes.push(
      `pay plans: ${state.noSteps} ${state.noSteps === 1 ? "grade has" : "grades have"} a dash or N/A in unused steps, read as no step`,
    );

  const result: PayPlan[] = [];
  for (const { seen: _seen, ...plan } of plans.values()) {
    if (plan.grades.length === 0) continue;
    const units = new Set(plan.grades.map((grade) => grade.unit));
    result.push({ ...plan, unit: units.size === 1 ? [...units][0] : undefined });
  }
  if (result.length === 0) invalid("The pay-plan table has no grades under its header row");
  const columns: Record<string, string> = {};
  for (const spec of PLAN_FIELDS) {
    const hit = first.mapping[spec.field];
    if (hit) columns[spec.label] = hit.header;
  }
  if (first.steps.length > 0)
    columns.Steps =
      first.steps.length === 1
        ? first.steps[0].header
        : `${first.steps[0].header} … ${first.steps[first.steps.length - 1].header}`;
  return {
    plans: result,
    findings: [...findings, ...auditSchedules(result)],
    headerRow: first.headerIndex + 1,
    notes,
    columns,
  };
}

type Collected = {
  plans: Map<string, PayPlan & { seen: Map<string, PayGrade> }>;
  findings: AuditFinding[];
  footnotes: number[];
  state: { filledDown: number; noSteps: number };
};

/** Reads the grades of one block of the sheet into the plans collected so far. */
function readBlock(
  table: readonly (readonly CellValue[])[],
  block: Block,
  titled: boolean,
  mark: DecimalMark,
  skipped: (index: number) => boolean,
  { plans, findings, footnotes, state }: Collected,
): void {
  const { layout } = block;
  const { mapping } = layout;
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

  const gradeColumn = mapping.grade?.column as number;
  const planColumn = mapping.plan?.column;
  const column = (field: PlanField): number | undefined => mapping[field]?.column;
  // A block without a Plan column takes its title's plan on a sheet of several schedules.
  const blockPlan =
    titled && planColumn === undefined && block.title !== undefined ? planFromTitle(block.title) : undefined;
  let carriedPlan: string | undefined;

  for (let index = layout.headerIndex + 1; index < block.end; index++) {
    const cells = table[index];
    if (cells.every(isBlank) || skipped(index)) continue;
    const row = index + 1;
    const gradeName = cleanKeyText(cells[gradeColumn]);
    const pay = (at: number | undefined): number | null | "text" =>
      at === undefined ? null : readPay(cells[at], mark);
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
      state.filledDown++;
    } else planName = blockPlan ?? DEFAULT_PLAN;
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
    if (stepColumns.slice(steps.length).some(({ column: at }) => isNoStep(cells[at]))) state.noSteps++;
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
      // Blank steps between filled ones (a blank, a dash or N/A in a cell): one finding per grade,
      // the steps named as the plan numbers them.
      const lastFilled = grade.steps.reduce<number>((found, step, s) => (step === null ? found : s), -1);
      const gaps = grade.steps.flatMap((step, s) => (step === null && s < lastFilled ? [labels[s]] : []));
      if (gaps.length === 1) at(gaps[0], "error", `Step ${gaps[0]} is blank but a later step is filled`);
      else if (gaps.length > 1) at(gaps[0], "error", `Steps ${gaps.join(", ")} are blank but a later step is filled`);
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

/**
 * The 0-based position of a roster Step on a grade's steps (issue 16): the last step numbered at
 * or below it (a step the schedule skips is the step below it; past the top, the top step
 * holds); −1 when it is not a whole number or is below the first step.
 */
export function positionOfStep(labels: readonly number[], step: number): number {
  if (!Number.isInteger(step) || labels.length === 0 || step < labels[0]) return -1;
  let at = 0;
  while (at + 1 < labels.length && labels[at + 1] <= step) at++;
  return at;
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
  /** Plans by their name without years and generic words ("Classified Salary Schedule 2024-25" → "CLASSIFIED"). */
  private readonly planCores = new Map<string, PayPlan[]>();
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
      const core = planCore(plan.name);
      if (core !== "") this.planCores.set(core, [...(this.planCores.get(core) ?? []), plan]);
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
      let planKey = normalizeKey(plan);
      // A bare plan name ("Classified") names the one plan titled with it and a year or the
      // words "Salary Schedule" ("Classified Salary Schedule 2024-25"); a name with its own
      // year ("Classified 2023-24") must match exactly — never last year's schedule.
      if (!this.planKeys.has(planKey) && planCore(plan) === planKey) {
        const named = this.planCores.get(planKey);
        if (named?.length === 1) planKey = normalizeKey(named[0].name);
        else if (named !== undefined && named.length > 1)
          return `Plan '${truncate(plan)}' could be any of ${named.map((p) => `'${truncate(p.name)}'`).join(", ")}: give the plan's full name`;
      }
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
