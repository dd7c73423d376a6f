/**
 * The workforce exhibits (issue 11) on hand-made rosters, each figure worked out by hand in a
 * comment: the period and its edges, composition against a reference with small-group
 * suppression, hires, retention, separation reasons, position control.
 */
import type { CellValue } from "../../src/engine/cells";
import { isEngineError } from "../../src/engine/errors";
import { defaultPeriod } from "../../src/engine/study/families/people";
import { exhibitToJson } from "../../src/exhibits/json";
import type { ExhibitId, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Hourly", "H1", 10, 15, 20],
  ["Annual", "A1", 40000, 50000, 60000],
];

const HEADER = [
  "Employee ID",
  "Plan",
  "Grade",
  "Salary",
  "Hire Date",
  "Job Family",
  "Job Title",
  "Gender",
  "FTE",
  "Position ID",
  "Separation Date",
  "Separation Reason",
];

type Person = Partial<{
  plan: string;
  grade: string;
  salary: number;
  hired: string;
  family: string;
  gender: string;
  fte: number;
  position: string;
  separated: string;
  reason: string;
}>;

function roster(people: [string, Person][]): CellValue[][] {
  return [
    HEADER,
    ...people.map(([id, p]) => [
      id,
      p.plan ?? "Annual",
      p.grade ?? "A1",
      p.salary ?? 50000,
      p.hired ?? "2000-01-01",
      p.family ?? "Teaching",
      "Teacher",
      p.gender ?? "Female",
      p.fte ?? 1,
      p.position ?? "",
      p.separated ?? "",
      p.reason ?? "",
    ]),
  ];
}

/** The exhibit's rows as a reader sees them (JSON, suppressed cells as their text unless revealed). */
function rows(result: StudyResult, id: ExhibitId, reveal = false): Record<string, CellValue>[] {
  const exhibit = result.exhibits.find((e) => e.id === id);
  if (!exhibit) throw new Error(`no exhibit ${id}`);
  return exhibitToJson(exhibit, { reveal }).rows;
}

function exhibit(result: StudyResult, id: ExhibitId) {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

describe("the period", () => {
  it.each([
    ["2013-04-01", "2011-07-01", "2012-06-30"], // the sample's as-of date
    ["2012-06-30", "2011-07-01", "2012-06-30"], // a school year ending on the as-of date is complete
    ["2012-06-29", "2010-07-01", "2011-06-30"], // … one day short is not
    ["2012-07-01", "2011-07-01", "2012-06-30"],
    ["2024-02-29", "2022-07-01", "2023-06-30"],
    ["2023-12-31", "2022-07-01", "2023-06-30"],
  ])("as of %s it defaults to the school year %s..%s", (asOf, start, end) => {
    expect(defaultPeriod(asOf)).toEqual({ start, end });
  });

  it("refuses a period that ends after the as-of date, and one written badly", () => {
    const people = roster([["E1", { gender: "Female" }]]);
    expect(() =>
      studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01", options: { period: "2012-07-01..2013-06-30" } }),
    ).toThrow(
      "Period: the period ends 2013-06-30, after the as-of date 2013-04-01: the roster tells who was employed up to the as-of date only",
    );
    expect(() =>
      studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01", options: { period: "last year" } }),
    ).toThrow("Period: 'last year' is not a period: write start..end, e.g. 2022-07-01..2023-06-30");
  });
});

describe("hires, retention and separations over the period: its edges", () => {
  // Period 2011-07-01..2012-06-30 (the default as of 2013-04-01).
  //   E1 hired 2000, still here                 → at start, at end (stays)
  //   E2 hired on the first day 2011-07-01      → a hire; at end; not at start
  //   E3 separated on the last day 2012-06-30   → at start, a separation; not at end (leaves)
  //   E4 hired 2011-09-01, gone 2012-02-01      → a hire and a separation; neither at start nor end
  //   E5 separated on the first day 2011-07-01  → at start, a separation (leaves)
  //   E6 separated the day before, 2011-06-30   → nothing
  //   E7 hired the day after, 2012-07-01        → nothing (active at the as-of date)
  //   E8 separated the day after, 2012-07-01    → at start, at end (stays); not a separation
  // Start 4 (E1 E3 E5 E8), hires 2 (E2 E4), separations 3 (E3 E4 E5), end 3 (E1 E2 E8) = 4 + 2 − 3.
  const people = roster([
    ["E1", { hired: "2000-01-01" }],
    ["E2", { hired: "2011-07-01" }],
    ["E3", { hired: "2005-05-05", separated: "2012-06-30", reason: "Retirement" }],
    ["E4", { hired: "2011-09-01", separated: "2012-02-01", reason: "Moved out of the area" }],
    ["E5", { hired: "2003-03-03", separated: "2011-07-01", reason: "retirement " }],
    ["E6", { hired: "2003-03-03", separated: "2011-06-30", reason: "Housing costs" }],
    ["E7", { hired: "2012-07-01" }],
    ["E8", { hired: "2001-01-01", separated: "2012-07-01", reason: "Another district" }],
  ]);
  const result = studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01", options: { "min-cell": 1 } });

  it("retention: headcount at start 4, separations 3, average (4 + 3) ÷ 2 = 3.5, rates 3 ÷ 3.5 and 2 ÷ 4", () => {
    expect(rows(result, "retention")).toEqual([
      {
        Dimension: "Gender",
        Group: "Female",
        "Headcount at Start": 4,
        Separations: 3,
        "Average Headcount": 3.5,
        "Separation Rate": 3 / 3.5,
        "Retention Rate": 0.5,
      },
      {
        Dimension: "All",
        Group: "All",
        "Headcount at Start": 4,
        Separations: 3,
        "Average Headcount": 3.5,
        "Separation Rate": 3 / 3.5,
        "Retention Rate": 0.5,
      },
    ]);
    expect(exhibit(result, "retention").description).toContain("from July 1, 2011 to June 30, 2012");
  });

  it("hires: E2 (hired on the first day) and E4", () => {
    expect(rows(result, "hires-by-group")).toEqual([
      { Dimension: "Gender", Group: "Female", Hires: 2, Share: 1 },
      { Dimension: "All", Group: "All", Hires: 2, Share: 1 },
    ]);
  });

  it("separation reasons: spellings of one reason counted together, most frequent first", () => {
    expect(rows(result, "separation-reasons")).toEqual([
      { Reason: "Retirement", Separations: 2, Share: 2 / 3 },
      { Reason: "Moved out of the area", Separations: 1, Share: 1 / 3 },
      { Reason: "All", Separations: 3, Share: 1 },
    ]);
  });

  it("--period moves the window: 2011-07-02..2012-06-29 drops E2's hire, E3's and E5's separations", () => {
    const narrower = studyOf({
      plans: PLANS,
      roster: people,
      asOf: "2013-04-01",
      options: { "min-cell": 1, period: "2011-07-02..2012-06-29" },
    });
    // Start (opens 2011-07-02): E1 E2 E3 E8 — E5 left on 07-01; hires: E4; separations: E4;
    // end (2012-06-29): E1 E2 E3 E8.
    expect(rows(narrower, "retention")[1]).toMatchObject({
      "Headcount at Start": 4,
      Separations: 1,
      "Retention Rate": 1,
    });
    expect(rows(narrower, "hires-by-group")[1]).toMatchObject({ Hires: 1 });
  });

  it("counts separated employees in no current-conditions exhibit", () => {
    // Active at the as-of date: E1, E2, E7 (E8 left 2012-07-01, before it).
    expect(result.summary).toMatchObject({ employees: 3, separated: 5, rosterRows: 8 });
  });

  it("with the default minimum of 5 every cell is small: shown as <5", () => {
    const small = studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01" });
    expect(rows(small, "retention")[1]).toEqual({
      Dimension: "All",
      Group: "All",
      "Headcount at Start": "<5",
      Separations: "<5",
      "Average Headcount": "<5",
      "Separation Rate": "<5",
      "Retention Rate": "<5",
    });
    expect(rows(small, "retention", true)[1]).toMatchObject({ "Headcount at Start": 4, Separations: 3 });
    expect(exhibit(small, "retention").suppression).toEqual({ text: "<5", minimum: 5 });
  });
});

describe("workforce composition against a reference, with small groups suppressed", () => {
  //              Female  Male   family
  //   Custodial     2      7      9
  //   Teaching      6      5     11
  //   All           8     12     20
  // Custodial Female (2) is small; its family row would give it away (9 − 7): Custodial Male is
  // hidden too; then each column would give a hidden cell away (8 − 6, 12 − 5): Teaching's two
  // are hidden as well. The All row stays. A separated woman counts in no cell.
  const people = roster([
    ...Array.from({ length: 2 }, (_, i): [string, Person] => [`CF${i}`, { family: "Custodial", gender: "Female" }]),
    ...Array.from({ length: 7 }, (_, i): [string, Person] => [`CM${i}`, { family: "Custodial", gender: "male" }]),
    ...Array.from({ length: 6 }, (_, i): [string, Person] => [`TF${i}`, { family: "Teaching", gender: "Female" }]),
    ...Array.from({ length: 5 }, (_, i): [string, Person] => [`TM${i}`, { family: "Teaching", gender: "Male" }]),
    ["GONE", { family: "Custodial", gender: "Female", separated: "2012-01-15", reason: "Retirement" }],
  ]);
  const reference = [
    ["Dimension", "Group", "Share"],
    ["Gender", "Female", "49%"],
    ["Sex", "MALE", 0.49],
    ["Gender", "Nonbinary", 0.02],
    ["Age", "Under 30", 0.4],
  ];
  const result = studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01", tables: { reference } });

  it("gives the All family first: share, gap = share − reference share, index = share ÷ reference share", () => {
    expect(rows(result, "workforce-composition").slice(0, 3)).toEqual([
      // Most employees first (the spelling first seen shown): 12 ÷ 20 = 0.6; 0.6 − 0.49; 0.6 ÷ 0.49.
      {
        Dimension: "Gender",
        "Job Family": "All",
        Group: "male",
        Employees: 12,
        Share: 0.6,
        "Reference Share": 0.49,
        Gap: 0.6 - 0.49,
        "Representation Index": 0.6 / 0.49,
      },
      // 8 ÷ 20 = 0.4; 0.4 − 0.49 = −0.09; 0.4 ÷ 0.49
      {
        Dimension: "Gender",
        "Job Family": "All",
        Group: "Female",
        Employees: 8,
        Share: 0.4,
        "Reference Share": 0.49,
        Gap: 0.4 - 0.49,
        "Representation Index": 0.4 / 0.49,
      },
      // A group only the Reference table names: nobody, under-represented.
      {
        Dimension: "Gender",
        "Job Family": "All",
        Group: "Nonbinary",
        Employees: 0,
        Share: 0,
        "Reference Share": 0.02,
        Gap: -0.02,
        "Representation Index": 0,
      },
    ]);
  });

  it("hides the small cell and its complements, with the shares and gaps computed from them", () => {
    const families = rows(result, "workforce-composition").slice(3);
    expect(families.map((r) => [r["Job Family"], r.Group, r.Employees, r.Share, r["Reference Share"], r.Gap])).toEqual([
      // Custodial women (2) are too few; the others (7, 5, 6) are hidden only so that the 2 cannot
      // be worked out from the totals: they count 5 or more, and never claim "<5".
      ["Custodial", "male", "hidden", "hidden", 0.49, "hidden"],
      ["Custodial", "Female", "<5", "<5", 0.49, "<5"],
      ["Teaching", "male", "hidden", "hidden", 0.49, "hidden"],
      ["Teaching", "Female", "hidden", "hidden", 0.49, "hidden"],
    ]);
    expect(
      rows(result, "workforce-composition", true)
        .slice(3)
        .map((r) => r.Employees),
    ).toEqual([7, 2, 5, 6]);
  });

  it("says what the Reference table could not give", () => {
    expect(exhibit(result, "workforce-composition").notes).toEqual(
      expect.arrayContaining([
        "Reference row 5: dimension 'Age' is not Gender or Ethnicity; the row is ignored",
        expect.stringMatching(/^<5: a cell describing fewer than 5 people/),
        expect.stringMatching(
          /^hidden: a cell of 5 or more people .* hidden so that a smaller group cannot be worked out from a total/,
        ),
      ]),
    );
  });

  it("shows every cell with --min-cell 2 (no cell below 2)", () => {
    const open = studyOf({
      plans: PLANS,
      roster: people,
      asOf: "2013-04-01",
      tables: { reference },
      options: { "min-cell": 2 },
    });
    expect(
      rows(open, "workforce-composition")
        .slice(3)
        .map((r) => r.Employees),
    ).toEqual([7, 2, 5, 6]);
    expect(exhibit(open, "workforce-composition").suppression).toBeUndefined();
  });

  it("leaves the reference columns empty without a Reference table, and says so", () => {
    const bare = studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01" });
    expect(rows(bare, "workforce-composition")[0]).toMatchObject({ "Reference Share": null, Gap: null });
    expect(exhibit(bare, "workforce-composition").notes?.[0]).toMatch(/^No Reference table/);
  });
});

describe("exhibits a roster cannot feed", () => {
  const bare = [
    ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
    ["E1", "Annual", "A1", 50000, "2010-01-01"],
  ];

  it("are skipped by default, with the reason in the summary", () => {
    const result = studyOf({ plans: PLANS, roster: bare, asOf: "2013-04-01" });
    expect(result.exhibits.map((e) => e.id)).not.toContain("workforce-composition");
    expect(result.summary.notes).toEqual(
      expect.arrayContaining([
        "not built (needs a Gender or Ethnicity column in the roster): 7-1 Workforce Composition, 7-2 Hires by Group, 8-1 Pay Equity, 8-2 Pay Equity by Grade",
        "not built (needs a Separation Date column in the roster): 7-3 Retention, 7-4 Separation Reasons",
        "not built (needs the Positions table): 7-5 Position Control, 7-6 Position Problems",
      ]),
    );
  });

  it("are refused when asked for", () => {
    expect(() => studyOf({ plans: PLANS, roster: bare, asOf: "2013-04-01", exhibits: ["retention"] })).toThrow(
      "Exhibit retention cannot be built: the roster has no Separation Date column (add one, or map it with --map)",
    );
  });

  it("reads a Race/Ethnicity column as Ethnicity", () => {
    const result = studyOf({
      plans: PLANS,
      roster: [
        ["Employee ID", "Plan", "Grade", "Salary", "Race/Ethnicity"],
        ["E1", "Annual", "A1", 50000, "Asian"],
      ],
      asOf: "2013-04-01",
      options: { "min-cell": 1 },
    });
    expect(rows(result, "workforce-composition")[0]).toMatchObject({
      Dimension: "Ethnicity",
      Group: "Asian",
      Employees: 1,
    });
  });
});

describe("position control", () => {
  // Positions (A1: 40,000–60,000, midpoint 50,000; H1: 10–20 an hour, midpoint 15 × 2,080 = 31,200):
  //   P1 School A, A1, 1 FTE, 52,000   ← E1 (1 FTE, 48,000)
  //   P2 School A, A1, 1 FTE, empty    ← vacant (E7 left): priced at 50,000
  //   P3 School A, H1, 1 FTE, empty    ← E2 and E3, half time each: 12 and 14 an hour
  //   P4 School B, A1, 0.5 FTE, 60,000 ← E4 full time at 55,000: filled past its FTE
  // E5 holds no position; E6's P9 is not budgeted; two Positions rows cannot be used.
  const positions = [
    ["Position ID", "Department", "Plan", "Grade", "Budgeted FTE", "Budgeted Salary"],
    ["P1", "School A", "Annual", "A1", 1, 52000],
    ["P2", "School A", "Annual", "A1", 1, null],
    ["P3", "School A", "Hourly", "H1", 1, ""],
    ["P4", "School B", "Annual", "A1", 0.5, "$60,000"],
    ["", "School B", "Annual", "A1", 1, 50000],
    ["p1", "School B", "Annual", "A1", 1, 50000],
    ["P5", "School B", "Annual", "A1", "half", 50000],
  ];
  const people = roster([
    ["E1", { position: "P1", salary: 48000 }],
    ["E2", { position: "P3", plan: "Hourly", grade: "H1", salary: 12, fte: 0.5 }],
    ["E3", { position: " p3", plan: "Hourly", grade: "H1", salary: 14, fte: 0.5 }],
    ["E4", { position: "P4", salary: 55000 }],
    ["E5", {}],
    ["E6", { position: "P9" }],
    ["E7", { position: "P2", separated: "2012-12-31", reason: "Retirement" }],
  ]);
  const result = studyOf({ plans: PLANS, roster: people, asOf: "2013-04-01", tables: { positions } });

  it("weights filled FTE and actual cost by FTE, prices vacancies at the midpoint, totals by department", () => {
    const values = rows(result, "position-control").map((r) => Object.values(r));
    expect(values).toEqual([
      // Grades in pay-plan order. School A, H1: 31,200 × 1; actual 12 × 2,080 × 0.5 + 14 × 2,080 × 0.5.
      ["School A", "Hourly", "H1", 1, 1, 1, 0, 31200, 27040, 4160],
      // School A, A1: P1 + P2 — budgeted 52,000 × 1 + 50,000 × 1; actual 48,000 × 1.
      ["School A", "Annual", "A1", 2, 2, 1, 1, 102000, 48000, 54000],
      ["School A", "Total", null, 3, 3, 2, 1, 133200, 75040, 58160],
      // School B, A1: 60,000 × 0.5 = 30,000 budgeted; 55,000 × 1 actual; vacancy max(0, 0.5 − 1) = 0.
      ["School B", "Annual", "A1", 1, 0.5, 1, 0, 30000, 55000, -25000],
      ["School B", "Total", null, 1, 0.5, 1, 0, 30000, 55000, -25000],
      ["All", "Total", null, 4, 3.5, 3, 1, 163200, 130040, 33160],
    ]);
    expect(exhibit(result, "position-control").notes?.[0]).toBe(
      "2 positions have no Budgeted Salary: priced at the grade's midpoint (full-time annual).",
    );
  });

  it("lists employees without a position, positions filled past their FTE and unusable Positions rows", () => {
    expect(rows(result, "position-problems").map((r) => Object.values(r))).toEqual([
      ["P4", "E4", "filled past its budgeted FTE: 1 filled, 0.5 budgeted"],
      ["", "", "Positions row 6: Position ID is blank"],
      ["p1", "", "Positions row 7: Position ID 'p1' appears twice (rows 2 and 7); the first is kept"],
      ["P5", "", "Positions row 8: Budgeted FTE 'half' is not a number above 0"],
      ["", "E5", "Roster row 6: no Position ID: the employee holds no budgeted position"],
      ["P9", "E6", "Roster row 7: Position ID 'P9' is not in the Positions table"],
    ]);
  });

  it("shows positions in full (a budget table, not a group statistic) and needs the Position ID column", () => {
    expect(exhibit(result, "position-control").suppression).toBeUndefined();
    try {
      studyOf({
        plans: PLANS,
        roster: [
          ["Employee ID", "Grade", "Salary"],
          ["E1", "A1", 50000],
        ],
        asOf: "2013-04-01",
        tables: { positions },
        exhibits: ["position-control"],
      });
      throw new Error("no error");
    } catch (error) {
      expect(isEngineError(error)).toBe(true);
      expect((error as Error).message).toBe(
        "Exhibit position-control cannot be built: the roster has no Position ID column (add one, or map it with --map)",
      );
    }
  });
});
