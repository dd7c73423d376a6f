/**
 * The pay-gap model (issue 11, "Pay equity, defined"): a closed-form case by hand, and a
 * reference fit computed here with a dense matrix of grade dummies (no demeaning, an
 * independent Gauss–Jordan solve) on a generated roster with a planted gap.
 */
import { fitPayGap, gapOrder, largestGroup, payGapByGroup, Z_95 } from "../../src/engine/paygap";
import { seededRandom } from "../../src/engine/study";
import { isEngineError } from "../../src/engine/errors";

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("the closed form: one grade, two groups, no tenure", () => {
  // Reference A, group B. With one fixed effect and one indicator the fit is the two groups'
  // mean ln(pay): β = mean ln B − mean ln A, so exp(β) − 1 = GM(B) ÷ GM(A) − 1.
  const a = [50000, 52000, 54000, 51000, 53000];
  const b = [48000, 49000, 50500, 47000, 51000, 49500];
  const fit = fitPayGap({
    pay: [...a, ...b],
    group: [...a.map(() => 0), ...b.map(() => 1)],
    groups: ["A", "B"],
    reference: 0,
    minimum: 5,
  });
  const lnA = a.map(Math.log);
  const lnB = b.map(Math.log);
  const beta = mean(lnB) - mean(lnA);

  it("the adjusted gap is the ratio of geometric means − 1", () => {
    const geometric = (values: number[]) => Math.exp(mean(values.map(Math.log)));
    expect(fit.groups[1].gap).toBeCloseTo(geometric(b) / geometric(a) - 1, 12);
    expect(fit.groups[1].beta).toBeCloseTo(beta, 12);
    expect(fit.groups[0]).toMatchObject({ reference: true, gap: null, missing: "reference" });
    expect({ n: fit.n, k: fit.k, levels: fit.levels }).toEqual({ n: 11, k: 2, levels: 1 });
  });

  it("its HC1 standard error by hand: n ÷ (n − k) · Σ dᵢ² eᵢ² ÷ (Σ dᵢ²)²", () => {
    // d = the demeaned indicator (B's share p = 6/11); e = ln pay − its group's mean.
    const p = b.length / 11;
    const d = [...a.map(() => -p), ...b.map(() => 1 - p)];
    const e = [...lnA.map((y) => y - mean(lnA)), ...lnB.map((y) => y - mean(lnB))];
    const sxx = d.reduce((sum, v) => sum + v * v, 0);
    const meat = d.reduce((sum, v, i) => sum + v * v * e[i] * e[i], 0);
    const se = Math.sqrt(((11 / (11 - 2)) * meat) / (sxx * sxx));
    expect(fit.groups[1].se).toBeCloseTo(se, 12);
    expect(fit.groups[1].low).toBeCloseTo(Math.exp(beta - 1.96 * se) - 1, 12);
    expect(fit.groups[1].high).toBeCloseTo(Math.exp(beta + 1.96 * se) - 1, 12);
    expect(fit.groups[1].significant).toBe(Math.abs(beta / se) >= 1.96);
    expect(Z_95).toBe(1.96);
  });
});

/** Dense OLS with HC1 (k = every column, the dummies included): the reference the engine must match. */
function denseFit(x: number[][], y: number[]): { beta: number[]; se: number[] } {
  const n = y.length;
  const p = x[0].length;
  const xtx = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => x.reduce((sum, row) => sum + row[i] * row[j], 0)),
  );
  const inverse = gaussJordanInverse(xtx);
  const xty = Array.from({ length: p }, (_, i) => x.reduce((sum, row, r) => sum + row[i] * y[r], 0));
  const beta = inverse.map((row) => row.reduce((sum, v, j) => sum + v * xty[j], 0));
  const e = x.map((row, r) => y[r] - row.reduce((sum, v, j) => sum + v * beta[j], 0));
  const meat = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => x.reduce((sum, row, r) => sum + e[r] * e[r] * row[i] * row[j], 0)),
  );
  const times = (m: number[][], q: number[][]) =>
    m.map((row) => q[0].map((_, j) => row.reduce((s, v, k) => s + v * q[k][j], 0)));
  const v = times(times(inverse, meat), inverse);
  return { beta, se: v.map((row, i) => Math.sqrt((row[i] * n) / (n - p))) };
}

function gaussJordanInverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    const scale = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= scale;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= factor * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

describe("against a reference fit with dense grade dummies, on a roster with a planted gap", () => {
  // 600 employees on 12 grades; women paid 4 % less than men at equal grade and tenure,
  // group X as men; noise that grows with the grade (heteroskedastic).
  const random = seededRandom(42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const planted = Math.log(0.96);
  const rows = Array.from({ length: 600 }, () => {
    const level = Math.floor(random() * 12);
    const group = random() < 0.5 ? 0 : random() < 0.8 ? 1 : 2; // 0 Men, 1 Women, 2 X
    const tenure = random() * 30;
    const lnPay =
      Math.log(40000) +
      0.06 * level +
      0.012 * tenure -
      0.0002 * tenure * tenure +
      (group === 1 ? planted : 0) +
      (0.02 + 0.004 * level) * normal();
    return { level: level * 7 + 3, group, tenure, pay: Math.exp(lnPay) };
  });
  const fit = fitPayGap({
    pay: rows.map((r) => r.pay),
    group: rows.map((r) => r.group),
    groups: ["Men", "Women", "X"],
    reference: 0,
    level: rows.map((r) => r.level),
    tenure: rows.map((r) => r.tenure),
    minimum: 5,
  });
  const levels = [...new Set(rows.map((r) => r.level))];
  const dense = denseFit(
    rows.map((r) => [
      r.group === 1 ? 1 : 0,
      r.group === 2 ? 1 : 0,
      r.tenure,
      r.tenure * r.tenure,
      ...levels.map((level) => (r.level === level ? 1 : 0)),
    ]),
    rows.map((r) => Math.log(r.pay)),
  );

  it("gives the dense fit's coefficients and HC1 errors (k counts the absorbed grades)", () => {
    expect(fit.k).toBe(4 + 12);
    expect(fit.levels).toBe(12);
    expect(fit.groups[1].beta).toBeCloseTo(dense.beta[0], 10);
    expect(fit.groups[2].beta).toBeCloseTo(dense.beta[1], 10);
    expect(fit.groups[1].se as number).toBeCloseTo(dense.se[0], 10);
    expect(fit.groups[2].se as number).toBeCloseTo(dense.se[1], 10);
  });

  it("gives the same fit for any ids of the grades: negative, fractional, huge (a Map, not a table)", () => {
    for (const relabel of [
      (level: number) => -level - 1,
      (level: number) => level + 0.5,
      (level: number) => level * 1e9,
    ]) {
      const other = fitPayGap({
        pay: rows.map((r) => r.pay),
        group: rows.map((r) => r.group),
        groups: ["Men", "Women", "X"],
        reference: 0,
        level: rows.map((r) => relabel(r.level)),
        tenure: rows.map((r) => r.tenure),
        minimum: 5,
      });
      expect(other.levels).toBe(12);
      expect(other.groups[1].beta).toBeCloseTo(dense.beta[0], 10);
      expect(other.groups[1].se as number).toBeCloseTo(dense.se[0], 10);
    }
  });

  it("leaves a small group's employees out of the grades' means too (the dense fit without them)", () => {
    // Eight employees of a fourth group, below a minimum of 9: the fit is the dense fit of the rest.
    const extra = rows.slice(0, 8).map((r) => ({ ...r, group: 3, pay: r.pay * 1.5 }));
    const all = [...rows, ...extra];
    const withSmall = fitPayGap({
      pay: all.map((r) => r.pay),
      group: all.map((r) => r.group),
      groups: ["Men", "Women", "X", "Y"],
      reference: 0,
      level: all.map((r) => r.level),
      tenure: all.map((r) => r.tenure),
      minimum: 9,
    });
    expect(withSmall.n).toBe(600);
    expect(withSmall.groups[3]).toMatchObject({ small: true, employees: 8, beta: null });
    expect(withSmall.groups[1].beta).toBeCloseTo(dense.beta[0], 10);
    expect(withSmall.groups[2].se as number).toBeCloseTo(dense.se[1], 10);
  });

  it("recovers the planted −4 % within its interval, significant; X (no gap planted) not", () => {
    const women = fit.groups[1];
    expect(women.low as number).toBeLessThan(-0.04);
    expect(women.high as number).toBeGreaterThan(-0.04);
    expect(women.significant).toBe(true);
    expect(fit.groups[2].low as number).toBeLessThan(0);
    expect(fit.groups[2].high as number).toBeGreaterThan(0);
    expect(fit.groups[2].significant).toBe(false);
  });
});

describe("what the model leaves out", () => {
  it("keeps groups below the minimum out of the model", () => {
    const fit = fitPayGap({
      pay: [100, 110, 120, 130, 140, 100, 105, 110, 115, 120, 99, 101],
      group: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2],
      groups: ["A", "B", "C"],
      reference: 0,
      minimum: 5,
    });
    expect(fit.n).toBe(10);
    expect(fit.groups[2]).toMatchObject({ small: true, beta: null, missing: "small", employees: 2 });
    expect(fit.groups[1].beta).not.toBeNull();
  });

  it("gives no gap for a group no grade shares with the reference, and says why", () => {
    // Grade 1 holds only A, grade 2 only B: within a grade there is nothing to compare.
    const fit = fitPayGap({
      pay: [100, 110, 120, 130, 140, 90, 95, 100, 105, 110],
      group: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
      groups: ["A", "B"],
      reference: 0,
      level: [1, 1, 1, 1, 1, 2, 2, 2, 2, 2],
      minimum: 5,
    });
    expect(fit.groups[1]).toMatchObject({ beta: null, missing: "collinear" });
    expect(fit.dropped).toEqual(["B"]);
  });

  it("drops a tenure without variation (everyone hired the same day): the fit without tenure", () => {
    const pay = [100, 110, 120, 130, 140, 90, 95, 100, 105, 111];
    const group = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const base = { pay, group, groups: ["A", "B"], reference: 0, minimum: 5 };
    const flat = fitPayGap({ ...base, tenure: pay.map(() => 7) });
    const without = fitPayGap(base);
    expect(flat.dropped).toEqual(["tenure", "tenure²"]);
    expect(flat.groups[1].beta).toBeCloseTo(without.groups[1].beta as number, 12);
    expect(flat.groups[1].se).toBeCloseTo(without.groups[1].se as number, 12);
    expect(flat.k).toBe(without.k);
  });

  it("has no interval when n − k ≤ 0", () => {
    const fit = fitPayGap({ pay: [100, 120], group: [0, 1], groups: ["A", "B"], reference: 0, minimum: 1 });
    expect(fit.groups[1].beta).toBeCloseTo(Math.log(1.2), 12);
    expect(fit.groups[1]).toMatchObject({ se: null, low: null, high: null, significant: null });
  });

  it("picks the largest group as reference (ties: the first name) and orders the reference first", () => {
    expect(largestGroup([3, 7, 7, 0], ["C", "B", "A", "D"])).toBe(2);
    expect(largestGroup([0, 0], ["A", "B"])).toBe(-1);
    const ordered = gapOrder([
      { name: "B", employees: 5, reference: false },
      { name: "A", employees: 5, reference: false },
      { name: "M", employees: 9, reference: false },
      { name: "R", employees: 1, reference: true },
    ]);
    expect(ordered.map((g) => g.name)).toEqual(["R", "M", "A", "B"]);
  });
});

describe("payGapByGroup (COMP.PAY_GAP's table)", () => {
  const pay = [50000, 52000, 54000, 51000, 53000, 48000, 49000, 50500, 47000, 51000, 49500, 60000, null];
  const group = ["m", "M", " M", "M", "M", "F", "F", "F", "F", "F", "F", "X", null];

  it("matches groups as people write them, skips blank rows, hides small groups and complements their count", () => {
    const rows = payGapByGroup({ pay, group }, " M ", 5);
    expect(rows.map((r) => [r.name, r.employees, r.hidden, r.small])).toEqual([
      ["m", 5, true, false], // the next smallest count: hidden so the total (12) does not give X's away
      ["F", 6, false, false],
      ["X", 1, true, true],
    ]);
    expect(rows[0].gap).toBe(0);
    expect(rows[1].gap).toBeCloseTo(
      Math.exp(
        mean(pay.slice(5, 11).map((v) => Math.log(v as number))) -
          mean(pay.slice(0, 5).map((v) => Math.log(v as number))),
      ) - 1,
      12,
    );
  });

  it.each<[string, () => unknown, string, string]>([
    [
      "an unknown reference group",
      () => payGapByGroup({ pay, group }, "Q", 5),
      "not found",
      "reference_group 'Q' is not among the groups (m, F, X)",
    ],
    [
      "a small reference group",
      () => payGapByGroup({ pay, group }, "X", 5),
      "invalid argument",
      "reference_group 'X' has fewer than 5 employees: choose a larger group",
    ],
    [
      "ranges of different sizes",
      () => payGapByGroup({ pay, group: group.slice(1) }, "m", 5),
      "not found",
      "group has 12 cells but pay has 13: give ranges of the same size",
    ],
    [
      "a pay that is not a number",
      () => payGapByGroup({ pay: ["abc", ...pay.slice(1)], group }, "m", 5),
      "invalid argument",
      "pay must be a number, got 'abc' (row 1)",
    ],
    [
      "a pay of zero",
      () => payGapByGroup({ pay: [0, ...pay.slice(1)], group }, "m", 5),
      "out of range",
      "pay must be above zero (row 1)",
    ],
    [
      "a blank group beside a pay",
      () => payGapByGroup({ pay, group: [null, ...group.slice(1)] }, "F", 5),
      "invalid argument",
      "group is blank (row 1)",
    ],
    [
      "a negative tenure",
      () => payGapByGroup({ pay, group, tenure: [-1, ...pay.slice(1).map(() => 3)] }, "F", 5),
      "out of range",
      "tenure must not be negative (row 1)",
    ],
  ])("refuses %s", (_name, call, kind, message) => {
    try {
      call();
      throw new Error("no error");
    } catch (error) {
      expect(isEngineError(error)).toBe(true);
      expect({ kind: (error as { kind: string }).kind, message: (error as Error).message }).toEqual({ kind, message });
    }
  });
});
