/**
 * The hostile-input corpus (test/fixtures/hostile-corpus.ts, issue 19) through the built CLI, as
 * a user runs it. Every case's files are generated here, in a temporary folder: most are small
 * files that claim or inflate to huge ones, and nothing huge is committed.
 *
 * Each case exits 0, or 2 with one line naming the file (and the limit passed) — never a stack
 * trace, "internal error" or a death by signal — leaves no temporary behind and the files it
 * must not touch byte for byte as they were, and stays within its budget: ten times what it
 * took on the reference machine (so a loaded machine does not fail it), and never past the
 * 20 s and 1.5 GB a hostile file may cost.
 *
 * Runs dist/node (build it with `npx tsc -p tsconfig.cli.json`); without a build the suite is
 * skipped locally and fails on CI.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CASES } from "../fixtures/hostile-corpus";

const ROOT = path.resolve(__dirname, "..", "..");
const BUILT = path.join(ROOT, "dist", "node", "src", "cli", "main.js");
/** Reports the process's peak memory on exit (as the benchmarks measure it). */
const RSS = path.join(ROOT, "bench", "rss-preload.js");
const MAX_MS = 20_000;
const MAX_MIB = 1_536;
const built = fs.existsSync(BUILT);
if (!built && process.env.CI)
  throw new Error(`${BUILT} is missing: build the CLI (npx tsc -p tsconfig.cli.json) before the robustness tests`);

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-hostile-"));
});
afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

(built ? describe : describe.skip)("hostile inputs through the CLI (test/fixtures/hostile-corpus.ts)", () => {
  it("has a case for each of the issue's ten causes", () => {
    expect([...new Set(CASES.map((testCase) => testCase.cause))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 5, 6, 7, 8, 9, 10,
    ]);
    // Cause 4 (an interrupt while the outputs are written) is test/robustness/interrupt.test.ts.
    expect(new Set(CASES.map((testCase) => testCase.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((testCase, index) => [testCase.name, testCase, index] as const))(
    "%s",
    (_name, testCase, index) => {
      const dir = path.join(root, String(index));
      fs.mkdirSync(dir);
      const args = testCase.make(dir);
      const before = (testCase.untouched ?? []).map((name) => fs.readFileSync(path.join(dir, name)));
      const started = performance.now();
      const run = spawnSync(process.execPath, ["--require", RSS, BUILT, "exhibits", ...args], {
        cwd: dir,
        encoding: "utf8",
        timeout: 60_000,
        maxBuffer: 16 << 20,
      });
      const ms = performance.now() - started;
      // The preload's line: "[bench] maxRSS <n> KiB", maybe more after it.
      const usage = /\n?\[bench\] maxRSS (\d+) KiB[^\n]*\n?/;
      const rss = usage.exec(run.stderr);
      const stderr = run.stderr.replace(usage, "");
      const mib = rss ? Number(rss[1]) / 1024 : Number.NaN;

      expect({ status: run.status, signal: run.signal, stderr: stderr.slice(0, 400) }).toEqual({
        status: testCase.expect.exit,
        signal: null,
        stderr: testCase.expect.exit === 0 ? "" : expect.stringMatching(/^compstudy: /),
      });
      expect(stderr).not.toMatch(/^\s+at |internal error|unexpected error/m);
      if (testCase.expect.exit === 2) {
        const lines = stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        for (const part of testCase.expect.stderr ?? []) expect(lines[0]).toContain(part);
      }
      // What is printed is shown, never obeyed: no control character reaches the terminal.
      expect(run.stdout + stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      (testCase.untouched ?? []).forEach((name, at) =>
        expect({ name, same: fs.readFileSync(path.join(dir, name)).equals(before[at]) }).toEqual({ name, same: true }),
      );
      expect({ ms: Math.round(ms), within: ms <= Math.min(MAX_MS, 10 * testCase.budget.ms) }).toEqual({
        ms: Math.round(ms),
        within: true,
      });
      expect({ mib: Math.round(mib), within: mib <= Math.min(MAX_MIB, 10 * testCase.budget.mib) }).toEqual({
        mib: Math.round(mib),
        within: true,
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
    90_000,
  );
});
