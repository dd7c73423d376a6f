import {
  createOfficeGateway,
  isCompFormula,
  parseAddress,
  readChunks,
  READ_BUDGET_CELLS,
} from "../../src/excel/gateway";
import { POLICY_TABLE } from "../../src/engine/policy";

/**
 * A recording stand-in for Excel (office-addin-mock cannot load collection items, see
 * exhibitWriter.test.ts): ranges hand back values from a grid; every request is logged.
 */
function fakeExcel(
  options: { grid?: (row: number, column: number) => unknown; sheets?: string[]; names?: string[] } = {},
) {
  const log: string[] = [];
  let syncs = 0;
  const writes: Record<string, unknown> = {};
  const addressOf = (sheet: string, address: string) => `${sheet}!${address}`;
  const range = (sheet: string, address: string) => {
    const block = (pick: (r: number, c: number) => unknown, area = parseAddress(address)) =>
      Array.from({ length: area.rows }, (_, r) =>
        Array.from({ length: area.columns }, (_, c) => pick(area.row + r, area.column + c)),
      );
    return {
      address: addressOf(sheet, address),
      load: (what: string) => log.push(`load ${addressOf(sheet, address)} ${what}`),
      get values() {
        return block((r, c) => (options.grid ? options.grid(r, c) : ""));
      },
      set values(value: unknown) {
        writes[`${addressOf(sheet, address)} values`] = value;
      },
      set numberFormat(value: unknown) {
        writes[`${addressOf(sheet, address)} numberFormat`] = value;
      },
      format: { font: {}, autofitColumns: () => log.push(`autofit ${address}`) },
    };
  };
  const sheet = (name: string) => ({
    getRange: (address: string) => range(name, address),
    activate: () => log.push(`activate ${name}`),
  });
  const names: { name: string }[] = (options.names ?? []).map((name) => ({ name }));
  const context = {
    workbook: {
      worksheets: {
        getItem: (name: string) => sheet(name),
        getActiveWorksheet: () => sheet("Active"),
        getItemOrNullObject: (name: string) => ({ isNullObject: !(options.sheets ?? []).includes(name) }),
        add: (name: string) => {
          log.push(`add sheet ${name}`);
          return sheet(name);
        },
      },
      names: {
        items: names,
        load: () => undefined,
        add: (name: string, reference: { address: string }, comment: string) =>
          log.push(`name ${name} = ${reference.address} (${comment.length > 0 ? "explained" : "no comment"})`),
      },
    },
    sync: async () => {
      syncs++;
    },
  };
  (globalThis as Record<string, unknown>).Excel = {
    run: async <T>(callback: (c: unknown) => Promise<T>) => callback(context),
  };
  return { log, writes, syncs: () => syncs };
}

describe("addresses and chunks", () => {
  it.each([
    ["Roster!A1:G1258", { sheet: "Roster", row: 0, column: 0, rows: 1258, columns: 7 }],
    ["'Pay Plans'!$B$2:$M$45", { sheet: "Pay Plans", row: 1, column: 1, rows: 44, columns: 12 }],
    ["'Bob''s'!C3", { sheet: "Bob's", row: 2, column: 2, rows: 1, columns: 1 }],
  ])("parses %s", (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });

  it("refuses what is not an address", () => {
    expect(() => parseAddress("Roster!whole")).toThrow("'Roster!whole' is not a range address such as Roster!A1:G500");
  });

  it("splits a 1,048,576-row roster into reads of at most 100,000 cells, covering every row once", () => {
    const chunks = readChunks(parseAddress("Roster!A1:G1048576"));
    expect(chunks[0]).toBe("'Roster'!A1:G14285");
    expect(chunks[chunks.length - 1]).toBe("'Roster'!A1042806:G1048576");
    const rows = chunks.map((c) => parseAddress(c)).reduce((sum, a) => sum + a.rows, 0);
    expect(rows).toBe(1_048_576);
    for (const chunk of chunks) expect(parseAddress(chunk).rows * 7).toBeLessThanOrEqual(READ_BUDGET_CELLS);
  });
});

describe("Office.js gateway", () => {
  it("reads a large range chunk by chunk, one request each, in order", async () => {
    const excel = fakeExcel({ grid: (r, c) => (r === 0 ? `H${c}` : r * 10 + c) });
    const progress: number[] = [];
    const values = await createOfficeGateway().readValues(
      { kind: "range", name: "Roster", address: "Roster!A1:E50000" },
      (fraction) => progress.push(fraction),
    );
    expect(values).toHaveLength(50_000);
    expect(values[49_999]).toEqual([499990, 499991, 499992, 499993, 499994]);
    expect(excel.log).toEqual([
      "load Roster!A1:E20000 values",
      "load Roster!A20001:E40000 values",
      "load Roster!A40001:E50000 values",
    ]);
    expect(excel.syncs()).toBe(3);
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
  });

  it("says a range is empty or too large in words", async () => {
    fakeExcel();
    await expect(
      createOfficeGateway().readValues({ kind: "name", name: "Roster", address: "Roster!A1:C3" }),
    ).rejects.toThrow("Roster is empty: pick the range that holds the table, headers first");
    await expect(
      createOfficeGateway().readValues({ kind: "range", name: "Selection", address: "Sheet1!A1:XFD1048576" }),
    ).rejects.toThrow("Selection is too large (1,048,576 rows × 16384 columns): select only the table's columns");
  });

  it("writes the rules sheet with a named, explained cell per policy value", async () => {
    const excel = fakeExcel();
    expect(await createOfficeGateway().insertRulesSheet()).toEqual({ sheet: "COMP Rules", names: POLICY_TABLE.length });
    const values = excel.writes[`COMP Rules!A1:E${POLICY_TABLE.length + 1} values`] as unknown[][];
    expect(values[0]).toEqual(["Name", "Value", "Rule", "Explanation", "Source"]);
    expect(values[1].slice(0, 2)).toEqual(["COMP_EXPERIENCE_RATE", 0.025]);
    expect(excel.log).toContain("name COMP_EXPERIENCE_RATE = COMP Rules!B2 (explained)");
    expect(excel.log.filter((l) => l.startsWith("name "))).toHaveLength(POLICY_TABLE.length);
  });

  it("never overwrites: refuses when the rules sheet or one of its names exists", async () => {
    fakeExcel({ sheets: ["COMP Rules"] });
    await expect(createOfficeGateway().insertRulesSheet()).rejects.toThrow("A sheet named 'COMP Rules' already exists");
    const excel = fakeExcel({ names: ["comp_senior_grade"] });
    await expect(createOfficeGateway().insertRulesSheet()).rejects.toThrow(
      "The workbook already defines the name COMP_SENIOR_GRADE",
    );
    expect(excel.log.filter((l) => l.startsWith("add sheet"))).toEqual([]);
  });

  it("recognises COMP formulas and nothing else", () => {
    expect(['=COMP.PAYSTEP(A1:L9,"B1-5",3)', "=SUM(A1)+comp.midpoint(1,2)", "=COMP.X"].every(isCompFormula)).toBe(true);
    expect(["=SUM(A1)", "COMP.PAYSTEP", "=MYCOMP.X(1)", 42].some(isCompFormula)).toBe(false);
  });
});
