/**
 * The demo's workbook printed (issue 23): LibreOffice converts it to PDF and pdftotext -bbox
 * gives each word's box. No word is set under 7 points on any page, no page prints a row alone
 * (each holds two lines or more besides the exhibit's repeated header row), and the native
 * charts are drawn (their titles, axes and legends are text on the pages). Skipped with a
 * message where soffice or pdftotext is missing (CI installs libreoffice-calc and poppler-utils).
 * COMPSTUDY_SCREENSHOTS=1 also saves the pages with the pay-gap and market charts to docs/screenshots.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { demoArguments, projectRoot, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import type { JsonStudy } from "../../src/exhibits/json";
import { convert, findSoffice } from "../exhibits/libreoffice";
import { run, tempFolder } from "./helpers";

const root = projectRoot(__dirname);
const sample = path.join(root, SAMPLE_WORKBOOK);
const soffice = findSoffice();
const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((file) => fs.existsSync(file));
const ready = soffice !== undefined && pdftotext !== undefined && fs.existsSync(sample);
if (!ready)
  console.warn("skipped: the print test needs soffice, pdftotext (poppler-utils) and samples/portland-2013.xlsx");

/**
 * A word's box is its font's ascent to descent: 1.16 times the type size in DejaVu Sans (what
 * LibreOffice draws Calibri with here), 1.22 in Carlito. The larger is taken, so a word passes
 * only if its type is 7 points or more in either (7.7-point type measures 8.96 in DejaVu Sans).
 */
const BOX_PER_POINT = 1.22;

type Word = { x: number; y: number; height: number; text: string };
type Page = { width: number; height: number; words: Word[] };

/** Each page's words with their boxes, from pdftotext -bbox. */
function pagesOf(pdf: string): Page[] {
  const html = execFileSync(pdftotext as string, ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return html
    .split("<page ")
    .slice(1)
    .map((page) => {
      const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) as RegExpExecArray;
      const words = [
        ...page.matchAll(/xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="[-\d.]+" yMax="([-\d.]+)">([^<]*)</g),
      ].map(([, x, y0, y1, text]) => ({ x: Number(x), y: Number(y0), height: Number(y1) - Number(y0), text }));
      return { width: Number(width), height: Number(height), words };
    });
}

/** The lines of text between a page's header and footer (words grouped by their top, to the point). */
function bodyLines(page: Page): string[][] {
  const lines = new Map<number, string[]>();
  for (const word of page.words) {
    if (word.y < 36 || word.y > page.height - 36) continue;
    const at = Math.round(word.y);
    lines.set(at, [...(lines.get(at) ?? []), word.text]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, words]) => words);
}

/** The page's footer text ("EXHIBIT 3-1 — PAY PLAN SUMMARY Page 9 of 128"). */
function footerOf(page: Page): string {
  return page.words
    .filter((word) => word.y > page.height - 36)
    .map((word) => word.text)
    .join(" ");
}

(ready ? describe : describe.skip)("the demo's workbook, printed by LibreOffice", () => {
  let folder: string;
  let pages: Page[];
  let chartTitles: string[];
  let json: JsonStudy;

  beforeAll(async () => {
    folder = tempFolder("compstudy-print-");
    const result = await run(
      demoArguments(sample, ["--out", "exhibits.xlsx", "--json", "exhibits.json", "--quiet"]),
      folder,
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    json = JSON.parse(fs.readFileSync(path.join(folder, "exhibits.json"), "utf8")) as JsonStudy;
    const file = path.join(folder, "exhibits.xlsx");
    chartTitles = Object.entries(unzipSync(fs.readFileSync(file)))
      .filter(([name]) => /^xl\/drawings\/drawing\d+\.xml$/.test(name))
      .flatMap(([, data]) =>
        [...strFromU8(data).matchAll(/<xdr:cNvPr [^>]*title="([^"]*)"/g)].map((match) => match[1]),
      );
    convert(soffice as string, file, "pdf", folder);
    pages = pagesOf(path.join(folder, "exhibits.pdf"));
  }, 300_000);

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("prints landscape pages, no word set under 7 points", () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
    const small = pages.flatMap((page, index) =>
      page.words
        .filter((word) => word.height / BOX_PER_POINT < 7)
        .map((word) => `page ${index + 1}: '${word.text}' ${(word.height / BOX_PER_POINT).toFixed(2)} pt`),
    );
    expect(small).toEqual([]);
  });

  it("prints no row alone on a page: each page holds two lines or more besides its repeated header row", () => {
    // A line made only of the words of the exhibit's column names is its (repeated) header row;
    // the exhibit is the one the page's footer names.
    const headerWords = new Map(
      json.exhibits.map((exhibit) => [exhibit.number, new Set(exhibit.columns.flatMap((name) => name.split(" ")))]),
    );
    const thin = pages.flatMap((page, index) => {
      const number = /EXHIBIT (\d+-\d+)/.exec(footerOf(page))?.[1];
      const header = (number === undefined ? undefined : headerWords.get(number)) ?? new Set<string>();
      const lines = bodyLines(page);
      const content = lines.filter((words) => !words.every((word) => header.has(word)));
      return lines.length >= 3 && content.length >= 2
        ? []
        : [`page ${index + 1} (${footerOf(page)}): ${JSON.stringify(lines.map((words) => words.join(" ")))}`];
    });
    expect(thin).toEqual([]);
    // Every exhibit sheet printed, its footer naming it.
    const printed = new Set(pages.map((page) => /EXHIBIT (\d+-\d+)/.exec(footerOf(page))?.[1]));
    expect(json.exhibits.filter((exhibit) => !printed.has(exhibit.number)).map((e) => e.number)).toEqual([]);
  });

  it("draws the native charts: each chart's title is on a page, with its axis", () => {
    expect(chartTitles.length).toBeGreaterThanOrEqual(8);
    const text = pages.map((page) => page.words.map((word) => word.text).join(" "));
    const unescape = (title: string) => title.replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    for (const title of chartTitles) {
      // A title may wrap; its first three words are on one line.
      const start = unescape(title).split(" ").slice(0, 3).join(" ");
      expect(text.some((page) => page.includes(start))).toBe(true);
    }
    // The quartile charts' axis runs 0 % … 100 %.
    expect(text.some((page) => page.includes("0% 10% 20%") || page.includes("0% 25% 50%"))).toBe(true);
    if (process.env.COMPSTUDY_SCREENSHOTS) {
      const shots = path.join(root, "docs", "screenshots");
      const pdf = path.join(folder, "exhibits.pdf");
      for (const [name, words] of [
        ["workbook-market-chart", "Market position"],
        ["workbook-pay-gap-chart", "Adjusted pay gap by ethnicity"],
        ["workbook-quartile-chart", "BASE Shift 1: employees"],
        ["workbook-supplemental-chart", "Stipends and longevity of each plan"],
        ["workbook-settlement-chart", "Settlement cost by year"],
      ]) {
        const page = text.findIndex((line) => line.includes(words)) + 1;
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "80",
          "-singlefile",
          "-f",
          `${page}`,
          "-l",
          `${page}`,
          pdf,
          path.join(shots, name),
        ]);
      }
    }
  });
});
