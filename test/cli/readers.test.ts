import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import Papa from "papaparse";
import { ReaderError, columnLetters, parseCsvText, readTable, readWorkbookSheets } from "../../src/cli/readers";
import { readerError, tempFolder, writeFile, writeWorkbook } from "./helpers";

let folder: string;
beforeAll(() => {
  folder = tempFolder("compstudy-readers-");
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("CSV", () => {
  it("strips a BOM, detects ';', reads CRLF and quoted fields (with the delimiter, quotes and line breaks inside)", async () => {
    const file = writeFile(
      folder,
      "semicolon.csv",
      '\ufeffEmployee ID;Job Title;Salary\r\nE1;"Clerk; senior";"42,167"\r\nE2;"Say ""hi""";"line\r\nbreak"\r\n',
    );
    const table = await readTable(file);
    expect(table.rows).toEqual([
      ["Employee ID", "Job Title", "Salary"],
      ["E1", "Clerk; senior", "42,167"],
      ["E2", 'Say "hi"', "line\r\nbreak"],
    ]);
    expect(table.source).toBe("semicolon.csv");
  });

  it.each([
    ["comma", "a,b\n1,2\n"],
    ["tab", "a\tb\n1\t2\n"],
    ["pipe", "a|b\n1|2\n"],
  ])("detects the %s delimiter", (_, text) => {
    expect(parseCsvText("x.csv", text).rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps blank lines as empty rows so row numbers match the file, drops trailing ones", () => {
    expect(parseCsvText("x.csv", "a,b\n\n1,2\n\n\n").rows).toEqual([["a", "b"], [], ["1", "2"]]);
  });

  it("gives each repeated text of a column as one string, whatever blanks and widths come before it", () => {
    const rows = parseCsvText("x.csv", "a,,a\na,a,\nx\n,,a,b\na,a,a,b\n").rows;
    expect(rows).toEqual([["a", null, "a"], ["a", "a", null], ["x"], [null, null, "a", "b"], ["a", "a", "a", "b"]]);
    // Quoted text goes through papaparse, and is shared the same way.
    expect(parseCsvText("x.csv", '"a",,b\n,"a",b\n').rows).toEqual([
      ["a", null, "b"],
      [null, "a", "b"],
    ]);
  });

  it("reads text without quotes exactly as papaparse reads it: every line ending, blank line, width and trailing delimiter (property)", () => {
    const line = fc.array(fc.string({ unit: fc.constantFrom(..."ab1 é,"), maxLength: 6 }), { maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.boolean(),
        (lines, newline, bom, trailing) => {
          // A header of two columns makes the comma the delimiter.
          const text = `${bom ? "\ufeff" : ""}a,b${newline}${lines.map((fields) => fields.join(",")).join(newline)}${trailing ? newline : ""}`;
          const expected = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), {
            delimiter: ",",
            skipEmptyLines: false,
          }).data.map((fields) =>
            fields.length === 1 && fields[0] === "" ? [] : fields.map((field) => (field === "" ? null : field)),
          );
          // Rows of nothing but blanks at the end are not rows (trailing blank lines, a lone ',').
          while (expected.length > 0 && expected[expected.length - 1].every((cell) => cell === null)) expected.pop();
          expect(parseCsvText("x.csv", text).rows).toEqual(expected);
        },
      ),
    );
  });

  it("reads empty fields as null and keeps text as text (leading zeros, formulas)", () => {
    expect(parseCsvText("x.csv", "a,b,c\n007,,=1+1\n").rows[1]).toEqual(["007", null, "=1+1"]);
  });

  it("reads UTF-16 with a BOM", async () => {
    const file = writeFile(folder, "utf16.csv", Buffer.from("\ufeffa,b\r\n1,é\r\n", "utf16le"));
    expect((await readTable(file)).rows).toEqual([
      ["a", "b"],
      ["1", "é"],
    ]);
  });

  it.each([
    ["an empty file", "", "the file is empty"],
    ["a file of blank lines", "\r\n \r\n", "the file is empty"],
  ])("refuses %s", async (_, content, message) => {
    const file = writeFile(folder, `empty-${content.length}.csv`, content);
    expect((await readerError(readTable(file))).message).toBe(message);
  });

  it("refuses an unclosed quote, naming the row", () => {
    expect(() => parseCsvText("x.csv", 'a,b\n1,2\n3,"oops\n4,5\n')).toThrow("line 3: a quoted field is never closed");
  });

  it("never throws anything but a ReaderError on random text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        try {
          const table = parseCsvText("x.csv", text);
          expect(Array.isArray(table.rows)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ReaderError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("XLSX", () => {
  let book: string;
  beforeAll(async () => {
    book = path.join(folder, "book.xlsx");
    await writeWorkbook(book, {
      "Pay Plans": [
        ["Plan", "Grade", "Step 1"],
        ["X", "G1", 10],
      ],
      Roster: [
        ["Employee ID", "Hire Date", "Salary", "Job Title", "Link", "Bool"],
        [
          "E1",
          new Date(Date.UTC(2010, 0, 15)),
          { formula: "40000+1", result: 40001 },
          { richText: [{ text: "Rich " }, { text: "Text" }] },
          { text: "a link", hyperlink: "http://example.invalid/" },
          true,
        ],
        ["E2", null, { error: "#N/A" }, '=HYPERLINK("x")'],
        [],
        ["E4", 40193, "$ 42,167"],
      ],
    });
  });

  it("reads the first sheet by default", async () => {
    const table = await readTable(book);
    expect(table.sheet).toBe("Pay Plans");
    expect(table.rows).toEqual([
      ["Plan", "Grade", "Step 1"],
      ["X", "G1", 10],
    ]);
    expect(table.source).toBe("[book.xlsx]'Pay Plans'!A1:C2");
  });

  it("converts cells: date → serial, formula → result, rich text and hyperlinks → text, error → its text", async () => {
    const table = await readTable(book, { sheet: "Roster" });
    expect(table.rows).toEqual([
      ["Employee ID", "Hire Date", "Salary", "Job Title", "Link", "Bool"],
      ["E1", 40193, 40001, "Rich Text", "a link", true],
      ["E2", null, "#N/A", '=HYPERLINK("x")'],
      [],
      ["E4", 40193, "$ 42,167"],
    ]);
  });

  it("reads two sheets in one pass, matching names without regard to case or outer spaces", async () => {
    const [roster, plans] = await readWorkbookSheets(book, ["roster", " PAY PLANS "]);
    expect([roster?.sheet, plans?.sheet]).toEqual(["Roster", "Pay Plans"]);
  });

  it("reads optional sheets by any of their names, and leaves out the ones it does not find", async () => {
    const [plans, market, missing] = await readWorkbookSheets(book, [
      "Pay Plans",
      { names: ["Employees", "roster"], optional: true },
      { names: ["Market"], optional: true },
    ]);
    expect([plans?.sheet, market?.sheet, missing]).toEqual(["Pay Plans", "Roster", undefined]);
  });

  it("names the sheets the workbook has when one is missing", async () => {
    const error = await readerError(readTable(book, { sheet: "Employees" }));
    expect(error.message).toBe("no sheet named 'Employees' (the workbook has: 'Pay Plans', 'Roster')");
    expect(error.sheet).toBe("Employees");
  });

  it.each([
    ["damaged.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100, 7)]), "is not a readable .xlsx"],
    ["text.xlsx", "Plan,Grade\n", "is not a readable .xlsx workbook (not a zip file)"],
    ["old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), "old binary .xls workbooks are not supported"],
    ["empty.xlsx", "", "the file is empty"],
  ])("refuses %s", async (name, content, message) => {
    const file = writeFile(folder, name, content);
    expect((await readerError(readTable(file))).message).toContain(message);
  });

  it("refuses a missing file and a folder", async () => {
    expect((await readerError(readTable(path.join(folder, "nope.csv")))).message).toBe("no such file");
    expect((await readerError(readTable(folder))).message).toBe("is a folder, not a file");
  });

  it("never throws anything but a ReaderError on random bytes after a zip signature (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const file = writeFile(folder, "random.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), bytes]));
        try {
          await readTable(file);
        } catch (error) {
          expect(error).toBeInstanceOf(ReaderError);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("columnLetters", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [16384, "XFD"],
  ])("%i → %s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });
});
