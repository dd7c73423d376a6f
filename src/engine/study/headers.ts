/**
 * Finding columns by their headers: trimmed, case-insensitive, with the synonyms HR exports
 * use (Pay Grade, Rate, Date of Hire, Bargaining Unit …). An explicit mapping wins.
 */
import type { CellValue } from "../cells";
import { isSpace, truncate } from "../cells";
import { EngineError, invalid } from "../errors";

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
  // PeopleSoft's SAL_ADMIN_PLAN is the salary plan.
  synonyms: [
    "plan",
    "pay plan",
    "bargaining unit",
    "schedule",
    "pay schedule",
    "salary schedule",
    "salary plan",
    "sal admin plan",
  ],
  required: false,
} as const satisfies FieldSpec<"plan">;

/** The Grade column, likewise. */
export const GRADE_FIELD = {
  field: "grade",
  label: "Grade",
  synonyms: ["grade", "pay grade", "grade code", "range", "pay range", "salary grade", "compensation grade"],
  required: true,
} as const satisfies FieldSpec<"grade">;

/** Where each field was found: its 0-based column index and the header text. */
export type ColumnMapping<F extends string> = Partial<Record<F, { column: number; header: string }>>;

/** What a user can say to settle a refusal: which column a field reads, or the file's decimal separator. */
export type ReadingFix = { kind: "map"; label: string; headers: string[] } | { kind: "decimal" };

/**
 * A table that could be read two ways (two columns fit one field, numbers that are 31,200 or
 * 31.2): refused with the choice that settles it, which each host words its own way (the CLI
 * names its option, the pane its mapping page).
 */
export class ReadingChoiceError extends EngineError {
  constructor(
    message: string,
    readonly fix: ReadingFix,
  ) {
    super("invalid argument", message);
    this.name = "ReadingChoiceError";
  }
}

/** A header as written: invisible characters dropped, trimmed. */
function headerText(value: CellValue): string {
  return String(value ?? "")
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, "")
    .trim();
}

/** Case and inner spaces folded, punctuation and hints kept ("Salary (2024-25)" → "salary (2024-25)"). */
function looseText(value: CellValue): string {
  return headerText(value).toLowerCase().replace(/\s+/g, " ");
}

/** Punctuation folded to spaces, a trailing hint kept ("Salary (2024-25)" → "salary 2024 25"). */
function punctuationFolded(value: CellValue): string {
  return looseText(value)
    .replace(/[._#:/\\()[\]-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The column a user named for a field: the header written exactly so, else the one equal
 * ignoring case and spaces, else ignoring punctuation, else ignoring a format hint ("Hire Date"
 * names "Hire Date (mm/dd/yyyy)") — never a similar column when a closer one exists, and never
 * a guess between two equally close ones (refused, naming both).
 */
export function namedColumn(header: readonly CellValue[], named: string, label: string): number {
  const levels: ((value: CellValue) => string)[] = [headerText, looseText, punctuationFolded, foldHeader];
  for (const level of levels) {
    const wanted = level(named);
    if (wanted === "") continue;
    const matches = header.flatMap((cell, column) => (level(cell) === wanted ? [column] : []));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1)
      throw new ReadingChoiceError(
        `The column '${truncate(named)}' mapped to ${label} matches ${matches.length} columns (${matches
          .map((c) => `'${truncate(headerText(header[c]))}'`)
          .join(", ")}): rename one, or name the column exactly as written`,
        { kind: "map", label, headers: matches.map((c) => headerText(header[c])) },
      );
  }
  return -1;
}

/** What one field reads: its column, or the columns that fit it equally (to choose between), or nothing. */
export type ColumnChoice = { column: number; header: string } | { candidates: string[]; message: string } | undefined;

/**
 * Each field's column in a header row, without refusing: `explicit` names a header (as
 * written) per field (see namedColumn); the rest are detected by synonym — a column headed with
 * the field's own name first ("Salary" for Salary), else one headed with another synonym ("Base
 * Pay"). Two columns that fit one field equally well are that field's candidates, never a
 * guess between them ("Salary (2023-24)" and "Salary (2024-25)"), whatever their order. A
 * column is read for one field only: the user's mapping first, then the fields in order.
 */
export function columnChoices<F extends string>(
  header: readonly CellValue[],
  specs: readonly FieldSpec<F>[],
  explicit: Partial<Record<F, string>> = {},
): Partial<Record<F, ColumnChoice>> {
  const folded = header.map(foldHeader);
  const choices: Partial<Record<F, ColumnChoice>> = {};
  const used = new Set<number>();
  for (const spec of specs) {
    const named = explicit[spec.field];
    if (named === undefined) continue;
    const column = namedColumn(header, named, spec.label);
    if (column < 0) invalid(`The column '${truncate(named)}' mapped to ${spec.label} is not in the header row`);
    choices[spec.field] = { column, header: headerText(header[column]) };
    used.add(column);
  }
  for (const spec of specs) {
    if (choices[spec.field]) continue;
    const own = foldHeader(spec.label);
    const fits = folded.flatMap((text, column) => (!used.has(column) && spec.synonyms.includes(text) ? [column] : []));
    if (fits.length === 0) continue;
    const byName = fits.filter((column) => folded[column] === own);
    const best = byName.length > 0 ? byName : fits;
    if (best.length > 1) {
      const texts = best.map((column) => headerText(header[column]));
      const same = texts.every((text) => text.toLowerCase() === texts[0].toLowerCase());
      choices[spec.field] = {
        candidates: texts,
        message: same
          ? `The column '${truncate(texts[0])}' appears twice in the header row (columns ${best
              .map((c) => c + 1)
              .join(" and ")}): rename or remove one`
          : `Two columns could be ${spec.label}: ${texts.map((text) => `'${truncate(text)}'`).join(" and ")}: name the one to read`,
      };
      continue;
    }
    choices[spec.field] = { column: best[0], header: headerText(header[best[0]]) };
    used.add(best[0]);
  }
  return choices;
}

/**
 * Maps fields to columns of a header row (see columnChoices), refusing — naming both columns —
 * a field that two columns fit, and an explicit header that is not in the row.
 */
export function mapColumns<F extends string>(
  header: readonly CellValue[],
  specs: readonly FieldSpec<F>[],
  explicit: Partial<Record<F, string>> = {},
): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const choices = columnChoices(header, specs, explicit);
  for (const spec of specs) {
    const choice: ColumnChoice = choices[spec.field];
    if (choice === undefined) continue;
    if ("candidates" in choice)
      throw new ReadingChoiceError(choice.message, { kind: "map", label: spec.label, headers: choice.candidates });
    mapping[spec.field] = choice;
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
