/** In-process CLI runs over files in a fresh temporary folder. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/main";
import { ReaderError } from "../../src/cli/readers";

export type Run = { code: number; stdout: string; stderr: string };

export function tempFolder(prefix = "compstudy-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs `compstudy …` in `cwd` with captured output and a fixed clock. */
export async function run(argv: string[], cwd: string, io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTTY: false,
    now: () => new Date(2013, 3, 1, 12),
    cwd,
    ...io,
  });
  return { code, stdout, stderr };
}

export function writeFile(folder: string, name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A workbook with the given sheets (rows of ExcelJS values). */
export async function writeWorkbook(file: string, sheets: Record<string, ExcelJS.CellValue[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(file);
}

/** One line, no stack trace. */
export function expectOneLine(text: string): void {
  const lines = text.trimEnd().split("\n");
  if (lines.length !== 1 || /\n\s+at /.test(text)) throw new Error(`expected one line, got:\n${text}`);
}

/** The ReaderError a read fails with (fails the test when it succeeds or fails otherwise). */
export async function readerError(promise: Promise<unknown>): Promise<ReaderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReaderError) return error;
    throw error;
  }
  throw new Error("expected a ReaderError");
}
