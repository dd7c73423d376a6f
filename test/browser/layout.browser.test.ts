/**
 * The layout matrix, in Debian's chromium: every state of the pane (first run, detected,
 * problems, mapping open, needs mapping, reading, Analyze, a family, running, cancelled,
 * success, each error, the one-person form and its result, the confirmation dialog) × widths
 * 270, 320, 350, 450 × light, dark, dark Office on a light system, forced colours. In each: the
 * page is never wider than the window, no text leaves its box, the dark background reaches the
 * bottom; the visible text has no count that disagrees with its noun and no title said twice;
 * axe-core finds nothing.
 * Screenshots of the main states at 320 px (and 270 px) go to docs/screenshots/ on request.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import {
  SHOTS,
  THEMES,
  WIDTHS,
  axe,
  checkLayout,
  host,
  lightness,
  openPane,
  ready,
  startHarness,
  visibleText,
  wordingProblems,
  type Harness,
  type Theme,
} from "./helpers";

const describeBrowser = ready ? describe : describe.skip;
jest.setTimeout(240_000);

/** States worth a screenshot: the file name per theme (light at 320 px unless said). */
const SHOT: Record<string, Partial<Record<Theme, string>>> = {
  "first run": { light: "01-first-run.png" },
  // The light ones of these states are the flows test's (flows.browser.test.ts).
  "as-of asked": { dark: "dark-12-as-of-asked.png" },
  "structure needs": { "forced-colors": "forced-13-structure-needs.png" },
  "tools group": { light: "09-tools-group.png" },
  detected: { light: "02-data.png", dark: "dark-02-data.png", "forced-colors": "forced-02-data.png" },
  problems: { light: "03-problems.png" },
  "mapping open": { light: "04-mapping.png", "dark-office-light-system": "dark-office-04-mapping.png" },
  family: { light: "05-analyze-family.png", dark: "dark-05-analyze-family.png" },
  running: { light: "06-running.png" },
  success: { light: "07-success.png", dark: "dark-07-success.png" },
  "insert error": { light: "08-insert-error.png" },
  personnel: { light: "11-personnel.png" },
  "personnel result": { dark: "dark-11-personnel-result.png", "forced-colors": "forced-11-personnel-result.png" },
  tools: { light: "09-tools.png" },
  dialog: { light: "10-dialog.png", "forced-colors": "forced-10-dialog.png" },
};

describeBrowser("layout matrix", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  let found: string[] = [];

  /** Checks the state at every width (and axe and the wording once, at 320 px). */
  async function check(page: Page, theme: Theme, state: string, expected: (string | RegExp)[] = []): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const report = await checkLayout(page);
      for (const problem of report.problems) found.push(`${theme} ${width}px ${state}: ${problem}`);
      if (theme === "dark" || theme === "dark-office-light-system") {
        if (lightness(report.bottomBackground) > 80 || lightness(report.background) > 80)
          found.push(
            `${theme} ${width}px ${state}: light background (${report.background}, bottom ${report.bottomBackground})`,
          );
      }
      if (width === 320 && SHOT[state]?.[theme])
        await page.screenshot({ path: path.join(SHOTS, SHOT[state][theme] as string) });
      if (width === 270 && theme === "light" && (state === "detected" || state === "success"))
        await page.screenshot({ path: path.join(SHOTS, `270-${state}.png`) });
    }
    await page.setViewportSize({ width: 320, height: 800 });
    const text = await visibleText(page);
    for (const problem of wordingProblems(text)) found.push(`${theme} ${state}: ${problem}`);
    for (const want of expected)
      if (typeof want === "string" ? !text.includes(want) : !want.test(text))
        found.push(`${theme} ${state}: “${String(want)}” not shown`);
    // The h1 names the view once; no message title is repeated.
    const h1 = await page.locator("h1").allInnerTexts();
    if (h1.length !== 1) found.push(`${theme} ${state}: ${h1.length} h1`);
    for (const violation of await axe(page)) found.push(`${theme} ${state}: axe ${violation}`);
  }

  it.each(THEMES)("%s: every state fits 270–450 px", async (theme) => {
    found = [];
    const { page, errors } = await openPane(harness, { sheets: {} }, theme);
    const tab = (name: string) => page.getByRole("tab", { name }).click();
    const button = (name: string | RegExp) => page.getByRole("button", { name }).first();
    await page.getByRole("heading", { level: 1, name: "Get started" }).waitFor();
    await check(page, theme, "first run", ["Try with sample data", "Choose my tables"]);

    await button("Try with sample data").click();
    await page.getByText("1,219 employees (43 separated)").waitFor();
    await check(page, theme, "detected", ["6 plans, 43 grades", "Sample data inserted", /\d inputs? ready/]);

    // A grade no plan has: the roster's first employee becomes a problem (the pane re-reads the sheet).
    await page.evaluate(() =>
      (window as unknown as { __excel: { setCell: (...a: unknown[]) => void } }).__excel.setCell("Roster", 1, 2, "ZZ9"),
    );
    await page.getByText("1,219 employees (43 separated), 1 row with problems").waitFor();
    await button("Show 1 problem").click();
    await page.getByRole("heading", { level: 2, name: "Roster: 1 problem" }).waitFor();
    await check(page, theme, "problems", [/Row 2: Grade 'ZZ9' is not in plan/, "Select row 2"]);
    await button("Back").click();

    await button("Map columns").click();
    await page.getByRole("heading", { level: 2, name: "Roster columns" }).waitFor();
    await check(page, theme, "mapping open", ["Salary (required)", "Reading “Salary”"]);
    await page.keyboard.press("Escape");

    await page.evaluate(() =>
      (window as unknown as { __excel: { setCell: (...a: unknown[]) => void } }).__excel.setCell(
        "Roster",
        0,
        3,
        "Amount",
      ),
    );
    await page.getByText("Needs mapping").waitFor();
    await check(page, theme, "needs mapping", [/Missing column 'Salary'/]);
    await page.evaluate(() =>
      (window as unknown as { __excel: { setCell: (...a: unknown[]) => void } }).__excel.setCell(
        "Roster",
        0,
        3,
        "Salary",
      ),
    );
    await page.getByText("1,219 employees (43 separated), 1 row with problems").waitFor();

    // Reads held: "Reading…" stays until the checks are done.
    await page.evaluate(() => (window as unknown as { __excel: { holdReads: () => void } }).__excel.holdReads());
    await button(/^Refresh/).click();
    await page.getByText("Reading…").first().waitFor();
    await check(page, theme, "reading", ["Reading…"]);
    await page.evaluate(() => (window as unknown as { __excel: { releaseReads: () => void } }).__excel.releaseReads());
    await page.getByText("1,219 employees (43 separated), 1 row with problems").waitFor();

    await tab("Analyze");
    await check(page, theme, "analyze", ["Study settings", "Current conditions", /Insert \d+ exhibits/]);
    // The as-of date cleared: asked for again, and Insert waits for it.
    await page.getByLabel("As of").fill("");
    await page.getByText("Not set yet").waitFor();
    await check(page, theme, "as-of asked", [
      "Not set yet: pick the date of the roster's data.",
      "set the As of date above",
    ]);
    await page.getByLabel("As of").fill("2013-04-01");
    await button(/^Insert \d+ exhibits$/).waitFor();
    // The proposed structure: what it needs, with the field on the page; typed, its exhibit is ticked.
    await button("Open Proposed structure").click();
    await page.getByRole("heading", { level: 2, name: "Proposed structure" }).waitFor();
    await page.getByRole("region", { name: "Still needed" }).scrollIntoViewIfNeeded();
    await check(page, theme, "structure needs", [
      "Needs a proposed structure: set the structure adjustment under Options (e.g. 3%)",
      "Set the structure adjustment",
    ]);
    await button("Set the structure adjustment").click();
    await page.keyboard.type("3");
    await button("Insert 1 exhibit").waitFor();
    await check(page, theme, "structure ready", ["Insert 1 exhibit"]);
    await page.getByLabel("Structure adjustment").fill("");
    await button("Back").click();
    await button("Open Current conditions").click();
    await page.getByRole("heading", { level: 2, name: "Current conditions" }).waitFor();
    await check(page, theme, "family", ["3-4 Quartile Analysis", "Insert 9 exhibits"]);

    // The host held: the run stays running, however long the checks take on a busy machine.
    await page.evaluate(() => (window as unknown as { __excel: { hold: () => void } }).__excel.hold());
    await button("Insert 9 exhibits").click();
    await page.getByRole("progressbar").waitFor();
    await check(page, theme, "running", ["Inserting exhibits", "Inserting…", "Cancel"]);
    await button("Cancel").click();
    await page.evaluate(() => (window as unknown as { __excel: { release: () => void } }).__excel.release());
    await page.getByText("No exhibit sheets were kept").waitFor();
    await check(page, theme, "cancelled", ["Cancelled"]);

    await button("Insert 9 exhibits").click();
    await page.getByText("9 exhibit sheets inserted").waitFor();
    await check(page, theme, "success", ["1,175 employees placed, 1 unmatched row.", "Go to 3-1 Pay Plan Summary"]);

    await host(page, { fail: "tables" });
    await button("Insert 9 exhibits").click();
    await page.getByText("The exhibits were not inserted").waitFor();
    await button("Details").click();
    await check(page, theme, "insert error", ["The workbook was left as it was.", "InvalidArgument"]);
    await host(page, { fail: null });

    if (await page.getByRole("tab", { name: "Personnel" }).count()) {
      await tab("Personnel");
      await check(page, theme, "personnel", ["One person", "A table of people"]);
      // A teacher on the sample's PEA lanes (published): 7 years is Master's step 8 = 49,713.
      await page.getByLabel("Job type", { exact: true }).selectOption("teacher");
      await page.getByLabel("Plan", { exact: true }).selectOption("lanes:PEA Experience 197 Days");
      await page.getByLabel("Lane", { exact: true }).selectOption("Master's");
      await page.getByLabel("Years (required)").fill("7");
      await button("Compute").click();
      await page.getByRole("region", { name: "Placement" }).scrollIntoViewIfNeeded();
      await check(page, theme, "personnel result", ["$49,713 a year", "None: the schedule's salary", "II.A.1.a"]);
    }

    await tab("Tools");
    await check(page, theme, "tools", ["Functions", "Rules sheet", "Sharing", /Study exhibits \(\d+\)/]);
    await button(/^Pay plans and ranges/).click();
    await check(page, theme, "tools group", ["COMP.PAYSTEP", "=COMP.MIDPOINT('Pay Plans'!$C$2:$"]);
    await button("Insert rules sheet").click();
    await page.getByText("Rules sheet inserted").waitFor();
    await button("Insert rules sheet").click();
    await page.getByText("The rules sheet was not inserted").waitFor();
    await check(page, theme, "rules error", ["already exists"]);
    await page.evaluate(() =>
      (window as unknown as { __excel: { select: (a: string) => void } }).__excel.select("'COMP Rules'!H2"),
    );
    await button("Insert COMP.MIDPOINT example").click();
    await page.getByText("COMP.MIDPOINT inserted").waitFor();
    await button("Insert COMP.MIDPOINT example").click();
    await page.getByText("The example was not inserted").waitFor();
    await check(page, theme, "formula error", ["is not empty: pick an empty cell"]);
    await button("Convert COMP formulas to values").click();
    await page.getByRole("dialog").waitFor();
    await check(page, theme, "dialog", [
      "1 cell in the selection will keep its current value and lose its COMP formula",
    ]);
    await page.keyboard.press("Escape");

    await host(page, { fail: "read" });
    await tab("Data");
    await button(/^Refresh/).click();
    await page.getByText("Cannot read").first().waitFor();
    await check(page, theme, "read error", ["GeneralException"]);

    expect(errors).toEqual([]);
    await page.close();
    expect(found).toEqual([]);
  });
});
