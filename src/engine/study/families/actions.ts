/**
 * Personnel actions (HISD compensation manual 2019–20, II.A–B; Portland 2013 study, chapter 4):
 * every candidate of a Candidates table placed by decidePlacement — the same decision as
 * COMP.PLACEMENT and the task pane's one-person form — and the class-title changes with the
 * employees each one retitles. No candidate is dropped: one that cannot be decided keeps its
 * line with the reason in Warning.
 */
import { cleanKeyText, isBlank, readNumber, truncate, type CellValue } from "../../cells";
import { isEngineError, invalid } from "../../errors";
import type { ExhibitBody, ExhibitRow } from "../../exhibit";
import { Study } from "../context";
import { PLANS_INPUT } from "../core";
import { isoDate, parseDateCell } from "../dates";
import { family } from "../definition";
import { input, readRecords, type InputTable } from "../inputs";
import { LANES_INPUT } from "../lanes";
import {
  ACTIONS,
  CANDIDATE_DATES,
  CANDIDATE_NUMBERS,
  CANDIDATE_TEXTS,
  decidePlacement,
  entryKind,
  parseAction,
  parseJobType,
  type Candidate,
  type CandidateDate,
  type CandidateEntry,
  type CandidateNumber,
  type CandidateText,
  type Approval,
  type JobType,
  type PersonnelAction,
  type PlacementDecision,
  type PlacementSchedules,
} from "../personnel";
import { PROMOTION_CHART_INPUT, chartWords, readPercent } from "../promotion-chart";
import { PLACEMENTS_REPORT, TITLE_CHANGES_REPORT } from "../report/actions";
import { RULES_INPUT, policyNotes, studyPolicy, type Policy } from "../rules-sheet";
import { APPLY_TITLE_CHANGES, TITLE_CHANGES_INPUT, TitleMap, type TitleChange } from "../titles";
import { col } from "./helpers";

/** A column of the Candidates table, named as the Candidate it fills (plus the person's name). */
export type CandidateField =
  | "candidate"
  | "action"
  | "jobType"
  | "plan"
  | "grade"
  | "lane"
  | "years"
  | "otherYears"
  | "currentSalary"
  | "monthsAway"
  | "promotionPct"
  | "requestedSalary"
  | "internshipYears"
  | "previousGrade"
  | "jobCode"
  | "previousJobCode"
  | "separationDate"
  | "rehireDate"
  | "currentDays"
  | "newDays";

const field = (f: CandidateField, label: string, synonyms: string[], required = false) => ({
  field: f,
  label,
  synonyms,
  required,
});

export const CANDIDATE_FIELDS = [
  field(
    "candidate",
    "Candidate",
    ["candidate", "name", "candidate name", "employee", "employee name", "candidate id", "id"],
    true,
  ),
  field("action", "Action", ["action", "personnel action", "action type", "transaction"], true),
  field("jobType", "Job Type", ["job type", "type", "job category", "position type", "role"]),
  field("plan", "Plan", ["plan", "pay plan", "schedule", "salary schedule", "bargaining unit"]),
  field("grade", "Grade", ["grade", "pay grade", "new grade", "grade code", "pay range"]),
  field("lane", "Lane", ["lane", "education lane", "education", "degree"]),
  field("years", "Years", [
    "years",
    "years of experience",
    "experience",
    "approved years",
    "related years",
    "experience years",
  ]),
  field("otherYears", "Other Years", [
    "other years",
    "non school years",
    "nonschool years",
    "other experience",
    "non school experience",
  ]),
  field("currentSalary", "Current Salary", [
    "current salary",
    "last salary",
    "present salary",
    "salary",
    "current pay",
  ]),
  field("monthsAway", "Months Away", ["months away", "months since separation", "months gone", "months"]),
  field("promotionPct", "Promotion %", [
    "promotion %",
    "promotion",
    "promotion pct",
    "promotion percent",
    "promotion percentage",
    "increase %",
    "increase",
  ]),
  field("requestedSalary", "Requested Salary", [
    "requested salary",
    "offer",
    "offered salary",
    "requested",
    "proposed salary",
  ]),
  field("internshipYears", "Internship Years", [
    "internship years",
    "internship",
    "years of internship",
    "internships",
  ]),
  field("previousGrade", "Previous Grade", ["previous grade", "prior grade", "old grade", "last grade", "from grade"]),
  field("jobCode", "Job Code", ["job code", "new job code", "job number", "position code"]),
  field("previousJobCode", "Previous Job Code", [
    "previous job code",
    "prior job code",
    "old job code",
    "last job code",
  ]),
  field("separationDate", "Separation Date", [
    "separation date",
    "termination date",
    "end date",
    "last day",
    "date of separation",
  ]),
  field("rehireDate", "Rehire Date", ["rehire date", "return date", "date of rehire", "re hire date", "date back"]),
  field("currentDays", "Current Days", ["current days", "current duty days", "present days", "current work days"]),
  field("newDays", "New Days", ["new days", "new duty days", "new work days"]),
];

const LABELS = Object.fromEntries(CANDIDATE_FIELDS.map((spec) => [spec.field, spec.label])) as Readonly<
  Record<CandidateField, string>
>;

/** One row of the Candidates table: what the rules need, or why the row cannot be read. */
export type CandidateRow = {
  readonly row: number;
  readonly name: string;
  /** As written (the Action and Job Type columns show the recognised word, else this). */
  readonly actionText: string;
  readonly jobText: string;
  readonly plan: string;
  readonly grade: string;
  readonly lane: string;
  /** Undefined when a cell could not be read; `problems` says why. */
  readonly candidate?: Candidate;
  readonly problems: readonly string[];
};

/** Reads one number of a candidate as the Candidates table holds it (Promotion % as 8% or 0.08); blank → null; the message names the column. */
export function readCandidateNumber(field: CandidateNumber, cell: CellValue): number | null {
  return field === "promotionPct" ? readPercent(cell, LABELS[field]) : readNumber(cell, LABELS[field]);
}

/**
 * Reads one value of a candidate as the Candidates table holds it (the one-person form reads its
 * fields so too): numbers as readCandidateNumber, codes trimmed (blank → null), dates as day
 * numbers (yyyy-mm-dd, m/d/yyyy, an Excel date; blank → null); the message names the column.
 */
export function readCandidateEntry(field: CandidateEntry, cell: CellValue, date1904 = false): number | string | null {
  const kind = entryKind(field);
  if (kind === "number") return readCandidateNumber(field as CandidateNumber, cell);
  if (isBlank(cell)) return null;
  if (kind === "text") return cleanKeyText(cell) || null;
  const day = parseDateCell(cell, { date1904 });
  if (day === undefined)
    invalid(
      `${LABELS[field]} '${truncate(String(cell).trim())}' is not a date (use yyyy-mm-dd, m/d/yyyy or an Excel date)`,
    );
  return day;
}

/** A reader remembered per cell value: a batch repeats the same actions, job types, plans and grades. */
function remembered<T>(read: (cell: CellValue) => T): (cell: CellValue) => T {
  const seen = new Map<CellValue, { value: T } | { error: unknown }>();
  return (cell) => {
    let outcome = seen.get(cell);
    if (outcome === undefined) {
      try {
        outcome = { value: read(cell) };
      } catch (error) {
        outcome = { error };
      }
      if (seen.size < 10_000) seen.set(cell, outcome);
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  };
}

/** Reads the Candidates table; a row whose cells cannot be read keeps its line with the reasons. */
export function parseCandidates(rows: readonly (readonly CellValue[])[], date1904 = false): CandidateRow[] {
  const { records } = readRecords({ rows, source: "" }, CANDIDATE_FIELDS);
  const actionOf = remembered(parseAction);
  const jobOf = remembered(parseJobType);
  const keyText = remembered(cleanKeyText);
  return records.map((record): CandidateRow => {
    const problems: string[] = [];
    const read = <T>(f: CandidateField, reader: (cell: CellValue, where: string) => T, label = LABELS[f]): T | null => {
      try {
        return reader(record.get(f), label);
      } catch (error) {
        if (!isEngineError(error)) throw error;
        problems.push(error.message);
        return null;
      }
    };
    const action = read("action", actionOf);
    const jobType = read("jobType", jobOf);
    const plan = keyText(record.get("plan"));
    const grade = keyText(record.get("grade"));
    const lane = keyText(record.get("lane"));
    // Every cell is read, so that the Warning lists every problem of the row at once.
    const values: Partial<
      Record<CandidateNumber | CandidateDate, number | null> & Record<CandidateText, string | null>
    > = {};
    for (const f of [...CANDIDATE_NUMBERS, ...CANDIDATE_DATES])
      values[f] = read(f, (cell) => readCandidateEntry(f, cell, date1904) as number | null);
    for (const f of CANDIDATE_TEXTS) values[f] = read(f, (cell) => readCandidateEntry(f, cell) as string | null);
    const candidate: Candidate | undefined =
      action === null || jobType === null ? undefined : { action, jobType, plan, grade, lane, ...values };
    return {
      row: record.row,
      name: cleanKeyText(record.get("candidate")),
      actionText: action ?? keyText(record.get("action")),
      jobText: jobType ?? keyText(record.get("jobType")),
      plan,
      grade,
      lane,
      candidate: problems.length > 0 ? undefined : candidate,
      problems,
    };
  });
}

export const CANDIDATES_INPUT = input<CandidateRow[]>({
  id: "candidates",
  label: "Candidates",
  sheets: ["Candidates", "Personnel Actions", "Placements"],
  description: `one row per person to place: Candidate, Action (${ACTIONS.join(", ")}), Job Type, Plan, Grade, Lane, Years, Other Years, Current Salary, Months Away, Promotion %, Requested Salary, Internship Years, Previous Grade, Job Code, Previous Job Code, Separation Date, Rehire Date, Current Days, New Days`,
  fields: CANDIDATE_FIELDS,
  parse: (table) => parseCandidates(table.rows, table.date1904),
});

/**
 * The study's schedules for placement: its pay plans as the Pay Plans table gives them (lane
 * schedules are resolved as lanes, not as the study's lane plans), its lane schedules and its
 * promotion chart (when given).
 */
export function studySchedules(study: Study): PlacementSchedules {
  return study.memo("personnel-actions/schedules", () => {
    const lanes = study.input(LANES_INPUT);
    const promotionChart = study.input(PROMOTION_CHART_INPUT);
    return {
      plans: study.require(PLANS_INPUT).plans,
      lanes: lanes?.schedules ?? [],
      ...(promotionChart === undefined ? {} : { promotionChart }),
    };
  });
}

/** What one placement runs on: the schedules, the policy values, and where they came from (for a note). */
export type PlacementContext = {
  readonly schedules: PlacementSchedules;
  readonly policy: Policy;
  readonly notes: readonly string[];
};

/**
 * The schedules and policy one candidate is placed on, from the tables chosen — Pay Plans, and
 * Lane Schedules and COMP Rules when given — read as the placements exhibit reads them, with
 * no roster and no study run (the task pane's one-person form: then decidePlacement).
 */
export function placementContext(tables: Readonly<Partial<Record<string, InputTable>>>): PlacementContext {
  // No placement rule reads the date: any valid as-of date will do.
  const study = new Study("2000-01-01", tables);
  const schedules = studySchedules(study);
  return {
    schedules,
    policy: studyPolicy(study),
    notes: [...policyNotes(study), ...laneNotes(study, schedules), ...chartNotes(study, schedules)],
  };
}

/**
 * A candidate as a row of the Candidates table, by column (what the task pane's "Write to
 * row" writes): the name, the action and job type as the table spells them, the plan, grade or
 * lane, and each number given (Promotion % as a fraction); blank values are left out.
 */
export function candidateRecord(name: string, candidate: Candidate): Partial<Record<CandidateField, CellValue>> {
  const person = cleanKeyText(name);
  if (person === "") invalid("Candidate is blank: give the person's name or id");
  const record: Partial<Record<CandidateField, CellValue>> = { candidate: person };
  for (const { field } of CANDIDATE_FIELDS) {
    const value = field === "candidate" ? undefined : candidate[field];
    if (value === undefined || isBlank(value)) continue;
    // Dates are written as the table reads them back: yyyy-mm-dd.
    record[field] = typeof value === "number" && entryKind(field as CandidateEntry) === "date" ? isoDate(value) : value;
  }
  return record;
}

type Decided = { row: CandidateRow; decision?: PlacementDecision };

/** The codes of the Action, Job Type and Approval columns as a reader names them. */
export const CODE_LABELS: Readonly<Record<PersonnelAction | JobType | Approval, string>> = {
  hire: "Hire",
  promotion: "Promotion",
  rehire: "Rehire",
  transfer: "Transfer",
  demotion: "Demotion",
  "change in months": "Change in months",
  teacher: "Teacher",
  counselor: "Counselor",
  librarian: "Librarian",
  "evaluation specialist": "Evaluation specialist",
  "assistant principal": "Assistant principal",
  nurse: "Nurse",
  "speech therapist": "Speech therapist",
  crafts: "Crafts",
  nutrition: "Nutrition",
  custodian: "Custodian",
  other: "Other",
  CHRO: "Chief HR officer",
  "Compensation Committee": "Compensation Committee",
  schedule: "On the schedule",
  "above maximum": "Not allowed: above the maximum",
};
/** A code (hire, teacher, schedule, CHRO …) as its label; anything else as it is. */
export const codeLabel = (code: string | null): string | null =>
  code === null ? null : ((CODE_LABELS as Readonly<Record<string, string>>)[code] ?? code);

function placementRows(decided: readonly Decided[]): ExhibitRow[] {
  return decided.map(({ row, decision }): ExhibitRow => {
    const warnings = decision?.warnings ?? row.problems;
    return {
      values: [
        row.name === "" ? `(row ${row.row})` : row.name,
        codeLabel(row.actionText),
        codeLabel(row.jobText),
        decision?.plan || row.plan,
        decision?.grade || row.grade || row.lane,
        decision?.step ?? null,
        decision?.salary ?? null,
        codeLabel(decision?.approval ?? null),
        decision?.rule || null,
        warnings.length > 0 ? warnings.join("; ") : null,
      ],
      kind: "detail",
      ...(decision?.unit === undefined ? {} : { unit: decision.unit, cents: decision.cents }),
    };
  });
}

function countLine(decided: readonly Decided[]): string {
  const undecided = decided.filter((d) => d.decision?.salary == null).length;
  const warned = decided.filter((d) => d.decision?.salary != null && d.decision.warnings.length > 0).length;
  const by = (approval: string) => decided.filter((d) => d.decision?.approval === approval).length;
  const open = decided.filter((d) => d.decision?.salary != null && d.decision.approval === null).length;
  const n = decided.length;
  const approvers = `${by("CHRO")} by the chief HR officer, ${by("Compensation Committee")} by the Compensation Committee, ${by("schedule")} on a schedule, ${by("above maximum")} above the maximum${open > 0 ? `, ${open} with the approver to decide` : ""}`;
  return `${n} ${n === 1 ? "candidate" : "candidates"}: ${n - undecided} decided (${approvers}), ${warned} of them with warnings; ${undecided} not decided (the reason is in Warning).`;
}

/** Which lane schedules the candidates could be placed on, and where they came from. */
function laneNotes(study: Study, schedules: PlacementSchedules): string[] {
  const lanes = schedules.lanes ?? [];
  if (lanes.length === 0) return [];
  const names = lanes.map((table) => `${table.name} (${table.schedule.lanes.join(", ")})`).join("; ");
  return [`Lane schedules (${study.source(LANES_INPUT) ?? LANES_INPUT.label}): ${names}.`];
}

/** The rules the manual's excerpt does not state, as CompStudy reads them. */
function readingsNote(): string {
  return "Demotion and change in months (CompStudy's reading; the manual's excerpt defines them but states no pay rule): a demotion keeps the salary when within the new range, else the new maximum (the new minimum below it); a change in months keeps the daily rate — salary × new duty days ÷ current duty days, to the cent.";
}

/** The promotion chart the promotions were read with, and where it came from. */
function chartNotes(study: Study, schedules: PlacementSchedules): string[] {
  const chart = schedules.promotionChart;
  if (chart === undefined) return [];
  return [
    `Promotion Chart (${study.source(PROMOTION_CHART_INPUT) ?? PROMOTION_CHART_INPUT.label}): ${chartWords(chart)}; read when a promotion's Promotion % is blank, by the grades advanced from the Previous Grade.`,
  ];
}

/** CompStudy's reading of the HISD approval authority, with the workbook's grade values. */
function approvalNote(policy: Policy): string {
  const senior = policy.COMP_SENIOR_GRADE;
  const tech = senior - policy.COMP_TECH_GRADE_OFFSET;
  const band = tech > 0 ? `grade ${senior} (T${tech})` : `grade ${senior}`;
  return `Approval (CompStudy's reading of the HISD manual): the chief HR officer (CHRO) up to the start of the 4th quartile below ${band} and up to the midpoint from it, the Compensation Committee above that; teachers placed on a schedule need none; the Requested Salary is the one approved when given.`;
}

function placements(study: Study): ExhibitBody {
  const rows = study.require(CANDIDATES_INPUT);
  const schedules = studySchedules(study);
  const policy = studyPolicy(study);
  const decided: Decided[] = rows.map((row) => ({
    row,
    decision: row.candidate === undefined ? undefined : decidePlacement(schedules, row.candidate, policy),
  }));
  return {
    description: `Each candidate placed by the HISD manual's rules: teachers, counselors, librarians, evaluation specialists and assistant principals on the step for their approved years (the first step for 0 years, one step a year); nurses and speech therapists with up to ${policy.COMP_OTHER_EXPERIENCE_CAP_YEARS} non-school years; other jobs at ${Number((policy.COMP_EXPERIENCE_RATE * 100).toFixed(6))} % over the minimum per year of related experience (at most ${policy.COMP_EXPERIENCE_CAP_YEARS}, never above the maximum; on steps, the highest step at or below it), crafts, nutrition and custodians only above grade ${policy.COMP_TRADES_CREDIT_GRADE}; promotions on the master and technology scales at the higher of the promotion increase and the new-hire method, onto a salary schedule by experience; rehires within ${policy.COMP_REHIRE_WINDOW_MONTHS} months in the same job code or grade at their last salary; lateral transfers at the same salary; demotions and changes in months as CompStudy reads them (the manual's excerpt states no rule).`,
    columns: [
      col("Candidate", "text"),
      col("Action", "text"),
      col("Job Type", "text"),
      col("Plan", "text"),
      col("Grade", "text"),
      col("Step", "number"),
      col("Salary", "money"),
      col("Approval", "text"),
      col("Rule", "text"),
      col("Warning", "text"),
    ],
    rows: placementRows(decided),
    notes: [
      countLine(decided),
      approvalNote(policy),
      readingsNote(),
      ...policyNotes(study),
      ...laneNotes(study, schedules),
      ...chartNotes(study, schedules),
    ],
  };
}

const ALL_PLANS = "All plans";

function titleChanges(study: Study): ExhibitBody {
  const changes = study.require(TITLE_CHANGES_INPUT);
  const map = new TitleMap(changes);
  const counts = new Map<TitleChange, number>();
  let retitled = 0;
  for (const employee of study.placement.active) {
    const change = map.changeFor(employee.payPlan.name, employee.jobTitle);
    if (change === undefined) continue;
    counts.set(change, (counts.get(change) ?? 0) + 1);
    retitled++;
  }
  const planNames = new Set(study.plans.plans.map((plan) => plan.name.toUpperCase()));
  const notes: string[] = [];
  for (const change of changes) {
    const shown = `'${truncate(change.classTitle)}' → '${truncate(change.proposedTitle)}'`;
    if (change.unused !== undefined) notes.push(`Not applied: ${change.unused}.`);
    else if (change.plan !== "" && !planNames.has(change.plan.toUpperCase()))
      notes.push(`${shown}: plan '${truncate(change.plan)}' is not in the pay plans (row ${change.row}).`);
    else if (!counts.has(change))
      notes.push(
        `${shown} matches no employee${change.plan === "" ? "" : ` in plan '${truncate(change.plan)}'`} (row ${change.row}).`,
      );
  }
  if (study.options.value(APPLY_TITLE_CHANGES))
    notes.push("Job Families counts these proposed titles as its classes (title changes applied).");
  return {
    description:
      "Employees whose job title is the class title (trimmed, case-insensitive), within the plan when one is given; a change for one plan wins over a change for every plan, so each employee counts once.",
    columns: [
      col("Plan", "text"),
      col("Class Title", "text"),
      col("Proposed Title", "text"),
      col("Employees", "count"),
    ],
    rows: [
      ...changes.map((change): ExhibitRow => ({
        values: [
          change.plan === "" ? ALL_PLANS : change.plan,
          change.classTitle,
          change.proposedTitle,
          counts.get(change) ?? 0,
        ],
        kind: "detail",
      })),
      { values: ["All", "Total", null, retitled], kind: "grand-total" },
    ],
    notes,
  };
}

export const PERSONNEL_ACTIONS = family({
  id: "personnel-actions",
  title: "Personnel actions",
  description:
    "Hires, promotions, rehires, transfers, demotions and changes in months placed by the HISD manual's rules, with who approves each salary; and the class-title changes with the employees each retitles.",
  inputs: [RULES_INPUT, LANES_INPUT, PROMOTION_CHART_INPUT],
  options: [APPLY_TITLE_CHANGES],
  exhibits: [
    {
      id: "placements",
      number: "4-1",
      title: "Placement Decisions",
      summary: "each candidate's step, salary, approval and the rule applied, with warnings; no candidate dropped",
      needs: [CANDIDATES_INPUT],
      build: placements,
      report: PLACEMENTS_REPORT,
      detail: true,
    },
    {
      id: "class-title-changes",
      number: "4-2",
      title: "Class Title Changes",
      summary: "each retitled class and the employees whose title it changes",
      needs: [TITLE_CHANGES_INPUT],
      build: titleChanges,
      report: TITLE_CHANGES_REPORT,
    },
  ],
});
