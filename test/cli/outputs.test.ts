/**
 * Outputs never destroy a user's file (issue 8, §2): every refusal exits 2 with one line and
 * leaves the protected file's bytes as they were; replacing an earlier output works; links are
 * written through; a failed write leaves nothing half-written. In process, with a stand-in
 * analysis (the plumbing is what is tested; test/cli/study.test.ts runs the real one).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { AnalysisInput } from "../../src/cli/analyse";
import type { StudyResult } from "../../src/exhibits/spec/types";
import { studyFixture } from "../exhibits/study-fixture";
import { expectOneLine, run, tempFolder, writeFile, writeWorkbook } from "./helpers";

const PLANS = "Plan,Grade,Step 1,Step 2\nBASE,B1,10,11\n";
const ROSTER = "Employee ID,Plan,Grade,Salary\nE1,BASE,B1,10.5\n";

function fakeAnalyse({ tables, asOf }: AnalysisInput): StudyResult {
  return { ...studyFixture(), asOf, sources: { plans: tables.plans.source, roster: tables.roster.source } };
}

let folder: string;
const at = (name: string) => path.join(folder, name);
const bytes = (name: string) => fs.readFileSync(at(name));
/** Files of a folder that a failed write could leave behind. */
const temporaries = (dir = folder) => fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"));

beforeEach(() => {
  folder = tempFolder("compstudy-outputs-");
  writeFile(folder, "plans.csv", PLANS);
  writeFile(folder, "roster.csv", ROSTER);
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const csvRun = (...extra: string[]) =>
  run(["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01", ...extra], folder, {
    analyse: fakeAnalyse,
  });

/** Runs and expects a refusal: exit 2, one line on stderr containing `message`, nothing on stdout. */
async function expectRefused(args: string[], message: string | RegExp): Promise<void> {
  const result = await csvRun(...args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expectOneLine(result.stderr);
  expect(result.stderr).toMatch(message);
}

describe("an output that is also an input is refused, and the input's bytes are unchanged", () => {
  const workbookRun = (out: string) =>
    run(["exhibits", "--workbook", "study.xlsx", "--as-of", "2013-04-01", "--out", out], folder, {
      analyse: fakeAnalyse,
    });

  beforeEach(async () => {
    await writeWorkbook(at("study.xlsx"), {
      "Pay Plans": [
        ["Plan", "Grade", "Step 1"],
        ["BASE", "B1", 10],
      ],
      Roster: [
        ["Employee ID", "Plan", "Grade", "Salary"],
        ["E1", "BASE", "B1", 10],
      ],
    });
    fs.mkdirSync(at("sub"));
    fs.symlinkSync(at("study.xlsx"), at("alias.xlsx"));
    fs.linkSync(at("study.xlsx"), at("hard.xlsx"));
  });

  it.each([
    ["the same name", "study.xlsx"],
    ["./ before it", "./study.xlsx"],
    ["a detour through a folder", "sub/../study.xlsx"],
    ["its absolute path", "ABSOLUTE"],
    ["a symbolic link to it", "alias.xlsx"],
    ["a hard link to it (as a case-insensitive disk's other spelling is)", "hard.xlsx"],
  ])("--out given as %s", async (_, out) => {
    const given = out === "ABSOLUTE" ? at("study.xlsx") : out;
    const before = bytes("study.xlsx");
    const result = await workbookRun(given);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(
      `compstudy: ${given}: is also the input --workbook study.xlsx: writing it would destroy it`,
    );
    expect(bytes("study.xlsx").equals(before)).toBe(true);
    expect(fs.lstatSync(at("alias.xlsx")).isSymbolicLink()).toBe(true);
  });

  it("--out over a CSV input is refused by its name before anything else", async () => {
    const before = bytes("roster.csv");
    await expectRefused(["--out", "roster.csv"], "compstudy: roster.csv: --out writes an .xlsx workbook");
    expect(bytes("roster.csv").equals(before)).toBe(true);
  });
});

describe("an output whose name does not match its format is refused", () => {
  it.each([
    ["--out", "README.md", "--out writes an .xlsx workbook: give a file name ending in .xlsx"],
    ["--out", "exhibits.xls", "--out writes an .xlsx workbook"],
    ["--out", "exhibits.xlsm", "--out writes an .xlsx workbook"],
    ["--json", "exhibits.txt", "--json writes JSON: give a file name ending in .json"],
    ["--html", "report.pdf", "--html writes an HTML report: give a file name ending in .html or .htm"],
    ["--out", "out/", "--out writes an .xlsx workbook"],
  ])("%s %s", async (flag, name, message) => {
    writeFile(folder, "README.md", "# My project\n");
    const before = bytes("README.md");
    await expectRefused([flag, name], `compstudy: ${name}: ${message}`);
    expect(bytes("README.md").equals(before)).toBe(true);
    expect(fs.existsSync(at("out"))).toBe(false);
  });

  it("accepts any letter case and .htm", async () => {
    const result = await csvRun("--out", "E.XLSX", "--json", "e.Json", "--html", "r.htm");
    expect(result.code).toBe(0);
    for (const name of ["E.XLSX", "e.Json", "r.htm"]) expect(fs.statSync(at(name)).size).toBeGreaterThan(0);
  });
});

describe("an existing file is replaced only when CompStudy wrote it", () => {
  /** A run like csvRun on another date (so every output's bytes change). */
  const otherDateRun = (...extra: string[]) =>
    run(["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "1999-01-01", ...extra], folder, {
      analyse: fakeAnalyse,
    });

  it("replaces its own earlier outputs, keeping their permissions", async () => {
    expect((await otherDateRun("--out", "e.xlsx", "--json", "e.json", "--html", "r.html")).code).toBe(0);
    fs.chmodSync(at("e.json"), 0o640);
    const again = await csvRun("--out", "e.xlsx", "--json", "e.json", "--html", "r.html");
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(bytes("e.json").toString()).asOf).toBe("2013-04-01");
    expect(fs.statSync(at("e.json")).mode & 0o777).toBe(0o640);
    expect(temporaries()).toEqual([]);
  });

  it("marks each output with the SHA-256 of what comes before the mark", async () => {
    expect((await csvRun("--out", "e.xlsx", "--json", "e.json", "--html", "r.html")).code).toBe(0);
    const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
    const json = bytes("e.json");
    const jsonMark = /,\n {2}"writtenBy": "CompStudy output, sha256 ([0-9a-f]{64})"\n\}\n$/.exec(json.toString());
    expect(jsonMark?.[1]).toBe(sha256(json.subarray(0, json.length - Buffer.byteLength(jsonMark?.[0] ?? ""))));
    expect(JSON.parse(json.toString()).writtenBy).toBe(`CompStudy output, sha256 ${jsonMark?.[1]}`);
    const html = bytes("r.html");
    const htmlMark = /<!-- CompStudy output, sha256 ([0-9a-f]{64}) -->\n$/.exec(html.toString());
    expect(htmlMark?.[1]).toBe(sha256(html.subarray(0, html.length - Buffer.byteLength(htmlMark?.[0] ?? ""))));
    // The workbook's mark is its zip comment: the end record says its length, nothing follows it.
    const book = bytes("e.xlsx");
    const comment = /CompStudy output, sha256 ([0-9a-f]{64})$/.exec(book.toString("latin1"));
    const length = Buffer.byteLength(comment?.[0] ?? "");
    expect(book.readUInt32LE(book.length - length - 22)).toBe(0x06054b50);
    expect(book.readUInt16LE(book.length - length - 2)).toBe(length);
    expect(comment?.[1]).toBe(sha256(book.subarray(0, book.length - length)));
  });

  it.each([
    [
      "--json",
      "e.json",
      (text: Buffer) => Buffer.from(text.toString().replace('"asOf": "1999-01-01"', '"asOf": "1999-01-02"')),
    ],
    ["--html", "r.html", (text: Buffer) => Buffer.from(text.toString().replace("<body", '<body class="mine"'))],
    [
      "--out",
      "e.xlsx",
      (book: Buffer) => Buffer.concat([book.subarray(0, 100), Buffer.from([book[100] ^ 1]), book.subarray(101)]),
    ],
  ])("refuses %s %s that was changed after CompStudy wrote it", async (flag, name, edit) => {
    expect((await otherDateRun(flag, name)).code).toBe(0);
    writeFile(folder, name, edit(bytes(name)));
    const before = bytes(name);
    await expectRefused(
      [flag, name],
      `compstudy: ${name}: exists and was not written by CompStudy (or was changed since)`,
    );
    expect(bytes(name).equals(before)).toBe(true);
  });

  it.each([
    ["a JSON that starts with asOf", "data.json", '{"asOf": "my notes", "keep": true}\n'],
    [
      "a page that ends 'Generated by CompStudy'",
      "memo.html",
      "<html><body><footer>Generated by CompStudy</footer></body></html>\n",
    ],
    [
      "a page that copies the mark's words",
      "copy.html",
      "<p>x</p>\n<!-- CompStudy output, sha256 " + "0".repeat(64) + " -->\n",
    ],
  ])("refuses %s", async (_, name, content) => {
    writeFile(folder, name, content);
    const flag = name.endsWith(".json") ? "--json" : "--html";
    await expectRefused([flag, name], `compstudy: ${name}: exists and was not written by CompStudy`);
    expect(bytes(name).toString()).toBe(content);
  });

  it("replaces an empty file", async () => {
    writeFile(folder, "e.json", "");
    expect((await csvRun("--json", "e.json")).code).toBe(0);
    expect(JSON.parse(bytes("e.json").toString()).asOf).toBe("2013-04-01");
  });

  it.each([
    ["--out", "budget.xlsx"],
    ["--json", "data.json"],
    ["--html", "index.html"],
  ])("refuses %s %s that someone else wrote", async (flag, name) => {
    if (name.endsWith(".xlsx")) await writeWorkbook(at(name), { Budget: [["Line", "Amount"]] });
    else writeFile(folder, name, name.endsWith(".json") ? '{"budget": 1}\n' : "<!DOCTYPE html><title>Home</title>\n");
    const before = bytes(name);
    await expectRefused(
      [flag, name],
      `compstudy: ${name}: exists and was not written by CompStudy (or was changed since): give ${flag} another file name, or move the file away first`,
    );
    expect(bytes(name).equals(before)).toBe(true);
  });

  it("refuses a read-only earlier output", async () => {
    expect((await csvRun("--json", "e.json")).code).toBe(0);
    fs.chmodSync(at("e.json"), 0o444);
    const before = bytes("e.json");
    await expectRefused(["--json", "e.json"], "compstudy: e.json: is read-only");
    expect(bytes("e.json").equals(before)).toBe(true);
  });

  it("refuses a folder", async () => {
    fs.mkdirSync(at("e.json"));
    await expectRefused(["--json", "e.json"], "compstudy: e.json: is a folder: give --json a file name");
  });
});

describe("two outputs on one file", () => {
  it("are refused, and the file is unchanged", async () => {
    expect((await csvRun("--out", "e.xlsx")).code).toBe(0);
    fs.linkSync(at("e.xlsx"), at("same.json"));
    const before = bytes("e.xlsx");
    await expectRefused(
      ["--out", "e.xlsx", "--json", "same.json"],
      "compstudy: same.json: --out and --json name the same file: give each its own",
    );
    expect(bytes("e.xlsx").equals(before)).toBe(true);
  });
});

describe("symbolic links are written through, never replaced by a regular file", () => {
  it("writes the link's target and keeps the link", async () => {
    fs.mkdirSync(at("shared"));
    const earlier = await run(
      [
        "exhibits",
        "--plans",
        "plans.csv",
        "--roster",
        "roster.csv",
        "--as-of",
        "1999-01-01",
        "--json",
        "shared/e.json",
      ],
      folder,
      { analyse: fakeAnalyse },
    );
    expect(earlier.code).toBe(0);
    fs.symlinkSync(path.join("shared", "e.json"), at("latest.json"));
    const result = await csvRun("--json", "latest.json");
    expect(result.code).toBe(0);
    expect(fs.lstatSync(at("latest.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(bytes("shared/e.json").toString()).asOf).toBe("2013-04-01");
    expect(temporaries(at("shared"))).toEqual([]);
  });

  it("writes through a link to a file not written yet", async () => {
    fs.symlinkSync("target.json", at("link.json"));
    expect((await csvRun("--json", "link.json")).code).toBe(0);
    expect(fs.lstatSync(at("link.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(bytes("target.json").toString()).asOf).toBe("2013-04-01");
  });

  it("refuses a link whose target is not named for the format", async () => {
    writeFile(folder, "notes.md", "keep me\n");
    fs.symlinkSync("notes.md", at("link.json"));
    await expectRefused(
      ["--json", "link.json"],
      "compstudy: link.json: is a link to 'notes.md', which is not named .json",
    );
    expect(bytes("notes.md").toString()).toBe("keep me\n");
  });

  it("refuses a link that loops", async () => {
    fs.symlinkSync("b.json", at("a.json"));
    fs.symlinkSync("a.json", at("b.json"));
    await expectRefused(["--json", "a.json"], "compstudy: a.json: is a symbolic link that loops");
  });
});

describe("--json - writes the JSON to standard output", () => {
  it("keeps stdout parseable JSON and puts the summary on stderr", async () => {
    const result = await csvRun("--json", "-", "--html", "r.html");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ asOf: "2013-04-01", exhibits: expect.any(Array) });
    expect(result.stderr).toContain("compstudy: study as of 2013-04-01");
    expect(result.stderr).toMatch(/wrote\s+r\.html, standard output \(JSON\)/);
  });

  it("prints only the JSON with --quiet", async () => {
    const result = await csvRun("--json", "-", "--quiet");
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).asOf).toBe("2013-04-01");
  });

  it.each(["--out", "--html"])("refuses %s -", async (flag) => {
    await expectRefused([flag, "-"], `compstudy: ${flag}: only --json can write to standard output`);
  });
});

describe("missing folders", () => {
  it("are created and the summary says so", async () => {
    const result = await csvRun("--out", "out/a/e.xlsx", "--json", "out/b/e.json");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}created {5}out\/a, out\/b\n/);
    expect(fs.readdirSync(at("out/a"))).toEqual(["e.xlsx"]);
  });

  it("are refused when a file stands where a folder should be", async () => {
    writeFile(folder, "blocker", "not a folder");
    await expectRefused(
      ["--json", "blocker/e.json"],
      "compstudy: blocker/e.json: cannot write the file: 'blocker' is a file, not a folder",
    );
  });
});

describe("a failed write leaves nothing half-written", () => {
  // The module object itself (an `import * as` namespace cannot be spied on); the CLI reads it live.
  const nodeFs = jest.requireActual<typeof fs>("fs");
  afterEach(() => jest.restoreAllMocks());

  it("a full disk on the second output: the first output's old bytes stay, no temporary file, no new folder", async () => {
    expect((await csvRun("--out", "e.xlsx")).code).toBe(0);
    const before = bytes("e.xlsx");
    const fsync = nodeFs.fsyncSync;
    let flushes = 0;
    jest.spyOn(nodeFs, "fsyncSync").mockImplementation((fd) => {
      // Outputs are written in flag order: the JSON's temporary file is flushed second, and the disk is full by then.
      if (++flushes === 2) throw Object.assign(new Error("ENOSPC: no space left on device, fsync"), { code: "ENOSPC" });
      return fsync(fd);
    });
    const result = await csvRun("--out", "e.xlsx", "--json", "new/e.json");
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toBe(
      "compstudy: new/e.json: cannot write the file: no space left on the device; nothing was written\n",
    );
    expect(bytes("e.xlsx").equals(before)).toBe(true);
    expect(temporaries()).toEqual([]);
    expect(fs.existsSync(at("new"))).toBe(false);
  });

  it("a rename that fails part-way: the message says which file was written", async () => {
    const rename = nodeFs.renameSync;
    jest.spyOn(nodeFs, "renameSync").mockImplementation((from, to) => {
      if (String(to).endsWith("r.html")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
      return rename(from, to);
    });
    const result = await csvRun("--json", "e.json", "--html", "r.html");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("compstudy: r.html: cannot write the file: permission denied; e.json was written\n");
    expect(JSON.parse(bytes("e.json").toString()).asOf).toBe("2013-04-01");
    expect(fs.existsSync(at("r.html"))).toBe(false);
    expect(temporaries()).toEqual([]);
  });

  it("a bug in a renderer is an internal error, and still leaves nothing behind", async () => {
    expect((await csvRun("--json", "e.json")).code).toBe(0);
    const before = bytes("e.json");
    const broken = (input: AnalysisInput): StudyResult => {
      const result = fakeAnalyse(input);
      // BigInt has no JSON form: JSON.stringify throws inside the renderer.
      result.exhibits[0].rows[0].values[2] = BigInt(1) as unknown as number;
      return result;
    };
    const result = await run(
      ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--out", "e.xlsx", "--json", "e.json"],
      folder,
      { analyse: broken },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^compstudy: internal error: .*BigInt/);
    expect(bytes("e.json").equals(before)).toBe(true);
    expect(fs.existsSync(at("e.xlsx"))).toBe(false);
    expect(temporaries()).toEqual([]);
  });
});
