/**
 * An exhibit as CSV (papaparse's unparse). Roster text that a spreadsheet would run as a
 * formula — starting with =, +, -, @, tab or carriage return — is written with a leading
 * apostrophe (OWASP's CSV-injection advice). papaparse's own `escapeFormulae: true` pattern
 * ends in `.*$` and so misses text with a line break in it; ours tests the first character only.
 * Numbers are written raw (a negative number is a number, not a formula).
 */
import Papa from "papaparse";
import type { Exhibit } from "./spec/types";

/** First characters that make a spreadsheet read a CSV field as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** One exhibit as CSV text: header row, then one line per row; CRLF line ends. */
export function exhibitToCsv(exhibit: Exhibit): string {
  return `${Papa.unparse(
    {
      fields: exhibit.columns.map((column) => column.name),
      data: exhibit.rows.map((row) =>
        exhibit.columns.map((_, index) => {
          const value = row.values[index];
          return typeof value === "number" && !Number.isFinite(value) ? null : (value ?? null);
        }),
      ),
    },
    { escapeFormulae: FORMULA_START, newline: "\r\n", quotes: false },
  )}\r\n`;
}
