/**
 * The real-world input corpus (test/fixtures/real-world/, expected outcomes in cases.json):
 * workbooks and CSV files as openpyxl, pandas, the .NET SDK, ExcelJS, Excel for Mac, Strict
 * Open XML, LibreOffice and HR exports write them, run through `compstudy exhibits` in-process.
 *
 * Every case either exits 2 with one line naming the file and saying what to do, or completes —
 * and then the head count reconciles (employees + separated + unmatched = rows read = the rows
 * the case holds), the summary says what the reader did (notes), the exhibits equal those of the
 * same data read another way (`sameAs`), and the .xlsx it wrote is well-formed XML in every part
 * and reads back. Cases marked `libreoffice` convert their input with soffice first (skipped
 * with a message where soffice is missing).
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { openWorkbook } from "../../src/cli/xlsx-reader";
import { convert, findSoffice } from "../exhibits/libreoffice";
import { buildRealWorldCorpus } from "../fixtures/make-real-world-corpus";
import { run, tempFolder, type Run } from "../cli/helpers";

const CORPUS = path.resolve(__dirname, "..", "fixtures", "real-world");
const AS_OF = "2024-07-01";

type Failure = { exit: 2; stderr: string[] };
type Completion = {
  exit: 0;
  employees: number;
  unmatched: number;
  separated?: number;
  /** Lines under the roster's header left out as not employees (repeated headers, totals, footers). */
  leftOut?: number;
  /** With --split-assignments: rows placed as a further assignment of a person counted once. */
  additionalAssignments?: number;
  /** Schedule-audit errors (the cases that say so). */
  auditErrors?: number;
  /** Substrings some unmatched row's Reason contains, each. */
  reasons?: string[];
  unmatchedIds?: string[];
  /** Substrings of the summary's note lines, each. */
  notes?: string[];
  /** Texts that must appear verbatim as a cell of some exhibit. */
  texts?: string[];
  /** Every exhibit's rows equal those of this (earlier) case. */
  sameAs?: string;
};
type Case = {
  name: string;
  why: string;
  plans?: string;
  roster?: string;
  workbook?: string;
  rosterSheet?: string;
  args?: string[];
  libreoffice?: "xlsx" | "ods";
  expect: Failure | Completion;
};
type Cell = string | number | null;
type JsonStudy = {
  summary: {
    rosterRows: number;
    leftOut: number;
    employees: number;
    unmatched: number;
    separated: number;
    additionalAssignments: number;
    auditErrors: number;
  };
  exhibits: { id: string; rows: Record<string, Cell>[] }[];
};
type Outcome = Run & { json?: JsonStudy; xlsx?: string; skipped?: string };

const cases: Case[] = JSON.parse(fs.readFileSync(path.join(CORPUS, "cases.json"), "utf8"));
const soffice = findSoffice();
if (!soffice)
  console.warn("real-world corpus: the LibreOffice cases are skipped (apt-get install libreoffice-calc to run them)");

const outcomes = new Map<string, Outcome>();
let folder: string;

/** The file a case reads: in the corpus, or its LibreOffice conversion. */
function inputOf(testCase: Case, index: number, file: string): string {
  if (file === "-" || !testCase.libreoffice) return file === "-" ? file : path.join(CORPUS, file);
  const outdir = path.join(folder, `lo-${index}`);
  convert(soffice as string, path.join(CORPUS, file), testCase.libreoffice, outdir);
  return path.join(outdir, `${path.basename(file, path.extname(file))}.${testCase.libreoffice}`);
}

async function runCase(testCase: Case, index: number): Promise<Outcome> {
  if (testCase.libreoffice && !soffice) return { code: 0, stdout: "", stderr: "", skipped: "no soffice" };
  const args = ["exhibits", "--as-of", AS_OF];
  if (testCase.workbook) args.push("--workbook", inputOf(testCase, index, testCase.workbook));
  if (testCase.plans) args.push("--plans", path.join(CORPUS, testCase.plans));
  if (testCase.roster) args.push("--roster", inputOf(testCase, index, testCase.roster));
  if (testCase.rosterSheet) args.push("--roster-sheet", testCase.rosterSheet);
  const json = path.join(folder, `case-${index}.json`);
  const xlsx = path.join(folder, `case-${index}.xlsx`);
  const result = await run([...args, ...(testCase.args ?? []), "--json", json, "--out", xlsx], folder);
  return {
    ...result,
    json: fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, "utf8")) as JsonStudy) : undefined,
    xlsx: fs.existsSync(xlsx) ? xlsx : undefined,
  };
}

beforeAll(async () => {
  folder = tempFolder("compstudy-real-world-");
  for (const [index, testCase] of cases.entries()) outcomes.set(testCase.name, await runCase(testCase, index));
}, 240_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("the real-world corpus (test/fixtures/real-world)", () => {
  it("is what make-real-world-corpus.ts writes, byte for byte, and every file a case names exists", async () => {
    const built = await buildRealWorldCorpus();
    const committed = fs.readdirSync(CORPUS).filter((name) => name !== "cases.json");
    expect(committed.sort()).toEqual(Object.keys(built).sort());
    for (const [name, bytes] of Object.entries(built))
      expect({
        name,
        same: Buffer.compare(Buffer.from(bytes), fs.readFileSync(path.join(CORPUS, name))) === 0,
      }).toEqual({
        name,
        same: true,
      });
    for (const testCase of cases)
      for (const file of [testCase.plans, testCase.roster, testCase.workbook])
        if (file && file !== "-") expect(fs.existsSync(path.join(CORPUS, file))).toBe(true);
    expect(new Set(cases.map((testCase) => testCase.name)).size).toBe(cases.length);
  });
});

describe.each(cases.map((testCase) => [testCase.name, testCase] as const))("%s", (_name, testCase) => {
  const outcome = (): Outcome => {
    const found = outcomes.get(testCase.name);
    if (!found) throw new Error("the case did not run");
    return found;
  };
  const runs = !testCase.libreoffice || soffice ? it : it.skip;
  const expected = testCase.expect;

  runs(`exits ${expected.exit} without a stack trace`, () => {
    const { code, stderr } = outcome();
    expect(stderr).not.toMatch(/^\s+at |internal error/m);
    expect({ code, stderr: expected.exit === 0 ? stderr : "(a message)" }).toEqual({
      code: expected.exit,
      stderr: expected.exit === 0 ? "" : "(a message)",
    });
  });

  if (expected.exit === 2) {
    runs("says why on one line, naming the file", () => {
      const lines = outcome().stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^compstudy: /);
      for (const part of expected.stderr) expect(lines[0]).toContain(part);
      expect(outcome().json).toBeUndefined();
    });
    return;
  }

  runs(
    "reconciles: employees + separated + further assignments + unmatched = rows read = the rows the case holds; lines left out counted apart",
    () => {
      const json = outcome().json as JsonStudy;
      const { summary } = json;
      const unmatchedRows = exhibitRows(json, "unmatched-employees");
      expect({
        rosterRows: summary.rosterRows,
        employees: summary.employees,
        unmatched: summary.unmatched,
        separated: summary.separated,
        additionalAssignments: summary.additionalAssignments,
        leftOut: summary.leftOut,
        listed: unmatchedRows.length,
      }).toEqual({
        rosterRows:
          expected.employees + expected.unmatched + (expected.separated ?? 0) + (expected.additionalAssignments ?? 0),
        employees: expected.employees,
        unmatched: expected.unmatched,
        separated: expected.separated ?? 0,
        additionalAssignments: expected.additionalAssignments ?? 0,
        leftOut: expected.leftOut ?? 0,
        listed: expected.unmatched,
      });
      if (expected.auditErrors !== undefined) expect(summary.auditErrors).toBe(expected.auditErrors);
      const reasons = unmatchedRows.map((row) => String(row.Reason)).join(" | ");
      for (const reason of expected.reasons ?? []) expect(reasons).toContain(reason);
      if (expected.unmatchedIds)
        expect(unmatchedRows.map((row) => String(row["Employee ID"])).sort()).toEqual(
          [...expected.unmatchedIds].sort(),
        );
    },
  );

  runs("says in the summary what the reader did", () => {
    const notes = outcome()
      .stdout.split("\n")
      .filter((line) => /^\s+note\s/.test(line))
      .join("\n");
    for (const note of expected.notes ?? []) expect(notes).toContain(note);
    // A case that expects no note about hidden things or encodings gets none.
    if (!(expected.notes ?? []).some((note) => /hidden/.test(note))) expect(notes).not.toMatch(/hidden/);
    if (!(expected.notes ?? []).some((note) => /UTF|Windows/.test(note)))
      expect(notes).not.toMatch(/UTF-16|Windows-1252/);
  });

  if (expected.texts)
    runs("keeps the text as written", () => {
      const json = outcome().json as JsonStudy;
      const values = new Set(json.exhibits.flatMap((exhibit) => exhibit.rows.flatMap((row) => Object.values(row))));
      for (const text of expected.texts ?? []) expect({ text, found: values.has(text) }).toEqual({ text, found: true });
    });

  if (expected.sameAs)
    runs(`gives the exhibits of '${expected.sameAs}'`, () => {
      const reference = outcomes.get(expected.sameAs as string)?.json;
      if (!reference) throw new Error(`'${expected.sameAs}' has no JSON to compare with`);
      const json = outcome().json as JsonStudy;
      expect(json.exhibits.map((exhibit) => exhibit.id)).toEqual(reference.exhibits.map((exhibit) => exhibit.id));
      for (const exhibit of reference.exhibits)
        expect({ id: exhibit.id, rows: exhibitRows(json, exhibit.id) }).toEqual({ id: exhibit.id, rows: exhibit.rows });
    });

  runs("writes an .xlsx whose every XML part is well-formed and which reads back", async () => {
    const file = outcome().xlsx;
    if (!file) throw new Error("no .xlsx written");
    const parts = unzipSync(fs.readFileSync(file));
    const problems: string[] = [];
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const parser = new DOMParser({
        onError: (level, message) => {
          problems.push(`${name}: ${level}: ${message}`);
        },
      });
      try {
        parser.parseFromString(new TextDecoder().decode(bytes), "application/xml");
      } catch (error) {
        problems.push(`${name}: ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
    const book = openWorkbook(fs.readFileSync(file));
    const cells = new Set<unknown>();
    for (const sheet of book.sheets)
      for (const row of (await book.readSheet(sheet)).rows) for (const cell of row) cells.add(cell);
    const json = outcome().json as JsonStudy;
    for (const row of exhibitRows(json, "unmatched-employees")) expect(cells).toContain(row["Employee ID"]);
    expect(cells).toContain(json.summary.employees);
  });
});

function exhibitRows(json: JsonStudy, id: string): Record<string, Cell>[] {
  const exhibit = json.exhibits.find((candidate) => candidate.id === id);
  if (!exhibit) throw new Error(`no '${id}' exhibit`);
  return id === "unmatched-employees"
    ? exhibit.rows.filter((row) => !(row.Plan === "All" && row.Grade === "Total"))
    : exhibit.rows;
}
