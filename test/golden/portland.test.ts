import { readFileSync } from "fs";
import { join } from "path";
import { rangeSpread } from "../../src/engine/range";
import { stepProgression } from "../../src/engine/progression";
import { LANEPAY, PAYSTEP, RANGE_SPREAD, STEP_PROGRESSION } from "../../src/functions/functions";
import { installCustomFunctionsStub, removeCustomFunctionsStub } from "../functions/custom-functions-stub";

// Published figures of the Portland 2013 study (test/golden/README.md).

function csv(name: string): string[][] {
  return readFileSync(join(__dirname, name), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

const [planHeader, ...planRows] = csv("portland-2013-pay-plans.csv");
const STEP_COLUMNS = planHeader.filter((name) => /^Step \d+$/.test(name)).length;

type Grade = {
  plan: string;
  grade: string;
  steps: number[];
  progression: number;
  spread: number;
};

const grades: Grade[] = planRows.map((cells) => ({
  plan: cells[0],
  grade: cells[1],
  steps: cells
    .slice(2, 2 + STEP_COLUMNS)
    .filter((cell) => cell !== "")
    .map(Number),
  progression: Number(cells[2 + STEP_COLUMNS]),
  spread: Number(cells[3 + STEP_COLUMNS]),
}));

const toWholePercent = (fraction: number): number => Math.round(fraction * 100);

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

describe("Portland 2013 pay plans: published range spread and average step progression", () => {
  it("covers the three plans of the golden file", () => {
    expect(new Set(grades.map((g) => g.plan))).toEqual(new Set(["BASE", "EDTECH", "PEA"]));
    expect(grades).toHaveLength(43); // 30 BASE, 3 Ed Tech, 10 PEA
  });

  it.each(grades.map((g) => [g.grade, g]))("%s: range spread rounds to the published %", (_name, g) => {
    expect(toWholePercent(rangeSpread(g.steps[0], g.steps[g.steps.length - 1]))).toBe(g.spread);
  });

  it.each(grades.map((g) => [g.grade, g]))(
    "%s: geometric and arithmetic progressions round to the published %",
    (_name, g) => {
      expect(toWholePercent(stepProgression(g.steps, "geometric"))).toBe(g.progression);
      expect(toWholePercent(stepProgression(g.steps, "arithmetic"))).toBe(g.progression);
    },
  );

  it("RANGE_SPREAD over the whole step block spills one published spread per grade", () => {
    const block = planRows.map((cells) => cells.slice(1, 2 + STEP_COLUMNS)); // grade label + steps, blanks kept
    const result = RANGE_SPREAD(block) as number[][];
    expect(result.map(([spread]) => toWholePercent(spread))).toEqual(grades.map((g) => g.spread));
  });

  it.each(["geometric", "arithmetic"])(
    "STEP_PROGRESSION(%s) over the whole step block spills the published column",
    (method) => {
      const block = planRows.map((cells) => cells.slice(2, 2 + STEP_COLUMNS));
      const result = STEP_PROGRESSION(block, [[method]]) as number[][];
      expect(result.map(([value]) => toWholePercent(value))).toEqual(grades.map((g) => g.progression));
    },
  );
});

describe("Portland 2013 pay plans: PAYSTEP returns the table's cells", () => {
  const plans = [...new Set(grades.map((g) => g.plan))];

  it.each(plans)("%s: one array call with a grade column and a step row spills the whole table", (plan) => {
    const rows = grades.filter((g) => g.plan === plan);
    // The schedule as pasted: the header row and the grade + step columns, text as in the CSV.
    const schedule = [
      planHeader.slice(1, 2 + STEP_COLUMNS),
      ...planRows.filter((cells) => cells[0] === plan).map((cells) => cells.slice(1, 2 + STEP_COLUMNS)),
    ];
    const gradeColumn = rows.map((g) => [g.grade]);
    const stepRow = [Array.from({ length: STEP_COLUMNS }, (_, i) => i + 1)];
    const expected = rows.map((g) => stepRow[0].map((step) => g.steps[Math.min(step, g.steps.length) - 1]));
    expect(PAYSTEP(schedule, gradeColumn, stepRow)).toEqual(expected);
  });

  it("freezes the 10-step PEA rows at their top step (step 11 of TE1 = step 10)", () => {
    const schedule = planRows.filter((cells) => cells[0] === "PEA").map((cells) => cells.slice(1, 2 + STEP_COLUMNS));
    expect(PAYSTEP(schedule, [["TE1"]], [[11]])).toEqual([[45213]]);
    expect(PAYSTEP(schedule, [[" te1 "]], [[10]])).toEqual([[45213]]);
  });
});

describe("Portland 2013 PEA experience schedule, 197 days: LANEPAY returns the table's cells", () => {
  const table = csv("portland-2013-pea-experience-197-days.csv");
  const [header, ...body] = table;
  const lanes = header.slice(1);

  it("has steps 1–31 in four lanes", () => {
    expect(body.map((cells) => Number(cells[0]))).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(lanes).toEqual(["Bachelor's", "Master's", "Master's +30", "Doctorate"]);
  });

  it("spills the whole table from a step column and a lane-name row", () => {
    const steps = body.map((cells) => [Number(cells[0])]);
    const expected = body.map((cells) => cells.slice(1).map(Number));
    expect(LANEPAY(table, steps, [lanes])).toEqual(expected);
  });

  it("finds lanes by 1-based number as well", () => {
    const steps = body.map((cells) => [Number(cells[0])]);
    expect(LANEPAY(table, steps, [[1, 2, 3, 4]])).toEqual(body.map((cells) => cells.slice(1).map(Number)));
  });

  it.each([
    [17, "Bachelor's", 57661],
    [20, "Bachelor's", 57661], // frozen for four steps
    [21, "Bachelor's", 57675], // the published oddity: +14 …
    [22, "Bachelor's", 58675], // … then +1,000
    [19, "Master's", 62564],
    [31, "Doctorate", 70004],
    [40, "Doctorate", 70004], // past the last row: the last row
  ])("step %p, %s → %p", (step, lane, pay) => {
    expect(LANEPAY(table, [[step]], [[lane]])).toEqual([[pay]]);
  });
});
