/**
 * The Personnel tab's one-person form in a real browser (Debian chromium), at 270 px (Excel for
 * Mac's default) and 320 px: filled and computed by keyboard alone (native dropdowns by
 * type-ahead), the result in view with focus still on Compute, nothing wider than the window,
 * axe-core clean; Write to row grows the Candidates table in the test's Excel host, and a taken
 * row below the table is refused with the workbook unchanged. Screenshots 11-personnel-*.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { CANDIDATE_FIELDS } from "../../src/engine/study";
import {
  PLANS,
  ROSTER,
  SHOTS,
  expectClean,
  expectFocus,
  focusState,
  openPane,
  ready,
  startHarness,
  tabTo,
  workbookOf,
  type Harness,
  type Workbook,
} from "./helpers";

const describeBrowser = ready ? describe : describe.skip;
jest.setTimeout(180_000);

/** The Portland 2013 PEA experience schedule, 197 days (test/golden), named "PEA Lanes". */
const PEA = fs
  .readFileSync(path.join(__dirname, "..", "golden", "portland-2013-pea-experience-197-days.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(","));
const LANES = [["Plan", ...PEA[0]], ...PEA.slice(1).map((cells) => ["PEA Lanes", ...cells.map(Number)])];
const HEADER = CANDIDATE_FIELDS.map((spec) => spec.label);
const CANDIDATES = [
  HEADER,
  ["Ana Ruiz", "hire", "teacher", "PEA Lanes", "", "Bachelor's", 3, "", "", "", "", ""],
  ["Gus Hale", "promotion", "other", "BASE Shift 1", "B1-6", "", 3, "", 12.5, "", 0.05, ""],
];

const WORKBOOK: Workbook = {
  sheets: { "Pay Plans": PLANS, Roster: ROSTER, "Lane Schedules": LANES, Candidates: CANDIDATES },
  tables: [
    { sheet: "Pay Plans", address: "A1:F4", name: "PayPlans" },
    { sheet: "Roster", address: "A1:G6", name: "Roster" },
    { sheet: "Lane Schedules", address: "A1:F32", name: "LaneSchedules" },
    { sheet: "Candidates", address: "A1:L3", name: "Candidates" },
  ],
};

/** A native dropdown by keyboard: focus it with Tab, then type the start of the option (type-ahead). */
async function choose(page: Page, label: string | RegExp, typed: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(typed, { delay: 20 });
}

describeBrowser("the one-person form in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it.each([270, 320])("at %i px, by keyboard alone: fill, compute, write to row", async (width) => {
    const { page, errors } = await openPane(harness, WORKBOOK, "light", width);
    await page.getByText("5 employees, 1 row with problems").waitFor();
    // To the tab list, then across to Personnel with the arrow keys.
    await tabTo(page, "Data");
    for (let i = 0; i < 4 && !(await focusState(page)).name.startsWith("Personnel"); i++)
      await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Personnel" }).waitFor();
    await expectClean(page, `${width}px empty form`);

    await choose(page, "Action", "Hire");
    await choose(page, "Job type", "Teacher");
    await choose(page, "Plan", "PEA L");
    await choose(page, "Lane", "Master's");
    expect(await page.getByLabel("Lane").inputValue()).toBe("Master's");
    await tabTo(page, "Years (required)");
    await page.keyboard.type("7");
    await tabTo(page, "Compute");
    await page.keyboard.press("Enter");
    const result = page.getByRole("region", { name: "Placement" });
    await result.waitFor();
    // The published schedule: 7 years is Master's step 8 = 49,713 (0 years is step 1); no approval needed.
    expect(await result.innerText()).toContain("$49,713 a year");
    expect(await result.innerText()).toContain("None: the schedule's salary");
    await expectFocus(page, "Compute");
    expect(await page.getByRole("status").innerText()).toContain("Placed: step 8, $49,713 a year");
    // The result is in sight in the page (nothing in the footer: Personnel's primary action is the form's Compute),
    // while the button keeps focus.
    const box = await result.boundingBox();
    const main = await page.getByRole("main").boundingBox();
    expect(box && main && box.y >= main.y && box.y + box.height <= main.y + main.height + 1).toBe(true);
    await expectClean(page, `${width}px result`);
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(SHOTS, width === 270 ? "11-personnel-270.png" : "11-personnel-result.png"),
    });

    await tabTo(page, "Candidate");
    await page.keyboard.type("Ann Lee");
    await tabTo(page, "Write to row");
    await page.keyboard.press("Enter");
    await page.getByText("Row written").waitFor();
    await expectFocus(page, "Write to row");
    expect(await page.getByText("Ann Lee is row 4 of Table Candidates").count()).toBe(1);
    const book = await workbookOf(page);
    expect(book.tables.find((t) => t.name === "Candidates")?.address).toBe("A1:L4");
    const row = Array.from({ length: 12 }, (_, c) => book.sheets.Candidates.cells[`3,${c}`] ?? "");
    expect(row).toEqual(["Ann Lee", "hire", "teacher", "PEA Lanes", "", "Master's", 7, "", "", "", "", ""]);
    expect(book.sheets.Candidates.formats["3,0"]).toBe("@");
    expect(book.sheets.Candidates.formats["3,6"]).toBeUndefined();
    await expectClean(page, `${width}px written`);
    if (width === 320) {
      await page.getByRole("contentinfo").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, "11-personnel-written.png") });
    }

    // Something under the table now: the next write is refused and the workbook stays as it was.
    await page.evaluate(() =>
      (window as unknown as { __excel: { setCell: (...a: unknown[]) => void } }).__excel.setCell(
        "Candidates",
        4,
        2,
        "Total: 3",
      ),
    );
    await page.keyboard.press("Enter");
    await page.getByText("The row was not written").waitFor();
    expect(await page.getByText("The row below the table Candidates ('Candidates'!A5:L5) is not empty").count()).toBe(
      1,
    );
    const after = await workbookOf(page);
    expect(after.tables.find((t) => t.name === "Candidates")?.address).toBe("A1:L4");
    expect(Object.keys(after.sheets.Candidates.cells).filter((key) => key.startsWith("4,"))).toEqual(["4,2"]);
    await expectFocus(page, "Write to row");
    await expectClean(page, `${width}px refused`);
    if (width === 320) await page.screenshot({ path: path.join(SHOTS, "11-personnel-refused.png") });
    expect(errors).toEqual([]);
    await page.close();
  });
});
