/**
 * `npm run demo` in process, on a copy of the project's sample in a temporary root (so the
 * test never writes into the checkout). Skipped with a message until `npm run samples` has
 * made samples/portland-2013.xlsx.
 */
import * as fs from "fs";
import * as path from "path";
import { DEMO_OUTPUTS, SAMPLE_WORKBOOK, demo, projectRoot } from "../../src/cli/demo";
import { EXHIBIT_IDS } from "../../src/engine/study";
import { tempFolder } from "./helpers";

const root = projectRoot(__dirname);
const sample = path.join(root, SAMPLE_WORKBOOK);

describe("projectRoot", () => {
  it("finds the folder of the package.json named compstudy", () => {
    expect(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name).toBe("compstudy");
    expect(projectRoot(path.join(root, "dist", "node", "src", "cli"))).toBe(root);
  });
});

describe("demo", () => {
  it("says how to make the sample when it is missing", async () => {
    const empty = tempFolder("compstudy-demo-empty-");
    let stderr = "";
    const code = await demo({ stderr: (text) => (stderr += text), stdout: () => undefined }, empty);
    expect(code).toBe(2);
    expect(stderr).toBe("compstudy demo: samples/portland-2013.xlsx is missing: run npm run samples\n");
    fs.rmSync(empty, { recursive: true, force: true });
  });

  if (!fs.existsSync(sample)) console.warn("skipped: the demo run needs samples/portland-2013.xlsx (npm run samples)");
  (fs.existsSync(sample) ? it : it.skip)(
    "writes out/exhibits.xlsx, out/exhibits.json and out/report.html and prints the summary",
    async () => {
      const copy = tempFolder("compstudy-demo-");
      fs.mkdirSync(path.join(copy, "samples"));
      fs.copyFileSync(sample, path.join(copy, SAMPLE_WORKBOOK));
      let stdout = "";
      let stderr = "";
      const code = await demo(
        { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTTY: false },
        copy,
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      for (const file of Object.values(DEMO_OUTPUTS))
        expect(fs.statSync(path.join(copy, file)).size).toBeGreaterThan(0);
      expect(stdout).toContain("compstudy: study as of 2013-04-01");
      const json = JSON.parse(fs.readFileSync(path.join(copy, DEMO_OUTPUTS.json), "utf8"));
      // The sample's leavers are separated: placed, in the workforce exhibits only.
      expect(json.summary.employees + json.summary.separated + json.summary.unmatched).toBe(json.summary.rosterRows);
      expect(json.exhibits.map((exhibit: { id: string }) => exhibit.id)).toEqual([...EXHIBIT_IDS]);
      fs.rmSync(copy, { recursive: true, force: true });
    },
    120_000,
  );
});
