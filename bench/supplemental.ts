/**
 * Supplemental-pay benchmark (issue 22): the three supplemental exhibits for a generated
 * 100,000-employee roster (10 % part time, hire dates over 35 years) with 150,000 stipend
 * assignments (40 stipends of every basis, a quarter of the assignments dated, a few problems)
 * and a 5-band longevity table (target ≤ 100 ms of analysis). Figures, medians of 9 runs after 2
 * warm-ups, each timed step started on a settled heap:
 * - analysis: the three exhibits built on a study whose tables are parsed and whose roster is
 *   placed (wall and CPU time: the machine is shared, and CPU time moves less with its load);
 * - the whole run from the five tables, and parsing the three supplemental tables, for context;
 * - the load average when the figures were taken.
 * Run: npm run bench -- supplemental
 */
import type { CellValue } from "../src/engine/cells";
import * as os from "os";
import { generateStudyInput, runStudy, seededRandom } from "../src/engine/study";
import { Study } from "../src/engine/study/context";
import { ASSIGNMENTS_INPUT, LONGEVITY_INPUT, STIPENDS_INPUT } from "../src/engine/study/families/supplemental";
import { OPTIONS, exhibitById } from "../src/engine/study/registry";
import { median, round, settle } from "./lib";

const AS_OF = "2026-04-01";
const EXHIBITS = ["supplemental-pay", "total-pay", "supplemental-problems"];
const BASES = ["annual", "annual", "annual", "percent", "hour", "day", "month"];
const CATEGORIES = ["Athletics", "Bilingual", "Career Readiness", "Co-Curricular", "Coordinators", "Special Education"];

/** The generated tables: plans, roster (with FTE and Annual Hours), Stipends, Stipend Assignments, Longevity. */
export function supplementalInput(employees: number, assignments: number, seed = 22): Record<string, CellValue[][]> {
  const { plansTable, rosterTable } = generateStudyInput({ employees, grades: 80, seed });
  const random = seededRandom(seed + 1);
  const [header, ...rows] = rosterTable;
  const roster: CellValue[][] = [[...header, "FTE"], ...rows.map((row) => [...row, random() < 0.1 ? 0.5 : 1])];
  const stipends: CellValue[][] = [["Code", "Stipend", "Amount", "Basis", "Category"]];
  for (let s = 0; s < 40; s++) {
    const basis = BASES[s % BASES.length];
    const amount =
      basis === "percent"
        ? 0.01 + (s % 5) * 0.01
        : basis === "annual"
          ? 500 + s * 150
          : basis === "hour"
            ? 25
            : basis === "day"
              ? 150
              : 200;
    stipends.push([`S${100 + s}`, `Stipend ${s + 1}`, amount, basis, CATEGORIES[s % CATEGORIES.length]]);
  }
  const table: CellValue[][] = [["Employee ID", "Code", "Units", "Start Date", "End Date"]];
  for (let a = 0; a < assignments; a++) {
    const e = Math.floor(random() * employees);
    const s = Math.floor(random() * 40);
    const basis = BASES[s % BASES.length];
    const units =
      basis === "hour"
        ? 10 + Math.floor(random() * 90)
        : basis === "day"
          ? 1 + Math.floor(random() * 20)
          : basis === "month"
            ? 1 + Math.floor(random() * 10)
            : null;
    const dated = random() < 0.25;
    const id = random() < 0.002 ? `X${a}` : `E${String(e + 1).padStart(7, "0")}`; // a few unknown employees
    table.push([id, `S${100 + s}`, units, dated ? "2025-09-01" : null, dated ? "2026-05-31" : null]);
  }
  const longevity: CellValue[][] = [
    ["Years of Service", "Amount", "Percent"],
    [5, 500, null],
    [10, 1000, null],
    [15, 1500, null],
    [20, null, 0.02],
    [25, null, 0.03],
  ];
  return { plans: plansTable, roster, stipends, "stipend-assignments": table, longevity };
}

/** Wall and CPU milliseconds of one call, started on a settled heap. */
function timed(action: () => void): { ms: number; cpuMs: number } {
  settle();
  const cpu = process.cpuUsage();
  const start = performance.now();
  action();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export async function benchSupplemental(): Promise<Record<string, unknown>> {
  const input = supplementalInput(100_000, 150_000);
  const tables = Object.fromEntries(
    Object.entries(input).map(([id, rows]) => [id, { rows, source: `synthetic ${id}` }]),
  );
  const family: { ms: number; cpuMs: number }[] = [];
  const whole: number[] = [];
  const parse: number[] = [];
  let counted = "";
  for (let run = 0; run < 11; run++) {
    // The family on a study whose tables are parsed and whose roster is placed: the analysis.
    const study = new Study(AS_OF, tables, {}, OPTIONS);
    parse.push(
      timed(() => {
        study.input(STIPENDS_INPUT);
        study.input(ASSIGNMENTS_INPUT);
        study.input(LONGEVITY_INPUT);
      }).ms,
    );
    void study.placement;
    family.push(
      timed(() => {
        for (const id of EXHIBITS) exhibitById(id)?.build(study);
      }),
    );
    // The whole run from the tables, for context.
    let result: ReturnType<typeof runStudy> | undefined;
    whole.push(timed(() => (result = runStudy({ asOf: AS_OF, tables, exhibits: EXHIBITS }))).ms);
    if (result?.exhibits.length !== EXHIBITS.length) throw new Error("the supplemental study built too few exhibits");
    counted = (result.exhibits[0].notes ?? []).find((note) => note.startsWith("Stipend Assignments")) ?? "";
  }
  const kept = (values: number[]): number[] => values.slice(2);
  return {
    supplemental100k: {
      employees: 100_000,
      assignments: 150_000,
      stipends: 40,
      exhibits: EXHIBITS.length,
      reconciliation: counted,
      analysisMedianMs: round(median(kept(family.map((f) => f.ms)))),
      analysisCpuMedianMs: round(median(kept(family.map((f) => f.cpuMs)))),
      targetMs: 100,
      wholeRunMedianMs: round(median(kept(whole))),
      parseSupplementalTablesMedianMs: round(median(kept(parse))),
      loadAverage: os.loadavg().map((load) => Math.round(load * 10) / 10),
      runs: family.length - 2,
    },
  };
}
