/**
 * What the workforce and pay-equity exhibits share: the dimensions people are grouped by
 * (Gender, Ethnicity), each placed employee's group, the reference population (Reference
 * table), the period of the flow exhibits (--period), and pay as a full-time annual rate.
 * Everything starts from the placement step (study.placement): its placed employees, active
 * and separated, are the people counted — the rows it could not place are listed in
 * unmatched-employees and counted nowhere else, so every exhibit describes one population.
 */
import { normalizeKey, parseNumberText, truncate } from "../../cells";
import type { Study } from "../context";
import { dayNumber, isoDate, parseDate } from "../dates";
import { foldHeader } from "../headers";
import { input, readRecords } from "../inputs";
import { invalidOption, option } from "../options";
import type { PlacedEmployee } from "../placement";
import { ROSTER_INPUT } from "../core";
import type { Missing } from "../definition";
import { ROSTER_FIELDS } from "../roster";
import type { RosterField } from "../types";
import { ANNUAL_FACTOR, daysFromName } from "../units";

/** A characteristic people are grouped by: a roster column. */
export type Dimension = {
  readonly name: "Gender" | "Ethnicity";
  readonly field: Extract<RosterField, "gender" | "ethnicity">;
  /** The employee's cell of that column (a plain property read: 100,000 of them per study). */
  readonly of: (employee: Pick<PlacedEmployee, "gender" | "ethnicity">) => string;
};

export const DIMENSIONS: readonly Dimension[] = [
  { name: "Gender", field: "gender", of: (employee) => employee.gender },
  { name: "Ethnicity", field: "ethnicity", of: (employee) => employee.ethnicity },
];

/** The group of a blank cell. */
export const BLANK_GROUP = "(blank)";

/** The school year the flow exhibits default to starts on 1 July (Pasadena USD plan 2022–23: a July–June year). */
export const SCHOOL_YEAR_START = { month: 7, day: 1 } as const;

export const PERIOD = option({
  name: "period",
  kind: "period",
  label: "Period",
  description:
    "hires, separations and retention are counted over this period, start..end (default: the last complete July–June school year ending on or before the as-of date)",
  placeholder: "yyyy-mm-dd..yyyy-mm-dd",
});

/** The dimensions whose column the roster has. */
export function dimensionsOf(study: Study): Dimension[] {
  return DIMENSIONS.filter((dimension) => study.roster.mapping[dimension.field] !== undefined);
}

/** Why exhibits by group cannot be built: the roster has neither a Gender nor an Ethnicity column. */
export function noGroupColumns(study: Study): Missing | undefined {
  if (dimensionsOf(study).length > 0) return undefined;
  const labels = DIMENSIONS.map((dimension) => rosterLabel(dimension.field));
  return {
    text: `the roster has no ${labels.join(" or ")} column (add one, or map it with --map)`,
    what: `a ${labels.join(" or ")} column in the roster`,
    supplies: labels.map((column) => ({ column, of: ROSTER_INPUT })),
  };
}

const rosterLabel = (field: RosterField): string => ROSTER_FIELDS.find((spec) => spec.field === field)?.label ?? field;

/** Why the flow exhibits cannot be built: a roster column they need is missing. */
export function missingColumn(study: Study, ...fields: RosterField[]): Missing | undefined {
  for (const field of fields) {
    if (study.roster.mapping[field] !== undefined) continue;
    const label = rosterLabel(field);
    return {
      text: `the roster has no ${label} column (add one, or map it with --map)`,
      what: `a ${label} column in the roster`,
      supplies: [{ column: label, of: ROSTER_INPUT }],
    };
  }
  return undefined;
}

export type Group = { readonly id: number; readonly key: string; readonly name: string };

/** One dimension's groups and each placed employee's group (by index into placement.employees). */
export type Grouping = {
  readonly dimension: Dimension;
  /** By placed employees, most first, then by name; (blank) last; then groups only the Reference table names. */
  readonly groups: readonly Group[];
  /** Group id of each placed employee. */
  readonly of: Int32Array;
  /** Reference share by group id (undefined: the Reference table does not give one). */
  readonly reference: readonly (number | undefined)[];
};

/** Each dimension's groups (memoised): spellings matched case-insensitively, the first spelling shown. */
export function groupings(study: Study): Grouping[] {
  return study.memo("people/groupings", () => {
    const employees = study.placement.employees;
    const reference = study.input(REFERENCE_INPUT);
    return dimensionsOf(study).map((dimension) => {
      type Entry = { key: string; name: string; count: number; id: number };
      const byKey = new Map<string, Entry>();
      const bySpelling = new Map<string, Entry>();
      const raw: Entry[] = new Array(employees.length);
      employees.forEach((employee, index) => {
        const spelling = dimension.of(employee);
        let entry = bySpelling.get(spelling);
        if (entry === undefined) {
          const key = spelling === "" ? "" : normalizeKey(spelling);
          entry = byKey.get(key) ?? { key, name: key === "" ? BLANK_GROUP : spelling, count: 0, id: -1 };
          byKey.set(key, entry);
          bySpelling.set(spelling, entry);
        }
        entry.count++;
        raw[index] = entry;
      });
      const shares = reference?.shares.get(dimension.name) ?? new Map<string, { name: string; share: number }>();
      const seen = [...byKey.values()].sort(
        (a, b) =>
          Number(a.key === "") - Number(b.key === "") ||
          b.count - a.count ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      );
      const onlyReferenced = [...shares.entries()]
        .filter(([key]) => !byKey.has(key))
        .sort((a, b) => b[1].share - a[1].share || (a[1].name < b[1].name ? -1 : 1))
        .map(([key, { name }]) => ({ key, name, count: 0, id: -1 }));
      const groups = [...seen, ...onlyReferenced].map((entry, id): Group => {
        entry.id = id;
        return { id, key: entry.key, name: entry.name };
      });
      const of = new Int32Array(employees.length);
      for (let index = 0; index < employees.length; index++) of[index] = raw[index].id;
      return { dimension, groups, of, reference: groups.map((group) => shares.get(group.key)?.share) };
    });
  });
}

/** The counting period: whole days, both ends included. */
export type Period = {
  readonly start: string;
  readonly end: string;
  readonly startDay: number;
  readonly endDay: number;
};

/** The last complete July–June school year ending on or before the as-of date (issue 11's default period). */
export function defaultPeriod(asOf: string): { start: string; end: string } {
  const year = Number(asOf.slice(0, 4));
  const asOfDay = parseDate(asOf) as number;
  const yearStart = (y: number) => dayNumber(y, SCHOOL_YEAR_START.month, SCHOOL_YEAR_START.day) as number;
  // The school year ending this calendar year ends the day before this year's start.
  const endYear = asOfDay >= yearStart(year) - 1 ? year : year - 1;
  return { start: isoDate(yearStart(endYear - 1)), end: isoDate(yearStart(endYear) - 1) };
}

/** The period of this study: --period, else the default; it may not end after the as-of date. */
export function periodOf(study: Study): Period {
  return study.memo("people/period", () => {
    const { start, end } = study.options.get(PERIOD) ?? defaultPeriod(study.asOf);
    if (end > study.asOf)
      invalidOption(
        PERIOD,
        `the period ends ${end}, after the as-of date ${study.asOf}: the roster tells who was employed up to the as-of date only`,
      );
    return { start, end, startDay: parseDate(start) as number, endDay: parseDate(end) as number };
  });
}

/** Contract days of a daily grade: its own name's ("Sub 180 Days"), else its plan's ("PEA 187 Days"). */
export function contractDays(employee: Pick<PlacedEmployee, "payGrade" | "payPlan">): number | undefined {
  return daysFromName(employee.payGrade.grade) ?? employee.payPlan.days;
}

/**
 * Pay as a full-time annual rate (issue 11): annual as is, hourly × 2,080, monthly × 12, daily
 * × the grade's contract days; undefined for a daily grade whose contract days are not known.
 */
export function annualRate(
  employee: Pick<PlacedEmployee, "rate" | "unit" | "payGrade" | "payPlan">,
): number | undefined {
  if (employee.unit !== "daily") return employee.rate * ANNUAL_FACTOR[employee.unit];
  const days = contractDays(employee);
  return days === undefined ? undefined : employee.rate * days;
}

// ── The Reference table ──────────────────────────────────────────────────────────────────

type ReferenceField = "dimension" | "group" | "share";

const REFERENCE_FIELDS = [
  {
    field: "dimension",
    label: "Dimension",
    synonyms: ["dimension", "characteristic", "category", "variable"],
    required: true,
  },
  { field: "group", label: "Group", synonyms: ["group", "value", "population group"], required: true },
  {
    field: "share",
    label: "Share",
    synonyms: ["share", "percent", "percentage", "proportion", "reference share", "student share", "%"],
    required: true,
  },
] as const satisfies readonly {
  field: ReferenceField;
  label: string;
  synonyms: readonly string[];
  required: boolean;
}[];

/** Each dimension's reference groups: share by group key, and what the reader should know. */
export type Reference = {
  readonly shares: ReadonlyMap<Dimension["name"], ReadonlyMap<string, { name: string; share: number }>>;
  readonly notes: readonly string[];
};

/** The dimension a Reference row names: Gender or Ethnicity, by the roster column's own synonyms. */
function dimensionNamed(text: string): Dimension | undefined {
  const folded = foldHeader(text);
  return DIMENSIONS.find((dimension) => {
    const spec = ROSTER_FIELDS.find((candidate) => candidate.field === dimension.field);
    return spec !== undefined && spec.synonyms.includes(folded);
  });
}

/** Parses the Reference table: a share is a fraction (0.58), a percentage (58 %), or a number above 1 read as a percentage. */
export function parseReference(table: Parameters<typeof readRecords>[0]): Reference {
  const { records } = readRecords(table, REFERENCE_FIELDS);
  const shares = new Map<Dimension["name"], Map<string, { name: string; share: number; percent: boolean }>>();
  const notes: string[] = [];
  const problem = (row: number, text: string) => notes.push(`Reference row ${row}: ${text}; the row is ignored`);
  for (const record of records) {
    const dimensionText = String(record.get("dimension") ?? "").trim();
    const dimension = dimensionNamed(dimensionText);
    if (dimension === undefined) {
      problem(record.row, `dimension '${truncate(dimensionText)}' is not Gender or Ethnicity`);
      continue;
    }
    const name = String(record.get("group") ?? "").trim();
    if (name === "") {
      problem(record.row, "Group is blank");
      continue;
    }
    const raw = record.get("share");
    const text = typeof raw === "string" ? raw.trim() : "";
    const percent = text.endsWith("%");
    const number = typeof raw === "number" ? raw : parseNumberText(percent ? text.slice(0, -1) : text);
    if (number === undefined || !Number.isFinite(number) || number < 0) {
      problem(record.row, `Share '${truncate(String(raw ?? ""))}' is not a share (write 0.58 or 58%)`);
      continue;
    }
    const byKey = shares.get(dimension.name) ?? new Map();
    shares.set(dimension.name, byKey);
    const key = normalizeKey(name);
    if (byKey.has(key)) {
      problem(record.row, `${dimension.name} group '${truncate(name)}' is listed twice (the first is kept)`);
      continue;
    }
    byKey.set(key, { name, share: percent ? number / 100 : number, percent });
  }
  const result = new Map<Dimension["name"], Map<string, { name: string; share: number }>>();
  for (const [dimension, byKey] of shares) {
    // Plain numbers above 1 mean the column is in percent (58 for 58 %).
    const inPercent = [...byKey.values()].some((entry) => !entry.percent && entry.share > 1);
    if (inPercent) notes.push(`Reference: ${dimension} shares are read as percentages (58 = 58 %)`);
    const scaled = new Map(
      [...byKey.entries()].map(([key, entry]) => [
        key,
        { name: entry.name, share: inPercent && !entry.percent ? entry.share / 100 : entry.share },
      ]),
    );
    const total = [...scaled.values()].reduce((sum, entry) => sum + entry.share, 0);
    if (total > 1.005)
      notes.push(`Reference: the ${dimension} shares add up to ${(total * 100).toFixed(1)} %, more than 100 %`);
    result.set(dimension, scaled);
  }
  return { shares: result, notes };
}

export const REFERENCE_INPUT = input<Reference>({
  id: "reference",
  label: "Reference",
  sheets: ["Reference", "Reference Population", "Student Population"],
  description:
    "the population the workforce is compared with (e.g. the students): Dimension (Gender or Ethnicity), Group, Share (0.58 or 58%)",
  fields: REFERENCE_FIELDS,
  parse: (table) => parseReference(table),
});
