/** The small dense solves behind the pay-equity model (src/engine/linalg.ts). */
import fc from "fast-check";
import { choleskyInverse, choleskyKept, choleskySolve, multiply } from "../../src/engine/linalg";

describe("choleskyKept", () => {
  it("factors a 2 × 2 system by hand", () => {
    // A = [[4, 2], [2, 3]]: l11 = 2, l21 = 2 / 2 = 1, l22 = √(3 − 1) = √2.
    const factor = choleskyKept([
      [4, 2],
      [2, 3],
    ]);
    expect(factor.kept).toEqual([0, 1]);
    expect(factor.lower[0]).toEqual([2]);
    expect(factor.lower[1][0]).toBe(1);
    expect(factor.lower[1][1]).toBeCloseTo(Math.SQRT2, 14);
  });

  it("solves and inverts it: A⁻¹ = [[3, −2], [−2, 4]] / 8", () => {
    const factor = choleskyKept([
      [4, 2],
      [2, 3],
    ]);
    // 4x + 2y = 10, 2x + 3y = 9 → x = 1.5, y = 2.
    const [x, y] = choleskySolve(factor, [10, 9]);
    expect(x).toBeCloseTo(1.5, 14);
    expect(y).toBeCloseTo(2, 14);
    const inverse = choleskyInverse(factor);
    expect(inverse[0][0]).toBeCloseTo(3 / 8, 14);
    expect(inverse[0][1]).toBeCloseTo(-2 / 8, 14);
    expect(inverse[1][1]).toBeCloseTo(4 / 8, 14);
  });

  it("drops a column that is the sum of two earlier ones, and an all-zero column", () => {
    // Columns of X: a = (1, 0, 1), b = (0, 1, 1), c = a + b, z = 0 → X'X.
    const a = [1, 0, 1];
    const b = [0, 1, 1];
    const c = a.map((v, i) => v + b[i]);
    const z = [0, 0, 0];
    const columns = [a, b, c, z];
    const xtx = columns.map((u) => columns.map((v) => u.reduce((sum, value, i) => sum + value * v[i], 0)));
    expect(choleskyKept(xtx).kept).toEqual([0, 1]);
  });

  it("solves any well-conditioned symmetric positive definite system (A x = b)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 36, maxLength: 36 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (size, entries, rhs) => {
          const b = Array.from({ length: size }, (_, i) => entries.slice(i * 6, i * 6 + size));
          // A = BᵀB + I is symmetric positive definite.
          const a = multiply(
            b[0].map((_, i) => b.map((row) => row[i])),
            b,
          ).map((row, i) => row.map((value, j) => value + (i === j ? 1 : 0)));
          const factor = choleskyKept(a);
          expect(factor.kept).toHaveLength(size);
          const x = choleskySolve(factor, rhs.slice(0, size));
          const back = a.map((row) => row.reduce((sum, value, j) => sum + value * x[j], 0));
          back.forEach((value, i) => expect(value).toBeCloseTo(rhs[i], 6));
          const identity = multiply(a, choleskyInverse(factor));
          identity.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(i === j ? 1 : 0, 8)));
        },
      ),
    );
  });
});
