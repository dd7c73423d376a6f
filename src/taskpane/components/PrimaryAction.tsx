/**
 * A view's main action: drawn in the footer (Analyze's Insert, Data's Next), or in place where it
 * belongs to part of a page (the Personnel batch's Insert, whose progress shows beside it). The
 * button stays mounted while it runs (it says "Inserting…" and keeps focus), with Cancel beside it.
 */
import * as React from "react";
import { createPortal } from "react-dom";
import { Button } from "@fluentui/react-components";
import { usePane } from "../store";
import { Progress } from "./Chrome";
import { useStyles } from "./ui";

export function PrimaryAction({
  id,
  label,
  busyLabel = label,
  run,
  where = "footer",
  children,
}: {
  id: string;
  label: string;
  busyLabel?: string;
  run: () => void;
  /** The footer (the view's primary action), or in place (a secondary action of part of the page). */
  where?: "footer" | "inline";
  /** What goes with the action (a choice that changes what it does), above the button. */
  children?: React.ReactNode;
}): React.JSX.Element | null {
  const pane = usePane();
  const ui = useStyles();
  const button = React.useRef<HTMLButtonElement>(null);
  const running = pane.task?.id === id;
  const content = (
    <div className={ui.tight}>
      {children}
      <div className={ui.row}>
        <Button
          ref={button}
          appearance={where === "footer" ? "primary" : "secondary"}
          data-primary={where === "footer" ? "" : undefined}
          disabledFocusable={pane.busy}
          onClick={run}
        >
          {running ? busyLabel : label}
        </Button>
        {running && pane.task?.controller && (
          <Button
            onClick={() => {
              // Cancel goes away with the run: focus moves to the action it cancelled first.
              button.current?.focus();
              pane.cancel();
            }}
          >
            Cancel
          </Button>
        )}
      </div>
      {where === "inline" && running && pane.task && <Progress task={pane.task} />}
    </div>
  );
  if (where === "inline") return content;
  return pane.footer ? createPortal(content, pane.footer) : null;
}
