import fc from "fast-check";
import { isBlank, normalizeKey, parseNumberText, readNumber, truncate } from "../../src/engine/cells";
import { EngineError } from "../../src/engine/errors";
import { failure } from "./helpers";

describe("parseNumberText", () => {
  it.each([
    ["$ 12.12", 12.12],
    ["42,167", 42167],
    ["-1,234.50", -1234.5],
    ["(1,234)", -1234],
    ["1 234", 1234],
    ["12.5", 12.5],
    [" $42,167.00 ", 42167],
    [".5", 0.5],
    ["-0", 0],
    ["1\u00a0234", 1234],
  ])("reads %p as %p", (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  it.each([["abc"], [""], ["12%"], ["1/2/2020"], ["1,23"], ["--5"], ["(-5)"], ["$"], ["12.5.1"], ["1e5"]])(
    "does not read %p",
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );

  it("never crashes and gives a finite number or undefined (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseNumberText(text);
        return parsed === undefined || (Number.isFinite(parsed) && !Object.is(parsed, -0));
      }),
    );
  });

  it("reads back any amount written with thousands separators and a dollar sign (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const sign = whole < 0 ? "-" : "";
        const text = `${sign}$ ${Math.abs(whole).toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
        const expected = (Math.abs(whole) + cents / 100) * (whole < 0 ? -1 : 1);
        return Math.abs((parseNumberText(text) as number) - expected) < 1e-6;
      }),
    );
  });
});

describe("readNumber", () => {
  it("passes numbers, parses numeric text and gives null for blanks", () => {
    expect(readNumber(12.5, "A1")).toBe(12.5);
    expect(readNumber("$ 12.12", "A1")).toBe(12.12);
    expect(readNumber("  ", "A1")).toBeNull();
    expect(readNumber(null, "A1")).toBeNull();
    expect(readNumber(undefined, "A1")).toBeNull();
  });

  it.each([
    ["abc", "Row 3, column 5 ('Step 4') is not a number: 'abc'"],
    [true, "Row 3, column 5 ('Step 4') is not a number: TRUE"],
    [Infinity, "Row 3, column 5 ('Step 4') is not a finite number"],
  ])("rejects %p naming the cell", (value, message) => {
    expect(failure(() => readNumber(value, "Row 3, column 5 ('Step 4')"))).toEqual({
      kind: "invalid argument",
      message,
    });
  });

  it("never crashes: a number, null or a typed invalid argument (property)", () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(cell, (value) => {
        try {
          const result = readNumber(value, "A1");
          return result === null || Number.isFinite(result);
        } catch (error) {
          return error instanceof EngineError && error.kind === "invalid argument";
        }
      }),
    );
  });
});

describe("keys and text", () => {
  it("normalises keys: trimmed, inner spaces folded, upper case", () => {
    expect(normalizeKey("  b1-5 ")).toBe("B1-5");
    expect(normalizeKey("Master's  +30")).toBe("MASTER'S +30");
    expect(normalizeKey(7)).toBe("7");
    expect(normalizeKey(null)).toBe("");
  });

  it("sees blanks", () => {
    expect([null, undefined, "", "  "].every((value) => isBlank(value))).toBe(true);
    expect([0, "0", false].some((value) => isBlank(value))).toBe(false);
  });

  it("truncates long text for messages", () => {
    expect(truncate("x".repeat(100))).toHaveLength(40);
    expect(truncate("short")).toBe("short");
  });
});

describe("normalizeKey is idempotent", () => {
  // Lookups rely on it: an ID already written as its key is looked up as written (positions.ts).
  it("a key normalised twice is the key normalised once", () => {
    const piece = fc.constantFrom("P", "p", "-", " ", "\u00a0", "\u200b", "0", "1", ".", "5", "=", '"', "a", "/", "\t");
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.double()), (value) => {
        const once = normalizeKey(value);
        expect(normalizeKey(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
