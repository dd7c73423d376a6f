/**
 * An interrupt at any moment leaves the earlier outputs as they were and no partial file
 * (issue 19). The built CLI, as a user runs it, on a roster big enough that writing its outputs
 * takes a while: Ctrl-C (SIGINT) or SIGTERM while the files are written ends the run by that
 * signal, the earlier outputs byte for byte as they were, no temporary left; a signal at a
 * random moment leaves either the old outputs or the new ones, never a mix; and the temporary a
 * SIGKILL leaves behind is removed by the next run that writes the same output, which says so.
 *
 * Runs dist/node (build it with `npx tsc -p tsconfig.cli.json`); without a build the suite is
 * skipped locally and fails on CI.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const BUILT = path.join(ROOT, "dist", "node", "src", "cli", "main.js");
const built = fs.existsSync(BUILT);
if (!built && process.env.CI)
  throw new Error(`${BUILT} is missing: build the CLI (npx tsc -p tsconfig.cli.json) before the robustness tests`);

const OUTPUTS = ["exhibits.xlsx", "exhibits.json", "report.html"];
let folder: string;

type Exit = { code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string };

function start(args: string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [BUILT, "exhibits", ...args], {
    cwd: folder,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exit = new Promise<Exit>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return { child, exit };
}

const studyArgs = (roster: string, asOf: string) => [
  ...["--plans", "plans.csv", "--roster", roster, "--as-of", asOf, "--adjust", "3%"],
  ...["--out", "exhibits.xlsx", "--json", "exhibits.json", "--html", "report.html", "--quiet"],
];

/** The hidden temporaries in the folder (what a killed run may leave). */
const temporaries = () => fs.readdirSync(folder).filter((name) => name.endsWith(".tmp"));
const snapshot = () => OUTPUTS.map((name) => fs.readFileSync(path.join(folder, name)));
const same = (a: Buffer[], b: Buffer[]) => a.every((bytes, index) => bytes.equals(b[index]));

/** Resolves when a temporary file appears (the outputs are being written), polling every 5 ms. */
async function writing(exit: Promise<Exit>): Promise<boolean> {
  let ended = false;
  void exit.then(() => (ended = true));
  while (!ended) {
    if (temporaries().length > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}

(built ? describe : describe.skip)("interrupting the CLI (built, dist/node)", () => {
  let earlier: Buffer[];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-interrupt-"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built engine, as the CLI runs it
    const study = require(
      path.join(ROOT, "dist", "node", "src", "engine", "study"),
    ) as typeof import("../../src/engine/study");
    const input = study.generateStudyInput({ employees: 60_000, grades: 80, seed: 7 });
    const csv = (rows: unknown[][]) => `${rows.map((row) => row.join(",")).join("\n")}\n`;
    fs.writeFileSync(path.join(folder, "plans.csv"), csv(input.plansTable));
    fs.writeFileSync(path.join(folder, "roster.csv"), csv(input.rosterTable));
    fs.writeFileSync(path.join(folder, "small.csv"), csv(input.rosterTable.slice(0, 200)));
    // The earlier outputs: a small run, another date.
    const { exit } = start(studyArgs("small.csv", "2025-07-01"));
    expect((await exit).code).toBe(0);
    earlier = snapshot();
  }, 120_000);
  afterAll(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it.each<NodeJS.Signals>(["SIGINT", "SIGTERM"])(
    "%s while the outputs are written: ended by it, the earlier outputs as they were, nothing left",
    async (signal) => {
      expect(same(snapshot(), earlier)).toBe(true);
      const { child, exit } = start(studyArgs("roster.csv", "2026-07-01"));
      expect(await writing(exit)).toBe(true);
      child.kill(signal);
      const ended = await exit;
      expect({ code: ended.code, signal: ended.signal }).toEqual({ code: null, signal });
      expect(ended.stderr).toBe(
        `compstudy: interrupted (${signal}): nothing was written; earlier files are as they were\n`,
      );
      expect(same(snapshot(), earlier)).toBe(true);
      expect(temporaries()).toEqual([]);
    },
    120_000,
  );

  it("a SIGTERM at any moment leaves the old outputs or the new ones, never a mix, and no temporary", async () => {
    // A run without interruption, to know the new outputs and how long a run takes.
    const began = Date.now();
    const whole = start(studyArgs("roster.csv", "2026-07-01"));
    expect((await whole.exit).code).toBe(0);
    const took = Date.now() - began;
    const fresh = snapshot();
    for (const fraction of [0.1, 0.5, 0.8, 0.95, 1.2]) {
      // Back to the earlier outputs (a run on another date), then interrupt one at that moment.
      expect((await start(studyArgs("small.csv", "2025-07-01")).exit).code).toBe(0);
      expect(same(snapshot(), earlier)).toBe(true);
      const { child, exit } = start(studyArgs("roster.csv", "2026-07-01"));
      await new Promise((resolve) => setTimeout(resolve, took * fraction));
      child.kill("SIGTERM");
      const ended = await exit;
      const now = snapshot();
      expect({ fraction, old: same(now, earlier), new: same(now, fresh), ended }).toEqual({
        fraction,
        old: ended.code !== 0,
        new: ended.code === 0,
        ended: expect.anything(),
      });
      expect(temporaries()).toEqual([]);
    }
  }, 600_000);

  it("a temporary left by a SIGKILL is removed by the next run, which says so", async () => {
    // The earlier outputs again (the test before may have ended with the new ones).
    expect((await start(studyArgs("small.csv", "2025-07-01")).exit).code).toBe(0);
    const { child, exit } = start(studyArgs("roster.csv", "2026-07-01"));
    expect(await writing(exit)).toBe(true);
    child.kill("SIGKILL");
    await exit;
    const left = temporaries();
    expect(left.length).toBeGreaterThan(0);
    expect(same(snapshot(), earlier)).toBe(true);
    // Files a user made are never taken for a temporary, even named alike.
    const decoys = [`.exhibits.json.compstudy-notes.tmp`, `.exhibits.json.mine.tmp`];
    for (const decoy of decoys) fs.writeFileSync(path.join(folder, decoy), "mine");
    const again = start(studyArgs("small.csv", "2025-07-01").filter((arg) => arg !== "--quiet"));
    const ended = await again.exit;
    expect(ended.code).toBe(0);
    expect(ended.stdout).toMatch(
      /note {8}removed a temporary file of exhibits\.(xlsx|json|html) left by an earlier run that was stopped \(\.exhibits\.\w+\.compstudy-[0-9a-f]{8}-\d+-[0-9a-z]{6}\.tmp\)/,
    );
    expect(temporaries().sort()).toEqual(decoys.sort());
    for (const decoy of decoys) fs.rmSync(path.join(folder, decoy));
  }, 120_000);
});
