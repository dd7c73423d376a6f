import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellValue } from "../../engine/cells";
import type { PayPlans, Roster } from "../../engine/study";
import { ROSTER_FIELDS, EXHIBIT_IDS } from "../../engine/study";
import { searchCatalog } from "../../functions/catalog";
import type { ExhibitId } from "../../exhibits/spec/types";
import type { FormulaScope, Source, WorkbookGateway } from "../../excel/gateway";
import type { WrittenSheet } from "../../excel/exhibitWriter";
import {
  checkPlans,
  checkRoster,
  detect,
  messageOf,
  rosterColumns,
  study,
  today,
  type Check,
  type Mapping,
} from "../study";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    maxWidth: "640px",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "160px" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.4fr)",
    gap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  functionItem: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // Sixteen functions are long at 320 px: the list scrolls inside its own box.
  functionList: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxHeight: "360px",
    overflowY: "auto",
    paddingRight: tokens.spacingHorizontalXS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export const EXHIBIT_LABELS: Partial<Record<ExhibitId, string>> = {
  "pay-plan-summary": "3-1 Pay plan summary",
  "grade-placement": "3-2 Grade placement",
  midpoint: "3-3 Midpoint analysis",
  quartiles: "3-4 Quartile analysis (with charts)",
  "job-families": "3-5 Job families",
  tenure: "3-6 Tenure",
  "schedule-audit": "3-7 Schedule audit",
  "unmatched-employees": "3-8 Unmatched employees",
};

// Until the registry-driven pane: the exhibits this pane can feed (pay plans and roster only).
const PANE_EXHIBITS = EXHIBIT_IDS.filter((id) => EXHIBIT_LABELS[id] !== undefined);

type Notice = { intent: "error" | "success" | "info"; title: string; text: string; sheets?: WrittenSheet[] };

type Input<T> = { source?: Source; table?: CellValue[][]; parsed?: T; check?: Check; reading: boolean };

function sourceLabel(source: Source): string {
  return source.kind === "range" ? `${source.name} (${source.address})` : `${source.name} — ${source.address}`;
}

/** The CompStudy task pane. */
export function App({ gateway }: { gateway: WorkbookGateway }): React.JSX.Element {
  const styles = useStyles();
  const [sources, setSources] = React.useState<Source[]>([]);
  const [plans, setPlans] = React.useState<Input<PayPlans>>({ reading: false });
  const [roster, setRoster] = React.useState<Input<Roster>>({ reading: false });
  const [mapping, setMapping] = React.useState<Mapping>({});
  const [asOf, setAsOf] = React.useState(today());
  const [chosen, setChosen] = React.useState<ExhibitId[]>([...PANE_EXHIBITS]);
  const [running, setRunning] = React.useState<{ step: string; fraction: number } | undefined>();
  const [notice, setNotice] = React.useState<Notice | undefined>();
  const [query, setQuery] = React.useState("");
  const [scope, setScope] = React.useState<FormulaScope>("selection");
  const [confirm, setConfirm] = React.useState<number | undefined>();
  const abort = React.useRef<AbortController | undefined>();
  const noticeRef = React.useRef<HTMLDivElement>(null);
  // A result is announced at the top of the pane: bring it into view wherever the button was.
  React.useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);
  const busy = running !== undefined || plans.reading || roster.reading;
  const asOfValid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(asOf));

  const fail = (title: string, error: unknown): void => setNotice({ intent: "error", title, text: messageOf(error) });

  const readPlans = React.useCallback(
    async (source: Source) => {
      setPlans({ source, reading: true });
      try {
        const table = await gateway.readValues(source);
        const { plans: parsed, check } = checkPlans(table);
        setPlans({ source, table, parsed, check, reading: false });
      } catch (error) {
        setPlans({ source, reading: false, check: { ok: false, line: messageOf(error), problems: [] } });
      }
    },
    [gateway],
  );

  const readRoster = React.useCallback(
    async (source: Source) => {
      setRoster({ source, reading: true });
      try {
        const table = await gateway.readValues(source);
        setRoster({ source, table, reading: false });
      } catch (error) {
        setRoster({ source, reading: false, check: { ok: false, line: messageOf(error), problems: [] } });
      }
    },
    [gateway],
  );

  // The roster's check depends on the mapping, the as-of date and the plans: recompute it.
  const rosterTable = roster.table;
  const checked = React.useMemo(
    () => (rosterTable ? checkRoster(rosterTable, mapping, asOfValid ? asOf : today(), plans.parsed) : undefined),
    [rosterTable, mapping, asOf, asOfValid, plans.parsed],
  );
  const columns = React.useMemo(
    () => (rosterTable ? rosterColumns(rosterTable, mapping) : undefined),
    [rosterTable, mapping],
  );

  React.useEffect(() => {
    let live = true;
    gateway.listSources().then(
      (found) => {
        if (!live) return;
        setSources(found);
        const detected = detect(found);
        if (detected.plans) void readPlans(detected.plans);
        if (detected.roster) void readRoster(detected.roster);
      },
      (error: unknown) => live && fail("Could not list the workbook's tables", error),
    );
    return () => {
      live = false;
    };
  }, [gateway, readPlans, readRoster]);

  const readSelection = async (which: "plans" | "roster"): Promise<void> => {
    try {
      const address = await gateway.selectionAddress();
      const source: Source = { kind: "range", name: "Selection", address };
      await (which === "plans" ? readPlans(source) : readRoster(source));
    } catch (error) {
      fail("Could not read the selection", error);
    }
  };

  const insert = async (): Promise<void> => {
    if (!plans.parsed || !plans.table || !roster.table || !checked?.roster || !plans.source || !roster.source) return;
    const controller = new AbortController();
    abort.current = controller;
    setNotice(undefined);
    setRunning({ step: "Computing the exhibits", fraction: 0 });
    try {
      const result = study(
        { plans: plans.table, roster: roster.table },
        mapping,
        asOf,
        [plans.source, roster.source],
        chosen,
      );
      if (result.summary.employees === 0) {
        throw new Error(
          "No employee could be placed in a grade of the pay plans: check the roster's Plan and Grade columns",
        );
      }
      const { sheets } = await gateway.insertExhibits(result, {
        signal: controller.signal,
        onProgress: (step, fraction) => setRunning({ step, fraction }),
      });
      setNotice({
        intent: "success",
        title: `${sheets.length} exhibit sheet${sheets.length === 1 ? "" : "s"} inserted`,
        text: `${result.summary.employees.toLocaleString("en-US")} employees placed, ${result.summary.unmatched.toLocaleString("en-US")} unmatched.`,
        sheets,
      });
    } catch (error) {
      if (controller.signal.aborted) setNotice({ intent: "info", title: "Cancelled", text: messageOf(error) });
      else fail("The exhibits were not inserted", error);
    } finally {
      setRunning(undefined);
      abort.current = undefined;
    }
  };

  const act = async (title: string, action: () => Promise<string>): Promise<void> => {
    setNotice(undefined);
    try {
      setNotice({ intent: "success", title, text: await action() });
    } catch (error) {
      fail(`${title}: not done`, error);
    }
  };

  const askConvert = async (): Promise<void> => {
    try {
      const n = await gateway.countCompFormulas(scope);
      if (n === 0)
        setNotice({
          intent: "info",
          title: "Nothing to convert",
          text: `No COMP formulas in the ${scope === "selection" ? "selection" : "active sheet"}.`,
        });
      else setConfirm(n);
    } catch (error) {
      fail("Could not count COMP formulas", error);
    }
  };

  const ready = Boolean(plans.parsed && checked?.roster && asOfValid && chosen.length > 0);
  const functions = searchCatalog(query);

  return (
    <main className={styles.root}>
      {notice && (
        <MessageBar ref={noticeRef} intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle> {notice.text}
            {notice.sheets && (
              <div className={styles.row}>
                {notice.sheets.map((sheet) => (
                  <Button key={sheet.name} size="small" onClick={() => void gateway.activateSheet(sheet.name)}>
                    Go to sheet {sheet.name}
                  </Button>
                ))}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="data-heading">
        <Subtitle2 as="h2" id="data-heading">
          Data
        </Subtitle2>
        <InputPicker
          label="Pay plans"
          hint="Columns Plan, Grade, Step 1 … Step N"
          sources={sources}
          input={plans}
          check={plans.check}
          disabled={busy}
          onPick={(source) => void readPlans(source)}
          onSelection={() => void readSelection("plans")}
        />
        <InputPicker
          label="Roster"
          hint="One row per employee: Employee ID, Plan, Grade, Salary, Hire Date, Job Family, Job Title"
          sources={sources}
          input={roster}
          check={roster.check ?? checked?.check}
          disabled={busy}
          onPick={(source) => void readRoster(source)}
          onSelection={() => void readSelection("roster")}
        />
        {columns && columns.headers.length > 0 && (
          <details>
            <summary>Roster columns</summary>
            <div className={styles.columns}>
              {ROSTER_FIELDS.map((spec) => (
                <React.Fragment key={spec.field}>
                  <Text id={`map-${spec.field}`}>
                    {spec.label}
                    {spec.required ? " *" : ""}
                  </Text>
                  <Dropdown
                    aria-labelledby={`map-${spec.field}`}
                    disabled={busy}
                    value={columns.detected[spec.field] ?? "(none)"}
                    selectedOptions={[columns.detected[spec.field] ?? ""]}
                    onOptionSelect={(_, data) =>
                      setMapping((current) => {
                        const next = { ...current };
                        if (data.optionValue) next[spec.field] = data.optionValue;
                        else delete next[spec.field];
                        return next;
                      })
                    }
                  >
                    <Option value="">(none)</Option>
                    {columns.headers.map((header) => (
                      <Option key={header} value={header}>
                        {header}
                      </Option>
                    ))}
                  </Dropdown>
                </React.Fragment>
              ))}
            </div>
          </details>
        )}
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="actions-heading">
        <Subtitle2 as="h2" id="actions-heading">
          Exhibits
        </Subtitle2>
        <Field
          label="As of"
          hint="Tenure is measured to this date"
          validationState={asOfValid ? "none" : "error"}
          validationMessage={asOfValid ? undefined : "Write the date as yyyy-mm-dd"}
        >
          <Input type="date" value={asOf} disabled={busy} onChange={(_, data) => setAsOf(data.value)} />
        </Field>
        <Checkbox
          label="All exhibits"
          disabled={busy}
          checked={chosen.length === PANE_EXHIBITS.length ? true : chosen.length === 0 ? false : "mixed"}
          onChange={(_, data) => setChosen(data.checked === true ? [...PANE_EXHIBITS] : [])}
        />
        {PANE_EXHIBITS.map((id) => (
          <Checkbox
            key={id}
            label={EXHIBIT_LABELS[id]}
            disabled={busy}
            checked={chosen.includes(id)}
            onChange={(_, data) =>
              setChosen((current) =>
                PANE_EXHIBITS.filter((e) => (e === id ? data.checked === true : current.includes(e))),
              )
            }
          />
        ))}
        {running ? (
          <Field validationMessage={running.step} validationState="none" label="Inserting">
            <ProgressBar value={running.fraction} max={1} />
            <Button onClick={() => abort.current?.abort()}>Cancel</Button>
          </Field>
        ) : (
          <Button appearance="primary" disabled={!ready || busy} onClick={() => void insert()}>
            Insert{" "}
            {chosen.length === PANE_EXHIBITS.length
              ? "all exhibits"
              : `${chosen.length} exhibit${chosen.length === 1 ? "" : "s"}`}
          </Button>
        )}
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="rules-heading">
        <Subtitle2 as="h2" id="rules-heading">
          Rules
        </Subtitle2>
        <Text>
          Adds a “COMP Rules” sheet with the policy values as named cells (COMP_EXPERIENCE_RATE …) for formulas to use.
        </Text>
        <Button
          disabled={busy}
          onClick={() =>
            void act("Rules sheet inserted", async () => {
              const { sheet, names } = await gateway.insertRulesSheet();
              return `${names} named values on the sheet '${sheet}'.`;
            })
          }
        >
          Insert rules sheet
        </Button>
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="functions-heading">
        <Subtitle2 as="h2" id="functions-heading">
          Functions
        </Subtitle2>
        <Field label="Search the COMP functions">
          <Input type="search" value={query} onChange={(_, data) => setQuery(data.value)} />
        </Field>
        <div className={styles.functionList} role="list" aria-label="COMP functions" tabIndex={0}>
          {functions.map((entry) => (
            <div key={entry.name} className={styles.functionItem} role="listitem">
              <Text weight="semibold">COMP.{entry.name}</Text>
              <Text size={200}>{entry.description}</Text>
              <div className={styles.row}>
                <Text className={styles.code}>{entry.example}</Text>
                <Button
                  size="small"
                  aria-label={`Insert COMP.${entry.name} example`}
                  disabled={busy}
                  onClick={() =>
                    void act(
                      `COMP.${entry.name} inserted`,
                      async () => `In cell ${await gateway.insertFormula(entry.example)}.`,
                    )
                  }
                >
                  Insert
                </Button>
              </div>
            </div>
          ))}
          {functions.length === 0 && <Text>No function matches “{query}”.</Text>}
        </div>
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="sharing-heading">
        <Subtitle2 as="h2" id="sharing-heading">
          Sharing
        </Subtitle2>
        <Text>Before sending the workbook to someone without CompStudy, turn COMP formulas into their values.</Text>
        <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as FormulaScope)} aria-label="Convert in">
          <Radio value="selection" label="Selection" />
          <Radio value="sheet" label="Active sheet" />
        </RadioGroup>
        <Button disabled={busy} onClick={() => void askConvert()}>
          Convert COMP formulas to values
        </Button>
      </section>

      <Dialog open={confirm !== undefined} onOpenChange={(_, data) => !data.open && setConfirm(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Convert COMP formulas?</DialogTitle>
            <DialogContent>
              {confirm} cell{confirm === 1 ? "" : "s"} in the {scope === "selection" ? "selection" : "active sheet"}{" "}
              will keep their current values and lose their COMP formulas. Other formulas are not changed.
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirm(undefined)}>Keep formulas</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirm(undefined);
                  void act(
                    "Formulas converted",
                    async () => `${await gateway.convertCompFormulas(scope)} cells now hold values.`,
                  );
                }}
              >
                Convert {confirm} cell{confirm === 1 ? "" : "s"}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}

type PickerProps = {
  label: string;
  hint: string;
  sources: Source[];
  input: Input<unknown>;
  check?: Check;
  disabled: boolean;
  onPick: (source: Source) => void;
  onSelection: () => void;
};

function InputPicker({
  label,
  hint,
  sources,
  input,
  check,
  disabled,
  onPick,
  onSelection,
}: PickerProps): React.JSX.Element {
  const styles = useStyles();
  const state = input.reading ? "none" : check ? (check.ok ? "success" : "error") : "none";
  return (
    <Field
      label={label}
      hint={hint}
      validationState={state}
      validationMessage={input.reading ? `Reading ${input.source?.address ?? ""}…` : check?.line}
    >
      <div className={styles.row}>
        <Dropdown
          className={styles.grow}
          aria-label={`${label}: table or range`}
          placeholder="Pick a table or range"
          disabled={disabled}
          value={input.source ? sourceLabel(input.source) : ""}
          selectedOptions={input.source ? [input.source.address] : []}
          onOptionSelect={(_, data) => {
            const source = sources.find((s) => s.address === data.optionValue);
            if (source) onPick(source);
          }}
        >
          {sources.map((source) => (
            <Option key={`${source.kind}:${source.name}`} value={source.address} text={sourceLabel(source)}>
              {sourceLabel(source)}
            </Option>
          ))}
        </Dropdown>
        <Button disabled={disabled} onClick={onSelection} aria-label={`${label}: use selection`}>
          Use selection
        </Button>
      </div>
      {check && check.problems.length > 0 && (
        <ul className={styles.problems} aria-label={`${label} problems`}>
          {check.problems.slice(0, 20).map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
          {check.problems.length > 20 && (
            <li>and {check.problems.length - 20} more (listed in the Unmatched Employees exhibit)</li>
          )}
        </ul>
      )}
    </Field>
  );
}
