/**
 * Hire dates as HR exports write them: ISO text, US m/d/yyyy and m/d/yy, "March 5, 2010",
 * "05-Mar-2010", Excel serial numbers (1900 date system) and Date objects (ExcelJS).
 * Dates are whole days since 1970-01-01 (UTC), so tenure arithmetic has no time zones.
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

function twoDigitYear(year: number): number {
  // m/d/yy: 00–29 → 2000s, 30–99 → 1900s (Excel's own pivot).
  return year < 30 ? 2000 + year : 1900 + year;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Parses a date cell to a day number; undefined when it is not a date. */
export function parseDate(value: CellValue | { getTime(): number }): number | undefined {
  if (value === null || value === undefined || typeof value === "boolean") return undefined;
  if (typeof value === "object") {
    const time = value.getTime();
    return Number.isFinite(time) ? Math.floor(time / MS_PER_DAY) : undefined;
  }
  if (typeof value === "number") return fromExcelSerial(value);
  const text = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
    return dayNumber(year, Number(m[1]), Number(m[2]));
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
