/**
 * Study options as data: each analysis declares its options (name, kind, default, bounds,
 * description) next to its code; the CLI makes a flag of each (`--aging-rate 3%`), the task
 * pane a field, COMP.EXHIBIT an entry of its `options` range — all parsed here, so "3",
 * "3%", "0.03" and a cell holding 0.03 mean the same everywhere. A value that does not read is
 * refused with the option's label ("Structure adjustment: …"), the words the pane shows.
 */
import { isBlank, parseNumberText, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { isoDate, parseDate, parseMonthDay } from "./dates";

export type OptionKind =
  | "number"
  | "percent"
  | "integer"
  | "numbers"
  | "percents"
  | "integers"
  | "choice"
  | "choices"
  | "date"
  | "period"
  | "text"
  | "flag"
  | "pairs"
  | "month-day";

type KindValue = {
  number: number;
  percent: number;
  integer: number;
  /** One value per year or item, comma- or semicolon-separated: "3%,2%,2%". */
  numbers: number[];
  percents: number[];
  integers: number[];
  choice: string;
  choices: string[];
  date: string;
  period: { start: string; end: string };
  text: string;
  flag: boolean;
  pairs: Record<string, string>;
  /** MM-DD ("07-01"). */
  "month-day": string;
};

/** One option of an analysis. `T` is the parsed value's type. */
export type OptionSpec<K extends OptionKind = OptionKind> = {
  /** kebab-case: the CLI flag (--name), the COMP.EXHIBIT option name, the pane field's key. */
  readonly name: string;
  readonly kind: K;
  /** Short label for the pane. */
  readonly label: string;
  /** One sentence for --help, the README and the pane's hint. */
  readonly description: string;
  /** The value when not given; undefined = not set (the analysis decides, e.g. a default period). */
  readonly default?: KindValue[K];
  /** choice/choices: the allowed values (lower case). A choice may also match `pattern`. */
  readonly choices?: readonly string[];
  /** choice: a pattern allowed besides the fixed choices (e.g. p75 for a percentile). */
  readonly pattern?: RegExp;
  /** number/percent/integer bounds (inclusive), and each item's of numbers/percents/integers. */
  readonly min?: number;
  readonly max?: number;
  /** A placeholder for the flag's value in --help (`<rate>`). */
  readonly placeholder?: string;
};

export type OptionValue<S extends OptionSpec> = S extends OptionSpec<infer K> ? KindValue[K] : never;

/** Declares an option (keeps the literal kind for typed reads). */
export function option<K extends OptionKind>(spec: OptionSpec<K>): OptionSpec<K> {
  return spec;
}

/** Raw option values as given (text from a flag or a cell, a number or boolean from a cell). */
export type RawOptions = Readonly<Record<string, CellValue | readonly string[]>>;

/** Refuses an option's value, naming the option by its label (as the pane's field does). */
export function invalidOption(spec: Pick<OptionSpec, "label">, message: string): never {
  return invalid(`${spec.label}: ${message}`);
}

function fail(spec: OptionSpec, message: string): never {
  return invalidOption(spec, message);
}

/** A bound as the option's kind writes it: 1 for a number, 100% for a percentage. */
function shownBound(spec: OptionSpec, bound: number): string {
  return spec.kind === "percent" ? percentText(bound) : String(bound);
}

/** A fraction as a percentage, without binary noise: 0.035 → "3.5%". */
function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

function bounded(spec: OptionSpec, value: number, shown: string): number {
  if (spec.min !== undefined && value < spec.min) fail(spec, `${shown} is below ${shownBound(spec, spec.min)}`);
  if (spec.max !== undefined && value > spec.max) fail(spec, `${shown} is above ${shownBound(spec, spec.max)}`);
  return value;
}

function numberOf(spec: OptionSpec, raw: CellValue): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  const parsed = typeof raw === "string" ? parseNumberText(raw) : undefined;
  if (parsed === undefined) fail(spec, `'${truncate(String(raw))}' is not a number`);
  return parsed;
}

/**
 * A percentage, read the one way everywhere. Written as text (a CLI flag, a pane field, a text
 * cell), it reads as Excel reads a number typed into a percentage cell: "3%" is 3 %; a plain
 * number of 1 or more is a number of percent ("3" → 3 %, "150" → 150 %); a plain number below 1
 * is a fraction ("0.03" → 3 %, "0.5" → 50 %) — so "1" is 1 %, and a hundred percent is "100%"
 * or "100". A number from a cell is the fraction Excel stores (a cell showing 3% holds 0.03).
 */
function percentOf(spec: OptionSpec, raw: CellValue): number {
  if (typeof raw === "string") {
    const text = raw.trim();
    const percent = /%$/.test(text);
    const parsed = parseNumberText(percent ? text.slice(0, -1) : text);
    if (parsed === undefined) fail(spec, `'${truncate(text)}' is not a percentage (write 3%, 3 or 0.03)`);
    const value = percent || Math.abs(parsed) >= 1 ? parsed / 100 : parsed;
    return bounded(spec, value, percentText(value));
  }
  const value = numberOf(spec, raw);
  if (spec.max !== undefined && value > spec.max)
    fail(
      spec,
      `${percentText(value)} is above ${shownBound(spec, spec.max)}: a cell holding ${value} is ${percentText(value)}; for ${value}% write ${value}% or ${value / 100}`,
    );
  return bounded(spec, value, percentText(value));
}

function integerOf(spec: OptionSpec, raw: CellValue): number {
  const value = numberOf(spec, raw);
  if (!Number.isInteger(value)) fail(spec, `${value} is not a whole number`);
  return bounded(spec, value, String(value));
}

/**
 * A list option's items: a cell's number, or text split at commas and semicolons ("3%,2%,2%").
 * Money in a list is written without thousands separators (500,0,0 is three amounts).
 */
function listOf(
  spec: OptionSpec,
  raw: CellValue | readonly string[],
  item: (spec: OptionSpec, raw: CellValue) => number,
): number[] {
  const cells = (Array.isArray(raw) ? raw : [raw]) as readonly CellValue[];
  const items = cells.flatMap((cell): CellValue[] => (typeof cell === "string" ? cell.split(/[,;]/) : [cell]));
  if (items.length === 1 && isBlank(items[0])) fail(spec, "give at least one value");
  return items.map((value, at) => {
    if (isBlank(value)) fail(spec, `value ${at + 1} of '${truncate(textOf(raw))}' is blank: give one value per item`);
    return item(spec, typeof value === "string" ? value.trim() : value);
  });
}

function dateOf(spec: OptionSpec, raw: CellValue): string {
  const day = parseDate(raw);
  if (day === undefined) fail(spec, `'${truncate(String(raw))}' is not a date (write yyyy-mm-dd)`);
  return isoDate(day);
}

function textOf(raw: CellValue | readonly string[]): string {
  return Array.isArray(raw) ? raw.join(",") : String(raw ?? "").trim();
}

/** Parses one option's raw value; throws an invalid-argument EngineError naming the option. */
export function parseOption<K extends OptionKind>(
  spec: OptionSpec<K>,
  raw: CellValue | readonly string[],
): KindValue[K] {
  const value = parseAny(spec, raw);
  return value as KindValue[K];
}

function parseAny(spec: OptionSpec, raw: CellValue | readonly string[]): KindValue[OptionKind] {
  const single = (Array.isArray(raw) ? raw[raw.length - 1] : raw) as CellValue;
  switch (spec.kind) {
    case "number":
      return bounded(spec, numberOf(spec, single), String(single));
    case "integer":
      return integerOf(spec, single);
    case "percent":
      return percentOf(spec, single);
    case "numbers":
      return listOf(spec, raw, (s, value) => bounded(s, numberOf(s, value), String(value)));
    case "percents":
      return listOf(spec, raw, percentOf);
    case "integers":
      return listOf(spec, raw, integerOf);
    case "choice": {
      const text = textOf(single).toLowerCase();
      if (spec.choices?.includes(text) || spec.pattern?.test(text)) return text;
      return fail(spec, `'${truncate(textOf(single))}' is not one of ${describeChoices(spec)}`);
    }
    case "choices": {
      const list = (Array.isArray(raw) ? raw : [single])
        .flatMap((item) => String(item ?? "").split(","))
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== "");
      if (list.length === 0) fail(spec, "give at least one value");
      for (const item of list)
        if (!spec.choices?.includes(item)) fail(spec, `'${truncate(item)}' is not one of ${describeChoices(spec)}`);
      return [...new Set(list)];
    }
    case "date":
      return dateOf(spec, single);
    case "period": {
      const text = textOf(single);
      const ends = periodEnds(text);
      if (!ends)
        return fail(spec, `'${truncate(text)}' is not a period: write start..end, e.g. 2022-07-01..2023-06-30`);
      const start = dateOf(spec, ends[0]);
      const end = dateOf(spec, ends[1]);
      if (end < start) fail(spec, `the period ends (${end}) before it starts (${start})`);
      return { start, end };
    }
    case "text":
      return textOf(single);
    case "flag": {
      if (typeof single === "boolean") return single;
      if (typeof single === "number") return single !== 0;
      const text = textOf(single).toLowerCase();
      if (["", "true", "yes", "1", "on"].includes(text)) return true;
      if (["false", "no", "0", "off"].includes(text)) return false;
      return fail(spec, `'${truncate(text)}' is not TRUE or FALSE`);
    }
    case "month-day": {
      const found = parseMonthDay(single);
      if (found === undefined)
        fail(spec, `'${truncate(textOf(single))}' is not a day of the year (write MM-DD, e.g. 07-01; not 02-29)`);
      return `${String(found.month).padStart(2, "0")}-${String(found.day).padStart(2, "0")}`;
    }
    case "pairs": {
      const pairs: Record<string, string> = {};
      const items = (Array.isArray(raw) ? raw : [single]).flatMap((item) => String(item ?? "").split(/[,;]/));
      for (const item of items) {
        if (item.trim() === "") continue;
        const at = item.indexOf("=");
        if (at <= 0) fail(spec, `'${truncate(item.trim())}' is not Name=Value`);
        pairs[item.slice(0, at).trim()] = item.slice(at + 1).trim();
      }
      return pairs;
    }
  }
}

function describeChoices(spec: OptionSpec): string {
  const fixed = (spec.choices ?? []).map((choice) => `'${choice}'`).join(", ");
  return spec.pattern ? `${fixed} or ${spec.placeholder ?? "a matching value"}` : fixed;
}

/** Reads options by spec from raw values: parsed once each, defaults where not given. */
export class Options {
  private readonly parsed = new Map<string, unknown>();
  constructor(
    private readonly raw: RawOptions = {},
    private readonly known: ReadonlyMap<string, OptionSpec> = new Map(),
  ) {
    for (const name of Object.keys(raw))
      if (known.size > 0 && !known.has(name))
        invalid(`Unknown option '${truncate(name)}' (options: ${[...known.keys()].join(", ")})`);
  }

  /** The option's value: given, else its default (undefined when it has none). */
  get<K extends OptionKind>(spec: OptionSpec<K>): KindValue[K] | undefined {
    if (this.parsed.has(spec.name)) return this.parsed.get(spec.name) as KindValue[K] | undefined;
    const raw = this.raw[spec.name];
    const value =
      raw === undefined || (!Array.isArray(raw) && isBlank(raw as CellValue)) ? spec.default : parseOption(spec, raw);
    this.parsed.set(spec.name, value);
    return value;
  }

  /** The option's value or its default; for options that have a default (a programmer error otherwise). */
  value<K extends OptionKind>(spec: OptionSpec<K>): KindValue[K] {
    const value = this.get(spec);
    if (value === undefined) throw new Error(`option ${spec.name} has no default: read it with get()`);
    return value;
  }

  /** True when the option was given (not defaulted). */
  given(spec: OptionSpec): boolean {
    const raw = this.raw[spec.name];
    return raw !== undefined && (Array.isArray(raw) || !isBlank(raw as CellValue));
  }

  /** Parses every given option now, so a bad value fails before any work. */
  validate(): void {
    for (const spec of this.known.values()) this.get(spec);
  }
}

const isWordCharacter = (character: string | undefined): boolean => character !== undefined && /^\w$/.test(character);

/** The length of a period's separator at `at` ("..", "–", "—", or the word "to"), 0 when none is there. */
function separatorAt(text: string, at: number): number {
  if (text.startsWith("..", at)) return 2;
  if (text[at] === "–" || text[at] === "—") return 1;
  const to = text.startsWith("to", at) ? 2 : 0;
  return to && !isWordCharacter(text[at - 1]) && !isWordCharacter(text[at + 2]) ? 2 : 0;
}

/**
 * The two ends of a period, "start..end", "start – end", "start to end", split at the first
 * separator after the start and trimmed; undefined when there is none or an end is empty. A
 * scan, linear in the text (a pattern with a lazy start and optional spaces on both sides of the
 * separator took quadratic time on a long cell).
 */
export function periodEnds(text: string): [string, string] | undefined {
  for (let at = 1; at < text.length; at++) {
    const length = separatorAt(text, at);
    if (length === 0) continue;
    const start = text.slice(0, at).trim();
    const end = text.slice(at + length).trim();
    return start === "" || end === "" ? undefined : [start, end];
  }
  return undefined;
}
