/**
 * CompStudy against the peer a data-savvy analyst would reach for (issue 21): a pandas script
 * (bench/peer/current_conditions.py) that reads the same CSVs, computes the current-conditions
 * exhibits 3-1 to 3-8 and writes .xlsx + JSON (CompStudy is asked for the same exhibits: 3-9, pay
 * against the schedule, came with issue 16 after the script) — and against the floor (bench/peer/floor.js: read the bytes,
 * split them into fields, write outputs of the same size, in Node). Each process is timed start to
 * exit, interleaved round by round (CompStudy, pandas, floor, in rotating order) so a change in
 * the machine's load falls on all three; every run's numbers are checked against CompStudy's
 * before a time is quoted. Figures: medians of wall time, CPU time (user + system) and peak
 * memory, and the ratios from the same run.
 * Run: npm run bench -- peer   (needs python3 with pandas and xlsxwriter — Debian's
 * python3-pandas and python3-xlsxwriter; skipped with a message elsewhere)
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXHIBITS, generateStudyInput } from "../src/engine/study";
import { AS_OF } from "./cli";
import { CLI, ROOT, median, round, timeNode, writeCsv } from "./lib";

const SCRIPT = path.join(ROOT, "bench", "peer", "current_conditions.py");
const FLOOR = path.join(ROOT, "bench", "peer", "floor.js");

/** The current-conditions family of the registry: the script computes these but for those issue 16 added after it (3-9). */
const CURRENT: readonly string[] = EXHIBITS.filter((exhibit) => exhibit.family.id === "current-conditions").map(
  (e) => e.id,
);

type Run = { ms: number; cpuMs: number; maxRssMiB: number };

/** A python3 that has pandas and xlsxwriter, if any. */
function findPython(): string | undefined {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(candidate, ["-c", "import pandas, xlsxwriter"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function usageOf(stderr: string, tag: string): { cpuMs: number; maxRssMiB: number } {
  const match = new RegExp(`\\[${tag}\\] maxRSS (\\d+) KiB cpu (\\d+) ms`).exec(stderr);
  if (!match) throw new Error(`no usage line from ${tag}: ${stderr.trim().slice(-300)}`);
  return { cpuMs: Number(match[2]), maxRssMiB: round(Number(match[1]) / 1024) };
}

function runCompStudy(dir: string, exhibits: readonly string[]): Run {
  const at = (file: string): string => path.join(dir, file);
  const run = timeNode([
    "exhibits",
    ...["--plans", at("plans.csv"), "--roster", at("roster.csv"), "--as-of", AS_OF],
    ...["--out", at("compstudy.xlsx"), "--json", at("compstudy.json"), "--quiet"],
    ...["--exhibits", exhibits.join(",")],
  ]);
  if (run.status !== 0) throw new Error(`CompStudy failed: ${run.stderr.trim()}`);
  return { ms: run.ms, ...usageOf(run.stderr, "bench") };
}

function runPandas(python: string, dir: string): Run {
  const at = (file: string): string => path.join(dir, file);
  const start = performance.now();
  const run = spawnSync(
    python,
    [
      SCRIPT,
      ...["--plans", at("plans.csv"), "--roster", at("roster.csv"), "--as-of", AS_OF],
      ...["--xlsx", at("pandas.xlsx"), "--json", at("pandas.json")],
    ],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`pandas failed: ${run.stderr.trim()}`);
  return { ms, ...usageOf(run.stderr, "peer") };
}

function runFloor(dir: string, bytes: number): Run {
  const run = timeNode(
    [path.join(dir, "plans.csv"), path.join(dir, "roster.csv"), path.join(dir, "floor.out"), String(bytes)],
    {
      script: FLOOR,
    },
  );
  if (run.status !== 0) throw new Error(`floor failed: ${run.stderr.trim()}`);
  return { ms: run.ms, ...usageOf(run.stderr, "bench") };
}

type Row = Record<string, unknown>;
type JsonStudy = { exhibits: { id: string; columns: string[]; rows: Row[] }[] };

/** Every number and text of the peer's exhibits equals CompStudy's (numbers to 1e-9 relative). */
export function sameNumbers(peer: JsonStudy, compstudy: JsonStudy): string | undefined {
  for (const exhibit of peer.exhibits) {
    const ours = compstudy.exhibits.find((e) => e.id === exhibit.id);
    if (!ours) return `CompStudy has no exhibit ${exhibit.id}`;
    if (ours.rows.length !== exhibit.rows.length)
      return `${exhibit.id}: ${exhibit.rows.length} rows from pandas, ${ours.rows.length} from CompStudy`;
    for (let i = 0; i < ours.rows.length; i++)
      for (const column of exhibit.columns) {
        const a = exhibit.rows[i][column];
        const b = ours.rows[i][column];
        const same =
          typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
        if (!same) return `${exhibit.id} row ${i + 1} ${column}: pandas ${String(a)}, CompStudy ${String(b)}`;
      }
  }
  return undefined;
}

function figuresOf(runs: readonly Run[]): {
  medianMs: number;
  medianCpuMs: number;
  maxRssMiB: number;
  runsMs: number[];
} {
  return {
    medianMs: round(median(runs.map((r) => r.ms))),
    medianCpuMs: round(median(runs.map((r) => r.cpuMs))),
    maxRssMiB: round(Math.max(...runs.map((r) => r.maxRssMiB))),
    runsMs: runs.map((r) => round(r.ms)),
  };
}

async function size(python: string, employees: number, rounds: number): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-peer-"));
  try {
    const input = generateStudyInput({ employees, grades: 80, seed: employees === 100_000 ? 7 : 11 });
    writeCsv(path.join(dir, "plans.csv"), input.plansTable);
    writeCsv(path.join(dir, "roster.csv"), input.rosterTable);
    const outputs = (): number =>
      fs.statSync(path.join(dir, "compstudy.xlsx")).size + fs.statSync(path.join(dir, "compstudy.json")).size;
    // Warm-up (disk cache), and the check that both compute the same exhibits with the same
    // numbers: CompStudy is asked for the exhibits the script writes, no more.
    runPandas(python, dir);
    const read = (file: string): JsonStudy => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as JsonStudy;
    const exhibits = read("pandas.json").exhibits.map((exhibit) => exhibit.id);
    const unknown = exhibits.filter((id) => !CURRENT.includes(id));
    if (unknown.length > 0)
      throw new Error(`the script writes exhibits outside current conditions: ${unknown.join(", ")}`);
    runCompStudy(dir, exhibits);
    const computed = read("compstudy.json").exhibits.map((exhibit) => exhibit.id);
    if ([...computed].sort().join() !== [...exhibits].sort().join())
      throw new Error(`CompStudy computed ${computed.join(", ")}; the script ${exhibits.join(", ")}`);
    const mismatch = sameNumbers(read("pandas.json"), read("compstudy.json"));
    if (mismatch !== undefined) throw new Error(`the numbers differ at ${employees} employees: ${mismatch}`);
    const bytes = outputs();
    const ours: Run[] = [];
    const theirs: Run[] = [];
    const floor: Run[] = [];
    const steps = [
      () => ours.push(runCompStudy(dir, exhibits)),
      () => theirs.push(runPandas(python, dir)),
      () => floor.push(runFloor(dir, bytes)),
    ];
    for (let r = 0; r < rounds; r++) for (let s = 0; s < steps.length; s++) steps[(r + s) % steps.length]();
    const a = figuresOf(ours);
    const b = figuresOf(theirs);
    const c = figuresOf(floor);
    return {
      employees,
      rounds,
      exhibits,
      numbersAgree: true,
      compstudy: a,
      pandas: b,
      floor: c,
      pandasOverCompStudyWall: round(b.medianMs / a.medianMs),
      pandasOverCompStudyCpu: round(b.medianCpuMs / a.medianCpuMs),
      compstudyOverFloorWall: round(a.medianMs / c.medianMs),
      targets: {
        pandasOverCompStudy: 1.5,
        compstudyOverFloor: 3,
        ...(employees > 1_000_000 ? { maxRssMiB: 350 } : {}),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPeer(options: { big?: boolean } = {}): Promise<Record<string, unknown>> {
  if (!fs.existsSync(CLI)) return { skipped: "run `npm run build:cli` first" };
  const python = findPython();
  if (python === undefined)
    return {
      skipped: "no python3 with pandas and xlsxwriter (Debian: apt-get install python3-pandas python3-xlsxwriter)",
    };
  const figures: Record<string, unknown> = { python, loadAverageAtStart: os.loadavg().map(round) };
  figures.employees100k = await size(python, 100_000, 7);
  if (options.big !== false) figures.employees1M = await size(python, 1_048_575, 3);
  figures.loadAverageAtEnd = os.loadavg().map(round);
  return figures;
}
