import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Shown when the page is opened anywhere but Excel. */
export function OutsideExcel({ reason }: { reason: string }): React.JSX.Element {
  return (
    <main style={{ padding: 12 }}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Open CompStudy from Excel</MessageBarTitle>
          {reason} CompStudy works inside Excel: Home → CompStudy. For the COMP functions, type =COMP. in a cell.
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
