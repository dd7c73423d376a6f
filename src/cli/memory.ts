/**
 * Returning memory between the phases of a big run. V8 keeps a big heap's garbage until it
 * needs the room, so a 1,048,576-row roster's cells — garbage once the roster is parsed — would
 * stay beside the placed employees and push the run past 1 GB. A full collection at the two
 * moments that free the most (after reading, after parsing) keeps the peak under it; for small
 * inputs it is not worth its time and is skipped.
 */
import * as v8 from "v8";
import * as vm from "vm";

/** Below this many rows read, a run never asks for a collection. */
export const COLLECT_FROM_ROWS = 250_000;

let collector: (() => void) | undefined | null = null;

/** Runs a full garbage collection (no-op where the runtime does not allow it). */
export function collectGarbage(): void {
  if (collector === null) {
    try {
      // The documented way to reach V8's collector without starting Node with --expose-gc.
      v8.setFlagsFromString("--expose-gc");
      collector = vm.runInNewContext("gc") as () => void;
    } catch {
      collector = undefined;
    }
  }
  collector?.();
}
