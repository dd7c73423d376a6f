/**
 * Small groups are personal data (issue 11): a count of fewer than the minimum number of people
 * (`--min-cell`, default 5) is not shown, and neither is any value computed from it. A hidden
 * cell must not be recoverable from a total either: when a line of cells that adds up to a
 * known total (the groups of one dimension in one job family; the groups of a column and its
 * All row; headcount at start + hires − separations = headcount at end) would show all but one
 * of its hidden cells' values, the next smallest cell of that line is hidden too
 * (complementary suppression), until no line gives a hidden cell away.
 *
 * Counts are cells of a CellBook; lines are linear equations over them (coefficients ±1) whose
 * constant a reader knows. Host-free; the exhibits mark what this decides (`row.suppressed`).
 */

/** What a reader knows of a line: Σ coefficient × cell = a constant they can work out. */
export type Term = readonly [cell: number, coefficient: 1 | -1];

export type SuppressionResult = {
  /** 1 where the cell is hidden. */
  readonly hidden: Uint8Array;
  /** Hidden because it counts fewer than the minimum (1 … minimum − 1 people). */
  readonly small: Uint8Array;
  /**
   * Lines that give a hidden cell away and have no other cell to hide (a line of one cell, whose
   * total is its value): the caller hides that total where it shows it, or says so.
   */
  readonly exposed: readonly number[];
};

/** True when a count describes too few people to show: 1 … minimum − 1 (nobody is not a person). */
export function isSmall(count: number, minimum: number): boolean {
  return count > 0 && count < minimum;
}

/** The counts of an exhibit (or of several that show the same people) and the lines between them. */
export class CellBook {
  private readonly values: number[] = [];
  private readonly fixed: boolean[] = [];
  private readonly lines: Term[][] = [];

  /** Adds a count; `fixed` = a value every reader knows anyway (never hidden, never a complement). */
  add(value: number, options: { fixed?: boolean } = {}): number {
    this.values.push(value);
    this.fixed.push(options.fixed === true);
    return this.values.length - 1;
  }

  /** The cell's value. */
  value(cell: number): number {
    return this.values[cell];
  }

  get size(): number {
    return this.values.length;
  }

  /** A line: Σ coefficient × cell is known to the reader. */
  line(terms: readonly Term[]): void {
    if (terms.length > 0) this.lines.push([...terms]);
  }

  /** A line of parts adding up to a known total (a constant), or to a `total` cell of the book. */
  sum(parts: readonly number[], total?: number): void {
    const terms: Term[] = parts.map((cell) => [cell, 1]);
    if (total !== undefined) terms.push([total, -1]);
    this.line(terms);
  }

  /**
   * Hides every small count (primary suppression), then, line by line until nothing changes,
   * hides the next smallest cell of a line that would give a hidden cell away: a line with
   * exactly one hidden cell, or whose hidden cells (all on one side) must add up to zero — then
   * the smallest cell above zero.
   */
  suppress(minimum: number): SuppressionResult {
    const n = this.values.length;
    const hidden = new Uint8Array(n);
    const small = new Uint8Array(n);
    // The cells of a line of zeros (no separations at all this period) are known to be zero:
    // never a complement, since hiding one hides nothing.
    const known = [...this.fixed];
    for (const terms of this.lines)
      if (terms.every(([cell]) => this.values[cell] === 0)) for (const [cell] of terms) known[cell] = true;
    for (let cell = 0; cell < n; cell++)
      if (!known[cell] && isSmall(this.values[cell], minimum)) {
        hidden[cell] = 1;
        small[cell] = 1;
      }
    const linesOf: number[][] = Array.from({ length: n }, () => []);
    this.lines.forEach((terms, index) => {
      for (const [cell] of terms) linesOf[cell].push(index);
    });
    const queue: number[] = this.lines.map((_, index) => index);
    const queued = new Uint8Array(this.lines.length).fill(1);
    const exposed = new Set<number>();
    for (let head = 0; head < queue.length; head++) {
      const index = queue[head];
      queued[index] = 0;
      const complement = this.complementFor(this.lines[index], hidden, known);
      if (complement === undefined) continue;
      if (complement < 0) {
        exposed.add(index);
        continue;
      }
      exposed.delete(index);
      hidden[complement] = 1;
      for (const other of linesOf[complement])
        if (!queued[other]) {
          queued[other] = 1;
          queue.push(other);
        }
    }
    return { hidden, small, exposed: [...exposed].sort((a, b) => a - b) };
  }

  /** The cell to hide so the line gives nothing away: undefined when it is safe, -1 when nothing can be hidden. */
  private complementFor(terms: readonly Term[], hidden: Uint8Array, known: readonly boolean[]): number | undefined {
    let count = 0;
    let signed = 0;
    let positive = 0;
    let negative = 0;
    for (const [cell, coefficient] of terms) {
      if (!hidden[cell]) continue;
      count++;
      signed += coefficient * this.values[cell];
      if (coefficient > 0) positive++;
      else negative++;
    }
    if (count === 0) return undefined;
    // Two hidden cells on opposite sides (x − y = d) always have many solutions.
    const oneSided = positive === 0 || negative === 0;
    const givesAway = count === 1 || (oneSided && signed === 0);
    if (!givesAway) return undefined;
    let best = -1;
    for (const [cell] of terms) {
      if (hidden[cell] || known[cell]) continue;
      const value = this.values[cell];
      // Hidden cells that must add up to zero need one that does not (x + 0 = 0 gives both away).
      if (count > 1 && value <= 0) continue;
      if (best < 0 || value < this.values[best]) best = cell;
    }
    return best;
  }
}

/** The text a suppressed cell shows: "<5". */
export function suppressionText(minimum: number): string {
  return `<${minimum}`;
}
