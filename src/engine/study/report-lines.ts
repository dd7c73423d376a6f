/**
 * HR systems export reports, not tables: under the header come, besides the records, the
 * header and page title repeated at each page break, total lines ("Grand Total", a subtotal
 * per department, "Total Employees: 60"), the totals row an Excel table marks as such, and
 * text lines ("*** End of Report ***", "Page 3 of 7", a group heading). None is a record: they
 * are left out and counted, never read as an employee or a grade. The detectors are general —
 * a row equal to the header or a title once folded, a row whose identifying cells are blank or
 * say Total and whose numbers add up the rows above, a row of text that identifies nothing —
 * so that reports laid out in ways not seen before are read the same way.
 */
import { isBlank, type CellValue } from "../cells";
import { foldHeader } from "./headers";

/** Why a line under the header is not a record. */
export type ReportLineKind = "totals-row" | "header" | "title" | "total" | "text";

/** What the detectors need to know of a table. */
export type ReportShape = {
  /** 0-based index of the header row. */
  headerIndex: number;
  /** The column holding the record's own identifier (Employee ID; a pay plan's Grade). */
  id: number;
  /** Other columns that identify a record (Plan, Grade): blank or "Total" on a total line. */
  identifying: readonly number[];
  /** Columns of amounts a total line adds up (Salary, FTE). */
  amounts: readonly number[];
  /** Reads an amount as the table's numbers are read (its decimal mark). */
  read: (cell: CellValue) => number | undefined;
  /** 1-based rows the file itself marks as totals (an Excel table's totals row). */
  totalsRows?: ReadonlySet<number>;
};

/**
 * "Total", "Grand Total", "Totals:", "Department Total", "Subtotal", "Total Employees: 60", and
 * the labels of Excel's and LibreOffice's subtotals ("Maintenance Count", "Grand Average",
 * "Fleet Sum", "Grand Result").
 */
const TOTAL_WORD = /\b(?:sub-?totals?|totals?|count|sum|average|result)\b/i;
/** An identifier: one token of letters, digits and the separators codes use. */
const ID_LIKE = /^[A-Za-z0-9][A-Za-z0-9_.\-/#]{0,23}$/;
/** Characters a header folds to spaces (foldHeader): an ID without them folds only its case. */
const PUNCTUATION = /[._#:/\\()[\]-]/;
const PAGE_NUMBER = /\bpage\s*\d+(?:\s*of\s*\d+)?/g;
const CONTINUED = /\b(?:continued|cont'd|cont\.)/g;
/** Amounts written in a total line may be rounded to the dollar. */
const TOTAL_TOLERANCE = 0.5;

function cellText(cell: CellValue): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** True for a cell that says it is a total ("Grand Total", "Total Employees: 60"). */
export function saysTotal(cell: CellValue): boolean {
  return typeof cell === "string" && TOTAL_WORD.test(cell);
}

/** True for a cell holding an identifier (E001, 10045, B1-5), not words. */
export function idLike(cell: CellValue): boolean {
  if (typeof cell === "number") return Number.isFinite(cell);
  const text = cellText(cell);
  return ID_LIKE.test(text) && !TOTAL_WORD.test(text);
}

/**
 * The identifier of a usual record, checked cheaply (every row of a roster passes here): one
 * token starting with a letter or digit, not a total's word, not the header's own word.
 */
function usualId(raw: string, isHeaderId: (text: string) => boolean): boolean {
  const text = raw.length > 0 && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (text.length === 0 || text.length > 24 || text.indexOf(" ") >= 0) return false;
  const first = text.charCodeAt(0) | 32;
  const alphanumeric = (first >= 97 && first <= 122) || (text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57);
  return alphanumeric && !TOTAL_WORD.test(text) && !isHeaderId(text);
}

/** A title line as compared with its repeats: folded, page numbers and "continued" dropped. */
export function titleKey(cells: readonly CellValue[]): string {
  // Folded here rather than with foldHeader: a title line is any text of a report, and these
  // patterns are each one pass over it.
  return cells
    .map(cellText)
    .filter((text) => text !== "")
    .join(" ")
    .toLowerCase()
    .replace(PAGE_NUMBER, " ")
    .replace(CONTINUED, " ")
    .replace(TITLE_PUNCTUATION, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Punctuation and invisible characters a title's repeats may differ in. */
const TITLE_PUNCTUATION = /[._#:/\\()[\]\-\u00ad\u200b-\u200f\u2060\ufeff]+/g;

function filled(cells: readonly CellValue[]): number {
  let count = 0;
  for (const cell of cells) if (!isBlank(cell)) count++;
  return count;
}

/** True when every filled cell of `cells` is the header's cell in its column, and at least two are. */
export function repeatsHeader(cells: readonly CellValue[], foldedHeader: readonly string[]): boolean {
  let matches = 0;
  for (let column = 0; column < cells.length; column++) {
    if (isBlank(cells[column])) continue;
    if (foldHeader(cells[column]) !== foldedHeader[column] || foldedHeader[column] === "") return false;
    matches++;
  }
  return matches >= Math.min(2, foldedHeader.filter((text) => text !== "").length);
}

/**
 * The lines under the header that are not records, by 0-based row index. Blank rows are not
 * listed (every reader skips them).
 */
export function reportLines(rows: readonly (readonly CellValue[])[], shape: ReportShape): Map<number, ReportLineKind> {
  const lines = new Map<number, ReportLineKind>();
  const header = rows[shape.headerIndex] ?? [];
  const foldedHeader = header.map(foldHeader);
  const headerId = foldedHeader[shape.id] ?? "";
  const headerIdText = cellText(header[shape.id]).toLowerCase();
  /** The header's own word in the ID column ("Employee ID", "EMPLOYEE_ID"), compared cheaply first. */
  // Its last letter: an ID ending otherwise (E0000123) cannot be the header's word, however written.
  const headerLast = headerId.charCodeAt(headerId.length - 1);
  const isHeaderId = (text: string): boolean =>
    (text.charCodeAt(text.length - 1) | 32) === headerLast &&
    ((text.length === headerIdText.length && text.toLowerCase() === headerIdText) ||
      (PUNCTUATION.test(text) && foldHeader(text) === headerId));
  const titles = new Set<string>();
  for (let index = 0; index < shape.headerIndex; index++) {
    const key = titleKey(rows[index]);
    if (key !== "") titles.add(key);
  }
  // Sums of the amounts over the records read so far, from the first line that could be a
  // total on (a roster without one costs nothing), and where the current block started.
  let sums: number[] | undefined;
  let records = 0;
  let summedTo = shape.headerIndex + 1;
  let blockSums: number[] = shape.amounts.map(() => 0);
  let blockRecords = 0;
  const catchUp = (to: number): number[] => {
    sums ??= shape.amounts.map(() => 0);
    for (; summedTo < to; summedTo++) {
      const cells = rows[summedTo];
      if (lines.has(summedTo) || cells.every(isBlank)) continue;
      records++;
      shape.amounts.forEach((column, at) => {
        const value = shape.read(cells[column]);
        if (value !== undefined) (sums as number[])[at] += value;
      });
    }
    return sums;
  };
  /** The row's amounts add up the records above (of its block, or all); a count in its ID cell counts them. */
  const addsUp = (cells: readonly CellValue[], index: number): boolean => {
    const all = catchUp(index);
    const counted = countIn(cells[shape.id]);
    const over = (sum: number, count: number, at: number): boolean => {
      const value = shape.read(cells[shape.amounts[at]]);
      return (
        value !== undefined &&
        count >= 2 &&
        Math.abs(value - sum) <= TOTAL_TOLERANCE &&
        (counted === undefined || counted === count)
      );
    };
    return shape.amounts.some(
      (_, at) => over(all[at] - blockSums[at], records - blockRecords, at) || over(all[at], records, at),
    );
  };
  const closeBlock = (index: number): void => {
    blockSums = [...catchUp(index + 1)];
    blockRecords = records;
  };

  const totalsRows = shape.totalsRows !== undefined && shape.totalsRows.size > 0 ? shape.totalsRows : undefined;
  const identifying = shape.identifying;
  for (let index = shape.headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index];
    const id = cells[shape.id];
    // The usual record: an identifier that is not the header's own word, with a plan or grade.
    if (
      (totalsRows === undefined || !totalsRows.has(index + 1)) &&
      (typeof id === "number" ? Number.isFinite(id) : typeof id === "string" && usualId(id, isHeaderId)) &&
      anyFilled(cells, identifying)
    )
      continue;
    if (cells.every(isBlank)) continue;
    let kind: ReportLineKind | undefined;
    if (shape.totalsRows?.has(index + 1)) kind = "totals-row";
    else if (repeatsHeader(cells, foldedHeader)) kind = "header";
    else if (titles.size > 0 && titles.has(titleKey(cells))) kind = "title";
    else if (saysTotal(id) || (isTotal(cells, shape) && (cells.some(saysTotal) || addsUp(cells, index))))
      kind = "total";
    else if (isText(cells, shape)) kind = "text";
    if (kind === undefined) continue;
    lines.set(index, kind);
    if (kind === "total" || kind === "totals-row") closeBlock(index);
  }
  return lines;
}

/** True when one of the columns is filled (or there are none to look at). */
function anyFilled(cells: readonly CellValue[], columns: readonly number[]): boolean {
  if (columns.length === 0) return true;
  for (const column of columns) {
    const cell = cells[column];
    // A code starting with a visible character is filled: no trimming needed to know.
    if (typeof cell === "string" ? cell.charCodeAt(0) > 32 || cell.trim() !== "" : !isBlank(cell)) return true;
  }
  return false;
}

/** A count written in a total line's ID cell ("10"), or undefined. */
function countIn(cell: CellValue): number | undefined {
  if (typeof cell === "number") return Number.isInteger(cell) ? cell : undefined;
  const text = cellText(cell);
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** Identifying cells blank or saying Total (the identifier may also be a count: "60"). */
function isTotal(cells: readonly CellValue[], shape: ReportShape): boolean {
  const id = cells[shape.id];
  if (!isBlank(id) && !saysTotal(id) && typeof id !== "number" && !/^\d+$/.test(cellText(id))) return false;
  return shape.identifying.every((column) => isBlank(cells[column]) || saysTotal(cells[column]));
}

/** A line of text alone — no amount, no identifier, no code — such as a footer, a page number, a heading. */
function isText(cells: readonly CellValue[], shape: ReportShape): boolean {
  const count = filled(cells);
  if (count === 0 || count > 3) return false;
  if (idLike(cells[shape.id])) return false;
  if (shape.identifying.some((column) => idLike(cells[column]))) return false;
  if (shape.amounts.some((column) => shape.read(cells[column]) !== undefined)) return false;
  return cells.every((cell) => isBlank(cell) || (typeof cell === "string" && !idLike(cell)));
}

const KIND_WORDS: Record<ReportLineKind, [string, string]> = {
  "totals-row": ["the table's totals row", "the table's totals rows"],
  header: ["repeated header row", "repeated header rows"],
  title: ["repeated page title", "repeated page titles"],
  total: ["total line", "total lines"],
  text: ["line of text (a footer, page number or heading)", "lines of text (footers, page numbers, headings)"],
};

function listRows(rows: readonly number[]): string {
  return rows.length <= 5 ? rows.join(", ") : `${rows.slice(0, 5).join(", ")} and ${rows.length - 5} more`;
}

/** "roster: 5 lines left out, not employees: 2 repeated header rows (61, 122), 1 total line (185), …". */
export function reportLinesNote(what: string, noun: string, lines: ReadonlyMap<number, ReportLineKind>): string[] {
  if (lines.size === 0) return [];
  const byKind = new Map<ReportLineKind, number[]>();
  for (const [index, kind] of [...lines].sort((a, b) => a[0] - b[0]))
    byKind.set(kind, [...(byKind.get(kind) ?? []), index + 1]);
  const parts = [...byKind].map(([kind, rows]) => {
    const [one, many] = KIND_WORDS[kind];
    return `${rows.length === 1 && kind === "totals-row" ? one : `${rows.length} ${rows.length === 1 ? one : many}`} (${rows.length === 1 ? "row" : "rows"} ${listRows(rows)})`;
  });
  return [`${what}: ${lines.size} ${lines.size === 1 ? "line" : "lines"} left out, not ${noun}: ${parts.join(", ")}`];
}
