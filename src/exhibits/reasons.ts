/**
 * Unmatched rows grouped by kind of reason, for the run's summary: "hire date is after the
 * as-of date: 138,268" instead of one line per row or per quoted value. A kind is the reason
 * without what is particular to its row — the row number, quoted values, dates, the number
 * after the field's name and parenthesised detail — so rows that failed the same way group
 * together whatever their data. Host-free.
 */
import type { StudyResult } from "./spec/types";

/** One kind of reason and how many unmatched rows have it. */
export type ReasonKind = { kind: string; rows: number };

const ROW_PREFIX = /^Row \d+:\s*/;
/** A lower-case label before a colon: an analysis naming itself ("implementation cost: …"). */
const ANALYSIS_PREFIX = /^([a-z][a-z -]{0,40}):\s+(.*)$/s;
/** A value quoted in the reason: 'X9', "E 12", 'O'Brien' (a quote closes only before a space or punctuation). */
const QUOTED = /(^|[\s(])(['"]).*?\2(?=$|[\s),.:;])/gs;
const PARENTHESISED = /\s*\([^()]*\)/g;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** The field's name at the start (capitalised words or acronyms) and the number that follows it. */
const LABEL_AND_NUMBER = /^((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)\s+-?[\d.,]*\d(?=\s|$)/;
const LEADING_LABEL = /^((?:[A-Z][a-z][\w-]*|[A-Z]{2,})(?:\s+(?:[A-Z][a-z][\w-]*|[A-Z]{2,}))*)/;

/** The kind of one reason: "Row 12: Hire Date 2031-05-05 is after the as-of date 2026-07-01" → "hire date is after the as-of date". */
export function reasonKind(reason: string): string {
  const text = reason.replace(ROW_PREFIX, "").trim();
  const analysis = ANALYSIS_PREFIX.exec(text);
  if (analysis) return `${analysis[1].trim()}: ${reasonKind(analysis[2])}`;
  const kind = text
    .replace(QUOTED, "$1")
    .replace(PARENTHESISED, "")
    .replace(DATE, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(LABEL_AND_NUMBER, "$1")
    .replace(/\s+([,.:;])/g, "$1")
    .replace(/[\s,.:;]+$/, "");
  // The field's name reads as words in a sentence ("hire date"); acronyms (ID, FTE) stay as they are.
  const lowered = kind.replace(LEADING_LABEL, (label) =>
    label
      .split(" ")
      .map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
      .join(" "),
  );
  return lowered || "no reason given";
}

/** The unmatched-employees exhibit's rows by kind of reason, most frequent first (then by name). */
export function unmatchedKinds(result: Pick<StudyResult, "exhibits">): ReasonKind[] {
  const exhibit = result.exhibits.find((candidate) => candidate.id === "unmatched-employees");
  if (!exhibit) return [];
  const column = exhibit.columns.findIndex((candidate) => candidate.name === "Reason");
  const counts = new Map<string, number>();
  // Reasons repeat (the same words for thousands of rows): classify each distinct text once.
  const kinds = new Map<string, string>();
  for (const row of exhibit.rows) {
    if (row.kind !== "detail") continue;
    const reason = String((column < 0 ? null : row.values[column]) ?? "");
    const short = reason.replace(ROW_PREFIX, "");
    let kind = kinds.get(short);
    if (kind === undefined) {
      kind = reasonKind(short);
      if (kinds.size < 50_000) kinds.set(short, kind);
    }
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .map(([kind, rows]) => ({ kind, rows }))
    .sort((a, b) => b.rows - a.rows || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * The kinds as a few lines ("hire date is after the as-of date: 138,268"); past `max` kinds
 * one line says how many more there are and where to see them.
 */
export function unmatchedLines(kinds: readonly ReasonKind[], max = 4): string[] {
  const count = (n: number) => n.toLocaleString("en-US");
  const shown = kinds.length > max ? kinds.slice(0, max - 1) : kinds;
  const lines = shown.map(({ kind, rows }) => `${kind}: ${count(rows)}`);
  if (kinds.length > shown.length) {
    const rest = kinds.slice(shown.length);
    const rows = rest.reduce((sum, kind) => sum + kind.rows, 0);
    lines.push(`${count(rest.length)} other kinds: ${count(rows)} (see Unmatched Employees)`);
  }
  return lines;
}

/** The run in a few sentences for readers (the findings page, the report's front): what was counted and read. */
export function summarySentences(result: StudyResult): string[] {
  const s = result.summary;
  const n = (value: number): string => value.toLocaleString("en-US");
  const plural = (value: number, one: string, many = `${one}s`): string => `${n(value)} ${value === 1 ? one : many}`;
  const lines = [
    `${plural(s.employees, "employee")} placed on ${plural(s.plans, "pay plan")} (${plural(s.grades, "grade")}) from ${plural(s.rosterRows, "roster row")}; ${s.unmatched === 0 ? "no row unmatched" : `${plural(s.unmatched, "row")} unmatched, each listed with its reason`}${s.separated > 0 ? `; ${plural(s.separated, "separated employee")} counted in the workforce exhibits only` : ""}.`,
    `The schedule audit found ${s.auditErrors === 0 ? "no error" : plural(s.auditErrors, "error")} and ${s.auditWarnings === 0 ? "no warning" : plural(s.auditWarnings, "warning")} in the pay plans.`,
  ];
  return lines;
}
