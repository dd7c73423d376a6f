import { escapeHtml, formatValue, renderChartSvg, renderHtmlReport, REPORT_CSP } from "../../src/exhibits/html";
import type { ExhibitChart } from "../../src/exhibits/spec/types";
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
    [7.3456, "years", undefined, "7.3 years"],
    [1.5184645287, "index", undefined, "1.52"],
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
    expect(html).toMatch(
      /@media print \{[^]*tr, \.chart, figure\.chart-figure, \.findings-page li \{ break-inside: avoid; \}/,
    );
  });

  it("breaks pages between exhibits when printed", () => {
    expect(html).toMatch(
      /@media print \{[^]*section\.exhibit, section\.findings-page, section\.working-file \{ break-before: page;/,
    );
  });

  it("is deterministic", () => {
    expect(renderHtmlReport(studyFixture())).toBe(html);
  });

  it("splits an exhibit too wide for 1,280 pixels into tables that repeat its identifying columns", () => {
    const result = studyFixture();
    // 20 money columns of "$1,234,567" beside Plan and Year: about 1,900 pixels in one table.
    const money = Array.from({ length: 20 }, (_, i) => ({ name: `Cost ${i + 1}`, kind: "money" as const }));
    result.exhibits[0] = {
      ...result.exhibits[0],
      columns: [{ name: "Plan", kind: "text" }, { name: "Year", kind: "number" }, ...money],
      rows: [
        { values: ["PEA", 1, ...money.map((_, i) => 1234567 + i)], kind: "detail", unit: "annual" },
        { values: ["PEA", 2, ...money.map((_, i) => 2234567 + i)], kind: "detail", unit: "annual" },
      ],
      stepBlocks: [],
    };
    const page = renderHtmlReport(result);
    const section = /<section class="exhibit" id="exhibit-pay-plan-summary">[^]*?<\/section>/.exec(page)![0];
    const headers = [...section.matchAll(/<table class="wide"><thead><tr>(.*?)<\/tr>/g)].map(([, row]) =>
      [...row.matchAll(/>([^<]*)<\/th>/g)].map((m) => m[1]),
    );
    expect(headers.length).toBeGreaterThan(1);
    // Plan and Year lead every table (the first column of text, then one more); each other column once, in order.
    for (const names of headers) expect(names.slice(0, 2)).toEqual(["Plan", "Year"]);
    expect(headers.flatMap((names) => names.slice(2))).toEqual(money.map((column) => column.name));
    expect(section).toContain(
      `<p class="continued">Continued: the same rows, ${headers[1][2]} to ${headers[1].at(-1)}.</p>`,
    );
    // Every value once (Year's twice per table, in its own column).
    expect(section.split('<td class="num">$1,234,567</td>')).toHaveLength(2);
    expect(section.split('<td class="num">$2,234,586</td>')).toHaveLength(2);
    // An exhibit that fits stays one table.
    const tenure = /<section class="exhibit" id="exhibit-tenure">[^]*?<\/section>/.exec(html)![0];
    expect(tenure.match(/<table/g)).toHaveLength(1);
  });

  it("splits a long step schedule into tables of even length, each with its Grade column, every step once", () => {
    const result = studyFixture();
    // 31 steps: three tables of 11, 11 and 9 step columns (at most 14 fit 1,280 pixels).
    const headers = Array.from({ length: 31 }, (_, i) => `Step ${i}`);
    const steps = headers.map((_, i) => 40000 + 1000 * i);
    result.exhibits[0].stepBlocks = [
      { plan: "PEA Lanes", unit: "annual", stepHeaders: headers, rows: [{ grade: "Master's", steps }] },
    ];
    const page = renderHtmlReport(result);
    const tables = [
      ...page.matchAll(/<h3>([^<]*)<\/h3>\n<div class="table-wrap"><table class="steps"><thead><tr>(.*?)<\/tr>/g),
    ].map(([, heading, header]) => ({ heading, columns: [...header.matchAll(/>([^<]*)<\/th>/g)].map((m) => m[1]) }));
    expect(tables.map((table) => table.heading)).toEqual([
      "PEA Lanes — steps, Step 0 to Step 10 (annual)",
      "PEA Lanes — steps, Step 11 to Step 21 (annual)",
      "PEA Lanes — steps, Step 22 to Step 30 (annual)",
    ]);
    expect(tables.map((table) => table.columns.length)).toEqual([12, 12, 10]);
    expect(tables.every((table) => table.columns[0] === "Grade")).toBe(true);
    expect(tables.flatMap((table) => table.columns.slice(1))).toEqual(headers);
    for (const value of ["$40,000", "$50,000", "$51,000", "$70,000"])
      expect(page.split(`<td class="num">${value}</td>`)).toHaveLength(2);
    // A schedule that fits stays one table, its heading as before.
    expect(html).toContain("<h3>BASE Shift 1 — steps (hourly)</h3>");
  });
});

describe("renderChartSvg", () => {
  const chart = studyFixture().exhibits[1].charts![0];
  const svg = renderChartSvg(chart, "c1");
  /** The bars drawn: [x, y, width] of each rect with a tooltip, band and legend swatches left out. */
  const bars = (text: string) =>
    [...text.matchAll(/<rect x="([-\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="#[0-9A-F]{6}">/g)].map(
      ([, x, y, width]) => [Number(x), Number(y), Number(width)],
    );

  it("has a title and a description the svg is labelled and described by, and a legend entry per series", () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title" aria-describedby="c1-desc"/);
    expect(svg).toContain('<title id="c1-title">BASE Shift 1 — employees by quartile</title>');
    expect(svg).toContain(`<desc id="c1-desc">${escapeHtml(chart.description)}</desc>`);
    for (const name of ["Q1", "Q2", "Q3", "Q4"]) expect(svg).toContain(`class="legend">${name}</text>`);
  });

  it("stacked100: fills every bar to the plot's width (514 pixels), and draws no segment for a zero share", () => {
    const byRow = new Map<number, number>();
    for (const [, y, width] of bars(svg)) byRow.set(y, (byRow.get(y) ?? 0) + width);
    expect(byRow.size).toBe(2);
    for (const total of byRow.values()) expect(total).toBeCloseTo(514, 1);
    // B1-6 has no Q1 employee: 3 segments, B1-5 has 4.
    expect(bars(svg).length).toBe(7);
  });

  const base: ExhibitChart = {
    kind: "bar",
    title: "Employees by job family",
    description: "The number of employees in each job family.",
    categoryTitle: "Job family",
    categories: ["Custodial", "Teaching"],
    series: [{ name: "Employees", values: [30, 90] }],
    value: { kind: "count" },
    valueTitle: "Employees",
  };

  it("bar: bars from zero in proportion to their values, on an axis of round steps", () => {
    // Axis 0 … 100 in steps of 20 (the step for about five gridlines over 90): 514 × 30 / 100 and 514 × 90 / 100.
    const drawn = bars(renderChartSvg(base, "b"));
    expect(drawn.map(([x]) => x)).toEqual([190, 190]);
    expect(drawn[0][2]).toBeCloseTo(154.2, 1);
    expect(drawn[1][2]).toBeCloseTo(462.6, 1);
    expect(renderChartSvg(base, "b")).toContain('class="axis">100</text>');
  });

  it("leaves out a value the table hides (null): no bar, no tooltip with a number", () => {
    const hidden = renderChartSvg({ ...base, series: [{ name: "Employees", values: [null, 90] }] }, "h");
    expect(bars(hidden)).toHaveLength(1);
    expect(hidden).not.toContain("Custodial · Employees");
  });

  it("stacked: a negative value runs left of zero; the band is shaded and named in the legend", () => {
    const market: ExhibitChart = {
      ...base,
      kind: "stacked",
      categories: ["Cook", "Clerk"],
      series: [
        { name: "Below market", values: [-0.1, null] },
        { name: "Competitive", values: [null, 0.02] },
      ],
      value: { kind: "percent" },
      band: { from: -0.05, to: 0.05, label: "Competitive (±5.0 %)" },
    };
    const svgText = renderChartSvg(market, "m");
    // Axis −10 % … 5 %: zero at 190 + 514 × 10 / 15 = 532.67; −10 % at 190.
    const [cook, clerk] = bars(svgText);
    expect(cook[0]).toBeCloseTo(190, 1);
    expect(cook[0] + cook[2]).toBeCloseTo(532.67, 1);
    expect(clerk[0]).toBeCloseTo(532.67, 1);
    expect(svgText).toContain('fill="#2e7d32" fill-opacity="0.14"><title>Competitive (±5.0 %)</title></rect>');
    expect(svgText).toContain('class="legend">Competitive (±5.0 %)</text>');
  });

  it("interval: a bar with a whisker from the lower to the upper bound, the interval in the tooltip", () => {
    const gaps: ExhibitChart = {
      ...base,
      kind: "interval",
      categories: ["Male"],
      series: [{ name: "Adjusted gap", values: [0.02], low: [-0.01], high: [0.04] }],
      value: { kind: "percent" },
    };
    const svgText = renderChartSvg(gaps, "i");
    expect(svgText).toContain("Male · Adjusted gap: 2.0% (95 % interval -1.0% to 4.0%)");
    // Axis −2 % … 4 % (steps of 2 %... the nice step for a 5 % span is 1 %): whisker from −1 % to 4 %.
    expect((svgText.match(/<line [^>]*stroke="#1b2733" stroke-width="1.5"\/>/g) ?? []).length).toBe(3);
  });
});

describe("the board packet", () => {
  const detailed = () => {
    const result = studyFixture();
    result.organization = "Portland Public Schools";
    result.exhibits[5].detail = true;
    result.exhibits[1].findings = [
      "Most employees sit in the first quartile of their grade's range: 33.3 % (10 of 30).",
    ];
    result.exhibits[5].findings = ["7 roster rows could not be used; each is listed with its reason, so none is lost."];
    return result;
  };

  it("is titled by the organisation and the study's title", () => {
    const html = renderHtmlReport(detailed());
    expect(html).toContain("<title>Portland Public Schools — Compensation study: current conditions</title>");
    expect(html).toContain('<p class="organization">Portland Public Schools</p>');
    expect(html).toContain("<h1>Compensation study: current conditions</h1>");
    expect(renderHtmlReport(detailed(), { title: "Board packet, June 2013" })).toContain(
      "<h1>Board packet, June 2013</h1>",
    );
  });

  it("opens with the findings page: each exhibit's findings under its number, linked to it", () => {
    const html = renderHtmlReport(detailed());
    const page = html.slice(
      html.indexOf('<section class="findings-page"'),
      html.indexOf("</section>", html.indexOf('<section class="findings-page"')),
    );
    expect(html.indexOf('id="findings"')).toBeLessThan(html.indexOf('id="exhibit-pay-plan-summary"'));
    expect(page).toContain('<h3><a href="#exhibit-quartiles">Exhibit 3-4 — Quartile Analysis</a></h3>');
    expect(page).toContain(
      "<li>Most employees sit in the first quartile of their grade&#39;s range: 33.3 % (10 of 30).</li>",
    );
    // The findings of an exhibit left out say where it is.
    expect(page).toContain(
      'Exhibit 3-8 — Unmatched Employees <span class="where">(in the workbook (.xlsx) and the JSON)</span>',
    );
  });

  it("prints the findings under the exhibit they come from", () => {
    const html = renderHtmlReport(detailed());
    const section = html.slice(html.indexOf('id="exhibit-quartiles"'));
    expect(section.slice(0, section.indexOf("</section>"))).toContain(
      '<p class="findings"><strong>Findings.</strong> Most employees sit in the first quartile',
    );
  });

  it("leaves the per-person exhibits out by default and says where they are; detail puts them back", () => {
    const html = renderHtmlReport(detailed());
    expect(html).not.toContain('id="exhibit-unmatched-employees"');
    expect(html).toContain('<section class="working-file" id="working-file">');
    expect(html).toContain("<li>Exhibit 3-8 — Unmatched Employees: 7 rows</li>");
    const full = renderHtmlReport(detailed(), { detail: true });
    expect(full).toContain('id="exhibit-unmatched-employees"');
    expect(full).not.toContain('id="working-file"');
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
