/**
 * File readers for the CLI: a pay-plan or roster table from .csv (papaparse; UTF-8, UTF-16 or
 * Windows-1252) or .xlsx (xlsx-reader.ts, sheet by sheet as the inflater hands it over).
 * A table is rows of raw cell values — numbers, text, booleans, null — with row i of the
 * array being row i + 1 of the file, so the analysis' row numbers match what the user sees.
 * Anything wrong with a file is a ReaderError that names the file (and sheet, row, column
 * where known); the CLI prints it on one line and exits 2.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import type { CellValue } from "../engine";
import { fileKind } from "./file-kind";
import { byteSize, counted, EXCEL_CELL_CHARACTERS, EXCEL_COLUMNS, EXCEL_ROWS, LIMITS } from "./limits";
import {
  columnLetters,
  openWorkbook,
  WorkbookError,
  type HiddenRows,
  type SheetInfo,
  type SheetRows,
  type Workbook,
} from "./xlsx-reader";

export type { HiddenRows } from "./xlsx-reader";

/** A rectangular-ish block of raw cell values read from one file (or one sheet of it). */
export type Table = {
  /** The file as given on the command line. */
  file: string;
  /** The sheet read, for workbooks. */
  sheet?: string;
  /** rows[i][j] is the cell in row i + 1, column j + 1; blank rows are empty arrays. */
  rows: CellValue[][];
  /** Where it came from, as an address (the JSON's sources, the summary): `roster.csv`, or `[book.xlsx]Roster!A1:H1258`. */
  source: string;
  /** The same in words, for readers of the exhibits: `roster.csv`, or `sheet Roster of book.xlsx`. */
  where?: string;
  /** The workbook uses the 1904 date system: its date serials count from 1904-01-01. */
  date1904?: boolean;
  /** What the reader did that a user should know (an encoding guessed, hidden rows skipped). */
  notes?: string[];
  /** A CSV file's field delimiter (`;` tells how its numbers are likely written). */
  delimiter?: string;
  /** 1-based rows the workbook marks as an Excel table's totals row. */
  totalsRows?: number[];
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
  /** Sheet to read from a workbook; the first visible sheet when omitted. Ignored for CSV. */
  sheet?: string;
  /** Called now and then with the number of rows read so far (for a progress line). */
  onRows?: (rows: number) => void;
  /** Rows hidden in a workbook's sheet: read like the others (default) or skipped. */
  hiddenRows?: HiddenRows;
};

const PROGRESS_EVERY = 50_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip (no entries) starts with its end record. */
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Format = "csv" | "xlsx" | "ole" | "xls-named";

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** `-` on the command line means standard input to most tools: say that CompStudy reads files. */
export const STDIN_MESSAGE =
  "standard input ('-') cannot be read: save the table to a file and give its path (e.g. --roster roster.csv)";

/** Reads the first bytes of a file, turning "not there / not a file / not readable" into ReaderErrors. */
function sniff(file: string): Uint8Array {
  if (file === "-" || path.basename(file) === "-") throw new ReaderError(file, STDIN_MESSAGE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new ReaderError(file, describeIoError(error, "cannot read the file"));
  }
  if (stat.isDirectory()) throw new ReaderError(file, "is a folder, not a file");
  // A pipe or a device has no end to read to (/dev/zero never ends, a FIFO waits for a writer).
  if (!stat.isFile())
    throw new ReaderError(file, `is ${fileKind(stat)}, not a file: save the table to a file and give its path`);
  if (stat.size === 0) throw new ReaderError(file, "the file is empty");
  if (stat.size > LIMITS.fileBytes)
    throw new ReaderError(
      file,
      `is ${byteSize(Math.ceil(stat.size / (1 << 20)) * (1 << 20))}, larger than the ${byteSize(LIMITS.fileBytes)} CompStudy reads: save only the sheets, columns and rows the study needs`,
    );
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

/** Spreadsheet formats that are not .xlsx, known by their extension: what to do instead. */
const OTHER_FORMATS: Readonly<Record<string, string>> = {
  ".ods": "is an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv (LibreOffice: File › Save As…)",
  ".fods": "is a flat OpenDocument spreadsheet (.fods): save it as .xlsx or .csv (LibreOffice: File › Save As…)",
  ".xlsb": "is a binary workbook (.xlsb): save it as .xlsx or .csv (Excel: File › Save As)",
  ".numbers": "is an Apple Numbers file: export it as .xlsx or .csv (Numbers: File › Export To)",
};

function formatOf(file: string, head: Uint8Array): Format {
  const extension = path.extname(file).toLowerCase();
  if (startsWith(head, OLE_MAGIC)) return "ole";
  const zip = startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC);
  const other = OTHER_FORMATS[extension];
  if (other !== undefined && !zip) throw new ReaderError(file, other);
  // An .xls that is not an OLE file: a workbook renamed, or what report tools save under that
  // name (a web page, an Excel 2003 XML file, delimited text) — told apart by its content.
  if (extension === ".xls") return zip ? "xlsx" : "xls-named";
  if (extension === ".xlsx" || extension === ".xlsm") {
    if (!zip)
      throw new ReaderError(
        file,
        otherContent(file, readBytes(file)) ?? "is not a readable .xlsx workbook (not a zip file)",
      );
    return "xlsx";
  }
  // Whatever its name, a zip file is not CSV; text is.
  return zip ? "xlsx" : "csv";
}

/** Reads a table from a .csv or .xlsx file (by content and extension). */
export async function readTable(file: string, options: ReadOptions = {}): Promise<Table> {
  const head = sniff(file);
  const format = formatOf(file, head);
  if (format === "ole") throw new ReaderError(file, oleMessage(file, readBytes(file)));
  if (format === "xls-named") return namedXls(file, options.onRows);
  if (format === "xlsx") {
    const [table] = await readWorkbookSheets(file, [options.sheet], options.onRows, {
      hiddenRows: options.hiddenRows,
    });
    return table as Table;
  }
  return readCsv(file, options.onRows);
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ReaderError(file, describeIoError(error, "cannot read the file"));
  }
}

// ---------------------------------------------------------------------------------------
// Old Office files (OLE compound files): an encrypted workbook, an .xls, or something else

/**
 * What an OLE compound file holds, from the names of its streams: "EncryptionInfo" and
 * "EncryptedPackage" are a password-protected .xlsx (Office encrypts into this container),
 * "Workbook" or "Book" an old binary .xls. Directory entries are 128-byte records whose name
 * is UTF-16 with its byte length (terminator included) at offset 64 and type 2 (a stream) at 66.
 */
export function oleKind(bytes: Uint8Array): "encrypted" | "xls" | "other" {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = bytes[at + 64] | (bytes[at + 65] << 8);
    const type = bytes[at + 66];
    if (type !== 2 || length < 4 || length > 64 || length % 2 !== 0) continue;
    let name = "";
    for (let index = 0; index < length - 2; index += 2)
      name += String.fromCharCode(bytes[at + index] | (bytes[at + index + 1] << 8));
    names.add(name);
  }
  if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) return "encrypted";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  return "other";
}

/** The one line for an OLE file (or a file named .xls, which old report tools also write as HTML or text). */
function oleMessage(file: string, bytes: Uint8Array): string {
  const kind = startsWith(bytes, OLE_MAGIC) ? oleKind(bytes) : "other";
  if (kind === "encrypted")
    return "is password-protected (encrypted): open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save, and run again — or save the tables as .csv";
  if (kind === "xls" || path.extname(file).toLowerCase() === ".xls")
    return "old binary .xls workbooks are not supported: save it as .xlsx or .csv";
  return "is an old Office file, not a workbook CompStudy reads: save the table as .xlsx or .csv";
}

// ---------------------------------------------------------------------------------------
// CSV

/** Decoded text and, when the encoding was not plain UTF-8, a note saying how it was read. */
export type DecodedText = { text: string; note?: string };

/** How many leading bytes are looked at to recognise UTF-16 without a byte-order mark. */
const UTF16_SAMPLE = 4096;

/**
 * UTF-16 without a byte-order mark, recognised by its zero bytes: text that is mostly ASCII has
 * a zero in every other byte (the high byte: odd offsets in little-endian, even in big-endian),
 * which UTF-8 and Windows-1252 text never has.
 */
function utf16Without(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE) / 2);
  if (pairs < 1) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return "utf-16le";
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return "utf-16be";
  return undefined;
}

/**
 * Decodes a text file's bytes: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark
 * or recognised by its zero bytes, else — when the bytes are not valid UTF-8 — Windows-1252,
 * the encoding Excel on Windows saves "CSV (Comma delimited)" in for Western languages.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), note: "read as UTF-16 (little-endian)" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), note: "read as UTF-16 (big-endian)" };
  const utf16 = utf16Without(bytes);
  if (utf16 !== undefined)
    return {
      text: new TextDecoder(utf16).decode(bytes),
      note: `read as UTF-16 (${utf16 === "utf-16le" ? "little" : "big"}-endian, recognised without a byte-order mark)`,
    };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      note: "not valid UTF-8, read as Windows-1252 (check accented names; saving as 'CSV UTF-8' avoids the guess)",
    };
  }
}

/** Windows-1252's characters for the bytes 0x80–0x9F (the five it leaves undefined map to themselves, as WHATWG says). */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Windows-1252 text. Not TextDecoder("windows-1252"): Node 20's decodes it as ISO-8859-1, so
 * € and Excel's curly quotes (0x80, 0x93, 0x94) would come out as invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}

/** Reads a CSV file: encoding and delimiter (`,` `;` tab `|`) detected, quoted fields, CRLF or LF. */
export function readCsv(file: string, onRows?: (rows: number) => void): Table {
  // The bytes are let go once decoded: a big file is not held twice while its rows are read.
  const { text, note } = decodedFile(file);
  const table = parseCsvText(file, text, onRows);
  return note === undefined ? table : { ...table, notes: [note] };
}

/** A CSV file's text as csvTable decodes it (its bytes unreachable once this returns). */
function decodedFile(file: string): DecodedText {
  const bytes = readBytes(file);
  const other = otherContent(file, bytes);
  if (other !== undefined) throw new ReaderError(file, other);
  return decodedCsv(file, bytes);
}

/** What a file is by its first characters, when it is not a table: a web page, an XML spreadsheet. */
export function contentKind(bytes: Uint8Array): "html" | "xml-spreadsheet" | "mhtml" | undefined {
  const start = decodeText(bytes.subarray(0, 2048))
    .text.replace(/^[\ufeff\s]+/, "")
    .slice(0, 1024)
    .toLowerCase();
  if (/^mime-version\s*:/.test(start)) return "mhtml";
  if (start.startsWith("<?xml")) {
    if (start.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml-spreadsheet";
    return /<html[\s>]/.test(start) ? "html" : undefined;
  }
  return /^<(?:!doctype html|html|head|body|table|meta|style|title)[\s>]/.test(start) ? "html" : undefined;
}

/** The one line for a file whose content is a web page or an XML spreadsheet, whatever its name says. */
function otherContent(file: string, bytes: Uint8Array): string | undefined {
  const kind = contentKind(bytes);
  if (kind === undefined) return undefined;
  const named = path.extname(file) === "" ? "" : ` saved with the extension ${path.extname(file).toLowerCase()}`;
  const what = {
    html: `is a web page (HTML)${named}, not a table CompStudy reads`,
    mhtml: `is a single-file web page (MHTML)${named}, not a table CompStudy reads`,
    "xml-spreadsheet": `is an Excel 2003 XML spreadsheet${named}, not a table CompStudy reads`,
  }[kind];
  return `${what}: open it in Excel and save it as .xlsx (File › Save As › Excel Workbook) or .csv`;
}

/** A file named .xls that is not a binary workbook: a web page or XML refused by name, delimited text read. */
function namedXls(file: string, onRows?: (rows: number) => void): Table {
  const bytes = readBytes(file);
  const other = otherContent(file, bytes);
  if (other !== undefined) throw new ReaderError(file, other);
  const { text } = decodeText(bytes.subarray(0, UTF16_SAMPLE));
  if (text.includes("\u0000") || /[\u0001-\u0008\u000e-\u001f]/.test(text))
    throw new ReaderError(
      file,
      startsWith(bytes, OLE_MAGIC.slice(0, 4))
        ? oleMessage(file, bytes)
        : "is not an Excel workbook: its content is neither an .xls nor an .xlsx workbook (damaged, or another format): save the table as .xlsx or .csv",
    );
  const table = csvTable(file, bytes, onRows);
  const note = `is a text file with an .xls name (as report tools save them): read as text delimited by ${DELIMITER_NAMES[table.delimiter ?? ","]}`;
  return { ...table, notes: [note, ...(table.notes ?? [])] };
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ",": "commas",
  ";": "semicolons",
  "\t": "tabs",
  "|": "bars",
};

/** A CSV file's table from its bytes (decoded as decodeText says, noted when not plain UTF-8). */
export function csvTable(file: string, bytes: Uint8Array, onRows?: (rows: number) => void): Table {
  const { text, note } = decodedCsv(file, bytes);
  const table = parseCsvText(file, text, onRows);
  return note === undefined ? table : { ...table, notes: [note] };
}

/** A CSV file's text (refused when it holds binary data) and the note on its encoding. */
function decodedCsv(file: string, bytes: Uint8Array): DecodedText {
  const decoded = decodeText(bytes);
  if (decoded.text.slice(0, UTF16_SAMPLE).includes("\u0000"))
    throw new ReaderError(file, "is not a text file (it holds binary data): save the table as .csv or .xlsx");
  return decoded;
}

const DELIMITERS = [",", ";", "\t", "|"];

/**
 * The delimiter, guessed by papaparse from the first non-blank lines (its guess on the whole
 * text fails on files with blank lines, which we keep so that row numbers match the file).
 */
function guessDelimiter(text: string): string {
  // Counted outside quotes, record by record (a quoted field may hold a delimiter or a line
  // break): the delimiter found the same number of times in every one of the first records wins,
  // the most frequent among those; papaparse's own guess counts inside quotes too.
  const records: number[][] = [];
  let counts = DELIMITERS.map(() => 0);
  let quoted = false;
  let filled = false;
  const end = Math.min(text.length, GUESS_CHARACTERS);
  for (let index = 0; index < end && records.length < GUESS_RECORDS; index++) {
    const char = text[index];
    if (char === '"') {
      quoted = !quoted;
      filled = true;
    } else if (!quoted && (char === "\n" || char === "\r")) {
      if (filled) records.push(counts);
      counts = DELIMITERS.map(() => 0);
      filled = false;
    } else if (!quoted) {
      const at = DELIMITERS.indexOf(char);
      if (at >= 0) counts[at]++;
      if (char.trim() !== "") filled = true;
    }
  }
  if (filled && records.length < GUESS_RECORDS) records.push(counts);
  let best: { delimiter: string; score: number; consistent: boolean } | undefined;
  DELIMITERS.forEach((delimiter, d) => {
    const seen = records.map((record) => record[d]);
    const consistent = seen.length > 0 && seen.every((n) => n === seen[0]) && seen[0] > 0;
    const score = seen.reduce((sum, n) => sum + n, 0);
    if (score === 0) return;
    if (!best || (consistent && !best.consistent) || (consistent === best.consistent && score > best.score))
      best = { delimiter, score, consistent };
  });
  return best?.delimiter ?? ",";
}

/** How many records the delimiter is guessed from, within how many characters at most. */
const GUESS_RECORDS = 20;
const GUESS_CHARACTERS = 1 << 20;

/** Parses CSV text (exported for tests and property checks). */
export function parseCsvText(file: string, text: string, onRows?: (rows: number) => void): Table {
  if (text.trim() === "") throw new ReaderError(file, "the file is empty");
  const rows: CellValue[][] = [];
  let unclosedAt: number | undefined;
  const limits = new CsvLimits(file);
  const delimiter = guessDelimiter(text);
  const cells = new CellPool();
  /** One record's fields: false once a limit is passed (reading stops). */
  const record = (fields: string[]): boolean => {
    const blank = fields.length === 1 && fields[0] === "";
    // Blank lines past the last row Excel holds are kept only if a row follows them (which is refused).
    if (blank && rows.length >= EXCEL_ROWS) return true;
    if (!limits.accept(rows.length + 1, fields)) return false;
    rows.push(blank ? [] : cells.row(fields));
    if (onRows && rows.length % PROGRESS_EVERY === 0) onRows(rows.length);
    return true;
  };
  if (text.indexOf('"') < 0) splitUnquoted(text, delimiter, record);
  else
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        // An unclosed quote swallows the rest of the file: report it rather than guess.
        for (const error of result.errors)
          if (error.code === "MissingQuotes" && unclosedAt === undefined) unclosedAt = error.index ?? 0;
        if (!record(result.data)) parser.abort();
      },
    });
  limits.check();
  if (unclosedAt !== undefined) {
    const line = lineOf(text, unclosedAt);
    throw new ReaderError(file, `line ${line}: a quoted field is never closed`, { row: line });
  }
  trimTrailingBlankRows(rows);
  if (rows.length === 0) throw new ReaderError(file, "the file is empty");
  onRows?.(rows.length);
  return { file, rows, source: path.basename(file), where: path.basename(file), delimiter };
}

/**
 * Text without a quote character, read exactly as papaparse reads it (its "fast mode": the
 * lines split at the line ending it guesses, each line at the delimiter), without a result
 * object per record: most HRIS exports quote nothing, and a 1,048,576-row roster is read in
 * a fraction of the time.
 */
function splitUnquoted(text: string, delimiter: string, record: (fields: string[]) => boolean): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // papaparse drops a byte-order mark
  const newline = lineEnding(body);
  // The fields are cut from the text itself, as line.split(delimiter) would cut them from the
  // line, without a string for the line; each record's array is made at the last record's width.
  let width = 1;
  for (let start = 0; ;) {
    const end = body.indexOf(newline, start);
    const stop = end < 0 ? body.length : end;
    const fields = new Array<string>(width);
    let count = 0;
    for (let from = start; ;) {
      const at = body.indexOf(delimiter, from);
      if (at < 0 || at >= stop) {
        fields[count++] = body.slice(from, stop);
        break;
      }
      fields[count++] = body.slice(from, at);
      from = at + delimiter.length;
    }
    if (count !== width) {
      fields.length = count;
      width = count;
    }
    if (!record(fields) || end < 0) return;
    start = end + newline.length;
  }
}

/** The line ending papaparse guesses for text without quotes (from its first megabyte). */
function lineEnding(text: string): string {
  const head = text.substring(0, 1024 * 1024);
  const r = head.split("\r");
  const n = head.split("\n");
  if (r.length === 1 || (n.length > 1 && n[0].length < r[0].length)) return "\n";
  const withN = r.filter((part) => part[0] === "\n").length;
  return withN >= r.length / 2 ? "\r\n" : "\r";
}

/** How many distinct texts a column keeps one copy of (a column of unique IDs stops growing here). */
const POOLED_PER_COLUMN = 1 << 16;

/**
 * One string for each repeated text of a column: a roster's plans, grades, dates, salaries and
 * titles repeat over a million rows, and as one string each they are a few thousand objects
 * instead of millions (less memory, and the readers' caches find them by identity).
 */
class CellPool {
  /** Per column: its texts, until it holds POOLED_PER_COLUMN (then null: a column of unique IDs is not looked up). */
  private readonly columns: (Map<string, string> | null)[] = [];

  /** The record's cells, in place: a blank field is null, a repeated text its first copy. */
  row(fields: string[]): CellValue[] {
    const cells = fields as CellValue[];
    for (let column = 0; column < fields.length; column++) {
      const field = fields[column];
      if (field === "") {
        cells[column] = null;
        continue;
      }
      let pool = this.columns[column];
      if (pool === null) continue;
      if (pool === undefined) {
        pool = new Map();
        this.columns[column] = pool;
      }
      const known = pool.get(field);
      if (known !== undefined) cells[column] = known;
      else if (pool.size < POOLED_PER_COLUMN) {
        const copy = flat(field);
        pool.set(copy, copy);
        cells[column] = copy;
      } else this.columns[column] = null;
    }
    return cells;
  }
}

/**
 * A copy of a text that does not point into the file's text: V8 makes a longer substring a
 * view of the whole string, and one kept view would keep the whole file in memory.
 */
function flat(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * What a CSV file may hold, checked record by record as papaparse reads it (issue 19): Excel's
 * rows, columns and characters a cell, and the cells a table spans. The first limit passed stops
 * the parse and is reported with the row (and column) where it was passed.
 */
class CsvLimits {
  private spanned = 0;
  private problem: ReaderError | undefined;
  constructor(private readonly file: string) {}

  /** False (and the problem kept) when row `row` passes a limit. */
  accept(row: number, fields: readonly string[]): boolean {
    if (row > EXCEL_ROWS)
      return this.refuse(`has more than ${counted(EXCEL_ROWS)} rows (Excel's limit, and CompStudy's)`, row);
    if (fields.length > EXCEL_COLUMNS)
      return this.refuse(
        `row ${counted(row)} has ${counted(fields.length)} fields, more than a sheet's ${counted(EXCEL_COLUMNS)} columns (Excel's limit): is the delimiter right?`,
        row,
      );
    for (let index = 0; index < fields.length; index++)
      if (fields[index].length > EXCEL_CELL_CHARACTERS)
        return this.refuse(
          `row ${counted(row)}, column ${columnLetters(index + 1)}: a cell of ${counted(fields[index].length)} characters, more than a cell holds (${counted(EXCEL_CELL_CHARACTERS)}, Excel's limit): is a quote left open?`,
          row,
          index + 1,
        );
    this.spanned += fields.length;
    if (this.spanned > LIMITS.tableCells)
      return this.refuse(
        `its rows hold more than ${counted(LIMITS.tableCells)} fields (passed at row ${counted(row)}), more than CompStudy reads: save only the columns and rows the study needs`,
        row,
      );
    return true;
  }

  private refuse(message: string, row: number, column?: number): false {
    this.problem = new ReaderError(this.file, message, { row, column });
    return false;
  }

  /** Throws the limit passed, if any. */
  check(): void {
    if (this.problem) throw this.problem;
  }
}

/** 1-based line number of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

function trimTrailingBlankRows(rows: CellValue[][]): void {
  while (rows.length > 0 && rows[rows.length - 1].every((value) => value === null || value === "")) rows.pop();
}

// ---------------------------------------------------------------------------------------
// XLSX

export { columnLetters } from "./xlsx-reader";

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function sameSheet(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A sheet asked of a workbook: a name, undefined for the first visible sheet, or optional names (any of them). */
export type SheetWanted = string | undefined | { names: readonly string[]; optional: true };

export type WorkbookReadOptions = { hiddenRows?: HiddenRows };

/** "'Roster'", "'Lookup' (hidden)" for a list of the sheets a workbook has. */
function sheetList(sheets: readonly SheetInfo[]): string {
  return sheets.map((sheet) => `'${sheet.name}'${sheet.state === "visible" ? "" : " (hidden)"}`).join(", ");
}

/** The sheet `want` names, and what the user should hear about the choice. */
function choose(book: Workbook, want: SheetWanted, file: string): { sheet: SheetInfo; notes: string[] } | undefined {
  if (want === undefined) {
    const index = book.sheets.findIndex((sheet) => sheet.state === "visible" && sheet.kind === "worksheet");
    if (index < 0)
      throw new ReaderError(file, `no visible sheet holds a table (${sheetList(book.sheets)}): name the sheet to read`);
    const hidden = book.sheets.slice(0, index).filter((skipped) => skipped.state !== "visible");
    const sheet = book.sheets[index];
    const notes =
      hidden.length === 0
        ? []
        : [
            `hidden ${hidden.length === 1 ? "sheet" : "sheets"} ${hidden.map((s) => `'${s.name}'`).join(", ")} skipped: read '${sheet.name}', the first visible sheet (name a sheet to read another)`,
          ];
    return { sheet, notes };
  }
  const sheet =
    typeof want === "string"
      ? (book.sheets.find((candidate) => candidate.name === want) ??
        book.sheets.find((candidate) => sameSheet(want, candidate.name)))
      : book.sheets.find((candidate) => want.names.some((name) => sameSheet(name, candidate.name)));
  if (!sheet) {
    if (typeof want === "object") return undefined;
    throw new ReaderError(file, `no sheet named '${want}' (the workbook has: ${sheetList(book.sheets)})`, {
      sheet: want,
    });
  }
  return {
    sheet,
    notes: sheet.state === "visible" ? [] : [`sheet '${sheet.name}' is hidden; read because it was named`],
  };
}

/** The notes on one sheet read: its hidden rows. */
function hiddenRowsNote(sheet: string, hidden: readonly number[], mode: HiddenRows): string[] {
  if (hidden.length === 0) return [];
  const rows =
    hidden.length <= 5 ? hidden.join(", ") : `${hidden.slice(0, 5).join(", ")} and ${hidden.length - 5} more`;
  const what = `${hidden.length.toLocaleString("en-US")} hidden ${hidden.length === 1 ? "row" : "rows"} (${rows})`;
  return [
    mode === "skip"
      ? `sheet '${sheet}': ${what} skipped (--skip-hidden-rows)`
      : `sheet '${sheet}': ${what} read like the others (--skip-hidden-rows leaves them out)`,
  ];
}

/** Totals rows as rows of the table read (hidden rows skipped leave no gap: rows keep their numbers). */
function totalsAfterSkipping(result: SheetRows): number[] {
  return result.totalsRows.filter((row) => row <= result.rows.length);
}

/** Formulas never calculated: their cells hold no value to read, so the sheet cannot be studied. */
function uncalculatedError(file: string, sheet: string, result: SheetRows): ReaderError {
  const first = result.firstUncalculated as { ref: string; formula: string };
  const formula = first.formula.length > 30 ? `${first.formula.slice(0, 29)}…` : first.formula;
  const count = result.uncalculated.toLocaleString("en-US");
  return new ReaderError(
    file,
    `sheet '${sheet}': ${count} ${result.uncalculated === 1 ? "formula was" : "formulas were"} never calculated (first: ${first.ref} =${formula}): open the workbook in Excel or LibreOffice and save it, or save the values as .csv`,
    { sheet },
  );
}

/**
 * Reads several sheets of one workbook. `wanted[i]` is a sheet name (matched exactly, then
 * ignoring case and outer spaces), undefined for the first visible sheet in tab order, or a
 * list of optional names (the first sheet matching any; undefined in the result when none
 * does). A missing required sheet is a ReaderError listing the sheets the workbook has.
 */
export async function readWorkbookSheets(
  file: string,
  wanted: SheetWanted[],
  onRows?: (rows: number) => void,
  options: WorkbookReadOptions = {},
): Promise<(Table | undefined)[]> {
  const head = sniff(file);
  if (startsWith(head, OLE_MAGIC)) throw new ReaderError(file, oleMessage(file, readBytes(file)));
  const bytes = readBytes(file);
  if (!startsWith(head, ZIP_MAGIC) && !startsWith(head, EMPTY_ZIP_MAGIC)) {
    const other = otherContent(file, bytes);
    if (other !== undefined) throw new ReaderError(file, other);
  }
  const mode = options.hiddenRows ?? "include";
  try {
    const book = openWorkbook(bytes);
    const chosen = wanted.map((want) => choose(book, want, file));
    const read = new Map<SheetInfo, Table>();
    let total = 0;
    const tables: (Table | undefined)[] = [];
    for (const [index, choice] of chosen.entries()) {
      if (choice === undefined) {
        tables.push(undefined);
        continue;
      }
      const { sheet } = choice;
      let table = read.get(sheet);
      if (!table) {
        const before = total;
        const result = await book.readSheet(sheet, {
          hiddenRows: mode,
          onRows: onRows && ((rows) => onRows(before + rows)),
        });
        total += result.rows.length;
        if (result.uncalculated > 0) throw uncalculatedError(file, sheet.name, result);
        const range =
          result.rows.length > 0 && result.width > 0 ? `!A1:${columnLetters(result.width)}${result.rows.length}` : "";
        table = {
          file,
          sheet: sheet.name,
          rows: result.rows,
          source: `[${path.basename(file)}]${quoteSheet(sheet.name)}${range}`,
          where: `sheet ${sheet.name} of ${path.basename(file)}`,
          date1904: book.date1904 || undefined,
          notes: hiddenRowsNote(sheet.name, result.hiddenRows, mode),
          ...(result.totalsRows.length > 0 ? { totalsRows: totalsAfterSkipping(result) } : {}),
        };
        read.set(sheet, table);
      }
      if (table.rows.length === 0) {
        if (typeof wanted[index] === "object") {
          tables.push(undefined);
          continue;
        }
        throw new ReaderError(file, `sheet '${sheet.name}' is empty`, { sheet: sheet.name });
      }
      tables.push({ ...table, notes: [...choice.notes, ...(table.notes ?? [])] });
    }
    // The date system is the workbook's: say it once, on the first table read.
    const first = tables.find((table) => table !== undefined);
    if (first && book.date1904)
      first.notes = [...(first.notes ?? []), "the workbook uses the 1904 date system; its dates are read in it"];
    onRows?.(total);
    return tables;
  } catch (error) {
    if (error instanceof ReaderError) throw error;
    if (error instanceof WorkbookError) throw new ReaderError(file, error.message, { sheet: error.sheet });
    // Damage the checks above did not foresee: still one line about the file, never a stack.
    throw new ReaderError(file, "is not a readable .xlsx workbook (the zip or its XML is damaged)");
  }
}
