/**
 * Display text for exhibit values, mirroring the sheet's number formats (src/exhibits/layout.ts):
 * hourly `$0.00`, annual `$#,##0`, `0.0%`, years `0.0 years`, an index `0.00`, counts `#,##0`.
 * Always en-US, so the report reads the same on every machine.
 */
import { showsCents } from "../spec/types";
import type { CellScalar, ColumnKind, ExhibitColumn, ExhibitRow } from "../spec/types";

function fixed(digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const WHOLE = fixed(0);
const ONE_DECIMAL = fixed(1);
const CENTS = fixed(2);
const PERCENT = new Intl.NumberFormat("en-US", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const GENERAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10, useGrouping: false });

/** Formats `value` as money with a leading minus sign before the dollar, as Excel shows it. */
function money(value: number, cents: boolean): string {
  const digits = cents ? CENTS : WHOLE;
  const text = digits.format(Math.abs(value));
  const negative = value < 0 && /[1-9]/.test(text);
  return `${negative ? "-" : ""}$${text}`;
}

/** The text a cell shows for its column and row (money in cents or whole dollars; empty for null). */
export function formatValue(
  value: CellScalar | undefined,
  column: ExhibitColumn | ColumnKind,
  row: Pick<ExhibitRow, "unit" | "cents"> = {},
): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "";
  const spec: ExhibitColumn = typeof column === "string" ? { name: "", kind: column } : column;
  switch (spec.kind) {
    case "money":
      return money(value, showsCents(spec, row));
    case "percent":
      return PERCENT.format(value);
    case "years":
      return `${ONE_DECIMAL.format(value)} years`;
    case "index":
      return CENTS.format(value).replace(/,/g, "");
    case "count":
      return WHOLE.format(value);
    case "number":
      if (spec.decimals === 1) return ONE_DECIMAL.format(value);
      if (spec.decimals === 2) return CENTS.format(value);
      return GENERAL.format(value);
    case "text":
    case "date":
      return GENERAL.format(value);
  }
}

/** A share (fraction) as a whole percent for chart labels. */
export function formatShare(value: number): string {
  return `${WHOLE.format(value * 100)}%`;
}

/** A share as `0.0%`, for tooltips and the legend of a chart. */
export function formatPercent(value: number): string {
  return PERCENT.format(value);
}
