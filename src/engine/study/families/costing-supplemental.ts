/**
 * Supplemental pay in the settlement roll-forward (issue 22's "Costing"): each costed employee's
 * stipends and longevity year by year, by the supplemental family's own rule for one employee's
 * year (employeeSupplemental) — percent stipends follow the year's base pay, stipends marked
 * Raises With Schedule move with the year's increase and the others stay, and longevity is
 * re-read each year as service grows.
 */
import { raisedSalary } from "../../costing";
import type { LongevityStep } from "../../supplemental";
import type { Study } from "../context";
import { dayNumber, isoDate } from "../dates";
import { dateWords } from "../report/words";
import type { PlacedEmployee } from "../placement";
import type { YearTerms } from "./costing-inputs";
import { percentText } from "./market";
import {
  ASSIGNMENTS_INPUT,
  LONGEVITY_INPUT,
  STIPENDS_INPUT,
  employeeSupplemental,
  studyFiscalYear,
  supplementalEmployee,
  type Stipend,
  type SupplementalDate,
  type SupplementalEmployee,
} from "./supplemental";

/** One employee's supplemental pay in a year: all of it, and the part a 1 % schedule increase moves. */
export type SupplementalYear = { total: number; moving: number };

export type SupplementalCosting = {
  /** Each costed employee's supplemental pay in year y (0 = the base) for a base pay (salary × the annual basis). */
  yearOf: (i: number, terms: readonly YearTerms[], y: number, basePay: number, into: SupplementalYear) => void;
  /** Whether employee i has any supplemental pay to cost (a counted stipend, or a longevity table). */
  has: (i: number) => boolean;
  /** The rules and readings, in words. */
  notes: string[];
};

/** A stipend whose pay moves with the schedule: a percent of base pay, or an amount marked Raises With Schedule. */
const moves = (stipend: Stipend): boolean => stipend.basis === "percent" || stipend.raisesWithSchedule;

/**
 * The day service is measured on in year y: the y-th anniversary of the as-of date (a February 29
 * as-of date: March 1 in a year without one, so each year adds a whole year of service).
 */
export function serviceDay(asOfDay: number, years: number): number {
  const date = new Date(asOfDay * 86_400_000);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth() + 1;
  return dayNumber(year, month, date.getUTCDate()) ?? (dayNumber(year, 3, 1) as number);
}

/**
 * The costed employees' supplemental pay through the settlement (undefined without a Stipends
 * or Longevity table: Supplemental Cost is then 0). `employees` are the costing's columns.
 */
export function supplementalCosting(
  study: Study,
  employees: readonly PlacedEmployee[],
  years: number,
): SupplementalCosting | undefined {
  const stipendTable = study.input(STIPENDS_INPUT);
  const longevity: readonly LongevityStep[] | undefined = study.input(LONGEVITY_INPUT)?.bands;
  if (stipendTable === undefined && longevity === undefined) return undefined;
  const fiscalYear = studyFiscalYear(study);
  // Today's assignments recur every year with the share of the fiscal year they cover now; service is measured on each anniversary.
  const dates: SupplementalDate[] = Array.from({ length: years + 1 }, (_, y) => ({
    day: serviceDay(study.asOfDay, y),
    fiscalYear,
  }));
  const people: (SupplementalEmployee | undefined)[] = employees.map((employee) => {
    const found = supplementalEmployee(study, employee);
    return found !== undefined && (found.assignments.length > 0 || longevity !== undefined) ? found : undefined;
  });
  // Each plan's stipend amounts year by year (its terms' increases): the amount × (1 + increase), rounded to the cent, on last year's.
  const amounts = new Map<readonly YearTerms[], ((stipend: Stipend) => number)[]>();
  const amountsOf = (terms: readonly YearTerms[]): ((stipend: Stipend) => number)[] => {
    let found = amounts.get(terms);
    if (found === undefined) {
      const raised = new Map<Stipend, number[]>();
      const path = (stipend: Stipend): number[] => {
        let list = raised.get(stipend);
        if (list === undefined) {
          list = [stipend.amount];
          for (let y = 1; y <= years; y++)
            list.push(
              stipend.basis !== "percent" && stipend.raisesWithSchedule
                ? raisedSalary(list[y - 1], terms[y - 1].increase, 0)
                : stipend.amount,
            );
          raised.set(stipend, list);
        }
        return list;
      };
      found = Array.from({ length: years + 1 }, (_, y) => (stipend: Stipend) => path(stipend)[y]);
      amounts.set(terms, found);
    }
    return found;
  };
  const yearOf: SupplementalCosting["yearOf"] = (i, terms, y, basePay, into) => {
    const person = people[i];
    into.total = 0;
    into.moving = 0;
    if (person === undefined) return;
    const pay = employeeSupplemental(person, basePay, amountsOf(terms)[y], longevity, dates[y]);
    let moving = 0;
    for (let k = 0; k < pay.costs.length; k++) if (moves(person.assignments[k].stipend)) moving += pay.costs[k];
    const band = pay.band >= 0 ? (longevity as readonly LongevityStep[])[pay.band] : undefined;
    const longevityPay = pay.longevity ?? 0;
    if (band !== undefined && band.percent !== null) moving += longevityPay;
    into.total = pay.stipends + longevityPay;
    into.moving = moving;
  };
  return {
    yearOf,
    has: (i) => people[i] !== undefined,
    notes: supplementalNotes(study, fiscalYear.start, fiscalYear.end, longevity !== undefined),
  };
}

/** The supplemental readings in words, for the settlement's notes. */
function supplementalNotes(study: Study, start: number, end: number, longevity: boolean): string[] {
  const notes: string[] = [];
  const stipends = study.input(STIPENDS_INPUT);
  const parts: string[] = [];
  if (stipends !== undefined)
    parts.push(
      `stipends as the Supplemental Pay exhibit prices them for the fiscal year ${dateWords(isoDate(start))} to ${dateWords(isoDate(end))}, each assignment recurring every year with the share of the year it covers now; a percent stipend is its percent of the year's base pay (salary × the annual basis), so it moves with the increase and with step movement; an amount marked Raises With Schedule becomes last year's × (1 + the year's increase of the employee's plan), rounded to the cent (the settlement's flat amount is not added to it); the others stay as they are`,
    );
  if (longevity)
    parts.push(
      "longevity re-read each year on the anniversary of the as-of date — a year of service more each year, so an employee crossing a band's threshold gets the new band that year —, a flat band's amount as it is, a percent band's percent of the year's base pay",
    );
  notes.push(
    `Supplemental Cost = ${parts.join("; ")}. It is the incumbents' supplemental pay, not reduced by turnover (a stipend goes with its duty, which is filled whoever leaves; what turnover saves on percent stipends and longevity is left out, so the figure errs high). It is inside Load Cost (× the load rate) and Total Cost; Value of 1% includes the part that moves with the schedule (percent and raising stipends, percent longevity).`,
  );
  if (stipends !== undefined && !study.has(ASSIGNMENTS_INPUT))
    notes.push(
      `Supplemental Cost leaves the stipends out: there is no ${ASSIGNMENTS_INPUT.label} table to say who holds them.`,
    );
  const stay = stipends?.stipends.filter((stipend) => stipend.basis === "percent" && !stipend.raisesWithSchedule) ?? [];
  if (stay.length > 0)
    notes.push(
      `Percent stipends marked not to raise with the schedule still follow base pay (a percent of the year's base pay moves with it): ${stay
        .slice(0, 10)
        .map((stipend) => `${stipend.code} (${percentText(stipend.amount)})`)
        .join(", ")}${stay.length > 10 ? ", …" : ""}.`,
    );
  return notes;
}
