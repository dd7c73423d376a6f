/**
 * What the CLI reads at most (issue 19). A workbook or CSV file a district receives from outside
 * may be crafted to take a machine's memory or time: every size and count is checked as the data
 * arrives — never trusting a size or count the file declares — and passing a limit is a one-line
 * refusal naming the file and the limit (exit 2). The limits are Excel's own where Excel has one
 * (rows, columns, characters a cell), and elsewhere far above what a real pay-plan or roster file
 * holds while keeping a run under 1.5 GB of memory. SECURITY.md lists them and what happens past
 * each; keep the two in step.
 */

/** Excel's grid and cell: a sheet has at most this many rows and columns, a cell this many characters. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
export const EXCEL_CELL_CHARACTERS = 32_767;

const MiB = 1 << 20;

export const LIMITS = {
  /** An input file (CSV or workbook): read whole into memory. */
  fileBytes: 256 * MiB,
  /** Cells one table spans: each row counted to its last filled cell (1,048,576 rows of 16 columns). */
  tableCells: 16_777_216,
  /** Characters of text in one table, a text counted once per cell that shows it (a shared string many times). */
  tableCharacters: 268_435_456,
  /** Parts (files) in a workbook's zip. */
  zipParts: 65_536,
  /** A workbook part read whole (the workbook, its relationships, the mimetype): inflated size. */
  partBytes: 32 * MiB,
  /** A part read as it inflates (a sheet, the shared strings): inflated size. */
  streamedPartBytes: 1024 * MiB,
  /** XML elements in one part (a sheet's rows and cells, blank ones too; the shared strings). */
  partElements: 33_554_432,
  /** One XML construct — a tag, a comment, a cell, a shared string — in characters, closed or not. */
  xmlConstruct: 4 * MiB,
  /** Characters of all the texts of a workbook's shared-string table together (held in memory while its sheets are read). */
  sharedStringCharacters: 134_217_728,
  /** Entries of a workbook's shared-string table. */
  sharedStrings: 8_388_608,
} as const;

/** "256 MiB", "2 GiB" for a size in bytes. */
export function byteSize(bytes: number): string {
  if (bytes >= 1 << 30 && bytes % (1 << 30) === 0) return `${bytes / (1 << 30)} GiB`;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  return `${bytes.toLocaleString("en-US")} bytes`;
}

/** 1,048,576 for a count. */
export function counted(n: number): string {
  return n.toLocaleString("en-US");
}
