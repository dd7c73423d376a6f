/** The .xlsx renderer: SpreadsheetML written directly and zipped with fflate (no ExcelJS). */
export {
  buildWorkbook,
  workbookBuffer,
  workbookBytes,
  writeWorkbook,
  writeWorkbookPlan,
  writeWorkbookTo,
  workbookChunks,
} from "./workbook";
export type { PlannedSheet, WorkbookPlan, XlsxOptions, XlsxReport } from "./workbook";
export { CREATOR } from "./parts";
export { MAX_CELL_CHARACTERS, REPLACEMENT_CHARACTER } from "./xml";
