/**
 * The sample's supplemental pay (issue 22), all made up: a Stipends sheet (categories after the
 * HISD manual's stipend list — athletics, bilingual, career readiness, chairpersons and lead
 * teachers, co-curricular, coordinators, extra duty, special education — with invented codes and
 * amounts of every basis), a Stipend Assignments sheet (teachers coaching and advising, some for
 * one season only, bilingual staff, tutoring hours, extended days, and a few rows that show the
 * problems the exhibits list: a repeat, units on an annual stipend, an unknown code, a leaver, a
 * season after the fiscal year), a Longevity sheet (flat bands, then a percent of base pay), and
 * roster columns Rehire Date and Service Years for a few employees.
 */
import type { CellValue } from "../../src/engine/cells";
import type { SampleContext, SampleExtension } from "./types";

/** The note above each sheet's table (a blank row between, so a table made from it starts at its header). */
const NOTE = (what: string): string =>
  `MADE UP for the CompStudy sample — ${what}: not the HISD manual's or Portland's figures.`;

/** Code, Stipend, Amount, Basis, Category, Raises With Schedule (blank: the default). */
const STIPENDS: readonly CellValue[][] = [
  ["ATH-01", "Head Coach, Varsity", 4_500, "annual", "Athletics", "yes"],
  ["ATH-02", "Assistant Coach", 2_200, "annual", "Athletics", "yes"],
  ["ATH-03", "Athletic Trainer", 3_000, "annual", "Athletics", null],
  ["BIL-01", "Bilingual Certification", "3%", "percent", "Bilingual", null],
  ["CTE-01", "Career and Technical Education Lead", 1_800, "annual", "Career Readiness", null],
  ["CHR-01", "Department Chairperson", 1_500, "annual", "Chairperson, Lead Teacher", "yes"],
  ["CHR-02", "Lead Teacher", "2%", "percent", "Chairperson, Lead Teacher", null],
  ["COC-01", "Yearbook Advisor", 900, "annual", "Co-Curricular", null],
  ["COC-02", "Drama Director", 1_200, "annual", "Co-Curricular", null],
  ["CRD-01", "Site Coordinator", 150, "month", "Coordinators", null],
  ["SPE-01", "Special Education Case Manager", 1_000, "annual", "Special Education", null],
  ["XDT-01", "Tutoring (extra duty)", 25, "hour", "Extra Duty", null],
  ["XDT-02", "Extended Day", 180, "day", "Extra Duty", null],
  ["XDT-03", "Saturday School", 22.5, "hour", "Extra Duty", null],
];

/** Years of Service, Amount, Percent. */
const LONGEVITY: readonly CellValue[][] = [
  [5, 500, null],
  [10, 1_000, null],
  [15, 1_500, null],
  [20, null, "2%"],
  [25, null, "3%"],
];

/** The fiscal year of the sample's as-of date (2013-04-01): 2012-07-01 to 2013-06-30. */
const FALL = ["2012-08-15", "2012-11-30"] as const;
const SPRING = ["2013-03-01", "2013-06-15"] as const;

function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The column whose header starts with `name` ("Separation Date" finds "Separation Date (made up)"); -1 when none. */
function columnOf(header: readonly CellValue[], name: string): number {
  return header.findIndex((cell) => String(cell).startsWith(name));
}

/** The Stipend Assignments sheet, drawn from the roster (with the leavers the workforce sample adds). */
function assignmentSheet(context: SampleContext): CellValue[][] {
  const random = context.random;
  const [header, ...rows] = context.roster;
  const at = (name: string) => columnOf(header, name);
  const [idAt, planAt, titleAt, familyAt, separationAt] = [
    "Employee ID",
    "Plan",
    "Job Title",
    "Job Family",
    "Separation Date",
  ].map(at);
  const assignments: CellValue[][] = [["Employee ID", "Code", "Units", "Start Date", "End Date", "Note"]];
  const add = (
    row: readonly CellValue[],
    code: string,
    units: number | null,
    dates?: readonly [string, string],
    note = "",
  ) => {
    assignments.push([row[idAt], code, units, dates?.[0] ?? null, dates?.[1] ?? null, note || null]);
  };
  const active = rows.filter((row) => separationAt < 0 || row[separationAt] === null || row[separationAt] === "");
  const teachers = active.filter((row) => String(row[planAt]).startsWith("PEA"));
  const title = (row: readonly CellValue[]) => String(row[titleAt]);
  for (const row of teachers) {
    const job = title(row);
    if (job === "Physical Ed Teacher") {
      if (random() < 0.5) add(row, "ATH-01", null);
      else add(row, "ATH-02", null, random() < 0.5 ? FALL : SPRING, "one season");
    }
    if (job === "ESL Teacher" || (job === "Grade 1 Teacher" && random() < 0.2)) add(row, "BIL-01", null);
    if (job === "Special Ed Teacher" && random() < 0.6) add(row, "SPE-01", null);
    if (job === "Art Teacher" && random() < 0.3) add(row, "COC-01", null);
    if (job === "Music Teacher" && random() < 0.4) add(row, "COC-02", null);
    if (random() < 0.06) add(row, "CHR-01", null);
    if (random() < 0.04) add(row, "CHR-02", null);
    if (random() < 0.03) add(row, "CTE-01", null);
    if (random() < 0.12) add(row, "XDT-01", 10 + Math.floor(random() * 50));
    if (random() < 0.05) add(row, "XDT-02", 1 + Math.floor(random() * 10));
    if (random() < 0.05) add(row, "XDT-03", 12 + Math.floor(random() * 12), SPRING);
  }
  for (const row of active) {
    if (title(row) === "Bilingual Facilitator") add(row, "BIL-01", null);
    if (String(row[familyAt]) === "Student Services" && random() < 0.15) add(row, "CRD-01", 10);
    if (title(row) === "Guidance Counselor" && random() < 0.1) add(row, "ATH-03", null);
  }
  // The rows the problems exhibit lists (made up on purpose).
  const [first, second, third] = teachers.filter((row) => title(row) !== "Physical Ed Teacher");
  add(first, "ATH-02", null, FALL, "repeated on purpose");
  add(first, "ATH-02", null, FALL, "repeated on purpose: listed");
  add(second, "COC-01", 2, undefined, "units on an annual stipend: listed");
  add(third, "MUS-99", null, undefined, "unknown code: listed");
  add(third, "XDT-01", 20, ["2013-07-08", "2013-08-02"], "summer after the fiscal year: listed");
  const leaver = rows.find((row) => separationAt >= 0 && String(row[separationAt] ?? "") >= "2012-07-01");
  if (leaver) add(leaver, "ATH-02", null, FALL, "left during the year: listed");
  assignments.push(["PPS0001", "ATH-01", null, null, null, "not in the roster: listed"]);

  return assignments;
}

/** Roster columns Rehire Date (service restarts) and Service Years (credited elsewhere) for a few employees, made up. */
function serviceColumns(context: SampleContext): { header: string; values: CellValue[] }[] {
  const random = context.random;
  const [header, ...rows] = context.roster;
  const hireAt = columnOf(header, "Hire Date");
  const asOf = dayOf(context.asOf);
  const rehire: CellValue[] = [];
  const service: CellValue[] = [];
  for (const row of rows) {
    const hired = dayOf(String(row[hireAt]));
    const rehired = asOf - hired > 12 * 365 && random() < 0.015;
    rehire.push(rehired ? isoDay(hired + Math.floor((asOf - hired) * (0.4 + random() * 0.5))) : null);
    service.push(!rehired && random() < 0.01 ? Math.floor((asOf - hired) / 365.25) + 3 : null);
  }
  return [
    { header: "Rehire Date (made up)", values: rehire },
    { header: "Service Years (made up)", values: service },
  ];
}

export const SUPPLEMENTAL_SAMPLE: SampleExtension = {
  label: "stipends, stipend assignments and longevity (made up)",
  rosterColumns: serviceColumns,
  sheets: (context) => [
    {
      name: "Stipends",
      note: NOTE("codes and amounts invented, categories after the HISD manual's stipend list"),
      rows: [
        ["Code", "Stipend", "Amount", "Basis", "Category", "Raises With Schedule"],
        ...STIPENDS.map((row) => [...row]),
      ],
      csv: "stipends.csv",
    },
    {
      name: "Stipend Assignments",
      note: NOTE("stipend assignments invented to show every basis, proration and problem"),
      rows: assignmentSheet(context),
      csv: "stipend-assignments.csv",
    },
    {
      name: "Longevity",
      note: NOTE("longevity bands invented"),
      rows: [["Years of Service", "Amount", "Percent"], ...LONGEVITY.map((row) => [...row])],
      csv: "longevity.csv",
    },
  ],
};
