/**
 * Text as an .xlsx may hold it. XML 1.0 forbids most control characters, U+FFFE, U+FFFF and
 * lone surrogates (a file holding one is refused by Excel and by every XML parser), and Excel
 * stores at most 32,767 characters in a cell. Roster text can carry any of these (pasted
 * from other systems), so every string is cleaned on its way into the package, and the
 * cleaning is counted so the run can say what it changed.
 */

/** Excel's limit on the characters of one cell ("Total number of characters that a cell can contain"). */
export const MAX_CELL_CHARACTERS = 32_767;

/** What replaces a character XML cannot hold: visible, and a reader searching for it finds it. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

const ELLIPSIS = "…";

/**
 * XML 1.0's forbidden characters (https://www.w3.org/TR/xml/#charsets): C0 controls other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF; surrogates that are not part of a pair.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What cleaning did to a workbook's text, counted by cell. */
export type TextRepairs = {
  /** Cells in which characters XML forbids were replaced by U+FFFD. */
  replaced: number;
  /** Cells cut to Excel's 32,767 characters, ending with "…". */
  cut: number;
};

export function noRepairs(): TextRepairs {
  return { replaced: 0, cut: 0 };
}

/** `text` with every character XML forbids replaced and cut to Excel's cell limit; counts what it did. */
export function cellText(text: string, repairs: TextRepairs): string {
  let clean = text;
  FORBIDDEN.lastIndex = 0;
  if (FORBIDDEN.test(clean)) {
    FORBIDDEN.lastIndex = 0;
    clean = clean.replace(FORBIDDEN, REPLACEMENT_CHARACTER);
    repairs.replaced++;
  }
  if (clean.length > MAX_CELL_CHARACTERS) {
    let end = MAX_CELL_CHARACTERS - ELLIPSIS.length;
    // Never split a surrogate pair: its first half alone would be a forbidden character.
    const last = clean.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    clean = clean.slice(0, end) + ELLIPSIS;
    repairs.cut++;
  }
  return clean;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

/**
 * Escapes text for an Excel string (ST_Xstring: shared strings, table column names). Excel
 * reads `_xHHHH_` there as an escaped character, so text that happens to contain such a
 * sequence gets its underscore escaped (`_x005F_`) to come back unchanged.
 */
export function escapeXstring(text: string): string {
  const escaped = escapeXml(text);
  return escaped.includes("_x") ? escaped.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : escaped;
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
