/**
 * Numbers and dates as a sentence states them (the findings, the notes): percentages to one
 * decimal ("79.8 %"), money in dollars ("$334,463"), counts with separators, years with their
 * unit, dates as a US reader writes them ("April 1, 2013"). Rounded as Excel's ROUND, half away
 * from zero, for display only. Always en-US, so a report reads the same on every machine.
 */
import { roundHalfAwayFromZero } from "../../money";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function fixed(value: number, digits: number): string {
  return roundHalfAwayFromZero(value, digits).toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** The space between a number and its unit: a no-break space, so a line never ends between them. */
const NBSP = "\u00a0";

/** A fraction as a percentage: 0.7984 → "79.8 %" (with a no-break space). */
export function percentWords(fraction: number, digits = 1): string {
  return `${fixed(fraction * 100, digits)}${NBSP}%`;
}

/** The size of a difference of shares: 0.052 → "5.2 percentage points". */
export function pointsWords(fraction: number): string {
  const points = fixed(Math.abs(fraction) * 100, 1);
  return `${points} percentage ${points === "1.0" ? "point" : "points"}`;
}

/** Money: whole dollars unless `cents` ("$334,463", "$15.50"); a minus sign before the dollar. */
export function moneyWords(value: number, cents = false): string {
  const text = fixed(Math.abs(value), cents ? 2 : 0);
  return `${value < 0 && /[1-9]/.test(text) ? "-" : ""}$${text}`;
}

/** A count with separators: 1176 → "1,176". */
export function countWords(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** "1 employee", "12 employees". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${countWords(n)} ${n === 1 ? one : many}`;
}

/** Years to one decimal with their unit: "12.3 years". */
export function yearsWords(years: number): string {
  const text = fixed(years, 1);
  return `${text} ${text === "1.0" ? "year" : "years"}`;
}

/** An index (a ratio to 1) to two decimals: "1.52". */
export function indexWords(value: number): string {
  return fixed(value, 2);
}

/** An ISO date as people write it: "2013-04-01" → "April 1, 2013"; anything else as it is. */
export function dateWords(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTH_NAMES[Number(match[2]) - 1];
  return month === undefined ? iso : `${month} ${Number(match[3])}, ${match[1]}`;
}

/**
 * The lowest and highest of labelled values, in words: "from 4.0 years (Hourly) to 8.0 years
 * (Annual)"; undefined for fewer than two, or when the two read the same (they differ only past
 * the shown precision: not worth a sentence).
 */
export function spanWords(
  items: readonly { label: string; value: number }[],
  words: (value: number) => string,
): string | undefined {
  if (items.length < 2) return undefined;
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  const [from, to] = [words(low.value), words(high.value)];
  return from === to ? undefined : `from ${from} (${low.label}) to ${to} (${high.label})`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The first letter in capitals (a sentence that starts with a lower-case label). */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
