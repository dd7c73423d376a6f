/**
 * Findings and charts of the current-conditions exhibits (Portland 2013 study, chapter 3: "79.8
 * percent of PEA employees are paid below the midpoint"), written from each exhibit's shown
 * rows: plan Total rows, the grand total (Plan "All"), the grade rows.
 */
import type { ExhibitChart, ExhibitRow } from "../../exhibit";
import type { ExhibitReport, ExhibitView } from "./view";
import { capitalised, counted, countWords, listWords, percentWords, spanWords, yearsWords } from "./words";

/** Sentences that list one item per plan stop after this many plans ("… and 4 more plans"). */
const MAX_LISTED = 8;

const ORDINALS = ["first", "second", "third", "fourth"] as const;

/** "a, b and c", or the first MAX_LISTED and "and N more plans". */
function listed(items: readonly string[], what = "plans"): string {
  if (items.length <= MAX_LISTED) return listWords(items);
  return `${items.slice(0, MAX_LISTED).join(", ")} and ${items.length - MAX_LISTED} more ${what}`;
}

/** Plan rows (kind total) with a number in `column`, largest first. */
function rankedPlans(view: ExhibitView, column: string): { plan: string; value: number; row: ExhibitRow }[] {
  return view
    .rows("total")
    .flatMap((row) => {
      const value = view.number(row, column);
      return value === null ? [] : [{ plan: view.text(row, "Plan"), value, row }];
    })
    .sort((a, b) => b.value - a.value);
}

function paySummaryFindings(view: ExhibitView): string[] {
  const grades = view.rows("detail").length;
  const plans = view.rows("total").length;
  if (grades === 0) return [];
  const findings = [`The ${counted(plans, "pay plan")} ${plans === 1 ? "holds" : "hold"} ${counted(grades, "grade")}.`];
  const spread = rankedPlans(view, "Range Spread");
  const progression = rankedPlans(view, "Average Step Progression");
  const range = (ranked: typeof spread, what: string): string | undefined => {
    if (ranked.length === 0) return undefined;
    const span = spanWords(
      ranked.map((plan) => ({ label: plan.plan, value: plan.value })),
      (value) => percentWords(value),
    );
    if (span !== undefined) return `the ${what} runs ${span}`;
    return `the ${what} is ${percentWords(ranked[0].value)}${ranked.length === 1 ? ` (${ranked[0].plan})` : " in every plan"}`;
  };
  const parts = [range(spread, "average range spread"), range(progression, "average step progression")].filter(
    (part): part is string => part !== undefined,
  );
  if (parts.length > 0) findings.push(`${capitalised(parts.join("; "))}.`);
  return findings;
}

/** The share of employees in `count` overall, then per plan, largest first (3-2, 3-3). */
function shareFindings(view: ExhibitView, count: string, share: string, phrase: string): string[] {
  const all = view.rows("grand-total")[0];
  const employees = all === undefined ? null : view.number(all, "Employees");
  const n = all === undefined ? null : view.number(all, count);
  const fraction = all === undefined ? null : view.number(all, share);
  if (employees === null || employees === 0 || n === null || fraction === null) return [];
  const findings = [
    `${percentWords(fraction)} of all employees (${countWords(n)} of ${countWords(employees)}) are paid ${phrase} of their grade.`,
  ];
  const plans = rankedPlans(view, share);
  if (plans.length > 1)
    findings.push(`By plan, ${phrase}: ${listed(plans.map((p) => `${p.plan} ${percentWords(p.value)}`))}.`);
  return findings;
}

function placementFindings(view: ExhibitView): string[] {
  return [
    ...shareFindings(view, "At or Below Minimum", "% At or Below Minimum", "at or below the minimum"),
    ...shareFindings(view, "At or Above Maximum", "% At or Above Maximum", "at or above the maximum"),
  ];
}

function midpointFindings(view: ExhibitView): string[] {
  const findings = shareFindings(view, "Below Midpoint", "% Below Midpoint", "below the midpoint");
  const plans = rankedPlans(view, "% Below Midpoint");
  // The study's own sentence for the plan with the largest share ("79.8 % of PEA employees …").
  if (plans.length > 1)
    findings.splice(1, 0, `${percentWords(plans[0].value)} of ${plans[0].plan} employees are paid below the midpoint.`);
  return findings;
}

/** The quartile most employees of a row sit in, with its share. */
function topQuartile(
  view: ExhibitView,
  row: ExhibitRow,
): { quartile: number; share: number; count: number } | undefined {
  let best: { quartile: number; share: number; count: number } | undefined;
  for (let q = 0; q < 4; q++) {
    const share = view.number(row, `% Q${q + 1}`);
    const count = view.number(row, `Q${q + 1}`);
    if (share === null || count === null) continue;
    if (best === undefined || share > best.share) best = { quartile: q, share, count };
  }
  return best;
}

function quartileFindings(view: ExhibitView): string[] {
  const findings: string[] = [];
  const all = view.rows("grand-total")[0];
  const top = all === undefined ? undefined : topQuartile(view, all);
  const employees = all === undefined ? null : view.number(all, "Employees");
  if (top !== undefined && employees !== null && all !== undefined) {
    const fourth = view.number(all, "% Q4");
    findings.push(
      `Most employees sit in the ${ORDINALS[top.quartile]} quartile of their grade's range: ${percentWords(top.share)} (${countWords(top.count)} of ${countWords(employees)})${top.quartile !== 3 && fourth !== null ? `; ${percentWords(fourth)} sit in the fourth` : ""}.`,
    );
  }
  const plans = view.rows("total").flatMap((row) => {
    const best = topQuartile(view, row);
    return best === undefined
      ? []
      : [`${view.text(row, "Plan")} the ${ORDINALS[best.quartile]} (${percentWords(best.share)})`];
  });
  if (plans.length > 1) findings.push(`The quartile holding the most employees, by plan: ${listed(plans)}.`);
  return findings;
}

function quartileCharts(view: ExhibitView): ExhibitChart[] {
  return [...view.groups(view.rows("detail"), "Plan")].map(([plan, rows]) => ({
    kind: "stacked100",
    title: `${plan}: employees by quartile of their grade's range`,
    description: `For each grade of ${plan}, the share of its employees in each quarter of the grade's range, from the minimum (first quartile) to the maximum (fourth).`,
    categoryTitle: "Grade",
    categories: rows.map((row) => view.text(row, "Grade")),
    series: ORDINALS.map((ordinal, q) => ({
      name: `${capitalised(ordinal)} quartile`,
      values: rows.map((row) => view.number(row, `% Q${q + 1}`)),
    })),
    value: { kind: "percent" },
    valueTitle: "Share of the grade's employees",
  }));
}

function jobFamilyFindings(view: ExhibitView): string[] {
  const families = view
    .rows("detail")
    .flatMap((row) => {
      const employees = view.number(row, "Employees");
      return employees === null ? [] : [{ row, employees }];
    })
    .sort((a, b) => b.employees - a.employees);
  const total = view.rows("grand-total")[0];
  if (families.length === 0 || total === undefined) return [];
  const largest = families[0];
  const share = view.number(largest.row, "% of Total");
  const classes = view.number(largest.row, "Classes");
  const allClasses = view.number(total, "Classes");
  const findings = [
    `${view.text(largest.row, "Job Family")} is the largest job family: ${counted(largest.employees, "employee")}${share === null ? "" : ` (${percentWords(share)} of the total)`}${classes === null ? "" : ` in ${counted(classes, "class", "classes")}`}.`,
  ];
  if (allClasses !== null)
    findings.push(
      `The ${counted(families.length, "job family", "job families")} hold ${counted(allClasses, "class", "classes")} (distinct job titles).`,
    );
  return findings;
}

function jobFamilyCharts(view: ExhibitView): ExhibitChart[] {
  const rows = view
    .rows("detail")
    .filter((row) => view.number(row, "Employees") !== null)
    .sort((a, b) => (view.number(b, "Employees") as number) - (view.number(a, "Employees") as number));
  if (rows.length === 0) return [];
  return [
    {
      kind: "bar",
      title: "Employees by job family",
      description: "The number of employees in each job family, largest first.",
      categoryTitle: "Job family",
      categories: rows.map((row) => view.text(row, "Job Family")),
      series: [{ name: "Employees", values: rows.map((row) => view.number(row, "Employees")) }],
      value: { kind: "count" },
      valueTitle: "Employees",
    },
  ];
}

/** Plan rows of the tenure exhibit: kind total, Grade "Average". */
function tenurePlans(view: ExhibitView): { plan: string; years: number }[] {
  return view.rows("total").flatMap((row) => {
    const years = view.number(row, "Average Tenure");
    return years === null ? [] : [{ plan: view.text(row, "Plan"), years }];
  });
}

function tenureFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  const average = all === undefined ? null : view.number(all, "Average Tenure");
  const findings: string[] = [];
  if (average !== null)
    findings.push(`Employees have served ${yearsWords(average)} on average, from their hire date to the study's date.`);
  const span = spanWords(
    tenurePlans(view).map((plan) => ({ label: plan.plan, value: plan.years })),
    yearsWords,
  );
  if (span !== undefined) findings.push(`By plan, the average runs ${span}.`);
  return findings;
}

function tenureCharts(view: ExhibitView): ExhibitChart[] {
  const plans = tenurePlans(view);
  if (plans.length === 0) return [];
  return [
    {
      kind: "bar",
      title: "Average tenure by plan",
      description: "The average years from hire date to the study's date of each plan's employees.",
      categoryTitle: "Plan",
      categories: plans.map((plan) => plan.plan),
      series: [{ name: "Average tenure", values: plans.map((plan) => plan.years) }],
      value: { kind: "years" },
      valueTitle: "Years",
    },
  ];
}

function auditFindings(view: ExhibitView): string[] {
  const rows = view.rows();
  const of = (severity: string) => rows.filter((row) => view.text(row, "Severity").toLowerCase() === severity);
  const errors = of("error");
  const warnings = of("warning");
  const where = (list: ExhibitRow[]): string =>
    list.length > 0 && list.length <= 5
      ? ` (${listWords(list.map((row) => `${view.text(row, "Plan")} ${view.text(row, "Grade")}`.trim()))})`
      : "";
  if (rows.length === 0) return ["The schedule audit found no error and no warning in the pay plans."];
  return [
    `The schedule audit found ${errors.length === 0 ? "no error" : counted(errors.length, "error")}${where(errors)} and ${warnings.length === 0 ? "no warning" : counted(warnings.length, "warning")}${where(warnings)}.`,
  ];
}

function unmatchedFindings(view: ExhibitView): string[] {
  const n = view.rows().length;
  return [
    n === 0
      ? "No roster row was left unmatched: every row was placed, or counted where it belongs."
      : `${counted(n, "roster row")} could not be used; each is listed with its reason, so none is lost.`,
  ];
}

/** 3-9: how many employees on step grades are paid other than their step, by plan, and the widest differences. */
function payVsScheduleFindings(view: ExhibitView): string[] {
  const rows = view.rows("detail");
  if (rows.length === 0)
    return view.rows("total").length === 0
      ? ["No employee is on a grade with steps: there is no step to check."]
      : ["Every employee on a grade with steps is paid the pay of their step."];
  const plans = [...view.groups(rows, "Plan")].map(([plan, list]) => ({ plan, n: list.length }));
  plans.sort((a, b) => b.n - a.n);
  const findings = [
    `${counted(rows.length, "employee")} on grades with steps ${rows.length === 1 ? "is" : "are"} paid other than the pay of their step${plans.length > 1 ? `: ${listed(plans.map((p) => `${countWords(p.n)} in ${p.plan}`))}` : ` (${plans[0].plan})`}; each is listed with the step's pay and the difference.`,
  ];
  const differences = rows.flatMap((row) => {
    const difference = view.number(row, "Difference");
    return difference === null ? [] : [difference];
  });
  const below = differences.filter((d) => d < 0).length;
  const above = differences.filter((d) => d > 0).length;
  if (below + above > 0)
    findings.push(
      `${capitalised(listWords([...(below > 0 ? [`${countWords(below)} below their step's pay`] : []), ...(above > 0 ? [`${countWords(above)} above it`] : [])]))}${differences.length < rows.length ? `; ${countWords(rows.length - differences.length)} with no pay on the schedule to compare with` : ""}.`,
    );
  return findings;
}

export const PAY_SUMMARY_REPORT: ExhibitReport = { findings: paySummaryFindings };
export const GRADE_PLACEMENT_REPORT: ExhibitReport = { findings: placementFindings };
export const MIDPOINT_REPORT: ExhibitReport = { findings: midpointFindings };
export const QUARTILES_REPORT: ExhibitReport = { findings: quartileFindings, charts: quartileCharts };
export const JOB_FAMILIES_REPORT: ExhibitReport = { findings: jobFamilyFindings, charts: jobFamilyCharts };
export const TENURE_REPORT: ExhibitReport = { findings: tenureFindings, charts: tenureCharts };
export const AUDIT_REPORT: ExhibitReport = { findings: auditFindings };
export const UNMATCHED_REPORT: ExhibitReport = { findings: unmatchedFindings };
export const PAY_VS_SCHEDULE_REPORT: ExhibitReport = { findings: payVsScheduleFindings };
