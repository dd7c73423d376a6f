/**
 * What a settlement costing reads besides the pay plans and the roster (issue 17): the
 * Settlement table or the scenario options (a raise and a flat amount per year, the years
 * without step movement), the turnover rate, and the employer's loads — a Benefit Groups table
 * of rates and per-FTE amounts, or one rate and one amount for everyone.
 */
import { isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../../cells";
import { invalid } from "../../errors";
import type { Study } from "../context";
import type { Missing } from "../definition";
import { PLAN_FIELD, type FieldSpec } from "../headers";
import { InputTableError, input, readRecords, type InputTable } from "../inputs";
import { invalidOption, option, parseOption, type OptionSpec } from "../options";
import type { PayPlan } from "../types";
import { LOAD } from "./cost";
import { percentText } from "./market";

/** The most years a settlement is costed over. */
export const MAX_YEARS = 10;

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * A percentage cell, read as an option of kind percent reads it (so the pane, the CLI and the
 * tables agree): "3%", "3" and "0.03" as text are 3 %, a cell holding 0.03 is 3 %. Undefined when
 * blank; the message names the column.
 */
function percentCell(raw: CellValue, column: OptionSpec<"percent">): number | undefined {
  return isBlank(raw) ? undefined : parseOption(column, raw);
}

const INCREASE_CELL = option({
  name: "increase",
  kind: "percent",
  label: "Increase",
  description: "",
  min: -0.5,
  max: 1,
});
const LOAD_RATE_CELL = option({
  name: "load-rate",
  kind: "percent",
  label: "Load Rate",
  description: "",
  min: 0,
  max: 1,
});

/** A money cell: a number or money text ("$ 500", "1,200"). Undefined when blank. */
function amountCell(raw: CellValue, label: string): number | undefined {
  if (isBlank(raw)) return undefined;
  const value = typeof raw === "number" ? raw : parseNumberText(String(raw));
  if (value === undefined || !Number.isFinite(value))
    invalid(`${label} '${truncate(String(raw).trim())}' is not a number`);
  return value;
}

/** A yes/no cell (TRUE/FALSE, yes/no, y/n, 1/0); undefined when blank. */
function yesNoCell(raw: CellValue, label: string): boolean | undefined {
  if (isBlank(raw)) return undefined;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") {
    if (raw === 1 || raw === 0) return raw === 1;
  } else {
    const text = String(raw).trim().toLowerCase();
    if (["yes", "y", "true", "1", "on"].includes(text)) return true;
    if (["no", "n", "false", "0", "off", "frozen", "freeze"].includes(text)) return false;
  }
  return invalid(`${label} '${truncate(String(raw).trim())}' is not yes or no`);
}

// ---------------------------------------------------------------------------------------------
// The Settlement table

type SettlementField = "year" | "plan" | "increase" | "flat" | "steps";

export const SETTLEMENT_FIELDS: readonly FieldSpec<SettlementField>[] = [
  { field: "year", label: "Year", synonyms: ["year", "settlement year", "contract year", "year no"], required: true },
  PLAN_FIELD,
  {
    field: "increase",
    label: "Increase",
    synonyms: ["increase", "schedule increase", "increase %", "percent increase", "raise", "cola", "salary increase"],
    required: true,
  },
  {
    field: "flat",
    label: "Flat Amount",
    synonyms: ["flat amount", "flat", "flat increase", "flat dollar amount", "dollar amount"],
    required: false,
  },
  {
    field: "steps",
    label: "Step Movement",
    synonyms: ["step movement", "steps", "step increase", "step movement yes no", "steps granted", "step"],
    required: false,
  },
];

/** One row of the Settlement table: a year's terms for one plan, or for every plan without its own row ("" plan). */
export type SettlementRow = { row: number; year: number; plan: string; increase: number; flat: number; steps: boolean };

export type SettlementTable = { rows: SettlementRow[]; years: number };

/** Plan cells meaning every plan. */
const EVERY_PLAN = new Set(["", "all", "all plans"]);

function yearCell(raw: CellValue): number {
  if (isBlank(raw)) invalid("Year is blank");
  const text = typeof raw === "number" ? String(raw) : String(raw).trim();
  const match = /^(?:year\s*)?(-?\d+(?:\.\d+)?)$/i.exec(text);
  const year = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(year)) invalid(`Year '${truncate(text)}' is not a whole number`);
  if (year === 0) invalid("Year 0 is the base (today's cost): settlement years start at 1");
  if (year < 1 || year > MAX_YEARS) invalid(`Year ${year} is outside 1–${MAX_YEARS}`);
  return year;
}

/**
 * Reads the Settlement table: one row per year (and per plan with terms of its own). Every year
 * from 1 to the last must be there, and a year and plan only once; any row that cannot be read
 * is an error naming the row — a settlement is never costed from part of its table.
 */
export function parseSettlement(table: InputTable): SettlementTable {
  const { records } = readRecords(table, SETTLEMENT_FIELDS);
  const rows: SettlementRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const at = (read: () => SettlementRow): SettlementRow => {
      try {
        return read();
      } catch (error) {
        if (error instanceof Error) error.message = `row ${record.row}: ${error.message}`;
        throw error;
      }
    };
    const row = at(() => {
      const planText = String(record.get("plan") ?? "").trim();
      return {
        row: record.row,
        year: yearCell(record.get("year")),
        plan: EVERY_PLAN.has(planText.toLowerCase()) ? "" : planText,
        increase: percentCell(record.get("increase"), INCREASE_CELL) ?? 0,
        flat: amountCell(record.get("flat"), "Flat Amount") ?? 0,
        steps: yesNoCell(record.get("steps"), "Step Movement") ?? true,
      };
    });
    const key = `${row.year}|${normalizeKey(row.plan)}`;
    const previous = seen.get(key);
    if (previous !== undefined)
      invalid(
        `rows ${previous} and ${row.row} both give year ${row.year} ${row.plan === "" ? "for every plan (blank Plan)" : `for plan '${truncate(row.plan)}'`}: keep one`,
      );
    seen.set(key, row.row);
    rows.push(row);
  }
  if (rows.length === 0) invalid("The Settlement table has no rows: one row per year (Year, Increase)");
  const years = Math.max(...rows.map((row) => row.year));
  for (let year = 1; year <= years; year++)
    if (!rows.some((row) => row.year === year))
      invalid(`year ${year} is missing: the table goes to year ${years}, so it needs a row for every year from 1`);
  return { rows, years };
}

export const SETTLEMENT_INPUT = input<SettlementTable>({
  id: "settlement",
  label: "Settlement",
  sheets: ["Settlement", "Settlement Scenario", "Scenario"],
  description:
    "the settlement to cost, one row per year: Year (1, 2 …), Plan (blank: every plan without its own row that year), Increase (3% or 0.03), Flat Amount (in the grade's pay unit), Step Movement (yes/no, blank: yes)",
  fields: SETTLEMENT_FIELDS,
  parse: parseSettlement,
});

// ---------------------------------------------------------------------------------------------
// The Benefit Groups table

type BenefitField = "group" | "rate" | "perFte";

export const BENEFIT_FIELDS: readonly FieldSpec<BenefitField>[] = [
  {
    field: "group",
    label: "Group",
    synonyms: ["group", "benefit group", "benefits group", "load group"],
    required: true,
  },
  {
    field: "rate",
    label: "Load Rate",
    synonyms: ["load rate", "load", "rate", "load %", "benefit rate", "fringe rate"],
    required: true,
  },
  {
    field: "perFte",
    label: "Per FTE",
    synonyms: ["per fte", "per fte amount", "amount per fte", "health per fte", "fixed per fte"],
    required: false,
  },
];

/** A benefit group: the load rate on salary (statutory and retirement) and the amount per FTE (health). */
export type BenefitGroup = { row: number; group: string; rate: number; perFte: number };

export type BenefitGroups = { groups: BenefitGroup[]; byKey: ReadonlyMap<string, BenefitGroup> };

/** Reads the Benefit Groups table; a group listed twice or a rate that cannot be read is an error naming the row. */
export function parseBenefitGroups(table: InputTable): BenefitGroups {
  const { records } = readRecords(table, BENEFIT_FIELDS);
  const groups: BenefitGroup[] = [];
  const byKey = new Map<string, BenefitGroup>();
  for (const record of records) {
    const fail = (message: string): never => invalid(`row ${record.row}: ${message}`);
    const group = String(record.get("group") ?? "").trim();
    if (group === "") fail("Group is blank");
    const previous = byKey.get(normalizeKey(group));
    if (previous !== undefined)
      fail(`group '${truncate(group)}' is listed twice (rows ${previous.row} and ${record.row}): keep one`);
    let rate: number | undefined;
    let perFte: number | undefined;
    try {
      rate = percentCell(record.get("rate"), LOAD_RATE_CELL);
      perFte = amountCell(record.get("perFte"), "Per FTE");
    } catch (error) {
      if (error instanceof Error) fail(error.message);
      throw error;
    }
    if (rate === undefined) fail("Load Rate is blank (write 0 for none)");
    if (perFte !== undefined && perFte < 0) fail(`Per FTE ${perFte} is negative`);
    const entry: BenefitGroup = { row: record.row, group, rate: rate as number, perFte: perFte ?? 0 };
    groups.push(entry);
    byKey.set(normalizeKey(group), entry);
  }
  if (groups.length === 0) invalid("The Benefit Groups table has no rows: one row per group (Group, Load Rate)");
  return { groups, byKey };
}

export const BENEFIT_GROUPS_INPUT = input<BenefitGroups>({
  id: "benefit-groups",
  label: "Benefit Groups",
  sheets: ["Benefit Groups", "Benefits", "Loads"],
  description:
    "the employer's cost on top of salary per group of the roster's Benefit Group column: Group, Load Rate (statutory plus retirement, e.g. 7.65% + the pension rate), Per FTE (e.g. health insurance a year; optional)",
  fields: BENEFIT_FIELDS,
  parse: parseBenefitGroups,
});

// ---------------------------------------------------------------------------------------------
// Options

export const RAISE = option({
  name: "raise",
  kind: "percents",
  label: "Schedule increases",
  description:
    "the settlement's schedule increase, one per year, comma-separated — e.g. 3%,2%,2%: every step (or range minimum) × (1 + the year's increase) + the flat amount, rounded to the grade's precision",
  min: -0.5,
  max: 1,
  placeholder: "3%,2%,2%",
});

export const FLAT = option({
  name: "flat",
  kind: "numbers",
  label: "Flat amounts",
  description:
    "a flat amount added to every schedule cell, one per year, in each grade's pay unit — e.g. 500,0,0 (amounts without thousands separators; default 0)",
  placeholder: "500,0,0",
});

export const FREEZE = option({
  name: "freeze",
  kind: "integers",
  label: "Years without step movement",
  description: "the settlement years in which steps do not move, comma-separated — e.g. 2 or 2,3 (default: none)",
  min: 1,
  max: MAX_YEARS,
  placeholder: "2,3",
});

export const YEARS = option({
  name: "years",
  kind: "integer",
  label: "Years",
  description: `how many years to cost, 1–${MAX_YEARS}: step movement alone, or as many as the raises and flat amounts given (default: one per raise)`,
  min: 1,
  max: MAX_YEARS,
  placeholder: "N",
});

export const TURNOVER = option({
  name: "turnover",
  kind: "percent",
  label: "Turnover",
  description:
    "the share of every position's FTE replaced each year after step movement, at the grade's first step (range grades: the year's minimum) — an expected value, below 100%, e.g. 8% (default 0)",
  default: 0,
  min: 0,
  max: 1,
  placeholder: "percent",
});

export const PER_FTE = option({
  name: "per-fte",
  kind: "number",
  label: "Cost per FTE",
  description:
    "the employer's cost a year per FTE that does not follow pay (e.g. health insurance), for employees without a Benefit Groups row (default 0)",
  default: 0,
  min: 0,
  placeholder: "amount",
});

/** The scenario options (the Settlement table's alternative). */
const SCENARIO_OPTIONS = [RAISE, FLAT, FREEZE, YEARS] as const;

export const COSTING_OPTIONS = [...SCENARIO_OPTIONS, TURNOVER, LOAD, PER_FTE] as const;

// ---------------------------------------------------------------------------------------------
// The scenario

/** One year's terms for one plan. */
export type YearTerms = { readonly increase: number; readonly flat: number; readonly steps: boolean };

export type Scenario = {
  years: number;
  /** Year y's terms (index y − 1) for a plan; undefined for a year the Settlement table gives it none. */
  terms: (plan: PayPlan) => readonly (YearTerms | undefined)[];
  /** The Settlement table's row that gave each plan's year, for messages (undefined from the options). */
  table?: SettlementTable;
  /** In words, for descriptions. */
  origin: string;
};

/**
 * Why a default run leaves the scattergram and the step cost out: nothing of the costing was
 * given — no Settlement or Benefit Groups table, no costing option (undefined when something was).
 */
export function costingNotAsked(study: Study): Missing | undefined {
  if (study.has(SETTLEMENT_INPUT) || study.has(BENEFIT_GROUPS_INPUT)) return undefined;
  if ([...SCENARIO_OPTIONS, TURNOVER, PER_FTE].some((spec) => study.options.given(spec))) return undefined;
  return {
    text: `no costing asked for (a '${SETTLEMENT_INPUT.sheets[0]}' sheet, --${RAISE.name} 3%, --${YEARS.name} 1, or --exhibits scattergram,step-cost)`,
    what: "a settlement or a costing option",
    supplies: [{ input: SETTLEMENT_INPUT }, { option: YEARS, example: "1" }, { option: RAISE, example: "3%" }],
  };
}

/** Why no settlement can be costed from what was given (undefined when one can). */
export function settlementUnavailable(study: Study): Missing | undefined {
  if (study.has(SETTLEMENT_INPUT) || SCENARIO_OPTIONS.some((spec) => study.options.given(spec))) return undefined;
  return {
    text: `no settlement to cost (a '${SETTLEMENT_INPUT.sheets[0]}' sheet or --${SETTLEMENT_INPUT.id} FILE, or --${RAISE.name} 3%,2%,2%, --${FREEZE.name} 2, --${YEARS.name} 3)`,
    what: "a settlement to cost",
    supplies: [{ input: SETTLEMENT_INPUT }, { option: RAISE, example: "3%,2%,2%" }, { option: YEARS, example: "3" }],
  };
}

const yearsText = (years: readonly number[]): string =>
  years.length === 1 ? `year ${years[0]}` : `years ${years.slice(0, -1).join(", ")} and ${years[years.length - 1]}`;

/** The scenario from the options: N years, a raise and a flat amount per year, the frozen years. */
function optionScenario(study: Study): Scenario {
  const raise = study.options.get(RAISE);
  const flat = study.options.get(FLAT);
  const freeze = study.options.get(FREEZE) ?? [];
  const stated = study.options.get(YEARS);
  // The years: as stated, else one per raise (or flat amount); the frozen years only for steps alone.
  const years = stated ?? raise?.length ?? flat?.length ?? Math.max(...freeze, 1);
  for (const [spec, list, what] of [
    [RAISE, raise, "increase"],
    [FLAT, flat, "amount"],
  ] as const)
    if (list !== undefined && list.length !== years)
      invalidOption(
        spec,
        `${list.length} ${list.length === 1 ? what : `${what}s`} for ${years} ${years === 1 ? "year" : "years"}${stated === undefined ? "" : ` (${YEARS.label.toLowerCase()}: ${years})`}: give one per year`,
      );
  const late = freeze.filter((year) => year > years);
  if (late.length > 0)
    invalidOption(
      FREEZE,
      `${yearsText(late)} ${late.length === 1 ? "is" : "are"} after the last year costed (${years})`,
    );
  const frozen = new Set(freeze);
  const terms: YearTerms[] = Array.from({ length: years }, (_, y) => ({
    increase: raise?.[y] ?? 0,
    flat: flat?.[y] ?? 0,
    steps: !frozen.has(y + 1),
  }));
  const parts = [
    raise ? `schedule increases of ${raise.map(percentText).join(", ")}` : "no schedule increase",
    flat && flat.some((amount) => amount !== 0) ? `flat amounts of ${flat.join(", ")}` : "",
    frozen.size > 0 ? `steps frozen in ${yearsText([...frozen].sort((a, b) => a - b))}` : "steps moving every year",
  ].filter((part) => part !== "");
  return { years, terms: () => terms, origin: `${years} ${years === 1 ? "year" : "years"}: ${parts.join("; ")}` };
}

/** The scenario from the Settlement table; a plan it names must be one of the pay plans. */
function tableScenario(study: Study): Scenario {
  const table = study.require(SETTLEMENT_INPUT);
  const byKey = new Map(study.plans.plans.map((plan) => [normalizeKey(plan.name), plan]));
  for (const row of table.rows)
    if (row.plan !== "" && !byKey.has(normalizeKey(row.plan)))
      throw new InputTableError(
        SETTLEMENT_INPUT.id,
        `row ${row.row}: plan '${truncate(row.plan)}' is not in the pay plans (plans: ${study.plans.plans.map((plan) => plan.name).join(", ")})`,
      );
  const every: (YearTerms | undefined)[] = Array.from({ length: table.years }, () => undefined);
  const own = new Map<PayPlan, (YearTerms | undefined)[]>();
  for (const row of table.rows) {
    const terms: YearTerms = { increase: row.increase, flat: row.flat, steps: row.steps };
    if (row.plan === "") every[row.year - 1] = terms;
    else {
      const plan = byKey.get(normalizeKey(row.plan)) as PayPlan;
      const list = own.get(plan) ?? [...every.map(() => undefined)];
      list[row.year - 1] = terms;
      own.set(plan, list);
    }
  }
  const resolved = new Map<PayPlan, (YearTerms | undefined)[]>();
  return {
    years: table.years,
    table,
    terms: (plan) => {
      let list = resolved.get(plan);
      if (list === undefined) {
        const mine = own.get(plan);
        list = every.map((terms, y) => mine?.[y] ?? terms);
        resolved.set(plan, list);
      }
      return list;
    },
    origin: `the ${SETTLEMENT_INPUT.label} table (${study.source(SETTLEMENT_INPUT)}), ${table.years} ${table.years === 1 ? "year" : "years"}`,
  };
}

/** The settlement to cost: the Settlement table, else the options (memoised); never both. */
export function scenarioOf(study: Study): Scenario {
  return study.memo("costing/scenario", () => {
    const reason = settlementUnavailable(study);
    if (reason !== undefined) invalid(`No settlement: ${reason.text}`);
    const options = SCENARIO_OPTIONS.filter((spec) => study.options.given(spec));
    if (study.has(SETTLEMENT_INPUT) && options.length > 0)
      invalid(
        `Give one settlement: the ${SETTLEMENT_INPUT.label} table or ${options.map((spec) => spec.label.toLowerCase()).join(", ")}, not both`,
      );
    return study.has(SETTLEMENT_INPUT) ? tableScenario(study) : optionScenario(study);
  });
}

/** The turnover rate: from 0 up to, not including, 100 %. */
export function turnoverOf(study: Study): number {
  const turnover = study.options.value(TURNOVER);
  if (turnover >= 1)
    invalidOption(
      TURNOVER,
      `${Number((turnover * 100).toPrecision(12))}% would replace every position every year: give a share below 100%`,
    );
  return turnover;
}
