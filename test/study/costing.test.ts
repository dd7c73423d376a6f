/**
 * Costing a settlement (exhibits 6-5 to 6-8): the teacher guide's BA lane worked by hand, a
 * two-year settlement with per-plan terms, turnover, benefit groups and every kind of grade
 * worked by hand, the sample check against the same-step implementation cost, the
 * scenario options, the errors a user can make, and properties of the roll-forward.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { CellValue } from "../../src/engine/cells";
import type { Exhibit, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

const AS_OF = "2017-07-01";

function exhibit(result: StudyResult, id: string): Exhibit {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

type Row = Record<string, CellValue>;

function records(result: StudyResult, id: string): Row[] {
  const ex = exhibit(result, id);
  return ex.rows.map((row) => Object.fromEntries(ex.columns.map((c, i) => [c.name, row.values[i]])));
}

function find(rows: Row[], match: Row): Row {
  const found = rows.find((row) => Object.entries(match).every(([key, value]) => row[key] === value));
  if (!found) throw new Error(`no row ${JSON.stringify(match)}`);
  return found;
}

/** A roster row per FTE piece: whole employees, then the fraction left. */
function employeesFor(id: string, plan: string, grade: string, salary: number, fte: number): CellValue[][] {
  const rows: CellValue[][] = [];
  let left = fte;
  let n = 0;
  while (left > 1e-9) {
    const piece = Math.min(1, left);
    rows.push([`${id}-${++n}`, plan, grade, salary, piece]);
    left -= piece;
  }
  return rows;
}

describe("scattergram and step cost: the 2017-18 teacher guide's BA lane", () => {
  // Steps 1–7 and 17 as published; steps 8–16 made up, rising, to complete the lane.
  const BA = [
    46_260, 46_700, 47_730, 48_730, 50_230, 51_200, 52_730, 54_230, 55_730, 57_230, 58_730, 60_230, 62_230, 64_230,
    66_230, 70_000, 78_500,
  ];
  const plans: CellValue[][] = [
    ["Plan", "Grade", ...BA.map((_, s) => `Step ${s + 1}`)],
    ["Teachers 2017-18", "BA", ...BA],
  ];
  const fteByStep: [number, number][] = [
    [1, 3.5],
    [2, 2.5],
    [3, 3.0],
    [4, 4.0],
    [5, 3.0],
    [6, 1.0],
    [17, 22.0],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "FTE"],
    ...fteByStep.flatMap(([step, fte]) => employeesFor(`S${step}`, "Teachers 2017-18", "BA", BA[step - 1], fte)),
  ];
  const result = studyOf({ plans, roster, asOf: AS_OF, exhibits: ["scattergram", "step-cost"] });
  const scatter = records(result, "scattergram");

  it("has the issue's columns: one per step of the plan, named as in exhibit 3-1", () => {
    expect(exhibit(result, "scattergram").columns.map((c) => c.name)).toEqual([
      "Plan",
      "Grade",
      "Measure",
      ...BA.map((_, s) => `Step ${s + 1}`),
      "Off Schedule",
      "Total",
    ]);
  });

  it.each([
    [1, 3.5, 161_910],
    [2, 2.5, 116_750],
    [3, 3.0, 143_190],
    [4, 4.0, 194_920],
    [5, 3.0, 150_690],
    [6, 1.0, 51_200],
    [7, 0, 0],
    [17, 22.0, 1_727_000],
  ])("step %i: FTE %d, cost %d as the guide's scattergram reads", (step, fte, cost) => {
    expect(find(scatter, { Grade: "BA", Measure: "FTE" })[`Step ${step}`]).toBeCloseTo(fte, 10);
    expect(find(scatter, { Grade: "BA", Measure: "Cost" })[`Step ${step}`]).toBeCloseTo(cost, 6);
  });

  it("totals the lane: 39 FTE, nobody off schedule, and the plan and All pairs repeat it", () => {
    const cost = 161_910 + 116_750 + 143_190 + 194_920 + 150_690 + 51_200 + 1_727_000;
    for (const [plan, grade] of [
      ["Teachers 2017-18", "BA"],
      ["Teachers 2017-18", "Total"],
      ["All", "Total"],
    ]) {
      expect(find(scatter, { Plan: plan, Grade: grade, Measure: "FTE" })).toMatchObject({
        "Off Schedule": 0,
        Total: 39,
      });
      expect(find(scatter, { Plan: plan, Grade: grade, Measure: "Cost" }).Total).toBeCloseTo(cost, 6);
    }
    expect(find(scatter, { Plan: "All", Measure: "Cost" })["Step 17"]).toBeCloseTo(1_727_000, 6);
  });

  it("costs the increment: 3.5×440 + 2.5×1,030 + 3×1,000 + 4×1,500 + 3×970 + 1×1,530 = 17,555; step 17 is the top", () => {
    const row = find(records(result, "step-cost"), { Grade: "BA" });
    expect(row["Step Cost"]).toBeCloseTo(17_555, 6);
    expect(row).toMatchObject({ Employees: 40, FTE: 39, "At Top Step FTE": 22 });
    expect(row["Base Cost"]).toBeCloseTo(2_545_660, 6);
    expect(row["Step Cost %"]).toBeCloseTo(17_555 / 2_545_660, 12);
  });
});

/**
 * Two years, three plans: Teachers (annual steps), Hourly (hourly steps, 2,080 hours) and Admin
 * (a range grade). Year 1: 3 % for everyone, steps move. Year 2: 2 % + 500 for every plan, steps
 * frozen — but Hourly has its own row: 2 % + 0.25 an hour. Turnover 10 %; benefit groups Cert
 * (20 % + 10,000 per FTE) and Class (10 % + 5,000); the defaults 7.65 % and 0.
 */
describe("settlement-cost and settlement-detail: a two-year settlement worked by hand", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Minimum", "Maximum"],
    ["Teachers", "T", 40_000, 42_000, 44_000, null, null],
    ["Hourly", "H", 20, 21, null, null, null],
    ["Admin", "A", null, null, null, 60_000, 90_000],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "FTE", "Benefit Group"],
    ["T1", "Teachers", "T", 40_000, 1, "Cert"], // step 1
    ["T2", "Teachers", "T", 44_000, 0.5, "cert"], // the top step, half time; the group in another case
    ["T3", "Teachers", "T", 41_000, 1, null], // off schedule, no group: the defaults
    ["H1", "Hourly", "H", 20, 1, "Class"], // step 1, 2,080 hours
    ["A1", "Admin", "A", 70_000, 1, "Unknown"], // range; a group the table does not list: the defaults
  ];
  const settlement: CellValue[][] = [
    ["Year", "Plan", "Increase", "Flat Amount", "Step Movement"],
    [1, null, "3%", null, "yes"],
    [2, null, 0.02, 500, "no"],
    [2, "Hourly", "2%", 0.25, "no"],
  ];
  const groups: CellValue[][] = [
    ["Group", "Load Rate", "Per FTE"],
    ["Cert", "20%", 10_000],
    ["Class", 0.1, 5_000],
  ];
  const result = studyOf({
    plans,
    roster,
    asOf: AS_OF,
    tables: { settlement, "benefit-groups": groups },
    options: { turnover: "10%", load: "7.65%" },
    exhibits: ["settlement-cost", "settlement-detail"],
  });
  const rows = records(result, "settlement-cost");
  const row = (plan: string, year: number | string): Row => find(rows, { Plan: plan, Year: year });

  it("has the issue's columns, a block per plan (the plans' terms differ), then All", () => {
    expect(exhibit(result, "settlement-cost").columns.map((c) => c.name)).toEqual([
      "Plan",
      "Year",
      "Increase",
      "Flat Amount",
      "Step Movement",
      "Salary Cost",
      "Supplemental Cost",
      "Step Cost",
      "Schedule Cost",
      "Turnover Saving",
      "Net Salary Cost",
      "Load Cost",
      "Total Cost",
      "Change from Base",
      "Change from Base %",
      "Change from Prior Year %",
      "Value of 1%",
    ]);
    expect(rows.map((r) => `${r.Plan} ${r.Year}`)).toEqual([
      ...["Teachers", "Hourly", "Admin", "All"].flatMap((plan) => [0, 1, 2, "Settlement"].map((y) => `${plan} ${y}`)),
    ]);
  });

  // The schedules: Teachers 41,200 / 43,260 / 45,320, then 42,524 / 44,625 (44,625.2) / 46,726 (46,726.4);
  // Hourly 20.60 / 21.63, then 21.26 (21.262) / 22.31 (22.3126); Admin's minimum 61,800, then 63,536.
  // Without turnover: T1 43,260 → 44,625 (step 2, frozen); T2 45,320 → 46,726 (× 0.5); T3 42,230 →
  // 43,574.60; H1 21.63 → 22.31 (× 2,080); A1 72,100 → 74,042.
  // Replacements (a share 0.1 a year, at the first step): Teachers 0.1 × 41,200 = 4,120 in year 1;
  // 0.09 × 42,524 + 0.1 × 42,524 = 8,079.56 in year 2. Hourly 2.06; 0.09 × 21.26 + 0.1 × 21.26 = 4.0394.
  // Admin at the minimum: 6,180; 0.09 × 63,536 (61,800 × 1.02 + 500) + 0.1 × 63,536 = 12,071.84.
  it.each([
    // plan, year, salary, step, schedule, saving, net, load, total, change
    ["Teachers", 0, 103_000, 0, 0, 0, 103_000, 30_536.5, 133_536.5, 0],
    ["Teachers", 1, 108_150, 2_000, 3_150, 515, 107_635, 31_324.3155, 138_959.3155, 5_422.8155],
    ["Teachers", 2, 111_562.6, 0, 3_412.6, 997.994, 110_564.606, 31_756.110429, 142_320.716429, 8_784.216429],
    ["Hourly", 0, 41_600, 0, 0, 0, 41_600, 9_160, 50_760, 0],
    ["Hourly", 1, 44_990.4, 2_080, 1_310.4, 214.24, 44_776.16, 9_477.616, 54_253.776, 3_493.776],
    ["Hourly", 2, 46_404.8, 0, 1_414.4, 414.96, 45_989.84, 9_598.984, 55_588.824, 4_828.824],
    ["Admin", 1, 72_100, 0, 2_100, 1_030, 71_070, 5_436.855, 76_506.855, 1_151.855],
    ["Admin", 2, 74_042, 0, 1_942, 1_996.14, 72_045.86, 5_511.50829, 77_557.36829, 2_202.36829],
    ["All", 0, 214_600, 0, 0, 0, 214_600, 45_051.5, 259_651.5, 0],
    ["All", 1, 225_240.4, 4_080, 6_560.4, 1_759.24, 223_481.16, 46_238.7865, 269_719.9465, 10_068.4465],
    ["All", 2, 232_009.4, 0, 6_769, 3_409.094, 228_600.306, 46_866.602719, 275_466.908719, 15_815.408719],
  ])("%s year %s", (plan, year, salary, step, schedule, saving, net, load, total, change) => {
    const r = row(plan as string, year as number);
    const close = (key: string, value: number): void => expect(r[key] as number).toBeCloseTo(value, 6);
    close("Salary Cost", salary as number);
    close("Step Cost", step as number);
    close("Schedule Cost", schedule as number);
    close("Turnover Saving", saving as number);
    close("Net Salary Cost", net as number);
    close("Load Cost", load as number);
    close("Total Cost", total as number);
    close("Change from Base", change as number);
    // No Stipends or Longevity table: no supplemental pay.
    expect(r["Supplemental Cost"]).toBe(0);
  });

  it("computes the percentages and the value of 1 % from Total Cost and the loaded net cost", () => {
    expect(row("All", 0)["Change from Base %"]).toBe(0);
    expect(row("All", 0)["Change from Prior Year %"]).toBeNull();
    expect(row("All", 1)["Change from Base %"] as number).toBeCloseTo(10_068.4465 / 259_651.5, 12);
    expect(row("All", 2)["Change from Prior Year %"] as number).toBeCloseTo(275_466.908719 / 269_719.9465 - 1, 12);
    // Year 0: 40,000 × 1.2 + 22,000 × 1.2 + 41,000 × 1.0765 + 41,600 × 1.1 + 70,000 × 1.0765 = 239,651.5.
    expect(row("All", 0)["Value of 1%"] as number).toBeCloseTo(2_396.515, 6);
    // Year 1: 43,054 × 1.2 + 22,454 × 1.2 + 42,127 × 1.0765 + 44,776.16 × 1.1 + 71,070 × 1.0765.
    expect(row("All", 1)["Value of 1%"] as number).toBeCloseTo(
      0.01 * (43_054 * 1.2 + 22_454 * 1.2 + 42_127 * 1.0765 + 44_776.16 * 1.1 + 71_070 * 1.0765),
      6,
    );
  });

  it("ends each block with the Settlement row: the new money of the whole settlement", () => {
    expect(row("All", "Settlement")["Change from Base"] as number).toBeCloseTo(10_068.4465 + 15_815.408719, 6);
    expect(row("Teachers", "Settlement")["Change from Base"] as number).toBeCloseTo(5_422.8155 + 8_784.216429, 6);
    const { Plan, Year, "Change from Base": _change, ...rest } = row("All", "Settlement");
    expect([Plan, Year]).toEqual(["All", "Settlement"]);
    expect(Object.values(rest).every((value) => value === null)).toBe(true);
  });

  it("shows each block's terms, and All's where the plans share them", () => {
    expect(row("Hourly", 2)).toMatchObject({ Increase: 0.02, "Flat Amount": 0.25, "Step Movement": "No" });
    expect(row("Teachers", 2)).toMatchObject({ Increase: 0.02, "Flat Amount": 500, "Step Movement": "No" });
    expect(row("All", 1)).toMatchObject({ Increase: 0.03, "Flat Amount": 0, "Step Movement": "Yes" });
    expect(row("All", 2)).toMatchObject({ Increase: 0.02, "Flat Amount": null, "Step Movement": "No" });
    expect(row("All", 0)).toMatchObject({ Increase: null, "Flat Amount": null, "Step Movement": null });
  });

  it("names the group not in the table and the employee without one", () => {
    const notes = exhibit(result, "settlement-cost").notes ?? [];
    expect(notes).toContain(
      "Benefit groups of the roster not in the Benefit Groups table, costed with the default load: Unknown (1 employee).",
    );
    expect(notes).toContain("No benefit group on the roster: 1 employee, costed with the default load.");
  });

  it("gives each employee's path without turnover in settlement-detail", () => {
    const detail = records(result, "settlement-detail");
    expect(exhibit(result, "settlement-detail").columns.map((c) => c.name)).toEqual([
      "Employee ID",
      "Plan",
      "Grade",
      "Step",
      "Salary",
      "FTE",
      "Benefit Group",
      "Year 1 Step",
      "Year 1 Salary",
      "Year 2 Step",
      "Year 2 Salary",
    ]);
    expect(detail).toEqual([
      row4("T1", "Teachers", "T", 1, 40_000, 1, "Cert", [2, 43_260], [2, 44_625]),
      row4("T2", "Teachers", "T", 3, 44_000, 0.5, "cert", [3, 45_320], [3, 46_726]),
      row4("T3", "Teachers", "T", null, 41_000, 1, null, [null, 42_230], [null, 43_574.6]),
      row4("H1", "Hourly", "H", 1, 20, 1, "Class", [2, 21.63], [2, 22.31]),
      row4("A1", "Admin", "A", null, 70_000, 1, "Unknown", [null, 72_100], [null, 74_042]),
    ]);
  });
});

function row4(
  id: string,
  plan: string,
  grade: string,
  step: number | null,
  salary: number,
  fte: number,
  group: string | null,
  ...years: [number | null, number][]
): Row {
  const out: Row = { "Employee ID": id, Plan: plan, Grade: grade, Step: step, Salary: salary, FTE: fte };
  out["Benefit Group"] = group;
  years.forEach(([s, pay], i) => {
    out[`Year ${i + 1} Step`] = s;
    out[`Year ${i + 1} Salary`] = pay;
  });
  return out;
}

describe("supplemental pay in the settlement (issue 22's costing), worked by hand", () => {
  // Year 0 = 2017-07-01; steps move both years; 3 % then 2 %, rounded to the dollar:
  // 40,000 / 42,000 / 44,000 → 41,200 / 43,260 / 45,320 → 42,024 / 44,125 (44,125.2) / 46,226 (46,226.4).
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
    ["Teachers", "T", 40_000, 42_000, 44_000],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "FTE", "Hire Date", "Service Years"],
    ["E1", "Teachers", "T", 40_000, 1, "2017-01-01", null], // 40,000 → 43,260 → 46,226
    ["E2", "Teachers", "T", 44_000, 1, "2016-01-01", null], // the top: 44,000 → 45,320 → 46,226
    ["E3", "Teachers", "T", 42_000, 1, "2013-09-01", null], // 3, 4, then 5 years of service in year 2
    ["E4", "Teachers", "T", 42_000, 0.5, "2000-01-01", 8], // Service Years win: 8, 9, then 10 in year 2
  ];
  const stipends: CellValue[][] = [
    ["Code", "Stipend", "Amount", "Basis", "Raises With Schedule"],
    ["P1", "Bilingual", "5%", "percent", null], // a percent of base pay: follows it
    ["F1", "Head Coach", 2_000, "annual", null], // a flat amount, not marked: stays
    ["F2", "Department Chair", 1_234.56, "annual", "yes"], // a flat amount marked: raised with the schedule
  ];
  const assignments: CellValue[][] = [
    ["Employee ID", "Code", "Units"],
    ["E1", "P1", null],
    ["E1", "F1", null],
    ["E2", "F2", null],
  ];
  const longevity: CellValue[][] = [
    ["Years of Service", "Amount", "Percent"],
    [5, 1_000, null],
    [10, null, "5%"],
  ];
  const result = studyOf({
    plans,
    roster,
    asOf: AS_OF,
    tables: { stipends, "stipend-assignments": assignments, longevity },
    options: { raise: "3%,2%", load: "10%" },
    exhibits: ["settlement-cost", "total-pay"],
  });
  const row = (year: number | string): Row => find(records(result, "settlement-cost"), { Plan: "All", Year: year });

  // E1: P1 5 % × 40,000 = 2,000, × 43,260 = 2,163, × 46,226 = 2,311.30; F1 2,000 every year.
  // E2: F2 1,234.56 → × 1.03 = 1,271.5968 → 1,271.60 → × 1.02 = 1,297.032 → 1,297.03.
  // E3: no stipend; 3 and 4 years: no band; 5 years in year 2: 1,000.
  // E4: 8 and 9 years: 1,000; 10 years in year 2: 5 % × 23,113 (46,226 × 0.5) = 1,155.65.
  it.each([
    [0, 147_000, 4_000 + 1_234.56 + 0 + 1_000],
    [1, 156_560, 4_163 + 1_271.6 + 0 + 1_000],
    [2, 161_791, 4_311.3 + 1_297.03 + 1_000 + 1_155.65],
  ])("year %s: Salary Cost %s, Supplemental Cost %s", (year, salary, supplemental) => {
    const r = row(year);
    expect(r["Salary Cost"] as number).toBeCloseTo(salary, 6);
    expect(r["Supplemental Cost"] as number).toBeCloseTo(supplemental, 6);
    // The load applies to supplemental pay too; Total Cost holds it.
    expect(r["Load Cost"] as number).toBeCloseTo((salary + supplemental) * 0.1, 6);
    expect(r["Total Cost"] as number).toBeCloseTo((salary + supplemental) * 1.1, 6);
  });

  it("counts the supplemental pay in the new money", () => {
    const base = (147_000 + 6_234.56) * 1.1;
    const year1 = (156_560 + 6_434.6) * 1.1 - base;
    const year2 = (161_791 + 7_763.98) * 1.1 - base;
    expect(row(1)["Change from Base"] as number).toBeCloseTo(year1, 6);
    expect(row("Settlement")["Change from Base"] as number).toBeCloseTo(year1 + year2, 6);
  });

  it("counts in the value of 1 % the supplemental pay that moves with the schedule", () => {
    // Percent and raising stipends, percent longevity; F1 and the flat band do not move.
    expect(row(0)["Value of 1%"] as number).toBeCloseTo(0.01 * (147_000 + 2_000 + 1_234.56) * 1.1, 6);
    expect(row(2)["Value of 1%"] as number).toBeCloseTo(0.01 * (161_791 + 2_311.3 + 1_297.03 + 1_155.65) * 1.1, 6);
  });

  it("costs year 0 as total-pay prices today's stipends and longevity", () => {
    const all = find(records(result, "total-pay"), { Plan: "All" });
    expect(row(0)["Supplemental Cost"] as number).toBeCloseTo((all.Stipends as number) + (all.Longevity as number), 6);
  });

  it("states the reading in the notes", () => {
    const notes = (exhibit(result, "settlement-cost").notes ?? []).join(" ");
    expect(notes).toMatch(/a percent stipend is its percent of the year's base pay/);
    expect(notes).toMatch(/an amount marked Raises With Schedule becomes last year's × \(1 \+ the year's increase/);
    expect(notes).toMatch(/longevity re-read each year on the anniversary of the as-of date/);
    expect(notes).toMatch(/not reduced by turnover/);
  });

  it("keeps the incumbents' supplemental pay under turnover (stated: a stipend goes with its duty)", () => {
    const turned = studyOf({
      plans,
      roster,
      asOf: AS_OF,
      tables: { stipends, "stipend-assignments": assignments, longevity },
      options: { raise: "3%,2%", load: "10%", turnover: "10%" },
      exhibits: ["settlement-cost"],
    });
    const year2 = find(records(turned, "settlement-cost"), { Plan: "All", Year: 2 });
    expect(year2["Supplemental Cost"] as number).toBeCloseTo(7_763.98, 6);
    expect(year2["Total Cost"] as number).toBeCloseTo(((year2["Net Salary Cost"] as number) + 7_763.98) * 1.1, 6);
  });

  it("says a Stipends table without its assignments leaves the stipends out, and costs the longevity", () => {
    const alone = studyOf({
      plans,
      roster,
      asOf: AS_OF,
      tables: { stipends, longevity },
      options: { raise: "3%,2%" },
      exhibits: ["settlement-cost"],
    });
    const year2 = find(records(alone, "settlement-cost"), { Plan: "All", Year: 2 });
    expect(year2["Supplemental Cost"] as number).toBeCloseTo(1_000 + 1_155.65, 6);
    expect(exhibit(alone, "settlement-cost").notes).toContain(
      "Supplemental Cost leaves the stipends out: there is no Stipend Assignments table to say who holds them.",
    );
  });
});

describe("where each employee stands", () => {
  // A plateau: steps 3 and 4 both pay 44,000.
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5"],
    ["P", "G", 40_000, 42_000, 44_000, 44_000, 46_000],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "Step"],
    ["lowest", "P", "G", 44_000, null], // no Step: the lowest equal step, 3
    ["chosen", "P", "G", 44_000, 4], // the roster's Step pays the salary: step 4
    ["wrong-step", "P", "G", 44_000, 2], // step 2 pays 42,000: the lowest equal step, 3
    ["noise", "P", "G", 42_000.004, 5], // within half a cent of step 2
    ["between", "P", "G", 43_000, 3], // no step pays it: off schedule, whatever the Step column says
  ];
  const result = studyOf({
    plans,
    roster,
    asOf: AS_OF,
    options: { years: 1 },
    exhibits: ["settlement-detail", "scattergram"],
  });
  it.each([
    ["lowest", 3, 4],
    ["chosen", 4, 5],
    ["wrong-step", 3, 4],
    ["noise", 2, 3],
    ["between", null, null],
  ])("%s: step %s, then %s after a year of movement", (id, step, next) => {
    expect(find(records(result, "settlement-detail"), { "Employee ID": id })).toMatchObject({
      Step: step,
      "Year 1 Step": next,
    });
  });
  it("counts the off-schedule employee in Off Schedule", () => {
    expect(find(records(result, "scattergram"), { Grade: "G", Measure: "FTE" })).toMatchObject({
      "Step 2": 1,
      "Step 3": 2,
      "Step 4": 1,
      "Off Schedule": 1,
      Total: 5,
    });
  });
});

describe("a roster placed on lanes is costed on its lane's steps (issue 16's lane placement)", () => {
  // A lane schedule whose table skips step 4: step 4 pays step 3's pay, as COMP.LANEPAY reads it.
  const lanes: CellValue[][] = [
    ["Plan", "Step", "BA", "MA"],
    ["Teachers", 1, 40_000, 44_000],
    ["Teachers", 2, 41_000, 45_500],
    ["Teachers", 3, 42_000, 47_000],
    ["Teachers", 5, 44_000, 50_000],
  ];
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2"],
    ["Clerical", "C1", 30_000, 31_000],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Lane", "Step", "Salary"],
    ["L1", "Teachers", "BA", null, 42_000], // no Step: the lowest step paying it, 3
    ["L2", "Teachers", "BA", 4, 42_000], // Step 4 (skipped in the table) pays step 3's 42,000: step 4
    ["L3", "Teachers", "MA", 9, 50_000], // past the top, the top step (5) holds, as pay-vs-schedule reads it
    ["L4", "Teachers", "MA", 1, 44_000],
  ];
  const result = studyOf({
    plans,
    roster,
    asOf: AS_OF,
    tables: { lanes },
    options: { raise: "3%" },
    exhibits: ["settlement-detail", "settlement-cost", "step-cost", "pay-vs-schedule"],
  });

  it.each([
    ["L1", 3, 4, 43_260], // 42,000 × 1.03 at step 4
    ["L2", 4, 5, 45_320], // 44,000 × 1.03
    ["L3", 5, 5, 51_500],
    ["L4", 1, 2, 46_865], // 45,500 × 1.03
  ])("%s stands on step %s and moves to step %s, paid %s", (id, step, next, pay) => {
    expect(find(records(result, "settlement-detail"), { "Employee ID": id })).toMatchObject({
      Plan: "Teachers",
      Step: step,
      "Year 1 Step": next,
      "Year 1 Salary": pay,
    });
  });

  it("costs the lane's step and the schedule by hand: 3,500 of steps, 5,445 of schedule", () => {
    // Steps: L2 42,000 → 44,000 and L4 44,000 → 45,500; L1's step 3 → 4 costs nothing, L3 holds.
    expect(find(records(result, "step-cost"), { Plan: "Teachers", Grade: "Total" })).toMatchObject({
      "Base Cost": 178_000,
      "Step Cost": 3_500,
    });
    const year1 = find(records(result, "settlement-cost"), { Plan: "All", Year: 1 });
    expect(year1["Salary Cost"]).toBeCloseTo(186_945, 6);
    expect(year1["Step Cost"]).toBeCloseTo(3_500, 6);
    // 3 % of the year-0 schedule at each employee's new step: (42,000 + 44,000 + 50,000 + 45,500) × 3 %.
    expect(year1["Schedule Cost"]).toBeCloseTo(5_445, 6);
  });

  it("agrees with pay-vs-schedule: no one is off their step", () => {
    expect(records(result, "pay-vs-schedule").filter((row) => row["Employee ID"] !== null)).toEqual([]);
  });
});

describe("the issue's sample check: --raise 3% --freeze 1 against the same-step cost of --adjust 3%", () => {
  const root = path.join(__dirname, "..", "..");
  const text = (file: string): CellValue[][] =>
    fs
      .readFileSync(path.join(root, "samples", file), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(",").map((cell) => (cell !== "" && !Number.isNaN(Number(cell)) ? Number(cell) : cell)));
  const plans = text("pay-plans.csv");
  const roster = text("roster.csv");
  const settled = studyOf({
    plans,
    roster,
    asOf: "2013-04-01",
    options: { raise: "3%", freeze: "1" },
    exhibits: ["settlement-cost", "settlement-detail", "scattergram"],
  });
  const adjusted = studyOf({
    plans,
    roster,
    asOf: "2013-04-01",
    options: { adjust: "3%", "cost-method": "same-step" },
    exhibits: ["implementation-detail", "implementation-options"],
  });
  const year1 = find(records(settled, "settlement-cost"), { Plan: "All", Year: 1 });

  it("costs year 1's schedule change at about 3 % of the payroll, with no step cost", () => {
    const base = find(records(settled, "settlement-cost"), { Plan: "All", Year: 0 })["Salary Cost"] as number;
    expect(year1["Step Cost"]).toBe(0);
    expect((year1["Schedule Cost"] as number) / base).toBeCloseTo(0.03, 3);
  });

  it("equals the same-step implementation cost cent for cent for employees on a step, within rounding for the others", () => {
    const detail = new Map(records(settled, "settlement-detail").map((r) => [r["Employee ID"], r]));
    let onStep = 0;
    for (const move of records(adjusted, "implementation-detail")) {
      const path = detail.get(move["Employee ID"]) as Row;
      const settledIncrease = (path["Year 1 Salary"] as number) - (path.Salary as number);
      if (path.Step !== null) {
        onStep++;
        expect(Math.abs((move.Increase as number) - settledIncrease)).toBeLessThanOrEqual(0.005);
      } else {
        // Off schedule: current pay × the midpoint change against × 1.03 and rounded to the cent; the
        // proposed midpoint is that of the rounded minimum and maximum (to the dollar or the cent).
        const rate = path.Salary as number;
        expect(Math.abs((move.Increase as number) - settledIncrease)).toBeLessThanOrEqual(0.02 + rate * 2e-5);
      }
    }
    expect(onStep).toBeGreaterThan(1_000);
    const options = find(records(adjusted, "implementation-options"), { Method: "Same step on the new grade" });
    // 1,731,028: the "about $1.73M" of the issue; the off-schedule rows differ by a few cents a year.
    expect(Math.abs((options["Annual Cost"] as number) - (year1["Schedule Cost"] as number))).toBeLessThan(50);
    expect(Math.round((options["Annual Cost"] as number) / 10_000)).toBe(173);
  });
});

describe("the scenario from options", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
    ["P", "G", 40_000, 42_000, 44_000],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary"],
    ["E1", "P", "G", 40_000],
  ];
  const run = (options: Record<string, string | number>, exhibits = ["settlement-cost", "settlement-detail"]) =>
    studyOf({ plans, roster, asOf: AS_OF, options, exhibits });

  it("reads --raise 3%,2% --flat 500,0 --freeze 2: one term per year", () => {
    const result = run({ raise: "3%,2%", flat: "500,0", freeze: "2" });
    const rows = records(result, "settlement-cost");
    expect(rows.map((r) => [r.Year, r.Increase, r["Flat Amount"], r["Step Movement"]])).toEqual([
      [0, null, null, null],
      [1, 0.03, 500, "Yes"],
      [2, 0.02, 0, "No"],
      ["Settlement", null, null, null],
    ]);
    // Year 1: step 2 of (42,000 × 1.03 + 500 = 43,760); year 2, frozen: 43,760 × 1.02 = 44,635.2 → 44,635.
    expect(find(records(result, "settlement-detail"), { "Employee ID": "E1" })).toMatchObject({
      "Year 1 Step": 2,
      "Year 1 Salary": 43_760,
      "Year 2 Step": 2,
      "Year 2 Salary": 44_635,
    });
    expect(exhibit(result, "settlement-cost").description).toContain(
      "2 years: schedule increases of 3 %, 2 %; flat amounts of 500, 0; steps frozen in year 2",
    );
  });

  it("reads each raise as any percentage option reads it: 3%, 3 and 0.03 are 3 %", () => {
    const rows = records(run({ raise: "3%,2.5,0.02" }), "settlement-cost");
    expect(rows.slice(1, 4).map((r) => r.Increase)).toEqual([0.03, 0.025, 0.02]);
  });

  it("costs steps alone with --years: the top step holds", () => {
    const rows = records(run({ years: 3 }), "settlement-cost");
    expect(rows.map((r) => r["Step Cost"])).toEqual([0, 2_000, 2_000, 0, null]);
    expect(rows.map((r) => r["Salary Cost"])).toEqual([40_000, 42_000, 44_000, 44_000, null]);
  });

  it("is left out of a default run until costing is asked for, and says why", () => {
    const plain = studyOf({ plans, roster, asOf: AS_OF });
    const ids = (result: StudyResult): string[] => result.exhibits.map((e) => e.id);
    for (const id of ["scattergram", "step-cost", "settlement-cost", "settlement-detail"])
      expect(ids(plain)).not.toContain(id);
    expect(plain.summary.notes).toEqual(
      expect.arrayContaining([
        "not built (needs a settlement or a costing option): 6-5 Scattergram, 6-6 Step Cost",
        "not built (needs a settlement to cost): 6-7 Settlement Cost, 6-8 Settlement Detail",
      ]),
    );
    // A costing option alone: the scattergram and the step cost, but no settlement to cost.
    const turnover = ids(studyOf({ plans, roster, asOf: AS_OF, options: { turnover: "5%" } }));
    expect(turnover).toEqual(expect.arrayContaining(["scattergram", "step-cost"]));
    expect(turnover).not.toContain("settlement-cost");
    // Asked for by id, the step cost is built without anything else.
    expect(ids(studyOf({ plans, roster, asOf: AS_OF, exhibits: ["step-cost"] }))).toEqual(["step-cost"]);
    // A settlement: the whole family.
    expect(ids(studyOf({ plans, roster, asOf: AS_OF, options: { raise: "3%" } }))).toEqual(
      expect.arrayContaining(["scattergram", "step-cost", "settlement-cost", "settlement-detail"]),
    );
  });
});

describe("bad input gets a clear answer", () => {
  const plans: CellValue[][] = [
    ["Plan", "Grade", "Step 1", "Step 2"],
    ["Teachers", "T", 40_000, 42_000],
    ["Hourly", "H", 20, 21],
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "Benefit Group"],
    ["T1", "Teachers", "T", 40_000, "Cert"],
    ["H1", "Hourly", "H", 20, null],
  ];
  const run =
    (tables: Record<string, CellValue[][]>, options: Record<string, string> = {}) =>
    () =>
      studyOf({ plans, roster, asOf: AS_OF, tables, options, exhibits: ["settlement-cost"] });
  const settlement = (...rows: CellValue[][]): CellValue[][] => [
    ["Year", "Plan", "Increase", "Flat Amount", "Step Movement"],
    ...rows,
  ];

  it.each([
    [
      "a missing year",
      { settlement: settlement([1, null, 0.03, 0, "yes"], [3, null, 0.02, 0, "yes"]) },
      {},
      "year 2 is missing: the table goes to year 3, so it needs a row for every year from 1",
    ],
    [
      "a plan not in the pay plans",
      { settlement: settlement([1, null, 0.03, 0, "yes"], [1, "Nurses", 0.04, 0, "yes"]) },
      {},
      "row 3: plan 'Nurses' is not in the pay plans (plans: Teachers, Hourly)",
    ],
    [
      "a plan without terms in a year",
      { settlement: settlement([1, null, 0.03, 0, "yes"], [2, "Teachers", 0.02, 0, "no"]) },
      {},
      "year 2 has no row for plan 'Hourly' and no row for every plan (blank Plan): add one",
    ],
    [
      "a year given twice",
      { settlement: settlement([1, null, 0.03, 0, "yes"], [1, "", 0.02, 0, "yes"]) },
      {},
      "rows 2 and 3 both give year 1 for every plan (blank Plan): keep one",
    ],
    [
      "year 0",
      { settlement: settlement([0, null, 0.03, 0, "yes"]) },
      {},
      "row 2: Year 0 is the base (today's cost): settlement years start at 1",
    ],
    [
      "an increase written as a whole number",
      { settlement: settlement([1, null, 3, 0, "yes"]) },
      {},
      "row 2: Increase: 300% is above 100%: a cell holding 3 is 300%; for 3% write 3% or 0.03",
    ],
    [
      "a step movement that is not yes or no",
      { settlement: settlement([1, null, 0.03, 0, "maybe"]) },
      {},
      "row 2: Step Movement 'maybe' is not yes or no",
    ],
    [
      "a benefit group listed twice",
      {
        "benefit-groups": [
          ["Group", "Load Rate", "Per FTE"],
          ["Cert", 0.2, 10_000],
          ["CERT", 0.25, 0],
        ],
      },
      { raise: "3%" },
      "row 3: group 'CERT' is listed twice (rows 2 and 3): keep one",
    ],
    [
      "a settlement table and options both",
      { settlement: settlement([1, null, 0.03, 0, "yes"]) },
      { raise: "2%" },
      "Give one settlement: the Settlement table or schedule increases, not both",
    ],
    ["a negative turnover", {}, { raise: "3%", turnover: "-5%" }, "Turnover: -5% is below 0%"],
    [
      "a turnover of 100 %",
      {},
      { raise: "3%", turnover: "100%" },
      "Turnover: 100% would replace every position every year: give a share below 100%",
    ],
    ["a turnover above 100 %", {}, { raise: "3%", turnover: "150%" }, "Turnover: 150% is above 100%"],
    [
      "raises and flat amounts of different lengths",
      {},
      { raise: "3%,2%,2%", flat: "500" },
      "Flat amounts: 1 amount for 3 years: give one per year",
    ],
    [
      "a frozen year after the last",
      {},
      { raise: "3%,2%", freeze: "3" },
      "Years without step movement: year 3 is after the last year costed (2)",
    ],
    [
      "a blank item of a list",
      {},
      { raise: "3%,,2%" },
      "Schedule increases: value 2 of '3%,,2%' is blank: give one value per item",
    ],
  ])("%s", (_, tables, options, message) => {
    expect(run(tables, options)).toThrow(message);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

type Grade = { plan: string; grade: string; steps?: number[]; range?: [number, number]; hourly: boolean };

const gradeArb: fc.Arbitrary<Grade> = fc.oneof(
  fc
    .record({
      start: fc.integer({ min: 30_000, max: 60_000 }),
      rises: fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 0, maxLength: 6 }),
    })
    .map(({ start, rises }) => ({
      plan: "Annual",
      grade: "",
      steps: rises.reduce((steps, rise) => [...steps, steps[steps.length - 1] + rise], [start]),
      hourly: false,
    })),
  fc
    .record({
      start: fc.integer({ min: 1_500, max: 3_000 }),
      rises: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ start, rises }) => ({
      plan: "Hourly",
      grade: "",
      steps: rises.reduce((steps, rise) => [...steps, steps[steps.length - 1] + rise], [start]).map((c) => c / 100),
      hourly: true,
    })),
  fc
    .record({ min: fc.integer({ min: 40_000, max: 60_000 }), width: fc.integer({ min: 5_000, max: 30_000 }) })
    .map(({ min, width }) => ({
      plan: "Admin",
      grade: "",
      range: [min, min + width] as [number, number],
      hourly: false,
    })),
);

type Person = { grade: number; at: number | "off"; fte: number };

const caseArb = fc
  .record({
    grades: fc.array(gradeArb, { minLength: 1, maxLength: 4 }),
    people: fc.array(
      fc.record({
        grade: fc.nat(),
        at: fc.oneof(fc.nat(), fc.constant("off" as const)),
        fte: fc.constantFrom(1, 0.5, 0.75),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    years: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ grades, people, years }) => ({
    grades: grades.map((g, i) => ({ ...g, grade: `G${i + 1}` })),
    people: people.map((p): Person => ({ ...p, grade: p.grade % grades.length })),
    years,
  }));

function tablesOf(grades: Grade[], people: Person[]): { plans: CellValue[][]; roster: CellValue[][] } {
  const width = Math.max(1, ...grades.map((g) => g.steps?.length ?? 0));
  const plans: CellValue[][] = [
    ["Plan", "Grade", ...Array.from({ length: width }, (_, s) => `Step ${s + 1}`), "Minimum", "Maximum"],
    ...grades.map((g) => [
      g.plan,
      g.grade,
      ...Array.from({ length: width }, (_, s) => g.steps?.[s] ?? null),
      g.range?.[0] ?? null,
      g.range?.[1] ?? null,
    ]),
  ];
  const roster: CellValue[][] = [
    ["Employee ID", "Plan", "Grade", "Salary", "FTE"],
    ...people.map((p, i) => {
      const g = grades[p.grade];
      let salary: number;
      if (g.steps && p.at !== "off") salary = g.steps[p.at % g.steps.length];
      else if (g.steps)
        salary = Math.round(g.steps[0] * 100 * 1.013) / 100 + 0.01; // between steps, with cents
      else salary = (g.range as [number, number])[0] + 1_234.56;
      return [`E${i + 1}`, g.plan, g.grade, salary, p.fte];
    }),
  ];
  return { plans, roster };
}

describe("properties of the roll-forward", () => {
  it("with no increase, no flat amount, steps frozen and no turnover, every year costs the base", () => {
    fc.assert(
      fc.property(caseArb, ({ grades, people, years }) => {
        const { plans, roster } = tablesOf(grades, people);
        const freeze = Array.from({ length: years }, (_, y) => y + 1).join(",");
        const result = studyOf({
          plans,
          roster,
          asOf: AS_OF,
          options: { years, freeze, raise: Array(years).fill("0%").join(","), load: "10%", "per-fte": "1000" },
          exhibits: ["settlement-cost"],
        });
        const rows = records(result, "settlement-cost").filter((r) => r.Plan === "All" && r.Year !== "Settlement");
        const base = rows[0];
        for (const r of rows) {
          for (const key of ["Salary Cost", "Net Salary Cost", "Load Cost", "Total Cost", "Value of 1%"])
            expect(Math.abs((r[key] as number) - (base[key] as number))).toBeLessThan(1e-6);
          for (const key of ["Step Cost", "Schedule Cost", "Turnover Saving", "Change from Base"])
            expect(Math.abs(r[key] as number)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("year 1's step cost with steps moving is the step-cost exhibit's, whatever the raise", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 8 }), ({ grades, people }, raise) => {
        fc.pre(grades.some((grade) => grade.steps !== undefined));
        const { plans, roster } = tablesOf(grades, people);
        const result = studyOf({
          plans,
          roster,
          asOf: AS_OF,
          options: { raise: `${raise}%` },
          exhibits: ["step-cost", "settlement-cost"],
        });
        const stepCost = find(records(result, "step-cost"), { Plan: "All" })["Step Cost"] as number;
        const year1 = find(records(result, "settlement-cost"), { Plan: "All", Year: 1 })["Step Cost"] as number;
        expect(Math.abs(year1 - stepCost)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it("turnover: the net cost is the explicit simulation of every cohort, position by position", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.record({ raise: fc.integer({ min: 0, max: 5 }), frozen: fc.boolean() }), {
          minLength: 1,
          maxLength: 5,
        }),
        ({ grades, people }, percent, terms) => {
          const { plans, roster } = tablesOf(grades, people);
          const t = percent / 100;
          const result = studyOf({
            plans,
            roster,
            asOf: AS_OF,
            options: {
              raise: terms.map((term) => `${term.raise}%`).join(","),
              freeze: terms.flatMap((term, y) => (term.frozen ? [y + 1] : [])).join(",") || undefined,
              turnover: `${percent}%`,
            } as Record<string, string>,
            exhibits: ["settlement-cost"],
          });
          const net = records(result, "settlement-cost")
            .filter((r) => r.Plan === "All" && r.Year !== "Settlement")
            .map((r) => r["Net Salary Cost"] as number);
          expect(net.length).toBe(terms.length + 1);
          const expected = simulate(grades, roster, terms, t);
          expected.forEach((value, y) => expect(Math.abs(net[y] - value)).toBeLessThan(1e-6 * Math.max(1, value)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Excel's ROUND for the simulation (half away from zero on the decimal). */
function excelRound(value: number, digits: number): number {
  const shifted = Number(`${Number(Math.abs(value).toPrecision(15))}e${digits}`);
  return Math.sign(value) * Number(`${Math.round(shifted)}e-${digits}`);
}

/**
 * The turnover model written out the slow way: every position is a list of cohorts (share,
 * step or salary), each year moved, raised, then a share t of every cohort replaced by a new one.
 */
function simulate(
  grades: Grade[],
  roster: CellValue[][],
  terms: { raise: number; frozen: boolean }[],
  t: number,
): number[] {
  const totals = Array(terms.length + 1).fill(0) as number[];
  for (const row of roster.slice(1)) {
    const grade = grades.find((g) => g.grade === row[2]) as Grade;
    const salary = row[3] as number;
    const fte = row[4] as number;
    const units = grade.hourly ? 2_080 * fte : fte;
    const cents = grade.hourly || (grade.steps ?? grade.range ?? []).some((v) => !Number.isInteger(v));
    let schedule = grade.steps ? [...grade.steps] : null;
    let min = grade.range ? grade.range[0] : 0;
    const stepOf = (pay: number): number => (schedule ? schedule.findIndex((s) => Math.abs(s - pay) <= 0.005) : -1);
    type Cohort = { share: number; step: number; pay: number };
    let cohorts: Cohort[] = [{ share: 1, step: stepOf(salary), pay: salary }];
    totals[0] += salary * units;
    terms.forEach((term, y) => {
      const increase = term.raise / 100;
      const last = schedule;
      if (schedule) schedule = schedule.map((s) => excelRound(s * (1 + increase), cents ? 2 : 0));
      min = excelRound(min * (1 + increase), cents ? 2 : 0);
      for (const cohort of cohorts) {
        if (cohort.step >= 0 && schedule && last) {
          if (!term.frozen) cohort.step = Math.min(cohort.step + 1, schedule.length - 1);
          cohort.pay = schedule[cohort.step];
        } else cohort.pay = excelRound(cohort.pay * (1 + increase), 2);
      }
      const joining: Cohort = schedule ? { share: 0, step: 0, pay: schedule[0] } : { share: 0, step: -1, pay: min };
      for (const cohort of cohorts) {
        joining.share += cohort.share * t;
        cohort.share *= 1 - t;
      }
      cohorts = [...cohorts, joining];
      totals[y + 1] += cohorts.reduce((sum, cohort) => sum + cohort.share * cohort.pay, 0) * units;
    });
  }
  return totals;
}
