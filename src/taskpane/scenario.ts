/**
 * The costing family's settlement scenario as the pane edits it (issue 20 item 7): a row per
 * year — increase, flat amount, steps frozen — kept as a study setting in the workbook as typed,
 * and the options the engine reads (schedule increases, flat amounts, years without step
 * movement, years) that follow from it once every row reads. A row that does not read leaves
 * those options blank, so no exhibit costs a scenario other than the one on screen.
 */
import { FLAT, FREEZE, MAX_YEARS, RAISE, YEARS, parseOption, type OptionSpec } from "../engine/study";
import type { ScenarioYear } from "../excel/settings";
import type { StudyResult } from "../exhibits/spec/types";
import { messageOf } from "./study";

export type { ScenarioYear };

/** The options the scenario gives, by name. */
export const SCENARIO_OPTIONS = [RAISE, FLAT, FREEZE, YEARS] as const;

export const EMPTY_YEAR: ScenarioYear = { increase: "", flat: "", frozen: false };

/** What is wrong with a year's increase and flat amount, in words (undefined where it reads; blank is 0). */
export type YearProblems = { increase?: string; flat?: string };

function problem(spec: OptionSpec, text: string, comma: string): string | undefined {
  const typed = text.trim();
  if (typed === "") return undefined;
  if (/[,;]/.test(typed)) return `${spec.label}: ${comma}`;
  try {
    parseOption(spec, typed);
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

/** Year `year`'s problems (1-based), each message naming the year and the field. */
export function yearProblems(row: ScenarioYear, year: number): YearProblems {
  const increase = problem(
    { ...RAISE, kind: "percent", label: `Year ${year}'s increase` },
    row.increase,
    "write decimals with a point (3.5%, not 3,5%)",
  );
  const flat = problem(
    { ...FLAT, kind: "number", label: `Year ${year}'s flat amount` },
    row.flat,
    "write it without commas (1000, not 1,000)",
  );
  return { ...(increase ? { increase } : {}), ...(flat ? { flat } : {}) };
}

/** True when every year reads. */
export function scenarioReads(years: readonly ScenarioYear[]): boolean {
  return years.every((row, at) => Object.keys(yearProblems(row, at + 1)).length === 0);
}

/**
 * The engine's options for a scenario: blank when there are no years or a year does not read;
 * else one increase and one flat amount per year (a blank one is 0; a list only when some year
 * has one), the frozen years by number, and the count of years.
 */
export function scenarioOptions(years: readonly ScenarioYear[]): Record<string, string> {
  const blank = Object.fromEntries(SCENARIO_OPTIONS.map((spec) => [spec.name, ""]));
  if (years.length === 0 || years.length > MAX_YEARS || !scenarioReads(years)) return blank;
  const listed = (key: "increase" | "flat", zero: string): string =>
    years.some((row) => row[key].trim() !== "")
      ? years.map((row) => (row[key].trim() === "" ? zero : row[key].trim())).join(",")
      : "";
  return {
    [RAISE.name]: listed("increase", "0%"),
    [FLAT.name]: listed("flat", "0"),
    [FREEZE.name]: years.flatMap((row, at) => (row.frozen ? [at + 1] : [])).join(","),
    [YEARS.name]: String(years.length),
  };
}

/**
 * The years of options saved before the editor (or typed elsewhere): as many as the years
 * option says, else one per increase or flat amount, else up to the last frozen year.
 */
export function yearsFromOptions(options: Readonly<Record<string, string>>): ScenarioYear[] {
  const items = (name: string): string[] => {
    const text = (options[name] ?? "").trim();
    return text === "" ? [] : text.split(/[,;]/).map((item) => item.trim());
  };
  const raise = items(RAISE.name);
  const flat = items(FLAT.name);
  const frozen = new Set(items(FREEZE.name).map(Number));
  const stated = Number((options[YEARS.name] ?? "").trim());
  const count =
    Number.isInteger(stated) && stated >= 1
      ? stated
      : Math.max(raise.length, flat.length, ...[...frozen].filter(Number.isInteger), 0);
  return Array.from({ length: Math.min(count, MAX_YEARS) }, (_, at) => ({
    increase: raise[at] ?? "",
    flat: flat[at] ?? "",
    frozen: frozen.has(at + 1),
  }));
}

/** The settlement as settlement-cost's All rows give it: each year's Total Cost and change from today, and the new money. */
export type NewMoney = {
  base: number;
  years: { year: number; total: number; change: number }[];
  settlement: number;
};

/** The new money of a study result holding settlement-cost (undefined without it). */
export function newMoneyOf(result: StudyResult): NewMoney | undefined {
  const exhibit = result.exhibits.find((candidate) => candidate.id === "settlement-cost");
  if (exhibit === undefined) return undefined;
  const at = (name: string): number => exhibit.columns.findIndex((column) => column.name === name);
  const [plan, year, total, change] = ["Plan", "Year", "Total Cost", "Change from Base"].map(at);
  const all = exhibit.rows.filter((row) => row.values[plan] === "All");
  const money: NewMoney = { base: 0, years: [], settlement: 0 };
  for (const row of all) {
    const y = row.values[year];
    if (y === "Settlement") money.settlement = row.values[change] as number;
    else if (y === 0) money.base = row.values[total] as number;
    else
      money.years.push({ year: y as number, total: row.values[total] as number, change: row.values[change] as number });
  }
  return money;
}
