/**
 * Supplemental-pay benchmark (issue 22): the three supplemental exhibits for a generated
 * 100,000-employee roster (10 % part time, hire dates over 35 years) with 150,000 stipend
 * assignments (40 stipends of every basis, a quarter of the assignments dated, a few problems)
 * and a 5-band longevity table (target ≤ 100 ms of analysis). Figures, medians of several runs,
 * each timed step started on a settled heap:
 * - supplementalMs: what the family itself takes — the run with the three exhibits, minus the
 *   same run with one small exhibit (the parse and placement both share), minus parsing the three
 *   supplemental tables;
 * - beyondPlacementMs: the same with the three tables' parse;
 * - analysisMs: the whole run less parsing all five tables (placement included, as in bench/study.ts);
 * - parse figures for the three tables and for the plans and roster.
 * Run: npm run bench -- supplemental
 */
import type { CellValue } from "../src/engine/cells";
import { generateStudyInput, parsePayPlans, parseRoster, runStudy, seededRandom } from "../src/engine/study";
import { parseAssignments, parseLongevity, parseStipends } from "../src/engine/study/families/supplemental";
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

export async function benchSupplemental(): Promise<Record<string, unknown>> {
  const input = supplementalInput(100_000, 150_000);
  const tables = Object.fromEntries(
    Object.entries(input).map(([id, rows]) => [id, { rows, source: `synthetic ${id}` }]),
  );
  const parseCore: number[] = [];
  const parseExtra: number[] = [];
  const whole: number[] = [];
  const small: number[] = [];
  let counted = "";
  for (let run = 0; run < 11; run++) {
    settle();
    let start = performance.now();
    parsePayPlans(input.plans);
    parseRoster(input.roster, { asOf: AS_OF });
    const core = performance.now() - start;
    settle();
    start = performance.now();
    parseStipends({ rows: input.stipends, source: "" });
    parseAssignments({ rows: input["stipend-assignments"], source: "" });
    parseLongevity({ rows: input.longevity, source: "" });
    const extra = performance.now() - start;
    settle();
    start = performance.now();
    const result = runStudy({ asOf: AS_OF, tables, exhibits: EXHIBITS });
    const all = performance.now() - start;
    if (result.exhibits.length !== EXHIBITS.length) throw new Error("the supplemental study built too few exhibits");
    counted = (result.exhibits[0].notes ?? []).find((note) => note.startsWith("Stipend Assignments")) ?? "";
    settle();
    start = performance.now();
    runStudy({ asOf: AS_OF, tables, exhibits: ["schedule-audit"] });
    const one = performance.now() - start;
    if (run >= 2) {
      parseCore.push(core);
      parseExtra.push(extra);
      whole.push(all);
      small.push(one);
    }
  }
  const beyond = whole.map((ms, i) => ms - small[i]);
  return {
    supplemental100k: {
      employees: 100_000,
      assignments: 150_000,
      stipends: 40,
      exhibits: EXHIBITS.length,
      reconciliation: counted,
      supplementalMedianMs: round(median(beyond.map((ms, i) => ms - parseExtra[i]))),
      targetMs: 100,
      beyondPlacementMedianMs: round(median(beyond)),
      analysisMedianMs: round(median(whole.map((ms, i) => ms - parseCore[i] - parseExtra[i]))),
      parseSupplementalTablesMedianMs: round(median(parseExtra)),
      parsePlansRosterMedianMs: round(median(parseCore)),
      runs: whole.length,
    },
  };
}
