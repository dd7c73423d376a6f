/**
 * What the pane does with the tables it read: detect columns, check them, run the study.
 * Plain functions over the engine (no React, no Office), so they are tested directly.
 */
import type { CellValue } from "../engine/cells";
import { isEngineError } from "../engine/errors";
import {
  ROSTER_FIELDS,
  detectRosterColumns,
  missingFields,
  parsePayPlans,
  parseRoster,
  placeRoster,
  runStudy,
  type PayPlans,
  type Roster,
  type RosterField,
} from "../engine/study";
import type { ExhibitId, StudyResult } from "../exhibits/spec/types";
import type { Source } from "../excel/gateway";

export type Mapping = Partial<Record<RosterField, string>>;

/** The one-line check under an input, and the problems to list. */
export type Check = { ok: boolean; line: string; problems: string[] };

const count = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** Reads the pay plans and says what they hold. */
export function checkPlans(table: CellValue[][]): { plans?: PayPlans; check: Check } {
  try {
    const plans = parsePayPlans(table);
    const grades = plans.plans.reduce((sum, plan) => sum + plan.grades.length, 0);
    const errors = plans.findings.filter((f) => f.severity === "error");
    return {
      plans,
      check: {
        ok: true,
        line: `${count(plans.plans.length, "plan")}, ${count(grades, "grade")}${errors.length ? `, ${count(errors.length, "schedule problem")} — see below` : ""}`,
        problems: errors.map((f) => `${f.plan} ${f.grade}: ${f.message}`),
      },
    };
  } catch (error) {
    return { check: { ok: false, line: messageOf(error), problems: [] } };
  }
}

/** The roster's header row and the columns detected (or mapped) for each field. */
export function rosterColumns(table: CellValue[][], mapping: Mapping): { headers: string[]; detected: Mapping } {
  const headerRow = table.find((row) => row.some((cell) => String(cell ?? "").trim() !== "")) ?? [];
  const headers = headerRow.map((cell) => String(cell ?? "").trim()).filter((text) => text !== "");
  try {
    const found = detectRosterColumns(table, mapping);
    const detected: Mapping = {};
    for (const spec of ROSTER_FIELDS) {
      const hit = found[spec.field];
      if (hit) detected[spec.field] = hit.header;
    }
    return { headers, detected };
  } catch {
    return { headers, detected: {} };
  }
}

/** Reads the roster with the mapping and says how many employees it holds and what is wrong. */
export function checkRoster(
  table: CellValue[][],
  mapping: Mapping,
  asOf: string,
  plans?: PayPlans,
): { roster?: Roster; check: Check } {
  try {
    const columns = detectRosterColumns(table, mapping);
    const missing = missingFields(columns);
    if (missing.length > 0)
      return { check: { ok: false, line: missing.map((m) => m.message).join("; "), problems: [] } };
    const roster = parseRoster(table, { mapping, asOf });
    let problems = roster.problems.map((p) => p.reason);
    if (plans) problems = placeRoster(plans, roster, { asOf }).unplaced.map((row) => row.reason);
    return {
      roster,
      check: {
        ok: true,
        line: `${count(roster.rowCount, "employee")}${problems.length ? `, ${count(problems.length, "row")} with problems — see below` : ""}`,
        problems,
      },
    };
  } catch (error) {
    return { check: { ok: false, line: messageOf(error), problems: [] } };
  }
}

/** Runs the chosen exhibits on the tables read from the workbook. */
export function study(
  tables: { plans: CellValue[][]; roster: CellValue[][] },
  mapping: Mapping,
  asOf: string,
  sources: [Source, Source],
  exhibits: ExhibitId[],
): StudyResult {
  const byLabel: Record<string, string> = {};
  for (const spec of ROSTER_FIELDS) {
    const header = mapping[spec.field];
    if (header !== undefined) byLabel[spec.label] = header;
  }
  return runStudy({
    asOf,
    tables: {
      plans: { rows: tables.plans, source: sources[0].address },
      roster: { rows: tables.roster, source: sources[1].address, mapping: byLabel },
    },
    exhibits,
  });
}

/** A message a person can act on, from anything thrown. */
export function messageOf(error: unknown): string {
  if (isEngineError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Tables or named ranges whose name says what they hold. */
export function detect(sources: Source[]): { plans?: Source; roster?: Source } {
  const find = (pattern: RegExp): Source | undefined =>
    sources.find((source) => source.kind === "table" && pattern.test(source.name)) ??
    sources.find((source) => pattern.test(source.name)) ??
    sources.find((source) => source.kind === "range" && pattern.test(source.name.replace(/^Sheet /, "")));
  return { plans: find(/^(pay[\s_]*plans?|plans|schedules?)$/i), roster: find(/^(roster|employees|staff)$/i) };
}

/** Today as yyyy-mm-dd in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
