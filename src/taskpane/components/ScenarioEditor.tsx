/**
 * The costing family's scenario editor (issue 20 item 7), plugged in by the option name of the
 * schedule increases: a row per year — increase, flat amount, steps frozen — added and removed,
 * then turnover and the loads, then the settlement's new money, computed as soon as the scenario
 * reads (settlement-cost's All rows: each year's total cost and its change from today). The
 * scenario is a study setting saved in the workbook (the store's setScenario), as typed; the
 * engine's options follow from it once every year reads.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LOAD, MAX_YEARS, PER_FTE, SETTLEMENT_INPUT, TURNOVER, YEARS, FLAT, FREEZE } from "../../engine/study";
import {
  EMPTY_YEAR,
  newMoneyOf,
  scenarioReads,
  yearProblems,
  yearsFromOptions,
  type NewMoney,
  type ScenarioYear,
} from "../scenario";
import { useKept, usePane, type Pane } from "../store";
import { messageOf, runExhibits } from "../study";
import { count, shownMoney } from "../text";
import type { OptionEditor, OptionFieldProps } from "./option-editor";
import { useStyles } from "./ui";

const useEditorStyles = makeStyles({
  year: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    "@media (forced-colors: active)": { border: "1px solid CanvasText" },
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  pair: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS, minWidth: 0 },
  amount: { flex: "1 1 7em", minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  input: { width: "100%", minWidth: 0 },
  ends: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", minWidth: 0 },
  money: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** The years on screen: as saved by the editor, else read from options saved before it. */
function yearsOf(pane: Pane): ScenarioYear[] {
  return pane.settings.scenario ?? yearsFromOptions(pane.settings.options);
}

/** One year: its increase and flat amount (each with its message in words), steps frozen, Remove. */
function YearRow({
  year,
  row,
  disabled,
  onChange,
  onRemove,
}: {
  year: number;
  row: ScenarioYear;
  disabled: boolean;
  onChange: (row: ScenarioYear) => void;
  onRemove: () => void;
}): React.JSX.Element {
  const styles = useEditorStyles();
  const problems = yearProblems(row, year);
  return (
    <fieldset className={styles.year}>
      <legend className={styles.legend}>Year {year}</legend>
      <div className={styles.pair}>
        {(["increase", "flat"] as const).map((key) => (
          <Field
            key={key}
            label={key === "increase" ? "Increase" : "Flat amount"}
            className={styles.amount}
            validationState={problems[key] ? "error" : "none"}
            validationMessage={problems[key]}
          >
            <Input
              id={key === "flat" ? undefined : year === 1 ? "option-raise" : `scenario-increase-${year}`}
              className={styles.input}
              value={row[key]}
              placeholder={key === "increase" ? "0%" : "0"}
              inputMode={key === "flat" ? "decimal" : undefined}
              disabled={disabled}
              onChange={(_, data) => onChange({ ...row, [key]: data.value })}
            />
          </Field>
        ))}
      </div>
      <div className={styles.ends}>
        <Checkbox
          label="Steps frozen"
          checked={row.frozen}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...row, frozen: data.checked === true })}
        />
        <Button
          size="small"
          appearance="subtle"
          aria-label={`Remove year ${year}`}
          disabledFocusable={disabled}
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
    </fieldset>
  );
}

/** The new money as last computed, for the scenario, options and tables it was computed from. */
type Computed = { key: string; tables: unknown; money?: NewMoney; error?: string };

/** The settlement's new money: computed once the scenario reads and settlement-cost can be built, shown when done. */
function NewMoneyView({ years }: { years: readonly ScenarioYear[] }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const own = useEditorStyles();
  const [computed, setComputed] = useKept<Computed | undefined>("costing.new-money", undefined);
  const need = pane.reasons["settlement-cost"];
  const reads = scenarioReads(years);
  const ready = reads && pane.asOf !== undefined && need === undefined;
  const key = JSON.stringify([pane.asOf, pane.options]);
  const current = computed !== undefined && computed.key === key && computed.tables === pane.tables;
  React.useEffect(() => {
    if (!ready || current || pane.asOf === undefined) return undefined;
    const { tables, options, asOf } = pane;
    // A pause after the last keystroke, and the "Computing" line painted, before the study runs.
    const timer = setTimeout(() => {
      try {
        const money = newMoneyOf(runExhibits(tables, asOf, options, ["settlement-cost"]));
        setComputed(
          money
            ? { key, tables, money }
            : { key, tables, error: "The settlement cost could not be built from these inputs." },
        );
      } catch (error) {
        setComputed({ key, tables, error: messageOf(error) });
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [ready, current, key, pane, setComputed]);

  let body: React.ReactNode;
  if (!reads) body = <Text className={styles.wrap}>Correct the years above to see the new money.</Text>;
  else if (pane.asOf === undefined)
    body = <Text className={styles.wrap}>Set the As of date to see the new money.</Text>;
  else if (need !== undefined)
    body = (
      <Text className={styles.wrap}>
        {years.length === 0 && pane.tables[SETTLEMENT_INPUT.id] === undefined
          ? "Add a year to see what the settlement costs."
          : `The new money shows once the settlement can be costed: it needs ${need.what}.`}
      </Text>
    );
  else if (!current || computed === undefined) body = <Text className={styles.wrap}>Computing the new money…</Text>;
  else if (computed.error !== undefined || computed.money === undefined)
    body = <Text className={styles.wrap}>The new money was not computed: {computed.error}</Text>;
  else {
    const money = computed.money;
    body = (
      <>
        <Text className={own.money}>
          {shownMoney(money.settlement, false)} over {count(money.years.length, "year")}
        </Text>
        <ul className={styles.list}>
          {money.years.map((year) => (
            <li key={year.year}>
              <Text className={styles.wrap}>
                Year {year.year}: {shownMoney(year.change, false)} more than today ({shownMoney(year.total, false)} in
                all)
              </Text>
            </li>
          ))}
        </ul>
        <Text size={200} className={styles.note}>
          The new money is the sum of each year&apos;s change from today&apos;s {shownMoney(money.base, false)}:
          salaries, supplemental pay and loads, less turnover, as the Settlement Cost exhibit gives them.
        </Text>
      </>
    );
  }
  return (
    <section className={styles.tight} aria-labelledby="new-money-heading">
      <h4 id="new-money-heading" className={styles.subheading}>
        New money
      </h4>
      <div className={styles.tight} aria-live="polite">
        {body}
      </div>
    </section>
  );
}

/** The scenario editor: the years, turnover and loads, the new money. */
export const ScenarioEditor: OptionEditor = ({ disabled, Field: OptionFieldOf }) => {
  const pane = usePane();
  const styles = useStyles();
  const years = yearsOf(pane);
  const add = React.useRef<HTMLButtonElement>(null);
  const focusYear = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    if (focusYear.current === undefined) return;
    document
      .getElementById(focusYear.current === 1 ? "option-raise" : `scenario-increase-${focusYear.current}`)
      ?.focus();
    focusYear.current = undefined;
  });
  const set = (next: ScenarioYear[]): void => pane.setScenario(next);
  const fromTable = pane.tables[SETTLEMENT_INPUT.id] !== undefined;
  const field = (spec: OptionFieldProps["spec"]): React.JSX.Element => (
    <OptionFieldOf
      key={spec.name}
      spec={spec}
      value={pane.settings.options[spec.name] ?? ""}
      disabled={disabled}
      onChange={(text) => pane.setOption(spec.name, text)}
    />
  );
  return (
    <div className={styles.stack}>
      <section className={styles.tight} aria-labelledby="scenario-heading" id={`option-${YEARS.name}`} tabIndex={-1}>
        <h4 id="scenario-heading" className={styles.subheading}>
          Settlement, year by year
        </h4>
        {fromTable ? (
          <Text className={styles.wrap}>
            The {SETTLEMENT_INPUT.label} table chosen on Data gives the settlement.
            {years.length > 0
              ? " The years below are given too, and a settlement is costed from one of them only: clear the years, or stop using the table on Data."
              : " To try a scenario here instead, stop using the table on Data."}
          </Text>
        ) : (
          <Text size={200} className={styles.note}>
            Each year every step is raised by the increase, then the flat amount is added (in each grade&apos;s pay
            unit); steps move one step up unless frozen. A blank increase or amount is 0.
          </Text>
        )}
        {years.map((row, at) => (
          <YearRow
            key={at}
            year={at + 1}
            row={row}
            disabled={disabled}
            onChange={(changed) => set(years.map((old, i) => (i === at ? changed : old)))}
            onRemove={() => {
              set(years.filter((_, i) => i !== at));
              add.current?.focus();
            }}
          />
        ))}
        <div className={styles.row}>
          {years.length < MAX_YEARS ? (
            <Button
              ref={add}
              id={years.length === 0 ? "option-raise" : undefined}
              disabledFocusable={disabled}
              onClick={() => {
                focusYear.current = years.length + 1;
                set([...years, { ...EMPTY_YEAR }]);
              }}
            >
              Add a year
            </Button>
          ) : (
            <Text className={styles.wrap}>{MAX_YEARS} years at most.</Text>
          )}
          {years.length > 0 && fromTable && (
            <Button disabledFocusable={disabled} onClick={() => set([])}>
              Clear the years
            </Button>
          )}
        </div>
      </section>
      <section className={styles.stack} aria-labelledby="loads-heading">
        <h4 id="loads-heading" className={styles.subheading}>
          Turnover and loads
        </h4>
        {[TURNOVER, LOAD, PER_FTE].map(field)}
      </section>
      <NewMoneyView years={years} />
    </div>
  );
};

ScenarioEditor.covers = [FLAT.name, FREEZE.name, YEARS.name, TURNOVER.name, LOAD.name, PER_FTE.name];
