/**
 * Findings and charts of the workforce exhibits (Pasadena HR plan metrics): composition against
 * the reference population, hires, retention, separation reasons and position control. Hidden
 * cells (small groups) are never read: a view returns null for them.
 */
import type { ExhibitChart, ExhibitRow } from "../../exhibit";
import type { ExhibitReport, ExhibitView } from "./view";
import { counted, countWords, indexWords, listWords, moneyWords, percentWords } from "./words";

/** The group a roster leaves blank ("(blank)"): counted, never the subject of a finding. */
const BLANK = "(blank)";

/** 7-1's All rows (every job family together), by dimension. */
function compositionAll(view: ExhibitView): Map<string, ExhibitRow[]> {
  return view.groups(
    view.rows("total").filter((row) => view.text(row, "Job Family") === "All"),
    "Dimension",
  );
}

function compositionFindings(view: ExhibitView): string[] {
  const findings: string[] = [];
  for (const [dimension, rows] of compositionAll(view)) {
    const shown = rows.filter((row) => view.text(row, "Group") !== BLANK && view.number(row, "Share") !== null);
    if (shown.length === 0) continue;
    const largest = [...shown].sort(
      (a, b) => (view.number(b, "Share") as number) - (view.number(a, "Share") as number),
    )[0];
    const reference = view.number(largest, "Reference Share");
    const index = view.number(largest, "Representation Index");
    findings.push(
      `${dimension}: the largest group, ${view.text(largest, "Group")}, is ${percentWords(view.number(largest, "Share") as number)} of employees${reference === null ? "" : ` against ${percentWords(reference)} of the reference population${index === null ? "" : ` (index ${indexWords(index)})`}`}.`,
    );
    const indexed = shown.filter((row) => view.number(row, "Representation Index") !== null);
    if (indexed.length > 1) {
      const lowest = [...indexed].sort(
        (a, b) =>
          (view.number(a, "Representation Index") as number) - (view.number(b, "Representation Index") as number),
      )[0];
      const share = view.number(lowest, "Share") as number;
      const reference = view.number(lowest, "Reference Share") as number;
      if (lowest !== largest && (view.number(lowest, "Representation Index") as number) < 1)
        findings.push(
          share === 0
            ? `${dimension}: no employee is ${view.text(lowest, "Group")}, against ${percentWords(reference)} of the reference population.`
            : `${dimension}: furthest below its reference share, ${view.text(lowest, "Group")} is ${percentWords(share)} of employees against ${percentWords(reference)} (index ${indexWords(view.number(lowest, "Representation Index") as number)}).`,
        );
    }
  }
  return findings;
}

function compositionCharts(view: ExhibitView): ExhibitChart[] {
  return [...compositionAll(view)].flatMap(([dimension, rows]): ExhibitChart[] => {
    if (rows.length === 0) return [];
    const withReference = rows.some((row) => view.number(row, "Reference Share") !== null);
    return [
      {
        kind: "bar",
        title: `Workforce composition by ${dimension.toLowerCase()}${withReference ? ", against the reference population" : ""}`,
        description: `Each ${dimension.toLowerCase()} group's share of the employees${withReference ? " beside its share of the reference population" : ""}; small groups are left out.`,
        categoryTitle: "Group",
        categories: rows.map((row) => view.text(row, "Group")),
        series: [
          { name: "Share of employees", values: rows.map((row) => view.number(row, "Share")) },
          ...(withReference
            ? [{ name: "Reference share", values: rows.map((row) => view.number(row, "Reference Share")) }]
            : []),
        ],
        value: { kind: "percent" },
        valueTitle: "Share",
      },
    ];
  });
}

/** "Female 72.0 %, Male 28.0 %" of the shown groups, and whether any is hidden. */
function shares(view: ExhibitView, rows: readonly ExhibitRow[], column: string): string {
  const shown = rows.filter((row) => view.text(row, "Group") !== BLANK && view.number(row, column) !== null);
  const hidden = rows.length - shown.length;
  return `${listWords(shown.map((row) => `${view.text(row, "Group")} ${percentWords(view.number(row, column) as number)}`))}${hidden > 0 ? " (small or blank groups not shown)" : ""}`;
}

function hiresFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  const total = all === undefined ? null : view.number(all, "Hires");
  if (total === null) return [];
  const findings = [`${counted(total, "employee")} ${total === 1 ? "was" : "were"} hired in the period.`];
  if (total > 0)
    for (const [dimension, rows] of view.groups(view.rows("detail"), "Dimension"))
      findings.push(`Hires by ${dimension.toLowerCase()}: ${shares(view, rows, "Share")}.`);
  return findings;
}

function retentionFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  if (all === undefined) return [];
  const separations = view.number(all, "Separations");
  const rate = view.number(all, "Separation Rate");
  const retained = view.number(all, "Retention Rate");
  const findings: string[] = [];
  if (separations !== null)
    findings.push(
      `Over the period, ${counted(separations, "employee")} left${rate === null ? "" : `, a separation rate of ${percentWords(rate)} of the average headcount`}${retained === null ? "" : `; ${percentWords(retained)} of those employed at its start were still employed at its end`}.`,
    );
  for (const [dimension, rows] of view.groups(view.rows("detail"), "Dimension")) {
    const ranked = rows
      .filter((row) => view.text(row, "Group") !== BLANK && view.number(row, "Separation Rate") !== null)
      .sort((a, b) => (view.number(b, "Separation Rate") as number) - (view.number(a, "Separation Rate") as number));
    if (ranked.length > 1)
      findings.push(
        `By ${dimension.toLowerCase()}, the highest separation rate: ${view.text(ranked[0], "Group")}, ${percentWords(view.number(ranked[0], "Separation Rate") as number)}.`,
      );
  }
  return findings;
}

function reasonsFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  const total = all === undefined ? null : view.number(all, "Separations");
  const first = view.rows("detail").find((row) => view.number(row, "Separations") !== null);
  if (total === null || total === 0 || first === undefined) return [];
  const share = view.number(first, "Share");
  return [
    `The most frequent reason for leaving: ${view.text(first, "Reason")} (${countWords(view.number(first, "Separations") as number)} of ${counted(total, "separation")}${share === null ? "" : `, ${percentWords(share)}`}).`,
  ];
}

function positionControlFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  if (all === undefined) return [];
  const budgeted = view.number(all, "Budgeted Cost");
  const actual = view.number(all, "Actual Cost");
  const variance = view.number(all, "Variance");
  const positions = view.number(all, "Positions");
  const vacant = view.number(all, "Vacant FTE");
  const findings: string[] = [];
  if (budgeted !== null && actual !== null && variance !== null)
    findings.push(
      `${positions === null ? "The positions are" : `The ${counted(positions, "budgeted position")} ${positions === 1 ? "is" : "are"}`} budgeted at ${moneyWords(budgeted)} a year; the employees filling ${positions === 1 ? "it" : "them"} cost ${moneyWords(actual)}: ${moneyWords(Math.abs(variance))} ${variance >= 0 ? "under" : "over"} budget.`,
    );
  if (vacant !== null && vacant > 0)
    findings.push(
      `${vacant.toLocaleString("en-US", { maximumFractionDigits: 2 })} budgeted FTE ${vacant === 1 ? "is" : "are"} vacant.`,
    );
  return findings;
}

function positionProblemsFindings(view: ExhibitView): string[] {
  const n = view.rows().length;
  return [
    n === 0
      ? "No position problem: every employee fills a budgeted position within its FTE."
      : `${counted(n, "position problem")} to review, each listed with what is wrong.`,
  ];
}

export const COMPOSITION_REPORT: ExhibitReport = { findings: compositionFindings, charts: compositionCharts };
export const HIRES_REPORT: ExhibitReport = { findings: hiresFindings };
export const RETENTION_REPORT: ExhibitReport = { findings: retentionFindings };
export const REASONS_REPORT: ExhibitReport = { findings: reasonsFindings };
export const POSITION_CONTROL_REPORT: ExhibitReport = { findings: positionControlFindings };
export const POSITION_PROBLEMS_REPORT: ExhibitReport = { findings: positionProblemsFindings };
