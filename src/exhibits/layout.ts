/**
 * The sheet layout of an exhibit, computed once and drawn by every spreadsheet renderer
 * (Office.js in src/excel, SpreadsheetML in src/exhibits/xlsx) so that both look the same.
 * Host-free: positions are 0-based (row, column) offsets from the sheet's A1.
 *
 * A sheet reads, top to bottom, in its first band of columns (the table's):
 *   Portland Public Schools · Compensation study: …    (the study line)
 *   EXHIBIT 3-4 — QUARTILE ANALYSIS                    (title, bold, large)
 *   As of April 1, 2013 · Pay Plans: sheet … · …        (subtitle, italic, wrapped across the table)
 *   The exhibit's definition in words                  (description, wrapped)
 *   (blank)
 *   Plan | Grade | Employees | …                        (Excel table: a wrapped header + rows)
 *   (blank)
 *   Findings: …                                          (what the figures say, wrapped)
 *   Source: …                                            (source line, italic)
 *   notes …                                              (each wrapped across the table)
 * and, in a second band to the right of the table, from the row under its header: the charts
 * (native charts) or the pay plans' step columns, each in its own column widths. The charts'
 * data sits under the first band, outside what prints.
 *
 * Printing (landscape Letter): one page wide while that keeps the scale at 70 % or more (else
 * the table spans pages with its first columns and its header row repeated), page breaks that
 * never leave one row alone on a page nor cut a chart, the header repeated above table rows only.
 */
import { INPUTS } from "../engine/study/registry";
import { dateWords } from "../engine/study/report/words";
import { showsCents, shownValues } from "./spec/types";
import type {
  CellScalar,
  Exhibit,
  ExhibitChart,
  ExhibitColumn,
  ExhibitRow,
  StepBlock,
  StudyResult,
} from "./spec/types";

/** Excel number formats, by what a value measures. */
export const NUMBER_FORMATS = {
  /** Money with cents (hourly and daily rates, grades whose steps carry cents). */
  cents: "$#,##0.00",
  /** Money in whole dollars (annual salaries, annual costs). */
  dollars: "$#,##0",
  percent: "0.0%",
  /** Years with their unit: 12.3 years. */
  years: '0.0" years"',
  /** An index, a ratio to 1 (the representation index): 1.52. */
  index: "0.00",
  count: "#,##0",
  /** Numbers with one or two decimals (an average headcount, FTE). */
  decimal1: "#,##0.0",
  decimal2: "#,##0.00",
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
  /** Columns (indices into a row) of numbers: their header cell (row 0) and any text in them (a suppression mark) are right-aligned. */
  rightAlignedHeader?: number[];
  /** What the block is, for renderers that style blocks differently. */
  role:
    | "study"
    | "title"
    | "subtitle"
    | "table"
    | "findings"
    | "source"
    | "step-heading"
    | "steps"
    | "chart-heading"
    | "chart-data"
    | "note";
  /** A one-cell text block: the cell is merged across this many columns and its text wraps. */
  span?: number;
  /** Table blocks: columns whose long text wraps within the cell (the header row always wraps). */
  wrapColumns?: number[];
};

/** A native chart drawn from a data block of the sheet. */
export type ChartPlacement = {
  chart: ExhibitChart;
  title: string;
  /**
   * The data block: first column = categories, header row first; then one column per series,
   * or for "interval" charts five per series (chartData).
   */
  data: { row: number; column: number; rows: number; columns: number };
  /** Where the chart's top-left corner goes, 0-based cell position. */
  anchor: { row: number; column: number };
  /** The cells it covers (width in columns, height in rows), for hosts that place charts by cells. */
  size: { columns: number; rows: number };
  /** Its size in points. */
  width: number;
  height: number;
  /** Text size in points of its axes and legend (its title 2 points larger): 7 points or more once printed. */
  fontSize: number;
};

/** How a sheet prints. */
export type PrintSetup = {
  /**
   * One page wide (each reader fits the columns to the page with its own font's metrics), when
   * that keeps the scale at MIN_PRINT_SCALE or more; else the sheet prints at `scale`.
   */
  fit: boolean;
  /** Percent: the scale one page wide comes to in Excel's metrics, never below MIN_PRINT_SCALE. */
  scale: number;
  /** The header row repeated above the table's rows on every later page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Columns repeated on every page to the right, when the table is wider than a page at the smallest scale. */
  titleColumns?: { first: number; last: number };
  /** What prints: the first band, then the second (charts, steps), each on its own pages. */
  areas: { row: number; column: number; rows: number; columns: number }[];
  /** 0-based rows that start a new page (manual breaks). */
  rowBreaks: number[];
  /** Page header and footer text (left, right). */
  header: { left: string };
  footer: { left: string };
};

/** A sheet's layout without an Excel table (the findings page). */
export type PageLayout = {
  exhibitId: Exhibit["id"];
  /** Suggested sheet name (≤ 31 characters, no forbidden characters); renderers make it unique. */
  sheetName: string;
  /** Every block to write, in order: title, subtitle, table, source, extras. */
  blocks: CellBlock[];
  /** Rows above and including the table header are frozen. */
  freezeRows: number;
  /** Column widths in characters (Excel's width unit), one per used column. */
  columnWidths: number[];
  /** Row heights in points, for rows taller than the default (wrapped text). */
  rowHeights: Map<number, number>;
  charts: ChartPlacement[];
  print: PrintSetup;
  /** Rows of the exhibit left off the sheet because they pass Excel's row limit (a note says so). */
  omittedRows: number;
};

export type SheetLayout = PageLayout & {
  /** The Excel table: the header row and data rows of the "table" block. */
  table: { row: number; column: number; rows: number; columns: number; style: string };
};

export type LayoutOptions = {
  /** Show suppressed small-group cells as their values (`--no-suppress`: .xlsx only, never the pane). */
  reveal?: boolean;
  /** Rows a sheet holds (default Excel's 1,048,576; smaller in tests). */
  maxSheetRows?: number;
  /** The study line above each title: the organisation and the study's title. */
  study?: Pick<StudyResult, "title" | "organization">;
};

/** Excel's limit: rows of one worksheet (Excel specifications and limits). */
export const MAX_SHEET_ROWS = 1_048_576;

/** The smallest print scale: 11-point text prints at 7.7 points or more. */
export const MIN_PRINT_SCALE = 70;

/** Excel's default row height (points): every row without its own height is this tall. */
export const DEFAULT_ROW_HEIGHT = 15;

/** Landscape US Letter with half-inch side margins: the printable size in points. */
export const PAGE = { width: 792, height: 612, left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

const TABLE_STYLE = "TableStyleMedium2";
/**
 * A text column wider than this (characters) wraps its text instead — unless the table, with the
 * column as wide as its longest text up to TEXT_FIT, still fits the page's width at full size:
 * then each row reads on one line (and keeps the default height).
 */
const TEXT_CAP = 36;
const TEXT_FIT = 64;
/** Excel's manual page breaks per sheet (Excel specifications and limits). */
const MAX_BREAKS = 1_026;
/** Text blocks are at least this wide (characters), merged over empty columns when the table is narrower. */
const MIN_TEXT_WIDTH = 100;
/**
 * Text widths in pixels of a column unit of 7 (Excel's unit is the width of a digit of the
 * workbook's font): a reader that draws Calibri with another font (LibreOffice's DejaVu Sans)
 * widens its columns by the same factor as its text, so a prose character takes about 0.8 of
 * a digit in either. With a margin: prose, bold headers, digits.
 */
const PX_TEXT = 6.1;
const PX_BOLD = 7.8;
/**
 * Advance widths (em) of the widest font a reader substitutes for Calibri, DejaVu Sans, by
 * ASCII character, regular and bold: a header's longest word and a column's widest value are
 * measured with them (in units of its digit, Excel's column unit), so that no header breaks
 * inside a word and no value is cut in either reader.
 */
const REGULAR_EM =
  " .318 ! .401 \" .460 # .838 $ .636 % .950 & .780 ' .275 ( .390 ) .390 * .500 + .838 , .318 - .361 . .318 / .337 : .337 ; .337 < .838 = .838 > .838 ? .531 @ 1.000 " +
  "A .684 B .686 C .698 D .770 E .632 F .575 G .775 H .752 I .295 J .295 K .656 L .557 M .863 N .748 O .787 P .603 Q .787 R .695 S .635 T .611 U .732 V .684 W .989 X .685 Y .611 Z .685 " +
  "a .613 b .635 c .550 d .635 e .615 f .352 g .635 h .634 i .278 j .278 k .579 l .278 m .974 n .634 o .612 p .635 q .635 r .411 s .521 t .392 u .634 v .592 w .818 x .592 y .592 z .525";
const BOLD_EM =
  " .348 ! .438 \" .521 # .838 $ .696 % 1.002 & .872 ' .306 ( .457 ) .457 * .523 + .838 , .380 - .415 . .380 / .365 : .400 ; .400 < .838 = .838 > .838 ? .580 @ 1.000 " +
  "A .774 B .762 C .734 D .830 E .683 F .683 G .821 H .837 I .372 J .372 K .775 L .637 M .995 N .837 O .850 P .733 Q .850 R .770 S .720 T .682 U .812 V .774 W 1.103 X .771 Y .724 Z .725 " +
  "a .675 b .716 c .593 d .716 e .678 f .435 g .716 h .712 i .343 j .343 k .665 l .343 m 1.042 n .712 o .687 p .716 q .716 r .493 s .595 t .478 u .712 v .652 w .924 x .645 y .652 z .582";

/** Width in digit units per ASCII code, from a table of "char em" pairs; digits and others default. */
function unitTable(pairs: string, digit: number, other: number): Float32Array {
  const table = new Float32Array(128).fill(other / 0.636);
  for (let code = 48; code <= 57; code++) table[code] = digit / 0.636;
  const tokens = pairs.trim().split(" ");
  // Pairs of a character and its width; the space character is the first entry (" .318").
  table[32] = Number(tokens[0]) / 0.636;
  for (let i = 1; i + 1 < tokens.length; i += 2) table[tokens[i].charCodeAt(0)] = Number(tokens[i + 1]) / 0.636;
  return table;
}
const REGULAR_UNITS = unitTable(REGULAR_EM, 0.636, 0.65);
const BOLD_UNITS = unitTable(BOLD_EM, 0.696, 0.72);

/** The width of `text` in column units (the font's digit), regular or bold. */
export function textUnits(text: string, bold = false): number {
  const table = bold ? BOLD_UNITS : REGULAR_UNITS;
  const other = table[127];
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    units += code < 128 ? table[code] : other;
  }
  return units;
}

/** Points per line of wrapped 11-point text. */
const LINE_HEIGHT = 15;
const PX_PER_POINT = 4 / 3;
/** Pages are filled to this share of their height: the rest absorbs a renderer's rounding. */
const PAGE_FILL = 0.94;
const CHART_WIDTH = 500;
const CHART_GAP_ROWS = 1;
const BAND_GAP_WIDTH = 3;
const CHART_COLUMN_WIDTH = 10;
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
    case "index":
      return NUMBER_FORMATS.index;
    case "count":
      return NUMBER_FORMATS.count;
    case "number":
      return column.decimals === 1
        ? NUMBER_FORMATS.decimal1
        : column.decimals === 2
          ? NUMBER_FORMATS.decimal2
          : NUMBER_FORMATS.number;
    case "text":
    case "date":
      return NUMBER_FORMATS.text;
  }
}

/** The sheet title, e.g. "EXHIBIT 3-4 — QUARTILE ANALYSIS". */
export function exhibitHeading(exhibit: Pick<Exhibit, "number" | "title">): string {
  return `EXHIBIT ${exhibit.number} — ${exhibit.title.toUpperCase()}`;
}

/** The line above every title: "Portland Public Schools · Compensation study: …". */
export function studyLine(study: Pick<StudyResult, "title" | "organization">): string {
  return study.organization ? `${study.organization} · ${study.title}` : study.title;
}

/** The study's line: as-of date and where each input came from, in words. */
export function studySubtitle(result: Pick<StudyResult, "asOf" | "sources" | "sourceWords">): string {
  const words = result.sourceWords ?? result.sources;
  const parts = INPUTS.flatMap((spec) => (words[spec.id] === undefined ? [] : [`${spec.label}: ${words[spec.id]}`]));
  return [`As of ${dateWords(result.asOf)}`, ...parts].join(" · ");
}

function textBlock(row: number, text: string, role: CellBlock["role"], span?: number): CellBlock {
  return {
    row,
    column: 0,
    values: [[text]],
    formats: [[NUMBER_FORMATS.text]],
    boldRows: role === "title" || role === "study" || role === "step-heading" || role === "chart-heading" ? [0] : [],
    role,
    ...(span !== undefined ? { span } : {}),
  };
}

function rowFormats(exhibit: Exhibit, row: ExhibitRow): NumberFormat[] {
  return exhibit.columns.map((column) => formatFor(column, row));
}

/** Pixels of a column of `width` characters (Excel: 7 pixels a character and 5 of padding). */
function columnPx(width: number): number {
  return Math.trunc(width * 7 + 5);
}

/** Lines a header wraps to in a column of `width` units, breaking at spaces. */
function headerLines(text: string, width: number): number {
  const room = width - 1;
  const space = textUnits(" ", true);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const units = textUnits(word, true);
    if (used > 0 && used + space + units > room) {
      lines++;
      used = units;
    } else used += (used > 0 ? space : 0) + units;
  }
  return lines;
}

/** Lines `text` wraps to in `px` pixels at `pxPerChar`, breaking at spaces (a long word breaks where it must). */
export function wrappedLines(text: string, px: number, pxPerChar = PX_TEXT): number {
  const perLine = Math.max(1, Math.floor((px - 6) / pxPerChar));
  if (text.length <= perLine && !text.includes("\n")) return 1;
  // One pass over the characters (no split: long tables measure many cells).
  let lines = 1;
  let used = 0;
  let word = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 32 && code !== 10) {
      word++;
      continue;
    }
    if (word > 0) {
      if (used === 0) used = word;
      else if (used + 1 + word <= perLine) used += 1 + word;
      else {
        lines++;
        used = word;
      }
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
    word = 0;
    if (code === 10 && i < text.length) {
      lines++;
      used = 0;
    }
  }
  return lines;
}

/** Digits of the whole part of a number (no string made: long tables measure many cells). */
function digitsOf(value: number): number {
  let whole = Math.abs(Math.trunc(value));
  let digits = 1;
  while (whole >= 10) {
    whole = Math.floor(whole / 10);
    digits++;
  }
  return digits;
}

/** Characters a shown number takes in a cell of `format`. */
function numberLength(value: number, format: NumberFormat): number {
  if (format === NUMBER_FORMATS.percent) return Math.max(5, digitsOf(value * 100) + 4);
  const digits = digitsOf(value);
  const separators = format === NUMBER_FORMATS.index ? 0 : Math.floor((digits - 1) / 3);
  const decimals =
    format === NUMBER_FORMATS.cents || format === NUMBER_FORMATS.index || format === NUMBER_FORMATS.decimal2
      ? 3
      : format === NUMBER_FORMATS.years || format === NUMBER_FORMATS.decimal1
        ? 2
        : format === NUMBER_FORMATS.number && !Number.isInteger(value)
          ? Math.min(11, String(value).length - digits)
          : 0;
  return (
    digits +
    separators +
    decimals +
    (format === NUMBER_FORMATS.cents || format === NUMBER_FORMATS.dollars ? 1 : 0) +
    (value < 0 ? 1 : 0) +
    (format === NUMBER_FORMATS.years ? 6 : 0)
  );
}

/** The widest word of a header in column units (it wraps at spaces, never inside a word). */
function widestWord(text: string): number {
  return text.split(/\s+/).reduce((most, word) => Math.max(most, textUnits(word, true)), 0);
}

/** Column units for `units` of text, with the cell's padding and a margin. */
function unitsWidth(units: number): number {
  return Math.ceil(units * 1.04 + 1);
}

/** One column's width from its header (wrapped at spaces) and its shown values; text capped at TEXT_CAP. */
function tableColumnWidths(block: CellBlock, numeric: ReadonlySet<number>): { widths: number[]; wrap: number[] } {
  const header = block.values[0];
  const widths = header.map((name) => unitsWidth(widestWord(String(name ?? ""))));
  // The widest shown value of each column in units: text of total rows is bold.
  const widest = header.map(() => 0);
  const bold = new Set(block.boldRows);
  for (let r = 1; r < block.values.length; r++) {
    const values = block.values[r];
    const formats = block.formats[r];
    const isBold = bold.has(r);
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null) continue;
      if (typeof value === "string") {
        // Measured only when it could be the widest (a character is at most 1.6 units), and while
        // the column may still not wrap (a text column past TEXT_FIT wraps, whatever its widest).
        if (value.length * 1.6 > widest[c] && (numeric.has(c) || widest[c] < TEXT_FIT)) {
          const units = textUnits(value, isBold || numeric.has(c));
          if (units > widest[c]) widest[c] = units;
        }
      } else {
        const units = numberLength(value, formats[c]) * (isBold ? 1.1 : 1) + 0.5;
        if (units > widest[c]) widest[c] = units;
      }
    }
  }
  // Text past the cap wraps at TEXT_CAP; then the narrowest of those columns are widened back to
  // one line each while the table stays within the page's width at full size.
  const long: { column: number; needed: number }[] = [];
  widest.forEach((units, c) => {
    const needed = unitsWidth(units);
    if (!numeric.has(c) && needed > TEXT_CAP) {
      long.push({ column: c, needed });
      widths[c] = Math.max(widths[c], TEXT_CAP);
    } else widths[c] = Math.max(widths[c], needed, 6);
  });
  const page = printable().width * 0.97;
  let used = bandPoints(widths, 0, widths.length);
  const wrap: number[] = [];
  for (const { column, needed } of long.sort((a, b) => a.needed - b.needed)) {
    const wider = used + (columnPx(needed) - columnPx(widths[column])) / PX_PER_POINT;
    if (needed <= TEXT_FIT && wider <= page) {
      widths[column] = needed;
      used = wider;
    } else wrap.push(column);
  }
  return { widths, wrap: wrap.sort((a, b) => a - b) };
}

/** Widths of a block of short cells (steps, chart data): the widest shown value per column. */
function blockWidths(block: CellBlock): number[] {
  const widths: number[] = [];
  block.values.forEach((values, r) =>
    values.forEach((value, c) => {
      const bold = r === 0 || block.boldRows.includes(r);
      const units =
        value === null
          ? 0
          : typeof value === "string"
            ? textUnits(value, bold)
            : numberLength(value, block.formats[r][c]) * (bold ? 1.1 : 1) + 0.5;
      widths[c] = Math.max(widths[c] ?? 6, unitsWidth(units));
    }),
  );
  return widths;
}

/** Points of a run of columns. */
function bandPoints(widths: readonly number[], from: number, to: number): number {
  let px = 0;
  for (let c = from; c < to; c++) px += columnPx(widths[c] ?? 9);
  return px / PX_PER_POINT;
}

/** The printable size of a page, in points. */
function printable(): { width: number; height: number } {
  return {
    width: PAGE.width - (PAGE.left + PAGE.right) * 72,
    height: PAGE.height - (PAGE.top + PAGE.bottom) * 72,
  };
}

/** Lays out one exhibit on its own sheet. */
export function layoutExhibit(exhibit: Exhibit, options: LayoutOptions = {}): SheetLayout {
  const blocks: CellBlock[] = [];
  const rowHeights = new Map<number, number>();
  const study = options.study?.title || options.study?.organization ? options.study : undefined;
  let row = 0;
  const studyRow = study ? row++ : undefined;
  blocks.push(textBlock(row++, exhibitHeading(exhibit), "title"));
  const subtitleRow = row++;
  const descriptionRow = exhibit.description ? row++ : undefined;
  row++;

  const tableRow = row;
  const header = exhibit.columns.map((column) => column.name);
  const numeric = new Set(exhibit.columns.flatMap((column, index) => (column.kind === "text" ? [] : [index])));
  // Under the table come a blank row, the findings, the source, the notes and the note saying rows were cut.
  const room = (options.maxSheetRows ?? MAX_SHEET_ROWS) - (tableRow + 1) - 4 - (exhibit.notes?.length ?? 0);
  const rows = exhibit.rows.length > room ? exhibit.rows.slice(0, Math.max(0, room)) : exhibit.rows;
  const omittedRows = exhibit.rows.length - rows.length;
  const tableBlock: CellBlock = {
    row: tableRow,
    column: 0,
    values: [header, ...rows.map((r) => shownValues(exhibit, r, options.reveal))],
    formats: [header.map(() => NUMBER_FORMATS.text), ...rows.map((r) => rowFormats(exhibit, r))],
    boldRows: rows.flatMap((r, index) => (r.kind === "detail" ? [] : [index + 1])),
    rightAlignedHeader: [...numeric],
    role: "table",
  };
  // An Excel table needs at least one data row: an empty exhibit gets one "None" row.
  if (exhibit.rows.length === 0) {
    tableBlock.values.push(header.map((_, index) => (index === 0 ? "None" : null)));
    tableBlock.formats.push(header.map(() => NUMBER_FORMATS.text));
  }
  const { widths, wrap } = tableColumnWidths(tableBlock, numeric);
  if (wrap.length > 0) tableBlock.wrapColumns = wrap;
  const tableColumns = header.length;
  const tableRows = tableBlock.values.length;

  // Text blocks span the table's columns, or more (empty ones) when the table is narrow.
  const columnWidths = [...widths];
  let textSpan = tableColumns;
  while (bandPoints(columnWidths, 0, textSpan) < bandPoints([MIN_TEXT_WIDTH], 0, 1) && textSpan < tableColumns + 12) {
    columnWidths[textSpan] ??= 12;
    textSpan++;
  }
  const textPx = bandPoints(columnWidths, 0, textSpan) * PX_PER_POINT;
  const wrapped = (at: number, text: string, role: CellBlock["role"], pxPerChar = PX_TEXT): CellBlock => {
    const lines = wrappedLines(text, textPx, pxPerChar);
    if (lines > 1) rowHeights.set(at, lines * LINE_HEIGHT + 2);
    return textBlock(at, text, role, textSpan);
  };

  if (study && studyRow !== undefined) blocks.unshift(wrapped(studyRow, studyLine(study), "study", PX_BOLD));
  blocks.push(wrapped(subtitleRow, exhibit.subtitle, "subtitle"));
  if (descriptionRow !== undefined) blocks.push(wrapped(descriptionRow, exhibit.description as string, "note"));
  blocks.push(tableBlock);

  // The header row wraps at spaces; long text in the rows wraps within its column.
  const headerHeight = header.reduce((most: number, name, c) => Math.max(most, headerLines(name, widths[c])), 1);
  if (headerHeight > 1) rowHeights.set(tableRow, headerHeight * LINE_HEIGHT + 2);
  if (wrap.length > 0)
    for (let r = 1; r < tableRows; r++) {
      let lines = 1;
      for (const c of wrap) {
        const value = tableBlock.values[r][c];
        if (typeof value === "string" && value.length > TEXT_CAP - 2)
          lines = Math.max(lines, wrappedLines(value, columnPx(widths[c])));
      }
      if (lines > 1) rowHeights.set(tableRow + r, lines * LINE_HEIGHT + 2);
    }

  let next = tableRow + tableRows + 1;
  if (exhibit.findings && exhibit.findings.length > 0)
    blocks.push(wrapped(next++, `Findings: ${exhibit.findings.join(" ")}`, "findings"));
  blocks.push(wrapped(next++, exhibit.source, "source"));
  const notes = [...(exhibit.notes ?? [])];
  if (omittedRows > 0)
    notes.push(
      `The sheet shows the first ${count(rows.length)} of ${count(exhibit.rows.length)} rows (an Excel sheet holds ` +
        `${count(options.maxSheetRows ?? MAX_SHEET_ROWS)} rows); every row is in the JSON output.`,
    );
  for (const note of notes) blocks.push(wrapped(next++, note, "note"));
  const band1End = next; // exclusive

  // The second band, right of the first: the charts, then the pay plans' step columns, each
  // in its own column widths.
  const band2Column = textSpan + 1;
  columnWidths[textSpan] = BAND_GAP_WIDTH;
  const heightOf = (r: number): number => rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  const units: Band2Unit[] = [];
  for (const chart of exhibit.charts ?? []) units.push({ kind: "chart", chart, height: chartHeight(chart) });
  const chartColumns = units.length > 0 ? Math.ceil((CHART_WIDTH * PX_PER_POINT) / columnPx(CHART_COLUMN_WIDTH)) : 0;
  for (let c = 0; c < chartColumns; c++) columnWidths[band2Column + c] = CHART_COLUMN_WIDTH;
  let band2Columns = chartColumns;
  for (const stepBlock of exhibit.stepBlocks ?? [])
    for (const [start, end] of stepParts(stepBlock.stepHeaders.length)) {
      const unit = stepUnit(stepBlock, band2Column, start, end);
      blockWidths(unit.block).forEach((width, c) => {
        columnWidths[band2Column + c] = Math.max(columnWidths[band2Column + c] ?? 0, width);
      });
      band2Columns = Math.max(band2Columns, unit.block.values[0].length);
      units.push(unit);
    }
  const { scale, fit } = printScale(columnWidths, textSpan, band2Column, band2Columns);

  // The first band's pages: the title block with the header and the first two rows; the last two
  // rows with everything under the table (findings, source, notes), so the repeated header never
  // prints above notes and no page holds a row alone.
  const rowBreaks = pageBreaks({
    rows: band1End,
    heightOf,
    scale,
    titleRow: tableRow,
    keepTogether: [
      [0, Math.min(tableRow + 3, tableRow + tableRows)],
      [Math.max(tableRow + 1, tableRow + tableRows - 2), band1End],
    ],
  });
  // A table wider than a page at the smallest scale repeats its first text columns on every page.
  const tableWidth = bandPoints(columnWidths, 0, tableColumns);
  const titleColumns =
    tableWidth * (MIN_PRINT_SCALE / 100) > printable().width * 0.99 ? leadingTextColumns(exhibit) : undefined;
  // The second band's units go on those pages, each whole on one page; past the first band's
  // rows, on pages of their own. Its first row is under the header (the repeated header row is
  // empty in its columns) — or, when the table's first columns repeat on every page, under the
  // first band, so that no page shows them beside a chart without the rest of their rows.
  const placed = placeUnits(units, {
    first: titleColumns ? band1End + 1 : tableRow + 1,
    breaks: rowBreaks,
    heightOf,
    capacity: pageCapacity(scale),
    titleRow: tableRow,
  });
  let band2End = tableRow + 1;
  const chartPlacements: { chart: ExhibitChart; anchor: number; rows: number; height: number }[] = [];
  for (const { unit, row: at, rows: count } of placed) {
    band2End = Math.max(band2End, at + count);
    if (unit.kind === "chart")
      chartPlacements.push({ chart: unit.chart, anchor: at, rows: count, height: unit.height });
    else {
      blocks.push({ ...unit.heading, row: at });
      blocks.push({ ...unit.block, row: at + 1 });
    }
  }

  // Rows without cells that print (blank rows, rows a chart covers past the first band) get their
  // height written: a reader may otherwise give an absent row a height of its own.
  for (const blank of [tableRow - 1, tableRow + tableRows])
    if (!rowHeights.has(blank)) rowHeights.set(blank, DEFAULT_ROW_HEIGHT);
  for (let r = band1End; r < band2End; r++) if (!rowHeights.has(r)) rowHeights.set(r, DEFAULT_ROW_HEIGHT);

  // The charts' data: to the right of the charts, outside what prints.
  const dataColumn = band2Column + band2Columns + 1;
  let dataRow = tableRow + 1;
  const charts: ChartPlacement[] = [];
  const fontSize = Math.max(9, Math.ceil(7.5 / (scale / 100)));
  if (chartPlacements.length > 0) columnWidths[dataColumn - 1] = BAND_GAP_WIDTH;
  for (const placement of chartPlacements) {
    const { chart } = placement;
    const values = chartData(chart);
    blocks.push({ ...textBlock(dataRow, `Chart data — ${chart.title}`, "chart-heading"), column: dataColumn });
    const block: CellBlock = {
      row: dataRow + 1,
      column: dataColumn,
      values,
      formats: values.map((line, index) =>
        line.map((_, column) => (index === 0 || column === 0 ? NUMBER_FORMATS.text : chartFormat(chart))),
      ),
      boldRows: [0],
      rightAlignedHeader: values[0].flatMap((_, column) => (column === 0 ? [] : [column])),
      role: "chart-data",
    };
    blocks.push(block);
    blockWidths(block).forEach((width, c) => {
      columnWidths[dataColumn + c] = Math.max(columnWidths[dataColumn + c] ?? 0, Math.min(width, TEXT_CAP));
    });
    charts.push({
      chart,
      title: chart.title,
      data: { row: dataRow + 1, column: dataColumn, rows: values.length, columns: values[0].length },
      anchor: { row: placement.anchor, column: band2Column },
      size: { columns: chartColumns, rows: placement.rows },
      width: CHART_WIDTH,
      height: placement.height,
      fontSize,
    });
    dataRow += values.length + 2;
  }

  const areas = [{ row: 0, column: 0, rows: band1End, columns: textSpan }];
  if (band2Columns > 0 && placed.length > 0) {
    const start = Math.min(...placed.map((entry) => entry.row));
    areas.push({ row: start, column: band2Column, rows: band2End - start, columns: band2Columns });
  }

  return {
    exhibitId: exhibit.id,
    sheetName: sheetNameFor(exhibit),
    blocks,
    table: { row: tableRow, column: 0, rows: tableRows, columns: tableColumns, style: TABLE_STYLE },
    freezeRows: tableRow + 1,
    columnWidths: Array.from(columnWidths, (width) => width ?? 9),
    rowHeights,
    charts,
    print: {
      fit,
      scale,
      titleRows: { first: tableRow, last: tableRow },
      ...(titleColumns ? { titleColumns } : {}),
      areas,
      rowBreaks: [...new Set([...rowBreaks, ...placed.flatMap((entry) => entry.breaks)])].sort((x, y) => x - y),
      header: { left: study?.organization ?? study?.title ?? "" },
      footer: { left: exhibitHeading(exhibit) },
    },
    omittedRows,
  };
}

/** What the second band holds: a chart (a height in points), or a plan's step columns (rows). */
type Band2Unit =
  { kind: "chart"; chart: ExhibitChart; height: number } | { kind: "steps"; heading: CellBlock; block: CellBlock };

/**
 * A plan's steps in tables of at most this many step columns (a page's width in the workbook,
 * 1,280 pixels in the report): a longer schedule (a lane schedule of 31 steps) is split into
 * tables of even length, each with its Grade column.
 */
const MAX_STEP_COLUMNS = 14;

/** The step columns of each of a plan's step tables: [start, end), in even parts of at most MAX_STEP_COLUMNS. */
export function stepParts(steps: number): [number, number][] {
  const tables = Math.max(1, Math.ceil(steps / MAX_STEP_COLUMNS));
  const size = Math.max(1, Math.ceil(steps / tables));
  return Array.from({ length: tables }, (_, index): [number, number] => [
    Math.min(steps, index * size),
    Math.min(steps, (index + 1) * size),
  ]);
}

/** A step table's heading: "PEA — steps (annual)"; a part of a split one names its steps ("…, Step 1 to Step 11"). */
export function stepHeading(block: StepBlock, start: number, end: number): string {
  const whole = start === 0 && end >= block.stepHeaders.length;
  const which = whole ? "" : `, ${block.stepHeaders[start]} to ${block.stepHeaders[end - 1]}`;
  return `${block.plan} — steps${which}${block.unit ? ` (${block.unit})` : ""}`;
}

/** Steps [start, end) of a plan: its heading, then Grade and the steps, in the plan's money format. */
function stepUnit(stepBlock: StepBlock, column: number, start: number, end: number): Band2Unit & { kind: "steps" } {
  const money = (cents: boolean | undefined): NumberFormat => (cents ? NUMBER_FORMATS.cents : NUMBER_FORMATS.dollars);
  const values: CellScalar[][] = [
    ["Grade", ...stepBlock.stepHeaders.slice(start, end)],
    ...stepBlock.rows.map((r) => [r.grade, ...padded(r.steps, stepBlock.stepHeaders.length).slice(start, end)]),
  ];
  return {
    kind: "steps",
    heading: { ...textBlock(0, stepHeading(stepBlock, start, end), "step-heading"), column },
    block: {
      row: 0,
      column,
      values,
      formats: values.map((line, index) =>
        line.map((_, c) =>
          index === 0 || c === 0
            ? NUMBER_FORMATS.text
            : money(stepBlock.rows[index - 1].cents ?? (stepBlock.unit === "hourly" || stepBlock.unit === "daily")),
        ),
      ),
      boldRows: [0],
      rightAlignedHeader: values[0].flatMap((_, c) => (c === 0 ? [] : [c])),
      role: "steps",
    },
  };
}

/** Points of rows a printed page holds at `scale`. */
function pageCapacity(scale: number): number {
  return (printable().height * PAGE_FILL) / (scale / 100);
}

/**
 * Places the second band's units, in order, each on one page of the first band's pagination (or
 * on new pages after its last row): a unit that does not fit what is left of a page starts the
 * next. Returns each unit's first row and row count, and the page breaks added past the first
 * band.
 */
function placeUnits(
  units: readonly Band2Unit[],
  context: {
    first: number;
    breaks: readonly number[];
    heightOf: (row: number) => number;
    capacity: number;
    titleRow: number;
  },
): { unit: Band2Unit; row: number; rows: number; breaks: number[] }[] {
  const { heightOf, capacity, titleRow } = context;
  const starts = [0, ...context.breaks];
  // The last row (exclusive) a page starting at `start` holds.
  const pageEnd = (page: number): number => {
    if (page + 1 < starts.length) return starts[page + 1];
    let used = starts[page] > titleRow ? heightOf(titleRow) : 0;
    let end = starts[page];
    while (used + heightOf(end) <= capacity) used += heightOf(end++);
    return Math.max(end, starts[page] + 1);
  };
  const rowsFor = (unit: Band2Unit, row: number): number => {
    if (unit.kind === "steps") return unit.block.values.length + 1;
    let covered = 0;
    let count = 0;
    // A chart starts a little below its row's top (the writers offset it): room for that too.
    while (covered < unit.height + 6) covered += heightOf(row + count++);
    return count;
  };
  const placed: { unit: Band2Unit; row: number; rows: number; breaks: number[] }[] = [];
  // Pages from this one on are the second band's own, past the first band's rows.
  const firstOwnPage = starts.length;
  let page = 0;
  let row = context.first;
  for (const unit of units) {
    const added: number[] = [];
    for (;;) {
      while (page + 1 < starts.length && row >= starts[page + 1]) page++;
      const end = pageEnd(page);
      const count = rowsFor(unit, row);
      // Step rows take the height of the first band's row beside them: a step table goes past
      // the tall rows (wrapped notes) rather than print with gaps between its grades.
      const tallRow =
        unit.kind === "steps" ? findRow(row, row + count, (r) => heightOf(r) > DEFAULT_ROW_HEIGHT) : undefined;
      if (tallRow !== undefined) {
        row = tallRow + 1;
        continue;
      }
      const top = Math.max(starts[page], context.first);
      // It fits; or it is taller than a whole page — it does not fit a page of its own, or one
      // the first band leaves empty for it — and then starts one and is cut where that ends.
      const tall =
        (unit.kind === "chart" ? unit.height + 6 : (unit.block.values.length + 1) * DEFAULT_ROW_HEIGHT) >
        capacity - heightOf(titleRow);
      if (row + count <= end || (row === top && (tall || page >= firstOwnPage))) {
        placed.push({ unit, row, rows: count, breaks: added });
        row += count + CHART_GAP_ROWS;
        break;
      }
      if (page + 1 >= starts.length) {
        starts.push(end);
        added.push(end);
      }
      page++;
      row = Math.max(starts[page], context.first);
    }
  }
  return placed;
}

/** The first row of [from, to) that `test` holds for, if any. */
function findRow(from: number, to: number, test: (row: number) => boolean): number | undefined {
  for (let r = from; r < to; r++) if (test(r)) return r;
  return undefined;
}

/** The table's first text columns (Plan, Grade …), repeated on every page to the right. */
function leadingTextColumns(exhibit: Exhibit): { first: number; last: number } | undefined {
  let last = -1;
  while (last + 1 < Math.min(2, exhibit.columns.length) && exhibit.columns[last + 1].kind === "text") last++;
  return last < 0 ? undefined : { first: 0, last };
}

/** The print scale: one page wide if that keeps MIN_PRINT_SCALE, else the smallest scale. */
function printScale(
  widths: readonly number[],
  band1Columns: number,
  band2Column: number,
  band2Columns: number,
): { scale: number; fit: boolean } {
  const widest = Math.max(
    bandPoints(widths, 0, band1Columns),
    bandPoints(widths, band2Column, band2Column + band2Columns),
  );
  const fit = Math.floor(((printable().width * 0.97) / widest) * 100);
  return { scale: Math.max(MIN_PRINT_SCALE, Math.min(100, fit)), fit: fit >= MIN_PRINT_SCALE };
}

/**
 * Page breaks: each page filled up to its height (the repeated header row counted on the pages
 * after the header's), moved up so that no kept-together run of rows is cut; a run taller
 * than a page is cut where it must. Past Excel's 1,026 manual breaks, the rest are Excel's own.
 */
export function pageBreaks(input: {
  rows: number;
  heightOf: (row: number) => number;
  scale: number;
  titleRow: number;
  keepTogether: readonly (readonly [number, number])[];
}): number[] {
  const { rows, heightOf, titleRow } = input;
  const capacity = (printable().height * PAGE_FILL) / (input.scale / 100);
  // blocked[r] = 1: no page may start at row r.
  const blocked = new Uint8Array(rows + 1);
  for (const [from, to] of input.keepTogether)
    for (let r = Math.max(from + 1, 0); r < Math.min(to, rows); r++) blocked[r] = 1;
  const breaks: number[] = [];
  let start = 0;
  while (start < rows && breaks.length < MAX_BREAKS) {
    let used = start > titleRow ? heightOf(titleRow) : 0;
    let end = start;
    while (end < rows && used + heightOf(end) <= capacity) used += heightOf(end++);
    if (end >= rows) break;
    // At least two rows on a page; the latest start of the next page that cuts nothing kept together.
    let cut = end;
    while (cut > start + 2 && blocked[cut]) cut--;
    if (blocked[cut] || cut <= start) cut = Math.max(end, start + 1);
    breaks.push(cut);
    start = cut;
  }
  return breaks;
}

/**
 * A chart's height in points: room for each category's bars, a title, an axis and a legend —
 * a legend of more than three series takes a second row, a title of more than 50 characters a
 * second line, so that a chart of few categories keeps its plot.
 */
function chartHeight(chart: ExhibitChart): number {
  const perCategory = chart.kind === "bar" ? 10 + 10 * chart.series.length : 20;
  const legendRows = chart.series.length > 1 ? Math.ceil(chart.series.length / 3) : 0;
  const extra = 32 * Math.max(0, legendRows - 1) + (chart.title.length > 50 ? 16 : 0);
  return Math.min(420, Math.max(160, 96 + perCategory * chart.categories.length) + extra);
}

/** Quartiles light to dark (sequential blues, readable in grey); positions and other series in distinct hues. */
const PALETTES: Record<ExhibitChart["kind"], readonly string[]> = {
  stacked100: ["#C6DBEF", "#6BAED6", "#2171B5", "#08306B"],
  stacked: ["#D95F02", "#8C8C8C", "#1F78B4", "#33A02C", "#6A3D9A"],
  bar: ["#1F4E79", "#A6A6A6", "#6BAED6", "#F28E2B"],
  interval: ["#1F4E79"],
};

/** The colour (#RRGGBB) of series `index` of a chart, the same in every renderer. */
export function seriesColour(chart: Pick<ExhibitChart, "kind">, index: number): string {
  const palette = PALETTES[chart.kind];
  return palette[index % palette.length];
}

/** A "nice" step for about `count` gridlines over `span` (1, 2 or 5 × a power of ten). */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/**
 * A chart's value axis, the same in every renderer: from the lowest to the highest drawn value
 * (zero, stacked sums, interval bounds and the band included), in nice steps.
 */
export function chartAxis(chart: ExhibitChart): { min: number; max: number; step: number } {
  if (chart.kind === "stacked100") return { min: 0, max: 1, step: 0.25 };
  const values: number[] = [0];
  chart.categories.forEach((_, at) => {
    if (chart.kind === "stacked") {
      let up = 0;
      let down = 0;
      for (const series of chart.series) {
        const value = series.values[at];
        if (value === null || value === undefined) continue;
        if (value >= 0) up += value;
        else down += value;
      }
      values.push(up, down);
    } else
      for (const series of chart.series)
        for (const value of [series.values[at], series.low?.[at], series.high?.[at]])
          if (typeof value === "number" && Number.isFinite(value)) values.push(value);
  });
  if (chart.band) values.push(chart.band.from, chart.band.to);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = niceStep(high - low || 1, 5);
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step || step, step };
}

/** The number format of a chart's values and axis. */
export function chartFormat(chart: ExhibitChart): NumberFormat {
  return formatFor({ name: "", ...chart.value }, {});
}

/**
 * A chart's data block: categories down, series across. An interval series takes five columns:
 * its upper bound, lower bound and value (Excel's high-low-close order, which a stock chart
 * reads), then the distances from the value to each bound (what error bars read).
 */
export function chartData(chart: ExhibitChart): CellScalar[][] {
  const header: CellScalar[] = [chart.categoryTitle];
  for (const series of chart.series)
    if (chart.kind === "interval")
      header.push(
        `${series.name}: upper bound`,
        `${series.name}: lower bound`,
        series.name,
        `${series.name}: to the upper bound`,
        `${series.name}: to the lower bound`,
      );
    else header.push(series.name);
  const distance = (from: number | null | undefined, to: number | null | undefined): number | null =>
    typeof from === "number" && typeof to === "number" ? Math.max(0, to - from) : null;
  return [
    header,
    ...chart.categories.map((category, index) => {
      const line: CellScalar[] = [category];
      for (const series of chart.series)
        if (chart.kind === "interval") {
          const value = series.values[index] ?? null;
          const high = series.high?.[index] ?? null;
          const low = series.low?.[index] ?? null;
          line.push(high, low, value, distance(value, high), distance(low, value));
        } else line.push(series.values[index] ?? null);
      return line;
    }),
  ];
}

/**
 * The findings page at the front of the workbook: the study, what it counted, and each
 * exhibit's findings under its number and title (one wrapped row per sentence).
 */
export function layoutFindings(result: StudyResult, lines: { summary: string[] }): PageLayout {
  const blocks: CellBlock[] = [];
  const rowHeights = new Map<number, number>();
  // One column as wide as a page holds in the widest reader (LibreOffice draws a unit 1.25× Excel's).
  const width = 95;
  const px = columnPx(width);
  let row = 0;
  const add = (text: string, role: CellBlock["role"], bold = false): void => {
    // One wide column: each text wraps in it (a span of one column: wrapped, nothing merged).
    const block = textBlock(row, text, role, 1);
    if (bold) block.boldRows = [0];
    const lines = wrappedLines(text, px, bold || role === "study" ? PX_BOLD : PX_TEXT);
    if (lines > 1) rowHeights.set(row, lines * LINE_HEIGHT + 2);
    blocks.push(block);
    row++;
  };
  add(studyLine(result), "study");
  add("FINDINGS", "title");
  add(studySubtitle(result), "subtitle");
  row++;
  for (const line of lines.summary) add(line, "note");
  for (const exhibit of result.exhibits) {
    if (!exhibit.findings || exhibit.findings.length === 0) continue;
    row++;
    add(`Exhibit ${exhibit.number} — ${exhibit.title}`, "step-heading", true);
    for (const finding of exhibit.findings) add(`• ${finding}`, "findings");
  }
  const heightOf = (r: number): number => rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  // An exhibit's heading stays with its first finding; the last page holds more than the last
  // heading and its finding (its last five rows together, the blank one before a heading counted).
  const keep: [number, number][] = blocks.flatMap((block) =>
    block.role === "step-heading" ? [[block.row, block.row + 2] as [number, number]] : [],
  );
  keep.push([Math.max(0, row - 5), row]);
  const { scale, fit } = printScale([width], 1, 1, 0);
  return {
    exhibitId: "findings",
    sheetName: "Findings",
    blocks,
    freezeRows: 0,
    columnWidths: [width],
    rowHeights,
    charts: [],
    print: {
      fit,
      scale,
      areas: [{ row: 0, column: 0, rows: row, columns: 1 }],
      rowBreaks: pageBreaks({ rows: row, heightOf, scale, titleRow: row, keepTogether: keep }),
      header: { left: result.organization ?? result.title },
      footer: { left: "Findings" },
    },
    omittedRows: 0,
  };
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function padded(steps: (number | null)[], length: number): (number | null)[] {
  return Array.from({ length }, (_, index) => steps[index] ?? null);
}
