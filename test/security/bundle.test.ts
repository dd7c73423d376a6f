/**
 * What ships: the built page and bundles (dist/, from `npm run build`). Payroll data must not
 * leave the workbook, so the bundles may not contain network APIs, and the page may load no
 * script but its own and Office.js.
 */
import * as fs from "fs";
import * as path from "path";

const dist = path.join(__dirname, "..", "..", "dist");
const built = fs.existsSync(path.join(dist, "taskpane.html"));
if (!built && process.env.CI) throw new Error("dist/ is missing: CI must run `npm run build` before the tests");
const describeBuilt = built ? describe : describe.skip;

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

describeBuilt("shipped bundles (dist/)", () => {
  const bundles = built ? fs.readdirSync(dist).filter((name) => name.endsWith(".js")) : [];

  it("includes the functions and task-pane bundles and the generated functions.json", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: { id: string; name: string }[];
    };
    expect(metadata.functions.map((f) => f.id)).toEqual(
      expect.arrayContaining(["PAYSTEP", "QUARTILE_PLACE", "RANGE_SPREAD"]),
    );
  });

  it.each([
    ["fetch(", /\bfetch\s*\(/],
    ["XMLHttpRequest", /XMLHttpRequest/],
    ["WebSocket", /\bWebSocket\b/],
    ["navigator.sendBeacon", /sendBeacon/],
    ["EventSource", /\bEventSource\b/],
    ["importScripts", /importScripts/],
    [
      "an http(s) URL to load",
      /["'`]https?:\/\/(?!www\.w3\.org|appsforoffice\.microsoft\.com|reactjs\.org|react\.dev|fb\.me|github\.com\/microsoft\/fluentui|aka\.ms)/,
    ],
  ])("contain no %s", (_label, pattern) => {
    for (const name of bundles) {
      const text = fs.readFileSync(path.join(dist, name), "utf8");
      const match = pattern.exec(text);
      expect(match ? `${name}: …${text.slice(Math.max(0, match.index - 60), match.index + 80)}…` : null).toBeNull();
    }
  });

  it("the task-pane page loads only its own scripts and Office.js, under a Content-Security-Policy", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    // The built page is minified: attribute values may be unquoted.
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
    expect(scripts).toContain(OFFICE_JS);
    for (const src of scripts) expect(src === OFFICE_JS || !/^[a-z]+:/i.test(src)).toBe(true);
    const csp = /<meta[^>]+http-equiv="?Content-Security-Policy"?[^>]+content="([^"]+)"/i.exec(html);
    expect(csp).not.toBeNull();
    const policy = Object.fromEntries(
      (csp as RegExpExecArray)[1]
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...values]) => [name, values]),
    );
    const scriptSrc: string[] = policy["script-src"] ?? policy["default-src"];
    expect(scriptSrc).toBeDefined();
    for (const source of scriptSrc) {
      expect(["'self'", "https://appsforoffice.microsoft.com"]).toContain(source.replace(/\/$/, ""));
    }
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });
});
