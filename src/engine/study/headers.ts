/**
 * Finding columns by their headers: trimmed, case-insensitive, with the synonyms HR exports
 * use (Pay Grade, Rate, Date of Hire, Bargaining Unit …). An explicit mapping wins.
 */
import type { CellValue } from "../cells";
import { truncate } from "../cells";
import { invalid } from "../errors";

/** Folds a header for matching: BOM and punctuation dropped, spaces folded, lower case. */
export function foldHeader(value: CellValue): string {
  return String(value ?? "")
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[._#:/\\()-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type FieldSpec<F extends string> = { field: F; label: string; synonyms: readonly string[]; required: boolean };

/** The Plan column, as pay-plan tables and rosters name it (one list for both). */
export const PLAN_FIELD = {
  field: "plan",
  label: "Plan",
  synonyms: ["plan", "pay plan", "bargaining unit", "unit", "schedule", "pay schedule", "salary schedule"],
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

/** Index of the first row holding anything, or -1. */
export function firstFilledRow(table: readonly (readonly CellValue[])[]): number {
  return table.findIndex((row) => row.some((cell) => String(cell ?? "").trim() !== ""));
}
