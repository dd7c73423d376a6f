/** @jest-environment jsdom */
import * as React from "react";
import "@testing-library/jest-dom";
import { act, configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { Source, WorkbookGateway } from "../../src/excel/gateway";
import type { CellValue } from "../../src/engine/cells";

// Fluent UI renders slowly under jsdom on a loaded 2-core machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Hourly", "H1", 10, 15, 20],
  ["Hourly", "H2", 12, 17, 22],
];
const ROSTER: CellValue[][] = [
  ["Emp ID", "Plan", "Grade", "Base Pay", "Annual Rate", "Date of Hire", "Job Family", "Title"],
  ["E1", "Hourly", "H1", 12, 13, "2010-01-01", "Custodial", "Custodian"],
  ["E2", "Hourly", "H2", 18, 19, "2012-01-01", "Custodial", "Custodian"],
  ["E3", "Hourly", "H9", 18, 19, "2012-01-01", "Custodial", "Custodian"],
];

const SOURCES: Source[] = [
  { kind: "table", name: "PayPlans", address: "Plans!A1:E3" },
  { kind: "table", name: "Roster", address: "Staff!A1:H4" },
];

function fakeGateway(overrides: Partial<WorkbookGateway> = {}): WorkbookGateway & { calls: string[] } {
  const calls: string[] = [];
  const gateway: WorkbookGateway = {
    listSources: async () => SOURCES,
    selectionAddress: async () => "Staff!A1:H4",
    readValues: async (source) => {
      calls.push(`read ${source.address}`);
      return source.address.startsWith("Plans") ? PLANS : ROSTER;
    },
    insertExhibits: async (result, options) => {
      calls.push(`insert ${result.exhibits.map((e) => e.id).join(",")}`);
      options.onProgress?.("Writing values (1 of 1)", 0.5);
      return { sheets: result.exhibits.map((e) => ({ name: `${e.number} ${e.title}`, exhibitId: e.id })) };
    },
    insertRulesSheet: async () => ({ sheet: "COMP Rules", names: 14 }),
    insertFormula: async (formula) => {
      calls.push(`formula ${formula}`);
      return "Sheet1!B2";
    },
    countCompFormulas: async () => 3,
    convertCompFormulas: async (scope) => {
      calls.push(`convert ${scope}`);
      return 3;
    },
    activateSheet: async (name) => {
      calls.push(`activate ${name}`);
    },
    ...overrides,
  };
  return Object.assign(gateway, { calls });
}

function show(gateway: WorkbookGateway): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
}

describe("task pane", () => {
  it("empty workbook: nothing detected, Insert disabled until both inputs are read", async () => {
    show(fakeGateway({ listSources: async () => [] }));
    expect(await screen.findByRole("button", { name: "Insert all exhibits" })).toBeDisabled();
    expect(screen.getByRole("combobox", { name: "Pay plans: table or range" })).toHaveTextContent(
      "Pick a table or range",
    );
  });

  it("detects the Pay Plans and Roster tables and checks them in one line each", async () => {
    const gateway = fakeGateway();
    show(gateway);
    expect(await screen.findByText("1 plan, 2 grades")).toBeInTheDocument();
    expect(await screen.findByText("3 employees, 1 row with problems — see below")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Roster problems" })).toHaveTextContent(
      "Row 4: Grade 'H9' is not in plan 'Hourly'",
    );
    expect(gateway.calls).toEqual(expect.arrayContaining(["read Plans!A1:E3", "read Staff!A1:H4"]));
    expect(screen.getByRole("button", { name: "Insert all exhibits" })).toBeEnabled();
  });

  it("shows the detected columns and lets the user re-map one", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await screen.findByText("3 employees, 1 row with problems — see below");
    await user.click(screen.getByText("Roster columns"));
    const salary = screen.getByRole("combobox", { name: "Salary *" });
    expect(salary).toHaveTextContent("Base Pay");
    await user.click(salary);
    await user.click(screen.getByRole("option", { name: "Annual Rate" }));
    expect(screen.getByRole("combobox", { name: "Salary *" })).toHaveTextContent("Annual Rate");
  });

  it("says which column is missing, in words", async () => {
    show(
      fakeGateway({
        readValues: async (source) =>
          source.address.startsWith("Plans")
            ? PLANS
            : [
                ["Emp ID", "Grade"],
                ["E1", "H1"],
              ],
      }),
    );
    expect(await screen.findByText(/Missing column 'Salary' \(looked for: Salary, Annual Salary/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert all exhibits" })).toBeDisabled();
  });

  it("shows a read failure (empty range) under the input", async () => {
    show(
      fakeGateway({
        readValues: async (source) => {
          if (source.address.startsWith("Staff"))
            throw new Error("Roster is empty: pick the range that holds the table, headers first");
          return PLANS;
        },
      }),
    );
    expect(
      await screen.findByText("Roster is empty: pick the range that holds the table, headers first"),
    ).toBeInTheDocument();
  });

  it("runs: buttons disabled, progress with the current step and Cancel; then success with Go to sheet", async () => {
    const user = userEvent.setup();
    let finish: () => void = () => undefined;
    const gateway = fakeGateway();
    const insertExhibits = gateway.insertExhibits;
    gateway.insertExhibits = (result, options) =>
      new Promise((resolve) => {
        options.onProgress?.("Writing values (1 of 2)", 0.4);
        finish = () => void insertExhibits(result, options).then(resolve);
      });
    show(gateway);
    await screen.findByText("3 employees, 1 row with problems — see below");
    await user.click(screen.getByRole("button", { name: "Insert all exhibits" }));
    expect(await screen.findByText("Writing values (1 of 2)")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Insert rules sheet" })).toBeDisabled();
    // The write finishes outside any user event: let React flush that update inside act.
    await act(async () => finish());
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("8 exhibit sheets inserted");
    expect(status).toHaveTextContent("2 employees placed, 1 unmatched.");
    await user.click(within(status).getByRole("button", { name: "Go to sheet 3-4 Quartile Analysis" }));
    expect(gateway.calls).toContain("activate 3-4 Quartile Analysis");
  });

  it("inserts only the chosen exhibits", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await screen.findByText("3 employees, 1 row with problems — see below");
    await user.click(screen.getByRole("checkbox", { name: "All exhibits" }));
    await user.click(screen.getByRole("checkbox", { name: "3-4 Quartile analysis (with charts)" }));
    await user.click(screen.getByRole("button", { name: "Insert 1 exhibit" }));
    await screen.findByRole("status");
    expect(gateway.calls).toContain("insert quartiles");
  });

  it("shows an insert failure in an alert, with the reason", async () => {
    const user = userEvent.setup();
    show(
      fakeGateway({
        insertExhibits: async () => {
          throw new Error(
            "The exhibits could not be inserted: the request is too large. The workbook was left as it was.",
          );
        },
      }),
    );
    await screen.findByText("3 employees, 1 row with problems — see below");
    await user.click(screen.getByRole("button", { name: "Insert all exhibits" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The workbook was left as it was.");
  });

  it("refuses an invalid as-of date with a field message", async () => {
    const user = userEvent.setup();
    show(fakeGateway());
    await screen.findByText("3 employees, 1 row with problems — see below");
    const date = screen.getByLabelText(/As of/);
    await user.clear(date);
    expect(await screen.findByText("Write the date as yyyy-mm-dd")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert all exhibits" })).toBeDisabled();
  });

  it("searches the functions and inserts an example; a non-empty cell is refused in words", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await user.type(screen.getByRole("searchbox", { name: "Search the COMP functions" }), "quartile");
    expect(screen.getByText("COMP.QUARTILE_PLACE")).toBeInTheDocument();
    expect(screen.queryByText("COMP.PAYSTEP")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Insert COMP.QUARTILE_PLACE example" }));
    expect(await screen.findByRole("status")).toHaveTextContent("In cell Sheet1!B2.");
    expect(gateway.calls).toContain("formula =COMP.QUARTILE_PLACE(E2:E5000, F2:F5000, G2:G5000)");

    gateway.insertFormula = async () => {
      throw new Error("The active cell Sheet1!B2 is not empty: pick an empty cell, then insert again");
    };
    await user.click(screen.getByRole("button", { name: "Insert COMP.QUARTILE_PLACE example" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("is not empty: pick an empty cell");
  });

  it("converts COMP formulas only after a confirmation that says how many cells change", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    show(gateway);
    await user.click(screen.getByRole("radio", { name: "Active sheet" }));
    await user.click(screen.getByRole("button", { name: "Convert COMP formulas to values" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("3 cells in the active sheet will keep their current values");
    expect(gateway.calls).not.toContain("convert sheet");
    await user.click(within(dialog).getByRole("button", { name: "Convert 3 cells" }));
    expect(await screen.findByRole("status")).toHaveTextContent("3 cells now hold values.");
    expect(gateway.calls).toContain("convert sheet");
  });

  it("inserts the rules sheet, or says why not", async () => {
    const user = userEvent.setup();
    show(
      fakeGateway({
        insertRulesSheet: async () => {
          throw new Error("A sheet named 'COMP Rules' already exists: rename or delete it, then insert again");
        },
      }),
    );
    await user.click(screen.getByRole("button", { name: "Insert rules sheet" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("already exists: rename or delete it");
  });
});
