import fc from "fast-check";
import {
  HALF_CENT,
  atLeast,
  atMost,
  lessThan,
  moneyEquals,
  roundCents,
  roundHalfAwayFromZero,
} from "../../src/engine/money";

describe("roundHalfAwayFromZero", () => {
  it.each([
    // formulajs ROUND vectors: Excel rounds the decimal it shows, not the binary value.
    [2.675, 2, 2.68],
    [600.425, 2, 600.43],
    [-1.475, 2, -1.48],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [1.005, 2, 1.01],
    [-1.5, 0, -2],
    [1234.5678, -2, 1200],
    [0.1 + 0.2, 1, 0.3],
    [12.12 * 1.025, 2, 12.42],
  ])("ROUND(%p, %p) = %p like Excel", (value, digits, expected) => {
    expect(roundHalfAwayFromZero(value, digits)).toBe(expected);
  });

  it.each([
    [-0.001, 2],
    [-0.4, 0],
    [-0, 0],
  ])("never gives -0 (ROUND(%p, %p))", (value, digits) => {
    expect(Object.is(roundHalfAwayFromZero(value, digits), -0)).toBe(false);
  });

  it("leaves non-finite values as they are", () => {
    expect(roundHalfAwayFromZero(Infinity, 2)).toBe(Infinity);
    expect(Number.isNaN(roundHalfAwayFromZero(NaN, 2))).toBe(true);
  });

  it("rejects fractional digits as a programmer error", () => {
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });

  it("gives whole numbers back as they are, the same as the decimal path", () => {
    // The fast path for whole numbers against the general one (a fraction added and removed).
    for (const value of [0, 7, -7, 42_167, -1_000_000, 999_999_999_999_999]) {
      expect(roundHalfAwayFromZero(value, 2)).toBe(value);
      expect(roundHalfAwayFromZero(value, 0)).toBe(value);
    }
    expect(roundHalfAwayFromZero(1250, -2)).toBe(1300); // negative digits still round
    expect(roundHalfAwayFromZero(-1250, -2)).toBe(-1300);
    expect(Object.is(roundHalfAwayFromZero(-0, 3), -0)).toBe(false);
  });

  it("gives what Excel's decimal gives, ties and near-ties included (against the decimal-string rule)", () => {
    // The rule written out the slow way: the 15-digit decimal, shifted through its exponent.
    const byText = (value: number, digits: number): number => {
      const decimal = Number(Math.abs(value).toPrecision(15));
      const [mantissa, exponent] = String(decimal).split("e");
      const shifted = Math.round(Number(`${mantissa}e${Number(exponent ?? 0) + digits}`));
      const [m2, e2] = String(shifted).split("e");
      const result = Math.sign(value) * Number(`${m2}e${Number(e2 ?? 0) - digits}`);
      return result === 0 ? 0 : result;
    };
    const cases = fc.oneof(
      // decimals with a 5 where the rounding cuts (2.675, 600.425 …), with and without binary noise
      fc
        .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
        .map(([n, d]) => [(n * 10 + 5) / 10 ** (d + 1), d] as const),
      fc
        .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
        .map(([n, d]) => [((n * 10 + 5) / 10 ** (d + 1)) * 1.03, d] as const),
      fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 })),
    );
    fc.assert(
      fc.property(cases, ([value, digits]) => {
        if (Number.isInteger(value)) return;
        expect(roundHalfAwayFromZero(value, digits)).toBe(byText(value, digits));
      }),
      { numRuns: 20_000 },
    );
  });

  it("rounds to the cent with roundCents", () => {
    expect(roundCents(49.995)).toBe(50);
    expect(roundCents(49.994999)).toBe(49.99);
  });
});

describe("money comparisons with a half-cent tolerance", () => {
  it.each([
    ["lessThan", lessThan(49.995, 50), false],
    ["lessThan", lessThan(49.99, 50), true],
    ["atMost", atMost(50.004, 50), true],
    ["atMost", atMost(50.006, 50), false],
    ["atLeast", atLeast(49.996, 50), true],
    ["atLeast", atLeast(49.994, 50), false],
    ["moneyEquals", moneyEquals(0.1 + 0.2, 0.3), true],
    ["moneyEquals", moneyEquals(10, 10.01), false],
  ])("%s treats binary noise as equal and a cent as different (%#)", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("uses half a cent", () => {
    expect(HALF_CENT).toBe(0.005);
  });
});
