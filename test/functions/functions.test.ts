import fc from "fast-check";
import * as COMP from "../../src/functions/functions";
import {
  APPROVAL_LEVEL,
  COMPA_RATIO,
  CREDITABLE_YEAR,
  DAILY_RATE,
  EXPERIENCE_SALARY,
  LANEPAY,
  MIDPOINT,
  OVERTIME_PAY,
  PAYSTEP,
  PERIOD_PAY,
  PROMOTION_SALARY,
  QUARTILE_PLACE,
  RANGE_PENETRATION,
  RANGE_SPREAD,
  STEP_FOR_YEARS,
  STEP_PROGRESSION,
} from "../../src/functions/functions";
import {
  ErrorCode,
  StubExcelError,
  excelError,
  installCustomFunctionsStub,
  removeCustomFunctionsStub,
  NA,
  NUM,
  VALUE,
} from "./custom-functions-stub";

// The wrappers as Excel calls them: every argument a 2-D array (a single value is 1 × 1),
// omitted optional arguments as null, errors returned inside the result array.

beforeAll(installCustomFunctionsStub);
afterAll(removeCustomFunctionsStub);

const PLAN = [
  ["Grade", "Step 1", "Step 2", "Step 3"],
  ["B1-5", "$ 12.12", "$ 12.50", "$ 12.88"],
  ["B1-6", 12.68, 13.09, 13.5],
  ["TE1", "33,669", "34,952", ""],
];

describe("scalar calls: 1 × 1 in, 1 × 1 out, omitted arguments as null", () => {
  it.each<[string, () => unknown[][], unknown]>([
    ["PAYSTEP", () => PAYSTEP(PLAN, [["B1-5"]], [[2]]), 12.5],
    ["MIDPOINT", () => MIDPOINT([[40000]], [[80000]]), 60000],
    ["RANGE_SPREAD", () => RANGE_SPREAD([[40000]], [[80000]]), 1],
    ["QUARTILE_PLACE", () => QUARTILE_PLACE([[65000]], [[40000]], [[80000]], null as never), 3],
    ["COMPA_RATIO", () => COMPA_RATIO([[54000]], [[40000]], [[80000]]), 0.9],
    ["RANGE_PENETRATION", () => RANGE_PENETRATION([[50000]], [[40000]], [[80000]]), 0.25],
    ["STEP_FOR_YEARS", () => STEP_FOR_YEARS([[0]], null as never, null as never, null as never, null as never), 1],
    // 0 years = the first step: 7 years is step 8 of a table from step 1, step 7 of one labelled by years from 0.
    ["STEP_FOR_YEARS", () => STEP_FOR_YEARS([[7]], [[1]], [[31]], [[0]], [[10]]), 8],
    ["STEP_FOR_YEARS", () => STEP_FOR_YEARS([[7]], [[0]], [[31]], null as never, null as never), 7],
    ["EXPERIENCE_SALARY", () => EXPERIENCE_SALARY([[52000]], [[78000]], [[6]], null as never, null as never), 59800],
    [
      "PROMOTION_SALARY",
      () => PROMOTION_SALARY([[61250]], [[64000]], [[96000]], [[0.08]], [[5]], null as never, null as never),
      72000,
    ],
    ["APPROVAL_LEVEL", () => APPROVAL_LEVEL([[80000]], [[60000]], [[90000]], [[27]], null as never), "CHRO"],
    [
      "APPROVAL_LEVEL",
      () => APPROVAL_LEVEL([[80000]], [[60000]], [[90000]], [["T9"]], null as never),
      "Compensation Committee",
    ],
    ["OVERTIME_PAY", () => OVERTIME_PAY([[20]], [[45]], null as never, null as never), 950],
    ["CREDITABLE_YEAR", () => CREDITABLE_YEAR([[120]], [[0.5]]), false],
    ["CREDITABLE_YEAR", () => CREDITABLE_YEAR([[90]], null as never), true],
    ["DAILY_RATE", () => DAILY_RATE([[59100]], [[197]]), 300],
    ["PERIOD_PAY", () => PERIOD_PAY([[52000]], null as never), 2000],
    ["STEP_PROGRESSION", () => STEP_PROGRESSION([[100, 110, 121]], null as never), expect.closeTo(0.1, 12)],
  ])("%s", (_name, call, expected) => {
    expect(call()).toEqual([[expected]]);
  });

  it("treats a blank single cell for an optional argument as omitted", () => {
    expect(OVERTIME_PAY([[20]], [[45]], [[null]], [[""]])).toEqual([[950]]);
  });

  it("also accepts bare values (CLI and bench callers)", () => {
    expect(MIDPOINT(10 as never, 20 as never)).toEqual([[15]]);
  });
});

describe("ranges in, spill out", () => {
  it("computes element-wise over a column with scalars broadcast", () => {
    expect(QUARTILE_PLACE([[40000], [55000], [65000], [79000]], [[40000]], [[80000]], null as never)).toEqual([
      [1],
      [2],
      [3],
      [4],
    ]);
  });

  it("pairs columns row by row", () => {
    expect(MIDPOINT([[10], [20]], [[30], [40]])).toEqual([[20], [30]]);
  });

  it("crosses a column with a row into a table", () => {
    expect(PERIOD_PAY([[52000], [26000]], [[26, 52]])).toEqual([
      [2000, 1000],
      [1000, 500],
    ]);
  });

  it("gives #N/A where a range is smaller than the others", () => {
    expect(MIDPOINT([[10], [20], [30]], [[30], [40]])).toEqual([
      [20],
      [30],
      [NA("max is smaller than the other ranges")],
    ]);
  });

  it("gives #NUM! for a result Excel cannot hold (overflow)", () => {
    expect(DAILY_RATE([[1]], [[5e-324]])).toEqual([[NUM]]);
  });

  it("puts errors in the cells they belong to", () => {
    expect(RANGE_SPREAD([[100], [0], ["abc"], [200]], [[150], [10], [10], [100]])).toEqual([
      [0.5],
      [NUM],
      [VALUE("min must be a number, got 'abc'")],
      [NUM],
    ]);
  });

  it("propagates an Excel error handed over in a cell", () => {
    const divZero = excelError(ErrorCode.divisionByZero);
    const result = COMPA_RATIO([[54000], [divZero]], [[40000]], [[80000]]);
    expect(result[0]).toEqual([0.9]);
    expect(result[1][0]).toBe(divZero);
  });

  it("keeps blank rows blank and names a blank required argument otherwise", () => {
    expect(COMPA_RATIO([[54000], [null], [""]], [[40000], [null], [40000]], [[80000], [null], [80000]])).toEqual([
      [0.9],
      [""],
      [VALUE("salary is blank")],
    ]);
  });

  it("reads numeric text and rejects other text and booleans", () => {
    expect(DAILY_RATE([["$ 59,100"], ["n/a"], [true]], [[197]])).toEqual([
      [300],
      [VALUE("annual must be a number, got 'n/a'")],
      [VALUE("annual must be a number, got TRUE")],
    ]);
  });

  it("reads strict as TRUE/FALSE, text or a number, and rejects anything else", () => {
    expect(QUARTILE_PLACE([[30000]], [[40000]], [[80000]], [[true], ["false"], [1], ["yes"]])).toEqual([
      [0],
      [1],
      [0],
      [VALUE("strict must be TRUE or FALSE, got 'yes'")],
    ]);
  });

  it("spills large columns with the right value in every row", () => {
    const salaries = Array.from({ length: 10000 }, (_, i) => [40000 + (i % 400) * 100]);
    const result = QUARTILE_PLACE(salaries, [[40000]], [[80000]], null as never);
    expect(result).toHaveLength(10000);
    result.forEach(([quartile], i) => expect(quartile).toBe(1 + Math.min(3, Math.floor((i % 400) / 100))));
  });
});

describe("one call over a column = one call per row", () => {
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 30000, max: 95000 }) },
    { weight: 1, arbitrary: fc.constantFrom("", null, "abc", "$ 45,000", true, -5, 0) },
    { weight: 1, arbitrary: fc.constant("error") },
  );
  const na = excelError(ErrorCode.notAvailable);
  const column = fc
    .array(cell, { minLength: 60, maxLength: 150 })
    .map((cells) => cells.map((value) => [value === "error" ? na : value]));

  it("QUARTILE_PLACE and PROMOTION_SALARY give the same cells in bulk as one by one (property)", () => {
    fc.assert(
      fc.property(column, column, (salaries, mins) => {
        const bulk = QUARTILE_PLACE(salaries, [[40000]], [[90000]], [[true]]);
        const promoted = PROMOTION_SALARY(
          salaries,
          mins.slice(0, 1),
          [[99000]],
          [[0.05]],
          salaries,
          null as never,
          null as never,
        );
        return salaries.every(
          (row, i) =>
            JSON.stringify(bulk[i]) === JSON.stringify(QUARTILE_PLACE([row], [[40000]], [[90000]], [[true]])[0]) &&
            JSON.stringify(promoted[i]) ===
              JSON.stringify(
                PROMOTION_SALARY([row], mins.slice(0, 1), [[99000]], [[0.05]], [row], null as never, null as never)[0],
              ),
        );
      }),
      { numRuns: 100 },
    );
  });
  it("PAYSTEP gives the same cells in bulk as one by one (property)", () => {
    const grade = fc.constantFrom<unknown>("B1-5", " b1-6", "TE1", "X", "", null, true, 5, na);
    const step = fc.constantFrom<unknown>(1, 2, 3, 4, 0, 2.5, "2", "two", "", null, na);
    const pairs = fc.array(fc.tuple(grade, step), { minLength: 64, maxLength: 120 });
    fc.assert(
      fc.property(pairs, (list) => {
        const bulk = PAYSTEP(
          PLAN,
          list.map(([g]) => [g]),
          list.map(([, s]) => [s]),
        );
        return list.every(([g, s], i) => JSON.stringify(bulk[i]) === JSON.stringify(PAYSTEP(PLAN, [[g]], [[s]])[0]));
      }),
      { numRuns: 100 },
    );
  });
});

describe("min_or_row: a pay row when max is omitted", () => {
  it("uses the first and last numbers of a one-row range", () => {
    expect(RANGE_SPREAD([["B1-5", "$ 12.12", 12.5, "", "15.91", null]], null as never)).toEqual([
      [expect.closeTo(0.3127, 4)],
    ]);
    expect(MIDPOINT([[40000, 50000, 80000]], null as never)).toEqual([[60000]]);
  });

  it("gives one result per row of a pay block", () => {
    expect(
      MIDPOINT(
        [
          [10, 20, 30],
          [100, "", 300],
          ["x", 5, null],
        ],
        null as never,
      ),
    ).toEqual([[20], [200], [5]]);
  });

  it("broadcasts a grade row against a column of salaries", () => {
    expect(QUARTILE_PLACE([[40000], [70000]], [[40000, 60000, 80000]], null as never, null as never)).toEqual([
      [1],
      [4],
    ]);
    expect(COMPA_RATIO([[54000]], [[40000, 80000]], [[null]])).toEqual([[0.9]]);
    expect(RANGE_PENETRATION([[50000]], [[40000, 60000, 80000]], null as never)).toEqual([[0.25]]);
  });

  it("asks for max when min_or_row is a single column", () => {
    const missing = VALUE("max is missing: give max, or a pay row (two or more cells) as min_or_row");
    expect(MIDPOINT([[10], [20]], null as never)).toEqual([[missing], [missing]]);
  });

  it("reports a row without numbers, and propagates an error in the row", () => {
    const na = excelError(ErrorCode.notAvailable);
    const result = MIDPOINT(
      [
        ["a", "b"],
        [1, na],
      ],
      null as never,
    );
    expect(result[0]).toEqual([VALUE("The pay row has no numbers")]);
    expect(result[1][0]).toBe(na);
  });
});

describe("STEP_PROGRESSION", () => {
  it("defaults to geometric and takes arithmetic", () => {
    const [[geometric]] = STEP_PROGRESSION([[100, 110, 132]], null as never) as number[][];
    const [[arithmetic]] = STEP_PROGRESSION([[100, 110, 132]], [["Arithmetic"]]) as number[][];
    expect(geometric).toBeCloseTo(Math.sqrt(1.32) - 1, 12);
    expect(arithmetic).toBeCloseTo(0.15, 12);
  });

  it.each<[unknown[][], unknown[][] | null, unknown]>([
    [[[100]], null, VALUE("A step progression needs at least two steps, got 1")],
    [[[100, 110]], [["mean"]], VALUE("Method must be 'geometric' or 'arithmetic', got 'mean'")],
    [[[0, 110]], null, NUM],
  ])("errors: %p with method %p", (row, method, error) => {
    expect(STEP_PROGRESSION(row, method as never)).toEqual([[error]]);
  });
});

describe("PAYSTEP and LANEPAY", () => {
  it("looks up a column of grades and steps with per-cell errors", () => {
    expect(PAYSTEP(PLAN, [["b1-6"], ["X"], ["TE1"], ["B1-5"], ["B1-5"]], [[3], [1], [3], [0], [1.5]])).toEqual([
      [13.5],
      [NA("Grade 'X' is not in the schedule")],
      [34952], // past the last filled step: the top step
      [NUM],
      [NUM],
    ]);
  });

  it("returns one #VALUE! naming the cell when the schedule is broken", () => {
    const broken = PLAN.map((row) => [...row]);
    broken[2][2] = "abc";
    expect(PAYSTEP(broken, [["B1-5"], ["B1-6"]], [[1]])).toEqual([
      [VALUE("Row 3, column 3 ('Step 2') is not a number: 'abc'")],
    ]);
  });

  it("propagates an Excel error inside the schedule", () => {
    const ref = excelError(ErrorCode.invalidReference);
    const withError = PLAN.map((row) => [...row]) as unknown[][];
    withError[1][1] = ref;
    const [[result]] = PAYSTEP(withError, [["B1-5"]], [[1]]);
    expect(result).toBe(ref);
    // … and is not cached: the same content without the error reads normally.
    expect(PAYSTEP(PLAN, [["B1-5"]], [[1]])).toEqual([[12.12]]);
  });

  it("rejects a blank grade and a text step", () => {
    expect(PAYSTEP(PLAN, [["B1-5"], ["B1-5"], [""]], [["two"], [""], [2]])).toEqual([
      [VALUE("step must be a number, got 'two'")],
      [VALUE("step is blank")],
      [VALUE("grade is blank")],
    ]);
  });

  const LANES = [
    ["Step", "BA", "MA"],
    [1, 35509, 38891],
    [2, 37200, 40582],
  ];

  it("looks up lanes by name or number, with per-cell errors", () => {
    expect(LANEPAY(LANES, [[1], [2], [9], [0]], [["MA"], [1], ["ba"], ["BA"]])).toEqual([
      [38891],
      [37200],
      [37200],
      [NUM],
    ]);
    expect(LANEPAY(LANES, [[1], [1]], [["PhD"], [3]])).toEqual([
      [NA("Lane 'PhD' is not in the schedule")],
      [NA("Lane 3 is not in the schedule (it has 2 lanes)")],
    ]);
  });
});

describe("error mapping", () => {
  it("maps each engine error kind to its Excel error: #VALUE! and #N/A with a message, #NUM! without", () => {
    const [[value]] = APPROVAL_LEVEL([[80000]], [[60000]], [[90000]], [["Senior"]], null as never);
    const [[na]] = PAYSTEP(PLAN, [["X"]], [[1]]);
    const [[num]] = APPROVAL_LEVEL([[95000]], [[60000]], [[90000]], [[27]], null as never);
    expect(value).toEqual(VALUE("The grade must be a number or a technology grade such as 'T8', got 'Senior'"));
    expect(na).toEqual(NA("Grade 'X' is not in the schedule"));
    expect(num).toEqual(NUM);
    expect((num as StubExcelError).message).toBeUndefined();
  });

  it("never returns #NAME? or #REF! of its own, whatever the arguments (property)", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer({ min: -10, max: 100 }),
      fc.string({ maxLength: 6 }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("T8", "geometric", "arithmetic", "$ 1,200", "B1-5"),
    );
    const arg = fc.oneof(
      cell.map((value) => [[value]]),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    );
    const allowed = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable, ErrorCode.invalidNumber]);
    const functions = Object.entries(COMP).filter(
      ([name, value]) => /^[A-Z_]+$/.test(name) && typeof value === "function",
    );
    expect(functions).toHaveLength(16);
    fc.assert(
      fc.property(fc.constantFrom(...functions), fc.array(arg, { minLength: 7, maxLength: 7 }), ([, fn], args) => {
        const result = (fn as (...a: unknown[]) => unknown[][])(...args);
        return result.every((row) =>
          row.every((value) =>
            value instanceof StubExcelError
              ? allowed.has(value.code as never) &&
                (value.code !== ErrorCode.invalidNumber || value.message === undefined)
              : ["number", "string", "boolean"].includes(typeof value) &&
                (typeof value !== "number" || Number.isFinite(value)),
          ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("says so when the CustomFunctions runtime is missing", () => {
    removeCustomFunctionsStub();
    try {
      expect(() => PAYSTEP(PLAN, [["X"]], [[1]])).toThrow("The CustomFunctions runtime is not loaded");
    } finally {
      installCustomFunctionsStub();
    }
  });
});
