/**
 * How an analysis declares itself: a family of exhibits with the inputs and options it reads.
 * The registry (registry.ts) lists the families; the CLI, the task pane and COMP.EXHIBIT are
 * generated from it, so a new analysis touches its own module, its tests and one registry line.
 */
import type { ExhibitBody } from "../exhibit";
import type { Study } from "./context";
import type { InputSpec } from "./inputs";
import type { OptionSpec } from "./options";
import type { ExhibitReport } from "./report/view";
import type { Unplaced } from "./types";

/** What can supply a missing need: a table to choose (or give as a file), an option to set, a column of a table. */
export type Supply =
  | { readonly input: InputSpec }
  | { readonly option: OptionSpec; /** A value to show as an example ("3%"). */ readonly example: string }
  | { readonly column: string; readonly of: InputSpec };

/**
 * Why an exhibit cannot be built, as data: what it lacks in a reader's words and what supplies
 * it (any one of them), so each host says it its own way and offers its own fix — the CLI its
 * flags (`text`), the task pane the field or table on hand.
 */
export type Missing = {
  /** The reason as the CLI's errors give it (with its flags). */
  readonly text: string;
  /**
   * What is missing, in a reader's words, without flags: "a proposed structure". The study's
   * notes (which the report and the JSON show) say it: "not built (needs a proposed structure)".
   */
  readonly what: string;
  readonly supplies: readonly Supply[];
};

export type ExhibitDefinition<Id extends string = string> = {
  /** kebab-case, a public contract: never renamed once shipped. */
  readonly id: Id;
  /** Display number: chapter-position ("5-1"). */
  readonly number: string;
  readonly title: string;
  /** One line for the task pane and the README: what the exhibit shows. */
  readonly summary: string;
  /** Input tables beyond the pay plans and the roster (all of them required). */
  readonly needs?: readonly InputSpec[];
  /**
   * Why the exhibit cannot be built from what was given, or undefined when it can — for needs
   * that are not a table (a proposed structure from a table *or* an option; a roster column).
   * Default runs skip it with this reason in the summary notes; asking for it is an error. A
   * Missing (rather than words alone) lets the pane name the field or table that supplies it.
   */
  readonly unavailable?: (study: Study) => string | Missing | undefined;
  /**
   * Why a default run leaves the exhibit out although it can be built, or undefined to build it:
   * for an analysis worth its sheets only when asked for (the costing's scattergram without a
   * settlement or a costing option). Asking for the exhibit by id builds it all the same.
   */
  readonly notByDefault?: (study: Study) => string | Missing | undefined;
  /** Builds the exhibit's columns and rows from the study (shared computations go through study.memo). */
  readonly build: (study: Study) => ExhibitBody;
  /**
   * The findings and charts written from the built exhibit's shown values (report/*.ts): the
   * findings page, the paragraph under the exhibit, and the charts every renderer draws.
   */
  readonly report?: ExhibitReport;
  /**
   * One row per person (an employee, a candidate): the workbook and the JSON keep it, the
   * printed report leaves it out unless asked (a board packet is public).
   */
  readonly detail?: boolean;
};

export type Family<E extends readonly ExhibitDefinition[] = readonly ExhibitDefinition[]> = {
  /** kebab-case id ("current-conditions", "market"). */
  readonly id: string;
  readonly title: string;
  /** One or two sentences for the task pane's card and the README. */
  readonly description: string;
  /** Input tables this family reads beyond the pay plans and the roster. */
  readonly inputs?: readonly InputSpec[];
  readonly options?: readonly OptionSpec[];
  readonly exhibits: E;
  /**
   * Rows this family cannot use, with the reason (listed in unmatched-employees when one of the
   * family's exhibits is built): e.g. an employee whose grade has no proposed grade.
   */
  readonly problems?: (study: Study) => readonly Unplaced[];
};

/** Declares a family (keeps the exhibit ids as literal types for ExhibitId). */
export function family<const E extends readonly ExhibitDefinition[]>(definition: Family<E>): Family<E> {
  return definition;
}
