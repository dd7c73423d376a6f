/**
 * The study as one self-contained printable HTML page, a board packet: inline CSS, no script, no
 * external resource (a Content-Security-Policy says so to the browser too). The organisation and
 * the study's title, what the run counted, the findings page (each exhibit's findings under its
 * number), then one exhibit a printed page: its table, its charts as inline SVG, its findings,
 * its source and notes. Exhibits that list one row per person stay in the workbook and the JSON
 * unless asked for (`detail`): the report says where they are. Fits 1,280 pixels without
 * sideways scrolling. Every string from the inputs is escaped (escape.ts). Host-free.
 */
import { exhibitHeading, stepHeading, stepParts, studySubtitle } from "../layout";
import { summarySentences, unmatchedKinds, unmatchedLines } from "../reasons";
import { shownValues } from "../spec/types";
import type { Exhibit, ExhibitColumn, ExhibitRow, StepBlock, StudyResult } from "../spec/types";
import { renderChartSvg } from "./chart";
import { escapeHtml } from "./escape";
import { formatValue } from "./format";

/** Only inline styles and data: images; no script, font, frame or network request. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** In the page's head: how a later run recognises a report it may replace (src/cli/outputs.ts). */
export const HTML_GENERATOR = '<meta name="generator" content="CompStudy">';

/** Rows of one exhibit shown in the report; the rest are in the workbook and the JSON. */
export const MAX_HTML_ROWS = 1_000;

export type HtmlReportOptions = {
  /** Page title and heading; defaults to the study's title (as given, or by what it holds). */
  title?: string;
  /** Rows shown per exhibit (default 1,000): a page of a million rows helps no reader. */
  maxRows?: number;
  /** Include the exhibits that list one row per person (left out by default: a board packet is public). */
  detail?: boolean;
};

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1b2733; margin: 24px auto; max-width: 1180px; padding: 0 16px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 0 0 2px; letter-spacing: 0.02em; }
h3 { font-size: 10.5pt; margin: 18px 0 4px; }
.organization { font-size: 12pt; font-weight: 600; color: #1f4e79; margin: 0 0 2px; }
.subtitle, .source { color: #4a5a6a; font-style: italic; margin: 0 0 10px; }
.source { margin-top: 6px; font-size: 9pt; }
.description { margin: 0 0 10px; max-width: 72em; }
.note { color: #4a5a6a; margin: 2px 0; font-size: 9pt; max-width: 72em; }
.findings { margin: 10px 0 4px; max-width: 72em; }
.findings strong { color: #1f4e79; }
.more { margin: 6px 0 0; font-weight: 600; }
.continued { margin: 12px 0 2px; color: #4a5a6a; font-style: italic; }
.summary-notes { color: #4a5a6a; font-size: 9pt; margin: 4px 0 0; padding-left: 18px; }
.summary { display: grid; grid-template-columns: repeat(4, auto); gap: 2px 24px; justify-content: start; margin: 12px 0 8px; }
.summary dt { color: #4a5a6a; }
.summary dd { margin: 0 0 4px; font-weight: 600; font-variant-numeric: tabular-nums; }
nav ol { columns: 2; margin: 8px 0 0; padding-left: 20px; }
nav a, .findings-page a { color: #1f4e79; }
section.findings-page { margin-top: 28px; }
.findings-page h3 { margin: 14px 0 2px; }
.findings-page ul { margin: 2px 0 0; padding-left: 20px; max-width: 72em; }
.findings-page li { margin: 2px 0; }
.where { color: #4a5a6a; font-weight: 400; font-style: italic; }
section.exhibit, section.working-file { margin-top: 32px; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; max-width: 100%; }
table.wide { font-size: 8.5pt; }
th, td { padding: 3px 8px; border-bottom: 1px solid #dde3ea; vertical-align: top; }
table.wide th, table.wide td { padding: 2px 5px; }
thead th { background: #1f4e79; color: #fff; text-align: left; font-weight: 600; border-bottom: none; vertical-align: bottom; }
thead th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.text { max-width: 30em; overflow-wrap: break-word; }
td.long { min-width: 14em; }
td.short { white-space: nowrap; }
tbody tr:nth-child(even) td { background: #f3f6fa; }
tr.total td { font-weight: 700; border-top: 1px solid #8a9aaa; background: #e8eef5; }
tr.grand-total td { font-weight: 700; border-top: 2px solid #1b2733; border-bottom: 2px solid #1b2733; background: #dbe4ef; }
tr.none td { color: #4a5a6a; font-style: italic; }
table.steps { font-size: 8.5pt; }
table.steps th, table.steps td { padding: 2px 6px; }
figure.chart-figure { margin: 18px 0 0; }
figcaption { font-weight: 700; margin-bottom: 4px; }
.chart { display: block; max-width: 100%; height: auto; margin: 4px 0 12px; }
.chart text { font: 12px "Segoe UI", "Helvetica Neue", Arial, sans-serif; fill: #1b2733; }
.chart text.value { font-weight: 600; }
.chart text.on-dark { fill: #ffffff; }
.chart text.axis, .chart text.axis-title { fill: #4a5a6a; }
footer { margin-top: 32px; color: #4a5a6a; font-size: 9pt; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  section.exhibit, section.findings-page, section.working-file { break-before: page; margin-top: 0; }
  thead { display: table-header-group; }
  tr, .chart, figure.chart-figure, .findings-page li { break-inside: avoid; }
  h2, h3, .subtitle { break-after: avoid; }
  .table-wrap { overflow: visible; }
  tbody tr:nth-child(even) td, thead th, tr.total td, tr.grand-total td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const SHORT_TEXT = 24;
/** Tables with more columns than this print in a smaller type, so they fit the page's width. */
const WIDE_TABLE = 9;

function isNumeric(column: ExhibitColumn): boolean {
  return column.kind !== "text";
}

function headerRow(names: string[], numeric: boolean[]): string {
  const cells = names.map(
    (name, index) => `<th scope="col"${numeric[index] ? ' class="num"' : ""}>${escapeHtml(name)}</th>`,
  );
  return `<thead><tr>${cells.join("")}</tr></thead>`;
}

function bodyRow(exhibit: Exhibit, row: ExhibitRow, columns: readonly number[]): string {
  // The report is never unsuppressed: small groups stay hidden whatever the run's options.
  const shown = shownValues(exhibit, row, false);
  const cells = columns.map((index) => {
    const column = exhibit.columns[index];
    const value = shown[index];
    // Numbers, and text in a number column (a suppression mark), sit right; text wraps at its words.
    const numeric = typeof value === "number" || (isNumeric(column) && value !== null);
    const text = formatValue(value, column, row);
    const textClass = text.length <= SHORT_TEXT ? "text short" : text.length > 60 ? "text long" : "text";
    return `<td class="${numeric ? "num" : textClass}">${escapeHtml(text)}</td>`;
  });
  const kind = row.kind === "detail" ? "" : ` class="${row.kind}"`;
  return `<tr${kind}>${cells.join("")}</tr>`;
}

/** The width a table may take: the page's 1,280 pixels less the body's margins and padding. */
const TABLE_PX = 1_140;
/** Pixels a character takes at most in a wide table's 8.5-point type, and a cell's padding and border. */
const CHAR_PX = 7.6;
const CELL_PX = 16;
/** Text cells wrap past this many characters (td.text's max-width, 30em). */
const TEXT_WRAP = 45;

/**
 * The columns of each table an exhibit is shown in: all of them while they fit 1,280 pixels;
 * else the row's identifying columns (its leading text columns, at least two) in every table
 * and the others in as few tables as fit — an exhibit of 36 step columns in three, say. Widths
 * are estimated from the header's longest word and the widest shown value, on the safe side.
 */
function columnParts(exhibit: Exhibit, rows: readonly ExhibitRow[]): { parts: number[][]; lead: number } {
  const values = rows.map((row) => shownValues(exhibit, row, false));
  const widths = exhibit.columns.map((column, index) => {
    let chars = Math.max(...column.name.split(/\s+/).map((word) => word.length));
    for (const [at, row] of rows.entries()) {
      const text = formatValue(values[at][index], column, row);
      chars = Math.max(chars, isNumeric(column) ? text.length : Math.min(TEXT_WRAP, text.length));
    }
    return chars * CHAR_PX + CELL_PX;
  });
  const all = exhibit.columns.map((_, index) => index);
  if (widths.reduce((sum, width) => sum + width, 0) <= TABLE_PX) return { parts: [all], lead: 0 };
  let lead = 0;
  while (lead < Math.min(3, exhibit.columns.length) && exhibit.columns[lead].kind === "text") lead++;
  lead = Math.min(Math.max(lead, 2), exhibit.columns.length);
  const leading = all.slice(0, lead);
  const leadWidth = leading.reduce((sum, index) => sum + widths[index], 0);
  const parts: number[][] = [];
  let part: number[] = [];
  let used = leadWidth;
  for (const index of all.slice(lead)) {
    if (part.length > 0 && used + widths[index] > TABLE_PX) {
      parts.push([...leading, ...part]);
      part = [];
      used = leadWidth;
    }
    part.push(index);
    used += widths[index];
  }
  if (part.length > 0) parts.push([...leading, ...part]);
  return { parts, lead };
}

function exhibitTable(exhibit: Exhibit, maxRows: number): string {
  const shown = exhibit.rows.length > maxRows ? exhibit.rows.slice(0, maxRows) : exhibit.rows;
  const more = exhibit.rows.length - shown.length;
  const cut =
    more > 0
      ? `\n<p class="more">The first ${formatValue(shown.length, "count")} of ${formatValue(exhibit.rows.length, "count")} rows are shown; ` +
        `the other ${formatValue(more, "count")} are in the workbook (.xlsx) and the JSON.</p>`
      : "";
  const { parts, lead } = columnParts(exhibit, shown);
  const tables = parts.map((columns, part) => {
    const names = columns.map((index) => exhibit.columns[index].name);
    const numeric = columns.map((index) => isNumeric(exhibit.columns[index]));
    const rows =
      exhibit.rows.length === 0
        ? `<tr class="none"><td colspan="${Math.max(1, names.length)}">None</td></tr>`
        : shown.map((row) => bodyRow(exhibit, row, columns)).join("\n");
    // A split exhibit keeps the smaller type in every part (its widths were estimated in it).
    const wide = exhibit.columns.length > WIDE_TABLE ? ' class="wide"' : "";
    // A later part says which columns it continues with.
    const continued =
      part === 0
        ? ""
        : `<p class="continued">Continued: the same rows, ${escapeHtml(names[lead])} to ${escapeHtml(names[names.length - 1])}.</p>\n`;
    return `${continued}<div class="table-wrap"><table${wide}>${headerRow(names, numeric)}\n<tbody>\n${rows}\n</tbody></table></div>`;
  });
  return `${tables.join("\n")}${cut}`;
}

function stepTable(block: StepBlock): string {
  return stepParts(block.stepHeaders.length)
    .map(([start, end]) => {
      const headers = block.stepHeaders.slice(start, end);
      const names = ["Grade", ...headers];
      const numeric = names.map((_, index) => index > 0);
      const rows = block.rows.map((row) => {
        const steps = headers.map((_, index) => {
          const value = row.steps[start + index] ?? null;
          return `<td class="num">${escapeHtml(formatValue(value, "money", { cents: row.cents ?? (block.unit === "hourly" || block.unit === "daily") }))}</td>`;
        });
        return `<tr><td class="text short">${escapeHtml(row.grade)}</td>${steps.join("")}</tr>`;
      });
      return (
        `<h3>${escapeHtml(stepHeading(block, start, end))}</h3>\n` +
        `<div class="table-wrap"><table class="steps">${headerRow(names, numeric)}\n<tbody>\n${rows.join("\n")}\n</tbody></table></div>`
      );
    })
    .join("\n");
}

function exhibitSection(exhibit: Exhibit, index: number, maxRows: number): string {
  const parts = [
    `<section class="exhibit" id="exhibit-${escapeHtml(exhibit.id)}">`,
    `<h2>${escapeHtml(exhibitHeading(exhibit))}</h2>`,
    `<p class="subtitle">${escapeHtml(exhibit.subtitle)}</p>`,
    ...(exhibit.description ? [`<p class="description">${escapeHtml(exhibit.description)}</p>`] : []),
    exhibitTable(exhibit, maxRows),
  ];
  (exhibit.charts ?? []).forEach((chart, chartIndex) => {
    // A figure keeps each chart with its caption on one printed page.
    parts.push(
      `<figure class="chart-figure"><figcaption>${escapeHtml(chart.title)}</figcaption>`,
      renderChartSvg(chart, `chart-${index}-${chartIndex}`),
      "</figure>",
    );
  });
  if (exhibit.findings && exhibit.findings.length > 0)
    parts.push(`<p class="findings"><strong>Findings.</strong> ${escapeHtml(exhibit.findings.join(" "))}</p>`);
  parts.push(
    `<p class="source">${escapeHtml(exhibit.source)}</p>`,
    ...(exhibit.notes ?? []).map((note) => `<p class="note">${escapeHtml(note)}</p>`),
  );
  for (const block of exhibit.stepBlocks ?? []) parts.push(stepTable(block));
  parts.push("</section>");
  return parts.join("\n");
}

function summaryList(result: StudyResult): string {
  const s = result.summary;
  const count = (value: number): string => formatValue(value, "count");
  const items: [string, string][] = [
    ["Pay plans", count(s.plans)],
    ["Grades", count(s.grades)],
    ["Roster rows", count(s.rosterRows)],
    ["Employees placed", count(s.employees)],
    ["Unmatched rows", count(s.unmatched)],
    ["Schedule errors", count(s.auditErrors)],
    ["Schedule warnings", count(s.auditWarnings)],
  ];
  if (s.separated > 0) items.push(["Separated (workforce only)", count(s.separated)]);
  const list = `<dl class="summary">${items.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl>`;
  const reasons = unmatchedLines(unmatchedKinds(result)).map((line) => `Unmatched rows — ${line}`);
  const notes = [...reasons, ...s.notes];
  const noteList = notes.length
    ? `<ul class="summary-notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`
    : "";
  return list + noteList;
}

/** Where an exhibit left out of the report is: "in the workbook (.xlsx) and the JSON". */
const ELSEWHERE = "in the workbook (.xlsx) and the JSON";

/** The findings page: the run in two sentences, then each exhibit's findings under its number. */
function findingsPage(result: StudyResult, inReport: ReadonlySet<Exhibit>): string {
  const exhibits = result.exhibits.filter((exhibit) => (exhibit.findings ?? []).length > 0);
  const parts = [
    '<section class="findings-page" id="findings">',
    "<h2>FINDINGS</h2>",
    ...summarySentences(result).map((line) => `<p class="description">${escapeHtml(line)}</p>`),
  ];
  for (const exhibit of exhibits) {
    const name = escapeHtml(`Exhibit ${exhibit.number} — ${exhibit.title}`);
    const heading = inReport.has(exhibit)
      ? `<a href="#exhibit-${escapeHtml(exhibit.id)}">${name}</a>`
      : `${name} <span class="where">(${ELSEWHERE})</span>`;
    parts.push(
      `<h3>${heading}</h3>`,
      `<ul>${(exhibit.findings ?? []).map((finding) => `<li>${escapeHtml(finding)}</li>`).join("")}</ul>`,
    );
  }
  parts.push("</section>");
  return parts.join("\n");
}

/** The exhibits that list one row per person and were left out, and where they are. */
function workingFile(left: readonly Exhibit[]): string {
  if (left.length === 0) return "";
  const items = left.map(
    (exhibit) =>
      `<li>${escapeHtml(`Exhibit ${exhibit.number} — ${exhibit.title}: ${formatValue(exhibit.rows.length, "count")} ${exhibit.rows.length === 1 ? "row" : "rows"}`)}</li>`,
  );
  return [
    '<section class="working-file" id="working-file">',
    "<h2>IN THE WORKBOOK ONLY</h2>",
    `<p class="description">These exhibits list one row per person. They are ${ELSEWHERE} this report comes with, and are left out of it so that the report can be shared.</p>`,
    `<ul>${items.join("")}</ul>`,
    "</section>",
  ].join("\n");
}

/** The whole report: one HTML document as a string (UTF-8), deterministic for a given input. */
export function renderHtmlReport(result: StudyResult, options: HtmlReportOptions = {}): string {
  const title = options.title ?? result.title;
  const subtitle = studySubtitle(result);
  const shown = result.exhibits.filter((exhibit) => options.detail === true || exhibit.detail !== true);
  const left = result.exhibits.filter((exhibit) => !shown.includes(exhibit));
  const anyFindings = result.exhibits.some((exhibit) => (exhibit.findings ?? []).length > 0);
  const toc = [
    ...(anyFindings ? ['<li><a href="#findings">Findings</a></li>'] : []),
    ...shown.map(
      (exhibit) =>
        `<li><a href="#exhibit-${escapeHtml(exhibit.id)}">${escapeHtml(`Exhibit ${exhibit.number} — ${exhibit.title}`)}</a></li>`,
    ),
    ...(left.length > 0 ? ['<li><a href="#working-file">In the workbook only</a></li>'] : []),
  ].join("");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    HTML_GENERATOR,
    `<title>${escapeHtml(result.organization ? `${result.organization} — ${title}` : title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    ...(result.organization ? [`<p class="organization">${escapeHtml(result.organization)}</p>`] : []),
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">${escapeHtml(subtitle)}</p>`,
    summaryList(result),
    `<nav aria-label="Contents"><ol>${toc}</ol></nav>`,
    "</header>",
    ...(anyFindings ? [findingsPage(result, new Set(shown))] : []),
    ...shown.map((exhibit) =>
      exhibitSection(exhibit, result.exhibits.indexOf(exhibit), options.maxRows ?? MAX_HTML_ROWS),
    ),
    workingFile(left),
    `<footer>Generated by CompStudy from the files named above. This page loads nothing from the network.</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
