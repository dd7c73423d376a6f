/**
 * The gateway's single-range actions against office-addin-mock (the OfficeDev mock). The mock
 * suits actions on one object; the collection-heavy ones (exhibit writer, sources, reads) use
 * the recording stand-ins of exhibitWriter.test.ts and gateway.test.ts because the mock treats
 * arrays as scalars and cannot load a collection's items.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createOfficeGateway } from "../../src/excel/gateway";

function install(data: Record<string, unknown>): { context: Record<string, unknown> } {
  const mock = new OfficeMockObject({
    context: data,
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback((this as unknown as { context: unknown }).context);
    },
  }) as unknown as { context: Record<string, unknown> };
  (globalThis as Record<string, unknown>).Excel = mock;
  return mock;
}

describe("gateway with office-addin-mock", () => {
  it("reads the selection's address after loading it", async () => {
    install({
      workbook: {
        range: { address: "Roster!A1:G1258" },
        getSelectedRange: function (this: { range: unknown }) {
          return this.range;
        },
      },
    });
    await expect(createOfficeGateway().selectionAddress()).resolves.toBe("Roster!A1:G1258");
  });

  it("puts a function example into an empty active cell", async () => {
    const excel = install({
      workbook: {
        cell: { address: "Sheet1!B2", formulas: [[""]] },
        getActiveCell: function (this: { cell: unknown }) {
          return this.cell;
        },
      },
    });
    await expect(createOfficeGateway().insertFormula("=COMP.MIDPOINT(F2, G2)")).resolves.toBe("Sheet1!B2");
    const cell = (excel.context.workbook as { cell: { formulas: unknown } }).cell;
    expect(cell.formulas).toEqual([["=COMP.MIDPOINT(F2, G2)"]]);
  });

  it("Write to row: refuses when the row below the selection holds anything, and writes nothing", async () => {
    const below = { address: "People!A3:C3", values: [["", "", "Total"]] };
    const excel = install({
      workbook: {
        worksheets: {
          sheet: {
            range: {
              address: "People!A1:C2",
              values: [
                ["Candidate", "Action", "Grade"],
                ["Ann", "hire", "27"],
              ],
              last: {
                below,
                getOffsetRange: function (this: { below: unknown }) {
                  return this.below;
                },
              },
              getLastRow: function (this: { last: unknown }) {
                return this.last;
              },
            },
            getRange: function (this: { range: unknown }) {
              return this.range;
            },
          },
          getItem: function (this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    const cells = jest.fn(() => ["Bo", "hire", "28"]);
    await expect(
      createOfficeGateway().appendRow({ kind: "range", name: "Selection", address: "People!A1:C2" }, cells),
    ).rejects.toThrow("The row below the range People!A1:C2 (People!A3:C3) is not empty: nothing was written");
    expect(cells).toHaveBeenCalledWith([
      ["Candidate", "Action", "Grade"],
      ["Ann", "hire", "27"],
    ]);
    const sheet = (excel.context.workbook as { worksheets: { sheet: { range: { values: unknown } } } }).worksheets
      .sheet;
    expect(sheet.range.values).toEqual([
      ["Candidate", "Action", "Grade"],
      ["Ann", "hire", "27"],
    ]);
  });

  it("refuses to write into an active cell that holds anything", async () => {
    const excel = install({
      workbook: {
        cell: { address: "Sheet1!B2", formulas: [["42"]] },
        getActiveCell: function (this: { cell: unknown }) {
          return this.cell;
        },
      },
    });
    await expect(createOfficeGateway().insertFormula("=COMP.MIDPOINT(F2, G2)")).rejects.toThrow(
      "The active cell Sheet1!B2 is not empty: pick an empty cell, then insert again",
    );
    expect((excel.context.workbook as { cell: { formulas: unknown } }).cell.formulas).toEqual([["42"]]);
  });
});
