/**
 * The one mapping from engine errors to Excel errors, and the Excel errors the functions
 * return. `#VALUE!` and `#N/A` carry a message (Excel shows it); `#NUM!` cannot. The
 * functions never return `#NAME?` or `#REF!`.
 *
 * The CustomFunctions runtime is read from the global object and only the part used here is
 * declared, so this room also compiles for Node (CLI, bench) without the Office typings.
 */
import { EngineError } from "../engine/errors";

/** An Excel error value as the CustomFunctions runtime represents it. */
export type ExcelError = { readonly code: string; readonly message?: string };

type ErrorCodeName = "invalidValue" | "notAvailable" | "invalidNumber" | "divisionByZero";

type CustomFunctionsRuntime = {
  readonly Error: new (code: never, message?: string) => ExcelError;
  readonly ErrorCode: Readonly<Record<ErrorCodeName, string>>;
};

function runtime(): CustomFunctionsRuntime {
  const api = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (api === undefined) throw new Error("The CustomFunctions runtime is not loaded");
  return api;
}

function excelError(code: ErrorCodeName, message?: string): ExcelError {
  const api = runtime();
  const errorCode = api.ErrorCode[code] as never;
  return message === undefined ? new api.Error(errorCode) : new api.Error(errorCode, message);
}

/** `#VALUE!` with a message: an argument of the wrong kind. */
export function valueError(message: string): ExcelError {
  return excelError("invalidValue", message);
}

/** `#N/A` with a message: a key that is not there (grade, lane), or ranges of different sizes. */
export function notAvailable(message: string): ExcelError {
  return excelError("notAvailable", message);
}

/** `#NUM!` (Excel allows no message): a number outside the rule's domain. */
export function numError(): ExcelError {
  return excelError("invalidNumber");
}

/** Maps an engine error to its Excel error: invalid argument → #VALUE!, not found → #N/A, out of range → #NUM!. */
export function toExcelError(error: EngineError): ExcelError {
  switch (error.kind) {
    case "invalid argument":
      return valueError(error.message);
    case "not found":
      return notAvailable(error.message);
    case "out of range":
      return numError();
  }
}

const ERROR_CODES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#CONNECT!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
]);

/** True for an Excel error handed over in an argument (it is propagated, not read). */
export function isExcelError(value: unknown): value is ExcelError {
  return typeof value === "object" && value !== null && ERROR_CODES.has((value as { code?: unknown }).code as string);
}
