/**
 * Writing the exhibits workbook (issue 23): the .xlsx of a generated 100,000-employee study on
 * 80 grades — its current-conditions exhibits, and the same with a 3 % structure adjustment,
 * whose implementation detail is a 100,000-row sheet — from the study's result to the zipped
 * bytes (layout, findings page, charts, print setup, compression). Medians of wall and CPU time
 * after two warm-ups, the heap collected before each run when Node runs with --expose-gc.
 * Run: npm run bench -- xlsx
 */
import { generateStudyInput, runStudy } from "../src/engine/study";
import { workbookBytes } from "../src/exhibits/xlsx";
import { AS_OF } from "./cli";
import { median, round } from "./lib";

function timed(runs: number, action: () => number): { wallMs: number; cpuMs: number; bytes: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs + 2; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const before = process.cpuUsage();
    bytes = action();
    const used = process.cpuUsage(before);
    if (run < 2) continue;
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: round(median(wall)), cpuMs: round(median(cpu)), bytes };
}

export function benchXlsx(runs = 7): Record<string, unknown> {
  const input = generateStudyInput({ employees: 100_000, grades: 80, seed: 7 });
  const tables = {
    plans: { rows: input.plansTable, source: "synthetic plans" },
    roster: { rows: input.rosterTable, source: "synthetic roster" },
  };
  const current = runStudy({ asOf: AS_OF, tables });
  const adjusted = runStudy({ asOf: AS_OF, tables, options: { adjust: "3%" } });
  return {
    employees: 100_000,
    grades: 80,
    currentConditions: { exhibits: current.exhibits.length, ...timed(runs, () => workbookBytes(current).bytes.length) },
    withImplementationDetail: {
      exhibits: adjusted.exhibits.length,
      ...timed(runs, () => workbookBytes(adjusted).bytes.length),
    },
    runs,
  };
}

if (require.main === module) process.stdout.write(`${JSON.stringify(benchXlsx(), null, 2)}\n`);
