/**
 * Small helpers for the benchmark scripts: timing with warm-up and median, and a minimal
 * CustomFunctions runtime so the real function wrappers run under Node.
 */

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Timing of one measured action: median and each run, in milliseconds. */
export type Timing = { readonly medianMs: number; readonly runsMs: readonly number[] };

/** Runs `action` `warmups` times unmeasured, then `runs` times measured; `check` sees each result. */
export function measure<T>(action: () => T, check: (result: T) => void, runs = 7, warmups = 2): Timing {
  for (let i = 0; i < warmups; i++) check(action());
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = action();
    runsMs.push(performance.now() - start);
    check(result);
  }
  return { medianMs: round(median(runsMs)), runsMs: runsMs.map(round) };
}

/** Rounds a figure to 3 decimals for printing. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

type StubError = { readonly code: string; readonly message?: string };

/** Installs a minimal global CustomFunctions (Error + ErrorCode) when no runtime is present. */
export function installCustomFunctionsStub(): void {
  const target = globalThis as { CustomFunctions?: unknown };
  if (target.CustomFunctions !== undefined) return;
  class ExcelError implements StubError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  target.CustomFunctions = {
    Error: ExcelError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      invalidNumber: "#NUM!",
      divisionByZero: "#DIV/0!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}
