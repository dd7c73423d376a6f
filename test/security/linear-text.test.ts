/**
 * Every reading of user text runs in time linear in its length (issue 19, TOOLCHAIN-NOTES 18).
 * One cell of "-", 800 spaces and "x" took 15 s in COMP.COMPA_RATIO: three adjacent optional
 * space runs in the number pattern backtracked. Here each parser of cell text, header, option or
 * reason gets 100,000-character cells shaped to make a backtracking pattern try every start and
 * split, and must read or refuse each in under 50 ms (a generous bound: linear code takes well
 * under 5 ms). The hand-written scanners that replaced patterns are checked against those
 * patterns on short texts, where the patterns are fast.
 */
import * as fs from "fs";
import fc from "fast-check";
import { cleanKeyText, isBlank, normalizeKey, parseNumberText, readNumber } from "../../src/engine/cells";
import { dateOrderHint, parseDate, parseDateCell } from "../../src/engine/study/dates";
import { foldHeader, withoutFormatHint } from "../../src/engine/study/headers";
import { periodEnds } from "../../src/engine/study/options";
import { daysFromName, parseUnit, unitFromName } from "../../src/engine/study/units";
import { reasonKind, withoutParenthesised, withoutQuoted } from "../../src/exhibits/reasons";
import { ErrorCode, loadShippedFunctions, SHIPPED_BUNDLE } from "../functions/custom-functions-stub";

const LENGTH = 100_000;
const BOUND_MS = 50;

/** Texts of LENGTH characters that make backtracking patterns try every start and every split. */
function hostileTexts(): string[] {
  const fill = (unit: string, head = "", tail = "") =>
    head + unit.repeat(Math.ceil((LENGTH - head.length - tail.length) / unit.length)) + tail;
  return [
    fill(" ", "-", "x"),
    fill(" ", "$", "x"),
    fill(" ", "- $ -", "x"),
    fill(" ", "(", "x)"),
    fill("1", "", "x"),
    fill("1,", "", "x"),
    fill("1 ", "", "x"),
    fill("1,000 ", "", "x"),
    fill(".1", "", "x"),
    fill("(", "", ")x"),
    fill(" (", "", "x"),
    fill("[", "", "]"),
    fill(" ", "a", "\n"),
    fill("a ", "", ".."),
    fill(" ..", "", "x"),
    fill("1/", "", "x"),
    fill("1-", "", "x"),
    fill("d ", "", "/m/y"),
    fill("'a ", "", "x"),
    fill('"(', "", "\n"),
    fill(" ", "", ")"),
    fill(", ", "x", ""),
    fill("=", '="', "x"),
    fill("Hourly ", "", "x"),
    fill("12 ", "", "dayz"),
    fill("\u00a0", "1", "x"),
    fill("\u200b", "", "x"),
  ];
}

const texts = hostileTexts();

/**
 * Milliseconds `read` takes on each text (the best of three tries, so a busy machine's pauses do
 * not count: a quadratic reading takes seconds every time), the slowest text.
 */
function slowest(read: (text: string) => unknown): { ms: number; text: string } {
  let worst = { ms: 0, text: "" };
  for (const text of texts) {
    let ms = Infinity;
    for (let attempt = 0; attempt < 3 && ms >= BOUND_MS / 5; attempt++) {
      const start = performance.now();
      try {
        read(text);
      } catch {
        // A refusal is an answer too: only its time matters here.
      }
      ms = Math.min(ms, performance.now() - start);
    }
    if (ms > worst.ms) worst = { ms, text: `${JSON.stringify(text.slice(0, 12))}…` };
  }
  return worst;
}

describe("every reader of cell text answers a 100,000-character cell in linear time", () => {
  it.each<[string, (text: string) => unknown]>([
    ["parseNumberText", parseNumberText],
    ["readNumber", (text) => readNumber(text, "A1")],
    ["isBlank", isBlank],
    ["normalizeKey", normalizeKey],
    ["cleanKeyText", cleanKeyText],
    ["parseDate", parseDate],
    ["parseDateCell", (text) => parseDateCell(text, { date1904: true, order: "dmy" })],
    ["dateOrderHint", dateOrderHint],
    ["foldHeader", foldHeader],
    ["parseUnit", parseUnit],
    ["unitFromName", unitFromName],
    ["daysFromName", daysFromName],
    ["periodEnds", periodEnds],
    ["reasonKind", (text) => reasonKind(`Row 3: Grade ${text} is not in plan 'X'`)],
  ])("%s", (_, read) => {
    const worst = slowest(read);
    expect({ worst: worst.text, ms: worst.ms, under: worst.ms < BOUND_MS }).toEqual({
      worst: worst.text,
      ms: worst.ms,
      under: true,
    });
  });
});

// The patterns the scanners replaced, kept here to check the scanners give what they gave.
const OLD_NUMBER_TEXT = /^([-+]?)\s*\$?\s*([-+]?)\s*(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)?(\.\d+)?$/;
function oldParseNumberText(text: string): number | undefined {
  if (/^-?\d{1,15}(\.\d{1,15})?$/.test(text)) {
    const value = Number(text);
    return value === 0 ? 0 : value;
  }
  let body = text.trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    body = parenthesised[1].trim();
    negative = true;
  }
  const match = OLD_NUMBER_TEXT.exec(body);
  if (!match) return undefined;
  const [, sign1, sign2, whole, fraction] = match;
  if (whole === undefined && fraction === undefined) return undefined;
  if (sign1 && sign2) return undefined;
  const magnitude = Number(`${(whole ?? "0").replace(/[, \u00a0\u202f]/g, "")}${fraction ?? ""}`);
  if (!Number.isFinite(magnitude)) return undefined;
  const minus = sign1 === "-" || sign2 === "-";
  if (negative && minus) return undefined;
  const result = negative || minus ? -magnitude : magnitude;
  return result === 0 ? 0 : result;
}

describe("the scanners read what the patterns they replaced read (short texts, property)", () => {
  const text = (characters: string, maxLength = 14) => fc.string({ unit: fc.constantFrom(...characters), maxLength });

  it("parseNumberText", () => {
    fc.assert(
      fc.property(text("0123456789 ,.$+-()\u00a0\u202f\t\nx", 16), (value) => {
        expect(parseNumberText(value)).toBe(oldParseNumberText(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it("withoutFormatHint", () => {
    fc.assert(
      fc.property(text("ab ()[]\t\u00a0\n"), (value) => {
        expect(withoutFormatHint(value)).toBe(value.replace(/\s*[([][^)\]]*[)\]]\s*$/, ""));
      }),
      { numRuns: 20_000 },
    );
  });

  it("withoutQuoted and withoutParenthesised", () => {
    fc.assert(
      fc.property(text("ab '\"(),.:;\n"), (value) => {
        expect(withoutQuoted(value)).toBe(value.replace(/(^|[\s(])(['"]).*?\2(?=$|[\s),.:;])/gs, "$1"));
        expect(withoutParenthesised(value)).toBe(value.replace(/\s*\([^()]*\)/g, ""));
      }),
      { numRuns: 20_000 },
    );
  });

  it("periodEnds splits where the period pattern did, for periods written as people write them", () => {
    const date = fc.constantFrom("2022-07-01", "7/1/2022", "44743", "Jul 1, 2022");
    const separator = fc.constantFrom("..", " .. ", "–", " – ", "—", " to ", "to");
    fc.assert(
      fc.property(date, separator, date, (start, middle, end) => {
        const written = `${start}${middle}${end}`;
        const old = /^(.+?)\s*(?:\.\.|–|—|\bto\b)\s*(.+)$/.exec(written);
        expect(periodEnds(written)).toEqual(old ? [old[1], old[2]] : undefined);
      }),
    );
  });
});

// What ships: the functions bundle as Excel runs it (TOOLCHAIN-NOTES 13).
(fs.existsSync(SHIPPED_BUNDLE) ? describe : describe.skip)("the shipped functions bundle (dist/functions.js)", () => {
  let shipped: ReturnType<typeof loadShippedFunctions> = {};
  beforeAll(() => {
    shipped = loadShippedFunctions();
  });

  it("COMP.COMPA_RATIO refuses a salary of '-', 100,000 spaces and 'x' at once (it took 15 s with 800)", () => {
    const salary = `-${" ".repeat(LENGTH)}x`;
    shipped.COMPA_RATIO([["1"]], [[40_000]], [[60_000]]);
    const start = performance.now();
    const [[answer]] = shipped.COMPA_RATIO([[salary]], [[40_000]], [[60_000]]);
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    expect(answer).toMatchObject({ code: ErrorCode.invalidValue });
  });
});
