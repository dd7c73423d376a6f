/** The EngineError kind an action throws ("invalid argument", "not found", "out of range"), or undefined. */
import { EngineError } from "../../src/engine/errors";

export function errorKindOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error.kind;
    throw error;
  }
  return undefined;
}
