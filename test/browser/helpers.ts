/**
 * The browser tests' harness: dist/ served on 127.0.0.1, Debian's chromium through
 * playwright-core (TOOLCHAIN-NOTES 10), Office.js answered by a stub (the test's in-memory Excel
 * host, fake-excel.js) or by the real library from @microsoft/office-js, and the checks run in
 * the page: layout, text, focus, axe-core.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

// The committed screenshots are refreshed on request (COMPSTUDY_SCREENSHOTS=1), so a test run
// leaves the work tree as it was; otherwise they go to a temporary folder.
export const SHOTS = process.env.COMPSTUDY_SCREENSHOTS
  ? path.join(ROOT, "docs", "screenshots")
  : fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-shots-"));

export const ready = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(DIST, "taskpane.html"));
if (!ready && process.env.CI) throw new Error("CI needs /usr/bin/chromium and a built dist/ for the browser test");
if (!ready) console.warn("browser test skipped: needs /usr/bin/chromium and `npm run build`");

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

const FAKE = fs.readFileSync(path.join(__dirname, "fake-excel.js"), "utf8");

export type Theme = "light" | "dark" | "dark-office-light-system" | "forced-colors";
export const THEMES: Theme[] = ["light", "dark", "dark-office-light-system", "forced-colors"];
export const WIDTHS = [270, 320, 350, 450];

export type Harness = { base: string; browser: Browser; close: () => Promise<void> };

export async function startHarness(): Promise<Harness> {
  const server = http.createServer((request, response) => {
    const file = path.join(DIST, path.normalize(decodeURIComponent((request.url ?? "/").split("?")[0])));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
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
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type Workbook = {
  sheets: Record<string, unknown[][]>;
  tables?: { sheet: string; address: string; name: string }[];
  settings?: Record<string, unknown>;
  /** Workbook names (a study date the workbook carries: COMP_AS_OF). */
  names?: { name: string; type: string; value: unknown }[];
};

/** A study date as a workbook carries it (COMP_AS_OF, =DATE(2020,7,1)): a date serial to Office.js. */
export const AS_OF_NAME = { name: "COMP_AS_OF", type: "Double", value: 44013 };

export type Opened = { page: Page; requests: string[]; errors: string[] };

/** Opens the built pane in the test's Excel host, with Office's theme and the system's. */
export async function openPane(
  harness: Harness,
  workbook: Workbook,
  theme: Theme = "light",
  width = 320,
): Promise<Opened> {
  const officeDark = theme === "dark" || theme === "dark-office-light-system";
  const page = await harness.browser.newPage({
    viewport: { width, height: 800 },
    colorScheme: theme === "dark" ? "dark" : "light",
    forcedColors: theme === "forced-colors" ? "active" : "none",
    reducedMotion: "reduce",
  });
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
    content: `${FAKE}\nwindow.__installFakeExcel(${JSON.stringify({ dark: officeDark, ...workbook })});`,
  });
  await page.goto(`${harness.base}/taskpane.html`);
  return { page, requests, errors };
}

/** Opens the page as a plain browser would, with the real Office.js (from @microsoft/office-js, served offline). */
export async function openOutsideOffice(harness: Harness): Promise<Opened & { officeRequests: string[] }> {
  const page = await harness.browser.newPage({ viewport: { width: 320, height: 500 } });
  const requests: string[] = [];
  const officeRequests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("https://appsforoffice.microsoft.com/lib/1/hosted/**", (route) => {
    const file = path.join(
      OFFICE_JS,
      path.normalize(new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "")),
    );
    officeRequests.push(path.relative(OFFICE_JS, file));
    if (!file.startsWith(OFFICE_JS) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(file) });
  });
  await page.goto(`${harness.base}/taskpane.html`);
  return { page, requests, errors, officeRequests };
}

/** What the layout check found wrong (empty when nothing). */
export type LayoutReport = { problems: string[]; background: string; bottomBackground: string };

/**
 * In the page: nothing wider than the window, no text outside its element's box or the window,
 * and the colour at the bottom of the window (to check the dark background reaches it).
 */
export function checkLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    const describe = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    const hidden = (el: Element): boolean => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === "none" || style.visibility === "hidden" || style.clip === "rect(0px, 0px, 0px, 0px)")
          return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1 || hidden(el)) continue;
      if (rect.right > width + 1 || rect.left < -1)
        problems.push(`${describe(el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)}px`);
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? "").trim() === "") continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of Array.from(range.getClientRects())) {
          if (box.width === 0) continue;
          if (box.right > rect.right + 1 || box.left < rect.left - 1 || box.right > width + 1)
            problems.push(
              `text of ${describe(el)} leaves its box (${Math.round(box.right)} > ${Math.round(rect.right)})`,
            );
        }
      }
    }
    const paint = (x: number, y: number): string => {
      for (const el of document.elementsFromPoint(x, y)) {
        const colour = getComputedStyle(el).backgroundColor;
        if (colour && !/rgba\(.*, 0\)$/.test(colour) && colour !== "transparent") return colour;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    return {
      problems: [...new Set(problems)].slice(0, 20),
      background: paint(2, 60),
      bottomBackground: paint(2, window.innerHeight - 2),
    };
  });
}

/** Lightness 0–255 of a CSS rgb() colour. */
export function lightness(colour: string): number {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ["255", "255", "255"]).map(Number);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** The visible text of the pane, for the wording checks. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Wording that must never appear: a count that disagrees with its noun, a title said twice. */
export function wordingProblems(text: string): string[] {
  const problems: string[] = [];
  const nouns = "cell|row|sheet|employee|plan|grade|problem|exhibit|table|input|function|column|value|sheet";
  for (const match of text.matchAll(new RegExp(`(?<![\\d,.])1 (${nouns})s\\b`, "g"))) problems.push(match[0]);
  for (const match of text.matchAll(
    new RegExp(`\\b(?:0|[2-9]|[1-9]\\d+|\\d{1,3}(?:,\\d{3})+) (${nouns})\\b(?!s| sheet)`, "g"),
  ))
    problems.push(match[0]);
  for (const line of text.split("\n")) {
    const words = line.trim().split(/\s+/);
    for (let i = 0; i + 1 < words.length; i++)
      if (words[i].length > 3 && words[i] === words[i + 1]) problems.push(`repeated “${words[i]}” in “${line.trim()}”`);
  }
  if (/see below|not done|Sheet Sheet/i.test(text)) problems.push(`old wording in “${text.slice(0, 80)}”`);
  return problems;
}

/** axe-core over the page; Fluent's focus-trap helpers (tabster dummies) excepted. */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy stays on.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(fs.readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run;
    const result = await run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Nothing wider than the window, no text out of its box, axe-core clean, the wording right. */
export async function expectClean(page: Page, state: string): Promise<void> {
  const report = await checkLayout(page);
  expect({ state, problems: report.problems }).toEqual({ state, problems: [] });
  expect({ state, axe: await axe(page) }).toEqual({ state, axe: [] });
  expect({ state, wording: wordingProblems(await visibleText(page)) }).toEqual({ state, wording: [] });
}

/** The focused element: never the body after an action; and whether its focus is shown. */
export function focusState(page: Page): Promise<{ tag: string; name: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", name: "", visible: false };
    const style = getComputedStyle(el);
    const after = getComputedStyle(el, "::after");
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring =
      (after.borderStyle !== "none" && parseFloat(after.borderWidth) > 0) ||
      (after.outlineStyle !== "none" && parseFloat(after.outlineWidth) > 0) ||
      style.boxShadow !== "none";
    return {
      tag: el.tagName.toLowerCase(),
      name: (
        el.getAttribute("aria-label") ??
        ((el as HTMLInputElement).labels?.length ? (el as HTMLInputElement).labels?.[0].textContent : null) ??
        (el.getAttribute("aria-labelledby")
          ? document.getElementById(el.getAttribute("aria-labelledby") as string)?.textContent
          : null) ??
        el.textContent ??
        ""
      )
        .trim()
        .slice(0, 60),
      visible: el.matches(":focus-visible") && (outline || ring),
    };
  });
}

/** Presses Tab until the focused element's name matches (at most `max` times). */
export async function tabTo(page: Page, name: string | RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focus = await focusState(page);
    if (typeof name === "string" ? focus.name === name : name.test(focus.name)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** After an action: focus is on an element, not the body — and, after keys, it shows. */
export async function expectFocus(
  page: Page,
  name?: string | RegExp,
  by: "keyboard" | "mouse" = "keyboard",
): Promise<void> {
  const focus = await focusState(page);
  expect(focus.tag).not.toBe("body");
  if (name !== undefined) expect(focus.name).toMatch(name);
  // Browsers show focus for keyboard users (:focus-visible), not after a click.
  if (by === "keyboard") expect(focus).toMatchObject({ visible: true });
}

/** Reads the workbook the test host recorded. */
export function workbookOf(page: Page): Promise<{
  order: string[];
  sheets: Record<
    string,
    {
      cells: Record<string, unknown>;
      formats: Record<string, unknown>;
      formulas: Record<string, unknown>;
      frozen: number;
      merges: string[];
      rowHeights: Record<string, number>;
      print: Record<string, unknown>;
      breaks: string[];
    }
  >;
  tables: { sheet: string; address: string; style: string; name: string }[];
  charts: {
    sheet: string;
    type: string;
    source: string;
    position?: string;
    title: { text?: string };
    axes: { categoryAxis: { title: { text?: string } }; valueAxis: { title: { text?: string } } };
  }[];
  active: string;
  selection: string | null;
  settings: Record<string, unknown>;
}> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __workbook: unknown }).__workbook)));
}

/** Sets the test host's controls (delay per sync in ms, a failing step). */
export async function host(page: Page, settings: { delay?: number; fail?: string | null }): Promise<void> {
  await page.evaluate((values) => {
    Object.assign((window as unknown as { __excel: object }).__excel, values);
  }, settings);
}

export const PLANS = [
  ["Plan", "Grade", "Step 1", "Step 2", "Step 3", "Step 4"],
  ["BASE Shift 1", "B1-5", 12.12, 12.5, 12.88, 13.26],
  ["BASE Shift 1", "B1-6", 12.68, 13.09, 13.5, 13.91],
  ["PEA 187 Days", "TE1", 33669, 34952, 36235, 37517],
];
export const ROSTER = [
  ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"],
  ["P1", "BASE Shift 1", "B1-5", 12.12, "2010-03-01", "Custodial", "Custodian"],
  ["P2", "BASE Shift 1", "B1-6", 13.5, "2015-08-15", "Food Service", "Cook"],
  ["P3", "PEA 187 Days", "TE1", 36235, "2008-09-01", "Teaching", "Math Teacher"],
  ["P4", "PEA 187 Days", "TE1", 35000, "2019-09-01", "Teaching", "<img src=x onerror=alert(1)>"],
  ["P5", "PEA 187 Days", "TE9", 35000, "2019-09-01", "Teaching", "Art Teacher"],
];

/** A workbook with the two tables, found by name, and its study date (COMP_AS_OF). */
export const SMALL: Workbook = {
  sheets: { "Pay Plans": PLANS, Roster: ROSTER },
  tables: [
    { sheet: "Pay Plans", address: "A1:F4", name: "PayPlans" },
    { sheet: "Roster", address: "A1:G6", name: "Roster" },
  ],
  names: [AS_OF_NAME],
};
