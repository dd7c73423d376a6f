/**
 * The engine's one error vocabulary. Adapters map `kind` to host errors in one place
 * (custom functions: src/functions/errors.ts; CLI: exit code 2 with the message).
 */
export type EngineErrorKind = "invalid argument" | "not found" | "out of range";

/** A value error the user can fix: thrown by engine rules, mapped by adapters. */
export class EngineError extends Error {
  readonly kind: EngineErrorKind;

  constructor(kind: EngineErrorKind, message: string) {
    super(message);
    this.name = "EngineError";
    this.kind = kind;
  }
}

/** Throws an `invalid argument` error. */
export function invalid(message: string): never {
  throw new EngineError("invalid argument", message);
}

/** Throws a `not found` error. */
export function notFound(message: string): never {
  throw new EngineError("not found", message);
}

/** Throws an `out of range` error. */
export function outOfRange(message: string): never {
  throw new EngineError("out of range", message);
}

/** True when `error` is an EngineError (of `kind`, when given). */
export function isEngineError(error: unknown, kind?: EngineErrorKind): error is EngineError {
  return error instanceof EngineError && (kind === undefined || error.kind === kind);
}
