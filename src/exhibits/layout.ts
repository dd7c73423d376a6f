/**
 * The sheet layout of an exhibit, computed once and drawn by every spreadsheet renderer
 * (Office.js in src/excel, ExcelJS in src/exhibits/xlsx) so that both look the same.
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
import type { CellScalar, ColumnKind, Exhibit, ExhibitRow, PayUnit } from "./spec/types";

/** Excel number formats, by what a value measures. */
export const NUMBER_FORMATS = {
  hourly: "$0.00",
  annual: "$#,##0",
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
};

export type LayoutContext = {
  asOf: string;
  sources: { plans: string; roster: string };
};

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

/** The format of one cell from its column's kind and its row's pay unit. */
export function formatFor(kind: ColumnKind, unit: PayUnit | undefined): NumberFormat {
  switch (kind) {
    case "money":
      return unit === "hourly" ? NUMBER_FORMATS.hourly : NUMBER_FORMATS.annual;
    case "percent":
      return NUMBER_FORMATS.percent;
    case "years":
      return NUMBER_FORMATS.years;
    case "count":
      return NUMBER_FORMATS.count;
    case "number":
      return NUMBER_FORMATS.number;
    case "text":
      return NUMBER_FORMATS.text;
  }
}

/** The sheet title, e.g. "EXHIBIT 3-4 — QUARTILE ANALYSIS". */
export function exhibitHeading(exhibit: Pick<Exhibit, "number" | "title">): string {
  return `EXHIBIT ${exhibit.number} — ${exhibit.title.toUpperCase()}`;
}

/** The subtitle line: as-of date and the source ranges or files. */
export function exhibitSubtitle(context: LayoutContext): string {
  return `As of ${context.asOf} · Pay plans: ${context.sources.plans} · Roster: ${context.sources.roster}`;
}

function textBlock(row: number, text: string, role: CellBlock["role"], bold = false): CellBlock {
  return { row, column: 0, values: [[text]], formats: [[NUMBER_FORMATS.text]], boldRows: bold ? [0] : [], role };
}

function rowFormats(exhibit: Exhibit, row: ExhibitRow): NumberFormat[] {
  return exhibit.columns.map((column) => formatFor(column.kind, row.unit));
}

/** Lays out one exhibit on its own sheet. */
export function layoutExhibit(exhibit: Exhibit, context: LayoutContext): SheetLayout {
  const blocks: CellBlock[] = [
    textBlock(0, exhibitHeading(exhibit), "title", true),
    textBlock(1, exhibitSubtitle(context), "subtitle"),
  ];

  const tableRow = 3;
  const header = exhibit.columns.map((column) => column.name);
  const tableBlock: CellBlock = {
    row: tableRow,
    column: 0,
    values: [header, ...exhibit.rows.map((row) => row.values)],
    formats: [header.map(() => NUMBER_FORMATS.text), ...exhibit.rows.map((row) => rowFormats(exhibit, row))],
    boldRows: exhibit.rows.flatMap((row, index) => (row.kind === "detail" ? [] : [index + 1])),
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
  next += 2;

  for (const stepBlock of exhibit.stepBlocks ?? []) {
    blocks.push(textBlock(next, `${stepBlock.plan} — steps`, "step-heading", true));
    next += 1;
    const money = stepBlock.unit === "hourly" ? NUMBER_FORMATS.hourly : NUMBER_FORMATS.annual;
    const values: CellScalar[][] = [
      ["Grade", ...stepBlock.stepHeaders],
      ...stepBlock.rows.map((row) => [row.grade, ...padded(row.steps, stepBlock.stepHeaders.length)]),
    ];
    blocks.push({
      row: next,
      column: 0,
      values,
      formats: values.map((row, index) =>
        row.map((_, column) => (index === 0 || column === 0 ? NUMBER_FORMATS.text : money)),
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
  };
}

function padded(steps: (number | null)[], length: number): (number | null)[] {
  return Array.from({ length }, (_, index) => steps[index] ?? null);
}

/** Width of each used column from its longest shown value (title and subtitle rows overflow, so they do not count). */
function columnWidths(blocks: CellBlock[]): number[] {
  const widths: number[] = [];
  for (const block of blocks) {
    if (block.role === "title" || block.role === "subtitle" || block.role === "source" || block.role === "step-heading")
      continue;
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
  const decimals = format === NUMBER_FORMATS.hourly ? 3 : format === NUMBER_FORMATS.years ? 2 : 0;
  return digits + separators + decimals + (format.startsWith("$") ? 1 : 0) + (value < 0 ? 1 : 0);
}
