/**
 * The study as an .xlsx workbook, drawn with ExcelJS from the same sheet layouts
 * (src/exhibits/layout.ts) as the Office.js writer, so both look the same: one sheet per
 * exhibit with a title, a subtitle, an Excel table (built-in style, header row), number
 * formats per cell, bold totals, a frozen header, column widths and a source line.
 * Values only: ExcelJS writes a formula only for a `{ formula }` object, and we never pass
 * one, so roster text such as "=HYPERLINK(…)" is stored as a string (tested by re-reading).
 * Charts are not drawn (ExcelJS has none); their data blocks are on the sheet.
 */
import ExcelJS from "exceljs";
import { layoutExhibit, uniqueSheetName } from "../layout";
import type { CellBlock, LayoutOptions, SheetLayout } from "../layout";
import type { CellScalar, StudyResult } from "../spec/types";

// Fonts name their face and size: a bare { bold: true } makes some readers (LibreOffice) fall back to a serif.
const BODY_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };
const BOLD_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
const TITLE_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true, size: 14 };
const SUBTITLE_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, italic: true, color: { argb: "FF4A5A6A" } };
const HEADING_FONT: Partial<ExcelJS.Font> = BOLD_FONT;

/** A table name Excel accepts (letters, digits, underscores; starts with a letter), unique in the workbook. */
function tableName(exhibitId: string, taken: Set<string>): string {
  const base = `Exhibit_${exhibitId.replace(/[^A-Za-z0-9]+/g, "_")}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** ExcelJS cell value for a layout value: strings stay strings, non-finite numbers become empty. */
function cellValue(value: CellScalar | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value;
}

function writeBlock(sheet: ExcelJS.Worksheet, block: CellBlock, skipValues: boolean): void {
  block.values.forEach((row, r) => {
    const excelRow = sheet.getRow(block.row + r + 1);
    row.forEach((value, c) => {
      const cell = excelRow.getCell(block.column + c + 1);
      // Format first, then the value: a text format keeps text as text in every reader.
      cell.numFmt = block.formats[r][c];
      if (!skipValues) cell.value = cellValue(value);
    });
    if (block.boldRows.includes(r)) {
      row.forEach((_, c) => {
        const cell = excelRow.getCell(block.column + c + 1);
        cell.font = BOLD_FONT;
      });
    }
  });
  for (const column of block.rightAlignedHeader ?? [])
    sheet.getCell(block.row + 1, block.column + column + 1).alignment = { horizontal: "right" };
  if (block.role === "title") sheet.getCell(block.row + 1, block.column + 1).font = TITLE_FONT;
  if (block.role === "subtitle" || block.role === "source" || block.role === "note")
    sheet.getCell(block.row + 1, block.column + 1).font = SUBTITLE_FONT;
  if (block.role === "step-heading") sheet.getCell(block.row + 1, block.column + 1).font = HEADING_FONT;
}

/** Draws one layout on a new worksheet of `workbook`. */
export function addLayoutSheet(
  workbook: ExcelJS.Workbook,
  layout: SheetLayout,
  names: { sheets: Set<string>; tables: Set<string> },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(uniqueSheetName(layout.sheetName, names.sheets), {
    views: [{ state: "frozen", ySplit: layout.freezeRows, xSplit: 0, topLeftCell: `A${layout.freezeRows + 1}` }],
  });
  const tableBlock = layout.blocks.find((block) => block.role === "table");
  if (tableBlock) {
    const [header, ...rows] = tableBlock.values;
    sheet.addTable({
      name: tableName(layout.exhibitId, names.tables),
      ref: sheet.getCell(layout.table.row + 1, layout.table.column + 1).address,
      headerRow: true,
      totalsRow: false,
      style: { theme: layout.table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: header.map((name) => ({ name: String(name ?? ""), filterButton: true })),
      rows: rows.map((row) => row.map(cellValue)),
    });
  }
  for (const block of layout.blocks) {
    // The table's values were written by addTable; its formats and bold rows are set here.
    writeBlock(sheet, block, block === tableBlock);
  }
  if (tableBlock) {
    // Excel draws the header bold through the table style; readers without table styles
    // (LibreOffice ≤ 7.4) do not, so say it in the cells too.
    const header = sheet.getRow(layout.table.row + 1);
    for (let column = 0; column < layout.table.columns; column++)
      header.getCell(layout.table.column + column + 1).font = BOLD_FONT;
  }
  // ExcelJS omits a column of width 9 as "default"; make 9 the sheet's default so it shows as 9.
  sheet.properties.defaultColWidth = 9;
  layout.columnWidths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  // Printed: landscape, one page wide, the table header repeated on every page.
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${layout.table.row + 1}:${layout.table.row + 1}`,
  };
  return sheet;
}

/** Every exhibit of `result` as a workbook (not yet written). */
export function buildWorkbook(result: StudyResult, options: LayoutOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CompStudy";
  // Fixed dates keep the file's metadata independent of when it was made.
  const fixed = new Date(`${result.asOf}T00:00:00Z`);
  if (!Number.isNaN(fixed.getTime())) {
    workbook.created = fixed;
    workbook.modified = fixed;
  }
  const names = { sheets: new Set<string>(), tables: new Set<string>() };
  for (const exhibit of result.exhibits) addLayoutSheet(workbook, layoutExhibit(exhibit, options), names);
  return workbook;
}

/** Writes the exhibits workbook to `file` (the folder must exist). */
export async function writeWorkbook(result: StudyResult, file: string, options: LayoutOptions = {}): Promise<void> {
  await buildWorkbook(result, options).xlsx.writeFile(file);
}

/** The exhibits workbook as bytes. */
export async function workbookBuffer(result: StudyResult, options: LayoutOptions = {}): Promise<Buffer> {
  const data = await buildWorkbook(result, options).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
