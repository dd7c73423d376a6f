/**
 * The sample's workforce data (issue 11), all made up except two reference shares: roster
 * columns Gender, Ethnicity, FTE (some part-time), Department, Position ID, Separation Date and
 * Separation Reason; employees who left before the as-of date (extra roster rows, so the
 * published head counts stay those of the active employees); a Positions sheet (budgeted
 * positions, some vacant, some priced at the midpoint, a few filled past their FTE) and a
 * Reference sheet (the student population: 58 % Hispanic or Latino and 10.5 % African American
 * are the Pasadena USD HR plan's figures, the rest made up). Women are placed a little lower in
 * their grades' ranges than men: a small planted pay gap for the pay-equity exhibits.
 */
import type { CellValue } from "../../src/engine/cells";
import type { PublishedGrade, SampleContext, SampleExtension } from "./types";

const MADE_UP = "made up";
/** Roster headers of the added columns, each marked made up (a trailing "(…)" is read as a hint). */
const H = {
  gender: "Gender (made up)",
  ethnicity: "Ethnicity (made up)",
  fte: "FTE (made up)",
  department: "Department (made up)",
  position: "Position ID (made up)",
  separation: "Separation Date (made up)",
  reason: "Separation Reason (made up)",
} as const;
const PASADENA = "Pasadena USD HR department plan 2022–23 (students)";

/** Share of women by job family (made up). */
const WOMEN: Record<string, number> = {
  Custodial: 0.3,
  "Food Service": 0.8,
  Transportation: 0.45,
  Clerical: 0.9,
  "Instructional Support": 0.8,
  Teaching: 0.72,
  "Student Services": 0.8,
};

/** How much more likely a woman is at the bottom of a range than at the top: the planted gap. */
const GAP_TILT = 0.2;

/** Staff ethnicity (made up), cumulative draw; recent hires are drawn from the second list. */
const STAFF_ETHNICITY: readonly [string, number][] = [
  ["White", 0.64],
  ["Hispanic or Latino", 0.13],
  ["Black or African American", 0.11],
  ["Asian", 0.06],
  ["Two or More Races", 0.04],
  ["American Indian or Alaska Native", 0.01],
  ["", 0.01],
];
const RECENT_ETHNICITY: readonly [string, number][] = [
  ["White", 0.45],
  ["Hispanic or Latino", 0.25],
  ["Black or African American", 0.17],
  ["Asian", 0.07],
  ["Two or More Races", 0.05],
  ["American Indian or Alaska Native", 0.01],
];

/** The student population the workforce is compared with. */
const REFERENCE: readonly [string, string, number, string][] = [
  ["Gender", "Female", 0.49, MADE_UP],
  ["Gender", "Male", 0.51, MADE_UP],
  ["Ethnicity", "Hispanic or Latino", 0.58, PASADENA],
  ["Ethnicity", "Black or African American", 0.105, PASADENA],
  ["Ethnicity", "White", 0.17, MADE_UP],
  ["Ethnicity", "Asian", 0.06, MADE_UP],
  ["Ethnicity", "Two or More Races", 0.07, MADE_UP],
  ["Ethnicity", "American Indian or Alaska Native", 0.005, MADE_UP],
  ["Ethnicity", "Native Hawaiian or Pacific Islander", 0.01, MADE_UP],
];

const SCHOOLS = [
  "Portland High School",
  "Deering High School",
  "Casco Bay High School",
  "King Middle School",
  "Lincoln Middle School",
  "Lyman Moore Middle School",
  "Longfellow Elementary",
  "Reiche Elementary",
];

/** Department by job family (made up): central departments for the support families, else a school. */
const CENTRAL: Record<string, string[]> = {
  Custodial: ["Facilities"],
  "Food Service": ["Food Services"],
  Transportation: ["Transportation"],
  Clerical: ["Central Office"],
};

/** Reasons for leaving (after the Pasadena plan's: closer to home, housing costs …), with made-up weights. */
const REASONS: readonly [string, number][] = [
  ["Moved out of the area", 9],
  ["Retirement", 7],
  ["Housing costs", 5],
  ["Another district", 4],
  ["Personal reasons", 3],
  ["Non-reelect", 2],
  ["Dissatisfaction", 1],
];

type Person = {
  gender: string;
  ethnicity: string;
  fte: number;
  department: string;
  positionId: string;
};

type Plan = {
  people: Person[];
  leavers: Record<string, CellValue>[];
  positions: CellValue[][];
};

const cache = new WeakMap<readonly PublishedGrade[], Plan>();

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function draw(random: () => number, weights: readonly [string, number][]): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [value, weight] of weights) {
    at -= weight;
    if (at < 0) return value;
  }
  return weights[weights.length - 1][0];
}

function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** A full-time annual figure for a grade's pay (hourly plans × 2,080). */
function annual(grade: PublishedGrade, pay: number): number {
  return grade.steps[grade.steps.length - 1] < 200 ? pay * 2080 : pay;
}

/** Everything the extension adds, drawn once from the generated roster (its first seven columns). */
function planFor(context: SampleContext): Plan {
  const cached = cache.get(context.grades);
  if (cached !== undefined) return cached;
  const random = context.random;
  const [header, ...rows] = context.roster;
  const at = (name: string) => header.indexOf(name);
  const [planAt, gradeAt, salaryAt, hireAt, familyAt, titleAt] = [
    "Plan",
    "Grade",
    "Salary",
    "Hire Date",
    "Job Family",
    "Job Title",
  ].map(at);
  const gradeOf = new Map(context.grades.map((grade) => [`${grade.plan}|${grade.grade}`, grade]));
  const recent = dayOf("2010-07-01");
  const people: Person[] = [];
  const positions: CellValue[][] = [
    ["Position ID", "Department", "Plan", "Grade", "Budgeted FTE", "Budgeted Salary", "Note"],
  ];
  let next = 1;
  const newPosition = (): string => `P-${String(next++).padStart(4, "0")}`;
  const budget = (grade: PublishedGrade, fte: number, department: string, note = MADE_UP): string => {
    const id = newPosition();
    const mid = (grade.steps[0] + grade.steps[grade.steps.length - 1]) / 2;
    // Most positions carry a budgeted salary near the midpoint; one in five is left to be priced at it.
    const salary = random() < 0.2 ? null : Math.round(annual(grade, mid) * (0.96 + random() * 0.08));
    positions.push([id, department, grade.plan, grade.grade, fte, salary, note]);
    return id;
  };

  // Position problems (made up), by roster position: a few employees without a position, two on
  // a position that is not budgeted, two pairs of full-time employees sharing one full-time
  // position (filled past its FTE), and two half-time employees sharing one (filled exactly).
  const noPosition = new Set([17, 230, 481, 702, 955, 1100]);
  const notBudgeted = new Set([64, 812]);
  const sharing = new Map<number, { with: number; fte: number; budgeted: number }>([
    [6, { with: 5, fte: 1, budgeted: 1 }],
    [401, { with: 400, fte: 1, budgeted: 1 }],
    [601, { with: 600, fte: 0.5, budgeted: 1 }],
  ]);
  const firsts = new Map([...sharing.values()].map((pair) => [pair.with, pair]));
  rows.forEach((row, index) => {
    const family = String(row[familyAt]);
    const grade = gradeOf.get(`${String(row[planAt])}|${String(row[gradeAt])}`) as PublishedGrade;
    const min = grade.steps[0];
    const max = grade.steps[grade.steps.length - 1];
    const penetration = max > min ? Math.min(1, Math.max(0, (Number(row[salaryAt]) - min) / (max - min))) : 0.5;
    const women = Math.min(0.97, Math.max(0.03, (WOMEN[family] ?? 0.6) + GAP_TILT * (0.5 - penetration)));
    const gender = random() < women ? "Female" : "Male";
    const hired = dayOf(String(row[hireAt]));
    const ethnicity = draw(random, hired >= recent ? RECENT_ETHNICITY : STAFF_ETHNICITY);
    const partTime =
      family === "Instructional Support" ? 0.3 : family === "Food Service" ? 0.4 : family === "Teaching" ? 0.04 : 0;
    const drawn = random() < partTime ? pick(random, [0.5, 0.6, 0.75, 0.8]) : 1;
    const department = pick(random, CENTRAL[family] ?? SCHOOLS);
    const pair = sharing.get(index) ?? firsts.get(index);
    const fte = pair?.fte ?? drawn;
    const positionId = noPosition.has(index)
      ? ""
      : notBudgeted.has(index)
        ? "P-9001"
        : sharing.has(index)
          ? people[(sharing.get(index) as { with: number }).with].positionId
          : budget(grade, pair?.budgeted ?? fte, department);
    people.push({ gender, ethnicity, fte, department, positionId });
  });

  // Employees who left (extra roster rows): most within the 2011–12 school year (the default
  // period at the sample's as-of date), some before or after it, a few hired and gone within it.
  const leavers: Record<string, CellValue>[] = [];
  const periodStart = dayOf("2011-07-01");
  const periodEnd = dayOf("2012-06-30");
  const separations: { separation: number; hire: number }[] = [
    { separation: periodStart, hire: dayOf("2004-09-01") }, // separated on the period's first day
    { separation: periodEnd, hire: dayOf("1999-08-23") }, // … and on its last
    ...[0, 1, 2].map(() => {
      const hire = periodStart + 20 + Math.floor(random() * 120);
      return { hire, separation: hire + 60 + Math.floor(random() * 150) };
    }),
    ...Array.from({ length: 26 }, () => ({
      separation: periodStart + 1 + Math.floor(random() * (periodEnd - periodStart - 1)),
      hire: dayOf("1985-07-01") + Math.floor(random() * (periodStart - dayOf("1985-07-01"))),
    })),
    ...Array.from({ length: 8 }, () => ({
      separation: dayOf("2012-07-01") + Math.floor(random() * (dayOf(context.asOf) - dayOf("2012-07-01"))),
      hire: dayOf("1990-07-01") + Math.floor(random() * (periodStart - dayOf("1990-07-01"))),
    })),
    ...Array.from({ length: 4 }, () => ({
      separation: dayOf("2010-07-01") + Math.floor(random() * 360),
      hire: dayOf("1992-07-01") + Math.floor(random() * 5000),
    })),
  ];
  separations.forEach(({ separation, hire }, n) => {
    const source = rows[Math.floor(random() * rows.length)];
    const grade = gradeOf.get(`${String(source[planAt])}|${String(source[gradeAt])}`) as PublishedGrade;
    const family = String(source[familyAt]);
    const department = pick(random, CENTRAL[family] ?? SCHOOLS);
    leavers.push({
      "Employee ID": `PPS${9000 + n}`,
      Plan: grade.plan,
      Grade: grade.grade,
      Salary: pick(random, grade.steps),
      "Hire Date": isoDay(hire),
      "Job Family": family,
      "Job Title": source[titleAt],
      [H.gender]: random() < (WOMEN[family] ?? 0.6) ? "Female" : "Male",
      [H.ethnicity]: draw(random, STAFF_ETHNICITY),
      [H.fte]: 1,
      [H.department]: department,
      // The position they left is budgeted and now vacant.
      [H.position]: budget(grade, 1, department, `${MADE_UP}; vacant`),
      [H.separation]: isoDay(separation),
      [H.reason]: draw(random, REASONS),
    });
  });
  // Two more vacant positions nobody held.
  for (const grade of [context.grades[0], context.grades[context.grades.length - 1]])
    budget(grade, 1, pick(random, SCHOOLS), `${MADE_UP}; vacant`);
  const plan = { people, leavers, positions };
  cache.set(context.grades, plan);
  return plan;
}

export const WORKFORCE_SAMPLE: SampleExtension = {
  label: "workforce columns, leavers, Positions and Reference (made up)",
  rosterColumns: (context) => {
    const { people } = planFor(context);
    const column = (header: string, pick: (person: Person) => CellValue) => ({
      header,
      values: people.map(pick),
    });
    return [
      column(H.gender, (p) => p.gender),
      column(H.ethnicity, (p) => p.ethnicity),
      column(H.fte, (p) => p.fte),
      column(H.department, (p) => p.department),
      column(H.position, (p) => p.positionId),
      column(H.separation, () => null),
      column(H.reason, () => null),
    ];
  },
  rosterRows: (context) => planFor(context).leavers,
  sheets: (context) => [
    { name: "Positions", rows: planFor(context).positions, csv: "positions.csv" },
    {
      name: "Reference",
      rows: [["Dimension", "Group", "Share", "Source"], ...REFERENCE.map((row) => [...row])],
      csv: "reference.csv",
    },
  ],
};
