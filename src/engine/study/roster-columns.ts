/**
 * The roster as columns (issue 21): one array per field instead of one object per employee. A
 * 1,048,576-row roster as objects of 22 fields was 300 MB and a third of the run in garbage
 * collection; as columns it is a few typed arrays and arrays of shared strings. The employees
 * as objects (what most analyses read) are made from the columns on first use; the current
 * conditions read the columns.
 */
import type { Employee, EmployeeColumns, EmployeeOptionalNumber, EmployeeTextField } from "./types";

/** Fields of text: one string per row ("" where the roster has no such column or a blank cell). */
const TEXT_FIELDS = [
  "id",
  "plan",
  "grade",
  "jobFamily",
  "jobTitle",
  "gender",
  "ethnicity",
  "separationReason",
  "positionId",
  "department",
  "proposedPlan",
  "proposedGrade",
  "benefitGroup",
] as const satisfies readonly EmployeeTextField[];

/** Fields of numbers that may be blank (null): NaN in their column (a number read is always finite). */
const OPTIONAL_NUMBERS = [
  "hireDay",
  "step",
  "separationDay",
  "annualHours",
  "contractDays",
  "serviceYears",
  "rehireDay",
] as const satisfies readonly EmployeeOptionalNumber[];

const TEXT_INDEX = Object.fromEntries(TEXT_FIELDS.map((field, at) => [field, at])) as Record<EmployeeTextField, number>;
const NUMBER_INDEX = Object.fromEntries(OPTIONAL_NUMBERS.map((field, at) => [field, at])) as Record<
  EmployeeOptionalNumber,
  number
>;

/**
 * The employees read from a roster, column by column, in roster order. A column the roster
 * does not fill is not stored: every row reads "" (text) or null (numbers) from it.
 */
export class RosterColumns implements EmployeeColumns {
  /** How many employees. */
  length = 0;
  /** 1-based row of the roster table. */
  row: Int32Array;
  salary: Float64Array;
  fte: Float64Array;
  /** By position in TEXT_FIELDS and OPTIONAL_NUMBERS: undefined while every row reads "" or null. */
  private readonly texts: (string[] | undefined)[] = TEXT_FIELDS.map(() => undefined);
  private readonly numbers: (Float64Array | undefined)[] = OPTIONAL_NUMBERS.map(() => undefined);

  constructor(private capacity: number) {
    this.row = new Int32Array(capacity);
    this.salary = new Float64Array(capacity);
    this.fte = new Float64Array(capacity);
  }

  /** Adds an employee (the object is copied: one short-lived object per row). */
  append(employee: Employee): void {
    const at = this.length;
    if (at === this.capacity) this.grow();
    this.length++;
    this.row[at] = employee.row;
    this.salary[at] = employee.salary;
    this.fte[at] = employee.fte;
    // Each field by name: a loop over the names read each one as a keyed load, a few hundred
    // milliseconds of a 1,048,576-row roster.
    this.putText(TEXT_INDEX.id, at, employee.id);
    this.putText(TEXT_INDEX.plan, at, employee.plan);
    this.putText(TEXT_INDEX.grade, at, employee.grade);
    this.putText(TEXT_INDEX.jobFamily, at, employee.jobFamily);
    this.putText(TEXT_INDEX.jobTitle, at, employee.jobTitle);
    this.putText(TEXT_INDEX.gender, at, employee.gender);
    this.putText(TEXT_INDEX.ethnicity, at, employee.ethnicity);
    this.putText(TEXT_INDEX.separationReason, at, employee.separationReason);
    this.putText(TEXT_INDEX.positionId, at, employee.positionId);
    this.putText(TEXT_INDEX.department, at, employee.department);
    this.putText(TEXT_INDEX.proposedPlan, at, employee.proposedPlan);
    this.putText(TEXT_INDEX.proposedGrade, at, employee.proposedGrade);
    this.putText(TEXT_INDEX.benefitGroup, at, employee.benefitGroup);
    this.putNumber(NUMBER_INDEX.hireDay, at, employee.hireDay);
    this.putNumber(NUMBER_INDEX.step, at, employee.step);
    this.putNumber(NUMBER_INDEX.separationDay, at, employee.separationDay);
    this.putNumber(NUMBER_INDEX.annualHours, at, employee.annualHours);
    this.putNumber(NUMBER_INDEX.contractDays, at, employee.contractDays);
    this.putNumber(NUMBER_INDEX.serviceYears, at, employee.serviceYears);
    this.putNumber(NUMBER_INDEX.rehireDay, at, employee.rehireDay);
  }

  /** Row `at`'s text in the field at `field` of TEXT_FIELDS (rows are appended in order). */
  private putText(field: number, at: number, value: string): void {
    let column = this.texts[field];
    if (column === undefined) {
      if (value === "") return;
      column = Array.from({ length: at }, () => "");
      this.texts[field] = column;
    }
    column.push(value);
  }

  /** Row `at`'s number in the field at `field` of OPTIONAL_NUMBERS (NaN for blank). */
  private putNumber(field: number, at: number, value: number | null): void {
    let column = this.numbers[field];
    if (column === undefined) {
      if (value === null) return;
      column = new Float64Array(this.capacity).fill(NaN);
      this.numbers[field] = column;
    }
    column[at] = value === null ? NaN : value;
  }

  private grow(): void {
    this.capacity = Math.max(16, this.capacity * 2);
    const wider = (old: Float64Array | Int32Array, fill = 0): typeof old => {
      const next = new (old.constructor as Float64ArrayConstructor)(this.capacity).fill(fill);
      next.set(old);
      return next;
    };
    this.row = wider(this.row) as Int32Array;
    this.salary = wider(this.salary) as Float64Array;
    this.fte = wider(this.fte) as Float64Array;
    this.numbers.forEach((column, field) => {
      if (column !== undefined) this.numbers[field] = wider(column, NaN) as Float64Array;
    });
  }

  /** Row `at`'s text in a field. */
  text(field: EmployeeTextField, at: number): string {
    const column = this.texts[TEXT_INDEX[field]];
    return column === undefined ? "" : column[at];
  }

  /** The whole column of a text field (undefined when every row reads ""). */
  textColumn(field: EmployeeTextField): readonly string[] | undefined {
    return this.texts[TEXT_INDEX[field]];
  }

  /** Row `at`'s value of a number field that may be blank. */
  number(field: EmployeeOptionalNumber, at: number): number | null {
    const column = this.numbers[NUMBER_INDEX[field]];
    if (column === undefined) return null;
    const value = column[at];
    return value === value ? value : null;
  }

  /** The whole column of a number field that may be blank (NaN where blank; undefined when all are). */
  numberColumn(field: EmployeeOptionalNumber): Float64Array | undefined {
    return this.numbers[NUMBER_INDEX[field]];
  }

  /** Row `at` as an Employee object (the fields in the order analyses have always seen them). */
  employee(at: number): Employee {
    return {
      row: this.row[at],
      id: this.text("id", at),
      plan: this.text("plan", at),
      grade: this.text("grade", at),
      salary: this.salary[at],
      fte: this.fte[at],
      hireDay: this.number("hireDay", at),
      jobFamily: this.text("jobFamily", at),
      jobTitle: this.text("jobTitle", at),
      step: this.number("step", at),
      gender: this.text("gender", at),
      ethnicity: this.text("ethnicity", at),
      separationDay: this.number("separationDay", at),
      separationReason: this.text("separationReason", at),
      positionId: this.text("positionId", at),
      department: this.text("department", at),
      annualHours: this.number("annualHours", at),
      contractDays: this.number("contractDays", at),
      proposedPlan: this.text("proposedPlan", at),
      proposedGrade: this.text("proposedGrade", at),
      benefitGroup: this.text("benefitGroup", at),
      serviceYears: this.number("serviceYears", at),
      rehireDay: this.number("rehireDay", at),
    };
  }

  /** Every employee as an object, in roster order. */
  employees(): Employee[] {
    const employees: Employee[] = new Array<Employee>(this.length);
    for (let at = 0; at < this.length; at++) employees[at] = this.employee(at);
    return employees;
  }
}
