/**
 * `npm run bench`: every performance figure the issues ask for, as one JSON document
 * (medians of several runs, with the machine). A script, never a test: figures vary with
 * the machine and its load, so they are reported, not asserted.
 */
import * as os from "os";
import { benchActions } from "./actions";
import { benchCosting } from "./costing";
import { benchExhibit } from "./exhibit";
import { benchFunctions } from "./functions";
import { benchMarket } from "./market";
import { benchPeer } from "./peer";
import { benchStatusQuo } from "./status-quo";
import { benchStudy } from "./study";
import { benchSupplemental } from "./supplemental";
import { benchWorkforce } from "./workforce";
import { benchXlsx } from "./xlsx";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const figures: Record<string, unknown> = {
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    },
  };
  if (only.length === 0 || only.includes("functions")) figures.functions = await benchFunctions();
  if (only.length === 0 || only.includes("market")) figures.market = await benchMarket();
  if (only.length === 0 || only.includes("actions")) figures.actions = benchActions();
  if (only.length === 0 || only.includes("study"))
    figures.study = await benchStudy({ big: !only.includes("--no-big") });
  if (only.length === 0 || only.includes("workforce")) figures.workforce = await benchWorkforce();
  if (only.length === 0 || only.includes("exhibit")) figures.exhibit = await benchExhibit();
  if (only.length === 0 || only.includes("status-quo")) figures.statusQuo = await benchStatusQuo();
  if (only.length === 0 || only.includes("xlsx")) figures.xlsx = benchXlsx();
  if (only.length === 0 || only.includes("costing")) figures.costing = await benchCosting();
  if (only.length === 0 || only.includes("peer")) figures.peer = await benchPeer({ big: !only.includes("--no-big") });
  if (only.length === 0 || only.includes("supplemental")) figures.supplemental = await benchSupplemental();
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
