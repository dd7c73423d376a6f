/**
 * The CLI from a cold start, each run a new process timed from start to exit (issue 8, §8):
 * - `compstudy --help` (≤ 0.25 s), beside a bare `node` start for scale;
 * - a 100,000-row CSV roster → .xlsx + JSON (≤ 0.8 s median);
 * - a 1,048,576-row CSV (Excel's row limit: a header and 1,048,575 employees) → .xlsx + JSON
 *   (≤ 6 s, peak memory ≤ 1 GB), once.
 * Medians of several runs after one warm-up. Run: npm run bench -- study
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateStudyInput } from "../src/engine/study";
import { CLI, ROOT, processFigures, repeatRuns, round, timeNode, writeCsv } from "./lib";

export const AS_OF = "2026-07-01";

/** `compstudy exhibits` over two CSVs of `dir`, writing `<out>.xlsx` and `<out>.json` there. */
export function exhibitsArgs(dir: string, plans: string, roster: string, out: string): string[] {
  const at = (file: string): string => path.join(dir, file);
  return [
    "exhibits",
    ...["--plans", at(plans), "--roster", at(roster), "--as-of", AS_OF],
    ...["--out", at(`${out}.xlsx`), "--json", at(`${out}.json`), "--quiet"],
  ];
}

/** The generated 100,000-employee study on 80 grades, as two CSVs in `dir` (the bench's standard input). */
export function write100k(dir: string): { plans: string; roster: string } {
  const input = generateStudyInput({ employees: 100_000, grades: 80, seed: 7 });
  writeCsv(path.join(dir, "plans.csv"), input.plansTable);
  writeCsv(path.join(dir, "roster.csv"), input.rosterTable);
  return { plans: "plans.csv", roster: "roster.csv" };
}

export async function benchCli(options: { big?: boolean } = {}): Promise<Record<string, unknown>> {
  if (!fs.existsSync(CLI)) return { skipped: "run `npm run build:cli` first" };
  const figures: Record<string, unknown> = { loadAverageAtStart: os.loadavg().map(round) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-bench-"));
  try {
    const empty = path.join(dir, "empty.js");
    fs.writeFileSync(empty, "");
    const bin = path.join(ROOT, "bin", "compstudy.js");
    figures.help = {
      ...processFigures(repeatRuns(9, () => timeNode(["--help"], { script: bin }))),
      targetMs: 250,
      bareNodeStartMedianMs: processFigures(repeatRuns(9, () => timeNode([], { script: empty }))).medianMs,
    };

    const { plans, roster } = write100k(dir);
    figures.cli100kCsvToXlsxJson = {
      employees: 100_000,
      ...processFigures(repeatRuns(7, () => timeNode(exhibitsArgs(dir, plans, roster, "exhibits")))),
      targetMs: 800,
    };

    if (options.big !== false) {
      const big = generateStudyInput({ employees: 1_048_575, grades: 80, seed: 11 });
      writeCsv(path.join(dir, "big-roster.csv"), big.rosterTable);
      writeCsv(path.join(dir, "big-plans.csv"), big.plansTable);
      const run = timeNode(exhibitsArgs(dir, "big-plans.csv", "big-roster.csv", "big"));
      if (run.status !== 0) throw new Error(`1,048,576-row CLI run failed: ${run.stderr.trim()}`);
      figures.cliExcelLimitRoster = {
        sheetRows: big.rosterTable.length,
        ms: round(run.ms),
        targetMs: 6000,
        maxRssMiB: run.maxRssMiB,
        targetMaxRssMiB: 1024,
        runs: 1,
      };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  figures.loadAverageAtEnd = os.loadavg().map(round);
  return figures;
}

if (require.main === module) {
  benchCli({ big: !process.argv.includes("--no-big") }).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
