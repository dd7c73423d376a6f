/**
 * Findings and charts of the supplemental-pay exhibits (HISD compensation manual, sections V–VI:
 * stipends and longevity): what they cost a year and their share of total pay, by stipend
 * category and longevity (9-1) and by plan (9-2), written from each exhibit's shown rows.
 */
import type { ExhibitChart, ExhibitRow } from "../../exhibit";
import type { ExhibitReport, ExhibitView } from "./view";
import { capitalised, counted, listWords, moneyWords, percentWords, spanWords } from "./words";

/** The rows of 9-1 that total a part of the exhibit (Category "Stipends" or "Longevity", Code "Total"). */
function partTotal(view: ExhibitView, category: string): ExhibitRow | undefined {
  return view.rows("total").find((row) => view.text(row, "Category") === category);
}

/** 9-1's stipend categories (their Total rows), in the exhibit's order. */
function categoryTotals(view: ExhibitView): ExhibitRow[] {
  return view
    .rows("total")
    .filter((row) => !["Stipends", "Longevity"].includes(view.text(row, "Category")))
    .filter((row) => view.number(row, "Annual Cost") !== null);
}

/** "$676,558 for 438 employees" ("$676,558 a year for 438 employees" when `yearly`). */
function costFor(view: ExhibitView, row: ExhibitRow, yearly = false): string {
  const employees = view.number(row, "Employees");
  const cost = `${moneyWords(view.number(row, "Annual Cost") ?? 0)}${yearly ? " a year" : ""}`;
  return employees === null ? cost : `${cost} for ${counted(employees, "employee")}`;
}

/** Findings of 9-1: the cost and share of the whole, of each part, and the costliest stipend category. */
function supplementalPayFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  const cost = all === undefined ? null : view.number(all, "Annual Cost");
  if (all === undefined || cost === null) return [];
  const findings: string[] = [];
  const stipends = partTotal(view, "Stipends");
  const longevity = partTotal(view, "Longevity");
  const what = listWords([stipends ? "stipends" : "", longevity ? "longevity" : ""].filter((part) => part !== ""));
  const share = view.number(all, "Share of Total Pay");
  findings.push(
    `${capitalised(what)} cost ${costFor(view, all, true)}${share === null ? "" : `, ${percentWords(share)} of total pay`}.`,
  );
  if (stipends && longevity)
    findings.push(`Stipends: ${costFor(view, stipends)}; longevity: ${costFor(view, longevity)}.`);
  const categories = categoryTotals(view);
  if (categories.length > 1) {
    const costliest = [...categories].sort(
      (a, b) => (view.number(b, "Annual Cost") as number) - (view.number(a, "Annual Cost") as number),
    )[0];
    findings.push(
      `The costliest stipend category is ${view.text(costliest, "Category")}: ${costFor(view, costliest)}.`,
    );
  }
  return findings;
}

/** 9-1's chart: the annual cost of each stipend category and of longevity. */
function supplementalPayCharts(view: ExhibitView): ExhibitChart[] {
  const rows = [...categoryTotals(view), partTotal(view, "Longevity")].filter(
    (row): row is ExhibitRow => row !== undefined && view.number(row, "Annual Cost") !== null,
  );
  if (rows.length < 2) return [];
  return [
    {
      kind: "bar",
      title: "Annual cost of each stipend category and of longevity",
      description: "What each category of stipends, and longevity, costs a year.",
      categoryTitle: "Category",
      categories: rows.map((row) => view.text(row, "Category")),
      series: [{ name: "Annual cost", values: rows.map((row) => view.number(row, "Annual Cost")) }],
      value: { kind: "money", money: "whole" },
      valueTitle: "Annual cost",
    },
  ];
}

/** 9-2's plan rows (Total rows) with a supplemental share. */
function planTotals(view: ExhibitView): ExhibitRow[] {
  return view.rows("total").filter((row) => view.number(row, "Supplemental %") !== null);
}

/** Findings of 9-2: the supplemental share of everyone's total pay, and its range across the plans. */
function totalPayFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  const share = all === undefined ? null : view.number(all, "Supplemental %");
  const total = all === undefined ? null : view.number(all, "Total Pay");
  const employees = all === undefined ? null : view.number(all, "Employees");
  if (share === null || total === null) return [];
  const findings = [
    `Stipends and longevity are ${percentWords(share)} of the total pay of ${employees === null ? "the employees" : counted(employees, "employee")} (${moneyWords(total)} a year).`,
  ];
  const span = spanWords(
    planTotals(view).map((row) => ({
      label: view.text(row, "Plan"),
      value: view.number(row, "Supplemental %") as number,
    })),
    (value) => percentWords(value),
  );
  if (span !== undefined) findings.push(`By plan, the share runs ${span}.`);
  return findings;
}

/** 9-2's chart: each plan's stipends and longevity, stacked. */
function totalPayCharts(view: ExhibitView): ExhibitChart[] {
  const plans = planTotals(view);
  if (plans.length === 0) return [];
  return [
    {
      kind: "stacked",
      title: "Stipends and longevity of each plan",
      description: "What each plan's employees receive a year in stipends and in longevity, stacked.",
      categoryTitle: "Plan",
      categories: plans.map((row) => view.text(row, "Plan")),
      series: [
        { name: "Stipends", values: plans.map((row) => view.number(row, "Stipends")) },
        { name: "Longevity", values: plans.map((row) => view.number(row, "Longevity")) },
      ],
      value: { kind: "money", money: "whole" },
      valueTitle: "Annual cost",
    },
  ];
}

/** Findings of 9-3: how many rows were not counted (or that every one was). */
function problemsFindings(view: ExhibitView): string[] {
  const n = view.rows().length;
  return [
    n === 0
      ? "Every stipend, longevity and assignment row was counted, and every employee's longevity read."
      : `${counted(n, "supplemental pay problem")} to review, each listed with the reason.`,
  ];
}

export const SUPPLEMENTAL_PAY_REPORT: ExhibitReport = {
  findings: supplementalPayFindings,
  charts: supplementalPayCharts,
};

export const TOTAL_PAY_REPORT: ExhibitReport = { findings: totalPayFindings, charts: totalPayCharts };

export const SUPPLEMENTAL_PROBLEMS_REPORT: ExhibitReport = { findings: problemsFindings };
