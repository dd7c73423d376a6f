/**
 * Analyze: the study's settings (the as-of date — asked for until the workbook has one — the
 * options every analysis shares, values or live formulas) and one card per family of the
 * registry — what it can insert now, what the rest needs, when it last ran — each opening a page
 * with the inputs it reads, its options (fields generated from the registry), its exhibits and
 * Insert. What an exhibit needs is said from what is chosen now, with the field or table that
 * gives it. The Personnel tab's batch is the same page narrowed to one exhibit (FamilyPage's `only`).
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import {
  CORE_OPTIONS,
  DECIMAL,
  PLANS_INPUT,
  ROSTER_INPUT,
  SUPPRESS,
  type Family,
  type OptionSpec,
} from "../../engine/study";
import { distinctNeeds, needText, type Need } from "../needs";
import { latestSheets, useKept, usePane, type Pane } from "../store";
import { familyInputs, today, usable } from "../study";
import { count, list, shownDate } from "../text";
import { OPTION_EDITORS, OptionField } from "./OptionField";
import { PrimaryAction } from "./PrimaryAction";
import { Page, StatusBadge, useStyles } from "./ui";

/**
 * The shared options the pane shows (the pane never reveals small groups: no suppress switch;
 * the decimal separator is chosen on the columns page, beside the columns it reads).
 */
const SHARED_OPTIONS = CORE_OPTIONS.filter((spec) => spec !== SUPPRESS && spec !== DECIMAL);

/** A field per option, bound to the study's settings (an option another's editor gathers is drawn there). */
function OptionFields({ specs }: { specs: readonly OptionSpec[] }): React.JSX.Element {
  const pane = usePane();
  const gathered = new Set(specs.flatMap((spec) => OPTION_EDITORS[spec.name]?.covers ?? []));
  return (
    <>
      {specs
        .filter((spec) => !gathered.has(spec.name))
        .map((spec) => (
          <OptionField
            key={spec.name}
            spec={spec}
            value={pane.settings.options[spec.name] ?? ""}
            disabled={pane.busy}
            onChange={(text) => pane.setOption(spec.name, text)}
          />
        ))}
    </>
  );
}

export function AnalyzeView(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const page = pane.page;
  if (page?.kind === "family") {
    const family = pane.registry.families.find((candidate) => candidate.id === page.id);
    if (family) return <FamilyPage family={family} onBack={pane.closePage} />;
  }
  const available = pane.registry.exhibits.filter((exhibit) => pane.reasons[exhibit.id] === undefined);
  return (
    <div className={styles.stack}>
      <StudySettings />
      <section className={styles.stack} aria-labelledby="families-heading">
        <h2 id="families-heading" className={styles.subheading}>
          Analyses
        </h2>
        {pane.registry.families.map((family) => (
          <FamilyCard key={family.id} family={family} />
        ))}
      </section>
      {available.length === 0 ? (
        <NeedData />
      ) : pane.asOf === undefined ? (
        <Text className={styles.wrap}>To insert exhibits, set the As of date above.</Text>
      ) : (
        <InsertAction
          id="insert-all"
          exhibits={available.map((exhibit) => exhibit.id)}
          families={[...new Set(available.map((exhibit) => exhibit.family.id))]}
        />
      )}
    </div>
  );
}

/** Instead of a disabled button: what is missing, and the way there. */
function NeedData(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const missing = pane.registry.inputs
    .filter((spec) => spec.id === "plans" || spec.id === "roster")
    .filter((spec) => !usable(pane.checks[spec.id]));
  return (
    <div className={styles.tight}>
      <Text className={styles.wrap}>
        {missing.length > 0
          ? `To insert exhibits, choose the ${list(missing.map((spec) => spec.label.toLowerCase()))} on the Data tab.`
          : "No exhibit can be built from these inputs: the Data tab says what is wrong."}
      </Text>
      <div>
        <Button onClick={() => pane.go("data")}>Go to Data</Button>
      </div>
    </div>
  );
}

/** The study's as-of date: asked for while the workbook has none, never taken silently from today. */
function AsOfField(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const set = pane.asOf !== undefined;
  return (
    <Field
      label="As of"
      hint="The date the study is measured to: tenure, placement and market aging. Saved in this workbook."
      validationState={set ? "none" : "warning"}
      validationMessage={set ? undefined : "Not set yet: pick the date of the roster's data."}
      className={styles.field}
    >
      <div className={styles.row}>
        <Input
          id="as-of"
          type="date"
          value={pane.asOf ?? ""}
          disabled={pane.busy}
          onChange={(_, data) => pane.setAsOf(/^\d{4}-\d{2}-\d{2}$/.test(data.value) ? data.value : undefined)}
        />
        {!set && (
          <Button disabledFocusable={pane.busy} onClick={() => pane.setAsOf(today())}>
            Use today
          </Button>
        )}
      </div>
    </Field>
  );
}

function StudySettings(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const [open, setOpen] = useKept("analyze.shared-options", false);
  return (
    <section className={styles.card} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={styles.heading}>
        Study settings
      </h2>
      <AsOfField />
      <RadioGroup
        value={pane.settings.insertAs}
        onChange={(_, data) => pane.setInsertAs(data.value === "formulas" ? "formulas" : "values")}
        aria-labelledby="insert-as"
      >
        <Text id="insert-as" weight="semibold">
          Insert exhibits as
        </Text>
        <Radio value="values" label="Values: a formatted table that stays as it is" />
        <Radio value="formulas" label="Live formulas: COMP.EXHIBIT, recalculated when the tables change" />
      </RadioGroup>
      <div>
        <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "Hide shared options" : "Shared options"}
        </Button>
      </div>
      {open && <OptionFields specs={SHARED_OPTIONS} />}
    </section>
  );
}

/** A family in one line: how many exhibits it can insert now, and what the others need. */
function readiness(pane: Pane, family: Family): string {
  const reasons = family.exhibits.map((exhibit) => pane.reasons[exhibit.id]);
  const ready = reasons.filter((reason) => reason === undefined).length;
  const needs = distinctNeeds(reasons).map((need) => need.what);
  if (needs.length === 0) return `${count(ready, "exhibit")} ready.`;
  if (ready === 0) return `Needs ${list(needs)}.`;
  return `${ready} of ${count(family.exhibits.length, "exhibit")} ready; the others need ${list(needs)}.`;
}

function FamilyCard({ family }: { family: Family }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const last = pane.settings.lastRun[family.id];
  const headingId = `family-${family.id}`;
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {family.title}
      </h3>
      <Text size={200} className={styles.wrap}>
        {family.description}
      </Text>
      <Text size={200} className={styles.wrap}>
        {readiness(pane, family)} {last ? `Last inserted ${shownDate(last)}.` : "Not inserted yet."}
      </Text>
      <div>
        <Button
          size="small"
          data-opener={`family:${family.id}`}
          onClick={() => pane.openPage({ kind: "family", id: family.id })}
          aria-label={`Open ${family.title}`}
        >
          Open
        </Button>
      </div>
    </article>
  );
}

/** The needs of a page's exhibits, each with the button that goes to what supplies it. */
function Needs({ needs, family }: { needs: readonly Need[]; family: Family }): React.JSX.Element | null {
  const pane = usePane();
  const styles = useStyles();
  if (needs.length === 0) return null;
  const buttons = new Map<string, () => void>();
  for (const need of needs)
    for (const supply of need.supplies) {
      if ("option" in supply) {
        if (family.options?.includes(supply.option))
          buttons.set(`Set the ${supply.option.label.toLowerCase()}`, () =>
            document.getElementById(`option-${supply.option.name}`)?.focus(),
          );
      } else if ("input" in supply)
        buttons.set(`Choose the ${supply.input.label.toLowerCase()}`, () =>
          pane.goTo("data", { kind: "choose", input: supply.input.id }),
        );
      else
        buttons.set(`Map the ${supply.of.label.toLowerCase()} columns`, () =>
          pane.goTo("data", { kind: "map", input: supply.of.id }),
        );
    }
  return (
    <section className={styles.tight} aria-labelledby="needs-heading">
      <h3 id="needs-heading" className={styles.subheading}>
        Still needed
      </h3>
      {needs.map((need) => (
        <Text key={need.what} className={styles.wrap}>
          {needText(need, family, pane.registry)}
        </Text>
      ))}
      <div className={styles.row}>
        {[...buttons].map(([label, run]) => (
          <Button key={label} size="small" onClick={run}>
            {label}
          </Button>
        ))}
      </div>
    </section>
  );
}

/** Insert, with what a second insert does with the pane's earlier sheets of these exhibits: Replace (default) or Add. */
export function InsertAction({
  id,
  exhibits,
  families,
  where = "footer",
}: {
  id: string;
  exhibits: readonly string[];
  families: readonly string[];
  where?: "footer" | "inline";
}): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const earlier = latestSheets(pane.written, exhibits);
  const last = earlier.reduce((latest, sheet) => (sheet.run > latest ? sheet.run : latest), "");
  const choice = earlier.length > 0 && (
    <RadioGroup
      value={pane.rerun}
      onChange={(_, data) => pane.setRerun(data.value === "add" ? "add" : "replace")}
      aria-labelledby={`${id}-earlier`}
      layout="vertical"
    >
      <Text id={`${id}-earlier`} size={200} className={styles.wrap}>
        {earlier.length === exhibits.length
          ? `${exhibits.length === 1 ? "This exhibit is" : "These exhibits are"} in the workbook already`
          : `${earlier.length} of these ${count(exhibits.length, "exhibit")} are in the workbook already`}{" "}
        (inserted {shownDate(last)}).
      </Text>
      <Radio value="replace" label={`Replace the earlier ${earlier.length === 1 ? "sheet" : "sheets"}`} />
      <Radio value="add" label="Add new sheets beside them" />
    </RadioGroup>
  );
  return (
    <PrimaryAction
      id={id}
      where={where}
      label={`Insert ${count(exhibits.length, "exhibit")}`}
      busyLabel="Inserting…"
      run={() => pane.insert(id, exhibits, families, where)}
    >
      {choice}
    </PrimaryAction>
  );
}

/** A family's page: what it reads, its options, its exhibits and Insert (narrowed to one exhibit by `only`). */
export function FamilyPage({
  family,
  only,
  onBack,
}: {
  family: Family;
  only?: string;
  onBack?: () => void;
}): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const exhibits = family.exhibits.filter((exhibit) => only === undefined || exhibit.id === only);
  // The exhibits the user unticked: an exhibit that becomes buildable is ticked.
  const [unticked, setUnticked] = useKept<readonly string[]>(`unticked:${family.id}:${only ?? ""}`, []);
  const buildable = exhibits
    .filter((exhibit) => pane.reasons[exhibit.id] === undefined && !unticked.includes(exhibit.id))
    .map((exhibit) => exhibit.id);
  const needed = exhibits.flatMap((exhibit) => exhibit.needs ?? []);
  // Narrowed to one exhibit: the tables it reads (the family's own and its needs), not its siblings'.
  const inputs =
    only === undefined
      ? familyInputs(family)
      : [...new Set([PLANS_INPUT, ROSTER_INPUT, ...(family.inputs ?? []), ...needed])];
  const needs = distinctNeeds(exhibits.map((exhibit) => pane.reasons[exhibit.id]));
  const optional = (spec: (typeof inputs)[number]): boolean =>
    (family.inputs ?? []).includes(spec) && !needed.includes(spec) && !usable(pane.checks[spec.id]);
  const body = (
    <>
      <Text className={styles.wrap}>{family.description}</Text>
      <section className={styles.tight} aria-labelledby={`uses-${family.id}`}>
        <h3 id={`uses-${family.id}`} className={styles.subheading}>
          Reads
        </h3>
        <ul className={styles.plain}>
          {inputs.map((spec) => (
            <li key={spec.id} className={styles.row}>
              <Text>{spec.label}</Text>
              <StatusBadge check={pane.checks[spec.id]} />
              {optional(spec) && (
                <Text size={200} className={styles.note}>
                  if you have one
                </Text>
              )}
            </li>
          ))}
        </ul>
      </section>
      {only === undefined && (family.options ?? []).length > 0 && (
        <section className={styles.stack} aria-labelledby={`options-${family.id}`}>
          <h3 id={`options-${family.id}`} className={styles.subheading}>
            Options
          </h3>
          <OptionFields specs={family.options ?? []} />
        </section>
      )}
      <fieldset className={styles.tight} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <legend className={styles.subheading}>Exhibits</legend>
        {exhibits.map((exhibit) => {
          const need = pane.reasons[exhibit.id];
          const summaryId = `summary-${exhibit.id}`;
          return (
            <div key={exhibit.id} className={styles.tight}>
              <Checkbox
                label={`${exhibit.number} ${exhibit.title}`}
                aria-describedby={summaryId}
                disabled={need !== undefined}
                checked={need === undefined && !unticked.includes(exhibit.id)}
                onChange={(_, data) =>
                  setUnticked((current) =>
                    data.checked === true ? current.filter((id) => id !== exhibit.id) : [...current, exhibit.id],
                  )
                }
              />
              <Text id={summaryId} size={200} className={styles.note} style={{ paddingLeft: 32 }}>
                {need
                  ? needText(need, only === undefined ? family : undefined, pane.registry)
                  : exhibit.summary.replace(/^./, (c) => c.toUpperCase())}
              </Text>
            </div>
          );
        })}
      </fieldset>
      <Needs needs={needs} family={family} />
      {pane.asOf === undefined ? (
        <AsOfField />
      ) : (
        <Text size={200} className={styles.wrap}>
          As of {shownDate(pane.asOf)}, inserted as {pane.settings.insertAs === "formulas" ? "live formulas" : "values"}{" "}
          (change both in Analyze&apos;s study settings).
        </Text>
      )}
      {buildable.length > 0 && pane.asOf !== undefined ? (
        <InsertAction
          id={`insert-${family.id}`}
          exhibits={buildable}
          families={[family.id]}
          where={only === undefined ? "footer" : "inline"}
        />
      ) : exhibits.every((exhibit) => pane.reasons[exhibit.id] !== undefined) && needs.length === 0 ? (
        <NeedData />
      ) : buildable.length === 0 && exhibits.some((exhibit) => pane.reasons[exhibit.id] === undefined) ? (
        <Text className={styles.wrap}>Tick the exhibits to insert.</Text>
      ) : null}
    </>
  );
  if (onBack)
    return (
      <Page title={family.title} onBack={onBack}>
        {body}
      </Page>
    );
  return <div className={styles.stack}>{body}</div>;
}
