/**
 * Pay schedules read from a block of cells: grades × steps (a pay plan) and steps × lanes
 * (a teacher schedule). Pay tables are pasted from PDFs, so numeric text ("$ 12.12",
 * "42,167") reads as numbers; anything else in a pay cell is an invalid argument naming it.
 * Source: Portland 2013 study, chapter 3 pay plans and the PEA experience schedule.
 */
import { CellValue, isBlank, normalizeKey, parseNumberText, readNumber, truncate } from "./cells";
import { EngineError, invalid, notFound, outOfRange } from "./errors";

/** A grade row of a pay plan: its key and its filled steps (the row ends at its last filled step). */
export type GradeRow = {
  /** The grade as written (trimmed). */
  readonly grade: string;
  /** 1-based row of the block it was read from. */
  readonly row: number;
  readonly steps: readonly number[];
};

/** A grades × steps schedule. */
export type GradeSchedule = {
  readonly kind: "grades";
  /** Step number of the first step column (1 unless the header names the steps, e.g. 0). */
  readonly firstStep: number;
  /** Step column labels (header text, or "Step n"). */
  readonly stepLabels: readonly string[];
  readonly grades: readonly GradeRow[];
  /** Grades by normalised key (trimmed, case-insensitive). */
  readonly index: ReadonlyMap<string, GradeRow>;
};

/** A steps × lanes schedule (teacher experience schedule: rows = steps, columns = lanes). */
export type LaneSchedule = {
  readonly kind: "lanes";
  /** Lane labels (header text, or "Lane n" without a header). */
  readonly lanes: readonly string[];
  /** Step numbers of the rows, strictly increasing. */
  readonly steps: readonly number[];
  /** Pay per row, per lane; null where the lane has no pay at that step. */
  readonly pay: readonly (readonly (number | null)[])[];
  /** Lanes by normalised label → 0-based index. */
  readonly laneIndex: ReadonlyMap<string, number>;
};

type Block = readonly (readonly CellValue[])[];

type NumberedRow = { readonly row: number; readonly cells: readonly CellValue[] };

function checkBlock(block: Block): void {
  if (!Array.isArray(block)) invalid("The schedule must be a range of cells");
  for (const row of block) if (!Array.isArray(row)) invalid("The schedule must be a range of cells");
}

/** Rows that have any content, with their 1-based row numbers. */
function filledRows(block: Block): NumberedRow[] {
  const rows: NumberedRow[] = [];
  block.forEach((cells, i) => {
    if (cells.some((cell) => !isBlank(cell))) rows.push({ row: i + 1, cells });
  });
  return rows;
}

function cellText(value: CellValue): string {
  return typeof value === "string" ? value.trim() : String(value);
}

function isNumeric(value: CellValue): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && parseNumberText(value) !== undefined;
}

/** The step number a header cell names: a number, or the first whole number in its text ("Step 4"). */
function headerNumber(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const parsed = parseNumberText(value);
  if (parsed !== undefined) return Number.isInteger(parsed) ? parsed : undefined;
  const match = /\d+/.exec(value);
  return match ? Number(match[0]) : undefined;
}

/**
 * A first row is a header when its first cell is blank, when a step cell holds text that is
 * not a number, or when its step cells are consecutive whole numbers (0, 1, 2 … name steps;
 * no pay plan pays 0, 1, 2).
 */
function looksLikeHeader(cells: readonly CellValue[]): boolean {
  if (isBlank(cells[0])) return true;
  const rest = cells.slice(1).filter((cell) => !isBlank(cell));
  if (rest.some((cell) => typeof cell === "string" && parseNumberText(cell) === undefined)) return true;
  if (rest.some((cell) => !isNumeric(cell))) return false; // a boolean among pay: a bad data row
  if (rest.length < 2) return false;
  const numbers = rest.map((cell) => (typeof cell === "number" ? cell : (parseNumberText(String(cell)) as number)));
  return numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
}

function width(rows: readonly NumberedRow[]): number {
  let w = 0;
  for (const { cells } of rows) {
    for (let c = cells.length - 1; c >= w; c--) {
      if (!isBlank(cells[c])) {
        w = c + 1;
        break;
      }
    }
  }
  return w;
}

/** Reads a pay cell: a number or numeric text, never negative; blank → null. */
function readPay(value: CellValue, where: string): number | null {
  const pay = readNumber(value, where);
  if (pay !== null && pay < 0) invalid(`${where} cannot be negative: ${pay}`);
  return pay;
}

/** Reads a key cell (grade or lane): text or a number; booleans are not keys. */
function readKey(value: CellValue, where: string): string {
  if (typeof value === "boolean") invalid(`${where} is not a grade: ${String(value).toUpperCase()}`);
  if (typeof value === "number" && !Number.isFinite(value)) invalid(`${where} is not a grade`);
  return cellText(value);
}

/**
 * Parses a grades × steps block (Portland 2013 pay plans): grade keys in the first column,
 * steps across; an optional header row names the steps (numbers or "Step n"; columns after
 * the numbered run, such as "Range Spread %", are not steps). Each grade row ends at its last
 * filled step; blanks before it, duplicate grades and non-numeric pay are invalid arguments.
 */
export function parseGradeSchedule(block: Block): GradeSchedule {
  checkBlock(block);
  const rows = filledRows(block);
  if (rows.length === 0) invalid("The schedule is empty");
  const hasHeader = looksLikeHeader(rows[0].cells);
  const header = hasHeader ? rows[0] : undefined;
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0) invalid("The schedule has a header row but no grades");
  const total = width(rows);
  if (total < 2) invalid("The schedule needs grades in the first column and at least one step column");

  let firstStep = 1;
  let stepCount = total - 1;
  const stepLabels: string[] = [];
  if (header) {
    const first = headerNumber(header.cells[1]);
    if (first !== undefined && first >= 0) {
      firstStep = first;
      stepCount = 1;
      for (let c = 2; c < total; c++) {
        const n = headerNumber(header.cells[c]);
        if (n === undefined) break;
        if (n !== firstStep + stepCount) {
          invalid(
            `Row ${header.row}, column ${c + 1} ('${truncate(cellText(header.cells[c]))}') breaks the step sequence: expected step ${firstStep + stepCount}`,
          );
        }
        stepCount++;
      }
    }
    for (let s = 0; s < stepCount; s++) {
      const label = header.cells[s + 1];
      stepLabels.push(isBlank(label) ? `Step ${firstStep + s}` : truncate(cellText(label)));
    }
  } else {
    for (let s = 0; s < stepCount; s++) stepLabels.push(`Step ${firstStep + s}`);
  }

  const grades: GradeRow[] = [];
  const index = new Map<string, GradeRow>();
  for (const { row, cells } of data) {
    const keyCell = cells[0];
    const where = (c: number): string => `Row ${row}, column ${c + 1} ('${stepLabels[c - 1]}')`;
    const steps: number[] = [];
    let lastFilled = -1;
    const values: (number | null)[] = [];
    for (let c = 1; c <= stepCount; c++) {
      const pay = readPay(cells[c], where(c));
      values.push(pay);
      if (pay !== null) lastFilled = c - 1;
    }
    if (isBlank(keyCell)) {
      if (lastFilled < 0) continue; // only ignored columns are filled: not a grade row
      invalid(`Row ${row} has pay steps but no grade in column 1`);
    }
    const grade = readKey(keyCell, `Row ${row}, column 1`);
    if (lastFilled < 0) invalid(`Row ${row} (grade '${truncate(grade)}') has no pay steps`);
    for (let s = 0; s <= lastFilled; s++) {
      const pay = values[s];
      if (pay === null) invalid(`${where(s + 1)} is blank but a later step of grade '${truncate(grade)}' is filled`);
      steps.push(pay);
    }
    const key = normalizeKey(grade);
    const previous = index.get(key);
    if (previous) invalid(`Grade '${truncate(grade)}' appears twice (rows ${previous.row} and ${row})`);
    const gradeRow: GradeRow = { grade, row, steps };
    grades.push(gradeRow);
    index.set(key, gradeRow);
  }
  return { kind: "grades", firstStep, stepLabels, grades, index };
}

/** Finds a grade by key, trimmed and case-insensitive (Portland pay plans). */
export function findGrade(schedule: GradeSchedule, grade: CellValue): GradeRow {
  if (isBlank(grade)) invalid("The grade is blank");
  const row = schedule.index.get(normalizeKey(grade));
  if (row === undefined) notFound(`Grade '${truncate(cellText(grade))}' is not in the schedule`);
  return row;
}

/** Checks a requested step: a whole number, not below the first step. */
function checkStep(step: number, firstStep: number): void {
  if (!Number.isFinite(step)) invalid("The step must be a number");
  if (!Number.isInteger(step)) outOfRange(`The step must be a whole number, got ${step}`);
  if (step < firstStep) outOfRange(`Step ${step} is below the first step (${firstStep})`);
}

/** Pay at a step of a grade row; a step past the last filled step gives the top step (schedules freeze there). */
export function gradeStepPay(schedule: GradeSchedule, row: GradeRow, step: number): number {
  checkStep(step, schedule.firstStep);
  const i = step - schedule.firstStep;
  return row.steps[i < row.steps.length ? i : row.steps.length - 1];
}

/**
 * Pay at a grade's step (Portland pay plans): grade matched trimmed and case-insensitive
 * (not found otherwise); past the last filled step → the top step; below the first step or
 * not whole → out of range.
 */
export function payStep(schedule: GradeSchedule, grade: CellValue, step: number): number {
  return gradeStepPay(schedule, findGrade(schedule, grade), step);
}

/**
 * Parses a steps × lanes block (Portland PEA experience schedule): step numbers in the first
 * column (whole, increasing), lanes across with an optional header row of lane names.
 */
export function parseLaneSchedule(block: Block): LaneSchedule {
  checkBlock(block);
  const rows = filledRows(block);
  if (rows.length === 0) invalid("The schedule is empty");
  const firstCells = rows[0].cells;
  const hasHeader = !isNumeric(firstCells[0]) || firstCells.slice(1).some((cell) => !isBlank(cell) && !isNumeric(cell));
  const header = hasHeader ? rows[0] : undefined;
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0) invalid("The schedule has a header row but no steps");
  const total = width(rows);
  if (total < 2) invalid("The schedule needs step numbers in the first column and at least one lane column");

  const lanes: string[] = [];
  const laneIndex = new Map<string, number>();
  for (let c = 1; c < total; c++) {
    const cell = header?.cells[c];
    const label = cell === undefined || isBlank(cell) ? `Lane ${c}` : cellText(cell);
    const key = normalizeKey(label);
    if (laneIndex.has(key)) invalid(`Lane '${truncate(label)}' appears twice in the header row`);
    laneIndex.set(key, c - 1);
    lanes.push(label);
  }

  const steps: number[] = [];
  const pay: (number | null)[][] = [];
  for (const { row, cells } of data) {
    const step = readNumber(cells[0], `Row ${row}, column 1 (step)`);
    if (step === null) invalid(`Row ${row} has pay but no step number in column 1`);
    if (!Number.isInteger(step) || step < 0)
      invalid(`Row ${row}, column 1: the step must be a whole number, got ${step}`);
    const previous = steps[steps.length - 1];
    if (previous !== undefined && step <= previous) {
      invalid(`Row ${row}, column 1: step ${step} does not follow step ${previous} (steps must increase)`);
    }
    const values: (number | null)[] = [];
    for (let c = 1; c < total; c++)
      values.push(readPay(cells[c], `Row ${row}, column ${c + 1} ('${truncate(lanes[c - 1])}')`));
    steps.push(step);
    pay.push(values);
  }
  return { kind: "lanes", lanes, steps, pay, laneIndex };
}

/** Finds a lane: by header text (trimmed, case-insensitive), else by 1-based index. */
export function findLane(schedule: LaneSchedule, lane: CellValue): number {
  if (isBlank(lane)) invalid("The lane is blank");
  if (typeof lane === "string") {
    const found = schedule.laneIndex.get(normalizeKey(lane));
    if (found !== undefined) return found;
    const asNumber = parseNumberText(lane);
    if (asNumber === undefined) notFound(`Lane '${truncate(lane.trim())}' is not in the schedule`);
    return laneByIndex(schedule, asNumber);
  }
  if (typeof lane === "number") return laneByIndex(schedule, lane);
  return invalid(`The lane must be a lane name or number, got ${String(lane).toUpperCase()}`);
}

function laneByIndex(schedule: LaneSchedule, lane: number): number {
  const count = schedule.lanes.length;
  if (!Number.isInteger(lane) || lane < 1 || lane > count) {
    notFound(`Lane ${lane} is not in the schedule (it has ${count} lane${count === 1 ? "" : "s"})`);
  }
  return lane - 1;
}

/** Row of the last step at or below `step` (a step past the last row gives the last row). */
function laneRow(schedule: LaneSchedule, step: number): number {
  const steps = schedule.steps;
  checkStep(step, steps[0]);
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid] <= step) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Teacher step-and-lane lookup (Portland PEA experience schedule): lane by header text or
 * 1-based index; a step past the last row gives the last row; a step between listed rows
 * gives the row of the step below it.
 */
export function lanePay(schedule: LaneSchedule, step: number, lane: CellValue): number {
  const column = findLane(schedule, lane);
  const row = laneRow(schedule, step);
  const pay = schedule.pay[row][column];
  if (pay === null) notFound(`Lane '${truncate(schedule.lanes[column])}' has no pay at step ${schedule.steps[row]}`);
  return pay;
}

// ---------------------------------------------------------------------------------------
// Content-keyed cache: 100,000 scalar calls that each pass the same 80 × 12 block parse it
// once. Two levels:
// - identity: one of the last few block objects seen, with the same row arrays of the same
//   lengths, is a hit in O(rows). Cells inside a row array are not re-read, so a caller must
//   not mutate a block it has handed over (Excel hands every call fresh arrays and never does).
// - content: any other block is looked up by a cheap hash of a sample of its cells (shape, and
//   the first, middle and last cell of every row), and a hit is confirmed cell by cell against
//   a snapshot, so equal content in a new array (Excel's case) is parsed once, and content that
//   differs anywhere is parsed again.

type Outcome<T> = { readonly value: T } | { readonly error: EngineError };

type Entry<T> = { readonly rows: readonly (readonly CellValue[])[]; readonly outcome: Outcome<T> };

/** What the identity level remembers of a block object: its row arrays and their lengths. */
type Seen<T> = {
  readonly block: Block;
  readonly rowRefs: readonly (readonly CellValue[])[];
  readonly lengths: readonly number[];
  readonly entry: Entry<T>;
};

function sameRows<T>(seen: Seen<T>, block: Block): boolean {
  const refs = seen.rowRefs;
  if (refs.length !== block.length) return false;
  for (let r = 0; r < refs.length; r++) if (refs[r] !== block[r] || seen.lengths[r] !== block[r].length) return false;
  return true;
}

function mix(hash: number, word: number): number {
  return Math.imul(hash ^ word, 16777619);
}

function hashCell(hash: number, value: CellValue): number {
  if (typeof value === "number") return mix(hash, (value * 100) | 0);
  if (typeof value === "string") {
    const n = value.length;
    return n === 0 ? mix(hash, 5) : mix(mix(mix(hash, n), value.charCodeAt(0)), value.charCodeAt(n - 1));
  }
  return mix(hash, value === true ? 1 : value === false ? 2 : value === null ? 3 : 4);
}

/** Sample hash of a block, or undefined when it is not an array of rows (left to the parser to reject). */
function hashBlock(block: Block): number | undefined {
  if (!Array.isArray(block)) return undefined;
  let hash = mix(2166136261 | 0, block.length);
  for (let r = 0; r < block.length; r++) {
    const cells = block[r];
    if (!Array.isArray(cells)) return undefined;
    const n = cells.length;
    hash = mix(hash, n);
    if (n > 0) hash = hashCell(hashCell(hashCell(hash, cells[0]), cells[n >> 1]), cells[n - 1]);
  }
  return hash;
}

function sameContent<T>(entry: Entry<T>, block: Block): boolean {
  const rows = entry.rows;
  if (rows.length !== block.length) return false;
  for (let r = 0; r < rows.length; r++) {
    const snapshot = rows[r];
    const cells = block[r];
    if (snapshot.length !== cells.length) return false;
    for (let c = 0; c < cells.length; c++) if (snapshot[c] !== cells[c]) return false;
  }
  return true;
}

/** Block objects the identity level remembers. */
const RECENT_BLOCKS = 4;

/** A bounded LRU of parsed schedules keyed by content. */
export class ScheduleCache<T> {
  /** Entries by sample hash (blocks with the same sample share a bucket); Map order = recency. */
  private readonly buckets = new Map<number, Entry<T>[]>();
  /** The identity level: the last few block objects seen, most recent first. */
  private seen: Seen<T>[] = [];
  private count = 0;

  constructor(
    private readonly parse: (block: Block) => T,
    private readonly capacity = 32,
  ) {}

  /** The parsed schedule for `block` (parse errors are cached and rethrown too). */
  get(block: Block): T {
    let entry: Entry<T> | undefined;
    for (const seen of this.seen) {
      if (seen.block === block && sameRows(seen, block)) {
        entry = seen.entry;
        break;
      }
    }
    entry ??= this.lookup(block);
    const outcome = entry.outcome;
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  }

  private lookup(block: Block): Entry<T> {
    const key = hashBlock(block);
    if (key === undefined) return { rows: [], outcome: { value: this.parse(block) } };
    const bucket = this.buckets.get(key);
    let entry: Entry<T> | undefined;
    if (bucket !== undefined) {
      for (const candidate of bucket) {
        if (sameContent(candidate, block)) {
          entry = candidate;
          break;
        }
      }
      if (entry !== undefined && this.buckets.size > 1) {
        this.buckets.delete(key);
        this.buckets.set(key, bucket);
      }
    }
    entry ??= this.store(key, block);
    this.seen = [{ block, rowRefs: block.slice(), lengths: block.map((row) => row.length), entry }, ...this.seen];
    if (this.seen.length > RECENT_BLOCKS) this.seen.pop();
    return entry;
  }

  /** Number of cached schedules. */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.buckets.clear();
    this.seen = [];
    this.count = 0;
  }

  private store(key: number, block: Block): Entry<T> {
    let outcome: Outcome<T>;
    try {
      outcome = { value: this.parse(block) };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      outcome = { error };
    }
    const entry: Entry<T> = { rows: block.map((row) => row.slice()), outcome };
    const bucket = this.buckets.get(key) ?? [];
    bucket.unshift(entry);
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.count++;
    while (this.count > this.capacity) {
      const oldestKey = this.buckets.keys().next().value as number;
      const oldest = this.buckets.get(oldestKey) as Entry<T>[];
      oldest.pop();
      this.count--;
      if (oldest.length === 0) this.buckets.delete(oldestKey);
    }
    return entry;
  }
}

const gradeCache = new ScheduleCache(parseGradeSchedule);
const laneCache = new ScheduleCache(parseLaneSchedule);

/** parseGradeSchedule through a content-keyed cache (same cells → same parsed schedule). */
export function gradeScheduleOf(block: Block): GradeSchedule {
  return gradeCache.get(block);
}

/** parseLaneSchedule through a content-keyed cache. */
export function laneScheduleOf(block: Block): LaneSchedule {
  return laneCache.get(block);
}
