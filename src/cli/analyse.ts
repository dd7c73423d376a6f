/**
 * The one place the CLI calls the analysis (src/engine/study): tables in, StudyResult out.
 * An error in one input table becomes an InputError naming that table's file (and sheet), so
 * the CLI's one-line message says which file is wrong.
 */
import { InputTableError, runStudy, type RawOptions } from "../engine/study";
import type { StudyResult } from "../exhibits/spec/types";
import { COLLECT_FROM_ROWS, collectGarbage } from "./memory";
import type { Table } from "./readers";

/** Bad content in an input file (the analysis' message, with the file it came from). */
export class InputError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = "InputError";
    this.file = file;
  }
}

/** What the CLI hands the analysis. */
export type AnalysisInput = {
  /** Tables by input id ("plans", "roster", "market" …), as read from files. */
  tables: Record<string, Table>;
  /** Header mapping per input id: field label → header as written. */
  mapping: Record<string, Record<string, string>>;
  asOf: string;
  options: RawOptions;
  /** Exhibit ids asked for with --exhibits; undefined = every exhibit whose tables were given. */
  exhibits?: string[];
  /**
   * The caller hands the tables' cells over (the CLI does): they are emptied here and freed once
   * parsed, and a big run collects its garbage between phases. Others keep their tables intact.
   */
  handOver?: boolean;
};

/** Runs the study on the tables read by the CLI. */
export function analyse(input: AnalysisInput): StudyResult {
  const tables = Object.fromEntries(
    Object.entries(input.tables).map(([id, table]) => [
      id,
      {
        rows: table.rows,
        source: table.source,
        where: table.where,
        mapping: input.mapping[id],
        date1904: table.date1904,
        delimiter: table.delimiter,
        totalsRows: table.totalsRows,
        release: input.handOver === true,
      },
    ]),
  );
  // The analysis owns the cells now: once it has parsed a table they can be freed (a 1,048,576-row
  // roster's cells are half a gigabyte); the CLI keeps each table's file, source and notes.
  const rows = Object.values(input.tables).reduce((sum, table) => sum + table.rows.length, 0);
  if (input.handOver) for (const table of Object.values(input.tables)) table.rows = [];
  const big = input.handOver === true && rows >= COLLECT_FROM_ROWS;
  if (big) collectGarbage(); // what reading left behind
  try {
    return runStudy({
      asOf: input.asOf,
      tables,
      options: input.options,
      exhibits: input.exhibits,
      afterParse: big ? collectGarbage : undefined,
    });
  } catch (error) {
    if (error instanceof InputTableError) {
      const table = input.tables[error.input];
      if (table) {
        const where = table.sheet ? `sheet '${table.sheet}': ` : "";
        throw new InputError(table.file, `${where}${error.message}${cliFix(error)}`);
      }
    }
    throw error;
  }
}

/** How to settle, on the command line, a table that could be read two ways. */
function cliFix(error: InputTableError): string {
  const fix = error.fix;
  if (fix === undefined) return "";
  if (fix.kind === "decimal") return " (--decimal-comma or --decimal-point)";
  const prefix = error.input === "roster" ? "" : `${error.input}:`;
  const example = fix.headers[fix.headers.length - 1] ?? "";
  return ` (e.g. --map "${prefix}${fix.label}=${example.replace(/"/g, "'")}")`;
}
