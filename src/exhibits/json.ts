/**
 * The study as JSON: `{ asOf, sources, summary, exhibits: [{ id, title, columns, rows }] }`,
 * rows as objects keyed by column name. Deterministic by construction — keys are written in
 * a fixed order, there is no timestamp — so the same input gives byte-identical output.
 * Numbers stay raw (percentages as fractions, money unrounded); formats are for the sheet.
 * Host-free.
 */
import type { CellScalar, Exhibit, StudyResult, StudySummary } from "./spec/types";

export type JsonExhibit = {
  id: Exhibit["id"];
  title: string;
  columns: string[];
  rows: Record<string, CellScalar>[];
};

export type JsonStudy = {
  asOf: string;
  sources: { plans: string; roster: string };
  summary: StudySummary;
  exhibits: JsonExhibit[];
};

/** A non-finite number has no JSON form; -0 prints as 0 anyway, but say so for readers. */
function jsonValue(value: CellScalar | undefined): CellScalar {
  if (value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
  return value;
}

/** One exhibit as a JSON object (columns by name, one object per row, keys in column order). */
export function exhibitToJson(exhibit: Exhibit): JsonExhibit {
  const columns = exhibit.columns.map((column) => column.name);
  return {
    id: exhibit.id,
    title: exhibit.title,
    columns,
    rows: exhibit.rows.map((row) => {
      const record: Record<string, CellScalar> = {};
      columns.forEach((name, index) => {
        record[name] = jsonValue(row.values[index]);
      });
      return record;
    }),
  };
}

/** The whole study as a plain object with a fixed key order. */
export function studyToJson(result: StudyResult): JsonStudy {
  const s = result.summary;
  return {
    asOf: result.asOf,
    sources: { plans: result.sources.plans, roster: result.sources.roster },
    summary: {
      plans: s.plans,
      grades: s.grades,
      rosterRows: s.rosterRows,
      employees: s.employees,
      unmatched: s.unmatched,
      auditErrors: s.auditErrors,
      auditWarnings: s.auditWarnings,
    },
    exhibits: result.exhibits.map(exhibitToJson),
  };
}

/** The JSON document written by `--json`: 2-space indent and a trailing newline. */
export function renderJson(result: StudyResult): string {
  return `${JSON.stringify(studyToJson(result), null, 2)}\n`;
}
