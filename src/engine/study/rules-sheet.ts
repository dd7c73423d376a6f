/**
 * The workbook's own rules: the `COMP Rules` sheet the task pane's "Insert rules sheet" writes
 * (columns Name, Value, Rule, Explanation, Source; one row per POLICY value) read back as
 * policy overrides. A workbook without the sheet runs on the defaults of POLICY (the HISD
 * manual's values). Any family reads the values through `studyPolicy(study)`.
 */
import { isBlank, parseNumberText, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { POLICY, POLICY_TABLE, type PolicyName, type PolicyUnit } from "../policy";
import type { Study } from "./context";
import { input, readRecords } from "./inputs";

/** Every policy value by name: POLICY, or POLICY with a workbook's overrides. */
export type Policy = Readonly<Record<PolicyName, number>>;

/** One value the rules sheet changed from its default. */
export type PolicyOverride = { readonly name: PolicyName; readonly value: number; readonly default: number };

/** The rules sheet as read: the policy in effect, what changed, and what the reader should know. */
export type RulesSheet = {
  readonly policy: Policy;
  readonly overrides: readonly PolicyOverride[];
  readonly notes: readonly string[];
};

type Bounds = { readonly min: number; readonly max: number; readonly whole?: boolean; readonly above?: boolean };

/** What each kind of policy value may be: a rate is a fraction, a count of periods is whole, … */
const BOUNDS: Readonly<Record<PolicyUnit, Bounds>> = {
  rate: { min: 0, max: 1 },
  years: { min: 0, max: 60 },
  grade: { min: 0, max: 1000, whole: true },
  hours: { min: 0, max: 168, above: true },
  multiplier: { min: 1, max: 10 },
  periods: { min: 1, max: 366, whole: true },
  months: { min: 0, max: 600 },
  days: { min: 0, max: 366 },
  fte: { min: 0, max: 1, above: true },
  "dollars per hour": { min: 0, max: 10_000 },
};

const FIELDS = [
  {
    field: "name",
    label: "Name",
    synonyms: ["name", "policy", "policy name", "rule name", "setting"],
    required: true,
  },
  { field: "value", label: "Value", synonyms: ["value", "policy value", "amount"], required: true },
] as const;

const BY_NAME = new Map(POLICY_TABLE.map((entry) => [entry.name.toUpperCase(), entry]));

/** A value cell: a number, numeric text, or a percentage written "2.5%" (rates only). */
function readValue(cell: CellValue, unit: PolicyUnit, where: string): number {
  let value: number | undefined;
  if (typeof cell === "number") value = Number.isFinite(cell) ? cell : undefined;
  else if (typeof cell === "string") {
    const text = cell.trim();
    if (/%$/.test(text)) {
      const number = parseNumberText(text.slice(0, -1));
      value = number === undefined || unit !== "rate" ? undefined : number / 100;
    } else value = parseNumberText(text);
  }
  if (value === undefined)
    invalid(
      `${where}: '${truncate(String(cell).trim())}' is not ${unit === "rate" ? "a rate (2.5% or 0.025)" : "a number"}`,
    );
  const bounds = BOUNDS[unit];
  if (unit === "rate" && value > 1)
    invalid(`${where}: ${value} is above 1: write a rate as ${value}% or ${value / 100}`);
  if (value < bounds.min || value > bounds.max || (bounds.above === true && value <= bounds.min))
    invalid(`${where}: ${value} is outside ${bounds.above ? "above " : ""}${bounds.min}–${bounds.max} (${unit})`);
  if (bounds.whole && !Number.isInteger(value)) invalid(`${where}: ${value} is not a whole number`);
  return value;
}

/**
 * Reads a rules sheet (the task pane's "Insert rules sheet": Name, Value, …): each named policy
 * value overrides its default; a name that is not a policy value, a value out of its bounds or
 * a name given twice is refused with its row; a blank value keeps the default (noted).
 */
export function parseRulesSheet(rows: readonly (readonly CellValue[])[]): RulesSheet {
  const { records } = readRecords({ rows, source: "" }, FIELDS);
  const values: Record<string, number> = { ...POLICY };
  const overrides: PolicyOverride[] = [];
  const notes: string[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const nameCell = record.get("name");
    const valueCell = record.get("value");
    if (isBlank(nameCell)) {
      if (isBlank(valueCell)) continue; // a comment row: text in the other columns only
      invalid(`Row ${record.row} has a value but no Name`);
    }
    const name = String(nameCell).trim();
    const entry = BY_NAME.get(name.toUpperCase());
    if (entry === undefined)
      invalid(
        `Row ${record.row}: '${truncate(name)}' is not a policy value (names: ${POLICY_TABLE.map((p) => p.name).join(", ")})`,
      );
    const previous = seen.get(entry.name);
    if (previous !== undefined) invalid(`${entry.name} appears twice (rows ${previous} and ${record.row})`);
    seen.set(entry.name, record.row);
    if (isBlank(valueCell)) {
      notes.push(`${entry.name} is blank (row ${record.row}): the default ${entry.value} applies`);
      continue;
    }
    const value = readValue(valueCell, entry.unit, `Row ${record.row}, ${entry.name}`);
    values[entry.name] = value;
    if (value !== entry.value) overrides.push({ name: entry.name as PolicyName, value, default: entry.value });
  }
  return { policy: Object.freeze(values) as Policy, overrides, notes };
}

export const RULES_INPUT = input<RulesSheet>({
  id: "rules",
  label: "COMP Rules",
  sheets: ["COMP Rules"],
  description:
    "the workbook's policy values (the task pane's 'Insert rules sheet'): Name, Value, …; without it the HISD defaults apply",
  fields: FIELDS,
  otherColumns: "Rule, Explanation, Source (not read)",
  parse: (table) => parseRulesSheet(table.rows),
});

/** The policy values a study runs on: its COMP Rules sheet's, else the defaults (POLICY). */
export function studyPolicy(study: Study): Policy {
  return study.input(RULES_INPUT)?.policy ?? POLICY;
}

/** Lines saying where the policy values came from and which differ from the defaults (for an exhibit's notes). */
export function policyNotes(study: Study): string[] {
  const sheet = study.input(RULES_INPUT);
  if (sheet === undefined) return ["Rules: the HISD defaults (no COMP Rules sheet)."];
  const changed = sheet.overrides.map((o) => `${o.name} = ${o.value} (default ${o.default})`);
  return [
    `Rules: the COMP Rules sheet (${study.source(RULES_INPUT) ?? RULES_INPUT.label})${changed.length > 0 ? `: ${changed.join(", ")}` : ", every value at its default"}.`,
    ...sheet.notes.map((note) => `Rules: ${note}.`),
  ];
}
