/**
 * `npm run demo`: the whole study on the bundled sample (samples/portland-2013.xlsx, made by
 * `npm run samples`) → out/exhibits.xlsx, out/exhibits.json, out/report.html, and the summary.
 * Runs from dist/node/src/cli/demo.js or under ts-jest: the project root is found by walking
 * up to the package.json named "compstudy".
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "./main";
import type { CliIo } from "./main";

export const SAMPLE_WORKBOOK = path.join("samples", "portland-2013.xlsx");
/** The as-of date the sample roster was generated for (scripts/make-samples.ts). */
export const DEMO_AS_OF = "2013-04-01";
/** The organisation the sample is about: it titles the demo's report and sheets. */
export const DEMO_ORGANIZATION = "Portland Public Schools";
export const DEMO_OUTPUTS = {
  xlsx: path.join("out", "exhibits.xlsx"),
  json: path.join("out", "exhibits.json"),
  html: path.join("out", "report.html"),
};

/**
 * The demo's study, as the command line gives it, with `outputs` (--out FILE …) after it: the
 * sample as of its date, a 3 % structure adjustment for chapter 6 (the sample has no Proposed
 * Plans sheet), the settlement costing's turnover (the sample's Settlement sheet gives the
 * rest), and the organisation, which titles the report and every sheet.
 */
export function demoArguments(workbook: string, outputs: readonly string[]): string[] {
  return [
    "exhibits",
    "--workbook",
    workbook,
    "--as-of",
    DEMO_AS_OF,
    ...["--adjust", "3%"],
    ...["--turnover", "8%"],
    ...["--organization", DEMO_ORGANIZATION],
    ...outputs,
  ];
}

/** The folder holding the package.json named "compstudy", at or above `start`. */
export function projectRoot(start: string = __dirname): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, "package.json");
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "compstudy") return folder;
      } catch {
        // Not ours (or unreadable): keep walking up.
      }
    }
    if (path.dirname(folder) === folder) throw new Error(`no compstudy package.json above ${start}`);
  }
}

/** Runs the demo; returns the exit code. */
export async function demo(io: Partial<CliIo> = {}, root: string = projectRoot()): Promise<number> {
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(text));
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(text));
  if (!fs.existsSync(path.join(root, SAMPLE_WORKBOOK))) {
    stderr(`compstudy demo: ${SAMPLE_WORKBOOK} is missing: run npm run samples\n`);
    return 2;
  }
  const started = Date.now();
  const code = await main(
    demoArguments(SAMPLE_WORKBOOK, [
      "--out",
      DEMO_OUTPUTS.xlsx,
      "--json",
      DEMO_OUTPUTS.json,
      "--html",
      DEMO_OUTPUTS.html,
    ]),
    { ...io, stdout, stderr, cwd: root },
  );
  if (code === 0) stdout(`demo: done in ${((Date.now() - started) / 1000).toFixed(1)} s — open ${DEMO_OUTPUTS.html}\n`);
  return code;
}

if (require.main === module) {
  demo().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`compstudy demo: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
