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

/**
 * How a column's values are shown (the JSON keeps raw numbers; percentages as fractions):
 * counts with separators, money by the grade's precision, percentages to one decimal, years
 * with their unit, an index (a ratio to 1) to two decimals, other numbers to `decimals`.
 */
export type ColumnKind = "text" | "count" | "money" | "percent" | "years" | "index" | "number" | "date";

export type ExhibitColumn = {
  name: string;
  kind: ColumnKind;
  /**
   * Money columns: "row" (default) shows cents when the row's pay does (ExhibitRow.cents);
   * "cents" and "whole" fix the precision whatever the row (annual costs are whole dollars).
   */
  money?: "row" | "cents" | "whole";
  /** Number columns: the decimals shown (FTE 2, an average headcount 1); none = as the value is. */
  decimals?: number;
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
  /**
   * Of the suppressed columns, those hidden only so that a small group cannot be worked out from
   * a total (complementary suppression: the cell itself counts the minimum or more, or is
   * computed from such a count): shown as `suppression.complementText`, never as "<5".
   */
  complementary?: readonly number[];
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

/**
 * A chart an exhibit declares, drawn by every renderer (a native chart in the .xlsx and in the
 * pane's sheets, inline SVG in the report) from the same figures as its table:
 * - "bar": one bar per category and series, side by side;
 * - "stacked": the series stacked (a category usually has a value in one series only: a
 *   colour per class, e.g. below, within or above the market's competitive band);
 * - "stacked100": the series as shares of each category's whole (quartiles);
 * - "interval": each category's value with its interval low … high (a 95 % confidence
 *   interval): a bar with a whisker from low to high.
 * Values the table hides (small groups) are null here too: a chart never shows them.
 */
export type ChartKind = "bar" | "stacked" | "stacked100" | "interval";

export type ChartSeries = {
  name: string;
  /** One value per category; null = nothing drawn. */
  values: (number | null)[];
  /** "interval" charts: each value's interval, one bound per category. */
  low?: (number | null)[];
  high?: (number | null)[];
};

export type ExhibitChart = {
  kind: ChartKind;
  title: string;
  /** One sentence saying what the chart shows, for screen readers and the chart's description. */
  description: string;
  /** What a category is ("Grade", "Benchmark job"): the category axis' title and the data block's header. */
  categoryTitle: string;
  categories: string[];
  series: ChartSeries[];
  /** How values are shown on the axis and in labels (a percentage, money, a count, years). */
  value: Pick<ExhibitColumn, "kind" | "money">;
  /** The value axis' title ("Share of employees", "Annual cost"). */
  valueTitle: string;
  /** A range of the value axis shaded behind the bars, with its name (the competitive band ±5 %). */
  band?: { from: number; to: number; label: string };
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
  /**
   * Present when some cells are suppressed: the text shown in their place ("<5"), and the mark
   * of a cell hidden by complementary suppression (it counts the minimum or more).
   */
  suppression?: { text: string; minimum: number; complementText?: string };
  /** pay-plan-summary only: the step columns, one block per plan. */
  stepBlocks?: StepBlock[];
  /** The charts a reader would rather look at than read (quartiles: one per plan). */
  charts?: ExhibitChart[];
  /**
   * What the figures say, in plain sentences with their numbers, written by the exhibit's own
   * rules from its shown values (src/engine/study/report): each traceable to this exhibit.
   */
  findings?: string[];
  /**
   * One row per person (placements, implementation detail, unmatched rows): kept in the
   * workbook and the JSON, left out of the printed report unless asked for.
   */
  detail?: boolean;
};

/** What a builder returns; the registry adds id, number, title, subtitle and source. */
export type ExhibitBody = Pick<Exhibit, "columns" | "rows" | "stepBlocks" | "charts" | "notes" | "suppression"> & {
  description?: string;
};

/** The mark of a cell hidden by complementary suppression (never "<5": it counts the minimum or more). */
export const COMPLEMENT_TEXT = "hidden";

/** The value a reader sees in a cell: the suppression text (or mark) for a suppressed cell unless revealed. */
export function shownValue(
  exhibit: Pick<Exhibit, "suppression">,
  row: ExhibitRow,
  index: number,
  reveal = false,
): CellScalar {
  const value = row.values[index] ?? null;
  if (reveal || row.suppressed === undefined || !row.suppressed.includes(index)) return value;
  if (row.complementary?.includes(index)) return exhibit.suppression?.complementText ?? COMPLEMENT_TEXT;
  return exhibit.suppression?.text ?? "<5";
}

/** True when the cell is hidden from readers (suppressed and not revealed). */
export function isHidden(row: ExhibitRow, index: number): boolean {
  return row.suppressed !== undefined && row.suppressed.includes(index);
}

/** A row's values as a reader sees them (see shownValue). */
export function shownValues(exhibit: Pick<Exhibit, "suppression">, row: ExhibitRow, reveal = false): CellScalar[] {
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
  /** The study's title: as given, else by what it holds ("Compensation study: current conditions and pay equity"). */
  title: string;
  /** The organisation studied, when named ("Portland Public Schools"): it titles the report and every sheet. */
  organization?: string;
  /** Where each input came from, by input id ("plans": "Pay Plans!A1:M45", "roster": "roster.csv"). */
  sources: Record<string, string>;
  /** The same in words, for readers ("Roster, sheet Roster of portland-2013.xlsx, 1,219 rows"). */
  sourceWords?: Record<string, string>;
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
