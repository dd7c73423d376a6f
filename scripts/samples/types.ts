/**
 * How an analysis adds to the bundled sample (`npm run samples`): extra sheets of the sample
 * workbook (a Market table, Candidates …) and extra roster columns (Gender, Separation Date …),
 * each made up, seeded and labelled so. One module per analysis, listed in ./index.ts.
 */
import type { CellValue } from "../../src/engine/cells";

/** A grade of the Portland 2013 plans as published (steps and head count). */
export type PublishedGrade = { plan: string; grade: string; steps: number[]; employees: number };

export type SampleContext = {
  grades: readonly PublishedGrade[];
  /** The generated roster: header row first, then one row per employee. */
  roster: readonly (readonly CellValue[])[];
  /** The sample's as-of date (yyyy-mm-dd). */
  asOf: string;
  /** A seeded generator of numbers in [0, 1): each extension gets its own. */
  random: () => number;
};

export type SampleSheet = {
  /** Sheet name in samples/portland-2013.xlsx (the name the CLI and the pane look for). */
  name: string;
  /** Rows, header first: the table starts at its header. */
  rows: CellValue[][];
  /**
   * What the reader must know ("made up", "as published"): written above the table with a blank
   * row between, outside the table's range — an Excel table made from the sheet gets the right
   * headers — and as the CSV's first line.
   */
  note?: string;
  /** Also written as samples/<csv> when given. */
  csv?: string;
};

export type SampleExtension = {
  /** What it adds, for the samples script's output ("market table (made up)"). */
  label: string;
  /** Columns appended to the roster: a header and one value per employee row. */
  rosterColumns?: (context: SampleContext) => { header: string; values: CellValue[] }[];
  /**
   * Rows appended to the roster after the generated employees (e.g. employees who left before
   * the as-of date, so the published head counts stay those of the active employees), each a
   * value by header; columns a row does not name are left blank.
   */
  rosterRows?: (context: SampleContext) => Record<string, CellValue>[];
  /** Sheets added to the sample workbook, after Pay Plans and Roster. */
  sheets?: (context: SampleContext) => SampleSheet[];
};
