/**
 * A big run lets go of what it no longer needs: handed-over cells are emptied once parsed, the
 * host hears when (to collect its garbage), and the placement step adds to the roster's own
 * employee objects instead of copying them — without changing what the roster read.
 */
import { parsePayPlans, parseRoster, placeRoster, runStudy, type InputTable } from "../../src/engine/study";
import type { CellValue } from "../../src/engine/cells";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Annual", "A1", 40000, 50000, 60000],
];
const ROSTER: CellValue[][] = [
  ["Employee ID", "Plan", "Grade", "Salary", "FTE", "Hire Date"],
  ["E1", "Annual", "A1", 45000, 1, "2010-01-01"],
  ["E2", "Annual", "A1", 25000, 0.5, "2011-06-30"],
];

describe("handing tables over", () => {
  it("empties a released table's cells once it is parsed, and tells the host once", () => {
    const roster: InputTable = { rows: ROSTER.map((row) => [...row]), source: "roster.csv", release: true };
    const plans: InputTable = { rows: PLANS, source: "plans.csv" };
    let calls = 0;
    const result = runStudy({
      asOf: "2020-01-01",
      tables: { plans, roster },
      exhibits: ["grade-placement"],
      afterParse: () => calls++,
    });
    expect(result.summary.employees).toBe(2);
    expect(roster.rows).toEqual([]);
    expect(plans.rows).toBe(PLANS); // not released: kept as given
    expect(calls).toBe(1);
  });
});

describe("the placement step", () => {
  it("adds the placement to the roster's objects, leaving every field the roster read as it was", () => {
    const plans = parsePayPlans(PLANS);
    const roster = parseRoster(ROSTER, { asOf: "2020-01-01" });
    const before = roster.employees.map((employee) => ({ ...employee }));
    const placement = placeRoster(plans, roster, { asOf: "2020-01-01" });
    expect(placement.employees[0]).toBe(roster.employees[0]);
    roster.employees.forEach((employee, index) => expect(employee).toMatchObject(before[index]));
    // E2: 25,000 is half of 50,000 at FTE 0.5 — below the minimum on the full-time basis, at the midpoint on the actual one.
    expect(placement.employees[1]).toMatchObject({ rate: 25000, atOrBelowMin: true, quartile: 1 });
  });

  it("placing the same roster again gives that run's placement (salary basis actual: 25,000 ÷ 0.5 = 50,000)", () => {
    const plans = parsePayPlans(PLANS);
    const roster = parseRoster(ROSTER, { asOf: "2020-01-01" });
    placeRoster(plans, roster, { asOf: "2020-01-01" });
    const actual = placeRoster(plans, roster, { asOf: "2020-01-01", salaryBasis: "actual" });
    expect(actual.employees[1]).toMatchObject({
      salary: 25000,
      fte: 0.5,
      rate: 50000,
      atOrBelowMin: false,
      belowMid: false,
    });
  });
});
