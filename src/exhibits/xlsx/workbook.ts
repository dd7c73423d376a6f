/**
 * The study as an .xlsx workbook, written directly as SpreadsheetML parts zipped with fflate
 * from the same sheet layouts (src/exhibits/layout.ts) as the Office.js writer, so both look
 * the same: a findings page first, then one sheet per exhibit with a title, a subtitle, an
 * Excel table (built-in style, header row, filter buttons), number formats per cell, bold
 * totals, a frozen header, column widths, the exhibit's findings and notes, its native charts
 * (DrawingML chart parts in a drawing part, charts.ts, drawn from data blocks outside the print
 * area), a print setup (Letter landscape at the layout's scale, the header row on every page,
 * page breaks, a header and footer) and a source line.
 *
 * Written directly rather than through ExcelJS: loading and driving ExcelJS cost more than
 * half a second of every run, and a streamed writer keeps a million-row sheet out of memory.
 * fflate lays out the zip; Node's zlib compresses (native: many times faster than a
 * JavaScript deflate on a cold start, which is every CLI run).
 * Text is cleaned on the way in (xml.ts): characters XML forbids become U+FFFD and cells are
 * cut to Excel's 32,767 characters; the report returned says how many.
 */
import { Zip, ZipPassThrough } from "fflate";
import * as zlib from "zlib";
import { layoutExhibit, layoutFindings, uniqueSheetName } from "../layout";
import type { LayoutOptions, PageLayout } from "../layout";
import { summarySentences } from "../reasons";
import type { StudyResult } from "../spec/types";
import { chartXml, drawingXml } from "./charts";
import {
  appXml,
  contentTypes,
  coreXml,
  drawingRels,
  packageRels,
  sheetRelIds,
  sheetRels,
  Styles,
  tableXml,
  themeXml,
  workbookRels,
  workbookXml,
  type SheetEntry,
} from "./parts";
import { SharedStrings, sheetPieces } from "./sheet";
import { cellText, columnName, noRepairs, type TextRepairs } from "./xml";

/** One sheet of the workbook to be written. */
export type PlannedSheet = { name: string; layout: PageLayout; table?: SheetEntry["table"] };

/** The workbook before it is written: its sheets, named and laid out. */
export type WorkbookPlan = {
  worksheets: PlannedSheet[];
  /** ISO date-time of the document properties. */
  created?: string;
  /** What cleaning the table column names changed. */
  repairs: TextRepairs;
};

/**
 * How to write: the layout's options, how many distinct texts to share (tests use a small
 * number), whether the findings page leads the workbook (default: when there are findings), and
 * the length of a zip comment the caller writes after the last chunk (the zip's end record says
 * that length; the CLI marks its outputs so).
 */
export type XlsxOptions = LayoutOptions & {
  distinctSharedStrings?: number;
  findingsPage?: boolean;
  commentLength?: number;
};

/** What writing changed so that Excel accepts the file (the CLI's summary says it). */
export type XlsxReport = TextRepairs & {
  /** Exhibit rows beyond Excel's sheet limit, left out of the sheets (every row is in the JSON). */
  omittedRows: number;
};

/** A table name Excel accepts (letters, digits, underscores; starts with a letter), unique in the workbook. */
function tableName(exhibitId: string, taken: Set<string>): string {
  const base = `Exhibit_${exhibitId.replace(/[^A-Za-z0-9]+/g, "_")}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Table column names: Excel wants each non-empty and unique (ignoring case) within its table. */
function tableColumns(header: readonly unknown[], repairs: TextRepairs): string[] {
  const seen = new Set<string>();
  return header.map((value, index) => {
    const base = cellText(String(value ?? "").trim(), repairs) || `Column ${index + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Every exhibit of `result` laid out on a uniquely named sheet, the findings page first (nothing written yet). */
export function buildWorkbook(
  result: StudyResult,
  options: LayoutOptions & Pick<XlsxOptions, "findingsPage"> = {},
): WorkbookPlan {
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  const repairs = noRepairs();
  let tables = 0;
  const findings = options.findingsPage ?? result.exhibits.some((exhibit) => (exhibit.findings ?? []).length > 0);
  const front: PlannedSheet[] = [];
  if (findings) {
    const layout = layoutFindings(result, { summary: summarySentences(result) });
    front.push({ name: uniqueSheetName(layout.sheetName, sheetNames), layout });
  }
  const study = options.study ?? { title: result.title, organization: result.organization };
  const exhibitSheets = result.exhibits.map((exhibit): PlannedSheet => {
    const layout = layoutExhibit(exhibit, { ...options, study });
    const name = uniqueSheetName(layout.sheetName, sheetNames);
    const header = layout.blocks.find((block) => block.role === "table")?.values[0];
    const { row, column, rows, columns } = layout.table;
    const table = header
      ? {
          id: ++tables,
          name: tableName(layout.exhibitId, tableNames),
          ref: `${columnName(column)}${row + 1}:${columnName(column + columns - 1)}${row + rows}`,
          columns: tableColumns(header, repairs),
          style: layout.table.style,
        }
      : undefined;
    return { name, layout, table };
  });
  const worksheets = [...front, ...exhibitSheets];
  // Fixed dates keep the file's metadata independent of when it was made.
  const created = /^\d{4}-\d{2}-\d{2}$/.test(result.asOf) ? `${result.asOf}T00:00:00Z` : undefined;
  return { worksheets, created, repairs };
}

// A fixed time in every zip entry: the same study gives the same bytes.
const ENTRY_TIME = new Date(1980, 0, 1);
const CHUNK_CHARACTERS = 1 << 18;
// zlib's level 3 compresses sheet XML about as well as its default (6) at a third of the time.
const LEVEL = 3;
// Node ≥ 20.15 computes the zip's CRC natively; older releases use fflate's.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * A zip entry compressed by Node's zlib, chunk by chunk: each chunk is deflated on its own and
 * ends on a byte boundary without closing the stream (a sync flush), the last one closes it,
 * so the chunks concatenate into one valid deflate stream (RFC 1951, 3.2.3).
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.crc = 0;
  }

  override push(chunk: Uint8Array, final = false): void {
    if (!nativeCrc32) return super.push(chunk, final);
    this.crc = nativeCrc32(chunk, this.crc);
    this.size += chunk.length;
    this.process(chunk, final);
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    const finishFlush = final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    this.ondata(null, zlib.deflateRawSync(chunk, { level: LEVEL, finishFlush }), final);
  }
}

/** The zip's end record ("PK\x05\x06"), 22 bytes, the last thing fflate writes. */
const END_RECORD = 0x06054b50;

/**
 * The workbook of `plan` as .xlsx bytes, in chunks as they are made (a caller may stop or wait
 * between chunks). Returns what was changed for Excel's sake.
 */
export function* workbookChunks(
  plan: WorkbookPlan,
  options: Pick<XlsxOptions, "distinctSharedStrings" | "commentLength"> = {},
): Generator<Uint8Array, XlsxReport> {
  const encoder = new TextEncoder();
  const made: Uint8Array[] = [];
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    if (final && options.commentLength) {
      // Reserve the comment: its length is the end record's last field (APPNOTE 4.3.16).
      const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (chunk.length < 22 || view.getUint32(chunk.length - 22, true) !== END_RECORD)
        throw new Error("the zip's last chunk does not end with its end record");
      view.setUint16(chunk.length - 2, options.commentLength, true);
    }
    made.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    while (made.length > 0) yield made.shift() as Uint8Array;
  }
  function* part(name: string, pieces: Iterable<string>): Generator<Uint8Array> {
    const file = new NativeDeflate(name);
    file.mtime = ENTRY_TIME;
    zip.add(file);
    let pending = "";
    for (const text of pieces) {
      pending += text;
      if (pending.length >= CHUNK_CHARACTERS) {
        file.push(encoder.encode(pending));
        pending = "";
        yield* drain();
      }
    }
    file.push(encoder.encode(pending), true);
    yield* drain();
  }
  const small = (name: string, text: string): Generator<Uint8Array> => part(name, [text]);

  const repairs = { ...plan.repairs };
  const styles = new Styles();
  const strings = new SharedStrings(options.distinctSharedStrings);
  let drawings = 0;
  let charts = 0;
  const entries: SheetEntry[] = plan.worksheets.map((sheet, index) => {
    const { print } = sheet.layout;
    return {
      name: sheet.name,
      index: index + 1,
      table: sheet.table,
      printTitleRow: sheet.table && print.titleRows ? print.titleRows.first + 1 : undefined,
      printTitleColumns: sheet.table ? print.titleColumns : undefined,
      printAreas: print.areas,
      drawing:
        sheet.layout.charts.length > 0
          ? { id: ++drawings, charts: sheet.layout.charts.map(() => ++charts) }
          : undefined,
    };
  });
  for (const [index, sheet] of plan.worksheets.entries()) {
    const ids = sheetRelIds(entries[index]);
    const context = {
      styles,
      strings,
      repairs,
      selected: index === 0,
      tableColumns: sheet.table?.columns,
      tableRelId: ids.table,
      drawingRelId: ids.drawing,
    };
    yield* part(`xl/worksheets/sheet${index + 1}.xml`, sheetPieces(sheet.layout, context));
  }
  for (const [index, sheet] of plan.worksheets.entries()) {
    const entry = entries[index];
    const rels = sheetRels(entry);
    if (rels) yield* small(`xl/worksheets/_rels/sheet${entry.index}.xml.rels`, rels);
    if (entry.table) yield* small(`xl/tables/table${entry.table.id}.xml`, tableXml(entry.table));
    if (entry.drawing) {
      yield* small(`xl/drawings/drawing${entry.drawing.id}.xml`, drawingXml(sheet.layout.charts));
      yield* small(`xl/drawings/_rels/drawing${entry.drawing.id}.xml.rels`, drawingRels(entry.drawing));
      for (const [at, placement] of sheet.layout.charts.entries())
        yield* small(`xl/charts/chart${entry.drawing.charts[at]}.xml`, chartXml(placement, entry.name));
    }
  }
  yield* part("xl/sharedStrings.xml", strings.pieces());
  yield* small("xl/styles.xml", styles.xml());
  yield* small("xl/theme/theme1.xml", themeXml());
  yield* small("xl/workbook.xml", workbookXml(entries));
  yield* small("xl/_rels/workbook.xml.rels", workbookRels(entries));
  yield* small("docProps/core.xml", coreXml(plan.created));
  yield* small("docProps/app.xml", appXml(entries));
  yield* small("_rels/.rels", packageRels());
  yield* small("[Content_Types].xml", contentTypes(entries));
  zip.end();
  yield* drain();
  return { ...repairs, omittedRows: plan.worksheets.reduce((sum, sheet) => sum + sheet.layout.omittedRows, 0) };
}

/**
 * Writes the workbook of `plan` as .xlsx bytes to `sink`, in chunks as they are made.
 * Returns what was changed for Excel's sake.
 */
export function writeWorkbookPlan(
  plan: WorkbookPlan,
  sink: (chunk: Uint8Array) => void,
  options: Pick<XlsxOptions, "distinctSharedStrings" | "commentLength"> = {},
): XlsxReport {
  const chunks = workbookChunks(plan, options);
  for (;;) {
    const next = chunks.next();
    if (next.done) return next.value;
    sink(next.value);
  }
}

/** Writes the exhibits workbook of `result` to `sink` in chunks. */
export function writeWorkbookTo(
  result: StudyResult,
  sink: (chunk: Uint8Array) => void,
  options: XlsxOptions = {},
): XlsxReport {
  return writeWorkbookPlan(buildWorkbook(result, options), sink, options);
}

/** The exhibits workbook as bytes, with what writing changed. */
export function workbookBytes(
  result: StudyResult,
  options: XlsxOptions = {},
): { bytes: Uint8Array; report: XlsxReport } {
  const chunks: Uint8Array[] = [];
  const report = writeWorkbookTo(result, (chunk) => chunks.push(chunk), options);
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, report };
}

/** The exhibits workbook as a Node Buffer. */
export async function workbookBuffer(result: StudyResult, options: XlsxOptions = {}): Promise<Buffer> {
  const { bytes } = workbookBytes(result, options);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Writes the exhibits workbook to `file` (the folder must exist; replaced in place — the CLI goes through src/cli/outputs.ts). */
export async function writeWorkbook(result: StudyResult, file: string, options: XlsxOptions = {}): Promise<XlsxReport> {
  const { writeFileSync } = await import("fs");
  const { bytes, report } = workbookBytes(result, options);
  writeFileSync(file, bytes);
  return report;
}
