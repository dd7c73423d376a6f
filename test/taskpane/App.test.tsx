/** @jest-environment jsdom */
import * as React from "react";
import "@testing-library/jest-dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { WorkbookGateway } from "../../src/excel/gateway";
import { DEFAULT_SETTINGS } from "../../src/excel/settings";
import { EXHIBIT_IDS, FAMILIES, PLANS_INPUT, ROSTER_INPUT } from "../../src/engine/study";
import { CURRENT_CONDITIONS } from "../../src/engine/study/families/current";
import { REGISTRY, type Registry } from "../../src/taskpane/study";
import { list } from "../../src/taskpane/text";
import { layoutExhibit } from "../../src/exhibits/layout";

const CURRENT = CURRENT_CONDITIONS.exhibits.length;
import { fakeGateway, PLANS, ROSTER, SOURCES, type FakeGateway } from "./fake-gateway";
import { paneUnderJsdom } from "./jsdom-pane";

paneUnderJsdom(180_000);

const SAMPLE = {
  asOf: "2013-04-01",
  tables: [
    { sheet: "Pay Plans", table: "PayPlans", rows: PLANS as (string | number | null)[][] },
    { sheet: "Roster", table: "Roster", rows: ROSTER as (string | number | null)[][] },
  ],
};

function show(gateway: WorkbookGateway): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} loadSample={async () => SAMPLE} />
    </FluentProvider>,
  );
}

async function analyze(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await screen.findByText("3 employees, 1 row with problems");
  await user.click(screen.getByRole("tab", { name: "Analyze" }));
}

describe("first run", () => {
  it("an empty workbook gets a value statement, three steps and the sample — no disabled controls", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({}, { sources: [], tables: {} });
    show(gateway);
    expect(await screen.findByRole("heading", { level: 1, name: "Get started" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(document.querySelectorAll("button:disabled")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Try with sample data" }));
    expect(await screen.findByText("3 employees, 1 row with problems")).toBeInTheDocument();
    expect(gateway.calls).toContain("tables PayPlans,Roster");
    expect(screen.getByRole("heading", { level: 1, name: "Data" })).toHaveFocus();
    expect(screen.getByText("Sample data inserted")).toBeInTheDocument();
    expect(screen.getByText("2 tables added (PayPlans and Roster), as of Apr 1, 2013.")).toBeInTheDocument();
    // Remembered in the workbook: the first run is over, the sample's as-of date kept.
    expect(gateway.saved[gateway.saved.length - 1]).toMatchObject({ started: true, asOf: "2013-04-01" });
  });
});

describe("Data", () => {
  it("detects the tables by name and gives each input a card with its status, size and users", async () => {
    const gateway = fakeGateway();
    show(gateway);
    const plans = await screen.findByRole("article", { name: "Pay Plans" });
    await within(plans).findByText("1 plan, 2 grades");
    expect(within(plans).getByText("Ready")).toBeInTheDocument();
    expect(within(plans).getByText("Table PayPlans · 3 rows × 5 columns")).toBeInTheDocument();
    const roster = screen.getByRole("article", { name: "Roster" });
    await within(roster).findByText("3 employees, 1 row with problems");
    expect(within(roster).getByText("1 problem")).toBeInTheDocument();
    // The pay plans and roster serve every family of the registry.
    expect(within(roster).getByText(`Used by ${list(FAMILIES.map((f) => f.title))}.`)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Data status: 2 inputs ready" })).toBeInTheDocument();
    // The inputs ready: the next step is offered.
    await userEvent.setup().click(screen.getByRole("button", { name: "Next: Analyze" }));
    expect(screen.getByRole("heading", { level: 1, name: "Analyze" })).toBeInTheDocument();
  });

  it("lists the problems with their rows; Select row selects it in the sheet; Escape returns focus", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    const roster = await screen.findByRole("article", { name: "Roster" });
    const opener = await within(roster).findByRole("button", { name: "Show 1 problem" });
    await user.click(opener);
    expect(screen.getByRole("heading", { level: 2, name: "Roster: 1 problem" })).toHaveFocus();
    expect(screen.getByRole("list", { name: "Roster problems" })).toHaveTextContent(
      "Row 4: Grade 'H9' is not in plan 'Hourly'",
    );
    await user.click(screen.getByRole("button", { name: "Select row 4" }));
    expect(gateway.calls).toContain("select Staff!A4:H4");
    await user.keyboard("{Escape}");
    expect(await screen.findByRole("button", { name: "Show 1 problem" })).toHaveFocus();
  });

  it("maps a column with one full-width field per column, and remembers it in the workbook", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    const roster = await screen.findByRole("article", { name: "Roster" });
    await user.click(await within(roster).findByRole("button", { name: "Map columns" }));
    const salary = screen.getByRole("combobox", { name: "Salary (required)" });
    expect(screen.getByText("Reading “Base Pay”, found automatically")).toBeInTheDocument();
    await user.selectOptions(salary, "Annual Amount");
    expect(await screen.findByText("Reading “Annual Amount”, your choice")).toBeInTheDocument();
    // Detection still names what it would read.
    expect(within(salary).getByRole("option", { name: "Found automatically (“Base Pay”)" })).toBeInTheDocument();
    expect(gateway.saved[gateway.saved.length - 1].mappings.roster).toEqual({ Salary: "Annual Amount" });
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByRole("button", { name: "Map columns" })).toHaveFocus();
  });

  it("never moves a column to another field silently: a Dept mapped to Job Family is said under Department", async () => {
    const user = userEvent.setup();
    const staff = [
      ["Emp ID", "Plan", "Grade", "Base Pay", "Date of Hire", "Dept"],
      ["E1", "Hourly", "H1", 12, "2010-01-01", "Custodial"],
      ["E2", "Hourly", "H2", 18, "2012-01-01", "Custodial"],
    ];
    const gateway = fakeGateway({}, { tables: { "Plans!A1:E3": PLANS, "Staff!A1:H4": staff } });
    show(gateway);
    const roster = await screen.findByRole("article", { name: "Roster" });
    await user.click(await within(roster).findByRole("button", { name: "Map columns" }));
    expect(screen.getByText("Reading “Dept”, found automatically")).toBeInTheDocument();
    const family = screen.getByRole("combobox", { name: "Job Family" });
    expect(within(family).getByRole("option", { name: "Dept (read for Department)" })).toBeInTheDocument();
    await user.selectOptions(family, "Dept");
    expect(
      await screen.findByText("“Dept” is mapped to Job Family: pick another column, or leave this one"),
    ).toBeInTheDocument();
  });

  it("leaves out rows hidden by a filter when the box is ticked, and counts them either way", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({}, { hidden: { "Staff!A1:H4": [4] } });
    show(gateway);
    const roster = await screen.findByRole("article", { name: "Roster" });
    expect(await within(roster).findByText("3 employees, 1 row with problems, 1 hidden row read")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: /Leave out rows hidden by a filter/ }));
    expect(await within(roster).findByText("2 employees, 1 hidden row left out")).toBeInTheDocument();
    expect(gateway.saved[gateway.saved.length - 1].skipHiddenRows).toBe(true);
  });

  it("recognises the pay plans by their content on a sheet named for its year, title row and all", async () => {
    const schedule = [["Anytown USD Salary Schedule 2024-25"], [], ...PLANS];
    const gateway = fakeGateway(
      {},
      {
        sources: [
          { kind: "range", name: "FY25", address: "'FY25'!A1:E5" },
          { kind: "table", name: "Roster", address: "Staff!A1:H4" },
        ],
        tables: { "'FY25'!A1:E5": schedule, "Staff!A1:H4": ROSTER },
      },
    );
    show(gateway);
    const plans = await screen.findByRole("article", { name: "Pay Plans" });
    expect(await within(plans).findByText("1 plan, 2 grades")).toBeInTheDocument();
    expect(within(plans).getByText("Used range of FY25 · 5 rows × 5 columns")).toBeInTheDocument();
  });

  it("says a column is missing in words, with the needs-mapping badge", async () => {
    const gateway = fakeGateway(
      {},
      {
        tables: {
          "Plans!A1:E3": PLANS,
          "Staff!A1:H4": [
            ["Emp ID", "Grade"],
            ["E1", "H1"],
          ],
        },
      },
    );
    show(gateway);
    const roster = await screen.findByRole("article", { name: "Roster" });
    expect(await within(roster).findByText(/Missing column 'Salary' \(looked for: Salary/)).toBeInTheDocument();
    expect(within(roster).getByText("Needs mapping")).toBeInTheDocument();
  });

  it("re-reads remembered inputs by table name (a table that grew), and says when one is gone", async () => {
    const gateway = fakeGateway(
      {},
      {
        sources: [{ kind: "table", name: "PayPlans", address: "Plans!A1:E3" }],
        settings: {
          ...DEFAULT_SETTINGS,
          started: true,
          inputs: {
            plans: { kind: "table", name: "PayPlans", address: "Plans!A1:E2" },
            roster: { kind: "table", name: "People", address: "Staff!A1:H4" },
          },
        },
      },
    );
    show(gateway);
    expect(await screen.findByText("1 plan, 2 grades")).toBeInTheDocument();
    expect(gateway.calls).toContain("read Plans!A1:E3");
    expect(await screen.findByText("People is no longer in the workbook: choose the roster again")).toBeInTheDocument();
  });

  it("finds a table added after the pane opened", async () => {
    const gateway = fakeGateway({}, { sources: [SOURCES[0]] });
    show(gateway);
    await screen.findByText("1 plan, 2 grades");
    expect(within(screen.getByRole("article", { name: "Roster" })).getByText("Not set")).toBeInTheDocument();
    gateway.setSources(SOURCES);
    act(() => gateway.emit({ kind: "structure" }));
    expect(await screen.findByText("3 employees, 1 row with problems")).toBeInTheDocument();
  });

  it("Help reopens Get started; Choose my tables goes to Data", async () => {
    const user = userEvent.setup();
    show(fakeGateway());
    await screen.findByText("1 plan, 2 grades");
    await user.click(screen.getByRole("button", { name: "Help: getting started" }));
    expect(screen.getByRole("heading", { level: 1, name: "Get started" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Choose my tables" }));
    expect(screen.getByRole("heading", { level: 1, name: "Data" })).toBeInTheDocument();
  });

  it("reads an input again when its sheet changes", async () => {
    const gateway: FakeGateway = fakeGateway();
    show(gateway);
    await screen.findByText("3 employees, 1 row with problems");
    gateway.tables["Staff!A1:H4"] = ROSTER.slice(0, 3);
    act(() => gateway.emit({ kind: "cells", sheet: "Staff", address: "D2" }));
    expect(await screen.findByText("2 employees")).toBeInTheDocument();
  });
});

describe("Analyze", () => {
  it("inserts every exhibit from the footer: the pressed button says Inserting… and keeps focus; success in view", async () => {
    const user = userEvent.setup();
    let finish: () => void = () => undefined;
    const gateway = fakeGateway();
    const insertExhibits = gateway.insertExhibits;
    gateway.insertExhibits = (result, options) =>
      new Promise((resolve) => {
        options.onProgress?.("Writing 1 of 8 sheets", 0.4);
        finish = () => void insertExhibits(result, options).then(resolve);
      });
    show(gateway);
    await analyze(user);
    // With the pay plans and roster alone, the exhibits that need nothing else: current conditions' nine.
    const button = screen.getByRole("button", { name: `Insert ${CURRENT} exhibits` });
    await user.click(button);
    expect(await screen.findByRole("button", { name: "Inserting…" })).toHaveFocus();
    expect(screen.getByRole("progressbar")).toHaveAttribute(
      "aria-valuetext",
      expect.stringContaining("Writing 1 of 8 sheets"),
    );
    expect(screen.getByRole("button", { name: "Cancel" })).toBeInTheDocument();
    await act(async () => finish());
    expect(await screen.findByText("9 exhibit sheets inserted")).toBeInTheDocument();
    expect(screen.getByText("2 employees placed, 1 unmatched row.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert 9 exhibits" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Go to 3-1 Pay Plan Summary" }));
    expect(gateway.calls).toContain("activate 3-1 Pay Plan Summary");
  });

  it("the organisation and the study's title typed in the shared options title the inserted sheets", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    const insertExhibits = gateway.insertExhibits;
    let inserted: Parameters<typeof insertExhibits>[0] | undefined;
    gateway.insertExhibits = (result, options) => {
      inserted = result;
      return insertExhibits(result, options);
    };
    show(gateway);
    await analyze(user);
    await user.click(screen.getByRole("button", { name: "Shared options" }));
    await user.type(screen.getByRole("textbox", { name: "Organisation" }), "Portland Public Schools");
    await user.type(screen.getByRole("textbox", { name: "Study title" }), "Board packet, June 2013");
    await user.click(screen.getByRole("button", { name: `Insert ${CURRENT} exhibits` }));
    expect(await screen.findByText(`${CURRENT} exhibit sheets inserted`)).toBeInTheDocument();
    expect(inserted).toMatchObject({ organization: "Portland Public Schools", title: "Board packet, June 2013" });
    // Each sheet's first line, as the writer lays it out.
    const layout = layoutExhibit(inserted!.exhibits[0], { study: inserted });
    expect(layout.blocks[0].values[0][0]).toBe("Portland Public Schools · Board packet, June 2013");
    expect(layout.print.header.left).toBe("Portland Public Schools");
  }, 60_000);

  it("a family page: its inputs, its exhibits with summaries, one exhibit inserted as live formulas", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await analyze(user);
    await user.click(screen.getByRole("radio", { name: /Live formulas/ }));
    await user.click(screen.getByRole("button", { name: "Open Current conditions" }));
    expect(screen.getByRole("heading", { level: 2, name: "Current conditions" })).toHaveFocus();
    for (const name of ["3-1 Pay Plan Summary", "3-4 Quartile Analysis", "3-8 Unmatched Employees"])
      await user.click(screen.getByRole("checkbox", { name }));
    expect(screen.getByRole("checkbox", { name: "3-2 Grade Placement" })).toHaveAccessibleDescription(
      "Employees at or below the minimum and at or above the maximum, per grade",
    );
    await user.click(screen.getByRole("button", { name: "Insert 6 exhibits" }));
    expect(await screen.findByText("6 exhibit sheets inserted as live formulas")).toBeInTheDocument();
    // The workbook's own as-of date (its COMP_AS_OF), never today's.
    expect(gateway.calls).toContain('formula =COMP.EXHIBIT("midpoint", PayPlans[#All], Roster[#All], DATE(2013,4,1))');
  });

  it("asks for the as-of date when the workbook has none, offers Insert once it is set, and saves it", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({}, { studyDate: null });
    show(gateway);
    await analyze(user);
    const date = screen.getByLabelText("As of");
    expect(date).toHaveValue("");
    expect(screen.getByText("Not set yet: pick the date of the roster's data.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Insert/ })).not.toBeInTheDocument();
    expect(screen.getByText("To insert exhibits, set the As of date above.")).toBeInTheDocument();
    await user.type(date, "2013-04-01");
    expect(await screen.findByRole("button", { name: `Insert ${CURRENT} exhibits` })).toBeInTheDocument();
    expect(gateway.saved[gateway.saved.length - 1].asOf).toBe("2013-04-01");
    // Every family page says it.
    await user.click(screen.getByRole("button", { name: "Open Current conditions" }));
    expect(screen.getByText(/^As of Apr 1, 2013, inserted as values/)).toBeInTheDocument();
  });

  it("a second insert replaces the first's sheets by default, or adds beside them when asked", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await analyze(user);
    await user.click(screen.getByRole("button", { name: `Insert ${CURRENT} exhibits` }));
    expect(await screen.findByText(`${CURRENT} exhibit sheets inserted`)).toBeInTheDocument();
    // The pane knows its sheets by their markers: Replace is offered, and chosen.
    const replace = await screen.findByRole("radio", { name: "Replace the earlier sheets" });
    expect(replace).toBeChecked();
    expect(screen.getByText(/These exhibits are in the workbook already \(inserted Jan 1, 2026\)/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: `Insert ${CURRENT} exhibits` }));
    expect(await screen.findByText(`${CURRENT} exhibit sheets replaced`)).toBeInTheDocument();
    expect(gateway.calls.filter((call) => call.startsWith("insert ")).pop()).toContain(
      "replacing 3-1 Pay Plan Summary,",
    );
    expect(gateway.exhibitSheets.map((sheet) => sheet.name)).toHaveLength(CURRENT);
    await user.click(screen.getByRole("radio", { name: "Add new sheets beside them" }));
    await user.click(screen.getByRole("button", { name: `Insert ${CURRENT} exhibits` }));
    expect(await screen.findByText(`${CURRENT} exhibit sheets inserted`)).toBeInTheDocument();
    expect(gateway.calls.filter((call) => call.startsWith("insert ")).pop()).not.toContain("replacing");
    expect(gateway.exhibitSheets).toHaveLength(2 * CURRENT);
    expect(gateway.exhibitSheets[CURRENT].name).toBe("3-1 Pay Plan Summary (2)");
  });

  it("the structure adjustment typed three ways: the exhibits it makes buildable are ticked and inserted", async () => {
    const user = userEvent.setup();
    for (const typed of ["3", "3%", "0.03"]) {
      const gateway = fakeGateway();
      const { unmount } = render(
        <FluentProvider theme={webLightTheme}>
          <App gateway={gateway} initialView="analyze" />
        </FluentProvider>,
      );
      await user.click(await screen.findByRole("button", { name: "Open Proposed structure" }));
      const box = await screen.findByRole("checkbox", { name: "6-1 Pay Plan Comparison" });
      expect(box).not.toBeChecked();
      expect(box).toHaveAccessibleDescription(
        "Needs a proposed structure: set the structure adjustment under Options (e.g. 3%), or choose the Proposed Plans table on Data.",
      );
      await user.click(screen.getByRole("button", { name: "Set the structure adjustment" }));
      const field = screen.getByRole("textbox", { name: "Structure adjustment" });
      expect(field).toHaveFocus();
      await user.type(field, typed);
      expect(await screen.findByRole("checkbox", { name: "6-1 Pay Plan Comparison" })).toBeChecked();
      expect(screen.queryByText(/is above|is not a percentage/)).not.toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: "Insert 1 exhibit" }));
      expect(await screen.findByText("1 exhibit sheet inserted")).toBeInTheDocument();
      expect(gateway.calls).toContain("insert pay-plan-comparison");
      unmount();
    }
  }, 240_000);

  it("an option typed wrong says so with the field's label", async () => {
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App gateway={fakeGateway()} initialView="analyze" />
      </FluentProvider>,
    );
    await user.click(await screen.findByRole("button", { name: "Open Proposed structure" }));
    await user.type(screen.getByRole("textbox", { name: "Structure adjustment" }), "150");
    expect(await screen.findByText("Structure adjustment: 150% is above 100%")).toBeInTheDocument();
  });

  it("an insert failure: the reason, and the technical detail behind Details", async () => {
    const user = userEvent.setup();
    const failure = new Error(
      "The exhibits could not be inserted (while writing 8 sheets): the request is too large. The workbook was left as it was.",
      { cause: new Error("RequestPayloadSizeLimitExceeded") },
    );
    show(fakeGateway({ insertExhibits: async () => Promise.reject(failure) }));
    await analyze(user);
    await user.click(screen.getByRole("button", { name: "Insert 9 exhibits" }));
    expect(await screen.findByText("The exhibits were not inserted")).toBeInTheDocument();
    expect(screen.queryByText("RequestPayloadSizeLimitExceeded")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("RequestPayloadSizeLimitExceeded")).toBeInTheDocument();
  });

  it("Cancel says so once, and the workbook is as it was", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.insertExhibits = (_result, options) =>
      new Promise((_resolve, reject) => {
        options.onProgress?.("Writing 1 of 8 sheets", 0.3);
        options.signal?.addEventListener("abort", () => reject(new Error("Cancelled: no exhibit sheets were kept.")));
      });
    show(gateway);
    await analyze(user);
    await user.click(screen.getByRole("button", { name: "Insert 9 exhibits" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("No exhibit sheets were kept: the workbook is as it was.")).toBeInTheDocument();
    expect(screen.getAllByText("Cancelled")).toHaveLength(1);
  });

  it("with no data, says what is missing and where to go — no disabled Insert", async () => {
    const user = userEvent.setup();
    show(fakeGateway({}, { sources: [], tables: {}, settings: { ...DEFAULT_SETTINGS, started: true } }));
    await user.click(await screen.findByRole("tab", { name: "Analyze" }));
    expect(
      screen.getByText("To insert exhibits, choose the pay plans and roster on the Data tab."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Insert/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Go to Data" }));
    expect(screen.getByRole("heading", { level: 1, name: "Data" })).toBeInTheDocument();
  });

  it("has no Personnel tab while no family offers the placements batch", async () => {
    const registry: Registry = {
      families: [CURRENT_CONDITIONS],
      inputs: [PLANS_INPUT, ROSTER_INPUT],
      options: REGISTRY.options,
      exhibits: REGISTRY.exhibits.filter((exhibit) => exhibit.family.id === CURRENT_CONDITIONS.id),
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <App gateway={fakeGateway()} registry={registry} />
      </FluentProvider>,
    );
    await screen.findByText("1 plan, 2 grades");
    expect(screen.getAllByRole("tab")).toHaveLength(3);
    expect(screen.queryByRole("tab", { name: "Personnel" })).not.toBeInTheDocument();
  });

  (EXHIBIT_IDS.includes("placements" as never) ? it : it.skip)(
    "with the placements batch registered, the Personnel tab offers it, saying what it needs",
    async () => {
      const user = userEvent.setup();
      show(fakeGateway());
      await screen.findByText("1 plan, 2 grades");
      expect(screen.getAllByRole("tab")).toHaveLength(4);
      await user.click(screen.getByRole("tab", { name: "Personnel" }));
      expect(screen.getByRole("heading", { level: 1, name: "Personnel" })).toBeInTheDocument();
      const placements = REGISTRY.exhibits.find((exhibit) => exhibit.id === "placements");
      const box = screen.getByRole("checkbox", { name: `${placements?.number} ${placements?.title}` });
      expect(box).toBeDisabled();
      const needs = (placements?.needs ?? []).map((spec) => spec.label);
      expect(box).toHaveAccessibleDescription(`Needs the ${needs.join(" and ")} table: choose it on Data.`);

      // The one-person form sits above the batch (test/taskpane/personnel.test.tsx works it).
      expect(screen.getByRole("heading", { level: 2, name: "One person" })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Compute" })).toBeInTheDocument();
      // The batch's table is chosen on Data, from the batch.
      await user.click(screen.getByRole("button", { name: "Choose the candidates" }));
      expect(screen.getByRole("heading", { level: 2, name: "Choose the candidates" })).toHaveFocus();
    },
  );
});

describe("Tools", () => {
  it("searches the functions and inserts an example; a non-empty cell is refused in words", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await user.click(await screen.findByRole("tab", { name: "Tools" }));
    await user.type(screen.getByRole("searchbox", { name: "Search the COMP functions" }), "quartile");
    expect(screen.getByText("COMP.QUARTILE_PLACE")).toBeInTheDocument();
    expect(screen.queryByText("COMP.PAYSTEP")).not.toBeInTheDocument();
    expect(screen.getByText("1 function found")).toBeInTheDocument();
    // The example reads the workbook's own tables: the first employee's salary, on their grade's pay.
    expect(screen.getByText("=COMP.QUARTILE_PLACE(Staff!$D$2, Plans!$C$2:$E$2)")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Insert COMP.QUARTILE_PLACE example" }));
    expect(await screen.findByText("In cell Sheet1!B2.")).toBeInTheDocument();
    expect(gateway.calls).toContain("formula =COMP.QUARTILE_PLACE(Staff!$D$2, Plans!$C$2:$E$2)");
    gateway.insertFormula = async () => {
      throw new Error("The active cell Sheet1!B2 is not empty: pick an empty cell, then insert again");
    };
    await user.click(screen.getByRole("button", { name: "Insert COMP.QUARTILE_PLACE example" }));
    expect(await screen.findByText("The example was not inserted")).toBeInTheDocument();
    expect(screen.getByText(/is not empty: pick an empty cell/)).toBeInTheDocument();
  });

  it("converts only after a confirmation that counts the cells; Escape returns focus to the button", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await user.click(await screen.findByRole("tab", { name: "Tools" }));
    await user.click(screen.getByRole("radio", { name: "Active sheet" }));
    await user.click(screen.getByRole("button", { name: "Convert COMP formulas to values" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent(
      "3 cells in the active sheet will keep their current values and lose their COMP formulas",
    );
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Convert COMP formulas to values" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Convert COMP formulas to values" }));
    // Wait for the state the dialog reaches — open and accessible, its button named with the count —
    // not for time: while the last dialog's exit runs, the new one can still be hidden from the tree.
    await user.click(await screen.findByRole("button", { name: "Convert 3 cells" }));
    expect(await screen.findByText("3 cells now hold their values.")).toBeInTheDocument();
    expect(gateway.calls).toContain("convert sheet");
  });

  it("groups the functions, closed at first so the rules sheet and sharing are in sight; a group opens on its header", async () => {
    const user = userEvent.setup();
    show(fakeGateway());
    await user.click(await screen.findByRole("tab", { name: "Tools" }));
    expect(screen.getByText(/^\d+ functions in 7 groups$/)).toBeInTheDocument();
    expect(screen.queryByText("COMP.PAYSTEP")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert rules sheet" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Convert COMP formulas to values" })).toBeInTheDocument();
    const header = screen.getByRole("button", { name: /^Pay plans and ranges \(\d+\)$/ });
    expect(header).toHaveAttribute("aria-expanded", "false");
    await user.click(header);
    expect(header).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText('=COMP.PAYSTEP(Plans!$B$2:$E$3, "H1", 3)')).toBeInTheDocument();
    // An example that needs a table the workbook lacks says so instead of inserting a sheet it does not have.
    await user.click(screen.getByRole("button", { name: /^Pay plans and ranges/ }));
    await user.type(screen.getByRole("searchbox", { name: "Search the COMP functions" }), "lanepay");
    expect(screen.getByText("On your data this example needs a lane schedule: choose it on Data.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Insert COMP.LANEPAY example" })).not.toBeInTheDocument();
  });

  it("names the rules sheet failure (not “not done”)", async () => {
    const user = userEvent.setup();
    show(
      fakeGateway({
        insertRulesSheet: async () => {
          throw new Error("A sheet named 'COMP Rules' already exists: rename or delete it, then insert again");
        },
      }),
    );
    await user.click(await screen.findByRole("tab", { name: "Tools" }));
    await user.click(screen.getByRole("button", { name: "Insert rules sheet" }));
    expect(await screen.findByText("The rules sheet was not inserted")).toBeInTheDocument();
    expect(screen.getByText(/already exists: rename or delete it/)).toBeInTheDocument();
  });
});
