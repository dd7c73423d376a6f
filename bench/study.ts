/**
 * Study benchmarks (issue 3 and issue 5):
 * - analysis only: all exhibits for a generated 100,000-employee roster on 80 grades (≤ 200 ms);
 * - the whole CLI run from CSV to .xlsx + JSON for that roster (≤ 5 s);
 * - the CLI on a 1,048,576-row roster, Excel's row limit (≤ 30 s, peak memory ≤ 2 GB).
 * Medians of several runs; the big run once (it takes seconds). Run: npm run bench -- study
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import { generateStudyInput, parsePayPlans, parseRoster, runStudy } from "../src/engine/study";
import type { CellValue } from "../src/engine/cells";
import { median, round } from "./lib";

const AS_OF = "2026-07-01";
const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "node", "src", "cli", "main.js");

function writeCsv(file: string, table: CellValue[][]): void {
  const fd = fs.openSync(file, "w");
  try {
    // Papa.unparse quotes what needs quoting; write in slices to keep memory flat.
    for (let start = 0; start < table.length; start += 50_000) {
      const slice = table.slice(start, start + 50_000).map((row) => row.map((cell) => cell ?? ""));
      fs.writeSync(fd, Papa.unparse(slice, { newline: "\n" }) + "\n");
    }
  } finally {
    fs.closeSync(fd);
  }
}

function timeCli(args: string[]): { ms: number; maxRssMiB: number; status: number | null; stderr: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", path.join(ROOT, "bench", "rss-preload.js"), CLI, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const rss = /\[bench\] maxRSS (\d+) KiB/.exec(run.stderr ?? "");
  return { ms, maxRssMiB: rss ? round(Number(rss[1]) / 1024) : NaN, status: run.status, stderr: run.stderr };
}

/** `compstudy exhibits` over two CSVs of `dir`, writing `<out>.xlsx` and `<out>.json` there. */
function exhibitsArgs(dir: string, plans: string, roster: string, out: string): string[] {
  const at = (file: string): string => path.join(dir, file);
  return [
    "exhibits",
    "--plans",
    at(plans),
    "--roster",
    at(roster),
    "--as-of",
    AS_OF,
    "--out",
    at(`${out}.xlsx`),
    "--json",
    at(`${out}.json`),
    "--quiet",
  ];
}

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

  if (!fs.existsSync(CLI)) {
    figures.cli = "skipped: run `npm run build:cli` first";
    return figures;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-bench-"));
  try {
    writeCsv(path.join(dir, "plans.csv"), input.plansTable);
    writeCsv(path.join(dir, "roster.csv"), input.rosterTable);
    const args = exhibitsArgs(dir, "plans.csv", "roster.csv", "exhibits");
    const runs = [0, 1, 2, 3, 4].map(() => timeCli(args));
    const failed = runs.find((run) => run.status !== 0);
    if (failed) throw new Error(`CLI run failed: ${failed.stderr.trim()}`);
    figures.cli100kCsvToXlsxJson = {
      employees: 100_000,
      medianMs: round(median(runs.map((run) => run.ms))),
      targetMs: 5000,
      maxRssMiB: median(runs.map((run) => run.maxRssMiB)),
      runs: runs.length,
    };

    if (options.big !== false) {
      const big = generateStudyInput({ employees: 1_048_575, grades: 80, seed: 11 });
      writeCsv(path.join(dir, "big-roster.csv"), big.rosterTable);
      writeCsv(path.join(dir, "big-plans.csv"), big.plansTable);
      const rows = big.rosterTable.length;
      const run = timeCli(exhibitsArgs(dir, "big-plans.csv", "big-roster.csv", "big"));
      if (run.status !== 0) throw new Error(`1,048,576-row CLI run failed: ${run.stderr.trim()}`);
      figures.cliExcelLimitRoster = {
        sheetRows: rows,
        ms: round(run.ms),
        targetMs: 30_000,
        maxRssMiB: run.maxRssMiB,
        targetMaxRssMiB: 2048,
        runs: 1,
      };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
