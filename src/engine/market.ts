/**
 * Market rules (Portland 2013 study, chapter 5 market summary; HISD compensation manual,
 * salary surveys): survey figures aged to a common date, a statistic across peers (mean,
 * median or a percentile as Excel's PERCENTILE.INC computes it), the differential between
 * the organisation and the market, and the market position it gives. One rule each, used by
 * the market-summary exhibit and the COMP.MARKET_DIFF / COMP.AGE_MARKET functions alike.
 */
import { invalid, outOfRange } from "./errors";

/** Years are 365.25 days (the tenure exhibit's rule, so aging and tenure agree on a year). */
export const MARKET_DAYS_PER_YEAR = 365.25;

/**
 * Yearly market movement assumed when aging survey data to the study's date: 3 %, the usual
 * salary-structure movement survey publishers assume (CompStudy default; `--aging-rate`).
 */
export const DEFAULT_AGING_RATE = 0.03;

/** ± band around zero differential within which pay is "competitive" (5 %, CompStudy default; `--tolerance`). */
export const DEFAULT_MARKET_TOLERANCE = 0.05;

/**
 * Fewest peer responses for a benchmark to be compared: 5, the usual survey safe harbour
 * (no figure describes fewer than five employers; CompStudy default; `--min-responses`).
 */
export const DEFAULT_MIN_RESPONSES = 5;

/** How a survey figure grows with time: compound (default) or simple interest. */
export type AgingMethod = "compound" | "simple";
export const AGING_METHODS: readonly AgingMethod[] = ["compound", "simple"];

/** Reads an aging method name (case-insensitive). */
export function parseAgingMethod(text: string): AgingMethod {
  const method = text.trim().toLowerCase();
  if ((AGING_METHODS as readonly string[]).includes(method)) return method as AgingMethod;
  return invalid(`The aging method must be 'compound' or 'simple', got '${text.trim()}'`);
}

/**
 * Ages a survey figure by `days` at `rate` a year (issue 9): compound value × (1 + rate)^(days /
 * 365.25), simple value × (1 + rate × days / 365.25). Zero or negative days (a figure dated on
 * or after the date aged to) leave the value as it is: figures are never aged backwards.
 */
export function ageMarketValue(value: number, days: number, rate: number, method: AgingMethod = "compound"): number {
  if (!Number.isFinite(value)) invalid("The value must be a number");
  if (!Number.isFinite(days)) invalid("The number of days must be a number");
  if (!Number.isFinite(rate)) invalid("The aging rate must be a number");
  if (rate < 0 || rate > 1) outOfRange(`The aging rate must be between 0 and 1 (100 %), got ${rate}`);
  if (days <= 0) return value;
  const years = days / MARKET_DAYS_PER_YEAR;
  return method === "compound" ? value * Math.pow(1 + rate, years) : value * (1 + rate * years);
}

/**
 * Excel's PERCENTILE.INC of `values` at `k` (0 ≤ k ≤ 1): sorted x, h = (n − 1) × k, the value
 * at floor(h) plus (h − floor(h)) × the step to the next value. k = 0.5 is the median. The two
 * values are found by selection in a copy (linear time on average), not by sorting it.
 */
export function percentileInc(values: ArrayLike<number>, k: number): number {
  if (values.length === 0) invalid("A percentile needs at least one value");
  if (!Number.isFinite(k) || k < 0 || k > 1) outOfRange(`The percentile must be between 0 and 1, got ${k}`);
  const copy = Float64Array.from(values);
  const h = (copy.length - 1) * k;
  const low = Math.floor(h);
  const fraction = h - low;
  const at = select(copy, low);
  if (fraction === 0) return at;
  // The next value up is the smallest of the part right of `low` (all ≥ it after selecting).
  let next = copy[low + 1];
  for (let i = low + 2; i < copy.length; i++) if (copy[i] < next) next = copy[i];
  return at + fraction * (next - at);
}

/**
 * Reorders `values` so that values[k] is the k-th smallest, those before it no larger and
 * those after no smaller (Hoare's quickselect); returns it.
 */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/** The statistic taken across peers: the mean, the median, or a percentile (PERCENTILE.INC). */
export type MarketStatistic = { kind: "mean" } | { kind: "median" } | { kind: "percentile"; k: number };

/** The market statistic names: mean, median, p0 … p100 (p75 = PERCENTILE.INC(…, 0.75)). */
export const MARKET_STAT_PATTERN = /^p(\d{1,2}|100)$/;

/** Reads a statistic name: "mean", "median" or "pNN" (case-insensitive). */
export function parseMarketStatistic(text: string): MarketStatistic {
  const name = text.trim().toLowerCase();
  if (name === "mean" || name === "median") return { kind: name };
  const match = MARKET_STAT_PATTERN.exec(name);
  if (match) return { kind: "percentile", k: Number(match[1]) / 100 };
  return invalid(`The market statistic must be 'mean', 'median' or pNN such as 'p75', got '${text.trim()}'`);
}

/** The statistic in words, for exhibit descriptions ("the 75th percentile"). */
export function describeStatistic(statistic: MarketStatistic): string {
  if (statistic.kind !== "percentile") return `the ${statistic.kind}`;
  const n = Math.round(statistic.k * 100);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `the ${n}${suffix} percentile (PERCENTILE.INC)`;
}

/** The statistic of peer figures (survey aggregation: mean, median = PERCENTILE.INC at 0.5, or pNN). */
export function marketStatistic(values: readonly number[], statistic: MarketStatistic): number {
  if (values.length === 0) invalid("The market statistic needs at least one value");
  if (statistic.kind === "mean") return values.reduce((total, value) => total + value, 0) / values.length;
  return percentileInc(values, statistic.kind === "median" ? 0.5 : statistic.k);
}

/**
 * How a differential is read: org-over-market = (organisation − market) / market, positive
 * when the organisation pays above the market (default); market-over-org = (market −
 * organisation) / organisation, the raise the organisation would need.
 */
export type DifferentialConvention = "org-over-market" | "market-over-org";
export const DIFFERENTIAL_CONVENTIONS: readonly DifferentialConvention[] = ["org-over-market", "market-over-org"];

/** Reads a convention name (case-insensitive). */
export function parseDifferentialConvention(text: string): DifferentialConvention {
  const name = text.trim().toLowerCase();
  if ((DIFFERENTIAL_CONVENTIONS as readonly string[]).includes(name)) return name as DifferentialConvention;
  return invalid(`The convention must be 'org-over-market' or 'market-over-org', got '${text.trim()}'`);
}

/** Market differential (Portland study, chapter 5): (org − market) / market, or (market − org) / org. */
export function marketDifferential(
  org: number,
  market: number,
  convention: DifferentialConvention = "org-over-market",
): number {
  if (!Number.isFinite(org) || !Number.isFinite(market)) invalid("The organisation and market values must be numbers");
  if (org <= 0) outOfRange(`The organisation's value must be above zero, got ${org}`);
  if (market <= 0) outOfRange(`The market value must be above zero, got ${market}`);
  return convention === "org-over-market" ? (org - market) / market : (market - org) / org;
}

/** Where a benchmark's pay sits against the market. */
export type MarketPosition = "below market" | "competitive" | "above market" | "insufficient data";

/** Differentials this close to the band's edge count as on it (a ratio of binary noise, not money). */
const EDGE = 1e-9;

/**
 * The market position of a differential read in its convention: beyond −tolerance on the
 * organisation's low side "below market", beyond +tolerance on its high side "above market",
 * else (the edges included) "competitive".
 */
export function marketPosition(
  differential: number,
  tolerance: number = DEFAULT_MARKET_TOLERANCE,
  convention: DifferentialConvention = "org-over-market",
): Exclude<MarketPosition, "insufficient data"> {
  if (!Number.isFinite(differential)) invalid("The differential must be a number");
  if (!Number.isFinite(tolerance) || tolerance < 0) outOfRange(`The tolerance cannot be negative, got ${tolerance}`);
  // market-over-org is positive when the organisation pays less: read it with the sign turned.
  const orgSide = convention === "org-over-market" ? differential : -differential;
  if (orgSide < -tolerance - EDGE) return "below market";
  if (orgSide > tolerance + EDGE) return "above market";
  return "competitive";
}
