/**
 * The exhibits workbook opened in LibreOffice headless: what it shows equals the JSON, the
 * hostile text stays text, and it converts to a PDF. Skipped with a message when soffice is
 * missing (CI installs libreoffice-calc).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { studyToJson } from "../../src/exhibits/json";
import { buildWorkbook, writeWorkbook } from "../../src/exhibits/xlsx";
import { compareWithJson, convert, findSoffice, sheetsAsShown } from "./libreoffice";
import { HOSTILE_TEXTS, studyFixture } from "./study-fixture";

const soffice = findSoffice();
const describeIfSoffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("skipped: the LibreOffice test needs soffice (apt-get install libreoffice-calc)");

describeIfSoffice("the exhibits workbook in LibreOffice", () => {
  let folder: string;
  let file: string;
  let sheets: Map<string, string[][]>;
  const result = studyFixture();
  const sheetNames = buildWorkbook(result).worksheets.map((ws) => ws.name);

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-lo-"));
    file = path.join(folder, "exhibits.xlsx");
    await writeWorkbook(result, file);
    sheets = sheetsAsShown(soffice!, file, folder);
  }, 180_000);

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("exports every sheet", () => {
    expect([...sheets.keys()].sort()).toEqual([...sheetNames].sort());
  });

  it("shows the numbers and text of the JSON, formatted (money by unit, 0.0 %)", () => {
    expect(compareWithJson(sheets, sheetNames, studyToJson(result))).toEqual([]);
    const summary = sheets.get("3-1 Pay Plan Summary")!;
    expect(summary[5].slice(0, 8)).toEqual([
      "BASE Shift 1",
      "B1-5",
      "$12.12",
      "$13.93",
      "$15.73",
      "7",
      "4.5%",
      "29.8%",
    ]);
    expect(summary[8].slice(2, 5)).toEqual(["$61,040", "$70,511", "$79,981"]);
  });

  it("keeps roster text that looks like a formula as text", () => {
    const unmatched = sheets.get("3-8 Unmatched Employees")!;
    const grades = unmatched.slice(5, 5 + HOSTILE_TEXTS.length).map((row) => row[2]);
    expect(grades).toEqual(HOSTILE_TEXTS.map((text) => text.replace(/\r/g, "\n")));
  });

  it("converts to a PDF", () => {
    convert(soffice!, file, "pdf", folder);
    const pdf = fs.readFileSync(path.join(folder, "exhibits.pdf"));
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  }, 180_000);
});

describeIfSoffice("a workbook of hostile text in LibreOffice", () => {
  const grades = ["A\u0000B\uFFFE", "lone \uD800 half", "x".repeat(40_000), "code _x0041_ here", "emoji 😀"];
  let folder: string;
  let rows: string[][];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-lo-hostile-"));
    const result = studyFixture();
    const unmatched = result.exhibits.find((exhibit) => exhibit.id === "unmatched-employees")!;
    unmatched.rows = grades.map((grade, index) => ({
      values: [`E${index + 1}`, "BASE", grade, "unknown grade"],
      kind: "detail",
    }));
    const file = path.join(folder, "hostile.xlsx");
    await writeWorkbook(result, file);
    rows = sheetsAsShown(soffice!, file, folder).get("3-8 Unmatched Employees")!;
  }, 180_000);

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("opens, and shows each character XML forbids as U+FFFD", () => {
    expect(rows[5][2]).toBe("A\uFFFDB\uFFFD");
    expect(rows[6][2]).toBe("lone \uFFFD half");
  });

  it("shows a text past Excel's limit cut to 32,767 characters ending in an ellipsis", () => {
    expect(Array.from(rows[7][2])).toHaveLength(32_767);
    expect(rows[7][2].endsWith("x…")).toBe(true);
  });

  it("shows _x0041_ as written and keeps emoji", () => {
    expect(rows[8][2]).toBe("code _x0041_ here");
    expect(rows[9][2]).toBe("emoji 😀");
  });
});
