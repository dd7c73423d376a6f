/**
 * Findings and chart of the settlement cost (6-7): the settlement's new money — the sum of every
 * year's total cost above today's, the exhibit's own Settlement row — and each year's cost above
 * today's split into what makes it: step movement, the schedule changes, supplemental pay, the
 * employer's loads, less what turnover saves. Read from the All block (Plan "All"), the plans'
 * blocks for where the new money goes.
 */
import type { ExhibitChart, ExhibitRow } from "../../exhibit";
import type { ExhibitReport, ExhibitView } from "./view";
import { counted, listWords, moneyWords, percentWords } from "./words";

const ALL = "All";
const SETTLEMENT = "Settlement";

/** One year of a block above year 0: the parts of its change from the base, each a sum of the block's shown cells. */
type YearParts = {
  year: number;
  change: number;
  steps: number;
  schedule: number;
  supplemental: number;
  loads: number;
  turnover: number;
};

/** A plan's block: its year rows (0, 1 …) and its Settlement row. */
function blocks(view: ExhibitView): Map<string, ExhibitRow[]> {
  return view.groups(view.rows(), "Plan");
}

/**
 * Each year's change from the base, split: Total Cost(y) − Total Cost(0) = Σ Step Cost + Σ
 * Schedule Cost over years 1 … y (the salary change) − Turnover Saving(y) + the change in
 * Supplemental Cost + the change in Load Cost. Undefined when a cell it needs is not shown.
 */
function yearParts(view: ExhibitView, rows: readonly ExhibitRow[]): YearParts[] | undefined {
  const years = rows.filter((row) => view.number(row, "Year") !== null);
  const base = years.find((row) => view.number(row, "Year") === 0);
  if (base === undefined) return undefined;
  const at = (row: ExhibitRow, column: string): number | null => view.number(row, column);
  const supplemental0 = at(base, "Supplemental Cost");
  const load0 = at(base, "Load Cost");
  if (supplemental0 === null || load0 === null) return undefined;
  const parts: YearParts[] = [];
  let steps = 0;
  let schedule = 0;
  for (const row of years) {
    const year = at(row, "Year") as number;
    if (year === 0) continue;
    const values = [
      "Change from Base",
      "Step Cost",
      "Schedule Cost",
      "Supplemental Cost",
      "Load Cost",
      "Turnover Saving",
    ].map((column) => at(row, column));
    if (values.some((value) => value === null)) return undefined;
    const [change, step, scheduleCost, supplemental, load, turnover] = values as number[];
    steps += step;
    schedule += scheduleCost;
    parts.push({
      year,
      change,
      steps,
      schedule,
      supplemental: supplemental - supplemental0,
      loads: load - load0,
      turnover,
    });
  }
  return parts;
}

/** The Settlement row's Change from Base: the new money of a block. */
function newMoney(view: ExhibitView, rows: readonly ExhibitRow[]): number | null {
  const row = rows.find((candidate) => view.text(candidate, "Year") === SETTLEMENT);
  return row === undefined ? null : view.number(row, "Change from Base");
}

function settlementFindings(view: ExhibitView): string[] {
  const all = blocks(view).get(ALL);
  if (all === undefined) return [];
  const findings: string[] = [];
  const money = newMoney(view, all);
  const parts = yearParts(view, all);
  const years = parts?.length ?? all.filter((row) => (view.number(row, "Year") ?? 0) > 0).length;
  if (money !== null)
    findings.push(
      `The settlement's new money: ${moneyWords(money)} over its ${counted(years, "year")} — each year's total cost above today's, added up, turnover and loads included.`,
    );
  const last = parts?.[parts.length - 1];
  if (last !== undefined) {
    const base = all.find((row) => view.number(row, "Year") === 0);
    const total = base === undefined ? null : view.number(base, "Total Cost");
    const share = total === null || total === 0 ? "" : ` (${percentWords(last.change / total)} more)`;
    const pieces = [
      `steps ${moneyWords(last.steps)}`,
      `the schedule ${moneyWords(last.schedule)}`,
      ...(last.supplemental !== 0 ? [`supplemental pay ${moneyWords(last.supplemental)}`] : []),
      `loads ${moneyWords(last.loads)}`,
    ];
    findings.push(
      `In year ${last.year} the total cost is ${moneyWords(last.change)} above today's${share}: ${listWords(pieces)}${last.turnover !== 0 ? `, less ${moneyWords(last.turnover)} that turnover saves` : ""}.`,
    );
  }
  const plans = [...blocks(view)]
    .filter(([plan]) => plan !== ALL)
    .flatMap(([plan, rows]) => {
      const value = newMoney(view, rows);
      return value === null ? [] : [{ plan, value }];
    })
    .sort((a, b) => b.value - a.value);
  if (plans.length > 1 && money !== null && money > 0 && plans[0].value > 0)
    findings.push(
      `The largest share of the new money is in ${plans[0].plan}: ${moneyWords(plans[0].value)} (${percentWords(plans[0].value / money)}).`,
    );
  return findings;
}

function settlementCharts(view: ExhibitView): ExhibitChart[] {
  const all = blocks(view).get(ALL);
  const parts = all === undefined ? undefined : yearParts(view, all);
  if (parts === undefined || parts.length === 0) return [];
  const series = (name: string, value: (part: YearParts) => number) => ({ name, values: parts.map(value) });
  return [
    {
      kind: "stacked",
      title: "Settlement cost by year above today's: steps, schedule and loads",
      description:
        "Each year's total cost above today's (the Change from Base), split into step movement and schedule changes since today, the change in supplemental pay and in the employer's loads, less the turnover saving (left of zero); the bars added up are the settlement's new money.",
      categoryTitle: "Year",
      categories: parts.map((part) => `Year ${part.year}`),
      // Supplemental pay and turnover only when they are part of the settlement.
      series: [
        series("Steps", (part) => part.steps),
        series("Schedule", (part) => part.schedule),
        ...(parts.some((part) => part.supplemental !== 0)
          ? [series("Supplemental pay", (part) => part.supplemental)]
          : []),
        series("Loads", (part) => part.loads),
        ...(parts.some((part) => part.turnover !== 0) ? [series("Turnover saving", (part) => -part.turnover)] : []),
      ],
      value: { kind: "money", money: "whole" },
      valueTitle: "Cost above today's",
    },
  ];
}

export const SETTLEMENT_COST_REPORT: ExhibitReport = { findings: settlementFindings, charts: settlementCharts };
