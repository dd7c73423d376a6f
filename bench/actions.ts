/**
 * Personnel-actions benchmark (issue 10): the placements exhibit for 10,000 candidates
 * (target ≤ 100 ms) — the whole study run asked for that exhibit, Candidates table parsed
 * included — and decidePlacement alone over the parsed candidates. Grades: 80 synthetic
 * step grades, 10 pay ranges and the Portland PEA lane schedule (samples/data).
 * Run: npm run bench -- actions
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../src/engine/cells";
import {
  decidePlacement,
  generateStudyInput,
  parseCandidates,
  parseLaneTables,
  parsePayPlans,
  runStudy,
  seededRandom,
} from "../src/engine/study";
import { measure, median, round } from "./lib";

/** CPU time (user + system) of `action`: median of 7 runs after 2 warm-ups; on a shared machine it moves less than wall time. */
function cpuMedianMs(action: () => unknown): number {
  for (let i = 0; i < 2; i++) action();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = process.cpuUsage();
    action();
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000);
  }
  return round(median(runs));
}

const AS_OF = "2026-07-01";
const ROOT = path.resolve(__dirname, "..", "..", "..");
const CANDIDATES = 10_000;

const HEADER = ["Candidate", "Action", "Job Type", "Plan", "Grade", "Lane", "Years", "Other Years"];

/** Candidates over every action and job type, 2 % of them with a grade that does not exist. */
function candidatesTable(
  grades: { plan: string; grade: string; min: number; max: number }[],
  lanes: string[],
  seed = 10,
): CellValue[][] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const rows: CellValue[][] = [[...HEADER, "Current Salary", "Months Away", "Promotion %", "Requested Salary"]];
  for (let i = 0; i < CANDIDATES; i++) {
    const action = pick(["hire", "hire", "promotion", "rehire", "transfer"]);
    const teacher = random() < 0.3;
    const job = teacher ? pick(["teacher", "teacher", "nurse", "speech therapist"]) : "other";
    const { plan, grade, min, max } = teacher ? { plan: "PEA", grade: "", min: 40000, max: 60000 } : pick(grades);
    const years = Math.floor(random() * 25);
    const current = min + random() * (max - min);
    rows.push([
      `C${i + 1}`,
      action,
      job,
      plan,
      random() < 0.02 ? "NOPE" : grade,
      teacher ? pick(lanes) : null,
      years,
      job === "nurse" || job === "speech therapist" ? Math.floor(random() * 15) : null,
      current,
      action === "rehire" ? Math.floor(random() * 12) : null,
      action === "promotion" ? 0.05 : null,
      random() < 0.1 ? current * 1.1 : null,
    ]);
  }
  return rows;
}

export function benchActions(): Record<string, unknown> {
  const input = generateStudyInput({ employees: 1, grades: 80, seed: 7 });
  const ranges: CellValue[][] = Array.from({ length: 10 }, (_, r) => [
    "Ranges",
    `R${20 + r}`,
    ...Array.from({ length: 11 }, () => null),
    52000 + r * 4000,
    78000 + r * 6000,
  ]);
  const plansTable: CellValue[][] = [
    [...(input.plansTable[0] as CellValue[]), "Minimum", "Maximum"],
    ...input.plansTable.slice(1),
    ...ranges,
  ];
  const pea = fs
    .readFileSync(path.join(ROOT, "samples", "data", "portland-2013-pea-experience-197-days.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
  const lanesTable: CellValue[][] = [["Plan", ...pea[0]], ...pea.slice(1).map((cells) => ["PEA", ...cells])];
  const plans = parsePayPlans(plansTable);
  const grades = plans.plans.flatMap((plan) =>
    plan.grades.map((grade) => ({ plan: plan.name, grade: grade.grade, min: grade.min ?? 1, max: grade.max ?? 1 })),
  );
  const table = candidatesTable(grades, pea[0].slice(1));
  const tables = {
    plans: { rows: plansTable, source: "synthetic plans" },
    roster: { rows: input.rosterTable, source: "synthetic roster" },
    candidates: { rows: table, source: "synthetic candidates" },
    lanes: { rows: lanesTable, source: "PEA experience schedule" },
  };

  const runExhibit = () => runStudy({ asOf: AS_OF, tables, exhibits: ["placements"] });
  const exhibit = measure(runExhibit, (result) => {
    const rows = result.exhibits[0].rows;
    if (rows.length !== CANDIDATES) throw new Error(`placements has ${rows.length} rows for ${CANDIDATES} candidates`);
  });

  const schedules = { plans: plans.plans, lanes: parseLaneTables(lanesTable).schedules };
  const candidates = parseCandidates(table).flatMap((row) => (row.candidate ? [row.candidate] : []));
  const decideAll = () => candidates.map((candidate) => decidePlacement(schedules, candidate));
  const decide = measure(decideAll, (decisions) => {
    if (decisions.filter((d) => d.salary !== null).length < CANDIDATES * 0.9)
      throw new Error("fewer than 90 % of the bench candidates were decided");
  });
  return {
    placements10k: {
      candidates: CANDIDATES,
      medianMs: exhibit.medianMs,
      targetMs: 100,
      cpuMedianMs: cpuMedianMs(runExhibit),
      runsMs: exhibit.runsMs,
      note: "runStudy asked for the placements exhibit: the Candidates, pay-plan and lane tables parsed, every candidate decided",
    },
    decidePlacement10k: {
      candidates: candidates.length,
      medianMs: decide.medianMs,
      cpuMedianMs: cpuMedianMs(decideAll),
      runsMs: decide.runsMs,
    },
  };
}

if (require.main === module) process.stdout.write(`${JSON.stringify(benchActions(), null, 2)}\n`);
