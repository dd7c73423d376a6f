import fc from "fast-check";
import { CellValue } from "../../src/engine/cells";
import { EngineError } from "../../src/engine/errors";
import {
  ScheduleCache,
  gradeScheduleOf,
  lanePay,
  laneScheduleOf,
  parseGradeSchedule,
  parseLaneSchedule,
  payStep,
} from "../../src/engine/schedule";
import { failure } from "./helpers";

const PLAN: CellValue[][] = [
  ["Grade", "Step 1", "Step 2", "Step 3", "Step 4"],
  ["B1-5", 12.12, 12.5, 12.88, 13.26],
  ["B1-6", "$ 12.68", "13.09", " 13.50 ", "13.91"],
  ["TE2", "42,167", "43,449", "", ""],
];

describe("parseGradeSchedule", () => {
  it("reads grades × steps under a header row, numeric text included", () => {
    const schedule = parseGradeSchedule(PLAN);
    expect(schedule.firstStep).toBe(1);
    expect(schedule.stepLabels).toEqual(["Step 1", "Step 2", "Step 3", "Step 4"]);
    expect(schedule.grades.map((g) => [g.grade, g.row, g.steps])).toEqual([
      ["B1-5", 2, [12.12, 12.5, 12.88, 13.26]],
      ["B1-6", 3, [12.68, 13.09, 13.5, 13.91]],
      ["TE2", 4, [42167, 43449]], // the row ends at its last filled step
    ]);
  });

  it("reads a schedule without a header row (steps 1..N)", () => {
    const schedule = parseGradeSchedule(PLAN.slice(1));
    expect(schedule.firstStep).toBe(1);
    expect(payStep(schedule, "b1-6", 4)).toBe(13.91);
  });

  it("lets numeric headers name the steps (0, 1, 2 …)", () => {
    const schedule = parseGradeSchedule([
      ["", 0, 1, 2],
      ["A", 100, 110, 120],
    ]);
    expect(schedule.firstStep).toBe(0);
    expect(payStep(schedule, "A", 0)).toBe(100);
    expect(payStep(schedule, "A", 2)).toBe(120);
    expect(failure(() => payStep(schedule, "A", -1))).toEqual({
      kind: "out of range",
      message: "Step -1 is below the first step (0)",
    });
  });

  it("detects a header of step numbers even when its first cell is a label", () => {
    const schedule = parseGradeSchedule([
      ["Grade", 1, 2, 3],
      ["A", 100, 110, 120],
    ]);
    expect(schedule.grades).toHaveLength(1);
  });

  it("ignores columns after the numbered steps (published figures beside the table)", () => {
    const schedule = parseGradeSchedule([
      ["Grade", "Step 1", "Step 2", "Range Spread %", "Employees"],
      ["A", 100, 110, 10, 22],
    ]);
    expect(schedule.grades[0].steps).toEqual([100, 110]);
  });

  it("skips blank rows and reports rows by their place in the block", () => {
    const schedule = parseGradeSchedule([["Grade", "Step 1"], [null, ""], ["A", 5], [], ["B", 6]]);
    expect(schedule.grades.map((g) => g.row)).toEqual([3, 5]);
  });

  it("matches numeric grade keys", () => {
    const schedule = parseGradeSchedule([
      [5, 100, 200],
      [6, 150, 250],
    ]);
    expect(payStep(schedule, "5", 2)).toBe(200);
    expect(payStep(schedule, 6, 1)).toBe(150);
  });

  it.each<[string, CellValue[][], string]>([
    [
      "a pay cell that is not a number, naming the cell",
      [
        ["Grade", "Step 1", "Step 2", "Step 3", "Step 4"],
        ["A", 1, 2, 3, 4],
        ["B", 1, 2, 3, "abc"],
      ],
      "Row 3, column 5 ('Step 4') is not a number: 'abc'",
    ],
    [
      "a pay cell without a header, named by position",
      [["A", 1, true]],
      "Row 1, column 3 ('Step 2') is not a number: TRUE",
    ],
    ["a negative pay cell", [["A", 1, -2]], "Row 1, column 3 ('Step 2') cannot be negative: -2"],
    [
      "a blank between filled steps",
      [["A", 1, "", 3]],
      "Row 1, column 3 ('Step 2') is blank but a later step of grade 'A' is filled",
    ],
    [
      "a grade twice",
      [
        ["A", 1],
        [" a ", 2],
      ],
      "Grade 'a' appears twice (rows 1 and 2)",
    ],
    [
      "steps without a grade",
      [
        ["Grade", "Step 1"],
        ["", 5],
      ],
      "Row 2 has pay steps but no grade in column 1",
    ],
    ["a grade without steps", [["A", 1], ["B"]], "Row 2 (grade 'B') has no pay steps"],
    ["an empty block", [[null], [""]], "The schedule is empty"],
    ["a header and no grades", [["Grade", "Step 1"]], "The schedule has a header row but no grades"],
    ["a single column", [["A"], ["B"]], "The schedule needs grades in the first column and at least one step column"],
    [
      "a header that breaks the step sequence",
      [
        ["Grade", "Step 1", "Step 2", "Step 4"],
        ["A", 1, 2, 3],
      ],
      "Row 1, column 4 ('Step 4') breaks the step sequence: expected step 3",
    ],
  ])("rejects %s", (_case, block, message) => {
    expect(failure(() => parseGradeSchedule(block))).toEqual({ kind: "invalid argument", message });
  });

  it("rejects something that is not a range", () => {
    expect(failure(() => parseGradeSchedule(42 as unknown as CellValue[][]))).toEqual({
      kind: "invalid argument",
      message: "The schedule must be a range of cells",
    });
  });
});

describe("payStep", () => {
  const schedule = parseGradeSchedule(PLAN);

  it.each([
    ["B1-5", 1, 12.12],
    ["  b1-5 ", 3, 12.88], // trimmed, case-insensitive
    ["B1-5", 4, 13.26],
    ["B1-5", 9, 13.26], // past the last step: the top step
    ["TE2", 3, 43449], // past the last filled step of a shorter row
  ])("grade %p, step %p → %p", (grade, step, pay) => {
    expect(payStep(schedule, grade, step)).toBe(pay);
  });

  it.each<[CellValue, number, string, string]>([
    ["X", 1, "not found", "Grade 'X' is not in the schedule"],
    ["", 1, "invalid argument", "The grade is blank"],
    ["B1-5", 0, "out of range", "Step 0 is below the first step (1)"],
    ["B1-5", 2.5, "out of range", "The step must be a whole number, got 2.5"],
    ["B1-5", NaN, "invalid argument", "The step must be a number"],
  ])("grade %p, step %p → %s", (grade, step, kind, message) => {
    expect(failure(() => payStep(schedule, grade, step))).toEqual({ kind, message });
  });
});

const LANES: CellValue[][] = [
  ["Step", "BA", "MA", "PhD"],
  [1, 35509, 38891, ""],
  [2, 37200, "40,582", 43964],
  [5, 41935, 45655, 49037],
];

describe("parseLaneSchedule and lanePay", () => {
  const schedule = parseLaneSchedule(LANES);

  it("reads steps × lanes under a header row of lane names", () => {
    expect(schedule.lanes).toEqual(["BA", "MA", "PhD"]);
    expect(schedule.steps).toEqual([1, 2, 5]);
  });

  it.each<[number, CellValue, number]>([
    [1, "BA", 35509],
    [2, " ma ", 40582], // lane by header text, trimmed, case-insensitive
    [2, 3, 43964], // lane by 1-based index
    [2, "2", 40582],
    [4, "BA", 37200], // between listed steps: the step below
    [5, "PhD", 49037],
    [31, "PhD", 49037], // past the last row: the last row
  ])("step %p, lane %p → %p", (step, lane, pay) => {
    expect(lanePay(schedule, step, lane)).toBe(pay);
  });

  it.each<[number, CellValue, string, string]>([
    [1, "EdD", "not found", "Lane 'EdD' is not in the schedule"],
    [1, 4, "not found", "Lane 4 is not in the schedule (it has 3 lanes)"],
    [1, 0, "not found", "Lane 0 is not in the schedule (it has 3 lanes)"],
    [1, "PhD", "not found", "Lane 'PhD' has no pay at step 1"],
    [0, "BA", "out of range", "Step 0 is below the first step (1)"],
    [1.5, "BA", "out of range", "The step must be a whole number, got 1.5"],
    [1, "", "invalid argument", "The lane is blank"],
    [1, true, "invalid argument", "The lane must be a lane name or number, got TRUE"],
  ])("step %p, lane %p → %s", (step, lane, kind, message) => {
    expect(failure(() => lanePay(schedule, step, lane))).toEqual({ kind, message });
  });

  it("reads a schedule without a header (lanes by number)", () => {
    const bare = parseLaneSchedule([
      [1, 100, 200],
      [2, 110, 220],
    ]);
    expect(bare.lanes).toEqual(["Lane 1", "Lane 2"]);
    expect(lanePay(bare, 2, 2)).toBe(220);
  });

  it.each<[string, CellValue[][], string]>([
    [
      "steps that do not increase",
      [
        ["Step", "BA"],
        [2, 1],
        [2, 2],
      ],
      "Row 3, column 1: step 2 does not follow step 2 (steps must increase)",
    ],
    [
      "a step that is not whole",
      [
        ["Step", "BA"],
        [1.5, 1],
      ],
      "Row 2, column 1: the step must be a whole number, got 1.5",
    ],
    [
      "pay without a step",
      [
        ["Step", "BA"],
        ["", 1],
      ],
      "Row 2 has pay but no step number in column 1",
    ],
    [
      "a lane twice",
      [
        ["Step", "BA", "ba"],
        [1, 1, 2],
      ],
      "Lane 'ba' appears twice in the header row",
    ],
    [
      "a pay cell that is not a number",
      [
        ["Step", "BA"],
        [1, "n/a"],
      ],
      "Row 2, column 2 ('BA') is not a number: 'n/a'",
    ],
    ["a header and no steps", [["Step", "BA"]], "The schedule has a header row but no steps"],
  ])("rejects %s", (_case, block, message) => {
    expect(failure(() => parseLaneSchedule(block))).toEqual({ kind: "invalid argument", message });
  });
});

describe("the content-keyed schedule cache", () => {
  it("parses equal content once, whatever array holds it", () => {
    const copy = PLAN.map((row) => [...row]);
    expect(gradeScheduleOf(copy)).toBe(gradeScheduleOf(PLAN));
    expect(laneScheduleOf(LANES.map((row) => [...row]))).toBe(laneScheduleOf(LANES));
  });

  it("parses again when any cell differs", () => {
    const changed = PLAN.map((row) => [...row]);
    changed[2][3] = 99;
    expect(payStep(gradeScheduleOf(changed), "B1-6", 3)).toBe(99);
    expect(payStep(gradeScheduleOf(PLAN), "B1-6", 3)).toBe(13.5);
  });

  it("parses again when a row of a block already seen is replaced", () => {
    const block = PLAN.map((row) => [...row]);
    expect(payStep(gradeScheduleOf(block), "B1-5", 1)).toBe(12.12);
    block[1] = ["B1-5", 20, 21, 22, 23];
    expect(payStep(gradeScheduleOf(block), "B1-5", 1)).toBe(20);
  });

  it("caches a parse error and throws it again", () => {
    let parses = 0;
    const cache = new ScheduleCache((block) => {
      parses++;
      return parseGradeSchedule(block);
    });
    const broken = [
      ["Grade", "Step 1"],
      ["A", "abc"],
    ];
    expect(() => cache.get(broken)).toThrow("Row 2, column 2 ('Step 1') is not a number: 'abc'");
    expect(() => cache.get(broken.map((row) => [...row]))).toThrow(EngineError);
    expect(parses).toBe(1);
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    let parses = 0;
    const cache = new ScheduleCache((block) => {
      parses++;
      return parseGradeSchedule(block);
    }, 2);
    const blocks = [1, 2, 3].map((n) => [["A", n]]);
    cache.get(blocks[0]);
    cache.get(blocks[1]);
    cache.get([["A", 1]]); // a copy of the first: a hit, now the most recent
    cache.get(blocks[2]); // evicts the second
    expect(cache.size).toBe(2);
    expect(parses).toBe(3);
    cache.get([["A", 1]]);
    expect(parses).toBe(3);
    cache.get([["A", 2]]);
    expect(parses).toBe(4);
  });
});

// Property tests: whatever a sheet holds, the parser and lookups give a value or a typed error.
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: 0, max: 100000 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("$ 12.12", "42,167", "Step 1", "Grade", "", " ", "(1,200)"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const block = fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 6 });

function settles(action: () => unknown): boolean {
  try {
    const value = action();
    return typeof value === "number" ? Number.isFinite(value) : value !== undefined;
  } catch (error) {
    return error instanceof EngineError;
  }
}

describe("schedule properties", () => {
  it("never crashes on any block: a schedule or a typed EngineError", () => {
    fc.assert(
      fc.property(
        block,
        (cells) => settles(() => parseGradeSchedule(cells)) && settles(() => parseLaneSchedule(cells)),
      ),
    );
  });

  it("looks up any grade and step as a finite number or a typed EngineError", () => {
    fc.assert(
      fc.property(block, cellValue, fc.double(), (cells, grade, step) => {
        let schedule;
        try {
          schedule = parseGradeSchedule(cells);
        } catch (error) {
          return error instanceof EngineError;
        }
        return (
          settles(() => payStep(schedule, grade, step)) &&
          settles(() => lanePay(parseLaneScheduleOr(cells), step, grade))
        );
      }),
    );
  });

  it("returns every cell of any numeric grades × steps table", () => {
    const table = fc.array(
      fc.array(
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
        { minLength: 2, maxLength: 6 },
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(table, (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const cells: CellValue[][] = rows.map((r, i) => [`G${i}`, ...r]);
        const schedule = parseGradeSchedule(cells);
        return rows.every((r, i) =>
          Array.from({ length: width + 2 }, (_, s) => s + 1).every(
            (step) => payStep(schedule, `g${i}`, step) === r[Math.min(step, r.length) - 1],
          ),
        );
      }),
    );
  });
});

function parseLaneScheduleOr(cells: CellValue[][]) {
  try {
    return parseLaneSchedule(cells);
  } catch {
    return parseLaneSchedule([
      ["Step", "BA"],
      [1, 1],
    ]);
  }
}
