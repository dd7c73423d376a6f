/**
 * The pane's shared pieces: styles, icons, the one message of a view (with Details), the status
 * badge of an input, and a drill-down page (back button, heading that takes focus, Escape to go back).
 */
import * as React from "react";
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { InputCheck } from "../study";
import { statusText } from "../study";

export const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  tight: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    "@media (forced-colors: active)": { border: "1px solid CanvasText" },
  },
  cardHead: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  /** Secondary text that wraps anywhere. */
  note: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", minWidth: 0 },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  plain: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  full: { width: "100%", minWidth: 0 },
  /** A Field whose control may be narrower than its longest option (a select at 270 px). */
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  select: {
    width: "100%",
    minWidth: 0,
    maxWidth: "100%",
    "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
  },
  detail: {
    margin: 0,
    // pre-line: line breaks kept, spaces folded, so no trailing space hangs past the edge.
    whiteSpace: "pre-line",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXS, "& button": { whiteSpace: "nowrap" } },
  pageHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
});

const svg = (path: string): React.JSX.Element => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor">
    <path d={path} />
  </svg>
);

export const BackIcon = (): React.JSX.Element =>
  svg("M10.35 3.15a.5.5 0 0 1 0 .7L6.2 8l4.15 4.15a.5.5 0 0 1-.7.7l-4.5-4.5a.5.5 0 0 1 0-.7l4.5-4.5a.5.5 0 0 1 .7 0Z");
export const RefreshIcon = (): React.JSX.Element =>
  svg(
    "M8 3a5 5 0 0 0-4.33 7.5.5.5 0 0 1-.87.5A6 6 0 0 1 13 4.34V2.5a.5.5 0 0 1 1 0v3a.5.5 0 0 1-.5.5h-3a.5.5 0 0 1 0-1h1.86A5 5 0 0 0 8 3Zm4.77 2.5a.5.5 0 0 1 .68.19A6 6 0 0 1 3 11.66v1.84a.5.5 0 0 1-1 0v-3a.5.5 0 0 1 .5-.5h3a.5.5 0 0 1 0 1H3.64a5 5 0 0 0 8.94-4.81.5.5 0 0 1 .19-.69Z",
  );
export const HelpIcon = (): React.JSX.Element =>
  svg(
    "M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm0 1a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Zm0 8a.75.75 0 1 1 0 1.5.75.75 0 0 1 0-1.5Zm0-5.5c1.1 0 2 .84 2 1.88 0 .76-.42 1.16-.88 1.5-.4.3-.62.47-.62.87a.5.5 0 0 1-1 0c0-.9.55-1.32.97-1.63.37-.28.53-.42.53-.74 0-.47-.43-.88-1-.88s-1 .41-1 .88a.5.5 0 0 1-1 0C6 5.84 6.9 5 8 5Z",
  );

/** The one message of a view. */
export type Notice = {
  intent: "success" | "error" | "info" | "warning";
  title: string;
  text: string;
  /** Technical detail, behind the Details toggle. */
  detail?: string;
  action?: { label: string; run: () => void };
};

/** A view's message: title, text, an optional action, Details that wrap, and Dismiss. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const detailId = React.useId();
  return (
    <MessageBar intent={notice.intent} layout="multiline" className={styles.wrap}>
      <MessageBarBody className={styles.wrap}>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        <span className={styles.wrap}>{notice.text}</span>
        {notice.detail !== undefined && open && (
          <pre id={detailId} className={styles.detail}>
            {notice.detail}
          </pre>
        )}
      </MessageBarBody>
      <MessageBarActions className={styles.actions}>
        {notice.action && (
          <Button size="small" onClick={notice.action.run}>
            {notice.action.label}
          </Button>
        )}
        {notice.detail !== undefined && (
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? "Hide details" : "Details"}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

const BADGE_COLOR = {
  ready: "success",
  problems: "warning",
  "needs-mapping": "warning",
  "not-set": "informative",
  reading: "informative",
  error: "danger",
} as const;

/** An input's status as a badge with words (never colour alone). */
export function StatusBadge({ check }: { check: InputCheck | undefined }): React.JSX.Element {
  if (!check)
    return (
      <Badge appearance="tint" color="informative" shape="rounded">
        Not set
      </Badge>
    );
  return (
    <Badge appearance="tint" color={BADGE_COLOR[check.status]} shape="rounded">
      {statusText(check)}
    </Badge>
  );
}

/** A drill-down page: back button and heading (focused on open); Escape goes back too. */
export function Page({
  title,
  onBack,
  children,
  className,
}: {
  title: string;
  onBack: () => void;
  children: React.ReactNode;
  className?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className={mergeClasses(styles.stack, className)}
      aria-labelledby="page-heading"
      onKeyDown={(event) => {
        // Escape goes back unless a popup (a select's list, a dialog) takes it first.
        if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <div className={styles.pageHead}>
        <Button appearance="subtle" icon={<BackIcon />} aria-label="Back" onClick={onBack} />
        <h2 id="page-heading" ref={heading} tabIndex={-1} className={mergeClasses(styles.heading, styles.wrap)}>
          {title}
        </h2>
      </div>
      {children}
    </section>
  );
}

/** A heading and text for a section with nothing in it yet. */
export function Empty({
  text,
  action,
}: {
  text: string;
  action?: { label: string; run: () => void };
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.tight}>
      <Text className={styles.wrap}>{text}</Text>
      {action && (
        <Link as="button" onClick={action.run}>
          {action.label}
        </Link>
      )}
    </div>
  );
}
