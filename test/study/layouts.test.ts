/**
 * Pay plans and rosters as people lay them out (issue 8, §3, §4, §6): units per grade (a Unit
 * column, a name, the pay's size), plans mixing hourly and annual grades, daily substitutes,
 * unit mixes, range grades (HISD's master pay scale) beside step grades, title rows, plan names
 * filled down, footnotes, duplicate step headers, grade keys as people type them, FTE and the
 * salary basis, headers with format hints, and --map between two hire-date columns. Each test
 * checks what a user sees: the exhibit's cells, the money as shown, the listed reason, the note.
 */
import { parsePayPlans, parseRoster, readRecords } from "../../src/engine/study";
import { parseDate, parseDateCell, dateOrderHint } from "../../src/engine/study/dates";
import type { CellValue } from "../../src/engine/cells";
import { EngineError } from "../../src/engine/errors";
import { formatValue } from "../../src/exhibits/html/format";
import { formatFor, NUMBER_FORMATS } from "../../src/exhibits/layout";
import type { Exhibit, ExhibitId, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

const HEADER = ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"];
const AS_OF = "2024-07-01";

function exhibit(result: StudyResult, id: ExhibitId): Exhibit {
  const found = result.exhibits.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

/** A row of an exhibit as the user reads it: column name → value. */
function rowOf(result: StudyResult, id: ExhibitId, plan: string, grade: string): Record<string, unknown> {
  const found = exhibit(result, id).rows.find((row) => row.values[0] === plan && row.values[1] === grade);
  if (!found) throw new Error(`no row ${plan}/${grade} in ${id}`);
  return Object.fromEntries(exhibit(result, id).columns.map((column, index) => [column.name, found.values[index]]));
}

/** A money cell as the HTML report shows it, and its .xlsx number format. */
function shownMoney(result: StudyResult, id: ExhibitId, plan: string, grade: string, column: string) {
  const ex = exhibit(result, id);
  const at = ex.columns.findIndex((candidate) => candidate.name === column);
  const row = ex.rows.find((candidate) => candidate.values[0] === plan && candidate.values[1] === grade);
  if (!row) throw new Error(`no row ${plan}/${grade}`);
  return { html: formatValue(row.values[at], ex.columns[at], row), xlsx: formatFor(ex.columns[at], row) };
}

function reasons(result: StudyResult): string[] {
  return exhibit(result, "unmatched-employees").rows.map((row) => `${row.values[0]}: ${row.values[3]}`);
}

const person = (id: string, plan: string, grade: string, salary: CellValue, hire = "2015-07-01"): CellValue[] => [
  id,
  plan,
  grade,
  salary,
  hire,
  "Family",
  "Title",
];

describe("units belong to grades", () => {
  it.each<[string, CellValue[][], string, string, "column" | "name" | "pay"]>([
    [
      "a Unit column",
      [
        ["Plan", "Grade", "Unit", "Step 1"],
        ["P", "G", "per hour", 500],
      ],
      "G",
      "hourly",
      "column",
    ],
    [
      "a Unit column (daily)",
      [
        ["Plan", "Grade", "Pay Basis", "Step 1"],
        ["P", "G", "Daily", 80],
      ],
      "G",
      "daily",
      "column",
    ],
    [
      "the grade's name",
      [
        ["Plan", "Grade", "Step 1"],
        // 95 alone would read hourly (under 100): the name says daily.
        ["P", "Sub (per diem)", 95],
      ],
      "Sub (per diem)",
      "daily",
      "name",
    ],
    [
      "the plan's name",
      [
        ["Plan", "Grade", "Step 1"],
        // 105 alone would read daily: the name says hourly.
        ["Classified Hourly", "G", 105],
      ],
      "G",
      "hourly",
      "name",
    ],
    [
      "the pay's size: under 100",
      [
        ["Plan", "Grade", "Step 1", "Step 2"],
        ["P", "G", 15.5, 17.94],
      ],
      "G",
      "hourly",
      "pay",
    ],
    [
      "the pay's size: 115–220",
      [
        ["Plan", "Grade", "Step 1", "Step 2"],
        ["P", "G", 115, 220],
      ],
      "G",
      "daily",
      "pay",
    ],
    [
      "the pay's size: 3,000–6,000",
      [
        ["Plan", "Grade", "Step 1", "Step 2"],
        ["P", "G", 3000, 6000],
      ],
      "G",
      "monthly",
      "pay",
    ],
    [
      "the pay's size: 40,000",
      [
        ["Plan", "Grade", "Step 1"],
        ["P", "G", 40000],
      ],
      "G",
      "annual",
      "pay",
    ],
  ])("comes from %s", (_, table, grade, unit, from) => {
    const found = parsePayPlans(table).plans[0].grades.find((candidate) => candidate.grade === grade);
    expect({ unit: found?.unit, from: found?.unitFrom }).toEqual({ unit, from });
  });

  it("is not taken from a plan name naming two units, nor from a name the pay cannot be in", () => {
    const parsed = parsePayPlans([
      ["Plan", "Grade", "Step 1", "Step 2"],
      ["Non-Rep Hourly & Salaried", "NR1", 48000, 55566],
      ["Non-Rep Hourly & Salaried", "NRH1", 15.5, 17.94],
      ["Hourly Staff", "Coordinator", 52000, 61000],
    ]);
    expect(parsed.plans.flatMap((plan) => plan.grades.map((g) => [g.grade, g.unit, g.unitFrom]))).toEqual([
      ["NR1", "annual", "pay"],
      ["NRH1", "hourly", "pay"],
      ["Coordinator", "annual", "pay"],
    ]);
  });

  it("keeps a Unit column's unit the pay cannot be in, with an audit warning", () => {
    const parsed = parsePayPlans([
      ["Plan", "Grade", "Unit", "Step 1", "Step 2"],
      ["P", "G", "Hourly", 48000, 55566],
    ]);
    expect(parsed.plans[0].grades[0].unit).toBe("hourly");
    expect(parsed.findings).toEqual([
      {
        plan: "P",
        grade: "G",
        step: null,
        severity: "warning",
        message: "Unit 'Hourly' with a top pay of $55,566, which looks annual",
      },
    ]);
  });

  it("is inferred from the pay when the Unit cell names no unit, with an audit error saying so", () => {
    const parsed = parsePayPlans([
      ["Plan", "Grade", "Unit", "Step 1"],
      ["P", "G", "Weekly", 15],
    ]);
    expect(parsed.plans[0].grades[0].unit).toBe("hourly");
    expect(parsed.findings).toContainEqual({
      plan: "P",
      grade: "G",
      step: null,
      severity: "error",
      message: "Unit 'Weekly' is not hourly, daily, monthly or annual; the unit is inferred from the pay",
    });
  });

  describe("a non-represented plan with annual and hourly grades, and daily substitutes", () => {
    const plans: CellValue[][] = [
      ["Plan", "Grade", "Unit", "Step 1", "Step 2", "Step 3", "Step 4"],
      ["Non-Represented", "NR1", "Annual", 48000, 50400, 52920, 55566],
      ["Non-Represented", "NRH1", "Hourly", 15.5, 16.28, 17.09, 17.94],
      ["Non-Represented", "NRH2", null, 19.25, 20.21, 21.22, 22.28],
      ["Substitutes", "SUB", null, 115, 150, 185, 220],
    ];
    const result = studyOf({
      asOf: AS_OF,
      plans,
      roster: [
        HEADER,
        person("A1", "Non-Represented", "NR1", 50400),
        person("H1", "Non-Represented", "NRH1", 15.5),
        person("H2", "Non-Represented", "NRH1", 17.09),
        person("H3", "Non-Represented", "NRH2", 22.28),
        person("S1", "Substitutes", "SUB", 115),
        person("S2", "Substitutes", "SUB", 185),
        person("S3", "Substitutes", "SUB", 220),
      ],
    });

    it("places the hourly employees of the mixed plan and every substitute", () => {
      expect(reasons(result)).toEqual([]);
      expect(result.summary.employees).toBe(7);
      expect(rowOf(result, "grade-placement", "Non-Represented", "NRH1").Employees).toBe(2);
      expect(rowOf(result, "grade-placement", "Substitutes", "SUB").Employees).toBe(3);
    });

    it("shows an hourly grade's money with cents ($15.50, never $16) and an annual grade's in dollars", () => {
      expect(shownMoney(result, "pay-plan-summary", "Non-Represented", "NRH1", "Minimum")).toEqual({
        html: "$15.50",
        xlsx: NUMBER_FORMATS.cents,
      });
      // Midpoint (15.50 + 17.94) / 2 = 16.72.
      expect(shownMoney(result, "pay-plan-summary", "Non-Represented", "NRH1", "Midpoint").html).toBe("$16.72");
      expect(shownMoney(result, "pay-plan-summary", "Non-Represented", "NR1", "Minimum")).toEqual({
        html: "$48,000",
        xlsx: NUMBER_FORMATS.dollars,
      });
      // Daily rates carry cents too: (115 + 220) / 2 = 167.50.
      expect(shownMoney(result, "pay-plan-summary", "Substitutes", "SUB", "Midpoint").html).toBe("$167.50");
    });

    it("leaves the mixed plan's total row without one unit, and the plan keeps its grades' units", () => {
      const parsed = parsePayPlans(plans);
      expect(parsed.plans.map((plan) => [plan.name, plan.unit ?? "mixed"])).toEqual([
        ["Non-Represented", "mixed"],
        ["Substitutes", "daily"],
      ]);
      const total = exhibit(result, "pay-plan-summary").rows.find(
        (row) => row.values[0] === "Non-Represented" && row.values[1] === "Total",
      );
      expect(total?.unit).toBeUndefined();
    });
  });

  describe("a unit mix is only a salary far outside its own grade's range that another unit explains", () => {
    const plans: CellValue[][] = [
      ["Plan", "Grade", "Step 1", "Step 2"],
      ["Hourly", "H1", 15.5, 17.94],
      ["Annual", "A1", 48000, 55566],
    ];
    it.each<[string, CellValue[], string | undefined]>([
      // 35,000 / 2,080 = 16.83, inside 15.50–17.94.
      ["an annual salary on an hourly grade", person("E1", "Hourly", "H1", 35000), "Salary looks annual (35000)"],
      // 25.00 × 2,080 = 52,000, inside 48,000–55,566.
      ["an hourly rate on an annual grade", person("E2", "Annual", "A1", 25), "Salary looks hourly (25)"],
      // 4,400 × 12 = 52,800.
      ["a monthly salary on an annual grade", person("E3", "Annual", "A1", 4400), "Salary looks monthly (4400)"],
      // 200 × 260 = 52,000.
      ["a daily rate on an annual grade", person("E4", "Annual", "A1", 200), "Salary looks daily (200)"],
      // 3 × 55,566 = 166,698: far above, but no unit brings it into the range — red-circled.
      ["three times the maximum", person("E5", "Annual", "A1", 166698), undefined],
      // 52 is 2.9 × 17.94 but ×260/2,080 = 6.50 and no other unit fits either.
      ["an hourly rate three times the maximum", person("E6", "Hourly", "H1", 52), undefined],
      // 1.5 × the maximum: not far enough to ask.
      ["a salary 1.5 times the maximum", person("E7", "Hourly", "H1", 26.91), undefined],
    ])("%s", (_, employee, reason) => {
      const result = studyOf({ asOf: AS_OF, plans, roster: [HEADER, employee] });
      if (reason === undefined) {
        expect(reasons(result)).toEqual([]);
        const grade = String(employee[2]);
        expect(rowOf(result, "grade-placement", String(employee[1]), grade)["At or Above Maximum"]).toBe(1);
        expect(rowOf(result, "quartiles", String(employee[1]), grade).Q4).toBe(1);
      } else {
        expect(reasons(result)).toHaveLength(1);
        expect(reasons(result)[0]).toContain(reason);
        expect(reasons(result)[0]).toMatch(/, but grade '.+' of plan '.+' is (hourly|annual) \(/);
      }
    });
  });
});

describe("range grades (HISD's master pay scale) beside step grades", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Minimum", "Midpoint", "Maximum", "Step 1", "Step 2", "Step 3"],
    // A stated midpoint off the arithmetic one ((30,000 + 48,000) / 2 = 39,000) is the one used.
    ["Master Pay Scale", "20", 30000, 36000, 48000, null, null, null],
    ["Master Pay Scale", "21", 34000, null, 51000, null, null, null],
    ["Teachers", "T1", null, null, null, 54000, 55000, 56000],
  ];
  const result = studyOf({
    asOf: AS_OF,
    plans,
    roster: [
      HEADER,
      person("R1", "Master Pay Scale", "20", 37000),
      person("R2", "Master Pay Scale", "21", 42000),
      person("T1", "Teachers", "T1", 55000),
    ],
  });

  it("reads Minimum, Midpoint, Maximum as a range and steps as steps, in one table", () => {
    const grades = parsePayPlans(plans).plans.flatMap((plan) => plan.grades);
    expect(grades.map((g) => [g.grade, g.kind, g.min, g.mid, g.max, g.steps.length])).toEqual([
      ["20", "range", 30000, 36000, 48000, 0],
      ["21", "range", 34000, undefined, 51000, 0],
      ["T1", "steps", 54000, undefined, 56000, 3],
    ]);
  });

  it("says 'no steps' where the summary has step figures, with a note, and uses the stated midpoint", () => {
    expect(rowOf(result, "pay-plan-summary", "Master Pay Scale", "20")).toMatchObject({
      Minimum: 30000,
      Midpoint: 36000,
      Maximum: 48000,
      Steps: 0,
      "Average Step Progression": "no steps",
      // (48,000 − 30,000) / 30,000 = 0.6
      "Range Spread": 0.6,
    });
    // No stated midpoint: (34,000 + 51,000) / 2 = 42,500.
    expect(rowOf(result, "pay-plan-summary", "Master Pay Scale", "21").Midpoint).toBe(42500);
    expect(exhibit(result, "pay-plan-summary").notes).toEqual([
      "Range grades (a Minimum, Midpoint and Maximum instead of steps) have no steps and no step progression: 2 grades.",
    ]);
    // 37,000 is above the stated midpoint 36,000 (below the arithmetic 39,000).
    expect(rowOf(result, "midpoint", "Master Pay Scale", "20")["At or Above Midpoint"]).toBe(1);
    // 42,000 is below 42,500.
    expect(rowOf(result, "midpoint", "Master Pay Scale", "21")["Below Midpoint"]).toBe(1);
    expect(result.summary.employees).toBe(3);
  });

  it.each<[string, CellValue[], string]>([
    ["a Minimum without a Maximum", ["P", "X", 30000, null, null], "Grade 'X' (row 2) has a Minimum but no Maximum"],
    ["a Maximum without a Minimum", ["P", "X", null, null, 48000], "Grade 'X' (row 2) has no Minimum"],
    [
      "a Maximum below the Minimum",
      ["P", "X", 48000, null, 30000],
      "The maximum ($30,000) is below the minimum ($48,000)",
    ],
  ])("audits %s as an error", (_, row, message) => {
    const parsed = parsePayPlans([["Plan", "Grade", "Minimum", "Midpoint", "Maximum"], row]);
    expect(parsed.findings).toContainEqual(expect.objectContaining({ grade: "X", severity: "error", message }));
  });

  it("warns when a step grade's Minimum column differs from its first step", () => {
    const parsed = parsePayPlans([
      ["Plan", "Grade", "Minimum", "Step 1", "Step 2"],
      ["P", "G", 41000, 42000, 44000],
    ]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message: "The Minimum column ($41,000) differs from step 1 ($42,000); the steps are used",
      }),
    );
  });

  it("refuses a table with neither step columns nor a Minimum and Maximum", () => {
    expect(() =>
      parsePayPlans([
        ["Plan", "Grade", "Midpoint"],
        ["P", "G", 5],
      ]),
    ).toThrow(
      "The pay-plan table has no step columns (looked for: Step 1, Step 2, …) and no Minimum and Maximum columns",
    );
  });
});

describe("tables as people lay them out", () => {
  const roster = [HEADER, person("E1", "Trades", "H10", 21), person("E2", "Office", "C1", 45000)];

  it("finds the header under title rows, and the summary names the header rows", () => {
    const result = studyOf({
      asOf: AS_OF,
      plans: [
        ["Salary Schedules FY2024"],
        ["Board approved June 2023", null, null],
        [],
        ["Plan", "Grade", "Step 1", "Step 2"],
        ["Trades", "H10", 20, 22],
        ["Office", "C1", 42000, 46000],
      ],
      roster: [["Roster as of June 30"], ...roster],
    });
    expect(result.summary.employees).toBe(2);
    expect(result.summary.notes).toEqual(
      expect.arrayContaining([
        "pay plans: header row 4 (rows above it are titles)",
        "roster: header row 2 (rows above it are titles)",
      ]),
    );
  });

  it("fills plan names down over blank (merged) cells and says how many", () => {
    const parsed = parsePayPlans([
      ["Plan", "Grade", "Step 1", "Step 2"],
      ["Trades", "H10", 20, 22],
      [null, "H11", 22, 24],
      ["", "H12", 24, 26],
      ["Office", "C1", 42000, 46000],
      [null, "C2", 46000, 50000],
    ]);
    expect(parsed.plans.map((plan) => [plan.name, plan.grades.map((grade) => grade.grade)])).toEqual([
      ["Trades", ["H10", "H11", "H12"]],
      ["Office", ["C1", "C2"]],
    ]);
    expect(parsed.notes).toEqual(["pay plans: the plan name was filled down over 3 blank or merged cells"]);
  });

  it.each<[string, CellValue[][]]>([
    [
      "in the Plan column",
      [
        ["Plan", "Grade", "Step 1"],
        ["Trades", "H10", 20],
        [],
        ["* Steps are granted on the anniversary of the hire date.", null, null],
      ],
    ],
    [
      "in the Grade column of a table without a Plan column",
      [
        ["Grade", "Step 1"],
        ["H10", 20],
        ["Source: Board Policy 4151, revised 2023", null],
      ],
    ],
    [
      "as prose under a table without a Plan column",
      [
        ["Grade", "Step 1"],
        ["H10", 20],
        ["Rates include the 3% negotiated increase", null],
      ],
    ],
  ])("ignores a footnote %s with a note, never making it a plan or a grade", (_, table) => {
    const parsed = parsePayPlans(table);
    expect(parsed.plans.map((plan) => plan.grades.map((grade) => grade.grade))).toEqual([["H10"]]);
    expect(parsed.findings).toEqual([]);
    expect(parsed.notes).toEqual([`pay plans: row ${table.length} ignored (no grade and no pay: a title or footnote)`]);
  });

  it("still audits a grade code written without pay (not a footnote)", () => {
    const parsed = parsePayPlans([
      ["Grade", "Step 1"],
      ["H10", 20],
      ["H11", null],
    ]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ grade: "H11", severity: "error", message: "Grade 'H11' (row 3) has no pay steps" }),
    );
  });

  it("reports a step header named twice as an audit error and uses the first", () => {
    const parsed = parsePayPlans([
      ["Plan", "Grade", "Step 1", "Step 2", "Step 2", "Step 3"],
      ["P", "G", 10, 11, 99, 12],
    ]);
    expect(parsed.plans[0].grades[0].steps).toEqual([10, 11, 12]);
    expect(parsed.findings).toContainEqual({
      plan: "",
      grade: "",
      step: 2,
      severity: "error",
      message: "The header names step 2 twice ('Step 2' and 'Step 2', column 5); the first is used",
    });
  });
});

describe("grade keys as people mean them", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2"],
    ["Trades", "H10", 20, 22],
    ["Trades", 1, 30, 32],
    ["Office Staff", "C 1", 42000, 46000],
  ];
  it.each<[string, CellValue, CellValue]>([
    ["trimmed", "Trades", "  H10 "],
    ["in any case", "trades", "h10"],
    ["with invisible characters", "Trades\u200b", "H\u200b10\ufeff"],
    ['as Excel\'s ="H10"', "Trades", '="H10"'],
    ["with a non-breaking space", "Office\u00a0Staff", "C\u00a01"],
    ["01 = 1", "Trades", "01"],
    ["1.0 = 1", "Trades", "1.0"],
    ["the number 1 = text 1", "Trades", 1],
  ])("matches %s", (_, plan, grade) => {
    const salary = String(grade).includes("C") ? 44000 : String(grade).includes("10") ? 21 : 31;
    const result = studyOf({
      asOf: AS_OF,
      plans,
      roster: [HEADER, person("E1", String(plan), grade as string, salary)],
    });
    expect(reasons(result)).toEqual([]);
    expect(result.summary.employees).toBe(1);
  });

  it("does not match a different code", () => {
    const result = studyOf({ asOf: AS_OF, plans, roster: [HEADER, person("E1", "Trades", "H-10", 21)] });
    expect(reasons(result)).toEqual(["E1: Row 2: Grade 'H-10' is not in plan 'Trades'"]);
  });
});

describe("FTE and the salary basis", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2"],
    ["Annual", "A1", 40000, 50000],
  ];
  const header = ["Employee ID", "Plan", "Grade", "Salary", "FTE"];

  it.each<[CellValue, string]>([
    [0, "FTE 0 is not above 0 and at most 1"],
    [1.5, "FTE 1.5 is not above 0 and at most 1"],
    [-0.5, "FTE -0.5 is not above 0 and at most 1"],
    ["half", "FTE 'half' is not a number"],
    ["#N/A", "FTE is an Excel error (#N/A)"],
  ])("lists FTE %p with the reason", (fte, reason) => {
    const result = studyOf({ asOf: AS_OF, plans, roster: [header, ["E1", "Annual", "A1", 45000, fte]] });
    expect(reasons(result)).toEqual([`E1: Row 2: ${reason}`]);
    expect(result.summary.employees + result.summary.unmatched).toBe(result.summary.rosterRows);
  });

  it("reads FTE as a fraction, a percentage, or a number in a column headed as a percentage", () => {
    const table = (heading: string, value: CellValue) => [
      ["Employee ID", "Plan", "Grade", "Salary", heading],
      ["E1", "Annual", "A1", 45000, value],
    ];
    expect(parseRoster(table("FTE", 0.5)).employees[0].fte).toBe(0.5);
    expect(parseRoster(table("FTE", "50%")).employees[0].fte).toBe(0.5);
    expect(parseRoster(table("FTE Percent", 50)).employees[0].fte).toBe(0.5);
    expect(parseRoster(table("FTE %", "100")).employees[0].fte).toBe(1);
  });

  it("takes a blank FTE as 1 and says how many", () => {
    const result = studyOf({
      asOf: AS_OF,
      plans,
      roster: [header, ["E1", "Annual", "A1", 45000, null], ["E2", "Annual", "A1", 45000, 0.8]],
    });
    expect(result.summary.notes).toContain("roster: FTE blank on 1 row, taken as 1 (full time)");
  });

  it("accepts a larger FTE with --max-fte", () => {
    const result = studyOf({
      asOf: AS_OF,
      plans,
      roster: [header, ["E1", "Annual", "A1", 45000, 1.2]],
      options: { "max-fte": "1.25" },
    });
    expect(reasons(result)).toEqual([]);
  });

  it("compares salary ÷ FTE with the schedule with --salary-basis actual", () => {
    // A half-time employee paid 21,000: on the full-time basis 21,000 is below the 40,000 minimum;
    // as actual pay it is 21,000 / 0.5 = 42,000, in Q1 of 40,000–50,000 (quarter points 42,500 …).
    const roster = [header, ["E1", "Annual", "A1", 21000, 0.5]];
    const fullTime = studyOf({ asOf: AS_OF, plans, roster });
    expect(rowOf(fullTime, "grade-placement", "Annual", "A1")["At or Below Minimum"]).toBe(1);
    const actual = studyOf({ asOf: AS_OF, plans, roster, options: { "salary-basis": "actual" } });
    expect(rowOf(actual, "grade-placement", "Annual", "A1")["At or Below Minimum"]).toBe(0);
    expect(rowOf(actual, "quartiles", "Annual", "A1").Q1).toBe(1);
    expect(actual.summary.notes).toContain("salary basis: actual pay; salary ÷ FTE is compared with the schedule");
  });

  it("names the FTE in a unit-mix reason on the actual basis", () => {
    // 10 / 0.5 = 20 an hour → × 2,080 = 41,600, inside 40,000–50,000.
    const result = studyOf({
      asOf: AS_OF,
      plans,
      roster: [header, ["E1", "Annual", "A1", 10, 0.5]],
      options: { "salary-basis": "actual" },
    });
    expect(reasons(result)).toEqual([
      "E1: Row 2: Salary looks hourly (10 at FTE 0.5), but grade 'A1' of plan 'Annual' is annual (40000–50000)",
    ]);
  });
});

describe("headers with format hints, and dates read as the column says", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1"],
    ["P", "G", 40000],
  ];

  it("recognises 'Hire Date (mm/dd/yyyy)', 'Salary [USD]', 'FTE (0-1)' and prints the columns chosen", () => {
    const result = studyOf({
      asOf: AS_OF,
      plans,
      roster: [
        ["Emp ID", "Plan", "Grade", "Salary [USD]", "Hire Date (mm/dd/yyyy)", "FTE (0-1)"],
        ["E1", "P", "G", 40000, "07/01/2014", 1],
      ],
    });
    expect(result.summary.columns.roster).toEqual({
      "Employee ID": "Emp ID",
      Plan: "Plan",
      Grade: "Grade",
      Salary: "Salary [USD]",
      "Hire Date": "Hire Date (mm/dd/yyyy)",
      FTE: "FTE (0-1)",
    });
    // 2014-07-01 → 2024-07-01: 3,653 days (2016 and 2020 are leap years) / 365.25 = 10.0014 years.
    expect(rowOf(result, "tenure", "P", "G")["Average Tenure"]).toBeCloseTo(3653 / 365.25, 12);
  });

  it("reads dates day first when the header says dd/mm/yyyy", () => {
    const roster = parseRoster(
      [
        ["Employee ID", "Grade", "Salary", "Hire Date (dd/mm/yyyy)"],
        ["E1", "G", 40000, "05/01/2010"],
        ["E2", "G", 40000, "13.01.2010"],
      ],
      { asOf: AS_OF },
    );
    expect(roster.employees.map((employee) => employee.hireDay)).toEqual([
      parseDate("2010-01-05"),
      parseDate("2010-01-13"),
    ]);
  });

  it("never guesses a column that can only be day first: it lists those dates and the ambiguous ones, asking for the hint", () => {
    const roster = parseRoster(
      [
        ["Employee ID", "Grade", "Salary", "Hire Date"],
        ["E1", "G", 40000, "13/01/2010"],
        ["E2", "G", 40000, "05/01/2010"],
        ["E3", "G", 40000, "2010-01-05"],
      ],
      { asOf: AS_OF },
    );
    expect(roster.employees.map((employee) => employee.id)).toEqual(["E3"]);
    expect(roster.problems.map((problem) => problem.reason)).toEqual([
      "Row 2: Hire Date '13/01/2010' may be day/month/year (the column has '13/01/2010'): name the column 'Hire Date (dd/mm/yyyy)' or 'Hire Date (mm/dd/yyyy)' to say which",
      "Row 3: Hire Date '05/01/2010' may be day/month/year (the column has '13/01/2010'): name the column 'Hire Date (dd/mm/yyyy)' or 'Hire Date (mm/dd/yyyy)' to say which",
    ]);
  });

  it("reads a US column (one date proves month first) month first", () => {
    const roster = parseRoster(
      [
        ["Employee ID", "Grade", "Salary", "Hire Date"],
        ["E1", "G", 40000, "1/13/2010"],
        ["E2", "G", 40000, "5/1/2010"],
      ],
      { asOf: AS_OF },
    );
    expect(roster.employees.map((employee) => employee.hireDay)).toEqual([
      parseDate("2010-01-13"),
      parseDate("2010-05-01"),
    ]);
  });

  it.each<[string, "dmy" | "mdy" | undefined]>([
    ["Hire Date (dd/mm/yyyy)", "dmy"],
    ["Start Date [DD.MM.YY]", "dmy"],
    ["Hire Date (mm/dd/yyyy)", "mdy"],
    ["Hire Date (m/d/yy)", "mdy"],
    ["Hire Date (yyyy-mm-dd)", undefined],
    ["Hire Date", undefined],
  ])("dateOrderHint(%p) = %p", (header, order) => {
    expect(dateOrderHint(header)).toBe(order);
  });

  it("shifts serials of a 1904-date-system table, numbers and digits as text alike", () => {
    // 2010-01-15 is 40,193 in the 1900 system and 40,193 − 1,462 = 38,731 in the 1904 system.
    const day = parseDate("2010-01-15");
    expect(parseDateCell(38731, { date1904: true })).toBe(day);
    expect(parseDateCell("38731", { date1904: true })).toBe(day);
    expect(parseDateCell(40193)).toBe(day);
    expect(parseDateCell("2010-01-15", { date1904: true })).toBe(day);
  });

  it("gives every input table's date fields the same reading (readRecords: 1904 serials, hints)", () => {
    const fields = [
      { field: "id", label: "ID", synonyms: ["id"], required: true },
      { field: "effective", label: "Effective Date", synonyms: ["effective date"], required: false },
    ] as const;
    const { records } = readRecords(
      {
        rows: [
          ["ID", "Effective Date (dd/mm/yyyy)"],
          ["A", 38731],
          ["B", "05/01/2010"],
          ["C", null],
          ["D", "someday"],
        ],
        source: "actions.xlsx",
        date1904: true,
      },
      fields,
    );
    // 38,731 in the 1904 system is 2010-01-15; 05/01/2010 day first is 2010-01-05.
    expect(records.map((record) => record.date("effective"))).toEqual([
      parseDate("2010-01-15"),
      parseDate("2010-01-05"),
      null,
      undefined,
    ]);
  });

  it("refuses 'Start Date' beside 'Original Hire Date' naming both, and reads the one --map names", () => {
    const roster: CellValue[][] = [
      ["Employee ID", "Plan", "Grade", "Salary", "Start Date", "Original Hire Date"],
      ["E1", "P", "G", 40000, "2020-07-01", "2004-07-01"],
    ];
    expect(() => studyOf({ asOf: AS_OF, plans, roster })).toThrow(
      "Two columns could be Hire Date: 'Start Date' and 'Original Hire Date': name the one to read",
    );
    const started = studyOf({ asOf: AS_OF, plans, roster, mapping: { "Hire Date": "Start Date" } });
    expect(started.summary.columns.roster["Hire Date"]).toBe("Start Date");
    // 2020-07-01 → 2024-07-01: 1,461 days (2024 is a leap year, its Feb 29 inside) / 365.25 = 4 years.
    expect(rowOf(started, "tenure", "P", "G")["Average Tenure"]).toBeCloseTo(4, 12);
    const mapped = studyOf({ asOf: AS_OF, plans, roster, mapping: { "Hire Date": "Original Hire Date" } });
    expect(mapped.summary.columns.roster["Hire Date"]).toBe("Original Hire Date");
    // 2004-07-01 → 2024-07-01: 20 × 365 + 5 leap days (2008, 2012, 2016, 2020, 2024) = 7,305 days = 20 years.
    expect(rowOf(mapped, "tenure", "P", "G")["Average Tenure"]).toBeCloseTo(7305 / 365.25, 12);
  });

  it("explains a --map to a header that is not there", () => {
    expect(() =>
      studyOf({
        asOf: AS_OF,
        plans,
        roster: [
          ["Employee ID", "Grade", "Salary"],
          ["E1", "G", 40000],
        ],
        mapping: { "Hire Date": "Date Hired" },
      }),
    ).toThrow(EngineError);
  });
});
