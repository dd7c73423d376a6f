/**
 * The bad-input corpus (test/fixtures/bad/, expected outcomes in cases.json) through the
 * built CLI, as a user runs it: `node bin/compstudy.js exhibits … --json <tmp> --quiet`.
 *
 * Every case either exits 2 with one line on stderr naming the file (and where), or completes
 * with the affected rows listed in `unmatched-employees` — and then the head count reconciles:
 * employees in the exhibits + unmatched rows = roster rows read = the rows the case holds.
 * Never a stack trace, never a silently smaller head count (issue 5).
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
const AS_OF = "2024-07-01";
const CONCURRENCY = 2;
/** An unmatched reason or audit message longer than this is a cell pasted into a message. */
const MAX_MESSAGE = 300;

type Failure = { exit: 2; stderr: string[] };
type Completion = {
  exit: 0;
  employees: number;
  unmatched: number;
  /** Substrings (any case) that some unmatched row's Reason contains, each. */
  reasons: string[];
  /** The Employee IDs of the unmatched rows, exactly (in any order). */
  unmatchedIds?: string[];
  /** Schedule-audit rows that must be there. */
  audit?: { grade: string; severity: "error" | "warning" }[];
  /** Texts that must appear verbatim as a cell value of some exhibit. */
  texts?: string[];
};
type Case = {
  name: string;
  why: string;
  plans?: string;
  roster?: string;
  workbook?: string;
  plansSheet?: string;
  rosterSheet?: string;
  asOf?: string;
  expect: Failure | Completion;
};

type Cell = string | number | null;
type JsonExhibit = { id: string; title: string; columns: string[]; rows: Record<string, Cell>[] };
type JsonStudy = {
  asOf: string;
  sources: { plans: string; roster: string };
  summary: {
    plans: number;
    grades: number;
    rosterRows: number;
    employees: number;
    unmatched: number;
    auditErrors: number;
    auditWarnings: number;
  };
  exhibits: JsonExhibit[];
};
type Outcome = { code: number | null; stdout: string; stderr: string; json?: JsonStudy; jsonError?: string };

const cases: Case[] = JSON.parse(fs.readFileSync(path.join(ROOT, CORPUS, "cases.json"), "utf8"));
const built = fs.existsSync(BUILT);
if (!built && process.env.CI)
  throw new Error(`${BUILT} is missing: build the CLI (npx tsc -p tsconfig.cli.json) before the robustness tests`);

function argsOf(testCase: Case, json: string): string[] {
  const inCorpus = (file: string) => path.join(CORPUS, file);
  const args = ["exhibits"];
  if (testCase.workbook) args.push("--workbook", inCorpus(testCase.workbook));
  if (testCase.plans) args.push("--plans", inCorpus(testCase.plans));
  if (testCase.roster) args.push("--roster", inCorpus(testCase.roster));
  if (testCase.plansSheet) args.push("--plans-sheet", testCase.plansSheet);
  if (testCase.rosterSheet) args.push("--roster-sheet", testCase.rosterSheet);
  args.push("--as-of", testCase.asOf ?? AS_OF, "--json", json, "--quiet");
  return args;
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join("bin", "compstudy.js"), ...args],
      { cwd: ROOT, timeout: 30_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Runs `tasks` at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const outcomes = new Map<string, Outcome>();
let folder: string;

const suite = built ? describe : describe.skip;
if (!built)
  console.warn(`robustness corpus skipped: ${path.relative(ROOT, BUILT)} is missing (npx tsc -p tsconfig.cli.json)`);

suite("bad-input corpus through the CLI (test/fixtures/bad/cases.json)", () => {
  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-corpus-"));
    await pool(
      cases.map((testCase, index) => async () => {
        const json = path.join(folder, `case-${index}.json`);
        const result: Outcome = await runCli(argsOf(testCase, json));
        if (fs.existsSync(json)) {
          try {
            result.json = JSON.parse(fs.readFileSync(json, "utf8"));
          } catch (error) {
            result.jsonError = String(error);
          }
        }
        outcomes.set(testCase.name, result);
      }),
      CONCURRENCY,
    );
  }, 120_000);
  afterAll(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("has at least 30 cases, with unique names and files that exist", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const testCase of cases)
      for (const file of [testCase.plans, testCase.roster, testCase.workbook])
        if (file) expect(fs.existsSync(path.join(ROOT, CORPUS, file))).toBe(true);
  });

  describe.each(cases.map((testCase) => [testCase.name, testCase] as const))("%s", (_name, testCase) => {
    const outcome = () => {
      const result = outcomes.get(testCase.name);
      if (!result) throw new Error("the CLI was not run for this case");
      return result;
    };

    it(`exits ${testCase.expect.exit}, without a stack trace`, () => {
      const { code, stderr, stdout } = outcome();
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toMatch(/internal error|unexpected error/);
      expect({ code, stderr: stderr.slice(0, 500) }).toEqual({
        code: testCase.expect.exit,
        stderr: testCase.expect.exit === 0 ? "" : expect.any(String),
      });
      if (testCase.expect.exit === 0) expect(stdout).toBe(""); // --quiet
    });

    const expected = testCase.expect;
    if (expected.exit === 2) {
      it("says why on one line naming the file and where", () => {
        const { stderr } = outcome();
        const lines = stderr.trimEnd().split(/\r?\n/);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^compstudy: /);
        expect(lines[0].length).toBeLessThan(500);
        for (const part of expected.stderr) expect(lines[0]).toContain(part);
        expect(outcome().json).toBeUndefined();
      });
      return;
    }

    it("writes the JSON", () => {
      const { json, jsonError } = outcome();
      expect(jsonError).toBeUndefined();
      expect(json).toBeDefined();
    });

    it("reconciles: employees in every exhibit + unmatched rows = the roster's rows", () => {
      const json = outcome().json;
      if (!json) throw new Error("no JSON written");
      const { summary } = json;
      const unmatched = unmatchedRows(json);
      // The rows the case holds: what the corpus says, not what the CLI counted.
      expect({
        rosterRows: summary.rosterRows,
        employees: summary.employees,
        unmatched: summary.unmatched,
        unmatchedRows: unmatched.length,
      }).toEqual({
        rosterRows: expected.employees + expected.unmatched,
        employees: expected.employees,
        unmatched: expected.unmatched,
        unmatchedRows: expected.unmatched,
      });
      expect(summary.employees + summary.unmatched).toBe(summary.rosterRows);
      expect(grandTotal(exhibit(json, "quartiles"), summary.employees) + unmatched.length).toBe(summary.rosterRows);
      for (const id of ["pay-plan-summary", "grade-placement", "midpoint", "quartiles", "tenure"])
        expect({ id, employees: grandTotal(exhibit(json, id), summary.employees) }).toEqual({
          id,
          employees: summary.employees,
        });
      expect(familyTotal(exhibit(json, "job-families"))).toBe(summary.employees);
    });

    it("lists the unmatched rows with their reasons", () => {
      const json = outcome().json;
      if (!json) throw new Error("no JSON written");
      const rows = unmatchedRows(json);
      const reasons = rows.map((row) => String(row.Reason ?? ""));
      for (const reason of reasons) {
        expect(reason.trim()).not.toBe("");
        expect(reason.length).toBeLessThanOrEqual(MAX_MESSAGE);
      }
      const listed = reasons.join(" | ").toLowerCase();
      for (const part of expected.reasons) expect(listed).toContain(part.toLowerCase());
      if (expected.unmatchedIds)
        expect(rows.map((row) => String(row["Employee ID"])).sort()).toEqual([...expected.unmatchedIds].sort());
    });

    it("audits the pay plans", () => {
      const json = outcome().json;
      if (!json) throw new Error("no JSON written");
      const audit = exhibit(json, "schedule-audit");
      for (const row of audit.rows) expect(String(row.Message ?? "").length).toBeLessThanOrEqual(MAX_MESSAGE);
      const errors = audit.rows.filter((row) => String(row.Severity).toLowerCase() === "error").length;
      expect(json.summary.auditErrors).toBe(errors);
      const found = audit.rows.map((row) => ({
        grade: String(row.Grade ?? "")
          .trim()
          .toUpperCase(),
        severity: String(row.Severity ?? "").toLowerCase(),
      }));
      for (const wanted of expected.audit ?? []) expect(found).toContainEqual(wanted);
      if (!expected.audit) expect(json.summary.auditErrors).toBe(0);
    });

    if (expected.texts)
      it("keeps hostile and unicode text as the same text", () => {
        const json = outcome().json;
        if (!json) throw new Error("no JSON written");
        const values = new Set(json.exhibits.flatMap((e) => e.rows.flatMap((row) => Object.values(row))));
        for (const text of expected.texts ?? [])
          expect({ text, found: values.has(text) }).toEqual({ text, found: true });
      });
  });
});

(built ? describe : describe.skip)("the summary on stdout", () => {
  it("counts the unmatched rows by reason, not one group per row", async () => {
    const testCase = cases.find((candidate) => candidate.name === "unknown grades and plans");
    if (!testCase) throw new Error("the corpus has no 'unknown grades and plans' case");
    const json = path.join(os.tmpdir(), `compstudy-summary-${process.pid}.json`);
    try {
      const { code, stdout } = await runCli(argsOf(testCase, json).filter((arg) => arg !== "--quiet"));
      expect(code).toBe(0);
      // One line per kind of reason under the count: "Row 3: Grade 'H13' is not in plan 'X'" and
      // "Row 5: Grade 'B1-50' …" are one kind, whatever the row and the quoted grade.
      const lines = stdout.split("\n");
      const start = lines.findIndex((text) => /^\s*unmatched\s/.test(text));
      expect(lines.slice(start, start + 4)).toEqual([
        "  unmatched   4 rows:",
        "              grade is not in plan: 2",
        "              grade is blank: 1",
        "              plan is not in the pay plans: 1",
      ]);
    } finally {
      fs.rmSync(json, { force: true });
    }
  }, 30_000);
});

function exhibit(json: JsonStudy, id: string): JsonExhibit {
  const found = json.exhibits.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no '${id}' exhibit in the JSON`);
  return found;
}

const isGrandTotal = (row: Record<string, Cell>) => row.Plan === "All";

function unmatchedRows(json: JsonStudy): Record<string, Cell>[] {
  const rows = exhibit(json, "unmatched-employees").rows;
  return rows.filter((row) => !(isGrandTotal(row) && row.Grade === "Total"));
}

/** The Employees of an exhibit's grand-total row (Plan = All); an exhibit with no employees may have none. */
function grandTotal(found: JsonExhibit, employees: number): number {
  const totals = found.rows.filter(isGrandTotal);
  if (totals.length === 0 && employees === 0) return 0;
  if (totals.length !== 1) throw new Error(`'${found.id}' has ${totals.length} grand-total rows (Plan = All)`);
  const value = totals[0].Employees;
  if (typeof value !== "number") throw new Error(`'${found.id}' grand total has no Employees number`);
  return value;
}

/** job-families: its total row when it has one, else the sum of its families. */
function familyTotal(found: JsonExhibit): number {
  const isTotal = (row: Record<string, Cell>) => /^(total|all)$/i.test(String(row["Job Family"] ?? "").trim());
  const total = found.rows.find(isTotal);
  if (total) return Number(total.Employees);
  return found.rows.reduce((sum, row) => sum + Number(row.Employees ?? 0), 0);
}
