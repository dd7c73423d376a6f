/**
 * The costing family's scenario editor in a real browser (Debian chromium) at 270 and 320 px:
 * a year added by keyboard, its increase typed, the new money shown once computed; a second
 * year with its steps frozen; an increase typed wrong, said in words. Every state: nothing wider
 * than the window, no text out of its box, axe-core clean, the wording right. Screenshots 19–20.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import {
  SHOTS,
  SMALL,
  expectClean,
  expectFocus,
  openPane,
  ready,
  startHarness,
  workbookOf,
  type Harness,
} from "./helpers";

const describeBrowser = ready ? describe : describe.skip;
jest.setTimeout(240_000);

const painted = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describeBrowser("the scenario editor in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it.each([270, 320])("at %i px: years added, frozen and typed wrong; the new money shown", async (width) => {
    const shot = async (page: Page, name: string): Promise<void> => {
      if (width !== 320) return;
      await painted(page);
      await page.screenshot({ path: path.join(SHOTS, name) });
    };
    const { page, errors } = await openPane(harness, SMALL, "light", width);
    await page.getByText("5 employees, 1 row with problems").waitFor();
    await page.getByRole("tab", { name: "Analyze" }).click();
    await page.getByRole("button", { name: "Open Costing a settlement" }).click();
    const add = page.getByRole("button", { name: "Add a year" });
    await add.focus();
    await page.keyboard.press("Enter");
    // Focus in the new year's increase (Fluent's input shows it by its underline, which the helper's ring check does not read).
    await expectFocus(page, "Increase", "mouse");
    await page.keyboard.type("3%");
    // Year 1 of 3 %: P1 12.50 × 1.03 = 12.875 → 12.88 and P2 13.91 × 1.03 → 14.33, × 2,080 hours;
    // P3 37,517 × 1.03 → 38,643; P4 off schedule, 35,000 × 1.03 = 36,050: 131,289.80 − 124,524.60.
    await page.getByText("$6,765 over 1 year").waitFor();
    await expectClean(page, `${width}px scenario, one year`);
    await page.getByRole("region", { name: "Settlement, year by year" }).scrollIntoViewIfNeeded();
    await shot(page, "19-scenario.png");

    await add.click();
    await expectFocus(page, "Increase", "mouse");
    await page.keyboard.type("2%");
    await page.getByRole("group", { name: "Year 2" }).getByRole("checkbox", { name: "Steps frozen" }).check();
    await page.getByText(/over 2 years$/).waitFor();
    await expectClean(page, `${width}px scenario, two years`);
    await page.getByRole("region", { name: "New money" }).scrollIntoViewIfNeeded();
    await shot(page, "19-scenario-new-money.png");
    const book = await workbookOf(page);
    expect(book.settings["compstudy.pane"]).toMatchObject({
      scenario: [
        { increase: "3%", flat: "", frozen: false },
        { increase: "2%", flat: "", frozen: true },
      ],
      options: { raise: "3%,2%", freeze: "2", years: "2" },
    });

    const second = page.getByRole("group", { name: "Year 2" }).getByRole("textbox", { name: "Increase" });
    await second.fill("150%");
    await page.getByText("Year 2's increase: 150% is above 100%").waitFor();
    await page.getByText("Correct the years above to see the new money.").waitFor();
    await expectClean(page, `${width}px scenario typed wrong`);
    await page.getByRole("group", { name: "Year 2" }).scrollIntoViewIfNeeded();
    await shot(page, "20-scenario-invalid.png");
    expect(errors).toEqual([]);
    await page.close();
  });
});
