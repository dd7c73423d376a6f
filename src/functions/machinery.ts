/**
 * The shared machinery of the COMP functions (after HyperFormula): each function declares its
 * parameters (name, coercion, optional) in a table; this module coerces the arguments,
 * broadcasts them element-wise like Excel's array arithmetic (a 1 × 1 argument or a single
 * row/column stretches; cells outside a smaller range give #N/A), calls the rule per cell and
 * maps engine errors to Excel errors inside the result. Function bodies hold only the rule.
 */
import { parseNumberText } from "../engine/cells";
import { EngineError } from "../engine/errors";
import { ExcelError, isExcelError, notAvailable, numError, toExcelError, valueError } from "./errors";

/** What one result cell may hold. */
export type Result = number | string | boolean | ExcelError;

/** How an argument cell is read. "row" is a pay row already read by `rowsOf`. */
export type Coercion = "number" | "boolean" | "text" | "key" | "row";

type CoercedType = { number: number; boolean: boolean; text: string; key: string | number; row: readonly number[] };

/** One parameter of a function's metadata table. */
export type ParamSpec<C extends Coercion = Coercion, O extends boolean = boolean> = {
  readonly name: string;
  readonly coerce: C;
  readonly optional: O;
};

type ValueOf<S> =
  S extends ParamSpec<infer C, infer O> ? (O extends true ? CoercedType[C] | null : CoercedType[C]) : never;

/** The coerced argument values a rule receives, typed from its parameter table. */
export type Values<S extends readonly ParamSpec[]> = { -readonly [I in keyof S]: ValueOf<S[I]> };

/** A required parameter. */
export function required<C extends Coercion>(name: string, coerce: C): ParamSpec<C, false> {
  return { name, coerce, optional: false };
}

/** An optional parameter: omitted (null from Excel) or blank → null; the rule defaults it with `??`. */
export function optional<C extends Coercion>(name: string, coerce: C): ParamSpec<C, true> {
  return { name, coerce, optional: true };
}

/** A blank cell, or nothing (an omitted argument). */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** An argument as a 2-D grid: ranges arrive as arrays of rows; a bare value counts as 1 × 1. */
export function gridOf(arg: unknown): readonly (readonly unknown[])[] {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    // Excel hands over arrays of rows; checking the first row keeps this O(1) for 1,000,000 rows.
    return Array.isArray(arg[0]) ? (arg as unknown[][]) : [arg];
  }
  return [[arg]];
}

const BLANK = Symbol("blank");

/** Most distinct one-column result rows shared per call. */
const SHARED_ROWS = 4096;

type Coerced = string | number | boolean | readonly number[] | ExcelError | typeof BLANK;

function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = String(value).trim();
  return `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;
}

/** Reads one cell for a parameter: a value, the blank marker, or an Excel error. */
function coerce(value: unknown, spec: ParamSpec): Coerced {
  if (isBlankCell(value)) return BLANK;
  if (isExcelError(value)) return value;
  switch (spec.coerce) {
    case "number": {
      if (typeof value === "number")
        return Number.isFinite(value) ? value : valueError(`${spec.name} must be a number`);
      const parsed = typeof value === "string" ? parseNumberText(value) : undefined;
      return parsed ?? valueError(`${spec.name} must be a number, got ${shown(value)}`);
    }
    case "boolean": {
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      const text = String(value).trim().toUpperCase();
      if (text === "TRUE" || text === "FALSE") return text === "TRUE";
      return valueError(`${spec.name} must be TRUE or FALSE, got ${shown(value)}`);
    }
    case "text":
      if (typeof value === "string") return value;
      if (typeof value === "number") return String(value);
      if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
      return valueError(`${spec.name} must be text`);
    case "key":
      if (typeof value === "string" || typeof value === "number") return value;
      return valueError(`${spec.name} must be text or a number, got ${shown(value)}`);
    case "row":
      if (Array.isArray(value)) return value as number[];
      return valueError(`${spec.name} must be a range`);
  }
}

/**
 * Applies `rule` element-wise over the arguments. Result shape = the largest rows × columns
 * of the arguments; per cell: an Excel error in an argument propagates; a blank required
 * argument gives #VALUE! (all required arguments blank → an empty cell, so a blank row of a
 * roster stays blank); omitted or blank optional arguments reach the rule as null.
 */
export function elementwise<S extends readonly ParamSpec[]>(
  specs: S,
  args: readonly unknown[],
  rule: (...values: Values<S>) => Result,
): Result[][] {
  const n = specs.length;
  const grids = specs.map((_, i) => gridOf(args[i]));
  let rows = 1;
  let cols = 1;
  for (const grid of grids) {
    rows = Math.max(rows, grid.length);
    cols = Math.max(cols, grid[0].length);
  }
  // 1 × 1 arguments are coerced once (fixed); the others per cell.
  const fixed: (Coerced | undefined)[] = grids.map((grid, i) =>
    grid.length === 1 && grid[0].length === 1 ? coerce(grid[0][0], specs[i]) : undefined,
  );
  const numeric = specs.map((spec) => spec.coerce === "number");
  let requiredCount = 0;
  for (const spec of specs) if (!spec.optional) requiredCount++;
  const values: unknown[] = specs.map(() => null); // packed, reused for every cell
  const call = rule as (...values: unknown[]) => Result;

  /** One result cell, read and coerced from the arguments. */
  const cellAt = (r: number, c: number): Result => {
    let error: ExcelError | undefined;
    let blanks = 0;
    let firstBlank = -1;
    for (let i = 0; i < n; i++) {
      let value = fixed[i];
      if (value === undefined) {
        const grid = grids[i];
        const row = grid.length === 1 ? grid[0] : grid[r];
        if (row === undefined || (row.length !== 1 && c >= row.length)) {
          error ??= notAvailable(`${specs[i].name} is smaller than the other ranges`);
          continue;
        }
        const cell = row.length === 1 ? row[0] : row[c];
        // A finite number for a number parameter needs no coercion.
        if (typeof cell === "number" && numeric[i] && cell - cell === 0) {
          values[i] = cell;
          continue;
        }
        value = coerce(cell, specs[i]);
      }
      if (value === BLANK) {
        values[i] = null;
        if (!specs[i].optional) {
          blanks++;
          if (firstBlank < 0) firstBlank = i;
        }
      } else if (typeof value === "object" && isExcelError(value)) {
        error ??= value;
      } else {
        values[i] = value;
      }
    }
    if (error !== undefined) return error;
    if (blanks > 0) return blanks === requiredCount ? "" : valueError(`${specs[firstBlank].name} is blank`);
    return apply(call, values);
  };

  if (cols === 1 && rows >= UNROLL_FROM_ROWS) {
    const fast = plainColumns(grids, fixed, specs, rows, call, cellAt);
    if (fast !== undefined) return fast;
  }
  const out: Result[][] = new Array(rows);
  // A one-column result shares one row array per distinct value (see sharedRow).
  const shared = new Map<Result, Result[]>();
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      out[r] = sharedRow(shared, cellAt(r, 0));
      continue;
    }
    const line: Result[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cellAt(r, c);
    out[r] = line;
  }
  return out;
}

/** Columns shorter than this are not worth the unrolled path's set-up. */
const UNROLL_FROM_ROWS = 64;

/** Most arguments the unrolled column path takes (PROMOTION_SALARY has seven). */
const MAX_UNROLLED = 7;

/**
 * The hot path for the common big call: one result column, every argument either fixed (1 × 1)
 * or a full column of a number or key parameter. Cells are read into locals rather than an array, so
 * numbers stay unboxed; a row whose cells the rule cannot take as they are takes the general path
 * (`cellAt`), so the results are the same. Returns undefined when the shape does not fit.
 * (Measured: the general path alone ran QUARTILE_PLACE over 1,000,000 rows in ~3× the time.)
 */
function plainColumns(
  grids: readonly (readonly (readonly unknown[])[])[],
  fixed: readonly (Coerced | undefined)[],
  specs: readonly ParamSpec[],
  rows: number,
  call: (...values: unknown[]) => Result,
  cellAt: (r: number, c: number) => Result,
): Result[][] | undefined {
  const n = grids.length;
  if (n > MAX_UNROLLED) return undefined;
  const isFixed: boolean[] = [];
  const fixedValue: unknown[] = [];
  const columns: (readonly (readonly unknown[])[])[] = [];
  for (let i = 0; i < MAX_UNROLLED; i++) {
    const value = i < n ? fixed[i] : null;
    if (value === undefined) {
      const grid = grids[i];
      // Rows of another width fail `ok` below (not a number) or read like the general path.
      const kind = specs[i].coerce;
      if ((kind !== "number" && kind !== "key") || grid.length !== rows) return undefined;
      isFixed.push(false);
      fixedValue.push(null);
      columns.push(grid);
    } else {
      if (value === BLANK ? !specs[i]?.optional && i < n : typeof value === "object" && isExcelError(value)) {
        return undefined; // every row gives the same error: the general path says which
      }
      isFixed.push(true);
      fixedValue.push(value === BLANK ? null : value);
      columns.push([]);
    }
  }
  // Validate first, in one tight pass per column: rows holding anything the rule cannot take as
  // it is (a number parameter: anything but a finite number; a key: blanks, booleans, errors)
  // are marked and computed by the general path.
  let irregular: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    if (isFixed[i]) continue;
    const column = columns[i];
    const key = specs[i].coerce === "key";
    for (let r = 0; r < rows; r++) {
      const v = column[r][0];
      const plain = typeof v === "number" ? v - v === 0 : key && typeof v === "string" && v.trim() !== "";
      if (!plain) {
        irregular ??= new Uint8Array(rows);
        irregular[r] = 1;
      }
    }
  }
  const at = (i: number, r: number): unknown => (isFixed[i] ? fixedValue[i] : columns[i][r][0]);
  const out: Result[][] = new Array(rows);
  const shared = new Map<Result, Result[]>();
  for (let r = 0; r < rows; r++) {
    const a0 = at(0, r);
    const a1 = at(1, r);
    const a2 = at(2, r);
    const a3 = at(3, r);
    const a4 = at(4, r);
    const a5 = at(5, r);
    const a6 = at(6, r);
    let result: Result;
    if (irregular === undefined || irregular[r] === 0) {
      try {
        // The rule's own arity, so the call can be inlined.
        if (n <= 2) result = call(a0, a1);
        else if (n === 3) result = call(a0, a1, a2);
        else if (n === 4) result = call(a0, a1, a2, a3);
        else if (n === 5) result = call(a0, a1, a2, a3, a4);
        else result = call(a0, a1, a2, a3, a4, a5, a6);
      } catch (thrown) {
        if (!(thrown instanceof EngineError)) throw thrown;
        result = toExcelError(thrown);
      }
      if (typeof result === "number" && result - result !== 0) result = numError();
    } else {
      result = cellAt(r, 0);
    }
    out[r] = sharedRow(shared, result);
  }
  return out;
}

/** The one-cell row for `value`, shared with earlier rows of the same value (errors never shared). */
function sharedRow(shared: Map<Result, Result[]>, value: Result): Result[] {
  if (typeof value === "object") return [value];
  let row = shared.get(value);
  if (row === undefined) {
    row = [value];
    if (shared.size < SHARED_ROWS) shared.set(value, row);
  }
  return row;
}

/**
 * Calls a rule on one cell's values; an EngineError becomes the cell's Excel error (programmer
 * errors still throw). Fixed arities avoid a spread per cell (1,000,000 cells per call).
 */
function apply(rule: (...values: unknown[]) => Result, v: readonly unknown[]): Result {
  let result: Result;
  try {
    switch (v.length) {
      case 1:
        result = rule(v[0]);
        break;
      case 2:
        result = rule(v[0], v[1]);
        break;
      case 3:
        result = rule(v[0], v[1], v[2]);
        break;
      case 4:
        result = rule(v[0], v[1], v[2], v[3]);
        break;
      case 5:
        result = rule(v[0], v[1], v[2], v[3], v[4]);
        break;
      default:
        result = rule(...v);
    }
  } catch (thrown) {
    if (thrown instanceof EngineError) return toExcelError(thrown);
    throw thrown;
  }
  // An overflow (1 / 5e-324) is #NUM! in Excel; never hand Excel Infinity or NaN.
  return typeof result === "number" && result - result !== 0 ? numError() : result;
}

/** A pay row read from a range: its numeric cells in order, or the Excel error of a cell. */
export type PayRow = readonly number[] | ExcelError;

/**
 * Reads each row of a range as a pay row: numbers and numeric text ("$ 12.12") count, blanks
 * and other text (a grade label) are skipped, an Excel error in the row propagates. Returns
 * an n × 1 grid for `elementwise` with the "row" coercion.
 */
export function rowsOf(arg: unknown): PayRow[][] {
  return gridOf(arg).map((cells) => {
    const numbers: number[] = [];
    for (const cell of cells) {
      if (isExcelError(cell)) return [cell];
      if (typeof cell === "number" && Number.isFinite(cell)) numbers.push(cell);
      else if (typeof cell === "string") {
        const parsed = parseNumberText(cell);
        if (parsed !== undefined) numbers.push(parsed);
      }
    }
    return [numbers];
  });
}

/** True when an optional argument was omitted or is a blank single cell. */
export function isOmitted(arg: unknown): boolean {
  if (isBlankCell(arg)) return true;
  const grid = gridOf(arg);
  return grid.length === 1 && grid[0].length === 1 && isBlankCell(grid[0][0]);
}

/** The first Excel error in a range, if any (a schedule with an error cell propagates it). */
export function firstError(arg: unknown): ExcelError | undefined {
  for (const row of gridOf(arg)) for (const cell of row) if (isExcelError(cell)) return cell;
  return undefined;
}
