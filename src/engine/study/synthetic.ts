/**
 * A generated study input of any size (benchmarks, big-input tests): plans of 11 steps,
 * employees spread over the grades, salaries mostly on steps, deterministic for a seed.
 */
import type { CellValue } from "../cells";
import { roundCents, roundHalfAwayFromZero } from "../money";

/** mulberry32: a small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = [
  "Custodial",
  "Food Service",
  "Transportation",
  "Clerical",
  "Instruction",
  "Administration",
  "Technology",
  "Maintenance",
];
const STEPS = 11;

export type StudyInputTables = { plansTable: CellValue[][]; rosterTable: CellValue[][] };

/** Plans and roster tables (header row first) for `employees` employees on `grades` grades. */
export function generateStudyInput(options: { employees: number; grades: number; seed?: number }): StudyInputTables {
  const random = seededRandom(options.seed ?? 1);
  const planCount = 4;
  const plansTable: CellValue[][] = [["Plan", "Grade", ...Array.from({ length: STEPS }, (_, s) => `Step ${s + 1}`)]];
  const grades: { plan: string; grade: string; steps: number[] }[] = [];
  for (let g = 0; g < options.grades; g++) {
    const p = g % planCount;
    const hourly = p < 2;
    const plan = hourly ? `Hourly ${p + 1}` : `Annual ${p - 1}`;
    const base = hourly ? 12 + g * 0.4 : 32000 + g * 1400;
    const steps = Array.from({ length: STEPS }, (_, s) => {
      const value = base * Math.pow(1.028, s);
      return hourly ? roundCents(value) : roundHalfAwayFromZero(value);
    });
    const grade = `G${g + 1}`;
    grades.push({ plan, grade, steps });
    plansTable.push([plan, grade, ...steps]);
  }
  const rosterTable: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
  ];
  for (let e = 0; e < options.employees; e++) {
    const { plan, grade, steps } = grades[Math.floor(random() * grades.length)];
    const step = Math.floor(random() * STEPS);
    const off = random();
    // Mostly on a step; a few below the minimum or above the maximum.
    const salary = off < 0.03 ? steps[0] * 0.97 : off > 0.98 ? steps[STEPS - 1] * 1.04 : steps[step];
    const year = 1990 + Math.floor(random() * 35);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const family = FAMILIES[Math.floor(random() * FAMILIES.length)];
    rosterTable.push([
      `E${String(e + 1).padStart(7, "0")}`,
      plan,
      grade,
      salary,
      `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      family,
      `${family} ${1 + Math.floor(random() * 6)}`,
    ]);
  }
  return { plansTable, rosterTable };
}
