/**
 * The demo's study as a board reads it (issue 23): the workbook holds native charts (chart parts
 * referenced from drawing parts, with their relationships and content types) and a findings page
 * first; the report draws the same charts as SVG and leaves the per-person exhibits out unless
 * asked; and no output — .xlsx, HTML, JSON notes, the sheets the pane inserts — says a command-line
 * flag or gives a cell address as a source. Skipped until `npm run samples` has made the sample.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { DEMO_AS_OF, DEMO_ORGANIZATION, demoArguments, projectRoot, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { readWorkbookSheets } from "../../src/cli/readers";
import { INPUTS, runStudy } from "../../src/engine/study";
import type { Source } from "../../src/excel/gateway";
import { sourceWords } from "../../src/taskpane/study";
import { layoutExhibit } from "../../src/exhibits/layout";
import type { JsonStudy } from "../../src/exhibits/json";
import { xlsxXmlProblems } from "../exhibits/ooxml";
import { run, tempFolder } from "./helpers";

const sample = path.join(projectRoot(__dirname), SAMPLE_WORKBOOK);
const available = fs.existsSync(sample);
if (!available) console.warn("skipped: the board-packet test needs samples/portland-2013.xlsx (npm run samples)");

/** A command-line flag in running text: two hyphens and a letter. */
const FLAG = /--[A-Za-z]/;
/** A cell address as a source: a workbook in brackets, a sheet's range (Roster!A1:H9), a lone range (A1:M44). */
const ADDRESS = /\[[^\]]+\.xls[xm]\]|!\$?[A-Z]{1,3}\$?\d+|\b[A-Z]{1,3}\d+:[A-Z]{1,3}\d+\b/;

/** Every text a reader sees in a package part: cell strings, chart titles and labels, headers and footers. */
function packageTexts(parts: Record<string, string>): { part: string; text: string }[] {
  const texts: { part: string; text: string }[] = [];
  for (const [part, xml] of Object.entries(parts)) {
    if (!/^xl\/(sharedStrings|worksheets\/sheet\d+|charts\/chart\d+|drawings\/drawing\d+)\.xml$/.test(part)) continue;
    for (const [, text] of xml.matchAll(/<(?:t|a:t|c:v)(?: [^>]*)?>([^<]*)</g)) texts.push({ part, text });
    for (const [, text] of xml.matchAll(/<odd(?:Header|Footer)>([^<]*)</g)) texts.push({ part, text });
    for (const [, text] of xml.matchAll(/ (?:descr|title)="([^"]*)"/g)) texts.push({ part, text });
  }
  return texts;
}

(available ? describe : describe.skip)("the demo's study as a board packet", () => {
  let folder: string;
  let parts: Record<string, string>;
  let bytes: Buffer;
  let json: JsonStudy;
  let html: string;

  beforeAll(async () => {
    folder = tempFolder("compstudy-board-");
    const result = await run(
      demoArguments(sample, ["--out", "study.xlsx", "--json", "study.json", "--html", "report.html", "--quiet"]),
      folder,
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    bytes = fs.readFileSync(path.join(folder, "study.xlsx"));
    parts = Object.fromEntries(
      Object.entries(unzipSync(bytes))
        .filter(([name]) => /\.(xml|rels)$/.test(name))
        .map(([name, data]) => [name, strFromU8(data)]),
    );
    json = JSON.parse(fs.readFileSync(path.join(folder, "study.json"), "utf8")) as JsonStudy;
    html = fs.readFileSync(path.join(folder, "report.html"), "utf8");
  }, 120_000);

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  describe("the workbook", () => {
    const charts = () => Object.keys(parts).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));

    it("is a valid package that ExcelJS reads, the findings page first", async () => {
      expect(xlsxXmlProblems(bytes)).toEqual([]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets[0].name).toBe("Findings");
      expect(workbook.worksheets).toHaveLength(json.exhibits.length + 1);
    }, 60_000);

    it("holds at least 8 native charts, each referenced from a drawing with its relationship and content type", () => {
      expect(charts().length).toBeGreaterThanOrEqual(8);
      const types = parts["[Content_Types].xml"];
      const referenced: string[] = [];
      for (const [name, rels] of Object.entries(parts)) {
        const drawing = /^xl\/drawings\/_rels\/(drawing\d+\.xml)\.rels$/.exec(name)?.[1];
        if (!drawing) continue;
        expect(types).toContain(
          `<Override PartName="/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
        );
        const drawingXml = parts[`xl/drawings/${drawing}`];
        for (const [, id, target] of rels.matchAll(
          /Id="(rId\d+)" Type="[^"]*\/chart" Target="\.\.\/charts\/(chart\d+\.xml)"/g,
        )) {
          expect(drawingXml).toContain(`r:id="${id}"`);
          referenced.push(`xl/charts/${target}`);
        }
      }
      expect(referenced.sort()).toEqual(charts().sort());
      for (const chart of charts())
        expect(types).toContain(
          `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
        );
      // Each sheet with a drawing says so, by the id its relationships give the drawing.
      for (const [name, rels] of Object.entries(parts)) {
        const sheet = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(name)?.[1];
        const id = /Id="(rId\d+)" Type="[^"]*\/drawing"/.exec(rels)?.[1];
        if (sheet && id) expect(parts[`xl/worksheets/${sheet}`]).toContain(`<drawing r:id="${id}"/>`);
      }
    });

    it("draws each chart from cells of its sheet, with those cells' values cached", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      for (const chart of charts()) {
        const xml = parts[chart];
        const [, sheet, column, first] = /<c:val><c:numRef><c:f>'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):/.exec(
          xml.replace(/&apos;/g, "'"),
        )!;
        const cached = /<c:val><c:numRef>.*?<c:pt idx="(\d+)"><c:v>([^<]+)<\/c:v>/.exec(xml)!;
        const cell = workbook
          .getWorksheet(sheet.replace(/''/g, "'"))!
          .getCell(`${column}${Number(first) + Number(cached[1])}`);
        expect(cell.value).toBeCloseTo(Number(cached[2]), 12);
      }
    }, 60_000);

    it("formats every number by its meaning; a suppression mark sits right like the numbers around it", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      /** The number formats and alignments of a column of an exhibit's table, by its header. */
      const column = (sheetName: string, header: string) => {
        const sheet = workbook.getWorksheet(sheetName)!;
        let at: { row: number; col: number } | undefined;
        sheet.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            if (at === undefined && cell.value === header) at = { row: r, col: c };
          }),
        );
        const cells: ExcelJS.Cell[] = [];
        // Down to the blank row under the table (its first column is never empty).
        for (let r = at!.row + 1; r <= sheet.rowCount; r++) {
          const first = sheet.getRow(r).getCell(1).value;
          if (first === null || first === undefined) break;
          cells.push(sheet.getRow(r).getCell(at!.col));
        }
        return cells;
      };
      const formats = (cells: ExcelJS.Cell[]) => [
        ...new Set(cells.filter((cell) => typeof cell.value === "number").map((cell) => cell.numFmt)),
      ];
      // An index to two decimals, shares to one, years with their unit, counts with separators, money by precision.
      expect(formats(column("7-1 Workforce Composition", "Representation Index"))).toEqual(["0.00"]);
      expect(formats(column("7-1 Workforce Composition", "Share"))).toEqual(["0.0%"]);
      expect(formats(column("3-6 Tenure", "Average Tenure"))).toEqual(['0.0" years"']);
      expect(formats(column("3-2 Grade Placement", "Employees"))).toEqual(["#,##0"]);
      expect(formats(column("3-1 Pay Plan Summary", "Minimum")).sort()).toEqual(["$#,##0", "$#,##0.00"]);
      // The marks of small groups (<5) and of cells hidden to protect them, right-aligned in their number columns.
      const marks = column("7-1 Workforce Composition", "Employees").filter((cell) => typeof cell.value === "string");
      expect(new Set(marks.map((cell) => cell.value))).toEqual(new Set(["<5", "hidden"]));
      for (const cell of marks) expect(cell.alignment?.horizontal).toBe("right");
    }, 60_000);

    it("draws the kinds the exhibits declare: quartiles as 100 % stacked bars, pay gaps with their intervals", () => {
      const all = charts().map((name) => parts[name]);
      expect(all.filter((xml) => xml.includes('<c:grouping val="percentStacked"/>')).length).toBeGreaterThanOrEqual(6);
      const gaps = all.filter((xml) => xml.includes("<c:errBars>"));
      expect(gaps.length).toBe(2);
      for (const xml of gaps) expect(xml).toMatch(/<c:plus><c:numRef><c:f>[^<]+<\/c:f>/);
    });
  });

  describe("the report", () => {
    it("draws the workbook's charts as SVG, each with its title", () => {
      // Both escaped for their markup: compared as the text they stand for.
      const unescape = (text: string) =>
        text
          .replace(/&apos;|&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&");
      const titles = (text: string, pattern: RegExp) =>
        [...text.matchAll(pattern)].map((match) => unescape(match[1])).sort();
      const inWorkbook = Object.entries(parts)
        .filter(([name]) => /^xl\/drawings\/drawing\d+\.xml$/.test(name))
        .flatMap(([, xml]) => titles(xml, /<xdr:cNvPr [^>]*title="([^"]*)"/g));
      const inReport = titles(html, /<svg class="chart"[^>]*>\n<title id="[^"]*">([^<]*)<\/title>/g);
      expect(inReport).toEqual(inWorkbook.sort());
      expect(inReport.length).toBeGreaterThanOrEqual(8);
    });

    it("leaves the per-person exhibits out, says where they are, and puts them back with --report-detail", async () => {
      const detail = [
        "unmatched-employees",
        "pay-vs-schedule",
        "placements",
        "implementation-detail",
        "position-problems",
      ];
      for (const id of detail) expect(html).not.toContain(`id="exhibit-${id}"`);
      expect(html).toContain("<li>Exhibit 6-3 — Implementation Detail: 1,176 rows</li>");
      const full = await run(
        ["exhibits", "--workbook", sample, "--as-of", DEMO_AS_OF, "--html", "full.html", "--report-detail", "--quiet"],
        folder,
      );
      expect(full.code).toBe(0);
      const page = fs.readFileSync(path.join(folder, "full.html"), "utf8");
      for (const id of ["unmatched-employees", "placements"]) expect(page).toContain(`id="exhibit-${id}"`);
      expect(page).not.toContain('id="working-file"');
    });

    it("is titled by the organisation and by what the study holds; --title names it otherwise", async () => {
      expect(html).toContain(`<p class="organization">${DEMO_ORGANIZATION}</p>`);
      expect(html).toContain("<h1>Compensation study: current conditions, personnel actions, market comparison");
      const titled = await run(
        [
          "exhibits",
          "--workbook",
          sample,
          "--as-of",
          DEMO_AS_OF,
          "--title",
          "Board packet, June 2013",
          "--json",
          "t.json",
          "--quiet",
        ],
        folder,
      );
      expect(titled.code).toBe(0);
      expect(JSON.parse(fs.readFileSync(path.join(folder, "t.json"), "utf8")).title).toBe("Board packet, June 2013");
    });
  });

  describe("words, not codes", () => {
    it("the workbook: no flag and no cell address in any text a reader sees", () => {
      const texts = packageTexts(parts);
      expect(texts.length).toBeGreaterThan(1000);
      expect(texts.filter(({ text }) => FLAG.test(text))).toEqual([]);
      expect(texts.filter(({ text }) => ADDRESS.test(text))).toEqual([]);
    });

    it("the report: none in its text", () => {
      const text = html.replace(/<style>[^]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
      expect(text.match(FLAG)).toBeNull();
      expect(text.match(ADDRESS)).toBeNull();
    });

    it("the JSON: none in its title, notes, descriptions, findings or summary notes", () => {
      const texts = [
        json.title,
        ...json.summary.notes,
        ...json.exhibits.flatMap((exhibit) => [
          exhibit.description ?? "",
          ...(exhibit.notes ?? []),
          ...(exhibit.findings ?? []),
        ]),
      ];
      expect(texts.filter((text) => FLAG.test(text) || ADDRESS.test(text))).toEqual([]);
    });

    it("the sheets the pane inserts: none in any cell of their layout", async () => {
      // The pane reads the same tables (Excel tables, named in words by the pane) and lays each
      // exhibit out as the workbook does.
      const read = await readWorkbookSheets(
        sample,
        INPUTS.map((spec, index) => (index < 2 ? spec.sheets[0] : { names: spec.sheets, optional: true })),
      );
      const tables = Object.fromEntries(
        INPUTS.flatMap((spec, index) => {
          const table = read[index];
          if (!table) return [];
          const name = spec.label.replace(/\s+/g, "");
          const source: Source = { kind: "table", name, address: `'${table.sheet}'!A1:Z${table.rows.length}` };
          return [[spec.id, { rows: table.rows, source: source.address, where: sourceWords(source) }]];
        }),
      );
      const result = runStudy({
        asOf: DEMO_AS_OF,
        tables,
        options: { adjust: "3%", organization: DEMO_ORGANIZATION },
      });
      const cells = result.exhibits.flatMap((exhibit) =>
        layoutExhibit(exhibit, { study: result }).blocks.flatMap((block) =>
          block.values.flat().filter((value): value is string => typeof value === "string"),
        ),
      );
      expect(cells.length).toBeGreaterThan(1000);
      expect(cells.filter((text) => FLAG.test(text) || ADDRESS.test(text))).toEqual([]);
      expect(result.exhibits[0].source).toBe(
        "Source: CompStudy analysis of Pay Plans (table PayPlans, 43 grades) and Roster (table Roster, 1,219 rows), as of April 1, 2013.",
      );
    });
  });
});
