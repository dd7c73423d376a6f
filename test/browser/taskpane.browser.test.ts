/**
 * The built task pane in a real browser (Debian chromium via playwright-core): served on
 * 127.0.0.1, Office.js answered by a stub, an in-memory Excel host injected by the test
 * (fake-excel.js). Walks the main flow — inputs detected, "Insert all exhibits", success —
 * asserts the workbook writes, and saves screenshots of the pane at 320 px (light, dark, after
 * success) to docs/screenshots/.
 */
import * as fs from "fs";
import * as http from "http";

import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
// The committed screenshots are refreshed on request (COMPSTUDY_SCREENSHOTS=1), so a test run
// leaves the work tree as it was; otherwise they go to a temporary folder.
const SHOTS = process.env.COMPSTUDY_SCREENSHOTS
  ? path.join(ROOT, "docs", "screenshots")
  : fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-shots-"));
const ready = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(DIST, "taskpane.html"));
if (!ready && process.env.CI) throw new Error("CI needs /usr/bin/chromium and a built dist/ for the browser test");
const describeBrowser = ready ? describe : describe.skip;
if (!ready) console.warn("browser test skipped: needs /usr/bin/chromium and `npm run build`");

jest.setTimeout(120_000);

const PLANS = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4"],
  ["BASE Shift 1", "B1-5", 12.12, 12.5, 12.88, 13.26],
  ["BASE Shift 1", "B1-6", 12.68, 13.09, 13.5, 13.91],
  ["PEA 187 Days", "TE1", 33669, 34952, 36235, 37517],
];
const ROSTER = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
  ["P1", "BASE Shift 1", "B1-5", 12.12, "2010-03-01", "Custodial", "Custodian"],
  ["P2", "BASE Shift 1", "B1-6", 13.5, "2015-08-15", "Food Service", "Cook"],
  ["P3", "PEA 187 Days", "TE1", 36235, "2008-09-01", "Teaching", "Math Teacher"],
  ["P4", "PEA 187 Days", "TE1", 35000, "2019-09-01", "Teaching", "<img src=x onerror=alert(1)>"],
  ["P5", "PEA 187 Days", "TE9", 35000, "2019-09-01", "Teaching", "Art Teacher"],
];

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

describeBrowser("task pane in Chromium", () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  const fake = fs.readFileSync(path.join(__dirname, "fake-excel.js"), "utf8");

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const file = path.join(DIST, path.normalize(decodeURIComponent((request.url ?? "/").split("?")[0])));
      if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      fs.createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openPane(dark: boolean): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 }, colorScheme: dark ? "dark" : "light" });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "/* Office.js stub: the host objects come from the test */",
      }),
    );
    await page.addInitScript({
      content: `${fake}\nwindow.__installFakeExcel(${JSON.stringify({ dark, sheets: { "Pay Plans": PLANS, Roster: ROSTER } })});`,
    });
    await page.goto(`${base}/taskpane.html`);
    return { page, requests, errors };
  }

  it("detects the inputs, inserts all exhibits on new sheets, and offers Go to sheet", async () => {
    const { page, requests, errors } = await openPane(false);
    await page.getByText("2 plans, 3 grades").waitFor();
    await page.getByText("5 employees, 1 row with problems — see below").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "taskpane-light.png"), fullPage: true });

    await page.getByRole("button", { name: "Insert all exhibits" }).click();
    const status = page.getByRole("status");
    await status.getByText("8 exhibit sheets inserted").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "taskpane-success.png") });

    const workbook = await page.evaluate(() => {
      const book = (window as unknown as { __workbook: Record<string, unknown> }).__workbook as {
        order: string[];
        sheets: Record<string, { cells: Record<string, unknown>; formats: Record<string, unknown>; frozen: number }>;
        tables: { sheet: string; address: string; style: string }[];
        charts: { sheet: string; type: string }[];
      };
      const unmatched = book.sheets["3-8 Unmatched Employees"];
      const family = book.sheets["3-5 Job Families"];
      return {
        order: book.order,
        title: book.sheets["3-4 Quartile Analysis"].cells["0,0"],
        frozen: book.sheets["3-4 Quartile Analysis"].frozen,
        tables: book.tables.map((t) => `${t.sheet}|${t.address}|${t.style}`),
        charts: book.charts.map((c) => `${c.sheet}|${c.type}`),
        unmatched: unmatched.cells["4,3"],
        familyFormat: family.formats["4,0"],
        roster: book.sheets.Roster.cells["4,6"],
      };
    });
    expect(workbook.order).toEqual([
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
    ]);
    expect(workbook.title).toBe("EXHIBIT 3-4 — QUARTILE ANALYSIS");
    expect(workbook.frozen).toBe(4);
    expect(workbook.tables).toContain("3-4 Quartile Analysis|A4:K10|TableStyleMedium2");
    expect(workbook.charts).toEqual(["3-4 Quartile Analysis|BarStacked100", "3-4 Quartile Analysis|BarStacked100"]);
    expect(workbook.unmatched).toBe("Row 6: Grade 'TE9' is not in plan 'PEA 187 Days'");
    expect(workbook.familyFormat).toBe("@");
    expect(workbook.roster).toBe("<img src=x onerror=alert(1)>");

    await status.getByRole("button", { name: "Go to sheet 3-6 Tenure" }).click();
    expect(await page.evaluate(() => (window as unknown as { __workbook: { active: string } }).__workbook.active)).toBe(
      "3-6 Tenure",
    );
    expect(errors).toEqual([]);
    // Nothing but the page's own files and the (stubbed) Office.js was requested.
    for (const url of requests)
      expect(url.startsWith(base) || url.startsWith("https://appsforoffice.microsoft.com/")).toBe(true);
    await page.close();
  });

  it("follows Office's dark theme and fits 320 px without horizontal scrolling", async () => {
    const { page, errors } = await openPane(true);
    await page.getByText("2 plans, 3 grades").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "taskpane-dark.png"), fullPage: true });
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      background: getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor,
    }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.width);
    const [r, g, b] = (layout.background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says to open it from Excel when opened in a plain browser", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 400 } });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${base}/taskpane.html`);
    await page.getByText("Open CompStudy from Excel").waitFor();
    await page.close();
  });
});
