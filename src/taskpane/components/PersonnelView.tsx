/**
 * Personnel: one person placed by the manual's rules, and the batch. The form's controls come
 * from the engine — the actions and job types it knows, the plans, grades and lanes the pane
 * read, the numbers the chosen action and job type read (candidateInputs), the validation of
 * each number — and Compute calls decidePlacement on the chosen tables (placementContext).
 * "Write to row" adds the person to the Candidates table chosen on Data, through the gateway.
 */
import * as React from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  ACTIONS,
  CANDIDATES_INPUT,
  CANDIDATE_FIELDS,
  JOB_TYPES,
  PLANS_INPUT,
  candidateInputs,
  candidateRecord,
  decidePlacement,
  placementContext,
  placementScale,
  readCandidateEntry,
  recordCells,
  type Approval,
  type Candidate,
  type CandidateEntry,
  type JobType,
  type PersonnelAction,
  type PlacementContext,
  type PlacementDecision,
  type PlacementScale,
} from "../../engine/study";
import { PLACEMENTS_EXHIBIT, useKept, usePane } from "../store";
import { messageOf, sourceLabel, sourcePhrase, usable } from "../study";
import { PER_UNIT, count, list, shownMoney } from "../text";
import { FamilyPage } from "./AnalyzeView";
import { Empty, useStyles as useUiStyles } from "./ui";

/** What the person's form holds, as typed (kept while the user visits other tabs). */
export type PersonForm = {
  name: string;
  action: PersonnelAction;
  jobType: JobType;
  /** The chosen schedule: "plan:<name>" (a pay plan) or "lanes:<name>" (a lane schedule); "" before a choice. */
  schedule: string;
  /** The grade of the pay plan, or the lane of the lane schedule. */
  grade: string;
  numbers: Partial<Record<CandidateEntry, string>>;
};

/** The form, the engine's message per number that does not read, and the last decision. */
export type PersonState = {
  form: PersonForm;
  errors: Partial<Record<CandidateEntry, string>>;
  decision?: PlacementDecision;
};

export const NEW_PERSON: PersonState = {
  form: { name: "", action: "hire", jobType: "other", schedule: "", grade: "", numbers: {} },
  errors: {},
};

const LABEL = Object.fromEntries(CANDIDATE_FIELDS.map((spec) => [spec.field, spec.label])) as Record<string, string>;
const SALARIES: readonly CandidateEntry[] = ["currentSalary", "requestedSalary"];

const useStyles = makeStyles({
  result: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dd": { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
    "& dt": { color: tokens.colorNeutralForeground3 },
  },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0px, 0px, 0px, 0px)",
    whiteSpace: "nowrap",
  },
});

/** Personnel: the one-person form, then the batch (the placements exhibit of a Candidates table). */
export function PersonnelView(): React.JSX.Element {
  const pane = usePane();
  const styles = useUiStyles();
  const exhibit = pane.registry.exhibits.find((candidate) => candidate.id === PLACEMENTS_EXHIBIT);
  if (!exhibit) return <Empty text="This version has no personnel analyses." />;
  return (
    <div className={styles.stack}>
      <OnePerson />
      <section className={styles.card} aria-labelledby="batch-heading">
        <h2 id="batch-heading" className={styles.heading}>
          A table of people
        </h2>
        <FamilyPage family={exhibit.family} only={PLACEMENTS_EXHIBIT} />
      </section>
    </div>
  );
}

/** The chosen tables read for one placement, or why they cannot be. */
function usePlacementContext(): { context?: PlacementContext; error?: string } {
  const pane = usePane();
  return React.useMemo(() => {
    try {
      return { context: placementContext(pane.tables) };
    } catch (error) {
      return { error: messageOf(error) };
    }
  }, [pane.tables]);
}

/** What the form's schedule and grade choices mean for the engine: plan, grade or lane. */
function placeOf(form: PersonForm): Pick<Candidate, "plan" | "grade" | "lane"> {
  const [kind, ...rest] = form.schedule.split(":");
  const plan = rest.join(":");
  return kind === "lanes" ? { plan, lane: form.grade } : { plan, grade: form.grade };
}

/** The grades of the chosen pay plan, or the lanes of the chosen lane schedule. */
function choicesOf(context: PlacementContext, schedule: string): readonly string[] {
  const [kind, ...rest] = schedule.split(":");
  const name = rest.join(":");
  if (kind === "lanes") return context.schedules.lanes?.find((t) => t.name === name)?.schedule.lanes ?? [];
  return context.schedules.plans.find((p) => p.name === name)?.grades.map((g) => g.grade) ?? [];
}

function scaleHint(scale: PlacementScale | undefined): string | undefined {
  if (!scale) return undefined;
  const range = `${shownMoney(scale.min, scale.cents)}–${shownMoney(scale.max, scale.cents)} ${PER_UNIT[scale.unit]}`;
  return scale.steps === undefined ? `A pay range, ${range}.` : `${count(scale.steps, "step")}, ${range}.`;
}

/** A typed number as the Candidates table would hold it: a Promotion % typed as 8 means 8 %. */
function cellOf(field: CandidateEntry, text: string | undefined): string | null {
  const typed = (text ?? "").trim();
  if (typed === "") return null;
  return field === "promotionPct" && !typed.endsWith("%") ? `${typed}%` : typed;
}

/** The candidate the form describes, or the engine's message per number that does not read. */
function readForm(
  form: PersonForm,
  fields: readonly CandidateEntry[],
): { candidate?: Candidate; errors: Partial<Record<CandidateEntry, string>> } {
  const errors: Partial<Record<CandidateEntry, string>> = {};
  const numbers: Partial<Record<CandidateEntry, number | string | null>> = {};
  for (const field of fields) {
    try {
      numbers[field] = readCandidateEntry(field, cellOf(field, form.numbers[field]));
    } catch (error) {
      errors[field] = messageOf(error);
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  // Each value is of its field's kind (readCandidateEntry reads numbers, codes and dates as the table does).
  const values = numbers as Partial<Candidate>;
  return { candidate: { action: form.action, jobType: form.jobType, ...placeOf(form), ...values }, errors };
}

const APPROVAL_WORDS: Record<Approval, string> = {
  CHRO: "CHRO (chief human resources officer)",
  "Compensation Committee": "Compensation Committee",
  schedule: "None: the schedule's salary",
  "above maximum": "No one: above the range maximum",
};

const capital = (text: string): string => text.replace(/^./, (c) => c.toUpperCase());

/** The grade's precision, and cents whenever the amount has them (a kept salary, a promotion increase). */
const salaryCents = (decision: PlacementDecision): boolean =>
  decision.cents === true ||
  (decision.salary !== null && Math.abs(decision.salary - Math.round(decision.salary)) > 0.004);

/** The decision in one sentence, for the live region. */
function summaryOf(decision: PlacementDecision): string {
  if (decision.salary === null) return `Not decided: ${decision.warnings[decision.warnings.length - 1] ?? ""}`;
  const salary = `${shownMoney(decision.salary, salaryCents(decision))}${decision.unit ? ` ${PER_UNIT[decision.unit]}` : ""}`;
  const step = decision.step === null ? "" : `step ${decision.step}, `;
  const approval = decision.approval === null ? "approver to decide" : `approval: ${APPROVAL_WORDS[decision.approval]}`;
  const warnings = decision.warnings.length > 0 ? ` ${count(decision.warnings.length, "warning")}.` : "";
  return `Placed: ${step}${salary}; ${approval}. ${capital(decision.rule)}.${warnings}`;
}

function OnePerson(): React.JSX.Element {
  const pane = usePane();
  const ui = useUiStyles();
  const { context, error } = usePlacementContext();
  const plansReady = usable(pane.checks[PLANS_INPUT.id]);
  return (
    <section className={ui.card} aria-labelledby="one-heading">
      <h2 id="one-heading" className={ui.heading}>
        One person
      </h2>
      {!plansReady || !context ? (
        <div className={ui.tight}>
          <Text className={ui.wrap}>
            {plansReady && error
              ? `The tables chosen cannot be read for a placement: ${error}`
              : "To place a person, choose the pay plans on the Data tab."}
          </Text>
          <div>
            <Button onClick={() => pane.go("data")}>Go to Data</Button>
          </div>
        </div>
      ) : (
        <PersonFormView context={context} />
      )}
    </section>
  );
}

function PersonFormView({ context }: { context: PlacementContext }): React.JSX.Element {
  const pane = usePane();
  const ui = useUiStyles();
  const styles = useStyles();
  // The form is the view's own, kept while the user visits other tabs.
  const [person, setPerson] = useKept<PersonState>("personnel.person", NEW_PERSON);
  const { form, errors, decision } = person;
  const [said, setSaid] = React.useState<{ text: string; n: number }>({ text: "", n: 0 });
  const resultRef = React.useRef<HTMLDivElement>(null);
  const inputs = candidateInputs(form.action, form.jobType, context.policy);
  const scale = form.grade === "" ? undefined : placementScale(context.schedules, placeOf(form));
  const lanes = context.schedules.lanes ?? [];
  const kind = form.schedule.split(":")[0];
  const choices = choicesOf(context, form.schedule);
  const candidatesSource = pane.inputs[CANDIDATES_INPUT.id]?.source;
  const writing = pane.task?.id === "write-row";

  const change = (next: Partial<PersonForm>, cleared: readonly CandidateEntry[] = []): void =>
    setPerson((current) => {
      const left = { ...current.errors };
      for (const field of cleared) delete left[field];
      // A result never stands beside inputs it was not computed from (the name changes no result).
      const same = Object.keys(next).every((key) => key === "name");
      return { form: { ...current.form, ...next }, errors: left, decision: same ? current.decision : undefined };
    });
  const setNumber = (field: CandidateEntry, text: string): void =>
    change({ numbers: { ...form.numbers, [field]: text } }, [field]);
  const check = (field: CandidateEntry): void => {
    const { errors: found } = readForm(form, [field]);
    setPerson((current) => ({
      ...current,
      errors: found[field] === undefined ? current.errors : { ...current.errors, [field]: found[field] },
    }));
  };

  const fields = inputs.map((input) => input.field);
  const compute = (): void => {
    const read = readForm(form, fields);
    if (!read.candidate) {
      setPerson((current) => ({ ...current, errors: read.errors, decision: undefined }));
      return;
    }
    const next = decidePlacement(context.schedules, read.candidate, context.policy);
    setPerson((current) => ({ ...current, errors: {}, decision: next }));
    setSaid((current) => ({ text: summaryOf(next), n: current.n + 1 }));
    // In sight next to the button, which keeps focus.
    requestAnimationFrame(() => resultRef.current?.scrollIntoView?.({ block: "nearest" }));
  };

  const writeRow = (): void => {
    if (!candidatesSource) return;
    const read = readForm(form, fields);
    if (!read.candidate) {
      setPerson((current) => ({ ...current, errors: read.errors }));
      pane.say({
        intent: "error",
        title: "The row was not written",
        text: `Fix ${list(Object.keys(read.errors).map((field) => LABEL[field]))} first.`,
      });
      return;
    }
    const candidate = read.candidate;
    const mapping = pane.inputs[CANDIDATES_INPUT.id]?.mapping ?? {};
    pane.act("write-row", "Row written", "The row was not written", async () => {
      const record = candidateRecord(form.name, candidate);
      const written = await pane.gateway.appendRow(candidatesSource, (values) =>
        recordCells(
          { rows: values, source: candidatesSource.address, ...(Object.keys(mapping).length > 0 ? { mapping } : {}) },
          CANDIDATE_FIELDS,
          record,
        ),
      );
      pane.chooseSource(CANDIDATES_INPUT.id, written.source);
      return {
        text: `${String(record.candidate)} is row ${written.row} of ${sourceLabel(candidatesSource)} (${written.address}).`,
        action: { label: `Select row ${written.row}`, run: () => void pane.gateway.selectRange(written.address) },
      };
    });
  };

  return (
    <form
      className={ui.stack}
      noValidate
      aria-labelledby="one-heading"
      onSubmit={(event) => {
        event.preventDefault();
        compute();
      }}
    >
      <Text size={200} className={ui.wrap}>
        By the HISD manual&apos;s rules, on the pay plans{lanes.length > 0 ? " and lane schedules" : ""} chosen on Data.{" "}
        {context.notes[0]}
      </Text>
      <WordField
        label="Action"
        value={form.action}
        words={ACTIONS}
        onChange={(action) => change({ action }, Object.keys(errors) as CandidateEntry[])}
      />
      <WordField
        label="Job type"
        value={form.jobType}
        words={JOB_TYPES}
        onChange={(jobType) => change({ jobType }, Object.keys(errors) as CandidateEntry[])}
      />
      <Field label="Plan" className={ui.field}>
        <Select
          className={ui.select}
          value={form.schedule}
          onChange={(_, data) => {
            // A grade (or lane) the new plan also has stays chosen.
            const keep = choicesOf(context, data.value).includes(form.grade) ? form.grade : "";
            change({ schedule: data.value, grade: keep });
          }}
        >
          <option value="">Choose a plan</option>
          {lanes.length > 0 ? (
            <>
              <optgroup label="Pay plans">
                {context.schedules.plans.map((plan) => (
                  <option key={plan.name} value={`plan:${plan.name}`}>
                    {plan.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Lane schedules">
                {lanes.map((table) => (
                  <option key={table.name} value={`lanes:${table.name}`}>
                    {table.name}
                  </option>
                ))}
              </optgroup>
            </>
          ) : (
            context.schedules.plans.map((plan) => (
              <option key={plan.name} value={`plan:${plan.name}`}>
                {plan.name}
              </option>
            ))
          )}
        </Select>
      </Field>
      <Field label={kind === "lanes" ? "Lane" : "Grade"} hint={scaleHint(scale)} className={ui.field}>
        <Select className={ui.select} value={form.grade} onChange={(_, data) => change({ grade: data.value })}>
          <option value="">
            {form.schedule === "" ? "Choose a plan first" : kind === "lanes" ? "Choose a lane" : "Choose a grade"}
          </option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </Select>
      </Field>
      {inputs.map((input) => (
        <Field
          key={input.field}
          label={`${LABEL[input.field]}${SALARIES.includes(input.field) && scale ? ` (${PER_UNIT[scale.unit]})` : ""}${input.need === "required" ? " (required)" : ""}`}
          hint={input.use}
          validationState={errors[input.field] ? "error" : "none"}
          validationMessage={errors[input.field]}
          className={ui.field}
        >
          <Input
            value={form.numbers[input.field] ?? ""}
            inputMode={input.kind === "number" ? "decimal" : undefined}
            placeholder={input.kind === "date" ? "yyyy-mm-dd" : undefined}
            contentBefore={SALARIES.includes(input.field) ? <span aria-hidden="true">$</span> : undefined}
            contentAfter={input.field === "promotionPct" ? <span aria-hidden="true">%</span> : undefined}
            onChange={(_, data) => setNumber(input.field, data.value)}
            onBlur={() => check(input.field)}
          />
        </Field>
      ))}
      <Field label="Candidate" hint="Name or id, for the Candidates table." className={ui.field}>
        <Input value={form.name} onChange={(_, data) => change({ name: data.value })} />
      </Field>
      <div className={ui.row}>
        <Button type="submit" appearance="primary">
          Compute
        </Button>
        {candidatesSource && (
          <Button type="button" disabledFocusable={pane.busy} aria-describedby="write-target" onClick={writeRow}>
            {writing ? "Writing…" : "Write to row"}
          </Button>
        )}
      </div>
      {candidatesSource ? (
        <Text id="write-target" size={200} className={ui.note}>
          Write to row adds this person at the end of {sourcePhrase(candidatesSource)}.
        </Text>
      ) : (
        <Text size={200} className={ui.note}>
          To keep this person in a Candidates table, choose the table on the Data tab.
        </Text>
      )}
      <div className={styles.hidden} role="status" aria-live="polite">
        {said.text !== "" && <span key={said.n}>{said.text}</span>}
      </div>
      {decision && (
        <div ref={resultRef} className={ui.tight}>
          <Result decision={decision} />
        </div>
      )}
    </form>
  );
}

/** A dropdown of the engine's words (actions, job types), shown with a capital. */
function WordField<T extends string>({
  label,
  value,
  words,
  onChange,
}: {
  label: string;
  value: T;
  words: readonly T[];
  onChange: (word: T) => void;
}): React.JSX.Element {
  const ui = useUiStyles();
  return (
    <Field label={label} className={ui.field}>
      <Select className={ui.select} value={value} onChange={(_, data) => onChange(data.value as T)}>
        {words.map((word) => (
          <option key={word} value={word}>
            {capital(word)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Result({ decision }: { decision: PlacementDecision }): React.JSX.Element {
  const ui = useUiStyles();
  const styles = useStyles();
  if (decision.salary === null) {
    const reason = decision.warnings[decision.warnings.length - 1];
    const others = decision.warnings.slice(0, -1);
    return (
      <section aria-labelledby="result-heading" className={ui.tight}>
        <h3 id="result-heading" className={ui.subheading}>
          Not decided
        </h3>
        <Text className={ui.wrap}>{reason}</Text>
        {others.length > 0 && <Warnings warnings={others} />}
      </section>
    );
  }
  const where = [decision.plan, decision.grade].filter((part) => part !== "").join(", ");
  return (
    <section aria-labelledby="result-heading" className={ui.tight}>
      <h3 id="result-heading" className={ui.subheading}>
        Placement
      </h3>
      <dl className={styles.result}>
        <dt>Placed on</dt>
        <dd>{where}</dd>
        {decision.step !== null && (
          <>
            <dt>Step</dt>
            <dd>{decision.step}</dd>
          </>
        )}
        <dt>Salary</dt>
        <dd>
          {shownMoney(decision.salary, salaryCents(decision))}
          {decision.unit ? ` ${PER_UNIT[decision.unit]}` : ""}
        </dd>
        <dt>Approval</dt>
        <dd>{decision.approval === null ? "To decide: see the warning" : APPROVAL_WORDS[decision.approval]}</dd>
        <dt>Rule</dt>
        <dd>
          {capital(decision.rule)} <span className={ui.note}>({decision.citation})</span>
        </dd>
      </dl>
      {decision.warnings.length > 0 && <Warnings warnings={decision.warnings} />}
    </section>
  );
}

function Warnings({ warnings }: { warnings: readonly string[] }): React.JSX.Element {
  const ui = useUiStyles();
  const styles = useStyles();
  const id = React.useId();
  return (
    <>
      <Text weight="semibold" id={id}>
        To check: {count(warnings.length, "warning")}
      </Text>
      <ul className={styles.warnings} aria-labelledby={id}>
        {warnings.map((warning) => (
          <li key={warning}>
            <Text className={ui.wrap}>{warning}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}
