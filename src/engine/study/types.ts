/** The analysis' parsed inputs (host-free). */
import type { PayUnit } from "../../exhibits/spec/types";

export type Severity = "error" | "warning";

/** A finding of the schedule audit (exhibit schedule-audit). */
export type AuditFinding = { plan: string; grade: string; step: number | null; severity: Severity; message: string };

export type PayGrade = {
  plan: string;
  grade: string;
  /** 1-based row of the pay-plan table, for messages. */
  row: number;
  /** Step values up to the last filled step; null where a step is blank or not a number. */
  steps: (number | null)[];
  /** First and last numeric steps; undefined when the grade has no usable step. */
  min?: number;
  max?: number;
};

export type PayPlan = { name: string; unit: PayUnit; stepHeaders: string[]; grades: PayGrade[] };

export type PayPlans = { plans: PayPlan[]; findings: AuditFinding[] };

export type RosterField =
  "employeeId" | "plan" | "grade" | "salary" | "hireDate" | "jobFamily" | "jobTitle" | "fte" | "step";

export type Employee = {
  /** 1-based row of the roster table. */
  row: number;
  id: string;
  plan: string;
  grade: string;
  salary: number;
  /** Days since 1970-01-01, or null when the roster has no hire-date column. */
  hireDay: number | null;
  jobFamily: string;
  jobTitle: string;
};

/** A roster row that cannot be placed, with the reason (exhibit unmatched-employees). */
export type Unplaced = { row: number; id: string; plan: string; grade: string; reason: string };

export type Roster = {
  employees: Employee[];
  problems: Unplaced[];
  /** Data rows read (blank rows excluded): employees + problems. */
  rowCount: number;
  /** Which column each field was read from. */
  mapping: Partial<Record<RosterField, { column: number; header: string }>>;
};
