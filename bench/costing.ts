/**
 * Settlement-costing benchmarks (issue 17), on a generated 100,000-employee roster on 80 grades
 * (hourly and annual step plans, a few employees off schedule), with a Benefit Group column and
 * a Benefit Groups table:
 * - a 5-year settlement with turnover (settlement-cost): ≤ 200 ms of analysis;
 * - the scattergram and the step cost: ≤ 50 ms.
 * The analysis is the placement step and the exhibits' build — the run less parsing the input
 * tables, as in bench/study.ts — each step timed within one run. Medians of several runs, each
 * started on a settled heap. Run: npm run bench -- costing
 */
import type { CellValue } from "../src/engine/cells";
import {
  INPUTS,
  OPTIONS,
  Study,
  exhibitById,
  generateStudyInput,
  type RawOptions,
  type RegisteredExhibit,
} from "../src/engine/study";
import { median, round, settle } from "./lib";

const AS_OF = "2026-07-01";
const GROUPS = ["Certificated", "Classified", "Administrators"];

/** The generated study input with a Benefit Group column and its Benefit Groups table. */
export function costingInput(employees: number, seed = 13): Record<string, CellValue[][]> {
  const { plansTable, rosterTable } = generateStudyInput({ employees, grades: 80, seed });
  const [header, ...rows] = rosterTable;
  const roster: CellValue[][] = [[...header, "Benefit Group"], ...rows.map((row, i) => [...row, GROUPS[i % 3]])];
  const groups: CellValue[][] = [
    ["Group", "Load Rate", "Per FTE"],
    ["Certificated", "26.15%", 12_000],
    ["Classified", 0.2215, 11_400],
    ["Administrators", 0.2615, 12_000],
  ];
  return { plans: plansTable, roster, "benefit-groups": groups };
}

/** This process's CPU time in ms (less inflated than wall time when others share the machine; it includes the collector's helper threads). */
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Times one run in its steps, on a settled heap: parsing the tables, placing the roster, and
 * building the exhibits — the analysis is the placement and the build (as in bench/study.ts,
 * the run less the parse), timed in the same run rather than as a difference of two runs.
 */
function measure(
  input: Record<string, CellValue[][]>,
  exhibits: string[],
  options: RawOptions,
  runs: number,
): Record<string, number> {
  const tables = Object.fromEntries(
    Object.entries(input).map(([id, rows]) => [id, { rows, source: `synthetic ${id}` }]),
  );
  const parse: number[] = [];
  const placement: number[] = [];
  const build: number[] = [];
  const analysis: number[] = [];
  const analysisCpu: number[] = [];
  const exhibitsCpu: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    settle();
    const study = new Study(AS_OF, tables, options, OPTIONS);
    const t0 = performance.now();
    void study.plans;
    void study.roster;
    for (const spec of INPUTS) study.input(spec);
    const t1 = performance.now();
    const c1 = cpuMs();
    const placed = study.placement;
    const t2 = performance.now();
    const c2 = cpuMs();
    const built = exhibits.map((id) => (exhibitById(id) as RegisteredExhibit).build(study));
    const t3 = performance.now();
    const c3 = cpuMs();
    if (built.length !== exhibits.length || placed.active.length === 0)
      throw new Error("the costing bench built nothing");
    if (run >= 2) {
      parse.push(t1 - t0);
      placement.push(t2 - t1);
      build.push(t3 - t2);
      analysis.push(t3 - t1);
      analysisCpu.push(c3 - c1);
      exhibitsCpu.push(c3 - c2);
    }
  }
  return {
    analysisMedianMs: round(median(analysis)),
    analysisCpuMedianMs: round(median(analysisCpu)),
    placementMedianMs: round(median(placement)),
    exhibitsMedianMs: round(median(build)),
    exhibitsCpuMedianMs: round(median(exhibitsCpu)),
    parseMedianMs: round(median(parse)),
    runs,
  };
}

export async function benchCosting(): Promise<Record<string, unknown>> {
  const input = costingInput(100_000);
  const settlement: RawOptions = {
    raise: "3%,2.5%,2%,2%,2%",
    flat: "0,0,0,0,0",
    freeze: "3",
    turnover: "8%",
    load: "7.65%",
  };
  return {
    settlement5Years100k: {
      employees: 100_000,
      grades: 80,
      years: 5,
      turnover: "8%",
      targetMs: 200,
      ...measure(input, ["settlement-cost"], settlement, 9),
    },
    settlementWithDetail100k: {
      employees: 100_000,
      years: 5,
      detailRows: 100_000,
      ...measure(input, ["settlement-cost", "settlement-detail"], settlement, 5),
    },
    scattergramStepCost100k: {
      employees: 100_000,
      grades: 80,
      targetMs: 50,
      ...measure(input, ["scattergram", "step-cost"], {}, 9),
    },
  };
}

if (require.main === module) {
  benchCosting().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
