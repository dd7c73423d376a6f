/**
 * The CompStudy task pane: a shell (h1 naming the view, a toolbar with the data status,
 * Refresh and Help), at most four tabs — Data · Analyze · Personnel · Tools — drill-down pages
 * with a back button, and a footer that keeps the view's one message and its primary action
 * (with progress and Cancel) in sight. Everything is generated from the study's registry: a
 * card per input, a card per family, a field per option. Office.js lives behind the gateway.
 */
import * as React from "react";
import { createPortal } from "react-dom";
import {
  AriaLiveAnnouncer,
  Button,
  Field,
  ProgressBar,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import type { CellValue } from "../../engine/cells";
import type { Source, WorkbookChange, WorkbookGateway } from "../../excel/gateway";
import { WriteCancelled } from "../../excel/exhibitWriter";
import { DEFAULT_SETTINGS, type PaneSettings } from "../../excel/settings";
import { PLANS_INPUT, ROSTER_INPUT, type InputTable } from "../../engine/study";
import {
  LIVE_ARGUMENT_BYTES,
  REGISTRY,
  argumentBytes,
  availability,
  checkInput,
  detect,
  detectByContent,
  liveFormula,
  liveOptions,
  messageOf,
  previewSource,
  readPlans,
  runExhibits,
  sourceReference,
  studyTables,
  today,
  usable,
  validOptions,
  type InputCheck,
  type InputState,
  type Registry,
} from "../study";
import { count, list, shownDate } from "../text";
import { AnalyzeView } from "./AnalyzeView";
import { DataView } from "./DataView";
import { FirstRun, type SampleTables } from "./FirstRun";
import { NEW_PERSON, PersonnelView, type PersonState } from "./PersonnelView";
import { ToolsView } from "./ToolsView";
import { HelpIcon, NoticeBar, RefreshIcon, useStyles as useUiStyles, type Notice } from "./ui";

export type View = "data" | "analyze" | "personnel" | "tools";

/** The exhibit the Personnel tab inserts in a batch (shown only when its family is registered). */
export const PLACEMENTS_EXHIBIT = "placements";

const useStyles = makeStyles({
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
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginLeft: "auto" },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, flexWrap: "wrap" },
  // Four tabs side by side at 270 px (Excel for Mac's default width).
  tab: {
    paddingLeft: tokens.spacingHorizontalSNudge,
    paddingRight: tokens.spacingHorizontalSNudge,
    "@media (max-width: 300px)": { "& span": { fontSize: tokens.fontSizeBase200 } },
  },
  main: {
    flexGrow: 1,
    flexBasis: 0,
    minHeight: 0,
    overflowY: "auto",
    overflowX: "hidden",
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
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

/** A running action: what it says, how far it is, how to cancel it. */
export type Task = { view: View; id: string; step: string; fraction: number; controller?: AbortController };

/** The pane's page within a view (drill-down). */
export type PageState =
  { kind: "choose" | "map" | "problems"; input: string } | { kind: "family"; id: string } | undefined;

/** What the views read and do: the pane's state and actions. */
export type Pane = {
  registry: Registry;
  gateway: WorkbookGateway;
  sources: Source[];
  inputs: Record<string, InputState>;
  checks: Record<string, InputCheck>;
  settings: PaneSettings;
  asOf: string;
  options: Record<string, string>;
  reasons: Record<string, string | undefined>;
  /** The usable inputs' tables, by input id, as the engine reads them. */
  tables: Record<string, InputTable>;
  task?: Task;
  busy: boolean;
  page: PageState;
  /** Where a view's primary action is drawn (the footer). */
  footer: HTMLDivElement | null;
  openPage: (page: PageState) => void;
  closePage: () => void;
  go: (view: View) => void;
  chooseSource: (input: string, source: Source) => void;
  useSelection: (input: string) => void;
  setMapping: (input: string, label: string, header: string | undefined) => void;
  selectRow: (input: string, row: number) => void;
  setAsOf: (asOf: string) => void;
  setOption: (name: string, text: string) => void;
  setInsertAs: (mode: PaneSettings["insertAs"]) => void;
  /** Leave out (or read) the rows hidden in the sheets read. */
  setSkipHiddenRows: (skip: boolean) => void;
  insert: (id: string, exhibits: readonly string[], families: readonly string[]) => void;
  cancel: () => void;
  act: (
    id: string,
    title: string,
    failure: string,
    action: () => Promise<string | Pick<Notice, "text" | "action">>,
    to?: View,
  ) => void;
  say: (notice: Notice | undefined, where?: View | "start") => void;
  /** The Personnel tab's one-person form (kept while the user visits other tabs). */
  person: PersonState;
  setPerson: React.Dispatch<React.SetStateAction<PersonState>>;
};

export const PaneContext = React.createContext<Pane | undefined>(undefined);

export function usePane(): Pane {
  const pane = React.useContext(PaneContext);
  if (!pane) throw new Error("usePane outside the pane");
  return pane;
}

export type AppProps = {
  gateway: WorkbookGateway;
  registry?: Registry;
  /** The sample tables the project ships (loaded on demand). */
  loadSample?: () => Promise<SampleTables>;
  /** The ribbon's buttons: calls back with the view to show. */
  subscribeView?: (show: (view: View) => void) => () => void;
  initialView?: View;
};

const TAB_LABELS: Record<View, string> = { data: "Data", analyze: "Analyze", personnel: "Personnel", tools: "Tools" };

/** The pane, inside the AriaLiveAnnouncer so every message is announced. */
export function App(props: AppProps): React.JSX.Element {
  return (
    <AriaLiveAnnouncer>
      <Shell {...props} />
    </AriaLiveAnnouncer>
  );
}

function Shell({ gateway, registry = REGISTRY, loadSample, subscribeView, initialView }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [view, setView] = React.useState<View>(initialView ?? "data");
  const [pages, setPages] = React.useState<Partial<Record<View, PageState>>>({});
  const [help, setHelp] = React.useState(false);
  const [sources, setSources] = React.useState<Source[]>([]);
  const [inputs, setInputs] = React.useState<Record<string, InputState>>({});
  const [settings, setSettings] = React.useState<PaneSettings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = React.useState(false);
  const [notices, setNotices] = React.useState<Partial<Record<View | "start", Notice>>>({});
  const [task, setTask] = React.useState<Task | undefined>();
  const [footer, setFooter] = React.useState<HTMLDivElement | null>(null);
  const [person, setPerson] = React.useState<PersonState>(NEW_PERSON);
  const h1 = React.useRef<HTMLHeadingElement>(null);
  const inputsRef = React.useRef(inputs);
  inputsRef.current = inputs;

  const personnel = registry.exhibits.some((exhibit) => (exhibit.id as string) === PLACEMENTS_EXHIBIT);
  const views: View[] = personnel ? ["data", "analyze", "personnel", "tools"] : ["data", "analyze", "tools"];
  const asOf = settings.asOf ?? today();
  const options = React.useMemo(() => validOptions(settings.options, registry), [settings.options, registry]);

  // Checks: the pay plans first (the roster is placed on them), then every other input.
  const skipHiddenRows = settings.skipHiddenRows === true;
  const checks = React.useMemo(() => {
    const result: Record<string, InputCheck> = {};
    const context = { asOf, options, skipHiddenRows };
    const plansSpec = registry.inputs.find((spec) => spec.id === PLANS_INPUT.id) ?? PLANS_INPUT;
    result[plansSpec.id] = checkInput(plansSpec, inputs[plansSpec.id] ?? { mapping: {} }, context);
    const plans = usable(result[plansSpec.id]) ? readPlans(inputs[plansSpec.id], context) : undefined;
    for (const spec of registry.inputs)
      if (spec.id !== plansSpec.id)
        result[spec.id] = checkInput(spec, inputs[spec.id] ?? { mapping: {} }, { ...context, plans });
    return result;
  }, [inputs, asOf, options, registry, skipHiddenRows]);
  const tables = React.useMemo(() => studyTables(inputs, checks, skipHiddenRows), [inputs, checks, skipHiddenRows]);
  const reasons = React.useMemo(() => availability(tables, asOf, options, registry), [tables, asOf, options, registry]);

  // Where a message goes by default: the page in sight (Get started, or the current view).
  const startingRef = React.useRef(false);
  const say = React.useCallback(
    (notice: Notice | undefined, where?: View | "start") => {
      setNotices((current) => ({ ...current, [where ?? (startingRef.current ? "start" : view)]: notice }));
      if (notice) announce(`${notice.title}. ${notice.text}`);
    },
    [announce, view],
  );

  const save = React.useCallback(
    (change: (current: PaneSettings) => PaneSettings) => {
      setSettings((current) => {
        const next = change(current);
        gateway.saveSettings(next).catch(() => undefined);
        return next;
      });
    },
    [gateway],
  );

  const read = React.useCallback(
    async (id: string, source: Source, mapping?: Record<string, string>) => {
      setInputs((current) => ({
        ...current,
        [id]: { source, reading: true, mapping: mapping ?? current[id]?.mapping ?? {} },
      }));
      try {
        const table = await gateway.readValues(source, (fraction) =>
          setInputs((current) =>
            current[id]?.reading ? { ...current, [id]: { ...current[id], progress: fraction } } : current,
          ),
        );
        // Rows hidden by a filter: read (and counted on the card), or left out when the user asks.
        const hidden = await gateway.hiddenRows(source).catch((): number[] => []);
        setInputs((current) => ({
          ...current,
          [id]: { ...current[id], source, table, hidden, reading: false, progress: undefined, error: undefined },
        }));
      } catch (error) {
        setInputs((current) => ({
          ...current,
          [id]: { ...current[id], source, table: undefined, reading: false, error: messageOf(error) },
        }));
      }
    },
    [gateway],
  );

  /** Lists the workbook's sources and re-reads every input: remembered ones by name, the rest detected. */
  const refresh = React.useCallback(
    async (remembered: PaneSettings) => {
      let found: Source[];
      try {
        found = await gateway.listSources();
      } catch (error) {
        say({ intent: "error", title: "The workbook's tables were not listed", text: messageOf(error) }, "data");
        return;
      }
      setSources(found);
      const detected = detect(found, registry.inputs);
      // Inputs no name points to: the sheets and tables left are recognised by their top rows
      // ("FY25 Salary Schedule" with a title row above its header is the pay plans).
      const unnamed = registry.inputs.filter(
        (spec) =>
          (spec.id === PLANS_INPUT.id || spec.id === ROSTER_INPUT.id) &&
          !detected[spec.id] &&
          !(remembered.inputs[spec.id] ?? inputsRef.current[spec.id]?.source),
      );
      if (unnamed.length > 0) {
        const named = new Set(Object.values(detected).map((source) => `${source.kind}:${source.name}`));
        const previews: { source: Source; rows: CellValue[][] }[] = [];
        for (const source of found.filter((s) => s.kind !== "name" && !named.has(`${s.kind}:${s.name}`)))
          previews.push({
            source,
            rows: await gateway.readValues(previewSource(source)).catch((): CellValue[][] => []),
          });
        Object.assign(detected, detectByContent(previews, unnamed));
      }
      for (const spec of registry.inputs) {
        const saved = remembered.inputs[spec.id] ?? inputsRef.current[spec.id]?.source;
        const mapping = remembered.mappings[spec.id];
        if (saved) {
          // A table, name or sheet is found again by its name (it may have grown); a selection by its address.
          const fixed = saved.kind === "range" && saved.name === "Selection";
          const again = fixed
            ? { ...saved }
            : found.find((source) => source.kind === saved.kind && source.name === saved.name);
          if (again) void read(spec.id, again, mapping);
          else
            setInputs((current) => ({
              ...current,
              [spec.id]: {
                source: saved,
                mapping: mapping ?? {},
                error: `${saved.name} is no longer in the workbook: choose the ${spec.label.toLowerCase()} again`,
              },
            }));
        } else if (detected[spec.id]) {
          // Found by its name: remembered from now on, so a later rename of another table cannot take its place.
          const source = detected[spec.id];
          save((current) => ({ ...current, inputs: { ...current.inputs, [spec.id]: { ...source } } }));
          void read(spec.id, source, mapping);
        }
      }
    },
    [gateway, read, registry.inputs, say, save],
  );

  // Opening: the settings saved in the workbook, then every input re-checked.
  React.useEffect(() => {
    let live = true;
    void gateway
      .loadSettings()
      .catch(() => DEFAULT_SETTINGS)
      .then(async (saved) => {
        if (!live) return;
        setSettings(saved);
        await refresh(saved);
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [gateway]); // eslint-disable-line react-hooks/exhaustive-deps -- once per gateway

  // Tables or sheets added or removed: list again; cells of a chosen input changed: read it again.
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  React.useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = new Set<string>();
    const onChange = (change: WorkbookChange): void => {
      if (change.kind === "structure") pending.add("*");
      else
        for (const [id, state] of Object.entries(inputsRef.current))
          if (state.source && sheetOf(state.source.address) === change.sheet) pending.add(id);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ids = [...pending];
        pending.clear();
        if (ids.includes("*")) void refresh(settingsRef.current);
        else
          for (const id of ids) {
            const state = inputsRef.current[id];
            if (state?.source) void read(id, state.source);
          }
      }, 600);
    };
    gateway.watch(onChange).then(
      (unsubscribe) => (stop = unsubscribe),
      () => undefined,
    );
    return () => {
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [gateway, read, refresh]);

  React.useEffect(() => subscribeView?.((next) => go(next)), [subscribeView]); // eslint-disable-line react-hooks/exhaustive-deps

  const noneDetected =
    loaded && registry.inputs.every((spec) => !inputs[spec.id]?.source) && !settings.started && !help;
  const starting = help || noneDetected;
  startingRef.current = starting;

  const go = (next: View): void => {
    setHelp(false);
    setView(next);
    if (!settings.started) save((current) => ({ ...current, started: true }));
  };

  // Focus follows navigation: a page's heading takes it on open (Page); back, the button that
  // opened the page gets it again — found by its data-opener key, as the card is drawn anew.
  const restore = React.useRef<string | undefined>(undefined);
  const openPage = (page: PageState): void => {
    setPages((current) => ({ ...current, [view]: page }));
  };
  const closePage = (): void => {
    const page = pages[view];
    restore.current = page ? openerKey(page) : undefined;
    setPages((current) => ({ ...current, [view]: undefined }));
  };
  React.useEffect(() => {
    const key = restore.current;
    if (key === undefined) return;
    restore.current = undefined;
    const opener = document.querySelector<HTMLElement>(`[data-opener="${key}"]`);
    if (opener) opener.focus();
    else h1.current?.focus();
  }, [pages]);

  const cancel = (): void => task?.controller?.abort();

  const insert = (id: string, exhibitIds: readonly string[], families: readonly string[]): void => {
    if (task) return;
    const controller = new AbortController();
    const here = view;
    let highest = 0;
    const progress = (step: string, fraction: number): void => {
      // Progress only rises: a later step never shows a smaller fraction.
      highest = Math.max(highest, fraction);
      setTask({ view: here, id, step, fraction: highest, controller });
    };
    say(undefined);
    progress("Computing the exhibits", 0.02);
    void (async () => {
      try {
        // Let the progress bar paint before the study runs.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const result = runExhibits(tables, asOf, options, exhibitIds);
        if (result.summary.employees === 0)
          throw new Error(
            "No employee could be placed in a grade of the pay plans: check the roster's Plan and Grade columns",
          );
        const live = settings.insertAs === "formulas";
        if (live && argumentBytes(tables) > LIVE_ARGUMENT_BYTES)
          throw new Error(
            "These tables are too large for live formulas in Excel on the web (over 5 MB a calculation): insert them as values",
          );
        const bound: Record<string, Source> = {};
        for (const [key, state] of Object.entries(inputs)) if (state.source && tables[key]) bound[key] = state.source;
        const liveOptionRows = liveOptions(options, inputs);
        const { sheets } = await gateway.insertExhibits(result, {
          signal: controller.signal,
          onProgress: progress,
          ...(live
            ? {
                live: {
                  options: liveOptionRows,
                  formula: (exhibit, optionsAddress) => liveFormula(exhibit.id, bound, asOf, optionsAddress, registry),
                },
              }
            : {}),
        });
        const stamp = new Date().toISOString();
        save((current) => ({
          ...current,
          lastRun: { ...current.lastRun, ...Object.fromEntries(families.map((family) => [family, stamp])) },
        }));
        const first = sheets[0];
        say(
          {
            intent: "success",
            title: `${count(sheets.length, "exhibit sheet")} inserted${live ? " as live formulas" : ""}`,
            text: `${count(result.summary.employees, "employee")} placed, ${count(result.summary.unmatched, "unmatched row")}.`,
            action: first
              ? { label: `Go to ${first.name}`, run: () => void gateway.activateSheet(first.name) }
              : undefined,
          },
          here,
        );
      } catch (error) {
        if (controller.signal.aborted || error instanceof WriteCancelled)
          say(
            { intent: "info", title: "Cancelled", text: "No exhibit sheets were kept: the workbook is as it was." },
            here,
          );
        else {
          const cause = error instanceof Error && error.cause !== undefined ? messageOf(error.cause) : undefined;
          say(
            { intent: "error", title: "The exhibits were not inserted", text: messageOf(error), detail: cause },
            here,
          );
        }
      } finally {
        setTask(undefined);
      }
    })();
  };

  const act = (
    id: string,
    title: string,
    failure: string,
    action: () => Promise<string | Pick<Notice, "text" | "action">>,
    /** Where the success is said, when the action moves to another view (the sample: to Data). */
    to?: View,
  ): void => {
    if (task) return;
    const here = startingRef.current ? "start" : view;
    say(undefined);
    setTask({ view, id, step: "", fraction: 0 });
    action()
      .then(
        (done) => say({ intent: "success", title, ...(typeof done === "string" ? { text: done } : done) }, to ?? here),
        (error: unknown) => say({ intent: "error", title: failure, text: messageOf(error) }, here),
      )
      .finally(() => setTask(undefined));
  };

  const pane: Pane = {
    registry,
    gateway,
    sources,
    inputs,
    checks,
    settings,
    asOf,
    options,
    reasons,
    tables,
    task,
    busy: task !== undefined,
    page: pages[view],
    footer,
    openPage,
    closePage,
    go,
    chooseSource: (id, source) => {
      save((current) => ({ ...current, started: true, inputs: { ...current.inputs, [id]: { ...source } } }));
      void read(id, source);
    },
    useSelection: (id) => {
      void gateway.selectionAddress().then(
        (address) => {
          const source: Source = { kind: "range", name: "Selection", address };
          save((current) => ({ ...current, started: true, inputs: { ...current.inputs, [id]: source } }));
          void read(id, source);
        },
        (error: unknown) => say({ intent: "error", title: "The selection was not read", text: messageOf(error) }),
      );
    },
    setMapping: (id, label, header) => {
      const mapping = { ...(inputs[id]?.mapping ?? {}) };
      if (header === undefined || header === "") delete mapping[label];
      else mapping[label] = header;
      setInputs((current) => ({ ...current, [id]: { ...(current[id] ?? {}), mapping } }));
      save((current) => ({ ...current, mappings: { ...current.mappings, [id]: mapping } }));
    },
    selectRow: (id, row) => {
      const source = inputs[id]?.source;
      if (!source) return;
      void gateway
        .selectRange(rowAddress(source.address, row))
        .catch((error: unknown) => say({ intent: "error", title: "The row was not selected", text: messageOf(error) }));
    },
    setAsOf: (value) => save((current) => ({ ...current, asOf: value === today() ? undefined : value })),
    setOption: (name, text) => save((current) => ({ ...current, options: { ...current.options, [name]: text } })),
    setInsertAs: (mode) => save((current) => ({ ...current, insertAs: mode })),
    setSkipHiddenRows: (skip) =>
      save((current) => {
        const { skipHiddenRows: _old, ...rest } = current;
        return skip ? { ...rest, skipHiddenRows: true } : rest;
      }),
    insert,
    cancel,
    act,
    say,
    person,
    setPerson,
  };

  const ready = registry.inputs.filter((spec) => usable(checks[spec.id])).length;
  const chosen = registry.inputs.filter((spec) => checks[spec.id]?.status !== "not-set");
  const attention = chosen.filter((spec) => !usable(checks[spec.id]) && checks[spec.id]?.status !== "reading");
  const dataStatus =
    chosen.length === 0
      ? "No data yet"
      : attention.length > 0
        ? `${count(attention.length, "input")} to fix`
        : `${count(ready, "input")} ready`;
  const title = starting ? "Get started" : TAB_LABELS[view];
  const notice = notices[starting ? "start" : view];
  const footerTask = task && task.view === view && !starting && task.id.startsWith("insert") ? task : undefined;

  return (
    <PaneContext.Provider value={pane}>
      <div className={styles.shell}>
        <header className={styles.header}>
          <h1 ref={h1} tabIndex={-1} className={styles.h1}>
            {title}
          </h1>
          <div className={styles.toolbar} role="toolbar" aria-label="Pane">
            <Button
              size="small"
              appearance="subtle"
              onClick={() => go("data")}
              aria-label={`Data status: ${dataStatus}`}
            >
              {dataStatus}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              icon={<RefreshIcon />}
              aria-label="Refresh: look for tables again and re-check the inputs"
              disabledFocusable={task !== undefined}
              onClick={() => {
                void refresh(settings).then(() => announce("Inputs checked again"));
              }}
            />
            <Button
              size="small"
              appearance="subtle"
              icon={<HelpIcon />}
              aria-label="Help: getting started"
              aria-pressed={help}
              onClick={() => {
                setHelp(!help);
                h1.current?.focus();
              }}
            />
          </div>
        </header>
        <nav aria-label="Views">
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={starting ? null : view}
            onTabSelect={(_, data) => go(data.value as View)}
          >
            {views.map((key) => (
              <Tab key={key} value={key} className={styles.tab}>
                {TAB_LABELS[key]}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={styles.main} aria-label={title}>
          {starting ? (
            <FirstRun
              loadSample={loadSample}
              onStart={() => go("data")}
              onSample={(sample) =>
                act(
                  "sample",
                  "Sample data inserted",
                  "The sample data was not inserted",
                  async () => {
                    const added = await gateway.insertTables(sample.tables);
                    save((current) => ({ ...current, started: true, asOf: sample.asOf, inputs: {} }));
                    await refresh({ ...settings, inputs: {} });
                    setHelp(false);
                    setView("data");
                    h1.current?.focus();
                    return `${count(added.length, "table")} added (${list(sample.tables.map((t) => t.table))}), as of ${shownDate(sample.asOf)}.`;
                  },
                  "data",
                )
              }
            />
          ) : view === "data" ? (
            <DataView />
          ) : view === "analyze" ? (
            <AnalyzeView />
          ) : view === "personnel" ? (
            <PersonnelView />
          ) : (
            <ToolsView />
          )}
        </main>
        <Footer
          task={footerTask}
          notice={notice}
          onSlot={setFooter}
          onDismiss={() => {
            say(undefined);
            h1.current?.focus();
          }}
        />
      </div>
    </PaneContext.Provider>
  );
}

/** The footer: the view's one message, the progress of its action, and the slot its primary action renders into. */
function Footer({
  task,
  notice,
  onDismiss,
  onSlot,
}: {
  task?: Task;
  notice?: Notice;
  onDismiss: () => void;
  onSlot: (element: HTMLDivElement | null) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <footer className={styles.footer} aria-label="Result and action">
      {notice && <NoticeBar notice={notice} onDismiss={onDismiss} />}
      {task && (
        <Field label="Inserting exhibits" validationMessage={task.step} validationState="none">
          <ProgressBar
            value={task.fraction}
            max={1}
            aria-valuetext={`${Math.round(task.fraction * 100)}%: ${task.step}`}
          />
        </Field>
      )}
      <div ref={onSlot} />
    </footer>
  );
}

/**
 * A view's primary action, drawn in the footer: the button stays mounted while it runs (it says
 * "Inserting…" and keeps focus), with Cancel beside it.
 */
export function PrimaryAction({
  id,
  label,
  busyLabel,
  run,
}: {
  id: string;
  label: string;
  busyLabel: string;
  run: () => void;
}): React.JSX.Element | null {
  const pane = usePane();
  const ui = useUiStyles();
  if (!pane.footer) return null;
  const running = pane.task?.id === id;
  return createPortal(
    <div className={ui.row}>
      <Button appearance="primary" data-primary="" disabledFocusable={pane.busy} onClick={run}>
        {running ? busyLabel : label}
      </Button>
      {running && pane.task?.controller && (
        <Button
          onClick={() => {
            // Cancel goes away with the run: focus moves to the action it cancelled first.
            document.querySelector<HTMLElement>("[data-primary]")?.focus();
            pane.cancel();
          }}
        >
          Cancel
        </Button>
      )}
    </div>,
    pane.footer,
  );
}

/** The key of the button that opens a page (its data-opener attribute). */
export function openerKey(page: NonNullable<PageState>): string {
  return page.kind === "family" ? `family:${page.id}` : `${page.kind}:${page.input}`;
}

/** The sheet of an address ("'Pay Plans'!A1:M31" → "Pay Plans"). */
export function sheetOf(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0
    ? ""
    : address
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
}

/** The address of row `row` (1-based within the source) across the source's columns. */
export function rowAddress(address: string, row: number): string {
  const bang = address.lastIndexOf("!");
  const sheet = bang < 0 ? "" : address.slice(0, bang + 1);
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?\d+)?$/i.exec(
    (bang < 0 ? address : address.slice(bang + 1)).trim(),
  );
  if (!match) return address;
  const top = Number(match[2]) + row - 1;
  return `${sheet}${match[1]}${top}:${match[3] ?? match[1]}${top}`;
}

export { sourceReference };
