/** The pane's plain logic: detection by name, checks, references and live formulas, wording. */
import fc from "fast-check";
import {
  checkInput,
  detect,
  detectByContent,
  inputTable,
  previewSource,
  familyInputs,
  liveFormula,
  liveOptions,
  optionError,
  sourceLabel,
  sourceReference,
  usedBy,
  validOptions,
} from "../../src/taskpane/study";
import { availability, needText } from "../../src/taskpane/needs";
import { rowAddress, sheetOf } from "../../src/taskpane/store";
import { STRUCTURE } from "../../src/engine/study/families/structure";
import { MARKET } from "../../src/engine/study/families/market";
import { count, list, shownDate } from "../../src/taskpane/text";
import { CURRENT_CONDITIONS } from "../../src/engine/study/families/current";
import { EXHIBIT_IDS, INPUTS, MIN_CELL, PLANS_INPUT, ROSTER_INPUT, parseOption } from "../../src/engine/study";
import type { Source } from "../../src/excel/gateway";
import { readSettings } from "../../src/excel/settings";
import { PLANS, ROSTER } from "./fake-gateway";

describe("wording", () => {
  it.each([
    [0, "rows"],
    [1, "row"],
    [2, "rows"],
    [1176, "rows"],
  ])("%i → %s", (n, noun) => {
    expect(count(n, "row")).toBe(`${n.toLocaleString("en-US")} ${noun}`);
  });
  it("lists and dates as people read them", () => {
    expect(list(["a"])).toBe("a");
    expect(list(["a", "b"])).toBe("a and b");
    expect(list(["a", "b", "c"])).toBe("a, b and c");
    expect(shownDate("2013-04-01")).toBe("Apr 1, 2013");
  });
});

describe("finding the inputs", () => {
  const sources: Source[] = [
    { kind: "range", name: "Roster", address: "'Roster'!A1:G9" },
    { kind: "name", name: "Staff", address: "Other!A1:G9" },
    { kind: "table", name: "Pay_Plans", address: "'Pay Plans'!A1:M31" },
    { kind: "table", name: "Roster", address: "Roster!A1:G9" },
  ];
  it("prefers a table, then a named range, then a sheet, by the input's names", () => {
    const found = detect(sources, INPUTS);
    expect(found.plans).toEqual(sources[2]);
    expect(found.roster).toEqual(sources[3]);
    expect(detect(sources.slice(0, 2), INPUTS).roster).toEqual(sources[1]);
    expect(detect([sources[0]], INPUTS).roster).toEqual(sources[0]);
  });
  it("labels sources without repeating words (never “Sheet Sheet1”)", () => {
    expect(sourceLabel({ kind: "range", name: "Sheet1", address: "'Sheet1'!A1:C3" })).toBe("Used range of Sheet1");
    expect(sourceLabel({ kind: "range", name: "Selection", address: "'Sheet1'!A1:C3" })).toBe("Range 'Sheet1'!A1:C3");
    expect(sourceLabel({ kind: "table", name: "PayPlans", address: "P!A1:C3" })).toBe("Table PayPlans");
  });
  it("refers to a table by [#All], a name by itself, a range absolutely", () => {
    expect(sourceReference(sources[2])).toBe("Pay_Plans[#All]");
    expect(sourceReference({ ...sources[3], totalsRow: true })).toBe("Roster[[#Headers],[#Data]]");
    expect(sourceReference(sources[1])).toBe("Staff");
    expect(sourceReference({ kind: "range", name: "Selection", address: "'Bob''s'!B2:H500" })).toBe(
      "'Bob''s'!$B$2:$H$500",
    );
  });
  it("finds a problem row in the sheet: the source's top row + row − 1", () => {
    expect(rowAddress("'Pay Plans'!B3:M31", 4)).toBe("'Pay Plans'!B6:M6");
    expect(sheetOf("'Bob''s'!A1:B2")).toBe("Bob's");
  });
});

describe("checks", () => {
  const context = { asOf: "2013-04-01", options: {} };
  const plans = checkInput(
    PLANS_INPUT,
    { source: { kind: "table", name: "P", address: "P!A1:E3" }, table: PLANS, mapping: {} },
    context,
  );

  it("pay plans: plans and grades in one line, not mappable", () => {
    expect(plans).toMatchObject({ status: "ready", line: "1 plan, 2 grades", problems: [], mappable: false });
  });

  it("roster: employees and the rows that cannot be placed, with their rows", () => {
    const parsed = PLANS_INPUT.parse({ rows: PLANS, source: "" }, {} as never);
    const check = checkInput(
      ROSTER_INPUT,
      { source: { kind: "table", name: "R", address: "R!A1:H4" }, table: ROSTER, mapping: {} },
      { ...context, plans: parsed },
    );
    expect(check.status).toBe("problems");
    expect(check.line).toBe("3 employees, 1 row with problems");
    expect(check.problems).toEqual([{ text: "Row 4: Grade 'H9' is not in plan 'Hourly'", row: 4 }]);
    expect(check.columns.Salary).toBe("Base Pay");
    expect(check.headers).toContain("Annual Amount");
  });

  it("a missing required column needs mapping; the mapping by label fixes it", () => {
    const table = [
      ["Emp", "Grade", "Amount", "Hired"],
      ["E1", "H1", 12, "2010-01-01"],
    ];
    const source: Source = { kind: "table", name: "R", address: "R!A1:D2" };
    const missing = checkInput(ROSTER_INPUT, { source, table, mapping: {} }, context);
    expect(missing.status).toBe("needs-mapping");
    // "Emp" is an Employee ID (Munis writes "Emp #"): the salary is what is missing.
    expect(missing.line).toMatch(/^Missing column 'Salary'/);
    const mapped = checkInput(
      ROSTER_INPUT,
      { source, table, mapping: { "Employee ID": "Emp", Salary: "Amount", "Hire Date": "Hired" } },
      context,
    );
    expect(mapped.status).toBe("ready");
    expect(mapped.line).toBe("1 employee");
  });

  it("not read, reading, or unreadable", () => {
    expect(checkInput(ROSTER_INPUT, { mapping: {} }, context).status).toBe("not-set");
    expect(checkInput(ROSTER_INPUT, { mapping: {}, reading: true }, context).line).toBe("Reading…");
    // A 100,000-row roster is read in chunks: the line says how far.
    expect(checkInput(ROSTER_INPUT, { mapping: {}, reading: true, progress: 0.4 }, context).line).toBe("Reading… 40%");
    expect(checkInput(ROSTER_INPUT, { mapping: {}, error: "Roster is empty" }, context)).toMatchObject({
      status: "error",
      line: "Roster is empty",
    });
  });
});

describe("the mapping, with the same care as the command line (issue 18)", () => {
  const context = { asOf: "2013-04-01", options: {} };
  const source: Source = { kind: "table", name: "R", address: "R!A1:F3" };
  const roster = [
    ["Emp #", "Plan", "Grade", "Base Pay", "Annual Rate", "Hire Dt", "Dept"],
    ["E1", "Hourly", "H1", 12, 24960, "2010-01-01", "Custodial"],
    ["E2", "Hourly", "H2", 18, 37440, "2012-01-01", "Custodial"],
  ];

  it("never picks one of two columns that fit a field: it asks, naming both", () => {
    const check = checkInput(ROSTER_INPUT, { source, table: roster, mapping: {} }, context);
    expect(check).toMatchObject({
      status: "needs-mapping",
      fix: "map",
      line: "Two columns could be Salary: 'Base Pay' and 'Annual Rate': name the one to read",
      ambiguous: { Salary: ["Base Pay", "Annual Rate"] },
    });
    // The common headers are recognised all the same.
    expect(check.columns).toMatchObject({ "Employee ID": "Emp #", "Hire Date": "Hire Dt", Department: "Dept" });
    expect(check.columns["Job Family"]).toBeUndefined();
    const mapped = checkInput(ROSTER_INPUT, { source, table: roster, mapping: { Salary: "Base Pay" } }, context);
    expect(mapped).toMatchObject({ status: "ready", line: "2 employees" });
  });

  it("a Dept column is the Department unless mapped to Job Family; detection names what it finds either way", () => {
    const table = [
      roster[0].filter((h) => h !== "Annual Rate"),
      ...roster.slice(1).map((r) => r.filter((_, c) => c !== 4)),
    ];
    const byDefault = checkInput(ROSTER_INPUT, { source, table, mapping: {} }, context);
    expect(byDefault.columns.Department).toBe("Dept");
    const moved = checkInput(ROSTER_INPUT, { source, table, mapping: { "Job Family": "Dept" } }, context);
    expect(moved.columns).toMatchObject({ "Job Family": "Dept" });
    expect(moved.columns.Department).toBeUndefined();
    // What detection would read for Department is still named, so the page can say where it went.
    expect(moved.detected.Department).toBe("Dept");
  });

  it("asks for the decimal separator when the numbers read two ways, and reads them once told", () => {
    const table = [
      ["Employee ID", "Plan", "Grade", "Salary"],
      ["E1", "Hourly", "H1", "12.000"],
    ];
    const asked = checkInput(ROSTER_INPUT, { source, table, mapping: {} }, context);
    expect(asked).toMatchObject({ status: "needs-mapping", fix: "decimal" });
    expect(asked.line).toContain("Column 'Salary' reads two ways");
    expect(asked.line).not.toContain("--");
    const told = checkInput(
      ROSTER_INPUT,
      { source, table, mapping: {} },
      { ...context, options: { decimal: "point" } },
    );
    expect(told.status).toBe("ready");
  });

  it("leaves out the rows hidden in the sheet when asked, and an Excel table's totals row always", () => {
    const state = {
      source: { kind: "table" as const, name: "R", address: "R!A1:D4", totalsRow: true },
      table: [
        ["Employee ID", "Plan", "Grade", "Salary"],
        ["E1", "Hourly", "H1", 12],
        ["E2", "Hourly", "H2", 18],
        [2, null, null, 15],
      ],
      mapping: {},
      hidden: [3],
    };
    expect(inputTable(state)?.totalsRows).toEqual([4]);
    expect(inputTable(state, true)?.rows[2]).toEqual([]);
    const read = checkInput(ROSTER_INPUT, state, context);
    expect(read.line).toBe("2 employees, 1 line left out (not employees), 1 hidden row read");
    const skipped = checkInput(ROSTER_INPUT, state, { ...context, skipHiddenRows: true });
    expect(skipped.line).toBe("1 employee, 1 line left out (not employees), 1 hidden row left out");
  });

  it("recognises a schedule sheet that starts with a title row as the pay plans, and a roster by its columns", () => {
    const sheets: Source[] = [
      { kind: "range", name: "FY25", address: "'FY25'!A1:F40" },
      { kind: "range", name: "Staff list", address: "'Staff list'!A1:H900" },
      { kind: "range", name: "Notes", address: "Notes!A1:A3" },
    ];
    expect(previewSource(sheets[1]).address).toBe("'Staff list'!A1:H25");
    const found = detectByContent(
      [
        { source: sheets[2], rows: [["Exported 2024-06-30"]] },
        { source: sheets[1], rows: [["Roster as of June 30"], [], ...ROSTER] },
        {
          source: sheets[0],
          rows: [["Anytown USD Salary Schedule 2024-25"], [], ...PLANS],
        },
      ],
      INPUTS.filter((spec) => spec === PLANS_INPUT || spec === ROSTER_INPUT),
    );
    expect(found).toEqual({ plans: sheets[0], roster: sheets[1] });
  });
});

describe("the registry as the pane reads it", () => {
  it("the current-conditions family reads the pay plans and the roster, and both are used by every family", () => {
    expect(familyInputs(CURRENT_CONDITIONS).map((spec) => spec.id)).toEqual(["plans", "roster"]);
    expect(usedBy(ROSTER_INPUT).map((f) => f.id)).toContain("current-conditions");
  });

  it("an option's message is the engine's; blank means the default", () => {
    let expected = "";
    try {
      parseOption(MIN_CELL, "0");
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(optionError(MIN_CELL, "0")).toBe(expected);
    expect(optionError(MIN_CELL, "")).toBeUndefined();
    expect(validOptions({ "min-cell": "0", "salary-basis": "actual" })).toEqual({ "salary-basis": "actual" });
  });

  it("every exhibit is unavailable without the tables: the tables named, to choose on Data", () => {
    const reasons = availability({}, "2013-04-01", {});
    for (const id of EXHIBIT_IDS)
      expect(needText(reasons[id] as never)).toMatch(
        /^Needs the Pay Plans table(,| and) the Roster table.*: choose them on Data\.$/,
      );
  });

  const TABLES = { plans: { rows: PLANS, source: "Plans!A1:E3" }, roster: { rows: ROSTER, source: "Staff!A1:H4" } };

  it("the proposed structure: needed until an adjustment is typed, said with the field on the page and the table on Data", () => {
    const need = availability(TABLES, "2013-04-01", {})["pay-plan-comparison"];
    expect(need && needText(need, STRUCTURE)).toBe(
      "Needs a proposed structure: set the structure adjustment under Options (e.g. 3%), or choose the Proposed Plans table on Data.",
    );
    // Seen from another page, the field is on the structure's page.
    expect(need && needText(need, MARKET)).toContain(
      "set the structure adjustment on the Proposed structure page (e.g. 3%)",
    );
    for (const typed of ["3", "3%", "0.03"])
      expect(availability(TABLES, "2013-04-01", { adjust: typed })["pay-plan-comparison"]).toBeUndefined();
  });

  it("a market target without the Market table names the table, not a flag", () => {
    const need = availability(TABLES, "2013-04-01", { "market-target": "100%" })["pay-plan-comparison"];
    expect(need && needText(need, STRUCTURE)).toBe(
      "Needs the Market table, for the market target: choose the Market table on Data, set the structure adjustment under Options (e.g. 3%), or choose the Proposed Plans table on Data.",
    );
  });

  it("a roster column to map, in words", () => {
    const need = availability(TABLES, "2013-04-01", {})["workforce-composition"];
    expect(need && needText(need)).toBe(
      "Needs a Gender or Ethnicity column in the roster: map a Gender column of the roster on Data, or map an Ethnicity column of the roster on Data.",
    );
  });

  it("settings from another version or none read as defaults; a saved input kept", () => {
    expect(readSettings(undefined).inputs).toEqual({});
    expect(
      readSettings({ inputs: { plans: { kind: "table", name: "P", address: "P!A1:B2" }, bad: 3 }, asOf: "soon" }),
    ).toMatchObject({
      inputs: { plans: { kind: "table", name: "P", address: "P!A1:B2" } },
      asOf: undefined,
      insertAs: "values",
    });
    fc.assert(fc.property(fc.anything(), (value) => typeof readSettings(value).started === "boolean"));
  });
});

describe("live formulas", () => {
  const sources: Record<string, Source> = {
    plans: { kind: "table", name: "PayPlans", address: "Plans!A1:E3" },
    roster: { kind: "range", name: "Selection", address: "Staff!A1:H4" },
  };
  it("read the tables where the pane found them, the as-of date as DATE(), options by address", () => {
    expect(liveFormula("quartiles", sources, "2013-04-01", undefined)).toBe(
      "=COMP.EXHIBIT(\"quartiles\", PayPlans[#All], 'Staff'!$A$1:$H$4, DATE(2013,4,1))",
    );
    expect(liveFormula("tenure", sources, "2026-11-23", "$A$6:$B$7")).toBe(
      "=COMP.EXHIBIT(\"tenure\", PayPlans[#All], 'Staff'!$A$1:$H$4, DATE(2026,11,23), $A$6:$B$7)",
    );
  });
  it("carry the options given and one map row per mapped column", () => {
    expect(
      liveOptions(
        { "salary-basis": "actual" },
        { roster: { mapping: { Salary: "Base Pay" } }, market: { mapping: { Job: "Title" } } },
      ),
    ).toEqual([
      ["salary-basis", "actual"],
      ["map", "Salary=Base Pay"],
      ["map", "market:Job=Title"],
    ]);
  });
});
