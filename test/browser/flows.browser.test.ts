/**
 * The study's second half in a real browser (Debian chromium), at 270 px (Excel for Mac's
 * default) and 320 px: a structure adjustment typed three ways makes its exhibit buildable,
 * ticked and inserted; a re-run replaces the pane's sheets (a cancelled one leaves them, a
 * sheet the pane did not write is never touched); each tab keeps its own place; the as-of date
 * is asked for and saved in the workbook (by keyboard alone); Personnel's Compute is the form's
 * primary action and the batch's Insert sits with the batch. Every state: nothing wider than the
 * window, no text out of its box, axe-core clean, the wording right. Screenshots 12–18.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { CANDIDATE_FIELDS } from "../../src/engine/study";
import {
  AS_OF_NAME,
  PLANS,
  ROSTER,
  SHOTS,
  SMALL,
  expectClean,
  expectFocus,
  host,
  openPane,
  ready,
  startHarness,
  tabTo,
  workbookOf,
  type Harness,
  type Workbook,
} from "./helpers";

const describeBrowser = ready ? describe : describe.skip;
jest.setTimeout(240_000);

const WIDTHS = [270, 320];

/** Waits until the page is painted at its current state (two frames), no longer. */
const painted = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

const shot = async (page: Page, width: number, name: string): Promise<void> => {
  if (width !== 320) return;
  await painted(page);
  await page.screenshot({ path: path.join(SHOTS, name) });
};

/** The pane's sheets in the workbook: name → the run its marker carries. */
async function markers(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const book = (window as unknown as { __workbook: { sheets: Record<string, { names: { value: string }[] }> } })
      .__workbook;
    return Object.fromEntries(
      Object.entries(book.sheets).flatMap(([name, sheet]) =>
        sheet.names.map((item) => [name, item.value.split("|")[2]] as [string, string]),
      ),
    );
  });
}

describeBrowser("the study's second half in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it.each(WIDTHS)(
    "at %i px, a structure adjustment typed 3, 3%% or 0.03: its exhibit ticked and inserted",
    async (width) => {
      for (const typed of ["3", "3%", "0.03"]) {
        const { page, errors } = await openPane(harness, SMALL, "light", width);
        await page.getByText("5 employees, 1 row with problems").waitFor();
        await page.getByRole("tab", { name: "Analyze" }).click();
        await page.getByRole("button", { name: "Open Proposed structure" }).click();
        const box = page.getByRole("checkbox", { name: "6-1 Pay Plan Comparison" });
        await box.waitFor();
        expect(await box.isChecked()).toBe(false);
        expect(
          await page.getByText("Needs a proposed structure: set the structure adjustment under Options").count(),
        ).toBe(2);
        await expectClean(page, `${width}px structure needs`);
        await page.getByRole("region", { name: "Still needed" }).scrollIntoViewIfNeeded();
        if (typed === "3%") await shot(page, width, "13-structure-needs.png");
        await page.getByRole("button", { name: "Set the structure adjustment" }).click();
        await expectFocus(page, "Structure adjustment", "mouse");
        await page.keyboard.type(typed);
        await page.getByRole("button", { name: "Insert 1 exhibit" }).waitFor();
        expect(await box.isChecked()).toBe(true);
        expect(await page.getByText(/is above|is not a percentage/).count()).toBe(0);
        await expectClean(page, `${width}px structure ready (${typed})`);
        if (typed === "3%") await shot(page, width, "14-structure-ready.png");
        await page.getByRole("button", { name: "Insert 1 exhibit" }).click();
        await page.getByText("1 exhibit sheet inserted").waitFor();
        const book = await workbookOf(page);
        // 3 % on B1-5's first step: 12.12 × 1.03 = 12.4836 → 12.48 (the grade's cents).
        expect(book.order).toContain("6-1 Pay Plan Comparison");
        expect(JSON.stringify(book.sheets["6-1 Pay Plan Comparison"].cells)).toContain("12.48");
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );

  it.each(WIDTHS)(
    "at %i px, a re-run replaces the pane's sheets; a cancelled one leaves them; another sheet is never touched",
    async (width) => {
      const workbook: Workbook = {
        ...SMALL,
        // The user's own sheet, named as the pane would name a second copy.
        sheets: { ...SMALL.sheets, "3-1 Pay Plan Summary (2)": [["My notes"]] },
      };
      const { page, errors } = await openPane(harness, workbook, "light", width);
      await page.getByText("5 employees, 1 row with problems").waitFor();
      await page.getByRole("tab", { name: "Analyze" }).click();
      await page.getByRole("button", { name: "Insert 9 exhibits" }).click();
      await page.getByText("9 exhibit sheets inserted").waitFor();
      const first = await workbookOf(page);
      const firstRuns = await markers(page);
      expect(Object.keys(firstRuns)).toHaveLength(9);

      // A second insert offers Replace, chosen.
      const replace = page.getByRole("radio", { name: "Replace the earlier sheets" });
      await replace.waitFor();
      expect(await replace.isChecked()).toBe(true);
      await expectClean(page, `${width}px re-run offered`);
      await shot(page, width, "15-rerun-offered.png");

      // Cancelled while it writes (the host held, so the run is still running when Cancel is pressed).
      await page.evaluate(() => (window as unknown as { __excel: { hold: () => void } }).__excel.hold());
      await page.getByRole("button", { name: "Insert 9 exhibits" }).click();
      await page.getByRole("progressbar").waitFor();
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.evaluate(() => (window as unknown as { __excel: { release: () => void } }).__excel.release());
      await page.getByText("No exhibit sheets were kept: the earlier sheets are as they were.").waitFor();
      const cancelled = await workbookOf(page);
      expect(cancelled.order).toEqual(first.order);
      expect(cancelled.sheets["3-4 Quartile Analysis"]).toEqual(first.sheets["3-4 Quartile Analysis"]);
      expect(await markers(page)).toEqual(firstRuns);
      await expectClean(page, `${width}px re-run cancelled`);

      // Replaced: the same sheets, in the same places, from a new run; the user's sheet as it was.
      await page.getByRole("button", { name: "Insert 9 exhibits" }).click();
      await page.getByText("9 exhibit sheets replaced").waitFor();
      const replaced = await workbookOf(page);
      expect(replaced.order).toEqual(first.order);
      expect(replaced.sheets["3-1 Pay Plan Summary (2)"].cells).toEqual({ "0,0": "My notes" });
      const runs = await markers(page);
      expect(Object.keys(runs).sort()).toEqual(Object.keys(firstRuns).sort());
      for (const [name, run] of Object.entries(runs)) expect(run).not.toBe(firstRuns[name]);
      await expectClean(page, `${width}px replaced`);
      await shot(page, width, "16-rerun-replaced.png");

      // Add keeps both.
      await page.getByRole("radio", { name: "Add new sheets beside them" }).check();
      await page.getByRole("button", { name: "Insert 9 exhibits" }).click();
      await page.getByText("9 exhibit sheets inserted").waitFor();
      expect((await workbookOf(page)).order).toContain("3-1 Pay Plan Summary (3)");
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.each(WIDTHS)("at %i px, each tab comes back where it was left; a page opens at its top", async (width) => {
    const { page, errors } = await openPane(harness, { ...SMALL, sheets: { ...SMALL.sheets } }, "light", width);
    await page.setViewportSize({ width, height: 480 });
    await page.getByText("5 employees, 1 row with problems").waitFor();
    const main = page.getByRole("main");
    const scrollTo = (y: number): Promise<number> =>
      main.evaluate((element, top) => {
        element.scrollTop = top;
        return element.scrollTop;
      }, y);
    const top = (): Promise<number> => main.evaluate((element) => element.scrollTop);
    const data = await scrollTo(260);
    expect(data).toBeGreaterThan(100);
    await page.getByRole("tab", { name: "Analyze" }).click();
    await page.getByRole("heading", { level: 1, name: "Analyze" }).waitFor();
    expect(await top()).toBe(0);
    const analyze = await scrollTo(500);
    expect(analyze).toBeGreaterThan(200);
    await page.getByRole("tab", { name: "Tools" }).click();
    await page.getByRole("heading", { level: 1, name: "Tools" }).waitFor();
    expect(await top()).toBe(0);
    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByRole("heading", { level: 1, name: "Data" }).waitFor();
    await painted(page);
    expect(await top()).toBe(data);
    await page.getByRole("tab", { name: "Analyze" }).click();
    await page.getByRole("heading", { level: 1, name: "Analyze" }).waitFor();
    await painted(page);
    expect(await top()).toBe(analyze);
    // A family's page opens at its top; Back returns to the list where it was (its opener in sight).
    const opener = page.getByRole("button", { name: "Open Workforce" });
    await opener.scrollIntoViewIfNeeded();
    const list = await top();
    await opener.click();
    await page.getByRole("heading", { level: 2, name: "Workforce" }).waitFor();
    await painted(page);
    expect(await top()).toBe(0);
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("heading", { level: 2, name: "Analyses" }).waitFor();
    await painted(page);
    expect(await top()).toBe(list);
    await expectFocus(page, "Open Workforce", "mouse");
    await expectClean(page, `${width}px Analyze scrolled`);
    await shot(page, width, "17-tab-kept.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(WIDTHS)(
    "at %i px, by keyboard alone: the as-of date asked for, then saved in the workbook",
    async (width) => {
      const undated: Workbook = { ...SMALL, names: [] };
      const { page, errors } = await openPane(harness, undated, "light", width);
      await page.getByText("5 employees, 1 row with problems").waitFor();
      await tabTo(page, "Data");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Analyze" }).waitFor();
      await page.getByText("Not set yet: pick the date of the roster's data.").waitFor();
      expect(await page.getByRole("button", { name: /^Insert/ }).count()).toBe(0);
      expect(await page.getByText("To insert exhibits, set the As of date above.").count()).toBe(1);
      await expectClean(page, `${width}px as-of asked`);
      await shot(page, width, "12-as-of-asked.png");
      await tabTo(page, "As of");
      // The date field reads mm/dd/yyyy in an en-US browser.
      await page.keyboard.type("07012020");
      await page.getByRole("button", { name: "Insert 9 exhibits" }).waitFor();
      await tabTo(page, "Insert 9 exhibits");
      await page.keyboard.press("Enter");
      await page.getByText("9 exhibit sheets inserted").waitFor();
      await expectFocus(page, "Insert 9 exhibits");
      const book = await workbookOf(page);
      expect(book.settings["compstudy.pane"]).toMatchObject({ asOf: "2020-07-01" });
      // Under the study's line and the title, the subtitle states the date in words.
      expect(book.sheets["3-1 Pay Plan Summary"].cells["2,0"]).toMatch(/^As of July 1, 2020/);
      await page.close();

      // Opened again, the workbook knows its date: every family page shows it.
      const again = await openPane(harness, { ...undated, settings: book.settings }, "light", width);
      await again.page.getByText("5 employees, 1 row with problems").waitFor();
      await again.page.getByRole("tab", { name: "Analyze" }).click();
      await again.page.getByRole("button", { name: "Open Current conditions" }).click();
      await again.page.getByText(/^As of Jul 1, 2020, inserted as values/).waitFor();
      await expectClean(again.page, `${width}px as-of shown`);
      expect([...errors, ...again.errors]).toEqual([]);
      await again.page.close();
    },
  );

  it.each(WIDTHS)(
    "at %i px, Personnel: Compute is the form's primary action; the batch's Insert sits with the batch",
    async (width) => {
      const header = CANDIDATE_FIELDS.map((spec) => spec.label);
      const workbook: Workbook = {
        sheets: {
          "Pay Plans": PLANS,
          Roster: ROSTER,
          Candidates: [
            header,
            ["Gus Hale", "promotion", "other", "BASE Shift 1", "B1-6", "", 3, "", 12.5, "", 0.05, ""],
          ],
        },
        tables: [
          { sheet: "Pay Plans", address: "A1:F4", name: "PayPlans" },
          { sheet: "Roster", address: "A1:G6", name: "Roster" },
          { sheet: "Candidates", address: "A1:L2", name: "Candidates" },
        ],
        names: [AS_OF_NAME],
      };
      const { page, errors } = await openPane(harness, workbook, "light", width);
      await page.getByText("5 employees, 1 row with problems").waitFor();
      await page.getByRole("tab", { name: "Personnel" }).click();
      const compute = page.getByRole("button", { name: "Compute" });
      await compute.waitFor();
      const colours = await page.evaluate(() => {
        const background = (element: Element | null | undefined): string =>
          element ? getComputedStyle(element).backgroundColor : "";
        const buttons = Array.from(document.querySelectorAll("button"));
        return {
          compute: background(buttons.find((b) => b.textContent === "Compute")),
          insert: background(buttons.find((b) => b.textContent === "Insert 1 exhibit")),
          footerButtons: document.querySelectorAll("footer button").length,
        };
      });
      // The brand colour on Compute only; nothing in the footer.
      expect(colours.compute).toBe("rgb(15, 108, 189)");
      expect(colours.insert).not.toBe(colours.compute);
      expect(colours.footerButtons).toBe(0);
      const batch = page.getByRole("region", { name: "A table of people" });
      await expectClean(page, `${width}px personnel`);
      await shot(page, width, "18-personnel-primary.png");
      await host(page, { delay: 30 });
      await batch.getByRole("button", { name: "Insert 1 exhibit" }).click();
      await page.getByText("1 exhibit sheet inserted").waitFor();
      expect((await workbookOf(page)).order).toContain("4-1 Placement Decisions");
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
