/**
 * The one place the CLI calls the analysis (src/engine/study): tables in, StudyResult out.
 * An EngineError from parsing a table becomes an InputError naming that table's file, so the
 * CLI's one-line message says which file is wrong.
 */
import { isEngineError } from "../engine";
import { parsePayPlans, parseRoster, runStudy } from "../engine/study";
import type { StudyResult } from "../exhibits/spec/types";
import type { Table } from "./readers";

/** Bad content in an input file (the analysis' message, with the file it came from). */
export class InputError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = "InputError";
    this.file = file;
  }
}

function attributed<T>(table: Table, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isEngineError(error)) {
      const where = table.sheet ? `sheet '${table.sheet}': ` : "";
      throw new InputError(table.file, `${where}${error.message}`);
    }
    throw error;
  }
}

/** Runs the study on a pay-plan table and a roster table, as of `asOf` (yyyy-mm-dd). */
export function analyse(plans: Table, roster: Table, asOf: string): StudyResult {
  const payPlans = attributed(plans, () => parsePayPlans(plans.rows));
  const employees = attributed(roster, () => parseRoster(roster.rows, { asOf }));
  return runStudy({
    plans: payPlans,
    roster: employees,
    asOf,
    sources: { plans: plans.source, roster: roster.source },
  });
}
