/**
 * Live exhibits: COMP.EXHIBIT spills one exhibit of the registry (header row, then its rows) and
 * COMP.STUDY_SUMMARY the run's summary, computed from the ranges as Excel hands them over. They
 * run the same study as the CLI (runStudy) and map values as the CLI's JSON does (suppressed
 * small groups as their text, raw numbers, percentages as fractions), so a formula and
 * `compstudy exhibits --json` agree row for row. Not volatile: Excel recalculates them when a
 * cell of an argument changes; an omitted as_of is the date of that calculation.
 *
 * Custom functions receive values, not addresses, so an input table is an argument of its
 * own: after the options come up to three pairs (input name, table), e.g.
 * `=COMP.EXHIBIT("market-summary", Plans, Roster, , Options, "market", Market)`. `options` is a
 * two-column range of Name | Value rows: any study option (`aging-rate | 3%`) and `map` rows
 * that name a column (`map | Hire Date=Original Hire Date`, `map | market:Job=Benchmark Job`).
 */
import type { CellValue } from "../engine/cells";
import { EngineError, invalid } from "../engine/errors";
import {
  EXHIBIT_IDS,
  INPUTS,
  InputTableError,
  PLANS_INPUT,
  ROSTER_INPUT,
  exhibitById,
  inputsOf,
  isoDate,
  parseDate,
  runStudy,
  type InputSpec,
  type InputTable,
  type RawOptions,
} from "../engine/study";
import { shownValues, type StudyResult } from "../engine/exhibit";
import { ScheduleCache } from "../engine/schedule";
import { isExcelError, toExcelError } from "./errors";
import { gridOf, isBlankCell, isOmitted } from "./machinery";

type Grid = readonly (readonly unknown[])[];

/** The inputs that go through the (input name, table) pairs: every input but the pay plans and roster. */
const EXTRA_INPUTS: readonly InputSpec[] = INPUTS.filter((spec) => spec !== PLANS_INPUT && spec !== ROSTER_INPUT);

/** The option row that maps a column: `map | [input:]Field=Header`. */
export const MAP_OPTION = "map";

/** What COMP.EXHIBIT and COMP.STUDY_SUMMARY read from their arguments. */
export type ExhibitArguments = {
  asOf: string;
  tables: Record<string, InputTable>;
  options: RawOptions;
  /** Suppressed small groups shown as their values (the option suppress = FALSE, as the CLI's --no-suppress). */
  reveal: boolean;
};

/** A range as the study reads it: Excel's errors as their text, blanks as null, trailing blank rows and columns cut. */
export function tableOf(arg: unknown): CellValue[][] {
  const rows = gridOf(arg).map((row) => {
    const cells = row.map((cell): CellValue => {
      if (isBlankCell(cell)) return null;
      if (isExcelError(cell)) return cell.code;
      if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
      return String(cell);
    });
    let end = cells.length;
    while (end > 0 && cells[end - 1] === null) end--;
    return end === cells.length ? cells : cells.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0) last--;
  return last === rows.length ? rows : rows.slice(0, last);
}

/** The as-of date: a date cell (serial), a date written as text, or today when omitted. */
export function asOfOf(arg: unknown, today: () => Date = () => new Date()): string {
  if (isOmitted(arg)) {
    const now = today();
    const pad = (n: number): string => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  const cell = gridOf(arg)[0][0];
  const day = typeof cell === "number" || typeof cell === "string" ? parseDate(cell) : undefined;
  if (day === undefined)
    invalid(`as_of must be a date (a date cell, or text such as 2013-04-01), got '${String(cell)}'`);
  return isoDate(day);
}

function textOf(cell: unknown): string {
  return typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell ?? "").trim();
}

/** An input named in an argument, by id ("proposed-plans") or label ("Proposed Plans"). */
function extraInput(name: string): InputSpec {
  const wanted = name.trim().toLowerCase();
  const spec = EXTRA_INPUTS.find((input) => input.id === wanted || input.label.toLowerCase() === wanted);
  if (spec) return spec;
  if (wanted === PLANS_INPUT.id || wanted === ROSTER_INPUT.id)
    invalid(`'${name}' is passed as the ${wanted} argument, not as an extra input`);
  return invalid(
    EXTRA_INPUTS.length === 0
      ? `There is no input '${name}': this version reads only the pay plans and the roster`
      : `There is no input '${name}' (inputs: ${EXTRA_INPUTS.map((input) => input.id).join(", ")})`,
  );
}

/**
 * The options range: Name | Value rows (a header row Name | Value or Option | Value is skipped,
 * blank rows too). A name given twice keeps every value (options of kind pairs and choices add up).
 */
export function optionsOf(arg: unknown): {
  options: Record<string, CellValue | string[]>;
  mapping: Record<string, Record<string, string>>;
} {
  const options: Record<string, CellValue | string[]> = {};
  const mapping: Record<string, Record<string, string>> = {};
  if (isOmitted(arg)) return { options, mapping };
  const grid: Grid = gridOf(arg);
  if (grid[0].length !== 2)
    invalid(`options must be a range of two columns, Name | Value (got ${grid[0].length} columns)`);
  let first = true;
  for (const [nameCell, value] of grid) {
    if (isBlankCell(nameCell) && isBlankCell(value)) continue;
    const name = textOf(nameCell).toLowerCase();
    if (first && /^(name|option)$/.test(name) && textOf(value).toLowerCase() === "value") {
      first = false;
      continue;
    }
    first = false;
    if (isExcelError(value)) invalid(`Option ${name}: the value is an Excel error (${value.code})`);
    if (name === "") invalid(`options: the value '${textOf(value)}' has no name`);
    if (name === MAP_OPTION) {
      const match = /^(?:([a-z-]+):)?([^=]+)=(.+)$/i.exec(textOf(value));
      if (!match) invalid(`map takes Field=Header (e.g. Hire Date=Original Hire Date), got '${textOf(value)}'`);
      const input = (match[1] ?? ROSTER_INPUT.id).toLowerCase();
      if (!INPUTS.some((spec) => spec.id === input))
        invalid(`map: there is no input '${input}' (inputs: ${INPUTS.map((spec) => spec.id).join(", ")})`);
      mapping[input] = { ...(mapping[input] ?? {}), [match[2].trim()]: match[3].trim() };
      continue;
    }
    if (INPUTS.some((spec) => spec.id === name))
      invalid(`'${name}' is an input table, not an option: pass it after the options, as "${name}", then its range`);
    const cell: CellValue = isBlankCell(value) ? null : (value as CellValue);
    const earlier = options[name];
    if (earlier === undefined) options[name] = cell;
    else options[name] = [...(Array.isArray(earlier) ? earlier : [textOf(earlier)]), textOf(cell)];
  }
  return { options, mapping };
}

/** Reads the arguments shared by COMP.EXHIBIT and COMP.STUDY_SUMMARY. */
export function readArguments(
  plans: unknown,
  roster: unknown,
  asOf: unknown,
  options: unknown,
  extra: readonly unknown[] = [],
): ExhibitArguments {
  const { options: raw, mapping } = optionsOf(options);
  const table = (spec: InputSpec, arg: unknown): InputTable => ({
    rows: tableOf(arg),
    source: spec.label,
    ...(mapping[spec.id] ? { mapping: mapping[spec.id] } : {}),
  });
  const tables: Record<string, InputTable> = {
    [PLANS_INPUT.id]: table(PLANS_INPUT, plans),
    [ROSTER_INPUT.id]: table(ROSTER_INPUT, roster),
  };
  for (let pair = 0; pair < extra.length; pair += 2) {
    const [name, range] = [extra[pair], extra[pair + 1]];
    const position = pair / 2 + 1;
    if (isOmitted(name)) {
      if (!isOmitted(range))
        invalid(`table${position} is given without its name: put the input's name in input${position}`);
      continue;
    }
    const spec = extraInput(textOf(gridOf(name)[0][0]));
    if (isOmitted(range)) invalid(`input${position} names ${spec.label} but table${position} is empty`);
    if (tables[spec.id]) invalid(`${spec.label} is given twice`);
    tables[spec.id] = table(spec, range);
  }
  for (const [id] of Object.entries(mapping)) if (!tables[id]) invalid(`map names the ${id} table, which is not given`);
  const suppress = raw.suppress;
  const reveal = suppress === false || (typeof suppress === "string" && /^(false|no|0|off)$/i.test(suppress.trim()));
  return { asOf: asOfOf(asOf), tables, options: raw, reveal };
}

/** An input-table error names the table, as the CLI names the file. */
function named(error: unknown): unknown {
  if (!(error instanceof InputTableError)) return error;
  const spec = INPUTS.find((input) => input.id === error.input);
  return new EngineError("invalid argument", `${spec?.label ?? error.input}: ${error.message}`);
}

/** Runs `compute`; an engine error becomes the one Excel error of the result. */
function guarded(compute: () => unknown[][]): unknown[][] {
  try {
    return compute();
  } catch (thrown) {
    const error = named(thrown);
    if (error instanceof EngineError) return [[toExcelError(error)]];
    throw error;
  }
}

/** A JSON-like cell as Excel shows it: null and non-finite numbers as an empty cell. */
function excelCell(value: unknown): string | number {
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : "";
  return value === null || value === undefined ? "" : (value as string);
}

/** The spilled exhibit: its column names, then one row per exhibit row, as the CLI's JSON has them. */
export function exhibitRows(result: StudyResult, id: string, reveal: boolean): (string | number)[][] {
  const exhibit = result.exhibits.find((candidate) => candidate.id === id);
  if (!exhibit) throw new Error(`exhibit ${id} was not built`);
  return [
    exhibit.columns.map((column) => column.name),
    ...exhibit.rows.map((row) => shownValues(exhibit, row, reveal).map(excelCell)),
  ];
}

/** Runs one exhibit of the registry on the arguments (checked: the id exists, its tables are given). */
export function runExhibit(id: string, args: ExhibitArguments): StudyResult {
  const exhibit = exhibitById(id);
  if (exhibit) {
    const missing = inputsOf(exhibit).filter((spec) => args.tables[spec.id] === undefined);
    if (missing.length > 0)
      invalid(
        `${exhibit.id} needs the ${missing.map((spec) => spec.label).join(" and ")} table: pass ${missing
          .map((spec) => `"${spec.id}" and its range`)
          .join(", then ")} after the options`,
      );
  }
  return runStudy({ asOf: args.asOf, tables: args.tables, options: args.options, exhibits: [id] });
}

/** Studies run lately, by the content of their arguments: the formulas of one study share one run. */
const STUDY_CACHE_SIZE = 4;
let pending: ExhibitArguments | undefined;
const studies = new ScheduleCache<StudyResult>(
  () =>
    runStudy({
      asOf: (pending as ExhibitArguments).asOf,
      tables: (pending as ExhibitArguments).tables,
      options: (pending as ExhibitArguments).options,
    }),
  STUDY_CACHE_SIZE,
);

/**
 * The whole study on these arguments, as the CLI runs it by default (every exhibit whose tables
 * are given). Cached by content: the eight COMP.EXHIBIT formulas of one study parse and place
 * the roster once, and a changed cell misses the cache (contents are compared cell by cell).
 */
export function studyOf(args: ExhibitArguments): StudyResult {
  const block: CellValue[][] = [[args.asOf], [JSON.stringify(args.options)]];
  for (const [id, table] of Object.entries(args.tables)) {
    block.push([id, JSON.stringify(table.mapping ?? {}), table.rows.length]);
    for (const row of table.rows) block.push(row as CellValue[]);
  }
  pending = args;
  try {
    return studies.get(block);
  } finally {
    pending = undefined;
  }
}

/**
 * One exhibit of the study, spilled with its header row: the same rows and numbers as the CLI's JSON.
 * @customfunction EXHIBIT
 * @param id Exhibit id, such as "quartiles" or "pay-plan-summary" (the list is in the README).
 * @param plans Pay-plan table, headers first: Plan, Grade, Step 1 … Step N (or Minimum, Maximum).
 * @param roster Roster table, headers first: one row per employee.
 * @param as_of Date the study is as of (default: today, when Excel calculates the formula).
 * @param options Two columns, Name | Value: study options (aging-rate | 3%) and map rows (map | Salary=Base Pay).
 * @param input1 Name of an extra input table, such as "market" or "proposed-plans".
 * @param table1 That table, headers first.
 * @param input2 Name of a second extra input table.
 * @param table2 That table, headers first.
 * @param input3 Name of a third extra input table.
 * @param table3 That table, headers first.
 * @returns The exhibit: its column names, then its rows.
 */
export function EXHIBIT(
  id: unknown[][],
  plans: unknown[][],
  roster: unknown[][],
  as_of?: unknown[][],
  options?: unknown[][],
  input1?: unknown[][],
  table1?: unknown[][],
  input2?: unknown[][],
  table2?: unknown[][],
  input3?: unknown[][],
  table3?: unknown[][],
): unknown[][] {
  return guarded(() => {
    const name = textOf(gridOf(id)[0][0]).toLowerCase();
    if (name === "") invalid('id is blank: give an exhibit id such as "quartiles"');
    // The id first: a table's problem must not hide a mistyped id.
    if (!exhibitById(name)) invalid(`There is no exhibit '${name}' (exhibits: ${EXHIBIT_IDS.join(", ")})`);
    const args = readArguments(plans, roster, as_of, options, [input1, table1, input2, table2, input3, table3]);
    let result: StudyResult | undefined;
    try {
      result = studyOf(args);
    } catch (error) {
      // Another family's exhibit may fail the whole run: this one alone may still be built.
      if (!(error instanceof EngineError)) throw error;
    }
    if (!result?.exhibits.some((exhibit) => exhibit.id === name)) result = runExhibit(name, args);
    return exhibitRows(result, name, args.reveal);
  });
}

/** The summary rows, in the order of the CLI's summary. */
export function summaryRows(result: StudyResult): (string | number)[][] {
  const s = result.summary;
  return [
    ["Measure", "Value"],
    ["As of", result.asOf],
    ["Plans", s.plans],
    ["Grades", s.grades],
    ["Roster rows read", s.rosterRows],
    ["Employees placed", s.employees],
    ["Unmatched rows", s.unmatched],
    ["Separated employees", s.separated],
    ["Schedule audit errors", s.auditErrors],
    ["Schedule audit warnings", s.auditWarnings],
    ...s.notes.map((note) => ["Note", note]),
  ];
}

/**
 * The study's summary: plans, grades, roster rows read, employees placed, unmatched rows, audit findings and notes.
 * @customfunction STUDY_SUMMARY
 * @param plans Pay-plan table, headers first: Plan, Grade, Step 1 … Step N (or Minimum, Maximum).
 * @param roster Roster table, headers first: one row per employee.
 * @param as_of Date the study is as of (default: today, when Excel calculates the formula).
 * @param options Two columns, Name | Value: study options (salary-basis | actual) and map rows (map | Salary=Base Pay).
 * @returns Two columns, Measure | Value, one row per figure, then the notes.
 */
export function STUDY_SUMMARY(
  plans: unknown[][],
  roster: unknown[][],
  as_of?: unknown[][],
  options?: unknown[][],
): unknown[][] {
  return guarded(() => {
    const args = readArguments(plans, roster, as_of, options);
    return summaryRows(studyOf(args));
  });
}
