import { readFileSync } from "fs";
import { join } from "path";
import { POLICY, POLICY_TABLE } from "../../src/engine/policy";

describe("the policy table", () => {
  it("names every value once, as a valid Excel defined name that is not a cell reference", () => {
    const names = POLICY_TABLE.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^COMP_[A-Z0-9_]+$/);
      expect(name).not.toMatch(/^[A-Z]{1,3}\d+$/);
    }
  });

  it("gives every value a label, a one-line explanation and a source", () => {
    for (const entry of POLICY_TABLE) {
      expect(entry.label.length).toBeGreaterThan(0);
      expect(entry.explanation).not.toMatch(/\n/);
      expect(entry.source).toMatch(/^HISD compensation manual 2019–20, /);
    }
  });

  it.each([
    ["COMP_EXPERIENCE_RATE", 0.025],
    ["COMP_EXPERIENCE_CAP_YEARS", 10],
    ["COMP_SENIOR_GRADE", 28],
    ["COMP_OVERTIME_THRESHOLD_HOURS", 40],
    ["COMP_OVERTIME_MULTIPLIER", 1.5],
    ["COMP_PAY_PERIODS", 26],
    ["COMP_REHIRE_WINDOW_MONTHS", 6],
    ["COMP_CREDITABLE_DAYS_FULL_TIME", 90],
    ["COMP_CREDITABLE_DAYS_HALF_TIME", 180],
    ["COMP_EXTRA_DUTY_RATE", 25],
    ["COMP_OTHER_EXPERIENCE_CAP_YEARS", 10],
  ])("holds %s = %p as the manual states it", (name, value) => {
    expect(POLICY[name as keyof typeof POLICY]).toBe(value);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(POLICY)).toBe(true);
  });

  it("is where the rules take their defaults from: no policy literal buried in rules.ts", () => {
    const code = readFileSync(join(__dirname, "../../src/engine/rules.ts"), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    for (const literal of ["0.025", "40", "1.5", "26", "28", "90", "180", "25", "10", "6", "19", "0.02"]) {
      expect(code).not.toMatch(new RegExp(`(?<![\\w.])${literal.replace(".", "\\.")}(?![\\w.])`));
    }
  });
});
