/**
 * Opens an .xlsx in LibreOffice headless (a real spreadsheet application) and reads back
 * what it shows: every sheet as CSV "as shown" (formats applied), and the PDF.
 * Used by the LibreOffice tests; they skip with a message where soffice is missing.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import type { JsonStudy } from "../../src/exhibits/json";

export function findSoffice(): string | undefined {
  for (const candidate of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"])
    if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

/**
 * CSV filter options: `,` separator, `"` quotes, UTF-8, from line 1, …, token 9 "save cell
 * contents as shown" = true, token 12 = -1 "every sheet to its own file" (LibreOffice ≥ 7.2:
 * writes `<name>-<Sheet>.csv`; without it only the first sheet is exported).
 */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

export function convert(soffice: string, file: string, to: string, outdir: string): void {
  execFileSync(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(outdir, "lo-profile")}`,
      "--convert-to",
      to,
      "--outdir",
      outdir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
}

/** Every sheet of `file` as LibreOffice shows it: sheet name → rows of text. */
export function sheetsAsShown(soffice: string, file: string, outdir: string): Map<string, string[][]> {
  convert(soffice, file, CSV_ALL_SHEETS, outdir);
  const base = path.basename(file, path.extname(file));
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(outdir)) {
    if (!name.startsWith(`${base}-`) || !name.endsWith(".csv")) continue;
    const text = fs.readFileSync(path.join(outdir, name), "utf8");
    sheets.set(name.slice(base.length + 1, -4), Papa.parse<string[]>(text, { skipEmptyLines: false }).data);
  }
  return sheets;
}

/** A shown value back to a number: "$61,040" → 61040, "45.5%" → 0.455, "7.3 years" → 7.3. */
export function shownNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/ years$/, "");
  if (trimmed === "") return undefined;
  const percent = trimmed.endsWith("%");
  const body = trimmed.replace(/[$,%]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(body)) return undefined;
  return percent ? Number(body) / 100 : Number(body);
}

/** Precision of a shown number: half of its last shown decimal (plus binary slack). */
function tolerance(shown: string): number {
  const decimals = /\.(\d+)/.exec(shown)?.[1].length ?? 0;
  const scale = shown.trim().endsWith("%") ? 100 : 1;
  return (0.5 * 10 ** -decimals) / scale + 1e-9;
}

/**
 * Compares each exhibit of `json` with the sheet LibreOffice shows (the findings page first,
 * when there is one; then the exhibits in order, each with its table's header under its title
 * block): same header, same text, numbers equal to the shown precision.
 * Returns the list of differences (empty when all agree).
 */
export function compareWithJson(sheets: Map<string, string[][]>, names: string[], json: JsonStudy): string[] {
  const problems: string[] = [];
  const sheetNames = names[0] === "Findings" ? names.slice(1) : names;
  json.exhibits.forEach((exhibit, index) => {
    const rows = sheets.get(sheetNames[index]);
    if (!rows) {
      problems.push(`${exhibit.id}: no sheet '${sheetNames[index]}' in the LibreOffice export`);
      return;
    }
    // The table's header: the first row (of the first ten) that starts with the exhibit's column names.
    const headerRow = rows
      .slice(0, 10)
      .findIndex((row) => row.slice(0, exhibit.columns.length).join("|") === exhibit.columns.join("|"));
    if (headerRow < 0) {
      problems.push(`${exhibit.id}: no header row ${exhibit.columns.join("|")} in the first ten rows`);
      return;
    }
    const header = rows[headerRow].slice(0, exhibit.columns.length);
    if (header.join("|") !== exhibit.columns.join("|")) problems.push(`${exhibit.id}: header ${header.join("|")}`);
    exhibit.rows.forEach((row, r) => {
      const shown = rows[headerRow + 1 + r] ?? [];
      exhibit.columns.forEach((column, c) => {
        const expected = row[column];
        const text = shown[c] ?? "";
        const where = `${exhibit.id} row ${r + 1} ${column}`;
        if (expected === null) {
          if (text !== "") problems.push(`${where}: expected empty, shows '${text}'`);
        } else if (typeof expected === "number") {
          const value = shownNumber(text);
          if (value === undefined || Math.abs(value - expected) > tolerance(text))
            problems.push(`${where}: expected ${expected}, shows '${text}'`);
        } else if (text !== expected.replace(/\r/g, "\n")) {
          problems.push(`${where}: expected '${expected}', shows '${text}'`);
        }
      });
    });
  });
  return problems;
}
