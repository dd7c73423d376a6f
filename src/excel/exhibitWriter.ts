/**
 * Writes study exhibits into the workbook with Office.js: each exhibit on a new sheet, drawn
 * from the same SheetLayout as the .xlsx renderer. One Excel.run per action; writes are queued
 * and synced in chunks that keep each request under Excel on the web's ~5 MB limit; a failed
 * or cancelled action deletes the sheets it created, leaving the workbook as it was.
 *
 * Each sheet written carries a marker — a hidden name scoped to the sheet, not its name, which is
 * the user's to change — so a later run can replace it: the new sheets are written first, and
 * only once all of them are, the earlier ones are deleted and the new ones take their names and
 * places. A sheet without the marker, or whose marker is on two sheets (a copy), is never touched.
 *
 * Requirement sets: ExcelApi 1.1 (worksheets, ranges, tables, charts), 1.2 (autofit, ranges'
 * numberFormat arrays), 1.4 (names scoped to a sheet), 1.7 (freezePanes, chart setPosition). The
 * manifest declares 1.9.
 */
import { NUMBER_FORMATS, layoutExhibit, uniqueSheetName, type CellBlock, type SheetLayout } from "../exhibits/layout";
import type { Exhibit, StudyResult } from "../exhibits/spec/types";
import { drawCharts, presentPrint, presentText } from "./exhibitPresentation";

/**
 * Live exhibits: each sheet holds one COMP.EXHIBIT formula instead of the values. `options` are
 * written on the sheet as Name | Value rows; `formula` gets the address of that block (undefined
 * when there are none) and returns the formula text.
 */
export type LiveFormulas = {
  options: readonly (readonly [string, string | number])[];
  formula: (exhibit: Exhibit, optionsAddress: string | undefined) => string;
};

export type WriteOptions = {
  exhibits?: readonly string[];
  onProgress?: (step: string, fraction: number) => void;
  signal?: AbortSignal;
  /** Write live formulas instead of values. */
  live?: LiveFormulas;
  /** Earlier sheets of the pane to replace (found again by their markers) once every new sheet is written. */
  replace?: readonly ExhibitSheet[];
  /** The run's time (ISO), in each sheet's marker; now when not given. */
  run?: string;
};

/** The hidden, sheet-scoped name that marks a sheet the pane wrote. */
export const MARKER_NAME = "CompStudy_Exhibit";
const MARKER_PREFIX = "compstudy-exhibit/1";

/** A sheet the pane wrote, as its marker says: its exhibit, its run (ISO time) and its own token. */
export type ExhibitSheet = { name: string; exhibitId: string; run: string; token: string };

/** The marker's text: what a later run reads to find the sheet again. */
export function markerText(exhibitId: string, run: string, index: number): string {
  return `${MARKER_PREFIX}|${exhibitId}|${run}|${index}`;
}

/** The marker of a name's value, or undefined when it is not one of the pane's. */
export function readMarker(value: unknown): Omit<ExhibitSheet, "name"> | undefined {
  if (typeof value !== "string") return undefined;
  const parts = value.replace(/^=?"?|"$/g, "").split("|");
  if (parts.length !== 4 || parts[0] !== MARKER_PREFIX || parts[1] === "" || parts[2] === "") return undefined;
  return { exhibitId: parts[1], run: parts[2], token: `${parts[2]}#${parts[3]}` };
}

type Marked = { sheet: Excel.Worksheet; marker: ExhibitSheet; position: number };

/**
 * The sheets that carry a marker, with their positions (two syncs: the sheets, then their names).
 * A token found on more than one sheet is a copy the user made: neither is listed.
 */
async function markedSheets(context: Excel.RequestContext): Promise<Marked[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await context.sync();
  const names = sheets.items.map((sheet) => {
    const collection = sheet.names;
    collection.load("items/name,items/value");
    return collection;
  });
  await context.sync();
  const found: Marked[] = [];
  sheets.items.forEach((sheet, index) => {
    for (const item of names[index].items) {
      const marker = item.name === MARKER_NAME ? readMarker(item.value) : undefined;
      if (marker) found.push({ sheet, marker: { ...marker, name: sheet.name }, position: sheet.position });
    }
  });
  const copies = new Map<string, number>();
  for (const { marker } of found) copies.set(marker.token, (copies.get(marker.token) ?? 0) + 1);
  return found.filter(({ marker }) => copies.get(marker.token) === 1);
}

/** The exhibit sheets the pane wrote that are in the workbook now, in sheet order. */
export async function listExhibitSheets(): Promise<ExhibitSheet[]> {
  return Excel.run(async (context) => (await markedSheets(context)).map(({ marker }) => marker));
}

/** Rows below a live exhibit's current rows that get its columns' formats, so a growing spill stays formatted. */
export const LIVE_FORMAT_MARGIN = 200;

/** A sheet's layout for a live exhibit: the layout's text blocks, the options, the formula's cell and formats. */
export type LiveLayout = SheetLayout & { formulaCell: { row: number; column: number }; formula: string };

/**
 * The live variant of an exhibit's layout: title, subtitle, description, source and notes as in
 * the values layout, then the options block, then one COMP.EXHIBIT formula whose spill is the
 * table (header and rows); the columns below it get the table's formats. A spill cannot be an
 * Excel table or feed the layout's step columns and charts: those come with "as values".
 */
export function liveLayout(exhibit: Exhibit, live: LiveFormulas): LiveLayout {
  const layout = layoutExhibit(exhibit);
  const table = layout.blocks.find((block) => block.role === "table") as CellBlock;
  const text = (row: number, value: string, role: CellBlock["role"]): CellBlock => ({
    row,
    column: 0,
    values: [[value]],
    formats: [[NUMBER_FORMATS.text]],
    boldRows: role === "title" ? [0] : [],
    role,
  });
  const blocks: CellBlock[] = [];
  let row = 0;
  for (const block of layout.blocks)
    if (["title", "subtitle"].includes(block.role) || (block.role === "note" && block.row < table.row))
      blocks.push({ ...block, row: row++ });
  blocks.push(text(row++, exhibit.source, "source"));
  for (const note of exhibit.notes ?? []) blocks.push(text(row++, note, "note"));
  const extras = (exhibit.stepBlocks?.length ?? 0) + (exhibit.charts?.length ?? 0) > 0;
  blocks.push(
    text(
      row++,
      `Live: the table below is a COMP.EXHIBIT formula that recalculates when its tables change.${extras ? " The step columns and charts come with Insert as values." : ""}`,
      "note",
    ),
  );
  let optionsAddress: string | undefined;
  if (live.options.length > 0) {
    row++;
    const values = [["Name", "Value"], ...live.options.map(([name, value]) => [name, value])];
    blocks.push({
      row,
      column: 0,
      values,
      formats: values.map((line, index) =>
        line.map((_, c) =>
          index > 0 && c === 1 && typeof line[1] === "number" ? NUMBER_FORMATS.number : NUMBER_FORMATS.text,
        ),
      ),
      boldRows: [0],
      role: "note",
    });
    optionsAddress = `$A$${row + 2}:$B$${row + values.length}`;
    row += values.length;
  }
  row++;
  const formulaCell = { row, column: 0 };
  const columns = table.values[0].length;
  // The spill's formats: the header row General (a text format would turn the formula into text),
  // each row as laid out, then the last row's formats for the rows the spill may grow into.
  const last = table.formats[table.formats.length - 1];
  const formats = [
    table.formats[0].map(() => NUMBER_FORMATS.number),
    ...table.formats.slice(1),
    ...Array.from({ length: LIVE_FORMAT_MARGIN }, () => last),
  ].map((line) => line.map((format) => (format === NUMBER_FORMATS.text ? NUMBER_FORMATS.number : format)));
  blocks.push({
    row,
    column: 0,
    values: formats.map(() => Array.from({ length: columns }, () => null)),
    formats,
    boldRows: [0],
    role: "table",
  });
  return {
    ...layout,
    blocks,
    table: { ...layout.table, row, rows: table.values.length },
    freezeRows: row + 1,
    charts: [],
    formulaCell,
    formula: live.formula(exhibit, optionsAddress),
  };
}

export type WrittenSheet = { name: string; exhibitId: string };

/** What a write did: the sheets written (under their final names) and the earlier sheets they replaced. */
export type Written = { sheets: WrittenSheet[]; replaced: string[] };

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

/** Inserts the exhibits of a study, each on a new sheet (replacing earlier ones when asked); returns the sheets. */
export async function writeExhibits(result: StudyResult, options: WriteOptions = {}): Promise<Written> {
  const wanted = options.exhibits ? new Set(options.exhibits) : undefined;
  const exhibits = result.exhibits.filter((exhibit) => !wanted || wanted.has(exhibit.id));
  // Never revealed: what the pane writes into a shared workbook keeps small groups suppressed.
  const live = options.live;
  const layouts: SheetLayout[] = exhibits.map((exhibit) =>
    live ? liveLayout(exhibit, live) : layoutExhibit(exhibit, { study: result }),
  );
  const progress = options.onProgress ?? (() => undefined);
  checkCancelled(options.signal);

  const run = options.run ?? new Date().toISOString();
  return Excel.run(async (context) => {
    const created: Excel.Worksheet[] = [];
    const sheetsWritten: WrittenSheet[] = [];
    // The earlier sheets to replace, found again by their markers (a copy or a sheet gone is left be).
    const wanted = new Set((options.replace ?? []).map((sheet) => sheet.token));
    const replaced =
      wanted.size > 0 ? (await markedSheets(context)).filter(({ marker }) => wanted.has(marker.token)) : [];
    const existing = context.workbook.worksheets;
    existing.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    let committed = false;

    try {
      const taken = new Set(existing.items.map((sheet) => sheet.name));
      const tableNames = new Set(tables.items.map((table) => table.name.toLowerCase()));
      progress("Adding sheets", 0.05);
      const sheets = layouts.map((layout, index) => {
        const name = uniqueSheetName(layout.sheetName, taken);
        const sheet = context.workbook.worksheets.add(name);
        const marker = sheet.names.add(MARKER_NAME, `="${markerText(layout.exhibitId, run, index)}"`);
        marker.visible = false;
        created.push(sheet);
        sheetsWritten.push({ name, exhibitId: layout.exhibitId });
        return sheet;
      });
      await context.sync();

      // Values in chunks: formats first (text cells get "@", so "=HYPERLINK(…)" stays text),
      // then values, each slice in one 2-D assignment; one sync per chunk keeps every request
      // under the 5 MB limit. The chunks are synced one after another (not in a loop body).
      const chunks = planChunks(layouts);
      // A sheet is written once the last chunk holding one of its slices is synced.
      const lastChunk = layouts.map((_, sheet) =>
        chunks.reduce((found, chunk, index) => (chunk.some((slice) => slice.sheet === sheet) ? index : found), -1),
      );
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
              // A live table block carries formats only: its values are the formula's spill.
              if (!(live && slice.block.role === "table"))
                range.values = slice.block.values.slice(slice.from, slice.to) as (string | number | boolean)[][];
            }
            const done = lastChunk.filter((last) => last <= index).length;
            progress(
              `Writing ${done} of ${layouts.length} ${layouts.length === 1 ? "sheet" : "sheets"}`,
              0.1 + (0.7 * (index + 1)) / chunks.length,
            );
            return context.sync();
          }),
        Promise.resolve(),
      );

      checkCancelled(options.signal);
      progress("Formatting tables and charts", 0.85);
      layouts.forEach((layout, index) =>
        "formula" in layout
          ? formatLiveSheet(sheets[index], layout as LiveLayout)
          : formatSheet(sheets[index], layout, tableNames, exhibits[index].number),
      );
      await context.sync();
      checkCancelled(options.signal);
      if (replaced.length > 0) {
        // Every new sheet is written: from here the earlier ones go, and the new take their names and places.
        progress("Replacing the earlier sheets", 0.95);
        committed = true;
        replace(existing.items.length, replaced, sheets, sheetsWritten);
      }
      sheets[0]?.activate();
      await context.sync();
      progress("Done", 1);
      return { sheets: sheetsWritten, replaced: replaced.map(({ marker }) => marker.name) };
    } catch (error) {
      if (committed)
        throw new Error(
          "Excel stopped while replacing the earlier sheets: the new exhibits are written; check the sheets' names.",
          { cause: error },
        );
      // Leave the workbook as it was: remove every sheet this action added.
      created.forEach((sheet) => sheet.delete());
      await context.sync().catch(() => undefined);
      if (error instanceof WriteCancelled) throw error;
      const failed = sheetsWritten[sheetsWritten.length - 1]?.name;
      // Excel's own words go in `cause`: the pane shows them behind Details.
      throw new Error(
        `Excel stopped ${failed ? `while writing ${layouts.length === 1 ? "the sheet" : `${layouts.length} sheets`}` : "before writing"}. ` +
          "The workbook was left as it was.",
        { cause: error },
      );
    }
  });
}

/**
 * Queues the replacement (no sync): each earlier sheet is deleted, and the new sheet of its
 * exhibit takes its place and its name (a name the user gave it too). Positions are set in
 * ascending order of the final order, so each lands where it belongs.
 */
function replace(
  count: number,
  replaced: readonly Marked[],
  sheets: readonly Excel.Worksheet[],
  written: WrittenSheet[],
): void {
  const successor = new Map<Marked, number>();
  const used = new Set<number>();
  for (const old of [...replaced].sort((a, b) => a.position - b.position)) {
    const index = written.findIndex((sheet, i) => sheet.exhibitId === old.marker.exhibitId && !used.has(i));
    if (index >= 0) {
      successor.set(old, index);
      used.add(index);
    }
  }
  for (const old of replaced) old.sheet.delete();
  // The final order: the sheets there were, each replaced one's successor in its place.
  const gone = new Map(replaced.map((old) => [old.position, old]));
  let position = 0;
  for (let at = 0; at < count; at++) {
    const old = gone.get(at);
    if (old === undefined) {
      position++;
      continue;
    }
    const index = successor.get(old);
    if (index === undefined) continue;
    sheets[index].position = position++;
    sheets[index].name = old.marker.name;
    written[index] = { ...written[index], name: old.marker.name };
  }
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
  presentText(sheet, layout);
  drawCharts(sheet, layout);
  presentPrint(sheet, layout);
}

/** A live sheet: the formula (after the formats, so its cell is not text), bold title and header, widths, frozen header. */
function formatLiveSheet(sheet: Excel.Worksheet, layout: LiveLayout): void {
  for (const block of layout.blocks) {
    if (block.role === "title") {
      const title = sheet.getRange(cellAddress(block.row, block.column));
      title.format.font.bold = true;
      title.format.font.size = 14;
    } else if (block.role === "subtitle" || block.role === "source") {
      sheet.getRange(cellAddress(block.row, block.column)).format.font.italic = true;
    } else if (block.boldRows.length > 0 && block.role !== "table") {
      sheet.getRange(rangeAddress(block.row, block.column, 1, block.values[0].length)).format.font.bold = true;
    }
  }
  const { row, column } = layout.formulaCell;
  sheet.getRange(rangeAddress(row, column, 1, layout.table.columns)).format.font.bold = true;
  sheet.getRange(cellAddress(row, column)).formulas = [[layout.formula]];
  sheet.freezePanes.freezeRows(layout.freezeRows);
  layout.columnWidths.forEach((width, index) => {
    const letters = cellAddress(0, index).replace(/\d+$/, "");
    sheet.getRange(`${letters}:${letters}`).format.columnWidth = width * 7;
  });
}

function uniqueTableName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}
