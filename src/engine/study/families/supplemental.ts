/**
 * Supplemental pay (HISD compensation manual 2019–20, sections V–VI and the appendix's stipend
 * list): stipends by assignment (an annual amount, a percent of base pay, or per hour, day or
 * month, prorated by the days of the fiscal year an assignment covers) and longevity by whole
 * years of service, on top of base pay — what they cost, and what they make of total pay. Every
 * assignment row is counted or listed with its reason in supplemental-problems; every roster row
 * is counted in total-pay or listed in unmatched-employees.
 */
import { isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../../cells";
import { StringTable } from "../../string-table";
import { invalid } from "../../errors";
import type { CellScalar, ExhibitBody, ExhibitRow } from "../../exhibit";
import { completedYears } from "../../implementation";
import {
  fiscalShare,
  fiscalYearOf,
  hasUnits,
  longevityIndex,
  longevityPay,
  parseStipendBasis,
  stipendPay,
  unitsProblem,
  wholeYears,
  type FiscalYear,
  type LongevityStep,
  type StipendBasis,
} from "../../supplemental";
import { listed, type Study } from "../context";
import { isoDate, parseMonthDay } from "../dates";
import { family, type Missing } from "../definition";
import type { FieldSpec } from "../headers";
import { input, readRecords, type InputTable } from "../inputs";
import { option } from "../options";
import { SUPPLEMENTAL_PAY_REPORT, SUPPLEMENTAL_PROBLEMS_REPORT, TOTAL_PAY_REPORT } from "../report/supplemental";
import { dateWords } from "../report/words";
import { ROSTER_FIELDS } from "../roster";
import type { Employee, EmployeeColumns, Unplaced } from "../types";
import { basisOf } from "./cost";
import { col, ratio } from "./helpers";
import { percentText } from "./market";

// ---------------------------------------------------------------------------------------------
// Input tables

type StipendField = "code" | "stipend" | "amount" | "basis" | "category" | "raises";

export const STIPEND_FIELDS: readonly FieldSpec<StipendField>[] = [
  {
    field: "code",
    label: "Code",
    synonyms: ["code", "stipend code", "stipend number", "stipend no", "stipend id", "stipend #", "number", "no"],
    required: true,
  },
  {
    field: "stipend",
    label: "Stipend",
    synonyms: ["stipend", "stipend name", "stipend title", "name", "description", "title", "assignment"],
    required: false,
  },
  {
    field: "amount",
    label: "Amount",
    synonyms: ["amount", "annual amount", "stipend amount", "rate", "value"],
    required: true,
  },
  { field: "basis", label: "Basis", synonyms: ["basis", "pay basis", "paid per", "per", "type"], required: false },
  {
    field: "category",
    label: "Category",
    synonyms: ["category", "stipend category", "group", "area"],
    required: false,
  },
  {
    field: "raises",
    label: "Raises With Schedule",
    synonyms: ["raises with schedule", "raises", "follows schedule", "raise with schedule", "indexed"],
    required: false,
  },
];

/** One usable row of the Stipends table. */
export type Stipend = {
  /** 1-based row of the Stipends table. */
  readonly row: number;
  readonly code: string;
  /** The code as people mean it (normalizeKey): 0101 = 101. */
  readonly key: string;
  readonly name: string;
  /** As written; "" when blank. */
  readonly category: string;
  readonly basis: StipendBasis;
  /** A year's amount, a rate per unit (hour, day, month), or for `percent` a fraction of base pay (0.05 = 5 %). */
  readonly amount: number;
  /** The stipend moves with a settlement's schedule increase (default: yes for percent, no otherwise). */
  readonly raisesWithSchedule: boolean;
};

/** A row of an input table that cannot be used, with the reason. */
export type TableProblem = { readonly row: number; readonly code: string; readonly reason: string };

export type StipendTable = {
  readonly stipends: readonly Stipend[];
  /** Every code of the table as people mean it: its stipend, or why its row cannot be used. */
  readonly byKey: ReadonlyMap<string, Stipend | TableProblem>;
  readonly problems: readonly TableProblem[];
};

const text = (value: CellValue): string => String(value ?? "").trim();

/**
 * An amount cell: dollars, or for a percent a fraction (0.05) or a percentage ("5%"). A plain
 * number above 1 for a percent is not guessed (5 could be 5 % or 500 %): the reason asks for 5%.
 */
function amountOf(raw: CellValue, percent: boolean, label: string): number | string {
  if (isBlank(raw)) return `${label} is blank`;
  const shown = truncate(text(raw));
  const isPercentText = typeof raw === "string" && /%\s*$/.test(raw);
  let value: number | undefined;
  if (isPercentText) {
    const parsed = parseNumberText(raw.replace(/%\s*$/, ""));
    if (parsed !== undefined) value = parsed / 100;
  } else value = typeof raw === "number" ? (Number.isFinite(raw) ? raw : undefined) : parseNumberText(String(raw));
  if (value === undefined) return `${label} '${shown}' is not a number`;
  if (value < 0) return `${label} ${shown} is below zero`;
  if (isPercentText && !percent)
    return `${label} '${shown}' is a percentage but the Basis is not percent: give the Basis percent, or the amount in dollars`;
  if (percent && !isPercentText && value > 1)
    return `${label} ${shown} could mean ${shown} % or ${value * 100} % of base pay: write ${shown}% or ${value / 100}`;
  return value;
}

/** A yes/no cell; `fallback` when blank; undefined when it is neither. */
function yesNo(raw: CellValue, fallback: boolean): boolean | undefined {
  if (typeof raw === "boolean") return raw;
  const folded = text(raw).toLowerCase();
  if (folded === "") return fallback;
  if (["yes", "y", "true", "1", "x"].includes(folded)) return true;
  if (["no", "n", "false", "0"].includes(folded)) return false;
  return undefined;
}

/** Reads the Stipends table: one stipend per usable row; the others kept with their reason. */
export function parseStipends(table: InputTable): StipendTable {
  const { records } = readRecords(table, STIPEND_FIELDS);
  const stipends: Stipend[] = [];
  const problems: TableProblem[] = [];
  const byKey = new Map<string, Stipend | TableProblem>();
  for (const record of records) {
    const code = text(record.get("code"));
    const key = normalizeKey(code);
    const refuse = (reason: string): void => {
      const problem = { row: record.row, code, reason };
      problems.push(problem);
      if (key !== "" && !byKey.has(key)) byKey.set(key, problem);
    };
    if (code === "") {
      refuse("Code is blank");
      continue;
    }
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      refuse(`Code '${truncate(code)}' appears twice (rows ${earlier.row} and ${record.row}); the first is used`);
      continue;
    }
    const basisText = text(record.get("basis"));
    const basis = parseStipendBasis(basisText);
    if (basis === undefined) {
      refuse(`Basis '${truncate(basisText)}' is not one of annual, percent, hour, day, month`);
      continue;
    }
    const amount = amountOf(record.get("amount"), basis === "percent", "Amount");
    if (typeof amount === "string") {
      refuse(amount);
      continue;
    }
    const raises = yesNo(record.get("raises"), basis === "percent");
    if (raises === undefined) {
      refuse(`Raises With Schedule '${truncate(text(record.get("raises")))}' is not yes or no`);
      continue;
    }
    const stipend: Stipend = {
      row: record.row,
      code,
      key,
      name: text(record.get("stipend")) || code,
      category: text(record.get("category")),
      basis,
      amount,
      raisesWithSchedule: raises,
    };
    stipends.push(stipend);
    byKey.set(key, stipend);
  }
  if (stipends.length === 0)
    invalid(
      `The Stipends table has no usable row (Code, Amount, Basis)${problems.length > 0 ? `: row ${problems[0].row}: ${problems[0].reason}` : ""}`,
    );
  return { stipends, byKey, problems };
}

export const STIPENDS_INPUT = input<StipendTable>({
  id: "stipends",
  label: "Stipends",
  sheets: ["Stipends", "Stipend List", "Stipend Schedule"],
  description:
    "one row per stipend: Code, Stipend, Amount, Basis (annual — the default —, percent of base pay, hour, day, month), optional Category and Raises With Schedule (yes/no; default yes for percent, no otherwise)",
  fields: STIPEND_FIELDS,
  parse: parseStipends,
});

type AssignmentField = "employeeId" | "code" | "units" | "start" | "end";

const EMPLOYEE_ID = ROSTER_FIELDS.find((spec) => spec.field === "employeeId") as FieldSpec<"employeeId">;

export const ASSIGNMENT_FIELDS: readonly FieldSpec<AssignmentField>[] = [
  EMPLOYEE_ID,
  { ...STIPEND_FIELDS[0], field: "code" },
  {
    field: "units",
    label: "Units",
    synonyms: ["units", "unit count", "quantity", "qty", "hours", "days", "months"],
    required: false,
  },
  {
    field: "start",
    label: "Start Date",
    synonyms: ["start date", "start", "from", "begin date", "begins", "effective date", "from date"],
    required: false,
  },
  {
    field: "end",
    label: "End Date",
    synonyms: ["end date", "end", "to", "through", "until", "ends", "to date", "thru"],
    required: false,
  },
];

/** One row of the Stipend Assignments table as read. */
export type AssignmentRow = {
  /** 1-based row of the table. */
  readonly row: number;
  /** Employee ID and Code as written (matched as written, else as people mean them: 01 = 1, any case). */
  readonly id: string;
  readonly code: string;
  /** Units as assigned; null when blank. */
  readonly units: number | null;
  /** Days since 1970-01-01; null when blank. */
  readonly start: number | null;
  readonly end: number | null;
  /** Why the row cannot be read, or undefined. */
  readonly problem?: string;
};

export type Assignments = { readonly rows: readonly AssignmentRow[] };

/** Reads the Stipend Assignments table: every non-blank row, with its problem when it cannot be read. */
export function parseAssignments(table: InputTable): Assignments {
  const { records } = readRecords(table, ASSIGNMENT_FIELDS);
  const rows: AssignmentRow[] = [];
  for (const record of records) {
    const id = text(record.get("employeeId"));
    const code = text(record.get("code"));
    let problem: string | undefined;
    const rawUnits = record.get("units");
    let units: number | null = null;
    if (!isBlank(rawUnits)) {
      const value = typeof rawUnits === "number" ? rawUnits : parseNumberText(String(rawUnits));
      if (value === undefined || !Number.isFinite(value))
        problem = `Units '${truncate(text(rawUnits))}' is not a number`;
      else if (value < 0) problem = `Units ${value} is below zero`;
      else units = value;
    }
    const start = record.date("start");
    const end = record.date("end");
    if (start === undefined) problem ??= `Start Date '${truncate(text(record.get("start")))}' is not a date`;
    if (end === undefined) problem ??= `End Date '${truncate(text(record.get("end")))}' is not a date`;
    if (typeof start === "number" && typeof end === "number" && end < start)
      problem ??= `End Date ${isoDate(end)} is before the Start Date ${isoDate(start)}`;
    if (id === "") problem = "Employee ID is blank";
    else if (code === "") problem = "Code is blank";
    rows.push({
      row: record.row,
      id,
      code,
      units,
      start: start ?? null,
      end: end ?? null,
      problem,
    });
  }
  return { rows };
}

export const ASSIGNMENTS_INPUT = input<Assignments>({
  id: "stipend-assignments",
  label: "Stipend Assignments",
  sheets: ["Stipend Assignments", "Assignments", "Stipend Assignment"],
  description:
    "one row per stipend an employee holds: Employee ID, Code, Units (hours, days or months for those bases; 1 otherwise), optional Start Date and End Date",
  fields: ASSIGNMENT_FIELDS,
  parse: parseAssignments,
});

type LongevityField = "years" | "amount" | "percent";

export const LONGEVITY_FIELDS: readonly FieldSpec<LongevityField>[] = [
  {
    field: "years",
    label: "Years of Service",
    synonyms: ["years of service", "years", "service years", "minimum years", "years at least", "after years"],
    required: true,
  },
  {
    field: "amount",
    label: "Amount",
    synonyms: ["amount", "annual amount", "longevity", "longevity amount", "longevity pay"],
    required: false,
  },
  {
    field: "percent",
    label: "Percent",
    synonyms: ["percent", "percent of base", "percent of base pay", "%", "percentage", "pct"],
    required: false,
  },
];

/** One usable row of the Longevity table. */
export type LongevityBand = LongevityStep & { readonly row: number };

export type LongevityTable = {
  /** Ascending by Years of Service. */
  readonly bands: readonly LongevityBand[];
  readonly problems: readonly TableProblem[];
};

/** One row of a longevity table as written: its row number and three cells. */
export type LongevityCells = { row: number; years: CellValue; amount: CellValue; percent: CellValue };

/**
 * The bands of a longevity table's rows (ascending by Years of Service); rows that cannot be used
 * kept with the reason. Throws when no row is usable.
 */
export function longevityBands(rows: readonly LongevityCells[]): LongevityTable {
  const bands: LongevityBand[] = [];
  const problems: TableProblem[] = [];
  const seen = new Map<number, number>();
  for (const { row, years: rawYears, amount: rawAmount, percent: rawPercent } of rows) {
    const refuse = (reason: string): void => {
      problems.push({ row, code: text(rawYears), reason });
    };
    if (isBlank(rawYears)) {
      refuse("Years of Service is blank");
      continue;
    }
    const years = typeof rawYears === "number" ? rawYears : parseNumberText(String(rawYears));
    if (years === undefined || !Number.isFinite(years)) {
      refuse(`Years of Service '${truncate(text(rawYears))}' is not a number`);
      continue;
    }
    if (years < 0) {
      refuse(`Years of Service ${years} is below zero`);
      continue;
    }
    const previous = seen.get(years);
    if (previous !== undefined) {
      refuse(`${years} years appears twice (rows ${previous} and ${row}); the first is used`);
      continue;
    }
    if (!isBlank(rawAmount) && !isBlank(rawPercent)) {
      refuse("both Amount and Percent are given: give one");
      continue;
    }
    if (isBlank(rawAmount) && isBlank(rawPercent)) {
      refuse("Amount and Percent are both blank");
      continue;
    }
    const percent = !isBlank(rawPercent);
    const value = percent ? amountOf(rawPercent, true, "Percent") : amountOf(rawAmount, false, "Amount");
    if (typeof value === "string") {
      refuse(value);
      continue;
    }
    seen.set(years, row);
    bands.push({ row, years, amount: percent ? null : value, percent: percent ? value : null });
  }
  if (bands.length === 0)
    invalid(
      `The Longevity table has no usable row (Years of Service, Amount or Percent)${problems.length > 0 ? `: row ${problems[0].row}: ${problems[0].reason}` : ""}`,
    );
  bands.sort((a, b) => a.years - b.years);
  return { bands, problems };
}

/** Reads the Longevity table: its bands by Years of Service; rows that cannot be used kept with the reason. */
export function parseLongevity(table: InputTable): LongevityTable {
  const { records, mapping } = readRecords(table, LONGEVITY_FIELDS);
  if (!mapping.amount && !mapping.percent)
    invalid("Missing column 'Amount' or 'Percent' (each row gives a year's amount, or a percent of base pay)");
  return longevityBands(
    records.map((record) => ({
      row: record.row,
      years: record.get("years"),
      amount: record.get("amount"),
      percent: record.get("percent"),
    })),
  );
}

export const LONGEVITY_INPUT = input<LongevityTable>({
  id: "longevity",
  label: "Longevity",
  sheets: ["Longevity", "Longevity Pay", "Longevity Schedule"],
  description:
    "one row per band: Years of Service (at least), and a year's Amount or a Percent of base pay; an employee is in the row with the highest Years of Service at or below their whole years of service",
  fields: LONGEVITY_FIELDS,
  parse: parseLongevity,
});

export const FISCAL_YEAR_START = option({
  name: "fiscal-year-start",
  kind: "month-day",
  label: "Fiscal year start",
  description:
    "the first day of the fiscal year, as MM-DD: stipends with a Start or End Date are prorated by the days they cover in the fiscal year holding the as-of date (default 07-01, a July–June year)",
  default: "07-01",
  placeholder: "MM-DD",
});

// ---------------------------------------------------------------------------------------------
// One employee's supplemental pay: a pure function the costing roll-forward calls year by year

/** A stipend assignment that counts: its stipend, units as assigned and dates. */
export type CountedAssignment = {
  /** 1-based row of the Stipend Assignments table. */
  readonly row: number;
  readonly stipend: Stipend;
  /** Units as assigned (1 for annual and percent stipends). */
  readonly units: number;
  /** Days since 1970-01-01; null = from the fiscal year's first day / to its last. */
  readonly start: number | null;
  readonly end: number | null;
};

/** What an employee's years of service are read from (issue 22). */
export type ServiceRecord = {
  /** The roster's Service Years (they win when given), stated as of `statedOn`; null when not given. */
  readonly serviceYears: number | null;
  /** The day the Service Years are stated for: the study's as-of date. */
  readonly statedOn: number;
  /** Service counts from this day: the Rehire Date (a rehire restarts service), else the Hire Date; null when neither is known. */
  readonly from: number | null;
};

/** An employee's service record as the roster states it on the as-of day (Service Years, Rehire Date, Hire Date). */
export function serviceOf(employee: Employee, asOfDay: number): ServiceRecord {
  return { serviceYears: employee.serviceYears, statedOn: asOfDay, from: serviceStart(employee) };
}

/** The day service counts from: the Rehire Date (a rehire restarts service, HISD II.A.1.f), else the Hire Date. */
const serviceStart = (employee: Employee): number | null => employee.rehireDay ?? employee.hireDay;

/** Whole years of service on `day`: Service Years (+ the anniversaries of `statedOn` since), else the anniversaries of `from` on or before `day`. */
export function yearsOfService(service: ServiceRecord, day: number): number | null {
  if (service.serviceYears !== null)
    return wholeYears(service.serviceYears) + (day > service.statedOn ? completedYears(service.statedOn, day) : 0);
  return service.from === null ? null : completedYears(service.from, day);
}

/** One employee as the supplemental computation reads them. */
export type SupplementalEmployee = {
  readonly service: ServiceRecord;
  readonly assignments: readonly CountedAssignment[];
};

/** The day service is measured to and the fiscal year stipends are prorated in. */
export type SupplementalDate = { readonly day: number; readonly fiscalYear: FiscalYear };

export type SupplementalPay = {
  /** Each assignment's pay for the fiscal year (its annual amount × its share of the year), in the employee's order. */
  readonly costs: readonly number[];
  /** Their sum. */
  readonly stipends: number;
  /** Whole years of service on the day; null when unknown. */
  readonly years: number | null;
  /** The longevity band (index into the schedule); -1 for none (below the first row, or years unknown). */
  readonly band: number;
  /** The band's pay for the year (0 without one); null when a percent band meets an unknown base pay. */
  readonly longevity: number | null;
};

const NO_COSTS: number[] = [];

/**
 * One employee's supplemental pay for a year (issue 22): each counted stipend assignment at the
 * amount `amountOf` gives (the Stipends table's today; a settlement's raised amount in a later
 * year) by its basis — annual: the amount; percent: × `basePay` (annual pay × FTE); hour, day,
 * month: × units — × the share of `on.fiscalYear` it covers; and the longevity band of the whole
 * years of service on `on.day`. `basePay` null: the base cannot be priced (no percent stipend may
 * be passed then). Pure: the roll-forward calls it with each year's base pay, amounts and date.
 */
export function employeeSupplemental(
  employee: SupplementalEmployee,
  basePay: number | null,
  amountOf: (stipend: Stipend) => number,
  longevity: readonly LongevityStep[] | undefined,
  on: SupplementalDate,
): SupplementalPay {
  const assignments = employee.assignments;
  const costs: number[] = assignments.length === 0 ? NO_COSTS : new Array(assignments.length);
  let stipends = 0;
  for (let i = 0; i < assignments.length; i++) {
    const cost = assignmentPay(assignments[i], amountOf(assignments[i].stipend), basePay, on.fiscalYear);
    costs[i] = cost;
    stipends += cost;
  }
  if (longevity === undefined) return { costs, stipends, years: null, band: -1, longevity: 0 };
  const years = yearsOfService(employee.service, on.day);
  const band = years === null ? -1 : longevityIndex(longevity, years);
  return { costs, stipends, years, band, longevity: band < 0 ? 0 : longevityPay(longevity[band], basePay) };
}

/**
 * One assignment's pay in a fiscal year (issue 22): its annual amount by basis (stipendPay, at
 * `amount`) × the share of the year its dates cover (fiscalShare).
 */
export function assignmentPay(
  assignment: Pick<CountedAssignment, "stipend" | "units" | "start" | "end">,
  amount: number,
  basePay: number | null,
  fiscalYear: FiscalYear,
): number {
  const share = fiscalShare(fiscalYear, assignment.start, assignment.end);
  return share === 0 ? 0 : stipendPay(assignment.stipend.basis, amount, assignment.units, basePay) * share;
}

// ---------------------------------------------------------------------------------------------
// The study's analysis

/** A row an analysis of this family could not use (exhibit supplemental-problems). */
type Problem = { table: string; row: number; id: string; code: string; reason: string };

/**
 * How an employee of the roster stands for total pay: priced — placed, active, base pay priced,
 * counted in their grade's row; unpriced — active, but the base cannot be priced (a grade not in
 * the plans, a daily rate without its days): a row of their own when they have supplemental pay;
 * separated — on or before the as-of date: not counted.
 */
const PRICED = 0;
const UNPRICED = 1;
const SEPARATED = 2;

/**
 * Per employee, three numbers side by side in `ledger` (one cache line serves all three of an
 * employee): standing, annual base pay (of the priced) and the year's stipend pay.
 */
const STANDING = 0;
const BASE = 1;
const PAY = 2;
const STRIDE = 3;

/** The roster's employees as this family reads them, by index of roster.employees (columns, not objects). */
type People = {
  columns: EmployeeColumns;
  ledger: Float64Array;
  /** Each priced employee's grade in pay-plan order. */
  grade: Int32Array;
  /** Why the base of an unpriced employee cannot be priced. */
  unpriced: Map<number, string>;
  /** Employee ID → index: as written, else as people mean it (normalizeKey). */
  ids: IdIndex;
};

type Totals = { employees: number; base: number; stipends: number; longevity: number };

/** An unpriced employee with supplemental pay: a row of their own in total-pay. */
type Own = { employee: Employee; stipends: number; longevity: number };

type Analysis = {
  people: People;
  held: Held | undefined;
  fiscalYear: FiscalYear;
  stipends: StipendTable | undefined;
  bands: readonly LongevityBand[] | undefined;
  perStipend: Map<Stipend, Tally>;
  perBand: Tally[];
  /** Distinct employees with a counted stipend in each category (by folded category). */
  perCategory: Map<string, Tally>;
  /** Distinct employees with a counted stipend, in a band, and with either. */
  withStipend: number;
  inBand: number;
  withEither: number;
  /** Per grade of the pay plans (by pay-plan order): the priced employees' totals. */
  grades: (Totals | undefined)[];
  /** Unpriced employees with supplemental pay, in roster order. */
  own: Own[];
  problems: Problem[];
  familyProblems: Unplaced[];
  assignmentRows: number;
  counted: number;
  notes: string[];
};

const fold = (value: string): string => value.trim().toLowerCase();

/** Why the supplemental exhibits cannot be built, or undefined when they can. */
export function supplementalUnavailable(study: Study): Missing | undefined {
  const stipends = study.has(STIPENDS_INPUT);
  const assignments = study.has(ASSIGNMENTS_INPUT);
  if (stipends && !assignments)
    return {
      text: `no ${ASSIGNMENTS_INPUT.label} table (sheet '${ASSIGNMENTS_INPUT.sheets[0]}' or --${ASSIGNMENTS_INPUT.id} FILE) to go with the Stipends`,
      what: `the ${ASSIGNMENTS_INPUT.label} table, to go with the ${STIPENDS_INPUT.label}`,
      supplies: [{ input: ASSIGNMENTS_INPUT }],
    };
  if (assignments && !stipends)
    return {
      text: `no ${STIPENDS_INPUT.label} table (sheet '${STIPENDS_INPUT.sheets[0]}' or --${STIPENDS_INPUT.id} FILE) for the ${ASSIGNMENTS_INPUT.label}`,
      what: `the ${STIPENDS_INPUT.label} table, for the ${ASSIGNMENTS_INPUT.label}`,
      supplies: [{ input: STIPENDS_INPUT }],
    };
  if (!stipends && !study.has(LONGEVITY_INPUT))
    return {
      text: `no ${STIPENDS_INPUT.label} and ${ASSIGNMENTS_INPUT.label} tables and no ${LONGEVITY_INPUT.label} table`,
      what: `the ${STIPENDS_INPUT.label} and ${ASSIGNMENTS_INPUT.label} tables, or the ${LONGEVITY_INPUT.label} table`,
      supplies: [{ input: STIPENDS_INPUT }, { input: LONGEVITY_INPUT }],
    };
  return undefined;
}

/** The fiscal year holding the as-of date, from the fiscal-year-start option. */
export function studyFiscalYear(study: Study): FiscalYear {
  const start = parseMonthDay(study.options.value(FISCAL_YEAR_START));
  if (start === undefined) throw new Error("fiscal-year-start was parsed as a day of the year");
  return fiscalYearOf(study.asOfDay, start);
}

/** A number column's value at a position, null where blank (NaN) or where the roster has no such column. */
const valueOf = (column: Float64Array | undefined, at: number): number | null =>
  column === undefined || Number.isNaN(column[at]) ? null : column[at];

function peopleOf(study: Study, familyProblems: Unplaced[]): People {
  const placement = study.placement;
  const columns = study.roster.columns;
  const n = columns.length;
  const people: People = {
    columns,
    ledger: new Float64Array(n * STRIDE),
    grade: new Int32Array(n),
    unpriced: new Map(),
    ids: idIndexOf(columns),
  };
  const index = placement.index;
  const placed = placement.placed;
  // placement.rows.employees: the placed positions of the roster, in roster order.
  const positions = placement.rows.employees;
  const separation = columns.numberColumn("separationDay");
  const annualHours = columns.numberColumn("annualHours");
  const contractDays = columns.numberColumn("contractDays");
  // Each placed grade's place in pay-plan order, looked up once.
  const order = placed.grades.map((grade) => index.orderOf(grade));
  let next = 0;
  const ledger = people.ledger;
  for (let i = 0; i < n; i++) {
    if (next < positions.length && positions[next] === i) {
      next++;
      if (placed.separated(i)) {
        ledger[i * STRIDE + STANDING] = SEPARATED;
        continue;
      }
      const payPlan = placed.payPlan(i);
      const reading = {
        fte: columns.fte[i],
        annualHours: valueOf(annualHours, i),
        contractDays: valueOf(contractDays, i),
        payPlan,
      };
      const basis = basisOf(reading, placed.payGrade(i), payPlan);
      if (typeof basis === "string") {
        ledger[i * STRIDE + STANDING] = UNPRICED;
        people.unpriced.set(i, basis);
        familyProblems.push(listed(columns.employee(i), `total pay: the base pay cannot be priced: ${basis}`));
      } else {
        ledger[i * STRIDE + BASE] = placed.rate[i] * basis.units;
        people.grade[i] = order[placed.grade[i]];
      }
    } else if (separation !== undefined && separation[i] <= study.asOfDay) ledger[i * STRIDE + STANDING] = SEPARATED;
    else {
      ledger[i * STRIDE + STANDING] = UNPRICED;
      people.unpriced.set(i, "the grade is not placed on the pay plans (see Unmatched Employees)");
    }
  }
  return people;
}

/**
 * The roster's Employee IDs by position, in the engine's StringTable (issue 22: 150,000
 * assignments looked up among 100,000 IDs); an ID on several rows (split assignments) keeps its
 * last row. The IDs
 * as people mean them (normalizeKey) are indexed on the first ID not found as written. Kept per
 * roster: a recalculation of the same roster does not hash it again.
 */
class IdIndex {
  private readonly positions: StringTable;
  private byKey: Map<string, number> | undefined;

  constructor(private readonly ids: readonly string[]) {
    // Positions + 1 (a table's values are 1 or more); an ID written twice keeps its last position.
    this.positions = new StringTable(ids.length, (value) => ids[value - 1]);
    this.positions.setEach(
      ids.length,
      (at) => ids[at],
      (at) => at + 1,
    );
  }

  /** The roster position of an ID as written, or -1. */
  exact(id: string): number {
    return (this.positions.get(id) ?? 0) - 1;
  }

  /** The roster positions + 1 of `count` IDs as written (0: not as written), fetched together (StringTable.getEach). */
  exactEach(count: number, idAt: (index: number) => string, out: Int32Array): void {
    this.positions.getEach(count, idAt, out);
  }

  /** The roster position of an ID not found as written, as people mean it; undefined when none. */
  findNormal(id: string): number | undefined {
    const key = normalizeKey(id);
    const written = this.exact(key);
    return written >= 0 ? written : this.normalForms().get(key);
  }

  /** The IDs whose normal form differs from how they are written (e00123, 00123), by that form. */
  private normalForms(): Map<string, number> {
    if (this.byKey !== undefined) return this.byKey;
    const byKey = new Map<string, number>();
    for (let at = 0; at < this.ids.length; at++) {
      const id = this.ids[at];
      if (isNormalId(id)) continue;
      const key = normalizeKey(id);
      if (key !== id) byKey.set(key, at);
    }
    return (this.byKey = byKey);
  }
}

/**
 * An ID normalizeKey leaves as it is, told without calling it: an upper-case letter, then up to 63
 * upper-case letters, digits and - _ . / (the form most HR systems write).
 */
function isNormalId(id: string): boolean {
  const length = id.length;
  if (length === 0 || length > 64) return false;
  let code = id.charCodeAt(0);
  if (code < 65 || code > 90) return false;
  for (let i = 1; i < length; i++) {
    code = id.charCodeAt(i);
    // A–Z, 0–9, - . / _
    if (!((code >= 65 && code <= 90) || (code >= 45 && code <= 57) || code === 95)) return false;
  }
  return true;
}

const ID_INDEXES = new WeakMap<EmployeeColumns, IdIndex>();

/** The roster's ID index, made on first use. */
function idIndexOf(columns: EmployeeColumns): IdIndex {
  let index = ID_INDEXES.get(columns);
  if (index === undefined) {
    index = new IdIndex(columns.textColumn("id") ?? Array.from({ length: columns.length }, () => ""));
    ID_INDEXES.set(columns, index);
  }
  return index;
}

/** A blank date in the typed columns below (days are whole and far from it). */
const NO_DAY = -2_147_483_648;

/**
 * The counted assignments, by employee (150,000 assignments make no object each): employee i's
 * are k = first[i] … first[i + 1] − 1, in table order — table row byEmployee[k], its stipend
 * (index into `stipends`), units and dates at k in typed columns.
 */
type Held = {
  rows: readonly AssignmentRow[];
  stipends: readonly Stipend[];
  first: Int32Array;
  byEmployee: Int32Array;
  stipend: Int32Array;
  units: Float64Array;
  start: Int32Array;
  end: Int32Array;
  counted: number;
};

const dayOrNull = (day: number): number | null => (day === NO_DAY ? null : day);

/** Employee i's counted assignments in table order, as employeeSupplemental reads them. */
function heldBy(held: Held | undefined, i: number): CountedAssignment[] {
  const list: CountedAssignment[] = [];
  if (held === undefined) return list;
  for (let k = held.first[i]; k < held.first[i + 1]; k++) {
    list.push({
      row: held.rows[held.byEmployee[k]].row,
      stipend: held.stipends[held.stipend[k]],
      units: held.units[k],
      start: dayOrNull(held.start[k]),
      end: dayOrNull(held.end[k]),
    });
  }
  return list;
}

/** Per stipend, category and band: distinct employees, units and cost. */
type Tally = { employees: number; units: number; cost: number };

const tally = (): Tally => ({ employees: 0, units: 0, cost: 0 });

/**
 * Every assignment row counted or listed with its reason. The rows reach their employees in no
 * order (150,000 of them among 100,000 employees): the rows are first matched to their employee,
 * then taken employee by employee — each one's rows in table order, so the first of two identical
 * assignments counts — and priced (assignmentPay: the rule employeeSupplemental applies) and
 * added to their employee's pay; last, in table order, to their stipend's and category's
 * tallies (the sums add in the order of the table whatever the employees' order).
 */
function assign(
  study: Study,
  rows: readonly AssignmentRow[],
  table: StipendTable,
  people: People,
  fiscalYear: FiscalYear,
  tallies: { perStipend: Map<Stipend, Tally>; categoryOf: Map<Stipend, Tally> },
  problems: Problem[],
): Held {
  let rosterRows: Map<string, Unplaced> | undefined;
  // Codes repeat over thousands of rows: each spelling is looked up once.
  const codes = new Map<string, Stipend | TableProblem | undefined>();
  const stipends = table.stipends;
  const n = people.columns.length;
  const pass: Pass = {
    rows,
    people,
    fiscalYear,
    stipends,
    stipendIndex: new Map(stipends.map((stipend, i) => [stipend, i])),
    byStipend: stipends.map((stipend) => tallies.perStipend.get(stipend) as Tally),
    byCategory: stipends.map((stipend) => tallies.categoryOf.get(stipend) as Tally),
    held: {
      rows,
      stipends,
      first: new Int32Array(n + 1),
      byEmployee: new Int32Array(rows.length),
      stipend: new Int32Array(rows.length),
      units: new Float64Array(rows.length),
      start: new Int32Array(rows.length),
      end: new Int32Array(rows.length),
      counted: 0,
    },
    employee: new Int32Array(rows.length),
    read: new Float64Array(rows.length * FIELDS),
    startOf: new Int32Array(n + 1),
    order: new Int32Array(0),
    sorted: new Float64Array(0),
    tallied: new Float64Array(rows.length * FIELDS),
    refuse: (row, reason) => {
      problems.push({ table: ASSIGNMENTS_INPUT.label, row: row.row, id: row.id, code: row.code, reason });
    },
    codeOf: (code) => {
      let found = codes.get(code);
      if (found === undefined && !codes.has(code)) {
        found = table.byKey.get(normalizeKey(code));
        codes.set(code, found);
      }
      return found;
    },
    unreadRow: (id) => {
      if (rosterRows === undefined) {
        rosterRows = new Map();
        for (const problem of study.roster.problems) {
          const key = normalizeKey(problem.id);
          if (key !== "" && !rosterRows.has(key)) rosterRows.set(key, problem);
        }
      }
      return rosterRows.get(normalizeKey(id));
    },
  };
  // Each pass is its own function with one loop: V8 optimises a small function with one loop at
  // once, where one long function with several loops ran them half-optimised.
  matchRows(pass);
  sortByEmployee(pass);
  countByEmployee(pass);
  addTallies(pass);
  return pass.held;
}

/** What assign's passes share. */
type Pass = {
  rows: readonly AssignmentRow[];
  people: People;
  fiscalYear: FiscalYear;
  stipends: readonly Stipend[];
  stipendIndex: Map<Stipend, number>;
  byStipend: Tally[];
  byCategory: Tally[];
  held: Held;
  /** Per row: its employee's position + 1 (0: the row is listed). */
  employee: Int32Array;
  /** Per row r, at r × FIELDS: its stipend (index into `stipends`; −1 when its code is not a usable stipend's), units (NaN when blank), dates. */
  read: Float64Array;
  /** Per employee: where their rows start in `order` (the rows matched to them, by employee). */
  startOf: Int32Array;
  order: Int32Array;
  /** `read` in the order of `order`: the employee-by-employee pass reads it in turn. */
  sorted: Float64Array;
  /** Per row r, at r × FIELDS: when counted, its pay, stipend, units and 4 (+ 1 when it is its employee's first of its stipend, + 2 of its category); else 0s. */
  tallied: Float64Array;
  refuse: (row: AssignmentRow, reason: string) => void;
  codeOf: (code: string) => Stipend | TableProblem | undefined;
  unreadRow: (id: string) => Unplaced | undefined;
};

/** Four numbers a row in Pass.read, Pass.sorted and Pass.tallied. */
const FIELDS = 4;

/**
 * 1. Each row's employee — as written (looked up together: StringTable.getEach), else as people
 * mean the ID — or the row listed; and, read here in table order for the employee-by-employee
 * pass (which reaches the rows in no order), its stipend, units and dates.
 */
function matchRows(pass: Pass): void {
  const { rows, people, employee, startOf, read } = pass;
  people.ids.exactEach(rows.length, (r) => rows[r].id, employee);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.problem !== undefined) {
      pass.refuse(row, row.problem);
      employee[r] = 0;
      continue;
    }
    if (employee[r] === 0) {
      const at = people.ids.findNormal(row.id);
      if (at === undefined) {
        const unread = pass.unreadRow(row.id);
        pass.refuse(
          row,
          unread === undefined
            ? `Employee ID '${truncate(row.id)}' is not in the roster`
            : `employee '${truncate(row.id)}' is in the roster, but their row could not be read (${unread.reason}): see Unmatched Employees`,
        );
        continue;
      }
      employee[r] = at + 1;
    }
    // The count of each employee's rows, at their position + 1.
    startOf[employee[r]]++;
    const found = pass.codeOf(row.code);
    const at = r * FIELDS;
    read[at] = found !== undefined && "basis" in found ? (pass.stipendIndex.get(found) as number) : -1;
    read[at + 1] = row.units ?? Number.NaN;
    read[at + 2] = row.start ?? NO_DAY;
    read[at + 3] = row.end ?? NO_DAY;
  }
}

/** 2. The matched rows by employee, in table order within each (a counting sort): employee i's are order[startOf[i]] … order[startOf[i + 1] − 1]. */
function sortByEmployee(pass: Pass): void {
  const { employee, startOf, read } = pass;
  const n = startOf.length - 1;
  for (let i = 0; i < n; i++) startOf[i + 1] += startOf[i];
  const order = new Int32Array(startOf[n]);
  const sorted = new Float64Array(startOf[n] * FIELDS);
  const next = startOf.slice(0, n);
  for (let r = 0; r < employee.length; r++) {
    if (employee[r] === 0) continue;
    const k = next[employee[r] - 1]++;
    order[k] = r;
    for (let field = 0; field < FIELDS; field++) sorted[k * FIELDS + field] = read[r * FIELDS + field];
  }
  pass.order = order;
  pass.sorted = sorted;
}

/**
 * 3. Employee by employee, each one's rows in table order: counted or listed (the first of two
 * identical assignments counts), the counted ones priced and added to the employee's pay. A row
 * whose code is a stipend's is read from the columns of matchRows (one object, refilled).
 */
function countByEmployee(pass: Pass): void {
  const { rows, people, fiscalYear, stipends, byCategory, held, startOf, order, sorted, tallied } = pass;
  const ledger = people.ledger;
  const values = { code: "", units: null as number | null, start: null as number | null, end: null as number | null };
  const priced = { stipend: stipends[0], units: 0, start: null as number | null, end: null as number | null };
  const n = startOf.length - 1;
  let kept = 0;
  for (let at = 0; at < n; at++) {
    const from = startOf[at];
    const to = startOf[at + 1];
    held.first[at] = kept;
    if (from === to) continue;
    const entry = at * STRIDE;
    const start0 = kept;
    for (let k = from; k < to; k++) {
      const r = order[k];
      const s = sorted[k * FIELDS];
      const start = sorted[k * FIELDS + 2];
      const end = sorted[k * FIELDS + 3];
      let reason: string | undefined;
      if (s < 0) reason = refusal(rows[r], pass.codeOf(rows[r].code), people, at, fiscalYear);
      else {
        const units = sorted[k * FIELDS + 1];
        values.units = Number.isNaN(units) ? null : units;
        values.start = dayOrNull(start);
        values.end = dayOrNull(end);
        reason = refusal(values, stipends[s], people, at, fiscalYear);
      }
      if (reason !== undefined) {
        pass.refuse(rows[r], reason);
        continue;
      }
      const stipend = stipends[s];
      const units = values.units ?? 1;
      // Of two identical assignments of one employee (code, units and dates), the first counts;
      // the look over their earlier ones also tells whether this is their first of the stipend,
      // and of its category.
      let repeatOf = -1;
      let newStipend = true;
      let newCategory = true;
      for (let e = start0; e < kept && repeatOf < 0; e++) {
        const t = held.stipend[e];
        if (t === s) {
          newStipend = false;
          if (held.units[e] === units && held.start[e] === start && held.end[e] === end) repeatOf = held.byEmployee[e];
        }
        if (byCategory[t] === byCategory[s]) newCategory = false;
      }
      if (repeatOf >= 0) {
        pass.refuse(
          rows[r],
          `the same assignment as row ${rows[repeatOf].row} (employee, code, units and dates): the first counts`,
        );
        continue;
      }
      held.byEmployee[kept] = r;
      held.stipend[kept] = s;
      held.units[kept] = units;
      held.start[kept] = start;
      held.end[kept] = end;
      kept++;
      priced.stipend = stipend;
      priced.units = units;
      priced.start = values.start;
      priced.end = values.end;
      const cost = assignmentPay(
        priced,
        stipend.amount,
        ledger[entry + STANDING] === PRICED ? ledger[entry + BASE] : null,
        fiscalYear,
      );
      ledger[entry + PAY] += cost;
      tallied[r * FIELDS] = cost;
      tallied[r * FIELDS + 1] = s;
      tallied[r * FIELDS + 2] = units;
      tallied[r * FIELDS + 3] = 4 | (newStipend ? 1 : 0) | (newCategory ? 2 : 0);
    }
  }
  held.first[n] = kept;
  held.counted = kept;
}

/** 4. The counted rows' tallies, in table order (the sums add in the order of the table). */
function addTallies(pass: Pass): void {
  const { tallied, byStipend, byCategory } = pass;
  for (let at = 0; at < tallied.length; at += FIELDS) {
    const firsts = tallied[at + 3];
    if (firsts === 0) continue;
    const s = tallied[at + 1];
    const tally = byStipend[s];
    if ((firsts & 1) !== 0) tally.employees++;
    if ((firsts & 2) !== 0) byCategory[s].employees++;
    tally.units += tallied[at + 2];
    tally.cost += tallied[at];
  }
}

/** Why a readable assignment row of roster employee `at` is not counted, or undefined when it counts. */
function refusal(
  row: Pick<AssignmentRow, "code" | "units" | "start" | "end">,
  found: Stipend | TableProblem | undefined,
  people: People,
  at: number,
  fiscalYear: FiscalYear,
): string | undefined {
  if (found === undefined) return `Code '${truncate(row.code)}' is not in the Stipends table`;
  if (!("basis" in found))
    return `the Stipends row of code '${truncate(row.code)}' (row ${found.row}) cannot be used: ${found.reason}`;
  const unfit = unitsProblem(found.basis, row.units);
  if (unfit !== undefined)
    return hasUnits(found.basis) ? unfit : `${unfit} (two of the same stipend are two rows, each with its dates)`;
  if (row.units === 0) return "Units is 0: nothing to pay";
  const standing = people.ledger[at * STRIDE + STANDING];
  if (standing === SEPARATED) {
    const { columns } = people;
    return `employee '${truncate(columns.text("id", at))}' separated on ${isoDate(columns.number("separationDay", at) as number)}, on or before the as-of date: not counted`;
  }
  if (fiscalShare(fiscalYear, row.start, row.end) === 0)
    return `the assignment (${row.start === null ? "…" : isoDate(row.start)} to ${row.end === null ? "…" : isoDate(row.end)}) is wholly outside the fiscal year ${isoDate(fiscalYear.start)} to ${isoDate(fiscalYear.end)}: nothing to pay in it`;
  if (found.basis === "percent" && standing === UNPRICED)
    return `a percent of base pay, and this employee's base pay cannot be priced: ${people.unpriced.get(at) ?? ""}`;
  return undefined;
}

/**
 * An employee as employeeSupplemental reads them — service record and counted assignments — for
 * the costing roll-forward; undefined for an employee not on the roster.
 */
export function supplementalEmployee(study: Study, employee: Employee): SupplementalEmployee | undefined {
  const { people, held } = supplementalAnalysis(study);
  const at = people.ids.exact(employee.id);
  if (at < 0) return undefined;
  return { service: serviceOf(employee, study.asOfDay), assignments: heldBy(held, at) };
}

/** What the employees' supplemental pay adds up to, per band and grade, and the employees' counts. */
type Sums = Pick<Analysis, "perBand" | "grades" | "own" | "withStipend" | "inBand" | "withEither">;

/**
 * Every active employee's longevity (the band of their whole years of service: the rule
 * employeeSupplemental applies) and their year's pay added up by grade; longevity that cannot be
 * read or priced is listed.
 */
function addUp(
  study: Study,
  people: People,
  held: Held | undefined,
  bands: readonly LongevityBand[] | undefined,
  serviceColumns: boolean,
  problems: Problem[],
): Sums {
  const grades: (Totals | undefined)[] = new Array(study.placement.index.grades.length);
  const perBand: Tally[] = (bands ?? []).map(tally);
  const own: Own[] = [];
  let withStipend = 0;
  let inBand = 0;
  let withEither = 0;
  const { columns, ledger } = people;
  const serviceYears = columns.numberColumn("serviceYears");
  const rehireDay = columns.numberColumn("rehireDay");
  const hireDay = columns.numberColumn("hireDay");
  // One service record for every employee, refilled (yearsOfService keeps nothing of it).
  const service = { serviceYears: null as number | null, statedOn: study.asOfDay, from: null as number | null };
  for (let i = 0; i < columns.length; i++) {
    const at = i * STRIDE;
    if (ledger[at + STANDING] === SEPARATED) continue;
    const holds = held !== undefined && held.first[i + 1] > held.first[i];
    const stipends = ledger[at + PAY];
    const priced = ledger[at + STANDING] === PRICED;
    let band = -1;
    let longevity: number | null = 0;
    if (bands !== undefined) {
      // The day service counts from: the Rehire Date, else the Hire Date (serviceStart).
      service.serviceYears = valueOf(serviceYears, i);
      service.from = valueOf(rehireDay, i) ?? valueOf(hireDay, i);
      const years = yearsOfService(service, study.asOfDay);
      band = years === null ? -1 : longevityIndex(bands, years);
      if (band >= 0) longevity = longevityPay(bands[band], priced ? ledger[at + BASE] : null);
      else if (years === null && serviceColumns)
        problems.push({
          table: ROSTER,
          row: columns.row[i],
          id: columns.text("id", i),
          code: "",
          reason: "longevity: neither Service Years nor a Hire Date is given: no longevity",
        });
    }
    if (band >= 0 && longevity === null) {
      const { years, percent } = (bands as readonly LongevityBand[])[band];
      problems.push({
        table: ROSTER,
        row: columns.row[i],
        id: columns.text("id", i),
        code: "",
        reason: `longevity: the ${years}-year band is ${percentText(percent as number)} of base pay, and this employee's base pay cannot be priced (${people.unpriced.get(i) ?? ""}): not counted`,
      });
    } else if (band >= 0) {
      inBand++;
      perBand[band].employees++;
      perBand[band].cost += longevity as number;
    }
    const paid = longevity ?? 0;
    if (holds) withStipend++;
    if (holds || (band >= 0 && longevity !== null)) withEither++;
    if (priced) {
      const totals = (grades[people.grade[i]] ??= { employees: 0, base: 0, stipends: 0, longevity: 0 });
      totals.employees++;
      totals.base += ledger[at + BASE];
      totals.stipends += stipends;
      totals.longevity += paid;
    } else if (holds || paid > 0) own.push({ employee: columns.employee(i), stipends, longevity: paid });
  }
  return { perBand, grades, own, withStipend, inBand, withEither };
}

/** The family's computation (memoised: the three exhibits share it). */
export function supplementalAnalysis(study: Study): Analysis {
  return study.memo("supplemental/analysis", () => {
    const fiscalYear = studyFiscalYear(study);
    const stipends = study.input(STIPENDS_INPUT);
    const assignments = study.input(ASSIGNMENTS_INPUT);
    const longevity = study.input(LONGEVITY_INPUT);
    const bands = longevity?.bands;
    const familyProblems: Unplaced[] = [];
    const people = peopleOf(study, familyProblems);
    const problems: Problem[] = [];
    for (const problem of stipends?.problems ?? [])
      problems.push({
        table: STIPENDS_INPUT.label,
        row: problem.row,
        id: "",
        code: problem.code,
        reason: problem.reason,
      });
    for (const problem of longevity?.problems ?? [])
      problems.push({ table: LONGEVITY_INPUT.label, row: problem.row, id: "", code: "", reason: problem.reason });
    const perStipend = new Map<Stipend, Tally>((stipends?.stipends ?? []).map((stipend) => [stipend, tally()]));
    const perCategory = new Map<string, Tally>();
    for (const stipend of stipends?.stipends ?? [])
      if (!perCategory.has(fold(stipend.category))) perCategory.set(fold(stipend.category), tally());
    const categoryOf = new Map<Stipend, Tally>(
      (stipends?.stipends ?? []).map((stipend) => [stipend, perCategory.get(fold(stipend.category)) as Tally]),
    );
    const held =
      stipends !== undefined && assignments !== undefined
        ? assign(study, assignments.rows, stipends, people, fiscalYear, { perStipend, categoryOf }, problems)
        : undefined;
    const notes: string[] = [];
    const roster = study.roster;
    const serviceColumns = roster.mapping.serviceYears !== undefined || roster.mapping.hireDate !== undefined;
    if (bands !== undefined && !serviceColumns)
      notes.push("The roster has neither a Hire Date nor a Service Years column: no employee's longevity can be read.");
    const sums = addUp(study, people, held, bands, serviceColumns, problems);
    problems.sort((a, b) => tableOrder(a.table) - tableOrder(b.table) || a.row - b.row);
    return {
      people,
      held,
      fiscalYear,
      stipends,
      bands,
      perStipend,
      perCategory,
      ...sums,
      problems,
      familyProblems,
      assignmentRows: assignments?.rows.length ?? 0,
      counted: held?.counted ?? 0,
      notes,
    };
  });
}

const ROSTER = "Roster";
const TABLE_ORDER = [STIPENDS_INPUT.label, LONGEVITY_INPUT.label, ASSIGNMENTS_INPUT.label, ROSTER];
const tableOrder = (table: string): number => TABLE_ORDER.indexOf(table);

/** A count as people read it (1,176). */
const count = (n: number): string => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Exhibits

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

const NO_CATEGORY = "(no category)";

function fiscalYearWords(year: FiscalYear): string {
  return `${dateWords(isoDate(year.start))} to ${dateWords(isoDate(year.end))} (${year.days} days)`;
}

/** The rules in words, for both exhibits' descriptions. */
function rulesText(analysis: Analysis): string {
  const parts: string[] = [];
  if (analysis.stipends !== undefined)
    parts.push(
      `A stipend's annual amount: annual — the Amount; percent — Amount × the employee's base pay; hour, day, month — Amount × Units. Flat amounts are not scaled by FTE. Prorated by the days an assignment covers in the fiscal year ${fiscalYearWords(analysis.fiscalYear)}, both its Start and End Date counted; no date = the whole year.`,
    );
  if (analysis.bands !== undefined)
    parts.push(
      "Longevity: the band with the highest Years of Service at or below the employee's whole years of service on the as-of date — the roster's Service Years when given, else the anniversaries of the Rehire Date (a rehire restarts service), else of the Hire Date; a flat amount is not scaled by FTE, a percent is of base pay; not prorated.",
    );
  parts.push(
    "Base pay = the annual pay of the salary basis: annual salaries × FTE, hourly rates × the roster's Annual Hours (else 2,080 × FTE), daily rates × Contract Days (else the plan's days × FTE), monthly × 12 × FTE.",
  );
  return parts.join(" ");
}

function reconciliation(study: Study, analysis: Analysis): string[] {
  const notes = [...analysis.notes];
  if (analysis.stipends !== undefined) {
    const listed = analysis.problems.filter((p) => p.table === ASSIGNMENTS_INPUT.label).length;
    notes.push(
      `Stipend Assignments: ${count(analysis.assignmentRows)} rows read = ${count(analysis.counted)} counted + ${count(listed)} listed with the reason in Supplemental Pay Problems.`,
    );
  }
  const sources = [STIPENDS_INPUT, ASSIGNMENTS_INPUT, LONGEVITY_INPUT]
    .filter((spec) => study.has(spec))
    .map((spec) => `${spec.label}: ${study.source(spec) ?? "—"}`);
  notes.push(`Tables read: ${sources.join(" · ")}.`);
  return notes;
}

function totalPayOf(analysis: Analysis): number {
  let total = 0;
  for (const totals of analysis.grades) if (totals) total += totals.base + totals.stipends + totals.longevity;
  for (const person of analysis.own) total += person.stipends + person.longevity;
  return total;
}

function supplementalPayExhibit(study: Study): ExhibitBody {
  const analysis = supplementalAnalysis(study);
  const totalPay = totalPayOf(analysis);
  const rows: ExhibitRow[] = [];
  const row = (values: CellScalar[], cost: number, kind: ExhibitRow["kind"]): void => {
    rows.push({ values: [...values, cost, ratio(cost, totalPay)], kind });
  };
  let stipendCost = 0;
  if (analysis.stipends !== undefined) {
    const categories = new Map<string, Stipend[]>();
    for (const stipend of analysis.stipends.stipends) {
      const key = fold(stipend.category);
      categories.set(key, [...(categories.get(key) ?? []), stipend]);
    }
    const ordered = [...categories.entries()].sort(([a], [b]) =>
      a === "" ? 1 : b === "" ? -1 : collator.compare(a, b),
    );
    for (const [, members] of ordered) {
      members.sort((a, b) => collator.compare(a.code, b.code));
      const category = members[0].category || NO_CATEGORY;
      let cost = 0;
      for (const stipend of members) {
        const tally = analysis.perStipend.get(stipend) as Tally;
        row(
          [category, stipend.code, stipend.name, stipend.basis, null, tally.employees, tally.units],
          tally.cost,
          "detail",
        );
        cost += tally.cost;
      }
      const employees = analysis.perCategory.get(fold(members[0].category))?.employees ?? 0;
      row([category, "Total", null, null, null, employees, null], cost, "total");
      stipendCost += cost;
    }
    row(["Stipends", "Total", null, null, null, analysis.withStipend, null], stipendCost, "total");
  }
  let longevityCost = 0;
  if (analysis.bands !== undefined) {
    analysis.bands.forEach((band, i) => {
      const tally = analysis.perBand[i];
      const what =
        band.amount !== null
          ? `${band.years} or more years`
          : `${band.years} or more years: ${percentText(band.percent as number)} of base pay`;
      row(
        ["Longevity", null, what, band.amount !== null ? "annual" : "percent", band.years, tally.employees, null],
        tally.cost,
        "detail",
      );
      longevityCost += tally.cost;
    });
    row(["Longevity", "Total", null, null, null, analysis.inBand, null], longevityCost, "total");
  }
  row(["All", "Total", null, null, null, analysis.withEither, null], stipendCost + longevityCost, "grand-total");
  return {
    columns: [
      col("Category", "text"),
      col("Code", "text"),
      col("Stipend", "text"),
      col("Basis", "text"),
      col("Years of Service", "number"),
      col("Employees", "count"),
      col("Units", "number"),
      col("Annual Cost", "money", "whole"),
      col("Share of Total Pay", "percent"),
    ],
    rows,
    description: `Each stipend's counted assignments (by category, then code) and each longevity band: Employees (distinct), Units as assigned (hours, days or months; one per assignment for annual and percent stipends), Annual Cost for the fiscal year. Share of Total Pay = the cost ÷ the total pay of Total Pay's All row (base pay + stipends + longevity). ${rulesText(analysis)}`,
    notes: reconciliation(study, analysis),
  };
}

function totalPayExhibit(study: Study): ExhibitBody {
  const analysis = supplementalAnalysis(study);
  const index = study.placement.index;
  const rows: ExhibitRow[] = [];
  const values = (plan: string, grade: string, t: Totals): CellScalar[] => {
    const total = t.base + t.stipends + t.longevity;
    return [plan, grade, t.employees, t.base, t.stipends, t.longevity, total, ratio(t.stipends + t.longevity, total)];
  };
  const add = (a: Totals, b: Totals): Totals => ({
    employees: a.employees + b.employees,
    base: a.base + b.base,
    stipends: a.stipends + b.stipends,
    longevity: a.longevity + b.longevity,
  });
  const empty: Totals = { employees: 0, base: 0, stipends: 0, longevity: 0 };
  let all = empty;
  for (const plan of index.plans) {
    let planTotals: Totals | undefined;
    for (const grade of plan.grades) {
      const totals = analysis.grades[index.orderOf(grade)];
      if (totals === undefined) continue;
      rows.push({ values: values(plan.name, grade.grade, totals), kind: "detail" });
      planTotals = add(planTotals ?? empty, totals);
    }
    if (planTotals === undefined) continue;
    rows.push({ values: values(plan.name, "Total", planTotals), kind: "total" });
    all = add(all, planTotals);
  }
  for (const person of analysis.own) {
    const totals: Totals = { employees: 1, base: 0, stipends: person.stipends, longevity: person.longevity };
    rows.push({ values: values(person.employee.plan, person.employee.grade, totals), kind: "detail" });
    all = add(all, totals);
  }
  rows.push({ values: values("All", "Total", all), kind: "grand-total" });
  const notes = reconciliation(study, analysis);
  if (analysis.own.length > 0)
    notes.push(
      `${count(analysis.own.length)} ${analysis.own.length === 1 ? "employee has" : "employees have"} supplemental pay but a base pay that cannot be priced (a grade not in the pay plans, or a daily rate without its days): each has a row of their own after the plans (Plan and Grade as the roster has them, Base Pay 0), counted in All and in no plan total, and is listed in Unmatched Employees — ${analysis.own
        .slice(0, 10)
        .map((person) => person.employee.id)
        .join(", ")}${analysis.own.length > 10 ? ", …" : ""}.`,
    );
  return {
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Employees", "count"),
      col("Base Pay", "money", "whole"),
      col("Stipends", "money", "whole"),
      col("Longevity", "money", "whole"),
      col("Total Pay", "money", "whole"),
      col("Supplemental %", "percent"),
    ],
    rows,
    description: `Active employees per plan and grade: base pay, stipends and longevity for the fiscal year, Total Pay = their sum, Supplemental % = (Stipends + Longevity) ÷ Total Pay. ${rulesText(analysis)}`,
    notes,
  };
}

function problemsExhibit(study: Study): ExhibitBody {
  const analysis = supplementalAnalysis(study);
  return {
    columns: [
      col("Table", "text"),
      col("Row", "number"),
      col("Employee ID", "text"),
      col("Code", "text"),
      col("Problem", "text"),
    ],
    rows: analysis.problems.map((p) => ({
      values: [p.table, p.row, p.id || null, p.code || null, p.reason],
      kind: "detail",
    })),
    description:
      "Every row of the Stipends, Longevity and Stipend Assignments tables that was not counted, and every employee whose longevity could not be read, with the reason — never dropped silently.",
  };
}

export const SUPPLEMENTAL = family({
  id: "supplemental",
  title: "Supplemental pay",
  description:
    "What stipends and longevity cost on top of base pay, per stipend and per longevity band, and what they make of each grade's total pay (HISD compensation manual, sections V–VI).",
  inputs: [STIPENDS_INPUT, ASSIGNMENTS_INPUT, LONGEVITY_INPUT],
  options: [FISCAL_YEAR_START],
  exhibits: [
    {
      id: "supplemental-pay",
      number: "9-1",
      title: "Supplemental Pay",
      summary:
        "per stipend (by category, then code) and per longevity band: employees, units and annual cost, with totals and their share of total pay",
      unavailable: supplementalUnavailable,
      build: supplementalPayExhibit,
      report: SUPPLEMENTAL_PAY_REPORT,
    },
    {
      id: "total-pay",
      number: "9-2",
      title: "Total Pay",
      summary: "per plan and grade: base pay, stipends, longevity, total pay and the supplemental share",
      unavailable: supplementalUnavailable,
      build: totalPayExhibit,
      report: TOTAL_PAY_REPORT,
    },
    {
      id: "supplemental-problems",
      number: "9-3",
      title: "Supplemental Pay Problems",
      summary:
        "every stipend, longevity or assignment row not counted, and every employee whose longevity could not be read, with the reason",
      unavailable: supplementalUnavailable,
      build: problemsExhibit,
      detail: true,
      report: SUPPLEMENTAL_PROBLEMS_REPORT,
    },
  ],
  problems: (study) => supplementalAnalysis(study).familyProblems,
});
