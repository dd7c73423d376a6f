/**
 * Unmatched rows grouped by kind of reason, for the run's summary: "hire date is after the
 * as-of date: 138,268" instead of one line per row or per quoted value. A kind is the reason
 * without what is particular to its row — the row number, quoted values, dates, the number
 * after the field's name and parenthesised detail — so rows that failed the same way group
 * together whatever their data. Host-free.
 */
import { isSpace } from "../engine/cells";
import type { StudyResult } from "./spec/types";

/** One kind of reason and how many unmatched rows have it. */
export type ReasonKind = { kind: string; rows: number };

const ROW_PREFIX = /^Row \d+:\s*/;
/** A lower-case label before a colon: an analysis naming itself ("implementation cost: …"). */
const ANALYSIS_PREFIX = /^([a-z][a-z -]{0,40}):\s+(.*)$/s;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** The field's name at the start (capitalised words or acronyms) and the number that follows it. */
const LABEL_AND_NUMBER = /^((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)\s+-?[\d.,]*\d(?=\s|$)/;
const LEADING_LABEL = /^((?:[A-Z][a-z][\w-]*|[A-Z]{2,})(?:\s+(?:[A-Z][a-z][\w-]*|[A-Z]{2,}))*)/;

/** The kind of one reason: "Row 12: Hire Date 2031-05-05 is after the as-of date 2026-07-01" → "hire date is after the as-of date". */
export function reasonKind(reason: string): string {
  const text = reason.replace(ROW_PREFIX, "").trim();
  const analysis = ANALYSIS_PREFIX.exec(text);
  if (analysis) return `${analysis[1].trim()}: ${reasonKind(analysis[2])}`;
  const kind = withoutTrailingPunctuation(
    withoutParenthesised(withoutQuoted(text))
      .replace(DATE, "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(LABEL_AND_NUMBER, "$1")
      .replace(/ ([,.:;])/g, "$1"),
  );
  // The field's name reads as words in a sentence ("hire date"); acronyms (ID, FTE) stay as they are.
  const lowered = kind.replace(LEADING_LABEL, (label) =>
    label
      .split(" ")
      .map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
      .join(" "),
  );
  return lowered || "no reason given";
}

// Reasons quote values from the files (a plan's name can be 32,767 characters): the scans below
// are linear, where the patterns they replace tried every start (issue 19).

/** After a closing quote: the end, a space, or one of `),.:;`. */
function closesAt(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const code = text.charCodeAt(at);
  return isSpace(code) || code === 41 || code === 44 || code === 46 || code === 58 || code === 59;
}

/**
 * `text` without the values it quotes: 'X9', "E 12", 'O'Brien' — a quote opens at the start or
 * after a space or "(", and closes at the first same quote followed by the end, a space or
 * `),.:;` (what the pattern (^|[\s(])(['"]).*?\2(?=$|[\s),.:;]) removed, keeping the character before).
 */
export function withoutQuoted(text: string): string {
  let out = "";
  let copied = 0;
  // A quote with no closing one after this position: no later opening one has one either.
  const exhausted: Record<string, number> = { "'": Infinity, '"': Infinity };
  let single = text.indexOf("'");
  let double = text.indexOf('"');
  while (single >= 0 || double >= 0) {
    const at = single < 0 ? double : double < 0 ? single : Math.min(single, double);
    const quote = text[at];
    let next = at + 1;
    const before = at === 0 ? 32 : text.charCodeAt(at - 1);
    if (at < exhausted[quote] && (isSpace(before) || before === 40 /* ( */ || at === 0)) {
      let close = text.indexOf(quote, at + 1);
      while (close >= 0 && !closesAt(text, close + 1)) close = text.indexOf(quote, close + 1);
      if (close < 0) exhausted[quote] = at;
      else {
        out += text.slice(copied, at);
        copied = close + 1;
        next = close + 1;
      }
    }
    if (single >= 0 && single < next) single = text.indexOf("'", next);
    if (double >= 0 && double < next) double = text.indexOf('"', next);
  }
  return out + text.slice(copied);
}

/** `text` without parenthesised detail, "(…)" with no parenthesis inside, and the spaces before it. */
export function withoutParenthesised(text: string): string {
  let out = "";
  let copied = 0;
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    let end = open + 1;
    while (end < text.length && text.charCodeAt(end) !== 40 && text.charCodeAt(end) !== 41) end++;
    if (text.charCodeAt(end) !== 41) continue;
    let start = open;
    while (start > copied && isSpace(text.charCodeAt(start - 1))) start--;
    out += text.slice(copied, start);
    copied = end + 1;
    open = end;
  }
  return out + text.slice(copied);
}

/** `text` without the spaces and `,.:;` it ends with. */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (!isSpace(code) && code !== 44 && code !== 46 && code !== 58 && code !== 59) break;
    end--;
  }
  return text.slice(0, end);
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
