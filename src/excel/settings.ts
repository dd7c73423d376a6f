/**
 * What the pane remembers in the workbook (Office's document settings, saved with the file):
 * each input by the name of its table, named range or sheet — not by address, so a table that
 * grows is still found — the column mappings, the as-of date and options, when each analysis
 * last ran, and whether the first-run page was dismissed. Host-free: the gateway stores it.
 */

/** Where a remembered input is found again: a table, a named range or a sheet (by name), or a fixed address. */
export type RememberedSource = { kind: "table" | "name" | "range"; name: string; address: string };

/** One year of the costing scenario as typed in the pane (issue 20 item 7): the texts as written, steps frozen or not. */
export type ScenarioYear = { increase: string; flat: string; frozen: boolean };

export type PaneSettings = {
  /** Input id → where it was chosen. */
  inputs: Record<string, RememberedSource>;
  /** Input id → field label → header as written. */
  mappings: Record<string, Record<string, string>>;
  /** yyyy-mm-dd, or undefined for today. */
  asOf?: string;
  /** Option name → raw text as typed in the pane. */
  options: Record<string, string>;
  /** Family id → ISO date and time of its last insert. */
  lastRun: Record<string, string>;
  /** The first-run page was dismissed (or the sample inserted). */
  started: boolean;
  insertAs: "values" | "formulas";
  /** The costing scenario as typed, a row per year (the options it gives are in `options`); undefined when never edited. */
  scenario?: ScenarioYear[];
  /** Leave out the rows hidden in the sheets read (filtered out on purpose); by default they are read. */
  skipHiddenRows?: boolean;
};

export const SETTINGS_KEY = "compstudy.pane";

export const DEFAULT_SETTINGS: PaneSettings = {
  inputs: {},
  mappings: {},
  options: {},
  lastRun: {},
  started: false,
  insertAs: "values",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function strings(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** Reads saved settings defensively: a workbook may carry settings from another version, or none. */
export function readSettings(saved: unknown): PaneSettings {
  if (!isRecord(saved)) return { ...DEFAULT_SETTINGS };
  const inputs: Record<string, RememberedSource> = {};
  if (isRecord(saved.inputs))
    for (const [id, source] of Object.entries(saved.inputs))
      if (
        isRecord(source) &&
        (source.kind === "table" || source.kind === "name" || source.kind === "range") &&
        typeof source.name === "string" &&
        typeof source.address === "string"
      )
        inputs[id] = { kind: source.kind, name: source.name, address: source.address };
  const mappings: Record<string, Record<string, string>> = {};
  if (isRecord(saved.mappings))
    for (const [id, mapping] of Object.entries(saved.mappings)) mappings[id] = strings(mapping);
  return {
    inputs,
    mappings,
    asOf: typeof saved.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(saved.asOf) ? saved.asOf : undefined,
    options: strings(saved.options),
    lastRun: strings(saved.lastRun),
    started: saved.started === true,
    insertAs: saved.insertAs === "formulas" ? "formulas" : "values",
    scenario: Array.isArray(saved.scenario)
      ? saved.scenario.filter(isRecord).map((year) => ({
          increase: typeof year.increase === "string" ? year.increase : "",
          flat: typeof year.flat === "string" ? year.flat : "",
          frozen: year.frozen === true,
        }))
      : undefined,
    ...(saved.skipHiddenRows === true ? { skipHiddenRows: true } : {}),
  };
}
