/**
 * Helpers every family's exhibits share: column declarations, ratios, a row's money display and
 * the length of a year. Their own module, so that a family never imports another family.
 */
import type { ExhibitColumn, ExhibitRow } from "../../exhibit";
import type { PayGrade, PayPlan } from "../types";

/** Years are 365.25 days (the tenure exhibit's rule). */
export const DAYS_PER_YEAR = 365.25;

/** A column of an exhibit: its name (a public contract), how its values are shown, and money precision. */
export const col = (name: string, kind: ExhibitColumn["kind"], money?: ExhibitColumn["money"]): ExhibitColumn =>
  money === undefined ? { name, kind } : { name, kind, money };

/** part ÷ whole, or null (a blank cell) when the whole is 0. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The row's money display: the grade's unit and cents. */
export function gradeMoney(grade: Pick<PayGrade, "unit" | "cents">): Pick<ExhibitRow, "unit" | "cents"> {
  return { unit: grade.unit, cents: grade.cents };
}

/** A plan's money display, when all its grades share a unit (mixed plans leave it to the grades). */
export function planMoney(plan: PayPlan): Pick<ExhibitRow, "unit" | "cents"> {
  if (plan.unit === undefined) return {};
  return { unit: plan.unit, cents: plan.grades.some((grade) => grade.cents) };
}
