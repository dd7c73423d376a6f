/**
 * Findings and charts of the market, labor-cost, structure and implementation-cost exhibits
 * (Portland 2013 study, chapters 5 and 6): the market position averages, the salary share
 * against the peers, what the proposed structure moves, and what each method costs.
 */
import { normalizeKey } from "../../cells";
import type { ExhibitChart, ExhibitRow } from "../../exhibit";
import type { ExhibitReport, ExhibitView } from "./view";
import { counted, countWords, listWords, moneyWords, percentWords, pointsWords, spanWords } from "./words";

/** A signed percentage: "+2.3 %", "−4.1 %". */
function signed(fraction: number): string {
  const text = percentWords(Math.abs(fraction));
  return text === percentWords(0) ? text : `${fraction < 0 ? "−" : "+"}${text}`;
}

/** The positions a benchmark with enough responses takes, and their names in a chart's legend. */
const POSITIONS = [
  ["below market", "Below market"],
  ["competitive", "Competitive"],
  ["above market", "Above market"],
] as const;

/** Benchmark rows with a position (enough responses) and a midpoint differential. */
function benchmarks(view: ExhibitView): ExhibitRow[] {
  return view
    .rows("detail")
    .filter(
      (row) =>
        view.number(row, "Midpoint Differential") !== null &&
        POSITIONS.some(([position]) => view.text(row, "Position") === position),
    );
}

/** Findings of 5-1: the average position, the count of each position, the furthest below the market. */
export function marketFindings(view: ExhibitView): string[] {
  const findings: string[] = [];
  const all = view.rows("grand-total")[0];
  const counted_ = benchmarks(view);
  const mid = all === undefined ? null : view.number(all, "Midpoint Differential");
  if (all !== undefined && mid !== null) {
    const min = view.number(all, "Minimum Differential");
    const max = view.number(all, "Maximum Differential");
    const position = view.text(all, "Position");
    findings.push(
      `Across the ${counted(counted_.length, "benchmark job")} with enough responses, the average midpoint differential is ${signed(mid)}${min !== null && max !== null ? ` (${signed(min)} at the minimums, ${signed(max)} at the maximums)` : ""}: on average the grades are ${position === "competitive" ? "competitive with the market" : position}.`,
    );
  }
  const by = (position: string) => counted_.filter((row) => view.text(row, "Position") === position);
  const below = by("below market");
  const parts = [
    [below.length, "below market"],
    [by("competitive").length, "competitive"],
    [by("above market").length, "above market"],
  ].map(([n, words]) => `${countWords(n as number)} ${words}`);
  if (counted_.length > 0) findings.push(`By position: ${listWords(parts)}.`);
  const thin = view.rows("detail").length - counted_.length;
  if (thin > 0)
    findings.push(
      `${counted(thin, "benchmark job")} ${thin === 1 ? "has" : "have"} too few responses and ${thin === 1 ? "is" : "are"} left out of the averages.`,
    );
  if (below.length > 0) {
    const furthest = [...below].sort(
      (a, b) =>
        Math.abs(view.number(b, "Midpoint Differential") as number) -
        Math.abs(view.number(a, "Midpoint Differential") as number),
    )[0];
    findings.push(
      `The furthest below the market: ${view.text(furthest, "Benchmark Job")} (${view.text(furthest, "Plan")} ${view.text(furthest, "Grade")}), midpoint differential ${signed(view.number(furthest, "Midpoint Differential") as number)}.`,
    );
  }
  return findings;
}

/** 5-1's chart: each benchmark's midpoint differential, coloured by its position, against the competitive band. */
export function marketCharts(view: ExhibitView, tolerance: number): ExhibitChart[] {
  const rows = benchmarks(view);
  if (rows.length === 0) return [];
  const names = rows.map((row) => view.text(row, "Benchmark Job"));
  const repeated = new Set(names.filter((name, at) => names.indexOf(name) !== at));
  return [
    {
      kind: "stacked",
      title: "Market position of each benchmark job (midpoint differential)",
      description: `Each benchmark job's midpoint against the market midpoint; the shaded band is the competitive range, within ±${percentWords(tolerance)} of the market.`,
      categoryTitle: "Benchmark job",
      categories: rows.map((row, at) =>
        repeated.has(names[at]) ? `${names[at]} (${view.text(row, "Grade")})` : names[at],
      ),
      series: POSITIONS.map(([position, name]) => ({
        name,
        values: rows.map((row) =>
          view.text(row, "Position") === position ? view.number(row, "Midpoint Differential") : null,
        ),
      })),
      value: { kind: "percent" },
      valueTitle: "Midpoint differential",
      band: { from: -tolerance, to: tolerance, label: `Competitive (±${percentWords(tolerance)})` },
    },
  ];
}

/** Findings of 5-2: the organisation's salary share against its peers' average. */
export function laborCostFindings(view: ExhibitView, organization: string | undefined): string[] {
  const rows = view.rows("detail");
  const self =
    (organization === undefined || organization === ""
      ? undefined
      : rows.find((row) => normalizeKey(view.text(row, "Organization")) === normalizeKey(organization))) ?? rows[0];
  const share = self === undefined ? null : view.number(self, "Salary Share");
  if (self === undefined || share === null) return [];
  const name = view.text(self, "Organization");
  const average = view.rows("total")[0];
  const peers = average === undefined ? null : view.number(average, "Salary Share");
  if (peers === null) return [`${name} spends ${percentWords(share)} of its budget on salaries.`];
  const difference = share - peers;
  return [
    `${name} spends ${percentWords(share)} of its budget on salaries; its ${counted(rows.length - 1, "peer")} average ${percentWords(peers)}: ${pointsWords(difference)} ${difference >= 0 ? "more" : "less"}.`,
  ];
}

/** Findings of 6-1: how far the proposed structure moves the ranges, on average and by plan. */
export function comparisonFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  const findings: string[] = [];
  const change = (row: ExhibitRow, name: string) => view.number(row, name);
  if (all !== undefined) {
    const mid = change(all, "Midpoint Change");
    const min = change(all, "Minimum Change");
    const max = change(all, "Maximum Change");
    if (mid !== null)
      findings.push(
        `The proposed structure moves midpoints by ${signed(mid)} on average${min !== null && max !== null ? ` (minimums ${signed(min)}, maximums ${signed(max)})` : ""}.`,
      );
  }
  const plans = view.rows("total").flatMap((row) => {
    const mid = change(row, "Midpoint Change");
    return mid === null ? [] : [{ label: view.text(row, "Plan"), value: mid }];
  });
  const span = spanWords(plans, signed);
  if (span !== undefined) findings.push(`By plan, ${span}.`);
  return findings;
}

/** Findings of 6-2: the annual cost of the first method, who is raised and red-circled, the costliest plan. */
export function implementationFindings(view: ExhibitView): string[] {
  const all = view.rows("grand-total")[0];
  if (all === undefined) return [];
  const cost = view.number(all, "Annual Cost");
  const employees = view.number(all, "Employees");
  const adjusted = view.number(all, "Adjusted");
  const red = view.number(all, "Red-Circled");
  const increase = view.number(all, "Average Increase");
  if (cost === null || employees === null) return [];
  const findings = [
    `Moving the ${counted(employees, "employee")} to the proposed structure costs ${moneyWords(cost)} a year${adjusted === null ? "" : `: ${counted(adjusted, "employee")} raised${increase === null ? "" : ` (by ${percentWords(increase)} on average)`}`}${red === null ? "" : `, ${countWords(red)} red-circled above the new maximum`}.`,
  ];
  const plans = view
    .rows("total")
    .flatMap((row) => {
      const planCost = view.number(row, "Annual Cost");
      return planCost === null ? [] : [{ plan: view.text(row, "Plan"), cost: planCost }];
    })
    .sort((a, b) => b.cost - a.cost);
  if (plans.length > 1 && cost > 0 && plans[0].cost > 0)
    findings.push(
      `The largest share of the cost is in ${plans[0].plan}: ${moneyWords(plans[0].cost)} (${percentWords(plans[0].cost / cost)}).`,
    );
  return findings;
}

/** Findings of 6-3: how many of the employees costed get an increase. */
export function detailFindings(view: ExhibitView): string[] {
  const rows = view.rows("detail");
  if (rows.length === 0) return [];
  const raised = rows.filter((row) => (view.number(row, "Increase") ?? 0) > 0).length;
  return [
    `${counted(raised, "employee")} of the ${countWords(rows.length)} costed ${raised === 1 ? "gets" : "get"} an increase; ${rows.length - raised === 1 ? "the other keeps" : "the others keep"} their pay.`,
  ];
}

/** Findings of 6-4: the cost of each method, and the difference between the least and most costly. */
export function optionsFindings(view: ExhibitView): string[] {
  const methods = view.rows("detail").flatMap((row) => {
    const cost = view.number(row, "Annual Cost");
    return cost === null ? [] : [{ method: view.text(row, "Method"), cost, adjusted: view.number(row, "Adjusted") }];
  });
  if (methods.length === 0) return [];
  const findings = [
    `The cost of each method, a year: ${listWords(
      methods.map(
        (m) =>
          `${m.method} ${moneyWords(m.cost)}${m.adjusted === null ? "" : ` (${counted(m.adjusted, "employee")} raised)`}`,
      ),
    )}.`,
  ];
  if (methods.length > 1) {
    const sorted = [...methods].sort((a, b) => a.cost - b.cost);
    const low = sorted[0];
    const high = sorted[sorted.length - 1];
    if (high.cost > low.cost)
      findings.push(
        `The least costly method, ${low.method}, costs ${moneyWords(high.cost - low.cost)} a year less than the most costly, ${high.method}.`,
      );
  }
  return findings;
}

/** 6-4's chart: the annual cost of each method (and with the load, when one is given). */
export function optionsCharts(view: ExhibitView): ExhibitChart[] {
  const rows = view.rows("detail").filter((row) => view.number(row, "Annual Cost") !== null);
  if (rows.length === 0) return [];
  const loaded = rows.some((row) => view.number(row, "Annual Cost with Load") !== view.number(row, "Annual Cost"));
  return [
    {
      kind: "bar",
      title: "Annual cost of each implementation method",
      description: loaded
        ? "What moving to the proposed structure costs a year by each method, without and with the payroll load."
        : "What moving to the proposed structure costs a year by each method.",
      categoryTitle: "Method",
      categories: rows.map((row) => view.text(row, "Method")),
      series: [
        { name: "Annual cost", values: rows.map((row) => view.number(row, "Annual Cost")) },
        ...(loaded
          ? [{ name: "Annual cost with load", values: rows.map((row) => view.number(row, "Annual Cost with Load")) }]
          : []),
      ],
      value: { kind: "money", money: "whole" },
      valueTitle: "Annual cost",
    },
  ];
}

export const COMPARISON_REPORT: ExhibitReport = { findings: comparisonFindings };
export const IMPLEMENTATION_REPORT: ExhibitReport = { findings: implementationFindings };
export const DETAIL_REPORT: ExhibitReport = { findings: detailFindings };
export const OPTIONS_REPORT: ExhibitReport = { findings: optionsFindings, charts: optionsCharts };
