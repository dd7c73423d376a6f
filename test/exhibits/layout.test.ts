import {
  layoutExhibit,
  layoutFindings,
  sheetNameFor,
  uniqueSheetName,
  NUMBER_FORMATS,
  exhibitHeading,
  textUnits,
} from "../../src/exhibits/layout";
import type { Exhibit } from "../../src/exhibits/spec/types";
import { studyFixture } from "./study-fixture";

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

  it("sizes columns from their widest value and their header's longest word, at least 6 characters", () => {
    // The table's five columns, then empty ones the text above and below the table spans (100 characters wide at least).
    expect(layout.columnWidths.slice(0, 5)).toEqual(layout.columnWidths.slice(0, 5).map((width) => Math.max(width, 6)));
    // "% At or Below Minimum" wraps at its spaces: its longest word decides, in bold.
    expect(layout.columnWidths[4]).toBe(Math.ceil(textUnits("Minimum", true) * 1.04 + 1));
    expect(Math.min(...layout.columnWidths.slice(0, 5))).toBeGreaterThanOrEqual(6);
  });

  it("wraps the subtitle across the table's columns and gives the header row the height of its lines", () => {
    const subtitle = layout.blocks.find((block) => block.role === "subtitle");
    expect(subtitle?.span).toBeGreaterThanOrEqual(5);
    // "% At or Below Minimum" in a column as wide as "Minimum": several lines of 15 points.
    expect(layout.rowHeights.get(3)).toBeGreaterThanOrEqual(2 * 15);
  });

  it("gives an exhibit without rows one 'None' row, since an Excel table needs a data row", () => {
    const empty = layoutExhibit({ ...placement, rows: [] });
    expect(empty.blocks.find((block) => block.role === "table")?.values[1]).toEqual(["None", null, null, null, null]);
    expect(empty.table.rows).toBe(2);
  });

  it("lays out the step blocks right of the table, in their own columns, with the plan's money format", () => {
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
    // Right of the text's columns and a gap; under the table's header row (its repeat stays empty there).
    const span = summary.blocks.find((block) => block.role === "subtitle")?.span as number;
    expect(steps?.column).toBe(span + 1);
    expect(steps?.row).toBeGreaterThan(summary.table.row + 1);
    expect(summary.print.areas).toHaveLength(2);
  });

  it("keeps a long text on one line while the table fits the page at full size; wraps it past that", () => {
    const columns = [
      { name: "Employee ID", kind: "text" as const },
      { name: "Salary", kind: "money" as const },
      { name: "Finding", kind: "text" as const },
    ];
    // About 55 characters: past the 36 where text wraps, within what a page holds beside two columns.
    const finding = "paid 50,000 at step 3, whose pay is 49,000 (the top step)";
    const short = layoutExhibit({
      ...placement,
      columns,
      rows: [
        { values: ["E1", 50000, finding], kind: "detail" },
        { values: ["E2", 47000, finding.replace("3", "2")], kind: "detail" },
      ],
    });
    const table = short.blocks.find((block) => block.role === "table");
    expect(table?.wrapColumns).toBeUndefined();
    expect(short.columnWidths[2]).toBeGreaterThan(36);
    // Its rows keep the default height: none is set for them.
    expect(short.rowHeights.has(short.table.row + 1)).toBe(false);
    expect(short.rowHeights.has(short.table.row + 2)).toBe(false);
    // Twice as long: past what one line may take, it wraps at 36 and its rows grow.
    const long = layoutExhibit({
      ...placement,
      columns,
      rows: [{ values: ["E1", 50000, `${finding}; ${finding}`], kind: "detail" }],
    });
    expect(long.blocks.find((block) => block.role === "table")?.wrapColumns).toEqual([2]);
    expect(long.columnWidths[2]).toBe(36);
    expect(long.rowHeights.get(long.table.row + 1)).toBeGreaterThanOrEqual(2 * 15);
  });

  it("splits a long schedule into step tables of even length, each with its Grade column, never beside a tall row", () => {
    // 31 steps: tables of 11, 11 and 9 step columns; the notes under the table wrap (tall rows).
    const headers = Array.from({ length: 31 }, (_, i) => `Step ${i + 1}`);
    const steps = headers.map((_, i) => 40000 + 1000 * i);
    const note = "A note long enough to wrap across the table's width. ".repeat(8);
    const summary = layoutExhibit({
      ...placement,
      id: "pay-plan-summary",
      notes: [note, note, note],
      stepBlocks: [
        { plan: "PEA Lanes", unit: "annual", stepHeaders: headers, rows: [{ grade: "Master's", steps }] },
        { plan: "PEA Lanes 2", unit: "annual", stepHeaders: headers, rows: [{ grade: "Master's", steps }] },
      ],
    });
    const tables = summary.blocks.filter((block) => block.role === "steps");
    const headings = summary.blocks.filter((block) => block.role === "step-heading").map((block) => block.values[0][0]);
    expect(headings.slice(0, 3)).toEqual([
      "PEA Lanes — steps, Step 1 to Step 11 (annual)",
      "PEA Lanes — steps, Step 12 to Step 22 (annual)",
      "PEA Lanes — steps, Step 23 to Step 31 (annual)",
    ]);
    expect(tables.map((table) => table.values[0].length)).toEqual([12, 12, 10, 12, 12, 10]);
    expect(tables.slice(0, 3).flatMap((table) => table.values[1].slice(1))).toEqual(steps);
    expect(tables.every((table) => table.values[0][0] === "Grade" && table.values[1][0] === "Master's")).toBe(true);
    // No step table's rows (heading included) share a row with a wrapped note: no gaps between its grades.
    const tall = [...summary.rowHeights].filter(([, height]) => height > 15).map(([row]) => row);
    for (const table of tables)
      for (let row = table.row - 1; row < table.row + table.values.length; row++) expect(tall).not.toContain(row);
  });

  it("places each chart right of the table, whole on one page, fed by a data block outside what prints", () => {
    const quartiles = layoutExhibit({
      ...placement,
      id: "quartiles",
      charts: [
        {
          kind: "stacked100",
          title: "PEA — quartile distribution",
          description: "Shares per grade.",
          categoryTitle: "Grade",
          categories: ["TE1", "TE2"],
          series: [
            { name: "Q1", values: [0.5, 0.25] },
            { name: "Q2", values: [0.5, 0.75] },
          ],
          value: { kind: "percent" },
          valueTitle: "Share",
        },
      ],
    });
    const data = quartiles.blocks.find((block) => block.role === "chart-data");
    expect(data?.values).toEqual([
      ["Grade", "Q1", "Q2"],
      ["TE1", 0.5, 0.5],
      ["TE2", 0.25, 0.75],
    ]);
    const [chart] = quartiles.charts;
    expect(chart).toMatchObject({
      title: "PEA — quartile distribution",
      data: { row: data?.row, column: data?.column, rows: 3, columns: 3 },
      anchor: { row: quartiles.table.row + 1 },
    });
    // The data block is in neither print area; the chart is in the second.
    for (const area of quartiles.print.areas)
      expect(data!.column >= area.column + area.columns || data!.column < area.column).toBe(true);
    expect(chart.anchor.column).toBe(quartiles.print.areas[1].column);
  });
});

describe("printing", () => {
  const row = (plan: string, n: number): Exhibit["rows"][number] => ({
    values: [plan, `G${n}`, n, 1000 + n, 0.1],
    kind: "detail",
    unit: "annual",
  });
  const long: Exhibit = {
    ...placement,
    rows: [
      ...Array.from({ length: 88 }, (_, n) => row("BASE", n)),
      { values: ["All", "Total", 1, null, 0], kind: "grand-total" },
    ],
    notes: ["A note under the table."],
  };
  const layout = layoutExhibit(long);
  const { print, table } = layout;

  it("fits one page wide when that keeps the scale at 70 % or more, repeating the header row", () => {
    expect(print.fit).toBe(true);
    expect(print.scale).toBeGreaterThanOrEqual(70);
    expect(print.titleRows).toEqual({ first: table.row, last: table.row });
    expect(print.titleColumns).toBeUndefined();
  });

  it("breaks pages so that no page holds one row alone and the last rows keep with what follows", () => {
    const last = table.row + table.rows - 1;
    expect(print.rowBreaks.length).toBeGreaterThan(0);
    const starts = [0, ...print.rowBreaks];
    starts.forEach((start, page) => {
      const end =
        page + 1 < starts.length
          ? starts[page + 1]
          : layout.blocks.reduce((most, b) => Math.max(most, b.row + b.values.length), 0);
      expect(end - start).toBeGreaterThanOrEqual(2);
    });
    // Neither the header with fewer than two rows, nor the last two rows apart from each other or from the notes.
    for (const cut of print.rowBreaks) {
      expect([table.row + 1, table.row + 2]).not.toContain(cut);
      expect(cut).toBeLessThanOrEqual(last - 1);
    }
  });

  it("spans pages at the smallest scale, the first text columns repeated, when a page is too narrow", () => {
    const wide = layoutExhibit({
      ...placement,
      columns: [
        { name: "Plan", kind: "text" },
        { name: "Grade", kind: "text" },
        ...Array.from({ length: 30 }, (_, n) => ({ name: `Step ${n + 1}`, kind: "money" as const })),
      ],
      rows: [{ values: ["BASE", "B1", ...Array.from({ length: 30 }, () => 123456)], kind: "detail", unit: "annual" }],
    });
    expect(wide.print).toMatchObject({ fit: false, scale: 70, titleColumns: { first: 0, last: 1 } });
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

describe("the findings page", () => {
  it("keeps each heading with its first finding and never ends on a page of one heading and its finding", () => {
    // 1 to 60 exhibits of three findings each, the last with one: every way the pages can fall.
    for (let n = 1; n <= 60; n++) {
      const exhibits: Exhibit[] = Array.from({ length: n }, (_, i) => ({
        ...placement,
        number: `3-${i + 1}`,
        findings: i === n - 1 ? ["The last exhibit's one finding."] : ["One.", "Two.", "Three."],
      }));
      const page = layoutFindings({ ...studyFixture(), exhibits }, { summary: ["A line of summary."] });
      const breaks = page.print.rowBreaks;
      if (breaks.length === 0) continue;
      // The last page holds five rows or more (the blank row before a heading counted).
      expect(page.print.areas[0].rows - breaks[breaks.length - 1]).toBeGreaterThanOrEqual(5);
      // No page starts at a heading's first finding.
      const headings = page.blocks.filter((block) => block.role === "step-heading").map((block) => block.row);
      for (const at of breaks) expect(headings).not.toContain(at - 1);
    }
  });
});
