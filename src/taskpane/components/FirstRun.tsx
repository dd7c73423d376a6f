/**
 * First run (and Help → Get started): what CompStudy does, three steps, and "Try with sample
 * data", which adds the sample tables the project ships (Portland 2013 pay plans, a made-up
 * roster, and the sheets the analyses add to the sample) to the workbook.
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { usePane, useStore, type SampleTables } from "../store";
import { useStyles } from "./ui";

export function FirstRun({
  loadSample,
  onStart,
}: {
  loadSample?: () => Promise<SampleTables>;
  onStart: () => void;
}): React.JSX.Element {
  const pane = usePane();
  const store = useStore();
  const styles = useStyles();
  const [loading, setLoading] = React.useState(false);
  return (
    <div className={styles.stack}>
      <Text size={400} className={styles.wrap}>
        A compensation study inside your workbook: where each employee sits in their pay range, grade by grade, in
        formatted exhibits — and the pay rules as COMP functions.
      </Text>
      <ol className={styles.list}>
        <li>
          <Text className={styles.wrap}>Choose your pay-plan table and your roster (Data).</Text>
        </li>
        <li>
          <Text className={styles.wrap}>Pick the analyses and the date they are as of (Analyze).</Text>
        </li>
        <li>
          <Text className={styles.wrap}>Insert the exhibits, as values or as live formulas.</Text>
        </li>
      </ol>
      <div className={styles.row}>
        {loadSample && (
          <Button
            appearance="primary"
            disabledFocusable={pane.busy || loading}
            onClick={() => {
              setLoading(true);
              loadSample()
                .then(
                  (sample) => store.insertSample(sample),
                  (error: unknown) =>
                    pane.say({
                      intent: "error",
                      title: "The sample data was not loaded",
                      text: error instanceof Error ? error.message : String(error),
                    }),
                )
                .finally(() => setLoading(false));
            }}
          >
            {loading || pane.task?.id === "sample" ? "Adding the sample…" : "Try with sample data"}
          </Button>
        )}
        <Button onClick={onStart}>Choose my tables</Button>
      </div>
      <Text size={200} className={styles.note}>
        The sample adds sheets with made-up employees on the Portland Public Schools 2013 pay plans. Nothing leaves your
        workbook: CompStudy makes no network calls.
      </Text>
    </div>
  );
}
