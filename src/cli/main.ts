/**
 * `compstudy exhibits`: the study from a pay-plan file and a roster, headless.
 *
 *   compstudy exhibits --plans plans.csv --roster roster.xlsx --as-of 2013-04-01 \
 *     --out exhibits.xlsx --json exhibits.json --html report.html
 *   compstudy exhibits --workbook study.xlsx [--plans-sheet "Pay Plans"] [--roster-sheet Roster] …
 *
 * Exit codes: 0 success; 2 bad input or usage (one line on stderr naming the file, and the
 * sheet, row and column where known — never a stack trace); 1 an unexpected internal error.
 * Everything is testable in-process: `main(argv, io)` takes the writers and the clock.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError, Option } from "commander";
import { isEngineError } from "../engine";
import { renderHtmlReport } from "../exhibits/html";
import { renderJson } from "../exhibits/json";
import type { StudyResult } from "../exhibits/spec/types";
import { workbookBuffer } from "../exhibits/xlsx";
import { analyse, InputError } from "./analyse";
import { ReaderError, describeIoError, readTable, readWorkbookSheets } from "./readers";
import type { Table } from "./readers";

/** Where the CLI writes, and what it knows about the terminal and the clock (injected in tests). */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines are drawn only on a terminal. */
  stderrIsTTY: boolean;
  /** Today, for the default --as-of. */
  now: () => Date;
  /** Relative paths resolve against this folder. */
  cwd: string;
  /** The analysis (injected in tests that exercise the CLI's plumbing only). */
  analyse: typeof analyse;
};

export const DEFAULT_PLANS_SHEET = "Pay Plans";
export const DEFAULT_ROSTER_SHEET = "Roster";

/** Exit codes: a contract with scripts that call the CLI. */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

type ExhibitsOptions = {
  plans?: string;
  roster?: string;
  workbook?: string;
  plansSheet?: string;
  rosterSheet?: string;
  asOf?: string;
  out?: string;
  json?: string;
  html?: string;
  quiet?: boolean;
};

/** A usage or input problem: printed as `compstudy: <subject>: <message>`, exit 2. */
export class UsageError extends Error {
  readonly subject?: string;
  constructor(message: string, subject?: string) {
    super(message);
    this.name = "UsageError";
    this.subject = subject;
  }
}

function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    cwd: process.cwd(),
    analyse,
  };
}

/** Today's date on this machine as yyyy-mm-dd. */
export function isoDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Validates a yyyy-mm-dd calendar date (2013-02-30 is refused). */
export function parseAsOf(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new UsageError(`--as-of must be a date as yyyy-mm-dd, got '${oneLine(text)}'`);
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900)
    throw new UsageError(`--as-of is not a calendar date: '${oneLine(text)}'`);
  return match[0];
}

/** Keeps a message on one line and short (file contents can end up in messages). */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A progress line on a terminal: redrawn in place, cleared at the end. */
class Progress {
  private shown = false;
  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}
  update(text: string): void {
    if (!this.enabled) return;
    this.io.stderr(`\r\x1b[2K${text}`);
    this.shown = true;
  }
  done(): void {
    if (this.shown) this.io.stderr("\r\x1b[2K");
    this.shown = false;
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function display(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

type Inputs = { plans: Table; roster: Table };

/** Runs a reader, naming the file in its errors as the user typed it. */
async function asGiven<T>(given: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ReaderError && error.file !== given)
      throw new ReaderError(given, error.message, { sheet: error.sheet, row: error.row, column: error.column });
    throw error;
  }
}

async function readInputs(options: ExhibitsOptions, io: CliIo, progress: Progress): Promise<Inputs> {
  const resolve = (file: string) => path.resolve(io.cwd, file);
  const rowsRead = (file: string) => (rows: number) => progress.update(`reading ${file}: ${count(rows)} rows`);
  if (options.workbook) {
    if (options.plans || options.roster)
      throw new UsageError("use either --workbook or --plans with --roster, not both");
    const file = resolve(options.workbook);
    const given = options.workbook;
    const [plans, roster] = await asGiven(given, () =>
      readWorkbookSheets(
        file,
        [options.plansSheet ?? DEFAULT_PLANS_SHEET, options.rosterSheet ?? DEFAULT_ROSTER_SHEET],
        rowsRead(given),
      ),
    );
    return { plans: { ...plans, file: options.workbook }, roster: { ...roster, file: options.workbook } };
  }
  if (!options.plans || !options.roster)
    throw new UsageError(
      options.plans || options.roster
        ? `--${options.plans ? "roster" : "plans"} is missing: give --plans and --roster (or one --workbook)`
        : "give --plans <file> and --roster <file>, or --workbook <file.xlsx>",
    );
  const { plans: plansFile, roster: rosterFile } = options;
  const plans = await asGiven(plansFile, () =>
    readTable(resolve(plansFile), { sheet: options.plansSheet, onRows: rowsRead(plansFile) }),
  );
  const roster = await asGiven(rosterFile, () =>
    readTable(resolve(rosterFile), { sheet: options.rosterSheet, onRows: rowsRead(rosterFile) }),
  );
  return { plans: { ...plans, file: options.plans }, roster: { ...roster, file: options.roster } };
}

/** A one-line input check before the analysis: an empty sheet or a header without data. */
function checkHasData(table: Table, what: string): void {
  const filled = table.rows.filter((row) => row.some((value) => value !== null && value !== undefined && value !== ""));
  const where = table.sheet ? `sheet '${table.sheet}': ` : "";
  if (filled.length === 0) throw new ReaderError(table.file, `${where}no ${what} data (the table is empty)`);
  if (filled.length === 1)
    throw new ReaderError(table.file, `${where}only a header row, no ${what} rows under it`, { sheet: table.sheet });
}

/** Writes `data` to `file` through a temporary file, so a failed run never leaves half a file. */
function writeOutput(io: CliIo, file: string, data: string | Buffer): string {
  const target = path.resolve(io.cwd, file);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, target);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there.
    }
    throw new UsageError(`cannot write the file: ${describeIoError(error, "write failed")}`, file);
  }
  return display(io, target);
}

/** Unmatched rows by reason ("unknown grade: 3, missing salary: 1"), from the exhibit. */
export function unmatchedReasons(result: StudyResult): [string, number][] {
  const exhibit = result.exhibits.find((candidate) => candidate.id === "unmatched-employees");
  if (!exhibit) return [];
  const column = exhibit.columns.findIndex((candidate) => candidate.name === "Reason");
  const counts = new Map<string, number>();
  for (const row of exhibit.rows) {
    if (row.kind !== "detail") continue;
    // Reasons start "Row 12: …": group by what follows.
    const reason = String(row.values[column] ?? "unknown").replace(/^Row \d+: /, "");
    // "unknown grade 'X9'" and "unknown grade 'X10'" are one reason: count by the words before any detail.
    const key =
      reason
        .split(/[:('"(]/)[0]
        .replace(/\s+/g, " ")
        .trim() || reason;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The summary printed on stdout after a run. */
export function summaryText(result: StudyResult, inputs: Inputs, written: string[]): string {
  const s = result.summary;
  const reasons = unmatchedReasons(result);
  const lines = [
    `compstudy: study as of ${result.asOf}`,
    `  pay plans   ${inputs.plans.source}: ${count(s.plans)} plans, ${count(s.grades)} grades`,
    `  roster      ${inputs.roster.source}: ${count(s.rosterRows)} rows`,
    `  placed      ${count(s.employees)} employees`,
    `  unmatched   ${count(s.unmatched)} rows${reasons.length ? ` (${reasons.map(([r, n]) => `${r}: ${count(n)}`).join(", ")})` : ""}`,
    `  audit       ${count(s.auditErrors)} errors, ${count(s.auditWarnings)} warnings (schedule-audit)`,
    written.length ? `  wrote       ${written.join(", ")}` : "  wrote       nothing (add --out, --json or --html)",
  ];
  return `${lines.join("\n")}\n`;
}

async function runExhibits(options: ExhibitsOptions, io: CliIo): Promise<number> {
  const asOf = options.asOf === undefined ? isoDate(io.now()) : parseAsOf(options.asOf);
  const progress = new Progress(io, io.stderrIsTTY && !options.quiet);
  try {
    const inputs = await readInputs(options, io, progress);
    checkHasData(inputs.plans, "pay-plan");
    checkHasData(inputs.roster, "roster");
    progress.update(`analysing ${count(inputs.roster.rows.length)} roster rows…`);
    const result = io.analyse(inputs.plans, inputs.roster, asOf);
    const written: string[] = [];
    if (options.out) {
      progress.update(`writing ${options.out}…`);
      written.push(writeOutput(io, options.out, await workbookBuffer(result)));
    }
    if (options.json) written.push(writeOutput(io, options.json, renderJson(result)));
    if (options.html) written.push(writeOutput(io, options.html, renderHtmlReport(result)));
    progress.done();
    if (!options.quiet) io.stdout(summaryText(result, inputs, written));
    return EXIT.ok;
  } finally {
    progress.done();
  }
}

function buildProgram(io: CliIo, run: (options: ExhibitsOptions) => Promise<void>): Command {
  const program = new Command();
  program
    .name("compstudy")
    .description("CompStudy: compensation-study exhibits from a pay-plan table and an employee roster.")
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`compstudy: ${oneLine(text.replace(/^error: /, ""))}\n`),
    })
    .showSuggestionAfterError(true);
  program
    .command("exhibits")
    .description("Compute the assessment-of-current-conditions exhibits and write them as .xlsx, .json and .html.")
    .option("--plans <file>", "pay plans: .csv or .xlsx (Plan, Grade, Step 1 … Step N)")
    .option("--roster <file>", "employee roster: .csv or .xlsx")
    .option("--workbook <file.xlsx>", "one workbook holding both tables (instead of --plans and --roster)")
    .option(
      "--plans-sheet <name>",
      `sheet of the pay plans (default with --workbook: "${DEFAULT_PLANS_SHEET}"; else the first)`,
    )
    .option(
      "--roster-sheet <name>",
      `sheet of the roster (default with --workbook: "${DEFAULT_ROSTER_SHEET}"; else the first)`,
    )
    .option("--as-of <yyyy-mm-dd>", "date tenure is measured to (default: today)")
    .option("--out <file.xlsx>", "write the exhibits workbook")
    .option("--json <file.json>", "write the exhibits as JSON")
    .option("--html <file.html>", "write a printable HTML report")
    .addOption(new Option("--quiet", "print nothing but errors"))
    .action(async (options: ExhibitsOptions) => run(options));
  return program;
}

/** The one line for an error, or undefined when it is not a known input error. */
export function inputErrorLine(error: unknown): string | undefined {
  if (error instanceof ReaderError) {
    const where = [error.sheet && !error.message.includes(`'${error.sheet}'`) ? `sheet '${error.sheet}'` : ""]
      .filter(Boolean)
      .join(", ");
    return `compstudy: ${error.file}: ${where ? `${where}: ` : ""}${oneLine(error.message)}`;
  }
  if (error instanceof InputError) return `compstudy: ${error.file}: ${oneLine(error.message)}`;
  if (error instanceof UsageError)
    return `compstudy: ${error.subject ? `${error.subject}: ` : ""}${oneLine(error.message)}`;
  if (isEngineError(error)) return `compstudy: ${oneLine(error.message)}`;
  return undefined;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const streams: CliIo = { ...defaultIo(), ...io };
  let code: number = EXIT.ok;
  const program = buildProgram(streams, async (options) => {
    code = await runExhibits(options, streams);
  });
  try {
    if (argv.length === 0) {
      streams.stderr(`${program.helpInformation()}`);
      return EXIT.badInput;
    }
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error it has printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    const line = inputErrorLine(error);
    if (line !== undefined) {
      streams.stderr(`${line}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr(`compstudy: internal error: ${oneLine(message)} — please report this\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.internal;
    },
  );
}
