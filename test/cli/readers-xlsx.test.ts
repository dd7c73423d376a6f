/**
 * The .xlsx reader on workbooks as real tools write them (raw OOXML parts, see
 * test/fixtures/make-real-world-corpus.ts): dates in both date systems and as ISO text, sheets
 * by tab order and visibility, hidden rows, error names, formulas never calculated, and the
 * containers that are not .xlsx at all. What a user sees: the table read, the notes, the
 * one-line message, the tenure computed from the dates.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { zipSync } from "fflate";
import { readTable, readWorkbookSheets } from "../../src/cli/readers";
import { isoDateSerial } from "../../src/cli/xlsx-reader";
import { oleStub, rawXlsx, serialOf, type RawBook, type RawCell } from "../fixtures/make-real-world-corpus";
import { readerError, run, tempFolder, writeFile } from "./helpers";

let folder: string;
beforeAll(() => {
  folder = tempFolder("compstudy-xlsx-");
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let count = 0;
function book(spec: RawBook): string {
  return writeFile(folder, `book-${++count}.xlsx`, Buffer.from(rawXlsx(spec)));
}

const PLANS: RawCell[][] = [
  ["Plan", "Grade", "Step 1", "Step 2"],
  ["A", "G1", 40000, 50000],
];

describe("dates", () => {
  // Hired 2010-01-15, as of 2013-04-01: 2010-01-15 → 2013-01-15 is 365 + 365 + 366 = 1,096 days
  // (2012 is a leap year), → 2013-04-01 another 16 + 28 + 31 + 1 = 76: 1,172 days, and the tenure
  // exhibit's years are 365.25 days: 1,172 / 365.25 = 3.2087… years.
  const EXPECTED_TENURE = 1172 / 365.25;

  async function tenureOf(file: string): Promise<{ tenure: unknown; stdout: string }> {
    const json = path.join(folder, `tenure-${++count}.json`);
    const result = await run(["exhibits", "--workbook", file, "--as-of", "2013-04-01", "--json", json], folder);
    expect(result.stderr).toBe("");
    const study = JSON.parse(fs.readFileSync(json, "utf8")) as {
      exhibits: { id: string; rows: Record<string, unknown>[] }[];
    };
    const rows = study.exhibits.find((exhibit) => exhibit.id === "tenure")?.rows ?? [];
    return { tenure: rows.find((row) => row.Plan === "All")?.["Average Tenure"], stdout: result.stdout };
  }

  const roster = (hire: RawCell): RawCell[][] => [
    ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
    ["E1", "A", "G1", 45000, hire],
  ];

  it.each([
    ["a 1900-system serial", {}, 40193],
    ["a 1904-system serial (40193 − 1462)", { date1904: true }, 38731],
    ['an ISO date cell (t="d")', {}, { date: "2010-01-15", as: "iso" as const }],
    ["an ISO date cell in a 1904 workbook", { date1904: true }, { date: "2010-01-15", as: "iso" as const }],
  ])("reads the hire date of %s as 2010-01-15", async (_, options, hire) => {
    const file = book({
      ...options,
      sheets: [
        { name: "Pay Plans", rows: PLANS },
        { name: "Roster", rows: roster(hire) },
      ],
    });
    const { tenure, stdout } = await tenureOf(file);
    expect(tenure).toBeCloseTo(EXPECTED_TENURE, 12);
    if ("date1904" in options) expect(stdout).toContain("the workbook uses the 1904 date system");
    else expect(stdout).not.toContain("1904");
  });

  it("keeps an ISO date cell that is not a date as its text, so the row is listed, never shifted", async () => {
    const file = book({
      sheets: [
        { name: "Pay Plans", rows: PLANS },
        { name: "Roster", rows: roster({ date: "2010-02-30", as: "iso" }) },
      ],
    });
    const [, table] = await readWorkbookSheets(file, ["Pay Plans", "Roster"]);
    expect(table?.rows[1][4]).toBe("2010-02-30T00:00:00");
    const json = path.join(folder, "bad-date.json");
    await run(["exhibits", "--workbook", file, "--as-of", "2013-04-01", "--json", json], folder);
    const study = JSON.parse(fs.readFileSync(json, "utf8")) as {
      exhibits: { id: string; rows: { Reason?: string }[] }[];
    };
    const reasons = study.exhibits.find((exhibit) => exhibit.id === "unmatched-employees")?.rows.map((r) => r.Reason);
    expect(reasons).toEqual([
      "Row 2: Hire Date '2010-02-30T00:00:00' is not a date (use yyyy-mm-dd, m/d/yyyy or an Excel date)",
    ]);
  });

  it.each([
    // 1900 system: 1970-01-01 is 25,569; before 1900-03-01 one less (Excel's 1900-02-29).
    ["2010-01-15T00:00:00", false, 40193],
    ["2010-01-15", false, 40193],
    ["2010-01-15T18:00:00Z", false, 40193.75],
    ["1900-01-01", false, 1],
    ["1900-02-28", false, 59],
    ["1900-03-01", false, 61],
    // 1904 system: 1,462 fewer; 1904-01-01 is 0.
    ["2010-01-15T00:00:00", true, 38731],
    ["1904-01-01", true, 0],
    ["T06:00:00", false, 0.25],
  ])("isoDateSerial(%p, 1904 = %p) = %p", (text, date1904, serial) => {
    expect(isoDateSerial(text, date1904)).toBeCloseTo(serial, 9);
  });

  it.each([["1899-12-31"], ["1903-12-31"], ["2010-02-30"], ["2010-13-01"], ["15/01/2010"], ["soon"]])(
    "isoDateSerial(%p) is not a date",
    (text) => {
      expect(isoDateSerial(text, text === "1903-12-31")).toBeUndefined();
    },
  );

  it("agrees with the corpus' serials for any date 1900-03-01 … 9999-12-31 in both systems (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1904, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        fc.boolean(),
        (date, date1904) => {
          const iso = date.toISOString().slice(0, 10);
          expect(isoDateSerial(iso, date1904)).toBe(serialOf(iso, date1904 ? 1904 : 1900));
        },
      ),
    );
  });
});

describe("sheets", () => {
  const sheet = (name: string, first: string, extra: Partial<RawBook["sheets"][number]> = {}) => ({
    name,
    rows: [["Name"], [first]],
    ...extra,
  });

  it("reads sheet names from absolute part paths (openpyxl, pandas) and in tab order, not part order", async () => {
    const file = book({
      absolute: true,
      sheets: [sheet("Second part", "b", { part: 2 }), sheet("First part", "a", { part: 1 })],
    });
    const table = await readTable(file);
    expect([table.sheet, table.rows[1][0]]).toEqual(["Second part", "b"]);
  });

  it("reads the first visible sheet when none is named, and says which hidden ones it skipped", async () => {
    const file = book({
      sheets: [
        sheet("Old", "x", { state: "hidden" }),
        sheet("Lists", "y", { state: "veryHidden" }),
        sheet("Roster", "z"),
        sheet("Later", "w", { state: "hidden" }),
      ],
    });
    const table = await readTable(file);
    expect([table.sheet, table.rows[1][0]]).toEqual(["Roster", "z"]);
    expect(table.notes).toEqual([
      "hidden sheets 'Old', 'Lists' skipped: read 'Roster', the first visible sheet (name a sheet to read another)",
    ]);
  });

  it("reads a hidden sheet when it is named, saying it is hidden", async () => {
    const file = book({ sheets: [sheet("Roster", "z"), sheet("Old", "x", { state: "hidden" })] });
    const table = await readTable(file, { sheet: "old" });
    expect([table.sheet, table.notes]).toEqual(["Old", ["sheet 'Old' is hidden; read because it was named"]]);
  });

  it("refuses a workbook whose sheets are all hidden, listing them", async () => {
    const file = book({ sheets: [sheet("A", "x", { state: "hidden" }), sheet("B", "y", { state: "veryHidden" })] });
    expect((await readerError(readTable(file))).message).toBe(
      "no visible sheet holds a table ('A' (hidden), 'B' (hidden)): name the sheet to read",
    );
  });

  it("lists hidden sheets as hidden when a named sheet is missing", async () => {
    const file = book({ sheets: [sheet("Roster", "z"), sheet("Old", "x", { state: "hidden" })] });
    expect((await readerError(readTable(file, { sheet: "Staff" }))).message).toBe(
      "no sheet named 'Staff' (the workbook has: 'Roster', 'Old' (hidden))",
    );
  });

  it("reads .NET SDK workbooks: prefixed elements, rows and cells without references, inline strings", async () => {
    const file = book({
      prefix: "x",
      noReferences: true,
      strings: "inline",
      sheets: [{ name: "Roster", rows: [["ID", "Pay"], ["E1", 12.5], [], ["E3", null, true]] }],
    });
    // Without references, rows follow one another: the empty row is row 3 and stays empty.
    expect((await readTable(file)).rows).toEqual([["ID", "Pay"], ["E1", 12.5], [], ["E3", null, true]]);
  });
});

describe("hidden rows", () => {
  const rows = [
    { cells: ["ID", "Pay"] },
    { cells: ["E1", 1] },
    { cells: ["E2", 2], hidden: true },
    { cells: ["E3", 3] },
    { cells: ["E4", 4], hidden: true },
    { cells: [], hidden: true },
  ];

  it("reads hidden rows by default and says how many, and which", async () => {
    const table = await readTable(book({ sheets: [{ name: "Roster", rows }] }));
    expect(table.rows.map((row) => row[0])).toEqual(["ID", "E1", "E2", "E3", "E4"]);
    expect(table.notes).toEqual([
      "sheet 'Roster': 2 hidden rows (3, 5) read like the others (--skip-hidden-rows leaves them out)",
    ]);
  });

  it("skips them when asked, keeping every other row on its own row number", async () => {
    const table = await readTable(book({ sheets: [{ name: "Roster", rows }] }), { hiddenRows: "skip" });
    expect(table.rows).toEqual([["ID", "Pay"], ["E1", 1], [], ["E3", 3]]);
    expect(table.notes).toEqual(["sheet 'Roster': 2 hidden rows (3, 5) skipped (--skip-hidden-rows)"]);
  });

  it("is a CLI flag: --hidden-rows skip leaves them out of the study, and the summary counts them", async () => {
    const file = book({
      sheets: [
        { name: "Pay Plans", rows: PLANS },
        {
          name: "Roster",
          rows: [
            { cells: ["Employee ID", "Plan", "Grade", "Salary"] },
            { cells: ["E1", "A", "G1", 45000] },
            { cells: ["E2", "A", "G1", 46000], hidden: true },
          ],
        },
      ],
    });
    const result = await run(
      ["exhibits", "--workbook", file, "--as-of", "2013-04-01", "--hidden-rows", "skip"],
      folder,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/placed\s+1 employees/);
    expect(result.stdout).toContain("sheet 'Roster': 1 hidden row (3) skipped (--skip-hidden-rows)");
    const wrong = await run(["exhibits", "--workbook", file, "--hidden-rows", "maybe"], folder);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("include, skip");
  });
});

describe("cells", () => {
  it("keeps Excel error names, cached formula results, booleans, rich text without phonetic guides", async () => {
    const file = book({
      sheets: [
        {
          name: "S",
          rows: [
            [
              { error: "#N/A" },
              { formula: "1/0", error: "#DIV/0!" },
              { formula: 'A1&"x"', cached: "ok" },
              { formula: "2*3", cached: 6 },
              false,
              { rich: [{ text: "東京", phonetic: "トウキョウ" }, { text: " office" }] },
              "a_x000D_b & <c>\r\n",
            ],
          ],
        },
      ],
    });
    expect((await readTable(file)).rows).toEqual([
      ["#N/A", "#DIV/0!", "ok", 6, false, "東京 office", "a_x000D_b & <c>\r\n"],
    ]);
  });

  it("refuses a sheet whose formulas were never calculated, counting them and naming the first", async () => {
    const file = book({
      sheets: [
        {
          name: "Roster",
          rows: [
            ["ID", "Pay"],
            ["E1", { formula: "ROUND(12.345*2080,2)" }],
            ["E2", { formula: "B2+1000" }],
            ["E3", { formula: "B2", cached: 3 }],
          ],
        },
      ],
    });
    const error = await readerError(readTable(file));
    expect(error.message).toBe(
      "sheet 'Roster': 2 formulas were never calculated (first: B2 =ROUND(12.345*2080,2)): open the workbook in Excel or LibreOffice and save it, or save the values as .csv",
    );
    expect(error.sheet).toBe("Roster");
  });

  it("reads cells out of reference order and keeps the sheet's row numbers", async () => {
    const sheetXml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="3"><c r="C3"><v>3</v></c><c r="A3" t="inlineStr"><is><t>a</t></is></c></row>' +
      '<row r="1"><c r="B1"><v>1</v></c></row><!-- a comment --><row r="5" hidden="0"><c r="A5" t="b"><v>1</v></c></row>' +
      "</sheetData></worksheet>";
    const file = writeFile(folder, "order.xlsx", Buffer.from(minimalPackage(sheetXml)));
    expect((await readTable(file)).rows).toEqual([[null, 1], [], ["a", null, 3], [], [true]]);
  });

  it("reads back any table of strings, numbers and booleans, in every layout writers use (property)", async () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "Z", " ", "&", "<", ">", '"', "'", "_x0041_", "\r", "\n", "é", "漢", "😀", "=", "1"),
      maxLength: 12,
    });
    const cell = fc.oneof(
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.record({
          strings: fc.constantFrom("shared" as const, "inline" as const),
          prefix: fc.constantFrom(undefined, "x"),
          noReferences: fc.boolean(),
          absolute: fc.boolean(),
        }),
        async (rows, layout) => {
          const file = book({ ...layout, sheets: [{ name: "S", rows }] });
          // What a reader hands over: "" is a blank, trailing blanks and blank trailing rows dropped.
          const expected = rows.map((row) => {
            const cells = row.map((value) => (value === "" ? null : value));
            while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
            return cells;
          });
          while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
          if (expected.length === 0) {
            expect((await readerError(readTable(file))).message).toBe("sheet 'S' is empty");
            return;
          }
          expect((await readTable(file)).rows).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe("files that are not .xlsx workbooks", () => {
  it.each([
    [
      "a password-protected workbook (OLE with EncryptionInfo)",
      "protected.xlsx",
      oleStub(["EncryptionInfo", "EncryptedPackage"]),
      "is password-protected (encrypted): open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save, and run again — or save the tables as .csv",
    ],
    [
      "an old .xls (OLE with a Workbook stream)",
      "old.xls",
      oleStub(["Workbook"]),
      "old binary .xls workbooks are not supported: save it as .xlsx or .csv",
    ],
    [
      "an Excel 5 .xls (a Book stream) named .xlsx",
      "renamed.xlsx",
      oleStub(["Book"]),
      "old binary .xls workbooks are not supported: save it as .xlsx or .csv",
    ],
    [
      "a Word document",
      "letter.xlsx",
      oleStub(["WordDocument"]),
      "is an old Office file, not a workbook CompStudy reads: save the table as .xlsx or .csv",
    ],
    [
      "an HTML table saved as .xls by a report tool",
      "report.xls",
      new TextEncoder().encode("<html><table><tr><td>ID</td></tr></table></html>"),
      "is a web page (HTML) saved with the extension .xls, not a table CompStudy reads: open it in Excel and save it as .xlsx (File › Save As › Excel Workbook) or .csv",
    ],
    [
      "an .ods",
      "plans.ods",
      zipSync({ mimetype: [new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }] }),
      "is an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv (LibreOffice: File › Save As…)",
    ],
    [
      "a flat .fods",
      "plans.fods",
      new TextEncoder().encode('<?xml version="1.0"?><office:document/>'),
      "is a flat OpenDocument spreadsheet (.fods): save it as .xlsx or .csv (LibreOffice: File › Save As…)",
    ],
    [
      "an .xlsb",
      "plans.xlsb",
      zipSync({ "[Content_Types].xml": new Uint8Array(1), "xl/workbook.bin": new Uint8Array(1) }),
      "is a binary workbook (.xlsb): save it as .xlsx or .csv (Excel: File › Save As)",
    ],
    [
      "a zip that is no workbook",
      "photos.xlsx",
      zipSync({ "a.jpg": new Uint8Array(10) }),
      "is not a readable .xlsx workbook (it has no workbook part)",
    ],
  ])("refuses %s in one line saying what to do", async (_, name, bytes, message) => {
    const file = writeFile(folder, name, Buffer.from(bytes));
    const error = await readerError(readTable(file));
    expect(error.message).toBe(message);
    expect(error.message).not.toContain("\n");
  });

  it("refuses standard input ('-'), through the CLI", async () => {
    const result = await run(["exhibits", "--plans", "-", "--roster", "roster.csv"], folder);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "compstudy: -: standard input ('-') cannot be read: save the table to a file and give its path (e.g. --roster roster.csv)\n",
    });
  });

  it("reads a workbook whose parts are stored, not deflated", async () => {
    const file = writeFile(
      folder,
      "stored.xlsx",
      Buffer.from(
        minimalPackage('<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>', 0),
      ),
    );
    expect((await readTable(file)).rows).toEqual([[7]]);
  });

  it.each([
    [
      "a row beyond Excel's grid",
      '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
      "sheet 'Sheet1': row number '1048577' is outside Excel's grid (the sheet is damaged)",
    ],
    [
      "a cell reference with no column",
      '<row r="1"><c r="12"><v>1</v></c></row>',
      "sheet 'Sheet1': cell reference '12' in row 1 is not a cell (the sheet is damaged)",
    ],
    [
      "XML cut short",
      '<row r="1"><c r="A1"><v>1</v>',
      "sheet 'Sheet1' is damaged or cut short: a cell is never closed",
    ],
  ])("refuses %s", async (_, data, message) => {
    const file = writeFile(
      folder,
      `damaged-${++count}.xlsx`,
      Buffer.from(minimalPackage(`<worksheet><sheetData>${data}</sheetData></worksheet>`)),
    );
    expect((await readerError(readTable(file))).message).toBe(message);
  });
});

/** A package with one sheet part as given (no shared strings, no styles). */
function minimalPackage(sheetXml: string, level: 0 | 6 = 6): Uint8Array {
  const encode = (text: string) => new TextEncoder().encode(text);
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync(
    {
      "_rels/.rels": encode(
        `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      "xl/workbook.xml": encode(
        `<workbook xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": encode(
        `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": encode(sheetXml),
    },
    { level },
  );
}
