/**
 * The sample's market and labor-cost tables (issue 9), so `npm run demo` shows chapters 5 and 6:
 * - "Market": benchmark jobs matched to Portland grades, several made-up peers each, a few
 *   jobs with fewer responses than the survey minimum, figures dated at different times (one
 *   after the as-of date). Peers mostly pay less than PPS, as the study found ("the actual PPS
 *   pay plans are above the public market in most cases", 1.2); every figure is made up.
 * - "Labor Cost": the salary shares the study published (PPS 65 %, the peers' average 59.8 %,
 *   1.2); the budgets, salaries and peer names are made up to give exactly those shares.
 * - Roster column "Annual Hours" for Ed Techs (a school-year schedule, made up), so the
 *   implementation cost shows both hourly bases.
 */
import type { CellValue } from "../../src/engine/cells";
import { roundCents, roundHalfAwayFromZero } from "../../src/engine/money";
import type { PublishedGrade, SampleContext, SampleExtension } from "./types";

const PEERS = [
  "Peer District A",
  "Peer District B",
  "Peer District C",
  "Peer District D",
  "Peer District E",
  "Peer District F",
  "Peer District G",
  "Peer District H",
];

/** Benchmark jobs: the grade matched, how many peers answered, and how the market pays against PPS. */
const BENCHMARKS: readonly { job: string; plan: string; grade: string; peers: number; level: number }[] = [
  { job: "Food Service Worker", plan: "BASE Shift 1", grade: "B1-5", peers: 7, level: 0.93 },
  { job: "Cook", plan: "BASE Shift 1", grade: "B1-6", peers: 6, level: 0.95 },
  { job: "Custodian", plan: "BASE Shift 1", grade: "B1-7", peers: 8, level: 0.92 },
  { job: "School Secretary", plan: "BASE Shift 1", grade: "B1-9", peers: 7, level: 0.98 },
  { job: "Head Custodian", plan: "BASE Shift 1", grade: "B1-10", peers: 6, level: 0.94 },
  { job: "Bus Driver", plan: "BASE Shift 1", grade: "B1-11", peers: 8, level: 1.01 },
  { job: "Maintenance Mechanic", plan: "BASE Shift 1", grade: "B1-12", peers: 5, level: 1.03 },
  { job: "Electrician", plan: "BASE Shift 1", grade: "B1-13", peers: 4, level: 1.09 },
  { job: "Network Technician", plan: "BASE Shift 1", grade: "B1-14", peers: 6, level: 1.12 },
  { job: "Night Custodian", plan: "BASE Shift 2", grade: "B2-5", peers: 6, level: 0.94 },
  { job: "Ed Tech I", plan: "Ed Tech", grade: "D8", peers: 7, level: 0.9 },
  { job: "Ed Tech II", plan: "Ed Tech", grade: "D9", peers: 7, level: 0.92 },
  { job: "Ed Tech III", plan: "Ed Tech", grade: "D11", peers: 8, level: 0.95 },
  { job: "Teacher, TE1 schedule", plan: "PEA 187 Days", grade: "TE1", peers: 8, level: 0.97 },
  { job: "Teacher, TE3 schedule", plan: "PEA 187 Days", grade: "TE3", peers: 8, level: 0.94 },
  { job: "Teacher, TE5 schedule", plan: "PEA 187 Days", grade: "TE5", peers: 7, level: 0.9 },
  { job: "Guidance Counselor", plan: "PEA 197 Days", grade: "TN3", peers: 6, level: 0.96 },
  { job: "Social Worker", plan: "PEA 197 Days", grade: "TN2", peers: 3, level: 0.99 },
];

/** Effective dates of the peers' figures: most before the as-of date, some blank, one after it. */
const DATES: readonly (string | null)[] = [
  "2012-07-01",
  "2012-09-01",
  "2012-07-01",
  null,
  "2013-01-01",
  "2012-07-01",
  "2011-09-01",
  "2012-07-01",
];

function marketSheet(context: SampleContext): CellValue[][] {
  const byKey = new Map<string, PublishedGrade>(context.grades.map((g) => [`${g.plan}|${g.grade}`, g]));
  const rows: CellValue[][] = [
    ["Benchmark Job", "Plan", "Grade", "Peer", "Peer Minimum", "Peer Midpoint", "Peer Maximum", "Effective Date"],
  ];
  const jitter = (spread: number): number => 1 + (context.random() * 2 - 1) * spread;
  for (const benchmark of BENCHMARKS) {
    const grade = byKey.get(`${benchmark.plan}|${benchmark.grade}`);
    if (!grade) throw new Error(`sample market: no grade ${benchmark.plan} ${benchmark.grade}`);
    const hourly = grade.steps[grade.steps.length - 1] < 200;
    const round = (value: number): number => (hourly ? roundCents(value) : roundHalfAwayFromZero(value));
    const min = grade.steps[0];
    const max = grade.steps[grade.steps.length - 1];
    for (let p = 0; p < benchmark.peers; p++) {
      const peerMin = round(min * benchmark.level * jitter(0.05));
      const peerMax = round(Math.max(peerMin * 1.15, max * benchmark.level * jitter(0.06)));
      // About half the peers state a midpoint; the others leave it to (min + max) / 2.
      const peerMid = context.random() < 0.5 ? round((peerMin + peerMax) / 2) : null;
      // One answer dated after the sample's as-of date: shown unaged and noted.
      const date = benchmark.job === "Custodian" && p === 0 ? "2013-07-01" : DATES[p % DATES.length];
      rows.push([benchmark.job, benchmark.plan, benchmark.grade, PEERS[p], peerMin, peerMid, peerMax, date]);
    }
  }
  return rows;
}

/** Salary shares as published (Portland 2013 study, 1.2): PPS 65 %, peers 59.8 % on average. */
const LABOR: readonly [string, number, number][] = [
  ["Portland Public Schools", 95_000_000, 0.65],
  ["Peer District A", 48_000_000, 0.581],
  ["Peer District B", 62_500_000, 0.614],
  ["Peer District C", 31_000_000, 0.579],
  ["Peer District D", 120_000_000, 0.623],
  ["Peer District E", 27_500_000, 0.593],
];

const MARKET_NOTE =
  "MADE UP for the CompStudy sample — not the Portland study's survey: peers, figures and dates are invented.";
const LABOR_NOTE =
  "Salary shares as published by the Portland 2013 study (PPS 65 %, peer average 59.8 %, section 1.2); budgets, salaries and peer names are MADE UP to give those shares.";

function laborCostSheet(): CellValue[][] {
  return [
    ["Organization", "Budget", "Salaries"],
    ...LABOR.map(([organization, budget, share]): CellValue[] => [
      organization,
      budget,
      roundHalfAwayFromZero(budget * share),
    ]),
  ];
}

/** School-year hours for Ed Techs (made up: 35 hours × 36 weeks); blank for the others (2,080 × FTE). */
const ED_TECH_HOURS = 1260;

export const MARKET_SAMPLE: SampleExtension = {
  label: "market survey and labor cost (made up; PPS and peer salary shares as published)",
  rosterColumns: (context) => {
    const planColumn = context.roster[0].indexOf("Plan");
    return [
      {
        header: "Annual Hours (made up)",
        values: context.roster.slice(1).map((row) => (row[planColumn] === "Ed Tech" ? ED_TECH_HOURS : null)),
      },
    ];
  },
  sheets: (context) => [
    { name: "Market", rows: marketSheet(context), note: MARKET_NOTE, csv: "market.csv" },
    { name: "Labor Cost", rows: laborCostSheet(), note: LABOR_NOTE, csv: "labor-cost.csv" },
  ],
};
