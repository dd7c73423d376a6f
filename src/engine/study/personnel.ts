/**
 * One candidate's pay decision by the HISD compensation manual 2019–20: new hires (II.A.1.a
 * teachers, II.A.1.b nurses, speech therapists, counselors, librarians and evaluation
 * specialists, II.A.1.c assistant principals and deans, II.A.1.e other jobs with the grade-19
 * rule for crafts/trades, nutrition services and custodians), rehires (II.A.1.f), promotions
 * with the promotion chart (II.B.1), lateral transfers (terminology 31), demotions and changes
 * in months (terminology 7 and 4, as CompStudy reads them), and who may approve the salary
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
  changeInMonthsSalary,
  creditedYears,
  demotionSalary,
  experienceSalary,
  gradeNumber,
  gradeOrdinal,
  monthsLater,
  promotionSalary,
  rehireReturnSalary,
  stepForYears,
  withinRehireDates,
  withinRehireWindow,
  type ApprovalLevel,
} from "../rules";
import { findLane, parseGradeSchedule, parseLaneSchedule } from "../schedule";
import { isoDate } from "./dates";
import { findHeaderRow, foldHeader, mapColumns } from "./headers";
import { STEP_COLUMN_SYNONYMS, type LaneTable } from "./lanes";
import { DEFAULT_PLAN, GradeIndex, PLAN_FIELDS, hasUsableRange, parsePayPlans, stepLabels } from "./plans";
import { chartRow, type PromotionChart } from "./promotion-chart";
import type { Policy } from "./rules-sheet";
import type { PayGrade, PayPlan } from "./types";
import { hasCents, unitFromPay, unitMixOf } from "./units";

/** The source of the placement rules, as a decision cites it. */
const MANUAL = "HISD compensation manual 2019–20";

export const ACTIONS = ["hire", "promotion", "rehire", "transfer", "demotion", "change in months"] as const;
/** What happens to the candidate (HISD II.A, II.B; terminology 4 change in months, 7 demotion, 31 lateral transfer). */
export type PersonnelAction = (typeof ACTIONS)[number];

export const JOB_TYPES = [
  "teacher",
  "counselor",
  "librarian",
  "evaluation specialist",
  "assistant principal",
  "nurse",
  "speech therapist",
  "crafts",
  "nutrition",
  "custodian",
  "other",
] as const;
/**
 * Which new-hire rule applies: a step by years (teachers, counselors, librarians, evaluation
 * specialists, assistant principals and deans; nurses and speech therapists with non-school
 * years) or 2.5 % a year over the minimum (other jobs; crafts, nutrition and custodians only
 * above grade 19).
 */
export type JobType = (typeof JOB_TYPES)[number];

/** Placed like teachers, one step a year of approved experience, each on its own table (HISD II.A.1.a–c). */
const LIKE_TEACHERS: ReadonlySet<JobType> = new Set([
  "teacher",
  "counselor",
  "librarian",
  "evaluation specialist",
  "assistant principal",
]);
/** Credited relevant non-school years too (HISD II.A.1.b). */
const NON_SCHOOL: ReadonlySet<JobType> = new Set(["nurse", "speech therapist"]);
/** Experience credit only above a grade (HISD II.A.1.e: "above pay grade 19"). */
const ABOVE_GRADE: ReadonlySet<JobType> = new Set(["crafts", "nutrition", "custodian"]);

/** Placed on a salary schedule by years; their salary on a step needs no approval ("schedule"). */
function bySchedule(job: JobType): boolean {
  return LIKE_TEACHERS.has(job) || NON_SCHOOL.has(job);
}

/** The manual's section for each job type's new-hire rule. */
const JOB_CITES: Readonly<Record<JobType, string>> = {
  teacher: "II.A.1.a",
  counselor: "II.A.1.b",
  librarian: "II.A.1.b",
  "evaluation specialist": "II.A.1.b",
  "assistant principal": "II.A.1.c",
  nurse: "II.A.1.b",
  "speech therapist": "II.A.1.b",
  crafts: "II.A.1.e",
  nutrition: "II.A.1.e",
  custodian: "II.A.1.e",
  other: "II.A.1.e",
};

/** How the manual names the people of the grade-19 rule. */
const TRADES_WORDS: Readonly<Partial<Record<JobType, string>>> = {
  crafts: "crafts/trades",
  nutrition: "nutrition services",
  custodian: "custodian",
};

/** Who approves the salary: the CHRO or the Compensation Committee (APPROVAL_LEVEL); "schedule" when a salary on a schedule's step is the schedule's; "above maximum" when no one may. */
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
  /** Approved (teachers …), school-based (nurses, speech therapists) or related (other jobs) years of experience. */
  readonly years?: number | null;
  /** Relevant non-school years (nurses and speech therapists; at most 10 credited). */
  readonly otherYears?: number | null;
  /** Speech therapists: internship years, at most 3, counted within the 10 non-school years. */
  readonly internshipYears?: number | null;
  /** Promotion, transfer, demotion, change in months: the present salary; rehire: the last salary. */
  readonly currentSalary?: number | null;
  /** Rehire: months since the last day of employment (blank: from the two dates). */
  readonly monthsAway?: number | null;
  /** Rehire: the last day of employment and the day back, as days since 1970-01-01. */
  readonly separationDate?: number | null;
  readonly rehireDate?: number | null;
  /** Promotion: the promotion-chart increase as a fraction (0.08 = 8 %); blank reads the Promotion Chart. */
  readonly promotionPct?: number | null;
  /** Promotion, demotion, rehire: the grade left (promotion: counts the grades advanced). */
  readonly previousGrade?: string | null;
  /** Rehire: the new job's code and the one left ("the same job code or pay grade"). */
  readonly jobCode?: string | null;
  readonly previousJobCode?: string | null;
  /** Change in months: duty days of the present and the new work schedule. */
  readonly currentDays?: number | null;
  readonly newDays?: number | null;
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

/**
 * The pay plans (grades × steps, or pay ranges) and the step-and-lane schedules a candidate may
 * be placed on, and the promotion chart a promotion's increase is read from when not given.
 */
export type PlacementSchedules = {
  readonly plans: readonly PayPlan[];
  readonly lanes?: readonly LaneTable[];
  readonly promotionChart?: PromotionChart;
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
  demotion: "demotion",
  demote: "demotion",
  "change in months": "change in months",
  "change of months": "change in months",
  "change in work schedule": "change in months",
  "work schedule change": "change in months",
};

const JOB_WORDS: Readonly<Record<string, JobType>> = {
  teacher: "teacher",
  "classroom teacher": "teacher",
  counselor: "counselor",
  counsellor: "counselor",
  "school counselor": "counselor",
  "guidance counselor": "counselor",
  librarian: "librarian",
  "school librarian": "librarian",
  "library media specialist": "librarian",
  "evaluation specialist": "evaluation specialist",
  "evaluation specialists": "evaluation specialist",
  "assistant principal": "assistant principal",
  "assistant principal dean": "assistant principal",
  "assistant principal and dean": "assistant principal",
  "assistant principals and deans": "assistant principal",
  ap: "assistant principal",
  dean: "assistant principal",
  "dean of students": "assistant principal",
  nurse: "nurse",
  rn: "nurse",
  "school nurse": "nurse",
  "registered nurse": "nurse",
  "speech therapist": "speech therapist",
  speech: "speech therapist",
  slp: "speech therapist",
  "speech language pathologist": "speech therapist",
  "speech pathologist": "speech therapist",
  crafts: "crafts",
  craft: "crafts",
  trades: "crafts",
  "crafts trades": "crafts",
  "crafts and trades": "crafts",
  "skilled crafts": "crafts",
  nutrition: "nutrition",
  "nutrition services": "nutrition",
  "food service": "nutrition",
  "food services": "nutrition",
  custodian: "custodian",
  custodial: "custodian",
  custodians: "custodian",
  other: "other",
  "non teacher": "other",
};

/** "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** Reads an Action cell: hire, promotion, rehire, transfer, demotion or change in months (also "new hire", "lateral transfer" …). */
export function parseAction(value: CellValue): PersonnelAction {
  const action = ACTION_WORDS[foldHeader(value)];
  if (action === undefined)
    invalid(
      isBlank(value)
        ? `Action is blank: ${orList(ACTIONS)}`
        : `Action '${truncate(String(value).trim())}' is not ${orList(ACTIONS)}`,
    );
  return action;
}

/** Reads a Job Type cell: one of JOB_TYPES (also "school nurse", "custodial" …); blank → other (HISD II.A.1). */
export function parseJobType(value: CellValue): JobType {
  if (isBlank(value)) return "other";
  const job = JOB_WORDS[foldHeader(value)];
  if (job === undefined) invalid(`Job Type '${truncate(String(value).trim())}' is not ${orList(JOB_TYPES)}`);
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
  "internshipYears",
  "currentDays",
  "newDays",
] as const;
export type CandidateNumber = (typeof CANDIDATE_NUMBERS)[number];

/** The codes a candidate may give (grades and job codes, compared as written, trimmed and case-insensitive). */
export const CANDIDATE_TEXTS = ["jobCode", "previousJobCode", "previousGrade"] as const;
export type CandidateText = (typeof CANDIDATE_TEXTS)[number];

/** The dates a candidate may give (days since 1970-01-01). */
export const CANDIDATE_DATES = ["separationDate", "rehireDate"] as const;
export type CandidateDate = (typeof CANDIDATE_DATES)[number];

/** A value of the candidate a form asks for: a number, a code or a date. */
export type CandidateEntry = CandidateNumber | CandidateText | CandidateDate;

/** How a form reads an entry: a number (money, years, a percentage), a code, or a date. */
export function entryKind(field: CandidateEntry): "number" | "text" | "date" {
  if ((CANDIDATE_TEXTS as readonly string[]).includes(field)) return "text";
  if ((CANDIDATE_DATES as readonly string[]).includes(field)) return "date";
  return "number";
}

/**
 * A value the rules read and what it is used for (in words, for a form's hint). `need`:
 * "required" — no decision without it; "depends" — needed in the case `use` names (a rehire's
 * last salary within the window, its years after it); "optional" — a blank one leaves the
 * decision made (with a warning where the rule says so).
 */
export type CandidateInput = {
  readonly field: CandidateEntry;
  readonly kind: "number" | "text" | "date";
  readonly need: "required" | "depends" | "optional";
  readonly use: string;
};

/**
 * The values decidePlacement reads for an action and job type (HISD II.A–B), with what each is
 * used for; a value not listed changes neither the salary nor the approval.
 */
export function candidateInputs(
  action: PersonnelAction,
  jobType: JobType = "other",
  policy: Policy = POLICY,
): CandidateInput[] {
  const window = policy.COMP_REHIRE_WINDOW_MONTHS;
  const nonSchool = NON_SCHOOL.has(jobType);
  const schedule = bySchedule(jobType);
  const credit = `${percent(policy.COMP_EXPERIENCE_RATE)} over the minimum each (at most ${policy.COMP_EXPERIENCE_CAP_YEARS})`;
  const byYears = LIKE_TEACHERS.has(jobType)
    ? `approved ${jobType === "teacher" ? "teaching " : ""}years, one step each`
    : nonSchool
      ? "school-based years, one step each"
      : ABOVE_GRADE.has(jobType)
        ? `related years, ${credit}, only in a grade above ${policy.COMP_TRADES_CREDIT_GRADE}`
        : `related years, ${credit}`;
  const inputs: CandidateInput[] = [];
  const add = (field: CandidateEntry, need: CandidateInput["need"], use: string): void => {
    inputs.push({ field, kind: entryKind(field), need, use });
  };
  const placesByYears = action === "hire" || action === "promotion" || action === "rehire";
  if (action === "hire") add("years", "required", `The ${byYears}.`);
  else if (action === "promotion")
    add(
      "years",
      schedule ? "required" : "optional",
      schedule
        ? `The ${byYears}: a promotion onto a schedule is placed by experience.`
        : `For the new-hire method on the new grade: the ${byYears}; blank credits none.`,
    );
  else if (action === "rehire")
    add(
      "years",
      "depends",
      `After ${years(window, "month")} away, or in another job code and grade, placed as a new hire: the ${byYears}.`,
    );
  if (nonSchool && placesByYears)
    add(
      "otherYears",
      "optional",
      `Relevant non-school years, at most ${policy.COMP_OTHER_EXPERIENCE_CAP_YEARS} credited.`,
    );
  if (jobType === "speech therapist" && placesByYears)
    add(
      "internshipYears",
      "optional",
      `Internship years, at most ${policy.COMP_INTERNSHIP_CAP_YEARS}, counted within the ${policy.COMP_OTHER_EXPERIENCE_CAP_YEARS} non-school years.`,
    );
  if (action === "promotion")
    add(
      "previousGrade",
      "optional",
      schedule
        ? "The grade left: a warning when the new one is not above it."
        : "The grade left: the grades advanced read the Promotion Chart when Promotion % is blank; a warning when the new grade is not above it.",
    );
  else if (action === "demotion")
    add("previousGrade", "optional", "The grade left: a warning when the new one is not below it.");
  else if (action === "change in months" || action === "transfer")
    add("previousGrade", "optional", "The grade now: a warning when it is not the same grade.");
  if (action === "promotion")
    add(
      "currentSalary",
      "optional",
      schedule
        ? "The present salary: a warning when the new one is lower."
        : "The present salary, raised by the Promotion %.",
    );
  else if (action === "rehire")
    add(
      "currentSalary",
      "depends",
      `The last salary, paid again within ${years(window, "month")} in the same job or grade.`,
    );
  else if (action === "transfer") add("currentSalary", "required", "Kept: a lateral transfer does not change pay.");
  else if (action === "demotion")
    add("currentSalary", "required", "Kept when within the new range, else the new maximum (CompStudy's reading).");
  else if (action === "change in months")
    add(
      "currentSalary",
      "required",
      "The salary on the present work schedule; its daily rate is kept (CompStudy's reading).",
    );
  if (action === "rehire") {
    add(
      "monthsAway",
      "depends",
      `Since the last day: within ${window}, the last salary; later, placed as a new hire. Blank: counted from the two dates.`,
    );
    add("separationDate", "depends", "The last day of employment, when Months Away is blank.");
    add(
      "rehireDate",
      "depends",
      `The day back, when Months Away is blank: within ${years(window, "calendar month")} of the last day (that day included).`,
    );
    // Either previous column decides between the last salary and a new hire; neither: not checked (a warning).
    add("previousJobCode", "depends", "The job code left: back in the same job code (or grade), the last salary.");
    add("jobCode", "depends", "The new job's code, compared with the one left.");
    add("previousGrade", "depends", "The grade left: back in the same grade (or job code), the last salary.");
  }
  if (action === "change in months") {
    add("currentDays", "required", "Duty days of the present work schedule.");
    add("newDays", "required", "Duty days of the new work schedule.");
  }
  if (action === "promotion" && !schedule)
    add(
      "promotionPct",
      "optional",
      "The promotion-chart increase (blank: the Promotion Chart's for the grades advanced); the higher of it and the new-hire method is paid.",
    );
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
    const numbers = stepLabels(plan.stepHeaders, grade.steps.length);
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

/** Money in words ("48,360", "12.90"): with cents when `cents` (the grade's pay has them) or the amount has them. */
export function moneyWords(value: number, cents: boolean): string {
  return grouped(value, cents || hasCents(value) ? 2 : 0);
}

/** Money as the Rule column shows it, in the grade's precision. */
function money(value: number, scale: Scale): string {
  return moneyWords(value, scale.cents);
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

/**
 * A rule's result: the step and salary, what was applied in words, the manual's sections
 * applied, the warnings the rule itself gives (repeated on every decision that uses it), and
 * the promotion increase used (for the CHRO's allowance).
 */
type Placed = {
  readonly step: number | null;
  readonly salary: number;
  readonly text: string;
  readonly cite: string;
  readonly warnings?: readonly string[];
  readonly pct?: number;
};

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

/** The highest step paying at most `amount` (half-cent tolerance); the first step when none does. */
function highestStepAtOrBelow(scale: Scale, amount: number): { step: number; pay: number } {
  let found: { step: number; pay: number } | undefined;
  scale.pays.forEach((pay, i) => {
    if (pay !== null && atMost(pay, amount)) found = { step: scale.steps[i], pay };
  });
  return found ?? firstStep(scale);
}

/** The first step with pay (the minimum). */
function firstStep(scale: Scale): { step: number; pay: number } {
  const i = scale.pays.findIndex((pay) => pay !== null);
  return { step: scale.steps[i], pay: scale.pays[i] as number };
}

/** The step paying exactly `salary`, if any (a kept salary between steps has none). */
function stepPaying(scale: Scale, salary: number): number | null {
  if (scale.kind === "range") return null;
  const i = scale.pays.findIndex((pay) => pay !== null && moneyEquals(pay, salary));
  return i < 0 ? null : scale.steps[i];
}

/**
 * Other jobs (HISD II.A.1.e): the minimum plus 2.5 % a year, at most 10 years, never above the
 * maximum; on a step plan, the highest step at or below that amount.
 */
function byExperience(scale: Scale, credit: number, policy: Policy): Placed {
  const rate = policy.COMP_EXPERIENCE_RATE;
  const cap = policy.COMP_EXPERIENCE_CAP_YEARS;
  const counted = Math.min(Math.floor(credit), Math.floor(cap));
  let text = `${percent(rate)} × ${years(counted)} over the minimum ${money(scale.min, scale)}`;
  if (Math.floor(credit) > Math.floor(cap)) text += ` (${years(credit)} given, at most ${cap} credited)`;
  else if (!Number.isInteger(credit)) text += ` (${credit} given: whole years count)`;
  const uncapped = scale.min * (1 + rate * counted);
  if (uncapped > scale.max + HALF_CENT) text += `, capped at the maximum ${money(scale.max, scale)}`;
  if (scale.kind === "range")
    return { step: null, salary: experienceSalary(scale.min, scale.max, credit, rate, cap), text, cite: "II.A.1.e" };
  // Full precision against the steps: the step is the highest one the manual's amount reaches.
  const target = Math.min(uncapped, scale.max);
  const at = highestStepAtOrBelow(scale, target);
  return {
    step: at.step,
    salary: at.pay,
    text: `${text} = ${money(roundCents(target), scale)}, on step ${at.step} (${money(at.pay, scale)}), the highest step at or below it`,
    cite: "II.A.1.e",
  };
}

/**
 * Crafts/trades, nutrition services and custodians (HISD II.A.1.e: "New Crafts/Trades, Nutrition
 * Services, and Custodian personnel above pay grade 19 may receive credit for related work
 * experience"): in a grade numbered 19 or below, the minimum whatever the years; above it, the
 * other jobs' method. A grade without a number gets the credit, with a warning.
 */
function byTrades(scale: Scale, job: JobType, credit: number, policy: Policy): Placed {
  const limit = policy.COMP_TRADES_CREDIT_GRADE;
  const who = TRADES_WORDS[job] ?? job;
  const number = scale.lane ? undefined : gradeOrdinal(scale.name, policy.COMP_TECH_GRADE_OFFSET);
  if (number !== undefined && number <= limit) {
    const first = scale.kind === "steps" ? firstStep(scale) : { step: null, pay: scale.min };
    const on = first.step === null ? "" : ` on step ${first.step}`;
    return {
      step: first.step,
      salary: first.pay,
      text: `${who}: grade ${scale.name} is not above grade ${limit}, so no experience credit: the minimum ${money(first.pay, scale)}${on}`,
      cite: "II.A.1.e",
    };
  }
  const placed = byExperience(scale, credit, policy);
  if (number !== undefined) return { ...placed, text: `${who} above grade ${limit}: ${placed.text}` };
  return {
    ...placed,
    text: `${who}: ${placed.text}`,
    warnings: [
      `The ${describe(scale)} has no grade number: the rule that ${who} personnel get experience credit only above grade ${limit} could not be checked (credit given)`,
    ],
  };
}

/**
 * Teachers (II.A.1.a), counselors, librarians, evaluation specialists (II.A.1.b, on their own
 * tables) and assistant principals and deans (II.A.1.c): the first step for 0 years, one step
 * a whole year, the top step holds. Nurses and speech therapists (II.A.1.b) add non-school
 * years, at most 10; a speech therapist's include up to 3 internship years.
 */
function bySteps(
  scale: Scale,
  job: JobType,
  credit: number,
  other: number,
  internship: number,
  policy: Policy,
): Placed {
  if (scale.kind === "range")
    invalid(
      `A ${job} is placed on a step by years, but ${describe(scale)} is a pay range without steps: use a plan with steps or a lane schedule`,
    );
  const cap = policy.COMP_OTHER_EXPERIENCE_CAP_YEARS;
  const internCap = policy.COMP_INTERNSHIP_CAP_YEARS;
  const interned = job === "speech therapist" ? Math.min(Math.floor(internship), Math.floor(internCap)) : 0;
  const nonSchool = NON_SCHOOL.has(job) ? Math.floor(other) + interned : 0;
  // The step is the row's own label: a table that skips step numbers places on the row below.
  const step = scale.steps[rowAt(scale, stepForYears(credit, scale.steps[0], scale.topStep, nonSchool, cap))];
  const salary = payAt(scale, step);
  const credited = creditedYears(credit, nonSchool, cap);
  const where = `step ${step}${scale.steps[0] + credited > scale.topStep ? " (the top step)" : credited === 0 ? " (the first step)" : ""}`;
  const lane = scale.lane ? `, lane ${scale.name},` : "";
  let basis = `${years(credit)} of approved experience`;
  if (NON_SCHOOL.has(job)) {
    const parts: string[] = [];
    if (interned > 0) parts.push(`${years(Math.floor(other), "other year")} + ${years(interned, "internship year")}`);
    if (job === "speech therapist" && Math.floor(internship) > interned)
      parts.push(`${internship} internship years given, at most ${internCap} count`);
    if (nonSchool > Math.floor(cap)) parts.push(`${nonSchool} given, at most ${cap} credited`);
    basis = `${years(credit)} + ${years(Math.min(nonSchool, Math.floor(cap)), "non-school year")}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`;
  }
  return { step, salary, text: `${job}: ${where}${lane} for ${basis}`, cite: JOB_CITES[job] };
}

const newHires = new WeakMap<Scale, Map<string, Placed>>();

/** The new-hire method of the candidate's job type. */
function asNewHire(scale: Scale, candidate: Candidate, credit: number, policy: Policy, warnings: string[]): Placed {
  const job = candidate.jobType ?? "other";
  const other = amount(candidate.otherYears, "Other Years") ?? 0;
  const internship = amount(candidate.internshipYears, "Internship Years") ?? 0;
  if (other > 0 && !NON_SCHOOL.has(job))
    warnings.push(`Other Years (${other}) count only for nurses and speech therapists: not credited`);
  if (internship > 0 && job !== "speech therapist")
    warnings.push(`Internship Years (${internship}) count only for speech therapists: not credited`);
  // A batch places many people on the same grade with the same years: each placement is computed once.
  const key = `${job}|${credit}|${other}|${internship}|${policy.COMP_EXPERIENCE_RATE}|${policy.COMP_EXPERIENCE_CAP_YEARS}|${policy.COMP_OTHER_EXPERIENCE_CAP_YEARS}|${policy.COMP_INTERNSHIP_CAP_YEARS}|${policy.COMP_TRADES_CREDIT_GRADE}|${policy.COMP_TECH_GRADE_OFFSET}`;
  let byKey = newHires.get(scale);
  if (byKey === undefined) {
    byKey = new Map();
    newHires.set(scale, byKey);
  }
  let placed = byKey.get(key);
  if (placed === undefined) {
    placed = bySchedule(job)
      ? bySteps(scale, job, credit, other, internship, policy)
      : ABOVE_GRADE.has(job)
        ? byTrades(scale, job, credit, policy)
        : byExperience(scale, credit, policy);
    if (byKey.size < 10_000) byKey.set(key, placed);
  }
  warnings.push(...(placed.warnings ?? []));
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

/** The grades a move advances (new grade's number − Previous Grade's), or why it cannot be counted; undefined without a Previous Grade. */
function gradesAdvanced(scale: Scale, candidate: Candidate, policy: Policy): number | string | undefined {
  const previous = cleanKeyText(candidate.previousGrade);
  if (previous === "") return undefined;
  if (normalizeKey(previous) === normalizeKey(scale.name)) return 0;
  const offset = policy.COMP_TECH_GRADE_OFFSET;
  const from = gradeOrdinal(previous, offset);
  const to = scale.lane ? undefined : gradeOrdinal(scale.name, offset);
  if (from === undefined) return `the Previous Grade '${truncate(previous)}' has no grade number`;
  if (to === undefined) return `the ${describe(scale)} has no grade number`;
  return to - from;
}

/** A warning when the Previous Grade says the move is not the action's direction (a promotion not to a higher grade …). */
function checkDirection(
  scale: Scale,
  candidate: Candidate,
  advanced: number | string | undefined,
  warnings: string[],
): void {
  if (typeof advanced !== "number") return;
  const previous = cleanKeyText(candidate.previousGrade);
  const move = `grade ${scale.name} (from the Previous Grade ${previous})`;
  if (candidate.action === "promotion" && advanced <= 0)
    warnings.push(`A promotion goes to a higher grade, but ${move} is not above it: a transfer or a demotion?`);
  else if (candidate.action === "demotion" && advanced >= 0)
    warnings.push(`A demotion goes to a lower grade, but ${move} is not below it: a transfer or a promotion?`);
  else if ((candidate.action === "transfer" || candidate.action === "change in months") && advanced !== 0)
    warnings.push(
      `A ${candidate.action === "transfer" ? "lateral transfer" : "change in months"} keeps the pay grade, but ${move} is another grade`,
    );
}

/** The promotion increase: Promotion %, else the Promotion Chart's for the grades advanced; with how it was found. */
function promotionIncrease(
  candidate: Candidate,
  chart: PromotionChart | undefined,
  advanced: number | string | undefined,
  warnings: string[],
): { pct: number; words: string } | null {
  const given = amount(candidate.promotionPct, "Promotion %");
  if (given !== null) {
    if (given > 1) outOfRange(`Promotion % ${given} is above 100 %: write 8 % as 8% or 0.08`);
    return { pct: given, words: "" };
  }
  if (chart === undefined) return null;
  if (advanced === undefined)
    warnings.push("Promotion % is blank and there is no Previous Grade: the Promotion Chart cannot be read");
  else if (typeof advanced === "string")
    warnings.push(
      `Promotion % is blank and the grades advanced cannot be counted (${advanced}): the Promotion Chart cannot be read`,
    );
  else if (advanced >= 1) {
    const row = chartRow(chart, advanced);
    if (row !== undefined)
      return { pct: row.increase, words: ` (the Promotion Chart's for ${years(advanced, "grade")} advanced)` };
    warnings.push(`The Promotion Chart has no row for ${years(advanced, "grade")} advanced`);
  }
  return null;
}

/**
 * HISD II.B.1: on the master and technology pay scales, the higher of the promotion-chart
 * increase and the new-hire method on the new grade, within its range. A promotion onto a lane
 * schedule, or of a job placed on a salary schedule by years (a teacher, counselor, …), is
 * placed by experience on the new schedule.
 */
function promotion(
  scale: Scale,
  candidate: Candidate,
  policy: Policy,
  chart: PromotionChart | undefined,
  warnings: string[],
): Placed {
  const job = candidate.jobType ?? "other";
  const advanced = gradesAdvanced(scale, candidate, policy);
  checkDirection(scale, candidate, advanced, warnings);
  const current = salaryOf(candidate.currentSalary, "Current Salary", scale);
  // A job placed on a schedule by years needs them; another job's new-hire method credits none without.
  if (bySchedule(job)) requiredYears(candidate, "a promotion onto a salary schedule is placed by years of experience");
  const given = amount(candidate.years, "Years");
  if (given === null) warnings.push("Years is missing: the new-hire method credits no experience");
  if (scale.lane || bySchedule(job)) {
    const placed = asNewHire(scale, candidate, given ?? 0, policy, warnings);
    belowCurrent(scale, placed.salary, current, warnings);
    const onto = scale.lane ? "a lane schedule" : "a salary schedule";
    return {
      ...placed,
      text: `promotion onto ${onto}, placed by experience (the promotion chart is for the master and technology pay scales): ${placed.text}`,
      cite: `II.B.1, ${placed.cite}`,
    };
  }
  const newHire = asNewHire(scale, candidate, given ?? 0, policy, warnings);
  const increase = promotionIncrease(candidate, chart, advanced, warnings);
  if (current === null || increase === null) {
    const missing = [current === null ? "Current Salary" : "", increase === null ? "Promotion %" : ""].filter(Boolean);
    warnings.push(`${missing.join(" and ")} missing: only the new-hire method applies`);
    belowCurrent(scale, newHire.salary, current, warnings);
    return {
      ...newHire,
      text: `promotion by the new-hire method only: ${newHire.text}`,
      cite: `II.B.1, ${newHire.cite}`,
    };
  }
  const { pct } = increase;
  const raised = roundCents(current * (1 + pct));
  // promotionSalary with no years: the increase kept within the new range; then the higher of it and the new-hire method.
  let salary = Math.max(promotionSalary(current, scale.min, scale.max, pct), newHire.salary);
  const chartText = `the ${percent(pct)} increase${increase.words} on ${money(current, scale)} at ${money(raised, scale)}`;
  const method = `the new-hire method at ${money(newHire.salary, scale)} (${newHire.text})`;
  let text =
    raised > newHire.salary + HALF_CENT
      ? `promotion: ${chartText} beats ${method}`
      : `promotion: ${method} beats ${chartText}`;
  if (raised > scale.max + HALF_CENT && raised > newHire.salary)
    text += `, capped at the maximum ${money(scale.max, scale)}`;
  let step: number | null = null;
  if (moneyEquals(salary, newHire.salary))
    step = newHire.step; // flat steps: keep the new-hire method's own step
  else if (scale.kind === "steps") {
    // The increase is the least the promotion pays: on steps, the first step paying it.
    const at = firstStepAtOrAbove(scale, salary);
    if (!moneyEquals(at.pay, salary)) text += `; placed on step ${at.step}, the first step at or above it`;
    step = at.step;
    salary = at.pay;
  }
  belowCurrent(scale, salary, current, warnings);
  return { step, salary, text, cite: `II.B.1, ${newHire.cite}`, pct };
}

/** A promotion goes to a higher grade: one whose maximum is below the present pay cuts it. */
function belowCurrent(scale: Scale, salary: number, current: number | null, warnings: string[]): void {
  if (current !== null && salary < current - HALF_CENT)
    warnings.push(
      `The promoted salary ${money(salary, scale)} is below the Current Salary ${money(current, scale)} (the grade's maximum is ${money(scale.max, scale)}): is this grade higher than the present one?`,
    );
}

/** How long a rehire was away: Months Away, else the two dates; whether it is within the window, in words. */
function timeAway(candidate: Candidate, window: number, warnings: string[]): { within: boolean; words: string } {
  const months = amount(candidate.monthsAway, "Months Away");
  const left = candidate.separationDate ?? null;
  const back = candidate.rehireDate ?? null;
  let byDates: { within: boolean; words: string } | undefined;
  if (left !== null && back !== null) {
    if (back < left) invalid(`Rehire Date ${isoDate(back)} is before the Separation Date ${isoDate(left)}`);
    const within = withinRehireDates(left, back, window);
    const end = isoDate(monthsLater(left, window));
    byDates = {
      within,
      words: `on ${isoDate(back)}, ${within ? `within ${years(window, "month")} of` : `more than ${years(window, "month")} after`} the separation on ${isoDate(left)} (the window ${within ? "ends" : "ended"} ${end})`,
    };
  }
  if (months !== null) {
    const within = withinRehireWindow(months, window);
    if (byDates !== undefined && byDates.within !== within)
      warnings.push(`Months Away (${months}) and the dates disagree (back ${byDates.words}): Months Away is used`);
    return { within, words: `after ${years(months, "month")} (${within ? "within" : "more than"} ${window})` };
  }
  if (byDates !== undefined) return byDates;
  if (left !== null || back !== null)
    invalid(
      `${left === null ? "Separation Date" : "Rehire Date"} is missing: Months Away is blank, so the months are counted from the Separation Date to the Rehire Date`,
    );
  return invalid(
    `Months Away is missing (or give the Separation Date and the Rehire Date): a rehire within ${window} months returns at the last salary, a later one is placed as a new hire`,
  );
}

/** HISD II.A.1.f "in the same job code or pay grade": either previous column decides; undefined when neither can be compared. */
function sameJobOrGrade(scale: Scale, candidate: Candidate): { same: boolean | undefined; words: string } {
  const previousCode = cleanKeyText(candidate.previousJobCode);
  const code = cleanKeyText(candidate.jobCode);
  const previousGrade = cleanKeyText(candidate.previousGrade);
  const sameCode = previousCode !== "" && code !== "" ? normalizeKey(previousCode) === normalizeKey(code) : undefined;
  const sameGrade = previousGrade !== "" ? normalizeKey(previousGrade) === normalizeKey(scale.name) : undefined;
  if (sameCode === true) return { same: true, words: `in the same job code ${code}` };
  if (sameGrade === true) return { same: true, words: `in the same grade ${scale.name}` };
  if (sameCode === false || sameGrade === false) {
    const before = [
      previousGrade === "" ? "" : `grade ${previousGrade}`,
      sameCode === false ? `job code ${previousCode}` : "",
    ].filter(Boolean);
    return { same: false, words: `in another job code and grade (before: ${before.join(", ")})` };
  }
  return { same: undefined, words: "" };
}

/**
 * HISD II.A.1.f: back within six months in the same job code or pay grade → the last salary,
 * not above the maximum; later, or in another job and grade → placed as a new hire.
 */
function rehire(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  const window = policy.COMP_REHIRE_WINDOW_MONTHS;
  const away = timeAway(candidate, window, warnings);
  const job = sameJobOrGrade(scale, candidate);
  if (!away.within || job.same === false) {
    const why = !away.within ? `after more than ${window} months` : "in another job code and grade";
    const credit = requiredYears(candidate, `a rehire ${why} is placed as a new hire`);
    const placed = asNewHire(scale, candidate, credit, policy, warnings);
    const words = away.within ? `${away.words}, but ${job.words}` : away.words;
    return {
      ...placed,
      text: `rehire ${words}, placed as a new hire: ${placed.text}`,
      cite: `II.A.1.f, ${placed.cite}`,
    };
  }
  if (job.same === undefined)
    warnings.push(
      "Previous Job Code (with Job Code) and Previous Grade are blank: 'in the same job code or pay grade' was not checked",
    );
  const last = salaryOf(candidate.currentSalary, "Current Salary", scale);
  if (last === null)
    invalid(`Current Salary (the last salary) is missing: a rehire within ${window} months returns at it`);
  const salary = rehireReturnSalary(last, scale.max, 0, window);
  outsideRange(scale, salary, "The last salary", warnings);
  const capped = salary < last ? `, capped at the maximum ${money(scale.max, scale)}` : "";
  return {
    step: stepPaying(scale, salary),
    salary,
    text: `rehire ${away.words}${job.words === "" ? "" : `, ${job.words}`}: the last salary ${money(last, scale)}${capped}`,
    cite: "II.A.1.f",
  };
}

/** Terminology 31: a lateral transfer does not result in a pay adjustment. */
function transfer(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  checkDirection(scale, candidate, gradesAdvanced(scale, candidate, policy), warnings);
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

/** What a demotion or a change in months says of itself in the Rule column. */
const READING = "CompStudy's reading; the manual's excerpt states no rule";

/**
 * Terminology 7, a demotion (a lower pay grade), as CompStudy reads it: the salary kept when
 * within the new range, else the new maximum (below the new minimum: raised to it).
 */
function demotion(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  checkDirection(scale, candidate, gradesAdvanced(scale, candidate, policy), warnings);
  const current = salaryOf(candidate.currentSalary, "Current Salary", scale);
  if (current === null) invalid("Current Salary is missing: a demotion keeps it within the new range");
  const salary = demotionSalary(current, scale.min, scale.max);
  let outcome = `the Current Salary ${money(current, scale)} kept, within the new range`;
  let step = stepPaying(scale, salary);
  if (salary < current - HALF_CENT) {
    outcome = `the Current Salary ${money(current, scale)} is above the new maximum: the maximum ${money(scale.max, scale)}`;
    if (scale.kind === "steps") step = scale.topStep;
  } else if (salary > current + HALF_CENT) {
    outcome = `the Current Salary ${money(current, scale)} is below the new minimum: the minimum ${money(scale.min, scale)}`;
    warnings.push(
      `The Current Salary ${money(current, scale)} is below the minimum ${money(scale.min, scale)} of the lower ${describe(scale)}: raised to it`,
    );
  }
  return { step, salary, text: `demotion (${READING}): ${outcome}`, cite: "terminology 7" };
}

/**
 * Terminology 4, a change in months (the same pay grade, another work schedule), as CompStudy
 * reads it: the daily rate of pay is kept — the salary × the new duty days ÷ the current ones.
 * An hourly or daily rate is kept as it is.
 */
function changeInMonths(scale: Scale, candidate: Candidate, policy: Policy, warnings: string[]): Placed {
  checkDirection(scale, candidate, gradesAdvanced(scale, candidate, policy), warnings);
  const current = salaryOf(candidate.currentSalary, "Current Salary", scale);
  if (current === null) invalid("Current Salary is missing: a change in months keeps its daily rate");
  const days = (field: "currentDays" | "newDays", label: string): number => {
    const value = amount(candidate[field], label);
    if (value === null) invalid(`${label} is missing: a change in months keeps the daily rate over the new duty days`);
    if (value === 0) outOfRange(`${label} must be above zero`);
    return value;
  };
  const now = days("currentDays", "Current Days");
  const next = days("newDays", "New Days");
  const reading = `change in months (${READING}: the daily rate is kept)`;
  if (scale.unit === "hourly" || scale.unit === "daily")
    return {
      step: stepPaying(scale, current),
      salary: current,
      text: `${reading}: the ${scale.unit} rate ${money(current, scale)} stays, over ${years(next, "duty day")}`,
      cite: "terminology 4",
    };
  if (scale.unit === "monthly")
    invalid(
      `A change in months keeps the daily rate of an annual salary: ${describe(scale)} is monthly, give the annual salary on an annual grade`,
    );
  const salary = changeInMonthsSalary(current, now, next);
  outsideRange(scale, salary, "The new salary", warnings);
  return {
    step: stepPaying(scale, salary),
    salary,
    text: `${reading}: ${money(current, scale)} ÷ ${years(now, "day")} = ${moneyWords(current / now, true)} a day × ${years(next, "day")} = ${money(salary, scale)}`,
    cite: "terminology 4",
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
      const pct = placed.pct ?? null;
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
  // A job placed on a salary schedule by years, paid a step of it, needs no approval.
  const onSchedule = bySchedule(candidate.jobType ?? "other") && scale.kind === "steps" && placed.step !== null;
  if (onSchedule && (requested === null || moneyEquals(requested, placed.salary))) return "schedule";
  return approvalOf(scale, requested ?? placed.salary, policy, warnings);
}

/**
 * Decides one candidate's placement by the HISD manual (II.A new hires and rehires, II.B
 * promotions and transfers, demotions and changes in months as CompStudy reads terminology 7
 * and 4, II.A.1.e approval authority): step, salary, approval, the rule in
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
        placed = promotion(scale, candidate, policy, schedules.promotionChart, warnings);
        break;
      case "rehire":
        placed = rehire(scale, candidate, policy, warnings);
        break;
      case "transfer":
        placed = transfer(scale, candidate, policy, warnings);
        break;
      case "demotion":
        placed = demotion(scale, candidate, policy, warnings);
        break;
      case "change in months":
        placed = changeInMonths(scale, candidate, policy, warnings);
        break;
      default:
        placed = invalid(`Action '${String(candidate.action)}' is not ${orList(ACTIONS)}`);
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
