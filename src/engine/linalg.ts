/**
 * Small dense linear algebra for the pay-equity model: the k × k normal equations of a
 * regression with a dozen regressors (the grade fixed effects are absorbed before, never
 * built as columns). Symmetric positive semi-definite systems are solved by Cholesky; a
 * column that is a combination of the earlier ones is dropped, as R's lm() marks it aliased.
 */

/** A dense matrix, row by row. */
export type Matrix = number[][];

/**
 * A pivot smaller than this share of its column's own square sum means the column adds
 * nothing the earlier columns do not already carry (collinear): it is dropped.
 */
export const COLLINEAR_TOLERANCE = 1e-10;

/** The Cholesky factor of the columns kept: A[kept, kept] = L Lᵀ, L lower-triangular. */
export type Cholesky = { readonly kept: readonly number[]; readonly lower: Matrix };

/** Cholesky factor of a symmetric positive semi-definite matrix, dropping collinear columns in order. */
export function choleskyKept(a: Matrix, tolerance = COLLINEAR_TOLERANCE): Cholesky {
  const kept: number[] = [];
  const lower: Matrix = [];
  for (let j = 0; j < a.length; j++) {
    const diagonal = a[j][j];
    if (!(diagonal > 0)) continue;
    // Row j of L against the kept columns: forward substitution of L x = A[kept, j].
    const row: number[] = [];
    let square = 0;
    for (let r = 0; r < kept.length; r++) {
      let value = a[kept[r]][j];
      for (let c = 0; c < r; c++) value -= lower[r][c] * row[c];
      value /= lower[r][r];
      row.push(value);
      square += value * value;
    }
    const pivot = diagonal - square;
    if (pivot <= tolerance * diagonal) continue;
    row.push(Math.sqrt(pivot));
    kept.push(j);
    lower.push(row);
  }
  return { kept, lower };
}

/** Solves L Lᵀ x = b for the kept system (b indexed like the kept columns). */
export function choleskySolve(factor: Cholesky, b: readonly number[]): number[] {
  const { lower } = factor;
  const n = lower.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let value = b[i];
    for (let c = 0; c < i; c++) value -= lower[i][c] * y[c];
    y[i] = value / lower[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let value = y[i];
    for (let r = i + 1; r < n; r++) value -= lower[r][i] * x[r];
    x[i] = value / lower[i][i];
  }
  return x;
}

/** The inverse of L Lᵀ (the kept system), column by column. */
export function choleskyInverse(factor: Cholesky): Matrix {
  const n = factor.lower.length;
  const columns = Array.from({ length: n }, (_, j) =>
    choleskySolve(
      factor,
      Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  // The inverse is symmetric: column j is row j.
  return columns;
}

/** A · B for dense matrices. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const rows = a.length;
  const inner = b.length;
  const cols = inner === 0 ? 0 : b[0].length;
  const out: Matrix = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < inner; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < cols; j++) out[i][j] += aik * b[k][j];
    }
  return out;
}
