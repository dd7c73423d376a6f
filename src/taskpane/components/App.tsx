/**
 * The CompStudy task pane's shell: a header (the view's name, the data status, Refresh, Help),
 * at most four tabs — Data · Analyze · Personnel · Tools — the current view, and a footer that
 * keeps the view's one message and its footer action (with progress and Cancel) in sight. Each
 * tab is its own page: it comes back at its own scroll position. The state and the actions live
 * in the store (../store); each view draws itself from it and keeps its own local state.
 */
import * as React from "react";
import { AriaLiveAnnouncer, Tab, TabList, useAnnounce } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../excel/gateway";
import { PLACEMENTS_EXHIBIT, PaneStore, StoreContext, openerKey, usePane, useStore, type View } from "../store";
import type { SampleTables } from "../store";
import { REGISTRY, usable, type Registry } from "../study";
import { count } from "../text";
import { AnalyzeView } from "./AnalyzeView";
import { DataView } from "./DataView";
import { FirstRun } from "./FirstRun";
import { PersonnelView } from "./PersonnelView";
import { ToolsView } from "./ToolsView";
import { Footer, Header, useShellStyles as useStyles } from "./Chrome";

export type AppProps = {
  gateway: WorkbookGateway;
  registry?: Registry;
  /** The sample tables the project ships (loaded on demand). */
  loadSample?: () => Promise<SampleTables>;
  /** The ribbon's buttons: calls back with the view to show. */
  subscribeView?: (show: (view: View) => void) => () => void;
  initialView?: View;
};

/** The views, in tab order: a new view is its own file and one line here (and its name in the store's View). */
const VIEWS: {
  id: View;
  label: string;
  Component: () => React.JSX.Element;
  shown?: (registry: Registry) => boolean;
}[] = [
  { id: "data", label: "Data", Component: DataView },
  { id: "analyze", label: "Analyze", Component: AnalyzeView },
  {
    id: "personnel",
    label: "Personnel",
    Component: PersonnelView,
    shown: (registry) => registry.exhibits.some((exhibit) => (exhibit.id as string) === PLACEMENTS_EXHIBIT),
  },
  { id: "tools", label: "Tools", Component: ToolsView },
];

/** The pane: its store, inside the AriaLiveAnnouncer so every message is announced. */
export function App({ gateway, registry = REGISTRY, initialView, ...props }: AppProps): React.JSX.Element {
  const [store] = React.useState(() => new PaneStore(gateway, registry, initialView));
  return (
    <AriaLiveAnnouncer>
      <StoreContext.Provider value={store}>
        <Shell {...props} />
      </StoreContext.Provider>
    </AriaLiveAnnouncer>
  );
}

function Shell({ loadSample, subscribeView }: Pick<AppProps, "loadSample" | "subscribeView">): React.JSX.Element {
  const styles = useStyles();
  const store = useStore();
  const state = React.useSyncExternalStore(store.subscribe, store.getState);
  const pane = usePane();
  const { announce } = useAnnounce();
  const h1 = React.useRef<HTMLHeadingElement>(null);
  const main = React.useRef<HTMLElement>(null);
  const scrolls = React.useRef<Record<string, number>>({});
  const opened = React.useRef<Partial<Record<View, string>>>({});

  React.useEffect(() => store.setAnnouncer(announce), [store, announce]);
  React.useEffect(() => {
    void store.start();
    return store.watch();
  }, [store]);
  React.useEffect(() => subscribeView?.((next) => store.go(next)), [store, subscribeView]);
  React.useEffect(() => {
    if (state.focusHeading > 0) h1.current?.focus();
  }, [state.focusHeading]);

  const starting = store.starting(state);
  const view = state.view;
  const page = state.pages[view];
  // Back from a page: the button that opened it takes focus again (found by its data-opener key).
  React.useEffect(() => {
    const before = opened.current[view];
    opened.current[view] = page ? openerKey(page) : undefined;
    if (before === undefined || page) return;
    const opener = document.querySelector<HTMLElement>(`[data-opener="${before}"]`);
    if (opener) opener.focus();
    else h1.current?.focus();
  }, [view, page]);

  // Each tab and page keeps its own scroll position; a page opened for the first time starts at the top.
  const place = starting ? "start" : `${view}|${page ? openerKey(page) : ""}`;
  React.useLayoutEffect(() => {
    if (main.current) main.current.scrollTop = scrolls.current[place] ?? 0;
  }, [place]);

  const views = VIEWS.filter((entry) => entry.shown?.(pane.registry) ?? true);
  const current = VIEWS.find((entry) => entry.id === view) ?? VIEWS[0];
  const ready = pane.registry.inputs.filter((spec) => usable(pane.checks[spec.id])).length;
  const chosen = pane.registry.inputs.filter((spec) => pane.checks[spec.id]?.status !== "not-set");
  const attention = chosen.filter(
    (spec) => !usable(pane.checks[spec.id]) && pane.checks[spec.id]?.status !== "reading",
  );
  const dataStatus =
    chosen.length === 0
      ? "No data yet"
      : attention.length > 0
        ? `${count(attention.length, "input")} to fix`
        : `${count(ready, "input")} ready`;
  const title = starting ? "Get started" : current.label;
  const notice = state.notices[starting ? "start" : view];
  const task = state.task;
  const progress = task && task.view === view && !starting && task.where === "footer" ? task : undefined;

  return (
    <div className={styles.shell}>
      <Header
        title={title}
        heading={h1}
        dataStatus={dataStatus}
        help={state.help}
        busy={task !== undefined}
        onData={() => store.go("data")}
        onRefresh={() => void store.refresh().then(() => announce("Inputs checked again"))}
        onHelp={() => {
          store.setHelp(!state.help);
          h1.current?.focus();
        }}
      />
      <nav aria-label="Views">
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={starting ? null : view}
          onTabSelect={(_, data) => store.go(data.value as View)}
        >
          {views.map((entry) => (
            <Tab key={entry.id} value={entry.id} className={styles.tab}>
              {entry.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main
        ref={main}
        className={styles.main}
        aria-label={title}
        onScroll={(event) => (scrolls.current[place] = event.currentTarget.scrollTop)}
      >
        <div className={styles.page}>
          {starting ? <FirstRun loadSample={loadSample} onStart={() => store.go("data")} /> : <current.Component />}
        </div>
      </main>
      <Footer
        notice={notice}
        progress={progress}
        onSlot={store.setFooter}
        onDismiss={() => {
          store.say(undefined);
          h1.current?.focus();
        }}
      />
    </div>
  );
}
