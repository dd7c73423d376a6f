/**
 * Employee rosters as HRIS exports and hand-kept sheets give them. Every data row ends up
 * either an Employee or an Unplaced row with its reason — never dropped silently.
 */
import { cleanKeyText, isBlank, normalizeKey, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { StringTable } from "../string-table";
import { dateOrderHint, isoDate, numericDateParts, parseDate, parseDateCell, type DateOrder } from "./dates";
import {
  GRADE_FIELD,
  PLAN_FIELD,
  findHeaderRow,
  foldHeader,
  mapColumns,
  missingColumnMessage,
  type FieldSpec,
} from "./headers";
import { decideDecimalMark, numberLikeColumns, readNumberAs, type DecimalMark, type NumberColumn } from "./numbers";
import { reportLines, reportLinesNote } from "./report-lines";
import { RosterColumns } from "./roster-columns";
import type { Employee, Roster, RosterField, Unplaced } from "./types";

export const ROSTER_FIELDS: readonly FieldSpec<RosterField>[] = [
  {
    field: "employeeId",
    label: "Employee ID",
    synonyms: [
      "employee id",
      "emp id",
      "employee number",
      "employee no",
      "emp no",
      "id",
      "employee",
      "staff id",
      "person id",
      // Munis "Emp #", PeopleSoft EMPLID, Skyward "Employee Nbr", Workday "Worker ID" …
      "emp",
      "emp number",
      "emp num",
      "emp nbr",
      "employee nbr",
      "employee num",
      "emplid",
      "empl id",
      "ee id",
      "eeid",
      "worker id",
      "staff number",
      "staff no",
      "person number",
      "empl nbr",
    ],
    required: true,
  },
  // A roster's "Unit" is the bargaining unit (pay plans use Unit for the pay unit).
  { ...PLAN_FIELD, synonyms: [...PLAN_FIELD.synonyms, "unit"] },
  GRADE_FIELD,
  // The lane of a step-and-lane schedule named by the Plan: the row's grade when Grade is blank.
  { field: "lane", label: "Lane", synonyms: ["lane", "salary lane", "education lane", "lane code"], required: false },
  {
    field: "salary",
    label: "Salary",
    synonyms: [
      "salary",
      "annual salary",
      "base salary",
      "rate",
      "pay rate",
      "hourly rate",
      "base pay",
      "pay",
      "annual rate",
      "compensation",
      "annual pay",
      "annual base pay",
      "base rate",
      "current salary",
      "salary amount",
      "annual rt",
      "comp rate",
      "compensation rate",
    ],
    required: true,
  },
  {
    field: "hireDate",
    label: "Hire Date",
    synonyms: [
      "hire date",
      "date of hire",
      "hire dt",
      "start date",
      "hired",
      "original hire date",
      "service date",
      "orig hire date",
      "original hire dt",
      "date hired",
      "start dt",
    ],
    required: false,
  },
  {
    field: "jobFamily",
    label: "Job Family",
    // Not Department: a Dept column is the department unless the user maps it here.
    synonyms: ["job family", "family", "job group", "occupational group", "job family name"],
    required: false,
  },
  {
    field: "jobTitle",
    label: "Job Title",
    synonyms: [
      "job title",
      "title",
      "class",
      "classification",
      "class title",
      "position",
      "job class",
      "job",
      "jobtitle",
      "job profile",
      "position title",
    ],
    required: false,
  },
  {
    field: "fte",
    label: "FTE",
    synonyms: ["fte", "full time equivalent", "fte percent", "fte %", "percent fte", "fte pct", "percent time"],
    required: false,
  },
  { field: "step", label: "Step", synonyms: ["step", "current step", "salary step", "pay step"], required: false },
  { field: "gender", label: "Gender", synonyms: ["gender", "sex", "gender identity"], required: false },
  {
    field: "ethnicity",
    label: "Ethnicity",
    synonyms: ["ethnicity", "race ethnicity", "race", "ethnic group", "race and ethnicity"],
    required: false,
  },
  {
    field: "separationDate",
    label: "Separation Date",
    synonyms: ["separation date", "termination date", "term date", "end date", "exit date", "date of separation"],
    required: false,
  },
  {
    field: "separationReason",
    label: "Separation Reason",
    synonyms: ["separation reason", "termination reason", "reason for leaving", "exit reason", "term reason"],
    required: false,
  },
  {
    field: "positionId",
    label: "Position ID",
    synonyms: ["position id", "position number", "position no", "pcn", "position control number"],
    required: false,
  },
  {
    field: "department",
    label: "Department",
    synonyms: [
      "department",
      "dept",
      "location",
      "site",
      "cost center",
      "school",
      "department name",
      "dept name",
      "deptid",
    ],
    required: false,
  },
  {
    field: "annualHours",
    label: "Annual Hours",
    synonyms: ["annual hours", "hours per year", "scheduled hours", "yearly hours"],
    required: false,
  },
  {
    field: "contractDays",
    label: "Contract Days",
    synonyms: ["contract days", "work days", "duty days", "days per year", "calendar days"],
    required: false,
  },
  { field: "proposedPlan", label: "Proposed Plan", synonyms: ["proposed plan", "new plan"], required: false },
  { field: "proposedGrade", label: "Proposed Grade", synonyms: ["proposed grade", "new grade"], required: false },
  {
    field: "benefitGroup",
    label: "Benefit Group",
    synonyms: ["benefit group", "benefits group", "benefit class", "benefits class", "load group"],
    required: false,
  },
  {
    field: "serviceYears",
    label: "Service Years",
    synonyms: ["service years", "years of service", "years service", "creditable service", "longevity years"],
    required: false,
  },
  {
    field: "rehireDate",
    label: "Rehire Date",
    synonyms: [
      "rehire date",
      "re hire date",
      "date of rehire",
      "rehired date",
      "last rehire date",
      "most recent rehire date",
    ],
    required: false,
  },
];

export type RosterOptions = {
  /** Header (as written) per field, overriding detection. */
  mapping?: Partial<Record<RosterField, string>>;
  /** yyyy-mm-dd; hire dates after it are problems. */
  asOf?: string;
  /** Largest FTE accepted (default 1): FTE must be above 0 and at most this. */
  maxFte?: number;
  /** Date serials of the table count from 1904-01-01 (Excel for Mac's old date system). */
  date1904?: boolean;
  /** The decimal mark the user says the file uses, for numbers that could be read either way. */
  decimal?: DecimalMark;
  /** The file's field delimiter (a CSV's), which tells how its numbers are written. */
  delimiter?: string;
  /** 1-based rows the file marks as totals (an Excel table's totals row). */
  totalsRows?: readonly number[];
  /**
   * An Employee ID on several rows is one person with several assignments (two positions at
   * FTE 0.5): every row is read. Otherwise the first row is kept and the others listed.
   */
  splitAssignments?: boolean;
};

/** Distinct repeated texts kept as one string each; past this many a roster's texts are not shared. */
const INTERNED_STRINGS = 200_000;

/** The largest FTE accepted by default: a full-time position. */
export const DEFAULT_MAX_FTE = 1;

export { DATE_1904_OFFSET } from "./dates";

/** The fields as the header row is looked for: a Lane column stands for the Grade column (a roster of lanes only). */
const HEADER_FIELDS: readonly FieldSpec<RosterField>[] = ROSTER_FIELDS.map((spec) =>
  spec.field === "grade" ? { ...spec, synonyms: [...spec.synonyms, "lane"] } : spec,
);

/** Fields that are required but not found, with the message to show for each (a Lane column stands for the Grade). */
export function missingFields(mapping: Roster["mapping"]): { field: RosterField; message: string }[] {
  const found = (field: RosterField): boolean => mapping[field] !== undefined || (field === "grade" && !!mapping.lane);
  return ROSTER_FIELDS.filter((spec) => spec.required && !found(spec.field)).map((spec) => ({
    field: spec.field,
    message: missingColumnMessage(spec),
  }));
}

/** The roster's header row (0-based) and the columns detected (or mapped) for each field. */
export function detectRosterColumns(
  table: readonly (readonly CellValue[])[],
  mapping: Partial<Record<RosterField, string>> = {},
): Roster["mapping"] {
  const headerIndex = findHeaderRow(table, HEADER_FIELDS, mapping);
  if (headerIndex < 0) invalid("The roster is empty");
  return mapColumns(table[headerIndex], ROSTER_FIELDS, mapping);
}

/** Excel error values as readers hand them over (#ERROR! = an error whose name was lost). */
export const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i;

function text(value: CellValue): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

type Refusal = (reason: string) => void;

/**
 * How a date column's numeric dates (5/1/2010) are read: in the order its header's hint states
 * ("Hire Date (dd/mm/yyyy)"), else month first (US). A column whose dates can only be day first
 * (13/01/2010) while none can only be month first (1/13/2010) is not guessed: those dates and the
 * ambiguous ones (5/1/2010) are listed, asking for the hint — never silently shifted.
 */
type DatePolicy = {
  /** The header's hint; undefined: month first with / or -, day first with dots (01.06.2015). */
  order?: DateOrder;
  dayFirstSeen?: string;
  header: string;
  date1904: boolean;
  /** Day numbers of the date texts read so far: a roster repeats a few thousand dates. */
  read: Map<string, number>;
};

function datePolicy(
  table: readonly (readonly CellValue[])[],
  from: number,
  hit: { column: number; header: string } | undefined,
  date1904: boolean,
): DatePolicy | undefined {
  if (!hit) return undefined;
  const hinted = dateOrderHint(hit.header);
  const policy: DatePolicy = { order: hinted, header: hit.header, date1904, read: new Map() };
  if (hinted) return policy;
  let dayFirst: string | undefined;
  for (let index = from; index < table.length; index++) {
    const value = table[index][hit.column];
    const parts = numericDateParts(value);
    if (!parts) continue;
    if (parts[1] > 12 && parts[0] <= 12) return policy; // 1/13/2010: the column is month first
    if (parts[0] > 12 && parts[1] <= 12) dayFirst ??= String(value).trim();
  }
  return { ...policy, dayFirstSeen: dayFirst };
}

/** A date cell: its day number, null when blank, undefined after refusing the row. */
function dateCell(raw: CellValue, label: string, refuse: Refusal, policy: DatePolicy): number | null | undefined {
  if (typeof raw === "string") {
    const known = policy.read.get(raw);
    if (known !== undefined) return known;
  }
  if (isBlank(raw)) return null;
  if (typeof raw === "string" && ERROR_TEXT.test(raw.trim())) {
    refuse(`${label} is an Excel error (${raw.trim()})`);
    return undefined;
  }
  const shown = truncate(String(raw).trim());
  if (policy.dayFirstSeen !== undefined && numericDateParts(raw)) {
    refuse(
      `${label} '${shown}' may be day/month/year (the column has '${truncate(policy.dayFirstSeen)}'): name the column '${label} (dd/mm/yyyy)' or '${label} (mm/dd/yyyy)' to say which`,
    );
    return undefined;
  }
  const parsed = parseDateCell(raw, { date1904: policy.date1904, order: policy.order });
  if (parsed !== undefined && typeof raw === "string" && policy.read.size < INTERNED_STRINGS)
    policy.read.set(raw, parsed);
  if (parsed === undefined) {
    const written = policy.order === "dmy" ? "d/m/yyyy" : "m/d/yyyy";
    refuse(`${label} '${shown}' is not a date (use yyyy-mm-dd, ${written} or an Excel date)`);
    return undefined;
  }
  return parsed;
}

/** An optional number cell: the number, null when blank, undefined after refusing the row. */
function numberCell(raw: CellValue, label: string, refuse: Refusal, mark: DecimalMark): number | null | undefined {
  if (isBlank(raw)) return null;
  const value = typeof raw === "number" ? raw : readNumberAs(String(raw), mark);
  if (value === undefined || !Number.isFinite(value)) {
    const shown = truncate(String(raw).trim());
    refuse(ERROR_TEXT.test(shown) ? `${label} is an Excel error (${shown})` : `${label} '${shown}' is not a number`);
    return undefined;
  }
  return value;
}

/**
 * An FTE cell: a fraction (0.5), a percentage ("50%"), or a number in a column headed as a
 * percentage ("FTE Percent": 50) — all 0.5. Null when blank, undefined after refusing the row.
 */
function fteCell(
  raw: CellValue,
  percentColumn: boolean,
  refuse: Refusal,
  mark: DecimalMark,
): number | null | undefined {
  if (typeof raw === "string" && /%\s*$/.test(raw)) {
    const value = readNumberAs(raw.replace(/%\s*$/, ""), mark);
    if (value !== undefined) return value / 100;
  }
  const value = numberCell(raw, "FTE", refuse, mark);
  return percentColumn && typeof value === "number" ? value / 100 : value;
}

/** FTE sums are compared with the largest FTE within this (0.5 + 0.3 + 0.2 is 1). */
const FTE_TOLERANCE = 1e-9;

function roundFte(value: number): number {
  return Number(value.toFixed(4));
}

/** True when two rows hold the same cells (a row repeated, not a second assignment). */
function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  const width = Math.max(a.length, b.length);
  for (let column = 0; column < width; column++) if (text(a[column] ?? null) !== text(b[column] ?? null)) return false;
  return true;
}

/**
 * The rows of a roster table that are read — not left out (report lines), not blank — as 1 in
 * `read` (by table index); and for each read row with an Employee ID, the 1-based row of the
 * first earlier row with the same ID as people mean it (normalizeKey), else 0, in `earlierRow`.
 */
function rowsAndRepeats(
  table: readonly (readonly CellValue[])[],
  headerIndex: number,
  idCol: number,
  leftOut: { has(index: number): boolean },
): { read: Uint8Array; earlierRow: Int32Array } {
  const read = new Uint8Array(table.length);
  const earlierRow = new Int32Array(table.length);
  // The keys and where they are, in arrays made at their full size once (a 1,048,576-row roster).
  const keys = new Array<string>(table.length);
  const indexes = new Int32Array(table.length);
  let count = 0;
  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (leftOut.has(index) || cells.every(isBlank)) continue;
    read[index] = 1;
    const id = text(cells[idCol]);
    if (id === "") continue;
    keys[count] = normalizeKey(id);
    indexes[count] = index;
    count++;
  }
  // Each key's first position + 1 (0: the key is new).
  const first = new Int32Array(count);
  new StringTable(count, (at) => keys[at - 1], false).firstOrAddEach(
    count,
    (at) => keys[at],
    (at) => at + 1,
    first,
  );
  for (let at = 0; at < count; at++) if (first[at] !== 0) earlierRow[indexes[at]] = indexes[first[at] - 1] + 1;
  return { read, earlierRow };
}

/** Parses a roster table into employees and rows that cannot be used. */
export function parseRoster(table: readonly (readonly CellValue[])[], options: RosterOptions = {}): Roster {
  const headerIndex = findHeaderRow(table, HEADER_FIELDS, options.mapping);
  if (headerIndex < 0) invalid("The roster is empty");
  const mapping = detectRosterColumns(table, options.mapping);
  const missing = missingFields(mapping);
  if (missing.length > 0) invalid(missing.map((m) => m.message).join("; "));
  const asOfDay = options.asOf === undefined ? undefined : parseDate(options.asOf);
  const maxFte = options.maxFte ?? DEFAULT_MAX_FTE;
  const date1904 = options.date1904 === true;
  const column = (field: RosterField): number | undefined => mapping[field]?.column;
  // Each field's column, looked up once (not per row and field): -1 for a field without one.
  const at = (field: RosterField): number => column(field) ?? -1;
  const [planCol, gradeCol, laneCol, fteCol, stepCol, annualHoursCol, contractDaysCol, serviceYearsCol] = (
    ["plan", "grade", "lane", "fte", "step", "annualHours", "contractDays", "serviceYears"] as const
  ).map(at);
  const [separationDateCol, rehireDateCol, jobFamilyCol, jobTitleCol, genderCol, ethnicityCol] = (
    ["separationDate", "rehireDate", "jobFamily", "jobTitle", "gender", "ethnicity"] as const
  ).map(at);
  const [separationReasonCol, positionIdCol, departmentCol, proposedPlanCol, proposedGradeCol, benefitGroupCol] = (
    ["separationReason", "positionId", "department", "proposedPlan", "proposedGrade", "benefitGroup"] as const
  ).map(at);
  const cell = (cells: readonly CellValue[], index: number): CellValue => (index < 0 ? null : cells[index]);
  // Plans, grades, families, titles and the like repeat over thousands of rows: one string each
  // (a 1,048,576-row roster otherwise holds a million copies of "Custodial"), cleaned once.
  const interned = new Map<CellValue, string>();
  const shared = (raw: CellValue, clean: (value: CellValue) => string): string => {
    let value = interned.get(raw);
    if (value === undefined) {
      value = clean(raw);
      if (interned.size < INTERNED_STRINGS) interned.set(raw, value);
    }
    return value;
  };
  const key = (raw: CellValue): string => shared(raw, cleanKeyText);
  const label = (raw: CellValue): string => shared(raw, text);
  const idCol = column("employeeId") as number;
  const salaryCol = column("salary") as number;
  const hireCol = column("hireDate");
  const hirePolicy = datePolicy(table, headerIndex + 1, mapping.hireDate, date1904);
  const separationPolicy = datePolicy(table, headerIndex + 1, mapping.separationDate, date1904);
  const rehirePolicy = datePolicy(table, headerIndex + 1, mapping.rehireDate, date1904);
  const ftePercent = mapping.fte !== undefined && /percent|%|pct/.test(foldHeader(mapping.fte.header));

  // The file's decimal mark, from every number column; then the lines that are not employees.
  const totalsRows = new Set(options.totalsRows ?? []);
  const fteScale = ftePercent ? 100 : 1;
  const numberColumns: NumberColumn[] = [
    { field: "salary" as const, valid: (value: number) => value > 0 },
    { field: "fte" as const, valid: (value: number) => value > 0 && value <= maxFte * fteScale },
    { field: "step" as const },
    { field: "annualHours" as const, valid: (value: number) => value > 0 },
    { field: "contractDays" as const, valid: (value: number) => value > 0 },
    { field: "serviceYears" as const, valid: (value: number) => value >= 0 },
  ].flatMap(({ field, valid }) => {
    const hit = mapping[field];
    return hit ? [{ column: hit.column, name: hit.header, valid }] : [];
  });
  const taken = new Set(Object.values(mapping).map((hit) => (hit as { column: number }).column));
  const decision = decideDecimalMark(table, [{ from: headerIndex + 1, columns: numberColumns }], {
    stated: options.decimal,
    delimiter: options.delimiter,
    others: () => [
      { from: headerIndex + 1, columns: numberLikeColumns(table, headerIndex + 1, taken, table[headerIndex]) },
    ],
    skip: (index) => totalsRows.has(index + 1),
  });
  const mark = decision.mark;
  const leftOut = reportLines(table, {
    headerIndex,
    id: column("employeeId") as number,
    identifying: [column("plan"), column("grade")].filter((at): at is number => at !== undefined),
    amounts: [column("salary"), column("fte")].filter((at): at is number => at !== undefined),
    read: (raw) => (typeof raw === "number" ? raw : typeof raw === "string" ? readNumberAs(raw, mark) : undefined),
    totalsRows,
  });
  const notes = [
    ...(decision.note === undefined ? [] : [`roster: ${decision.note}`]),
    ...reportLinesNote("roster", "employees", leftOut),
  ];

  const columns = new RosterColumns(Math.max(0, table.length - headerIndex - 1));
  const problems: Unplaced[] = [];
  // Which rows are read (not left out, not blank) and, of those with an Employee ID, the earlier
  // row of the same ID (as people mean it), 0 for the first: all rows at once, so the ID table's
  // memory is fetched a group at a time (StringTable.firstOrAddEach).
  const { read, earlierRow } = rowsAndRepeats(table, headerIndex, idCol, leftOut);
  // With split assignments: each person's FTE so far, and the people on several rows.
  const fteOfId = new Map<string, number>();
  const rowsOfId = new Map<string, number[]>();
  const split = new Set<string>();
  let rowCount = 0;
  let blankFte = 0;

  // The row being read, for refusals: one object and one function for the whole table (a closure
  // per row cost a million allocations on a 1,048,576-row roster).
  const current = { row: 0, id: "", plan: "", grade: "", refused: false };
  const refuse: Refusal = (reason) => {
    current.refused = true;
    const { row, id, plan, grade } = current;
    problems.push({ row, id, plan, grade, reason: `Row ${row}: ${reason}` });
  };

  for (let index = headerIndex + 1; index < table.length; index++) {
    if (read[index] === 0) continue;
    const cells = table[index];
    rowCount++;
    const row = index + 1;
    const id = text(cells[idCol]);
    const plan = key(cell(cells, planCol));
    // A row on a lane schedule gives its lane in Lane, the Grade blank: the lane is its grade.
    const grade = key(cell(cells, gradeCol)) || key(cell(cells, laneCol));
    current.row = row;
    current.id = id;
    current.plan = plan;
    current.grade = grade;
    current.refused = false;

    if (id === "") {
      refuse("Employee ID is blank");
      continue;
    }
    // The key is needed again only for split assignments.
    const idKey = options.splitAssignments ? normalizeKey(id) : "";
    const seen = earlierRow[index] === 0 ? undefined : earlierRow[index];
    if (seen !== undefined) {
      if (!options.splitAssignments) {
        refuse(`Employee ID '${truncate(id)}' appears twice (rows ${seen} and ${row}); the first is kept`);
        continue;
      }
      const earlier = rowsOfId.get(idKey) ?? [seen];
      const same = earlier.find((at) => sameCells(table[at - 1], cells));
      if (same !== undefined) {
        refuse(
          `Employee ID '${truncate(id)}' appears twice with the same cells (rows ${same} and ${row}): a repeated row, not a second assignment; the first is kept`,
        );
        continue;
      }
      rowsOfId.set(idKey, [...earlier, row]);
    }
    if (grade === "") {
      refuse(column("lane") === undefined ? "Grade is blank" : "Grade and Lane are blank");
      continue;
    }
    if (ERROR_TEXT.test(grade)) {
      refuse(`Grade is an Excel error (${grade})`);
      continue;
    }
    const rawSalary = cells[salaryCol];
    if (isBlank(rawSalary)) {
      refuse("Salary is blank");
      continue;
    }
    const salary = numberCell(rawSalary, "Salary", refuse, mark);
    if (salary === undefined || salary === null) continue;
    if (salary <= 0) {
      refuse(`Salary ${salary} is not above zero`);
      continue;
    }
    let hireDay: number | null = null;
    if (hireCol !== undefined) {
      if (isBlank(cells[hireCol])) {
        refuse("Hire Date is blank");
        continue;
      }
      const parsed = dateCell(cells[hireCol], "Hire Date", refuse, hirePolicy as DatePolicy);
      if (parsed === undefined || parsed === null) continue;
      if (asOfDay !== undefined && parsed > asOfDay) {
        refuse(`Hire Date ${isoDate(parsed)} is after the as-of date ${isoDate(asOfDay)}`);
        continue;
      }
      hireDay = parsed;
    }
    const fteValue = fteCell(cell(cells, fteCol), ftePercent, refuse, mark);
    if (fteValue === undefined) continue;
    if (fteValue !== null && (fteValue <= 0 || fteValue > maxFte)) {
      refuse(`FTE ${fteValue} is not above 0 and at most ${maxFte}`);
      continue;
    }
    if (options.splitAssignments) {
      const before = fteOfId.get(idKey);
      const total = (before ?? 0) + (fteValue ?? 1);
      if (before !== undefined && total > maxFte + FTE_TOLERANCE) {
        refuse(
          `Employee ID '${truncate(id)}' would hold FTE ${roundFte(total)} with this assignment (first row ${seen}), more than ${maxFte}`,
        );
        continue;
      }
    }
    if (fteValue === null && column("fte") !== undefined) blankFte++;
    const separationDay =
      separationPolicy === undefined
        ? null
        : dateCell(cell(cells, separationDateCol), "Separation Date", refuse, separationPolicy);
    if (separationDay === undefined) continue;
    if (separationDay !== null && hireDay !== null && separationDay < hireDay) {
      refuse(`Separation Date ${isoDate(separationDay)} is before the Hire Date ${isoDate(hireDay)}`);
      continue;
    }
    const step = numberCell(cell(cells, stepCol), "Step", refuse, mark);
    const annualHours = numberCell(cell(cells, annualHoursCol), "Annual Hours", refuse, mark);
    const contractDays = numberCell(cell(cells, contractDaysCol), "Contract Days", refuse, mark);
    const serviceYears = numberCell(cell(cells, serviceYearsCol), "Service Years", refuse, mark);
    if (current.refused || step === undefined || annualHours === undefined || contractDays === undefined) continue;
    if (annualHours !== null && annualHours <= 0) refuse(`Annual Hours ${annualHours} is not above zero`);
    if (contractDays !== null && contractDays <= 0) refuse(`Contract Days ${contractDays} is not above zero`);
    if (serviceYears !== undefined && serviceYears !== null && serviceYears < 0)
      refuse(`Service Years ${serviceYears} is below zero`);
    const rehireDay =
      rehirePolicy === undefined ? null : dateCell(cell(cells, rehireDateCol), "Rehire Date", refuse, rehirePolicy);
    if (current.refused || serviceYears === undefined || rehireDay === undefined) continue;
    if (rehireDay !== null) {
      // A rehire restarts service (HISD II.A.1.f): it must fall between the hire and the as-of date.
      if (hireDay !== null && rehireDay < hireDay)
        refuse(`Rehire Date ${isoDate(rehireDay)} is before the Hire Date ${isoDate(hireDay)}`);
      else if (asOfDay !== undefined && rehireDay > asOfDay)
        refuse(`Rehire Date ${isoDate(rehireDay)} is after the as-of date ${isoDate(asOfDay)}`);
      if (current.refused) continue;
    }
    if (options.splitAssignments) {
      if (fteOfId.has(idKey)) split.add(idKey);
      fteOfId.set(idKey, (fteOfId.get(idKey) ?? 0) + (fteValue ?? 1));
    }
    columns.append({
      row,
      id,
      plan,
      grade,
      salary,
      fte: fteValue ?? 1,
      hireDay,
      jobFamily: label(cell(cells, jobFamilyCol)),
      jobTitle: label(cell(cells, jobTitleCol)),
      step,
      gender: label(cell(cells, genderCol)),
      ethnicity: label(cell(cells, ethnicityCol)),
      separationDay,
      separationReason: label(cell(cells, separationReasonCol)),
      positionId: cleanKeyText(cell(cells, positionIdCol)),
      department: label(cell(cells, departmentCol)),
      annualHours,
      contractDays,
      proposedPlan: key(cell(cells, proposedPlanCol)),
      proposedGrade: key(cell(cells, proposedGradeCol)),
      benefitGroup: key(cell(cells, benefitGroupCol)),
      serviceYears,
      rehireDay,
    });
  }
  if (rowCount === 0) invalid("The roster has a header row but no employee rows");
  if (split.size > 0) {
    let rows = 0;
    for (let index = 0; index < columns.length; index++) if (split.has(normalizeKey(columns.text("id", index)))) rows++;
    notes.push(
      `roster: ${split.size} ${split.size === 1 ? "employee holds" : "employees hold"} several assignments (${rows} rows, each placed): head counts count each person once, in the grade of their main assignment (the largest FTE, else the first row); FTE and cost count every assignment`,
    );
  }
  return withEmployees(columns, {
    problems,
    rowCount,
    headerRow: headerIndex + 1,
    mapping,
    blankFte,
    leftOut: leftOut.size,
    notes,
  });
}

/**
 * The roster with its employees as objects made on first use (the current conditions read the
 * columns). Outside parseRoster, so that the getter keeps the columns alive, not the table.
 */
function withEmployees(columns: RosterColumns, rest: Omit<Roster, "employees" | "columns">): Roster {
  let employees: Employee[] | undefined;
  return {
    get employees(): Employee[] {
      employees ??= columns.employees();
      return employees;
    },
    columns,
    ...rest,
  };
}
