/**
 * Fast from a cold start (issue 8, §8): the CLI reads and writes .xlsx itself (src/cli/xlsx-reader.ts,
 * src/exhibits/xlsx), so no run loads ExcelJS — a development dependency now, for the samples
 * script and the tests. `compstudy --help`, a CSV → JSON run and an .xlsx → .xlsx run are checked
 * in a fresh Node process of the built CLI (dist/node, built by pretest), by what is in its module
 * cache afterwards.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempFolder, writeFile, writeWorkbook } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist", "node", "src");
const built = fs.existsSync(path.join(DIST, "cli", "main.js"));
if (!built && process.env.CI) throw new Error("dist/node is missing: build the CLI (npm run build:cli) first");
if (!built) console.warn("loading test skipped: dist/node is missing (npm run build:cli)");

/** Runs `script` in a fresh Node; the script ends by printing the packages it loaded (see `report`). */
function probe(script: string, cwd: string): string[] {
  const result = spawnSync(process.execPath, ["-e", script], { cwd, encoding: "utf8", timeout: 60_000 });
  const line = /@@(.*)$/m.exec(result.stderr)?.[1];
  if (!line || line.startsWith("ERROR")) throw new Error(`probe failed: ${result.stderr}`);
  return JSON.parse(line) as string[];
}

/** The end of every probe: the packages in the module cache, on one line of stderr. */
const report = `
  const packages = new Set(Object.keys(require.cache)
    .map((file) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file)?.[1])
    .filter(Boolean));
  process.stderr.write("\\n@@" + JSON.stringify([...packages].sort()) + "\\n");`;

(built ? describe : describe.skip)("what a run loads", () => {
  let folder: string;
  beforeAll(() => {
    folder = tempFolder("compstudy-loading-");
    writeFile(folder, "plans.csv", "Plan,Grade,Step 1,Step 2\nBASE,B1,10,11\n");
    writeFile(folder, "roster.csv", "Employee ID,Plan,Grade,Salary,Hire Date\nE1,BASE,B1,10.5,2010-01-01\n");
  });
  beforeAll(async () => {
    await writeWorkbook(path.join(folder, "roster-book.xlsx"), {
      Roster: [
        ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
        ["E1", "BASE", "B1", 10.5, "2010-01-01"],
      ],
    });
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("writing every output (.xlsx, JSON, HTML) loads no ExcelJS", () => {
    const packages = probe(
      `(async () => {
        const { writeOutputs, planOutputs, outputRequests } = require(${JSON.stringify(path.join(DIST, "cli", "outputs.js"))});
        const result = {
          asOf: "2013-04-01", title: "Compensation study", sources: {}, summary: { plans: 0, grades: 0, rosterRows: 0, employees: 0, unmatched: 0,
            separated: 0, auditErrors: 0, auditWarnings: 0, notes: [], columns: { plans: {}, roster: {} } },
          exhibits: [{ id: "tenure", number: "3-6", title: "Tenure", subtitle: "", source: "",
            columns: [{ name: "Plan", kind: "text" }], rows: [{ values: ["A"], kind: "detail" }] }],
        };
        const planned = await planOutputs(outputRequests({ out: "e.xlsx", json: "e.json", html: "r.html" }), [], process.cwd());
        await writeOutputs(planned, result, { reveal: false, cwd: process.cwd(), stdout: () => {} });
        ${report}
      })().catch((error) => process.stderr.write("\\n@@ERROR " + error.stack + "\\n"));`,
      folder,
    );
    expect(fs.statSync(path.join(folder, "e.xlsx")).size).toBeGreaterThan(0);
    expect(packages).toContain("fflate");
    expect(packages).not.toContain("exceljs");
  });

  it("no shipped CLI module requires ExcelJS", () => {
    const sources = fs
      .readdirSync(path.join(DIST), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(".js"))
      .filter((file) => /require\("exceljs"\)/.test(fs.readFileSync(path.join(DIST, file), "utf8")));
    expect(sources).toEqual([]);
  });

  it.each([
    ["compstudy --help", ["--help"]],
    ["a CSV → JSON run", ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--json", "e.json", "--quiet"]],
    [
      "an .xlsx → .xlsx run",
      ["exhibits", "--plans", "plans.csv", "--roster", "roster-book.xlsx", "--out", "e2.xlsx", "--quiet"],
    ],
  ])("%s loads no ExcelJS", (_, argv) => {
    const packages = probe(
      `(async () => {
        const { main } = require(${JSON.stringify(path.join(DIST, "cli", "main.js"))});
        await main(${JSON.stringify(argv)}, { stdout: () => {} });
        ${report}
      })().catch((error) => process.stderr.write("\\n@@ERROR " + error.stack + "\\n"));`,
      folder,
    );
    expect(packages).toContain("commander");
    expect(packages).not.toContain("exceljs");
  });
});
