/**
 * Tools: the COMP functions — grouped by what they are for, or searched — each with an example
 * written on the workbook's own tables (the pay plans and roster chosen on Data) to insert into
 * the active cell; the rules sheet; and sharing (COMP formulas to values, after a confirmation
 * that counts the cells). The groups start closed, so the rules sheet and sharing are in sight.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  SearchBox,
  Text,
} from "@fluentui/react-components";
import type { FormulaScope } from "../../excel/gateway";
import { CATALOG_GROUPS, searchCatalog, type CatalogEntry } from "../../functions/catalog";
import { exampleRefs, standsAlone, workbookExample, type ExampleRefs } from "../examples";
import { useKept, usePane } from "../store";
import { messageOf } from "../study";
import { count, list } from "../text";
import { useStyles } from "./ui";

/** What a template name stands for, in the words of the Data tab. */
const NEEDS: Record<keyof ExampleRefs, string> = {
  plans: "the pay plans",
  schedule: "the pay plans",
  grade: "the pay plans",
  payRow: "the pay plans",
  roster: "the roster",
  salary: "a roster whose employees are in the pay plans",
  asOf: "the study's As of date",
  lanes: "a lane schedule",
  lane: "a lane schedule",
};

/** One function: what it does, its example on this workbook, and Insert (or what the example needs). */
function FunctionItem({ entry, refs }: { entry: CatalogEntry; refs: ExampleRefs }): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const bound = workbookExample(entry, refs);
  const formula =
    bound && "formula" in bound
      ? bound.formula
      : bound === undefined && standsAlone(entry.example)
        ? entry.example
        : undefined;
  const needs =
    bound && "missing" in bound
      ? list([...new Set(bound.missing.map((name) => NEEDS[name]))])
      : formula === undefined
        ? "columns of your own sheet"
        : undefined;
  return (
    <li className={styles.tight}>
      <Text weight="semibold" className={styles.wrap}>
        COMP.{entry.name}
      </Text>
      <Text size={200} className={styles.wrap}>
        {entry.description}
      </Text>
      <Text className={styles.code}>{formula ?? entry.example}</Text>
      {formula !== undefined ? (
        <div>
          <Button
            size="small"
            aria-label={`Insert COMP.${entry.name} example`}
            disabledFocusable={pane.busy}
            onClick={() =>
              pane.act(
                `formula-${entry.name}`,
                `COMP.${entry.name} inserted`,
                "The example was not inserted",
                async () => `In cell ${await pane.gateway.insertFormula(formula)}.`,
              )
            }
          >
            Insert
          </Button>
        </div>
      ) : (
        <Text size={200} className={styles.note}>
          On your data this example needs {needs}:{" "}
          {needs === "columns of your own sheet" ? "write it with them" : "choose it on Data"}.
        </Text>
      )}
    </li>
  );
}

export function ToolsView(): React.JSX.Element {
  const pane = usePane();
  const styles = useStyles();
  const [query, setQuery] = useKept("tools.query", "");
  const [open, setOpen] = useKept<string[]>("tools.groups", []);
  const refs = React.useMemo(() => exampleRefs(pane.inputs, pane.asOf), [pane.inputs, pane.asOf]);
  const [scope, setScope] = React.useState<FormulaScope>("selection");
  const [confirm, setConfirm] = React.useState<number | undefined>();
  const convertButton = React.useRef<HTMLButtonElement>(null);
  const functions = searchCatalog(query);
  const where = scope === "selection" ? "the selection" : "the active sheet";

  const askConvert = async (): Promise<void> => {
    try {
      const cells = await pane.gateway.countCompFormulas(scope);
      if (cells === 0)
        pane.say({ intent: "info", title: "Nothing to convert", text: `There are no COMP formulas in ${where}.` });
      else setConfirm(cells);
    } catch (error) {
      pane.say({ intent: "error", title: "The COMP formulas were not counted", text: messageOf(error) });
    }
  };

  return (
    <div className={styles.stack}>
      <section className={styles.card} aria-labelledby="functions-heading">
        <h2 id="functions-heading" className={styles.heading}>
          Functions
        </h2>
        <Text size={200} className={styles.wrap}>
          Type =COMP. in a cell, or insert an example — written with your tables — into the active cell (only when it is
          empty).
        </Text>
        <Field label="Search the COMP functions">
          <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} />
        </Field>
        <Text size={200} aria-live="polite">
          {query.trim() === ""
            ? `${count(functions.length, "function")} in ${CATALOG_GROUPS.length} groups`
            : `${count(functions.length, "function")} found`}
        </Text>
        {query.trim() === "" ? (
          <Accordion multiple collapsible openItems={open} onToggle={(_, data) => setOpen(data.openItems.map(String))}>
            {CATALOG_GROUPS.map((group) => (
              <AccordionItem key={group.title} value={group.title}>
                <AccordionHeader size="small">
                  {group.title} ({group.entries.length})
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.plain} aria-label={group.title}>
                    {group.entries.map((entry) => (
                      <FunctionItem key={entry.name} entry={entry} refs={refs} />
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        ) : (
          <ul className={styles.plain} aria-label="COMP functions">
            {functions.map((entry) => (
              <FunctionItem key={entry.name} entry={entry} refs={refs} />
            ))}
          </ul>
        )}
        {functions.length === 0 && <Text className={styles.wrap}>No function matches “{query}”.</Text>}
      </section>

      <section className={styles.card} aria-labelledby="rules-heading">
        <h2 id="rules-heading" className={styles.heading}>
          Rules sheet
        </h2>
        <Text size={200} className={styles.wrap}>
          Adds a “COMP Rules” sheet with the policy values as named cells (COMP_EXPERIENCE_RATE …) for formulas to use.
        </Text>
        <div>
          <Button
            disabledFocusable={pane.busy}
            onClick={() =>
              pane.act("rules", "Rules sheet inserted", "The rules sheet was not inserted", async () => {
                const { sheet, names } = await pane.gateway.insertRulesSheet();
                return `${count(names, "named value")} on the sheet '${sheet}'.`;
              })
            }
          >
            {pane.task?.id === "rules" ? "Inserting…" : "Insert rules sheet"}
          </Button>
        </div>
      </section>

      <section className={styles.card} aria-labelledby="sharing-heading">
        <h2 id="sharing-heading" className={styles.heading}>
          Sharing
        </h2>
        <Text size={200} className={styles.wrap}>
          Before sending the workbook to someone without CompStudy, turn COMP formulas into their values.
        </Text>
        <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as FormulaScope)} aria-label="Convert in">
          <Radio value="selection" label="Selection" />
          <Radio value="sheet" label="Active sheet" />
        </RadioGroup>
        <div>
          <Button ref={convertButton} disabledFocusable={pane.busy} onClick={() => void askConvert()}>
            Convert COMP formulas to values
          </Button>
        </div>
      </section>

      <Dialog
        open={confirm !== undefined}
        onOpenChange={(_, data) => {
          if (!data.open) {
            setConfirm(undefined);
            requestAnimationFrame(() => convertButton.current?.focus());
          }
        }}
      >
        <DialogSurface aria-describedby="convert-text">
          <DialogBody>
            <DialogTitle>Convert COMP formulas?</DialogTitle>
            <DialogContent id="convert-text">
              {count(confirm ?? 0, "cell")} in {where} will keep {confirm === 1 ? "its" : "their"} current{" "}
              {confirm === 1 ? "value" : "values"} and lose {confirm === 1 ? "its COMP formula" : "their COMP formulas"}
              . Other formulas are not changed.
            </DialogContent>
            <DialogActions>
              <Button
                onClick={() => {
                  setConfirm(undefined);
                  requestAnimationFrame(() => convertButton.current?.focus());
                }}
              >
                Keep formulas
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirm(undefined);
                  requestAnimationFrame(() => convertButton.current?.focus());
                  pane.act("convert", "Formulas converted", "The formulas were not converted", async () => {
                    const changed = await pane.gateway.convertCompFormulas(scope);
                    return `${count(changed, "cell")} now ${changed === 1 ? "holds its value" : "hold their values"}.`;
                  });
                }}
              >
                Convert {count(confirm ?? 0, "cell")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
