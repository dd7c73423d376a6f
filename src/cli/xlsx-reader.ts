/**
 * A direct reader of .xlsx workbooks (ECMA-376 SpreadsheetML) as the tools people use write
 * them — Excel, LibreOffice, openpyxl and pandas (absolute part paths), the .NET SDK
 * (prefixed elements), ExcelJS — read from the package's relationships, never from assumed
 * part names. It keeps what a study needs and ExcelJS's streaming reader lost: the names of
 * Excel errors (#N/A), hidden sheets and rows, the 1904 date system, date cells stored as ISO
 * text (t="d"), and formulas that were never calculated (no cached value), which it counts.
 * Sheets are inflated and scanned chunk by chunk, so a 1,048,576-row sheet is never held as
 * one string.
 */
import type { CellValue } from "../engine";
import { counted, EXCEL_CELL_CHARACTERS, EXCEL_COLUMNS, EXCEL_ROWS, LIMITS } from "./limits";
import {
  attribute,
  attributes,
  decodeCellText,
  decodeXml,
  firstChildren,
  partText,
  richText,
  TextPool,
  XmlDamageError,
  XmlElementsError,
  XmlScanner,
} from "./xml-scan";
import { entryBytes, streamEntry, ZipError, zipEntries, type ZipEntry } from "./zip";

/** Something wrong with the workbook; readers.ts adds the file name. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A sheet of the workbook, in tab order. */
export type SheetInfo = {
  name: string;
  state: SheetState;
  /** "worksheet", or what else the tab is (a chart sheet, a macro sheet). */
  kind: "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";
  /** The zip entry of its part, when the relationship resolves to one. */
  entry?: ZipEntry;
  /** Its part's name ("xl/worksheets/sheet1.xml"), for the parts it relates to (its tables). */
  part?: string;
};

/** How rows hidden in the sheet are read (`--hidden-rows`). */
export type HiddenRows = "include" | "skip";

/** One sheet's cells and what the reader saw in it. */
export type SheetRows = {
  /** rows[i][j] is the cell in row i + 1, column j + 1; blank rows are empty arrays. */
  rows: CellValue[][];
  /** Cells in the widest row. */
  width: number;
  /** 1-based numbers of the hidden rows that hold something (read or skipped as asked). */
  hiddenRows: number[];
  /** Formula cells with no cached value (the workbook was never calculated), and the first of them. */
  uncalculated: number;
  firstUncalculated?: { ref: string; formula: string };
  /** 1-based rows that are an Excel table's totals row (the table part says so: totalsRowCount). */
  totalsRows: number[];
};

/** The workbook's parts, opened. */
export type Workbook = {
  sheets: SheetInfo[];
  /** Date serials count from 1904-01-01 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
  /** Reads one worksheet's rows. */
  readSheet: (sheet: SheetInfo, options?: SheetOptions) => Promise<SheetRows>;
};

export type SheetOptions = {
  hiddenRows?: HiddenRows;
  /** Called every PROGRESS_EVERY rows with the rows read so far in this sheet. */
  onRows?: (rows: number) => void;
};

/** Excel's grid: beyond it a cell reference is damage, not data (and would cost memory). */
const MAX_ROWS = EXCEL_ROWS;
const MAX_COLUMNS = EXCEL_COLUMNS;
const PROGRESS_EVERY = 50_000;

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** Opens a workbook from its bytes (a zip): its sheets in tab order, date system and strings. */
export function openWorkbook(data: Uint8Array): Workbook {
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(data);
  } catch (error) {
    throw unreadable(error);
  }
  const text = (entry: ZipEntry, limit: number = LIMITS.partBytes): string => {
    try {
      return new TextDecoder("utf-8").decode(entryBytes(data, entry, limit));
    } catch (error) {
      throw unreadable(error);
    }
  };
  refuseOtherPackages(entries, text);

  const main = officeDocument(entries, text);
  const workbookEntry = entries.get(main.toLowerCase());
  if (!workbookEntry) throw new WorkbookError("is not a readable .xlsx workbook (it has no workbook part)");
  const relations = relationships(entries, text, main);

  let date1904 = false;
  const sheets: SheetInfo[] = [];
  const scanner = new XmlScanner({
    open: (name, raw) => {
      if (name === "workbookPr") {
        const value = attribute(raw, "date1904");
        date1904 = value === "1" || value === "true";
      } else if (name === "sheet") {
        const found = attributes(raw);
        const state = found.get("state");
        const relation = relations.get(found.get("id") ?? "");
        const kind = relation ? partKind(relation.type) : "unknown";
        sheets.push({
          name: found.get("name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          kind,
          entry: relation ? entries.get(relation.target.toLowerCase()) : undefined,
          part: relation?.target,
        });
      }
    },
    close: () => undefined,
  });
  scanXml(scanner, text(workbookEntry), `the workbook part '${workbookEntry.name}'`);
  if (sheets.length === 0) throw new WorkbookError("is not a readable .xlsx workbook (it has no sheets)");

  let shared: Promise<string[]> | undefined;
  const sharedStrings = (): Promise<string[]> => {
    if (shared === undefined) {
      const target = [...relations.values()].find((relation) => relation.type === "sharedStrings")?.target;
      const entry = target === undefined ? undefined : entries.get(target.toLowerCase());
      shared = entry ? readSharedStrings(data, entry) : Promise.resolve([]);
    }
    return shared;
  };

  return {
    sheets,
    date1904,
    readSheet: async (sheet, options = {}) => {
      if (sheet.kind !== "worksheet")
        throw new WorkbookError(
          `sheet '${sheet.name}' is a ${sheet.kind === "chartsheet" ? "chart" : sheet.kind.replace("sheet", " sheet")}, not a table`,
          sheet.name,
        );
      if (!sheet.entry)
        throw new WorkbookError(`sheet '${sheet.name}' is missing from the workbook (damaged)`, sheet.name);
      const rows = await readSheetRows(data, sheet, await sharedStrings(), date1904, options);
      return { ...rows, totalsRows: sheet.part === undefined ? [] : tablesTotalsRows(entries, text, sheet.part) };
    },
  };
}

/**
 * The rows of the sheet's Excel tables that are totals rows: each table part (`<table
 * ref="A1:H12" totalsRowCount="1">`) marks its last totalsRowCount rows of `ref` as totals.
 */
function tablesTotalsRows(
  entries: Map<string, ZipEntry>,
  text: (entry: ZipEntry) => string,
  sheetPart: string,
): number[] {
  const rows: number[] = [];
  for (const relation of relationships(entries, text, sheetPart).values()) {
    if (relation.type !== "table") continue;
    const entry = entries.get(relation.target.toLowerCase());
    if (!entry) continue;
    new XmlScanner({
      open: (name, raw) => {
        if (name !== "table") return;
        const count = Number(attribute(raw, "totalsRowCount") ?? 0);
        const last = /(\d+)$/.exec(attribute(raw, "ref") ?? "");
        if (!Number.isInteger(count) || count < 1 || count > 16 || !last) return;
        for (let row = Number(last[1]) - count + 1; row <= Number(last[1]); row++) rows.push(row);
      },
      close: () => undefined,
    }).feedText(text(entry));
  }
  return rows.sort((a, b) => a - b);
}

/** The one message for a zip that cannot be read: damaged, valid but unsupported, or past a limit. */
function unreadable(error: unknown): WorkbookError {
  if (error instanceof ZipError && (error.kind === "limit" || error.kind === "ambiguous"))
    return new WorkbookError(error.message);
  const detail =
    error instanceof ZipError && error.kind === "unsupported" ? error.message : "the zip or its XML is damaged";
  return new WorkbookError(`is not a readable .xlsx workbook (${detail})`);
}

/** A scanner's damage or limit as a message naming the part (`what`: "sheet 'Roster'", "the shared strings"). */
function xmlProblem(error: unknown, what: string, sheet?: string): unknown {
  if (error instanceof XmlDamageError)
    return new WorkbookError(`${what}: ${error.message}: the workbook is damaged or crafted`, sheet);
  if (error instanceof XmlElementsError)
    return new WorkbookError(
      `${what} ${error.message}, more than CompStudy reads: the workbook is damaged or crafted`,
      sheet,
    );
  return error;
}

/** Scans a whole part's text, naming the part in a damage message. */
function scanXml(scanner: XmlScanner, xml: string, what: string): void {
  try {
    scanner.feedText(xml);
    scanner.finish();
  } catch (error) {
    throw xmlProblem(error, what);
  }
}

/** An .ods or .xlsb (a zip, but not SpreadsheetML): one line saying what to do. */
function refuseOtherPackages(entries: Map<string, ZipEntry>, text: (entry: ZipEntry, limit?: number) => string): void {
  const mimetype = entries.get("mimetype");
  if (mimetype && mimetypeOf(mimetype, text) === ODS_MIMETYPE)
    throw new WorkbookError(
      "is an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv (LibreOffice: File › Save As…)",
    );
  if (mimetype && !entries.has("[content_types].xml"))
    throw new WorkbookError("is an OpenDocument file, not an .xlsx workbook: save the table as .xlsx or .csv");
  if (entries.has("xl/workbook.bin"))
    throw new WorkbookError("is a binary workbook (.xlsb): save it as .xlsx or .csv (Excel: File › Save As)");
}

/** The mimetype entry's text when it is short (a real one is 46 characters), else undefined: never inflated further. */
function mimetypeOf(entry: ZipEntry, text: (entry: ZipEntry, limit?: number) => string): string | undefined {
  try {
    return text(entry, 256).trim();
  } catch {
    return undefined;
  }
}

type Relation = { type: string; target: string };

/** The workbook part's name, from the package relationships (xl/workbook.xml when they are missing). */
function officeDocument(entries: Map<string, ZipEntry>, text: (entry: ZipEntry) => string): string {
  const rels = entries.get("_rels/.rels");
  if (rels) {
    for (const relation of readRelations(text(rels), ""))
      if (relation.type === "officeDocument") return relation.target;
  }
  return "xl/workbook.xml";
}

/** A part's relationships by id, targets resolved to part names. */
function relationships(
  entries: Map<string, ZipEntry>,
  text: (entry: ZipEntry) => string,
  part: string,
): Map<string, Relation & { id: string }> {
  const slash = part.lastIndexOf("/");
  const folder = part.slice(0, slash + 1);
  const rels = entries.get(`${folder}_rels/${part.slice(slash + 1)}.rels`.toLowerCase());
  return new Map(rels ? readRelations(text(rels), folder).map((relation) => [relation.id, relation]) : []);
}

function readRelations(xml: string, folder: string): (Relation & { id: string })[] {
  const found: (Relation & { id: string })[] = [];
  const scanner = new XmlScanner({
    open: (name, raw) => {
      if (name !== "Relationship") return;
      const all = attributes(raw);
      if (all.get("TargetMode") === "External") return;
      // The type's last segment: the same for transitional and strict OOXML namespaces.
      const type = (all.get("Type") ?? "").replace(/^.*\//, "");
      found.push({ id: all.get("Id") ?? "", type, target: resolvePart(folder, all.get("Target") ?? "") });
    },
    close: () => undefined,
  });
  scanXml(scanner, xml, "the workbook's relationships");
  return found;
}

/**
 * A relationship target as a part name: absolute ("/xl/worksheets/sheet1.xml", as openpyxl
 * writes) from the package root, relative ("worksheets/sheet1.xml") from the source's folder.
 */
export function resolvePart(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const path = decoded.startsWith("/") ? decoded.slice(1) : folder + decoded;
  const parts: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

function partKind(type: string): SheetInfo["kind"] {
  switch (type) {
    case "worksheet":
    case "chartsheet":
    case "dialogsheet":
      return type;
    case "xlMacrosheet":
    case "xlIntlMacrosheet":
      return "macrosheet";
    default:
      return "unknown";
  }
}

const SHARED_STRINGS = "the shared-string table";

/**
 * The shared-string table: each `<si>`'s text (rich-text runs joined, phonetic runs left out).
 * Its count and text are bounded as it is read, whatever its `count` attribute declares.
 */
async function readSharedStrings(data: Uint8Array, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  const pool = new TextPool();
  let characters = 0;
  const scanner = new XmlScanner(
    {
      open: () => undefined,
      close: () => undefined,
      block: (_name, _attributes, inner) => {
        if (strings.length >= LIMITS.sharedStrings)
          throw new WorkbookError(
            `${SHARED_STRINGS} holds more than ${counted(LIMITS.sharedStrings)} texts, more than CompStudy reads: the workbook is damaged or crafted`,
          );
        const text = inner === undefined ? "" : pool.keep(richText(inner));
        characters += text.length;
        if (characters > LIMITS.sharedStringCharacters)
          throw new WorkbookError(
            `${SHARED_STRINGS} holds more than ${counted(LIMITS.sharedStringCharacters)} characters, more than CompStudy reads: save the tables as .csv, or only the sheets needed`,
          );
        strings.push(text);
      },
    },
    new Map([["si", "a shared string"]]),
  );
  await feedEntry(data, entry, scanner, SHARED_STRINGS);
  return strings;
}

/** Inflates a part chunk by chunk into `scanner`; damage and limits become one line naming the part. */
async function feedEntry(
  data: Uint8Array,
  entry: ZipEntry,
  scanner: XmlScanner,
  what: string,
  sheet?: string,
): Promise<void> {
  try {
    await streamEntry(
      data,
      entry,
      (chunk) => {
        scanner.feed(chunk);
        return scanner.stopped ? "stop" : undefined;
      },
      LIMITS.streamedPartBytes,
    );
    scanner.finish();
  } catch (error) {
    if (error instanceof ZipError)
      throw error.kind === "limit" ? new WorkbookError(`${what}: ${error.message}`, sheet) : unreadable(error);
    if (error instanceof XmlDamageError && error.limit === undefined)
      throw new WorkbookError(`${what} is damaged or cut short: ${error.message}`, sheet);
    throw xmlProblem(error, what, sheet);
  }
}

/** 0-based column of a cell reference ("AB12" → 27); -1 when it has no letters (past Excel's grid: MAX_COLUMNS). */
function columnOf(ref: string): number {
  let column = 0;
  let index = 0;
  for (; index < ref.length; index++) {
    const code = ref.charCodeAt(index) | 32; // lower case
    if (code < 97 || code > 122) break;
    // Past XFD it is damage whatever follows: stop counting (a million letters are not a column).
    if (column <= MAX_COLUMNS) column = column * 26 + (code - 96);
  }
  return index === 0 ? -1 : Math.min(column, MAX_COLUMNS + 1) - 1;
}

/** 1-based row of a cell reference ("AB12" → 12): its trailing digits, NaN when it has none. */
function rowOf(ref: string): number {
  let start = ref.length;
  while (start > 0 && ref.charCodeAt(start - 1) >= 48 && ref.charCodeAt(start - 1) <= 57) start--;
  return start === ref.length ? Number.NaN : Number(ref.slice(start));
}

/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A reference or number from the file, shortened for a message (a crafted one can be a megabyte long). */
function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system's serials are 1,462 smaller. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * A date cell stored as ISO 8601 text (`t="d"`) as the serial Excel shows for it in the
 * workbook's date system; undefined when the text is not such a date (the cell is then kept as
 * text, and the study lists the row with the reason, never shifts it). The zone, if written, is
 * ignored: the cell shows its wall-clock date.
 */
export function isoDateSerial(text: string, date1904: boolean): number | undefined {
  const time = ISO_TIME.exec(text);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  const fraction = (Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0)) / 86_400;
  let serial = utc / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (date1904) serial -= DAYS_1904;
  // 1900 system: serials before 1900-03-01 are one less (Excel counts a 1900-02-29 that never was).
  else if (serial < 61) serial -= 1;
  return serial < (date1904 ? 0 : 1) ? undefined : serial + fraction;
}

const CELL_PARTS = ["v", "f", "is"] as const;

/** The parts of a cell's inner XML other than `<v>42</v>`: its value, formula and inline string (a linear scan). */
function cellParts(inner: string): { value?: string; formula?: string; inline?: string } {
  const { v, f, is } = firstChildren(inner, CELL_PARTS);
  return {
    value: v === undefined ? undefined : partText(v),
    formula: f === undefined ? undefined : partText(f),
    inline: is === undefined ? undefined : richText(is),
  };
}

/** True for `<v>…</v>` alone, what nearly every cell holds (the fast path). */
function valueOnly(inner: string): boolean {
  return inner.startsWith("<v>") && inner.indexOf("<", 3) === inner.length - 4 && inner.endsWith("</v>");
}

/** A cell's value from its type (`t`) and parts, as the study reads it. */
function cellValue(
  type: string | undefined,
  value: string | undefined,
  inline: string | undefined,
  strings: readonly string[],
  date1904: boolean,
): CellValue {
  switch (type) {
    case "s": {
      const index = value === undefined ? Number.NaN : Number(value);
      return Number.isInteger(index) ? (strings[index] ?? null) : null;
    }
    case "inlineStr":
      return inline ?? null;
    case "str":
      return value === undefined ? null : decodeCellText(value);
    case "b":
      return value === undefined ? null : value.trim() === "1" || value.trim() === "true";
    case "e":
      return value === undefined ? null : decodeXml(value).trim();
    case "d": {
      const text = value === undefined ? "" : decodeXml(value).trim();
      return text === "" ? null : (isoDateSerial(text, date1904) ?? text);
    }
    default: {
      if (value === undefined || value === "") return null;
      const number = Number(value);
      // A number cell holding text (some writers leave out t="str"): keep the text.
      return Number.isFinite(number) && value.trim() !== "" ? number : decodeCellText(value);
    }
  }
}

/** Reads a worksheet's `<sheetData>`: rows of raw cell values, hidden rows, uncalculated formulas. */
async function readSheetRows(
  data: Uint8Array,
  sheet: SheetInfo,
  strings: readonly string[],
  date1904: boolean,
  options: SheetOptions,
): Promise<SheetRows> {
  const skipHidden = options.hiddenRows === "skip";
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  let width = 0;
  let uncalculated = 0;
  let firstUncalculated: SheetRows["firstUncalculated"];

  let inData = false;
  let rowNumber = 0;
  let rowHidden = false;
  let rowNumbered = false;
  let cells: CellValue[] = [];
  const pool = new TextPool();
  let column = -1;
  // What the file implies is bounded as it is read: each row number once, the cells the rows
  // span (each to its last filled cell) and the text they show (a shared string once per cell).
  let seenRows: Uint8Array | undefined;
  let spanned = 0;
  let characters = 0;

  const fail = (message: string): never => {
    throw new WorkbookError(`sheet '${sheet.name}': ${message}`, sheet.name);
  };

  const finishRow = (): void => {
    seenRows ??= new Uint8Array(MAX_ROWS + 1);
    if (seenRows[rowNumber] === 1)
      fail(
        `row ${counted(rowNumber)} appears twice (programs would read different rows): the sheet is damaged or crafted`,
      );
    seenRows[rowNumber] = 1;
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) {
      if (rowHidden) hiddenRows.push(rowNumber);
      if (!(rowHidden && skipHidden)) {
        spanned += cells.length;
        if (spanned > LIMITS.tableCells)
          fail(
            `its rows span more than ${counted(LIMITS.tableCells)} cells (each row to its last filled cell; row ${counted(rowNumber)} reaches column ${columnLetters(cells.length)}), more than CompStudy reads: delete the columns and rows the study does not need, or save the table as .csv`,
          );
        while (rows.length < rowNumber - 1) rows.push([]);
        if (rows.length >= rowNumber) rows[rowNumber - 1] = cells;
        else rows.push(cells);
        if (cells.length > width) width = cells.length;
      }
    }
    cells = [];
    if (options.onRows && rowNumber % PROGRESS_EVERY === 0) options.onRows(rowNumber);
  };

  const startRow = (raw: string): void => {
    const r = attribute(raw, "r");
    const number = r === undefined ? rowNumber + 1 : Number(r);
    if (!Number.isInteger(number) || number < 1 || number > MAX_ROWS)
      fail(`row number '${shortText(r ?? String(number))}' is outside Excel's grid (the sheet is damaged)`);
    rowNumber = number;
    rowNumbered = r !== undefined;
    const hidden = attribute(raw, "hidden");
    rowHidden = hidden === "1" || hidden === "true";
    cells = [];
    column = -1;
  };

  const readCell = (raw: string, inner: string | undefined): void => {
    const ref = attribute(raw, "r");
    let next = column + 1;
    if (ref !== undefined) {
      next = columnOf(ref);
      if (next < 0) fail(`cell reference '${shortText(ref)}' in row ${rowNumber} is not a cell (the sheet is damaged)`);
      // A row written without its number takes it from its first cell's reference.
      if (!rowNumbered && column < 0) {
        const row = rowOf(ref);
        if (Number.isInteger(row) && row > rowNumber && row <= MAX_ROWS) rowNumber = row;
      }
    }
    column = next;
    if (column >= MAX_COLUMNS)
      fail(`row ${rowNumber} has more than ${counted(MAX_COLUMNS)} columns (the sheet is damaged)`);
    if (inner === undefined) return;
    const type = attribute(raw, "t");
    const where = (): string => shortText(ref ?? `row ${rowNumber}, column ${column + 1}`);
    let cell: CellValue;
    if (valueOnly(inner)) cell = cellValue(type, inner.slice(3, -4), undefined, strings, date1904);
    else {
      let parts: ReturnType<typeof cellParts>;
      try {
        parts = cellParts(inner);
      } catch (error) {
        if (error instanceof XmlDamageError) return fail(`cell ${where()} is damaged (${error.message})`);
        throw error;
      }
      const { value, formula, inline } = parts;
      if (formula !== undefined && value === undefined && type !== "inlineStr") {
        uncalculated++;
        firstUncalculated ??= { ref: where(), formula: decodeXml(formula) };
      }
      cell = cellValue(type, value, inline, strings, date1904);
    }
    if (cell === null || cell === "") return;
    if (typeof cell === "string") {
      if (cell.length > EXCEL_CELL_CHARACTERS)
        fail(
          `cell ${where()} holds ${counted(cell.length)} characters, more than a cell can (${counted(EXCEL_CELL_CHARACTERS)}, Excel's limit): the sheet is damaged or crafted`,
        );
      characters += cell.length;
      if (characters > LIMITS.tableCharacters)
        fail(
          `its cells show more than ${counted(LIMITS.tableCharacters)} characters of text (a shared text counted in every cell that shows it), more than CompStudy reads: the workbook is damaged or crafted`,
        );
      // Shared strings are kept already; other text is cut from the chunk being scanned.
      if (type !== "s") cell = pool.keep(cell);
    }
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  };

  const scanner = new XmlScanner(
    {
      open: (name, raw, selfClosing) => {
        if (name === "sheetData") inData = !selfClosing;
        else if (inData && name === "row") {
          startRow(raw);
          if (selfClosing) finishRow();
        }
      },
      close: (name) => {
        if (!inData) return;
        if (name === "row") finishRow();
        else if (name === "sheetData") {
          inData = false;
          scanner.stopped = true;
        }
      },
      block: (_name, raw, inner) => {
        if (inData) readCell(raw, inner);
      },
    },
    new Map([["c", "a cell"]]),
  );
  await feedEntry(data, sheet.entry as ZipEntry, scanner, `sheet '${sheet.name}'`, sheet.name);
  if (inData) fail("the sheet's data never ends (the sheet is damaged or cut short)");
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  options.onRows?.(rowNumber);
  return { rows, width, hiddenRows, uncalculated, firstUncalculated, totalsRows: [] };
}
