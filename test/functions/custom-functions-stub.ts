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
