/** An in-memory workbook behind the pane's gateway, recording what the pane asked of it. */
import {
  WorkbookError,
  appendIndex,
  parseAddress,
  type NewTable,
  type Source,
  type WorkbookChange,
  type WorkbookGateway,
} from "../../src/excel/gateway";
import { rangeAddress, type ExhibitSheet } from "../../src/excel/exhibitWriter";
import { DEFAULT_SETTINGS, type PaneSettings } from "../../src/excel/settings";
import type { CellValue } from "../../src/engine/cells";

export const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Hourly", "H1", 10, 15, 20],
  ["Hourly", "H2", 12, 17, 22],
];
export const ROSTER: CellValue[][] = [
  ["Emp ID", "Plan", "Grade", "Base Pay", "Annual Amount", "Date of Hire", "Job Family", "Title"],
  ["E1", "Hourly", "H1", 12, 13, "2010-01-01", "Custodial", "Custodian"],
  ["E2", "Hourly", "H2", 18, 19, "2012-01-01", "Custodial", "Custodian"],
  ["E3", "Hourly", "H9", 18, 19, "2012-01-01", "Custodial", "Custodian"],
];

export const SOURCES: Source[] = [
  { kind: "table", name: "PayPlans", address: "Plans!A1:E3" },
  { kind: "table", name: "Roster", address: "Staff!A1:H4" },
];

export type FakeGateway = WorkbookGateway & {
  calls: string[];
  saved: PaneSettings[];
  /** The exhibit sheets the pane wrote, as their markers say (in sheet order). */
  exhibitSheets: ExhibitSheet[];
  tables: Record<string, CellValue[][]>;
  emit: (change: WorkbookChange) => void;
  setSources: (next: Source[]) => void;
};

export function fakeGateway(
  overrides: Partial<WorkbookGateway> = {},
  data: {
    sources?: Source[];
    tables?: Record<string, CellValue[][]>;
    settings?: PaneSettings;
    /** What the row below a source holds, by the source's address (empty when not given). */
    below?: Record<string, CellValue[]>;
    /** The workbook's COMP_AS_OF: 2013-04-01 unless given (null: the workbook carries none). */
    studyDate?: string | null;
    /** The rows of a source hidden in its sheet, 1-based, by the source's address. */
    hidden?: Record<string, number[]>;
  } = {},
): FakeGateway {
  const calls: string[] = [];
  const saved: PaneSettings[] = [];
  const exhibitSheets: ExhibitSheet[] = [];
  let runs = 0;
  let sources = data.sources ?? SOURCES;
  const tables: Record<string, CellValue[][]> = data.tables ?? { "Plans!A1:E3": PLANS, "Staff!A1:H4": ROSTER };
  let listener: ((change: WorkbookChange) => void) | undefined;
  const gateway: WorkbookGateway = {
    listSources: async () => sources,
    selectionAddress: async () => "Staff!A1:H4",
    hiddenRows: async (source) => data.hidden?.[source.address] ?? [],
    readValues: async (source) => {
      calls.push(`read ${source.address}`);
      const table = tables[source.address];
      if (!table) throw new Error(`${source.name} is empty: pick the range that holds the table, headers first`);
      return table;
    },
    insertExhibits: async (result, options) => {
      calls.push(
        `insert ${result.exhibits.map((e) => e.id).join(",")}${options.live ? " live" : ""}${options.replace?.length ? ` replacing ${options.replace.map((s) => s.name).join(",")}` : ""}`,
      );
      if (options.live)
        for (const exhibit of result.exhibits)
          calls.push(
            `formula ${options.live.formula(exhibit, options.live.options.length > 0 ? "$A$6:$B$7" : undefined)}`,
          );
      options.onProgress?.("Writing 1 of 2 sheets", 0.5);
      // New sheets first; the earlier ones replaced give their names and places.
      const run = `2026-01-0${++runs}T10:00:00.000Z`;
      const replaced = (options.replace ?? []).filter((old) => exhibitSheets.some((s) => s.token === old.token));
      const taken = new Set(exhibitSheets.map((s) => s.name));
      const sheets = result.exhibits.map((e, index) => {
        const old = replaced.find((s) => s.exhibitId === e.id);
        let name = old?.name ?? `${e.number} ${e.title}`;
        for (let n = 2; !old && taken.has(name); n++) name = `${e.number} ${e.title} (${n})`;
        taken.add(name);
        const sheet = { name, exhibitId: e.id, run, token: `${run}#${index}` };
        if (old)
          exhibitSheets.splice(
            exhibitSheets.indexOf(exhibitSheets.find((s) => s.token === old.token) as ExhibitSheet),
            1,
            sheet,
          );
        else exhibitSheets.push(sheet);
        return { name, exhibitId: e.id };
      });
      return { sheets, replaced: replaced.map((s) => s.name) };
    },
    listExhibitSheets: async () => exhibitSheets.map((sheet) => ({ ...sheet })),
    readStudyDate: async () => (data.studyDate === undefined ? "2013-04-01" : (data.studyDate ?? undefined)),
    insertRulesSheet: async () => ({ sheet: "COMP Rules", names: 14 }),
    insertFormula: async (formula) => {
      calls.push(`formula ${formula}`);
      return "Sheet1!B2";
    },
    countCompFormulas: async () => 3,
    convertCompFormulas: async (scope) => {
      calls.push(`convert ${scope}`);
      return 3;
    },
    activateSheet: async (name) => {
      calls.push(`activate ${name}`);
    },
    selectRange: async (address) => {
      calls.push(`select ${address}`);
    },
    appendRow: async (source, cellsFor) => {
      const values = tables[source.address];
      if (!values) throw new Error(`${source.name} is empty: pick the range that holds the table, headers first`);
      const cells = cellsFor(values);
      const index = appendIndex(values);
      const area = parseAddress(source.address);
      if (index >= values.length && (data.below?.[source.address] ?? []).some((cell) => cell !== null && cell !== ""))
        throw new WorkbookError(
          `The row below the table ${source.name} (${area.sheet}!${rangeAddress(area.row + area.rows, area.column, 1, area.columns)}) is not empty: nothing was written. Clear that row or move what is in it, then write again`,
        );
      const grown = [...values];
      grown[index] = cells.map((cell, column) => cell ?? values[index]?.[column] ?? "");
      const address = `${area.sheet}!${rangeAddress(area.row, area.column, grown.length, area.columns)}`;
      delete tables[source.address];
      tables[address] = grown;
      sources = sources.map((known) => (known.name === source.name ? { ...known, address } : known));
      calls.push(`append ${address} ${JSON.stringify(cells)}`);
      return {
        address: `${area.sheet}!${rangeAddress(area.row + index, area.column, 1, area.columns)}`,
        row: index + 1,
        source: { ...source, address },
      };
    },
    insertTables: async (added: readonly NewTable[]) => {
      const made = added.map((table): Source => {
        const address = `${table.sheet}!A1:H${table.rows.length}`;
        tables[address] = table.rows;
        return { kind: "table", name: table.table, address };
      });
      sources = [...sources, ...made];
      calls.push(`tables ${added.map((table) => table.table).join(",")}`);
      return made;
    },
    loadSettings: async () => data.settings ?? DEFAULT_SETTINGS,
    saveSettings: async (settings) => {
      saved.push(settings);
    },
    watch: async (callback) => {
      listener = callback;
      return async () => {
        listener = undefined;
      };
    },
    ...overrides,
  };
  return Object.assign(gateway, {
    calls,
    saved,
    exhibitSheets,
    tables,
    emit: (change: WorkbookChange) => listener?.(change),
    setSources: (next: Source[]) => {
      sources = next;
    },
  });
}
