/**
 * Small helpers for the benchmark scripts: timing with warm-up and median, a CSV writer, a
 * timed run of the built CLI in its own process, and a minimal CustomFunctions runtime so
 * the real function wrappers run under Node.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import Papa from "papaparse";
import type { CellValue } from "../src/engine/cells";

/** The repository (bench runs from dist/node/bench). */
export const ROOT = path.resolve(__dirname, "..", "..", "..");
/** The built CLI (npm run build:cli). */
export const CLI = path.join(ROOT, "dist", "node", "src", "cli", "main.js");

/** Writes a table as CSV, in slices to keep memory flat. */
export function writeCsv(file: string, table: CellValue[][]): void {
  const fd = fs.openSync(file, "w");
  try {
    // Papa.unparse quotes what needs quoting.
    for (let start = 0; start < table.length; start += 50_000) {
      const slice = table.slice(start, start + 50_000).map((row) => row.map((cell) => cell ?? ""));
      fs.writeSync(fd, Papa.unparse(slice, { newline: "\n" }) + "\n");
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** One run of a command in its own process: wall time, peak memory (for the CLI), exit status. */
export type ProcessRun = { ms: number; maxRssMiB: number; status: number | null; stdout: string; stderr: string };

/** Runs `node <script> …args` (the CLI by default) and times the whole process, start to exit. */
export function timeNode(args: string[], options: { script?: string; cwd?: string } = {}): ProcessRun {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--require", path.join(ROOT, "bench", "rss-preload.js"), options.script ?? CLI, ...args],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, cwd: options.cwd },
  );
  const ms = performance.now() - start;
  const rss = /\[bench\] maxRSS (\d+) KiB/.exec(run.stderr ?? "");
  return {
    ms,
    maxRssMiB: rss ? round(Number(rss[1]) / 1024) : NaN,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

/** Runs `action` `runs` times after one unmeasured warm-up (disk cache, JIT of the OS, not of Node). */
export function repeatRuns(runs: number, action: () => ProcessRun): ProcessRun[] {
  const warm = action();
  if (warm.status !== 0) throw new Error(`run failed: ${warm.stderr.trim()}`);
  return Array.from({ length: runs }, () => {
    const run = action();
    if (run.status !== 0) throw new Error(`run failed: ${run.stderr.trim()}`);
    return run;
  });
}

/** Median and every run of process timings, in milliseconds. */
export function processFigures(runs: readonly ProcessRun[]): { medianMs: number; runsMs: number[]; maxRssMiB: number } {
  return {
    medianMs: round(median(runs.map((run) => run.ms))),
    runsMs: runs.map((run) => round(run.ms)),
    maxRssMiB: round(median(runs.map((run) => run.maxRssMiB))),
  };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Timing of one measured action: median and each run, in milliseconds. */
export type Timing = { readonly medianMs: number; readonly runsMs: readonly number[] };

/** Runs `action` `warmups` times unmeasured, then `runs` times measured; `check` sees each result. */
export function measure<T>(action: () => T, check: (result: T) => void, runs = 7, warmups = 2): Timing {
  for (let i = 0; i < warmups; i++) check(action());
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = action();
    runsMs.push(performance.now() - start);
    check(result);
  }
  return { medianMs: round(median(runsMs)), runsMs: runsMs.map(round) };
}

/** Rounds a figure to 3 decimals for printing. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

type StubError = { readonly code: string; readonly message?: string };

/** Installs a minimal global CustomFunctions (Error + ErrorCode) when no runtime is present. */
export function installCustomFunctionsStub(): void {
  const target = globalThis as { CustomFunctions?: unknown };
  if (target.CustomFunctions !== undefined) return;
  class ExcelError implements StubError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  target.CustomFunctions = {
    Error: ExcelError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      invalidNumber: "#NUM!",
      divisionByZero: "#DIV/0!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

/**
 * A full garbage collection, so a timed step starts from a settled heap instead of paying for
 * the garbage of the step before it (what a study run in a fresh process or a fresh pane sees).
 */
export const settle: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  return () => gc();
})();
