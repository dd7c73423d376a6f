import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

/**
 * A minimal global CustomFunctions for tests: the Error class (code + message) and the
 * ErrorCode values Excel uses. Installed by each test file that calls the wrappers.
 */
export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Puts the stub on the global object (call in beforeAll). */
export function installCustomFunctionsStub(): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: StubExcelError, ErrorCode };
}

/** Removes the stub (call in afterAll). */
export function removeCustomFunctionsStub(): void {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
}

/** An Excel error cell as a test expects it: code, and the message when Excel shows one. */
export function excelError(code: string, message?: string): StubExcelError {
  return new StubExcelError(code, message);
}

/** The errors the function tests expect most: #N/A and #VALUE! with their message, #NUM!. */
export const NA = (message: string): StubExcelError => excelError(ErrorCode.notAvailable, message);
export const VALUE = (message: string): StubExcelError => excelError(ErrorCode.invalidValue, message);
export const NUM = excelError(ErrorCode.invalidNumber);

/** What ships: the functions bundle npm run build writes. */
export const SHIPPED_BUNDLE = path.join(__dirname, "..", "..", "dist", "functions.js");

/**
 * The shipped bundle's functions by id, as Excel runs them: the bundle registers each with
 * CustomFunctions.associate (TOOLCHAIN-NOTES 13), here in a vm context with the stub's Error and ErrorCode.
 */
export function loadShippedFunctions(): Record<string, (...args: unknown[]) => unknown[][]> {
  const shipped: Record<string, (...args: unknown[]) => unknown[][]> = {};
  const context: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown[][]) => {
        shipped[id] = fn;
      },
      Error: StubExcelError,
      ErrorCode,
    },
  };
  context.globalThis = context;
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(SHIPPED_BUNDLE, "utf8"), context);
  return shipped;
}
