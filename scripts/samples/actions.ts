/**
 * The personnel-actions sample (issue 10): the Portland PEA experience schedule as a Lane
 * Schedules sheet (published figures, samples/data), and made-up Candidates, Promotion Chart and
 * Title Changes sheets showing every action, every job type and the problems the placements
 * exhibit reports.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/engine/cells";
import { CANDIDATE_FIELDS } from "../../src/engine/study";
import type { SampleExtension } from "./types";

/** The name candidates use for the PEA lane schedule. */
export const PEA_LANES = "PEA Experience 197 Days";

/** samples/data, found by walking up from this file (it runs from dist/node/scripts/samples). */
function dataFolder(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const data = path.join(folder, "samples", "data");
    if (fs.existsSync(path.join(data, "portland-2013-pea-experience-197-days.csv"))) return data;
    if (path.dirname(folder) === folder)
      throw new Error("samples/data/portland-2013-pea-experience-197-days.csv not found");
  }
}

function laneSchedule(): CellValue[][] {
  const lines = fs
    .readFileSync(path.join(dataFolder(), "portland-2013-pea-experience-197-days.csv"), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
  const [header, ...rows] = lines;
  return [["Plan", ...header], ...rows.map((cells) => [PEA_LANES, ...cells.map(Number)])];
}

/** The Candidates header as the engine names its columns. */
const CANDIDATE_HEADER = CANDIDATE_FIELDS.map((spec) => spec.label);

// Made up: names, years and salaries invented to show each rule and each warning.
const CANDIDATES: CellValue[][] = [
  ["Ana Ruiz", "hire", "teacher", PEA_LANES, null, "Master's", 7, null, null, null, null, null],
  ["Ben Cole", "hire", "teacher", PEA_LANES, null, "Bachelor's", 35, null, null, null, null, null],
  ["Chloe Park", "hire", "nurse", PEA_LANES, null, "Bachelor's", 4, 14, null, null, null, null],
  ["Dev Shah", "hire", "speech therapist", PEA_LANES, null, "Master's +30", 2, 3, null, null, null, null],
  ["Uma Kent", "hire", "teacher", "PEA 197 Days", "TN3", null, 4, null, null, null, null, null],
  ["Eli Moss", "hire", "other", "BASE Shift 1", "B1-9", null, 6, null, null, null, null, null],
  ["Fay Lund", "hire", "other", "Ed Tech", "D11", null, 12, 2, null, null, null, 21.5],
  ["Gus Hale", "promotion", "other", "BASE Shift 1", "B1-12", null, 3, null, 15.2, null, 0.08, null],
  ["Hana Ito", "promotion", "other", "Ed Tech", "D9", null, 10, null, 14.67, null, 0.03, null],
  ["Ivan Roy", "promotion", "teacher", PEA_LANES, null, "Master's", 3, null, 45000, null, 0.05, null],
  ["June Poe", "promotion", "other", "BASE Shift 2", "B2-10", null, null, null, 15, null, null, null],
  ["Kai Wren", "rehire", "other", "BASE Shift 1", "B1-7", null, 9, null, 17.9, 4, null, null],
  ["Lea Voss", "rehire", "other", "Ed Tech", "D8", null, 2, null, 15, 9, null, null],
  ["Max Bell", "rehire", "teacher", PEA_LANES, null, "Doctorate", 12, null, 55000, 6, null, null],
  ["Nia Gray", "transfer", "other", "BASE Shift 3", "B3-6", null, null, null, 12.9, null, null, null],
  ["Omar Diaz", "transfer", "other", "Ed Tech", "D9", null, null, null, 17.26, null, null, null],
  ["Pia Ross", "hire", "other", "BASE Shift 1", "B1-99", null, 3, null, null, null, null, null],
  ["Quinn Fox", "hire", "teacher", PEA_LANES, null, "Master's", null, null, null, null, null, null],
  ["Rosa Lim", "demotion", "other", "BASE Shift 1", "B1-6", null, 2, null, 13.5, null, null, null],
  ["Sam Yu", "hire", "librarian", PEA_LANES, null, "Master's", 5, null, null, null, null, null],
  ["Tess Ng", "hire", "other", "BASE Shift 1", "B1-5", null, 2, null, null, null, null, 31000],
  // Issue 16's columns, by header: the grade-19 rule, internships, rehire dates and job codes, the
  // promotion chart, a change in months.
  ...[
    { Candidate: "Ugo Bay", Action: "hire", "Job Type": "custodian", Plan: "Ed Tech", Grade: "D9", Years: 6 },
    { Candidate: "Val Cruz", Action: "hire", "Job Type": "crafts", Plan: "BASE Shift 1", Grade: "B1-7", Years: 4 },
    {
      Candidate: "Wes Orr",
      Action: "hire",
      "Job Type": "speech therapist",
      Plan: PEA_LANES,
      Lane: "Master's",
      Years: 2,
      "Other Years": 4,
      "Internship Years": 3,
    },
    {
      Candidate: "Xia Long",
      Action: "rehire",
      "Job Type": "other",
      Plan: "Ed Tech",
      Grade: "D9",
      Years: 3,
      "Current Salary": 17.26,
      "Job Code": "ET-09",
      "Previous Job Code": "ET-09",
      "Separation Date": "2012-10-31",
      "Rehire Date": "2013-04-30",
    },
    {
      Candidate: "Yara Pike",
      Action: "rehire",
      "Job Type": "other",
      Plan: "Ed Tech",
      Grade: "D9",
      Years: 3,
      "Current Salary": 17.26,
      "Previous Grade": "D11",
      "Separation Date": "2012-12-15",
      "Rehire Date": "2013-03-01",
    },
    {
      Candidate: "Zane Ford",
      Action: "promotion",
      "Job Type": "other",
      Plan: "Ed Tech",
      Grade: "D11",
      Years: 1,
      "Current Salary": 16.22,
      "Previous Grade": "D9",
    },
    {
      Candidate: "Abe Munn",
      Action: "change in months",
      "Job Type": "teacher",
      Plan: "PEA 197 Days",
      Grade: "TN3",
      "Current Salary": 55795,
      "Current Days": 187,
      "New Days": 197,
    },
  ].map(byHeader),
];

/** A candidate row from its values by column name (the columns it leaves out are blank). */
function byHeader(values: Readonly<Record<string, CellValue>>): CellValue[] {
  return CANDIDATE_HEADER.map((label) => values[label] ?? null);
}

// Made up: the HISD manual's excerpt refers to its Promotion Policy chart without printing it.
const PROMOTION_CHART: CellValue[][] = [
  ["Grades Advanced", "Increase"],
  [1, "5%"],
  [2, "8%"],
  ["3+", "10%"],
];

// Made up, on titles of the sample roster (scripts/make-samples.ts); the last matches nobody.
const TITLE_CHANGES: CellValue[][] = [
  ["Mechanic", "Fleet Mechanic", null],
  ["School Secretary", "School Office Manager", "BASE Shift 1"],
  [" night custodian ", "Custodian (Nights)", null],
  ["Ed Tech I", "Educational Technician I", "Ed Tech"],
  ["Speech Therapist", "Speech-Language Pathologist", null],
  ["PLUMBING", "PLUMBING TEACHER", null],
];

export const ACTIONS_SAMPLE: SampleExtension = {
  label: "lane schedule (published), candidates, promotion chart and title changes (made up)",
  sheets: () => [
    {
      name: "Lane Schedules",
      rows: laneSchedule(),
      note: "PEA experience-based salary schedule, 197 days (Portland Public Schools 2013 study, exhibit 3D, as published)",
    },
    {
      name: "Candidates",
      rows: [CANDIDATE_HEADER, ...CANDIDATES],
      note: "Made-up candidates for the demo (not from the Portland study)",
    },
    {
      name: "Promotion Chart",
      rows: PROMOTION_CHART,
      note: "Made-up promotion chart for the demo (not the HISD chart)",
    },
    {
      name: "Title Changes",
      rows: [["Class Title", "Proposed Title", "Plan"], ...TITLE_CHANGES],
      note: "Made-up class-title changes for the demo (not from the Portland study)",
    },
  ],
};
