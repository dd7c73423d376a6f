/**
 * What an exhibit's report rules read: its shown values by column name, never a hidden one. A
 * finding or a chart written from a view can only repeat what the table shows, so every
 * number in it is traceable to the exhibit and no suppressed small group leaks through it.
 */
import {
  isHidden,
  type CellScalar,
  type Exhibit,
  type ExhibitChart,
  type ExhibitRow,
  type RowKind,
} from "../../exhibit";
import type { Study } from "../context";

/** The exhibit as its report rules see it. */
export class ExhibitView {
  private readonly index = new Map<string, number>();

  constructor(readonly exhibit: Exhibit) {
    exhibit.columns.forEach((column, at) => {
      if (!this.index.has(column.name)) this.index.set(column.name, at);
    });
  }

  /** True when the exhibit has this column. */
  has(name: string): boolean {
    return this.index.has(name);
  }

  /** The rows of these kinds (all rows when none is named). */
  rows(...kinds: RowKind[]): ExhibitRow[] {
    return kinds.length === 0 ? this.exhibit.rows : this.exhibit.rows.filter((row) => kinds.includes(row.kind));
  }

  /** The cell as shown; null when the column is missing, the cell empty or hidden. */
  value(row: ExhibitRow, name: string): CellScalar {
    const at = this.index.get(name);
    if (at === undefined || isHidden(row, at)) return null;
    return row.values[at] ?? null;
  }

  /** The cell as a finite number, or null. */
  number(row: ExhibitRow, name: string): number | null {
    const value = this.value(row, name);
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  }

  /** Rows grouped by the text of `column` (a plan, a dimension), groups and rows in their order. */
  groups(rows: readonly ExhibitRow[], column: string): Map<string, ExhibitRow[]> {
    const groups = new Map<string, ExhibitRow[]>();
    for (const row of rows) {
      const key = this.text(row, column);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return groups;
  }

  /** The cell as text ("" when empty or hidden). */
  text(row: ExhibitRow, name: string): string {
    const value = this.value(row, name);
    return value === null ? "" : String(value);
  }
}

/** Findings: plain sentences with the exhibit's own numbers. */
export type FindingRule = (view: ExhibitView, study: Study) => string[];

/** Charts drawn from the exhibit's shown values. */
export type ChartRule = (view: ExhibitView, study: Study) => ExhibitChart[];

/**
 * An exhibit's report rules, declared next to it in its family (`report: { findings, charts }`):
 * a new family adds its own, and every renderer draws what they return.
 */
export type ExhibitReport = {
  readonly findings?: FindingRule;
  readonly charts?: ChartRule;
};
