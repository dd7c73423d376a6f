import fc from "fast-check";
import { reasonKind, unmatchedKinds, unmatchedLines } from "../../src/exhibits/reasons";
import { studyFixture } from "./study-fixture";

describe("reasonKind: a reason without what is particular to its row", () => {
  it.each([
    ["Row 12: Hire Date 2031-05-05 is after the as-of date 2026-07-01", "hire date is after the as-of date"],
    ["Row 3: Grade 'X9' is not in plan 'Hourly'", "grade is not in plan"],
    ["Row 4: Plan 'Q' is not in the pay plans", "plan is not in the pay plans"],
    [
      "Row 5: Salary 85000 looks annual but grade 'H1' of plan 'Hourly' is hourly (15.5–40)",
      "salary looks annual but grade of plan is hourly",
    ],
    [
      "Row 6: Employee ID 'E1' appears twice (rows 2 and 5); the first is kept",
      "employee ID appears twice; the first is kept",
    ],
    ["Row 7: FTE 1.5 is not above 0 and at most 1", "FTE is not above 0 and at most 1"],
    ["Row 8: Salary is an Excel error (#N/A)", "salary is an Excel error"],
    [
      "Row 9: Hire Date '13/45/2020' is not a date (use yyyy-mm-dd, m/d/yyyy or an Excel date)",
      "hire date is not a date",
    ],
    ["Row 10: Grade 'B1' is in several plans (A, B): give the Plan", "grade is in several plans: give the Plan"],
    [
      "Row 11: implementation cost: Grade 'X' is not in the proposed plan",
      "implementation cost: grade is not in the proposed plan",
    ],
    ["Row 12: Salary -5 is not above zero", "salary is not above zero"],
    ["Row 14: Grade 'O'Brien' is not in the pay plans", "grade is not in the pay plans"],
    ["unknown grade", "unknown grade"],
    ["Row 2:", "no reason given"],
  ])("%s → %s", (reason, kind) => {
    expect(reasonKind(reason)).toBe(kind);
  });

  it("is the same whatever the row number, quoted values and dates are", () => {
    const quotable = fc.string({ maxLength: 12 }).filter((text) => !/['\n]/.test(text));
    const date = fc
      .date({ min: new Date("1950-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.nat(2_000_000), quotable, quotable, date, date, (row, grade, plan, hired, asOf) => {
        expect(reasonKind(`Row ${row}: Grade '${grade}' is not in plan '${plan}'`)).toBe("grade is not in plan");
        expect(reasonKind(`Row ${row}: Hire Date ${hired} is after the as-of date ${asOf}`)).toBe(
          "hire date is after the as-of date",
        );
      }),
    );
  });
});

describe("unmatchedKinds and unmatchedLines", () => {
  const withReasons = (reasons: string[]) => {
    const result = studyFixture();
    const exhibit = result.exhibits.find((e) => e.id === "unmatched-employees")!;
    exhibit.rows = reasons.map((reason, index) => ({ values: [`E${index}`, "P", "G", reason], kind: "detail" }));
    return result;
  };

  it("counts rows by kind, most frequent first", () => {
    const reasons = [
      ...Array.from(
        { length: 5 },
        (_, i) => `Row ${i + 2}: Hire Date 2030-01-0${i + 1} is after the as-of date 2026-07-01`,
      ),
      "Row 9: Grade 'X' is not in plan 'P'",
      "Row 10: Grade 'Y' is not in plan 'Q'",
      "Row 11: Salary is blank",
    ];
    // 5 hire dates, 2 grades, 1 salary: 5 + 2 + 1 = 8 rows.
    expect(unmatchedKinds(withReasons(reasons))).toEqual([
      { kind: "hire date is after the as-of date", rows: 5 },
      { kind: "grade is not in plan", rows: 2 },
      { kind: "salary is blank", rows: 1 },
    ]);
  });

  it("says the first kinds with thousands separators, then how many others", () => {
    const kinds = [
      { kind: "hire date is after the as-of date", rows: 138_268 },
      { kind: "grade is not in plan", rows: 20 },
      { kind: "salary is blank", rows: 3 },
      { kind: "plan is not in the pay plans", rows: 2 },
      { kind: "FTE is not above 0 and at most 1", rows: 1 },
    ];
    expect(unmatchedLines(kinds)).toEqual([
      "hire date is after the as-of date: 138,268",
      "grade is not in plan: 20",
      "salary is blank: 3",
      // 2 + 1 rows of the two kinds not shown.
      "2 other kinds: 3 (see Unmatched Employees)",
    ]);
    expect(unmatchedLines(kinds.slice(0, 4))).toHaveLength(4);
  });

  it("is empty without the unmatched-employees exhibit", () => {
    const result = studyFixture();
    result.exhibits = result.exhibits.filter((e) => e.id !== "unmatched-employees");
    expect(unmatchedKinds(result)).toEqual([]);
  });
});
