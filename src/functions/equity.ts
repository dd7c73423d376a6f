/**
 * The pay-equity COMP function: the adjusted pay gap of the pay-equity exhibit (one model,
 * src/engine/paygap.ts) over ranges of a worksheet. Not volatile, no Office.js, no network.
 * The reference text mirrors catalog-equity.ts.
 */
import type { CellValue } from "../engine/cells";
import { EngineError } from "../engine/errors";
import { COMPLEMENT_TEXT } from "../engine/exhibit";
import { payGapByGroup, type PayGapRow } from "../engine/paygap";
import { MIN_CELL } from "../engine/study/core";
import { suppressionText } from "../engine/study/suppression";
import { notAvailable, toExcelError, type ExcelError } from "./errors";
import { firstError, gridOf, isOmitted } from "./machinery";

/** A range's cells in reading order (a column, a row or a block). */
function cellsOf(arg: unknown): CellValue[] {
  return gridOf(arg).flatMap((row) => row as CellValue[]);
}

function rowOf(row: PayGapRow, hiddenText: string): unknown[] {
  if (row.small) return [row.name, hiddenText, hiddenText, hiddenText, hiddenText];
  // A count of 5 or more hidden only so that a small group's cannot be worked out: never "<5".
  const employees = row.hidden ? COMPLEMENT_TEXT : row.employees;
  if (row.reference) return [row.name, employees, 0, "", ""];
  if (row.gap === null)
    return [row.name, employees, notAvailable("no adjusted gap: the group shares no grade with the others"), "", ""];
  if (row.low === null || row.high === null) {
    const interval = notAvailable("too few employees for an interval (n − k ≤ 0)");
    return [row.name, employees, row.gap, interval, interval];
  }
  return [row.name, employees, row.gap, row.low, row.high];
}

/**
 * Adjusted pay gap of each group against a reference group at equal grade and tenure: ln(pay) on group indicators, tenure, tenure² and a fixed effect per grade, with a 95 % interval (HC1).
 * @customfunction PAY_GAP
 * @param pay Full-time annual pay of each employee (a column).
 * @param group Each employee's group (Female, Male …): a column of the same size.
 * @param reference_group The group the gaps are measured against, e.g. "Male".
 * @param grade Each employee's plan and grade: a fixed effect per grade (default: none).
 * @param tenure Each employee's tenure in years: tenure and tenure² in the model (default: none).
 * @returns One row per group, the reference first: group, employees, adjusted gap, CI low, CI high.
 */
export function PAY_GAP(
  pay: unknown[][],
  group: unknown[][],
  reference_group: unknown[][],
  grade?: unknown[][],
  tenure?: unknown[][],
): unknown[][] {
  const given = [pay, group, reference_group, ...[grade, tenure].filter((arg) => !isOmitted(arg))];
  for (const arg of given) {
    const error: ExcelError | undefined = firstError(arg);
    if (error !== undefined) return [[error]];
  }
  const minimum = MIN_CELL.default as number;
  try {
    const rows = payGapByGroup(
      {
        pay: cellsOf(pay),
        group: cellsOf(group),
        grade: isOmitted(grade) ? undefined : cellsOf(grade),
        tenure: isOmitted(tenure) ? undefined : cellsOf(tenure),
      },
      cellsOf(reference_group)[0] ?? null,
      minimum,
    );
    return rows.map((row) => rowOf(row, suppressionText(minimum)));
  } catch (error) {
    if (error instanceof EngineError) return [[toExcelError(error)]];
    throw error;
  }
}
