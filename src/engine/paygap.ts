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

  // The employees in the model, and a compact id for each of their fixed-effect levels.
  const rows: number[] = [];
  for (let i = 0; i < data.group.length; i++) if (!small[data.group[i]]) rows.push(i);
  const n = rows.length;
  const levelOf = new Int32Array(n);
  const levelIds = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const raw = data.level === undefined ? 0 : data.level[rows[r]];
    let id = levelIds.get(raw);
    if (id === undefined) {
      id = levelIds.size;
      levelIds.set(raw, id);
    }
    levelOf[r] = id;
  }
  const levels = levelIds.size;

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
  const slotOf = new Int32Array(n);
  const y = new Float64Array(n);
  const t = new Float64Array(tenure ? n : 0);
  const t2 = new Float64Array(tenure ? n : 0);
  let centre = 0;
  if (data.tenure !== undefined) {
    for (let r = 0; r < n; r++) centre += data.tenure[rows[r]];
    centre /= n;
  }
  for (let r = 0; r < n; r++) {
    slotOf[r] = slot[data.group[rows[r]]];
    y[r] = Math.log(data.pay[rows[r]]);
    if (data.tenure !== undefined) {
      t[r] = data.tenure[rows[r]] - centre;
      t2[r] = t[r] * t[r];
    }
  }

  // Absorb the fixed effects: subtract each level's mean from y, tenure and tenure².
  const sizes = new Float64Array(levels);
  const cells = new Float64Array(levels * m); // employees of level l in slot j
  for (let r = 0; r < n; r++) {
    sizes[levelOf[r]]++;
    if (slotOf[r] >= 0) cells[levelOf[r] * m + slotOf[r]]++;
  }
  for (const column of tenure ? [y, t, t2] : [y]) {
    const sums = new Float64Array(levels);
    for (let r = 0; r < n; r++) sums[levelOf[r]] += column[r];
    for (let r = 0; r < n; r++) column[r] -= sums[levelOf[r]] / sizes[levelOf[r]];
  }
  const share = (l: number, j: number) => cells[l * m + j] / sizes[l];

  // X'X and X'y. Indicators: Σ x̃ₐ x̃ᵦ = δ Nₐ − Σₗ cₗₐ cₗᵦ ÷ nₗ; Σ x̃ₐ v = Σ over group a of ṽ
  // (ṽ sums to zero within each level).
  const xtx: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let l = 0; l < levels; l++)
    for (let a = 0; a < m; a++) {
      const ca = cells[l * m + a];
      if (ca === 0) continue;
      xtx[a][a] += ca;
      for (let b = 0; b < m; b++) xtx[a][b] -= (ca * cells[l * m + b]) / sizes[l];
    }
  for (let r = 0; r < n; r++) {
    const j = slotOf[r];
    if (j >= 0) {
      xty[j] += y[r];
      if (tenure) {
        xtx[j][m] += t[r];
        xtx[j][m + 1] += t2[r];
      }
    }
    if (tenure) {
      xtx[m][m] += t[r] * t[r];
      xtx[m][m + 1] += t[r] * t2[r];
      xtx[m + 1][m + 1] += t2[r] * t2[r];
      xty[m] += t[r] * y[r];
      xty[m + 1] += t2[r] * y[r];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[a][b] = xtx[b][a];

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

  // HC1: n ÷ (n − k) · (X'X)⁻¹ (Σ eᵢ² xᵢ xᵢ') (X'X)⁻¹ over the kept regressors, the meat's
  // indicator terms from sums of eᵢ² (and eᵢ² × tenure) per level and group.
  let se: (number | null)[] = kept.map(() => null);
  if (n - k > 0 && kept.length > 0) {
    const offset = new Float64Array(levels); // Σₐ βₐ × share of a in level l
    for (let l = 0; l < levels; l++) for (let a = 0; a < m; a++) offset[l] += beta[a] * share(l, a);
    const w = new Float64Array(levels); // Σ eᵢ² per level
    const wGroup = new Float64Array(levels * m);
    const wt = new Float64Array(tenure ? levels : 0);
    const wt2 = new Float64Array(tenure ? levels : 0);
    const wtGroup = new Float64Array(tenure ? levels * m : 0);
    const wt2Group = new Float64Array(tenure ? levels * m : 0);
    const meat: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let r = 0; r < n; r++) {
      const l = levelOf[r];
      const j = slotOf[r];
      let e = y[r] + offset[l] - (j >= 0 ? beta[j] : 0);
      if (tenure) e -= beta[m] * t[r] + beta[m + 1] * t2[r];
      const e2 = e * e;
      w[l] += e2;
      if (j >= 0) wGroup[l * m + j] += e2;
      if (tenure) {
        wt[l] += e2 * t[r];
        wt2[l] += e2 * t2[r];
        if (j >= 0) {
          wtGroup[l * m + j] += e2 * t[r];
          wt2Group[l * m + j] += e2 * t2[r];
        }
        meat[m][m] += e2 * t[r] * t[r];
        meat[m][m + 1] += e2 * t[r] * t2[r];
        meat[m + 1][m + 1] += e2 * t2[r] * t2[r];
      }
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
        if (tenure) {
          meat[a][m] += wtGroup[l * m + a] - pa * wt[l];
          meat[a][m + 1] += wt2Group[l * m + a] - pa * wt2[l];
        }
      }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) meat[a][b] = meat[b][a];
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
