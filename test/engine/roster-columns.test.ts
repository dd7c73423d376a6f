import fc from "fast-check";
import { RosterColumns } from "../../src/engine/study/roster-columns";
import type { Employee } from "../../src/engine/study/types";

/** Every field of an employee, each blank in some rows and filled in others. */
const text = fc.oneof(fc.constant(""), fc.string({ minLength: 1, maxLength: 6 }));
const day = fc.oneof(fc.constant(null), fc.integer({ min: -20_000, max: 30_000 }));
const amount = fc.oneof(fc.constant(null), fc.double({ min: 0.5, max: 5_000, noNaN: true }));
const employee: fc.Arbitrary<Omit<Employee, "row">> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  plan: text,
  grade: text,
  salary: fc.double({ min: 1, max: 500_000, noNaN: true }),
  fte: fc.double({ min: 0.01, max: 1, noNaN: true }),
  hireDay: day,
  jobFamily: text,
  jobTitle: text,
  step: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 })),
  gender: text,
  ethnicity: text,
  separationDay: day,
  separationReason: text,
  positionId: text,
  department: text,
  annualHours: amount,
  contractDays: amount,
  proposedPlan: text,
  proposedGrade: text,
  benefitGroup: text,
  serviceYears: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 45 })),
  rehireDay: day,
});

describe("RosterColumns", () => {
  it("gives back every field of every employee appended, blank or not, through growth", () => {
    fc.assert(
      fc.property(fc.array(employee, { maxLength: 60 }), fc.integer({ min: 0, max: 5 }), (people, capacity) => {
        const columns = new RosterColumns(capacity);
        const appended = people.map((person, at) => ({ row: at + 2, ...person }));
        appended.forEach((person) => columns.append(person));
        expect(columns.length).toBe(appended.length);
        expect(columns.employees()).toEqual(appended);
      }),
    );
  });
});
