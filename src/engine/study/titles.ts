/**
 * Class-title changes (Portland 2013 study, chapter 4: "PLUMBING" → "PLUMBING TEACHER"): a table
 * of current class titles and their proposed titles, optionally per plan. Shared by the
 * personnel-actions family (exhibit class-title-changes counts who is affected) and the
 * current-conditions family (with --apply-title-changes the job-families exhibit counts the
 * proposed titles as the classes).
 */
import { cleanKeyText, normalizeKey, truncate, type CellValue } from "../cells";
import type { Study } from "./context";
import { input, readRecords } from "./inputs";
import { option } from "./options";

/** One row of the Title Changes table. */
export type TitleChange = {
  /** 1-based row of the table. */
  readonly row: number;
  /** "" when the change applies in every plan. */
  readonly plan: string;
  readonly classTitle: string;
  readonly proposedTitle: string;
  /** Why the row is not applied (blank title, repeated change); undefined when it is. */
  readonly unused?: string;
};

const FIELDS = [
  {
    field: "classTitle",
    label: "Class Title",
    synonyms: ["class title", "current title", "job title", "title", "class", "classification", "current class title"],
    required: true,
  },
  {
    field: "proposedTitle",
    label: "Proposed Title",
    synonyms: ["proposed title", "new title", "proposed class title", "new class title", "retitle", "proposed"],
    required: true,
  },
  {
    field: "plan",
    label: "Plan",
    synonyms: ["plan", "pay plan", "bargaining unit", "schedule"],
    required: false,
  },
] as const;

const key = (plan: string, title: string): string => `${normalizeKey(plan)}\u0000${normalizeKey(title)}`;

/**
 * Reads the title changes. Titles and plans are matched as people mean them (trimmed,
 * case-insensitive); a row without a class or proposed title, or repeating an earlier change
 * of the same title in the same plan, is kept with the reason and not applied.
 */
export function parseTitleChanges(rows: readonly (readonly CellValue[])[]): TitleChange[] {
  const { records } = readRecords({ rows, source: "" }, FIELDS);
  const first = new Map<string, number>();
  return records.map((record) => {
    const plan = cleanKeyText(record.get("plan"));
    const classTitle = cleanKeyText(record.get("classTitle"));
    const proposedTitle = cleanKeyText(record.get("proposedTitle"));
    const change = { row: record.row, plan, classTitle, proposedTitle };
    if (classTitle === "") return { ...change, unused: `row ${record.row} has no Class Title` };
    if (proposedTitle === "") return { ...change, unused: `row ${record.row} has no Proposed Title` };
    const at = first.get(key(plan, classTitle));
    if (at !== undefined)
      return { ...change, unused: `row ${record.row} repeats the change of '${truncate(classTitle)}' on row ${at}` };
    first.set(key(plan, classTitle), record.row);
    return change;
  });
}

export const TITLE_CHANGES_INPUT = input<TitleChange[]>({
  id: "title-changes",
  label: "Title Changes",
  sheets: ["Title Changes", "Class Title Changes", "Retitles"],
  description: "one row per retitled class: Class Title, Proposed Title, optional Plan",
  fields: FIELDS,
  parse: (table) => parseTitleChanges(table.rows),
});

export const APPLY_TITLE_CHANGES = option({
  name: "apply-title-changes",
  kind: "flag",
  label: "Apply title changes",
  description: "the job-families exhibit counts the proposed titles of the Title Changes table as the classes",
  default: false,
});

/** Finds the change that applies to an employee: one for their plan first, else one for every plan. */
export class TitleMap {
  private readonly byKey = new Map<string, TitleChange>();

  constructor(readonly changes: readonly TitleChange[]) {
    for (const change of changes)
      if (change.unused === undefined) this.byKey.set(key(change.plan, change.classTitle), change);
  }

  /** The change applying to a job title in a plan, if any. */
  changeFor(plan: string, jobTitle: string): TitleChange | undefined {
    return this.byKey.get(key(plan, jobTitle)) ?? this.byKey.get(key("", jobTitle));
  }
}

/**
 * The class title the job-families exhibit counts for an employee: the proposed title when
 * --apply-title-changes is on and a change applies, else the roster's job title (of an employee
 * of the plan named).
 */
export function classTitles(study: Study): (plan: string, jobTitle: string) => string {
  if (!study.options.value(APPLY_TITLE_CHANGES)) return (_plan, jobTitle) => jobTitle;
  const changes = study.input(TITLE_CHANGES_INPUT);
  if (changes === undefined) {
    study.note("title changes: no Title Changes table, so the job families count the roster's titles");
    return (_plan, jobTitle) => jobTitle;
  }
  const map = new TitleMap(changes);
  study.note("job families: classes are counted by their proposed titles (title changes applied)");
  return (plan, jobTitle) => map.changeFor(plan, jobTitle)?.proposedTitle ?? jobTitle;
}
