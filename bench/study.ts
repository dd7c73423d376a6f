/**
 * Study benchmarks (issues 3, 5 and 8):
 * - analysis only: all exhibits for a generated 100,000-employee roster on 80 grades (≤ 200 ms);
 * - the CLI from a cold start (bench/cli.ts): --help, 100,000 rows CSV → .xlsx + JSON, and a
 *   1,048,576-row roster, Excel's row limit.
 * Medians of several runs; the big run once (it takes seconds). Run: npm run bench -- study
 */
import { generateStudyInput, parsePayPlans, parseRoster, runStudy } from "../src/engine/study";
import { AS_OF, benchCli } from "./cli";
import { median, round } from "./lib";

export async function benchStudy(options: { big?: boolean } = {}): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const input = generateStudyInput({ employees: 100_000, grades: 80, seed: 7 });
  const tables = {
    plans: { rows: input.plansTable, source: "synthetic plans" },
    roster: { rows: input.rosterTable, source: "synthetic roster" },
  };

  const parseRuns: number[] = [];
  const analysisRuns: number[] = [];
  for (let run = 0; run < 9; run++) {
    const t0 = performance.now();
    parsePayPlans(input.plansTable);
    parseRoster(input.rosterTable, { asOf: AS_OF });
    const t1 = performance.now();
    // The whole run parses the tables again: the analysis is what it takes beyond the parse.
    const result = runStudy({ asOf: AS_OF, tables });
    const t2 = performance.now() - (t1 - t0);
    const s = result.summary;
    if (s.employees + s.separated + s.unmatched !== s.rosterRows) {
      throw new Error("the synthetic study does not reconcile");
    }
    if (run >= 2) {
      parseRuns.push(t1 - t0);
      analysisRuns.push(t2 - t1);
    }
  }
  figures.analysis100k = {
    employees: 100_000,
    grades: 80,
    analysisMedianMs: round(median(analysisRuns)),
    targetMs: 200,
    parseMedianMs: round(median(parseRuns)),
    runs: analysisRuns.length,
  };

  figures.cli = await benchCli(options);
  return figures;
}

if (require.main === module) {
  benchStudy({ big: !process.argv.includes("--no-big") }).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
