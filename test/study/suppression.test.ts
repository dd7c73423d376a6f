/** Small-cell suppression (issue 11, "Small groups are personal data"): worked examples and properties. */
import fc from "fast-check";
import { CellBook, isSmall, suppressionText, type Term } from "../../src/engine/study/suppression";

/** A line of counts adding up to a total every reader knows; the hidden cells, by index. */
function row(counts: number[], minimum = 5): number[] {
  const book = new CellBook();
  const cells = counts.map((count) => book.add(count));
  book.sum(cells);
  const { hidden } = book.suppress(minimum);
  return cells.filter((cell) => hidden[cell] === 1);
}

describe("primary suppression", () => {
  it.each([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
    [120, false],
  ])("a count of %i is small (fewer than 5 people, nobody is not a person): %s", (count, small) => {
    expect(isSmall(count, 5)).toBe(small);
  });

  it("shows <N", () => {
    expect(suppressionText(5)).toBe("<5");
    expect(suppressionText(10)).toBe("<10");
  });
});

describe("complementary suppression, by hand", () => {
  it("hides the next smallest cell when one small cell would be given away by the total", () => {
    // 10 + 3 + 8 = 21: with 3 hidden alone, 21 − 10 − 8 = 3. Hide 8 too: x + y = 11.
    expect(row([10, 3, 8])).toEqual([1, 2]);
  });

  it("hides nothing more when two cells are already small", () => {
    // 2 + 3 = 5 is known, but not how it splits.
    expect(row([2, 3, 20])).toEqual([0, 1]);
  });

  it("may hide a zero: 3 + 0 = 3 is still two unknowns", () => {
    expect(row([3, 0, 12])).toEqual([0, 1]);
  });

  it("hides nothing in a row of large counts, and nothing at --min-cell 1", () => {
    expect(row([10, 30, 8])).toEqual([]);
    expect(row([10, 3, 8], 1)).toEqual([]);
    expect(row([10, 6, 8], 10)).toEqual([1, 2]);
  });

  it("hides a cell above zero where the hidden ones would have to add up to zero", () => {
    // x = 3 hidden → y = 0 hidden beside it (line 1). In line 2, y alone → z = 0 (the next smallest);
    // now y + z = 0 gives both away (and so x): w = 7 is hidden too.
    const book = new CellBook();
    const [x, y, z, w] = [3, 0, 0, 7].map((value) => book.add(value));
    book.sum([x, y]);
    book.sum([y, z, w]);
    const { hidden, small } = book.suppress(5);
    expect([...hidden]).toEqual([1, 1, 1, 1]);
    expect([...small]).toEqual([1, 0, 0, 0]);
  });

  it("takes cells on opposite sides of a line as safe (start + hires − separations − end = 0)", () => {
    const book = new CellBook();
    const [start, hires, separations, end] = [140, 4, 0, 144].map((value) => book.add(value));
    book.line([
      [start, 1],
      [hires, 1],
      [separations, -1],
      [end, -1],
    ]);
    // Hires (4) alone would be end − start + separations; the next smallest (separations, 0)
    // leaves hires − separations = 4: any pair (4, 0), (5, 1), … fits.
    expect([...book.suppress(5).hidden]).toEqual([0, 1, 1, 0]);
  });

  it("never picks a cell of a line of zeros: no separations at all this period", () => {
    const book = new CellBook();
    const [start, hires, separations, end] = [140, 4, 0, 144].map((value) => book.add(value));
    const [otherSeparations, allSeparations] = [0, 0].map((value) => book.add(value));
    book.line([
      [start, 1],
      [hires, 1],
      [separations, -1],
      [end, -1],
    ]);
    book.sum([separations, otherSeparations], allSeparations);
    // Everyone knows separations = 0 (the All row says 0): hiding it would not hide hires.
    expect([...book.suppress(5).hidden]).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it("never hides or picks a fixed cell (a value every reader knows), and hides a total's small parts in a column", () => {
    const book = new CellBook();
    const known = book.add(2, { fixed: true });
    const a = book.add(3);
    const b = book.add(9);
    const total = book.add(14);
    book.sum([known, a, b], total);
    const { hidden } = book.suppress(5);
    expect([...hidden]).toEqual([0, 1, 1, 0]);
  });

  it("reports a line it cannot protect (one cell: its total is its value)", () => {
    const book = new CellBook();
    book.sum([book.add(3)]);
    expect(book.suppress(5).exposed).toEqual([0]);
  });

  it("protects a 2-D table with its margins: the column's total cell counts too", () => {
    // Families × groups, the All row a cell of each column's line:
    //          A   B
    //   F1     3  10   (row total known: 13)
    //   F2     7   9   (16)
    //   All   10  19   (29)
    const book = new CellBook();
    const cell = [
      [3, 10],
      [7, 9],
    ].map((r) => r.map((v) => book.add(v)));
    const all = [10, 19].map((v) => book.add(v));
    for (const r of cell) book.sum(r);
    book.sum(all);
    [0, 1].forEach((c) => book.sum([cell[0][c], cell[1][c]], all[c]));
    const { hidden } = book.suppress(5);
    // 3 hidden → its row hides 10, its column hides 7; then F2 hides 9: the four inner cells.
    expect([cell[0][0], cell[0][1], cell[1][0], cell[1][1], all[0], all[1]].map((c) => hidden[c])).toEqual([
      1, 1, 1, 1, 0, 0,
    ]);
  });
});

/** Every value a reader can give a hidden cell of a line: from the shown cells and the total, counts ≥ 0. */
function feasibleValues(counts: number[], hidden: Set<number>, cell: number): Set<number> {
  const total = counts.reduce((a, b) => a + b, 0);
  const shown = counts.reduce((sum, value, i) => sum + (hidden.has(i) ? 0 : value), 0);
  const rest = total - shown;
  const others = [...hidden].filter((i) => i !== cell).length;
  const values = new Set<number>();
  // The cell takes v; the other hidden cells must make up rest − v (possible for any v ≤ rest
  // when there is another hidden cell, only v = rest when there is none).
  for (let v = 0; v <= rest; v++) if (others > 0 || v === rest) values.add(v);
  return values;
}

describe("properties", () => {
  it("no suppressed value can be recovered from its row's total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (counts, minimum) => {
          const hidden = new Set(row(counts, minimum));
          for (let i = 0; i < counts.length; i++) {
            if (isSmall(counts[i], minimum)) expect(hidden.has(i)).toBe(true);
            if (hidden.has(i)) expect(feasibleValues(counts, hidden, i).size).toBeGreaterThan(1);
          }
        },
      ),
    );
  });

  it("in a table with margins, no line is left with one hidden cell or hidden cells that must add up to zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 25, maxLength: 25 }),
        fc.integer({ min: 2, max: 6 }),
        (rows, columns, values, minimum) => {
          const book = new CellBook();
          const lines: Term[][] = [];
          const line = (terms: Term[]) => {
            lines.push(terms);
            book.line(terms);
          };
          // As in the exhibits, a group nobody belongs to is zero everywhere: known, never a complement.
          const empty = Array.from({ length: columns }, (_, c) =>
            Array.from({ length: rows }, (_, r) => values[r * 5 + c]).every((v) => v === 0),
          );
          const inner = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: columns }, (_, c) => book.add(values[r * 5 + c], { fixed: empty[c] })),
          );
          const margins = Array.from({ length: columns }, (_, c) =>
            book.add(
              inner.reduce((sum, r) => sum + book.value(r[c]), 0),
              { fixed: empty[c] },
            ),
          );
          for (const r of inner) line(r.map((cell): Term => [cell, 1]));
          line(margins.map((cell): Term => [cell, 1]));
          margins.forEach((total, c) => line([...inner.map((r): Term => [r[c], 1]), [total, -1]]));
          const { hidden, exposed } = book.suppress(minimum);
          // Known: a group nobody belongs to, and the cells of a line of zeros.
          const known = new Set(
            empty.flatMap((isEmpty, c) => (isEmpty ? [...inner.map((r) => r[c]), margins[c]] : [])),
          );
          for (const terms of lines)
            if (terms.every(([cell]) => book.value(cell) === 0)) for (const [cell] of terms) known.add(cell);
          lines.forEach((terms, index) => {
            // Only a line of one cell that could be hidden cannot be protected (everyone is in one group).
            const open = terms.filter(([cell]) => !known.has(cell)).length;
            expect(exposed.includes(index)).toBe(open === 1 && terms.some(([cell]) => hidden[cell] === 1));
          });
          for (const terms of lines.filter((_, index) => !exposed.includes(index))) {
            const hiddenTerms = terms.filter(([cell]) => hidden[cell] === 1);
            if (hiddenTerms.length === 0) continue;
            expect(hiddenTerms.length).toBeGreaterThan(1);
            const oneSided = hiddenTerms.every(([, k]) => k === hiddenTerms[0][1]);
            if (oneSided) expect(hiddenTerms.reduce((sum, [cell]) => sum + book.value(cell), 0)).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
