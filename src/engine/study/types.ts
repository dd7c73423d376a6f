/** The analysis' parsed inputs (host-free). */
import type { PayUnit } from "../exhibit";

export type Severity = "error" | "warning";

/** A finding of the schedule audit (exhibit schedule-audit). */
export type AuditFinding = { plan: string; grade: string; step: number | null; severity: Severity; message: string };

export type PayGrade = {
  plan: string;
  grade: string;
  /** 1-based row of the pay-plan table, for messages. */
  row: number;
  /** "steps": pay at each step; "range": only a minimum, (midpoint,) maximum (HISD's master pay scale). */
  kind: "steps" | "range";
  /** Step values up to the last filled step; null where a step is blank or not a number. Empty for a range grade. */
  steps: (number | null)[];
  /** First and last numeric steps (or the range's Minimum and Maximum); undefined when the grade has no usable pay. */
  min?: number;
  max?: number;
  /** A range grade's stated midpoint; otherwise (min + max) / 2 is used. */
  mid?: number;
  /** What one pay figure pays for: from the Unit column, else inferred from the grade's own pay. */
  unit: PayUnit;
  /** How the unit was decided. */
  unitFrom: "column" | "name" | "pay";
  /** Money of this grade is shown with cents: its pay carries cents, or it is hourly or daily. */
  cents: boolean;
};

export type PayPlan = {
  name: string;
  /** The unit every grade of the plan shares; undefined for a plan mixing units. */
  unit?: PayUnit;
  /** Contract days when the plan's name states them ("PEA 187 Days"). */
  days?: number;
  stepHeaders: string[];
  grades: PayGrade[];
};

export type PayPlans = {
  plans: PayPlan[];
  findings: AuditFinding[];
  /** 1-based row of the header in the table read. */
  headerRow: number;
  /** What the reader should know: rows ignored as footnotes, plan names filled down. */
  notes: string[];
  /** The column read for each field, by label ("Grade": "Pay Grade", "Steps": "Step 1 … Step 12"). */
  columns: Record<string, string>;
};

export type RosterField =
  | "employeeId"
  | "plan"
  | "grade"
  | "lane"
  | "salary"
  | "hireDate"
  | "jobFamily"
  | "jobTitle"
  | "fte"
  | "step"
  | "gender"
  | "ethnicity"
  | "separationDate"
  | "separationReason"
  | "positionId"
  | "department"
  | "annualHours"
  | "contractDays"
  | "proposedPlan"
  | "proposedGrade"
  | "benefitGroup"
  | "serviceYears"
  | "rehireDate";

export type Employee = {
  /** 1-based row of the roster table. */
  row: number;
  id: string;
  plan: string;
  grade: string;
  /** The salary as the roster gives it (a rate in the grade's unit). */
  salary: number;
  /** Full-time equivalent; 1 when the roster has no FTE column or the cell is blank. */
  fte: number;
  /** Days since 1970-01-01, or null when the roster has no hire-date column. */
  hireDay: number | null;
  jobFamily: string;
  jobTitle: string;
  /** Optional columns: "" or null when absent. */
  step: number | null;
  gender: string;
  ethnicity: string;
  separationDay: number | null;
  separationReason: string;
  positionId: string;
  department: string;
  annualHours: number | null;
  contractDays: number | null;
  proposedPlan: string;
  proposedGrade: string;
  /** The Benefit Group column (settlement costing's loads): "" when absent. */
  benefitGroup: string;
  /** Whole years of service as the roster states them (Service Years); null when absent or blank. */
  serviceYears: number | null;
  /** Days since 1970-01-01 of the last rehire (Rehire Date): service restarts on it; null when absent. */
  rehireDay: number | null;
};

/** Fields of an employee that are text. */
export type EmployeeTextField =
  | "id"
  | "plan"
  | "grade"
  | "jobFamily"
  | "jobTitle"
  | "gender"
  | "ethnicity"
  | "separationReason"
  | "positionId"
  | "department"
  | "proposedPlan"
  | "proposedGrade"
  | "benefitGroup";

/** Fields of an employee that are numbers which may be blank (null). */
export type EmployeeOptionalNumber =
  "hireDay" | "step" | "separationDay" | "annualHours" | "contractDays" | "serviceYears" | "rehireDay";

/**
 * The employees of a roster as columns, in roster order (roster-columns.ts): employee `at`'s
 * fields without an object per employee — what a 1,048,576-row roster's analyses read.
 */
export type EmployeeColumns = {
  readonly length: number;
  readonly row: Int32Array;
  readonly salary: Float64Array;
  readonly fte: Float64Array;
  text(field: EmployeeTextField, at: number): string;
  /** The whole column ("" everywhere when undefined). */
  textColumn(field: EmployeeTextField): readonly string[] | undefined;
  number(field: EmployeeOptionalNumber, at: number): number | null;
  /** The whole column, NaN where blank (null everywhere when undefined). */
  numberColumn(field: EmployeeOptionalNumber): Float64Array | undefined;
  employee(at: number): Employee;
};

/** A roster row that cannot be used, with the reason (exhibit unmatched-employees). */
export type Unplaced = { row: number; id: string; plan: string; grade: string; reason: string };

export type Roster = {
  /** The employees as objects, made from `columns` on first use. */
  employees: Employee[];
  /** The same employees as columns (what the placement step and the current conditions read). */
  columns: EmployeeColumns;
  problems: Unplaced[];
  /** Data rows read (blank rows excluded): employees + problems. */
  rowCount: number;
  /** 1-based row of the header in the table read. */
  headerRow: number;
  /** Which column each field was read from. */
  mapping: Partial<Record<RosterField, { column: number; header: string }>>;
  /** Rows whose FTE cell was blank and taken as 1. */
  blankFte: number;
  /** Lines under the header left out as not employees (repeated headers, totals, report footers). */
  leftOut: number;
  /** What the reader should know: the decimal mark, the lines left out, people on several rows. */
  notes: string[];
};
