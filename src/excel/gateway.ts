/**
 * The workbook gateway: everything the task pane asks of Excel, behind one small type, so
 * components never call Office.js and tests can pass an in-memory workbook. The Office.js
 * implementation below is the only place the task pane's Excel.run calls live; each user
 * action is one Excel.run, reads are chunked under Excel on the web's 5 MB request limit.
 *
 * Requirement sets: ExcelApi 1.1 (ranges, tables), 1.4 (named items add), 1.7 (sheets added and
 * deleted), 1.9 (cells changed in any sheet, tables added and deleted); Office's document
 * settings (the pane's choices, saved in the workbook). The manifest declares ExcelApi 1.9.
 */
import type { CellValue } from "../engine/cells";
import { POLICY_TABLE } from "../engine/policy";
import { isoDate, parseDate } from "../engine/study/dates";
import {
  listExhibitSheets,
  rangeAddress,
  writeExhibits,
  type ExhibitSheet,
  type WriteOptions,
  type Written,
} from "./exhibitWriter";
import { DEFAULT_SETTINGS, SETTINGS_KEY, readSettings, type PaneSettings } from "./settings";
import type { StudyResult } from "../exhibits/spec/types";

/** A place the pane can read a table from: an Excel table, a named range, or an address. */
export type Source = {
  kind: "table" | "name" | "range";
  name: string;
  address: string;
  /** An Excel table showing its totals row (the last row of its address): never a record. */
  totalsRow?: boolean;
};

export type FormulaScope = "selection" | "sheet";

/**
 * A table to add to the workbook (the pane's sample data): its sheet, its Excel table name, its
 * rows (headers first) and a note written above it, outside the table (a blank row between).
 */
export type NewTable = { sheet: string; table: string; rows: (string | number | boolean | null)[][]; note?: string };

/** The workbook name that carries a study's as-of date (a date, or a cell holding one): the sample has one. */
export const AS_OF_NAME = "COMP_AS_OF";

/** What changed in the workbook since the pane looked: its tables and sheets, or cells of one sheet. */
export type WorkbookChange = { kind: "structure" } | { kind: "cells"; sheet: string; address: string };

export type WorkbookGateway = {
  /** Tables and named ranges of the workbook. */
  listSources(): Promise<Source[]>;
  /** The selected range's address, e.g. "Roster!A1:G1258". */
  selectionAddress(): Promise<string>;
  /** Reads a source's values, chunked; throws a message a person can act on. */
  readValues(source: Source, onProgress?: (fraction: number) => void): Promise<CellValue[][]>;
  /** The rows of a source hidden in its sheet (by a filter or grouping), 1-based within the source. */
  hiddenRows(source: Source): Promise<number[]>;
  /** Writes the study's exhibits on new sheets, replacing the earlier sheets given once all are written. */
  insertExhibits(result: StudyResult, options: WriteOptions): Promise<Written>;
  /** The exhibit sheets the pane wrote that are in the workbook (found by their markers). */
  listExhibitSheets(): Promise<ExhibitSheet[]>;
  /** The as-of date the workbook carries as the name COMP_AS_OF (yyyy-mm-dd), if it has one. */
  readStudyDate(): Promise<string | undefined>;
  /** Adds the "COMP Rules" sheet with the policy values as named cells. */
  insertRulesSheet(): Promise<{ sheet: string; names: number }>;
  /** Puts a formula into the active cell, only if it is empty. */
  insertFormula(formula: string): Promise<string>;
  /** How many cells of the selection or active sheet hold COMP formulas. */
  countCompFormulas(scope: FormulaScope): Promise<number>;
  /** Replaces those formulas by their current values; returns how many changed. */
  convertCompFormulas(scope: FormulaScope): Promise<number>;
  /** Shows a sheet. */
  activateSheet(name: string): Promise<void>;
  /** Selects a range (and shows its sheet): "select row in sheet". */
  selectRange(address: string): Promise<void>;
  /**
   * Adds one row at the end of a source's table: `cells` gets the values read and returns the
   * row's cells (null: left as it is). Refuses, writing nothing, when there is no room.
   */
  appendRow(source: Source, cells: (values: CellValue[][]) => CellValue[]): Promise<AppendedRow>;
  /** Adds each table on a new sheet as an Excel table; returns them as sources. */
  insertTables(tables: readonly NewTable[]): Promise<Source[]>;
  /** The pane's settings saved in this workbook (inputs chosen, mappings, options, first run). */
  loadSettings(): Promise<PaneSettings>;
  /** Saves the pane's settings in the workbook (kept when the workbook is saved). */
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Calls `listener` when tables or sheets are added or removed, or cells change; returns the way to stop. */
  watch(listener: (change: WorkbookChange) => void): Promise<() => Promise<void>>;
};

/** A row added by appendRow: its address, its 1-based row within the source, and the source grown to hold it. */
export type AppendedRow = { address: string; row: number; source: Source };

/** Where a new row goes: the 0-based index just after the last row holding anything (the length when that is the last). */
export function appendIndex(values: readonly (readonly CellValue[])[]): number {
  for (let index = values.length - 1; index >= 0; index--)
    if (values[index].some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== ""))
      return index + 1;
  return 0;
}

/** A date from a cell or a name (a serial number, or text such as 2013-04-01) as yyyy-mm-dd; undefined otherwise. */
export function studyDate(value: unknown): string | undefined {
  if (typeof value !== "number" && typeof value !== "string") return undefined;
  const day = parseDate(value, "mdy");
  return day === undefined ? undefined : isoDate(day);
}

/** A source as a message names it: "the table Candidates", "the named range Staff", "the range Sheet1!A1:F9". */
function named(source: Source): string {
  if (source.kind === "table") return `the table ${source.name}`;
  if (source.kind === "name") return `the named range ${source.name}`;
  return source.name === "Selection" ? `the range ${source.address}` : `the table on ${source.name}`;
}

/** The sheet the rules go on; never overwritten. */
export const RULES_SHEET = "COMP Rules";

/** Cells one read may return: keeps each response well under 5 MB for ordinary cells. */
export const READ_BUDGET_CELLS = 100_000;

/** Largest table the pane reads (Excel's row limit × a roster's usual width is far below it). */
export const MAX_READ_CELLS = 12_000_000;

/** A message for the person, not the console: shown as is by the pane. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}

type Parsed = { sheet: string; row: number; column: number; rows: number; columns: number };

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Splits "Sheet 1!B2:H500" (or 'My Sheet'!B2) into sheet and 0-based rectangle. */
export function parseAddress(address: string): Parsed {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang < 0
      ? ""
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
  const cells = (bang < 0 ? address : address.slice(bang + 1)).replace(/\$/g, "");
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(cells);
  if (!match) throw new WorkbookError(`'${address}' is not a range address such as Roster!A1:G500`);
  const column = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  const lastColumn = match[3] ? columnIndex(match[3]) : column;
  const lastRow = match[4] ? Number(match[4]) - 1 : row;
  return { sheet, row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

/** Row blocks of a rectangle that each hold at most `budget` cells. */
export function readChunks(area: Parsed, budget = READ_BUDGET_CELLS): string[] {
  const rowsPerChunk = Math.max(1, Math.floor(budget / Math.max(1, area.columns)));
  const chunks: string[] = [];
  const prefix = area.sheet ? `'${area.sheet.replace(/'/g, "''")}'!` : "";
  for (let start = 0; start < area.rows; start += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, area.rows - start);
    chunks.push(prefix + rangeAddress(area.row + start, area.column, rows, area.columns));
  }
  return chunks;
}

const COMP_FORMULA = /(^|[^A-Za-z0-9_.])COMP\./i;

/** True for a formula that calls a COMP function. */
export function isCompFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && COMP_FORMULA.test(formula);
}

/** The Office.js gateway. */
export function createOfficeGateway(): WorkbookGateway {
  const scopeRange = (context: Excel.RequestContext, scope: FormulaScope): Excel.Range =>
    scope === "selection"
      ? context.workbook.getSelectedRange()
      : context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);

  return {
    async listSources() {
      return Excel.run(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name,items/showTotals");
        const names = context.workbook.names;
        names.load("items/name,items/type,items/value,items/visible");
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const ranges = tables.items.map((table) => table.getRange());
        ranges.forEach((range) => range.load("address"));
        const used = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true));
        used.forEach((range) => range.load("address"));
        await context.sync();
        return [
          ...tables.items.map((table, index): Source => ({
            kind: "table",
            name: table.name,
            address: ranges[index].address,
            ...(table.showTotals ? { totalsRow: true } : {}),
          })),
          ...names.items
            .filter((item) => item.type === "Range" && item.visible)
            .map((item): Source => ({ kind: "name", name: item.name, address: String(item.value).replace(/^=/, "") })),
          ...sheets.items.flatMap((sheet, index): Source[] =>
            used[index].isNullObject ? [] : [{ kind: "range", name: sheet.name, address: used[index].address }],
          ),
        ];
      });
    },

    async selectionAddress() {
      return Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        return range.address;
      });
    },

    async hiddenRows(source) {
      const area = parseAddress(source.address);
      return Excel.run(async (context) => {
        const sheet = area.sheet
          ? context.workbook.worksheets.getItem(area.sheet)
          : context.workbook.worksheets.getActiveWorksheet();
        const whole = sheet.getRange(rangeAddress(area.row, area.column, area.rows, area.columns));
        whole.load("rowHidden");
        await context.sync();
        // rowHidden: false when no row is hidden (the usual case: one request), null when some are.
        if (whole.rowHidden === false) return [];
        if (whole.rowHidden === true) return Array.from({ length: area.rows }, (_, row) => row + 1);
        // The visible rows of the first column, a chunk at a time; the others are hidden.
        const visible = new Set<number>();
        const column = { ...area, columns: 1 };
        // One request per chunk, one after another: each response stays under 5 MB.
        await readChunks(column, READ_BUDGET_CELLS).reduce(
          (previous, address) =>
            previous.then(async () => {
              const bang = address.lastIndexOf("!");
              const view = sheet.getRange(bang < 0 ? address : address.slice(bang + 1)).getVisibleView();
              view.load("cellAddresses");
              await context.sync();
              for (const [cell] of view.cellAddresses as string[][]) visible.add(parseAddress(cell).row - area.row + 1);
            }),
          Promise.resolve(),
        );
        return Array.from({ length: area.rows }, (_, row) => row + 1).filter((row) => !visible.has(row));
      });
    },

    async readValues(source, onProgress) {
      const area = parseAddress(source.address);
      if (area.rows * area.columns > MAX_READ_CELLS) {
        throw new WorkbookError(
          `${source.name} is too large (${area.rows.toLocaleString("en-US")} rows × ${area.columns} columns): select only the table's columns`,
        );
      }
      const chunks = readChunks(area);
      return Excel.run(async (context) => {
        const values: CellValue[][] = [];
        // One request per chunk, one after another: each response stays under 5 MB.
        await chunks.reduce(
          (previous, address, index) =>
            previous.then(async () => {
              const bang = address.lastIndexOf("!");
              const sheet = area.sheet
                ? context.workbook.worksheets.getItem(area.sheet)
                : context.workbook.worksheets.getActiveWorksheet();
              const range = sheet.getRange(bang < 0 ? address : address.slice(bang + 1));
              range.load("values");
              await context.sync();
              for (const row of range.values) values.push(row as CellValue[]);
              onProgress?.((index + 1) / chunks.length);
            }),
          Promise.resolve(),
        );
        if (values.every((row) => row.every((cell) => cell === "" || cell === null))) {
          throw new WorkbookError(`${source.name} is empty: pick the range that holds the table, headers first`);
        }
        return values;
      });
    },

    insertExhibits(result, options) {
      return writeExhibits(result, options);
    },

    listExhibitSheets() {
      return listExhibitSheets();
    },

    async readStudyDate() {
      return Excel.run(async (context) => {
        const item = context.workbook.names.getItemOrNullObject(AS_OF_NAME);
        item.load("type,value");
        await context.sync();
        if (item.isNullObject) return undefined;
        // A named cell holding the date: its value.
        if (item.type === "Range") {
          const range = item.getRange();
          range.load("values");
          await context.sync();
          return studyDate(range.values[0]?.[0]);
        }
        return studyDate(item.value);
      });
    },

    async insertRulesSheet() {
      return Excel.run(async (context) => {
        const existing = context.workbook.worksheets.getItemOrNullObject(RULES_SHEET);
        const names = context.workbook.names;
        names.load("items/name");
        await context.sync();
        if (!existing.isNullObject) {
          throw new WorkbookError(
            `A sheet named '${RULES_SHEET}' already exists: rename or delete it, then insert again`,
          );
        }
        const taken = new Set(names.items.map((item) => item.name.toUpperCase()));
        const clash = POLICY_TABLE.find((policy) => taken.has(policy.name.toUpperCase()));
        if (clash)
          throw new WorkbookError(`The workbook already defines the name ${clash.name}: remove it, then insert again`);
        const sheet = context.workbook.worksheets.add(RULES_SHEET);
        const rows = [
          ["Name", "Value", "Rule", "Explanation", "Source"],
          ...POLICY_TABLE.map((policy) => [policy.name, policy.value, policy.label, policy.explanation, policy.source]),
        ];
        const range = sheet.getRange(rangeAddress(0, 0, rows.length, 5));
        range.numberFormat = rows.map((row, index) =>
          row.map((_, column) => (index > 0 && column === 1 ? "General" : "@")),
        );
        range.values = rows;
        sheet.getRange("A1:E1").format.font.bold = true;
        POLICY_TABLE.forEach((policy, index) => {
          context.workbook.names.add(policy.name, sheet.getRange(`B${index + 2}`), policy.explanation);
        });
        sheet.getRange("A:E").format.autofitColumns();
        sheet.activate();
        await context.sync();
        return { sheet: RULES_SHEET, names: POLICY_TABLE.length };
      });
    },

    async insertFormula(formula) {
      return Excel.run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address,formulas");
        await context.sync();
        const current = cell.formulas[0][0];
        if (current !== "" && current !== null) {
          throw new WorkbookError(
            `The active cell ${cell.address} is not empty: pick an empty cell, then insert again`,
          );
        }
        cell.formulas = [[formula]];
        await context.sync();
        return cell.address;
      });
    },

    async countCompFormulas(scope) {
      return Excel.run(async (context) => {
        const range = scopeRange(context, scope);
        range.load("formulas");
        await context.sync();
        return range.formulas.flat().filter(isCompFormula).length;
      });
    },

    async convertCompFormulas(scope) {
      return Excel.run(async (context) => {
        const range = scopeRange(context, scope);
        range.load("formulas,values,rowCount,columnCount,address");
        await context.sync();
        let changed = 0;
        // Formulas that are not COMP's stay formulas: write back the whole block in one assignment.
        const next = range.formulas.map((row, r) =>
          row.map((formula, c) => {
            if (!isCompFormula(formula)) return formula;
            changed++;
            return range.values[r][c];
          }),
        );
        if (changed > 0) {
          range.formulas = next;
          await context.sync();
        }
        return changed;
      });
    },

    async activateSheet(name) {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },

    async selectRange(address) {
      const area = parseAddress(address);
      await Excel.run(async (context) => {
        const sheet = area.sheet
          ? context.workbook.worksheets.getItem(area.sheet)
          : context.workbook.worksheets.getActiveWorksheet();
        sheet.activate();
        sheet.getRange(rangeAddress(area.row, area.column, area.rows, area.columns)).select();
        await context.sync();
      });
    },

    async appendRow(source, cellsFor) {
      const given = parseAddress(source.address);
      return Excel.run(async (context) => {
        const table = source.kind === "table" ? context.workbook.tables.getItem(source.name) : undefined;
        const sheet = (): Excel.Worksheet =>
          given.sheet
            ? context.workbook.worksheets.getItem(given.sheet)
            : context.workbook.worksheets.getActiveWorksheet();
        // Where the table is now (it may have grown since it was read): a table, a name, a sheet's used range.
        const range = table
          ? table.getRange()
          : source.kind === "name"
            ? context.workbook.names.getItem(source.name).getRange()
            : source.name === "Selection"
              ? sheet().getRange(rangeAddress(given.row, given.column, given.rows, given.columns))
              : context.workbook.worksheets.getItem(source.name).getUsedRange(true);
        range.load("values,address");
        const below = range.getLastRow().getOffsetRange(1, 0);
        below.load("values,address");
        await context.sync();
        const values = range.values as CellValue[][];
        const area = parseAddress(range.address);
        const width = area.columns;
        const cells = cellsFor(values).slice(0, width);
        while (cells.length < width) cells.push(null);
        const index = appendIndex(values);
        let target: Excel.Range;
        let rows = area.rows;
        if (index < values.length) target = range.getRow(index);
        else {
          if (source.kind === "name")
            throw new WorkbookError(
              `The named range ${source.name} has no empty row at its end: nothing was written. Extend it (Formulas → Name Manager) or make it an Excel table, then write again`,
            );
          const occupied = (below.values as CellValue[][])[0].some(
            (cell) => cell !== null && cell !== undefined && String(cell).trim() !== "",
          );
          if (occupied)
            throw new WorkbookError(
              `The row below ${named(source)} (${below.address}) is not empty: nothing was written. Clear that row or move what is in it, then write again`,
            );
          rows += 1;
          // An Excel table grows by a row of its own (above a totals row, if it has one).
          target = table ? table.rows.add().getRange() : below;
        }
        // Text stays text (a grade "1-5" is not a date, a name "=x" not a formula); numbers keep the column's format.
        target.numberFormat = [cells.map((cell) => (typeof cell === "string" ? "@" : null))];
        target.values = [cells];
        target.load("address");
        await context.sync();
        const prefix = area.sheet ? `'${area.sheet.replace(/'/g, "''")}'!` : "";
        return {
          address: target.address,
          row: parseAddress(target.address).row - area.row + 1,
          source: { ...source, address: prefix + rangeAddress(area.row, area.column, rows, area.columns) },
        };
      });
    },

    async insertTables(tables) {
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const existing = context.workbook.tables;
        existing.load("items/name");
        await context.sync();
        const takenSheets = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
        const takenTables = new Set(existing.items.map((table) => table.name.toLowerCase()));
        const clash = tables.find(
          (table) => takenSheets.has(table.sheet.toLowerCase()) || takenTables.has(table.table.toLowerCase()),
        );
        if (clash)
          throw new WorkbookError(
            `The workbook already has a sheet or table named ${clash.table}: try the sample in a new workbook`,
          );
        const added = tables.map((table) => {
          const width = Math.max(...table.rows.map((row) => row.length));
          const rows = table.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
          const sheet = context.workbook.worksheets.add(table.sheet);
          // The note above the table, a blank row between: outside the table, whose header is its first row.
          const top = table.note === undefined ? 0 : 2;
          if (table.note !== undefined) {
            const note = sheet.getRange("A1");
            note.numberFormat = [["@"]];
            note.values = [[table.note]];
            note.format.font.italic = true;
          }
          const address = rangeAddress(top, 0, rows.length, width);
          const range = sheet.getRange(address);
          range.values = rows;
          const excelTable = sheet.tables.add(address, true);
          excelTable.name = table.table;
          sheet.getRange(address).format.autofitColumns();
          return {
            kind: "table",
            name: table.table,
            address: `'${table.sheet.replace(/'/g, "''")}'!${address}`,
          } as Source;
        });
        context.workbook.worksheets.getItem(tables[0].sheet).activate();
        await context.sync();
        return added;
      });
    },

    async loadSettings() {
      const settings = Office.context.document.settings;
      return readSettings(settings.get(SETTINGS_KEY));
    },

    async saveSettings(value) {
      const settings = Office.context.document.settings;
      settings.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, ...value });
      await new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new WorkbookError(`The pane's settings were not saved: ${result.error?.message ?? "unknown"}`)),
        ),
      );
    },

    async watch(listener) {
      // ExcelApi 1.7: sheets added and deleted; 1.9: cells changed in any sheet, tables added and deleted.
      return Excel.run(async (context) => {
        const structure = async (): Promise<void> => listener({ kind: "structure" });
        const handlers = [
          context.workbook.worksheets.onAdded.add(structure),
          context.workbook.worksheets.onDeleted.add(structure),
          context.workbook.tables.onAdded.add(structure),
          context.workbook.tables.onDeleted.add(structure),
          context.workbook.worksheets.onChanged.add(async (event) => {
            const sheet = context.workbook.worksheets.getItem(event.worksheetId);
            sheet.load("name");
            await context.sync();
            listener({ kind: "cells", sheet: sheet.name, address: event.address });
          }),
        ];
        await context.sync();
        return async () => {
          await Excel.run(handlers[0].context, async (again) => {
            handlers.forEach((handler) => handler.remove());
            await again.sync();
          });
        };
      });
    },
  };
}
