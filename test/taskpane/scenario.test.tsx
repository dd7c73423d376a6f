/**
 * @jest-environment jsdom
 *
 * The costing family's scenario editor (issue 20 item 7): a row per year (increase, flat amount,
 * steps frozen), turnover and loads, the settlement's new money as soon as it is computed — the
 * scenario saved in the workbook as a study setting and restored from it. The new money is worked
 * by hand on a two-step roster.
 */
import * as React from "react";
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { readSettings, type PaneSettings } from "../../src/excel/settings";
import type { CellValue } from "../../src/engine/cells";
import { fakeGateway, type FakeGateway } from "./fake-gateway";
import { paneUnderJsdom } from "./jsdom-pane";

paneUnderJsdom(180_000);

// One grade: 40,000 / 42,000 / 44,000. E1 on step 1, E2 on the top step.
const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3"],
  ["Teachers", "T", 40_000, 42_000, 44_000],
];
const ROSTER: CellValue[][] = [
  ["Employee ID", "Plan", "Grade", "Salary"],
  ["E1", "Teachers", "T", 40_000],
  ["E2", "Teachers", "T", 44_000],
];

function gatewayWith(settings?: PaneSettings): FakeGateway {
  return fakeGateway(
    {},
    {
      sources: [
        { kind: "table", name: "PayPlans", address: "Plans!A1:E2" },
        { kind: "table", name: "Roster", address: "Staff!A1:D3" },
      ],
      tables: { "Plans!A1:E2": PLANS, "Staff!A1:D3": ROSTER },
      settings,
    },
  );
}

async function openCosting(gateway: FakeGateway): Promise<{ unmount: () => void }> {
  const user = userEvent.setup();
  const shown = render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} initialView="analyze" />
    </FluentProvider>,
  );
  await user.click(await screen.findByRole("button", { name: "Open Costing a settlement" }));
  await screen.findByRole("heading", { level: 4, name: "Settlement, year by year" });
  return shown;
}

const year = (n: number): HTMLElement => screen.getByRole("group", { name: `Year ${n}` });
const increaseOf = (n: number): HTMLElement => within(year(n)).getByRole("textbox", { name: "Increase" });
const lastSaved = (gateway: FakeGateway): PaneSettings => gateway.saved[gateway.saved.length - 1];

describe("the scenario editor", () => {
  it("draws the scenario's options in it, not again as fields of their own", async () => {
    await openCosting(gatewayWith());
    for (const label of ["Schedule increases", "Flat amounts", "Years without step movement", "Years"])
      expect(screen.queryByRole("textbox", { name: label })).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Turnover" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Payroll load" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Cost per FTE" })).toBeInTheDocument();
    expect(screen.getByText("Add a year to see what the settlement costs.")).toBeInTheDocument();
  });

  it("adds a year (focus in its increase) and removes one; the engine's options follow, saved in the workbook", async () => {
    const user = userEvent.setup();
    const gateway = gatewayWith();
    await openCosting(gateway);
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    expect(increaseOf(1)).toHaveFocus();
    await user.type(increaseOf(1), "3%");
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    expect(increaseOf(2)).toHaveFocus();
    await user.type(increaseOf(2), "2");
    await user.type(within(year(2)).getByRole("textbox", { name: "Flat amount" }), "500");
    expect(lastSaved(gateway).options).toMatchObject({ raise: "3%,2", flat: "0,500", freeze: "", years: "2" });
    expect(lastSaved(gateway).scenario).toEqual([
      { increase: "3%", flat: "", frozen: false },
      { increase: "2", flat: "500", frozen: false },
    ]);
    // The settlement's exhibits become buildable, and are ticked.
    expect(await screen.findByRole("checkbox", { name: "6-7 Settlement Cost" })).toBeChecked();

    await user.click(within(year(1)).getByRole("button", { name: "Remove year 1" }));
    expect(screen.queryByRole("group", { name: "Year 2" })).not.toBeInTheDocument();
    expect(increaseOf(1)).toHaveValue("2");
    expect(screen.getByRole("button", { name: "Add a year" })).toHaveFocus();
    expect(lastSaved(gateway).options).toMatchObject({ raise: "2", flat: "500", years: "1" });

    await user.click(within(year(1)).getByRole("button", { name: "Remove year 1" }));
    expect(lastSaved(gateway).options).toMatchObject({ raise: "", flat: "", freeze: "", years: "" });
    expect(await screen.findByRole("checkbox", { name: "6-7 Settlement Cost" })).not.toBeChecked();
  });

  it("shows the new money as soon as it is computed, and again when the loads change", async () => {
    const user = userEvent.setup();
    await openCosting(gatewayWith());
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    await user.type(increaseOf(1), "3%");
    // Year 1: E1 moves to step 2 at 42,000 × 1.03 = 43,260; E2 stays on the top step, 44,000 × 1.03 = 45,320.
    // 88,580 − 84,000 = 4,580.
    expect(await screen.findByText("$4,580 over 1 year")).toBeInTheDocument();
    expect(screen.getByText("Year 1: $4,580 more than today ($88,580 in all)")).toBeInTheDocument();
    // A 10 % load on both: 4,580 × 1.1 = 5,038.
    await user.type(screen.getByRole("textbox", { name: "Payroll load" }), "10%");
    expect(await screen.findByText("$5,038 over 1 year")).toBeInTheDocument();
  });

  it("freezes steps in a year: the options say which, and the new money drops by the step not taken", async () => {
    const user = userEvent.setup();
    const gateway = gatewayWith();
    await openCosting(gateway);
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    await user.type(increaseOf(1), "3%");
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    await user.type(increaseOf(2), "2%");
    // Year 2 with steps: E1 to step 3, 46,226 (45,320 × 1.02 = 46,226.4); E2 46,226: 92,452, +8,452.
    // New money 4,580 + 8,452 = 13,032.
    expect(await screen.findByText("$13,032 over 2 years")).toBeInTheDocument();
    await user.click(within(year(2)).getByRole("checkbox", { name: "Steps frozen" }));
    expect(lastSaved(gateway).options).toMatchObject({ raise: "3%,2%", freeze: "2", years: "2" });
    // Frozen: E1 stays on step 2, 43,260 × 1.02 = 44,125.2 → 44,125; 90,351, +6,351: 4,580 + 6,351 = 10,931.
    expect(await screen.findByText("$10,931 over 2 years")).toBeInTheDocument();
    expect(screen.getByText("Year 2: $6,351 more than today ($90,351 in all)")).toBeInTheDocument();
  });

  it("says in words what is wrong with an increase, and costs nothing until it reads", async () => {
    const user = userEvent.setup();
    const gateway = gatewayWith();
    await openCosting(gateway);
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    await user.type(increaseOf(1), "150%");
    expect(await screen.findByText("Year 1's increase: 150% is above 100%")).toBeInTheDocument();
    expect(screen.getByText("Correct the years above to see the new money.")).toBeInTheDocument();
    // A scenario on screen that does not read is not costed as another one: the options stay blank.
    expect(lastSaved(gateway).options).toMatchObject({ raise: "", years: "" });
    expect(lastSaved(gateway).scenario).toEqual([{ increase: "150%", flat: "", frozen: false }]);
    await user.clear(increaseOf(1));
    await user.type(increaseOf(1), "abc");
    expect(
      await screen.findByText("Year 1's increase: 'abc' is not a percentage (write 3%, 3 or 0.03)"),
    ).toBeInTheDocument();
    await user.clear(increaseOf(1));
    await user.type(increaseOf(1), "3,5%");
    expect(
      await screen.findByText("Year 1's increase: write decimals with a point (3.5%, not 3,5%)"),
    ).toBeInTheDocument();
    await user.clear(increaseOf(1));
    await user.type(increaseOf(1), "3.5%");
    expect(screen.queryByText(/Year 1's increase:/)).not.toBeInTheDocument();
    expect(lastSaved(gateway).options).toMatchObject({ raise: "3.5%", years: "1" });
    // 42,000 × 1.035 = 43,470 and 44,000 × 1.035 = 45,540: 89,010 − 84,000 = 5,010.
    expect(await screen.findByText("$5,010 over 1 year")).toBeInTheDocument();
  });

  it("is saved in the workbook with the study's settings and comes back when the workbook is opened again", async () => {
    const user = userEvent.setup();
    const gateway = gatewayWith();
    const first = await openCosting(gateway);
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    await user.type(increaseOf(1), "3%");
    await user.click(screen.getByRole("button", { name: "Add a year" }));
    await user.type(increaseOf(2), "2%");
    await user.click(within(year(2)).getByRole("checkbox", { name: "Steps frozen" }));
    await user.type(screen.getByRole("textbox", { name: "Turnover" }), "8%");
    await screen.findByText(/over 2 years$/);
    first.unmount();

    // As Office keeps it: the document settings as JSON, read back defensively.
    const reopened = gatewayWith(readSettings(JSON.parse(JSON.stringify(lastSaved(gateway)))));
    await openCosting(reopened);
    expect(increaseOf(1)).toHaveValue("3%");
    expect(increaseOf(2)).toHaveValue("2%");
    expect(within(year(2)).getByRole("checkbox", { name: "Steps frozen" })).toBeChecked();
    expect(within(year(1)).getByRole("checkbox", { name: "Steps frozen" })).not.toBeChecked();
    expect(screen.getByRole("textbox", { name: "Turnover" })).toHaveValue("8%");
    expect(await screen.findByText(/over 2 years$/)).toBeInTheDocument();
  });

  it("reads a scenario saved as options before the editor existed", async () => {
    const gateway = gatewayWith(
      readSettings({ started: true, options: { raise: "3%,2%,2%", freeze: "2", flat: "500,0,0" } }),
    );
    await openCosting(gateway);
    expect(screen.getAllByRole("group", { name: /^Year \d$/ })).toHaveLength(3);
    expect(increaseOf(3)).toHaveValue("2%");
    expect(within(year(1)).getByRole("textbox", { name: "Flat amount" })).toHaveValue("500");
    expect(within(year(2)).getByRole("checkbox", { name: "Steps frozen" })).toBeChecked();
  });
});
