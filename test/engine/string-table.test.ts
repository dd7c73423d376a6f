import fc from "fast-check";
import { StringTable } from "../../src/engine/string-table";

/** Keys that meet the table's edge cases: short and long, empty, U+0000, beyond U+00FF, and near twins. */
const key = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom("", "\u0000", "A\u0000", "A", "AB", "E0000123", "E00001234", "e0000123", "Ā", "AĀ", "ÿÿÿÿÿÿÿÿ"),
  fc.string({ unit: "binary", maxLength: 9 }),
);

/** A table over `keys` (value v is keys[v − 1]) filled with setEach, and the Map it should agree with. */
function filled(keys: string[], packed: boolean): { table: StringTable; expected: Map<string, number> } {
  const table = new StringTable(keys.length, (value) => keys[value - 1], packed);
  table.setEach(
    keys.length,
    (at) => keys[at],
    (at) => at + 1,
  );
  // The last of equal keys keeps its value, as with a Map.
  const expected = new Map(keys.map((k, at) => [k, at + 1]));
  return { table, expected };
}

describe("StringTable", () => {
  it.each([true, false])(
    "agrees with a Map on every key, held or not, one by one and grouped (packed %s)",
    (packed) => {
      fc.assert(
        fc.property(fc.array(key, { maxLength: 120 }), fc.array(key, { maxLength: 60 }), (keys, others) => {
          const { table, expected } = filled(keys, packed);
          const asked = [...keys, ...others];
          const out = new Int32Array(asked.length);
          table.getEach(asked.length, (at) => asked[at], out);
          asked.forEach((k, at) => {
            expect(table.get(k)).toBe(expected.get(k));
            expect(out[at]).toBe(expected.get(k) ?? 0);
          });
        }),
      );
    },
  );

  it("keeps the first value of a key with firstOrAddEach and tells it on a repeat", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 120 }), fc.boolean(), (keys, packed) => {
        const table = new StringTable(keys.length, (value) => keys[value - 1], packed);
        const out = new Int32Array(keys.length);
        table.firstOrAddEach(
          keys.length,
          (at) => keys[at],
          (at) => at + 1,
          out,
        );
        const first = new Map<string, number>();
        keys.forEach((k, at) => {
          expect(out[at]).toBe(first.get(k) ?? 0);
          if (!first.has(k)) first.set(k, at + 1);
        });
        keys.forEach((k) => expect(table.get(k)).toBe(first.get(k)));
      }),
    );
  });

  it("tells apart keys that differ only past the packed characters or in a character beyond U+00FF", () => {
    const keys = ["E0000123", "E00001230", "E000012", "E0000123\u0000", "E000012\u0123", "E000012\u0023"];
    for (const packed of [true, false]) {
      const { table } = filled(keys, packed);
      keys.forEach((k, at) => expect(table.get(k)).toBe(at + 1));
      expect(table.get("E0000124")).toBeUndefined();
      expect(table.get("e0000123")).toBeUndefined();
    }
  });
});
