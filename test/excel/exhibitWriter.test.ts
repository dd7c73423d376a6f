import { cellAddress, planChunks, rangeAddress, writeExhibits, WriteCancelled } from "../../src/excel/exhibitWriter";
import { layoutExhibit } from "../../src/exhibits/layout";
import { studyOf } from "../study/helpers";
import type { ExhibitChart, StudyResult } from "../../src/exhibits/spec/types";

type RangeWrite = { sheet: string; address: string; values?: unknown[][]; numberFormat?: unknown[][]; order: string[] };

/**
 * An in-memory workbook recording what the writer asks of Excel. office-addin-mock cannot serve
 * this writer: it treats arrays as scalars, so a collection's `load("items/name")` throws and
 * `items` never loads (and it has no tables, charts or formats). This fake records the calls.
 */
function makeWorkbook(existing: string[], options: { failTables?: boolean } = {}) {
  const log: string[] = [];
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

  const worksheet = (name: string) => {
    sheets[name] = {
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
      name,
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
        log.push(`delete ${name}`);
      },
    };
  };

  const data = {
    context: {
      workbook: {
        worksheets: {
          items: existing.map((name) => ({ name })),
          load: (what: string) => log.push(`load worksheets ${what}`),
          add: (name: string) => {
            log.push(`add ${name}`);
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
  return { mock, writes, sheets, log, rightAligned, syncs: () => syncs };
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
    expect((failure as Error).message).toBe("Excel stopped while writing 8 sheets. The workbook was left as it was.");
    expect(String((failure as Error).cause)).toBe("Error: InvalidArgument: the table overlaps another table");
    const added = book.log.filter((l) => l.startsWith("add ")).map((l) => l.slice(4));
    expect(book.log.filter((l) => l.startsWith("delete ")).map((l) => l.slice(7))).toEqual(added);
    expect(added).toHaveLength(8);
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
    expect(book.log.filter((l) => l.startsWith("delete "))).toHaveLength(8);
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
