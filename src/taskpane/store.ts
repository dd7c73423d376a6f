/**
 * The pane's state and what changes it: one small external store (subscribe + snapshot, read
 * with useSyncExternalStore) whose methods are the pane's named actions — refresh, choose a
 * source, map a column, set the as-of date or an option, insert, cancel. Views import usePane
 * from here (never from App.tsx), keep their own local state in useKept (it outlives a tab
 * switch), and the shell only draws the header, the tabs, the current view and the footer.
 */
import * as React from "react";
import type { ExhibitSheet } from "../excel/exhibitWriter";
import { WriteCancelled } from "../excel/exhibitWriter";
import type { NewTable, Source, WorkbookChange, WorkbookGateway } from "../excel/gateway";
import { DEFAULT_SETTINGS, type PaneSettings } from "../excel/settings";
import type { CellValue } from "../engine/cells";
import { PLANS_INPUT, ROSTER_INPUT, type InputTable } from "../engine/study";
import {
  LIVE_ARGUMENT_BYTES,
  REGISTRY,
  argumentBytes,
  checkInput,
  detect,
  detectByContent,
  liveFormula,
  liveOptions,
  messageOf,
  previewSource,
  readPlans,
  runExhibits,
  studyTables,
  today,
  usable,
  validOptions,
  type InputCheck,
  type InputState,
  type Registry,
} from "./study";
import { availability, type Need } from "./needs";
import { scenarioOptions, type ScenarioYear } from "./scenario";
import { count, list, shownDate } from "./text";
import type { Notice } from "./components/ui";

export type View = "data" | "analyze" | "personnel" | "tools";

/** The exhibit the Personnel tab inserts in a batch (shown only when its family is registered). */
export const PLACEMENTS_EXHIBIT = "placements";

/** The pane's page within a view (drill-down). */
export type PageState =
  { kind: "choose" | "map" | "problems"; input: string } | { kind: "family"; id: string } | undefined;

/** A running action: what it says, how far it is, how to cancel it, and whether its progress shows in the footer. */
export type Task = {
  view: View;
  id: string;
  step: string;
  fraction: number;
  controller?: AbortController;
  where?: "footer" | "inline";
};

/** What a second insert of the same exhibits does with the sheets of the first. */
export type Rerun = "replace" | "add";

/** The shipped sample: its as-of date and its tables. */
export type SampleTables = { asOf: string; tables: NewTable[] };

type State = {
  view: View;
  help: boolean;
  pages: Partial<Record<View, PageState>>;
  sources: Source[];
  inputs: Record<string, InputState>;
  settings: PaneSettings;
  loaded: boolean;
  notices: Partial<Record<View | "start", Notice>>;
  task?: Task;
  /** Where a footer action is drawn. */
  footer: HTMLDivElement | null;
  /** The exhibit sheets the pane wrote that are in the workbook. */
  written: ExhibitSheet[];
  rerun: Rerun;
  /** Views' own state that outlives a tab switch (useKept), by key. */
  kept: Record<string, unknown>;
  /** Bumped when the view's heading should take focus (a view changed under the user). */
  focusHeading: number;
};

/** What the views read and do: the pane's state, what follows from it, and its actions. */
export type Pane = {
  registry: Registry;
  gateway: WorkbookGateway;
  view: View;
  sources: Source[];
  inputs: Record<string, InputState>;
  checks: Record<string, InputCheck>;
  settings: PaneSettings;
  /** The study's as-of date, or undefined while the workbook has none (the pane asks for it). */
  asOf: string | undefined;
  options: Record<string, string>;
  /** Why each exhibit cannot be built now (undefined: it can), as data the views phrase. */
  reasons: Record<string, Need | undefined>;
  /** The usable inputs' tables, by input id, as the engine reads them. */
  tables: Record<string, InputTable>;
  task?: Task;
  busy: boolean;
  page: PageState;
  footer: HTMLDivElement | null;
  written: ExhibitSheet[];
  rerun: Rerun;
} & Actions;

type Actions = Pick<
  PaneStore,
  | "openPage"
  | "closePage"
  | "goTo"
  | "go"
  | "chooseSource"
  | "useSelection"
  | "setMapping"
  | "selectRow"
  | "setAsOf"
  | "setOption"
  | "setScenario"
  | "setInsertAs"
  | "setSkipHiddenRows"
  | "setRerun"
  | "insert"
  | "cancel"
  | "act"
  | "say"
>;

type Derived = {
  checks: Record<string, InputCheck>;
  tables: Record<string, InputTable>;
  reasons: Record<string, Need | undefined>;
  options: Record<string, string>;
};

export class PaneStore {
  private state: State;
  private readonly listeners = new Set<() => void>();
  private announce: (text: string) => void = () => undefined;
  private derivedFor?: { inputs: State["inputs"]; settings: PaneSettings; value: Derived };
  private paneFor?: { state: State; value: Pane };

  constructor(
    readonly gateway: WorkbookGateway,
    readonly registry: Registry = REGISTRY,
    initialView: View = "data",
  ) {
    this.state = {
      view: initialView,
      help: false,
      pages: {},
      sources: [],
      inputs: {},
      settings: DEFAULT_SETTINGS,
      loaded: false,
      notices: {},
      footer: null,
      written: [],
      rerun: "replace",
      kept: {},
      focusHeading: 0,
    };
  }

  // --- the store -------------------------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): State => this.state;

  private set(change: Partial<State> | ((state: State) => Partial<State>)): void {
    const next = typeof change === "function" ? change(this.state) : change;
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  }

  /** Where the pane's messages are announced (the shell's live region). */
  setAnnouncer(announce: (text: string) => void): void {
    this.announce = announce;
  }

  setFooter = (footer: HTMLDivElement | null): void => {
    if (footer !== this.state.footer) this.set({ footer });
  };

  setHelp(help: boolean): void {
    this.set({ help });
  }

  /** The views' kept state, by key. */
  keep(key: string, value: unknown): void {
    this.set((state) => ({ kept: { ...state.kept, [key]: value } }));
  }

  /** True while Get started is shown (the help page, or nothing chosen yet on a first run). */
  starting(state: State = this.state): boolean {
    const none =
      state.loaded &&
      this.registry.inputs.every((spec) => !state.inputs[spec.id]?.source) &&
      !state.settings.started &&
      !state.help;
    return state.help || none;
  }

  /** Checks, tables and reasons follow from the inputs and the settings (computed once per change). */
  private derived(state: State): Derived {
    const cached = this.derivedFor;
    if (cached && cached.inputs === state.inputs && cached.settings === state.settings) return cached.value;
    const options = validOptions(state.settings.options, this.registry);
    const skipHiddenRows = state.settings.skipHiddenRows === true;
    // Inputs are checked on a date even before the study has one (a separation counts by it).
    const context = { asOf: state.settings.asOf ?? today(), options, skipHiddenRows };
    const checks: Record<string, InputCheck> = {};
    // The pay plans first: the roster is placed on them.
    const plansSpec = this.registry.inputs.find((spec) => spec.id === PLANS_INPUT.id) ?? PLANS_INPUT;
    checks[plansSpec.id] = checkInput(plansSpec, state.inputs[plansSpec.id] ?? { mapping: {} }, context);
    const plans = usable(checks[plansSpec.id]) ? readPlans(state.inputs[plansSpec.id], context) : undefined;
    for (const spec of this.registry.inputs)
      if (spec.id !== plansSpec.id)
        checks[spec.id] = checkInput(spec, state.inputs[spec.id] ?? { mapping: {} }, { ...context, plans });
    const tables = studyTables(state.inputs, checks, skipHiddenRows);
    const reasons = availability(tables, context.asOf, options, this.registry);
    const value = { checks, tables, reasons, options };
    this.derivedFor = { inputs: state.inputs, settings: state.settings, value };
    return value;
  }

  /** The pane as the views read it, for a snapshot of the state. */
  pane(state: State = this.state): Pane {
    if (this.paneFor?.state === state) return this.paneFor.value;
    const value: Pane = {
      registry: this.registry,
      gateway: this.gateway,
      view: state.view,
      sources: state.sources,
      inputs: state.inputs,
      settings: state.settings,
      asOf: state.settings.asOf,
      ...this.derived(state),
      task: state.task,
      busy: state.task !== undefined,
      page: state.pages[state.view],
      footer: state.footer,
      written: state.written,
      rerun: state.rerun,
      openPage: this.openPage,
      closePage: this.closePage,
      goTo: this.goTo,
      go: this.go,
      chooseSource: this.chooseSource,
      useSelection: this.useSelection,
      setMapping: this.setMapping,
      selectRow: this.selectRow,
      setAsOf: this.setAsOf,
      setOption: this.setOption,
      setScenario: this.setScenario,
      setInsertAs: this.setInsertAs,
      setSkipHiddenRows: this.setSkipHiddenRows,
      setRerun: this.setRerun,
      insert: this.insert,
      cancel: this.cancel,
      act: this.act,
      say: this.say,
    };
    this.paneFor = { state, value };
    return value;
  }

  // --- the workbook ------------------------------------------------------------------------

  /** Opening: the settings saved in the workbook (else its own as-of date), every input, the pane's sheets. */
  async start(): Promise<void> {
    let saved = await this.gateway.loadSettings().catch(() => DEFAULT_SETTINGS);
    if (saved.asOf === undefined) {
      // A workbook that carries its study date (the sample: COMP_AS_OF) is studied as of it.
      const carried = await this.gateway.readStudyDate().catch(() => undefined);
      if (carried !== undefined) {
        saved = { ...saved, asOf: carried };
        this.gateway.saveSettings(saved).catch(() => undefined);
      }
    }
    this.set({ settings: saved });
    await this.refresh();
    this.set({ loaded: true });
  }

  private save(change: (current: PaneSettings) => PaneSettings): void {
    const next = change(this.state.settings);
    this.set({ settings: next });
    this.gateway.saveSettings(next).catch(() => undefined);
  }

  private setInput(id: string, change: (current: InputState | undefined) => InputState | undefined): void {
    this.set((state) => {
      const next = change(state.inputs[id]);
      return next === state.inputs[id] || next === undefined ? {} : { inputs: { ...state.inputs, [id]: next } };
    });
  }

  private async read(id: string, source: Source, mapping?: Record<string, string>): Promise<void> {
    this.setInput(id, (current) => ({ source, reading: true, mapping: mapping ?? current?.mapping ?? {} }));
    try {
      const table = await this.gateway.readValues(source, (fraction) =>
        this.setInput(id, (current) => (current?.reading ? { ...current, progress: fraction } : current)),
      );
      // Rows hidden by a filter: read (and counted on the card), or left out when the user asks.
      const hidden = await this.gateway.hiddenRows(source).catch((): number[] => []);
      this.setInput(id, (current) => ({
        mapping: {},
        ...current,
        source,
        table,
        hidden,
        reading: false,
        progress: undefined,
        error: undefined,
      }));
    } catch (error) {
      this.setInput(id, (current) => ({
        mapping: {},
        ...current,
        source,
        table: undefined,
        hidden: undefined,
        reading: false,
        error: messageOf(error),
      }));
    }
  }

  /** Lists the workbook's sources and re-reads every input: remembered ones by name, the rest detected. */
  async refresh(remembered: PaneSettings = this.state.settings): Promise<void> {
    let found: Source[];
    try {
      found = await this.gateway.listSources();
    } catch (error) {
      this.say({ intent: "error", title: "The workbook's tables were not listed", text: messageOf(error) }, "data");
      return;
    }
    this.set({ sources: found });
    void this.listSheets();
    const detected = detect(found, this.registry.inputs);
    Object.assign(detected, await this.detectUnnamed(found, detected, remembered));
    for (const spec of this.registry.inputs) {
      const saved = remembered.inputs[spec.id] ?? this.state.inputs[spec.id]?.source;
      const mapping = remembered.mappings[spec.id];
      if (saved) {
        // A table, name or sheet is found again by its name (it may have grown); a selection by its address.
        const fixed = saved.kind === "range" && saved.name === "Selection";
        const again = fixed
          ? { ...saved }
          : found.find((source) => source.kind === saved.kind && source.name === saved.name);
        if (again) void this.read(spec.id, again, mapping);
        else
          this.setInput(spec.id, () => ({
            source: saved,
            mapping: mapping ?? {},
            error: `${saved.name} is no longer in the workbook: choose the ${spec.label.toLowerCase()} again`,
          }));
      } else if (detected[spec.id]) {
        // Found by its name: remembered from now on, so a later rename of another table cannot take its place.
        const source = detected[spec.id];
        this.save((current) => ({ ...current, inputs: { ...current.inputs, [spec.id]: { ...source } } }));
        void this.read(spec.id, source, mapping);
      }
    }
  }

  /**
   * The pay plans and the roster where no name points to them and none is remembered: the sheets
   * and tables left are recognised by their top rows ("FY25 Salary Schedule" with a title row
   * above its header is the pay plans).
   */
  private async detectUnnamed(
    found: readonly Source[],
    detected: Readonly<Record<string, Source>>,
    remembered: PaneSettings,
  ): Promise<Record<string, Source>> {
    const unnamed = this.registry.inputs.filter(
      (spec) =>
        (spec.id === PLANS_INPUT.id || spec.id === ROSTER_INPUT.id) &&
        !detected[spec.id] &&
        !(remembered.inputs[spec.id] ?? this.state.inputs[spec.id]?.source),
    );
    if (unnamed.length === 0) return {};
    const named = new Set(Object.values(detected).map((source) => `${source.kind}:${source.name}`));
    const previews: { source: Source; rows: CellValue[][] }[] = [];
    for (const source of found.filter((s) => s.kind !== "name" && !named.has(`${s.kind}:${s.name}`)))
      previews.push({
        source,
        rows: await this.gateway.readValues(previewSource(source)).catch((): CellValue[][] => []),
      });
    return detectByContent(previews, unnamed);
  }

  /** The exhibit sheets the pane wrote, as the workbook has them now. */
  private async listSheets(): Promise<void> {
    const written = await this.gateway.listExhibitSheets().catch(() => undefined);
    if (written) this.set({ written });
  }

  /** Tables or sheets added or removed: list again; cells of a chosen input changed: read it again. */
  watch(): () => void {
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const pending = new Set<string>();
    const onChange = (change: WorkbookChange): void => {
      if (change.kind === "structure") pending.add("*");
      else
        for (const [id, state] of Object.entries(this.state.inputs))
          if (state.source && sheetOf(state.source.address) === change.sheet) pending.add(id);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ids = [...pending];
        pending.clear();
        if (ids.includes("*")) void this.refresh();
        else
          for (const id of ids) {
            const state = this.state.inputs[id];
            if (state?.source) void this.read(id, state.source);
          }
      }, 600);
    };
    this.gateway.watch(onChange).then(
      (unsubscribe) => {
        if (live) stop = unsubscribe;
        else void unsubscribe().catch(() => undefined);
      },
      () => undefined,
    );
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }

  // --- navigation and messages -------------------------------------------------------------

  readonly go = (view: View): void => {
    this.set({ help: false, view });
    if (!this.state.settings.started) this.save((current) => ({ ...current, started: true }));
  };

  readonly openPage = (page: PageState): void => {
    this.set((state) => ({ pages: { ...state.pages, [state.view]: page } }));
  };

  readonly closePage = (): void => {
    this.set((state) => ({ pages: { ...state.pages, [state.view]: undefined } }));
  };

  /** Shows a page of another view (Data's column mapping, from an exhibit that needs a column). */
  readonly goTo = (view: View, page: PageState): void => {
    this.set((state) => ({ help: false, view, pages: { ...state.pages, [view]: page } }));
  };

  /** Says something in a view (the one in sight by default), and announces it. */
  readonly say = (notice: Notice | undefined, where?: View | "start"): void => {
    const place = where ?? (this.starting() ? "start" : this.state.view);
    this.set((state) => ({ notices: { ...state.notices, [place]: notice } }));
    if (notice) this.announce(`${notice.title}. ${notice.text}`);
  };

  // --- inputs and settings -----------------------------------------------------------------

  readonly chooseSource = (id: string, source: Source): void => {
    this.save((current) => ({ ...current, started: true, inputs: { ...current.inputs, [id]: { ...source } } }));
    void this.read(id, source);
  };

  readonly useSelection = (id: string): void => {
    void this.gateway.selectionAddress().then(
      (address) => this.chooseSource(id, { kind: "range", name: "Selection", address }),
      (error: unknown) => this.say({ intent: "error", title: "The selection was not read", text: messageOf(error) }),
    );
  };

  readonly setMapping = (id: string, label: string, header: string | undefined): void => {
    const mapping = { ...(this.state.inputs[id]?.mapping ?? {}) };
    if (header === undefined || header === "") delete mapping[label];
    else mapping[label] = header;
    this.setInput(id, (current) => ({ ...(current ?? {}), mapping }));
    this.save((current) => ({ ...current, mappings: { ...current.mappings, [id]: mapping } }));
  };

  readonly selectRow = (id: string, row: number): void => {
    const source = this.state.inputs[id]?.source;
    if (!source) return;
    void this.gateway
      .selectRange(rowAddress(source.address, row))
      .catch((error: unknown) =>
        this.say({ intent: "error", title: "The row was not selected", text: messageOf(error) }),
      );
  };

  /** The study's as-of date, saved in the workbook (a blank clears it: the pane asks again). */
  readonly setAsOf = (value: string | undefined): void =>
    this.save((current) => ({ ...current, asOf: value === "" ? undefined : value }));

  /** Any option of the registry, by its name, as typed: saved in the workbook with the as-of date. */
  readonly setOption = (name: string, text: string): void =>
    this.save((current) => ({ ...current, options: { ...current.options, [name]: text } }));

  /** The costing scenario, a row per year as typed: saved in the workbook with the options it gives (blank while a year does not read). */
  readonly setScenario = (years: ScenarioYear[]): void =>
    this.save((current) => ({
      ...current,
      scenario: years,
      options: { ...current.options, ...scenarioOptions(years) },
    }));

  readonly setInsertAs = (mode: PaneSettings["insertAs"]): void =>
    this.save((current) => ({ ...current, insertAs: mode }));

  /** Leave out (or read) the rows hidden in the sheets read: saved in the workbook with the settings. */
  readonly setSkipHiddenRows = (skip: boolean): void =>
    this.save((current) => {
      const { skipHiddenRows: _old, ...rest } = current;
      return skip ? { ...rest, skipHiddenRows: true } : rest;
    });

  readonly setRerun = (rerun: Rerun): void => this.set({ rerun });

  // --- actions -------------------------------------------------------------------------------

  readonly cancel = (): void => this.state.task?.controller?.abort();

  /** Inserts exhibits (replacing the pane's earlier sheets of them unless Add is chosen), with progress and Cancel. */
  readonly insert = (
    id: string,
    exhibitIds: readonly string[],
    families: readonly string[],
    where: Task["where"] = "footer",
  ): void => {
    if (this.state.task) return;
    const { tables, options } = this.derived(this.state);
    const { asOf, insertAs } = this.state.settings;
    const here = this.state.view;
    if (asOf === undefined) {
      this.say({ intent: "error", title: "The exhibits were not inserted", text: "Set the study's As-of date first." });
      return;
    }
    const controller = new AbortController();
    let highest = 0;
    const progress = (step: string, fraction: number): void => {
      // Progress only rises: a later step never shows a smaller fraction.
      highest = Math.max(highest, fraction);
      this.set({ task: { view: here, id, step, fraction: highest, controller, where } });
    };
    const earlier = this.state.rerun === "replace" ? latestSheets(this.state.written, exhibitIds) : [];
    this.say(undefined);
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
        const live = insertAs === "formulas";
        if (live && argumentBytes(tables) > LIVE_ARGUMENT_BYTES)
          throw new Error(
            "These tables are too large for live formulas in Excel on the web (over 5 MB a calculation): insert them as values",
          );
        const bound: Record<string, Source> = {};
        for (const [key, state] of Object.entries(this.state.inputs))
          if (state.source && tables[key]) bound[key] = state.source;
        const { sheets, replaced } = await this.gateway.insertExhibits(result, {
          signal: controller.signal,
          onProgress: progress,
          replace: earlier,
          ...(live
            ? {
                live: {
                  options: liveOptions(options, this.state.inputs),
                  formula: (exhibit, optionsAddress) =>
                    liveFormula(exhibit.id, bound, asOf, optionsAddress, this.registry),
                },
              }
            : {}),
        });
        const stamp = new Date().toISOString();
        this.save((current) => ({
          ...current,
          lastRun: { ...current.lastRun, ...Object.fromEntries(families.map((family) => [family, stamp])) },
        }));
        const first = sheets[0];
        const placed = `${count(result.summary.employees, "employee")} placed, ${count(result.summary.unmatched, "unmatched row")}.`;
        this.say(
          {
            intent: "success",
            title: `${count(sheets.length, "exhibit sheet")} ${replaced.length > 0 ? "replaced" : "inserted"}${live ? " as live formulas" : ""}`,
            text:
              replaced.length > 0
                ? `${placed} The earlier ${replaced.length === 1 ? "sheet is" : `${count(replaced.length, "sheet")} are`} gone, the new in ${replaced.length === 1 ? "its place" : "their places"}.`
                : placed,
            action: first
              ? { label: `Go to ${first.name}`, run: () => void this.gateway.activateSheet(first.name) }
              : undefined,
          },
          here,
        );
      } catch (error) {
        if (controller.signal.aborted || error instanceof WriteCancelled)
          this.say(
            {
              intent: "info",
              title: "Cancelled",
              text:
                earlier.length > 0
                  ? "No exhibit sheets were kept: the earlier sheets are as they were."
                  : "No exhibit sheets were kept: the workbook is as it was.",
            },
            here,
          );
        else {
          const cause = error instanceof Error && error.cause !== undefined ? messageOf(error.cause) : undefined;
          this.say(
            { intent: "error", title: "The exhibits were not inserted", text: messageOf(error), detail: cause },
            here,
          );
        }
      } finally {
        this.set({ task: undefined });
        await this.listSheets();
      }
    })();
  };

  /** Runs a workbook action with its message: the success in words, or the failure and why. */
  readonly act = (
    id: string,
    title: string,
    failure: string,
    action: () => Promise<string | Pick<Notice, "text" | "action">>,
    /** Where the success is said, when the action moves to another view (the sample: to Data). */
    to?: View,
  ): void => {
    if (this.state.task) return;
    const here = this.starting() ? "start" : this.state.view;
    this.say(undefined);
    this.set({ task: { view: this.state.view, id, step: "", fraction: 0 } });
    action()
      .then(
        (done) =>
          this.say({ intent: "success", title, ...(typeof done === "string" ? { text: done } : done) }, to ?? here),
        (error: unknown) => this.say({ intent: "error", title: failure, text: messageOf(error) }, here),
      )
      .finally(() => this.set({ task: undefined }));
  };

  /** Try with sample data: its tables added, its as-of date saved, then Data. */
  insertSample(sample: SampleTables): void {
    this.act(
      "sample",
      "Sample data inserted",
      "The sample data was not inserted",
      async () => {
        const added = await this.gateway.insertTables(sample.tables);
        this.save((current) => ({ ...current, started: true, asOf: sample.asOf, inputs: {} }));
        await this.refresh({ ...this.state.settings, inputs: {} });
        this.set((state) => ({ help: false, view: "data", focusHeading: state.focusHeading + 1 }));
        return `${count(added.length, "table")} added (${list(sample.tables.map((t) => t.table))}), as of ${shownDate(sample.asOf)}.`;
      },
      "data",
    );
  }
}

/** Per exhibit, the pane's latest sheet of it (the one a re-run replaces). */
export function latestSheets(written: readonly ExhibitSheet[], exhibitIds: readonly string[]): ExhibitSheet[] {
  const wanted = new Set(exhibitIds);
  const latest = new Map<string, ExhibitSheet>();
  for (const sheet of written)
    if (wanted.has(sheet.exhibitId) && (latest.get(sheet.exhibitId)?.run ?? "") < sheet.run)
      latest.set(sheet.exhibitId, sheet);
  return [...latest.values()];
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

// --- React -------------------------------------------------------------------------------------

export const StoreContext = React.createContext<PaneStore | undefined>(undefined);

/** The pane's store (for the shell and the few views that reach past usePane). */
export function useStore(): PaneStore {
  const store = React.useContext(StoreContext);
  if (!store) throw new Error("useStore outside the pane");
  return store;
}

/** The pane as a view reads it; the view renders again when the pane's state changes. */
export function usePane(): Pane {
  const store = useStore();
  const state = React.useSyncExternalStore(store.subscribe, store.getState);
  return store.pane(state);
}

/**
 * A view's own state, kept by the store under `key` so it outlives a tab switch (the one-person
 * form, the exhibits unticked, the function search); like useState otherwise.
 */
export function useKept<T>(key: string, initial: T): [T, (next: T | ((current: T) => T)) => void] {
  const store = useStore();
  // The first render's initial value, kept: a snapshot must not be a new object each time.
  const first = React.useRef(initial).current;
  const value = React.useSyncExternalStore(store.subscribe, () =>
    key in store.getState().kept ? (store.getState().kept[key] as T) : first,
  );
  const set = React.useCallback(
    (next: T | ((current: T) => T)) => {
      const kept = store.getState().kept;
      const current = key in kept ? (kept[key] as T) : first;
      store.keep(key, typeof next === "function" ? (next as (current: T) => T)(current) : next);
    },
    [store, key, first],
  );
  return [value, set];
}
