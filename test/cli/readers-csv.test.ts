/**
 * CSV files in the encodings Excel and HR systems save: UTF-8 with or without a BOM, UTF-16
 * (LE/BE, with a BOM, or without one and recognised by its zero bytes), and Windows-1252 when
 * the bytes are not valid UTF-8 — the table read, and the note the summary prints. Property
 * tests: any table written as CSV in any of these encodings reads back as the same table.
 */
import * as fs from "fs";
import fc from "fast-check";
import { csvTable, decodeText, readCsv, ReaderError, type Table } from "../../src/cli/readers";
import { windows1252 } from "../fixtures/make-real-world-corpus";
import { run, tempFolder, writeFile } from "./helpers";

let folder: string;
beforeAll(() => {
  folder = tempFolder("compstudy-csv-");
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

type Encoding = "utf-8" | "utf-8 bom" | "utf-16le bom" | "utf-16be bom" | "utf-16le" | "utf-16be" | "windows-1252";

function encode(text: string, encoding: Encoding): Buffer {
  const utf16 = (value: string, order: "le" | "be") => {
    const bytes = Buffer.from(value, "utf16le");
    return order === "be" ? bytes.swap16() : bytes;
  };
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8 bom":
      return Buffer.from(`\ufeff${text}`, "utf8");
    case "utf-16le bom":
      return utf16(`\ufeff${text}`, "le");
    case "utf-16be bom":
      return utf16(`\ufeff${text}`, "be");
    case "utf-16le":
      return utf16(text, "le");
    case "utf-16be":
      return utf16(text, "be");
    case "windows-1252":
      return Buffer.from(windows1252(text));
  }
}

let count = 0;
/** Through a file, as the CLI reads it. */
function readBytes(bytes: Buffer): Table {
  return readCsv(writeFile(folder, `file-${++count}.csv`, bytes));
}
/** In memory (the same path after the file is read), for the many runs of a property. */
const readInMemory = (bytes: Buffer): Table => csvTable("x.csv", bytes);

const NAMES = "Employee ID,Job Family\r\nE1,Atención Especial\r\nE2,Zoë – “Night” Crew\r\n";
const ROWS = [
  ["Employee ID", "Job Family"],
  ["E1", "Atención Especial"],
  ["E2", "Zoë – “Night” Crew"],
];

describe("encodings", () => {
  it.each<[Encoding, string | undefined]>([
    ["utf-8", undefined],
    ["utf-8 bom", undefined],
    ["utf-16le bom", "read as UTF-16 (little-endian)"],
    ["utf-16be bom", "read as UTF-16 (big-endian)"],
    ["utf-16le", "read as UTF-16 (little-endian, recognised without a byte-order mark)"],
    ["utf-16be", "read as UTF-16 (big-endian, recognised without a byte-order mark)"],
    [
      "windows-1252",
      "not valid UTF-8, read as Windows-1252 (check accented names; saving as 'CSV UTF-8' avoids the guess)",
    ],
  ])("reads %s, with the note %p", (encoding, note) => {
    const table = readBytes(encode(NAMES, encoding));
    expect(table.rows).toEqual(ROWS);
    expect(table.notes).toEqual(note === undefined ? undefined : [note]);
  });

  it("reads Windows-1252's own characters (0x80–0x9F) as Windows-1252, not as Latin-1 control codes", () => {
    // 0x80 € and 0x93/0x94 “ ” are C1 controls in ISO-8859-1; Excel on Windows means the punctuation.
    expect(decodeText(Uint8Array.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xe9])).text).toBe("€ “a” é");
  });

  it("keeps a lone UTF-8 BOM-less file with one odd byte readable as Windows-1252", () => {
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9])).text).toBe("Café");
  });

  it("prints the note in the summary, naming the file", async () => {
    writeFile(folder, "plans.csv", "Plan,Grade,Step 1,Step 2\nA,G1,40000,50000\n");
    writeFile(
      folder,
      "roster-1252.csv",
      Buffer.from(windows1252("Employee ID,Plan,Grade,Salary,Job Family\r\nE1,A,G1,45000,Atención\r\n")),
    );
    const result = await run(
      ["exhibits", "--plans", "plans.csv", "--roster", "roster-1252.csv", "--as-of", "2024-07-01"],
      folder,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "note        roster-1252.csv: not valid UTF-8, read as Windows-1252 (check accented names; saving as 'CSV UTF-8' avoids the guess)",
    );
  });

  it("refuses binary data in a file taken for text, in one line", () => {
    const error = (() => {
      try {
        readBytes(Buffer.from([0x50, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReaderError);
    expect((error as ReaderError).message).toBe(
      "is not a text file (it holds binary data): save the table as .csv or .xlsx",
    );
  });
});

describe("properties", () => {
  /** Fields with every character CSV and encodings get wrong: delimiters, quotes, line breaks, accents, emoji. */
  const pool = [..."aZ09 ,;\t|\"'\r\n=+-.é€漢😀\u00a0"];
  const field = fc.string({ unit: fc.constantFrom(...pool), maxLength: 8 });
  const table = fc.array(
    fc.tuple(fc.string({ unit: fc.constantFrom(..."abcXYZ019"), minLength: 1, maxLength: 5 }), field, field),
    {
      minLength: 1,
      maxLength: 12,
    },
  );

  /** RFC 4180 as Excel writes it: every field quoted, quotes doubled, CRLF between rows. */
  function toCsv(rows: string[][]): string {
    return rows.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n";
  }

  /** What the reader hands over: "" is a blank (null). */
  const expected = (rows: string[][]) => rows.map((row) => row.map((value) => (value === "" ? null : value)));

  it("reads back any table written in UTF-8 or UTF-16, with or without a BOM", () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<Encoding>("utf-8", "utf-8 bom", "utf-16le bom", "utf-16be bom"),
        (rows, encoding) => {
          expect(readInMemory(encode(toCsv(rows), encoding)).rows).toEqual(expected(rows));
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it("recognises BOM-less UTF-16 of mostly Latin text", () => {
    const latin = fc.string({ unit: fc.constantFrom(..."abcdefgh ,0123é"), maxLength: 10 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("E1", "E2", "X9"), latin), { minLength: 1, maxLength: 10 }),
        fc.constantFrom<Encoding>("utf-16le", "utf-16be"),
        (rows, encoding) => {
          const table = readInMemory(encode(toCsv(rows), encoding));
          expect(table.rows).toEqual(expected(rows));
          expect(table.notes?.[0]).toMatch(
            /^read as UTF-16 \((little|big)-endian, recognised without a byte-order mark\)$/,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("reads Windows-1252 text back whenever its bytes are not valid UTF-8, and says so", () => {
    const western = fc.string({ unit: fc.constantFrom(..."ab ,éèüñçÅØß€“”–™"), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("E1", "E2"), western), { minLength: 1, maxLength: 8 }), (rows) => {
        const bytes = encode(toCsv(rows), "windows-1252");
        let validUtf8 = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          validUtf8 = false;
        }
        fc.pre(!validUtf8);
        const table = readInMemory(bytes);
        expect(table.rows).toEqual(expected(rows));
        expect(table.notes?.[0]).toMatch(/^not valid UTF-8, read as Windows-1252/);
      }),
      { numRuns: 100 },
    );
  });

  it("never throws anything but a ReaderError on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          readInMemory(Buffer.from(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(ReaderError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
