/**
 * The CLI end to end for issue 9's flags: --market, --labor-cost, --proposed, --grade-map,
 * --adjust, --market-target, the market and cost options — the JSON a user gets, the one-line
 * messages for bad values, and the workbook's sheets read by name.
 */
import * as fs from "fs";
import * as path from "path";
import type { JsonStudy } from "../../src/exhibits/json";
import { expectOneLine, run, tempFolder, writeFile, writeWorkbook } from "./helpers";

const csv = (rows: (string | number)[][]): string => rows.map((row) => row.join(",")).join("\n") + "\n";

const PLANS = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Annual", "A1", 40000, 45000, 50000],
  ["Hourly", "H1", 20, 21, 22],
];
const ROSTER = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
  ["E1", "Annual", "A1", 40000, "2012-01-01"],
  ["E2", "Annual", "A1", 52000, "2001-01-01"],
  ["E3", "Hourly", "H1", 20, "2012-01-01"],
  ["E4", "Annual", "B7", 40000, "2012-01-01"],
];
// A1 midpoint 45,000; five peers 40,000 … 60,000 → market midpoint 50,000: (45,000 − 50,000) / 50,000 = −10 %.
const MARKET = [
  ["Benchmark Job", "Plan", "Grade", "Peer", "Peer Minimum", "Peer Maximum"],
  ...[1, 2, 3, 4, 5].map((p) => ["Clerk", "Annual", "A1", `Peer ${p}`, 40000, 60000]),
];
const LABOR = [
  ["Organization", "Budget", "Salaries"],
  ["Portland Public Schools", 95000000, 61750000],
  ["Peer A", 100000000, 59800000],
];

let folder: string;
beforeAll(() => {
  folder = tempFolder("compstudy-market-");
  writeFile(folder, "plans.csv", csv(PLANS));
  writeFile(folder, "roster.csv", csv(ROSTER));
  writeFile(folder, "market.csv", csv(MARKET));
  writeFile(folder, "labor.csv", csv(LABOR));
  writeFile(
    folder,
    "proposed.csv",
    csv([PLANS[0], ["Annual", "A1", 42000, 47000, 51000], ["Hourly", "H1", 21, 22, 23]]),
  );
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const base = ["exhibits", "--plans", "plans.csv", "--roster", "roster.csv", "--as-of", "2013-04-01"];

async function json(args: string[]): Promise<JsonStudy> {
  const result = await run([...base, ...args, "--json", "out.json"], folder);
  if (result.code !== 0) throw new Error(`CLI failed: ${result.stderr}`);
  return JSON.parse(fs.readFileSync(path.join(folder, "out.json"), "utf8")) as JsonStudy;
}

const exhibitOf = (study: JsonStudy, id: string) => {
  const found = study.exhibits.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id} in ${study.exhibits.map((e) => e.id).join(", ")}`);
  return found;
};

describe("compstudy exhibits with the market and a proposed structure", () => {
  it("builds 5-1, 5-2 and 6-1 … 6-4 from --market, --labor-cost and --adjust", async () => {
    const study = await json([
      "--market",
      "market.csv",
      "--labor-cost",
      "labor.csv",
      "--adjust",
      "3%",
      "--load",
      "7.65%",
      "--cost-method",
      "minimum,next-step",
    ]);
    const ids = study.exhibits.map((e) => e.id);
    for (const id of [
      "market-summary",
      "labor-cost",
      "pay-plan-comparison",
      "implementation-cost",
      "implementation-detail",
      "implementation-options",
    ])
      expect(ids).toContain(id);
    const clerk = exhibitOf(study, "market-summary").rows[0] as Record<string, unknown>;
    expect(clerk["Midpoint Differential"]).toBeCloseTo(-0.1, 12);
    expect(clerk.Position).toBe("below market");
    // PPS 0.65 against Peer A 0.598: 0.052
    const labor = exhibitOf(study, "labor-cost").rows as Record<string, unknown>[];
    expect(labor[labor.length - 1]["Salary Share"]).toBeCloseTo(0.052, 12);
    // minimum: E1 40,000 → 41,200 (+1,200); E2 52,000 above 51,500: red-circled; E3 20 → 20.60: 0.60 × 2,080 = 1,248.
    const options = exhibitOf(study, "implementation-options").rows as Record<string, unknown>[];
    expect(options.map((r) => r.Method)).toEqual(["Raise to the new minimum", "Next step up (no one loses)"]);
    expect(options[0]["Annual Cost"]).toBeCloseTo(2_448, 9);
    // 2,448 × 1.0765 = 2,635.272
    expect(options[0]["Annual Cost with Load"]).toBeCloseTo(2_635.272, 6);
    expect(options[0]["Red-Circled"]).toBe(1);
    // reconciliation: 3 costed + 0 listed + 1 not placed (B7) = 4 rows
    expect(study.summary.rosterRows).toBe(4);
    expect(exhibitOf(study, "implementation-detail").rows).toHaveLength(3);
  });

  it("reads the proposed plans and a grade map from files", async () => {
    const study = await json([
      "--proposed",
      "proposed.csv",
      "--exhibits",
      "pay-plan-comparison,implementation-options",
    ]);
    const comparison = exhibitOf(study, "pay-plan-comparison").rows[0] as Record<string, unknown>;
    // (42,000 − 40,000) / 40,000 = 0.05
    expect(comparison["Minimum Change"]).toBeCloseTo(0.05, 12);
    expect(study.exhibits.map((e) => e.id)).toEqual(["pay-plan-comparison", "implementation-options"]);
  });

  it("--market-target 100% moves A1 to the market: 40,000 × 50,000 / 45,000 = 44,444.44 → 44,444", async () => {
    const study = await json([
      "--market",
      "market.csv",
      "--market-target",
      "100%",
      "--exhibits",
      "pay-plan-comparison",
    ]);
    const a1 = exhibitOf(study, "pay-plan-comparison").rows[0] as Record<string, unknown>;
    expect(a1["Proposed Minimum"]).toBe(44_444);
  });

  it("reads the Market and Labor Cost sheets of a workbook by name", async () => {
    await writeWorkbook(path.join(folder, "study.xlsx"), {
      "Pay Plans": PLANS,
      Roster: ROSTER,
      Market: [["MADE UP survey"], ...MARKET],
      "Labor Cost": LABOR,
    });
    const result = await run(
      ["exhibits", "--workbook", "study.xlsx", "--as-of", "2013-04-01", "--json", "book.json"],
      folder,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  market      [study.xlsx]Market!A1:F7");
    const study = JSON.parse(fs.readFileSync(path.join(folder, "book.json"), "utf8")) as JsonStudy;
    expect(study.exhibits.map((e) => e.id)).toEqual(expect.arrayContaining(["market-summary", "labor-cost"]));
    expect(study.summary.notes).toContain(
      "not built (needs a proposed structure): 6-1 Pay Plan Comparison, 6-2 Implementation Cost, 6-3 Implementation Detail, 6-4 Implementation Options",
    );
  });

  it("--map reads a Market column under another name", async () => {
    writeFile(
      folder,
      "survey.csv",
      csv([
        ["Benchmark Job", "Grade", "Company", "Peer Minimum", "Peer Maximum"],
        ...MARKET.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]]),
      ]),
    );
    const study = await json([
      "--market",
      "survey.csv",
      "--map",
      "market:Peer=Company",
      "--exhibits",
      "market-summary",
    ]);
    expect((exhibitOf(study, "market-summary").rows[0] as Record<string, unknown>).Responses).toBe(5);
  });

  it("lists every new flag in --help", async () => {
    const result = await run(["exhibits", "--help"], folder);
    for (const flag of [
      "--market <file>",
      "--labor-cost <file>",
      "--proposed <file>",
      "--grade-map <file>",
      "--aging-rate <rate>",
      "--aging <compound|simple>",
      "--market-stat <mean|median|pNN>",
      "--differential <org-over-market|market-over-org>",
      "--tolerance <percent>",
      "--min-responses <N>",
      "--organization <name>",
      "--adjust <percent>",
      "--market-target <percent>",
      "--cost-method <same-step,minimum,next-step,years>",
      "--min-increase <percent>",
      "--load <percent>",
    ])
      expect(result.stdout).toContain(flag);
  });
});

describe("bad values exit 2 with one line", () => {
  it.each([
    [["--market", "market.csv", "--market-stat", "p101"], "Market statistic: 'p101' is not one of"],
    [["--adjust", "150"], "Structure adjustment: 150% is above 100%"],
    [["--cost-method", "cheapest", "--adjust", "3%"], "Cost methods: 'cheapest' is not one of"],
    [["--exhibits", "implementation-cost"], "Exhibit implementation-cost cannot be built: no proposed structure"],
    [
      ["--proposed", "proposed.csv", "--adjust", "3%"],
      "Give one proposed structure, not the Proposed Plans table and a structure adjustment",
    ],
    [["--market", "plans.csv"], "compstudy: plans.csv: Missing column 'Benchmark Job'"],
  ])("%j", async (args, message) => {
    const result = await run([...base, ...args], folder);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(message);
  });
});
