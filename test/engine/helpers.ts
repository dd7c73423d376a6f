import { EngineError, EngineErrorKind } from "../../src/engine/errors";

/** Runs `action` and returns the EngineError it throws (fails the test when it throws nothing else). */
export function thrown(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError, nothing was thrown");
}

/** The kind and message of the EngineError `action` throws. */
export function failure(action: () => unknown): { kind: EngineErrorKind; message: string } {
  const error = thrown(action);
  return { kind: error.kind, message: error.message };
}
