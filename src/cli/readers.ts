/**
 * File readers for the CLI: a pay-plan or roster table from .csv (papaparse) or .xlsx
 * (ExcelJS's streaming reader, so a 1,048,576-row roster never sits in memory as a DOM).
 * A table is rows of raw cell values — numbers, text, booleans, null — with row i of the
 * array being row i + 1 of the file, so the analysis' row numbers match what the user sees.
 * Anything wrong with a file is a ReaderError that names the file (and sheet, row, column
 * where known); the CLI prints it on one line and exits 2.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { CellValue } from "../engine";

/** A rectangular-ish block of raw cell values read from one file (or one sheet of it). */
export type Table = {
  /** The file as given on the command line. */
  file: string;
  /** The sheet read, for workbooks. */
  sheet?: string;
  /** rows[i][j] is the cell in row i + 1, column j + 1; blank rows are empty arrays. */
  rows: CellValue[][];
  /** For the exhibits' subtitle: `roster.csv`, or `[book.xlsx]Roster!A1:H1258`. */
  source: string;
  /** The workbook uses the 1904 date system: its date serials count from 1904-01-01. */
  date1904?: boolean;
  /** What the reader did that a user should know (an encoding guessed, hidden rows skipped). */
  notes?: string[];
};

/** Bad input in a file: the message names what and where; the CLI adds the file name. */
export class ReaderError extends Error {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: number;

  constructor(file: string, message: string, where: { sheet?: string; row?: number; column?: number } = {}) {
    super(message);
    this.name = "ReaderError";
    this.file = file;
    this.sheet = where.sheet;
    this.row = where.row;
    this.column = where.column;
  }
}

export type ReadOptions = {
  /** Sheet to read from a workbook; the first sheet when omitted. Ignored for CSV. */
  sheet?: string;
  /** Called now and then with the number of rows read so far (for a progress line). */
  onRows?: (rows: number) => void;
};

const PROGRESS_EVERY = 50_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

type Format = "csv" | "xlsx";

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Reads the first bytes of a file, turning "not there / not a file / not readable" into ReaderErrors. */
function sniff(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new ReaderError(file, describeIoError(error, "cannot read the file"));
  }
  if (stat.isDirectory()) throw new ReaderError(file, "is a folder, not a file");
  if (stat.size === 0) throw new ReaderError(file, "the file is empty");
  const head = Buffer.alloc(Math.min(8, stat.size));
  let handle: number | undefined;
  try {
    handle = fs.openSync(file, "r");
    fs.readSync(handle, head, 0, head.length, 0);
  } catch (error) {
    throw new ReaderError(file, describeIoError(error, "cannot read the file"));
  } finally {
    if (handle !== undefined) fs.closeSync(handle);
  }
  return head;
}

/** "no such file", "permission denied" … from a Node I/O error, without a stack. */
export function describeIoError(error: unknown, fallback: string): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return fallback;
  }
}

function formatOf(file: string, head: Uint8Array): Format {
  const extension = path.extname(file).toLowerCase();
  if (startsWith(head, OLE_MAGIC) || extension === ".xls")
    throw new ReaderError(file, "old binary .xls workbooks are not supported: save it as .xlsx or .csv");
  if (extension === ".xlsx" || extension === ".xlsm") {
    if (!startsWith(head, ZIP_MAGIC)) throw new ReaderError(file, "is not a readable .xlsx workbook (not a zip file)");
    return "xlsx";
  }
  // Whatever its name, a zip file is not CSV; text is.
  return startsWith(head, ZIP_MAGIC) ? "xlsx" : "csv";
}

/** Reads a table from a .csv or .xlsx file (by content and extension). */
export async function readTable(file: string, options: ReadOptions = {}): Promise<Table> {
  const head = sniff(file);
  if (formatOf(file, head) === "xlsx") {
    const [table] = await readWorkbookSheets(file, [options.sheet], options.onRows);
    return table as Table;
  }
  return readCsv(file, options.onRows);
}

// ---------------------------------------------------------------------------------------
// CSV

/** Decodes file bytes: UTF-8 (BOM stripped), or UTF-16 when it starts with a UTF-16 BOM. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // TextDecoder strips a UTF-8 BOM; invalid bytes become U+FFFD rather than failing the run.
  return new TextDecoder("utf-8").decode(bytes);
}

/** Reads a CSV file: delimiter (`,` `;` tab `|`) detected, quoted fields, CRLF or LF. */
export function readCsv(file: string, onRows?: (rows: number) => void): Table {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new ReaderError(file, describeIoError(error, "cannot read the file"));
  }
  return parseCsvText(file, decode(bytes), onRows);
}

const DELIMITERS = [",", ";", "\t", "|"];

/**
 * The delimiter, guessed by papaparse from the first non-blank lines (its guess on the whole
 * text fails on files with blank lines, which we keep so that row numbers match the file).
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: "greedy", preview: 20 });
  return preview.meta.delimiter || ",";
}

/** Parses CSV text (exported for tests and property checks). */
export function parseCsvText(file: string, text: string, onRows?: (rows: number) => void): Table {
  if (text.trim() === "") throw new ReaderError(file, "the file is empty");
  const rows: CellValue[][] = [];
  let unclosedAt: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
    step: (result) => {
      // An unclosed quote swallows the rest of the file: report it rather than guess.
      for (const error of result.errors)
        if (error.code === "MissingQuotes" && unclosedAt === undefined) unclosedAt = error.index ?? 0;
      const fields = result.data;
      rows.push(fields.length === 1 && fields[0] === "" ? [] : fields.map(csvCell));
      if (onRows && rows.length % PROGRESS_EVERY === 0) onRows(rows.length);
    },
  });
  if (unclosedAt !== undefined) {
    const line = lineOf(text, unclosedAt);
    throw new ReaderError(file, `line ${line}: a quoted field is never closed`, { row: line });
  }
  trimTrailingBlankRows(rows);
  if (rows.length === 0) throw new ReaderError(file, "the file is empty");
  onRows?.(rows.length);
  return { file, rows, source: path.basename(file) };
}

/** 1-based line number of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

function csvCell(field: string): CellValue {
  return field === "" ? null : field;
}

function trimTrailingBlankRows(rows: CellValue[][]): void {
  while (rows.length > 0 && rows[rows.length - 1].every((value) => value === null || value === "")) rows.pop();
}

// ---------------------------------------------------------------------------------------
// XLSX

/** Excel's day 0 (1899-12-30) in Unix days: serial = Unix days + 25569. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * An ExcelJS cell value as a raw cell value: Date → Excel serial number, rich text → its
 * text, formula → its cached result, error → its text ("#N/A"), hyperlink → its text.
 */
export function fromExcelJs(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : time / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
  }
  if (typeof value !== "object") return null;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText))
    return (object.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  if (typeof object.error === "string") return object.error;
  if ("formula" in object || "sharedFormula" in object) {
    const result = object.result;
    // ExcelJS's streaming reader parses an error result (<c t="e">) as a number: NaN. The
    // error's name is lost, so say only that it is an error — the analysis lists the row.
    // A formula without any cached result is the same case as far as the reader can tell
    // (ExcelJS drops <v>#N/A</v> of a t="e" cell), or a formula never calculated: an error either way.
    if (result === undefined || (typeof result === "number" && Number.isNaN(result))) return "#ERROR!";
    return fromExcelJs(result);
  }
  if ("hyperlink" in object || "text" in object) return fromExcelJs(object.text);
  return null;
}

/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function sameSheet(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

/** A sheet asked of a workbook: a name, undefined for the first sheet, or optional names (any of them). */
export type SheetWanted = string | undefined | { names: readonly string[]; optional: true };

/**
 * Reads several sheets of one workbook in a single streaming pass. `wanted[i]` is a sheet
 * name (matched exactly, then ignoring case and outer spaces), undefined for the first sheet,
 * or a list of optional names (the first sheet matching any; undefined in the result when
 * none does). A missing required sheet is a ReaderError listing the sheets the workbook has.
 */
export async function readWorkbookSheets(
  file: string,
  wanted: SheetWanted[],
  onRows?: (rows: number) => void,
): Promise<(Table | undefined)[]> {
  sniff(file);
  const found: (Table | undefined)[] = wanted.map(() => undefined);
  const names: string[] = [];
  let total = 0;
  const matches = (want: SheetWanted, name: string, first: boolean): boolean => {
    if (want === undefined) return first;
    if (typeof want === "string") return want === name || sameSheet(want, name);
    return want.names.some((candidate) => sameSheet(candidate, name));
  };
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      // Styles are not needed: dates then arrive as the serial numbers the analysis reads.
      styles: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const worksheet of reader as unknown as AsyncIterable<SheetReader>) {
      const name = worksheet.name;
      const first = names.length === 0;
      names.push(name);
      const targets = wanted.flatMap((want, index) => (!found[index] && matches(want, name, first) ? [index] : []));
      if (targets.length === 0) {
        // Drain the sheet so the zip stream moves on to the next entry.
        for await (const _row of worksheet) void _row;
        continue;
      }
      const rows: CellValue[][] = [];
      let width = 0;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        // row.values is 1-based and sparse.
        for (let column = 1; column < values.length; column++) cells.push(fromExcelJs(values[column]));
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(cells);
        width = Math.max(width, cells.length);
        total++;
        if (onRows && total % PROGRESS_EVERY === 0) onRows(total);
      }
      trimTrailingBlankRows(rows);
      const range = rows.length > 0 && width > 0 ? `!A1:${columnLetters(width)}${rows.length}` : "";
      for (const index of targets)
        found[index] = {
          file,
          sheet: name,
          rows,
          source: `[${path.basename(file)}]${quoteSheet(name)}${range}`,
        };
      // Optional sheets may come later: stop only when every sheet asked for is read.
      if (found.every(Boolean)) break;
    }
  } catch (error) {
    if (error instanceof ReaderError) throw error;
    throw new ReaderError(file, "is not a readable .xlsx workbook (the zip or its XML is damaged)");
  }
  if (names.length === 0) throw new ReaderError(file, "is not a readable .xlsx workbook (it has no sheets)");
  return wanted.map((want, index) => {
    const table = found[index];
    if (!table) {
      if (typeof want === "object" && want !== null) return undefined;
      throw new ReaderError(
        file,
        `no sheet named '${want}' (the workbook has: ${names.map((n) => `'${n}'`).join(", ")})`,
        {
          sheet: want,
        },
      );
    }
    if (table.rows.length === 0) {
      if (typeof want === "object" && want !== null) return undefined;
      throw new ReaderError(file, `sheet '${table.sheet}' is empty`, { sheet: table.sheet });
    }
    onRows?.(total);
    return table;
  });
}
