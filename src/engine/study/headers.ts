/**
 * Finding columns by their headers: trimmed, case-insensitive, with the synonyms HR exports
 * use (Pay Grade, Rate, Date of Hire, Bargaining Unit …). An explicit mapping wins.
 */
import type { CellValue } from "../cells";
import { isSpace, truncate } from "../cells";
import { invalid } from "../errors";

const isOpening = (code: number): boolean => code === 40 || code === 91; // ( [
const isClosing = (code: number): boolean => code === 41 || code === 93; // ) ]

/**
 * A header without its trailing format hint: "Hire Date (mm/dd/yyyy)", "Salary [USD]",
 * "FTE (0-1)" — an opening bracket, no closing one inside, a closing one last (spaces around
 * dropped). A scan from the end, linear in the text: the pattern it replaces,
 * `\s*[([][^)\]]*[)\]]\s*$`, tried every start and took seconds on a 32,767-character header
 * of brackets (issue 19). Removes what that pattern matched: from the first opening bracket
 * after the last closing one but the final one, spaces before it included.
 */
export function withoutFormatHint(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0 || !isClosing(text.charCodeAt(end - 1))) return text;
  let lastClosing = end - 2;
  while (lastClosing >= 0 && !isClosing(text.charCodeAt(lastClosing))) lastClosing--;
  let opening = lastClosing + 1;
  while (opening < end - 1 && !isOpening(text.charCodeAt(opening))) opening++;
  if (opening >= end - 1) return text;
  let start = opening;
  while (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(0, start);
}

/**
 * Folds a header for matching: invisible characters and a trailing format hint dropped,
 * punctuation folded to spaces, spaces folded, lower case ("Hire Date (mm/dd/yyyy)" → "hire date").
 */
export function foldHeader(value: CellValue): string {
  const text = String(value ?? "").replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, "");
  const unhinted = withoutFormatHint(text);
  return (unhinted.trim() === "" ? text : unhinted)
    .toLowerCase()
    .replace(/[._#:/\\()[\]-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type FieldSpec<F extends string> = { field: F; label: string; synonyms: readonly string[]; required: boolean };

/** The Plan column, as pay-plan tables and rosters name it (one list for both). */
export const PLAN_FIELD = {
  field: "plan",
  label: "Plan",
  synonyms: ["plan", "pay plan", "bargaining unit", "schedule", "pay schedule", "salary schedule"],
  required: false,
} as const satisfies FieldSpec<"plan">;

/** The Grade column, likewise. */
export const GRADE_FIELD = {
  field: "grade",
  label: "Grade",
  synonyms: ["grade", "pay grade", "grade code", "range", "pay range", "salary grade"],
  required: true,
} as const satisfies FieldSpec<"grade">;

/** Where each field was found: its 0-based column index and the header text. */
export type ColumnMapping<F extends string> = Partial<Record<F, { column: number; header: string }>>;

/**
 * Maps fields to columns of a header row. `explicit` names a header (as written) per field;
 * the rest are detected by synonym. Throws when a header is named twice for one field's
 * candidates, or when an explicit header is not in the row.
 */
export function mapColumns<F extends string>(
  header: readonly CellValue[],
  specs: readonly FieldSpec<F>[],
  explicit: Partial<Record<F, string>> = {},
): ColumnMapping<F> {
  const folded = header.map(foldHeader);
  const mapping: ColumnMapping<F> = {};
  const used = new Set<number>();
  for (const spec of specs) {
    const named = explicit[spec.field];
    if (named === undefined) continue;
    const column = folded.indexOf(foldHeader(named));
    if (column < 0) invalid(`The column '${truncate(named)}' mapped to ${spec.label} is not in the header row`);
    mapping[spec.field] = { column, header: String(header[column]).trim() };
    used.add(column);
  }
  for (const spec of specs) {
    if (mapping[spec.field]) continue;
    for (const synonym of spec.synonyms) {
      const matches = folded.flatMap((text, column) => (text === synonym && !used.has(column) ? [column] : []));
      if (matches.length > 1) {
        invalid(
          `The column '${String(header[matches[0]]).trim()}' appears twice in the header row (columns ${matches
            .map((c) => c + 1)
            .join(" and ")}): rename or remove one`,
        );
      }
      if (matches.length === 1) {
        mapping[spec.field] = { column: matches[0], header: String(header[matches[0]]).trim() };
        used.add(matches[0]);
        break;
      }
    }
  }
  return mapping;
}

/** The message for a required field that was not found, listing what was looked for. */
export function missingColumnMessage<F extends string>(spec: FieldSpec<F>): string {
  const looked = spec.synonyms.slice(0, 6).map((s) => s.replace(/\b\w/g, (c) => c.toUpperCase()));
  return `Missing column '${spec.label}' (looked for: ${looked.join(", ")}${spec.synonyms.length > 6 ? ", …" : ""})`;
}

/** How far down a table the header row is looked for (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: the first row, within the first HEADER_SEARCH_ROWS filled ones, that holds
 * every required field (by synonym or by the explicit mapping) and passes `accept`; else the
 * first filled row (whose missing columns the caller then reports). -1 for an empty table.
 */
export function findHeaderRow<F extends string>(
  table: readonly (readonly CellValue[])[],
  specs: readonly FieldSpec<F>[],
  explicit: Partial<Record<F, string>> = {},
  accept: (row: readonly CellValue[]) => boolean = () => true,
): number {
  const first = firstFilledRow(table);
  if (first < 0) return -1;
  const required = specs.filter((spec) => spec.required);
  let seen = 0;
  for (let index = first; index < table.length && seen < HEADER_SEARCH_ROWS; index++) {
    const row = table[index];
    if (!row.some((cell) => String(cell ?? "").trim() !== "")) continue;
    seen++;
    const folded = new Set(row.map(foldHeader));
    const holds = required.every((spec) => {
      const named = explicit[spec.field];
      return named !== undefined ? folded.has(foldHeader(named)) : spec.synonyms.some((s) => folded.has(s));
    });
    if (holds && accept(row)) return index;
  }
  return first;
}

/** Index of the first row holding anything, or -1. */
export function firstFilledRow(table: readonly (readonly CellValue[])[]): number {
  return table.findIndex((row) => row.some((cell) => String(cell ?? "").trim() !== ""));
}
