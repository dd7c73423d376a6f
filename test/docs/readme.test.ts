/** The README is the user's reference: it must list every function, exhibit and script that exists. */
import * as fs from "fs";
import * as path from "path";
import { CATALOG } from "../../src/functions/catalog";
import { EXHIBIT_IDS } from "../../src/engine/study";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

describe("README.md", () => {
  it.each(CATALOG.map((entry) => [entry.name, entry.example]))(
    "documents COMP.%s with its example",
    (name, example) => {
      expect(readme).toContain(`### COMP.${name}`);
      expect(readme).toContain(example);
    },
  );

  it.each([...EXHIBIT_IDS])("documents the exhibit %s", (id) => {
    expect(readme).toContain(`\`${id}\``);
  });

  it("documents every npm script", () => {
    const scripts = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> })
        .scripts,
    );
    for (const script of scripts)
      expect(`${script}: ${readme.includes(script) ? "documented" : "missing"}`).toBe(`${script}: documented`);
  });

  it("shows the two commands and states the HISD approval reading", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm test");
    expect(readme).toContain("CompStudy's\nreading: the officer's limit is the one stated per grade band");
  });

  it("has no unfilled section left", () => {
    expect(readme).not.toMatch(/\b[A-Z]+_REFERENCE\b/);
  });
});
