/**
 * Money helpers: Excel-exact rounding and half-cent tolerant comparison.
 * Compute in full precision; round only where a rule rounds.
 */

/** Half a cent: money comparisons treat values closer than this as equal. */
export const HALF_CENT = 0.005;

/**
 * Rounds half away from zero to `digits` decimals, exactly like Excel's ROUND.
 * The decimal point is shifted through the exponent string, not by multiplying, so that
 * 2.675 (stored as 2.67499999…) rounds to 2.68 as Excel shows it (after formulajs).
 */
export function roundHalfAwayFromZero(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(digits)) throw new RangeError(`digits must be whole, got ${digits}`);
  // A whole number of at most 15 digits is its own rounding to any number of decimals.
  if (digits >= 0 && Number.isInteger(value) && Math.abs(value) < 1e15) return value === 0 ? 0 : value;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  if (digits >= 0 && digits < POWERS.length) {
    // Away from a tie the binary product rounds as the 15-digit decimal does (the two differ by
    // under 1e-14 × it), and r ÷ 10^digits is the double nearest r × 10^−digits, as the text
    // path gives: the same result without the strings (a settlement rounds 100,000s of salaries).
    const shifted = magnitude * POWERS[digits];
    const floor = Math.floor(shifted);
    if (shifted < 1e15 && Math.abs(shifted - floor - 0.5) > shifted * 1e-13) {
      const result = (sign * (shifted - floor < 0.5 ? floor : floor + 1)) / POWERS[digits];
      return result === 0 ? 0 : result;
    }
  }
  // Excel works on the 15-significant-digit decimal; toPrecision(15) strips binary noise.
  const decimal = Number(magnitude.toPrecision(15));
  const shifted = Math.round(shiftDecimal(decimal, digits));
  const result = sign * shiftDecimal(shifted, -digits);
  return result === 0 ? 0 : result; // never -0
}

/** 10^0 … 10^15, exact doubles. */
const POWERS = Array.from({ length: 16 }, (_, digits) => 10 ** digits);

/** Multiplies by 10^places through the decimal exponent (exact for decimal strings). */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}

/** Rounds to the cent (hourly rates, salaries with cents). */
export function roundCents(value: number): number {
  return roundHalfAwayFromZero(value, 2);
}

/** a < b by more than the tolerance (half a cent by default). */
export function lessThan(a: number, b: number, tolerance = HALF_CENT): boolean {
  return a < b - tolerance;
}

/** a ≤ b within the tolerance: a is not more than half a cent above b. */
export function atMost(a: number, b: number, tolerance = HALF_CENT): boolean {
  return a <= b + tolerance;
}

/** a ≥ b within the tolerance. */
export function atLeast(a: number, b: number, tolerance = HALF_CENT): boolean {
  return a >= b - tolerance;
}

/** |a − b| within the tolerance. */
export function moneyEquals(a: number, b: number, tolerance = HALF_CENT): boolean {
  return Math.abs(a - b) <= tolerance;
}
