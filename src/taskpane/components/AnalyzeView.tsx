/**
 * Analyze: the study's settings (as-of date, the options every analysis shares, values or live
 * formulas) and one card per family of the registry — what it needs, when it last ran — each
 * opening a page with the inputs it reads, its options (fields generated from the registry) and
 * its exhibits. The Personnel tab's batch is the same page narrowed to one exhibit (FamilyPage's `only`).
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { DECIMAL, SUPPRESS, type Family, type OptionSpec } from "../../engine/study";
import { CORE_OPTIONS } from "../../engine/study";
import { familyInputs, today, usable } from "../study";
import { count, list, shownDate } from "../text";
import { PrimaryAction, usePane } from "./App";
import { OptionField } from "./OptionField";
import { Page, StatusBadge, useStyles } from "./ui";

/**
 * The shared options the pane shows (the pane never reveals small groups: no suppress switch;
 * the decimal separator is chosen on the columns page, beside the columns it reads).
 */
const SHARED_OPTIONS = CORE_OPTIONS.filter((spec) => spec !== SUPPRESS && spec !== DECIMAL);

/** A field per option, bound to the pane's settings. */
function OptionFields({ specs }: { specs: readonly OptionSpec[] }): React.JSX.Element {
  const pane = usePane();
  return (
    <>
      {specs.map((spec) => (
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
      {available.length > 0 ? (
        <PrimaryAction
          id="insert-all"
          label={`Insert ${count(available.length, "exhibit")}`}
          busyLabel="Inserting…"
          run={() =>
            pane.insert(
              "insert-all",
              available.map((exhibit) => exhibit.id),
              [...new Set(available.map((exhibit) => exhibit.family.id))],
            )
          }
        />
      ) : (
        <NeedData />
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

function StudySettings(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(pane.asOf);
  return (
    <section className={styles.card} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={styles.heading}>
        Study settings
      </h2>
      <Field
        label="As of"
        hint="Tenure and placement are measured to this date."
        validationState={valid ? "none" : "error"}
        validationMessage={valid ? undefined : "Pick a date"}
      >
        <Input
          type="date"
          value={pane.asOf}
          disabled={pane.busy}
          onChange={(_, data) => pane.setAsOf(data.value === "" ? today() : data.value)}
        />
      </Field>
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

function FamilyCard({ family }: { family: Family }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const needs = familyInputs(family).filter((spec) => !usable(pane.checks[spec.id]));
  const ready = family.exhibits.filter((exhibit) => pane.reasons[exhibit.id] === undefined).length;
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
        {needs.length > 0
          ? `Needs the ${list(needs.map((spec) => spec.label.toLowerCase()))}.`
          : `${count(ready, "exhibit")} of ${family.exhibits.length} ready.`}{" "}
        {last ? `Last inserted ${shownDate(last)}.` : "Not inserted yet."}
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
  const [chosen, setChosen] = React.useState<string[]>(() =>
    exhibits.filter((exhibit) => pane.reasons[exhibit.id] === undefined).map((exhibit) => exhibit.id),
  );
  const buildable = chosen.filter((id) => pane.reasons[id] === undefined);
  const inputs = familyInputs(family);
  const body = (
    <>
      <Text className={styles.wrap}>{family.description}</Text>
      <section className={styles.tight} aria-labelledby="uses-heading">
        <h3 id="uses-heading" className={styles.subheading}>
          Reads
        </h3>
        <ul className={styles.plain}>
          {inputs.map((spec) => (
            <li key={spec.id} className={styles.row}>
              <Text>{spec.label}</Text>
              <StatusBadge check={pane.checks[spec.id]} />
            </li>
          ))}
        </ul>
      </section>
      {(family.options ?? []).length > 0 && (
        <section className={styles.stack} aria-labelledby="options-heading">
          <h3 id="options-heading" className={styles.subheading}>
            Options
          </h3>
          <OptionFields specs={family.options ?? []} />
        </section>
      )}
      <fieldset className={styles.tight} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <legend className={styles.subheading}>Exhibits</legend>
        {exhibits.map((exhibit) => {
          const reason = pane.reasons[exhibit.id];
          const summaryId = `summary-${exhibit.id}`;
          return (
            <div key={exhibit.id} className={styles.tight}>
              <Checkbox
                label={`${exhibit.number} ${exhibit.title}`}
                aria-describedby={summaryId}
                disabled={reason !== undefined}
                checked={reason === undefined && chosen.includes(exhibit.id)}
                onChange={(_, data) =>
                  setChosen((current) =>
                    data.checked === true ? [...current, exhibit.id] : current.filter((id) => id !== exhibit.id),
                  )
                }
              />
              <Text id={summaryId} size={200} className={styles.note} style={{ paddingLeft: 32 }}>
                {reason ?? exhibit.summary.replace(/^./, (c) => c.toUpperCase())}
              </Text>
            </div>
          );
        })}
      </fieldset>
      <Text size={200} className={styles.wrap}>
        As of {shownDate(pane.asOf)}, inserted as {pane.settings.insertAs === "formulas" ? "live formulas" : "values"}{" "}
        (change both under Analyze → Study settings).
      </Text>
      {buildable.length > 0 ? (
        <PrimaryAction
          id={`insert-${family.id}`}
          label={`Insert ${count(buildable.length, "exhibit")}`}
          busyLabel="Inserting…"
          run={() => pane.insert(`insert-${family.id}`, buildable, [family.id])}
        />
      ) : exhibits.every((exhibit) => pane.reasons[exhibit.id] !== undefined) ? (
        <NeedData />
      ) : (
        <Text className={styles.wrap}>Tick the exhibits to insert.</Text>
      )}
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
