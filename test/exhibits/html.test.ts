import { escapeHtml, formatValue, renderHtmlReport, renderStackedBarSvg, REPORT_CSP } from "../../src/exhibits/html";
import { HOSTILE_TEXTS, HOSTILE_TITLE, studyFixture } from "./study-fixture";

describe("escapeHtml", () => {
  it.each([
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    [`"'&`, "&quot;&#39;&amp;"],
    ["&amp;", "&amp;amp;"],
    ["plain", "plain"],
  ])("escapes %p", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe("formatValue", () => {
  it.each([
    [12.125, "money", "hourly", "$12.13"],
    [33669.5, "money", "annual", "$33,670"],
    [-1234.4, "money", "annual", "-$1,234"],
    [-0.001, "money", "hourly", "$0.00"],
    [0.045, "percent", undefined, "4.5%"],
    [1, "percent", undefined, "100.0%"],
    [7.3456, "years", undefined, "7.3"],
    [1234567, "count", undefined, "1,234,567"],
    [null, "money", "annual", ""],
    ["Total", "text", undefined, "Total"],
    [215.5, "money", "daily", "$215.50"],
    [4321.25, "money", "monthly", "$4,321"],
  ] as const)("shows %p (%s, %s) as %p", (value, kind, unit, expected) => {
    expect(formatValue(value, kind, unit === undefined ? {} : { unit })).toBe(expected);
  });

  it("shows cents where the row says its pay carries them, and a column may fix the precision", () => {
    expect(formatValue(52000.5, "money", { unit: "annual", cents: true })).toBe("$52,000.50");
    expect(formatValue(15.5, "money", { unit: "hourly", cents: false })).toBe("$16");
    expect(formatValue(31200.4, { name: "Annual Cost", kind: "money", money: "whole" }, { unit: "hourly" })).toBe(
      "$31,200",
    );
  });
});

describe("renderHtmlReport", () => {
  const html = renderHtmlReport(studyFixture());

  it("is one self-contained page: a CSP, no script, no external resource", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it("prints no hostile text unescaped", () => {
    expect(html).not.toContain(HOSTILE_TITLE);
    expect(html).toContain(escapeHtml(HOSTILE_TITLE));
    expect(html).not.toMatch(/<img/i);
    for (const text of HOSTILE_TEXTS.filter((t) => /[<>&"']/.test(t))) expect(html).toContain(escapeHtml(text));
  });

  it("escapes hostile text in the sources, titles and chart labels too", () => {
    const result = studyFixture();
    result.sources.roster = HOSTILE_TITLE;
    result.exhibits[1].charts![0].categories[0] = HOSTILE_TITLE;
    result.exhibits[1].charts![0].title = `"><svg onload=alert(1)>`;
    const page = renderHtmlReport(result);
    expect(page).not.toMatch(/<img|<svg onload/i);
  });

  it("shows every exhibit as a table with its heading, money by unit, percentages with one decimal", () => {
    expect(html).toContain("EXHIBIT 3-1 — PAY PLAN SUMMARY");
    expect(html).toContain("EXHIBIT 3-8 — UNMATCHED EMPLOYEES");
    expect(html).toContain('<td class="num">$12.12</td>');
    expect(html).toContain('<td class="num">$61,040</td>');
    expect(html).toContain('<td class="num">45.5%</td>');
    expect((html.match(/<section class="exhibit"/g) ?? []).length).toBe(6);
  });

  it("draws total rows bold (by class) and an empty exhibit as a None row", () => {
    expect(html).toMatch(
      /<tr class="total"><td class="text short">BASE Shift 1<\/td><td class="text short">Total<\/td>/,
    );
    expect(html).toMatch(/<tr class="grand-total"><td class="text short">All<\/td>/);
    expect(html).toMatch(/tr\.total td \{[^}]*font-weight: 700/);
    expect(html).toContain('<tr class="none"><td colspan="5">None</td></tr>');
  });

  it("draws each quartile chart as inline SVG in a captioned figure that is never split across pages", () => {
    expect(html).toMatch(
      /<figure class="chart-figure"><figcaption>BASE Shift 1 — employees by quartile<\/figcaption>\n<svg [^>]*role="img"/,
    );
    expect(html).toMatch(/@media print \{[^]*figure\.chart-figure \{ break-inside: avoid; \}/);
  });

  it("breaks pages between exhibits when printed", () => {
    expect(html).toMatch(/@media print \{[^]*section\.exhibit \{ break-before: page;/);
  });

  it("is deterministic", () => {
    expect(renderHtmlReport(studyFixture())).toBe(html);
  });
});

describe("renderStackedBarSvg", () => {
  const chart = studyFixture().exhibits[1].charts![0];
  const svg = renderStackedBarSvg(chart, "c1");

  it("has a title the svg is labelled by, and a legend entry per series", () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title"/);
    expect(svg).toContain('<title id="c1-title">BASE Shift 1 — employees by quartile</title>');
    for (const name of ["Q1", "Q2", "Q3", "Q4"]) expect(svg).toContain(`class="legend">${name}</text>`);
  });

  it("fills every bar to 100 % of the plot width, and draws no segment for a zero share", () => {
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="20"/g)];
    const byRow = new Map<string, number>();
    for (const [, , y, width] of rects) byRow.set(y, (byRow.get(y) ?? 0) + Number(width));
    expect(byRow.size).toBe(2);
    for (const total of byRow.values()) expect(total).toBeCloseTo(620, 1);
    // B1-6 has no Q1 employee: 3 segments, B1-5 has 4.
    expect(rects.length).toBe(7);
  });
});

describe("renderHtmlReport with many unmatched rows", () => {
  /** The fixture with `n` unmatched rows, every third a grade problem, the others a hire date after the as-of date. */
  function withUnmatched(n: number) {
    const result = studyFixture();
    const exhibit = result.exhibits.find((e) => e.id === "unmatched-employees")!;
    exhibit.rows = Array.from({ length: n }, (_, index) => ({
      values: [
        `E${index + 1}`,
        "BASE",
        `G${index}`,
        index % 3 === 0
          ? `Row ${index + 2}: Grade 'G${index}' is not in plan 'BASE'`
          : `Row ${index + 2}: Hire Date 2030-01-01 is after the as-of date 2013-04-01`,
      ],
      kind: "detail",
    }));
    result.summary.unmatched = n;
    return result;
  }
  const section = (html: string) => html.slice(html.indexOf('id="exhibit-unmatched-employees"'));
  const rowsOf = (html: string) => section(html).match(/<tr><td/g)?.length ?? 0;

  it("lists the first 1,000 rows and says how many more are in the workbook and the JSON", () => {
    const html = renderHtmlReport(withUnmatched(2_500));
    expect(rowsOf(html)).toBe(1_000);
    expect(section(html)).toContain(">E1000<");
    expect(section(html)).not.toContain(">E1001<");
    // 2,500 − 1,000 = 1,500 rows not on the page.
    expect(html).toContain(
      '<p class="more">The first 1,000 of 2,500 rows are shown; the other 1,500 are in the workbook (.xlsx) and the JSON.</p>',
    );
  });

  it("lists every row, without the note, up to 1,000", () => {
    const html = renderHtmlReport(withUnmatched(1_000));
    expect(rowsOf(html)).toBe(1_000);
    expect(html).not.toContain('class="more"');
  });

  it("groups the unmatched rows by kind of reason in the summary", () => {
    // Of 2,500 rows, indices 0, 3, … 2,499 are grade problems: ⌈2,500 / 3⌉ = 834; the other 1,666 hire dates.
    const html = renderHtmlReport(withUnmatched(2_500));
    expect(html).toContain("<li>Unmatched rows — hire date is after the as-of date: 1,666</li>");
    expect(html).toContain("<li>Unmatched rows — grade is not in plan: 834</li>");
  });

  it("names CompStudy as its generator (how a later run knows it may replace the file)", () => {
    expect(renderHtmlReport(studyFixture())).toContain('<meta name="generator" content="CompStudy">');
  });
});
