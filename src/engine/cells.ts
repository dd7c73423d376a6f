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
// currency sign, thousands separators (comma, space, non-breaking space) and a sign. Read by a
// hand-written scanner, not a pattern: the pattern this replaces had three adjacent optional
// space runs, and a cell of "-", 800 spaces and "x" took seconds to refuse (issue 19).
const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

/** JavaScript's white space (what `\s` and `trim` mean): the characters a number may be padded with. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** A thousands separator: comma, space, no-break space, narrow no-break space. */
const isGroupSeparator = (code: number): boolean => code === 44 || code === 32 || code === 0xa0 || code === 0x202f;
const isLineTerminator = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
const isSign = (code: number): boolean => code === 43 || code === 45;

/**
 * Parses text such as `$ 12.12`, `42,167` or `(1,200.00)` to a number; returns
 * undefined when the text is not a plain number (dates, words, percentages). Linear in the
 * text's length: [sign] [$] [sign] digits (grouped by threes, or not) [.digits], spaces
 * between the signs and the dollar sign, the whole in parentheses for a negative amount.
 */
export function parseNumberText(text: string): number | undefined {
  // Most cells are plain digits ("52000", "12.5"): read them without the full scan.
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    return value === 0 ? 0 : value;
  }
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  if (end - start >= 2 && text.charCodeAt(start) === 40 /* ( */ && text.charCodeAt(end - 1) === 41 /* ) */) {
    // "(…)" on one line: a negative amount in accounting style.
    let inner = start + 1;
    let innerEnd = end - 1;
    for (let at = inner; at < innerEnd; at++) if (isLineTerminator(text.charCodeAt(at))) return undefined;
    while (inner < innerEnd && isSpace(text.charCodeAt(inner))) inner++;
    while (innerEnd > inner && isSpace(text.charCodeAt(innerEnd - 1))) innerEnd--;
    start = inner;
    end = innerEnd;
    negative = true;
  }
  let at = start;
  const skipSpaces = (): void => {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
  };
  let signs = 0;
  let minus = false;
  if (at < end && isSign(text.charCodeAt(at))) {
    minus = text.charCodeAt(at) === 45;
    signs++;
    at++;
  }
  skipSpaces();
  if (at < end && text.charCodeAt(at) === 36 /* $ */) {
    at++;
    skipSpaces();
  }
  if (at < end && isSign(text.charCodeAt(at))) {
    minus ||= text.charCodeAt(at) === 45;
    signs++;
    at++;
    skipSpaces();
  }
  if (signs > 1) return undefined;
  // The whole part: a run of digits, or 1–3 digits followed by groups of a separator and three digits.
  const wholeStart = at;
  while (at < end && isDigit(text.charCodeAt(at))) at++;
  let grouped = false;
  if (at > wholeStart && at - wholeStart <= 3) {
    while (
      at + 3 < end &&
      isGroupSeparator(text.charCodeAt(at)) &&
      isDigit(text.charCodeAt(at + 1)) &&
      isDigit(text.charCodeAt(at + 2)) &&
      isDigit(text.charCodeAt(at + 3))
    ) {
      at += 4;
      grouped = true;
    }
  }
  const wholeEnd = at;
  let fraction = "";
  if (at < end && text.charCodeAt(at) === 46 /* . */) {
    const fractionStart = at;
    at++;
    while (at < end && isDigit(text.charCodeAt(at))) at++;
    if (at === fractionStart + 1) return undefined;
    fraction = text.slice(fractionStart, at);
  }
  if (at !== end || (wholeEnd === wholeStart && fraction === "")) return undefined;
  let whole = text.slice(wholeStart, wholeEnd);
  if (grouped) {
    let digits = "";
    for (let index = 0; index < whole.length; index++) if (isDigit(whole.charCodeAt(index))) digits += whole[index];
    whole = digits;
  }
  const magnitude = Number(`${whole || "0"}${fraction}`);
  if (!Number.isFinite(magnitude)) return undefined;
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
