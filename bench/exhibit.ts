/**
 * Live exhibits (issue 12): COMP.EXHIBIT and COMP.STUDY_SUMMARY through the function wrappers
 * as Excel hands them their arguments — 2-D arrays of mixed values (text, numbers, hire dates
 * as date serials, "" for blank cells) — for 10,000- and 100,000-row rosters on 80 grades.
 * Also the size of the arguments and results as JSON, to set against Excel on the web's
 * ~5 MB request limit for a custom function. Run: npm run bench -- exhibit
 */
import { generateStudyInput, parseDate } from "../src/engine/study";
import type { CellValue } from "../src/engine/cells";
import { EXHIBIT, STUDY_SUMMARY } from "../src/functions/exhibit";
import { installCustomFunctionsStub, measure, round } from "./lib";

// DATE(2026,7,1): the bench's as-of date as a date serial.
const AS_OF = 46204;
const EXCEL_EPOCH_DAY = -25569; // 1899-12-30 as days since 1970-01-01

/** A generated table as Excel hands it over: rectangular, dates as serials, blanks as "". */
function asExcel(rows: CellValue[][], dateColumn: number): unknown[][] {
  const width = rows[0].length + 2; // two blank columns past the table, as a whole-table reference gives
  return rows.map((row, index) =>
    Array.from({ length: width }, (_, c) => {
      const value = row[c];
      if (index > 0 && c === dateColumn && typeof value === "string") return (parseDate(value) ?? 0) - EXCEL_EPOCH_DAY;
      return value ?? "";
    }),
  );
}

const megabytes = (value: unknown): number => round(JSON.stringify(value).length / 2 ** 20);

function failIfError(result: unknown[][]): void {
  const cell = result[0]?.[0] as { code?: string; message?: string } | undefined;
  if (cell && typeof cell === "object" && "code" in cell) throw new Error(`${cell.code} ${cell.message ?? ""}`);
}

/** An omitted optional argument, as Excel passes it. */
const OMITTED = null as unknown as unknown[][];

export async function benchExhibit(): Promise<Record<string, unknown>> {
  installCustomFunctionsStub();
  const figures: Record<string, unknown> = {};
  for (const employees of [10_000, 100_000]) {
    const { plansTable, rosterTable } = generateStudyInput({ employees, grades: 80, seed: 5 });
    const plans = asExcel(plansTable, -1);
    const roster = asExcel(rosterTable, 4);
    const asOf = [[AS_OF]];
    const runs = employees > 50_000 ? 5 : 7;
    // After a salary changes: Excel hands every formula fresh arrays and the study runs again.
    const afterChange = measure(
      () => {
        // A new salary each run (never one seen before), so the run is never served from the cache.
        roster[1][3] = (roster[1][3] as number) + 0.01;
        return EXHIBIT([["quartiles"]], plans, roster.slice(), asOf, OMITTED);
      },
      failIfError,
      runs,
    );
    // The other formulas of the same study: same cells, one shared run (compared cell by cell).
    const sameStudy = measure(
      () =>
        EXHIBIT(
          [["midpoint"]],
          plans.map((row) => row.slice()),
          roster.map((row) => row.slice()),
          asOf,
          OMITTED,
        ),
      failIfError,
      runs,
    );
    const summary = measure(() => STUDY_SUMMARY(plans, roster, asOf, OMITTED), failIfError, runs);
    figures[`roster${employees}`] = {
      rows: employees,
      argumentsMiB: megabytes([plans, roster]),
      quartilesAfterAChange: afterChange,
      anotherExhibitOfTheSameStudy: sameStudy,
      studySummary: summary,
      quartilesResultMiB: megabytes(EXHIBIT([["quartiles"]], plans, roster, asOf, OMITTED)),
    };
  }
  return figures;
}
