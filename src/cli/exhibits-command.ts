/**
 * `compstudy exhibits`: its options (from the engine's registry) and its run — the inputs read,
 * the study analysed, the outputs written. Loaded only when the command is asked for.
 */
import * as path from "path";
import { Option, type Command } from "commander";
import { isEngineError } from "../engine";
import {
  INPUTS,
  OPTIONS,
  EXHIBIT_IDS,
  PLANS_INPUT,
  ROSTER_INPUT,
  type InputSpec,
  type OptionSpec,
} from "../engine/study";
import { unmatchedKinds, unmatchedLines } from "../exhibits/reasons";
import type { StudyResult } from "../exhibits/spec/types";
import { analyse, InputError, type AnalysisInput } from "./analyse";
import { OutputError, outputRequests, planOutputs, writeOutputs, type InputFile, type WrittenOutputs } from "./outputs";
import { ReaderError, readTable, readWorkbookSheets, type HiddenRows, type SheetWanted } from "./readers";
import type { Table } from "./readers";
import { printable } from "./terminal";
import { camel, EXIT, isoDate, oneLine, parseAsOf, UsageError, type CliIo } from "./usage";

export const DEFAULT_PLANS_SHEET = PLANS_INPUT.sheets[0];
export const DEFAULT_ROSTER_SHEET = ROSTER_INPUT.sheets[0];

export type ExhibitsOptions = {
  plans?: string;
  roster?: string;
  workbook?: string;
  plansSheet?: string;
  rosterSheet?: string;
  asOf?: string;
  exhibits?: string;
  map?: string[];
  hiddenRows?: HiddenRows;
  skipHiddenRows?: boolean;
  decimalComma?: boolean;
  decimalPoint?: boolean;
  out?: string;
  json?: string;
  html?: string;
  reportDetail?: boolean;
  quiet?: boolean;
  /** Input files (--market FILE …) and option values by camel-cased flag, as commander gives them. */
  [flag: string]: unknown;
};

/** A progress line on a terminal: redrawn in place, cleared at the end. */
class Progress {
  private shown = false;
  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}
  update(text: string): void {
    if (!this.enabled) return;
    this.io.stderr(`\r\x1b[2K${oneLine(text, 200)}`);
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

type Inputs = Record<string, Table> & { plans: Table; roster: Table };

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

/** The input tables besides the pay plans and roster (market, proposed plans …). */
const EXTRA_INPUTS: readonly InputSpec[] = INPUTS.filter((spec) => spec !== PLANS_INPUT && spec !== ROSTER_INPUT);

/** An input read from its own file: a workbook's sheet named as the input (Market …), else its first sheet. */
async function readInputFile(
  spec: InputSpec,
  given: string,
  file: string,
  onRows: (rows: number) => void,
  hiddenRows: HiddenRows | undefined,
): Promise<Table> {
  if (!/\.xls[xm]$/i.test(file)) return readTable(file, { onRows, hiddenRows });
  const [named, first] = await readWorkbookSheets(file, [{ names: spec.sheets, optional: true }, undefined], onRows, {
    hiddenRows,
  });
  return { ...((named ?? first) as Table), file: given };
}

async function readInputs(options: ExhibitsOptions, io: CliIo, progress: Progress): Promise<Inputs> {
  const resolve = (file: string) => path.resolve(io.cwd, file);
  const rowsRead = (file: string) => (rows: number) => progress.update(`reading ${file}: ${count(rows)} rows`);
  const tables: Record<string, Table> = {};
  if (options.workbook) {
    if (options.plans || options.roster)
      throw new UsageError("use either --workbook or --plans with --roster, not both");
    const file = resolve(options.workbook);
    const given = options.workbook;
    // Extra inputs given as files win over the workbook's sheets.
    const fromSheets = EXTRA_INPUTS.filter((spec) => options[camel(spec.id)] === undefined);
    const wanted: SheetWanted[] = [
      options.plansSheet ?? DEFAULT_PLANS_SHEET,
      options.rosterSheet ?? DEFAULT_ROSTER_SHEET,
      ...fromSheets.map((spec): SheetWanted => ({ names: spec.sheets, optional: true })),
    ];
    const read = await asGiven(given, () =>
      readWorkbookSheets(file, wanted, rowsRead(given), { hiddenRows: options.hiddenRows }),
    );
    [PLANS_INPUT, ROSTER_INPUT, ...fromSheets].forEach((spec, index) => {
      const table = read[index];
      if (table) tables[spec.id] = { ...table, file: given };
    });
  } else {
    if (!options.plans || !options.roster)
      throw new UsageError(
        options.plans || options.roster
          ? `--${options.plans ? "roster" : "plans"} is missing: give --plans and --roster (or one --workbook)`
          : "give --plans <file> and --roster <file>, or --workbook <file.xlsx>",
      );
    const readGiven = async (given: string, sheet: string | undefined): Promise<Table> => ({
      ...(await asGiven(given, () =>
        readTable(resolve(given), { sheet, onRows: rowsRead(given), hiddenRows: options.hiddenRows }),
      )),
      file: given,
    });
    tables.plans = await readGiven(options.plans, options.plansSheet);
    tables.roster = await readGiven(options.roster, options.rosterSheet);
  }
  for (const spec of EXTRA_INPUTS) {
    const given = options[camel(spec.id)];
    if (typeof given !== "string") continue;
    tables[spec.id] = await asGiven(given, () =>
      readInputFile(spec, given, resolve(given), rowsRead(given), options.hiddenRows),
    );
    tables[spec.id].file = given;
  }
  return tables as Inputs;
}

/** The option values given on the command line, by option name (as the engine reads them). */
function rawOptions(options: ExhibitsOptions): Record<string, string | boolean | string[]> {
  const raw: Record<string, string | boolean | string[]> = {};
  for (const spec of OPTIONS) {
    const value = options[camel(spec.name)];
    if (value === undefined) continue;
    // A flag that defaults to true is only "given" when switched off (--no-suppress).
    if (spec.kind === "flag" && value === spec.default) continue;
    raw[spec.name] = value as string | boolean | string[];
  }
  // --decimal-comma and --decimal-point: the short ways to say --decimal comma|point.
  const marks = [options.decimalComma && "comma", options.decimalPoint && "point"].filter(
    (mark): mark is string => typeof mark === "string",
  );
  if (marks.length > 1) throw new UsageError("give --decimal-comma or --decimal-point, not both");
  if (marks.length === 1) {
    if (typeof raw.decimal === "string" && raw.decimal.toLowerCase() !== marks[0])
      throw new UsageError(`--decimal ${raw.decimal} and --decimal-${marks[0]} disagree: give one`);
    raw.decimal = marks[0];
  }
  return raw;
}

/** How hidden rows are read: --skip-hidden-rows, or --hidden-rows include|skip (the same choice, kept working). */
function hiddenRowsOf(options: ExhibitsOptions): HiddenRows | undefined {
  if (options.skipHiddenRows && options.hiddenRows === "include")
    throw new UsageError("--skip-hidden-rows and --hidden-rows include disagree: give one");
  return options.skipHiddenRows ? "skip" : options.hiddenRows;
}

/** --map [input:]Field=Header, repeatable; the input defaults to the roster. */
export function parseMappings(items: readonly string[] = []): Record<string, Record<string, string>> {
  const mapping: Record<string, Record<string, string>> = {};
  for (const item of items) {
    const match = /^(?:([a-z-]+):)?([^=]+)=(.+)$/i.exec(item.trim());
    if (!match)
      throw new UsageError(`--map takes Field=Header (e.g. "Hire Date=Original Hire Date"), got '${oneLine(item)}'`);
    const input = (match[1] ?? ROSTER_INPUT.id).toLowerCase();
    if (!INPUTS.some((spec) => spec.id === input))
      throw new UsageError(`--map: there is no input '${input}' (inputs: ${INPUTS.map((spec) => spec.id).join(", ")})`);
    mapping[input] = { ...(mapping[input] ?? {}), [match[2].trim()]: match[3].trim() };
  }
  return mapping;
}

/** A one-line input check before the analysis: an empty sheet or a header without data. */
function checkHasData(table: Table, what: string): void {
  // Two filled rows are enough to know: count no further.
  let filled = 0;
  for (const row of table.rows) {
    if (row.some((value) => value !== null && value !== undefined && value !== "")) filled++;
    if (filled > 1) return;
  }
  const where = table.sheet ? `sheet '${table.sheet}': ` : "";
  if (filled === 0) throw new ReaderError(table.file, `${where}no ${what} data (the table is empty)`);
  if (filled === 1)
    throw new ReaderError(table.file, `${where}only a header row, no ${what} rows under it`, { sheet: table.sheet });
}

/** Every input file given, to never write an output over one. */
function inputFiles(options: ExhibitsOptions): InputFile[] {
  const given = [
    ["--workbook", options.workbook],
    ["--plans", options.plans],
    ["--roster", options.roster],
    ...EXTRA_INPUTS.map((spec) => [`--${spec.id}`, options[camel(spec.id)]]),
  ];
  return given.flatMap(([flag, file]) => (typeof file === "string" ? [{ flag: flag as string, given: file }] : []));
}

/** "Hire Date ← 'Start Date'" where the header is not the field's own name; the field alone where it is. */
function columnsLine(columns: Record<string, string>): string {
  return Object.entries(columns)
    .map(([label, header]) => (label.toLowerCase() === header.toLowerCase() ? label : `${label} ← '${header}'`))
    .join(", ");
}

/** The summary printed after a run (on stdout, or on stderr when the JSON goes to stdout). */
export function summaryText(result: StudyResult, inputs: Inputs, outputs: WrittenOutputs): string {
  const s = result.summary;
  const { written } = outputs;
  const extra = EXTRA_INPUTS.filter((spec) => inputs[spec.id] !== undefined);
  // Labels in one column, as wide as the longest input read ("lane schedules").
  const width = Math.max(11, ...extra.map((spec) => spec.label.length));
  const line = (label: string, text: string): string => `  ${label.padEnd(width)} ${text}`;
  // Unmatched rows by kind of reason, one per line under the count.
  const reasons = unmatchedLines(unmatchedKinds(result)).map((reason) => `${" ".repeat(width + 3)}${reason}`);
  const readerNotes = Object.values(inputs).flatMap((table) =>
    (table.notes ?? []).map((note) => `${table.file}: ${note}`),
  );
  const lines = [
    `compstudy: study as of ${result.asOf}`,
    line("pay plans", `${inputs.plans.source}: ${count(s.plans)} plans, ${count(s.grades)} grades`),
    line(
      "roster",
      `${inputs.roster.source}: ${count(s.rosterRows)} rows${s.leftOut ? ` (and ${count(s.leftOut)} ${s.leftOut === 1 ? "line" : "lines"} left out: not employees)` : ""}`,
    ),
    ...extra.map((spec) => line(spec.label.toLowerCase(), inputs[spec.id].source)),
    // The column each field was read from: the roster's, then the pay plans'.
    line("columns", `roster: ${columnsLine(s.columns.roster)}`),
    `${" ".repeat(width + 3)}pay plans: ${columnsLine(s.columns.plans)}`,
    line(
      "placed",
      `${count(s.employees)} employees${s.separated > 0 ? ` (and ${count(s.separated)} separated, in workforce exhibits only)` : ""}${s.additionalAssignments ? `; ${count(s.additionalAssignments)} further ${s.additionalAssignments === 1 ? "assignment" : "assignments"} of the same people (in FTE and cost, not in head counts)` : ""}`,
    ),
    line("unmatched", `${count(s.unmatched)} row${s.unmatched === 1 ? "" : "s"}${reasons.length ? ":" : ""}`),
    ...reasons,
    line("audit", `${count(s.auditErrors)} errors, ${count(s.auditWarnings)} warnings (schedule-audit)`),
    line("exhibits", `${result.exhibits.length}: ${result.exhibits.map((exhibit) => exhibit.id).join(", ")}`),
    ...[...readerNotes, ...s.notes, ...outputs.notes].map((note) => line("note", note)),
    ...(outputs.createdFolders.length ? [line("created", outputs.createdFolders.join(", "))] : []),
    line("wrote", written.length ? written.join(", ") : "nothing (add --out, --json or --html)"),
  ];
  // Sheet names, headers, notes and file names come from files and the command line: shown, never obeyed.
  return `${lines.map(printable).join("\n")}\n`;
}

export async function runExhibits(options: ExhibitsOptions, io: CliIo): Promise<number> {
  const asOf = options.asOf === undefined ? isoDate(io.now()) : parseAsOf(options.asOf);
  const mapping = parseMappings(options.map);
  options.hiddenRows = hiddenRowsOf(options);
  const raw = rawOptions(options);
  const progress = new Progress(io, io.stderrIsTTY && !options.quiet);
  // Outputs are checked before anything is read: a run never ends by destroying a file.
  const outputs = await planOutputs(outputRequests(options), inputFiles(options), io.cwd);
  try {
    const inputs = await readInputs(options, io, progress);
    checkHasData(inputs.plans, "pay-plan");
    checkHasData(inputs.roster, "roster");
    progress.update(`analysing ${count(inputs.roster.rows.length)} roster rows…`);
    const request: AnalysisInput = {
      tables: inputs,
      mapping,
      asOf,
      options: raw,
      exhibits:
        options.exhibits === undefined ? undefined : options.exhibits.split(",").filter((id) => id.trim() !== ""),
      // The cells are the analysis' from here: a 1,048,576-row roster's are freed once parsed.
      handOver: true,
    };
    const result = (io.analyse ?? analyse)(request);
    // --no-suppress reveals small groups in the JSON and .xlsx only; the HTML report never does.
    const reveal = request.options.suppress === false;
    const written = await writeOutputs(outputs, result, {
      reveal,
      reportDetail: options.reportDetail === true,
      cwd: io.cwd,
      stdout: io.stdout,
      stderr: io.stderr,
      onWrite: (file) => progress.update(`writing ${file}…`),
    });
    progress.done();
    // With the JSON on standard output, the summary goes to standard error so stdout stays parseable.
    const summary = outputs.some((output) => output.target === "-") ? io.stderr : io.stdout;
    if (!options.quiet) summary(summaryText(result, inputs, written));
    return EXIT.ok;
  } finally {
    progress.done();
  }
}

/** "<rate>" for --help. */
function placeholderOf(spec: OptionSpec): string {
  return (
    spec.placeholder ?? (spec.kind === "choice" || spec.kind === "choices" ? (spec.choices ?? []).join("|") : "value")
  );
}

/** Repeatable options collect every value given. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The one line for an error, or undefined when it is not a known input error. */
export function inputErrorLine(error: unknown): string | undefined {
  if (error instanceof ReaderError) {
    const where = [error.sheet && !error.message.includes(`'${error.sheet}'`) ? `sheet '${error.sheet}'` : ""]
      .filter(Boolean)
      .join(", ");
    return `compstudy: ${error.file}: ${where ? `${where}: ` : ""}${oneLine(error.message)}`;
  }
  if (error instanceof InputError) return `compstudy: ${error.file}: ${oneLine(error.message)}`;
  if (error instanceof OutputError) return `compstudy: ${error.subject}: ${oneLine(error.message)}`;
  if (error instanceof UsageError)
    return `compstudy: ${error.subject ? `${error.subject}: ` : ""}${oneLine(error.message)}`;
  if (isEngineError(error)) return `compstudy: ${oneLine(error.message)}`;
  return undefined;
}

/** The exhibits command's options, from the engine's registry, and its action. */
export function addExhibitsOptions(command: Command, run: (options: ExhibitsOptions) => Promise<void>): void {
  command
    .option(
      "--plans <file>",
      "pay plans: .csv or .xlsx (Plan, Grade, Step 1 … Step N, or Minimum, Midpoint, Maximum; optional Unit)",
    )
    .option("--roster <file>", "employee roster: .csv or .xlsx")
    .option(
      "--workbook <file.xlsx>",
      "one workbook holding the tables, one sheet each (instead of --plans and --roster)",
    )
    .option(
      "--plans-sheet <name>",
      `sheet of the pay plans (default with --workbook: "${DEFAULT_PLANS_SHEET}"; else the first visible sheet)`,
    )
    .option(
      "--roster-sheet <name>",
      `sheet of the roster (default with --workbook: "${DEFAULT_ROSTER_SHEET}"; else the first visible sheet)`,
    )
    .option(
      "--skip-hidden-rows",
      "leave out the rows hidden in a workbook's sheet (filtered out, collapsed) — for a filter applied on purpose; by default they are read like the others, and the summary says how many",
    )
    .addOption(
      new Option(
        "--hidden-rows <include|skip>",
        "the same choice as --skip-hidden-rows: include (default) or skip",
      ).choices(["include", "skip"]),
    );
  for (const spec of EXTRA_INPUTS)
    command.option(
      `--${spec.id} <file>`,
      `${spec.label}: ${spec.description} (with --workbook: a sheet named '${spec.sheets[0]}')`,
    );
  command
    .option(
      "--as-of <yyyy-mm-dd>",
      "the study's date: tenure, placement and the workforce period are measured to it (default: today)",
    )
    .option(
      "--exhibits <ids>",
      `only these exhibits, comma-separated (default: every exhibit whose tables are given): ${EXHIBIT_IDS.join(", ")}`,
    )
    .option(
      "--map <field=header>",
      'read a field from this column, e.g. "Hire Date=Original Hire Date" (the header exactly as written first, then ignoring case, spaces and punctuation); another input\'s: "market:Peer=Company" (repeatable)',
      collect,
    )
    .option(
      "--decimal-comma",
      "numbers that could be read two ways (31.200) have a decimal comma: 31,200 (--decimal comma)",
    )
    .option(
      "--decimal-point",
      "numbers that could be read two ways (31.200) have a decimal point: 31.2 (--decimal point)",
    );
  for (const spec of OPTIONS) {
    if (spec.kind === "flag") {
      if (spec.default === true) command.option(`--no-${spec.name}`, spec.description);
      else command.option(`--${spec.name}`, spec.description);
    } else if (spec.kind === "pairs")
      command.option(`--${spec.name} <name=value>`, `${spec.description} (repeatable)`, collect);
    else command.option(`--${spec.name} <${placeholderOf(spec)}>`, spec.description);
  }
  command
    .option("--out <file.xlsx>", "write the exhibits workbook")
    .option("--json <file.json>", "write the exhibits as JSON ('-': to standard output)")
    .option("--html <file.html>", "write a printable HTML report")
    .option(
      "--report-detail",
      "put the exhibits that list one row per person (placements, implementation detail, unmatched rows …) in the report too; by default they are in the workbook and the JSON only",
    )
    .addOption(new Option("--quiet", "print nothing but errors"))
    .action(async (options: ExhibitsOptions) => run(options));
}
