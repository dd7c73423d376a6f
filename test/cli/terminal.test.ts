/**
 * What the CLI prints from a file is shown, never obeyed (issue 19): a sheet name, a header or a
 * cell can hold control characters that clear the terminal, move the cursor over the unmatched
 * count, or reorder what is shown. Every one is printed as an escape.
 */
import fc from "fast-check";
import { printable } from "../../src/cli/terminal";
import { run, tempFolder, writeFile } from "./helpers";
import * as fs from "fs";

describe("printable", () => {
  it.each([
    ["\u001b[2J", "\\x1b[2J"],
    ["a\rb\nc\td", "a\\x0db\\x0ac\\x09d"],
    ["\u009b2K\u007f", "\\x9b2K\\x7f"],
    ["abc\u202edcba\u2066x\u2069", "abc\\u202edcba\\u2066x\\u2069"],
    ["line\u2028separator", "line\\u2028separator"],
    ["Ünïcödé, 東京, 😀", "Ünïcödé, 東京, 😀"],
  ])("shows %j as %j", (text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it("leaves nothing a terminal acts on (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(printable(text)).not.toMatch(
          /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
        );
      }),
    );
  });
});

describe("the summary and the error line", () => {
  let folder: string;
  beforeEach(() => {
    folder = tempFolder("compstudy-terminal-");
    writeFile(folder, "plans.csv", "Plan,Grade,Step 1,Step 2\nBASE,B1,10,11\n");
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("escapes control characters from the roster's headers and cells", async () => {
    writeFile(folder, "roster.csv", "Employee ID,Plan,Grade,Salary,Title\u001b[2J\nE1,BASE,B1\u001b[1A,10.5,x\n");
    const result = await run(
      [
        ...["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01"],
        ...["--map", "Job Title=Title\u001b[2J"],
      ],
      folder,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/\u001b/);
    expect(result.stdout).toContain("Job Title ← 'Title\\x1b[2J'");
  });

  it("escapes them in a one-line refusal too", async () => {
    writeFile(folder, "roster\u001b[2J.csv", "");
    const result = await run(
      ["exhibits", "--plans", "plans.csv", "--roster", "roster\u001b[2J.csv", "--as-of", "2013-04-01"],
      folder,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("compstudy: roster\\x1b[2J.csv: the file is empty\n");
  });
});
