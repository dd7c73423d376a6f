/**
 * A study run: the requested exhibits of the registry, each built from the one placement step
 * and its family's shared computations. A short loop; each analysis lives in its own module.
 */
import type { Exhibit, StudyResult } from "../exhibit";
import { invalid } from "../errors";
import { Study } from "./context";
import { ORGANIZATION, PLANS_INPUT, ROSTER_INPUT, TITLE } from "./core";
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
import { ExhibitView } from "./report/view";
import { counted, dateWords, listWords } from "./report/words";

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

/** Where each input came from, in words, with its size where the study knows it ("sheet Roster of book.xlsx, 1,219 rows"). */
function sourceWords(study: Study): Record<string, string> {
  const words: Record<string, string> = {};
  for (const spec of INPUTS) {
    const where = study.source(spec);
    if (where === undefined) continue;
    const size =
      spec === PLANS_INPUT
        ? // The grades of the Pay Plans table itself (the study's plans also hold the lane schedules' lanes).
          counted(
            study.require(PLANS_INPUT).plans.reduce((total, plan) => total + plan.grades.length, 0),
            "grade",
          )
        : spec === ROSTER_INPUT
          ? counted(study.roster.rowCount, "row")
          : undefined;
    words[spec.id] = size === undefined ? where : `${where}, ${size}`;
  }
  return words;
}

function subtitleOf(study: Study, exhibit: RegisteredExhibit): string {
  const names = inputsOf(exhibit).map((spec) => spec.label);
  return `As of ${dateWords(study.asOf)} · from the ${listWords(names)} ${names.length === 1 ? "table" : "tables"}`;
}

/** "Source: CompStudy analysis of Pay Plans (sheet Pay Plans of book.xlsx, 43 grades) and Roster (…), as of April 1, 2013." */
function sourceOf(study: Study, exhibit: RegisteredExhibit, words: Record<string, string>): string {
  const names = inputsOf(exhibit).map((spec) => `${spec.label} (${words[spec.id] ?? "not given"})`);
  return `Source: CompStudy analysis of ${listWords(names)}, as of ${dateWords(study.asOf)}.`;
}

/** The study's title by what it holds: "Compensation study: current conditions and pay equity". */
function defaultTitle(families: readonly Family[]): string {
  const held = families.map((f) => f.title.toLowerCase());
  return held.length === 0 ? "Compensation study" : `Compensation study: ${listWords(held)}`;
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
  const words = sourceWords(study);
  const exhibits: Exhibit[] = planned.map((definition) => {
    const exhibit: Exhibit = {
      ...definition.build(study),
      id: definition.id as ExhibitId,
      number: definition.number,
      title: definition.title,
      subtitle: subtitleOf(study, definition),
      source: sourceOf(study, definition, words),
      ...(definition.detail ? { detail: true } : {}),
    };
    // The report rules read the exhibit as it is shown (never a hidden cell).
    const view = new ExhibitView(exhibit);
    const charts = [...(exhibit.charts ?? []), ...(definition.report?.charts?.(view, study) ?? [])];
    const findings = definition.report?.findings?.(view, study) ?? [];
    if (charts.length > 0) exhibit.charts = charts;
    if (findings.length > 0) exhibit.findings = findings;
    return exhibit;
  });
  const { plans, findings } = study.plans;
  const placement = study.placement;
  const roster = study.roster;
  const notes = [...study.plans.notes, ...rosterNotes(study), ...study.summaryNotes];
  // In a reader's words (the report shows these notes): what is missing, and the exhibits by their titles.
  const byReason = new Map<string, string[]>();
  for (const { exhibit, missing } of skipped)
    byReason.set(missing.what, [...(byReason.get(missing.what) ?? []), `${exhibit.number} ${exhibit.title}`]);
  for (const [what, titles] of byReason) notes.push(`not built (needs ${what}): ${titles.join(", ")}`);
  const sources: Record<string, string> = {};
  for (const spec of INPUTS) {
    const source = study.address(spec);
    if (source !== undefined) sources[spec.id] = source;
  }
  const organization = study.options.get(ORGANIZATION);
  const title = study.options.get(TITLE);
  return {
    asOf: study.asOf,
    title: title === undefined || title === "" ? defaultTitle([...running]) : title,
    ...(organization === undefined || organization === "" ? {} : { organization }),
    sources,
    sourceWords: words,
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
      `roster: ${separated} separated ${separated === 1 ? "employee" : "employees"} (Separation Date on or before ${dateWords(study.asOf)}) count in retention and separations only, in no exhibit of the current conditions`,
    );
  if (placement.salaryBasis === "actual")
    notes.push("salary basis: actual pay; salary ÷ FTE is compared with the schedule");
  return notes;
}
