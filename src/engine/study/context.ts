/**
 * One study run as the analyses see it: the as-of date, the options, the input tables (parsed
 * on first use), the placement step (run once), and a memo so that exhibits of one family share
 * their computation (the three implementation-cost exhibits cost the roster once).
 */
import { truncate } from "../cells";
import { invalid } from "../errors";
import { CORE_OPTIONS, PLANS_INPUT, ROSTER_INPUT, SALARY_BASIS, SPLIT_ASSIGNMENTS } from "./core";
import { parseDate } from "./dates";
import { parseInput, type InputSpec, type InputTable } from "./inputs";
import { LANES_INPUT, withLaneSchedules } from "./lanes";
import { Options, type OptionSpec, type RawOptions } from "./options";
import { placeRoster, type Placement, type SalaryBasis } from "./placement";
import type { PayPlans, Roster, Unplaced } from "./types";

export class Study {
  readonly asOf: string;
  /** Days since 1970-01-01 of the as-of date. */
  readonly asOfDay: number;
  readonly options: Options;
  private readonly parsed = new Map<string, unknown>();
  private readonly memos = new Map<string, unknown>();
  private readonly notes: string[] = [];

  constructor(
    asOf: string,
    private readonly tables: Readonly<Partial<Record<string, InputTable>>>,
    rawOptions: RawOptions = {},
    knownOptions: readonly OptionSpec[] = CORE_OPTIONS,
  ) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? parseDate(asOf) : undefined;
    if (day === undefined) invalid(`The as-of date must be a date written yyyy-mm-dd, got '${truncate(asOf)}'`);
    this.asOf = asOf;
    this.asOfDay = day;
    this.options = new Options(rawOptions, new Map(knownOptions.map((spec) => [spec.name, spec])));
  }

  /** True when the input table was given. */
  has(spec: InputSpec): boolean {
    return this.tables[spec.id] !== undefined;
  }

  /** Where an input came from, in words for readers ("sheet Roster of book.xlsx", "roster.csv"). */
  source(spec: InputSpec): string | undefined {
    const table = this.tables[spec.id];
    return table === undefined ? undefined : (table.where ?? table.source);
  }

  /** Where an input came from, as its host addresses it ("[book.xlsx]Roster!A1:H1258"): the JSON's sources. */
  address(spec: InputSpec): string | undefined {
    return this.tables[spec.id]?.source;
  }

  /** The parsed input, or undefined when it was not given. Parsed once; errors name the input. */
  input<T>(spec: InputSpec<T>): T | undefined {
    if (this.parsed.has(spec.id)) return this.parsed.get(spec.id) as T;
    const table = this.tables[spec.id];
    const value = table === undefined ? undefined : parseInput(spec, table, { asOf: this.asOf, options: this.options });
    this.parsed.set(spec.id, value);
    // The parsed value is all the analyses read: the cells may go (a caller handing them over says so).
    if (table?.release) (table as { rows: InputTable["rows"] }).rows = [];
    return value;
  }

  /** The parsed input; refuses when it was not given. */
  require<T>(spec: InputSpec<T>): T {
    const value = this.input(spec);
    if (value === undefined)
      invalid(`This needs the ${spec.label} table (a sheet or table named '${spec.sheets[0]}', or a file of its own)`);
    return value;
  }

  /** The pay plans, with the lane schedules (when given) as plans whose grades are the lanes. */
  get plans(): PayPlans {
    return this.memo("plans", () => withLaneSchedules(this.require(PLANS_INPUT), this.input(LANES_INPUT)));
  }

  get roster(): Roster {
    return this.require(ROSTER_INPUT);
  }

  /** The roster placed on the pay plans (run once). */
  get placement(): Placement {
    return this.memo("placement", () =>
      placeRoster(this.plans, this.roster, {
        asOf: this.asOf,
        salaryBasis: this.options.value(SALARY_BASIS) as SalaryBasis,
        splitAssignments: this.options.value(SPLIT_ASSIGNMENTS),
      }),
    );
  }

  /** A computation shared by several exhibits, run once per study. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  private familyProblems: () => readonly Unplaced[] = () => [];

  /** The runner says which families' problems belong in unmatched-employees (those whose exhibits run). */
  listProblemsFrom(problems: () => readonly Unplaced[]): void {
    this.familyProblems = problems;
  }

  /** Every row an analysis could not use: the placement step's, then each running family's, by row. */
  unplacedRows(): Unplaced[] {
    return this.memo("unplaced-rows", () =>
      [...this.placement.unplaced, ...this.familyProblems()].sort((a, b) => a.row - b.row),
    );
  }

  /** Adds a line to the run's summary notes (once). */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** The notes added so far. */
  get summaryNotes(): readonly string[] {
    return this.notes;
  }
}

/** An unplaced row for an analysis' own reason (listed in unmatched-employees, "Row 12: cost: …"). */
export function listed(employee: { row: number; id: string; plan: string; grade: string }, reason: string): Unplaced {
  return {
    row: employee.row,
    id: employee.id,
    plan: employee.plan,
    grade: employee.grade,
    reason: `Row ${employee.row}: ${reason}`,
  };
}
