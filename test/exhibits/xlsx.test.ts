import ExcelJS from "exceljs";
import { layoutExhibit, NUMBER_FORMATS } from "../../src/exhibits/layout";
import { buildWorkbook, workbookBuffer } from "../../src/exhibits/xlsx";
import { FORMULA_TITLE, HOSTILE_TEXTS, studyFixture } from "./study-fixture";

/** What a reader sees: the workbook written to bytes and read back with ExcelJS. */
async function reread(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await workbookBuffer(studyFixture())) as unknown as ExcelJS.Buffer);
  return workbook;
}

type TableModel = { name: string; tableRef: string; headerRow: boolean; style: { theme: string } };

describe("the exhibits workbook, read back with ExcelJS", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await reread();
  });
  const sheet = (index: number) => workbook.worksheets[index];

  it("has one sheet per exhibit with a unique name of at most 31 characters", () => {
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      "3-1 Pay Plan Summary",
      "3-4 Quartile Analysis",
      "3-5 Job Families",
      "3-6 Average Tenure",
      "3-7 Schedule Audit",
      "3-8 Unmatched Employees",
    ]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it("makes sheet names unique when two exhibits would share one", async () => {
    const result = studyFixture();
    result.exhibits[1] = { ...result.exhibits[1], number: "3-1", title: "Pay Plan Summary" };
    const names = buildWorkbook(result).worksheets.map((ws) => ws.name);
    expect(names.slice(0, 2)).toEqual(["3-1 Pay Plan Summary", "3-1 Pay Plan Summary (2)"]);
  });

  it("writes the study line, the title (bold, large), the subtitle and the source line, wrapped across the table", () => {
    const ws = sheet(0);
    expect(ws.getCell("A1").value).toBe("Compensation study: current conditions");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("EXHIBIT 3-1 — PAY PLAN SUMMARY");
    expect(ws.getCell("A2").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A3").value).toBe("As of 2013-04-01 · Pay Plans: plans.csv · Roster: roster.csv");
    expect(ws.getCell("A3").font?.italic).toBe(true);
    expect(ws.getCell("A3").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    // The subtitle is merged across the table's columns (and more, up to the text's width).
    expect(ws.getCell("I3").isMerged).toBe(true);
    // Table header at row 5, six data rows (6–11), blank, source at row 13.
    expect(ws.getCell("A13").value).toBe("Source: Pay Plans; CompStudy analysis.");
  });

  it("puts an Excel table with a built-in style and a header row at the layout's range", () => {
    const ws = sheet(0);
    const tables = Object.values((ws as unknown as { tables: Record<string, { model: TableModel }> }).tables);
    expect(tables).toHaveLength(1);
    const layout = layoutExhibit(studyFixture().exhibits[0], { study: studyFixture() });
    expect(layout.table).toMatchObject({ row: 4, column: 0, rows: 7, columns: 9 });
    expect(tables[0].model).toMatchObject({
      tableRef: "A5:I11",
      headerRow: true,
      style: { theme: "TableStyleMedium2" },
    });
    expect(ws.getRow(5).values).toEqual([
      undefined,
      "Plan",
      "Grade",
      "Minimum",
      "Midpoint",
      "Maximum",
      "Steps",
      "Average Step Progression",
      "Range Spread",
      "Employees",
    ]);
  });

  it("writes values (never formulas) with the number format of their column and unit", () => {
    const ws = sheet(0);
    expect(ws.getCell("C6").value).toBe(12.12);
    expect(ws.getCell("C6").numFmt).toBe(NUMBER_FORMATS.cents);
    expect(ws.getCell("C9").value).toBe(61040);
    expect(ws.getCell("C9").numFmt).toBe(NUMBER_FORMATS.dollars);
    expect(ws.getCell("G6").numFmt).toBe("0.0%");
    expect(ws.getCell("F6").numFmt).toBe("#,##0");
    expect(ws.getCell("A6").numFmt).toBe("@");
    // Years with their unit.
    expect(sheet(3).getCell("D6")).toMatchObject({ value: 7.3456, numFmt: '0.0" years"' });
    for (const ws of workbook.worksheets)
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("draws total and grand-total rows bold, detail rows not", () => {
    const ws = sheet(0);
    expect(ws.getCell("A8").value).toBe("BASE Shift 1");
    expect(ws.getCell("B8").value).toBe("Total");
    expect(ws.getCell("I8").font?.bold).toBe(true);
    expect(ws.getCell("A11").font?.bold).toBe(true);
    expect(ws.getCell("A6").font?.bold).toBeFalsy();
  });

  it("freezes the rows down to the table header and sets the column widths of the layout", () => {
    const ws = sheet(0);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    const layout = layoutExhibit(studyFixture().exhibits[0], { study: studyFixture() });
    // ExcelJS leaves out a column as wide as the sheet's default (9), so read those as the default.
    expect(ws.properties.defaultColWidth).toBe(9);
    layout.columnWidths.forEach((width, index) =>
      expect(ws.getColumn(index + 1).width ?? ws.properties.defaultColWidth).toBe(width),
    );
  });

  /** Where the layout put the pay plans' step block: its heading's row and column, 1-based. */
  const steps = () => {
    const layout = layoutExhibit(studyFixture().exhibits[0], { study: studyFixture() });
    const heading = layout.blocks.find((block) => block.role === "step-heading")!;
    return { row: heading.row + 1, column: heading.column + 1 };
  };

  it("right-aligns the header cells of numeric columns, and the step headers, over their numbers; wraps the header", () => {
    const ws = sheet(0);
    expect(ws.getCell("A5").alignment?.horizontal).toBeUndefined();
    expect(ws.getCell("A5").alignment?.wrapText).toBe(true);
    expect(ws.getCell("C5").alignment?.horizontal).toBe("right");
    expect(ws.getCell("I5").alignment?.horizontal).toBe("right");
    const { row, column } = steps();
    expect(ws.getCell(row + 1, column).alignment?.horizontal).toBeUndefined();
    expect(ws.getCell(row + 1, column + 1).alignment?.horizontal).toBe("right");
  });

  it("writes the pay plans' step blocks right of the table, in columns of their own", () => {
    const ws = sheet(0);
    const { row, column } = steps();
    expect(column).toBeGreaterThan(9);
    expect(row).toBeGreaterThan(5);
    expect(ws.getCell(row, column).value).toBe("BASE Shift 1 — steps (hourly)");
    expect([1, 2, 3, 4].map((offset) => ws.getCell(row + 1, column + offset - 1).value)).toEqual([
      "Grade",
      "Step 1",
      "Step 2",
      "Step 3",
    ]);
    expect(ws.getCell(row + 2, column + 1)).toMatchObject({ value: 12.12, numFmt: "$#,##0.00" });
  });

  it("keeps an empty exhibit's table valid with a None row", () => {
    const ws = sheet(4);
    expect(ws.getCell("A6").value).toBe("None");
  });

  it("stores hostile roster text as strings, never as formulas", () => {
    const ws = sheet(5);
    const grades = HOSTILE_TEXTS.map((_, index) => ws.getCell(`C${6 + index}`));
    // XML turns a carriage return into a line feed on reading; the cell stays text.
    expect(grades.map((cell) => cell.value)).toEqual(HOSTILE_TEXTS.map((text) => text.replace(/\r/g, "\n")));
    for (const cell of grades) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const families = sheet(2);
    expect(families.getCell("A7")).toMatchObject({ value: FORMULA_TITLE, type: ExcelJS.ValueType.String });
  });

  it("has no cell formula in the package XML", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await workbookBuffer(studyFixture()));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(6);
    for (const name of sheets) expect(await zip.file(name)!.async("string")).not.toMatch(/<f[ >]/);
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("=HYPERLINK(");
  });
});
