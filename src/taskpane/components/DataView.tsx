/**
 * Data: one card per input of the registry (pay plans, roster, and whatever tables the
 * analyses declare): where it is read from and its size, a status badge, which analyses use it,
 * and its actions — choose a table, use the selection, map the columns, show the problems.
 */
import * as React from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { DECIMAL, type InputSpec } from "../../engine/study";
import { usePane } from "../store";
import { sourceExtent, sourceLabel, usable, usedBy, type InputCheck } from "../study";
import { count, list } from "../text";
import { OptionField } from "./OptionField";
import { PrimaryAction } from "./PrimaryAction";
import { Empty, Page, StatusBadge, useStyles } from "./ui";

/** Problems listed on the page at once; the rest are counted (and all are in the Unmatched Employees exhibit). */
const PROBLEMS_SHOWN = 50;

export function DataView(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const page = pane.page;
  if (page && (page.kind === "choose" || page.kind === "map" || page.kind === "problems")) {
    const spec = pane.registry.inputs.find((input) => input.id === page.input);
    if (spec) {
      if (page.kind === "choose") return <ChoosePage spec={spec} />;
      if (page.kind === "map") return <MapPage spec={spec} />;
      return <ProblemsPage spec={spec} />;
    }
  }
  const required = pane.registry.inputs.filter((spec) => spec.id === "plans" || spec.id === "roster");
  const others = pane.registry.inputs.filter((spec) => !required.includes(spec));
  const ready = required.every((spec) => usable(pane.checks[spec.id]));
  return (
    <div className={styles.stack}>
      {ready && <PrimaryAction id="next" label="Next: Analyze" run={() => pane.go("analyze")} />}
      <Text className={styles.wrap}>
        Choose each table once: CompStudy remembers it in this workbook and checks it again when the workbook changes.
      </Text>
      <Checkbox
        label="Leave out rows hidden by a filter (by default they are read, and each card counts them)"
        checked={pane.settings.skipHiddenRows === true}
        disabled={pane.busy}
        onChange={(_, data) => pane.setSkipHiddenRows(data.checked === true)}
      />
      <section className={styles.stack} aria-labelledby="inputs-required">
        <h2 id="inputs-required" className={styles.subheading}>
          Every analysis reads
        </h2>
        {required.map((spec) => (
          <InputCard key={spec.id} spec={spec} />
        ))}
      </section>
      {others.length > 0 && (
        <section className={styles.stack} aria-labelledby="inputs-other">
          <h2 id="inputs-other" className={styles.subheading}>
            Some analyses also read
          </h2>
          {others.map((spec) => (
            <InputCard key={spec.id} spec={spec} />
          ))}
        </section>
      )}
    </div>
  );
}

function InputCard({ spec }: { spec: InputSpec }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const state = pane.inputs[spec.id];
  const check = pane.checks[spec.id];
  const users = usedBy(spec, pane.registry).map((family) => family.title);
  const headingId = `input-${spec.id}`;
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <h3 id={headingId} className={styles.heading}>
          {spec.label}
        </h3>
        <StatusBadge check={check} />
      </div>
      <Text size={200} className={styles.wrap}>
        {state?.source
          ? `${sourceLabel(state.source)} · ${sourceExtent(state.source)}`
          : spec.description.replace(/^./, (c) => c.toUpperCase())}
      </Text>
      {check.status !== "not-set" && (
        <Text size={200} className={styles.wrap} role={check.status === "error" ? "alert" : undefined}>
          {check.line}
        </Text>
      )}
      <Text size={200} className={styles.note}>
        Used by {list(users)}.
      </Text>
      <div className={styles.row}>
        <Button
          size="small"
          disabledFocusable={pane.busy}
          data-opener={`choose:${spec.id}`}
          onClick={() => pane.openPage({ kind: "choose", input: spec.id })}
        >
          {state?.source ? "Change" : "Choose"}
        </Button>
        <Button size="small" disabledFocusable={pane.busy} onClick={() => pane.useSelection(spec.id)}>
          Use selection
        </Button>
        {check.status !== "not-set" && check.status !== "reading" && (
          <Button
            size="small"
            data-opener={`map:${spec.id}`}
            onClick={() => pane.openPage({ kind: "map", input: spec.id })}
          >
            {check.mappable ? "Map columns" : "Columns"}
          </Button>
        )}
        {check.problems.length > 0 && (
          <Button
            size="small"
            data-opener={`problems:${spec.id}`}
            onClick={() => pane.openPage({ kind: "problems", input: spec.id })}
          >
            Show {count(check.problems.length, "problem")}
          </Button>
        )}
      </div>
    </article>
  );
}

function ChoosePage({ spec }: { spec: InputSpec }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const current = pane.inputs[spec.id]?.source;
  const key = (kind: string, name: string): string => `${kind}:${name}`;
  return (
    <Page title={`Choose the ${spec.label.toLowerCase()}`} onBack={pane.closePage}>
      <Text className={styles.wrap}>
        {spec.description.replace(/^./, (c) => c.toUpperCase())}. Columns:{" "}
        {list(spec.fields.map((field) => field.label))}
        {spec.otherColumns ? `, ${spec.otherColumns}` : ""}.
      </Text>
      {pane.sources.length === 0 ? (
        <Empty text="The workbook has no tables, named ranges or filled sheets yet. Select the table's cells, then use the selection." />
      ) : (
        <RadioGroup
          aria-label={`Tables for the ${spec.label.toLowerCase()}`}
          value={current ? key(current.kind, current.name) : ""}
          onChange={(_, data) => {
            const source = pane.sources.find((s) => key(s.kind, s.name) === data.value);
            if (source) {
              pane.chooseSource(spec.id, source);
              pane.closePage();
            }
          }}
        >
          {pane.sources.map((source) => (
            <Radio
              key={key(source.kind, source.name)}
              value={key(source.kind, source.name)}
              label={`${sourceLabel(source)} · ${sourceExtent(source)}`}
            />
          ))}
        </RadioGroup>
      )}
      <div className={styles.row}>
        <Button
          onClick={() => {
            pane.useSelection(spec.id);
            pane.closePage();
          }}
        >
          Use the selection instead
        </Button>
      </div>
    </Page>
  );
}

/** The hint under a field on the columns page: what it reads and how it was found, or why it reads nothing. */
function fieldHint(
  check: InputCheck,
  label: string,
  required: boolean,
  mapped: string | undefined,
  mappedBy: Record<string, string>,
): { text: string; state: "error" | "warning" | "none" } {
  const found = check.columns[label];
  if (found) return { text: `Reading “${found}”, ${mapped ? "your choice" : "found automatically"}`, state: "none" };
  const candidates = check.ambiguous[label];
  if (candidates)
    return { text: `${list(candidates.map((c) => `“${c}”`))} could each be ${label}: pick one`, state: "error" };
  // The column detection finds for this field is read for another, by the user's choice: say so.
  const detected = check.detected[label];
  const other = detected === undefined ? undefined : mappedBy[detected];
  if (detected && other && other !== label)
    return { text: `“${detected}” is mapped to ${other}: pick another column, or leave this one`, state: "warning" };
  return { text: required ? "No column found" : "Not in this table", state: required ? "error" : "none" };
}

function MapPage({ spec }: { spec: InputSpec }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const check = pane.checks[spec.id];
  const mapping = pane.inputs[spec.id]?.mapping ?? {};
  // Header → the field that reads it (the user's choices, then detection), for the choices' labels.
  const readFor: Record<string, string> = {};
  for (const [label, header] of Object.entries(check.columns)) readFor[header] = label;
  const mappedBy: Record<string, string> = {};
  for (const [label, header] of Object.entries(mapping)) mappedBy[header] = label;
  return (
    <Page title={`${spec.label} columns`} onBack={pane.closePage}>
      <Text className={styles.wrap}>
        {check.mappable
          ? "Each field reads the column shown. Pick another column where the one found is wrong; “Found automatically” goes back to detection."
          : "The columns read for each field, found from the header row."}
      </Text>
      {check.status === "needs-mapping" && (
        <Text className={styles.wrap} role="alert">
          {check.line}
        </Text>
      )}
      <OptionField
        spec={DECIMAL}
        value={pane.settings.options[DECIMAL.name] ?? ""}
        disabled={pane.busy}
        onChange={(text) => pane.setOption(DECIMAL.name, text)}
      />
      {check.headers.length === 0 ? (
        <Empty text="Read the table first: choose it on the Data tab." />
      ) : !check.mappable ? (
        <ul className={styles.plain} aria-label={`${spec.label} columns read`}>
          {spec.fields
            .filter((field) => check.columns[field.label])
            .map((field) => (
              <li key={field.field} className={styles.tight}>
                <Text>
                  {field.label}: “{check.columns[field.label]}”
                </Text>
              </li>
            ))}
        </ul>
      ) : (
        spec.fields.map((field) => {
          const mapped = mapping[field.label];
          const detected = check.detected[field.label];
          const hint = fieldHint(check, field.label, field.required, mapped, mappedBy);
          return (
            <Field
              key={field.field}
              label={`${field.label}${field.required ? " (required)" : ""}`}
              hint={hint.state === "none" ? hint.text : undefined}
              validationState={hint.state}
              validationMessage={hint.state === "none" ? undefined : hint.text}
              className={styles.field}
            >
              <Select
                className={styles.select}
                value={mapped ?? ""}
                onChange={(_, data) => pane.setMapping(spec.id, field.label, data.value)}
              >
                <option value="">Found automatically ({detected ? `“${detected}”` : "none"})</option>
                {check.headers.map((header) => (
                  <option key={header} value={header}>
                    {readFor[header] && readFor[header] !== field.label
                      ? `${header} (read for ${readFor[header]})`
                      : header}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })
      )}
    </Page>
  );
}

function ProblemsPage({ spec }: { spec: InputSpec }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const problems = pane.checks[spec.id].problems;
  return (
    <Page title={`${spec.label}: ${count(problems.length, "problem")}`} onBack={pane.closePage}>
      <Text className={styles.wrap}>
        {spec.id === "roster"
          ? "These rows are not counted in the exhibits; the Unmatched Employees exhibit lists each with its reason. Fix them in the sheet, then Refresh."
          : "Fix them in the sheet, then Refresh."}
      </Text>
      {problems.length === 0 ? (
        <Empty text="No problems left." />
      ) : (
        <ul className={styles.plain} aria-label={`${spec.label} problems`}>
          {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
            <li key={index} className={styles.tight}>
              <Text className={styles.wrap}>{problem.text}</Text>
              {problem.row !== undefined && (
                <div>
                  <Button size="small" onClick={() => pane.selectRow(spec.id, problem.row as number)}>
                    Select row {problem.row}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {problems.length > PROBLEMS_SHOWN && (
        <Text className={styles.wrap}>
          And {count(problems.length - PROBLEMS_SHOWN, "more problem")}: the Unmatched Employees exhibit lists them all.
        </Text>
      )}
    </Page>
  );
}
