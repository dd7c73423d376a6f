/**
 * The built task pane in a real browser (Debian chromium via playwright-core): the main flow
 * and what it writes into the workbook (values and live formulas), start-up outside Excel with
 * the real Office.js, the ribbon's buttons, a slowed host (progress only rises, Cancel leaves
 * the workbook as it was, the result appears without the view jumping), and each view's main
 * flow by keyboard alone (focus never on the body, always visible, Escape returns it).
 */
import * as fs from "fs";
import * as path from "path";
import {
  ROOT,
  SMALL,
  expectFocus,
  focusState,
  host,
  openOutsideOffice,
  openPane,
  ready,
  startHarness,
  tabTo,
  workbookOf,
  type Harness,
} from "./helpers";

const describeBrowser = ready ? describe : describe.skip;
jest.setTimeout(120_000);

describeBrowser("task pane in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it("outside Excel, the real Office.js (from @microsoft/office-js) starts it and it says to open it from Excel", async () => {
    const { page, requests, officeRequests, errors } = await openOutsideOffice(harness);
    await page.getByText("Open CompStudy from Excel").waitFor();
    expect(errors).toEqual([]);
    expect(await page.getByText("This page is not running inside Office.").count()).toBe(1);
    expect(officeRequests[0]).toBe("office.js");
    for (const url of requests)
      expect(url.startsWith(harness.base) || url.startsWith("https://appsforoffice.microsoft.com/")).toBe(true);
    await page.close();
  });

  it("detects the inputs, inserts every exhibit as values, and the workbook holds them", async () => {
    const { page, requests, errors } = await openPane(harness, SMALL);
    await page.getByText("2 plans, 3 grades").waitFor();
    await page.getByText("5 employees, 1 row with problems").waitFor();
    await page.getByRole("tab", { name: "Analyze" }).click();
    await page.getByRole("button", { name: "Insert 9 exhibits" }).click();
    await page.getByText("9 exhibit sheets inserted").waitFor();
    const book = await workbookOf(page);
    expect(book.order).toEqual([
      "Pay Plans",
      "Roster",
      "3-1 Pay Plan Summary",
      "3-2 Grade Placement",
      "3-3 Midpoint Analysis",
      "3-4 Quartile Analysis",
      "3-5 Job Families",
      "3-6 Tenure",
      "3-7 Schedule Audit",
      "3-8 Unmatched Employees",
      "3-9 Pay Against the Schedule",
    ]);
    // The study's line, then the exhibit's title, as in the CLI's workbook.
    expect(book.sheets["3-4 Quartile Analysis"].cells["0,0"]).toBe("Compensation study: current conditions");
    expect(book.sheets["3-4 Quartile Analysis"].cells["1,0"]).toBe("EXHIBIT 3-4 — QUARTILE ANALYSIS");
    expect(book.sheets["3-4 Quartile Analysis"].frozen).toBe(5);
    expect(book.tables.map((t) => `${t.sheet}|${t.address}|${t.style}`)).toContain(
      "3-4 Quartile Analysis|A5:K11|TableStyleMedium2",
    );
    expect(book.charts.map((c) => `${c.sheet}|${c.type}`)).toEqual([
      "3-4 Quartile Analysis|BarStacked100",
      "3-4 Quartile Analysis|BarStacked100",
      "3-5 Job Families|BarClustered",
      "3-6 Tenure|BarClustered",
    ]);
    // Each chart titled, its axes named, placed beside the table; the sheet printed as the CLI's.
    for (const chart of book.charts) {
      expect(chart.title.text).toBeTruthy();
      expect(chart.axes.valueAxis.title.text).toBeTruthy();
      expect(chart.position).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    }
    const quartiles = book.sheets["3-4 Quartile Analysis"];
    expect(quartiles.print).toMatchObject({
      orientation: "Landscape",
      paperSize: "Letter",
      rightFooter: "Page &P of &N",
    });
    expect(quartiles.print.area).toMatch(/^A1:/);
    expect(quartiles.merges.length).toBeGreaterThan(0);
    expect(book.sheets["3-8 Unmatched Employees"].cells["5,3"]).toBe(
      "Row 6: Grade 'TE9' is not in plan 'PEA 187 Days'",
    );
    expect(book.sheets["3-5 Job Families"].formats["5,0"]).toBe("@");
    expect(book.sheets.Roster.cells["4,6"]).toBe("<img src=x onerror=alert(1)>");
    // Remembered in the workbook's settings, by table name.
    expect(book.settings["compstudy.pane"]).toMatchObject({
      inputs: { plans: { kind: "table", name: "PayPlans" }, roster: { kind: "table", name: "Roster" } },
    });
    await page.getByRole("button", { name: "Go to 3-1 Pay Plan Summary" }).click();
    expect((await workbookOf(page)).active).toBe("3-1 Pay Plan Summary");
    expect(errors).toEqual([]);
    for (const url of requests)
      expect(url.startsWith(harness.base) || url.startsWith("https://appsforoffice.microsoft.com/")).toBe(true);
    await page.close();
  });

  it("inserts live formulas: one COMP.EXHIBIT per sheet reading the tables by name, formatted by the layout", async () => {
    const { page, errors } = await openPane(harness, SMALL);
    await page.getByText("5 employees, 1 row with problems").waitFor();
    await page.getByRole("tab", { name: "Analyze" }).click();
    await page.getByLabel("As of").fill("2013-04-01");
    await page.getByRole("radio", { name: /Live formulas/ }).check();
    await page.getByRole("button", { name: "Insert 9 exhibits" }).click();
    await page.getByText("9 exhibit sheets inserted as live formulas").waitFor();
    const book = await workbookOf(page);
    const sheet = book.sheets["3-4 Quartile Analysis"];
    const formulas = Object.entries(sheet.formulas);
    expect(formulas).toEqual([
      [`${sheet.frozen - 1},0`, '=COMP.EXHIBIT("quartiles", PayPlans[#All], Roster[#All], DATE(2013,4,1))'],
    ]);
    expect(sheet.cells["0,0"]).toBe("EXHIBIT 3-4 — QUARTILE ANALYSIS");
    // The spill's cells take the table's formats: the Q columns counts, the % columns percentages.
    expect(sheet.formats[`${sheet.frozen},3`]).toBe("#,##0");
    expect(sheet.formats[`${sheet.frozen},7`]).toBe("0.0%");
    // A spill cannot be an Excel table: the live sheets add none.
    expect(book.tables.filter((t) => t.sheet.startsWith("3-"))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the ribbon's buttons open the pane on their view", async () => {
    const { page } = await openPane(harness, SMALL);
    await page.getByText("2 plans, 3 grades").waitFor();
    const names = await page.evaluate(() => Object.keys((window as unknown as { __actions: object }).__actions).sort());
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(names).toEqual([...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]).sort());
    const completed = await page.evaluate(async () => {
      let done = false;
      (window as unknown as { __actions: Record<string, (e: unknown) => void> }).__actions.showTools({
        completed: () => (done = true),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      return done;
    });
    expect(completed).toBe(true);
    await page.getByRole("heading", { level: 1, name: "Tools" }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __shown: number }).__shown)).toBe(1);
    await page.close();
  });

  it("a slowed host: live region first, named progress that only rises, Cancel undoes, the result shows without a jump", async () => {
    const { page } = await openPane(harness, SMALL);
    // The live region is in the page before any message.
    expect(await page.evaluate(() => document.querySelectorAll("[aria-live]").length)).toBeGreaterThan(0);
    await page.getByText("5 employees, 1 row with problems").waitFor();
    await page.getByRole("tab", { name: "Analyze" }).click();
    const before = await workbookOf(page);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const value = bar?.getAttribute("aria-valuenow");
        if (value !== null && value !== undefined) seen.push(Number(value));
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await host(page, { delay: 120 });
    await page.getByRole("button", { name: /^Insert \d+ exhibits$/ }).click();
    const bar = page.getByRole("progressbar", { name: "Inserting exhibits" });
    await bar.waitFor();
    expect(await bar.getAttribute("aria-valuetext")).toMatch(/^\d+%: \S/);
    await page.getByText(/Writing \d of 9 sheets/).waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("No exhibit sheets were kept: the workbook is as it was.").waitFor();
    const after = await workbookOf(page);
    expect(after.order).toEqual(before.order);
    expect(after.tables).toEqual(before.tables);
    await expectFocus(page, "Insert 9 exhibits", "mouse");

    // Scrolled down the page, the result shows in the footer and what was in sight stays where it was.
    await host(page, { delay: 20 });
    await page.setViewportSize({ width: 320, height: 500 });
    const scrolled = await page.evaluate(() => {
      const main = document.querySelector("main") as HTMLElement;
      main.scrollTop = main.scrollHeight;
      const anchor = document.elementFromPoint(40, 150) as HTMLElement;
      (window as unknown as { __anchor: HTMLElement }).__anchor = anchor;
      return { top: main.scrollTop, anchor: anchor.getBoundingClientRect().top };
    });
    expect(scrolled.top).toBeGreaterThan(0);
    await page.getByRole("button", { name: /^Insert \d+ exhibits$/ }).click();
    await page.getByText(/^\d+ exhibit sheets inserted$/).waitFor();
    const view = await page.evaluate(() => {
      const anchor = (window as unknown as { __anchor: HTMLElement }).__anchor;
      const notice = Array.from(document.querySelectorAll("footer *")).find((el) =>
        /^\d+ exhibit sheets inserted/.test(el.textContent ?? ""),
      ) as HTMLElement;
      const rect = notice.getBoundingClientRect();
      return {
        anchor: document.contains(anchor) ? Math.round(anchor.getBoundingClientRect().top) : -1,
        inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
      };
    });
    expect(view).toEqual({ anchor: Math.round(scrolled.anchor), inView: true });
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) {
      // Each run starts again from its first step; within a run, the bar never goes back.
      if (progress[i] < progress[i - 1]) expect(progress[i]).toBeLessThanOrEqual(0.05);
    }
    await page.close();
  });

  it("keyboard only: Data, Analyze and Tools, focus never on the body and always visible", async () => {
    const { page, errors } = await openPane(harness, SMALL);
    await page.getByText("5 employees, 1 row with problems").waitFor();
    // Data: map the roster's columns, Escape back to the button that opened the page.
    await tabTo(page, "Map columns");
    await expectFocus(page, "Map columns");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Roster columns" }).waitFor();
    expect((await focusState(page)).name).toBe("Roster columns");
    await tabTo(page, "Salary (required)");
    await page.keyboard.press("Escape");
    await expectFocus(page, "Map columns");
    // Show the problems, select the row in the sheet.
    await tabTo(page, "Show 1 problem");
    await page.keyboard.press("Enter");
    await tabTo(page, "Select row 6");
    await page.keyboard.press("Enter");
    await expectFocus(page, "Select row 6");
    expect((await workbookOf(page)).selection).toBe("A6:G6");
    await page.keyboard.press("Escape");
    await expectFocus(page, "Show 1 problem");

    // Analyze: to the tab list, arrow to Analyze, open the family, untick one, insert.
    await tabTo(page, "Data");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Analyze" }).waitFor();
    await tabTo(page, "Open Current conditions");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Current conditions" }).waitFor();
    await tabTo(page, "3-7 Schedule Audit");
    await page.keyboard.press("Space");
    await tabTo(page, "Insert 8 exhibits");
    await page.keyboard.press("Enter");
    await page.getByText("8 exhibit sheets inserted").waitFor();
    await expectFocus(page, "Insert 8 exhibits");

    // Tools: search, insert an example, convert — the dialog's Escape returns focus to its opener.
    await page.evaluate(() =>
      (window as unknown as { __excel: { select: (a: string) => void } }).__excel.select("'3-1 Pay Plan Summary'!Z1"),
    );
    await page.keyboard.press("Escape");
    await expectFocus(page, "Open Current conditions");
    await tabTo(page, "Analyze");
    // Across the tabs with the arrow keys (Personnel sits between when a family offers it).
    for (let i = 0; i < 4 && !(await focusState(page)).name.startsWith("Tools"); i++)
      await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Tools" }).waitFor();
    await tabTo(page, "Search the COMP functions");
    await page.keyboard.type("midpoint");
    await tabTo(page, "Insert COMP.MIDPOINT example");
    await page.keyboard.press("Enter");
    await page.getByText("COMP.MIDPOINT inserted").waitFor();
    await expectFocus(page, "Insert COMP.MIDPOINT example");
    await tabTo(page, "Convert COMP formulas to values");
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    await expectFocus(page);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expectFocus(page, "Convert COMP formulas to values");
    expect(errors).toEqual([]);
    await page.close();
  });
});
