/**
 * Findings and charts of the pay-equity exhibits: the significant adjusted gaps (or that there
 * are none), each dimension's gaps with their 95 % intervals, and the grades flagged at 5 %.
 */
import type { ExhibitChart } from "../../exhibit";
import type { ExhibitReport, ExhibitView } from "./view";
import { counted, percentWords } from "./words";

/** The Significant and Flag columns' word for a dimension's reference group. */
export const REFERENCE_LABEL = "Reference group";

/** "3.2 % less", "1.0 % more". */
function moreOrLess(gap: number): string {
  return `${percentWords(Math.abs(gap))} ${gap < 0 ? "less" : "more"}`;
}

function payEquityFindings(view: ExhibitView): string[] {
  const findings: string[] = [];
  for (const [dimension, rows] of view.groups(view.rows(), "Dimension")) {
    const reference = rows.find((row) => view.text(row, "Significant") === REFERENCE_LABEL);
    if (reference === undefined) continue;
    const name = view.text(reference, "Group");
    const gaps = rows.filter((row) => row !== reference && view.number(row, "Adjusted Gap") !== null);
    const significant = gaps.filter((row) => view.text(row, "Significant") === "Yes");
    for (const row of significant) {
      const low = view.number(row, "CI Low");
      const high = view.number(row, "CI High");
      findings.push(
        `At equal grade and tenure, ${view.text(row, "Group")} employees are paid ${moreOrLess(view.number(row, "Adjusted Gap") as number)} than ${name} employees${low !== null && high !== null ? ` (95 % interval ${percentWords(low)} to ${percentWords(high)})` : ""}: a significant gap.`,
      );
    }
    if (significant.length === 0 && gaps.length > 0) {
      const largest = [...gaps].sort(
        (a, b) =>
          Math.abs(view.number(b, "Adjusted Gap") as number) - Math.abs(view.number(a, "Adjusted Gap") as number),
      )[0];
      findings.push(
        `${dimension}: no adjusted pay gap against ${name} employees is significant at the 95 % level; the largest, ${view.text(largest, "Group")}, is ${moreOrLess(view.number(largest, "Adjusted Gap") as number)} at equal grade and tenure.`,
      );
    }
  }
  return findings;
}

function payEquityCharts(view: ExhibitView): ExhibitChart[] {
  return [...view.groups(view.rows(), "Dimension")].flatMap(([dimension, rows]): ExhibitChart[] => {
    const reference = rows.find((row) => view.text(row, "Significant") === REFERENCE_LABEL);
    const gaps = rows.filter((row) => row !== reference && view.number(row, "Adjusted Gap") !== null);
    if (reference === undefined || gaps.length === 0) return [];
    const name = view.text(reference, "Group");
    return [
      {
        kind: "interval",
        title: `Adjusted pay gap by ${dimension.toLowerCase()}, against ${name} employees`,
        description: `Each group's pay against ${name} employees' in the same grade at the same tenure, with its 95 % interval; below zero, the group is paid less.`,
        categoryTitle: "Group",
        categories: gaps.map((row) => view.text(row, "Group")),
        series: [
          {
            name: "Adjusted gap",
            values: gaps.map((row) => view.number(row, "Adjusted Gap")),
            low: gaps.map((row) => view.number(row, "CI Low")),
            high: gaps.map((row) => view.number(row, "CI High")),
          },
        ],
        value: { kind: "percent" },
        valueTitle: `Pay against ${name} employees`,
      },
    ];
  });
}

function byGradeFindings(view: ExhibitView): string[] {
  const flagged = view.rows().filter((row) => view.text(row, "Flag") === "Yes" && view.number(row, "Gap") !== null);
  if (flagged.length === 0)
    return ["No group's mean pay within a grade differs from its reference group's by the flag's threshold."];
  const largest = [...flagged].sort(
    (a, b) => Math.abs(view.number(b, "Gap") as number) - Math.abs(view.number(a, "Gap") as number),
  )[0];
  return [
    `${counted(flagged.length, "comparison")} within a grade ${flagged.length === 1 ? "is" : "are"} flagged; the largest: ${view.text(largest, "Group")} employees in ${view.text(largest, "Plan")} ${view.text(largest, "Grade")} are paid ${moreOrLess(view.number(largest, "Gap") as number)} than the reference group.`,
  ];
}

export const PAY_EQUITY_REPORT: ExhibitReport = { findings: payEquityFindings, charts: payEquityCharts };
export const PAY_EQUITY_BY_GRADE_REPORT: ExhibitReport = { findings: byGradeFindings };
