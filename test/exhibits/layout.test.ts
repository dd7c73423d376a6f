import {
  layoutExhibit,
  sheetNameFor,
  uniqueSheetName,
  NUMBER_FORMATS,
  exhibitHeading,
} from "../../src/exhibits/layout";
import type { Exhibit } from "../../src/exhibits/spec/types";

const placement: Exhibit = {
  id: "grade-placement",
  number: "3-2",
  title: "Grade Placement",
  subtitle: "As of 2013-04-01 · Pay Plans: Pay Plans!A1:M45 · Roster: Roster!A1:H1258",
  columns: [
    { name: "Plan", kind: "text" },
    { name: "Grade", kind: "text" },
    { name: "Employees", kind: "count" },
    { name: "Minimum", kind: "money" },
    { name: "% At or Below Minimum", kind: "percent" },
  ],
  rows: [
    { values: ["BASE", "B1-5", 22, 12.12, 0.045], kind: "detail", unit: "hourly" },
    { values: ["PEA", "TE1", 84, 33669, 0], kind: "detail", unit: "annual" },
    { values: ["PEA", "Total", 84, null, 0], kind: "total", unit: "annual" },
    { values: ["All", "Total", 106, null, 0.009], kind: "grand-total" },
  ],
  source: "Source: CompStudy analysis.",
};

describe("layoutExhibit", () => {
  const layout = layoutExhibit(placement);
  const table = layout.blocks.find((block) => block.role === "table");

  it("titles the sheet with the exhibit number and title in capitals, then the as-of date and sources", () => {
    expect(layout.blocks[0]).toMatchObject({ row: 0, values: [["EXHIBIT 3-2 — GRADE PLACEMENT"]], boldRows: [0] });
    expect(layout.blocks[1].values[0][0]).toBe(
      "As of 2013-04-01 · Pay Plans: Pay Plans!A1:M45 · Roster: Roster!A1:H1258",
    );
  });

  it("puts the header and rows in one table block, freezing the rows down to the header", () => {
    expect(table?.row).toBe(3);
    expect(table?.values[0]).toEqual(["Plan", "Grade", "Employees", "Minimum", "% At or Below Minimum"]);
    expect(table?.values).toHaveLength(5);
    expect(layout.table).toEqual({ row: 3, column: 0, rows: 5, columns: 5, style: "TableStyleMedium2" });
    expect(layout.freezeRows).toBe(4);
  });

  it("formats money by the row's plan unit, percents as 0.0 %, counts with separators, text as text", () => {
    expect(table?.formats[1]).toEqual(["@", "@", "#,##0", "$#,##0.00", "0.0%"]);
    expect(table?.formats[2]).toEqual(["@", "@", "#,##0", "$#,##0", "0.0%"]);
  });

  it("bolds total and grand-total rows only", () => {
    expect(table?.boldRows).toEqual([3, 4]);
  });

  it("writes the source line one blank row under the table", () => {
    const source = layout.blocks.find((block) => block.role === "source");
    expect(source).toMatchObject({ row: 3 + 5 + 1, values: [["Source: CompStudy analysis."]] });
  });

  it("sizes columns from their longest value, at least 8 characters", () => {
    expect(layout.columnWidths).toHaveLength(5);
    expect(layout.columnWidths[4]).toBe("% At or Below Minimum".length + 2);
    expect(Math.min(...layout.columnWidths)).toBeGreaterThanOrEqual(8);
  });

  it("gives an exhibit without rows one 'None' row, since an Excel table needs a data row", () => {
    const empty = layoutExhibit({ ...placement, rows: [] });
    expect(empty.blocks.find((block) => block.role === "table")?.values[1]).toEqual(["None", null, null, null, null]);
    expect(empty.table.rows).toBe(2);
  });

  it("lays out step blocks under the table with the plan's money format", () => {
    const summary = layoutExhibit({
      ...placement,
      id: "pay-plan-summary",
      stepBlocks: [
        {
          plan: "EDTECH",
          unit: "hourly",
          stepHeaders: ["Step 1", "Step 2"],
          rows: [{ grade: "D8", steps: [14.02] }],
        },
      ],
    });
    const steps = summary.blocks.find((block) => block.role === "steps");
    expect(steps?.values).toEqual([
      ["Grade", "Step 1", "Step 2"],
      ["D8", 14.02, null],
    ]);
    expect(steps?.formats[1]).toEqual(["@", NUMBER_FORMATS.cents, NUMBER_FORMATS.cents]);
  });

  it("places one chart per plan beside the table, fed by a chart-data block", () => {
    const quartiles = layoutExhibit({
      ...placement,
      id: "quartiles",
      charts: [
        {
          plan: "PEA",
          title: "PEA — quartile distribution",
          categories: ["TE1", "TE2"],
          series: [
            { name: "Q1", values: [0.5, 0.25] },
            { name: "Q2", values: [0.5, 0.75] },
          ],
        },
      ],
    });
    const data = quartiles.blocks.find((block) => block.role === "chart-data");
    expect(data?.values).toEqual([
      ["PEA", "Q1", "Q2"],
      ["TE1", 0.5, 0.5],
      ["TE2", 0.25, 0.75],
    ]);
    expect(quartiles.charts).toEqual([
      expect.objectContaining({
        title: "PEA — quartile distribution",
        data: { row: data?.row, column: 0, rows: 3, columns: 3 },
        anchor: { row: 3, column: 6 },
      }),
    ]);
  });
});

describe("sheet names", () => {
  it("keeps names within Excel's 31 characters and without forbidden characters", () => {
    const name = sheetNameFor({ number: "3-8", title: "Unmatched Employees: rows [not] placed / a very long title" });
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[\\/?*[\]:]/);
  });

  it("makes a name unique against existing sheets, case-insensitively, still within 31 characters", () => {
    const taken = new Set(["3-4 Quartile Analysis", "3-4 QUARTILE ANALYSIS (2)"]);
    expect(uniqueSheetName("3-4 Quartile Analysis", taken)).toBe("3-4 Quartile Analysis (3)");
    const long = "x".repeat(31);
    expect(uniqueSheetName(long, new Set([long]))).toBe(`${"x".repeat(27)} (2)`);
  });

  it("writes the heading in capitals", () => {
    expect(exhibitHeading({ number: "3-1", title: "Pay Plan Summary" })).toBe("EXHIBIT 3-1 — PAY PLAN SUMMARY");
  });
});
