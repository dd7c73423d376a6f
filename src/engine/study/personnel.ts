/**
 * One candidate's pay decision by the HISD compensation manual 2019–20: new hires (II.A.1.a
 * teachers, II.A.1.b nurses and speech therapists, II.A.1.e other jobs), rehires (II.A.1.f),
 * promotions and lateral transfers (II.B.1, terminology 31), and who may approve the salary
 * (II.A.1.e, as CompStudy reads it). Built on the single rules of ../rules.ts; the policy
 * values come from a Policy (a workbook's COMP Rules sheet, or POLICY).
 *
 * decidePlacement is the one entry point: the placements exhibit, COMP.PLACEMENT and the task
 * pane's one-person form all call it. It never throws on a candidate's data: a candidate that
 * cannot be decided comes back with salary null and the reason (as a warning and a problem).
 */
import { cleanKeyText, isBlank, normalizeKey, truncate, type CellValue } from "../cells";
import { isEngineError, invalid, notFound, outOfRange, type EngineErrorKind } from "../errors";
import type { PayUnit } from "../exhibit";
import { HALF_CENT, atLeast, atMost, moneyEquals, roundCents } from "../money";
import { POLICY } from "../policy";
import {
  approvalLevel,
  experienceSalary,
  gradeNumber,
  promotionSalary,
  rehireReturnSalary,
  stepForYears,
  withinRehireWindow,
  type ApprovalLevel,
} from "../rules";
import { findLane, parseGradeSchedule, parseLaneSchedule } from "../schedule";
import { findHeaderRow, foldHeader, mapColumns } from "./headers";
import { STEP_COLUMN_SYNONYMS, type LaneTable } from "./lanes";
import { DEFAULT_PLAN, GradeIndex, PLAN_FIELDS, hasUsableRange, parsePayPlans } from "./plans";
import type { Policy } from "./rules-sheet";
import type { PayGrade, PayPlan } from "./types";
import { hasCents, unitFromPay, unitMixOf } from "./units";

/** The source of the placement rules, as a decision cites it. */
const MANUAL = "HISD compensation manual 2019–20";

export const ACTIONS = ["hire", "promotion", "rehire", "transfer"] as const;
/** What happens to the candidate (HISD II.A, II.B). */
export type PersonnelAction = (typeof ACTIONS)[number];

export const JOB_TYPES = ["teacher", "nurse", "speech therapist", "other"] as const;
/** Which new-hire rule applies: step by years (teachers; nurses and speech therapists with non-school years) or 2.5 % a year over the minimum (other jobs). */
export type JobType = (typeof JOB_TYPES)[number];

/** Who approves the salary: the CHRO or the Compensation Committee (APPROVAL_LEVEL); "schedule" when a teacher's salary is the schedule's; "above maximum" when no one may. */
export type Approval = ApprovalLevel | "schedule" | "above maximum";

/** One candidate, as the pane's form or a Candidates row gives it. Numbers are in the grade's unit (hourly grades: hourly rates). */
export type Candidate = {
  readonly action: PersonnelAction;
  /** Default "other". */
  readonly jobType?: JobType;
  /** The plan of the grade, or the name of a lane schedule; may be blank when grade codes are unique. */
  readonly plan?: string;
  readonly grade?: string;
  /** The lane of a step-and-lane schedule (Bachelor's, Master's …); the Grade may name it instead. */
  readonly lane?: string;
  /** Approved (teachers), school-based (nurses, speech therapists) or related (other jobs) years of experience. */
  readonly years?: number | null;
  /** Relevant non-school years (nurses and speech therapists; at most 10 credited). */
  readonly otherYears?: number | null;
  /** Promotion and transfer: the present salary; rehire: the last salary. */
  readonly currentSalary?: number | null;
  /** Rehire: months since the last day of employment. */
  readonly monthsAway?: number | null;
  /** Promotion: the promotion-chart increase as a fraction (0.08 = 8 %). */
  readonly promotionPct?: number | null;
  /** An offer to check: its approval is decided instead of the recommendation's. */
  readonly requestedSalary?: number | null;
};

export type PlacementDecision = {
  /** The plan (or lane schedule) placed on, as the schedules spell it; as given when not found. */
  readonly plan: string;
  /** The grade (or the lane) placed on, as the schedules spell it; as given when not found. */
  readonly grade: string;
  /** The step placed on: step plans and lanes; null on a pay range or for a salary between steps. */
  readonly step: number | null;
  /** The recommended salary, in the grade's unit; null when the candidate cannot be decided. */
  readonly salary: number | null;
  /** Who approves the salary (the requested salary when one is given); null when not decided. */
  readonly approval: Approval | null;
  /** What was applied, in words ("2.5 % × 6 years over the minimum 52,000"). */
  readonly rule: string;
  /** Where the rule applied is written ("HISD compensation manual 2019–20, II.A.1.e"); empty when not decided. */
  readonly citation: string;
  /** What the reader must check; for a candidate that cannot be decided, the reason is the last. */
  readonly warnings: readonly string[];
  /** Why the candidate cannot be decided (COMP.PLACEMENT's error: #N/A not found, #VALUE! invalid, #NUM! out of range). */
  readonly problem?: { readonly kind: EngineErrorKind; readonly message: string };
  /** The pay unit and cents of the grade placed on (for showing the salary). */
  readonly unit?: PayUnit;
  readonly cents?: boolean;
};

/** The pay plans (grades × steps, or pay ranges) and the step-and-lane schedules a candidate may be placed on. */
export type PlacementSchedules = {
  readonly plans: readonly PayPlan[];
  readonly lanes?: readonly LaneTable[];
};

const ACTION_WORDS: Readonly<Record<string, PersonnelAction>> = {
  hire: "hire",
  "new hire": "hire",
  hiring: "hire",
  promotion: "promotion",
  promote: "promotion",
  rehire: "rehire",
  "re hire": "rehire",
  "re employment": "rehire",
  transfer: "transfer",
  "lateral transfer": "transfer",
  lateral: "transfer",
};

const JOB_WORDS: Readonly<Record<string, JobType>> = {
  teacher: "teacher",
  "classroom teacher": "teacher",
  nurse: "nurse",
  rn: "nurse",
  "school nurse": "nurse",
  "registered nurse": "nurse",
  "speech therapist": "speech therapist",
  speech: "speech therapist",
  slp: "speech therapist",
  "speech language pathologist": "speech therapist",
  "speech pathologist": "speech therapist",
  other: "other",
  "non teacher": "other",
};

/** Reads an Action cell: hire, promotion, rehire or transfer (also "new hire", "lateral transfer" …). */
export function parseAction(value: CellValue): PersonnelAction {
  const action = ACTION_WORDS[foldHeader(value)];
  if (action === undefined)
    invalid(
      isBlank(value)
        ? "Action is blank: hire, promotion, rehire or transfer"
        : `Action '${truncate(String(value).trim())}' is not hire, promotion, rehire or transfer`,
    );
  return action;
}

/** Reads a Job Type cell: teacher, nurse, speech therapist or other; blank → other (HISD II.A.1). */
export function parseJobType(value: CellValue): JobType {
  if (isBlank(value)) return "other";
  const job = JOB_WORDS[foldHeader(value)];
  if (job === undefined)
    invalid(`Job Type '${truncate(String(value).trim())}' is not teacher, nurse, speech therapist or other`);
  return job;
}

/** The numbers a candidate may give, in the Candidates table's order. */
export const CANDIDATE_NUMBERS = [
  "years",
  "otherYears",
  "currentSalary",
  "monthsAway",
  "promotionPct",
  "requestedSalary",
] as const;
export type CandidateNumber = (typeof CANDIDATE_NUMBERS)[number];

/**
 * A number the rules read and what it is used for (in words, for a form's hint). `need`:
 * "required" — no decision without it; "depends" — needed in the case `use` names (a rehire's
 * last salary within the window, its years after it); "optional" — a blank one leaves the
 * decision made (with a warning where the rule says so).
 */
export type CandidateInput = {
  readonly field: CandidateNumber;
  readonly need: "required" | "depends" | "optional";
  readonly use: string;
};

/**
 * The numbers decidePlacement reads for an action and job type (HISD II.A–B), in table order,
 * with what each is used for; a number not listed changes neither the salary nor the approval.
 */
export function candidateInputs(
  action: PersonnelAction,
  jobType: JobType = "other",
  policy: Policy = POLICY,
): CandidateInput[] {
  const window = policy.COMP_REHIRE_WINDOW_MONTHS;
  const nonSchool = jobType === "nurse" || jobType === "speech therapist";
  const byYears =
    jobType === "teacher"
      ? "approved teaching years, one step each"
      : nonSchool
        ? "school-based years, one step each"
        : `related years, ${percent(policy.COMP_EXPERIENCE_RATE)} over the minimum each (at most ${policy.COMP_EXPERIENCE_CAP_YEARS})`;
  const inputs: CandidateInput[] = [];
  const add = (field: CandidateNumber, need: CandidateInput["need"], use: string): void => {
    inputs.push({ field, need, use });
  };
  if (action === "hire") add("years", "required", `The ${byYears}.`);
  else if (action === "promotion")
    add("years", "optional", `For the new-hire method on the new grade: the ${byYears}; blank credits none.`);
  else if (action === "rehire")
    add("years", "depends", `After ${years(window, "month")} away, placed as a new hire: the ${byYears}.`);
  if (nonSchool && action !== "transfer")
    add(
      "otherYears",
      "optional",
      `Relevant non-school years, at most ${policy.COMP_OTHER_EXPERIENCE_CAP_YEARS} credited.`,
    );
  if (action === "promotion") add("currentSalary", "optional", "The present salary, raised by the Promotion %.");
  else if (action === "rehire")
    add("currentSalary", "depends", `The last salary, paid again within ${years(window, "month")}.`);
  else if (action === "transfer") add("currentSalary", "required", "Kept: a lateral transfer does not change pay.");
  if (action === "rehire")
    add(
      "monthsAway",
      "required",
      `Since the last day: within ${window}, the last salary; later, placed as a new hire.`,
    );
  if (action === "promotion")
    add("promotionPct", "optional", "The promotion-chart increase; the higher of it and the new-hire method is paid.");
  add("requestedSalary", "optional", "An offer to check: its approval is decided instead.");
  return inputs;
}

// ---------------------------------------------------------------------------------------
// A scale: a grade of a pay plan or a lane of a lane schedule, as the rules need it.

type Scale = {
  readonly plan: string;
  /** The grade, or the lane. */
  readonly name: string;
  readonly lane: boolean;
  readonly kind: "steps" | "range";
  /** Step numbers and their pay (null where the schedule has a hole); empty for a range. */
  readonly steps: readonly number[];
  readonly pays: readonly (number | null)[];
  /** The last step with pay: the top step, which holds for more years. */
  readonly topStep: number;
  readonly min: number;
  readonly max: number;
  readonly unit: PayUnit;
  readonly cents: boolean;
};

const indexes = new WeakMap<readonly PayPlan[], GradeIndex>();
const gradeScales = new WeakMap<PayGrade, Scale>();
const laneScales = new WeakMap<LaneTable, Map<number, Scale>>();

function indexOf(plans: readonly PayPlan[]): GradeIndex {
  let index = indexes.get(plans);
  if (index === undefined) {
    index = new GradeIndex(plans);
    indexes.set(plans, index);
  }
  return index;
}

/** Step numbers from a plan's step headers ("Step 0", "S1", "3"); 1, 2, 3 … when they name none in order. */
function stepNumbers(headers: readonly string[], count: number): number[] {
  const named = headers.slice(0, count).map((header) => /\d+/.exec(header)?.[0]);
  const numbers = named.map(Number);
  const ordered =
    named.length === count &&
    named.every((n) => n !== undefined) &&
    numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
  return ordered ? numbers : Array.from({ length: count }, (_, i) => i + 1);
}

function scaleOf(
  plan: string,
  name: string,
  lane: boolean,
  steps: readonly number[],
  pays: readonly (number | null)[],
): Omit<Scale, "kind" | "min" | "max"> & { min?: number; max?: number } {
  let top = -1;
  pays.forEach((pay, i) => {
    if (pay !== null) top = i;
  });
  const figures = pays.filter((pay): pay is number => pay !== null);
  const max = figures.length > 0 ? (pays[top] as number) : undefined;
  const unit = max === undefined ? "annual" : unitFromPay(max);
  return {
    plan,
    name,
    lane,
    steps,
    pays,
    topStep: top < 0 ? 0 : steps[top],
    min: figures[0],
    max,
    unit,
    cents: unit === "hourly" || unit === "daily" || figures.some(hasCents),
  };
}

function gradeScale(grade: PayGrade, plan: PayPlan): Scale {
  let scale = gradeScales.get(grade);
  if (scale === undefined) {
    if (!hasUsableRange(grade))
      invalid(`Grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' has no usable pay range`);
    const numbers = stepNumbers(plan.stepHeaders, grade.steps.length);
    const base = scaleOf(plan.name, grade.grade, false, numbers, grade.steps);
    scale = { ...base, kind: grade.kind, min: grade.min, max: grade.max, unit: grade.unit, cents: grade.cents };
    gradeScales.set(grade, scale);
  }
  return scale;
}

function laneScale(table: LaneTable, lane: string): Scale {
  const column = findLane(table.schedule, lane);
  let byColumn = laneScales.get(table);
  if (byColumn === undefined) {
    byColumn = new Map();
    laneScales.set(table, byColumn);
  }
  let scale = byColumn.get(column);
  if (scale === undefined) {
    const { schedule } = table;
    const base = scaleOf(
      table.name,
      schedule.lanes[column],
      true,
      schedule.steps,
      schedule.pay.map((row) => row[column]),
    );
    if (base.min === undefined || base.max === undefined || base.min <= 0)
      invalid(`Lane '${truncate(base.name)}' of '${truncate(table.name)}' has no usable pay`);
    scale = { ...base, kind: "steps", min: base.min, max: base.max };
    byColumn.set(column, scale);
  }
  return scale;
}

function describe(scale: Scale): string {
  if (scale.plan === "") return `${scale.lane ? "lane" : "grade"} '${truncate(scale.name)}'`;
  return scale.lane
    ? `lane '${truncate(scale.name)}' of '${truncate(scale.plan)}'`
    : `grade '${truncate(scale.name)}' of plan '${truncate(scale.plan)}'`;
}

type Resolved = { readonly scale?: Scale; readonly warning?: string; readonly error?: unknown };

const resolutions = new WeakMap<PlacementSchedules, Map<string, Resolved>>();

/** resolveScale, remembered per schedules and spelling: a batch names the same grades again and again. */
function scaleFor(schedules: PlacementSchedules, candidate: Candidate, warnings: string[]): Scale {
  let byKey = resolutions.get(schedules);
  if (byKey === undefined) {
    byKey = new Map();
    resolutions.set(schedules, byKey);
  }
  const key = `${candidate.plan ?? ""}\u0000${candidate.grade ?? ""}\u0000${candidate.lane ?? ""}`;
  let resolved = byKey.get(key);
  if (resolved === undefined) {
    const own: string[] = [];
    try {
      resolved = { scale: resolveScale(schedules, candidate, own), warning: own[0] };
    } catch (error) {
      resolved = { error };
    }
    if (byKey.size < 100_000) byKey.set(key, resolved);
  }
  if (resolved.error !== undefined) throw resolved.error;
  if (resolved.warning !== undefined) warnings.push(resolved.warning);
  return resolved.scale as Scale;
}

/** The grade or lane a candidate names: a lane schedule named by the Plan (or the only one), else a grade of the pay plans. */
function resolveScale(schedules: PlacementSchedules, candidate: Candidate, warnings: string[]): Scale {
  const lanes = schedules.lanes ?? [];
  const plan = cleanKeyText(candidate.plan);
  const grade = cleanKeyText(candidate.grade);
  const lane = cleanKeyText(candidate.lane);
  const index = indexOf(schedules.plans);
  let table = plan === "" ? undefined : lanes.find((t) => normalizeKey(t.name) === normalizeKey(plan));
  if (table === undefined && plan === "" && grade === "" && lane !== "") {
    if (lanes.length === 1) table = lanes[0];
    else if (lanes.length > 1)
      invalid(
        `Lane '${truncate(lane)}' without a Plan, and there are ${lanes.length} lane schedules (${lanes.map((t) => t.name).join(", ")}): give the Plan`,
      );
    else
      notFound(
        `Lane '${truncate(lane)}' given, but there is no lane schedule (a table of Step and one column per lane)`,
      );
  }
  if (table !== undefined) {
    // A Grade under a lane schedule's name is its lane, unless the pay plans have that grade.
    const gradeInPlans = lane === "" && grade !== "" && typeof index.find(plan, grade) !== "string";
    if (!gradeInPlans) {
      const key = lane !== "" ? lane : grade;
      if (key === "")
        invalid(`'${truncate(table.name)}' is a lane schedule: give the Lane (${table.schedule.lanes.join(", ")})`);
      return laneScale(table, key);
    }
  }
  if (grade === "")
    invalid(lane === "" ? "Grade is blank" : "Grade is blank (a Lane needs a lane schedule named by the Plan)");
  const found = index.find(plan, grade);
  if (typeof found === "string") notFound(found);
  if (lane !== "")
    warnings.push(
      `Lane '${truncate(lane)}' is not used: plan '${truncate(index.planOf(found).name)}' has grades, not lanes`,
    );
  return gradeScale(found, index.planOf(found));
}

/** A grade's or lane's pay as a form shows it next to the choice. */
export type PlacementScale = {
  readonly kind: "steps" | "range";
  /** How many steps (step plans and lanes). */
  readonly steps?: number;
  readonly min: number;
  readonly max: number;
  readonly unit: PayUnit;
  readonly cents: boolean;
};

/** The pay range a plan and grade (or lane) name, as decidePlacement finds it; undefined when it finds none. */
export function placementScale(
  schedules: PlacementSchedules,
  place: Pick<Candidate, "plan" | "grade" | "lane">,
): PlacementScale | undefined {
  try {
    const scale = scaleFor(schedules, { action: "hire", ...place }, []);
    return {
      kind: scale.kind,
      ...(scale.kind === "steps" ? { steps: scale.pays.filter((pay) => pay !== null).length } : {}),
      min: scale.min,
      max: scale.max,
      unit: scale.unit,
      cents: scale.cents,
    };
  } catch (error) {
    if (!isEngineError(error)) throw error;
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Words for the Rule column.

/** 1234567.5 → "1,234,567.50" (digits 2) or "1,234,568" (digits 0); amounts here are already rounded by their rule. */
function grouped(value: number, digits: 0 | 2): string {
  const fixed = value.toFixed(digits);
  const start = value < 0 ? 1 : 0;
  const point = digits === 0 ? fixed.length : fixed.length - 3;
  if (point - start <= 3) return fixed; // hourly rates: nothing to group
  let text = fixed.slice(0, start + ((point - start - 1) % 3) + 1);
  for (let i = text.length; i < point; i += 3) text += `,${fixed.slice(i, i + 3)}`;
  return text + fixed.slice(point);
}

/** Money as the Rule column shows it: with cents where the grade's pay has them (or the amount does). */
function money(value: number, scale: Scale): string {
  return grouped(value, scale.cents || hasCents(value) ? 2 : 0);
}

const percents = new Map<number, string>();

/** 0.025 → "2.5 %". */
function percent(rate: number): string {
  let text = percents.get(rate);
  if (text === undefined) {
    text = `${Number((rate * 100).toFixed(6))} %`;
    if (percents.size < 1000) percents.set(rate, text);
  }
  return text;
}

function years(count: number, word = "year"): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------------------------------
// The rules.

/** A rule's result: the step and salary, what was applied in words, and the manual's sections applied. */
type Placed = { readonly step: number | null; readonly salary: number; readonly text: string; readonly cite: string };

/** A count the candidate gave: null when absent; negative or not finite refused. */
function amount(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) invalid(`${name} must be a number`);
  if (value < 0) outOfRange(`${name} cannot be negative, got ${value}`);
  return value;
}

/** A salary the candidate gave, checked against the scale's unit (an annual salary on an hourly grade). */
function salaryOf(value: number | null | undefined, name: string, scale: Scale): number | null {
  const salary = amount(value, name);
  if (salary === null) return null;
  if (salary === 0) outOfRange(`${name} must be above zero`);
  const mix = unitMixOf(salary, scale.min, scale.max, scale.unit);
  if (mix !== undefined)
    invalid(
      `${name} ${money(salary, scale)} looks ${mix} but ${describe(scale)} is ${scale.unit} (${money(scale.min, scale)}–${money(scale.max, scale)})`,
    );
  return salary;
}

/** The row of the last listed step at or below `step` (lane schedules may skip step numbers). */
function rowAt(scale: Scale, step: number): number {
  let row = 0;
  while (row + 1 < scale.steps.length && scale.steps[row + 1] <= step) row++;
  return row;
}

function payAt(scale: Scale, step: number): number {
  const pay = scale.pays[rowAt(scale, step)];
  if (pay === null) notFound(`Step ${step} of ${describe(scale)} has no pay (see the schedule audit)`);
  return pay;
}

/** The first step paying at least `salary` (half-cent tolerance); the top step for the maximum. */
function firstStepAtOrAbove(scale: Scale, salary: number): { step: number; pay: number } {
  for (let i = 0; i < scale.pays.length; i++) {
    const pay = scale.pays[i];
    if (pay !== null && atLeast(pay, salary)) return { step: scale.steps[i], pay };
  }
  return { step: scale.topStep, pay: scale.max };
}

/** The step paying exactly `salary`, if any (a kept salary between steps has none). */
function stepPaying(scale: Scale, salary: number): number | null {
  if (scale.kind === "range") return null;
  const i = scale.pays.findIndex((pay) => pay !== null && moneyEquals(pay, salary));
  return i < 0 ? null : scale.steps[i];
}

/** Other jobs (HISD II.A.1.e): the minimum plus 2.5 % a year, at most 10 years, never above the maximum; on steps, the first step at or above it. */
function byExperience(scale: Scale, credit: number, policy: Policy): Placed {
  const rate = policy.COMP_EXPERIENCE_RATE;
  const cap = policy.COMP_EXPERIENCE_CAP_YEARS;
  const salary = experienceSalary(scale.min, scale.max, credit, rate, cap);
  const counted = Math.min(Math.floor(credit), Math.floor(cap));
  let text = `${percent(rate)} × ${years(counted)} over the minimum ${money(scale.min, scale)}`;
  if (Math.floor(credit) > Math.floor(cap)) text += ` (${years(credit)} given, at most ${cap} credited)`;
  else if (!Number.isInteger(credit)) text += ` (${credit} given: whole years count)`;
  if (scale.min * (1 + rate * counted) > scale.max + HALF_CENT)
    text += `, capped at the maximum ${money(scale.max, scale)}`;
  if (scale.kind === "range") return { step: null, salary, text, cite: "II.A.1.e" };
  const at = firstStepAtOrAbove(scale, salary);
  return {
    step: at.step,
    salary: at.pay,
    text: `${text} = ${money(salary, scale)}, on step ${at.step}, the first step at or above it`,
    cite: "II.A.1.e",
  };
}

/** Teachers (II.A.1.a): the step equal to the approved years; nurses and speech therapists (II.A.1.b) add non-school years, at most 10. */
function bySteps(scale: Scale, job: JobType, credit: number, other: number, policy: Policy): Placed {
  if (scale.kind === "range")
    invalid(
      `A ${job} is placed on a step by years, but ${describe(scale)} is a pay range without steps: use a plan with steps or a lane schedule`,
    );
  const cap = policy.COMP_OTHER_EXPERIENCE_CAP_YEARS;
  const counted = job === "teacher" ? 0 : other;
  const step = stepForYears(credit, scale.steps[0], scale.topStep, counted, cap);
  const salary = payAt(scale, step);
  const credited = Math.floor(credit) + Math.min(Math.floor(counted), Math.floor(cap));
  const where = `step ${step}${credited > scale.topStep ? " (the top step)" : credited < scale.steps[0] ? " (the first step)" : ""}`;
  const lane = scale.lane ? `, lane ${scale.name},` : "";
  const basis =
    job === "teacher"
      ? `${years(credit)} of approved experience`
      : `${years(credit)} + ${years(Math.min(Math.floor(counted), Math.floor(cap)), "non-school year")}${Math.floor(counted) > Math.floor(cap) ? ` (${counted} given, at most ${cap} credited)` : ""}`;
  return {
    step,
    salary,
    text: `${job}: ${where}${lane} for ${basis}`,
    cite: job === "teacher" ? "II.A.1.a" : "II.A.1.b",
  };
}

const newHires = new WeakMap<Scale, Map<string, Placed>>();

/** The new-hire method of the candidate's job type. */
function asNewHire(scale: Scale, candidate: Candidate, credit: number, policy: Policy, warnings: string[]): Placed {
  const job = candidate.jobType ?? "other";
  const other = amount(candidate.otherYears, "Other Years") ?? 0;
  if (other > 0 && job !== "nurse" && job !== "speech therapist")
    warnings.push(`Other Years (${other}) count only for nurses and speech therapists: not credited`);
  // A batch places many people on the same grade with the same years: each placement is computed once.
  const key =
    job === "other"
      ? `${credit}|${policy.COMP_EXPERIENCE_RATE}|${policy.COMP_EXPERIENCE_CAP_YEARS}`
      : `${job}|${credit}|${other}|${policy.COMP_OTHER_EXPERIENCE_CAP_YEARS}`;
  let byKey = newHires.get(scale);
  if (byKey === undefined) {
    byKey = new Map();
    newHires.set(scale, byKey);
  }
  let placed = byKey.get(key);
  if (placed === undefined) {
    placed = job === "other" ? byExperience(scale, credit, policy) : bySteps(scale, job, credit, other, policy);
    if (byKey.size < 10_000) byKey.set(key, placed);
  }
  return placed;
}

function requiredYears(candidate: Candidate, why: string): number {
  const given = amount(candidate.years, "Years");
  if (given === null) invalid(`Years is missing: ${why}`);
  return given;
}

function hire(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  const credit = requiredYears(candidate, "a new hire is placed by years of experience");
  return asNewHire(scale, candidate, credit, policy, warnings);
}

/** HISD II.B.1: the higher of the promotion-chart increase and the new-hire method on the new grade, within its range. */
function promotion(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  const given = amount(candidate.years, "Years");
  if (given === null) warnings.push("Years is missing: the new-hire method credits no experience");
  const newHire = asNewHire(scale, candidate, given ?? 0, policy, warnings);
  const current = salaryOf(candidate.currentSalary, "Current Salary", scale);
  const pct = amount(candidate.promotionPct, "Promotion %");
  if (pct !== null && pct > 1) outOfRange(`Promotion % ${pct} is above 100 %: write 8 % as 8% or 0.08`);
  if (current === null || pct === null) {
    const missing = [current === null ? "Current Salary" : "", pct === null ? "Promotion %" : ""].filter(Boolean);
    warnings.push(`${missing.join(" and ")} missing: only the new-hire method applies`);
    return {
      ...newHire,
      text: `promotion by the new-hire method only: ${newHire.text}`,
      cite: `II.B.1, ${newHire.cite}`,
    };
  }
  const increase = roundCents(current * (1 + pct));
  // promotionSalary with no years: the increase kept within the new range; then the higher of it and the new-hire method.
  let salary = Math.max(promotionSalary(current, scale.min, scale.max, pct), newHire.salary);
  const chart = `the ${percent(pct)} increase on ${money(current, scale)} at ${money(increase, scale)}`;
  const method = `the new-hire method at ${money(newHire.salary, scale)} (${newHire.text})`;
  let text =
    increase > newHire.salary + HALF_CENT
      ? `promotion: ${chart} beats ${method}`
      : `promotion: ${method} beats ${chart}`;
  if (increase > scale.max + HALF_CENT && increase > newHire.salary)
    text += `, capped at the maximum ${money(scale.max, scale)}`;
  let step: number | null = null;
  if (moneyEquals(salary, newHire.salary))
    step = newHire.step; // flat steps: keep the new-hire method's own step
  else if (scale.kind === "steps") {
    const at = firstStepAtOrAbove(scale, salary);
    if (!moneyEquals(at.pay, salary)) text += `; placed on step ${at.step}, the first step at or above it`;
    step = at.step;
    salary = at.pay;
  }
  // A promotion goes to a higher grade: one whose maximum is below the present pay cuts it.
  if (salary < current - HALF_CENT)
    warnings.push(
      `The promoted salary ${money(salary, scale)} is below the Current Salary ${money(current, scale)} (the grade's maximum is ${money(scale.max, scale)}): is this grade higher than the present one?`,
    );
  return { step, salary, text, cite: `II.B.1, ${newHire.cite}` };
}

/** HISD II.A.1.f: back within six months → the last salary, not above the maximum; later → as a new hire. */
function rehire(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  const window = policy.COMP_REHIRE_WINDOW_MONTHS;
  const months = amount(candidate.monthsAway, "Months Away");
  if (months === null)
    invalid(
      `Months Away is missing: a rehire within ${window} months returns at the last salary, a later one is placed as a new hire`,
    );
  if (!withinRehireWindow(months, window)) {
    const credit = requiredYears(candidate, `a rehire after more than ${window} months is placed as a new hire`);
    const placed = asNewHire(scale, candidate, credit, policy, warnings);
    return {
      ...placed,
      text: `rehire after ${years(months, "month")} (more than ${window}), placed as a new hire: ${placed.text}`,
      cite: `II.A.1.f, ${placed.cite}`,
    };
  }
  const last = salaryOf(candidate.currentSalary, "Current Salary", scale);
  if (last === null)
    invalid(`Current Salary (the last salary) is missing: a rehire within ${window} months returns at it`);
  const salary = rehireReturnSalary(last, scale.max, months, window);
  outsideRange(scale, salary, "The last salary", warnings);
  const capped = salary < last ? `, capped at the maximum ${money(scale.max, scale)}` : "";
  return {
    step: stepPaying(scale, salary),
    salary,
    text: `rehire after ${years(months, "month")} (within ${window}): the last salary ${money(last, scale)}${capped}`,
    cite: "II.A.1.f",
  };
}

/** Terminology 31: a lateral transfer does not result in a pay adjustment. */
function transfer(scale: Scale, candidate: Candidate, warnings: string[]): Placed {
  const current = salaryOf(candidate.currentSalary, "Current Salary", scale);
  if (current === null) invalid("Current Salary is missing: a lateral transfer keeps it");
  outsideRange(scale, current, "The salary", warnings);
  return {
    step: stepPaying(scale, current),
    salary: current,
    text: `lateral transfer: the same salary ${money(current, scale)}`,
    cite: "terminology 31",
  };
}

function outsideRange(scale: Scale, salary: number, what: string, warnings: string[]): void {
  if (!atLeast(salary, scale.min))
    warnings.push(
      `${what} ${money(salary, scale)} is below the minimum ${money(scale.min, scale)} of ${describe(scale)}`,
    );
  else if (!atMost(salary, scale.max))
    warnings.push(
      `${what} ${money(salary, scale)} is above the maximum ${money(scale.max, scale)} of ${describe(scale)}`,
    );
}

const bandGrades = new WeakMap<Scale, Map<number, number | undefined>>();

/** The grade's number for the approval band (27, "T8" = 27), if it has one; once per grade and offset. */
function bandGrade(scale: Scale, policy: Policy): number | undefined {
  if (scale.lane) return undefined;
  const offset = policy.COMP_TECH_GRADE_OFFSET;
  let byOffset = bandGrades.get(scale);
  if (byOffset === undefined) {
    byOffset = new Map();
    bandGrades.set(scale, byOffset);
  }
  if (byOffset.has(offset)) return byOffset.get(offset);
  let number: number | undefined;
  try {
    number = gradeNumber(scale.name, offset);
  } catch (error) {
    if (!isEngineError(error)) throw error;
  }
  byOffset.set(offset, number);
  return number;
}

/**
 * APPROVAL_LEVEL on the salary. A grade without a number (B1-5) still has an answer at or below
 * the midpoint (the CHRO in either band) and past the start of Q4 (the Committee in either);
 * only between them does the band decide, and then the reader is told.
 */
function approvalOf(scale: Scale, salary: number, policy: Policy, warnings: string[]): Approval | null {
  if (!atMost(salary, scale.max)) return "above maximum";
  const senior = policy.COMP_SENIOR_GRADE;
  const number = bandGrade(scale, policy);
  if (number !== undefined) return approvalLevel(salary, scale.min, scale.max, number, senior);
  const lower = approvalLevel(salary, scale.min, scale.max, senior - 1, senior);
  const upper = approvalLevel(salary, scale.min, scale.max, senior, senior);
  if (lower === upper) return lower;
  warnings.push(
    `The ${describe(scale)} has no grade number (such as 27 or T8), and between the midpoint and the 4th quartile the approver depends on it: the CHRO below grade ${senior}, the Compensation Committee from it`,
  );
  return null;
}

/** The Requested Salary to approve; one that cannot be read leaves the recommendation decided, with a warning. */
function requestedOf(scale: Scale, candidate: Candidate, warnings: string[]): number | null {
  try {
    return salaryOf(candidate.requestedSalary, "Requested Salary", scale);
  } catch (error) {
    if (!isEngineError(error)) throw error;
    warnings.push(`${error.message}: the recommendation is approved instead`);
    return null;
  }
}

function approve(
  scale: Scale,
  candidate: Candidate,
  placed: Placed,
  policy: Policy,
  warnings: string[],
): Approval | null {
  const requested = requestedOf(scale, candidate, warnings);
  if (requested !== null) {
    if (requested > placed.salary + HALF_CENT) {
      let line = `Requested Salary ${money(requested, scale)} is above the recommendation ${money(placed.salary, scale)}`;
      const pct = candidate.action === "promotion" ? (candidate.promotionPct ?? null) : null;
      if (pct !== null && candidate.currentSalary)
        line += ` (the CHRO may add up to ${percent(policy.COMP_PROMOTION_CHRO_EXTRA)} to the promotion increase: ${money(roundCents(candidate.currentSalary * (1 + pct + policy.COMP_PROMOTION_CHRO_EXTRA)), scale)})`;
      warnings.push(line);
    }
    if (!atMost(requested, scale.max))
      warnings.push(
        `Requested Salary ${money(requested, scale)} is above the maximum ${money(scale.max, scale)}: no one may approve it`,
      );
    else if (!atLeast(requested, scale.min))
      warnings.push(`Requested Salary ${money(requested, scale)} is below the minimum ${money(scale.min, scale)}`);
  }
  const onSchedule = (candidate.jobType ?? "other") !== "other" && scale.kind === "steps";
  if (onSchedule && (requested === null || moneyEquals(requested, placed.salary))) return "schedule";
  return approvalOf(scale, requested ?? placed.salary, policy, warnings);
}

/**
 * Decides one candidate's placement by the HISD manual (II.A new hires and rehires, II.B
 * promotions and transfers, II.A.1.e approval authority): step, salary, approval, the rule in
 * words and the warnings. Never throws on the candidate's data (a candidate that cannot be
 * decided has salary null and `problem`); policy values from `policy` (default POLICY).
 */
export function decidePlacement(
  schedules: PlacementSchedules,
  candidate: Candidate,
  policy: Policy = POLICY,
): PlacementDecision {
  const warnings: string[] = [];
  let scale: Scale | undefined;
  try {
    scale = scaleFor(schedules, candidate, warnings);
    let placed: Placed;
    switch (candidate.action) {
      case "hire":
        placed = hire(scale, candidate, policy, warnings);
        break;
      case "promotion":
        placed = promotion(scale, candidate, policy, warnings);
        break;
      case "rehire":
        placed = rehire(scale, candidate, policy, warnings);
        break;
      case "transfer":
        placed = transfer(scale, candidate, warnings);
        break;
      default:
        placed = invalid(`Action '${String(candidate.action)}' is not hire, promotion, rehire or transfer`);
    }
    const approval = approve(scale, candidate, placed, policy, warnings);
    return {
      plan: scale.plan,
      grade: scale.name,
      step: placed.step,
      salary: placed.salary,
      approval,
      rule: placed.text,
      citation: `${MANUAL}, ${placed.cite}`,
      warnings,
      unit: scale.unit,
      cents: scale.cents,
    };
  } catch (error) {
    if (!isEngineError(error)) throw error;
    return {
      plan: scale?.plan ?? cleanKeyText(candidate.plan),
      grade: scale?.name ?? (cleanKeyText(candidate.grade) || cleanKeyText(candidate.lane)),
      step: null,
      salary: null,
      approval: null,
      rule: "",
      citation: "",
      warnings: [...warnings, error.message],
      problem: { kind: error.kind, message: error.message },
      unit: scale?.unit,
      cents: scale?.cents,
    };
  }
}

// ---------------------------------------------------------------------------------------
// COMP.PLACEMENT's schedule argument.

/** A schedule range as COMP.PLACEMENT reads it, and whether its columns are lanes. */
export type PlacementSchedule = { readonly schedules: PlacementSchedules; readonly lanes: boolean };

/**
 * Reads a schedule range for one placement (Portland pay plans, HISD pay ranges, the PEA
 * experience schedule): a step-and-lane schedule when its first header cell is Step (or Years,
 * Experience); a pay-plan table when a header row names the Grade (steps, or Minimum and
 * Maximum); else grade keys in the first column and steps across (COMP.PAYSTEP's layout).
 */
export function parsePlacementSchedule(block: readonly (readonly CellValue[])[]): PlacementSchedule {
  const first = block.find((row) => row.some((cell) => !isBlank(cell)));
  if (first === undefined) invalid("The schedule is empty");
  if ((STEP_COLUMN_SYNONYMS as readonly string[]).includes(foldHeader(first[0])))
    return { schedules: { plans: [], lanes: [{ name: "", schedule: parseLaneSchedule(block) }] }, lanes: true };
  const header = block[findHeaderRow(block, PLAN_FIELDS)];
  if (mapColumns(header, PLAN_FIELDS).grade !== undefined)
    return { schedules: { plans: parsePayPlans(block).plans }, lanes: false };
  const parsed = parseGradeSchedule(block);
  const stepHeaders = parsed.stepLabels.map((_, i) => `Step ${parsed.firstStep + i}`);
  const grades = parsed.grades.map((row): PayGrade => {
    const max = row.steps[row.steps.length - 1];
    const unit = unitFromPay(max);
    return {
      plan: DEFAULT_PLAN,
      grade: row.grade,
      row: row.row,
      kind: "steps",
      steps: [...row.steps],
      min: row.steps[0],
      max,
      unit,
      unitFrom: "pay",
      cents: unit === "hourly" || unit === "daily" || row.steps.some(hasCents),
    };
  });
  return { schedules: { plans: [{ name: DEFAULT_PLAN, stepHeaders, grades }] }, lanes: false };
}
