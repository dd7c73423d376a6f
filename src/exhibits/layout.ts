/**
 * The sheet layout of an exhibit, computed once and drawn by every spreadsheet renderer
 * (Office.js in src/excel, SpreadsheetML in src/exhibits/xlsx) so that both look the same.
 * Host-free: positions are 0-based (row, column) offsets from the sheet's A1.
 *
 * A sheet reads, top to bottom:
 *   EXHIBIT 3-4 — QUARTILE ANALYSIS                    (title, bold, large)
 *   As of 2013-04-01 · Pay plans: … · Roster: …         (subtitle, italic)
 *   (blank)
 *   Plan | Grade | Employees | …                        (Excel table: header + rows)
 *   …                                                   (total rows bold)
 *   (blank)
 *   Source: …                                           (source line, italic)
 *   then extra blocks: the pay-plan step columns per plan, or the quartile chart data.
 */
import { INPUTS } from "../engine/study/registry";
import { showsCents, shownValues } from "./spec/types";
import type { CellScalar, Exhibit, ExhibitColumn, ExhibitRow, StudyResult } from "./spec/types";

/** Excel number formats, by what a value measures. */
export const NUMBER_FORMATS = {
  /** Money with cents (hourly and daily rates, grades whose steps carry cents). */
  cents: "$#,##0.00",
  /** Money in whole dollars (annual salaries, annual costs). */
  dollars: "$#,##0",
  percent: "0.0%",
  years: "0.0",
  count: "#,##0",
  number: "General",
  /** Text: set before values so that text such as "=HYPERLINK(…)" stays text. */
  text: "@",
} as const;

export type NumberFormat = (typeof NUMBER_FORMATS)[keyof typeof NUMBER_FORMATS];

/** A rectangular block of cells written in one assignment. */
export type CellBlock = {
  /** Top-left corner, 0-based. */
  row: number;
  column: number;
  values: CellScalar[][];
  /** One format per cell, same shape as values. */
  formats: NumberFormat[][];
  /** Rows (indices into values) to draw bold. */
  boldRows: number[];
  /** Columns (indices into a row) whose header cell (row 0) is right-aligned, so it sits over its numbers. */
  rightAlignedHeader?: number[];
  /** What the block is, for renderers that style blocks differently. */
  role: "title" | "subtitle" | "table" | "source" | "step-heading" | "steps" | "chart-data" | "note";
};

/** A chart drawn from a block of the sheet (quartiles: 100 % stacked bars per plan). */
export type ChartPlacement = {
  title: string;
  /** The data block: first column = categories (grades), other columns = series, header row first. */
  data: { row: number; column: number; rows: number; columns: number };
  /** Where the chart's top-left corner goes, 0-based cell position. */
  anchor: { row: number; column: number };
  /** Size in cells (width in columns, height in rows). */
  size: { columns: number; rows: number };
};

export type SheetLayout = {
  exhibitId: Exhibit["id"];
  /** Suggested sheet name (≤ 31 characters, no forbidden characters); renderers make it unique. */
  sheetName: string;
  /** Every block to write, in order: title, subtitle, table, source, extras. */
  blocks: CellBlock[];
  /** The Excel table: the header row and data rows of the "table" block. */
  table: { row: number; column: number; rows: number; columns: number; style: string };
  /** Rows above and including the table header are frozen. */
  freezeRows: number;
  /** Column widths in characters (Excel's width unit), one per used column. */
  columnWidths: number[];
  charts: ChartPlacement[];
  /** Rows of the exhibit left off the sheet because they pass Excel's row limit (a note says so). */
  omittedRows: number;
};

export type LayoutOptions = {
  /** Show suppressed small-group cells as their values (`--no-suppress`: .xlsx only, never the pane). */
  reveal?: boolean;
  /** Rows a sheet holds (default Excel's 1,048,576; smaller in tests). */
  maxSheetRows?: number;
};

/** Excel's limit: rows of one worksheet (Excel specifications and limits). */
export const MAX_SHEET_ROWS = 1_048_576;

const TABLE_STYLE = "TableStyleMedium2";
const MAX_WIDTH = 60;
const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A valid Excel sheet name (≤ 31 characters, without \ / ? * [ ] :) for an exhibit. */
export function sheetNameFor(exhibit: Pick<Exhibit, "number" | "title">): string {
  const name = `${exhibit.number} ${exhibit.title}`.replace(FORBIDDEN_SHEET_CHARS, " ").replace(/\s+/g, " ").trim();
  return name.slice(0, 31).trim();
}

/**
 * Makes `base` unique against `taken` (case-insensitive, as Excel compares sheet names) by
 * appending " (2)", " (3)" … within the 31-character limit; adds the result to `taken`.
 */
export function uniqueSheetName(base: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  let candidate = base.slice(0, 31);
  for (let n = 2; lower.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

/** The format of one cell from its column and its row (money: cents or whole dollars). */
export function formatFor(column: ExhibitColumn, row: Pick<ExhibitRow, "unit" | "cents">): NumberFormat {
  switch (column.kind) {
    case "money":
      return showsCents(column, row) ? NUMBER_FORMATS.cents : NUMBER_FORMATS.dollars;
    case "percent":
      return NUMBER_FORMATS.percent;
    case "years":
      return NUMBER_FORMATS.years;
    case "count":
      return NUMBER_FORMATS.count;
    case "number":
      return NUMBER_FORMATS.number;
    case "text":
    case "date":
      return NUMBER_FORMATS.text;
  }
}

/** The sheet title, e.g. "EXHIBIT 3-4 — QUARTILE ANALYSIS". */
export function exhibitHeading(exhibit: Pick<Exhibit, "number" | "title">): string {
  return `EXHIBIT ${exhibit.number} — ${exhibit.title.toUpperCase()}`;
}

/** The study's line: as-of date and where each input came from. */
export function studySubtitle(result: Pick<StudyResult, "asOf" | "sources">): string {
  const parts = INPUTS.flatMap((spec) =>
    result.sources[spec.id] === undefined ? [] : [`${spec.label}: ${result.sources[spec.id]}`],
  );
  return [`As of ${result.asOf}`, ...parts].join(" · ");
}

function textBlock(row: number, text: string, role: CellBlock["role"], bold = false): CellBlock {
  return { row, column: 0, values: [[text]], formats: [[NUMBER_FORMATS.text]], boldRows: bold ? [0] : [], role };
}

function rowFormats(exhibit: Exhibit, row: ExhibitRow): NumberFormat[] {
  return exhibit.columns.map((column) => formatFor(column, row));
}

/** Lays out one exhibit on its own sheet. */
export function layoutExhibit(exhibit: Exhibit, options: LayoutOptions = {}): SheetLayout {
  const blocks: CellBlock[] = [
    textBlock(0, exhibitHeading(exhibit), "title", true),
    textBlock(1, exhibit.subtitle, "subtitle"),
  ];
  if (exhibit.description) blocks.push(textBlock(2, exhibit.description, "note"));

  const tableRow = exhibit.description ? 4 : 3;
  const header = exhibit.columns.map((column) => column.name);
  // Under the table come a blank row, the source, the notes and the note saying rows were cut.
  const room = (options.maxSheetRows ?? MAX_SHEET_ROWS) - (tableRow + 1) - 3 - (exhibit.notes?.length ?? 0);
  const rows = exhibit.rows.length > room ? exhibit.rows.slice(0, Math.max(0, room)) : exhibit.rows;
  const omittedRows = exhibit.rows.length - rows.length;
  const tableBlock: CellBlock = {
    row: tableRow,
    column: 0,
    values: [header, ...rows.map((row) => shownValues(exhibit, row, options.reveal))],
    formats: [header.map(() => NUMBER_FORMATS.text), ...rows.map((row) => rowFormats(exhibit, row))],
    boldRows: rows.flatMap((row, index) => (row.kind === "detail" ? [] : [index + 1])),
    rightAlignedHeader: exhibit.columns.flatMap((column, index) => (column.kind === "text" ? [] : [index])),
    role: "table",
  };
  blocks.push(tableBlock);
  // An Excel table needs at least one data row: an empty exhibit gets one "None" row.
  if (exhibit.rows.length === 0) {
    tableBlock.values.push(header.map((_, index) => (index === 0 ? "None" : null)));
    tableBlock.formats.push(header.map(() => NUMBER_FORMATS.text));
  }
  const tableRows = tableBlock.values.length;
  let next = tableRow + tableRows + 1;
  blocks.push(textBlock(next, exhibit.source, "source"));
  next += 1;
  const notes = [...(exhibit.notes ?? [])];
  if (omittedRows > 0)
    notes.push(
      `The sheet shows the first ${count(rows.length)} of ${count(exhibit.rows.length)} rows (an Excel sheet holds ` +
        `${count(options.maxSheetRows ?? MAX_SHEET_ROWS)} rows); every row is in the JSON output.`,
    );
  for (const note of notes) {
    blocks.push(textBlock(next, note, "note"));
    next += 1;
  }
  next += 1;

  for (const stepBlock of exhibit.stepBlocks ?? []) {
    blocks.push(textBlock(next, `${stepBlock.plan} — steps`, "step-heading", true));
    next += 1;
    const money = (cents: boolean | undefined): NumberFormat => (cents ? NUMBER_FORMATS.cents : NUMBER_FORMATS.dollars);
    const values: CellScalar[][] = [
      ["Grade", ...stepBlock.stepHeaders],
      ...stepBlock.rows.map((row) => [row.grade, ...padded(row.steps, stepBlock.stepHeaders.length)]),
    ];
    blocks.push({
      row: next,
      column: 0,
      values,
      formats: values.map((row, index) =>
        row.map((_, column) =>
          index === 0 || column === 0
            ? NUMBER_FORMATS.text
            : money(stepBlock.rows[index - 1].cents ?? (stepBlock.unit === "hourly" || stepBlock.unit === "daily")),
        ),
      ),
      boldRows: [0],
      rightAlignedHeader: values[0].flatMap((_, column) => (column === 0 ? [] : [column])),
      role: "steps",
    });
    next += values.length + 1;
  }

  const charts: ChartPlacement[] = [];
  const chartColumn = header.length + 1;
  let chartRow = tableRow;
  for (const chart of exhibit.charts ?? []) {
    const values: CellScalar[][] = [
      [chart.plan, ...chart.series.map((series) => series.name)],
      ...chart.categories.map((category, index) => [
        category,
        ...chart.series.map((series) => series.values[index] ?? null),
      ]),
    ];
    blocks.push(textBlock(next, `Chart data — ${chart.title}`, "step-heading", true));
    next += 1;
    blocks.push({
      row: next,
      column: 0,
      values,
      formats: values.map((row, index) =>
        row.map((_, column) => (index === 0 || column === 0 ? NUMBER_FORMATS.text : NUMBER_FORMATS.percent)),
      ),
      boldRows: [0],
      rightAlignedHeader: values[0].flatMap((_, column) => (column === 0 ? [] : [column])),
      role: "chart-data",
    });
    const height = Math.max(10, chart.categories.length * 2 + 4);
    charts.push({
      title: chart.title,
      data: { row: next, column: 0, rows: values.length, columns: values[0].length },
      anchor: { row: chartRow, column: chartColumn },
      size: { columns: 8, rows: height },
    });
    chartRow += height + 1;
    next += values.length + 1;
  }

  return {
    exhibitId: exhibit.id,
    sheetName: sheetNameFor(exhibit),
    blocks,
    table: { row: tableRow, column: 0, rows: tableRows, columns: header.length, style: TABLE_STYLE },
    freezeRows: tableRow + 1,
    columnWidths: columnWidths(blocks),
    charts,
    omittedRows,
  };
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function padded(steps: (number | null)[], length: number): (number | null)[] {
  return Array.from({ length }, (_, index) => steps[index] ?? null);
}

/** Width of each used column from its longest shown value (title and subtitle rows overflow, so they do not count). */
function columnWidths(blocks: CellBlock[]): number[] {
  const widths: number[] = [];
  for (const block of blocks) {
    if (["title", "subtitle", "source", "step-heading", "note"].includes(block.role)) continue;
    block.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const column = block.column + c;
        const width = Math.min(MAX_WIDTH, shownLength(value, block.formats[r][c]) + 2);
        widths[column] = Math.max(widths[column] ?? 8, width);
      }),
    );
  }
  return Array.from(widths, (width) => width ?? 8);
}

function shownLength(value: CellScalar, format: NumberFormat): number {
  if (value === null) return 0;
  if (typeof value === "string") return value.length;
  if (format === NUMBER_FORMATS.percent) return 7;
  const digits = Math.abs(Math.trunc(value)).toString().length;
  const separators = Math.floor((digits - 1) / 3);
  const decimals = format === NUMBER_FORMATS.cents ? 3 : format === NUMBER_FORMATS.years ? 2 : 0;
  return digits + separators + decimals + (format.startsWith("$") ? 1 : 0) + (value < 0 ? 1 : 0);
}
