/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): hostile
 * roster text stays text, nothing runs, nothing is fetched. Skipped, with a message, where
 * /usr/bin/chromium is missing (CI installs it).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { renderHtmlReport } from "../../src/exhibits/html";
import { HOSTILE_TITLE, studyFixture } from "./study-fixture";

const CHROMIUM = "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
const describeIfChromium = available ? describe : describe.skip;
if (!available) console.warn(`skipped: the HTML report browser test needs ${CHROMIUM} (apt-get install chromium)`);

describeIfChromium("the HTML report in Chromium", () => {
  let browser: Browser;
  let folder: string;
  let file: string;
  const result = studyFixture();
  result.sources.roster = HOSTILE_TITLE;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-html-"));
    file = path.join(folder, "report.html");
    fs.writeFileSync(file, renderHtmlReport(result));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
      // playwright gives each launch a fresh temporary profile.
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("shows a hostile job family as text: no img element, no dialog, no script, no request", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (!request.url().startsWith("file:")) requests.push(request.url());
    });
    await page.goto(`file://${file}`, { waitUntil: "load" });
    await page.waitForTimeout(300);

    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    const cell = page.locator("#exhibit-job-families tbody tr").first().locator("td").first();
    expect(await cell.textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator(".subtitle").first().textContent()).toContain(HOSTILE_TITLE);
    await page.close();
  }, 60_000);

  it("draws every exhibit as a table and the quartile chart as an SVG with a title", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    expect(await page.locator("section.exhibit").count()).toBe(result.exhibits.length);
    expect(await page.locator("section.exhibit table").count()).toBeGreaterThanOrEqual(result.exhibits.length);
    const svg = page.locator("#exhibit-quartiles svg");
    expect(await svg.count()).toBe(1);
    expect(await svg.locator("title").first().textContent()).toBe("BASE Shift 1 — employees by quartile");
    const fontWeight = await page
      .locator("#exhibit-quartiles tr.total td")
      .first()
      .evaluate((td) => getComputedStyle(td).fontWeight);
    expect(Number(fontWeight)).toBeGreaterThanOrEqual(700);
    await page.close();
  }, 60_000);

  it("prints each exhibit on its own page", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.emulateMedia({ media: "print" });
    const breaks = await page
      .locator("section.exhibit")
      .evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore));
    expect(breaks.every((value) => value === "page")).toBe(true);
    const pdf = await page.pdf({ format: "A4", landscape: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await page.close();
  }, 60_000);
});
