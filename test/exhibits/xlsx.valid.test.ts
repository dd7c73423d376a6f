/**
 * Outputs Excel accepts (issue 8, §7): whatever the roster text holds, every XML part of the
 * workbook is well-formed and free of characters XML forbids, no cell passes Excel's 32,767
 * characters, no sheet passes its 1,048,576 rows — and each change is counted for the summary.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { layoutExhibit } from "../../src/exhibits/layout";
import type { StudyResult } from "../../src/exhibits/spec/types";
import { buildWorkbook, MAX_CELL_CHARACTERS, workbookBytes, writeWorkbookPlan } from "../../src/exhibits/xlsx";
import { xlsxXmlProblems, xmlParts } from "./ooxml";
import { studyFixture } from "./study-fixture";

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The fixture with `texts` as the Grade of the unmatched rows (column C of its sheet, from row 6). */
function withGrades(texts: string[]): StudyResult {
  const result = studyFixture();
  const unmatched = result.exhibits.find((exhibit) => exhibit.id === "unmatched-employees")!;
  unmatched.rows = texts.map((text, index) => ({
    values: [`E${index + 1}`, "BASE", text, "unknown grade"],
    kind: "detail",
  }));
  return result;
}

const unmatchedSheet = (workbook: ExcelJS.Workbook) => workbook.getWorksheet("3-8 Unmatched Employees")!;

describe("characters XML forbids", () => {
  const cases: [string, string, string][] = [
    ["NUL", "A\u0000B", "A\uFFFDB"],
    ["a bell and a vertical tab", "\u0007x\u000B", "\uFFFDx\uFFFD"],
    ["U+FFFE and U+FFFF", "x\uFFFEy\uFFFF", "x\uFFFDy\uFFFD"],
    ["a lone high surrogate", "a\uD800b", "a\uFFFDb"],
    ["a lone low surrogate", "\uDC00z", "\uFFFDz"],
  ];
  const kept = ["tab\there", "line\nbreak", "emoji 😀 pair", "é ü 中文"];
  let bytes: Uint8Array;
  let replaced: number;

  beforeAll(() => {
    const written = workbookBytes(withGrades([...cases.map(([, text]) => text), ...kept]));
    bytes = written.bytes;
    replaced = written.report.replaced;
  });

  it("never reach the package: every part is well-formed XML 1.0", () => {
    expect(xlsxXmlProblems(bytes)).toEqual([]);
  });

  it("are each replaced by U+FFFD, visibly, in the cell", async () => {
    const sheet = unmatchedSheet(await reread(bytes));
    cases.forEach(([, , shown], index) => expect(sheet.getCell(`C${6 + index}`).value).toBe(shown));
  });

  it("leave allowed text alone: tab, line feed, surrogate pairs, accents", async () => {
    const sheet = unmatchedSheet(await reread(bytes));
    kept.forEach((text, index) => expect(sheet.getCell(`C${6 + cases.length + index}`).value).toBe(text));
  });

  it("are counted by cell, for the summary", () => {
    expect(replaced).toBe(cases.length);
  });
});

describe("Excel's 32,767 characters per cell", () => {
  it("cuts a longer text with an ellipsis and counts it; text at the limit stays whole", async () => {
    const long = "x".repeat(40_000);
    const exact = "y".repeat(MAX_CELL_CHARACTERS);
    const { bytes, report } = workbookBytes(withGrades([long, exact]));
    const sheet = unmatchedSheet(await reread(bytes));
    const cut = String(sheet.getCell("C6").value);
    expect(cut).toHaveLength(MAX_CELL_CHARACTERS);
    expect(cut.endsWith("x…")).toBe(true);
    expect(sheet.getCell("C7").value).toBe(exact);
    expect(report.cut).toBe(1);
    expect(xlsxXmlProblems(bytes)).toEqual([]);
  });

  it("never splits a surrogate pair at the cut", () => {
    // 32,765 letters, then emoji: the pair straddling the cut is dropped whole, not halved.
    const text = "a".repeat(MAX_CELL_CHARACTERS - 2) + "😀😀";
    const { bytes, report } = workbookBytes(withGrades([text]));
    expect(report.cut).toBe(1);
    expect(xlsxXmlProblems(bytes)).toEqual([]);
  });
});

describe("text Excel would read as an escape", () => {
  it("stores _xHHHH_ with its underscore escaped so it comes back as written", () => {
    const { bytes } = workbookBytes(withGrades(["code _x0041_ here"]));
    expect(xmlParts(bytes)["xl/sharedStrings.xml"]).toContain("code _x005F_x0041_ here");
  });
});

describe("table columns", () => {
  it("are unique and named, and the header cells say the same", async () => {
    const result = studyFixture();
    result.exhibits = [
      {
        ...result.exhibits[2],
        columns: [
          { name: "Plan", kind: "text" },
          { name: "plan", kind: "count" },
          { name: "", kind: "count" },
          { name: "Plan", kind: "percent" },
        ],
      },
    ];
    const { bytes } = workbookBytes(result);
    const table = xmlParts(bytes)["xl/tables/table1.xml"];
    const names = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((match) => match[1]);
    expect(names).toEqual(["Plan", "plan 2", "Column 3", "Plan 3"]);
    const sheet = (await reread(bytes)).worksheets[0];
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(names);
  });
});

describe("many distinct texts", () => {
  it("past the shared-strings limit, are written in their cells and read back the same", async () => {
    const grades = Array.from({ length: 12 }, (_, index) => `unique grade ${index}`);
    const shared = workbookBytes(withGrades(grades));
    const inline = workbookBytes(withGrades(grades), { distinctSharedStrings: 5 });
    expect(xlsxXmlProblems(inline.bytes)).toEqual([]);
    expect(xmlParts(inline.bytes)["xl/worksheets/sheet6.xml"]).toContain('t="inlineStr"');
    const [a, b] = [await reread(shared.bytes), await reread(inline.bytes)];
    for (let row = 1; row <= 20; row++)
      for (let column = 1; column <= 4; column++)
        expect(unmatchedSheet(b).getCell(row, column).value).toEqual(unmatchedSheet(a).getCell(row, column).value);
  });
});

describe("rows beyond a sheet's limit", () => {
  it("are left off with a note on the sheet, counted for the summary", async () => {
    const result = withGrades(Array.from({ length: 30 }, (_, index) => `G${index}`));
    const options = { maxSheetRows: 20 };
    // Rows 1–4 the study line, title, subtitle, blank; row 5 the header; 20 − 5 − 4 (blank, findings,
    // source, note) = 11 data rows.
    const layout = layoutExhibit(result.exhibits[5], { ...options, study: result });
    expect(layout.table.rows).toBe(1 + 11);
    expect(layout.omittedRows).toBe(30 - 11);
    const { bytes, report } = workbookBytes(result, options);
    expect(report.omittedRows).toBe(19);
    const sheet = unmatchedSheet(await reread(bytes));
    expect(sheet.getCell("C16").value).toBe("G10");
    expect(sheet.getCell("A19").value).toBe(
      "The sheet shows the first 11 of 30 rows (an Excel sheet holds 20 rows); every row is in the JSON output.",
    );
    expect(sheet.rowCount).toBeLessThanOrEqual(20);
  });
});

describe("the package", () => {
  it("is the same bytes for the same study", () => {
    expect(
      Buffer.from(workbookBytes(studyFixture()).bytes).equals(Buffer.from(workbookBytes(studyFixture()).bytes)),
    ).toBe(true);
  });

  it("prints landscape on Letter, one page wide, repeating the table header, with a header and a footer", async () => {
    const { bytes } = workbookBytes(studyFixture());
    const sheet = (await reread(bytes)).worksheets[0];
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 1,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "5:5",
    });
    const xml = xmlParts(bytes)["xl/worksheets/sheet1.xml"];
    expect(xml).toContain(
      "<headerFooter><oddHeader>&amp;LCompensation study: current conditions</oddHeader><oddFooter>&amp;LEXHIBIT 3-1 — PAY PLAN SUMMARY&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>",
    );
  });

  it("names CompStudy as its creator (how a later run knows it may replace the file)", () => {
    const { bytes } = workbookBytes(studyFixture());
    expect(xmlParts(bytes)["docProps/core.xml"]).toContain("<dc:creator>CompStudy</dc:creator>");
  });
});

describe("the package check itself", () => {
  it("finds a forbidden character, a broken tag and a missing part", () => {
    const { bytes } = workbookBytes(studyFixture());
    const parts = unzipSync(bytes);
    parts["xl/sharedStrings.xml"] = strToU8(
      strFromU8(parts["xl/sharedStrings.xml"]).replace("<t>Plan</t>", "<t>P\u0001lan</t>"),
    );
    parts["xl/styles.xml"] = strToU8(strFromU8(parts["xl/styles.xml"]).replace("</fonts>", "</font>"));
    delete parts["xl/tables/table1.xml"];
    const problems = xlsxXmlProblems(zipSync(parts));
    expect(problems).toContain("xl/sharedStrings.xml: forbidden character U+0001");
    expect(problems.some((problem) => problem.startsWith("xl/styles.xml: "))).toBe(true);
    expect(problems).toContain("xl/worksheets/_rels/sheet1.xml.rels: names a missing part xl/tables/table1.xml");
  });
});

describe("blocks side by side", () => {
  it("share rows, their cells written left to right", async () => {
    const plan = buildWorkbook(studyFixture());
    const layout = plan.worksheets[0].layout;
    // A block beside the table (as a chart's data might sit), its first row on the table's header row.
    layout.blocks.push({
      row: 4,
      column: 12,
      values: [["Beside"], [42]],
      formats: [["@"], ["#,##0"]],
      boldRows: [],
      role: "chart-data",
    });
    const chunks: Uint8Array[] = [];
    writeWorkbookPlan(plan, (chunk) => chunks.push(chunk));
    const bytes = Buffer.concat(chunks);
    expect(xlsxXmlProblems(bytes)).toEqual([]);
    const sheet = (await reread(bytes)).worksheets[0];
    expect(sheet.getCell("M5").value).toBe("Beside");
    expect(sheet.getCell("M6").value).toBe(42);
    expect(sheet.getCell("A5").value).toBe("Plan");
    expect(sheet.getCell("C6").value).toBe(12.12);
    expect(xmlParts(bytes)["xl/worksheets/sheet1.xml"]).toMatch(/<c r="I5"[^>]*>.*<\/c><c r="M5"/);
  });
});
