/** COMP.PAY_GAP as Excel calls it: 2-D ranges in, omitted optionals as null, a spilled table out. */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { PAY_GAP } from "../../src/functions/equity";
import { fitPayGap } from "../../src/engine/paygap";
import {
  ErrorCode,
  StubExcelError,
  excelError,
  installCustomFunctionsStub,
  removeCustomFunctionsStub,
} from "./custom-functions-stub";

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

const column = (values: unknown[]) => values.map((value) => [value]);

// Two grades; men and women in both; X has 2 employees (a small group).
const pay = [50000, 52000, 54000, 61000, 63000, 48000, 49000, 50500, 60000, 58500, 55000, 51000, "", ""];
const group = ["M", "M", "m", "M", "M", "F", "F", "F", "F", "F", "X", "X", "", ""];
const grade = ["A1", "A1", "A1", "A2", "A2", "A1", "A1", "A1", "A2", "A2", "A1", "A2", "", ""];
const tenure = [3, 8, 12, 5, 20, 2, 9, 14, 4, 18, 6, 7, "", ""];

describe("COMP.PAY_GAP", () => {
  it("spills one row per group, the reference first: group, employees, adjusted gap, CI low, CI high", () => {
    const result = PAY_GAP(column(pay), column(group), [["M"]], column(grade), column(tenure));
    // The same model as the exhibit, on the 10 employees of the two large groups.
    const fit = fitPayGap({
      pay: pay.slice(0, 10) as number[],
      group: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
      groups: ["M", "F"],
      reference: 0,
      level: [1, 1, 1, 2, 2, 1, 1, 1, 2, 2],
      tenure: tenure.slice(0, 10) as number[],
      minimum: 5,
    });
    const women = fit.groups[1];
    expect(result).toEqual([
      // X (2) is small; 12 − 5 − 5 would give it away, so M's count (the first of two fives) is
      // hidden too, with its own mark: it counts 5, never "<5".
      ["M", "hidden", 0, "", ""],
      ["F", 5, women.gap, women.low, women.high],
      ["X", "<5", "<5", "<5", "<5"],
    ]);
    expect(women.gap as number).toBeLessThan(0);
  });

  it("matches the reference as people write it, and works without grade and tenure", () => {
    const result = PAY_GAP(column(pay), column(group), [[" m "]], null as never, null as never);
    expect(result.map((row) => row.slice(0, 2))).toEqual([
      ["M", "hidden"],
      ["F", 5],
      ["X", "<5"],
    ]);
    expect(typeof result[1][2]).toBe("number");
  });

  it("without grade and tenure is the ratio of geometric means − 1 (one grade)", () => {
    const men = [50000, 52000, 54000, 51000, 53000];
    const women = [48000, 49000, 50500, 47000, 51000];
    const gm = (values: number[]) => Math.exp(values.reduce((a, v) => a + Math.log(v), 0) / values.length);
    const result = PAY_GAP(
      column([...men, ...women]),
      column([...men.map(() => "Men"), ...women.map(() => "Women")]),
      [["Men"]],
      null as never,
      null as never,
    );
    expect(result[1][2] as number).toBeCloseTo(gm(women) / gm(men) - 1, 12);
  });

  it.each<[string, () => unknown[][], unknown]>([
    [
      "an unknown reference group",
      () => PAY_GAP(column(pay), column(group), [["Q"]], null as never, null as never),
      excelError(ErrorCode.notAvailable, "reference_group 'Q' is not among the groups (M, F, X)"),
    ],
    [
      "ranges of different sizes",
      () => PAY_GAP(column(pay), column(group.slice(1)), [["M"]], null as never, null as never),
      excelError(ErrorCode.notAvailable, "group has 13 cells but pay has 14: give ranges of the same size"),
    ],
    [
      "a pay that is text",
      () => PAY_GAP(column(["abc", ...pay.slice(1)]), column(group), [["M"]], null as never, null as never),
      excelError(ErrorCode.invalidValue, "pay must be a number, got 'abc' (row 1)"),
    ],
    [
      "a pay of zero",
      () => PAY_GAP(column([0, ...pay.slice(1)]), column(group), [["M"]], null as never, null as never),
      excelError(ErrorCode.invalidNumber),
    ],
    [
      "a small reference group",
      () => PAY_GAP(column(pay), column(group), [["X"]], null as never, null as never),
      excelError(ErrorCode.invalidValue, "reference_group 'X' has fewer than 5 employees: choose a larger group"),
    ],
    [
      "an Excel error in a range (propagated)",
      () =>
        PAY_GAP(
          column([excelError(ErrorCode.notAvailable), ...pay.slice(1)]),
          column(group),
          [["M"]],
          null as never,
          null as never,
        ),
      excelError(ErrorCode.notAvailable),
    ],
  ])("answers %s with one error cell", (_name, call, expected) => {
    expect(call()).toEqual([[expected]]);
  });

  it("gives #N/A in the gap cell of a group that shares no grade with the others", () => {
    const result = PAY_GAP(
      column([1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((v) => 40000 + v * 1000)),
      column(["A", "A", "A", "A", "A", "B", "B", "B", "B", "B"]),
      [["A"]],
      column(["G1", "G1", "G1", "G1", "G1", "G2", "G2", "G2", "G2", "G2"]),
      null as never,
    );
    expect(result[1]).toEqual([
      "B",
      5,
      excelError(ErrorCode.notAvailable, "no adjusted gap: the group shares no grade with the others"),
      "",
      "",
    ]);
  });
});

describe("what ships: dist/functions.js", () => {
  const bundle = path.join(__dirname, "..", "..", "dist", "functions.js");
  (fs.existsSync(bundle) ? it : it.skip)("registers PAY_GAP and gives the table the source gives", () => {
    // The bundle registers each function with CustomFunctions.associate (TOOLCHAIN-NOTES 13).
    const functions: Record<string, (...args: unknown[]) => unknown> = {};
    const context = vm.createContext({
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => (functions[id] = fn),
        Error: StubExcelError,
        ErrorCode,
      },
    });
    vm.runInContext(fs.readFileSync(bundle, "utf8"), context);
    const args = [column(pay), column(group), [["M"]], column(grade), column(tenure)];
    expect(JSON.stringify(functions.PAY_GAP(...args))).toBe(
      JSON.stringify(PAY_GAP(...(args as Parameters<typeof PAY_GAP>))),
    );
  });
});
