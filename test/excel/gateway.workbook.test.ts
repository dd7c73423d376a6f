/**
 * The gateway's workbook-wide actions (sample tables, selecting a row, the pane's settings,
 * watching for changes) against a recording stand-in for Excel (office-addin-mock cannot load
 * collection items nor register events; see exhibitWriter.test.ts), and the live layout.
 */
import { createOfficeGateway } from "../../src/excel/gateway";
import { LIVE_FORMAT_MARGIN, liveLayout } from "../../src/excel/exhibitWriter";
import { DEFAULT_SETTINGS, SETTINGS_KEY } from "../../src/excel/settings";
import { studyOf } from "../study/helpers";

type Handler = (event: unknown) => Promise<void>;

function install(
  options: { sheets?: string[]; tables?: string[]; names?: Record<string, { type: string; value: unknown }> } = {},
) {
  const log: string[] = [];
  const handlers: Record<string, Handler[]> = {};
  const settings: Record<string, unknown> = {};
  const event = (name: string) => ({
    add: (handler: Handler) => {
      (handlers[name] ??= []).push(handler);
      return { context: "ctx", remove: () => log.push(`remove ${name}`) };
    },
  });
  const range = (sheet: string, address: string) => ({
    set values(value: unknown[][]) {
      log.push(`values ${sheet}!${address} ${JSON.stringify(value)}`);
    },
    set numberFormat(value: unknown[][]) {
      log.push(`format ${sheet}!${address} ${JSON.stringify(value)}`);
    },
    format: {
      autofitColumns: () => undefined,
      font: {
        set italic(value: boolean) {
          log.push(`italic ${sheet}!${address} ${value}`);
        },
      },
    },
    select: () => log.push(`select ${sheet}!${address}`),
  });
  const sheet = (name: string) => ({
    name,
    load: () => undefined,
    getRange: (address: string) => range(name, address),
    activate: () => log.push(`activate ${name}`),
    tables: {
      add: (address: string) => {
        const table = { name: "" };
        log.push(`table on ${name}!${address}`);
        return new Proxy(table, {
          set: (target, key, value) => (log.push(`table name ${String(value)}`), Reflect.set(target, key, value)),
        });
      },
    },
  });
  const context = {
    workbook: {
      worksheets: {
        items: (options.sheets ?? []).map((name) => ({ name })),
        load: () => undefined,
        add: (name: string) => {
          log.push(`add sheet ${name}`);
          return sheet(name);
        },
        getItem: (name: string) => sheet(name),
        getActiveWorksheet: () => sheet("Active"),
        onAdded: event("sheet added"),
        onDeleted: event("sheet deleted"),
        onChanged: event("changed"),
      },
      tables: {
        items: (options.tables ?? []).map((name) => ({ name })),
        load: () => undefined,
        onAdded: event("table added"),
        onDeleted: event("table deleted"),
      },
      names: {
        getItemOrNullObject: (name: string) => {
          const item = options.names?.[name];
          return item
            ? {
                ...item,
                isNullObject: false,
                load: () => undefined,
                getRange: () => ({ load: () => undefined, values: [[item.value]] }),
              }
            : { isNullObject: true, load: () => undefined };
        },
      },
    },
    sync: async () => undefined,
  };
  const global = globalThis as Record<string, unknown>;
  global.Excel = {
    run: async (first: unknown, second?: unknown) => ((second ?? first) as (c: unknown) => unknown)(context),
  };
  global.Office = {
    AsyncResultStatus: { Succeeded: "succeeded" },
    context: {
      document: {
        settings: {
          get: (key: string) => settings[key],
          set: (key: string, value: unknown) => (settings[key] = value),
          saveAsync: (callback: (result: { status: string }) => void) => callback({ status: "succeeded" }),
        },
      },
    },
  };
  return { log, handlers, settings };
}

describe("gateway: the workbook", () => {
  it("adds each sample table on its own sheet as an Excel table, rows padded to the widest", async () => {
    const excel = install();
    const added = await createOfficeGateway().insertTables([
      {
        sheet: "Pay Plans",
        table: "PayPlans",
        rows: [
          ["Plan", "Grade", "Step 1"],
          ["A", "G1"],
        ],
      },
    ]);
    expect(added).toEqual([{ kind: "table", name: "PayPlans", address: "'Pay Plans'!A1:C2" }]);
    expect(excel.log).toEqual([
      "add sheet Pay Plans",
      'values Pay Plans!A1:C2 [["Plan","Grade","Step 1"],["A","G1",""]]',
      "table on Pay Plans!A1:C2",
      "table name PayPlans",
      "activate Pay Plans",
    ]);
  });

  it("writes a table's note above it, a blank row between: the Excel table starts at its header", async () => {
    const excel = install();
    const added = await createOfficeGateway().insertTables([
      {
        sheet: "Market",
        table: "Market",
        note: "MADE UP for the sample",
        rows: [
          ["Job", "Peer"],
          ["Clerk", "A"],
        ],
      },
    ]);
    expect(added).toEqual([{ kind: "table", name: "Market", address: "'Market'!A3:B4" }]);
    expect(excel.log).toEqual([
      "add sheet Market",
      'format Market!A1 [["@"]]',
      'values Market!A1 [["MADE UP for the sample"]]',
      "italic Market!A1 true",
      'values Market!A3:B4 [["Job","Peer"],["Clerk","A"]]',
      "table on Market!A3:B4",
      "table name Market",
      "activate Market",
    ]);
  });

  it.each([
    [{ COMP_AS_OF: { type: "Double", value: 41365 } }, "2013-04-01"],
    [{ COMP_AS_OF: { type: "String", value: "2013-04-01" } }, "2013-04-01"],
    [{ COMP_AS_OF: { type: "Range", value: 41365 } }, "2013-04-01"],
    [{ COMP_AS_OF: { type: "String", value: "soon" } }, undefined],
    [{}, undefined],
  ])("reads the study date a workbook carries as COMP_AS_OF: %j → %s", async (names, expected) => {
    install({ names });
    expect(await createOfficeGateway().readStudyDate()).toBe(expected);
  });

  it("refuses to add a table whose sheet or name is taken, before writing anything", async () => {
    const excel = install({ tables: ["payplans"] });
    await expect(
      createOfficeGateway().insertTables([{ sheet: "Pay Plans", table: "PayPlans", rows: [["Plan"]] }]),
    ).rejects.toThrow("The workbook already has a sheet or table named PayPlans: try the sample in a new workbook");
    expect(excel.log).toEqual([]);
  });

  it("selects a problem row on its sheet", async () => {
    const excel = install();
    await createOfficeGateway().selectRange("'Pay Plans'!$B$6:$M$6");
    expect(excel.log).toEqual(["activate Pay Plans", "select Pay Plans!B6:M6"]);
  });

  it("keeps the pane's settings in the workbook and reads them back defensively", async () => {
    const excel = install();
    const gateway = createOfficeGateway();
    expect(await gateway.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const settings = {
      ...DEFAULT_SETTINGS,
      started: true,
      inputs: { roster: { kind: "table" as const, name: "Roster", address: "R!A1:B2" } },
    };
    await gateway.saveSettings(settings);
    expect(excel.settings[SETTINGS_KEY]).toEqual(settings);
    expect(await gateway.loadSettings()).toEqual(settings);
  });

  it("reports table and sheet changes and edited cells by sheet, and stops when asked", async () => {
    const excel = install();
    const seen: unknown[] = [];
    const stop = await createOfficeGateway().watch((change) => seen.push(change));
    await excel.handlers["table added"][0]({});
    await excel.handlers.changed[0]({ worksheetId: "Roster", address: "D7" });
    expect(seen).toEqual([{ kind: "structure" }, { kind: "cells", sheet: "Roster", address: "D7" }]);
    await stop();
    expect(excel.log.filter((line) => line.startsWith("remove"))).toHaveLength(5);
  });
});

describe("live layout", () => {
  const result = studyOf({
    plans: [
      ["Plan", "Grade", "Step 1", "Step 2"],
      ["Hourly", "H1", 10, 20],
    ],
    roster: [
      ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
      ["E1", "Hourly", "H1", 12, "2010-01-01", "Custodial", "Custodian"],
    ],
    asOf: "2013-04-01",
  });
  const quartiles = result.exhibits.find((exhibit) => exhibit.id === "quartiles");

  it("puts title, subtitle, source, notes and options above one formula, formats below it", () => {
    if (!quartiles) throw new Error("no quartiles");
    const layout = liveLayout(quartiles, {
      options: [["salary-basis", "actual"]],
      formula: (exhibit, options) => `=COMP.EXHIBIT("${exhibit.id}", P, R, , ${options})`,
    });
    const text = layout.blocks
      .filter((block) => block.role !== "table")
      .map((block) => [block.row, block.values[0][0]]);
    expect(text[0]).toEqual([0, "EXHIBIT 3-4 — QUARTILE ANALYSIS"]);
    expect(text.map(([, value]) => value)).toContain(quartiles.source);
    const options = layout.blocks.find((block) => block.values[0][0] === "Name");
    expect(options?.values).toEqual([
      ["Name", "Value"],
      ["salary-basis", "actual"],
    ]);
    // The header at 0-based row r, the one option at r + 1: 1-based row r + 2, read without its header.
    const first = (options?.row ?? 0) + 2;
    expect(layout.formula).toBe(`=COMP.EXHIBIT("quartiles", P, R, , $A$${first}:$B$${first})`);
    expect(layout.formulaCell.row).toBeGreaterThan(options?.row ?? 0);
    expect(layout.freezeRows).toBe(layout.formulaCell.row + 1);
    const table = layout.blocks.find((block) => block.role === "table");
    // Header + rows + the margin the spill may grow into; no cell of the formula's row is text.
    expect(table?.formats).toHaveLength(1 + quartiles.rows.length + LIVE_FORMAT_MARGIN);
    expect(table?.formats[0].every((format) => format !== "@")).toBe(true);
    expect(table?.formats[1][7]).toBe("0.0%");
    expect(layout.charts).toEqual([]);
    expect(text.map(([, value]) => value).join(" ")).toContain(
      "The step columns and charts come with Insert as values.",
    );
  });
});
