/**
 * The status quo, side by side (issue 8, §8): what an analyst without CompStudy does — the
 * roster and the pay plans in one spreadsheet, each employee's range found with INDEX/MATCH,
 * the quartile by formula, and per grade the counts of the grade-placement, midpoint and
 * quartile exhibits by COUNTIFS — recalculated by LibreOffice (headless) from a file holding
 * formulas only (no cached values), against CompStudy's whole run (CSV → .xlsx + JSON) on the
 * same roster, in the same bench run. CompStudy must be at least 15× faster. The counts the
 * spreadsheet computes are checked against CompStudy's JSON, so both did the same work (and
 * CompStudy more: all eight exhibits). Skipped with a message where soffice is missing.
 *
 * Run: npm run bench -- status-quo
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import type { JsonStudy } from "../src/exhibits/json";
import { generateStudyInput } from "../src/engine/study";
import { exhibitsArgs } from "./cli";
import { CLI, median, processFigures, repeatRuns, round, timeNode, writeCsv } from "./lib";

const EMPLOYEES = 100_000;
/** Half a cent: CompStudy's tolerance at every range boundary (src/engine/money.ts), here in the formulas too. */
const HALF_CENT = 0.005;

function findSoffice(): string | undefined {
  for (const candidate of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"])
    if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function textCell(text: string): string {
  return `<table:table-cell office:value-type="string"><text:p>${escapeXml(text)}</text:p></table:table-cell>`;
}
function numberCell(value: number): string {
  return `<table:table-cell office:value-type="float" office:value="${value}"/>`;
}
/** A formula cell without a cached value: LibreOffice must compute it. */
function formulaCell(formula: string): string {
  return `<table:table-cell table:formula="${escapeXml(`of:=${formula}`)}"/>`;
}
const row = (cells: string[]): string => `<table:table-row>${cells.join("")}</table:table-row>`;

/**
 * The status-quo workbook as a flat ODF spreadsheet (.fods): Summary (per grade: Employees,
 * At or Below Minimum, At or Above Maximum, Below Midpoint, Q1–Q4, all COUNTIFS over the
 * roster), Roster (data + Min, Max by INDEX/MATCH on a Plan|Grade key, Quartile by formula)
 * and Plans (steps; Key, Min = first step, Max = last filled step, Mid).
 */
function writeStatusQuoWorkbook(file: string, plansTable: unknown[][], rosterTable: unknown[][]): void {
  const fd = fs.openSync(file, "w");
  const write = (text: string) => fs.writeSync(fd, text);
  const grades = plansTable.slice(1);
  const steps = plansTable[0].length - 2;
  const lastStep = String.fromCharCode(66 + steps); // Steps in C … (B + steps)
  const n = rosterTable.length; // rows including the header
  const plansRows = grades.length + 1;
  const range = (column: string) => `[$Roster.$${column}$2:.$${column}$${n}]`;
  const plansRange = (column: string) => `[$Plans.$${column}$2:.$${column}$${plansRows}]`;
  const key = String.fromCharCode(67 + steps); // after the steps: Key, Min, Max, Mid
  const [minColumn, maxColumn, midColumn] = [1, 2, 3].map((offset) => String.fromCharCode(67 + steps + offset));
  const lookup = (column: string, r: number) =>
    `INDEX(${plansRange(column)};MATCH([.B${r}]&"|"&[.C${r}];${plansRange(key)};0))`;
  try {
    write(
      '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">' +
        '<office:body><office:spreadsheet><table:calculation-settings table:search-criteria-must-apply-to-whole-cell="true" table:use-wildcards="false" table:use-regular-expressions="false"/>',
    );
    // Summary first: the sheet a CSV export shows, and it depends on every roster formula.
    write('<table:table table:name="Summary">');
    write(
      row(
        [
          "Plan",
          "Grade",
          "Employees",
          "At or Below Minimum",
          "At or Above Maximum",
          "Below Midpoint",
          "Q1",
          "Q2",
          "Q3",
          "Q4",
        ].map(textCell),
      ),
    );
    grades.forEach((grade, index) => {
      const r = index + 2;
      const plans = `${range("B")};[.A${r}];${range("C")};[.B${r}]`;
      const bound = (column: string) =>
        `INDEX(${plansRange(column)};MATCH([.A${r}]&"|"&[.B${r}];${plansRange(key)};0))`;
      write(
        row([
          textCell(String(grade[0])),
          textCell(String(grade[1])),
          formulaCell(`COUNTIFS(${plans})`),
          formulaCell(`COUNTIFS(${plans};${range("D")};"<="&(${bound(minColumn)}+${HALF_CENT}))`),
          formulaCell(`COUNTIFS(${plans};${range("D")};">="&(${bound(maxColumn)}-${HALF_CENT}))`),
          formulaCell(`COUNTIFS(${plans};${range("D")};"<"&(${bound(midColumn)}-${HALF_CENT}))`),
          ...[1, 2, 3, 4].map((q) => formulaCell(`COUNTIFS(${plans};${range("H")};${q})`)),
        ]),
      );
    });
    write("</table:table>");

    write('<table:table table:name="Roster">');
    write(row(["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Min", "Max", "Quartile"].map(textCell)));
    for (let index = 1; index < n; index++) {
      const [id, plan, grade, salary, hired] = rosterTable[index] as [string, string, string, number, string];
      const r = index + 1;
      const at = (q: number) => `[.F${r}]+${q}*([.G${r}]-[.F${r}])-${HALF_CENT}`;
      write(
        row([
          textCell(id),
          textCell(plan),
          textCell(grade),
          numberCell(salary),
          textCell(hired),
          formulaCell(lookup(minColumn, r)),
          formulaCell(lookup(maxColumn, r)),
          // CompStudy's QUARTILE_PLACE: below the minimum counts in Q1, above the maximum in Q4.
          formulaCell(`IF([.D${r}]>=${at(0.75)};4;IF([.D${r}]>=${at(0.5)};3;IF([.D${r}]>=${at(0.25)};2;1)))`),
        ]),
      );
    }
    write("</table:table>");

    write('<table:table table:name="Plans">');
    write(row([...(plansTable[0] as string[]).map(textCell), ...["Key", "Min", "Max", "Mid"].map(textCell)]));
    grades.forEach((grade, index) => {
      const r = index + 2;
      write(
        row([
          textCell(String(grade[0])),
          textCell(String(grade[1])),
          ...(grade.slice(2) as number[]).map(numberCell),
          formulaCell(`[.A${r}]&"|"&[.B${r}]`),
          formulaCell(`[.C${r}]`),
          formulaCell(`INDEX([.C${r}:.${lastStep}${r}];COUNT([.C${r}:.${lastStep}${r}]))`),
          formulaCell(`([.${minColumn}${r}]+[.${maxColumn}${r}])/2`),
        ]),
      );
    });
    write("</table:table></office:spreadsheet></office:body></office:document>\n");
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens `file` in LibreOffice headless, recalculates and exports the first sheet as CSV; timed. */
function recalculate(soffice: string, file: string, outdir: string, profile: string): { ms: number; csv: string } {
  const start = performance.now();
  const run = spawnSync(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "csv",
      "--outdir",
      outdir,
      file,
    ],
    { encoding: "utf8", timeout: 600_000 },
  );
  const ms = performance.now() - start;
  const csvFile = path.join(outdir, `${path.basename(file, path.extname(file))}.csv`);
  if (run.status !== 0 || !fs.existsSync(csvFile)) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
  const csv = fs.readFileSync(csvFile, "utf8");
  fs.rmSync(csvFile);
  return { ms, csv };
}

/** Differences between the spreadsheet's counts and CompStudy's exhibits (empty when they agree). */
function compareCounts(csv: string, json: JsonStudy): string[] {
  const rows = Papa.parse<string[]>(csv.trim()).data.slice(1);
  const exhibit = (id: string) => json.exhibits.find((candidate) => candidate.id === id);
  const find = (id: string, plan: string, grade: string) =>
    exhibit(id)?.rows.find((candidate) => candidate.Plan === plan && candidate.Grade === grade);
  const problems: string[] = [];
  for (const [plan, grade, ...counts] of rows) {
    const [employees, atOrBelowMin, atOrAboveMax, belowMid, q1, q2, q3, q4] = counts.map(Number);
    if (employees === 0) continue; // CompStudy leaves grades without employees out.
    const placement = find("grade-placement", plan, grade);
    const midpoint = find("midpoint", plan, grade);
    const quartiles = find("quartiles", plan, grade);
    const expected: [string, unknown, number][] = [
      ["Employees", placement?.Employees, employees],
      ["At or Below Minimum", placement?.["At or Below Minimum"], atOrBelowMin],
      ["At or Above Maximum", placement?.["At or Above Maximum"], atOrAboveMax],
      ["Below Midpoint", midpoint?.["Below Midpoint"], belowMid],
      ["Q1", quartiles?.Q1, q1],
      ["Q2", quartiles?.Q2, q2],
      ["Q3", quartiles?.Q3, q3],
      ["Q4", quartiles?.Q4, q4],
    ];
    for (const [name, compstudy, spreadsheet] of expected)
      if (compstudy !== spreadsheet)
        problems.push(`${plan} ${grade} ${name}: CompStudy ${compstudy}, spreadsheet ${spreadsheet}`);
  }
  if (rows.length === 0) problems.push("the spreadsheet's summary is empty");
  return problems;
}

export async function benchStatusQuo(): Promise<Record<string, unknown>> {
  const soffice = findSoffice();
  if (!soffice) return { skipped: "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc" };
  if (!fs.existsSync(CLI)) return { skipped: "run `npm run build:cli` first" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compstudy-status-quo-"));
  try {
    const input = generateStudyInput({ employees: EMPLOYEES, grades: 80, seed: 7 });
    writeCsv(path.join(dir, "plans.csv"), input.plansTable);
    writeCsv(path.join(dir, "roster.csv"), input.rosterTable);
    const workbook = path.join(dir, "status-quo.fods");
    writeStatusQuoWorkbook(workbook, input.plansTable, input.rosterTable);
    const tiny = path.join(dir, "tiny.fods");
    writeStatusQuoWorkbook(tiny, input.plansTable.slice(0, 2), input.rosterTable.slice(0, 2));
    const profile = path.join(dir, "lo-profile");

    // The first start of a LibreOffice profile sets it up: not part of anyone's working day.
    recalculate(soffice, tiny, dir, profile);
    const startOnly = [0, 1, 2].map(() => recalculate(soffice, tiny, dir, profile).ms);
    const spreadsheet = [0, 1, 2].map(() => recalculate(soffice, workbook, dir, profile));
    const compstudy = repeatRuns(5, () => timeNode(exhibitsArgs(dir, "plans.csv", "roster.csv", "exhibits")));

    const json = JSON.parse(fs.readFileSync(path.join(dir, "exhibits.json"), "utf8")) as JsonStudy;
    const problems = compareCounts(spreadsheet[0].csv, json);
    if (problems.length) throw new Error(`the spreadsheet and CompStudy disagree: ${problems.slice(0, 5).join("; ")}`);

    const spreadsheetMs = round(median(spreadsheet.map((run) => run.ms)));
    const compstudyFigures = processFigures(compstudy);
    const speedup = round(spreadsheetMs / compstudyFigures.medianMs);
    return {
      employees: EMPLOYEES,
      loadAverage: os.loadavg().map(round),
      libreOfficeRecalculation: {
        what: "open a .fods of formulas only (INDEX/MATCH per employee, COUNTIFS per grade), recalculate, export the summary",
        medianMs: spreadsheetMs,
        runsMs: spreadsheet.map((run) => round(run.ms)),
        startAndTinyFileMedianMs: round(median(startOnly)),
        countsAgreeWithCompStudy: true,
      },
      compstudy: { what: "compstudy exhibits: CSV → .xlsx + JSON, all eight exhibits", ...compstudyFigures },
      speedup,
      targetSpeedup: 15,
      meetsTarget: speedup >= 15,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchStatusQuo().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
