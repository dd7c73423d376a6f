/**
 * One worksheet part from a sheet layout (src/exhibits/layout.ts), streamed as text pieces so a
 * sheet of a million rows never sits in memory as one string, and the shared-strings part. Both
 * are generators of pieces of at least PIECE characters: the writer can stop between pieces
 * (the CLI lets an interrupt in there).
 * Values only: a cell is a number or a shared string, never a formula, so roster text such as
 * "=HYPERLINK(…)" stays text.
 */
import { MAX_SHEET_ROWS, type CellBlock, type SheetLayout } from "../layout";
import type { CellScalar } from "../spec/types";
import { MAIN_NS, XML_HEADER, type FontRole, type Styles } from "./parts";
import { cellText, columnName, escapeXstring, type TextRepairs } from "./xml";

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
};

/** The style of each cell of a block: its number format, font and header alignment. */
function blockStyler(block: CellBlock, styles: Styles): (r: number, c: number) => number {
  const bold = new Set(block.boldRows);
  const right = new Set(block.rightAlignedHeader ?? []);
  const firstFont: FontRole | undefined =
    block.role === "title"
      ? "title"
      : block.role === "subtitle" || block.role === "source" || block.role === "note"
        ? "subtitle"
        : block.role === "step-heading"
          ? "bold"
          : undefined;
  return (r, c) => {
    // The table header is bold in the cells too: readers without table styles (LibreOffice ≤ 7.4) show it so.
    let font: FontRole = bold.has(r) || (block.role === "table" && r === 0) ? "bold" : "body";
    if (r === 0 && c === 0 && firstFont) font = firstFont;
    return styles.id(block.formats[r][c], font, r === 0 && right.has(c));
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

/** The worksheet part of `layout`, in pieces. */
export function* sheetPieces(layout: SheetLayout, context: SheetContext): Generator<string> {
  const { styles, strings, repairs } = context;
  const letters: string[] = [];
  const letter = (column: number): string => (letters[column] ??= columnName(column));
  const size = extent(layout.blocks);
  const freeze = layout.freezeRows;
  const pane =
    freeze > 0
      ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`
      : "";
  let pending =
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${letter(size.columns - 1)}${size.rows}"/>` +
    `<sheetViews><sheetView${context.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultColWidth="9" defaultRowHeight="15"/>' +
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

  const blocks = [...layout.blocks].sort((a, b) => a.row - b.row || a.column - b.column);
  const stylers = new Map(blocks.map((block) => [block, blockStyler(block, styles)]));
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
        const style = stylers.get(block) as (r: number, c: number) => number;
        for (let c = 0; c < values.length; c++)
          cells += value(values[c], `${letter(block.column + c)}${number}`, style(r, c));
      }
      pending += `<row r="${number}">${cells}</row>`;
      if (pending.length >= PIECE) {
        yield pending;
        pending = "";
      }
    }
  }

  yield (
    pending +
    "</sheetData>" +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    // Printed: landscape, one page wide, as many pages tall as it takes.
    '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    (context.tableColumns ? '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' : "") +
    "</worksheet>"
  );
}
