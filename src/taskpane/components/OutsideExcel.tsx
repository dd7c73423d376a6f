import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

/** Shown when the page is opened anywhere but Excel. */
export function OutsideExcel({ reason }: { reason: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Open CompStudy from Excel</MessageBarTitle>
          {reason} CompStudy works inside Excel: Home → CompStudy. For the COMP functions, type =COMP. in a cell.
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
