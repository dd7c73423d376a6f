/**
 * The exhibit contract shared by the analysis (src/engine/study), the renderers
 * (Office.js in src/excel, .xlsx/.json/.html in src/exhibits and src/cli) and the task pane.
 * Host-free: no Office, DOM or Node types. Exhibit ids and column names are a public
 * contract (the JSON output uses exactly these): never rename one once shipped.
 */

export type ExhibitId =
  | "pay-plan-summary"
  | "grade-placement"
  | "midpoint"
  | "quartiles"
  | "job-families"
  | "tenure"
  | "schedule-audit"
  | "unmatched-employees";

/** A plan's pay unit decides its currency format: hourly `$0.00`, annual `$#,##0`. */
export type PayUnit = "hourly" | "annual";

/** How a column's values are shown (the JSON keeps raw numbers; percentages as fractions). */
export type ColumnKind = "text" | "count" | "money" | "percent" | "years" | "number";

export type ExhibitColumn = {
  name: string;
  kind: ColumnKind;
};

/** A scalar cell value; null for an empty cell. */
export type CellScalar = string | number | null;

/** detail = a grade (or family) row; total = a plan's Total/Average row; grand-total = Plan "All". */
export type RowKind = "detail" | "total" | "grand-total";

export type ExhibitRow = {
  /** One value per column, in column order. */
  values: CellScalar[];
  kind: RowKind;
  /** The plan's unit, for money columns (absent where the row has no money). */
  unit?: PayUnit;
};

/** The study's pay-plan exhibits also show each grade's steps, one block per plan. */
export type StepBlock = {
  plan: string;
  unit: PayUnit;
  /** Step column headers ("Step 1" …) for this plan. */
  stepHeaders: string[];
  rows: { grade: string; steps: (number | null)[] }[];
};

/** A 100 % stacked bar chart: one per plan, categories = grades, series = Q1..Q4 shares. */
export type StackedBarChart = {
  plan: string;
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
};

export type Exhibit = {
  id: ExhibitId;
  /** Display number, e.g. "3-1" → the sheet title "EXHIBIT 3-1 — PAY PLAN SUMMARY". */
  number: string;
  title: string;
  columns: ExhibitColumn[];
  rows: ExhibitRow[];
  /** Source line printed under the table. */
  source: string;
  /** pay-plan-summary only: the step columns, one block per plan. */
  stepBlocks?: StepBlock[];
  /** quartiles only: one 100 % stacked bar chart per plan. */
  charts?: StackedBarChart[];
};

/** What one study run produced, with the counts that must reconcile. */
export type StudyResult = {
  /** ISO date (yyyy-mm-dd) tenure is measured to. */
  asOf: string;
  /** Where the inputs came from ("Pay Plans!A1:M45", "roster.csv"). */
  sources: { plans: string; roster: string };
  exhibits: Exhibit[];
  summary: StudySummary;
};

export type StudySummary = {
  plans: number;
  grades: number;
  /** Data rows read from the roster (blank rows excluded). */
  rosterRows: number;
  /** Employees placed in the employee-based exhibits. */
  employees: number;
  /** Rows listed in unmatched-employees; employees + unmatched = rosterRows. */
  unmatched: number;
  auditErrors: number;
  auditWarnings: number;
};
