/**
 * The adjusted pay gap between groups doing the same work (issue 11, "Pay equity, defined"):
 * ordinary least squares of ln(pay) on the group indicators, tenure and tenure², with a fixed
 * effect for each plan-and-grade absorbed by demeaning within it (no dense dummy matrix);
 * heteroskedasticity-robust HC1 standard errors. One model for the pay-equity exhibit and for
 * COMP.PAY_GAP. Host-free.
 */
import { isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "./cells";
import { invalid, notFound, outOfRange } from "./errors";
import { choleskyInverse, choleskyKept, choleskySolve, multiply, type Matrix } from "./linalg";
import { CellBook } from "./study/suppression";

/**
 * The 95 % two-sided normal quantile as the issue states it (exp(β ± 1.96·se) − 1; significant
 * when |β / se| ≥ 1.96).
 */
export const Z_95 = 1.96;

export type PayGapData = {
  /** Full-time annual pay of each employee (above zero). */
  readonly pay: ArrayLike<number>;
  /** Each employee's group: an index into `groups`. */
  readonly group: ArrayLike<number>;
  /** The groups' names, as shown. */
  readonly groups: readonly string[];
  /** Index of the reference group (the gaps are measured against it). */
  readonly reference: number;
  /** Each employee's plan-and-grade (any integer id); omitted: one level for everyone. */
  readonly level?: ArrayLike<number>;
  /** Each employee's tenure in years; omitted: the model has no tenure terms. */
  readonly tenure?: ArrayLike<number>;
  /** Groups with fewer employees stay out of the model (their cells are suppressed). */
  readonly minimum: number;
};

/** Why a group has no estimate. */
export type NoEstimate = "reference" | "small" | "collinear" | "no reference";

export type GroupGap = {
  readonly name: string;
  readonly index: number;
  readonly employees: number;
  readonly reference: boolean;
  /** Fewer employees than the minimum: out of the model. */
  readonly small: boolean;
  /** The group indicator's coefficient on ln(pay); null when there is no estimate. */
  readonly beta: number | null;
  /** Its HC1 standard error; null without an estimate or when n − k ≤ 0. */
  readonly se: number | null;
  /** exp(β) − 1. */
  readonly gap: number | null;
  /** exp(β − 1.96·se) − 1 and exp(β + 1.96·se) − 1. */
  readonly low: number | null;
  readonly high: number | null;
  /** |β / se| ≥ 1.96. */
  readonly significant: boolean | null;
  readonly missing?: NoEstimate;
};

export type PayGapFit = {
  /** One entry per group, in the order of `groups`. */
  readonly groups: readonly GroupGap[];
  /** Employees in the model. */
  readonly n: number;
  /** Regressors kept plus the fixed effects absorbed (the HC1 correction's k). */
  readonly k: number;
  /** Plan-and-grade fixed effects absorbed. */
  readonly levels: number;
  /** Regressors dropped as collinear (a group confounded with grade, a tenure without variation). */
  readonly dropped: readonly string[];
  /** Whether tenure and tenure² were in the model. */
  readonly tenure: boolean;
};

/** Index of the largest group (ties: the first name in alphabetical order); -1 when every group is empty. */
export function largestGroup(counts: readonly number[], names: readonly string[]): number {
  let best = -1;
  for (let g = 0; g < counts.length; g++) {
    if (counts[g] === 0) continue;
    if (best < 0 || counts[g] > counts[best] || (counts[g] === counts[best] && names[g] < names[best])) best = g;
  }
  return best;
}

/** Order to show groups in: the reference first, then by employees (most first), then by name. */
export function gapOrder<G extends Pick<GroupGap, "reference" | "employees" | "name">>(groups: readonly G[]): G[] {
  return [...groups].sort(
    (a, b) =>
      Number(b.reference) - Number(a.reference) ||
      b.employees - a.employees ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** Group counts of the data. */
function countGroups(data: PayGapData): number[] {
  const counts = new Array<number>(data.groups.length).fill(0);
  for (let i = 0; i < data.group.length; i++) counts[data.group[i]]++;
  return counts;
}

/**
 * Fits the pay-gap model (issue 11): ln(pay) on indicators of every group but the reference
 * (groups below the minimum left out), tenure and tenure², plan-and-grade fixed effects
 * absorbed by demeaning; HC1 errors with k = regressors kept + fixed effects.
 */
export function fitPayGap(data: PayGapData): PayGapFit {
  const counts = countGroups(data);
  const small = counts.map((count) => count < data.minimum);
  const referenceUsable = data.reference >= 0 && !small[data.reference];
  const result = (
    estimates: Map<number, { beta: number; se: number | null }>,
    missing: (g: number) => NoEstimate | undefined,
    fit: Omit<PayGapFit, "groups">,
  ): PayGapFit => ({
    ...fit,
    groups: data.groups.map((name, g): GroupGap => {
      const estimate = estimates.get(g);
      const base = { name, index: g, employees: counts[g], reference: g === data.reference, small: small[g] };
      if (estimate === undefined)
        return {
          ...base,
          beta: null,
          se: null,
          gap: null,
          low: null,
          high: null,
          significant: null,
          missing: missing(g),
        };
      const { beta, se } = estimate;
      return {
        ...base,
        beta,
        se,
        gap: Math.expm1(beta),
        low: se === null ? null : Math.expm1(beta - Z_95 * se),
        high: se === null ? null : Math.expm1(beta + Z_95 * se),
        significant: se === null ? null : Math.abs(beta / se) >= Z_95,
      };
    }),
  });
  const whyNot = (g: number): NoEstimate | undefined =>
    g === data.reference ? "reference" : small[g] ? "small" : !referenceUsable ? "no reference" : "collinear";
  if (!referenceUsable) return result(new Map(), whyNot, { n: 0, k: 0, levels: 0, dropped: [], tenure: false });

  const rows = modelRows(data.group, small);
  const n = rows === undefined ? data.group.length : rows.length;
  const { levelOf, levels } = levelIds(data.level, rows, n);

  // Regressors: one indicator per non-reference group in the model (slot j), then tenure and
  // tenure² (centred first: the same fit, better conditioned). Demeaned within a level, an
  // indicator is [group = a] − the group's share of that level, so every sum over employees
  // it enters is a sum per level and group: the indicators are never built as columns.
  const indicatorGroups = data.groups.map((_, g) => g).filter((g) => g !== data.reference && !small[g]);
  const m = indicatorGroups.length;
  const slot = new Int32Array(data.groups.length).fill(-1);
  indicatorGroups.forEach((g, j) => (slot[g] = j));
  const names = indicatorGroups.map((g) => data.groups[g]);
  const tenure = data.tenure !== undefined;
  if (tenure) names.push("tenure", "tenure²");
  const p = names.length;
  const columns = modelColumns(data, rows, n, slot, m, levelOf, levels);
  demean(columns);
  const { xtx, xty } = crossProducts(columns, p);

  const factor = choleskyKept(xtx);
  const kept = factor.kept;
  const solved = choleskySolve(
    factor,
    kept.map((a) => xty[a]),
  );
  const beta = new Array<number>(p).fill(0); // a dropped regressor contributes nothing, as in R
  kept.forEach((a, j) => (beta[a] = solved[j]));
  const k = kept.length + levels;
  const dropped = names.filter((_, a) => !kept.includes(a));

  // HC1: n ÷ (n − k) · (X'X)⁻¹ (Σ eᵢ² xᵢ xᵢ') (X'X)⁻¹ over the kept regressors.
  let se: (number | null)[] = kept.map(() => null);
  if (n - k > 0 && kept.length > 0) {
    const meat = meatOf(columns, beta, p);
    const keptMeat = kept.map((a) => kept.map((b) => meat[a][b]));
    const bread = choleskyInverse(factor);
    const covariance = multiply(multiply(bread, keptMeat), bread);
    const scale = n / (n - k);
    se = covariance.map((row, j) => Math.sqrt(Math.max(0, row[j] * scale)));
  }
  const estimates = new Map<number, { beta: number; se: number | null }>();
  kept.forEach((a, j) => {
    if (a < m) estimates.set(indicatorGroups[a], { beta: beta[a], se: se[j] });
  });
  return result(estimates, whyNot, { n, k, levels, dropped, tenure });
}

// The model's steps, one loop (or two) each: V8 optimises a small function with one hot loop
// at once, where one long function with many loops runs them half-optimised (measured: 10×).

/** The employees in the model: undefined when it is everyone (no group is small). */
function modelRows(group: ArrayLike<number>, small: readonly boolean[]): Int32Array | undefined {
  let out = 0;
  for (let i = 0; i < group.length; i++) if (small[group[i]]) out++;
  if (out === 0) return undefined;
  const rows = new Int32Array(group.length - out);
  let n = 0;
  for (let i = 0; i < group.length; i++) if (!small[group[i]]) rows[n++] = i;
  return rows;
}

/**
 * A compact id for each employee's fixed-effect level, through a typed table when the ids are
 * small non-negative integers (grade positions, as the study passes them), else a Map.
 */
function levelIds(
  level: ArrayLike<number> | undefined,
  rows: Int32Array | undefined,
  n: number,
): { levelOf: Int32Array; levels: number } {
  const levelOf = new Int32Array(n);
  if (level === undefined) return { levelOf, levels: n > 0 ? 1 : 0 };
  let largest = -1;
  for (let r = 0; r < n; r++) {
    const raw = level[rows === undefined ? r : rows[r]];
    if (!Number.isInteger(raw) || raw < 0 || raw > 1 << 20) return levelIdsByMap(level, rows, levelOf);
    if (raw > largest) largest = raw;
  }
  const idOf = new Int32Array(largest + 1).fill(-1);
  let levels = 0;
  for (let r = 0; r < n; r++) {
    const raw = level[rows === undefined ? r : rows[r]];
    if (idOf[raw] < 0) idOf[raw] = levels++;
    levelOf[r] = idOf[raw];
  }
  return { levelOf, levels };
}

function levelIdsByMap(
  level: ArrayLike<number>,
  rows: Int32Array | undefined,
  levelOf: Int32Array,
): { levelOf: Int32Array; levels: number } {
  const ids = new Map<number, number>();
  for (let r = 0; r < levelOf.length; r++) {
    const raw = level[rows === undefined ? r : rows[r]];
    let id = ids.get(raw);
    if (id === undefined) {
      id = ids.size;
      ids.set(raw, id);
    }
    levelOf[r] = id;
  }
  return { levelOf, levels: ids.size };
}

/** The model's columns over its employees, with each level's size and employees per slot. */
type Columns = {
  readonly n: number;
  readonly m: number;
  readonly levels: number;
  readonly tenure: boolean;
  readonly levelOf: Int32Array;
  /** Each employee's indicator slot (-1: the reference group). */
  readonly slotOf: Int32Array;
  /** ln(pay), then tenure and tenure² (centred): demeaned within the level by demean(). */
  readonly y: Float64Array;
  readonly t: Float64Array;
  readonly t2: Float64Array;
  readonly sizes: Float64Array;
  /** Employees of level l in slot j, at l × m + j. */
  readonly cells: Float64Array;
};

function modelColumns(
  data: PayGapData,
  rows: Int32Array | undefined,
  n: number,
  slot: Int32Array,
  m: number,
  levelOf: Int32Array,
  levels: number,
): Columns {
  const tenure = data.tenure !== undefined;
  const slotOf = new Int32Array(n);
  const y = new Float64Array(n);
  const sizes = new Float64Array(levels);
  const cells = new Float64Array(levels * m);
  for (let r = 0; r < n; r++) {
    const i = rows === undefined ? r : rows[r];
    const l = levelOf[r];
    const j = slot[data.group[i]];
    slotOf[r] = j;
    y[r] = Math.log(data.pay[i]);
    sizes[l]++;
    if (j >= 0) cells[l * m + j]++;
  }
  const t = new Float64Array(tenure ? n : 0);
  const t2 = new Float64Array(tenure ? n : 0);
  if (data.tenure !== undefined) {
    let centre = 0;
    for (let r = 0; r < n; r++) {
      t[r] = data.tenure[rows === undefined ? r : rows[r]];
      centre += t[r];
    }
    centre /= n;
    for (let r = 0; r < n; r++) {
      t[r] -= centre;
      t2[r] = t[r] * t[r];
    }
  }
  return { n, m, levels, tenure, levelOf, slotOf, y, t, t2, sizes, cells };
}

/** Absorbs the fixed effects: subtracts each level's mean from a column. */
function demeanColumn(column: Float64Array, levelOf: Int32Array, sizes: Float64Array): void {
  const means = new Float64Array(sizes.length);
  for (let r = 0; r < column.length; r++) means[levelOf[r]] += column[r];
  for (let l = 0; l < means.length; l++) means[l] /= sizes[l];
  for (let r = 0; r < column.length; r++) column[r] -= means[levelOf[r]];
}

function demean(columns: Columns): void {
  demeanColumn(columns.y, columns.levelOf, columns.sizes);
  if (columns.tenure) {
    demeanColumn(columns.t, columns.levelOf, columns.sizes);
    demeanColumn(columns.t2, columns.levelOf, columns.sizes);
  }
}

/**
 * X'X and X'y. Indicators: Σ x̃ₐ x̃ᵦ = δ Nₐ − Σₗ cₗₐ cₗᵦ ÷ nₗ; Σ x̃ₐ v = Σ over group a of ṽ
 * (ṽ sums to zero within each level).
 */
function crossProducts(columns: Columns, p: number): { xtx: Matrix; xty: number[] } {
  const { n, m, levels, cells, sizes, slotOf, y, t, t2 } = columns;
  const xtx: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let l = 0; l < levels; l++)
    for (let a = 0; a < m; a++) {
      const ca = cells[l * m + a];
      if (ca === 0) continue;
      xtx[a][a] += ca;
      for (let b = 0; b < m; b++) xtx[a][b] -= (ca * cells[l * m + b]) / sizes[l];
    }
  // Per slot: Σ ỹ, Σ t̃, Σ t̃²; and the tenure block.
  const ySum = new Float64Array(m);
  for (let r = 0; r < n; r++) if (slotOf[r] >= 0) ySum[slotOf[r]] += y[r];
  for (let a = 0; a < m; a++) xty[a] = ySum[a];
  if (columns.tenure) {
    const tSum = new Float64Array(m);
    const t2Sum = new Float64Array(m);
    let tt = 0;
    let tt2 = 0;
    let t2t2 = 0;
    let ty = 0;
    let t2y = 0;
    for (let r = 0; r < n; r++) {
      const j = slotOf[r];
      if (j >= 0) {
        tSum[j] += t[r];
        t2Sum[j] += t2[r];
      }
      tt += t[r] * t[r];
      tt2 += t[r] * t2[r];
      t2t2 += t2[r] * t2[r];
      ty += t[r] * y[r];
      t2y += t2[r] * y[r];
    }
    for (let a = 0; a < m; a++) {
      xtx[a][m] = tSum[a];
      xtx[a][m + 1] = t2Sum[a];
    }
    xtx[m][m] = tt;
    xtx[m][m + 1] = tt2;
    xtx[m + 1][m + 1] = t2t2;
    xty[m] = ty;
    xty[m + 1] = t2y;
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[a][b] = xtx[b][a];
  return { xtx, xty };
}

/** Sums of squared residuals per level and per level and slot (× tenure, × tenure² too). */
type ResidualSums = {
  w: Float64Array;
  wGroup: Float64Array;
  wt: Float64Array;
  wt2: Float64Array;
  wtGroup: Float64Array;
  wt2Group: Float64Array;
  /** Σ e² t t, Σ e² t t², Σ e² t² t². */
  tenure: [number, number, number];
};

function residualSums(columns: Columns, beta: readonly number[]): ResidualSums {
  const { n, m, levels, cells, sizes, levelOf, slotOf, y, t, t2 } = columns;
  const withTenure = columns.tenure;
  const offset = new Float64Array(levels); // Σₐ βₐ × share of a in level l
  for (let l = 0; l < levels; l++) for (let a = 0; a < m; a++) offset[l] += (beta[a] * cells[l * m + a]) / sizes[l];
  const slotBeta = Float64Array.from({ length: m }, (_, a) => beta[a]);
  const bt = withTenure ? beta[m] : 0;
  const bt2 = withTenure ? beta[m + 1] : 0;
  const w = new Float64Array(levels);
  const wGroup = new Float64Array(levels * m);
  const wt = new Float64Array(withTenure ? levels : 0);
  const wt2 = new Float64Array(withTenure ? levels : 0);
  const wtGroup = new Float64Array(withTenure ? levels * m : 0);
  const wt2Group = new Float64Array(withTenure ? levels * m : 0);
  let mtt = 0;
  let mtt2 = 0;
  let mt2t2 = 0;
  for (let r = 0; r < n; r++) {
    const l = levelOf[r];
    const j = slotOf[r];
    let e = y[r] + offset[l] - (j >= 0 ? slotBeta[j] : 0);
    if (withTenure) e -= bt * t[r] + bt2 * t2[r];
    const e2 = e * e;
    w[l] += e2;
    if (j >= 0) wGroup[l * m + j] += e2;
    if (withTenure) {
      const et = e2 * t[r];
      const et2 = e2 * t2[r];
      wt[l] += et;
      wt2[l] += et2;
      if (j >= 0) {
        wtGroup[l * m + j] += et;
        wt2Group[l * m + j] += et2;
      }
      mtt += et * t[r];
      mtt2 += et * t2[r];
      mt2t2 += et2 * t2[r];
    }
  }
  return { w, wGroup, wt, wt2, wtGroup, wt2Group, tenure: [mtt, mtt2, mt2t2] };
}

/** The HC1 meat Σ eᵢ² xᵢ xᵢ', its indicator terms from the residual sums per level and group. */
function meatOf(columns: Columns, beta: readonly number[], p: number): Matrix {
  const { m, levels, cells, sizes } = columns;
  const { w, wGroup, wt, wt2, wtGroup, wt2Group, tenure } = residualSums(columns, beta);
  const meat: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const share = (l: number, j: number) => cells[l * m + j] / sizes[l];
  if (columns.tenure) {
    meat[m][m] = tenure[0];
    meat[m][m + 1] = tenure[1];
    meat[m + 1][m + 1] = tenure[2];
  }
  for (let l = 0; l < levels; l++)
    for (let a = 0; a < m; a++) {
      const pa = share(l, a);
      const wa = wGroup[l * m + a];
      meat[a][a] += wa;
      for (let b = a; b < m; b++) {
        const pb = share(l, b);
        meat[a][b] += -pb * wa - pa * wGroup[l * m + b] + pa * pb * w[l];
      }
      if (columns.tenure) {
        meat[a][m] += wtGroup[l * m + a] - pa * wt[l];
        meat[a][m + 1] += wt2Group[l * m + a] - pa * wt2[l];
      }
    }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) meat[a][b] = meat[b][a];
  return meat;
}

/** One row of COMP.PAY_GAP's result. */
export type PayGapRow = {
  readonly name: string;
  readonly employees: number;
  /** The employee count is hidden (fewer than the minimum, or so a total does not give one away). */
  readonly hidden: boolean;
  /** The group has fewer employees than the minimum: out of the model, its gap hidden. */
  readonly small: boolean;
  readonly reference: boolean;
  readonly gap: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Why the gap or its interval is missing. */
  readonly missing?: NoEstimate | "interval";
};

/** Columns of cells as a worksheet holds them: one value per employee. */
export type PayGapColumns = {
  readonly pay: readonly CellValue[];
  readonly group: readonly CellValue[];
  readonly grade?: readonly CellValue[];
  readonly tenure?: readonly CellValue[];
};

function numberCell(value: CellValue, name: string, row: number): number {
  const parsed = typeof value === "number" ? value : typeof value === "string" ? parseNumberText(value) : undefined;
  if (parsed === undefined || !Number.isFinite(parsed))
    invalid(`${name} must be a number, got '${truncate(String(value).trim())}' (row ${row})`);
  return parsed;
}

/**
 * COMP.PAY_GAP (issue 11): the pay-gap model over worksheet columns — rows with every cell
 * blank are skipped; groups matched as people write them (case, spaces); groups below the
 * minimum out of the model with their count hidden, complementary suppression on the counts.
 */
export function payGapByGroup(columns: PayGapColumns, referenceGroup: CellValue, minimum: number): PayGapRow[] {
  const size = columns.pay.length;
  for (const [name, column] of [
    ["group", columns.group],
    ["grade", columns.grade],
    ["tenure", columns.tenure],
  ] as const)
    if (column !== undefined && column.length !== size)
      notFound(`${name} has ${column.length} cells but pay has ${size}: give ranges of the same size`);
  if (isBlank(referenceGroup)) invalid("reference_group is blank");
  const pay: number[] = [];
  const group: number[] = [];
  const level: number[] = [];
  const tenure: number[] = [];
  const groupIds = new Map<string, number>();
  const names: string[] = [];
  const levelIds = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const row = i + 1;
    const cells = [columns.pay[i], columns.group[i], columns.grade?.[i], columns.tenure?.[i]];
    if (cells.every(isBlank)) continue;
    if (isBlank(columns.pay[i])) invalid(`pay is blank (row ${row})`);
    const value = numberCell(columns.pay[i], "pay", row);
    if (value <= 0) outOfRange(`pay must be above zero (row ${row})`);
    if (isBlank(columns.group[i])) invalid(`group is blank (row ${row})`);
    const key = normalizeKey(columns.group[i]);
    let id = groupIds.get(key);
    if (id === undefined) {
      id = names.length;
      groupIds.set(key, id);
      names.push(String(columns.group[i]).trim());
    }
    pay.push(value);
    group.push(id);
    if (columns.grade !== undefined) {
      if (isBlank(columns.grade[i])) invalid(`grade is blank (row ${row})`);
      const gradeKey = normalizeKey(columns.grade[i]);
      let levelId = levelIds.get(gradeKey);
      if (levelId === undefined) {
        levelId = levelIds.size;
        levelIds.set(gradeKey, levelId);
      }
      level.push(levelId);
    }
    if (columns.tenure !== undefined) {
      if (isBlank(columns.tenure[i])) invalid(`tenure is blank (row ${row})`);
      const years = numberCell(columns.tenure[i], "tenure", row);
      if (years < 0) outOfRange(`tenure must not be negative (row ${row})`);
      tenure.push(years);
    }
  }
  if (pay.length === 0) invalid("pay has no numbers");
  const reference = groupIds.get(normalizeKey(referenceGroup));
  if (reference === undefined)
    notFound(
      `reference_group '${truncate(String(referenceGroup).trim())}' is not among the groups (${names.join(", ")})`,
    );
  const fit = fitPayGap({
    pay,
    group,
    groups: names,
    reference,
    level: columns.grade === undefined ? undefined : level,
    tenure: columns.tenure === undefined ? undefined : tenure,
    minimum,
  });
  if (fit.groups[reference].small)
    invalid(`reference_group '${names[reference]}' has fewer than ${minimum} employees: choose a larger group`);
  const book = new CellBook();
  const cells = fit.groups.map((g) => book.add(g.employees));
  book.sum(cells);
  const { hidden } = book.suppress(minimum);
  return gapOrder(fit.groups).map((g) => ({
    name: g.name,
    employees: g.employees,
    hidden: hidden[cells[g.index]] === 1,
    small: g.small,
    reference: g.reference,
    gap: g.reference ? 0 : g.gap,
    low: g.low,
    high: g.high,
    missing: g.reference ? undefined : (g.missing ?? (g.se === null ? "interval" : undefined)),
  }));
}
