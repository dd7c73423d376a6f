/**
 * Workforce and pay-equity benchmark (issue 11): all eight workforce and equity exhibits for a
 * generated 100,000-employee roster with gender, ethnicity, separations, positions and a
 * reference table (≤ 300 ms). The analysis is the whole run less parsing the input tables, as
 * in bench/study.ts (so it includes the placement step); beyondPlacement is what the eight
 * exhibits add to a run of the same tables with one small exhibit. Medians of several runs, each
 * timed step started on a settled heap (settle: a full collection before it).
 * Run: npm run bench -- workforce
 */
import type { CellValue } from "../src/engine/cells";
import { generateStudyInput, parsePayPlans, parseRoster, runStudy, seededRandom } from "../src/engine/study";
import { parsePositions } from "../src/engine/study/families/positions";
import { parseReference } from "../src/engine/study/families/people";
import { median, round, settle } from "./lib";

const AS_OF = "2026-07-01";
const EXHIBITS = [
  "workforce-composition",
  "hires-by-group",
  "retention",
  "separation-reasons",
  "position-control",
  "position-problems",
  "pay-equity",
  "pay-equity-by-grade",
];
const GENDERS: [string, number][] = [
  ["Female", 0.62],
  ["Male", 0.379],
  ["Nonbinary", 0.001],
];
const ETHNICITIES: [string, number][] = [
  ["White", 0.5],
  ["Hispanic or Latino", 0.25],
  ["Black or African American", 0.12],
  ["Asian", 0.07],
  ["Two or More Races", 0.04],
  ["American Indian or Alaska Native", 0.008],
  ["Native Hawaiian or Pacific Islander", 0.002],
  ["", 0.01],
];
const REASONS = ["Retirement", "Moved out of the area", "Another district", "Housing costs", "Personal reasons"];

function draw(random: () => number, weights: [string, number][]): string {
  let at = random();
  for (const [value, weight] of weights) {
    at -= weight;
    if (at < 0) return value;
  }
  return weights[weights.length - 1][0];
}

/** The generated study input with the workforce columns, a Positions and a Reference table. */
export function workforceInput(employees: number, seed = 11): Record<string, CellValue[][]> {
  const { plansTable, rosterTable } = generateStudyInput({ employees, grades: 80, seed });
  const random = seededRandom(seed + 1);
  const [header, ...rows] = rosterTable;
  const at = (name: string) => header.indexOf(name);
  const positions: CellValue[][] = [["Position ID", "Department", "Plan", "Grade", "Budgeted FTE", "Budgeted Salary"]];
  const roster: CellValue[][] = [
    [...header, "Gender", "Ethnicity", "FTE", "Position ID", "Separation Date", "Separation Reason"],
  ];
  rows.forEach((row, index) => {
    const id = `P${index}`;
    const fte = random() < 0.1 ? 0.5 : 1;
    // One in twelve left during the 2025–26 school year (the default period as of 2026-07-01).
    const left = random() < 1 / 12;
    const hired = String(row[at("Hire Date")]);
    const separation = left && hired < "2025-07-01" ? `2026-0${1 + Math.floor(random() * 6)}-15` : "";
    roster.push([
      ...row,
      draw(random, GENDERS),
      draw(random, ETHNICITIES),
      fte,
      random() < 0.03 ? "" : id,
      separation,
      separation === "" ? "" : REASONS[Math.floor(random() * REASONS.length)],
    ]);
    const salary = random() < 0.2 ? null : 50000;
    positions.push([id, `Site ${index % 40}`, row[at("Plan")], row[at("Grade")], fte, salary]);
  });
  const reference: CellValue[][] = [
    ["Dimension", "Group", "Share"],
    ["Gender", "Female", 0.49],
    ["Gender", "Male", 0.51],
    ...ETHNICITIES.filter(([name]) => name !== "").map(([name, share]): CellValue[] => ["Ethnicity", name, share]),
  ];
  return { plans: plansTable, roster, positions, reference };
}

export async function benchWorkforce(): Promise<Record<string, unknown>> {
  const input = workforceInput(100_000);
  const tables = Object.fromEntries(
    Object.entries(input).map(([id, rows]) => [id, { rows, source: `synthetic ${id}` }]),
  );
  const parseRuns: number[] = [];
  const analysisRuns: number[] = [];
  const exhibitRuns: number[] = [];
  let exhibits = 0;
  for (let run = 0; run < 11; run++) {
    settle();
    let start = performance.now();
    parsePayPlans(input.plans);
    parseRoster(input.roster, { asOf: AS_OF });
    parsePositions({ rows: input.positions, source: "" });
    parseReference({ rows: input.reference, source: "" });
    const parse = performance.now() - start;
    settle();
    start = performance.now();
    const result = runStudy({ asOf: AS_OF, tables, exhibits: EXHIBITS });
    const whole = performance.now() - start;
    exhibits = result.exhibits.length;
    const s = result.summary;
    if (exhibits !== EXHIBITS.length || s.employees + s.separated + s.unmatched !== s.rosterRows)
      throw new Error("the synthetic workforce study does not reconcile");
    settle();
    // The same parse and placement step with one small exhibit: what the eight add to it.
    start = performance.now();
    runStudy({ asOf: AS_OF, tables, exhibits: ["schedule-audit"] });
    const small = performance.now() - start;
    if (run >= 2) {
      parseRuns.push(parse);
      analysisRuns.push(whole - parse);
      exhibitRuns.push(whole - small);
    }
  }
  return {
    workforceEquity100k: {
      employees: 100_000,
      grades: 80,
      exhibits,
      analysisMedianMs: round(median(analysisRuns)),
      targetMs: 300,
      beyondPlacementMedianMs: round(median(exhibitRuns)),
      parseMedianMs: round(median(parseRuns)),
      runs: analysisRuns.length,
    },
  };
}
