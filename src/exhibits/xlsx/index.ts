/** The .xlsx renderer (ExcelJS, Node). */
export { addLayoutSheet, buildWorkbook, workbookBuffer, writeWorkbook } from "./workbook";
