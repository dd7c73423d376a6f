/**
 * Numbers written as text the way a file's country writes them: `52,000.50` with a decimal
 * point (US, UK), `52.000,50` or `52 000,50` with a decimal comma (most of Europe). A file is
 * read one way, decided from the whole file — every number column and its field delimiter —
 * never cell by cell: `31.200` in a file whose decimals are commas is 31,200, not 31.2. A file
 * that could be read either way is refused, naming the column, until the user says which.
 */
import { parseNumberText, truncate, type CellValue } from "../cells";
import { invalid } from "../errors";
import { ReadingChoiceError } from "./headers";

/** Which mark separates the decimals: `.` (1,234.56) or `,` (1.234,56). */
export type DecimalMark = "point" | "comma";

/** `12.5` with its decimal mark and thousands separators swapped: `12,5`. */
function swapMarks(text: string): string {
  let swapped = "";
  for (const char of text) swapped += char === "." ? "," : char === "," ? "." : char;
  return swapped;
}

/** A trailing percent sign (FTE `75 %`) is not part of the number's convention. */
const PERCENT_END = /%\s*$/;

/**
 * The number `text` writes when its decimal mark is `mark`; undefined when it is not a number
 * written that way (`12.5` with a decimal comma, `15,25` with a decimal point).
 */
export function readNumberAs(raw: string, mark: DecimalMark): number | undefined {
  const text = withoutCurrency(raw);
  if (mark === "point") return parseNumberText(text);
  if (text.indexOf(".") < 0 && text.indexOf(",") < 0) return parseNumberText(text);
  return parseNumberText(swapMarks(text));
}

/** Currency signs written before or after an amount where the dollar sign is not: 42.167,00 €, £1,200. */
const CURRENCY = "€£¥";

/** The text without one currency sign (and its space) at either end; other text as it is. */
function withoutCurrency(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === " ") start++;
  while (end > start && (text[end - 1] === " " || text[end - 1] === "\u00a0")) end--;
  if (start < end && CURRENCY.includes(text[start])) start++;
  else if (end > start && CURRENCY.includes(text[end - 1])) end--;
  else return text;
  return text.slice(start, end);
}

/** True when the first digit is 0 and a thousands separator follows it: `0,750` groups nothing. */
function zeroGroup(text: string, separator: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char >= "0" && char <= "9") return char === "0" && text[index + 1] === separator;
  }
  return false;
}

/** What one cell says about its file's decimal mark. */
export type MarkEvidence =
  /** No decimal mark, or the same number either way (42167, 1 234): says nothing. */
  | "either"
  /** A number only with this mark (12.50, 1,234.56 / 15,25, 1.234,56). */
  | DecimalMark
  /** Two numbers: `31,200` (31,200 or 31.2) or `31.200` (31.2 or 31,200). */
  | "ambiguous"
  /** Not a number either way. */
  | undefined;

const PLAIN_DECIMAL = /^-?\d+\.\d+$/;

/**
 * How a number written as text reads with each decimal mark. `valid` rules out a reading the
 * field cannot hold (an FTE of 1,000): a cell is evidence for the one mark it makes sense with.
 */
export function markEvidence(raw: string, valid?: (value: number) => boolean): MarkEvidence {
  const text = withoutCurrency(endsWithPercent(raw) ? raw.replace(PERCENT_END, "") : raw);
  const hasPoint = text.indexOf(".") >= 0;
  const hasComma = text.indexOf(",") >= 0;
  if (!hasPoint && !hasComma) return parseNumberText(text) === undefined ? undefined : "either";
  // The usual cell, "52341.57": a decimal point unless it is 1–3 digits, a point and three digits.
  if (!hasComma && PLAIN_DECIMAL.test(text)) {
    const point = text.indexOf(".");
    const digitsBefore = point - (text[0] === "-" ? 1 : 0);
    if (text.length - point - 1 !== 3 || digitsBefore > 3 || zeroGroup(text, "."))
      return valid === undefined || valid(Number(text)) ? "point" : undefined;
  }
  const asPoint = zeroGroup(text, ",") ? undefined : parseNumberText(text);
  const asComma = zeroGroup(text, ".") ? undefined : parseNumberText(swapMarks(text));
  const point = asPoint !== undefined && (valid === undefined || valid(asPoint));
  const comma = asComma !== undefined && (valid === undefined || valid(asComma));
  if (point && comma) return asPoint === asComma ? "either" : "ambiguous";
  if (point) return "point";
  if (comma) return "comma";
  return undefined;
}

/** True when the text ends with a percent sign (spaces after it allowed): checked without a pattern. */
function endsWithPercent(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && text[end] === " ") end--;
  return end >= 0 && text[end] === "%";
}

/** A column whose cells are numbers: its 0-based index, its name for messages, the values its field can hold. */
export type NumberColumn = { column: number; name: string; valid?: (value: number) => boolean };

/** Rows [from, to) of a table and its number columns there (a sheet may stack several tables). */
export type NumberRegion = { from: number; to?: number; columns: readonly NumberColumn[] };

/** What decided a table's decimal mark, for the summary. */
export type MarkDecision = { mark: DecimalMark; note?: string };

type Example = { row: number; name: string; text: string };

/** Evidence gathered over columns: the first cell of each kind, and how many. */
class Evidence {
  point?: Example;
  comma?: Example;
  /** `31,200`: a thousands comma with a decimal point, a decimal comma otherwise. */
  commaThree?: Example;
  /** `31.200`: a thousands point with a decimal comma, a decimal point otherwise. */
  pointThree?: Example;
  /** Cells only one mark reads (for the note). */
  decisive = 0;

  gather(
    rows: readonly (readonly CellValue[])[],
    regions: readonly NumberRegion[],
    skip: (index: number) => boolean,
  ): void {
    for (const { from, to, columns } of regions) {
      const end = Math.min(to ?? rows.length, rows.length);
      for (const { column, name, valid } of columns)
        for (let index = from; index < end; index++) {
          const cell = rows[index][column];
          if (typeof cell !== "string") continue;
          // A number without a point or a comma reads the same either way: it says nothing. Once
          // a mark is shown, only a cell that could show the other one matters (a mixed file).
          const point = cell.indexOf(".");
          const comma = cell.indexOf(",");
          if (point < 0 && comma < 0) continue;
          if (this.point && comma < 0 && point === cell.lastIndexOf(".")) continue;
          if (this.comma && point < 0 && comma === cell.lastIndexOf(",")) continue;
          if (skip(index)) continue;
          const kind = markEvidence(cell, valid);
          if (kind === undefined || kind === "either") continue;
          const example = { row: index + 1, name, text: cell.trim() };
          if (kind === "ambiguous") {
            if (cell.indexOf(",") >= 0) this.commaThree ??= example;
            else this.pointThree ??= example;
            continue;
          }
          this.decisive++;
          if (kind === "point") this.point ??= example;
          else this.comma ??= example;
        }
    }
  }

  get ambiguous(): Example | undefined {
    return this.commaThree ?? this.pointThree;
  }
}

const shown = (example: Example): string =>
  `'${truncate(example.text)}' (column '${truncate(example.name)}', row ${example.row})`;

function mixed(point: Example, comma: Example): never {
  return invalid(
    `Numbers are written both ways: ${shown(point)} has a decimal point, ${shown(comma)} a decimal comma: write every number one way, then run again`,
  );
}

function either(example: Example): string {
  const point = readNumberAs(example.text, "point") as number;
  const comma = readNumberAs(example.text, "comma") as number;
  const words = (value: number): string => value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return `${words(comma)} with a decimal comma, ${words(point)} with a decimal point`;
}

/**
 * The decimal mark of a table, decided from the whole of it (see the module comment):
 * 1. cells only one mark reads decide (`12.50`, `15,25`, `1.234,56`; an FTE of `0,75`); cells
 *    of both kinds in one file are refused, naming one of each;
 * 2. else, when cells read two ways (`31.200`, `52,000`), the other number-like columns of the
 *    file decide as in 1, then the mark the user stated (`stated`);
 * 3. else the file's field delimiter: `52,000` in a file not delimited by `;` is fifty-two
 *    thousand (a thousands comma, the US way), `31.200` in a `;`-delimited file is thirty-one
 *    thousand two hundred (a thousands point: Excel writes `;` where the decimal mark is a comma);
 *    anything else — `31.200` in a comma- or tab-delimited file, `52,000` in a `;` one, both kinds
 *    at once — is refused, naming the column, until the user says which.
 * A stated mark never overrides what the file shows: it settles only files that do not say.
 */
export function decideDecimalMark(
  rows: readonly (readonly CellValue[])[],
  regions: readonly NumberRegion[],
  context: {
    stated?: DecimalMark;
    delimiter?: string;
    /** The file's other number-like columns, looked at only when the fields' cells do not decide. */
    others?: () => readonly NumberRegion[];
    skip?: (index: number) => boolean;
  } = {},
): MarkDecision {
  const skip = context.skip ?? (() => false);
  const evidence = new Evidence();
  evidence.gather(rows, regions, skip);
  if (evidence.point && evidence.comma) mixed(evidence.point, evidence.comma);
  const against = (mark: DecimalMark): string =>
    context.stated !== undefined && context.stated !== mark
      ? `, not the decimal ${context.stated} asked for: the file shows its own`
      : "";
  const decided = (mark: DecimalMark, example: Example, why: string): MarkDecision => ({
    mark,
    note:
      mark === "comma" || against(mark) !== ""
        ? `numbers read with a decimal ${mark}, ${why} ${shown(example)}${against(mark)}`
        : undefined,
  });
  if (evidence.point) return decided("point", evidence.point, "as the file writes them:");
  if (evidence.comma) return decided("comma", evidence.comma, "as the file writes them:");
  const ambiguous = evidence.ambiguous;
  if (ambiguous === undefined) return { mark: context.stated ?? "point" };
  const others = new Evidence();
  others.gather(rows, context.others?.() ?? [], skip);
  if (others.point && others.comma) mixed(others.point, others.comma);
  if (others.point) return decided("point", others.point, "as the file writes them:");
  if (others.comma) return decided("comma", others.comma, "as the file writes them:");
  if (context.stated !== undefined)
    return {
      mark: context.stated,
      note: `numbers read with a decimal ${context.stated}, as asked: ${shown(ambiguous)} is ${readNumberAs(ambiguous.text, context.stated)?.toLocaleString("en-US", { maximumFractionDigits: 6 })}`,
    };
  const semicolons = context.delimiter === ";";
  if (evidence.commaThree && !evidence.pointThree && !semicolons) return { mark: "point" };
  if (evidence.pointThree && !evidence.commaThree && semicolons)
    return decided("comma", evidence.pointThree, "as in a file whose fields are separated by ';': thousands written");
  throw new ReadingChoiceError(
    `Column '${truncate(ambiguous.name)}' reads two ways and nothing else in the file says which: '${truncate(ambiguous.text)}' (row ${ambiguous.row}) is ${either(ambiguous)}: say which decimal separator the file uses`,
    { kind: "decimal" },
  );
}

/** The number columns of a table besides its fields: every cell filled below the header a number either way, some as text. */
export function numberLikeColumns(
  rows: readonly (readonly CellValue[])[],
  from: number,
  taken: ReadonlySet<number>,
  header: readonly CellValue[],
  skip: (index: number) => boolean = () => false,
): NumberColumn[] {
  const width = rows.reduce((most, row, index) => (index < from ? most : Math.max(most, row.length)), header.length);
  const columns: NumberColumn[] = [];
  for (let column = 0; column < width; column++) {
    if (taken.has(column)) continue;
    let text = 0;
    let other = false;
    for (let index = from; index < rows.length && !other; index++) {
      if (skip(index)) continue;
      const cell = rows[index][column];
      if (cell === null || cell === undefined || cell === "" || typeof cell === "number") continue;
      if (typeof cell !== "string" || (cell.trim() !== "" && markEvidence(cell) === undefined)) other = true;
      else if (cell.trim() !== "") text++;
    }
    if (!other && text > 0)
      columns.push({ column, name: String(header[column] ?? "").trim() || `column ${column + 1}` });
  }
  return columns;
}
