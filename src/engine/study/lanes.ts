/**
 * Step-and-lane schedules (teacher salary schedules; Portland 2013 study, PEA experience
 * schedule): laid out as districts publish them — a Step column down, one column per lane
 * across (Bachelor's, Master's, Master's +30, Doctorate) — with an optional Plan column when
 * one table holds several schedules (its name filled down like the pay plans'). Title rows
 * above the header and footnotes under the table are allowed. Each schedule is read by
 * parseLaneSchedule (schedule.ts), the parser of COMP.LANEPAY.
 */
import { cleanKeyText, isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { parseLaneSchedule, type LaneSchedule } from "../schedule";
import { PLAN_FIELD } from "./headers";
import { input, readRecords } from "./inputs";

/** The name of the schedule of a table without a Plan column. */
export const DEFAULT_LANE_SCHEDULE = "Lane Schedule";

/** One named step-and-lane schedule. */
export type LaneTable = { readonly name: string; readonly schedule: LaneSchedule };

/** Lane schedules as read, with what the reader should know (footnotes skipped). */
export type LaneTables = { readonly schedules: readonly LaneTable[]; readonly notes: readonly string[] };

/** Headers of the step column (also how COMP.PLACEMENT tells a lane schedule from a pay plan). */
export const STEP_COLUMN_SYNONYMS = [
  "step",
  "steps",
  "years",
  "experience",
  "years of experience",
  "years experience",
  "yrs",
  "step years",
  "experience step",
] as const;

const FIELDS = [PLAN_FIELD, { field: "step", label: "Step", synonyms: STEP_COLUMN_SYNONYMS, required: true }] as const;

const stepNumber = (cell: CellValue): number | undefined =>
  typeof cell === "number" ? cell : typeof cell === "string" ? parseNumberText(cell) : undefined;

/**
 * Reads step-and-lane schedules: the header row holds `Step` (or Years, Experience) and the
 * lane names; every other column with a header is a lane. Rows whose step is not a number and
 * whose lanes are blank are footnotes; a lane with no pay in a schedule is left out of it.
 */
export function parseLaneTables(rows: readonly (readonly CellValue[])[]): LaneTables {
  const { records, headerRow, mapping } = readRecords({ rows, source: "" }, FIELDS);
  const header = rows[headerRow - 1];
  const stepColumn = mapping.step?.column as number;
  const planColumn = mapping.plan?.column;
  const lanes = header.flatMap((cell, column) =>
    column !== stepColumn && column !== planColumn && !isBlank(cell) ? [column] : [],
  );
  if (lanes.length === 0)
    invalid("The lane schedule has no lane columns (Bachelor's, Master's, …) beside the Step column");

  const groups = new Map<string, { name: string; rows: (readonly CellValue[])[] }>();
  const footnotes: number[] = [];
  let carried: string | undefined;
  for (const record of records) {
    const laneCells = lanes.map((column) => record.cells[column]);
    if (stepNumber(record.cells[stepColumn]) === undefined && laneCells.every(isBlank)) {
      footnotes.push(record.row);
      continue;
    }
    const own = planColumn === undefined ? "" : cleanKeyText(record.cells[planColumn]);
    const name = own !== "" ? own : (carried ?? DEFAULT_LANE_SCHEDULE);
    carried = name;
    const group = groups.get(normalizeKey(name)) ?? { name, rows: [] };
    groups.set(normalizeKey(name), group);
    // Kept at its own position so that parseLaneSchedule's messages name the table's row.
    group.rows[record.row - 1] = [record.cells[stepColumn], ...laneCells];
  }
  const schedules = [...groups.values()].map(({ name, rows: own }) => {
    const used = lanes.map((_, lane) => own.some((cells) => cells !== undefined && !isBlank(cells[lane + 1])));
    if (!used.some(Boolean)) invalid(`Schedule '${truncate(name)}' has steps but no pay in any lane`);
    const keep = (cells: readonly CellValue[]): CellValue[] => [cells[0], ...cells.slice(1).filter((_, i) => used[i])];
    const block: CellValue[][] = Array.from({ length: own.length }, (_, index) => {
      if (index === headerRow - 1) return keep([header[stepColumn], ...lanes.map((column) => header[column])]);
      const cells = own[index];
      return cells === undefined ? [] : keep(cells);
    });
    return { name, schedule: parseLaneSchedule(block) };
  });
  if (schedules.length === 0) invalid("The lane schedule has a header row but no steps under it");
  const notes =
    footnotes.length > 0
      ? [
          `lane schedules: ${footnotes.length === 1 ? "row" : "rows"} ${footnotes.join(", ")} ignored (no step and no pay: a footnote)`,
        ]
      : [];
  return { schedules, notes };
}

export const LANES_INPUT = input<LaneTables>({
  id: "lanes",
  label: "Lane Schedules",
  sheets: ["Lane Schedules", "Lane Schedule", "Teacher Schedule", "Salary Lanes"],
  description:
    "step-and-lane (teacher) schedules as published: Step, then one column per lane (Bachelor's, Master's, …); optional Plan naming each schedule",
  fields: FIELDS,
  otherColumns: "one column per lane, headed by its name",
  parse: (table) => parseLaneTables(table.rows),
});
