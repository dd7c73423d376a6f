/**
 * Option values read one way in the CLI, the pane and COMP.EXHIBIT: a percentage typed as `3`,
 * `3%` or `0.03` is 3 % (as Excel reads a number typed into a percentage cell), a cell's number
 * is the fraction Excel stores, and a value that does not read is refused with the option's label.
 */
import fc from "fast-check";
import { option, parseOption } from "../../src/engine/study";
import { ADJUST, MARKET_TARGET } from "../../src/engine/study/families/structure";

const RATE = option({
  name: "some-rate",
  kind: "percent",
  label: "Some rate",
  description: "a rate for this test",
  min: -0.5,
  max: 1,
});

describe("percentages", () => {
  it.each([
    ["3", 0.03],
    ["3%", 0.03],
    ["3 %", 0.03],
    ["0.03", 0.03],
    [" 7.5 ", 0.075],
    ["1", 0.01],
    ["100", 1],
    ["100%", 1],
    ["0.5", 0.5],
    ["0", 0],
    ["-3", -0.03],
    ["-0.03", -0.03],
    ["-3%", -0.03],
  ])("text %j reads as %d", (text, value) => {
    expect(parseOption(RATE, text)).toBeCloseTo(value, 12);
  });

  it.each([
    [0.03, 0.03],
    [1, 1],
    [0, 0],
  ])("a cell holding %d is that fraction", (cell, value) => {
    expect(parseOption(RATE, cell)).toBe(value);
  });

  it.each([
    ["150", "Some rate: 150% is above 100%"],
    ["-60%", "Some rate: -60% is below -50%"],
    ["three", "Some rate: 'three' is not a percentage (write 3%, 3 or 0.03)"],
    ["3%%", "Some rate: '3%%' is not a percentage (write 3%, 3 or 0.03)"],
  ])("text %j is refused with the label: %s", (text, message) => {
    expect(() => parseOption(RATE, text)).toThrow(message);
  });

  it("a cell holding 3 says it is 300 % and how to write 3 %", () => {
    expect(() => parseOption(RATE, 3)).toThrow(
      "Some rate: 300% is above 100%: a cell holding 3 is 300%; for 3% write 3% or 0.03",
    );
  });

  it("the structure adjustment and market target name their fields, never their flags", () => {
    expect(() => parseOption(ADJUST, "150")).toThrow("Structure adjustment: 150% is above 100%");
    // "1" is 1 % — never a market target: at least half the market.
    expect(() => parseOption(MARKET_TARGET, "1")).toThrow("Market target: 1% is below 50%");
    expect(parseOption(MARKET_TARGET, "110")).toBeCloseTo(1.1, 12);
  });

  it("a whole number of percent and its fraction and its % form agree (below 100 %: the fraction 1 reads as 1 %)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (percent) => {
        const plain = parseOption(RATE, String(percent));
        expect(parseOption(RATE, `${percent}%`)).toBe(plain);
        expect(parseOption(RATE, String(percent / 100))).toBeCloseTo(plain, 12);
      }),
    );
  });

  it("a fraction below 1 and the same number of percent with its sign agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (hundredths) => {
        const fraction = hundredths / 100;
        expect(parseOption(RATE, String(fraction))).toBe(fraction);
        expect(parseOption(RATE, `${hundredths}%`)).toBeCloseTo(fraction, 12);
      }),
    );
  });
});

describe("other kinds name the label too", () => {
  const COUNT = option({ name: "min-things", kind: "integer", label: "Fewest things", description: "d", min: 1 });
  const PICK = option({ name: "pick", kind: "choice", label: "Pick one", description: "d", choices: ["a", "b"] });
  it.each([
    [COUNT, "2.5", "Fewest things: 2.5 is not a whole number"],
    [COUNT, "0", "Fewest things: 0 is below 1"],
    [PICK, "c", "Pick one: 'c' is not one of 'a', 'b'"],
  ])("%#", (spec, text, message) => {
    expect(() => parseOption(spec as never, text)).toThrow(message);
  });
});
