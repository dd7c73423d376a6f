import {
  MARKER_NAME,
  cellAddress,
  markerText,
  planChunks,
  rangeAddress,
  readMarker,
  writeExhibits,
  WriteCancelled,
  type ExhibitSheet,
} from "../../src/excel/exhibitWriter";
import { layoutExhibit } from "../../src/exhibits/layout";
import { studyOf } from "../study/helpers";
import type { ExhibitChart, StudyResult } from "../../src/exhibits/spec/types";

type RangeWrite = { sheet: string; address: string; values?: unknown[][]; numberFormat?: unknown[][]; order: string[] };

/**
 * An in-memory workbook recording what the writer asks of Excel. office-addin-mock cannot serve
 * this writer: it treats arrays as scalars, so a collection's `load("items/name")` throws and
 * `items` never loads (and it has no tables, charts or formats). This fake records the calls.
 */
/** A sheet already in the workbook; `marker` is the value of its pane marker, when it has one. */
type Existing = string | { name: string; marker?: string };

function makeWorkbook(existing: Existing[], options: { failTables?: boolean } = {}) {
  const log: string[] = [];
  const markers: Record<string, { value: string; visible: boolean }> = {};
  let order = existing.map((sheet) => (typeof sheet === "string" ? sheet : sheet.name));
  for (const sheet of existing)
    if (typeof sheet !== "string" && sheet.marker) markers[sheet.name] = { value: sheet.marker, visible: false };
  const writes: RangeWrite[] = [];
  const rightAligned: string[] = [];
  const sheets: Record<
    string,
    {
      deleted: boolean;
      tables: string[];
      charts: unknown[][];
      frozen?: number;
      activated?: boolean;
      merged: string[];
      wrapped: string[];
      heights: Record<string, number>;
      print: Record<string, unknown>;
      breaks: string[];
    }
  > = {};
  let syncs = 0;

  const range = (sheet: string, address: string) => {
    const write: RangeWrite = { sheet, address, order: [] };
    const format = {
      font: {} as Record<string, unknown>,
      columnWidth: undefined as number | undefined,
      verticalAlignment: undefined as string | undefined,
      set horizontalAlignment(value: string) {
        if (value === "Right") rightAligned.push(`${sheet}!${address}`);
      },
      set wrapText(value: boolean) {
        if (value) sheets[sheet].wrapped.push(address);
      },
      set rowHeight(value: number) {
        sheets[sheet].heights[address] = value;
      },
      autofitRows: () => undefined,
    };
    return {
      format,
      merge: () => sheets[sheet].merged.push(address),
      set numberFormat(value: unknown[][]) {
        write.numberFormat = value;
        write.order.push("numberFormat");
        if (!writes.includes(write)) writes.push(write);
      },
      set values(value: unknown[][]) {
        write.values = value;
        write.order.push("values");
        if (!writes.includes(write)) writes.push(write);
      },
    };
  };

  const worksheet = (created: string) => {
    let name = created;
    sheets[name] ??= {
      deleted: false,
      tables: [],
      charts: [],
      merged: [],
      wrapped: [],
      heights: {},
      print: {},
      breaks: [],
    };
    const print = sheets[name].print;
    const axis = () => ({ title: {} as Record<string, unknown>, numberFormat: "", reversePlotOrder: false });
    return {
      get name() {
        return name;
      },
      set name(next: string) {
        log.push(`rename ${name} → ${next}`);
        order = order.map((n) => (n === name ? next : n));
        if (markers[name]) markers[next] = markers[name];
        sheets[next] = sheets[name];
        name = next;
      },
      get position() {
        return order.indexOf(name);
      },
      set position(index: number) {
        log.push(`move ${name} to ${index}`);
        order = order.filter((n) => n !== name);
        order.splice(index, 0, name);
      },
      names: {
        load: () => undefined,
        get items() {
          return markers[name] ? [{ name: MARKER_NAME, value: markers[name].value }] : [];
        },
        add: (item: string, formula: string) => {
          const marker = { value: formula.replace(/^="(.*)"$/, "$1"), visible: true };
          if (item === MARKER_NAME) markers[name] = marker;
          return marker;
        },
      },
      getRange: (address: string) => range(name, address),
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          if (options.failTables) throw new Error("InvalidArgument: the table overlaps another table");
          sheets[name].tables.push(`${address}|${hasHeaders}`);
          return { name: "", style: "", showBandedRows: false };
        },
      },
      charts: {
        add: (type: string, source: unknown, seriesBy: string) => {
          sheets[name].charts.push([type, seriesBy]);
          return {
            title: { format: { font: {} } },
            format: { font: {} },
            legend: {},
            axes: { categoryAxis: axis(), valueAxis: axis() },
            series: { getItemAt: () => ({ format: { fill: { setSolidColor: () => undefined } } }) },
            setPosition: (from: string, to: string) => sheets[name].charts.push([from, to]),
          };
        },
      },
      pageLayout: {
        set orientation(value: string) {
          print.orientation = value;
        },
        set paperSize(value: string) {
          print.paperSize = value;
        },
        set zoom(value: unknown) {
          print.zoom = value;
        },
        setPrintArea: (area: string) => (print.area = area),
        setPrintTitleRows: (rows: string) => (print.titleRows = rows),
        setPrintTitleColumns: (columns: string) => (print.titleColumns = columns),
        headersFooters: { defaultForAllPages: print },
      },
      horizontalPageBreaks: { add: (at: string) => sheets[name].breaks.push(at) },
      freezePanes: { freezeRows: (rows: number) => (sheets[name].frozen = rows) },
      activate: () => (sheets[name].activated = true),
      delete: () => {
        sheets[name].deleted = true;
        order = order.filter((n) => n !== name);
        log.push(`delete ${name}`);
      },
    };
  };

  const data = {
    context: {
      workbook: {
        worksheets: {
          get items() {
            return order.map((name) => worksheet(name));
          },
          load: (what: string) => log.push(`load worksheets ${what}`),
          add: (name: string) => {
            log.push(`add ${name}`);
            order.push(name);
            return worksheet(name);
          },
        },
        tables: { items: [{ name: "CompStudy_3_4" }], load: (what: string) => log.push(`load tables ${what}`) },
      },
      sync: async () => {
        syncs++;
      },
      trackedObjects: {},
    },
    run: async function <T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      return callback(this.context);
    },
  };
  const mock = data;
  return { mock, writes, sheets, log, rightAligned, markers, order: () => order, syncs: () => syncs };
}

function install(mock: unknown): void {
  (globalThis as Record<string, unknown>).Excel = Object.assign(mock as object, {
    ChartType: {
      barClustered: "BarClustered",
      barStacked: "BarStacked",
      barStacked100: "BarStacked100",
      stockHLC: "StockHLC",
    },
    ChartSeriesBy: { columns: "Columns" },
    ChartLegendPosition: { bottom: "Bottom" },
    PageOrientation: { landscape: "Landscape" },
    PaperType: { letter: "Letter" },
  });
}

const HOSTILE = '=HYPERLINK("http://evil.example","x")';

function smallStudy(extraUnmatched = 0): StudyResult {
  const roster = [
    ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
    ["E1", "Hourly", "H1", 12, "2010-01-01", "Custodial", HOSTILE],
    ["E2", "Hourly", "H1", 19, "2012-01-01", "Custodial", "Custodian"],
    ["E3", "Annual", "A1", 50000, "2015-01-01", "Teaching", "Math Teacher"],
    ["E4", "Annual", "Z9", 50000, "2015-01-01", "Teaching", "Math Teacher"],
    ...Array.from({ length: extraUnmatched }, (_, i) => [
      `X${i}`,
      "Annual",
      "Z9",
      50000,
      "2015-01-01",
      "Teaching",
      HOSTILE,
    ]),
  ];
  return studyOf({
    plans: [
      ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
      ["Hourly", "H1", 10, 15, 20],
      ["Annual", "A1", 40000, 60000, 80000],
    ],
    roster,
    asOf: "2020-01-01",
    sources: { plans: "Pay Plans!A1:E3", roster: "Roster!A1:G5" },
  });
}

describe("A1 addresses", () => {
  it.each([
    [0, 0, "A1"],
    [3, 25, "Z4"],
    [0, 26, "AA1"],
    [9, 701, "ZZ10"],
    [0, 702, "AAA1"],
  ])("row %i column %i is %s", (row, column, address) => {
    expect(cellAddress(row, column)).toBe(address);
  });
  it("names a rectangle, and a single cell by itself", () => {
    expect(rangeAddress(3, 0, 5, 7)).toBe("A4:G8");
    expect(rangeAddress(0, 0, 1, 1)).toBe("A1");
  });
});

describe("writeExhibits", () => {
  it("adds one new sheet per exhibit, named uniquely beside existing sheets, and never touches existing ones", async () => {
    const book = makeWorkbook(["Roster", "3-4 Quartile Analysis"]);
    install(book.mock);
    const { sheets } = await writeExhibits(smallStudy());
    expect(sheets.map((s) => s.name)).toEqual([
      "3-1 Pay Plan Summary",
      "3-2 Grade Placement",
      "3-3 Midpoint Analysis",
      "3-4 Quartile Analysis (2)",
      "3-5 Job Families",
      "3-6 Tenure",
      "3-7 Schedule Audit",
      "3-8 Unmatched Employees",
      "3-9 Pay Against the Schedule",
    ]);
    expect(new Set(book.writes.map((w) => w.sheet))).not.toContain("Roster");
    expect(new Set(book.writes.map((w) => w.sheet))).not.toContain("3-4 Quartile Analysis");
  });

  it("writes the title, the table values and their formats where the layout puts them, formats before values", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    const result = smallStudy();
    await writeExhibits(result, { exhibits: ["grade-placement"] });
    const layout = layoutExhibit(result.exhibits[1], { study: result });
    const table = layout.blocks.find((b) => b.role === "table");
    const written = book.writes.find((w) => w.address === rangeAddress(4, 0, table?.values.length ?? 0, 7));
    expect(written?.values).toEqual(table?.values);
    expect(written?.numberFormat?.[1]).toEqual(["@", "@", "#,##0", "#,##0", "0.0%", "#,##0", "0.0%"]);
    expect(written?.order).toEqual(["numberFormat", "values"]);
    expect(book.writes.find((w) => w.address === "A1")?.values).toEqual([["Compensation study: current conditions"]]);
    expect(book.writes.find((w) => w.address === "A2")?.values).toEqual([["EXHIBIT 3-2 — GRADE PLACEMENT"]]);
    expect(book.writes.find((w) => w.address === "A3")?.values).toEqual([
      ["As of January 1, 2020 · from the Pay Plans and Roster tables"],
    ]);
  });

  it("right-aligns the header cells of numeric columns over their numbers", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    await writeExhibits(smallStudy(), { exhibits: ["grade-placement"] });
    // Plan and Grade are text (left); Employees … % At or Above Maximum are numbers (columns C–G of row 5).
    expect(book.rightAligned).toEqual(["C", "D", "E", "F", "G"].map((column) => `3-2 Grade Placement!${column}5`));
  });

  it("writes roster text that looks like a formula as text, with the '@' format set first", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    await writeExhibits(smallStudy(1), { exhibits: ["unmatched-employees"] });
    const table = book.writes.find((w) => w.address.startsWith("A5:"));
    expect(table?.order).toEqual(["numberFormat", "values"]);
    expect(table?.values?.[0]).toEqual(["Employee ID", "Plan", "Grade", "Reason"]);
    expect(table?.numberFormat?.every((row) => row.every((format) => format === "@"))).toBe(true);
  });

  it("adds an Excel table with a built-in style, freezes the header, and charts each plan's quartiles", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    await writeExhibits(smallStudy(), { exhibits: ["quartiles"] });
    const sheet = book.sheets["3-4 Quartile Analysis"];
    expect(sheet.tables).toEqual(["A5:K10|true"]);
    expect(sheet.frozen).toBe(5);
    expect(sheet.charts.filter((c) => c[0] === "BarStacked100")).toHaveLength(2);
    expect(sheet.activated).toBe(true);
  });

  it("wraps the text across the table, and sets the print as the workbook's: Letter landscape, the header repeated", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    const result = smallStudy();
    await writeExhibits(result, { exhibits: ["quartiles"] });
    const sheet = book.sheets["3-4 Quartile Analysis"];
    const layout = layoutExhibit(
      result.exhibits.find((e) => e.id === "quartiles")!,
      { study: result },
    );
    const subtitle = layout.blocks.find((b) => b.role === "subtitle")!;
    expect(sheet.merged).toContain(rangeAddress(subtitle.row, 0, 1, subtitle.span!));
    expect(sheet.wrapped).toContain(rangeAddress(layout.table.row, 0, 1, layout.table.columns));
    expect(sheet.print).toMatchObject({
      orientation: "Landscape",
      paperSize: "Letter",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: "$5:$5",
      leftFooter: "EXHIBIT 3-4 — QUARTILE ANALYSIS",
      rightFooter: "Page &P of &N",
    });
    expect(sheet.print.area).toMatch(/^A1:[A-Z]+\d+,[A-Z]+6:[A-Z]+\d+$/);
  });

  it("draws each kind of chart the exhibit declares, an interval as a high-low-close stock chart", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    const result = smallStudy();
    const tenure = result.exhibits.find((e) => e.id === "tenure")!;
    const chart = (kind: ExhibitChart["kind"]): ExhibitChart => ({
      kind,
      title: `A ${kind} chart`,
      description: "What it shows.",
      categoryTitle: "Plan",
      categories: ["Hourly", "Annual"],
      series: [{ name: "Gap", values: [0.01, -0.02], low: [-0.01, -0.04], high: [0.03, 0] }],
      value: { kind: "percent" },
      valueTitle: "Gap",
    });
    tenure.charts = (["bar", "stacked", "stacked100", "interval"] as const).map(chart);
    await writeExhibits(result, { exhibits: ["tenure"] });
    const types = book.sheets["3-6 Tenure"].charts.filter((entry) => entry[1] === "Columns").map((entry) => entry[0]);
    expect(types).toEqual(["BarClustered", "BarStacked", "BarStacked100", "StockHLC"]);
  });

  it("syncs a fixed, small number of times, whatever the number of exhibits", async () => {
    const one = makeWorkbook([]);
    install(one.mock);
    await writeExhibits(smallStudy(), { exhibits: ["tenure"] });
    const all = makeWorkbook([]);
    install(all.mock);
    await writeExhibits(smallStudy());
    expect(all.syncs()).toBe(one.syncs());
    expect(all.syncs()).toBeLessThanOrEqual(6);
  });

  it("splits a large exhibit into writes of under 5 MB each", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    await writeExhibits(smallStudy(60_000), { exhibits: ["unmatched-employees"] });
    const big = book.writes.filter((w) => (w.values?.length ?? 0) > 1);
    expect(big.length).toBeGreaterThan(1);
    for (const write of big) {
      expect(JSON.stringify(write.values).length + JSON.stringify(write.numberFormat).length).toBeLessThan(5_000_000);
    }
    expect(big.reduce((rows, w) => rows + (w.values?.length ?? 0), 0)).toBe(60_001 + 1);
  });

  it("removes the sheets it created when a step fails, and says the workbook was left as it was", async () => {
    const book = makeWorkbook(["Roster"], { failTables: true });
    install(book.mock);
    const failure = await writeExhibits(smallStudy()).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe("Excel stopped while writing 9 sheets. The workbook was left as it was.");
    expect(String((failure as Error).cause)).toBe("Error: InvalidArgument: the table overlaps another table");
    const added = book.log.filter((l) => l.startsWith("add ")).map((l) => l.slice(4));
    expect(book.log.filter((l) => l.startsWith("delete ")).map((l) => l.slice(7))).toEqual(added);
    expect(added).toHaveLength(9);
  });

  it("stops and cleans up when cancelled", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    const controller = new AbortController();
    const promise = writeExhibits(smallStudy(), {
      signal: controller.signal,
      onProgress: (step) => {
        if (step.startsWith("Writing ")) controller.abort();
      },
    });
    await expect(promise).rejects.toBeInstanceOf(WriteCancelled);
    expect(book.log.filter((l) => l.startsWith("delete "))).toHaveLength(9);
  });
});

describe("re-runs: the pane's sheets replaced, never another's", () => {
  const RUN = "2026-03-01T10:00:00.000Z";
  const old = (exhibitId: string, index: number): ExhibitSheet => ({
    name: "",
    exhibitId,
    run: RUN,
    token: `${RUN}#${index}`,
  });

  it("marks each sheet it writes with a hidden name carrying the exhibit and the run", async () => {
    const book = makeWorkbook([]);
    install(book.mock);
    await writeExhibits(smallStudy(), { exhibits: ["tenure"], run: RUN });
    expect(book.markers["3-6 Tenure"]).toEqual({ value: markerText("tenure", RUN, 0), visible: false });
    expect(readMarker(book.markers["3-6 Tenure"].value)).toEqual({ exhibitId: "tenure", run: RUN, token: `${RUN}#0` });
    expect(readMarker('="compstudy-exhibit/1|tenure|x|0"')).toMatchObject({ exhibitId: "tenure" });
    expect(readMarker("something else")).toBeUndefined();
  });

  it("writes the new sheets first, then deletes the earlier ones and puts the new in their names and places", async () => {
    const book = makeWorkbook([
      "Roster",
      { name: "My Tenure", marker: markerText("tenure", RUN, 0) },
      "Notes",
      { name: "3-3 Midpoint Analysis", marker: markerText("midpoint", RUN, 1) },
    ]);
    install(book.mock);
    const { sheets, replaced } = await writeExhibits(smallStudy(), {
      exhibits: ["midpoint", "tenure"],
      replace: [old("tenure", 0), old("midpoint", 1)],
    });
    expect(replaced).toEqual(["My Tenure", "3-3 Midpoint Analysis"]);
    // The user's name for the sheet stays; the new sheets sit where the old ones were.
    expect(sheets.map((sheet) => sheet.name)).toEqual(["3-3 Midpoint Analysis", "My Tenure"]);
    expect(book.order()).toEqual(["Roster", "My Tenure", "Notes", "3-3 Midpoint Analysis"]);
    const log = book.log.filter((line) => /^(add|delete|rename)/.test(line));
    expect(log).toEqual([
      "add 3-3 Midpoint Analysis (2)",
      "add 3-6 Tenure",
      "delete My Tenure",
      "delete 3-3 Midpoint Analysis",
      "rename 3-6 Tenure → My Tenure",
      "rename 3-3 Midpoint Analysis (2) → 3-3 Midpoint Analysis",
    ]);
  });

  it("never touches a sheet without the marker, nor one whose marker a copy shares", async () => {
    const marker = markerText("tenure", RUN, 0);
    const book = makeWorkbook([
      { name: "3-6 Tenure", marker },
      { name: "3-6 Tenure (copy)", marker },
      "3-3 Midpoint Analysis",
    ]);
    install(book.mock);
    const { replaced } = await writeExhibits(smallStudy(), {
      exhibits: ["midpoint", "tenure"],
      replace: [old("tenure", 0), { ...old("midpoint", 1), name: "3-3 Midpoint Analysis" }],
    });
    expect(replaced).toEqual([]);
    expect(book.log.filter((line) => line.startsWith("delete"))).toEqual([]);
  });

  it.each([
    ["fails", { failTables: true }],
    ["is cancelled", { failTables: false }],
  ])("a re-run that %s deletes only its new sheets: the earlier ones stay as they were", async (_, options) => {
    const book = makeWorkbook(["Roster", { name: "3-6 Tenure", marker: markerText("tenure", RUN, 0) }], options);
    install(book.mock);
    const controller = new AbortController();
    const outcome = await writeExhibits(smallStudy(), {
      exhibits: ["tenure"],
      replace: [old("tenure", 0)],
      signal: controller.signal,
      onProgress: (step) => {
        if (step.startsWith("Formatting") && !options.failTables) controller.abort();
      },
    }).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(options.failTables ? Error : WriteCancelled);
    expect(book.log.filter((line) => line.startsWith("delete"))).toEqual(["delete 3-6 Tenure (2)"]);
    expect(book.order()).toEqual(["Roster", "3-6 Tenure"]);
    expect(book.markers["3-6 Tenure"].value).toBe(markerText("tenure", RUN, 0));
  });
});

describe("planChunks", () => {
  it("keeps every chunk under the budget and every row exactly once", () => {
    const result = smallStudy(5_000);
    const layouts = result.exhibits.map((e) => layoutExhibit(e, { study: result }));
    const chunks = planChunks(layouts, 50_000);
    for (const chunk of chunks) expect(chunk.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThanOrEqual(50_000);
    const rows = chunks.flat().reduce((sum, s) => sum + (s.to - s.from), 0);
    expect(rows).toBe(layouts.reduce((sum, l) => sum + l.blocks.reduce((n, b) => n + b.values.length, 0), 0));
  });
});
