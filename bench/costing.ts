/**
 * Settlement-costing benchmarks (issue 17), on a generated 100,000-employee roster on 80 grades
 * (hourly and annual step plans, a few employees off schedule), with a Benefit Group column and
 * a Benefit Groups table:
 * - a 5-year settlement with turnover (settlement-cost): ≤ 200 ms of analysis;
 * - the scattergram and the step cost: ≤ 50 ms.
 * The analysis is the whole run less parsing the input tables, as in bench/study.ts (so it
 * includes the placement step); beyondPlacement is what the exhibits add to a run of the same
 * tables with one small exhibit. Medians of several runs, each timed step started on a settled
 * heap. Run: npm run bench -- costing
 */
import type { CellValue } from "../src/engine/cells";
import { generateStudyInput, parsePayPlans, parseRoster, runStudy, type RawOptions } from "../src/engine/study";
import { parseBenefitGroups } from "../src/engine/study/families/costing-inputs";
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

function measure(
  input: Record<string, CellValue[][]>,
  exhibits: string[],
  options: RawOptions,
  runs: number,
): Record<string, number> {
  const tables = Object.fromEntries(
    Object.entries(input).map(([id, rows]) => [id, { rows, source: `synthetic ${id}` }]),
  );
  const parseRuns: number[] = [];
  const analysisRuns: number[] = [];
  const beyondRuns: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    settle();
    let start = performance.now();
    parsePayPlans(input.plans);
    parseRoster(input.roster, { asOf: AS_OF });
    parseBenefitGroups({ rows: input["benefit-groups"], source: "" });
    const parse = performance.now() - start;
    settle();
    start = performance.now();
    const result = runStudy({ asOf: AS_OF, tables, options, exhibits });
    const whole = performance.now() - start;
    const s = result.summary;
    if (result.exhibits.length !== exhibits.length || s.employees + s.separated + s.unmatched !== s.rosterRows)
      throw new Error("the synthetic costing study does not reconcile");
    settle();
    start = performance.now();
    runStudy({ asOf: AS_OF, tables, options, exhibits: ["schedule-audit"] });
    const small = performance.now() - start;
    if (run >= 2) {
      parseRuns.push(parse);
      analysisRuns.push(whole - parse);
      beyondRuns.push(whole - small);
    }
  }
  return {
    analysisMedianMs: round(median(analysisRuns)),
    beyondPlacementMedianMs: round(median(beyondRuns)),
    parseMedianMs: round(median(parseRuns)),
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
