/**
 * The study as JSON: `{ asOf, title, organization?, sources, summary, exhibits: [{ id, number,
 * title, description?, columns, rows, notes?, findings? }] }`,
 * rows as objects keyed by column name. Deterministic by construction — keys are written in
 * a fixed order, there is no timestamp — so the same input gives byte-identical output.
 * Numbers stay raw (percentages as fractions, money unrounded); formats are for the sheet.
 * Suppressed small-group cells are written as their suppression text ("<5") unless revealed.
 * Host-free.
 */
import { INPUTS } from "../engine/study/registry";
import { shownValues } from "./spec/types";
import type { CellScalar, Exhibit, StudyResult, StudySummary } from "./spec/types";

export type JsonExhibit = {
  id: Exhibit["id"];
  number: string;
  title: string;
  description?: string;
  columns: string[];
  rows: Record<string, CellScalar>[];
  notes?: string[];
  /** What the figures say, in sentences written from the exhibit's shown values. */
  findings?: string[];
};

export type JsonStudy = {
  asOf: string;
  title: string;
  organization?: string;
  sources: Record<string, string>;
  summary: StudySummary;
  exhibits: JsonExhibit[];
};

export type JsonOptions = {
  /** Write suppressed cells' values (`--no-suppress`). */
  reveal?: boolean;
};

/** A non-finite number has no JSON form; -0 prints as 0 anyway, but say so for readers. */
function jsonValue(value: CellScalar | undefined): CellScalar {
  if (value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
  return value;
}

/** Sources in the registry's input order (pay plans, roster, then the rest), whatever order they were given in. */
function orderedSources(sources: Record<string, string>): Record<string, string> {
  const order = INPUTS.map((spec) => spec.id);
  const keys = Object.keys(sources).sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sources[key]]));
}

function rank(order: string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

/** One exhibit as a JSON object (columns by name, one object per row, keys in column order). */
export function exhibitToJson(exhibit: Exhibit, options: JsonOptions = {}): JsonExhibit {
  const columns = exhibit.columns.map((column) => column.name);
  const rows = exhibit.rows.map((row) => {
    const values = shownValues(exhibit, row, options.reveal);
    const record: Record<string, CellScalar> = {};
    columns.forEach((name, index) => {
      record[name] = jsonValue(values[index]);
    });
    return record;
  });
  return {
    id: exhibit.id,
    number: exhibit.number,
    title: exhibit.title,
    ...(exhibit.description === undefined ? {} : { description: exhibit.description }),
    columns,
    rows,
    ...(exhibit.notes === undefined || exhibit.notes.length === 0 ? {} : { notes: [...exhibit.notes] }),
    ...(exhibit.findings === undefined || exhibit.findings.length === 0 ? {} : { findings: [...exhibit.findings] }),
  };
}

/** The whole study as a plain object with a fixed key order. */
export function studyToJson(result: StudyResult, options: JsonOptions = {}): JsonStudy {
  const s = result.summary;
  return {
    asOf: result.asOf,
    title: result.title,
    ...(result.organization === undefined ? {} : { organization: result.organization }),
    sources: orderedSources(result.sources),
    summary: {
      plans: s.plans,
      grades: s.grades,
      rosterRows: s.rosterRows,
      employees: s.employees,
      unmatched: s.unmatched,
      separated: s.separated,
      auditErrors: s.auditErrors,
      auditWarnings: s.auditWarnings,
      notes: [...s.notes],
      columns: { plans: { ...s.columns.plans }, roster: { ...s.columns.roster } },
    },
    exhibits: result.exhibits.map((exhibit) => exhibitToJson(exhibit, options)),
  };
}

/** The JSON document written by `--json`: 2-space indent and a trailing newline. */
export function renderJson(result: StudyResult, options: JsonOptions = {}): string {
  return `${JSON.stringify(studyToJson(result, options), null, 2)}\n`;
}
