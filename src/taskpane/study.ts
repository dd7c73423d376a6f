/**
 * What the pane does with the workbook's tables, generated from the study's registry: which
 * source holds which input, each input's check (status, one line, problems with their rows),
 * the columns to map, what each family needs, the run, and the live formulas. Plain functions
 * over the engine (no React, no Office), so they are tested directly.
 */
import type { CellValue } from "../engine/cells";
import { isEngineError } from "../engine/errors";
import {
  EXHIBITS,
  FAMILIES,
  INPUTS,
  OPTIONS,
  Options,
  PLANS_INPUT,
  ROSTER_INPUT,
  SALARY_BASIS,
  SPLIT_ASSIGNMENTS,
  columnChoices,
  findHeaderRow,
  InputTableError,
  mappingByField,
  parseInput,
  parseOption,
  placeRoster,
  runStudy,
  type Family,
  type InputSpec,
  type InputTable,
  type OptionSpec,
  type PayPlans,
  type RegisteredExhibit,
  type Roster,
  type SalaryBasis,
} from "../engine/study";
import type { StudyResult } from "../exhibits/spec/types";
import { parseAddress, type Source } from "../excel/gateway";
import { rangeAddress } from "../excel/exhibitWriter";
import { count } from "./text";

/** The study's registry as the pane reads it (a test may pass its own). */
export type Registry = {
  families: readonly Family[];
  inputs: readonly InputSpec[];
  options: readonly OptionSpec[];
  exhibits: readonly RegisteredExhibit[];
};

export const REGISTRY: Registry = { families: FAMILIES, inputs: INPUTS, options: OPTIONS, exhibits: EXHIBITS };

/** An input as the pane holds it: where it was chosen, what was read, the columns mapped by the user. */
export type InputState = {
  source?: Source;
  table?: CellValue[][];
  reading?: boolean;
  /** How much of a large table is read (reads go in chunks under Excel on the web's request limit). */
  progress?: number;
  /** Why the source could not be read. */
  error?: string;
  /** Field label → header as written. */
  mapping: Record<string, string>;
  /** 1-based rows of the table hidden in the sheet (by a filter or grouping). */
  hidden?: number[];
};

export type InputStatus = "not-set" | "reading" | "ready" | "problems" | "needs-mapping" | "error";

/** A problem with a row of an input; `row` is 1-based within the table read. */
export type Problem = { text: string; row?: number };

export type InputCheck = {
  status: InputStatus;
  /** One line under the input's name ("1,176 employees, 3 rows with problems"). */
  line: string;
  problems: Problem[];
  /** Headers of the header row found, for the mapping page. */
  headers: string[];
  /** Field label → the header read for it (detected or mapped). */
  columns: Record<string, string>;
  /** Field label → the header detection finds for it, whatever the user mapped ("Found automatically (Dept)"). */
  detected: Record<string, string>;
  /** Field label → the columns that fit it equally well: the user picks one. */
  ambiguous: Record<string, string[]>;
  /** Whether the user may map this input's columns (the pay plans' are detected only). */
  mappable: boolean;
  /** What the user must say before the table can be read: which column, or the decimal separator. */
  fix?: "map" | "decimal";
};

/** A message a person can act on, from anything thrown. */
export function messageOf(error: unknown): string {
  if (isEngineError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Today as yyyy-mm-dd in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Rows × columns of a source, from its address. */
export function sourceSize(source: Source): { rows: number; columns: number } | undefined {
  try {
    const area = parseAddress(source.address);
    return { rows: area.rows, columns: area.columns };
  } catch {
    return undefined;
  }
}

/** How a source is named to people: "Table PayPlans", "Named range Staff", "Used range of Roster". */
export function sourceLabel(source: Source): string {
  switch (source.kind) {
    case "table":
      return `Table ${source.name}`;
    case "name":
      return `Named range ${source.name}`;
    case "range":
      return source.name === "Selection" ? `Range ${source.address}` : `Used range of ${source.name}`;
  }
}

/** Where a source is, in the words an exhibit's subtitle uses: "table PayPlans", "sheet Roster" (never an address). */
export function sourceWords(source: Source): string {
  switch (source.kind) {
    case "table":
      return `table ${source.name}`;
    case "name":
      return `named range ${source.name}`;
    case "range": {
      if (source.name !== "Selection") return `sheet ${source.name}`;
      const sheet = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(source.address);
      const name = sheet ? (sheet[1] ?? sheet[2]).replace(/''/g, "'") : undefined;
      return name ? `a range of sheet ${name}` : "the selected range";
    }
  }
}

/** A source inside a sentence: "the table Candidates", "the named range Staff", "the sheet Roster". */
export function sourcePhrase(source: Source): string {
  switch (source.kind) {
    case "table":
      return `the table ${source.name}`;
    case "name":
      return `the named range ${source.name}`;
    case "range":
      return source.name === "Selection" ? `the range ${source.address}` : `the sheet ${source.name}`;
  }
}

/** "31 rows × 13 columns" of a source. */
export function sourceExtent(source: Source): string {
  const size = sourceSize(source);
  return size ? `${count(size.rows, "row")} × ${count(size.columns, "column")}` : source.address;
}

const folded = (name: string): string => name.toLowerCase().replace(/[\s_.-]+/g, "");

/** The source whose name says it holds the input: tables first, then named ranges, then sheets. */
export function detect(sources: readonly Source[], inputs: readonly InputSpec[]): Record<string, Source> {
  const found: Record<string, Source> = {};
  const taken = new Set<Source>();
  for (const spec of inputs) {
    const names = new Set([spec.id, spec.label, ...spec.sheets].map(folded));
    const pick = (["table", "name", "range"] as const)
      .map((kind) =>
        sources.find((source) => source.kind === kind && !taken.has(source) && names.has(folded(source.name))),
      )
      .find(Boolean);
    if (pick) {
      found[spec.id] = pick;
      taken.add(pick);
    }
  }
  return found;
}

/** The families that read an input (the pay plans and roster: all of them). */
export function usedBy(spec: InputSpec, registry: Registry = REGISTRY): Family[] {
  if (spec.id === PLANS_INPUT.id || spec.id === ROSTER_INPUT.id) return [...registry.families];
  return registry.families.filter((f) => familyInputs(f).some((input) => input.id === spec.id));
}

/** Every input a family reads: the pay plans, the roster, its own tables and its exhibits' needs. */
export function familyInputs(f: Family): InputSpec[] {
  const seen = new Map<string, InputSpec>();
  for (const spec of [PLANS_INPUT, ROSTER_INPUT, ...(f.inputs ?? []), ...f.exhibits.flatMap((e) => e.needs ?? [])])
    if (!seen.has(spec.id)) seen.set(spec.id, spec);
  return [...seen.values()];
}

/** The raw options that parse (blank and invalid ones left out: their fields say why). */
export function validOptions(
  texts: Readonly<Record<string, string>>,
  registry: Registry = REGISTRY,
): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const spec of registry.options) {
    const text = texts[spec.name];
    if (text === undefined || text.trim() === "" || optionError(spec, text) !== undefined) continue;
    raw[spec.name] = text;
  }
  return raw;
}

/** The engine's message for an option's text, or undefined when it parses (or is blank: the default applies). */
export function optionError(spec: OptionSpec, text: string): string | undefined {
  if (text.trim() === "") return undefined;
  try {
    parseOption(spec, spec.kind === "choices" || spec.kind === "pairs" ? text.split(/\r?\n/) : text);
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

/**
 * An input table for the engine: its rows (the rows hidden in the sheet left out, blank, when
 * the user asks), its address as the source, the user's mapping, an Excel table's totals row.
 */
export function inputTable(state: InputState, skipHiddenRows = false): InputTable | undefined {
  if (!state.table || !state.source) return undefined;
  const hidden = skipHiddenRows ? new Set(state.hidden ?? []) : new Set<number>();
  const rows = hidden.size === 0 ? state.table : state.table.map((row, index) => (hidden.has(index + 1) ? [] : row));
  return {
    rows,
    source: state.source.address,
    where: sourceWords(state.source),
    ...(Object.keys(state.mapping).length > 0 ? { mapping: state.mapping } : {}),
    ...(state.source.totalsRow && state.table.length > 1 ? { totalsRows: [state.table.length] } : {}),
  };
}

/** The header row's texts, and each field's column: read now, found by detection alone, or to choose. */
function headerCells(
  table: readonly (readonly CellValue[])[],
  spec: InputSpec,
  mapping: Record<string, string>,
): Pick<InputCheck, "headers" | "columns" | "detected" | "ambiguous"> {
  const texts = (row: readonly CellValue[]): string[] =>
    row.map((cell) => String(cell ?? "").trim()).filter((text) => text !== "");
  const named = (choices: ReturnType<typeof columnChoices<string>>, pick: "column" | "candidates") => {
    const found: Record<string, string | string[]> = {};
    for (const field of spec.fields) {
      const choice = choices[field.field];
      if (choice === undefined) continue;
      if (pick === "column" && "header" in choice) found[field.label] = choice.header;
      if (pick === "candidates" && "candidates" in choice) found[field.label] = choice.candidates;
    }
    return found;
  };
  try {
    const explicit = mappingByField(spec.fields, mapping);
    const index = findHeaderRow(table, spec.fields, explicit);
    if (index < 0) return { headers: [], columns: {}, detected: {}, ambiguous: {} };
    const now = columnChoices(table[index], spec.fields, explicit);
    const auto = columnChoices(table[index], spec.fields);
    return {
      headers: texts(table[index]),
      columns: named(now, "column") as Record<string, string>,
      detected: named(auto, "column") as Record<string, string>,
      ambiguous: named(now, "candidates") as Record<string, string[]>,
    };
  } catch {
    const first = table.find((row) => row.some((cell) => String(cell ?? "").trim() !== "")) ?? [];
    return { headers: texts(first), columns: {}, detected: {}, ambiguous: {} };
  }
}

const NOT_SET: InputCheck = {
  status: "not-set",
  line: "Not set",
  problems: [],
  headers: [],
  columns: {},
  detected: {},
  ambiguous: {},
  mappable: false,
};

/** What the study context gives a check: the as-of date, the options, and the pay plans (to place the roster). */
export type CheckContext = {
  asOf: string;
  options: Record<string, string>;
  plans?: PayPlans;
  /** Leave out the rows hidden in the sheet (the Data page's check box). */
  skipHiddenRows?: boolean;
};

/** Checks one input: read, parsed and (for the roster) placed; says what is wrong in words. */
export function checkInput(spec: InputSpec, state: InputState, context: CheckContext): InputCheck {
  if (state.reading)
    return {
      ...NOT_SET,
      status: "reading",
      line: state.progress && state.progress < 1 ? `Reading… ${Math.round(state.progress * 100)}%` : "Reading…",
    };
  if (state.error) return { ...NOT_SET, status: "error", line: state.error };
  const table = inputTable(state, context.skipHiddenRows === true);
  if (!table) return NOT_SET;
  const mappable = spec.id !== PLANS_INPUT.id;
  const base = { ...headerCells(table.rows, spec, state.mapping), mappable };
  const options = new Options(context.options, new Map(OPTIONS.map((o) => [o.name, o])));
  let parsed: unknown;
  try {
    parsed = parseInput(spec, table, { asOf: context.asOf, options });
  } catch (error) {
    const message = messageOf(error);
    // A choice the user can make on the mapping page: a column, or the file's decimal separator.
    const fix = error instanceof InputTableError ? error.fix?.kind : undefined;
    const missing = mappable && /Missing column|mapped to .* is not in the header row/.test(message);
    const needsMapping = missing || fix === "decimal" || (mappable && fix === "map");
    return {
      ...base,
      status: needsMapping ? "needs-mapping" : "error",
      line: fix === "decimal" ? `${message} (Decimal separator, on the columns page)` : message,
      problems: [],
      fix: fix ?? (missing ? "map" : undefined),
    };
  }
  let line: string;
  let problems: Problem[];
  if (spec.id === PLANS_INPUT.id) {
    const plans = parsed as PayPlans;
    const grades = plans.plans.reduce((sum, plan) => sum + plan.grades.length, 0);
    const rows = new Map(
      plans.plans.flatMap((plan) => plan.grades.map((grade) => [`${plan.name}\u0000${grade.grade}`, grade.row])),
    );
    problems = plans.findings
      .filter((finding) => finding.severity === "error")
      .map((finding) => ({
        text: `${finding.plan} ${finding.grade}: ${finding.message}`,
        row: rows.get(`${finding.plan}\u0000${finding.grade}`),
      }));
    line = `${count(plans.plans.length, "plan")}, ${count(grades, "grade")}`;
    if (problems.length > 0) line += `, ${count(problems.length, "schedule problem")}`;
  } else if (spec.id === ROSTER_INPUT.id) {
    const roster = parsed as Roster;
    const placement = context.plans
      ? placeRoster(context.plans, roster, {
          asOf: context.asOf,
          salaryBasis: options.value(SALARY_BASIS) as SalaryBasis,
          splitAssignments: options.value(SPLIT_ASSIGNMENTS),
        })
      : undefined;
    problems = (placement?.unplaced ?? roster.problems).map((row) => ({ text: row.reason, row: row.row }));
    // Separated employees are rows of the roster too: say how many, so the count adds up.
    const separated = placement ? placement.employees.length - placement.active.length : 0;
    line = count(roster.rowCount, "employee");
    if (separated > 0) line += ` (${separated.toLocaleString("en-US")} separated)`;
    if (problems.length > 0) line += `, ${count(problems.length, "row")} with problems`;
    // Report lines (repeated headers, totals, footers) are not employees: counted, never listed.
    if (roster.leftOut > 0) line += `, ${count(roster.leftOut, "line")} left out (not employees)`;
  } else {
    const rows = table.rows.filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== "")).length;
    problems = [];
    line = count(Math.max(0, rows - 1), "row");
  }
  const hidden = state.hidden?.length ?? 0;
  if (hidden > 0) line += `, ${count(hidden, "hidden row")} ${context.skipHiddenRows ? "left out" : "read"}`;
  return { ...base, status: problems.length > 0 ? "problems" : "ready", line, problems };
}

/** The pay plans as the roster's check places it: parsed with the study's options, undefined when they cannot be read. */
export function readPlans(state: InputState | undefined, context: CheckContext): PayPlans | undefined {
  const table = state === undefined ? undefined : inputTable(state, context.skipHiddenRows === true);
  if (!table) return undefined;
  try {
    const options = new Options(context.options, new Map(OPTIONS.map((o) => [o.name, o])));
    return parseInput(PLANS_INPUT, table, { asOf: context.asOf, options });
  } catch {
    return undefined;
  }
}

/** How many rows of a sheet the pane looks at to recognise a table by its content. */
export const PREVIEW_ROWS = 25;

/** The top rows of a source, to read for recognising its content. */
export function previewSource(source: Source): Source {
  const area = parseAddress(source.address);
  const sheet = area.sheet ? `'${area.sheet.replace(/'/g, "''")}'!` : "";
  const rows = Math.min(area.rows, PREVIEW_ROWS);
  return { ...source, address: `${sheet}${rangeAddress(area.row, area.column, rows, area.columns)}` };
}

/**
 * The inputs recognised by their content where their names said nothing: a sheet whose top
 * rows (titles allowed above the header) hold a roster's required columns is the roster; one
 * whose rows read as pay plans (a Grade column and steps or a minimum and maximum, with
 * grades under it) is the pay plans — "FY25 Salary Schedule" with a title row included.
 */
export function detectByContent(
  previews: readonly { source: Source; rows: CellValue[][] }[],
  wanted: readonly InputSpec[],
): Record<string, Source> {
  const found: Record<string, Source> = {};
  const taken = new Set<Source>();
  const fits = (spec: InputSpec, rows: CellValue[][]): boolean => {
    if (spec.id === ROSTER_INPUT.id) return holdsRequired(rows, spec);
    if (spec.id === PLANS_INPUT.id) {
      if (holdsRequired(rows, ROSTER_INPUT)) return false;
      try {
        return PLANS_INPUT.parse({ rows, source: "" }, undefined as never).plans.length > 0;
      } catch {
        return false;
      }
    }
    return false;
  };
  for (const spec of wanted)
    for (const preview of previews)
      if (!taken.has(preview.source) && fits(spec, preview.rows)) {
        found[spec.id] = preview.source;
        taken.add(preview.source);
        break;
      }
  return found;
}

/** True when a row of the table holds every required column of the input, by its synonyms. */
function holdsRequired(rows: readonly (readonly CellValue[])[], spec: InputSpec): boolean {
  const index = findHeaderRow(rows, spec.fields);
  if (index < 0) return false;
  try {
    const choices = columnChoices(rows[index], spec.fields);
    return spec.fields.every((field) => !field.required || choices[field.field] !== undefined);
  } catch {
    return false;
  }
}

/** The badge of a check: "Ready", "3 problems", "Needs mapping", "Not set". */
export function statusText(check: InputCheck): string {
  switch (check.status) {
    case "ready":
      return "Ready";
    case "problems":
      return count(check.problems.length, "problem");
    case "needs-mapping":
      return "Needs mapping";
    case "not-set":
      return "Not set";
    case "reading":
      return "Reading…";
    case "error":
      return "Cannot read";
  }
}

/** True when the study can use the input (ready, or with rows it will list as problems). */
export const usable = (check: InputCheck | undefined): boolean =>
  check !== undefined && (check.status === "ready" || check.status === "problems");

/** The tables of every usable input, by input id. */
export function studyTables(
  inputs: Readonly<Record<string, InputState>>,
  checks: Readonly<Record<string, InputCheck>>,
  skipHiddenRows = false,
): Record<string, InputTable> {
  const tables: Record<string, InputTable> = {};
  for (const [id, state] of Object.entries(inputs)) {
    const table = inputTable(state, skipHiddenRows);
    if (table && usable(checks[id])) tables[id] = table;
  }
  return tables;
}

/** Runs the chosen exhibits on the workbook's tables. */
export function runExhibits(
  tables: Readonly<Record<string, InputTable>>,
  asOf: string,
  options: Record<string, string>,
  exhibits: readonly string[],
): StudyResult {
  return runStudy({ asOf, tables, options, exhibits });
}

/** How a formula refers to a source: Table[#All], a defined name, or an absolute address. */
export function sourceReference(source: Source): string {
  // A table showing its totals row: its header and data only, so the formula never reads the totals as a row.
  if (source.kind === "table") return source.totalsRow ? `${source.name}[[#Headers],[#Data]]` : `${source.name}[#All]`;
  if (source.kind === "name") return source.name;
  const area = parseAddress(source.address);
  const column = (index: number): string => {
    let name = "";
    for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
    return name;
  };
  const sheet = area.sheet ? `'${area.sheet.replace(/'/g, "''")}'!` : "";
  return `${sheet}$${column(area.column)}$${area.row + 1}:$${column(area.column + area.columns - 1)}$${area.row + area.rows}`;
}

/** The options rows a live formula reads: the options given, then one map row per mapped column. */
export function liveOptions(
  options: Record<string, string>,
  inputs: Readonly<Record<string, InputState>>,
): [string, string][] {
  const rows: [string, string][] = Object.entries(options).map(([name, value]) => [name, value]);
  for (const [id, state] of Object.entries(inputs))
    for (const [label, header] of Object.entries(state.mapping))
      rows.push(["map", `${id === ROSTER_INPUT.id ? "" : `${id}:`}${label}=${header}`]);
  return rows;
}

/** Most extra tables one COMP.EXHIBIT formula takes (its input1/table1 … input3/table3). */
export const LIVE_EXTRA_TABLES = 3;

/** Arguments past this size fail in Excel on the web (5 MB a request): the pane refuses live formulas above it. */
export const LIVE_ARGUMENT_BYTES = 4_500_000;

/** The COMP.EXHIBIT formula for one exhibit, reading the tables where the pane found them. */
export function liveFormula(
  exhibitId: string,
  sources: Readonly<Record<string, Source>>,
  asOf: string,
  optionsAddress: string | undefined,
  registry: Registry = REGISTRY,
): string {
  // The tables the exhibit's family declares, then the other tables chosen (a family may read
  // another's, as the structure reads the market), as many as one formula takes.
  const exhibit = registry.exhibits.find((e) => e.id === exhibitId);
  const declared = exhibit ? [...(exhibit.family.inputs ?? []), ...(exhibit.needs ?? [])].map((spec) => spec.id) : [];
  if (declared.filter((id) => sources[id] !== undefined).length > LIVE_EXTRA_TABLES)
    throw new Error(
      `${exhibitId} reads more than ${LIVE_EXTRA_TABLES} extra tables, which a formula cannot take: insert it as values`,
    );
  const others = registry.inputs.map((spec) => spec.id).filter((id) => id !== PLANS_INPUT.id && id !== ROSTER_INPUT.id);
  const extra = [...new Set([...declared, ...others])]
    .filter((id) => sources[id] !== undefined)
    .slice(0, LIVE_EXTRA_TABLES);
  const [year, month, day] = asOf.split("-").map(Number);
  const args = [
    JSON.stringify(exhibitId),
    sourceReference(sources[PLANS_INPUT.id]),
    sourceReference(sources[ROSTER_INPUT.id]),
    `DATE(${year},${month},${day})`,
    optionsAddress ?? "",
    ...extra.flatMap((id) => [JSON.stringify(id), sourceReference(sources[id])]),
  ];
  while (args[args.length - 1] === "") args.pop();
  return `=COMP.EXHIBIT(${args.join(", ")})`;
}

/** The size of the tables a live formula hands to COMP.EXHIBIT, as JSON (Excel's request is about that). */
export function argumentBytes(tables: Readonly<Record<string, InputTable>>): number {
  let bytes = 0;
  for (const table of Object.values(tables)) for (const row of table.rows) bytes += JSON.stringify(row).length + 1;
  return bytes;
}
