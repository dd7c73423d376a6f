/**
 * Reading cell values pasted from PDFs, HRIS exports and hand-edited sheets.
 * A cell value is whatever a host hands over: numbers, text, booleans, blanks.
 */
import { invalid } from "./errors";

/** A raw cell value as Excel, ExcelJS or a CSV parser hands it over. */
export type CellValue = string | number | boolean | null | undefined;

/** True for a cell with nothing in it (null, undefined, or text that is only spaces). */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

// "$ 12.12", "42,167", "-1,234.50", "(1,234)", "1 234", "12.5" — digits with optional
// currency sign, thousands separators (comma, space, non-breaking space) and a sign.
const NUMBER_TEXT = /^([-+]?)\s*\$?\s*([-+]?)\s*(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)?(\.\d+)?$/;
const PARENTHESISED = /^\((.*)\)$/;
const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

/**
 * Parses text such as `$ 12.12`, `42,167` or `(1,200.00)` to a number; returns
 * undefined when the text is not a plain number (dates, words, percentages).
 */
export function parseNumberText(text: string): number | undefined {
  // Most cells are plain digits ("52000", "12.5"): read them without the full pattern.
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    return value === 0 ? 0 : value;
  }
  let body = text.trim();
  let negative = false;
  const parenthesised = PARENTHESISED.exec(body);
  if (parenthesised) {
    body = parenthesised[1].trim();
    negative = true;
  }
  const match = NUMBER_TEXT.exec(body);
  if (!match) return undefined;
  const [, sign1, sign2, whole, fraction] = match;
  if (whole === undefined && fraction === undefined) return undefined;
  if (sign1 && sign2) return undefined;
  const digits = `${(whole ?? "0").replace(/[, \u00a0\u202f]/g, "")}${fraction ?? ""}`;
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return undefined;
  const minus = sign1 === "-" || sign2 === "-";
  if (negative && minus) return undefined;
  const result = negative || minus ? -magnitude : magnitude;
  return result === 0 ? 0 : result;
}

/**
 * Reads a cell as a number: numbers pass, numeric text is parsed, blanks give null.
 * Other text, booleans and non-finite numbers throw `invalid argument` naming `where`.
 */
export function readNumber(value: CellValue, where: string): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) invalid(`${where} is not a finite number`);
    return value;
  }
  if (typeof value === "string") {
    const parsed = parseNumberText(value);
    if (parsed === undefined) invalid(`${where} is not a number: '${truncate(value.trim())}'`);
    return parsed;
  }
  return invalid(`${where} is not a number: ${String(value).toUpperCase()}`);
}

/** Shortens text for an error message so a 10,000-character cell stays readable. */
export function truncate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Characters that print as nothing (zero-width spaces and joiners, BOM, soft hyphen). */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
/** Excel's way of keeping a code as text in a CSV: ="H10". */
const FORMULA_TEXT = /^="(.*)"$/;
const NUMERIC_KEY = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A key with nothing to clean: letters, digits and a few separators, no spaces or quotes. */
const PLAIN_KEY = /^[A-Za-z0-9_.\-/]{1,64}$/;

/**
 * Normalises a grade, plan or lane key as people mean it: invisible characters removed,
 * Excel's ="H10" unwrapped, trimmed, inner spaces (also non-breaking ones) folded, upper case,
 * and numeric codes equal by number (01 = 1 = 1.0).
 */
export function normalizeKey(value: CellValue): string {
  // Upper case too: 1e21 is written "1e+21", and typed as text it normalises to "1E+21".
  if (typeof value === "number") return Number.isFinite(value) ? String(value).toUpperCase() : "";
  // Most keys are plain codes ("E000123", "B1-5"): nothing to remove, unwrap or fold.
  if (typeof value === "string" && PLAIN_KEY.test(value)) {
    const upper = value.toUpperCase();
    return NUMERIC_KEY.test(upper) ? String(Number(upper)) : upper;
  }
  let text = String(value ?? "").replace(INVISIBLE, "");
  const wrapped = FORMULA_TEXT.exec(text.trim());
  if (wrapped) text = wrapped[1];
  text = text.trim().replace(/\s+/g, " ").toUpperCase();
  return NUMERIC_KEY.test(text) ? String(Number(text)) : text;
}

/** The text of a key cell as people read it: invisible characters removed, ="H10" unwrapped, trimmed. */
export function cleanKeyText(value: CellValue): string {
  let text = String(value ?? "").replace(INVISIBLE, "");
  const wrapped = FORMULA_TEXT.exec(text.trim());
  if (wrapped) text = wrapped[1];
  return text.trim();
}
