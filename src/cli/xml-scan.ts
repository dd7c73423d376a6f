/**
 * A small streaming XML scanner for the parts of an .xlsx: tags and (when asked) text, fed in
 * chunks of bytes as they are inflated. Not a validating parser — it reads what the spreadsheet
 * parts hold (elements, attributes, text, CDATA, comments, processing instructions) with
 * namespace prefixes dropped (`x:row` is `row`, as the .NET SDK writes it), and leaves entity
 * decoding to the consumer, who decodes only the text it keeps. The elements a consumer names
 * as blocks (a sheet's cells, the shared strings) come whole, inner XML included: one event
 * per cell instead of four is what makes a 1,048,576-row sheet fast.
 */

export type XmlHandler = {
  /** A start tag (or an empty-element tag, `selfClosing`); `attributes` is its raw attribute text. */
  open: (name: string, attributes: string, selfClosing: boolean) => void;
  /** An end tag. */
  close: (name: string) => void;
  /** Text while `capture` is on: `raw` is XML text (entities to decode), CDATA is not. */
  text?: (text: string, cdata: boolean) => void;
  /** A block element, whole: its inner XML, undefined for an empty-element tag. */
  block?: (name: string, attributes: string, inner: string | undefined) => void;
};

/** Scans XML fed in chunks, calling the handler for each tag (and text, while capturing). */
export class XmlScanner {
  /** Deliver text to the handler (the consumer turns it on inside the elements it reads). */
  capture = false;
  /** Set by the consumer to stop scanning (the rest is not read). */
  stopped = false;
  private carry = "";
  private readonly decoder = new TextDecoder("utf-8");

  /** `blocks`: local names of the elements delivered whole to `handler.block`. */
  constructor(
    private readonly handler: XmlHandler,
    private readonly blocks: ReadonlySet<string> = new Set(),
  ) {}

  /** Scans the next chunk of UTF-8 bytes. */
  feed(bytes: Uint8Array): void {
    if (this.stopped) return;
    this.scan(this.carry + this.decoder.decode(bytes, { stream: true }));
  }

  /** Scans a whole part given as text. */
  feedText(text: string): void {
    if (!this.stopped) this.scan(this.carry + text);
  }

  /** True when the part ended inside a tag (it is damaged or cut short). */
  get incomplete(): boolean {
    return !this.stopped && this.carry.includes("<");
  }

  private readonly endTags = new Map<string, string>();

  /** `</name>`, built once per name (a sheet has a million cells). */
  private endTag(qualified: string): string {
    let tag = this.endTags.get(qualified);
    if (tag === undefined) {
      tag = `</${qualified}>`;
      this.endTags.set(qualified, tag);
    }
    return tag;
  }

  private scan(text: string): void {
    const handler = this.handler;
    const length = text.length;
    let position = 0;
    while (position < length && !this.stopped) {
      const lt = text.indexOf("<", position);
      if (lt < 0) break;
      if (this.capture && lt > position) handler.text?.(text.slice(position, lt), false);
      const next = text.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (text.startsWith("<![CDATA[", lt)) {
          const end = text.indexOf("]]>", lt + 9);
          if (end < 0) {
            position = lt;
            break;
          }
          if (this.capture) handler.text?.(text.slice(lt + 9, end), true);
          position = end + 3;
          continue;
        }
        const comment = text.startsWith("<!--", lt);
        const end = comment ? text.indexOf("-->", lt + 4) : text.indexOf(">", lt + 2);
        if (end < 0) {
          position = lt;
          break;
        }
        position = end + (comment ? 3 : 1);
        continue;
      }
      if (next === 63 /* ? */) {
        const end = text.indexOf("?>", lt + 2);
        if (end < 0) {
          position = lt;
          break;
        }
        position = end + 2;
        continue;
      }
      const gt = tagEnd(text, lt);
      if (gt < 0) {
        position = lt;
        break;
      }
      if (next === 47 /* / */) {
        handler.close(localName(text.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = text.charCodeAt(gt - 1) === 47;
        let nameEnd = lt + 1;
        while (nameEnd < gt) {
          const code = text.charCodeAt(nameEnd);
          if (code <= 32 || code === 47) break;
          nameEnd++;
        }
        const qualified = text.slice(lt + 1, nameEnd);
        const name = localName(qualified);
        const attributes = text.slice(nameEnd, selfClosing ? gt - 1 : gt);
        if (this.blocks.has(name)) {
          if (selfClosing) handler.block?.(name, attributes, undefined);
          else {
            const end = text.indexOf(this.endTag(qualified), gt + 1);
            if (end < 0) {
              position = lt;
              break;
            }
            handler.block?.(name, attributes, text.slice(gt + 1, end));
            position = end + qualified.length + 3;
            continue;
          }
        } else handler.open(name, attributes, selfClosing);
      }
      position = gt + 1;
    }
    this.carry = position < length ? text.slice(position) : "";
  }
}

/** The `>` closing the tag opened at `lt` (quotes in attribute values skipped); -1 when not yet read. */
function tagEnd(text: string, lt: number): number {
  for (let index = lt + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 62) return index;
    if (code === 34 || code === 39) {
      const close = text.indexOf(code === 34 ? '"' : "'", index + 1);
      if (close < 0) return -1;
      index = close;
    }
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its character and entity references replaced. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, body: string) => {
    if (body[0] !== "#") return NAMED[body];
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
  });
}

const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Keeps the text of cells: one copy of each distinct text (roster text repeats — plans, grades,
 * families, titles), and a copy that no longer points into the chunk it was cut from. V8 keeps a
 * long slice as a view of its parent, so kept slices would hold every 1 MB chunk of the sheet's
 * XML: a 1,048,576-row sheet of inline strings peaked at 1.27 GB, 0.48 GB with this (measured
 * here). A slice of a concatenation is cut from a fresh flat copy instead.
 */
export class TextPool {
  private readonly kept = new Map<string, string>();
  constructor(private readonly limit = 200_000) {}

  keep(text: string): string {
    const known = this.kept.get(text);
    if (known !== undefined) return known;
    const copy = text.length < 13 ? text : (" " + text).slice(1);
    if (this.kept.size < this.limit) this.kept.set(copy, copy);
    return copy;
  }
}

/**
 * Spreadsheet text (ECMA-376 ST_Xstring): XML-decoded, then `_xHHHH_` escapes replaced by their
 * character (Excel writes a carriage return in a cell as `_x000D_`; `_x005F_` is the underscore).
 */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  if (!decoded.includes("_x")) return decoded;
  return decoded.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * One attribute's value from a tag's raw attribute text, by its name as written (`r`, `t`,
 * `hidden`); undefined when absent.
 */
export function attribute(attributes: string, name: string): string | undefined {
  // Fast path: ` name="value"`, as every writer seen puts it.
  const needle = needles.get(name) ?? needleOf(name);
  const found = attributes.indexOf(needle);
  if (found >= 0) {
    const start = found + needle.length;
    const end = attributes.indexOf('"', start);
    if (end >= 0) return decodeXml(attributes.slice(start, end));
  }
  for (let at = attributes.indexOf(name); at >= 0; at = attributes.indexOf(name, at + 1)) {
    if (at > 0 && attributes.charCodeAt(at - 1) > 32) continue;
    let index = at + name.length;
    while (index < attributes.length && attributes.charCodeAt(index) <= 32) index++;
    if (attributes.charCodeAt(index) !== 61 /* = */) continue;
    index++;
    while (index < attributes.length && attributes.charCodeAt(index) <= 32) index++;
    const quote = attributes[index];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = attributes.indexOf(quote, index + 1);
    return end < 0 ? undefined : decodeXml(attributes.slice(index + 1, end));
  }
  return undefined;
}

const needles = new Map<string, string>();
function needleOf(name: string): string {
  const needle = ` ${name}="`;
  needles.set(name, needle);
  return needle;
}

/** Every attribute of a tag by local name (prefixes dropped: `r:id` is `id`). For the small parts. */
export function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    found.set(localName(match[1]), decodeXml(match[2] ?? match[3] ?? ""));
  return found;
}

/** `<name …>inner</name>` or `<name …/>` (any prefix): capture 1 is the inner XML, undefined when empty. */
export function elementPattern(name: string, flags = ""): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, flags);
}

const RUN_TEXT = elementPattern("t", "g");
const PHONETIC = elementPattern("rPh", "g");
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const COMMENT = /<!--[\s\S]*?-->/g;

/** Inner XML with CDATA sections escaped as text and comments removed, so patterns can read it. */
export function plainInner(inner: string): string {
  if (!inner.includes("<!")) return inner;
  return inner
    .replace(COMMENT, "")
    .replace(CDATA, (_, text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
}

/**
 * The text of a rich-text container (a shared string's `<si>`, an inline string's `<is>`):
 * its `<t>` and runs' `<t>` joined, phonetic guides (`<rPh>`) left out, decoded.
 */
export function richText(inner: string): string {
  // Fast path: <t>plain</t>, what nearly every string is.
  if (inner.startsWith("<t>") && inner.indexOf("<", 3) === inner.length - 4 && inner.endsWith("</t>"))
    return decodeCellText(inner.slice(3, -4));
  let text = "";
  for (const match of plainInner(inner).replace(PHONETIC, "").matchAll(RUN_TEXT)) text += match[1] ?? "";
  return decodeCellText(text);
}

/** The inner XML of the first `name` element in `inner` ("" for an empty element), undefined when there is none. */
export function childText(inner: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(inner);
  return match === null ? undefined : (match[1] ?? "");
}
