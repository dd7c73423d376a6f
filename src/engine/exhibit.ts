/**
 * The exhibit contract shared by the analyses (src/engine/study), the renderers (Office.js in
 * src/excel, .xlsx/.json/.html in src/exhibits), the task pane, the CLI and COMP.EXHIBIT.
 * Host-free. Exhibit ids and column names are a public contract (the JSON output uses exactly
 * these): never rename one once shipped. The ids are those of the exhibit registry
 * (src/engine/study/registry.ts, whose ExhibitId is their union); the contract does not import
 * the registry, so that the families it lists can import the contract.
 */

/** A grade's pay unit: what one pay figure of the schedule pays for. */
export type PayUnit = "hourly" | "daily" | "monthly" | "annual";

/** How a column's values are shown (the JSON keeps raw numbers; percentages as fractions). */
export type ColumnKind = "text" | "count" | "money" | "percent" | "years" | "number" | "date";

export type ExhibitColumn = {
  name: string;
  kind: ColumnKind;
  /**
   * Money columns: "row" (default) shows cents when the row's pay does (ExhibitRow.cents);
   * "cents" and "whole" fix the precision whatever the row (annual costs are whole dollars).
   */
  money?: "row" | "cents" | "whole";
};

/** A scalar cell value; null for an empty cell. */
export type CellScalar = string | number | null;

/** detail = a grade (or family) row; total = a plan's Total/Average row; grand-total = Plan "All". */
export type RowKind = "detail" | "total" | "grand-total";

export type ExhibitRow = {
  /** One value per column, in column order. */
  values: CellScalar[];
  kind: RowKind;
  /** The grade's pay unit, where the row is about one grade or a plan of one unit. */
  unit?: PayUnit;
  /**
   * Money cells of this row carry cents. Default: hourly and daily rows do; a grade whose steps
   * carry cents sets it explicitly.
   */
  cents?: boolean;
  /**
   * Columns (indices) whose value describes too few people to show (small-cell suppression):
   * every renderer shows the exhibit's `suppression.text` instead, unless told to reveal.
   */
  suppressed?: readonly number[];
};

/** The study's pay-plan exhibits also show each grade's steps, one block per plan. */
export type StepBlock = {
  plan: string;
  /** The plan's unit when every grade shares it. */
  unit?: PayUnit;
  /** Step column headers ("Step 1" …) for this plan. */
  stepHeaders: string[];
  rows: { grade: string; steps: (number | null)[]; cents?: boolean }[];
};

/** A 100 % stacked bar chart: one per plan, categories = grades, series = shares. */
export type StackedBarChart = {
  plan: string;
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
};

export type Exhibit = {
  /** The registry's id of the exhibit (kebab-case, e.g. "pay-plan-summary"). */
  id: string;
  /** Display number, e.g. "3-1" → the sheet title "EXHIBIT 3-1 — PAY PLAN SUMMARY". */
  number: string;
  title: string;
  /** The line under the title: as-of date and the sources of the inputs this exhibit used. */
  subtitle: string;
  /** The exhibit's definition in words, shown under the subtitle (e.g. the differential's sign). */
  description?: string;
  columns: ExhibitColumn[];
  rows: ExhibitRow[];
  /** Source line printed under the table. */
  source: string;
  /** Lines printed under the source: the model in words, bases used, what was left out. */
  notes?: string[];
  /** Present when some cells are suppressed: the text shown in their place ("<5"). */
  suppression?: { text: string; minimum: number };
  /** pay-plan-summary only: the step columns, one block per plan. */
  stepBlocks?: StepBlock[];
  /** 100 % stacked bar charts (quartiles: one per plan). */
  charts?: StackedBarChart[];
};

/** What a builder returns; the registry adds id, number, title, subtitle and source. */
export type ExhibitBody = Pick<Exhibit, "columns" | "rows" | "stepBlocks" | "charts" | "notes" | "suppression"> & {
  description?: string;
};

/** The value a reader sees in a cell: the suppression text for a suppressed cell unless revealed. */
export function shownValue(exhibit: Exhibit, row: ExhibitRow, index: number, reveal = false): CellScalar {
  const value = row.values[index] ?? null;
  if (reveal || row.suppressed === undefined || !row.suppressed.includes(index)) return value;
  return exhibit.suppression?.text ?? "<5";
}

/** A row's values as a reader sees them (see shownValue). */
export function shownValues(exhibit: Exhibit, row: ExhibitRow, reveal = false): CellScalar[] {
  if (reveal || row.suppressed === undefined || row.suppressed.length === 0) return row.values;
  return row.values.map((_, index) => shownValue(exhibit, row, index, false));
}

/** True when a money cell of `row` in `column` shows cents. */
export function showsCents(column: ExhibitColumn, row: Pick<ExhibitRow, "unit" | "cents">): boolean {
  if (column.money === "cents") return true;
  if (column.money === "whole") return false;
  return row.cents ?? (row.unit === "hourly" || row.unit === "daily");
}

/** What one study run produced, with the counts that must reconcile. */
export type StudyResult = {
  /** ISO date (yyyy-mm-dd) the study is as of. */
  asOf: string;
  /** Where each input came from, by input id ("plans": "Pay Plans!A1:M45", "roster": "roster.csv"). */
  sources: Record<string, string>;
  exhibits: Exhibit[];
  summary: StudySummary;
};

export type StudySummary = {
  plans: number;
  grades: number;
  /** Data rows read from the roster (blank rows excluded). */
  rosterRows: number;
  /** Lines under the roster's header left out as not employees (repeated headers, totals, report footers). */
  leftOut?: number;
  /** Employees placed and active at the as-of date: the current-conditions exhibits count them. */
  employees: number;
  /** Rows listed in unmatched-employees by the placement step. */
  unmatched: number;
  /** Placed employees separated on or before the as-of date (workforce exhibits only). */
  separated: number;
  /**
   * With split assignments: rows placed as a further assignment of a person counted once
   * (rosterRows = employees + separated + additionalAssignments + unmatched).
   */
  additionalAssignments?: number;
  auditErrors: number;
  auditWarnings: number;
  /** What a reader should know about this run: header rows, rows skipped, defaults applied. */
  notes: string[];
  /** The column read for each field of the pay plans and the roster, by label ("Hire Date": "Start Date"). */
  columns: { plans: Record<string, string>; roster: Record<string, string> };
};
