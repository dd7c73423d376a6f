/**
 * Same input, same output (issue 5): the JSON of a run is byte-identical across runs — two
 * separate processes of the built CLI on the same files, for a CSV pair with unmatched rows,
 * unicode and hostile text, and for a workbook.
 *
 * Runs dist/node (build it with `npx tsc -p tsconfig.cli.json`); without a build the suite is
 * skipped locally and fails on CI.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const CORPUS = path.join("test", "fixtures", "bad");
const BUILT = path.join(ROOT, "dist", "node", "src", "cli", "main.js");

const built = fs.existsSync(BUILT);
if (!built && process.env.CI)
  throw new Error(`${BUILT} is missing: build the CLI (npx tsc -p tsconfig.cli.json) before the robustness tests`);
if (!built)
  console.warn(`determinism test skipped: ${path.relative(ROOT, BUILT)} is missing (npx tsc -p tsconfig.cli.json)`);

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join("bin", "compstudy.js"), ...args],
      { cwd: ROOT, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr: String(stderr) });
      },
    );
  });
}

const inCorpus = (file: string) => path.join(CORPUS, file);

const INPUTS: [string, string[]][] = [
  [
    "CSV pay plans and a roster with unmatched rows, unicode and formula text",
    ["--plans", inCorpus("plans-decreasing-step.csv"), "--roster", inCorpus("roster-hyperlink-formula.csv")],
  ],
  ["CSV with unicode text", ["--plans", inCorpus("plans.csv"), "--roster", inCorpus("roster-unicode.csv")]],
  [
    "an .xlsx roster with #N/A formula results",
    ["--plans", inCorpus("plans.csv"), "--roster", inCorpus("roster-formula-errors.xlsx")],
  ],
  ["a workbook", ["--workbook", inCorpus("workbook.xlsx")]],
];

let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-determinism-"));
});
afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

(built ? describe : describe.skip)("same input, same output", () => {
  it.each(INPUTS)(
    "%s: the JSON of two runs is byte-identical",
    async (label, inputs) => {
      const slug = label.replace(/[^a-z0-9]+/gi, "-").slice(0, 40);
      const outputs = [path.join(folder, `${slug}-1.json`), path.join(folder, `${slug}-2.json`)];
      const runs = await Promise.all(
        outputs.map((json) => runCli(["exhibits", ...inputs, "--as-of", "2024-07-01", "--json", json, "--quiet"])),
      );
      for (const run of runs) expect(run).toEqual({ code: 0, stderr: "" });
      const [first, second] = outputs.map((file) => fs.readFileSync(file));
      expect(first.length).toBeGreaterThan(0);
      expect(first.equals(second)).toBe(true);
      if (!first.equals(second)) expect(second.toString("utf8")).toBe(first.toString("utf8")); // shows the difference
    },
    60_000,
  );
});
