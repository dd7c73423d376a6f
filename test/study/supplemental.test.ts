/**
 * Supplemental pay (exhibits 9-1 … 9-3), worked by hand: each basis (annual, percent of base pay
 * with FTE, hour, day, month), proration by the days of the fiscal year (both ends counted),
 * longevity on its threshold, a day short of it, from Service Years and after a rehire; an
 * employee whose grade is not in the plans with a row of their own; every assignment problem
 * listed with its reason.
 */
import fc from "fast-check";
import { normalizeKey, type CellValue } from "../../src/engine/cells";
import type { Exhibit, StudyResult } from "../../src/exhibits/spec/types";
import { Study } from "../../src/engine/study/context";
import { basisOf } from "../../src/engine/study/families/cost";
import {
  LONGEVITY_INPUT,
  employeeSupplemental,
  studyFiscalYear,
  supplementalEmployee,
  type SupplementalEmployee,
} from "../../src/engine/study/families/supplemental";
import type { PlacedEmployee } from "../../src/engine/study/placement";
import { OPTIONS, exhibitById } from "../../src/engine/study/registry";
import { studyOf } from "./helpers";

// The fiscal year of 2013-04-01: 2012-07-01 to 2013-06-30, 365 days.
const AS_OF = "2013-04-01";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Unit", "Step 1", "Step 2", "Step 3"],
  ["Annual", "A1", null, 40_000, 42_000, 44_000],
  ["Hourly", "H1", null, 20, 21, 22],
  ["Substitutes", "X1", "daily", 100, 110, null],
];

const ROSTER: CellValue[][] = [
  [
    "Employee ID",
    "Plan",
    "Grade",
    "Salary",
    "Hire Date",
    "FTE",
    "Annual Hours",
    "Service Years",
    "Rehire Date",
    "Separation Date",
  ],
  ["E1", "Annual", "A1", 40_000, "2003-04-01", 1, null, null, null, null], // 10 years on the as-of date itself
  ["E2", "Annual", "A1", 42_000, "2003-04-02", 0.5, null, null, null, null], // 9 years: a day short of 10
  ["E3", "Hourly", "H1", 20, "2010-01-01", 1, 1_000, null, null, null], // base 20 × 1,000 hours
  ["E4", "Hourly", "H1", 21, "2000-01-01", 1, null, null, "2011-06-01", null], // rehired: 1 year, not 13
  ["E5", "Annual", "A1", 44_000, "2012-01-01", 1, null, 20, null, null], // Service Years 20 win over the hire date
  ["E6", "Annual", "Z9", 50_000, "2000-01-01", 1, null, null, null, null], // grade not in the plans
  ["E7", "Annual", "A1", 40_000, "2000-01-01", 1, null, null, null, "2013-01-31"], // separated
  ["E8", "Substitutes", "X1", 100, "2012-01-01", 1, null, null, null, null], // daily rate, no days known
];

const STIPENDS: CellValue[][] = [
  ["Code", "Stipend", "Amount", "Basis", "Category", "Raises With Schedule"],
  ["101", "Head Coach", 3_000, "annual", "Athletics", null],
  ["102", "Assistant Coach", 1_500, null, "Athletics", null],
  ["201", "Bilingual", "5%", "percent", "Bilingual", null],
  ["301", "Tutoring", 25, "hour", "Extra Duty", "yes"],
  ["302", "Extended Day", 150, "day", "Extra Duty", null],
  ["303", "Department Chair", 200, "month", "Leadership", null],
  ["999", "Broken", "abc", "annual", "Leadership", null],
];

const LONGEVITY: CellValue[][] = [
  ["Years of Service", "Amount", "Percent"],
  [10, 1_000, null],
  [5, 500, null],
  [20, null, "2%"],
];

const ASSIGNMENTS: CellValue[][] = [
  ["Employee ID", "Code", "Units", "Start Date", "End Date"],
  ["E1", "101", null, null, null], // row 2: 3,000
  ["E1", "101", null, null, null], // row 3: the same again
  ["E2", "201", 1, null, null], // row 4: 5 % × 42,000 × 0.5 = 1,050
  ["E3", "301", 40, "2013-01-01", "2013-06-30"], // row 5: 25 × 40 × 181 / 365
  ["E4", "302", 10, null, null], // row 6: 150 × 10 = 1,500
  ["E5", "303", 9, null, null], // row 7: 200 × 9 = 1,800
  ["E6", "102", null, null, null], // row 8: 1,500 on the unmatched employee's own row
  ["E6", "201", null, null, null], // row 9: percent of a base that cannot be priced
  ["E7", "101", null, null, null], // row 10: separated
  ["E9", "101", null, null, null], // row 11: not in the roster
  ["E1", "555", null, null, null], // row 12: no such code
  ["E1", "102", 2, null, null], // row 13: units on an annual stipend
  ["E3", "301", 40, "2013-07-01", "2013-12-31"], // row 14: wholly after the fiscal year
  ["E1", "999", null, null, null], // row 15: the stipend's row cannot be used
  ["E8", "101", null, null, null], // row 16: 3,000 on the unpriced employee's own row
  ["E2", "102", null, "2012-06-01", "2012-07-31"], // row 17: 1,500 × 31 / 365 (July only)
  ["E3", "301", null, null, null], // row 18: hours blank
];

const TUTORING = (25 * 40 * 181) / 365;
const JULY = (1_500 * 31) / 365;

function run(options: Record<string, string> = {}, tables: Record<string, CellValue[][]> = {}): StudyResult {
  return studyOf({
    plans: PLANS,
    roster: ROSTER,
    asOf: AS_OF,
    tables: { stipends: STIPENDS, "stipend-assignments": ASSIGNMENTS, longevity: LONGEVITY, ...tables },
    options,
    exhibits: ["supplemental-pay", "total-pay", "supplemental-problems", "unmatched-employees"],
  });
}

function exhibit(result: StudyResult, id: string): Exhibit {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

/** The rows of an exhibit as records keyed by column name. */
function records(ex: Exhibit): Record<string, CellValue>[] {
  return ex.rows.map((row) => Object.fromEntries(ex.columns.map((c, i) => [c.name, row.values[i]])));
}

function find(ex: Exhibit, match: (r: Record<string, CellValue>) => boolean): Record<string, CellValue> {
  const found = records(ex).find(match);
  if (!found) throw new Error(`no such row in ${ex.id}`);
  return found;
}

describe("total-pay", () => {
  const ex = exhibit(run(), "total-pay");
  const row = (plan: string, grade: string) => find(ex, (r) => r.Plan === plan && r.Grade === grade);

  it("prices base pay by the salary basis and adds each basis of stipend and the longevity band", () => {
    // E1 40,000 + E2 42,000 × 0.5 + E5 44,000; stipends 3,000 + 1,050 + July's 1,500 + 1,800;
    // longevity E1 1,000 (10 years on the day) + E2 500 (9 years) + E5 2 % × 44,000 (Service Years 20).
    const a1 = row("Annual", "A1");
    expect(a1.Employees).toBe(3);
    expect(a1["Base Pay"]).toBeCloseTo(105_000, 6);
    expect(a1.Stipends).toBeCloseTo(3_000 + 1_050 + JULY + 1_800, 6);
    expect(a1.Longevity).toBeCloseTo(1_000 + 500 + 880, 6);
    expect(a1["Total Pay"]).toBeCloseTo(105_000 + 5_850 + JULY + 2_380, 6);
    expect(a1["Supplemental %"]).toBeCloseTo((5_850 + JULY + 2_380) / (105_000 + 5_850 + JULY + 2_380), 12);
    // E3 20 × 1,000 hours; E4 21 × 2,080; E4's rehire leaves 1 year: no longevity.
    const h1 = row("Hourly", "H1");
    expect(h1.Employees).toBe(2);
    expect(h1["Base Pay"]).toBeCloseTo(20_000 + 43_680, 6);
    expect(h1.Stipends).toBeCloseTo(TUTORING + 1_500, 6);
    expect(h1.Longevity).toBe(0);
  });

  it("gives an employee whose base cannot be priced a row of their own, in All and in no plan total", () => {
    const z9 = row("Annual", "Z9");
    expect(z9).toMatchObject({ Employees: 1, "Base Pay": 0, Stipends: 1_500, Longevity: 1_000 });
    const x1 = row("Substitutes", "X1");
    expect(x1).toMatchObject({ Employees: 1, "Base Pay": 0, Stipends: 3_000, Longevity: 0 });
    expect(row("Annual", "Total").Employees).toBe(3);
    expect(records(ex).some((r) => r.Plan === "Substitutes" && r.Grade === "Total")).toBe(false);
    const all = row("All", "Total");
    expect(all.Employees).toBe(7);
    expect(all["Base Pay"]).toBeCloseTo(168_680, 6);
    expect(all.Stipends).toBeCloseTo(5_850 + JULY + TUTORING + 1_500 + 1_500 + 3_000, 6); // A1, H1, Z9 and X1
    expect(all.Longevity).toBeCloseTo(3_380, 6);
    // Own rows come after the plans, before All.
    expect(records(ex).map((r) => `${r.Plan}/${r.Grade}`)).toEqual([
      "Annual/A1",
      "Annual/Total",
      "Hourly/H1",
      "Hourly/Total",
      "Annual/Z9",
      "Substitutes/X1",
      "All/Total",
    ]);
  });

  it("lists the employee whose daily rate has no days in unmatched-employees", () => {
    const unmatched = records(exhibit(run(), "unmatched-employees"));
    expect(unmatched.find((r) => r["Employee ID"] === "E8")?.Reason).toMatch(
      /^Row 9: total pay: the base pay cannot be priced: .*paid by the day/,
    );
    expect(unmatched.find((r) => r["Employee ID"] === "E6")?.Reason).toMatch(/Z9/);
  });
});

describe("supplemental-pay", () => {
  const ex = exhibit(run(), "supplemental-pay");
  const stipend = (code: string) => find(ex, (r) => r.Code === code);

  it("shows each stipend by category, then code, with distinct employees, units as assigned and the cost", () => {
    expect(records(ex).map((r) => `${r.Category}|${r.Code ?? ""}|${r["Years of Service"] ?? ""}`)).toEqual([
      "Athletics|101|",
      "Athletics|102|",
      "Athletics|Total|",
      "Bilingual|201|",
      "Bilingual|Total|",
      "Extra Duty|301|",
      "Extra Duty|302|",
      "Extra Duty|Total|",
      "Leadership|303|",
      "Leadership|Total|",
      "Stipends|Total|",
      "Longevity||5",
      "Longevity||10",
      "Longevity||20",
      "Longevity|Total|",
      "All|Total|",
    ]);
    expect(stipend("101")).toMatchObject({ Basis: "annual", Employees: 2, Units: 2, "Annual Cost": 6_000 });
    expect(stipend("102").Employees).toBe(2);
    expect(stipend("102")["Annual Cost"]).toBeCloseTo(1_500 + JULY, 9);
    expect(stipend("201")).toMatchObject({ Basis: "percent", Employees: 1, Units: 1 });
    expect(stipend("201")["Annual Cost"]).toBeCloseTo(1_050, 9);
    expect(stipend("301")).toMatchObject({ Basis: "hour", Employees: 1, Units: 40 });
    expect(stipend("301")["Annual Cost"]).toBeCloseTo(495.890411, 6);
    expect(stipend("302")).toMatchObject({ Basis: "day", Units: 10, "Annual Cost": 1_500 });
    expect(stipend("303")).toMatchObject({ Basis: "month", Units: 9, "Annual Cost": 1_800 });
    const athletics = find(ex, (r) => r.Category === "Athletics" && r.Code === "Total");
    expect(athletics.Employees).toBe(4); // E1, E8 (101); E6, E2 (102)
  });

  it("shows each longevity band and the totals with their share of total pay", () => {
    const band = (years: number) => find(ex, (r) => r["Years of Service"] === years);
    expect(band(5)).toMatchObject({ Employees: 1, "Annual Cost": 500, Basis: "annual" });
    expect(band(10)).toMatchObject({ Employees: 2, "Annual Cost": 2_000 }); // E1 and E6 (unmatched, flat)
    expect(band(20)).toMatchObject({ Employees: 1, Basis: "percent", Stipend: "20 or more years: 2 % of base pay" });
    expect(band(20)["Annual Cost"]).toBeCloseTo(880, 9);
    const stipends = 6_000 + 1_500 + JULY + 1_050 + TUTORING + 1_500 + 1_800;
    const totalPay = 168_680 + stipends + 3_380;
    const all = find(ex, (r) => r.Category === "All");
    expect(all.Employees).toBe(7);
    expect(all["Annual Cost"]).toBeCloseTo(stipends + 3_380, 6);
    expect(all["Share of Total Pay"]).toBeCloseTo((stipends + 3_380) / totalPay, 12);
    const totalPayAll = find(exhibit(run(), "total-pay"), (r) => r.Plan === "All");
    expect(totalPayAll["Total Pay"]).toBeCloseTo(totalPay, 6);
  });
});

describe("supplemental-problems", () => {
  const problems = records(exhibit(run(), "supplemental-problems"));
  const reason = (table: string, row: number) =>
    problems.find((p) => p.Table === table && p.Row === row)?.Problem ?? "(not listed)";

  it.each([
    [3, /^the same assignment as row 2 .*the first counts$/],
    [9, /^a percent of base pay, and this employee's base pay cannot be priced/],
    [10, /^employee 'E7' separated on 2013-01-31, on or before the as-of date: not counted$/],
    [11, /^Employee ID 'E9' is not in the roster$/],
    [12, /^Code '555' is not in the Stipends table$/],
    [13, /^Units 2 on an annual stipend, which is paid once/],
    [14, /^the assignment \(2013-07-01 to 2013-12-31\) is wholly outside the fiscal year 2012-07-01 to 2013-06-30/],
    [15, /^the Stipends row of code '999' \(row 8\) cannot be used: Amount 'abc' is not a number$/],
    [18, /^Units is blank: a stipend paid per hour needs its hours$/],
  ])("lists assignment row %i with its reason", (row, pattern) => {
    expect(reason("Stipend Assignments", row)).toMatch(pattern);
  });

  it("lists the unusable Stipends row, and reconciles every assignment row", () => {
    expect(reason("Stipends", 8)).toBe("Amount 'abc' is not a number");
    const listed = problems.filter((p) => p.Table === "Stipend Assignments").length;
    expect(listed).toBe(9);
    const notes = exhibit(run(), "supplemental-pay").notes ?? [];
    expect(notes).toContain(
      "Stipend Assignments: 17 rows read = 8 counted + 9 listed with the reason in Supplemental Pay Problems.",
    );
  });
});

describe("the fiscal year (--fiscal-year-start)", () => {
  const result = run({ "fiscal-year-start": "01-01" }); // 2013-01-01 to 2013-12-31
  const ex = exhibit(result, "supplemental-pay");

  it("prorates in the calendar year holding the as-of date, and says which year in the description", () => {
    // Row 5 (Jan–Jun 2013) is 181 days of 365 as before; row 14 (Jul–Dec 2013) is now in: 184 days.
    expect(find(ex, (r) => r.Code === "301")["Annual Cost"]).toBeCloseTo((1_000 * 181) / 365 + (1_000 * 184) / 365, 9);
    expect(ex.description).toContain("in the fiscal year January 1, 2013 to December 31, 2013 (365 days)");
    // Row 17 (June–July 2012) now lies wholly before the year.
    const problems = records(exhibit(result, "supplemental-problems"));
    expect(problems.find((p) => p.Row === 17)?.Problem).toMatch(
      /wholly outside the fiscal year 2013-01-01 to 2013-12-31/,
    );
  });

  it("refuses a day that is not one, naming the option", () => {
    expect(() => run({ "fiscal-year-start": "02-30" })).toThrow(
      "Fiscal year start: '02-30' is not a day of the year (write MM-DD, e.g. 07-01; not 02-29)",
    );
  });
});

describe("the roster's Service Years and Rehire Date", () => {
  const roster = (service: CellValue, rehire: CellValue): CellValue[][] => [
    ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Service Years", "Rehire Date"],
    ["R1", "Annual", "A1", 40_000, "2000-01-01", service, rehire],
  ];
  const reasonFor = (service: CellValue, rehire: CellValue) =>
    studyOf({ plans: PLANS, roster: roster(service, rehire), asOf: AS_OF, exhibits: ["unmatched-employees"] })
      .exhibits[0].rows[0]?.values[3];

  it.each<[CellValue, CellValue, string]>([
    ["ten", null, "Row 2: Service Years 'ten' is not a number"],
    [-1, null, "Row 2: Service Years -1 is below zero"],
    [null, "1999-06-30", "Row 2: Rehire Date 1999-06-30 is before the Hire Date 2000-01-01"],
    [null, "2013-05-01", "Row 2: Rehire Date 2013-05-01 is after the as-of date 2013-04-01"],
    [null, "someday", "Row 2: Rehire Date 'someday' is not a date (use yyyy-mm-dd, m/d/yyyy or an Excel date)"],
  ])("lists Service Years %p, Rehire Date %p with the reason", (service, rehire, reason) => {
    expect(reasonFor(service, rehire)).toBe(reason);
  });

  it("reads the longevity from the rehire date, or the Service Years that win over both dates", () => {
    const longevityOf = (service: CellValue, rehire: CellValue): CellValue => {
      const result = studyOf({
        plans: PLANS,
        roster: roster(service, rehire),
        asOf: AS_OF,
        tables: { longevity: LONGEVITY },
        exhibits: ["total-pay"],
      });
      return find(result.exhibits[0], (r) => r.Grade === "A1").Longevity;
    };
    expect(longevityOf(null, null)).toBe(1_000); // 13 years from 2000-01-01
    expect(longevityOf(null, "2007-04-01")).toBe(500); // 6 years since the rehire
    expect(longevityOf(null, "2010-04-02")).toBe(0); // 2 years
    expect(longevityOf(4, "2010-04-02")).toBe(0); // Service Years win: 4, below 5
    expect(longevityOf(21, null)).toBeCloseTo(800, 9); // 2 % × 40,000
  });
});

describe("which exhibits can be built", () => {
  it("builds from a Longevity table alone: the longevity section only", () => {
    const result = studyOf({ plans: PLANS, roster: ROSTER, asOf: AS_OF, tables: { longevity: LONGEVITY } });
    const ex = exhibit(result, "supplemental-pay");
    expect(records(ex).map((r) => r.Category)).toEqual(["Longevity", "Longevity", "Longevity", "Longevity", "All"]);
    expect(find(ex, (r) => r.Category === "All")["Annual Cost"]).toBeCloseTo(1_000 + 500 + 880 + 1_000, 9);
  });

  it("says what is missing in the summary, and refuses to build on request", () => {
    const tables = { stipends: STIPENDS };
    const result = studyOf({ plans: PLANS, roster: ROSTER, asOf: AS_OF, tables });
    expect(result.summary.notes).toContain(
      "not built (needs the Stipend Assignments table, to go with the Stipends): 9-1 Supplemental Pay, 9-2 Total Pay, 9-3 Supplemental Pay Problems",
    );
    expect(() => studyOf({ plans: PLANS, roster: ROSTER, asOf: AS_OF, tables, exhibits: ["total-pay"] })).toThrow(
      "Exhibit total-pay cannot be built: no Stipend Assignments table (sheet 'Stipend Assignments' or --stipend-assignments FILE) to go with the Stipends",
    );
    expect(studyOf({ plans: PLANS, roster: ROSTER, asOf: AS_OF }).summary.notes).toContain(
      "not built (needs the Stipends and Stipend Assignments tables, or the Longevity table): 9-1 Supplemental Pay, 9-2 Total Pay, 9-3 Supplemental Pay Problems",
    );
  });

  it("names the table and row when a table has no usable row", () => {
    expect(() =>
      run(
        {},
        {
          longevity: [
            ["Years of Service", "Amount"],
            ["five", 500],
          ],
        },
      ),
    ).toThrow(
      "The Longevity table has no usable row (Years of Service, Amount or Percent): row 2: Years of Service 'five' is not a number",
    );
  });
});

describe("invariants over random assignment tables", () => {
  const ids = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", ""];
  const codes = ["101", "102", "201", "301", "302", "303", "999", "555", ""];
  const dates = [null, "2012-05-01", "2012-07-01", "2012-12-15", "2013-06-30", "2013-08-01", "not a date"];
  const assignment = fc.tuple(
    fc.constantFrom(...ids),
    fc.constantFrom(...codes),
    fc.constantFrom<CellValue>(null, 0, 1, 2, 12.5, -1, "x"),
    fc.constantFrom<CellValue>(...dates),
    fc.constantFrom<CellValue>(...dates),
  );

  it("counts or lists every row, and the two exhibits agree on every total", () => {
    fc.assert(
      fc.property(fc.array(assignment, { maxLength: 40 }), (rows) => {
        const result = run({}, { "stipend-assignments": [ASSIGNMENTS[0], ...rows] });
        const pay = records(exhibit(result, "supplemental-pay"));
        const total = records(exhibit(result, "total-pay"));
        const listed = records(exhibit(result, "supplemental-problems")).filter(
          (p) => p.Table === "Stipend Assignments",
        );
        const note = (exhibit(result, "supplemental-pay").notes ?? []).find((n) =>
          n.startsWith("Stipend Assignments:"),
        );
        const [read, counted, shown] = (note?.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, "")));
        expect([read, shown]).toEqual([rows.length, listed.length]);
        expect(counted + shown).toBe(read);
        const cost = (r: Record<string, CellValue>) => r["Annual Cost"] as number;
        const stipendRows = pay.filter((r) => /^\d+$/.test(String(r.Code)));
        const stipends = pay.find((r) => r.Category === "Stipends") as Record<string, CellValue>;
        expect(stipendRows.reduce((sum, r) => sum + cost(r), 0)).toBeCloseTo(cost(stipends), 6);
        expect(stipendRows.reduce((sum, r) => sum + (r.Units as number), 0)).toBeGreaterThanOrEqual(0);
        const all = total.find((r) => r.Plan === "All") as Record<string, CellValue>;
        const n = (value: CellValue) => value as number;
        expect(n(all.Stipends)).toBeCloseTo(cost(stipends), 6);
        expect(n(all.Stipends) + n(all.Longevity)).toBeCloseTo(cost(pay.find((r) => r.Category === "All") as never), 6);
        expect(n(all["Base Pay"]) + n(all.Stipends) + n(all.Longevity)).toBeCloseTo(n(all["Total Pay"]), 6);
        const planTotals = total.filter((r) => r.Grade === "Total" && r.Plan !== "All");
        const own = total.filter((r) => r.Grade !== "Total" && !["A1", "H1"].includes(String(r.Grade)));
        expect([...planTotals, ...own].reduce((sum, r) => sum + n(r.Employees), 0)).toBe(n(all.Employees));
      }),
      { numRuns: 60 },
    );
  });
});

describe("matching as people mean it", () => {
  it("matches Employee IDs and codes in any case, with leading zeros and spaces", () => {
    const result = run(
      {},
      {
        "stipend-assignments": [
          ["Employee ID", "Code", "Units"],
          [" e1 ", "0101", null],
          ["E3", " 301 ", 10],
        ],
      },
    );
    const ex = exhibit(result, "supplemental-pay");
    expect(find(ex, (r) => r.Code === "101")).toMatchObject({ Employees: 1, "Annual Cost": 3_000 });
    expect(find(ex, (r) => r.Code === "301")).toMatchObject({ Employees: 1, Units: 10, "Annual Cost": 250 });
    expect(records(exhibit(result, "supplemental-problems")).filter((p) => p.Table === "Stipend Assignments")).toEqual(
      [],
    );
  });
});

describe("Employee IDs matched as people mean them, whatever the roster's spelling", () => {
  it("finds every employee from any spelling of the ID (case, leading zeros, spaces)", () => {
    const spelling = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,6}$/),
      fc.integer({ min: 1, max: 99_999 }).map((n) => `${"0".repeat(n % 3)}${n}`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(spelling, { minLength: 1, maxLength: 12, selector: normalizeKey }), (ids) => {
        const roster: CellValue[][] = [
          ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
          ...ids.map((id): CellValue[] => [id, "Annual", "A1", 40_000, "2010-01-01"]),
        ];
        // Another spelling of each: the other case, no leading zeros, spaces around.
        const other = (id: string) =>
          ` ${/^\d+$/.test(id) ? String(Number(id)) : id === id.toUpperCase() ? id.toLowerCase() : id.toUpperCase()} `;
        const result = studyOf({
          plans: PLANS,
          roster,
          asOf: AS_OF,
          tables: {
            stipends: STIPENDS,
            "stipend-assignments": [["Employee ID", "Code"], ...ids.map((id) => [other(id), "101"])],
          },
          exhibits: ["supplemental-pay", "supplemental-problems"],
        });
        expect(records(exhibit(result, "supplemental-problems"))).toEqual([
          expect.objectContaining({ Table: "Stipends", Row: 8 }), // the broken stipend row, nothing else
        ]);
        expect(find(exhibit(result, "supplemental-pay"), (r) => r.Code === "101").Employees).toBe(ids.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the exhibits and the costing's pure function agree", () => {
  it("sums employeeSupplemental over every active employee to the exhibits' totals, for random assignment tables", () => {
    const ids = ["E1", "E2", "E3", "E4", "E5", "E6", "E8", "e2 ", "E9"];
    const assignment = fc.tuple(
      fc.constantFrom(...ids),
      fc.constantFrom("101", "102", "201", "301", "302", "303"),
      fc.constantFrom<CellValue>(null, 1, 3, 12.5),
      fc.constantFrom<CellValue>(null, "2012-05-01", "2012-12-15", "2013-03-31"),
      fc.constantFrom<CellValue>(null, "2012-09-30", "2013-06-30", "2014-01-01"),
    );
    fc.assert(
      fc.property(fc.array(assignment, { maxLength: 30 }), (rows) => {
        const tables = {
          plans: { rows: PLANS, source: "plans" },
          roster: { rows: ROSTER, source: "roster" },
          stipends: { rows: STIPENDS, source: "stipends" },
          "stipend-assignments": { rows: [ASSIGNMENTS[0], ...rows], source: "assignments" },
          longevity: { rows: LONGEVITY, source: "longevity" },
        };
        const study = new Study(AS_OF, tables, {}, OPTIONS);
        const built = exhibitById("total-pay")?.build(study);
        const all = built?.rows.find((row) => row.values[0] === "All")?.values ?? [];
        const fiscalYear = studyFiscalYear(study);
        let stipends = 0;
        let longevity = 0;
        for (const employee of study.roster.employees) {
          if (employee.separationDay !== null && employee.separationDay <= study.asOfDay) continue;
          const placed = study.placement.employees.find((e) => e === employee);
          const basis = placed ? basisOf(placed, placed.payGrade, placed.payPlan) : "unplaced";
          const base = typeof basis === "string" ? null : (placed as PlacedEmployee).rate * basis.units;
          const person = supplementalEmployee(study, employee) as SupplementalEmployee;
          const bands = study.input(LONGEVITY_INPUT)?.bands;
          const pay = employeeSupplemental(person, base, (s) => s.amount, bands, { day: study.asOfDay, fiscalYear });
          stipends += pay.stipends;
          longevity += pay.longevity ?? 0;
        }
        expect(all[4]).toBeCloseTo(stipends, 6);
        expect(all[5]).toBeCloseTo(longevity, 6);
      }),
      { numRuns: 40 },
    );
  });
});
