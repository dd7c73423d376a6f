/**
 * Hire dates as HR exports write them: ISO text, US m/d/yyyy and m/d/yy (day first when the
 * column says so: "Hire Date (dd/mm/yyyy)"), "March 5, 2010", "05-Mar-2010", Excel serial
 * numbers in the workbook's date system (1900, or 1904: Excel for Mac's old one) and Date
 * objects. Dates are whole days since 1970-01-01 (UTC), so tenure arithmetic has no time zones.
 */
import type { CellValue } from "../cells";

const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01; serials below 61 sit before Excel's fictitious 1900-02-29. */
const EXCEL_EPOCH_OFFSET = 25_569;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Days since 1970-01-01 of a valid calendar date, or undefined. */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round(time / MS_PER_DAY);
}

/** ISO yyyy-mm-dd of a day number. */
export function isoDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of an Excel serial date; serial 60 (the fictitious 1900-02-29) has none. */
export function fromExcelSerial(serial: number): number | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return undefined;
  return whole < 60 ? whole - EXCEL_EPOCH_OFFSET + 1 : whole - EXCEL_EPOCH_OFFSET;
}

/** 5/1/2010, 05.01.2010, 05-01-10: two small numbers and a year. */
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

function twoDigitYear(year: number): number {
  // m/d/yy: 00–29 → 2000s, 30–99 → 1900s (Excel's own pivot).
  return year < 30 ? 2000 + year : 1900 + year;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The order of a numeric date's parts: month first (US, the default) or day first. */
export type DateOrder = "mdy" | "dmy";

/** Days between the 1900 and 1904 date systems' serial 0 (1899-12-30 and 1904-01-01). */
export const DATE_1904_OFFSET = 1462;

/**
 * Parses a date cell to a day number; undefined when it is not a date. `order` reads numeric
 * dates (5/1/2010) month or day first; without it, month first (US) unless the date is
 * written with dots (01.06.2015, day first); serials are of the 1900 date system (see parseDateCell).
 */
export function parseDate(value: CellValue | { getTime(): number }, order?: DateOrder): number | undefined {
  if (value === null || value === undefined || typeof value === "boolean") return undefined;
  if (typeof value === "object") {
    const time = value.getTime();
    return Number.isFinite(time) ? Math.floor(time / MS_PER_DAY) : undefined;
  }
  if (typeof value === "number") return fromExcelSerial(value);
  const text = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DATE.exec(text);
  if (m) {
    const year = m[4].length === 2 ? twoDigitYear(Number(m[4])) : Number(m[4]);
    // Dates written with dots (01.06.2015) are day first wherever they are written so (Germany,
    // Switzerland, Scandinavia, Eastern Europe): no locale writes month.day.year.
    const dayFirst = (order ?? (m[2] === "." ? "dmy" : "mdy")) === "dmy";
    const [month, day] = dayFirst ? [m[3], m[1]] : [m[1], m[3]];
    return dayNumber(year, Number(month), Number(day));
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m && monthIndex(m[1]) > 0) return dayNumber(Number(m[3]), monthIndex(m[1]), Number(m[2]));
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{4}|\d{2})$/.exec(text);
  if (m && monthIndex(m[2]) > 0) {
    const year = m[3].length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
    return dayNumber(year, monthIndex(m[2]), Number(m[1]));
  }
  if (/^\d+(\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));
  return undefined;
}

/**
 * A date cell of a table as its workbook means it: serials (numbers, or digits as text) of a
 * 1904-date-system workbook shifted to the 1900 system first (ECMA-376 §18.17.4.1), numeric
 * dates in the column's order.
 */
export function parseDateCell(
  value: CellValue,
  options: { date1904?: boolean; order?: DateOrder } = {},
): number | undefined {
  const serial =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : undefined;
  if (serial !== undefined) return fromExcelSerial(options.date1904 ? serial + DATE_1904_OFFSET : serial);
  return parseDate(value, options.order);
}

/** The parts of a numeric date text (5/1/2010 → [5, 1]); undefined for anything else. */
export function numericDateParts(value: CellValue): [number, number] | undefined {
  if (typeof value !== "string") return undefined;
  const m = NUMERIC_DATE.exec(value.trim());
  // 01.06.2015 is day first: never a month-or-day question.
  return m && m[2] !== "." ? [Number(m[1]), Number(m[3])] : undefined;
}

/** The order a header's format hint states: "Hire Date (dd/mm/yyyy)" → "dmy"; undefined when none. */
export function dateOrderHint(header: string): DateOrder | undefined {
  if (/\bd{1,2}\s*[/.-]\s*m{1,2}\s*[/.-]\s*y{2,4}\b/i.test(header)) return "dmy";
  if (/\bm{1,2}\s*[/.-]\s*d{1,2}\s*[/.-]\s*y{2,4}\b/i.test(header)) return "mdy";
  return undefined;
}

/** A day of the year without a year (a fiscal year's first day): month 1–12, day of that month. */
export type MonthDay = { readonly month: number; readonly day: number };

/**
 * A month and day as people write one: "07-01", "7/1", "July 1", "1 Jul", a full date (its month
 * and day: Excel turns a typed 07-01 into a date) or an Excel date serial. February 29 is refused:
 * most years have none. Undefined when it is not a day of the year.
 */
export function parseMonthDay(value: CellValue): MonthDay | undefined {
  if (value === null || value === undefined || typeof value === "boolean") return undefined;
  let month: number;
  let day: number;
  const text = String(value).trim();
  let m: RegExpExecArray | null;
  if (typeof value === "number" || /^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) {
    const parsed = typeof value === "number" ? fromExcelSerial(value) : parseDate(text);
    if (parsed === undefined) return undefined;
    const date = new Date(parsed * MS_PER_DAY);
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
  } else if ((m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(text))) {
    month = Number(m[1]);
    day = Number(m[2]);
  } else if ((m = /^([A-Za-z]{3,9})\.?\s*(\d{1,2})$/.exec(text)) && monthIndex(m[1]) > 0) {
    month = monthIndex(m[1]);
    day = Number(m[2]);
  } else if ((m = /^(\d{1,2})\s*[- ]\s*([A-Za-z]{3,9})\.?$/.exec(text)) && monthIndex(m[2]) > 0) {
    month = monthIndex(m[2]);
    day = Number(m[1]);
  } else return undefined;
  if (month === 2 && day === 29) return undefined;
  // 2001 is not a leap year: February 29 fails here as in any year that would need it.
  return dayNumber(2001, month, day) === undefined ? undefined : { month, day };
}
