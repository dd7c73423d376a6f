/**
 * Employee rosters as HRIS exports and hand-kept sheets give them. Every data row ends up
 * either an Employee or an Unplaced row with its reason — never dropped silently.
 */
import { isBlank, parseNumberText, truncate, normalizeKey, type CellValue } from "../cells";
import { invalid } from "../errors";
import { parseDate, isoDate } from "./dates";
import { GRADE_FIELD, PLAN_FIELD, firstFilledRow, mapColumns, missingColumnMessage, type FieldSpec } from "./headers";
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
    ],
    required: true,
  },
  PLAN_FIELD,
  GRADE_FIELD,
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
    ],
    required: true,
  },
  {
    field: "hireDate",
    label: "Hire Date",
    synonyms: ["hire date", "date of hire", "hire dt", "start date", "hired", "original hire date", "service date"],
    required: false,
  },
  {
    field: "jobFamily",
    label: "Job Family",
    synonyms: ["job family", "family", "department", "dept", "job group", "occupational group"],
    required: false,
  },
  {
    field: "jobTitle",
    label: "Job Title",
    synonyms: ["job title", "title", "class", "classification", "class title", "position", "job class", "job"],
    required: false,
  },
  { field: "fte", label: "FTE", synonyms: ["fte", "full time equivalent"], required: false },
  { field: "step", label: "Step", synonyms: ["step", "current step"], required: false },
];

export type RosterOptions = {
  /** Header (as written) per field, overriding detection. */
  mapping?: Partial<Record<RosterField, string>>;
  /** yyyy-mm-dd; hire dates after it are problems. */
  asOf?: string;
};

/** Fields that are required but not found, with the message to show for each. */
export function missingFields(mapping: Roster["mapping"]): { field: RosterField; message: string }[] {
  return ROSTER_FIELDS.filter((spec) => spec.required && !mapping[spec.field]).map((spec) => ({
    field: spec.field,
    message: missingColumnMessage(spec),
  }));
}

/** Detects the roster's columns from its header row (the first filled row). */
export function detectRosterColumns(
  table: readonly (readonly CellValue[])[],
  mapping: Partial<Record<RosterField, string>> = {},
): Roster["mapping"] {
  const headerIndex = firstFilledRow(table);
  if (headerIndex < 0) invalid("The roster is empty");
  return mapColumns(table[headerIndex], ROSTER_FIELDS, mapping);
}

/** Excel error values as readers hand them over (#ERROR! = an error whose name was lost). */
const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i;

function text(value: CellValue): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** Parses a roster table into employees and rows that cannot be placed. */
export function parseRoster(table: readonly (readonly CellValue[])[], options: RosterOptions = {}): Roster {
  const headerIndex = firstFilledRow(table);
  if (headerIndex < 0) invalid("The roster is empty");
  const mapping = mapColumns(table[headerIndex], ROSTER_FIELDS, options.mapping);
  const missing = missingFields(mapping);
  if (missing.length > 0) invalid(missing.map((m) => m.message).join("; "));
  const asOfDay = options.asOf === undefined ? undefined : parseDate(options.asOf);
  const column = (field: RosterField): number | undefined => mapping[field]?.column;
  const [idCol, planCol, gradeCol, salaryCol, hireCol, familyCol, titleCol] = (
    ["employeeId", "plan", "grade", "salary", "hireDate", "jobFamily", "jobTitle"] as const
  ).map(column);

  const employees: Employee[] = [];
  const problems: Unplaced[] = [];
  const firstRowOfId = new Map<string, number>();
  let rowCount = 0;

  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (cells.every(isBlank)) continue;
    rowCount++;
    const row = index + 1;
    const id = text(cells[idCol as number]);
    const plan = planCol === undefined ? "" : text(cells[planCol]);
    const grade = text(cells[gradeCol as number]);
    const refuse = (reason: string): void => {
      problems.push({ row, id, plan, grade, reason: `Row ${row}: ${reason}` });
    };

    if (id === "") {
      refuse("Employee ID is blank");
      continue;
    }
    const idKey = normalizeKey(id);
    const seen = firstRowOfId.get(idKey);
    if (seen !== undefined) {
      refuse(`Employee ID '${truncate(id)}' appears twice (rows ${seen} and ${row}); the first is kept`);
      continue;
    }
    firstRowOfId.set(idKey, row);
    if (grade === "") {
      refuse("Grade is blank");
      continue;
    }
    if (ERROR_TEXT.test(grade)) {
      refuse(`Grade is an Excel error (${grade})`);
      continue;
    }
    const rawSalary = cells[salaryCol as number];
    if (isBlank(rawSalary)) {
      refuse("Salary is blank");
      continue;
    }
    const salary = typeof rawSalary === "number" ? rawSalary : parseNumberText(String(rawSalary));
    if (salary === undefined || !Number.isFinite(salary)) {
      const shown = truncate(String(rawSalary).trim());
      refuse(ERROR_TEXT.test(shown) ? `Salary is an Excel error (${shown})` : `Salary '${shown}' is not a number`);
      continue;
    }
    if (salary <= 0) {
      refuse(`Salary ${salary} is not above zero`);
      continue;
    }
    let hireDay: number | null = null;
    if (hireCol !== undefined) {
      const rawDate = cells[hireCol];
      if (isBlank(rawDate)) {
        refuse("Hire Date is blank");
        continue;
      }
      if (typeof rawDate === "string" && ERROR_TEXT.test(rawDate.trim())) {
        refuse(`Hire Date is an Excel error (${rawDate.trim()})`);
        continue;
      }
      const parsed = parseDate(rawDate);
      if (parsed === undefined) {
        refuse(
          `Hire Date '${truncate(String(rawDate).trim())}' is not a date (use yyyy-mm-dd, m/d/yyyy or an Excel date)`,
        );
        continue;
      }
      if (asOfDay !== undefined && parsed > asOfDay) {
        refuse(`Hire Date ${isoDate(parsed)} is after the as-of date ${isoDate(asOfDay)}`);
        continue;
      }
      hireDay = parsed;
    }
    employees.push({
      row,
      id,
      plan,
      grade,
      salary,
      hireDay,
      jobFamily: familyCol === undefined ? "" : text(cells[familyCol]),
      jobTitle: titleCol === undefined ? "" : text(cells[titleCol]),
    });
  }
  if (rowCount === 0) invalid("The roster has a header row but no employee rows");
  return { employees, problems, rowCount, mapping };
}
