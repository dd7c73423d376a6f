/**
 * The market summary (exhibit 5-1) and the labor-cost comparison (5-2) on hand-made tables, every
 * figure worked by hand in the comments; the Portland study's published salary shares.
 */
import type { CellValue } from "../../src/engine/cells";
import type { Exhibit, StudyResult } from "../../src/exhibits/spec/types";
import { studyOf } from "./helpers";

// Annual A1: 42,000 … 63,000 (midpoint 52,500); A2: 44,000 … 50,000 (midpoint 47,000); Hourly H1 10 … 12 (midpoint 11).
const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Annual", "A1", 42_000, 52_500, 63_000],
  ["Annual", "A2", 44_000, 47_000, 50_000],
  ["Hourly", "H1", 10, 11, 12],
];
const ROSTER: CellValue[][] = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
  ["E1", "Annual", "A1", 52_500, "2010-07-01"],
];
const HEADER = [
  "Benchmark Job",
  "Plan",
  "Grade",
  "Peer",
  "Peer Minimum",
  "Peer Midpoint",
  "Peer Maximum",
  "Effective Date",
];

// Five peers: minimums 30,000 + 40,000 + 41,000 + 44,000 + 45,000 = 200,000 → mean 40,000, median 41,000;
// maximums 55,000 + 60,000 + 60,000 + 62,000 + 63,000 = 300,000 → mean 60,000;
// no stated midpoints → (min + max) / 2 = 42,500, 50,000, 50,500, 53,000, 54,000 → mean 250,000 / 5 = 50,000.
const FIVE_PEERS: [number, number][] = [
  [30_000, 55_000],
  [40_000, 60_000],
  [41_000, 60_000],
  [44_000, 62_000],
  [45_000, 63_000],
];

function peers(
  job: string,
  plan: string,
  grade: string,
  ranges: [number, number][],
  date: CellValue = null,
): CellValue[][] {
  return ranges.map(([min, max], i) => [job, plan, grade, `Peer ${i + 1}`, min, null, max, date]);
}

const MARKET: CellValue[][] = [
  HEADER,
  ...peers("Clerk", "Annual", "A1", FIVE_PEERS),
  ...peers("Analyst", "Annual", "A2", FIVE_PEERS),
  // Three peers only: (9, 11), (10, 12), (11, 13) → market 10 / 11 / 12, differentials 0 — but insufficient data.
  ...peers("Technician", "Hourly", "H1", [
    [9, 11],
    [10, 12],
    [11, 13],
  ]),
];

function run(market: CellValue[][], options: Record<string, string> = {}, asOf = "2013-04-01"): StudyResult {
  return studyOf({ plans: PLANS, roster: ROSTER, asOf, tables: { market }, options });
}

function exhibit(result: StudyResult, id: string): Exhibit {
  const found = result.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no exhibit ${id}`);
  return found;
}

function rowOf(ex: Exhibit, first: string, second: string | number): Record<string, unknown> {
  const found = ex.rows.find((r) => r.values[0] === first && r.values[1] === second);
  if (!found) throw new Error(`no row ${first}/${second} in ${ex.id}`);
  return Object.fromEntries(ex.columns.map((c, i) => [c.name, found.values[i]]));
}

describe("market-summary", () => {
  const result = run(MARKET);
  const ex = exhibit(result, "market-summary");

  it("has the issue's columns, in order", () => {
    expect(ex.columns.map((c) => c.name)).toEqual([
      "Benchmark Job",
      "Plan",
      "Grade",
      "Responses",
      "Minimum",
      "Market Minimum",
      "Minimum Differential",
      "Midpoint",
      "Market Midpoint",
      "Midpoint Differential",
      "Maximum",
      "Market Maximum",
      "Maximum Differential",
      "Position",
    ]);
    expect(ex.number).toBe("5-1");
  });

  it("compares a grade at exactly +5 % with the mean market: competitive (the band's edge)", () => {
    const clerk = rowOf(ex, "Clerk", "Annual");
    expect(clerk).toMatchObject({ Grade: "A1", Responses: 5, Minimum: 42_000, Midpoint: 52_500, Maximum: 63_000 });
    expect(clerk["Market Minimum"]).toBeCloseTo(40_000, 9);
    expect(clerk["Market Midpoint"]).toBeCloseTo(50_000, 9);
    expect(clerk["Market Maximum"]).toBeCloseTo(60_000, 9);
    // (42,000 − 40,000) / 40,000 = 0.05; (52,500 − 50,000) / 50,000 = 0.05; (63,000 − 60,000) / 60,000 = 0.05.
    expect(clerk["Minimum Differential"]).toBeCloseTo(0.05, 12);
    expect(clerk["Midpoint Differential"]).toBeCloseTo(0.05, 12);
    expect(clerk["Maximum Differential"]).toBeCloseTo(0.05, 12);
    expect(clerk.Position).toBe("competitive");
  });

  it("calls a midpoint 6 % under the market below market", () => {
    const analyst = rowOf(ex, "Analyst", "Annual");
    // (44,000 − 40,000) / 40,000 = 0.10; (47,000 − 50,000) / 50,000 = −0.06; (50,000 − 60,000) / 60,000 = −1/6.
    expect(analyst["Minimum Differential"]).toBeCloseTo(0.1, 12);
    expect(analyst["Midpoint Differential"]).toBeCloseTo(-0.06, 12);
    expect(analyst["Maximum Differential"]).toBeCloseTo(-1 / 6, 12);
    expect(analyst.Position).toBe("below market");
  });

  it("keeps a job with fewer responses than the minimum in the table, as insufficient data", () => {
    const technician = rowOf(ex, "Technician", "Hourly");
    expect(technician).toMatchObject({ Responses: 3, Position: "insufficient data" });
    expect(technician["Market Midpoint"]).toBeCloseTo(11, 12);
    const row = ex.rows.find((r) => r.values[0] === "Technician");
    expect(row?.unit).toBe("hourly");
  });

  it("averages per plan and overall over the rows with sufficient data only", () => {
    const annual = rowOf(ex, "Average", "Annual");
    // (0.05 + 0.10) / 2 = 0.075; (0.05 − 0.06) / 2 = −0.005; (0.05 − 1/6) / 2 = −0.0583333….
    expect(annual["Minimum Differential"]).toBeCloseTo(0.075, 12);
    expect(annual["Midpoint Differential"]).toBeCloseTo(-0.005, 12);
    expect(annual["Maximum Differential"]).toBeCloseTo((0.05 - 1 / 6) / 2, 12);
    expect(annual.Position).toBe("competitive");
    expect(rowOf(ex, "Average", "Hourly")).toMatchObject({
      "Midpoint Differential": null,
      Position: "insufficient data",
    });
    // The technician's 0 differentials stay out of the grand average: the same as the Annual one.
    expect(rowOf(ex, "Average", "All")["Midpoint Differential"]).toBeCloseTo(-0.005, 12);
    expect(ex.rows.map((r) => r.kind)).toEqual(["detail", "detail", "total", "detail", "total", "grand-total"]);
  });

  it("states the differential's definition in words", () => {
    expect(ex.description).toContain(
      "Differential = (organisation − market) ÷ market: positive means the organisation pays above the market.",
    );
    expect(ex.description).toContain("the mean of the peers' figures");
    expect(ex.description).toContain("fewer than 5 responses: insufficient data");
  });

  it.each([
    // median of the minimums [30, 40, 41, 44, 45] thousand = 41,000: (42,000 − 41,000) / 41,000.
    ["median", 41_000],
    // p75: h = 4 × 0.75 = 3 → 44,000.
    ["p75", 44_000],
    // p60: h = 2.4 → 41,000 + 0.4 × (44,000 − 41,000) = 42,200.
    ["p60", 42_200],
  ])("--market-stat %s", (stat, marketMin) => {
    const clerk = rowOf(exhibit(run(MARKET, { "market-stat": stat }), "market-summary"), "Clerk", "Annual");
    expect(clerk["Market Minimum"]).toBeCloseTo(marketMin, 9);
    expect(clerk["Minimum Differential"]).toBeCloseTo((42_000 - marketMin) / marketMin, 12);
  });

  it("--differential market-over-org gives the raise needed and reads the band the other way", () => {
    const ex2 = exhibit(run(MARKET, { differential: "market-over-org" }), "market-summary");
    const analyst = rowOf(ex2, "Analyst", "Annual");
    // (50,000 − 47,000) / 47,000 = 0.0638…: the organisation is below the market.
    expect(analyst["Midpoint Differential"]).toBeCloseTo(3_000 / 47_000, 12);
    expect(analyst.Position).toBe("below market");
    // (50,000 − 52,500) / 52,500 = −0.0476…: within ±5 %.
    expect(rowOf(ex2, "Clerk", "Annual").Position).toBe("competitive");
    expect(ex2.description).toContain("Differential = (market − organisation) ÷ organisation");
  });

  it("--tolerance 4% turns the +5 % grade above market", () => {
    expect(rowOf(exhibit(run(MARKET, { tolerance: "4%" }), "market-summary"), "Clerk", "Annual").Position).toBe(
      "above market",
    );
  });

  it("--min-responses 3 lets the three-peer job count", () => {
    const ex3 = exhibit(run(MARKET, { "min-responses": "3" }), "market-summary");
    expect(rowOf(ex3, "Technician", "Hourly").Position).toBe("competitive");
    // (0.05 − 0.06 + 0) / 3 = −0.00333…
    expect(rowOf(ex3, "Average", "All")["Midpoint Differential"]).toBeCloseTo(-0.01 / 3, 12);
  });
});

describe("market-summary: aging", () => {
  // Five peers each 40,000 … 60,000, dated 2009-04-01: to 2013-04-01 is 1,461 days (2012 has 29 February) = 4 years.
  const dated = (date: CellValue): CellValue[][] => [
    HEADER,
    ...peers(
      "Clerk",
      "Annual",
      "A1",
      FIVE_PEERS.map(() => [40_000, 60_000]),
      date,
    ),
  ];

  it("ages compound by default: 40,000 × 1.03⁴ = 40,000 × 1.12550881 = 45,020.3524", () => {
    const clerk = rowOf(exhibit(run(dated("2009-04-01")), "market-summary"), "Clerk", "Annual");
    expect(clerk["Market Minimum"]).toBeCloseTo(45_020.3524, 4);
    // midpoint 50,000 × 1.12550881 = 56,275.4405
    expect(clerk["Market Midpoint"]).toBeCloseTo(56_275.4405, 4);
  });

  it("--aging simple: 40,000 × (1 + 0.03 × 4) = 44,800", () => {
    const clerk = rowOf(exhibit(run(dated("2009-04-01"), { aging: "simple" }), "market-summary"), "Clerk", "Annual");
    expect(clerk["Market Minimum"]).toBeCloseTo(44_800, 6);
  });

  it("--aging-rate 5%: 40,000 × 1.05⁴ = 40,000 × 1.21550625 = 48,620.25", () => {
    const clerk = rowOf(exhibit(run(dated("2009-04-01"), { "aging-rate": "5%" }), "market-summary"), "Clerk", "Annual");
    expect(clerk["Market Minimum"]).toBeCloseTo(48_620.25, 6);
  });

  it("does not age figures dated after the as-of date, and says so", () => {
    const result = run(dated("2013-06-01"));
    const ex = exhibit(result, "market-summary");
    expect(rowOf(ex, "Clerk", "Annual")["Market Minimum"]).toBe(40_000);
    expect(ex.notes?.[0]).toBe(
      "Aging: 0 peer rows aged to April 1, 2013 at 3 % a year (compound); 0 without an Effective Date not aged; 5 dated after April 1, 2013 not aged (rows 2, 3, 4, 5, 6).",
    );
    expect(result.summary.notes).toContain("market: 5 Market rows are dated after April 1, 2013 and not aged");
  });

  it("reads Excel date serials (41,000 = 2012-04-01 → one year: 40,000 × 1.03 = 41,200 at 365 of 365.25 days)", () => {
    // 2012-04-01 → 2013-04-01 is 365 days: 40,000 × 1.03^(365 / 365.25).
    const clerk = rowOf(exhibit(run(dated(41_000)), "market-summary"), "Clerk", "Annual");
    expect(clerk["Market Minimum"]).toBeCloseTo(40_000 * Math.pow(1.03, 365 / 365.25), 6);
  });
});

describe("market-summary: rows that cannot be used are named, never silently dropped", () => {
  const result = run([
    ["MADE UP survey for a test"],
    HEADER,
    ...peers("Clerk", "Annual", "A1", FIVE_PEERS),
    ["Clerk", "Annual", "A1", "Peer 1", 50_000, null, 70_000, null], // a second answer of Peer 1
    ["Clerk", "Annual", "A9", "Peer 6", 50_000, null, 70_000, null], // unknown grade
    ["Clerk", "Annual", "A1", "Peer 7", "n/a", null, 70_000, null], // not a number
    ["Clerk", "Annual", "A1", "Peer 8", 20, null, 30, null], // hourly figures for an annual grade
    ["Clerk", "Annual", "A1", "Peer 9", 50_000, null, 40_000, null], // maximum below minimum
    ["Clerk", "Annual", "A1", "Peer 10", 50_000, null, 60_000, "someday"], // not a date
    ["", "Annual", "A1", "Peer 11", 50_000, null, 60_000, null], // no job
  ]);
  const ex = exhibit(result, "market-summary");

  it("counts only the usable answers", () => {
    expect(rowOf(ex, "Clerk", "Annual")).toMatchObject({ Responses: 5 });
    expect(rowOf(ex, "Clerk", "Annual")["Market Midpoint"]).toBeCloseTo(50_000, 9);
  });

  it("lists each unused row with its reason in the notes and the run summary", () => {
    const note = ex.notes?.find((line) => line.startsWith("Market table:")) ?? "";
    expect(note).toMatch(/^Market table: 7 rows not used — /);
    for (const reason of [
      "row 8: peer 'Peer 1' already answered for 'Clerk'; the first row is used",
      "row 9: Grade 'A9' is not in plan 'Annual'",
      "row 10: Peer Minimum 'n/a' is not a number",
      "row 11: the peer's figures (midpoint 25) look hourly but grade 'A1' of plan 'Annual' is annual",
      "row 12: Peer Maximum 40000 is below Peer Minimum 50000",
      "row 13: Effective Date 'someday' is not a date",
      "row 14: Benchmark Job is blank",
    ])
      expect(note).toContain(reason);
    expect(result.summary.notes).toContain("market: 7 Market rows not used (see Market Summary)");
  });

  it("names the missing column of a table that is not a market survey", () => {
    expect(() =>
      run([
        ["Job", "Grade", "Company"],
        ["Clerk", "A1", "X"],
      ]),
    ).toThrow(/Missing column 'Peer Minimum'/);
  });
});

describe("labor-cost (Portland study: PPS 65 % of its budget on salaries, peers 59.8 % on average)", () => {
  // Shares as published; budgets made up so that Salaries ÷ Budget gives them exactly.
  const LABOR: CellValue[][] = [
    ["Organization", "Budget", "Salaries"],
    ["Portland Public Schools", 95_000_000, 61_750_000], // 61.75 / 95 = 0.65
    ["Peer A", 48_000_000, 27_888_000], // 0.581
    ["Peer B", 62_500_000, 38_375_000], // 0.614
    ["Peer C", 31_000_000, 17_949_000], // 0.579
    ["Peer D", 120_000_000, 74_760_000], // 0.623
    ["Peer E", 27_500_000, 16_307_500], // 0.593
  ];
  const labor = (rows: CellValue[][], options: Record<string, string> = {}): Exhibit =>
    exhibit(
      studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-04-01", tables: { "labor-cost": rows }, options }),
      "labor-cost",
    );

  it("reproduces the published 65 % against a peer average of 59.8 %: 5.2 points more", () => {
    const ex = labor(LABOR);
    expect(ex.columns.map((c) => c.name)).toEqual(["Organization", "Budget", "Salaries", "Salary Share"]);
    expect(rowOf(ex, "Portland Public Schools", 95_000_000)["Salary Share"]).toBeCloseTo(0.65, 12);
    // (0.581 + 0.614 + 0.579 + 0.623 + 0.593) / 5 = 2.99 / 5 = 0.598
    const average = ex.rows.find((r) => r.values[0] === "Peer Average");
    expect(average?.values[3]).toBeCloseTo(0.598, 12);
    const difference = ex.rows[ex.rows.length - 1];
    expect(difference.values[0]).toBe("Difference: Portland Public Schools − Peer Average");
    // 0.65 − 0.598 = 0.052
    expect(difference.values[3]).toBeCloseTo(0.052, 12);
    expect(difference.kind).toBe("grand-total");
  });

  it("--organization picks another row as the organisation (names matched as people write them)", () => {
    const ex = labor(LABOR, { organization: "  peer d " });
    // Peers now PPS and A, B, C, E: (0.65 + 0.581 + 0.614 + 0.579 + 0.593) / 5 = 3.017 / 5 = 0.6034.
    expect(ex.rows.find((r) => r.values[0] === "Peer Average")?.values[3]).toBeCloseTo(0.6034, 12);
    // 0.623 − 0.6034 = 0.0196
    expect(ex.rows[ex.rows.length - 1].values[3]).toBeCloseTo(0.0196, 12);
  });

  it("takes the first row as the organisation when none is named as the study's organisation, and says so", () => {
    // The organisation's name also titles the study: a name not in the table does not stop the run.
    const ex = labor(LABOR, { organization: "Boston" });
    expect(ex.description).toContain("Portland Public Schools is compared with the average share of its 5 peers");
    expect(ex.notes).toContain(
      "No row of the Labor Cost table is named 'Boston': its first row, Portland Public Schools, is taken as the organisation studied.",
    );
    expect(ex.rows[ex.rows.length - 1].values[3]).toBeCloseTo(0.65 - 0.598, 12);
  });

  it("names rows it cannot use and leaves them out of the average", () => {
    const ex = labor([...LABOR, ["Peer F", "unknown", 1_000], ["Peer G", 0, 0]]);
    expect(ex.rows.find((r) => r.values[0] === "Peer Average")?.values[3]).toBeCloseTo(0.598, 12);
    expect(ex.notes?.join(" ")).toContain("row 8: Budget 'unknown' is not a number; row 9: Budget 0 is not above zero");
  });
});

describe("what a run builds without the market and labor-cost tables", () => {
  it("skips both exhibits and says why in the summary notes", () => {
    const result = studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-04-01" });
    expect(result.exhibits.map((e) => e.id)).not.toContain("market-summary");
    expect(result.summary.notes).toContain("not built (needs the Market table): 5-1 Market Summary");
  });

  it("refuses to build market-summary on request without the table", () => {
    expect(() => studyOf({ plans: PLANS, roster: ROSTER, asOf: "2013-04-01", exhibits: ["market-summary"] })).toThrow(
      "Exhibit market-summary cannot be built: no Market table (sheet 'Market' or --market FILE)",
    );
  });

  it.each([
    ["market-stat", "p101", "Market statistic: 'p101' is not one of 'mean', 'median' or mean|median|pNN"],
    ["aging-rate", "150", "Market aging rate: 150% is above 100%"],
    ["tolerance", "-1%", "Competitive band: -1% is below 0%"],
    ["min-responses", "2.5", "Fewest responses: 2.5 is not a whole number"],
  ])("refuses --%s %s", (name, value, message) => {
    expect(() => run(MARKET, { [name]: value })).toThrow(message);
  });
});
