/**
 * Market and implementation-cost benchmarks (issue 9):
 * - market-summary for 2,000 benchmark jobs × 20 peers (a 40,000-row Market table) on 80 grades
 *   (≤ 50 ms), including reading the Market table;
 * - the implementation cost, three methods, for 100,000 employees on a structure adjusted 3 %
 *   (≤ 300 ms analysis): exhibits 6-2 and 6-4, and the same with the 100,000-row detail 6-3.
 * Each figure is a run building the exhibits minus a run of the same inputs building only the
 * schedule audit (which parses the plans and roster and places the roster, as every run does):
 * what the analysis adds. Medians after warm-up. Run: npm run bench -- market
 */
import type { CellValue } from "../src/engine/cells";
import { roundCents, roundHalfAwayFromZero } from "../src/engine/money";
import { generateStudyInput, runStudy, seededRandom, type StudyRequest } from "../src/engine/study";
import { median, round } from "./lib";

const AS_OF = "2026-07-01";
const BASELINE = ["schedule-audit"];

/** A Market table: `jobs` benchmark jobs spread over the plans' grades, `peers` answers each, half of them dated. */
export function generateMarket(
  plansTable: readonly (readonly CellValue[])[],
  jobs: number,
  peers: number,
): CellValue[][] {
  const random = seededRandom(5);
  const grades = plansTable.slice(1);
  const rows: CellValue[][] = [
    ["Benchmark Job", "Plan", "Grade", "Peer", "Peer Minimum", "Peer Midpoint", "Peer Maximum", "Effective Date"],
  ];
  for (let j = 0; j < jobs; j++) {
    const grade = grades[j % grades.length];
    const steps = grade.slice(2) as number[];
    const hourly = steps[steps.length - 1] < 200;
    const money = (value: number): number => (hourly ? roundCents(value) : roundHalfAwayFromZero(value));
    for (let p = 0; p < peers; p++) {
      const level = 0.9 + random() * 0.2;
      const min = money(steps[0] * level);
      const max = money(steps[steps.length - 1] * level);
      rows.push([
        `Job ${j + 1}`,
        grade[0],
        grade[1],
        `Peer ${p + 1}`,
        min,
        p % 3 === 0 ? money((min + max) / 2) : null,
        max,
        p % 2 === 0 ? `2025-${String(1 + (p % 12)).padStart(2, "0")}-01` : null,
      ]);
    }
  }
  return rows;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Medians of (a run building `exhibits` − a baseline run) over `runs` measured runs after 2
 * warm-ups: wall time, and this process's CPU time (less inflated when others share the machine;
 * it includes the garbage collector's helper threads).
 */
function analysisTime(request: Omit<StudyRequest, "exhibits">, exhibits: string[], runs: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const totals: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    runStudy({ ...request, exhibits: BASELINE });
    const t1 = performance.now();
    const c1 = cpuMs();
    const result = runStudy({ ...request, exhibits });
    const t2 = performance.now();
    const c2 = cpuMs();
    if (result.exhibits.length !== exhibits.length) throw new Error("the bench study did not build its exhibits");
    if (run >= 2) {
      wall.push(t2 - t1 - (t1 - t0));
      cpu.push(c2 - c1 - (c1 - c0));
      totals.push(t2 - t1);
    }
  }
  return {
    analysisMedianMs: round(median(wall)),
    analysisCpuMedianMs: round(median(cpu)),
    runMedianMs: round(median(totals)),
    runs,
  };
}

export async function benchMarket(): Promise<Record<string, unknown>> {
  const small = generateStudyInput({ employees: 1_000, grades: 80, seed: 3 });
  const market = generateMarket(small.plansTable, 2_000, 20);
  const marketFigures = analysisTime(
    {
      asOf: AS_OF,
      tables: {
        plans: { rows: small.plansTable, source: "synthetic plans" },
        roster: { rows: small.rosterTable, source: "synthetic roster" },
        market: { rows: market, source: "synthetic market" },
      },
    },
    ["market-summary"],
    9,
  );

  const big = generateStudyInput({ employees: 100_000, grades: 80, seed: 7 });
  const costRequest = {
    asOf: AS_OF,
    tables: {
      plans: { rows: big.plansTable, source: "synthetic plans" },
      roster: { rows: big.rosterTable, source: "synthetic roster" },
    },
    options: { adjust: "3%" },
  };
  // Every employee costed by all three methods, summed per grade and per method (6-2 and 6-4).
  const costFigures = analysisTime(costRequest, ["implementation-cost", "implementation-options"], 7);
  // The same with the 100,000-row detail exhibit (6-3): one row per employee.
  const withDetail = analysisTime(
    costRequest,
    ["implementation-cost", "implementation-detail", "implementation-options"],
    7,
  );
  return {
    marketSummary: { benchmarks: 2_000, peers: 20, marketRows: market.length - 1, targetMs: 50, ...marketFigures },
    implementationCost: { employees: 100_000, methods: 3, targetMs: 300, ...costFigures },
    implementationCostWithDetail: { employees: 100_000, methods: 3, detailRows: 100_000, ...withDetail },
  };
}

if (require.main === module) {
  benchMarket().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
