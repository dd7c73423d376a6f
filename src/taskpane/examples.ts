/**
 * The COMP functions' examples written with the workbook's own tables: a catalog entry's
 * `workbook` template names what it reads ({schedule}, {grade}, {salary} …) and this module
 * finds each in the tables chosen on Data — the first employee whose grade is in the pay plans,
 * that grade's row, the plan's block of the pay-plan table — so an inserted example computes on
 * the user's data instead of naming sheets the workbook does not have.
 */
import type { CellValue } from "../engine/cells";
import { normalizeKey } from "../engine/cells";
import { Options, PLANS_INPUT, ROSTER_INPUT, parseInput, type PayPlans, type Roster } from "../engine/study";
import { LANES_INPUT } from "../engine/study/lanes";
import { parseAddress, type Source } from "../excel/gateway";
import { rangeAddress } from "../excel/exhibitWriter";
import type { CatalogEntry } from "../functions/catalog";
import { inputTable, sourceReference, today, type InputState } from "./study";

/** What a template may name, as formula text: each bound only when the workbook has it. */
export type ExampleRefs = Partial<
  Record<"plans" | "roster" | "asOf" | "schedule" | "grade" | "payRow" | "salary" | "lanes" | "lane", string>
>;

/** The reference of a block of a source's sheet: 'Pay Plans'!$C$5:$M$5. */
function blockOf(source: Source, top: number, left: number, rows: number, columns: number): string {
  const area = parseAddress(source.address);
  const sheet =
    area.sheet === ""
      ? ""
      : /^[A-Za-z_][A-Za-z0-9_.]*$/.test(area.sheet)
        ? `${area.sheet}!`
        : `'${area.sheet.replace(/'/g, "''")}'!`;
  const address = rangeAddress(area.row + top, area.column + left, rows, columns)
    .split(":")
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${sheet}${address}`;
}

const numeric = (cell: CellValue | undefined): boolean => typeof cell === "number" && Number.isFinite(cell);

function parsed<T>(
  spec: typeof PLANS_INPUT | typeof ROSTER_INPUT,
  state: InputState | undefined,
  asOf: string,
): T | undefined {
  const table = state ? inputTable(state) : undefined;
  if (!table) return undefined;
  try {
    return parseInput(spec as typeof PLANS_INPUT, table, { asOf, options: new Options() }) as T;
  } catch {
    return undefined;
  }
}

/** The references the workbook gives an example: its tables, the as-of date, one employee and their grade. */
export function exampleRefs(inputs: Readonly<Record<string, InputState>>, asOf: string | undefined): ExampleRefs {
  const refs: ExampleRefs = {};
  if (asOf) {
    const [year, month, day] = asOf.split("-").map(Number);
    refs.asOf = `DATE(${year},${month},${day})`;
  }
  const plansState = inputs[PLANS_INPUT.id];
  const rosterState = inputs[ROSTER_INPUT.id];
  if (plansState?.source && plansState.table) refs.plans = sourceReference(plansState.source);
  if (rosterState?.source && rosterState.table) refs.roster = sourceReference(rosterState.source);
  const lanes = inputs[LANES_INPUT.id];
  if (lanes?.source && lanes.table) Object.assign(refs, laneRefs(lanes.source, lanes.table));
  // Employees hired after the as-of date are not placed: read the roster on the study's date.
  const on = asOf ?? today();
  const plans = parsed<PayPlans>(PLANS_INPUT, plansState, on);
  if (!plans || !plansState?.source || !plansState.table) return refs;
  const rows = plansState.table;
  // The employee the examples are about: the first whose grade the pay plans have (else the first grade).
  const roster = parsed<Roster>(ROSTER_INPUT, rosterState, on);
  const grades = plans.plans.flatMap((plan) => plan.grades);
  const employee = roster?.employees.find((person) =>
    grades.some(
      (grade) =>
        normalizeKey(grade.grade) === normalizeKey(person.grade) &&
        (person.plan === "" || normalizeKey(grade.plan) === normalizeKey(person.plan)),
    ),
  );
  const grade =
    grades.find(
      (candidate) =>
        employee !== undefined &&
        normalizeKey(candidate.grade) === normalizeKey(employee.grade) &&
        (employee.plan === "" || normalizeKey(candidate.plan) === normalizeKey(employee.plan)),
    ) ?? grades.find((candidate) => candidate.min !== undefined && candidate.max !== undefined);
  if (!grade || grade.min === undefined || grade.max === undefined) return refs;
  const row = rows[grade.row - 1] ?? [];
  const gradeColumn = row.findIndex((cell) => normalizeKey(cell) === normalizeKey(grade.grade));
  const first = row.findIndex((cell, column) => column > gradeColumn && numeric(cell) && cell === grade.min);
  const last = row.reduce<number>((found, cell, column) => (numeric(cell) && cell === grade.max ? column : found), -1);
  if (gradeColumn < 0 || first < 0 || last < first) return refs;
  refs.grade = JSON.stringify(grade.grade);
  refs.payRow = blockOf(plansState.source, grade.row - 1, first, 1, last - first + 1);
  // The grade's plan, from its grade column to its last pay column: the plan's own rows when they are together.
  const planRows = plans.plans.find((plan) => plan.name === grade.plan)?.grades.map((g) => g.row) ?? [];
  const together = planRows.every((r, index) => index === 0 || r === planRows[index - 1] + 1);
  const top = together ? planRows[0] - 1 : plans.headerRow - 1;
  const bottom = together ? planRows[planRows.length - 1] - 1 : rows.length - 1;
  refs.schedule = blockOf(plansState.source, top, gradeColumn, bottom - top + 1, last - gradeColumn + 1);
  const salary = roster?.mapping.salary?.column;
  if (employee && salary !== undefined && rosterState?.source)
    refs.salary = blockOf(rosterState.source, employee.row - 1, salary, 1, 1);
  return refs;
}

/** A lane schedule from its Step column on (steps × lanes under a header row), and its first lane. */
function laneRefs(source: Source, table: readonly (readonly CellValue[])[]): ExampleRefs {
  const header = table.findIndex((row) => row.some((cell) => /^\s*step\s*$/i.test(String(cell ?? ""))));
  if (header < 0) return {};
  const step = table[header].findIndex((cell) => /^\s*step\s*$/i.test(String(cell ?? "")));
  const lanes = table[header].slice(step + 1).filter((cell) => String(cell ?? "").trim() !== "");
  if (lanes.length === 0) return {};
  const width = lanes.length + 1;
  return {
    lanes: blockOf(source, header, step, table.length - header, width),
    lane: JSON.stringify(String(lanes[0]).trim()),
  };
}

/** An entry's example for this workbook: its template with every name bound, else undefined (what is missing). */
export function workbookExample(
  entry: CatalogEntry,
  refs: ExampleRefs,
): { formula: string } | { missing: (keyof ExampleRefs)[] } | undefined {
  const template = entry.workbook;
  if (template === undefined) return undefined;
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as keyof ExampleRefs);
  const missing = names.filter((name) => refs[name] === undefined);
  if (missing.length > 0) return { missing: [...new Set(missing)] };
  return { formula: template.replace(/\{(\w+)\}/g, (_, name: keyof ExampleRefs) => refs[name] as string) };
}

/** True when an example refers to no sheet or table (it computes the same in any workbook). */
export function standsAlone(formula: string): boolean {
  return !/[!]|\[#|\b[A-Z]{1,3}\$?\d+\b/.test(formula.replace(/"[^"]*"/g, '""'));
}
