/**
 * A study's input tables as data: each analysis declares the tables it reads (id, label, the
 * sheet names looked for, the columns, a parser) next to its code; the CLI makes a `--<id> FILE`
 * flag and looks for the sheets in a workbook, the task pane a card, COMP.EXHIBIT a named range.
 */
import { isBlank, type CellValue } from "../cells";
import { EngineError, isEngineError } from "../errors";
import { dateOrderHint, parseDateCell } from "./dates";
import {
  findHeaderRow,
  mapColumns,
  missingColumnMessage,
  ReadingChoiceError,
  type FieldSpec,
  type ReadingFix,
} from "./headers";
import type { Options } from "./options";

/** One table as a host read it. */
export type InputTable = {
  /** Rows of raw cell values; rows[i] is row i + 1 of the source. */
  rows: readonly (readonly CellValue[])[];
  /** Where it came from, as an address for machines (the JSON): "roster.csv", "[book.xlsx]Roster!A1:H1258". */
  source: string;
  /**
   * The same in words, for readers (subtitles, sources, notes): "sheet Roster of book.xlsx",
   * "roster.csv", "table Roster". Without it, readers see `source`.
   */
  where?: string;
  /** Header (as written) per field label, overriding detection ("Hire Date" → "Original Hire Date"). */
  mapping?: Readonly<Record<string, string>>;
  /** Date serials count from 1904-01-01 (the workbook uses the 1904 date system). */
  date1904?: boolean;
  /** The field delimiter of a CSV file (`;` says how its numbers are likely written). */
  delimiter?: string;
  /** 1-based rows the source marks as totals (an Excel table's totals row): never records. */
  totalsRows?: readonly number[];
  /**
   * The study may let go of `rows` once the table is parsed (it empties them), so a 1,048,576-row
   * roster's cells can be freed before the analyses run. For callers that hand the rows over.
   */
  release?: boolean;
};

/** What a parser may consult besides its table. */
export type ParseContext = { asOf: string; options: Options };

/** One input table of the study. */
export type InputSpec<T = unknown> = {
  /** kebab-case: the CLI flag (--market FILE), the COMP.EXHIBIT option name, the settings key. */
  readonly id: string;
  /** As shown to people: "Market", "Proposed Plans". */
  readonly label: string;
  /** Sheet, table or range names looked for in a workbook, in order of preference. */
  readonly sheets: readonly string[];
  /** One sentence: what the table holds. */
  readonly description: string;
  /** Its columns (for the README, --help, the pane's mapping and messages). */
  readonly fields: readonly FieldSpec<string>[];
  /** Columns besides the fields, described in words (the pay plans' Step 1 … Step N). */
  readonly otherColumns?: string;
  readonly parse: (table: InputTable, context: ParseContext) => T;
};

/** Declares an input (keeps the parsed type for typed reads). */
export function input<T>(spec: InputSpec<T>): InputSpec<T> {
  return spec;
}

/** A problem with one input table: the adapters name the table (file, sheet, range) in the message. */
export class InputTableError extends EngineError {
  constructor(
    readonly input: string,
    message: string,
    /** The choice that settles a table that could be read two ways (which column, which decimal mark). */
    readonly fix?: ReadingFix,
  ) {
    super("invalid argument", message);
    this.name = "InputTableError";
  }
}

/** Runs a parser, naming the input in any EngineError it throws. */
export function parseInput<T>(spec: InputSpec<T>, table: InputTable, context: ParseContext): T {
  try {
    return spec.parse(table, context);
  } catch (error) {
    if (error instanceof InputTableError) throw error;
    if (isEngineError(error))
      throw new InputTableError(spec.id, error.message, error instanceof ReadingChoiceError ? error.fix : undefined);
    throw error;
  }
}

/** A record read from a table row by field. */
export type TableRecord<F extends string> = {
  row: number;
  cells: readonly CellValue[];
  get: (field: F) => CellValue;
  /**
   * A date field as a day number (days since 1970-01-01) as the table means it — serials in the
   * workbook's date system, numeric dates in the order the header's hint gives — null when
   * blank, undefined when not a date (list the row with that reason).
   */
  date: (field: F) => number | null | undefined;
};

/**
 * Reads the records of a simple input table: the header row (the first, within the first 20,
 * holding the required columns; the explicit mapping by label wins), then one record per
 * non-blank row. Throws naming the missing columns.
 */
export function readRecords<F extends string>(
  table: InputTable,
  fields: readonly FieldSpec<F>[],
): { records: TableRecord<F>[]; headerRow: number; mapping: ReturnType<typeof mapColumns<F>> } {
  const explicit = explicitMapping(table, fields);
  const headerIndex = findHeaderRow(table.rows, fields, explicit);
  if (headerIndex < 0) throw new EngineError("invalid argument", "The table is empty");
  const mapping = mapColumns(table.rows[headerIndex], fields, explicit);
  const missing = fields.filter((spec) => spec.required && !mapping[spec.field]);
  if (missing.length > 0) throw new EngineError("invalid argument", missing.map(missingColumnMessage).join("; "));
  const records: TableRecord<F>[] = [];
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const cells = table.rows[index];
    if (!cells.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== "")) continue;
    const get = (field: F): CellValue => {
      const at = mapping[field]?.column;
      return at === undefined ? null : cells[at];
    };
    records.push({
      row: index + 1,
      cells,
      get,
      date: (field) => {
        const value = get(field);
        if (value === null || value === undefined || String(value).trim() === "") return null;
        const header = mapping[field]?.header ?? "";
        return parseDateCell(value, { date1904: table.date1904, order: dateOrderHint(header) });
      },
    });
  }
  return { records, headerRow: headerIndex + 1, mapping };
}

/** The table's own mapping (header by field label) as headers by field. */
function explicitMapping<F extends string>(
  table: InputTable,
  fields: readonly FieldSpec<F>[],
): Partial<Record<F, string>> {
  const explicit: Partial<Record<F, string>> = {};
  for (const spec of fields) {
    const named = table.mapping?.[spec.label];
    if (named !== undefined) explicit[spec.field] = named;
  }
  return explicit;
}

/**
 * The cells of a new record of a simple input table, the inverse of readRecords: each value
 * under its field's column (the header row and columns found as readRecords finds them), null
 * in every other column (a host leaves those cells as they are). Refuses, naming the columns,
 * when a required field or a field given a value has no column.
 */
export function recordCells<F extends string>(
  table: InputTable,
  fields: readonly FieldSpec<F>[],
  values: Readonly<Partial<Record<F, CellValue>>>,
): CellValue[] {
  const explicit = explicitMapping(table, fields);
  const headerIndex = findHeaderRow(table.rows, fields, explicit);
  if (headerIndex < 0)
    throw new EngineError("invalid argument", "The table is empty: it needs its header row before a row is added");
  const mapping = mapColumns(table.rows[headerIndex], fields, explicit);
  const missing = fields.filter((spec) => (spec.required || !isBlank(values[spec.field])) && !mapping[spec.field]);
  if (missing.length > 0)
    throw new EngineError(
      "invalid argument",
      `${missing.map(missingColumnMessage).join("; ")}: add ${missing.length === 1 ? "the column" : "the columns"} to the header row, then add the row again`,
    );
  const width = table.rows.reduce((most, row) => Math.max(most, row.length), 0);
  const cells: CellValue[] = Array.from({ length: width }, () => null);
  for (const spec of fields) {
    const at = mapping[spec.field]?.column;
    const value = values[spec.field];
    if (at !== undefined && !isBlank(value)) cells[at] = value;
  }
  return cells;
}

/** The mapping of roster/plans fields by label → by field, for parsers that take fields. */
export function mappingByField<F extends string>(
  fields: readonly FieldSpec<F>[],
  byLabel: Readonly<Record<string, string>> | undefined,
): Partial<Record<F, string>> {
  const result: Partial<Record<F, string>> = {};
  if (!byLabel) return result;
  const known = new Map(fields.map((spec) => [spec.label.toLowerCase(), spec.field]));
  for (const [label, header] of Object.entries(byLabel)) {
    const field = known.get(label.toLowerCase()) ?? fields.find((spec) => spec.field === label)?.field;
    if (field === undefined)
      throw new EngineError(
        "invalid argument",
        `There is no column '${label}' to map (columns: ${fields.map((spec) => spec.label).join(", ")})`,
      );
    result[field] = header;
  }
  return result;
}
