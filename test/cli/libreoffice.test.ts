/**
 * What `compstudy exhibits --out` writes, opened in LibreOffice headless: every sheet shows
 * the numbers of the JSON written by the same run (and the demo sample's, when it exists).
 * Skipped with a message when soffice is missing (CI installs libreoffice-calc).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonStudy } from "../../src/exhibits/json";
import { demoArguments, projectRoot, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { compareWithJson, findSoffice, sheetsAsShown } from "../exhibits/libreoffice";
import { run, tempFolder, writeFile } from "./helpers";

const soffice = findSoffice();
const describeIfSoffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("skipped: the CLI LibreOffice test needs soffice (apt-get install libreoffice-calc)");

const PLANS = "Plan,Grade,Step 1,Step 2,Step 3\nBASE,B1,12.00,13.00,14.00\nPAA,A1,60000,64000,68000\n";
const ROSTER = [
  "Employee ID,Plan,Grade,Salary,Hire Date,Job Family,Job Title",
  "E1,BASE,B1,12.00,2010-08-15,Custodial,Custodian",
  "E2,BASE,B1,13.10,2005-01-03,Custodial,=SUM(1;2)",
  "E3,BASE,B1,14.50,2012-09-01,Custodial,Night Custodian",
  "E4,PAA,A1,61000,1999-07-01,Administration,Principal",
  "E5,PAA,A1,66000,2003-07-01,Administration,+Principal",
  "E6,PAA,Q9,66000,2003-07-01,Administration,Principal",
].join("\n");

async function checkInLibreOffice(folder: string, xlsx: string, jsonFile: string): Promise<void> {
  const json = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as JsonStudy;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const lo = path.join(folder, "lo");
  fs.mkdirSync(lo, { recursive: true });
  const sheets = sheetsAsShown(soffice!, xlsx, lo);
  expect(sheets.size).toBe(names.length);
  expect(compareWithJson(sheets, names, json)).toEqual([]);
}

describeIfSoffice("compstudy exhibits, opened in LibreOffice", () => {
  let folder: string;
  beforeAll(() => {
    folder = tempFolder("compstudy-cli-lo-");
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("shows the JSON's numbers for a small study", async () => {
    writeFile(folder, "plans.csv", PLANS);
    writeFile(folder, "roster.csv", ROSTER);
    const result = await run(
      ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01"].concat([
        "--out",
        "exhibits.xlsx",
        "--json",
        "exhibits.json",
        "--quiet",
      ]),
      folder,
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    await checkInLibreOffice(folder, path.join(folder, "exhibits.xlsx"), path.join(folder, "exhibits.json"));
  }, 180_000);

  const sample = path.join(projectRoot(__dirname), SAMPLE_WORKBOOK);
  (fs.existsSync(sample) ? it : it.skip)(
    "shows the JSON's numbers for the demo sample (samples/portland-2013.xlsx)",
    async () => {
      // As the demo runs (a 3 % structure adjustment): the chapter 6 exhibits are checked too.
      const result = await run(demoArguments(sample, ["--out", "demo.xlsx", "--json", "demo.json"]), folder);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      await checkInLibreOffice(folder, path.join(folder, "demo.xlsx"), path.join(folder, "demo.json"));
    },
    180_000,
  );
});
