/**
 * The study as JSON: `{ asOf, title, organization?, sources, summary, exhibits: [{ id, number,
 * title, description?, columns, rows, notes?, findings? }] }`,
 * rows as objects keyed by column name. Deterministic by construction — keys are written in
 * a fixed order, there is no timestamp — so the same input gives byte-identical output.
 * Numbers stay raw (percentages as fractions, money unrounded); formats are for the sheet.
 * Suppressed small-group cells are written as their suppression text ("<5") unless revealed.
 * Written as a stream of pieces (jsonBody): a million-row exhibit never sits in memory as one
 * string, which V8 could not even hold past 512 MB. Characters that a terminal takes as
 * commands or that reorder what it shows (C1 controls, DEL, bidirectional overrides, line and
 * paragraph separators) are written as \u escapes, as JSON.stringify already writes C0 controls:
 * the parsed text is the same. Host-free.
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

/** One row of an exhibit as a JSON object, keys in column order. */
function rowRecord(
  exhibit: Exhibit,
  columns: readonly string[],
  row: Exhibit["rows"][number],
  options: JsonOptions,
): Record<string, CellScalar> {
  const values = shownValues(exhibit, row, options.reveal);
  const record: Record<string, CellScalar> = {};
  columns.forEach((name, index) => {
    record[name] = jsonValue(values[index]);
  });
  return record;
}

/** One exhibit as a JSON object (columns by name, one object per row, keys in column order). */
export function exhibitToJson(exhibit: Exhibit, options: JsonOptions = {}): JsonExhibit {
  const columns = exhibit.columns.map((column) => column.name);
  const rows = exhibit.rows.map((row) => rowRecord(exhibit, columns, row, options));
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
      leftOut: s.leftOut ?? 0,
      employees: s.employees,
      unmatched: s.unmatched,
      separated: s.separated,
      additionalAssignments: s.additionalAssignments ?? 0,
      auditErrors: s.auditErrors,
      auditWarnings: s.auditWarnings,
      notes: [...s.notes],
      columns: { plans: { ...s.columns.plans }, roster: { ...s.columns.roster } },
    },
    exhibits: result.exhibits.map((exhibit) => exhibitToJson(exhibit, options)),
  };
}

/** What ends the document after jsonBody's pieces. */
export const JSON_END = "\n}\n";

/** Pieces are joined until they are at least this long (fewer, larger writes). */
const PIECE = 1 << 18;

/**
 * Characters JSON.stringify leaves raw that a terminal may act on or that reorder the text it
 * shows: DEL and the C1 controls (U+0080–U+009F), the bidirectional marks, embeddings, overrides
 * and isolates, the line and paragraph separators.
 */
const TERMINAL_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeUnsafe(text: string): string {
  TERMINAL_UNSAFE.lastIndex = 0;
  if (!TERMINAL_UNSAFE.test(text)) return text;
  TERMINAL_UNSAFE.lastIndex = 0;
  return text.replace(TERMINAL_UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `value` as JSON.stringify(…, null, 2) writes it `depth` levels down (lines after the first indented). */
function nested(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent === "" || !text.includes("\n") ? text : text.replace(/\n/g, `\n${indent}`);
}

/**
 * The JSON document of `result` without its last characters (JSON_END), in pieces of at least
 * 256 K characters: byte for byte what JSON.stringify(studyToJson(result), null, 2) writes,
 * unsafe characters escaped. A caller may add members before JSON_END (the CLI adds its mark).
 */
export function* jsonBody(result: StudyResult, options: JsonOptions = {}): Generator<string> {
  const { exhibits: _none, ...head } = studyToJson({ ...result, exhibits: [] }, options);
  let pending = "{";
  for (const [key, value] of Object.entries(head)) pending += `\n  ${JSON.stringify(key)}: ${nested(value, "  ")},`;
  pending += `\n  "exhibits": [`;
  for (const [index, exhibit] of result.exhibits.entries()) {
    // The members before the rows, the rows, then those after them (notes, findings), in the object's order.
    const { rows: _rows, notes, findings, ...top } = exhibitToJson({ ...exhibit, rows: [] }, options);
    pending += `${index === 0 ? "" : ","}\n    {`;
    for (const [key, value] of Object.entries(top))
      pending += `\n      ${JSON.stringify(key)}: ${nested(value, "      ")},`;
    pending += `\n      "rows": [`;
    const columns = exhibit.columns.map((column) => column.name);
    for (const [r, row] of exhibit.rows.entries()) {
      pending += `${r === 0 ? "" : ","}\n        ${nested(rowRecord(exhibit, columns, row, options), "        ")}`;
      if (pending.length >= PIECE) {
        yield escapeUnsafe(pending);
        pending = "";
      }
    }
    pending += exhibit.rows.length === 0 ? "]" : "\n      ]";
    for (const [key, value] of Object.entries({ notes, findings }))
      if (value !== undefined) pending += `,\n      ${JSON.stringify(key)}: ${nested(value, "      ")}`;
    pending += "\n    }";
  }
  pending += result.exhibits.length === 0 ? "]" : "\n  ]";
  yield escapeUnsafe(pending);
}

/** The JSON document written by `--json`: 2-space indent and a trailing newline. */
export function renderJson(result: StudyResult, options: JsonOptions = {}): string {
  return [...jsonBody(result, options), JSON_END].join("");
}
