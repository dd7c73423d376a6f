/** Runs the study on in-memory tables, as the CLI and the pane hand them over. */
import type { CellValue } from "../../src/engine/cells";
import { runStudy, type RawOptions } from "../../src/engine/study";
import type { StudyResult } from "../../src/exhibits/spec/types";

export type TableStudy = {
  plans: CellValue[][];
  roster: CellValue[][];
  asOf: string;
  sources?: { plans: string; roster: string };
  /** Other input tables by id (market, proposed …). */
  tables?: Record<string, CellValue[][]>;
  options?: RawOptions;
  exhibits?: string[];
  mapping?: Record<string, string>;
};

export function studyOf(input: TableStudy): StudyResult {
  const sources = input.sources ?? { plans: "plans.csv", roster: "roster.csv" };
  return runStudy({
    asOf: input.asOf,
    tables: {
      plans: { rows: input.plans, source: sources.plans },
      roster: { rows: input.roster, source: sources.roster, mapping: input.mapping },
      ...Object.fromEntries(
        Object.entries(input.tables ?? {}).map(([id, rows]) => [id, { rows, source: `${id}.csv` }]),
      ),
    },
    options: input.options,
    exhibits: input.exhibits,
  });
}

/** The exhibit of a study result by id; throws naming it when it was not built. */
export function exhibitOf(result: StudyResult, id: string): StudyResult["exhibits"][number] {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

/** The rows of an exhibit as records keyed by column name. */
export function recordsOf(result: StudyResult, id: string): Record<string, unknown>[] {
  const ex = exhibitOf(result, id);
  return ex.rows.map((row) => Object.fromEntries(ex.columns.map((c, i) => [c.name, row.values[i]])));
}
