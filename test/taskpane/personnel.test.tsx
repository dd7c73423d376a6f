/**
 * @jest-environment jsdom
 *
 * The Personnel tab's one-person form as an HR user works it: dropdowns for the action, job
 * type, plan and grade (or lane), the numbers the chosen action and job type read, Compute
 * (decidePlacement on the chosen tables: the result, the rule cited, announced politely, focus
 * kept), and Write to row into the Candidates table chosen on Data; the batch stays.
 */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { CellValue } from "../../src/engine/cells";
import { CANDIDATE_FIELDS } from "../../src/engine/study";
import type { Source } from "../../src/excel/gateway";
import { fakeGateway, type FakeGateway } from "./fake-gateway";
import { paneUnderJsdom } from "./jsdom-pane";

paneUnderJsdom(240_000);

const PLANS: CellValue[][] = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Minimum", "Maximum"],
  ["Master", "27", null, null, null, 52000, 78000],
  ["Technology", "T9", null, null, null, 64000, 96000],
  ["Hourly", "H1", 12, 13, 14, null, null],
];
const ROSTER: CellValue[][] = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date"],
  ["E1", "Master", "27", 60000, "2010-01-01"],
  ["E2", "Hourly", "H1", 13, "2012-01-01"],
];
/** The Portland 2013 PEA experience schedule, 197 days (test/golden), named "PEA". */
const PEA = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));
const LANES: CellValue[][] = [["Plan", ...PEA[0]], ...PEA.slice(1).map((cells) => ["PEA", ...cells.map(Number)])];
const CANDIDATES: CellValue[][] = [
  CANDIDATE_FIELDS.map((spec) => spec.label),
  ["Ann", "hire", "other", "Master", "27", null, 6, null, null, null, null, null],
  ["Ben", "transfer", "other", "Master", "27", null, null, null, 60000, null, null, null],
];

const SOURCES: Source[] = [
  { kind: "table", name: "PayPlans", address: "Plans!A1:G4" },
  { kind: "table", name: "Roster", address: "Staff!A1:E3" },
  { kind: "table", name: "LaneSchedules", address: "Lanes!A1:F32" },
  { kind: "table", name: "Candidates", address: "Candidates!A1:L3" },
];

function open(options: { candidates?: boolean; below?: CellValue[] } = {}): FakeGateway {
  const sources = options.candidates === false ? SOURCES.slice(0, 3) : SOURCES;
  const gateway = fakeGateway(
    {},
    {
      sources,
      tables: {
        "Plans!A1:G4": PLANS,
        "Staff!A1:E3": ROSTER,
        "Lanes!A1:F32": LANES,
        "Candidates!A1:L3": CANDIDATES,
      },
      below: options.below ? { "Candidates!A1:L3": options.below } : {},
    },
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} initialView="personnel" />
    </FluentProvider>,
  );
  return gateway;
}

const combo = (name: string | RegExp) => screen.getByRole("combobox", { name });
const box = (name: string | RegExp) => screen.getByRole("textbox", { name });

async function ready(): Promise<void> {
  await screen.findByRole("heading", { level: 2, name: "One person" });
  await screen.findByRole("option", { name: "PEA" });
}

/** Chooses the action, job type, plan and grade (or lane) with the dropdowns. */
async function choose(
  user: ReturnType<typeof userEvent.setup>,
  action: string,
  jobType: string,
  schedule: string,
  grade: string,
): Promise<void> {
  await user.selectOptions(combo("Action"), action);
  await user.selectOptions(combo("Job type"), jobType);
  await user.selectOptions(combo("Plan"), schedule);
  await user.selectOptions(combo(/^(Grade|Lane)$/), grade);
}

async function type(user: ReturnType<typeof userEvent.setup>, name: RegExp, text: string): Promise<void> {
  await user.clear(box(name));
  await user.type(box(name), text);
}

/** A value pasted into a field at once (typing a date key by key is slow on a loaded machine). */
async function paste(user: ReturnType<typeof userEvent.setup>, name: RegExp, text: string): Promise<void> {
  await user.clear(box(name));
  await user.click(box(name));
  await user.paste(text);
}

/** The result's rows: "Salary" → "$48,360 a year". */
function shown(): Record<string, string> {
  const terms = Array.from(screen.getByRole("region", { name: "Placement" }).querySelectorAll("dt"));
  return Object.fromEntries(terms.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]));
}

describe("one person", () => {
  it("a teacher hired on the PEA lanes: dropdowns, only the numbers the rule reads, the result announced, focus kept", async () => {
    const user = userEvent.setup();
    open();
    await ready();
    // The engine's lists, in its order.
    expect(
      within(combo("Action"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Hire", "Promotion", "Rehire", "Transfer", "Demotion", "Change in months"]);
    expect(
      within(combo("Job type"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      "Teacher",
      "Counselor",
      "Librarian",
      "Evaluation specialist",
      "Assistant principal",
      "Nurse",
      "Speech therapist",
      "Crafts",
      "Nutrition",
      "Custodian",
      "Other",
    ]);
    await choose(user, "hire", "teacher", "lanes:PEA", "Master's");
    // The lane schedule's lanes, not the pay plans' grades; the lane's pay as a hint.
    expect(
      within(combo("Lane"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose a lane", "Bachelor's", "Master's", "Master's +30", "Doctorate"]);
    expect(screen.getByText("31 steps, $38,891–$65,439 a year.")).toBeInTheDocument();
    // A teacher's hire reads the years (required) and an optional offer, nothing else.
    expect(box(/^Years \(required\)/)).toHaveAccessibleDescription("The approved teaching years, one step each.");
    expect(screen.queryByRole("textbox", { name: /Other Years|Current Salary|Months Away|Promotion %/ })).toBeNull();
    await type(user, /^Years/, "7");
    const compute = screen.getByRole("button", { name: "Compute" });
    await user.click(compute);
    // 7 years: Master's step 8 = 49,713 (published; 0 years is step 1); a teacher on a schedule needs no approval.
    expect(shown()).toEqual({
      "Placed on": "PEA, Master's",
      Step: "8",
      Salary: "$49,713 a year",
      Approval: "None: the schedule's salary",
      Rule: "Teacher: step 8, lane Master's, for 7 years of approved experience (HISD compensation manual 2019–20, II.A.1.a)",
    });
    expect(compute).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent(
      "Placed: step 8, $49,713 a year; approval: None: the schedule's salary. Teacher: step 8, lane Master's, for 7 years of approved experience.",
    );
    expect(screen.getByRole("status")).toHaveAttribute("aria-live", "polite");
  });

  it("a promotion: the increase wins, then the new-hire method wins", async () => {
    const user = userEvent.setup();
    open();
    await ready();
    await choose(user, "promotion", "other", "plan:Technology", "T9");
    expect(screen.getByText("A pay range, $64,000–$96,000 a year.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: /Months Away/ })).toBeNull();
    await type(user, /^Years/, "5");
    await type(user, /^Current Salary/, "70000");
    await type(user, /^Promotion %/, "8");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    // 70,000 × 1.08 = 75,600 beats 64,000 × (1 + 2.5 % × 5) = 64,000 × 1.125 = 72,000;
    // T9 pairs with grade 28: the CHRO up to the midpoint (64,000 + 96,000) / 2 = 80,000.
    expect(shown()).toMatchObject({ Salary: "$75,600 a year", Approval: "CHRO (chief human resources officer)" });
    expect(shown().Rule).toBe(
      "Promotion: the 8 % increase on 70,000 at 75,600 beats the new-hire method at 72,000 (2.5 % × 5 years over the minimum 64,000) (HISD compensation manual 2019–20, II.B.1, II.A.1.e)",
    );
    // 61,250 × 1.08 = 66,150 is below the new-hire method's 72,000 (the old result goes as the input changes).
    await type(user, /^Current Salary/, "61,250");
    expect(screen.queryByRole("region", { name: "Placement" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Compute" }));
    expect(shown().Salary).toBe("$72,000 a year");
    expect(shown().Rule).toMatch(
      /^Promotion: the new-hire method at 72,000 .* beats the 8 % increase on 61,250 at 66,150/,
    );
  });

  it("a rehire at 7 months is placed as a new hire", async () => {
    const user = userEvent.setup();
    open();
    await ready();
    await choose(user, "rehire", "other", "plan:Master", "27");
    expect(box(/^Months Away/)).toHaveAccessibleDescription(
      "Since the last day: within 6, the last salary; later, placed as a new hire. Blank: counted from the two dates.",
    );
    expect(box(/^Current Salary/)).toHaveAccessibleDescription(
      "The last salary, paid again within 6 months in the same job or grade.",
    );
    // The dates and the job left, read as the Candidates table reads them.
    expect(box(/^Separation Date/)).toHaveAttribute("placeholder", "yyyy-mm-dd");
    expect(box(/^Previous Job Code/)).toBeInTheDocument();
    await paste(user, /^Months Away/, "7");
    await paste(user, /^Current Salary/, "60000");
    await paste(user, /^Years/, "2");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    // More than 6 months: a new hire, 52,000 × (1 + 2.5 % × 2) = 52,000 × 1.05 = 54,600.
    expect(shown()).toMatchObject({ Salary: "$54,600 a year", Approval: "CHRO (chief human resources officer)" });
    expect(shown().Rule).toMatch(/^Rehire after 7 months \(more than 6\), placed as a new hire: 2\.5 % × 2 years/);
    // At 6 months: the last salary.
    await paste(user, /^Months Away/, "6");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    expect(shown().Salary).toBe("$60,000 a year");
  });

  it("a rehire by the dates and the grade left: 2024-01-31 + 6 months = 2024-07-31, that day within", async () => {
    const user = userEvent.setup();
    open();
    await ready();
    await choose(user, "rehire", "other", "plan:Master", "27");
    await paste(user, /^Current Salary/, "60000");
    await paste(user, /^Years/, "2");
    await paste(user, /^Separation Date/, "2024-01-31");
    await paste(user, /^Rehire Date/, "2024-07-31");
    await paste(user, /^Previous Grade/, "27");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    expect(shown().Salary).toBe("$60,000 a year");
    await paste(user, /^Rehire Date/, "2024-08-01");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    expect(shown().Salary).toBe("$54,600 a year");
  });

  it("a change in months asks for the two duty days, and keeps the daily rate", async () => {
    const user = userEvent.setup();
    open();
    await ready();
    await choose(user, "change in months", "other", "plan:Master", "27");
    expect(screen.queryByRole("textbox", { name: /^Years/ })).toBeNull();
    await paste(user, /^Current Salary/, "60000");
    await paste(user, /^Current Days/, "187");
    await paste(user, /^New Days/, "226");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    // 60,000 × 226 ÷ 187 = 72,513.37
    expect(shown().Salary).toBe("$72,513.37 a year");
    expect(shown().Rule).toMatch(/^Change in months \(CompStudy's reading/);
  });

  it("a candidate that cannot be decided keeps its reason; a number that does not read gets the engine's message", async () => {
    const user = userEvent.setup();
    open();
    await ready();
    // A grade the next plan lacks is not kept; one it has is.
    await choose(user, "hire", "other", "plan:Master", "27");
    await user.selectOptions(combo("Plan"), "plan:Hourly");
    expect(combo("Grade")).toHaveValue("");
    await user.selectOptions(combo("Plan"), "plan:Master");
    await user.selectOptions(combo("Grade"), "27");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    const result = screen.getByRole("region", { name: "Not decided" });
    expect(result).toHaveTextContent("Years is missing: a new hire is placed by years of experience");
    expect(screen.getByRole("status")).toHaveTextContent(
      "Not decided: Years is missing: a new hire is placed by years of experience",
    );
    await type(user, /^Years/, "six");
    await user.tab();
    expect(screen.getByText("Years is not a number: 'six'")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Compute" }));
    expect(box(/^Years/)).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("region", { name: /Placement|Not decided/ })).toBeNull();
  });

  it("writes the person as a new row of the Candidates table, under its headers", async () => {
    const user = userEvent.setup();
    const gateway = open();
    await ready();
    await choose(user, "promotion", "other", "plan:Technology", "T9");
    await type(user, /^Current Salary/, "70000");
    await type(user, /^Promotion %/, "8");
    await type(user, /^Candidate/, "Bo Li");
    const write = screen.getByRole("button", { name: "Write to row" });
    expect(write).toHaveAccessibleDescription("Write to row adds this person at the end of the table Candidates.");
    await user.click(write);
    expect(await screen.findByText("Row written")).toBeInTheDocument();
    expect(screen.getByText("Bo Li is row 4 of Table Candidates (Candidates!A4:L4).")).toBeInTheDocument();
    // Only the numbers a promotion reads, Promotion % as the fraction the table reads back.
    expect(gateway.calls).toContain(
      'append Candidates!A1:L4 ["Bo Li","promotion","other","Technology","T9",null,null,null,70000,null,0.08,null,null,null,null,null,null,null,null,null]',
    );
    expect(write).toHaveFocus();
    // The grown table is read again where it now is, and remembered there.
    await waitFor(() => expect(gateway.calls).toContain("read Candidates!A1:L4"));
    expect(gateway.saved[gateway.saved.length - 1].inputs.candidates).toEqual({
      kind: "table",
      name: "Candidates",
      address: "Candidates!A1:L4",
    });
    await user.click(screen.getByRole("button", { name: "Select row 4" }));
    expect(gateway.calls).toContain("select Candidates!A4:L4");
  });

  it("refuses when the row below the table is taken, or the person has no name — in the view's one message", async () => {
    const user = userEvent.setup();
    const gateway = open({ below: ["Total", null, null] });
    await ready();
    await choose(user, "hire", "other", "plan:Master", "27");
    await type(user, /^Years/, "6");
    await user.click(screen.getByRole("button", { name: "Write to row" }));
    expect(await screen.findByText("The row was not written")).toBeInTheDocument();
    expect(screen.getByText("Candidate is blank: give the person's name or id")).toBeInTheDocument();
    await type(user, /^Candidate/, "Cy");
    await user.click(screen.getByRole("button", { name: "Write to row" }));
    expect(
      await screen.findByText(
        "The row below the table Candidates (Candidates!A4:L4) is not empty: nothing was written. Clear that row or move what is in it, then write again",
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText("The row was not written")).toHaveLength(1);
    expect(gateway.calls.filter((call) => call.startsWith("append"))).toEqual([]);
    expect(screen.getByRole("button", { name: "Write to row" })).toHaveFocus();
  });

  it("without a Candidates table: the way to one instead of a button; the batch stays", async () => {
    open({ candidates: false });
    await ready();
    expect(screen.queryByRole("button", { name: "Write to row" })).toBeNull();
    expect(
      screen.getByText("To keep this person in a Candidates table, choose the table on the Data tab."),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "A table of people" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "4-1 Placement Decisions" })).toHaveAccessibleDescription(
      "Needs the Candidates table: choose it on Data.",
    );
  });
});
