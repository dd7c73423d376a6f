/**
 * "Write to row": the gateway's appendRow against a recording stand-in for Excel backed by a
 * grid of cells (office-addin-mock cannot load collection items nor compute offsets; see
 * gateway.test.ts): an Excel table grows by table.rows.add, a blank row inside a table or range
 * is filled, a named range never grows, text is written as text, and nothing is written when the
 * row below is not empty. One Excel.run per call.
 */
import { appendIndex, createOfficeGateway, parseAddress, type Source } from "../../src/excel/gateway";
import { rangeAddress } from "../../src/excel/exhibitWriter";
import { CANDIDATE_FIELDS, candidateRecord, recordCells, type InputTable } from "../../src/engine/study";
import type { CellValue } from "../../src/engine/cells";

type Grid = Record<string, Record<string, CellValue>>;

function workbook(
  sheets: Record<string, CellValue[][]>,
  options: { tables?: { name: string; sheet: string; address: string }[]; names?: Record<string, string> } = {},
) {
  const grid: Grid = {};
  for (const [sheet, rows] of Object.entries(sheets)) {
    grid[sheet] = {};
    rows.forEach((row, r) => row.forEach((value, c) => (grid[sheet][`${r},${c}`] = value)));
  }
  const tables = (options.tables ?? []).map((table) => ({ ...table }));
  const log: string[] = [];
  let runs = 0;
  let syncs = 0;
  const cell = (sheet: string, r: number, c: number): CellValue => grid[sheet][`${r},${c}`] ?? "";
  const range = (sheet: string, address: string) => {
    const area = parseAddress(address);
    const local = rangeAddress(area.row, area.column, area.rows, area.columns);
    const self = {
      address: `${sheet}!${local}`,
      load: () => undefined,
      get values() {
        return Array.from({ length: area.rows }, (_, r) =>
          Array.from({ length: area.columns }, (_, c) => cell(sheet, area.row + r, area.column + c)),
        );
      },
      set values(rows: CellValue[][]) {
        log.push(`values ${sheet}!${local} ${JSON.stringify(rows)}`);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            // null leaves the cell as it is (Office.js).
            if (value !== null) grid[sheet][`${area.row + r},${area.column + c}`] = value;
          }),
        );
      },
      set numberFormat(rows: unknown[][]) {
        log.push(`numberFormat ${sheet}!${local} ${JSON.stringify(rows)}`);
      },
      getLastRow: () => range(sheet, rangeAddress(area.row + area.rows - 1, area.column, 1, area.columns)),
      getOffsetRange: (rows: number, columns: number) =>
        range(sheet, rangeAddress(area.row + rows, area.column + columns, area.rows, area.columns)),
      getRow: (index: number) => range(sheet, rangeAddress(area.row + index, area.column, 1, area.columns)),
    };
    return self;
  };
  const usedRange = (sheet: string) => {
    let rows = 0;
    let columns = 0;
    for (const [key, value] of Object.entries(grid[sheet]))
      if (value !== "" && value !== null) {
        const [r, c] = key.split(",").map(Number);
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    return range(sheet, rangeAddress(0, 0, rows, columns));
  };
  const context = {
    workbook: {
      tables: {
        getItem: (name: string) => {
          const table = tables.find((t) => t.name === name);
          if (!table) throw new Error(`ItemNotFound: ${name}`);
          return {
            getRange: () => range(table.sheet, table.address),
            rows: {
              add: () => {
                const area = parseAddress(table.address);
                table.address = rangeAddress(area.row, area.column, area.rows + 1, area.columns);
                log.push(`rows.add ${name} → ${table.address}`);
                const row = range(table.sheet, rangeAddress(area.row + area.rows, area.column, 1, area.columns));
                return { getRange: () => row };
              },
            },
          };
        },
      },
      names: {
        getItem: (name: string) => {
          const address = options.names?.[name] ?? "";
          const bang = address.indexOf("!");
          return { getRange: () => range(address.slice(0, bang), address.slice(bang + 1)) };
        },
      },
      worksheets: {
        getItem: (name: string) => ({
          getRange: (address: string) => range(name, address),
          getUsedRange: () => usedRange(name),
        }),
        getActiveWorksheet: () => ({ getRange: (address: string) => range(Object.keys(grid)[0], address) }),
      },
    },
    sync: async () => {
      syncs++;
    },
  };
  (globalThis as Record<string, unknown>).Excel = {
    run: async <T>(callback: (c: unknown) => Promise<T>) => {
      runs++;
      return callback(context);
    },
  };
  return {
    log,
    tables,
    runs: () => runs,
    syncs: () => syncs,
    row: (sheet: string, r: number, columns: number) => Array.from({ length: columns }, (_, c) => cell(sheet, r, c)),
  };
}

const HEADER: CellValue[] = ["Candidate", "Action", "Job Type", "Plan", "Grade", "Lane", "Years", "Note"];
const ANN: CellValue[] = ["Ann", "hire", "other", "Master", "27", "", 6, "=LEN(A3)"];

/** What the pane hands the gateway: the candidate's cells under the header read from the sheet. */
const candidate = (values: CellValue[][], mapping?: Record<string, string>): CellValue[] => {
  const table: InputTable = { rows: values, source: "test", ...(mapping ? { mapping } : {}) };
  return recordCells(
    table,
    CANDIDATE_FIELDS,
    candidateRecord("Bo Li", { action: "hire", jobType: "teacher", plan: "PEA", grade: "1-5", years: 3 }),
  );
};

describe("appendIndex", () => {
  it.each([
    [[["h"], ["a"], [""], [null]], 2],
    [[["h"], ["a"]], 2],
    [[[""], ["  "]], 0],
    [[["title"], [""], ["h", "x"]], 3],
  ] as [CellValue[][], number][])("%j → %i", (values, index) => {
    expect(appendIndex(values)).toBe(index);
  });
});

describe("gateway: Write to row", () => {
  const table: Source = { kind: "table", name: "Candidates", address: "People!A1:H2" };

  it("an Excel table grows by rows.add; the cells go under their headers, text as text, nothing else touched", async () => {
    const excel = workbook(
      { People: [HEADER, ANN] },
      { tables: [{ name: "Candidates", sheet: "People", address: "A1:H2" }] },
    );
    const written = await createOfficeGateway().appendRow(table, candidate);
    expect(written).toEqual({
      address: "People!A3:H3",
      row: 3,
      source: { kind: "table", name: "Candidates", address: "'People'!A1:H3" },
    });
    expect(excel.tables[0].address).toBe("A1:H3");
    expect(excel.log).toEqual([
      "rows.add Candidates → A1:H3",
      'numberFormat People!A3:H3 [["@","@","@","@","@",null,null,null]]',
      'values People!A3:H3 [["Bo Li","hire","teacher","PEA","1-5",null,3,null]]',
    ]);
    expect(excel.row("People", 2, 8)).toEqual(["Bo Li", "hire", "teacher", "PEA", "1-5", "", 3, ""]);
    expect(excel.row("People", 1, 8)).toEqual(ANN);
    // One user action, one Excel.run: a read, then the write.
    expect([excel.runs(), excel.syncs()]).toEqual([1, 2]);
  });

  it("fills the table's first empty row when it ends with empty rows (no rows.add)", async () => {
    const excel = workbook(
      { People: [HEADER, ANN, ["", "", "", "", "", "", "", ""]] },
      { tables: [{ name: "Candidates", sheet: "People", address: "A1:H3" }] },
    );
    const written = await createOfficeGateway().appendRow({ ...table, address: "People!A1:H3" }, candidate);
    expect(written).toMatchObject({ address: "People!A3:H3", row: 3, source: { address: "'People'!A1:H3" } });
    expect(excel.log.some((line) => line.startsWith("rows.add"))).toBe(false);
    expect(excel.row("People", 2, 5)).toEqual(["Bo Li", "hire", "teacher", "PEA", "1-5"]);
  });

  it("refuses when the row below the table is not empty, and writes nothing", async () => {
    const excel = workbook(
      { People: [HEADER, ANN, ["", "", "", "", "", "", "", "Total: 1"]] },
      { tables: [{ name: "Candidates", sheet: "People", address: "A1:H2" }] },
    );
    await expect(createOfficeGateway().appendRow(table, candidate)).rejects.toThrow(
      "The row below the table Candidates (People!A3:H3) is not empty: nothing was written. Clear that row or move what is in it, then write again",
    );
    expect(excel.log).toEqual([]);
    expect(excel.tables[0].address).toBe("A1:H2");
  });

  it("a column the candidate needs is missing: the engine's message, nothing written", async () => {
    const excel = workbook(
      {
        People: [
          ["Candidate", "Action", "Grade"],
          ["Ann", "hire", "27"],
        ],
      },
      { tables: [{ name: "Candidates", sheet: "People", address: "A1:C2" }] },
    );
    await expect(
      createOfficeGateway().appendRow({ ...table, address: "People!A1:C2" }, (values) => candidate(values)),
    ).rejects.toThrow(
      /^Missing column 'Job Type' .*; Missing column 'Plan' .*; Missing column 'Years' .*: add the columns/,
    );
    expect(excel.log).toEqual([]);
  });

  it("a sheet's table (its used range) and a selection get the row below; the selection grows to hold it", async () => {
    const book = { People: [["Made-up candidates"], HEADER, ANN] };
    let excel = workbook(book);
    const sheet = await createOfficeGateway().appendRow(
      { kind: "range", name: "People", address: "'People'!A1:H2" },
      candidate,
    );
    expect(sheet).toMatchObject({ address: "People!A4:H4", row: 4, source: { address: "'People'!A1:H4" } });
    expect(excel.row("People", 3, 3)).toEqual(["Bo Li", "hire", "teacher"]);

    excel = workbook(book);
    const selection = await createOfficeGateway().appendRow(
      { kind: "range", name: "Selection", address: "People!A2:H3" },
      candidate,
    );
    expect(selection).toMatchObject({ address: "People!A4:H4", row: 3, source: { address: "'People'!A2:H4" } });
    expect(excel.row("People", 3, 1)).toEqual(["Bo Li"]);
  });

  it("a named range is filled inside, never grown", async () => {
    const book = { People: [HEADER, ANN, []] };
    let excel = workbook(book, { names: { Staff: "People!A1:H3" } });
    const written = await createOfficeGateway().appendRow(
      { kind: "name", name: "Staff", address: "People!A1:H3" },
      candidate,
    );
    expect(written).toMatchObject({ address: "People!A3:H3", row: 3, source: { address: "'People'!A1:H3" } });
    excel = workbook(book, { names: { Staff: "People!A1:H2" } });
    await expect(
      createOfficeGateway().appendRow({ kind: "name", name: "Staff", address: "People!A1:H2" }, candidate),
    ).rejects.toThrow(
      "The named range Staff has no empty row at its end: nothing was written. Extend it (Formulas → Name Manager) or make it an Excel table, then write again",
    );
    expect(excel.log).toEqual([]);
  });

  it("follows the mapping chosen on Data", async () => {
    const excel = workbook(
      {
        People: [
          ["Person", "Action", "Type", "Plan", "Grade", "Exp"],
          ["Ann", "hire", "other", "Master", "27", 6],
        ],
      },
      { tables: [{ name: "Candidates", sheet: "People", address: "A1:F2" }] },
    );
    await createOfficeGateway().appendRow({ ...table, address: "People!A1:F2" }, (values) =>
      candidate(values, { Candidate: "Person", Years: "Exp" }),
    );
    expect(excel.row("People", 2, 6)).toEqual(["Bo Li", "hire", "teacher", "PEA", "1-5", 3]);
  });
});
