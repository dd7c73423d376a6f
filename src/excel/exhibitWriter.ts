/**
 * Writes study exhibits into the workbook with Office.js: each exhibit on a new sheet, drawn
 * from the same SheetLayout as the .xlsx renderer. One Excel.run per action; writes are queued
 * and synced in chunks that keep each request under Excel on the web's ~5 MB limit; a failed
 * or cancelled action deletes the sheets it created, leaving the workbook as it was.
 *
 * Requirement sets: ExcelApi 1.1 (worksheets, ranges, tables, charts), 1.2 (autofit, ranges'
 * numberFormat arrays), 1.7 (freezePanes, chart setPosition). The manifest declares 1.9.
 */
import { layoutExhibit, uniqueSheetName, type CellBlock, type SheetLayout } from "../exhibits/layout";
import type { ExhibitId, StudyResult } from "../exhibits/spec/types";

export type WriteOptions = {
  exhibits?: readonly ExhibitId[];
  onProgress?: (step: string, fraction: number) => void;
  signal?: AbortSignal;
};

export type WrittenSheet = { name: string; exhibitId: ExhibitId };

/** Bytes one request may carry; Excel on the web refuses requests over 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** Thrown when the user cancels; the workbook is left as it was. */
export class WriteCancelled extends Error {
  constructor() {
    super("Cancelled: no exhibit sheets were kept.");
    this.name = "WriteCancelled";
  }
}

/** A1 address of a 0-based cell. */
export function cellAddress(row: number, column: number): string {
  let name = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

/** A1 address of a 0-based rectangle. */
export function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  if (rows === 1 && columns === 1) return cellAddress(row, column);
  return `${cellAddress(row, column)}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** One queued write: a slice of a block's rows on one sheet. */
type Slice = { sheet: number; block: CellBlock; from: number; to: number; bytes: number };

/** Rough request size of a slice: its values and formats as JSON. */
function sliceBytes(block: CellBlock, from: number, to: number): number {
  let bytes = 0;
  for (let r = from; r < to; r++)
    bytes += JSON.stringify(block.values[r]).length + JSON.stringify(block.formats[r]).length + 16;
  return bytes;
}

/** Splits every block into row slices and groups them into chunks under the request budget. */
export function planChunks(layouts: readonly SheetLayout[], budget = REQUEST_BUDGET_BYTES): Slice[][] {
  const chunks: Slice[][] = [];
  let current: Slice[] = [];
  let used = 0;
  layouts.forEach((layout, sheet) => {
    for (const block of layout.blocks) {
      let from = 0;
      while (from < block.values.length) {
        let to = from;
        let bytes = 0;
        // Grow the slice row by row while it fits in what is left of the chunk; a chunk with
        // nothing in it yet takes at least one row, however large.
        while (to < block.values.length) {
          const row = sliceBytes(block, to, to + 1);
          if ((to > from || current.length > 0) && used + bytes + row > budget) break;
          bytes += row;
          to++;
        }
        if (to > from) {
          current.push({ sheet, block, from, to, bytes });
          used += bytes;
          from = to;
        }
        if (from < block.values.length) {
          // The chunk is full: the rest of this block starts the next one.
          chunks.push(current);
          current = [];
          used = 0;
        }
      }
    }
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WriteCancelled();
}

/** Inserts the exhibits of a study, each on a new sheet; returns the sheets created. */
export async function writeExhibits(
  result: StudyResult,
  options: WriteOptions = {},
): Promise<{ sheets: WrittenSheet[] }> {
  const wanted = options.exhibits ? new Set(options.exhibits) : undefined;
  const exhibits = result.exhibits.filter((exhibit) => !wanted || wanted.has(exhibit.id));
  // Never revealed: what the pane writes into a shared workbook keeps small groups suppressed.
  const layouts = exhibits.map((exhibit) => layoutExhibit(exhibit));
  const progress = options.onProgress ?? (() => undefined);
  checkCancelled(options.signal);

  return Excel.run(async (context) => {
    const created: Excel.Worksheet[] = [];
    const sheetsWritten: WrittenSheet[] = [];
    const existing = context.workbook.worksheets;
    existing.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();

    try {
      const taken = new Set(existing.items.map((sheet) => sheet.name));
      const tableNames = new Set(tables.items.map((table) => table.name.toLowerCase()));
      progress("Adding sheets", 0.05);
      const sheets = layouts.map((layout) => {
        const name = uniqueSheetName(layout.sheetName, taken);
        const sheet = context.workbook.worksheets.add(name);
        created.push(sheet);
        sheetsWritten.push({ name, exhibitId: layout.exhibitId });
        return sheet;
      });
      await context.sync();

      // Values in chunks: formats first (text cells get "@", so "=HYPERLINK(…)" stays text),
      // then values, each slice in one 2-D assignment; one sync per chunk keeps every request
      // under the 5 MB limit. The chunks are synced one after another (not in a loop body).
      const chunks = planChunks(layouts);
      await chunks.reduce(
        (previous, chunk, index) =>
          previous.then(() => {
            checkCancelled(options.signal);
            for (const slice of chunk) {
              const rows = slice.to - slice.from;
              const columns = slice.block.values[0].length;
              const range = sheets[slice.sheet].getRange(
                rangeAddress(slice.block.row + slice.from, slice.block.column, rows, columns),
              );
              range.numberFormat = slice.block.formats.slice(slice.from, slice.to);
              range.values = slice.block.values.slice(slice.from, slice.to) as (string | number | boolean)[][];
            }
            progress(`Writing values (${index + 1} of ${chunks.length})`, 0.1 + (0.7 * (index + 1)) / chunks.length);
            return context.sync();
          }),
        Promise.resolve(),
      );

      checkCancelled(options.signal);
      progress("Formatting tables and charts", 0.85);
      layouts.forEach((layout, index) => formatSheet(sheets[index], layout, tableNames, exhibits[index].number));
      await context.sync();
      checkCancelled(options.signal);
      sheets[0]?.activate();
      await context.sync();
      progress("Done", 1);
      return { sheets: sheetsWritten };
    } catch (error) {
      // Leave the workbook as it was: remove every sheet this action added.
      created.forEach((sheet) => sheet.delete());
      await context.sync().catch(() => undefined);
      if (error instanceof WriteCancelled) throw error;
      const failed = sheetsWritten[sheetsWritten.length - 1]?.name;
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(
        `The exhibits could not be inserted${failed ? ` (while writing ${layouts.length} sheets)` : ""}: ${detail}. ` +
          "The workbook was left as it was.",
      );
    }
  });
}

/** Title, bold rows, the Excel table, frozen header, widths and charts of one sheet (queued, not synced). */
function formatSheet(sheet: Excel.Worksheet, layout: SheetLayout, tableNames: Set<string>, number: string): void {
  for (const block of layout.blocks) {
    const columns = block.values[0].length;
    if (block.role === "title") {
      const title = sheet.getRange(cellAddress(block.row, block.column));
      title.format.font.bold = true;
      title.format.font.size = 14;
    } else if (block.role === "subtitle" || block.role === "source" || block.role === "note") {
      sheet.getRange(cellAddress(block.row, block.column)).format.font.italic = true;
    }
    for (const bold of block.boldRows) {
      if (block.role === "title") continue;
      sheet.getRange(rangeAddress(block.row + bold, block.column, 1, columns)).format.font.bold = true;
    }
    for (const column of block.rightAlignedHeader ?? []) {
      sheet.getRange(cellAddress(block.row, block.column + column)).format.horizontalAlignment = "Right";
    }
  }
  const { table } = layout;
  const excelTable = sheet.tables.add(rangeAddress(table.row, table.column, table.rows, table.columns), true);
  excelTable.name = uniqueTableName(`CompStudy_${number.replace(/\W/g, "_")}`, tableNames);
  excelTable.style = table.style;
  excelTable.showBandedRows = true;
  sheet.freezePanes.freezeRows(layout.freezeRows);
  layout.columnWidths.forEach((width, column) => {
    // Excel's column width is in points; a character of the default font is about 7 points.
    sheet.getRange(
      `${cellAddress(0, column).replace(/\d+$/, "")}:${cellAddress(0, column).replace(/\d+$/, "")}`,
    ).format.columnWidth = width * 7;
  });
  for (const chart of layout.charts) {
    const data = sheet.getRange(rangeAddress(chart.data.row, chart.data.column, chart.data.rows, chart.data.columns));
    const added = sheet.charts.add(Excel.ChartType.barStacked100, data, Excel.ChartSeriesBy.columns);
    added.title.text = chart.title;
    added.legend.position = Excel.ChartLegendPosition.bottom;
    added.setPosition(
      cellAddress(chart.anchor.row, chart.anchor.column),
      cellAddress(chart.anchor.row + chart.size.rows - 1, chart.anchor.column + chart.size.columns - 1),
    );
  }
}

function uniqueTableName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}
