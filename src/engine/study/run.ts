/**
 * A study run: the requested exhibits of the registry, each built from the one placement step
 * and its family's shared computations. A short loop; each analysis lives in its own module.
 */
import type { Exhibit, StudyResult } from "../exhibit";
import { invalid } from "../errors";
import { Study } from "./context";
import { PLANS_INPUT, ROSTER_INPUT } from "./core";
import type { Family, Missing } from "./definition";
import type { InputSpec, InputTable } from "./inputs";
import type { RawOptions } from "./options";
import {
  EXHIBITS,
  EXHIBIT_IDS,
  FAMILIES,
  INPUTS,
  OPTIONS,
  exhibitById,
  type ExhibitId,
  type RegisteredExhibit,
} from "./registry";

export type StudyRequest = {
  /** yyyy-mm-dd: the date tenure, placement and the workforce period are measured to. */
  asOf: string;
  /** Input tables by input id ("plans", "roster", "market" …); the pay plans and roster are required. */
  tables: Readonly<Partial<Record<string, InputTable>>>;
  /** Option values by name ("aging-rate": "3%"), as given. */
  options?: RawOptions;
  /**
   * Called once the pay plans and the roster are parsed (and handed-over cells let go): a host
   * may return that memory now — the CLI runs a full garbage collection before the analyses.
   */
  afterParse?: () => void;
  /**
   * Exhibits to build, in any order (they come out in report order). Default: every exhibit
   * whose input tables were given. Asking for one whose table is missing is an error.
   */
  exhibits?: readonly string[];
};

/** The input tables an exhibit reads. */
export function inputsOf(exhibit: RegisteredExhibit): InputSpec[] {
  return [PLANS_INPUT, ROSTER_INPUT, ...(exhibit.needs ?? [])];
}

/** Why each exhibit of the registry cannot be built from this study's inputs (none when it can). */
function missingFor(study: Study, tables: StudyRequest["tables"], exhibit: RegisteredExhibit): Missing | undefined {
  const missing = inputsOf(exhibit).filter((spec) => tables[spec.id] === undefined);
  if (missing.length > 0)
    return {
      text: `no ${missing.map((spec) => `${spec.label} table (sheet '${spec.sheets[0]}' or --${spec.id} FILE)`).join(" and no ")}`,
      what: missing.map((spec) => `the ${spec.label} table`).join(" and "),
      supplies: missing.map((input) => ({ input })),
    };
  return asMissing(exhibit.unavailable?.(study));
}

/** A reason as data: words alone are a Missing that names no supply. */
function asMissing(reason: string | Missing | undefined): Missing | undefined {
  return typeof reason === "string" ? { text: reason, what: reason, supplies: [] } : reason;
}

/** An exhibit a default run leaves out: the reason as the CLI says it, and what is missing as data. */
export type Skipped = { exhibit: RegisteredExhibit; reason: string; missing: Missing };

/** The exhibits a request can build: its own list (checked), or every one whose inputs were given. */
export function plannedExhibits(
  study: Study,
  request: Pick<StudyRequest, "tables" | "exhibits">,
): { exhibits: RegisteredExhibit[]; skipped: Skipped[] } {
  if (request.exhibits !== undefined) {
    const wanted = new Set<string>();
    for (const id of request.exhibits) {
      const exhibit = exhibitById(id.trim());
      if (!exhibit) invalid(`There is no exhibit '${id}' (exhibits: ${EXHIBIT_IDS.join(", ")})`);
      const reason = missingFor(study, request.tables, exhibit);
      if (reason !== undefined) invalid(`Exhibit ${exhibit.id} cannot be built: ${reason.text}`);
      wanted.add(exhibit.id);
    }
    return { exhibits: EXHIBITS.filter((exhibit) => wanted.has(exhibit.id)), skipped: [] };
  }
  const exhibits: RegisteredExhibit[] = [];
  const skipped: Skipped[] = [];
  for (const exhibit of EXHIBITS) {
    const missing = missingFor(study, request.tables, exhibit) ?? asMissing(exhibit.notByDefault?.(study));
    if (missing === undefined) exhibits.push(exhibit);
    else skipped.push({ exhibit, reason: missing.text, missing });
  }
  return { exhibits, skipped };
}

function subtitleOf(study: Study, exhibit: RegisteredExhibit): string {
  const parts = inputsOf(exhibit).map((spec) => `${spec.label}: ${study.source(spec) ?? "—"}`);
  return [`As of ${study.asOf}`, ...parts].join(" · ");
}

function sourceOf(study: Study, exhibit: RegisteredExhibit): string {
  const names = inputsOf(exhibit).map((spec) => study.source(spec) ?? spec.label);
  const list =
    names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `Source: CompStudy analysis of ${list}, as of ${study.asOf}.`;
}

/** Runs the study: every requested exhibit, in report order, with the summary that reconciles. */
export function runStudy(request: StudyRequest): StudyResult {
  const study = new Study(request.asOf, request.tables, request.options ?? {}, OPTIONS);
  study.options.validate();
  study.require(PLANS_INPUT);
  study.require(ROSTER_INPUT);
  request.afterParse?.();
  const { exhibits: planned, skipped } = plannedExhibits(study, request);
  const running = new Set<Family>(planned.map((exhibit) => exhibit.family));
  study.listProblemsFrom(() =>
    FAMILIES.filter((f: Family) => running.has(f) && f.problems !== undefined).flatMap((f: Family) => [
      ...(f.problems as NonNullable<Family["problems"]>)(study),
    ]),
  );
  const exhibits: Exhibit[] = planned.map((exhibit) => ({
    ...exhibit.build(study),
    id: exhibit.id as ExhibitId,
    number: exhibit.number,
    title: exhibit.title,
    subtitle: subtitleOf(study, exhibit),
    source: sourceOf(study, exhibit),
  }));
  const { plans, findings } = study.plans;
  const placement = study.placement;
  const roster = study.roster;
  const notes = [...study.plans.notes, ...rosterNotes(study), ...study.summaryNotes];
  const byReason = new Map<string, string[]>();
  for (const { exhibit, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), exhibit.id]);
  for (const [reason, ids] of byReason) notes.push(`not built (${reason}): ${ids.join(", ")}`);
  const sources: Record<string, string> = {};
  for (const spec of INPUTS) {
    const source = study.source(spec);
    if (source !== undefined) sources[spec.id] = source;
  }
  return {
    asOf: study.asOf,
    sources,
    exhibits,
    summary: {
      plans: plans.length,
      grades: plans.reduce((total, plan) => total + plan.grades.length, 0),
      rosterRows: roster.rowCount,
      leftOut: roster.leftOut,
      employees: placement.rows.active.length,
      unmatched: placement.unplaced.length,
      separated: placement.rows.employees.length - placement.rows.active.length,
      additionalAssignments: placement.placedRows - placement.rows.employees.length,
      auditErrors: findings.filter((f) => f.severity === "error").length,
      auditWarnings: findings.filter((f) => f.severity === "warning").length,
      notes,
      columns: {
        plans: study.plans.columns,
        roster: Object.fromEntries(
          ROSTER_INPUT.fields.flatMap((spec) => {
            const hit = roster.mapping[spec.field as keyof typeof roster.mapping];
            return hit ? [[spec.label, hit.header]] : [];
          }),
        ),
      },
    },
  };
}

function rosterNotes(study: Study): string[] {
  const roster = study.roster;
  const placement = study.placement;
  const notes: string[] = [];
  if (roster.headerRow > 1) notes.push(`roster: header row ${roster.headerRow} (rows above it are titles)`);
  notes.push(...roster.notes);
  if (roster.mapping.jobFamily === undefined)
    notes.push(
      `roster: no Job Family column: job families show everyone as (blank)${roster.mapping.department ? `; map '${roster.mapping.department.header}' to Job Family to group by it` : ""}`,
    );
  if (roster.blankFte > 0)
    notes.push(
      `roster: FTE blank on ${roster.blankFte} ${roster.blankFte === 1 ? "row" : "rows"}, taken as 1 (full time)`,
    );
  const separated = placement.rows.employees.length - placement.rows.active.length;
  if (separated > 0)
    notes.push(
      `roster: ${separated} separated ${separated === 1 ? "employee" : "employees"} (Separation Date on or before ${study.asOf}) count in retention and separations only, in no current-conditions exhibit`,
    );
  if (placement.salaryBasis === "actual")
    notes.push("salary basis: actual pay; salary ÷ FTE is compared with the schedule");
  return notes;
}
