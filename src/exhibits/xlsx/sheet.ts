/**
 * One worksheet part from a sheet layout (src/exhibits/layout.ts), streamed as text pieces so a
 * sheet of a million rows never sits in memory as one string, and the shared-strings part. Both
 * are generators of pieces of at least PIECE characters: the writer can stop between pieces
 * (the CLI lets an interrupt in there).
 * Values only: a cell is a number or a shared string, never a formula, so roster text such as
 * "=HYPERLINK(…)" stays text.
 */
import {
  DEFAULT_ROW_HEIGHT,
  MAX_SHEET_ROWS,
  PAGE,
  type CellBlock,
  type NumberFormat,
  type PageLayout,
} from "../layout";
import type { CellScalar } from "../spec/types";
import { MAIN_NS, XML_HEADER, type FontRole, type Styles } from "./parts";
import { cellText, columnName, escapeXml, escapeXstring, type TextRepairs } from "./xml";

/** Distinct texts kept in the shared-strings part; later ones are written in their cells. */
export const DISTINCT_SHARED_STRINGS = 100_000;

/**
 * The workbook's shared strings: each distinct text stored once, cells refer to it by index.
 * Past `limit` distinct texts, new texts are written in their cells instead (inline strings,
 * equally valid): a table of a million unique reasons would cost more than it saves.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Cells that refer to a shared string (the part's `count`). */
  private uses = 0;

  private readonly limit: number;

  constructor(limit?: number) {
    this.limit = limit ?? DISTINCT_SHARED_STRINGS;
  }

  /** The index of `text` (already cleaned for the package), or undefined to write it inline. */
  id(text: string): number | undefined {
    let id = this.index.get(text);
    if (id === undefined) {
      if (this.texts.length >= this.limit) return undefined;
      id = this.texts.length;
      this.texts.push(text);
      this.index.set(text, id);
    }
    this.uses++;
    return id;
  }

  /** The part, in pieces. */
  *pieces(): Generator<string> {
    let pending = `${XML_HEADER}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.texts.length}">`;
    for (const text of this.texts) {
      pending += `<si>${textElement(text)}</si>`;
      if (pending.length >= PIECE) {
        yield pending;
        pending = "";
      }
    }
    yield `${pending}</sst>`;
  }
}

/** Pieces are joined until they are at least this long. */
const PIECE = 1 << 18;

/** `<t>`, keeping leading and trailing spaces and line breaks that XML would otherwise let readers drop. */
function textElement(text: string): string {
  const preserve = /^\s|\s$|[\n\t]/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeXstring(text)}</t>`;
}

/** What the sheet writer needs besides the layout. */
export type SheetContext = {
  styles: Styles;
  strings: SharedStrings;
  repairs: TextRepairs;
  /** The first sheet is the one shown when the workbook opens. */
  selected: boolean;
  /** The table's column names as written (unique, cleaned); they replace the header row's values. */
  tableColumns?: string[];
  /** Relationship ids of the sheet's table and drawing, when it has them. */
  tableRelId?: string;
  drawingRelId?: string;
};

/**
 * The style of each cell of a block: its number format, font and alignment. Numbers' headers
 * sit right, over their numbers, and so does text in a number column (a suppression mark);
 * headers and long text wrap; a text block merged across columns wraps from its top. What a
 * row shares is worked out once per row, and each column remembers its last style, so a long
 * table costs two array reads a cell.
 */
function blockStyler(
  block: CellBlock,
  styles: Styles,
): (r: number, c: number, value: CellScalar | undefined) => number {
  const bold = new Set(block.boldRows);
  const columns = block.values.reduce((most, values) => Math.max(most, values.length), 0);
  const right = new Uint8Array(columns);
  for (const c of block.rightAlignedHeader ?? []) if (c < columns) right[c] = 1;
  const wrap = new Uint8Array(columns);
  for (const c of block.wrapColumns ?? []) if (c < columns) wrap[c] = 1;
  const anyWrap = (block.wrapColumns ?? []).length > 0;
  const table = block.role === "table";
  const firstFont: FontRole | undefined =
    block.role === "title"
      ? "title"
      : block.role === "subtitle" || block.role === "source" || block.role === "note"
        ? "subtitle"
        : block.role === "step-heading" || block.role === "study" || block.role === "chart-heading"
          ? "bold"
          : undefined;
  // The last format seen and its style, per column and kind of cell (bold, right-aligned).
  const seenFormat: (string | undefined)[] = new Array(columns * 4);
  const seenStyle = new Int32Array(columns * 4);
  let lastRow = -1;
  let rowBold = false;
  let formats: NumberFormat[] = [];
  return (r, c, value) => {
    const header = r === 0;
    if (r !== lastRow) {
      lastRow = r;
      // The table header is bold in the cells too: readers without table styles (LibreOffice ≤ 7.4) show it so.
      rowBold = bold.has(r) || (table && header);
      formats = block.formats[r];
    }
    const format = formats[c];
    const isRight = right[c] === 1 && (header || typeof value === "string");
    const slot = c * 4 + (rowBold ? 2 : 0) + (isRight ? 1 : 0);
    if (!header && seenFormat[slot] === format) return seenStyle[slot];
    let font: FontRole = rowBold ? "bold" : "body";
    if (header && c === 0 && firstFont) font = firstFont;
    const isWrap = (table && header) || wrap[c] === 1 || block.span !== undefined;
    // Wrapped text reads from the top of its cell, except a header's, which sits over its column;
    // a table whose long text wraps reads row by row from the top of each row.
    const isTop = (isWrap && !(table && header)) || (table && !header && anyWrap);
    const id = styles.id(format, font, { right: isRight, wrap: isWrap, top: isTop });
    if (!header) {
      seenFormat[slot] = format;
      seenStyle[slot] = id;
    }
    return id;
  };
}

/** The used range of a layout, for the sheet's <dimension>: last row and column, 0-based. */
function extent(blocks: readonly CellBlock[]): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const block of blocks) {
    rows = Math.max(rows, Math.min(MAX_SHEET_ROWS, block.row + block.values.length));
    for (const row of block.values) columns = Math.max(columns, block.column + row.length);
  }
  return { rows, columns };
}

/** `<cols>`: runs of equal widths as one element. */
function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return "";
  const runs: string[] = [];
  for (let start = 0; start < widths.length;) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end++;
    runs.push(`<col min="${start + 1}" max="${end + 1}" width="${widths[start]}" customWidth="1"/>`);
    start = end + 1;
  }
  return `<cols>${runs.join("")}</cols>`;
}

/** Header and footer text: "&" is Excel's code character, written "&&" to print one. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Print setup: margins, Letter landscape at the layout's scale, header and footer, page breaks. */
function printXml(layout: PageLayout): string {
  const { print } = layout;
  const header = `&L${headerText(print.header.left)}`;
  const footer = `&L${headerText(print.footer.left)}&RPage &P of &N`;
  const breaks = print.rowBreaks;
  return (
    `<pageMargins left="${PAGE.left}" right="${PAGE.right}" top="${PAGE.top}" bottom="${PAGE.bottom}" ` +
    `header="${PAGE.header}" footer="${PAGE.footer}"/>` +
    (print.fit
      ? '<pageSetup paperSize="1" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
      : `<pageSetup paperSize="1" scale="${print.scale}" orientation="landscape"/>`) +
    `<headerFooter><oddHeader>${escapeXml(header)}</oddHeader><oddFooter>${escapeXml(footer)}</oddFooter></headerFooter>` +
    (breaks.length > 0
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("") +
        "</rowBreaks>"
      : "")
  );
}

/** The worksheet part of `layout`, in pieces. */
export function* sheetPieces(layout: PageLayout, context: SheetContext): Generator<string> {
  const { styles, strings, repairs } = context;
  const letters: string[] = [];
  const letter = (column: number): string => (letters[column] ??= columnName(column));
  const size = extent(layout.blocks);
  for (const row of layout.rowHeights.keys()) if (row + 1 > size.rows) size.rows = row + 1;
  const freeze = layout.freezeRows;
  const pane =
    freeze > 0
      ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`
      : "";
  let pending =
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    // One page wide: each reader fits the columns with its own font's metrics.
    (layout.print.fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="A1:${letter(size.columns - 1)}${size.rows}"/>` +
    `<sheetViews><sheetView${context.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    // Rows keep their height (no autofit): the page breaks are computed from it.
    `<sheetFormatPr defaultColWidth="9" defaultRowHeight="${DEFAULT_ROW_HEIGHT}" customHeight="1"/>` +
    colsXml(layout.columnWidths) +
    "<sheetData>";

  const value = (raw: CellScalar | undefined, ref: string, style: number): string => {
    if (typeof raw === "number")
      return Number.isFinite(raw) ? `<c r="${ref}" s="${style}"><v>${raw}</v></c>` : `<c r="${ref}" s="${style}"/>`;
    if (typeof raw === "string") {
      const text = cellText(raw, repairs);
      const id = strings.id(text);
      return id === undefined
        ? `<c r="${ref}" s="${style}" t="inlineStr"><is>${textElement(text)}</is></c>`
        : `<c r="${ref}" s="${style}" t="s"><v>${id}</v></c>`;
    }
    return `<c r="${ref}" s="${style}"/>`;
  };

  const heights = layout.rowHeights;
  const rowOpen = (number: number): string => {
    const height = heights.size > 0 ? heights.get(number - 1) : undefined;
    return height === undefined ? `<row r="${number}">` : `<row r="${number}" ht="${height}" customHeight="1">`;
  };
  const blocks = [...layout.blocks].sort((a, b) => a.row - b.row || a.column - b.column);
  const stylers = new Map(blocks.map((block) => [block, blockStyler(block, styles)]));
  // Rows without cells but with a height (blank rows the page breaks count, rows a chart covers):
  // written empty, so every reader gives them that height.
  const sized = heights.size > 0 ? [...heights.keys()].sort((a, b) => a - b) : [];
  let nextSized = 0;
  const emptyRowsBefore = (limit: number): void => {
    for (; nextSized < sized.length && sized[nextSized] < limit; nextSized++)
      pending += `<row r="${sized[nextSized] + 1}" ht="${heights.get(sized[nextSized])}" customHeight="1"/>`;
  };
  let next = 0;
  let active: CellBlock[] = [];
  for (let row = blocks.length ? blocks[0].row : 0; row < size.rows;) {
    while (next < blocks.length && blocks[next].row <= row) active.push(blocks[next++]);
    active = active.filter((block) => block.row + block.values.length > row);
    // Cells of a row go left to right.
    if (active.length > 1) active.sort((a, b) => a.column - b.column);
    if (active.length === 0) {
      if (next >= blocks.length) break;
      row = blocks[next].row;
      continue;
    }
    emptyRowsBefore(row);
    // Usually one block covers a run of rows: write the run without looking for others.
    const until = Math.min(
      size.rows,
      next < blocks.length ? blocks[next].row : Infinity,
      ...active.map((block) => block.row + block.values.length),
    );
    for (; row < until; row++) {
      const number = row + 1;
      let cells = "";
      for (const block of active) {
        const r = row - block.row;
        const values =
          block.role === "table" && r === 0 && context.tableColumns ? context.tableColumns : block.values[r];
        const style = stylers.get(block) as (r: number, c: number, value: CellScalar | undefined) => number;
        for (let c = 0; c < values.length; c++)
          cells += value(values[c], `${letter(block.column + c)}${number}`, style(r, c, values[c]));
      }
      pending += `${rowOpen(number)}${cells}</row>`;
      if (pending.length >= PIECE) {
        yield pending;
        pending = "";
      }
    }
    // Rows written with cells are passed over (their height is on them).
    while (nextSized < sized.length && sized[nextSized] < row) nextSized++;
  }
  emptyRowsBefore(Infinity);

  const merges = layout.blocks.flatMap((block) =>
    block.span !== undefined && block.span > 1
      ? [
          `<mergeCell ref="${letter(block.column)}${block.row + 1}:${letter(block.column + block.span - 1)}${block.row + 1}"/>`,
        ]
      : [],
  );
  yield (
    pending +
    "</sheetData>" +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    printXml(layout) +
    (context.drawingRelId ? `<drawing r:id="${context.drawingRelId}"/>` : "") +
    (context.tableColumns && context.tableRelId
      ? `<tableParts count="1"><tablePart r:id="${context.tableRelId}"/></tableParts>`
      : "") +
    "</worksheet>"
  );
}
