/**
 * Builds the bundled sample (`npm run samples`): samples/portland-2013.xlsx (sheets "Pay Plans"
 * and "Roster"), samples/pay-plans.csv and samples/roster.csv, from the Portland 2013 pay plans
 * in samples/data/ and a generated roster whose head count per grade equals the study's
 * published Employees column. Seeded: the same files every time.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import Papa from "papaparse";
import { seededRandom } from "../src/engine/study/synthetic";
import { roundCents, roundHalfAwayFromZero } from "../src/engine/money";
import type { CellValue } from "../src/engine/cells";
import { SAMPLE_EXTENSIONS } from "./samples";
import type { PublishedGrade, SampleSheet } from "./samples/types";

export const SAMPLE_AS_OF = "2013-04-01";
const SAMPLE_DATE = new Date(Date.UTC(2013, 3, 1));

const TITLES: Record<string, { family: string; titles: string[] }[]> = {
  BASE: [
    { family: "Custodial", titles: ["Custodian", "Head Custodian", "Night Custodian"] },
    { family: "Food Service", titles: ["Food Service Worker", "Cook", "Kitchen Manager"] },
    { family: "Transportation", titles: ["Bus Driver", "Bus Monitor", "Mechanic"] },
    { family: "Clerical", titles: ["School Secretary", "Clerk Typist", "Attendance Clerk"] },
  ],
  Ed: [
    { family: "Instructional Support", titles: ["Ed Tech I", "Ed Tech II", "Ed Tech III", "Bilingual Facilitator"] },
  ],
  PEA: [
    {
      family: "Teaching",
      titles: [
        "Grade 1 Teacher",
        "Grade 4 Teacher",
        "Math Teacher",
        "Science Teacher",
        "English Teacher",
        "Special Ed Teacher",
        "Art Teacher",
        "Music Teacher",
        "Physical Ed Teacher",
        "ESL Teacher",
      ],
    },
    { family: "Student Services", titles: ["Guidance Counselor", "Librarian", "Speech Therapist", "Social Worker"] },
  ],
};

/**
 * The study presents BASE as three shift schedules and PEA as a 187-day and a 197-day
 * schedule, each with its own averages ("an average of 36 percent across the whole schedule"):
 * the sample keeps them as separate plans so the plan Total rows are the study's averages.
 */
export function studyPlanName(plan: string, grade: string): string {
  if (plan === "BASE") return `BASE Shift ${grade.slice(1, 2)}`;
  if (plan === "PEA") return grade.startsWith("TE") ? "PEA 187 Days" : "PEA 197 Days";
  return plan === "EDTECH" ? "Ed Tech" : plan;
}

/** Reads the published plans (the CSV's Step columns and Published Employees). */
export function readPublished(csvText: string): PublishedGrade[] {
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((row) => ({
    plan: studyPlanName(row.Plan, row.Grade),
    grade: row.Grade,
    steps: Object.keys(row)
      .filter((key) => /^Step \d+$/.test(key) && row[key] !== "")
      .map((key) => Number(row[key])),
    employees: Number(row["Published Employees"]),
  }));
}

function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** The generated roster: one row per employee, head counts per grade as published. */
export function makeRoster(grades: PublishedGrade[], seed = 2013): (string | number)[][] {
  const random = seededRandom(seed);
  const rows: (string | number)[][] = [];
  const asOfDay = Math.round(Date.parse(`${SAMPLE_AS_OF}T00:00:00Z`) / 86_400_000);
  let id = 1000;
  for (const grade of grades) {
    const hourly = grade.steps[grade.steps.length - 1] < 200;
    const families = TITLES[grade.plan.split(" ")[0]] ?? TITLES.BASE;
    const min = grade.steps[0];
    const max = grade.steps[grade.steps.length - 1];
    for (let e = 0; e < grade.employees; e++) {
      const draw = random();
      let salary: number;
      if (draw < 0.04)
        salary = min * (0.94 + random() * 0.05); // below the minimum (e.g. new hires under review)
      else if (draw > 0.97)
        salary = max * (1.01 + random() * 0.04); // red-circled
      else if (draw > 0.93)
        salary = (min + max) / 2; // exactly at the midpoint
      else salary = grade.steps[Math.floor(random() * grade.steps.length)];
      salary = hourly ? roundCents(salary) : roundHalfAwayFromZero(salary);
      const years = Math.floor(random() * 30);
      const hireDay = asOfDay - Math.floor(years * 365.25 + random() * 365);
      const family = families[Math.floor(random() * families.length)];
      const title = family.titles[Math.floor(random() * family.titles.length)];
      rows.push([`PPS${id++}`, grade.plan, grade.grade, salary, isoDay(hireDay), family.family, title]);
    }
  }
  return rows;
}

const ROSTER_HEADER = ["Employee ID", "Plan", "Grade", "Salary", "Hire Date", "Job Family", "Job Title"];

/**
 * The workbook's zip parts in the order Excel writes them: the workbook, shared strings and
 * styles before the worksheets. ExcelJS writes xl/workbook.xml last, and its streaming reader
 * (the CLI's) then intermittently loses it — "not a readable .xlsx workbook" (exceljs issue
 * 3064), one read in ten for a four-sheet workbook; in Excel's order, none in hundreds.
 */
export function excelPartOrder(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const rank = (name: string): number =>
    name.startsWith("xl/worksheets/") ? 2 : name === "xl/sharedStrings.xml" || name === "xl/styles.xml" ? 1 : 0;
  const names = Object.keys(parts).sort((a, b) => rank(a) - rank(b));
  return zipSync(Object.fromEntries(names.map((name) => [name, parts[name]])), { mtime: SAMPLE_DATE });
}

/** The workbook name that carries a study's as-of date (the pane takes it when the workbook has none saved). */
export const AS_OF_NAME = "COMP_AS_OF";

/**
 * The sample's as-of date as the workbook name COMP_AS_OF (=DATE(2013,4,1)): the pane opened on
 * the sample workbook studies it as of its own date, not today. ExcelJS writes names of ranges
 * only, so the name goes into xl/workbook.xml here.
 */
export function withStudyDate(xlsx: Uint8Array, asOf: string): Uint8Array {
  const parts = unzipSync(xlsx);
  const [year, month, day] = asOf.split("-").map(Number);
  const name = `<definedName name="${AS_OF_NAME}">DATE(${year},${month},${day})</definedName>`;
  const xml = new TextDecoder().decode(parts["xl/workbook.xml"]);
  const next = xml.includes("<definedNames>")
    ? xml.replace("<definedNames>", `<definedNames>${name}`)
    : xml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`);
  if (next === xml) throw new Error("make-samples: xl/workbook.xml has no <sheets> to put the as-of date after");
  parts["xl/workbook.xml"] = new TextEncoder().encode(next);
  return zipSync(parts, { mtime: SAMPLE_DATE });
}

/** Writes the sample workbook and CSVs into `outDir` (samples/). */
export async function makeSamples(outDir: string): Promise<{ grades: number; employees: number; sheets: string[] }> {
  const grades = readPublished(fs.readFileSync(path.join(outDir, "data", "portland-2013-pay-plans.csv"), "utf8"));
  const stepCount = Math.max(...grades.map((g) => g.steps.length));
  const planHeader = ["Plan", "Grade", ...Array.from({ length: stepCount }, (_, s) => `Step ${s + 1}`)];
  const planRows = grades.map((g) => [g.plan, g.grade, ...g.steps]);
  const roster: CellValue[][] = makeRoster(grades);
  const rosterHeader: CellValue[] = [...ROSTER_HEADER];
  // Each extension draws from its own seeded generator, so adding one never changes another's data.
  const contextFor = (index: number) => ({
    grades,
    roster: [rosterHeader, ...roster],
    asOf: SAMPLE_AS_OF,
    random: seededRandom(9000 + index),
  });
  SAMPLE_EXTENSIONS.forEach((extension, index) => {
    for (const column of extension.rosterColumns?.(contextFor(index)) ?? []) {
      rosterHeader.push(column.header);
      roster.forEach((row, r) => row.push(column.values[r] ?? null));
    }
  });
  SAMPLE_EXTENSIONS.forEach((extension, index) => {
    for (const extra of extension.rosterRows?.(contextFor(index)) ?? [])
      roster.push(rosterHeader.map((header) => extra[String(header)] ?? null));
  });
  const extraSheets: SampleSheet[] = SAMPLE_EXTENSIONS.flatMap(
    (extension, index) => extension.sheets?.(contextFor(index)) ?? [],
  );

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CompStudy samples";
  workbook.created = SAMPLE_DATE;
  workbook.modified = workbook.created;
  const plansSheet = workbook.addWorksheet("Pay Plans");
  plansSheet.addRows([planHeader, ...planRows]);
  plansSheet.getRow(1).font = { bold: true };
  plansSheet.columns.forEach((column, index) => {
    column.width = index < 2 ? 10 : 11;
    if (index >= 2) column.numFmt = "#,##0.00";
  });
  const rosterSheet = workbook.addWorksheet("Roster");
  rosterSheet.addRows([rosterHeader, ...roster]);
  rosterSheet.getRow(1).font = { bold: true };
  rosterHeader.forEach((header, index) => {
    rosterSheet.getColumn(index + 1).width =
      [12, 8, 8, 12, 12, 22, 24][index] ?? Math.max(12, String(header).length + 2);
  });
  for (const extra of extraSheets) {
    const sheet = workbook.addWorksheet(extra.name);
    // A note sits above the table with a blank row between: outside the table's range, so a
    // table made from the sheet (Excel's Format as Table, the pane's sample) starts at the header.
    if (extra.note !== undefined) {
      sheet.addRows([[extra.note], []]);
      sheet.getRow(1).font = { italic: true };
    }
    const header = sheet.rowCount + 1;
    sheet.addRows(extra.rows);
    sheet.getRow(header).font = { bold: true };
    extra.rows[0]?.forEach((cell, index) => {
      sheet.getColumn(index + 1).width = Math.max(10, String(cell ?? "").length + 2);
    });
    if (extra.csv) {
      const lines = extra.note === undefined ? extra.rows : [[extra.note], ...extra.rows];
      fs.writeFileSync(path.join(outDir, extra.csv), Papa.unparse(lines, { newline: "\n" }) + "\n");
    }
  }
  fs.writeFileSync(
    path.join(outDir, "portland-2013.xlsx"),
    withStudyDate(excelPartOrder(new Uint8Array(await workbook.xlsx.writeBuffer())), SAMPLE_AS_OF),
  );
  fs.writeFileSync(
    path.join(outDir, "pay-plans.csv"),
    Papa.unparse([planHeader, ...planRows], { newline: "\n" }) + "\n",
  );
  fs.writeFileSync(path.join(outDir, "roster.csv"), Papa.unparse([rosterHeader, ...roster], { newline: "\n" }) + "\n");
  return { grades: grades.length, employees: roster.length, sheets: extraSheets.map((sheet) => sheet.name) };
}

if (require.main === module) {
  // dist/node/scripts/make-samples.js → the repository's samples/
  const root = [path.resolve(__dirname, "..", "..", ".."), path.resolve(__dirname, "..")].find((dir) =>
    fs.existsSync(path.join(dir, "samples", "data")),
  );
  if (!root) {
    process.stderr.write("make-samples: samples/data not found\n");
    process.exit(2);
  }
  makeSamples(path.join(root, "samples")).then(
    ({ grades, employees, sheets }) =>
      process.stdout.write(
        `samples written: ${grades} grades, ${employees} employees${sheets.length ? `; sheets ${sheets.join(", ")}` : ""}\n`,
      ),
    (error: unknown) => {
      process.stderr.write(`make-samples: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
