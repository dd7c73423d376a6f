/**
 * The shell's frame: its styles, the header (the view's name as the h1, the data status,
 * Refresh, Help) and the footer (the view's one message, the progress of a footer action, and
 * the slot a view's footer action is drawn into).
 */
import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Task } from "../store";
import { HelpIcon, NoticeBar, RefreshIcon, type Notice } from "./ui";

export const useShellStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: 600 },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginLeft: "auto" },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, flexWrap: "wrap" },
  // Four tabs side by side at 270 px (Excel for Mac's default width).
  tab: {
    paddingLeft: tokens.spacingHorizontalSNudge,
    paddingRight: tokens.spacingHorizontalSNudge,
    "@media (max-width: 300px)": { "& span": { fontSize: tokens.fontSizeBase200 } },
  },
  main: { flexGrow: 1, flexBasis: 0, minHeight: 0, overflowY: "auto", overflowX: "hidden", minWidth: 0 },
  page: { padding: tokens.spacingHorizontalM, minWidth: 0 },
  footer: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: "50vh",
    overflowY: "auto",
    flexShrink: 0,
    // Its parts keep their height: the footer scrolls (up to half the window) rather than squeeze them.
    "& > *": { flexShrink: 0 },
    "@media (forced-colors: active)": { borderTop: "1px solid CanvasText" },
    // Nothing to show (no message, no action): no empty band at the bottom.
    ":has(> div:only-child:empty)": { display: "none" },
  },
});

export function Header({
  title,
  heading,
  dataStatus,
  help,
  busy,
  onData,
  onRefresh,
  onHelp,
}: {
  title: string;
  heading: React.RefObject<HTMLHeadingElement>;
  dataStatus: string;
  help: boolean;
  busy: boolean;
  onData: () => void;
  onRefresh: () => void;
  onHelp: () => void;
}): React.JSX.Element {
  const styles = useShellStyles();
  return (
    <header className={styles.header}>
      <h1 ref={heading} tabIndex={-1} className={styles.h1}>
        {title}
      </h1>
      <div className={styles.toolbar} role="toolbar" aria-label="Pane">
        <Button size="small" appearance="subtle" onClick={onData} aria-label={`Data status: ${dataStatus}`}>
          {dataStatus}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          icon={<RefreshIcon />}
          aria-label="Refresh: look for tables again and re-check the inputs"
          disabledFocusable={busy}
          onClick={onRefresh}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<HelpIcon />}
          aria-label="Help: getting started"
          aria-pressed={help}
          onClick={onHelp}
        />
      </div>
    </header>
  );
}

/** The footer: the view's one message, the progress of its action, and the slot its footer action renders into. */
export function Footer({
  notice,
  progress,
  onDismiss,
  onSlot,
}: {
  notice?: Notice;
  progress?: Task;
  onDismiss: () => void;
  onSlot: (element: HTMLDivElement | null) => void;
}): React.JSX.Element {
  const styles = useShellStyles();
  return (
    <footer className={styles.footer} aria-label="Result and action">
      {notice && <NoticeBar notice={notice} onDismiss={onDismiss} />}
      {progress && <Progress task={progress} />}
      <div ref={onSlot} />
    </footer>
  );
}

/** An insert's progress: its step in words and how far it is. */
export function Progress({ task }: { task: Task }): React.JSX.Element {
  return (
    <Field label="Inserting exhibits" validationMessage={task.step} validationState="none">
      <ProgressBar value={task.fraction} max={1} aria-valuetext={`${Math.round(task.fraction * 100)}%: ${task.step}`} />
    </Field>
  );
}
