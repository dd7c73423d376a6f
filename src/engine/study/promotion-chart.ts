/**
 * The HISD Promotion Policy chart (compensation manual 2019–20, II.B.1.a: "Using the appropriate
 * percentage, according to the HISD Promotion Policy chart"): the promotion increase by the
 * number of grades a promotion advances. A table of `Grades Advanced` and `Increase` — one row
 * per number of grades, the last row may read `3+` (three or more) — from a sheet named
 * `Promotion Chart` or `--promotion-chart FILE`. The manual's excerpt does not print the chart's
 * figures: the district's own chart is read, never assumed.
 */
import { isBlank, parseNumberText, readNumber, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { input, readRecords } from "./inputs";

/** One row of the chart: `grades` grades advanced (or more, on an open last row) → `increase` (0.08 = 8 %). */
export type PromotionChartRow = {
  readonly grades: number;
  readonly orMore: boolean;
  readonly increase: number;
  /** 1-based row of the table, for notes. */
  readonly row: number;
};

export type PromotionChart = { readonly rows: readonly PromotionChartRow[] };

const FIELDS = [
  {
    field: "grades",
    label: "Grades Advanced",
    synonyms: ["grades advanced", "grades", "number of grades", "grade levels", "levels advanced", "grades promoted"],
    required: true,
  },
  {
    field: "increase",
    label: "Increase",
    synonyms: ["increase", "increase %", "promotion %", "promotion increase", "percentage", "percent"],
    required: true,
  },
] as const;

/** A percentage cell: 0.08, "0.08" or "8%" → 0.08; blank → null. */
export function readPercent(cell: CellValue, where: string): number | null {
  if (typeof cell === "string" && /%\s*$/.test(cell)) {
    const value = parseNumberText(cell.replace(/%\s*$/, ""));
    if (value === undefined) invalid(`${where} is not a percentage: '${truncate(cell.trim())}'`);
    return value / 100;
  }
  return readNumber(cell, where);
}

/** "3+", "3 +", "3 or more" (open), or a whole number. */
const GRADES = /^(\d{1,3})\s*(\+|or more)?$/i;

function readGrades(cell: CellValue, where: string): { grades: number; orMore: boolean } {
  const text = typeof cell === "number" ? String(cell) : String(cell ?? "").trim();
  const match = GRADES.exec(text);
  const grades = match ? Number(match[1]) : Number.NaN;
  if (!match || grades < 1)
    invalid(
      `${where}: Grades Advanced must be a whole number of grades from 1 (or '3+' on the last row), got '${truncate(text)}'`,
    );
  return { grades, orMore: match[2] !== undefined };
}

/** Reads a Promotion Chart table; every problem names its row. */
export function parsePromotionChart(rows: readonly (readonly CellValue[])[]): PromotionChart {
  const { records } = readRecords({ rows, source: "" }, FIELDS);
  const chart: PromotionChartRow[] = [];
  for (const record of records) {
    const where = `Row ${record.row}`;
    const { grades, orMore } = readGrades(record.get("grades"), where);
    const cell = record.get("increase");
    if (isBlank(cell)) invalid(`${where}: the Increase is blank`);
    const increase = readPercent(cell, `${where}, Increase`) as number;
    if (increase < 0 || increase > 1)
      invalid(`${where}: the Increase ${increase} is not between 0 and 100 % (write 8 % as 8% or 0.08)`);
    const open = chart.find((earlier) => earlier.orMore);
    if (open !== undefined)
      invalid(`${where}: row ${open.row} reads '${open.grades}+' (that many or more), so it must be the last row`);
    const same = chart.find((earlier) => earlier.grades === grades);
    if (same !== undefined) invalid(`${where}: ${grades} grades advanced is already row ${same.row}`);
    chart.push({ grades, orMore, increase, row: record.row });
  }
  if (chart.length === 0) invalid("The promotion chart has a header row but no rows under it");
  return { rows: chart };
}

/** The chart's row for `advanced` grades advanced (an open row covers that many or more); undefined when none. */
export function chartRow(chart: PromotionChart, advanced: number): PromotionChartRow | undefined {
  if (!Number.isInteger(advanced) || advanced < 1) return undefined;
  return chart.rows.find((row) => row.grades === advanced || (row.orMore && advanced >= row.grades));
}

/** The chart in words, for a note: "1 grade 5 %, 2 grades 8 %, 3 or more 10 %". */
export function chartWords(chart: PromotionChart): string {
  return chart.rows
    .map(
      (row) =>
        `${row.grades}${row.orMore ? " or more" : row.grades === 1 ? " grade" : " grades"} ${Number((row.increase * 100).toFixed(6))} %`,
    )
    .join(", ");
}

export const PROMOTION_CHART_INPUT = input<PromotionChart>({
  id: "promotion-chart",
  label: "Promotion Chart",
  sheets: ["Promotion Chart", "Promotion Policy Chart", "Promotion Increases"],
  description:
    "the HISD Promotion Policy chart: Grades Advanced (1, 2, … the last may read 3+) and the Increase (8% or 0.08) a promotion of that many grades earns",
  fields: FIELDS,
  parse: (table) => parsePromotionChart(table.rows),
});
