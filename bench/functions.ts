/**
 * Benchmark of the COMP functions through the real wrappers (src/functions), as Excel calls
 * them: 2-D arrays in, 2-D arrays out. Prints JSON figures, median of 7 runs after 2 warm-ups,
 * each beside a bare loop over the same Float64Array measured in the same run.
 * Targets (issue 2): PAYSTEP array form 1,000,000 lookups ≤ 150 ms; PAYSTEP scalar form
 * 100,000 calls each passing the same 80 × 12 schedule ≤ 300 ms; QUARTILE_PLACE over
 * 1,000,000 salaries ≤ 50 ms.
 *
 * Run alone: npx tsc -p tsconfig.cli.json && node dist/node/bench/functions.js
 */
import { PAYSTEP, QUARTILE_PLACE } from "../src/functions/functions";
import { quartilePlace } from "../src/engine/range";
import { seededRandom } from "../src/engine/study/synthetic";
import { installCustomFunctionsStub, measure, round } from "./lib";

const GRADES = 80;
const STEPS = 11;
const LOOKUPS = 1_000_000;
const SCALAR_CALLS = 100_000;
const SALARIES = 1_000_000;

/** An 80-grade pay plan: grade key + 11 steps (80 × 12 cells), pay as Excel hands it over. */
function schedule(): unknown[][] {
  const rows: unknown[][] = [];
  for (let g = 0; g < GRADES; g++) {
    const row: unknown[] = [`G${g + 1}`];
    for (let s = 0; s < STEPS; s++) row.push(Math.round((30000 + g * 1500) * Math.pow(1.03, s) * 100) / 100);
    rows.push(row);
  }
  return rows;
}

/** Sum over a typed array: the bare-loop baseline. */
function bareLoop(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

function expectColumn(result: unknown[][], rows: number): void {
  if (result.length !== rows || typeof result[0][0] !== "number") throw new Error("unexpected benchmark result");
}

const ratio = (a: number, b: number): number => round(a / Math.max(b, 0.001));

/** PAYSTEP, array form: one call, 1,000,000 grade/step pairs (steps 1–13: past the top freezes). */
function benchPaystepArray(next: () => number): Record<string, unknown> {
  const plan = schedule();
  const stepValues = new Float64Array(LOOKUPS);
  const gradeColumn: unknown[][] = new Array(LOOKUPS);
  const stepColumn: unknown[][] = new Array(LOOKUPS);
  for (let i = 0; i < LOOKUPS; i++) {
    stepValues[i] = 1 + Math.floor(next() * (STEPS + 2));
    gradeColumn[i] = [`G${1 + Math.floor(next() * GRADES)}`];
    stepColumn[i] = [stepValues[i]];
  }
  const bare = measure(
    () => bareLoop(stepValues),
    () => undefined,
  );
  const timing = measure(
    () => PAYSTEP(plan, gradeColumn, stepColumn),
    (r) => expectColumn(r, LOOKUPS),
  );
  return {
    lookups: LOOKUPS,
    grades: GRADES,
    medianMs: timing.medianMs,
    targetMs: 150,
    bareLoopMs: bare.medianMs,
    ratioToBareLoop: ratio(timing.medianMs, bare.medianMs),
    runsMs: timing.runsMs,
  };
}

/**
 * PAYSTEP, scalar form: 100,000 calls, each passing the whole 80 × 12 schedule. Measured as
 * the same array object every call (the cache's identity level), and as a fresh copy per call,
 * the way Excel hands each call its own arrays (content level: sample hash, then confirmed cell
 * by cell); the copying itself is measured alone and reported beside it.
 */
function benchPaystepScalar(): Record<string, unknown> {
  const plan = schedule();
  const grades = Array.from({ length: SCALAR_CALLS }, (_, i) => [[`G${1 + (i % GRADES)}`]]);
  const steps = Array.from({ length: SCALAR_CALLS }, (_, i) => [[1 + (i % STEPS)]]);
  const stepValues = new Float64Array(SCALAR_CALLS).map((_, i) => 1 + (i % STEPS));
  const positive = (sum: number): void => {
    if (!(sum > 0)) throw new Error("unexpected benchmark result");
  };
  const copy = (): unknown[][] => plan.map((row) => row.slice());
  const bare = measure(
    () => bareLoop(stepValues),
    () => undefined,
  );
  const same = measure(() => {
    let sum = 0;
    for (let i = 0; i < SCALAR_CALLS; i++) sum += PAYSTEP(plan, grades[i], steps[i])[0][0] as number;
    return sum;
  }, positive);
  const copying = measure(() => {
    let sum = 0;
    for (let i = 0; i < SCALAR_CALLS; i++) sum += copy().length;
    return sum;
  }, positive);
  const fresh = measure(() => {
    let sum = 0;
    for (let i = 0; i < SCALAR_CALLS; i++) sum += PAYSTEP(copy(), grades[i], steps[i])[0][0] as number;
    return sum;
  }, positive);
  return {
    calls: SCALAR_CALLS,
    scheduleCells: `${GRADES} x ${STEPS + 1}`,
    medianMs: same.medianMs,
    targetMs: 300,
    bareLoopMs: bare.medianMs,
    ratioToBareLoop: ratio(same.medianMs, bare.medianMs),
    runsMs: same.runsMs,
    freshCopyPerCallMedianMs: fresh.medianMs,
    copyingAloneMedianMs: copying.medianMs,
    freshCopyRatioToBareLoop: ratio(fresh.medianMs, bare.medianMs),
  };
}

/** QUARTILE_PLACE over 1,000,000 salaries against one range (a scalar min and max). */
function benchQuartilePlace(next: () => number): Record<string, unknown> {
  const salaryValues = new Float64Array(SALARIES);
  const salaryColumn: unknown[][] = new Array(SALARIES);
  for (let i = 0; i < SALARIES; i++) {
    salaryValues[i] = Math.round((35000 + next() * 60000) * 100) / 100;
    salaryColumn[i] = [salaryValues[i]];
  }
  const bare = measure(
    () => bareLoop(salaryValues),
    () => undefined,
  );
  // The engine rule in a hand-written loop building the same 2-D result: the wrapper's
  // coercion and broadcasting cost the difference.
  const direct = measure(
    () => {
      const out: number[][] = new Array(SALARIES);
      for (let i = 0; i < SALARIES; i++) out[i] = [quartilePlace(salaryColumn[i][0] as number, 40000, 90000)];
      return out;
    },
    (r) => expectColumn(r, SALARIES),
  );
  const timing = measure(
    () => QUARTILE_PLACE(salaryColumn, [[40000]], [[90000]], null as unknown as unknown[][]),
    (r) => expectColumn(r, SALARIES),
  );
  return {
    salaries: SALARIES,
    medianMs: timing.medianMs,
    targetMs: 50,
    bareLoopMs: bare.medianMs,
    ratioToBareLoop: ratio(timing.medianMs, bare.medianMs),
    runsMs: timing.runsMs,
    engineInHandWrittenLoopMs: direct.medianMs,
  };
}

/** Runs the benchmarks (each on its own data, released before the next) and returns the figures. */
export async function benchFunctions(): Promise<Record<string, unknown>> {
  installCustomFunctionsStub();
  const next = seededRandom(20130501);
  const os = await import("node:os");
  return {
    machine: { node: process.version, cpus: os.cpus().length },
    runs: 7,
    warmups: 2,
    paystepArray: benchPaystepArray(next),
    paystepScalar: benchPaystepScalar(),
    quartilePlace: benchQuartilePlace(next),
  };
}

if (require.main === module) {
  benchFunctions().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
