/**
 * What the readers read at most (issue 19, src/cli/limits.ts): each limit passed is one
 * ReaderError naming the file, where, and the limit — never a crash, never a silently smaller
 * table. And what two readers could read differently is refused: a row number given twice.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { readTable, ReaderError } from "../../src/cli/readers";
import { SHEET_HEAD, SHEET_TAIL, textCell, xlsx } from "../fixtures/hostile-corpus";
import { readerError, tempFolder, writeFile } from "./helpers";

let folder: string;
beforeAll(() => {
  folder = tempFolder("compstudy-limits-");
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let count = 0;
const sheetFile = (rows: string, sharedStrings?: string) =>
  writeFile(
    folder,
    `book-${++count}.xlsx`,
    xlsx([{ name: "Roster", part: { data: SHEET_HEAD + rows + SHEET_TAIL } }], {
      sharedStrings: sharedStrings === undefined ? undefined : { data: sharedStrings },
    }),
  );
const message = async (file: string) => (await readerError(readTable(file))).message;

describe(".xlsx", () => {
  it("refuses a row number given twice, naming it (LibreOffice and CompStudy read different rows)", async () => {
    const file = sheetFile(
      `<row r="1">${textCell("A1", "ID")}</row><row r="3">${textCell("A3", "E1")}</row><row r="3">${textCell("A3", "E2")}</row>`,
    );
    expect(await message(file)).toBe(
      "sheet 'Roster': row 3 appears twice (programs would read different rows): the sheet is damaged or crafted",
    );
  });

  it("refuses rows that span more than 16,777,216 cells, as soon as they do", async () => {
    const rows = Array.from(
      { length: 1_100 },
      (_, index) => `<row r="${index + 1}"><c r="XFD${index + 1}"><v>1</v></c></row>`,
    );
    const error = await readerError(readTable(sheetFile(rows.join(""))));
    expect(error.message).toBe(
      "sheet 'Roster': its rows span more than 16,777,216 cells (each row to its last filled cell; row 1,025 reaches column XFD), more than CompStudy reads: delete the columns and rows the study does not need, or save the table as .csv",
    );
  });

  it("reads a far cell on a few rows (within the cells a table may span)", async () => {
    const rows = Array.from(
      { length: 100 },
      (_, index) => `<row r="${index + 1}"><c r="XFD${index + 1}"><v>1</v></c></row>`,
    );
    const table = await readTable(sheetFile(rows.join("")));
    expect(table.rows).toHaveLength(100);
    expect(table.rows[99][16_383]).toBe(1);
  });

  it("refuses a cell longer than a cell can be", async () => {
    expect(await message(sheetFile(`<row r="1">${textCell("B1", "x".repeat(32_768))}</row>`))).toBe(
      "sheet 'Roster': cell B1 holds 32,768 characters, more than a cell can (32,767, Excel's limit): the sheet is damaged or crafted",
    );
    const table = await readTable(sheetFile(`<row r="1">${textCell("B1", "x".repeat(32_767))}</row>`));
    expect(table.rows[0][1]).toHaveLength(32_767);
  });

  it("refuses more text than a table holds, a shared text counted in every cell that shows it", async () => {
    const rows = Array.from(
      { length: 8_200 },
      (_, index) => `<row r="${index + 1}"><c r="A${index + 1}" t="s"><v>0</v></c></row>`,
    );
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${"T".repeat(32_767)}</t></si></sst>`;
    expect(await message(sheetFile(rows.join(""), shared))).toMatch(
      /^sheet 'Roster': its cells show more than 268,435,456 characters of text/,
    );
  });

  it("refuses a sheet whose data never ends", async () => {
    const file = writeFile(
      folder,
      "cut.xlsx",
      xlsx([{ name: "Roster", part: { data: `${SHEET_HEAD}<row r="1">${textCell("A1", "ID")}</row>` } }]),
    );
    expect(await message(file)).toBe("sheet 'Roster': the sheet's data never ends (the sheet is damaged or cut short)");
  });

  it("ignores the counts a file declares (dimension, shared-string count)", async () => {
    const file = writeFile(
      folder,
      "declared.xlsx",
      xlsx(
        [
          {
            name: "Roster",
            part: {
              data: `<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
            },
          },
        ],
        { sharedStrings: { data: `<sst count="4000000000" uniqueCount="4000000000"><si><t>ID</t></si></sst>` } },
      ),
    );
    expect((await readTable(file)).rows).toEqual([["ID"]]);
  });
});

describe("CSV", () => {
  it("refuses more rows than Excel's grid, without reading on", async () => {
    const file = writeFile(folder, "rows.csv", `ID\n${"1\n".repeat(1_048_576)}`);
    const error = await readerError(readTable(file));
    expect(error.message).toBe("has more than 1,048,576 rows (Excel's limit, and CompStudy's)");
    expect(error.row).toBe(1_048_577);
  });

  it("reads 1,048,576 rows and the blank lines after them (a file's last line end is not a row)", async () => {
    const file = writeFile(folder, "full.csv", `ID\n${"1\n".repeat(1_048_575)}\n\n`);
    expect((await readTable(file)).rows).toHaveLength(1_048_576);
  });

  it("refuses a row of more fields than a sheet has columns", async () => {
    expect(await message(writeFile(folder, "wide.csv", `ID,${"x,".repeat(16_384)}\n`))).toBe(
      "row 1 has 16,386 fields, more than a sheet's 16,384 columns (Excel's limit): is the delimiter right?",
    );
  });

  it("refuses a field longer than a cell, naming where (a quote left open swallows the file)", async () => {
    const error = await readerError(readTable(writeFile(folder, "long.csv", `ID,Title\nE1,"${"y".repeat(40_000)}"\n`)));
    expect(error.message).toBe(
      "row 2, column B: a cell of 40,000 characters, more than a cell holds (32,767, Excel's limit): is a quote left open?",
    );
    expect({ row: error.row, column: error.column }).toEqual({ row: 2, column: 2 });
  });

  it("refuses a file larger than CompStudy reads before reading it", async () => {
    const file = writeFile(folder, "huge.csv", "ID\nE1\n");
    fs.truncateSync(file, 300 * (1 << 20)); // sparse: no disk is spent
    expect(await message(file)).toBe(
      "is 300 MiB, larger than the 256 MiB CompStudy reads: save only the sheets, columns and rows the study needs",
    );
  });
});

describe("what is not a file", () => {
  it("refuses a named pipe (reading one waits for a writer forever)", async () => {
    const fifo = `${folder}/pipe.csv`;
    execFileSync("mkfifo", [fifo]);
    expect(await message(fifo)).toBe("is a named pipe (FIFO), not a file: save the table to a file and give its path");
  });

  it("refuses a device (/dev/zero never ends)", async () => {
    const error = await readerError(readTable("/dev/zero"));
    expect(error).toBeInstanceOf(ReaderError);
    expect(error.message).toBe("is a device, not a file: save the table to a file and give its path");
  });
});
