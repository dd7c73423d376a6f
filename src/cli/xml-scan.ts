/**
 * A small streaming XML scanner for the parts of an .xlsx: tags fed in chunks of bytes as they
 * are inflated. Not a validating parser — it reads what the spreadsheet parts hold (elements,
 * attributes, text, CDATA, comments, processing instructions) with namespace prefixes dropped
 * (`x:row` is `row`, as the .NET SDK writes it), and leaves entity decoding to the consumer, who
 * decodes only the text it keeps. The elements a consumer names as blocks (a sheet's cells, the
 * shared strings) come whole, inner XML included: one event per cell instead of four is what
 * makes a 1,048,576-row sheet fast.
 *
 * Linear in what it reads, whatever the file holds (issue 19): a construct cut by a chunk's end
 * is kept with the place its search reached, and the next chunk resumes the search there instead
 * of reading it again; a construct (a tag, a comment, a cell …) longer than the limit is an error
 * as soon as the limit is passed, closed or not; and every pattern on the inner XML of a cell or
 * shared string is a hand-written scan.
 */
import { LIMITS } from "./limits";

export type XmlHandler = {
  /** A start tag (or an empty-element tag, `selfClosing`); `attributes` is its raw attribute text. */
  open: (name: string, attributes: string, selfClosing: boolean) => void;
  /** An end tag. */
  close: (name: string) => void;
  /** A block element, whole: its inner XML, undefined for an empty-element tag. */
  block?: (name: string, attributes: string, inner: string | undefined) => void;
};

/** An XML construct longer than the limit, or one the part ends inside: the part is damaged. */
export class XmlDamageError extends Error {
  constructor(
    /** "a comment", "a tag", "a cell" … */
    readonly construct: string,
    /** The limit passed, in characters; undefined when the part ended inside the construct. */
    readonly limit?: number,
  ) {
    super(
      limit === undefined
        ? `${construct} is never closed`
        : `${construct} is not closed within ${limit.toLocaleString("en-US")} characters, the longest XML construct CompStudy reads`,
    );
    this.name = "XmlDamageError";
  }
}

/** More elements in one part than the limit allows. */
export class XmlElementsError extends Error {
  constructor(readonly limit: number) {
    super(`holds more than ${limit.toLocaleString("en-US")} XML elements`);
    this.name = "XmlElementsError";
  }
}

type Kind = "tag" | "comment" | "cdata" | "pi" | "declaration" | "block";

/** construct()'s answer when the text ends inside a comment (or the like) that is being skipped. */
const SKIPPING = -2;

/** How far the search for a construct's end got, relative to its `<`, to resume there. */
type Pending = { kind: Kind; resume: number; quote: number; gt: number };

const WORDS: Record<Exclude<Kind, "block">, string> = {
  tag: "a tag",
  comment: "a comment",
  cdata: "a CDATA section",
  pi: "a processing instruction",
  declaration: "a declaration",
};

/** Scans XML fed in chunks, calling the handler for each tag and block. */
export class XmlScanner {
  /** Set by the consumer to stop scanning (the rest is not read). */
  stopped = false;
  /** Text from the `<` of a tag or block the last chunk ended inside. */
  private buffer = "";
  private pending: Pending | undefined;
  /**
   * A comment, CDATA section, processing instruction or declaration the last chunk ended inside:
   * nothing of it is kept but its length and the characters that may begin its terminator.
   */
  private skipping: { kind: Kind; terminator: string; tail: string; length: number } | undefined;
  private elements = 0;
  private readonly decoder = new TextDecoder("utf-8");
  private readonly blockWords: ReadonlyMap<string, string>;

  /**
   * `blocks`: local names of the elements delivered whole to `handler.block`, each with the words
   * naming it in a message ("a cell"). `limits`: the longest construct and the most elements.
   */
  constructor(
    private readonly handler: XmlHandler,
    blocks: ReadonlyMap<string, string> = new Map(),
    private readonly limits: { construct: number; elements: number } = {
      construct: LIMITS.xmlConstruct,
      elements: LIMITS.partElements,
    },
  ) {
    this.blockWords = blocks;
  }

  /** Scans the next chunk of UTF-8 bytes. */
  feed(bytes: Uint8Array): void {
    if (this.stopped) return;
    this.scan(this.decoder.decode(bytes, { stream: true }));
  }

  /** Scans a whole part given as text. */
  feedText(text: string): void {
    if (!this.stopped) this.scan(text);
  }

  /** What the part ended inside ("a comment", "a cell" …), undefined when it ended between constructs. */
  get unclosed(): string | undefined {
    if (this.stopped) return undefined;
    if (this.skipping) return this.describe(this.skipping.kind, "");
    if (this.buffer === "") return undefined;
    return this.describe(this.pending?.kind ?? "tag", this.buffer);
  }

  /** Throws when the part ended inside a construct (it is damaged or cut short). */
  finish(): void {
    const construct = this.unclosed;
    if (construct !== undefined) throw new XmlDamageError(construct);
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

  private describe(kind: Kind, text: string): string {
    if (kind !== "block") return WORDS[kind];
    const name = localName(text.slice(1, nameEnd(text, 1, text.length)));
    return this.blockWords.get(name) ?? `an element <${name}>`;
  }

  private scan(chunk: string): void {
    let position = 0;
    if (this.skipping) {
      position = this.skipOn(this.skipping, chunk);
      if (position < 0) return;
    }
    const text = this.buffer === "" ? (position === 0 ? chunk : chunk.slice(position)) : this.buffer + chunk;
    position = 0;
    this.buffer = "";
    let pending = this.pending;
    this.pending = undefined;
    const length = text.length;
    while (position < length && !this.stopped) {
      const lt = pending ? 0 : text.indexOf("<", position);
      if (lt < 0) break; // text between tags: nothing the consumers read
      const end = this.construct(text, lt, pending);
      pending = undefined;
      if (end === SKIPPING) return;
      if (end < 0) {
        // construct() has set this.pending (TypeScript cannot see the call change it).
        const stuck = this.pending as Pending | undefined;
        if (length - lt > this.limits.construct) this.tooLong(stuck?.kind ?? "tag", text, lt);
        this.buffer = text.slice(lt);
        return;
      }
      position = end;
    }
  }

  /**
   * Goes on skipping a comment (or CDATA, instruction, declaration) into `chunk`: the index in
   * `chunk` after its end, or -1 when it goes on past the chunk (refused past the limit).
   */
  private skipOn(skipping: NonNullable<XmlScanner["skipping"]>, chunk: string): number {
    const combined = skipping.tail + chunk;
    const at = combined.indexOf(skipping.terminator);
    if (at < 0) {
      skipping.length += chunk.length;
      if (skipping.length > this.limits.construct) this.tooLong(skipping.kind, "", 0);
      skipping.tail = combined.slice(Math.max(0, combined.length - skipping.terminator.length + 1));
      return -1;
    }
    const end = at + skipping.terminator.length - skipping.tail.length;
    if (skipping.length + end > this.limits.construct) this.tooLong(skipping.kind, "", 0);
    this.skipping = undefined;
    return end;
  }

  private tooLong(kind: Kind, text: string, lt: number): never {
    throw new XmlDamageError(this.describe(kind, text.slice(lt, lt + 256)), this.limits.construct);
  }

  /** Checks a whole construct's length, then counts it as an element. */
  private complete(kind: Kind, text: string, lt: number, end: number): void {
    if (end - lt > this.limits.construct) this.tooLong(kind, text, lt);
    if (++this.elements > this.limits.elements) throw new XmlElementsError(this.limits.elements);
  }

  /**
   * Reads the construct whose `<` is at `lt`: calls the handler and returns the index after it,
   * or -1 when the text ends inside it (this.pending then says where its search got to).
   */
  private construct(text: string, lt: number, resumed: Pending | undefined): number {
    const length = text.length;
    // Too short to know what it is: wait for more (nothing to resume, it is a few characters).
    if (lt + 9 > length && !resumed) {
      const head = text.slice(lt);
      if (head.length < 2 || "<![CDATA[".startsWith(head) || "<!--".startsWith(head)) return -1;
    }
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const kind: Kind =
        next === 63
          ? "pi"
          : text.startsWith("<![CDATA[", lt)
            ? "cdata"
            : text.startsWith("<!--", lt)
              ? "comment"
              : "declaration";
      const terminator = kind === "pi" ? "?>" : kind === "cdata" ? "]]>" : kind === "comment" ? "-->" : ">";
      const start = lt + (kind === "cdata" ? 9 : kind === "comment" ? 4 : 2);
      const from = resumed ? Math.max(start, lt + resumed.resume) : start;
      const end = text.indexOf(terminator, from);
      if (end < 0) {
        // Nothing of it is kept: only how long it is so far, and what may begin its terminator.
        const tail = Math.max(from, length - terminator.length + 1);
        this.skipping = { kind, terminator, tail: text.slice(tail), length: length - lt };
        if (this.skipping.length > this.limits.construct) this.tooLong(kind, text, lt);
        return SKIPPING;
      }
      if (end + terminator.length - lt > this.limits.construct) this.tooLong(kind, text, lt);
      return end + terminator.length;
    }
    // A tag: its `>` (quotes in attribute values skipped), then a block's end tag.
    let gt: number;
    if (resumed?.kind === "block") gt = lt + resumed.gt;
    else {
      const found = tagEnd(text, resumed ? lt + resumed.resume : lt + 1, resumed?.quote ?? 0);
      if (found.at < 0) {
        this.pending = { kind: "tag", resume: length - lt, quote: found.quote, gt: 0 };
        return -1;
      }
      gt = found.at;
    }
    if (next === 47 /* / */) {
      this.complete("tag", text, lt, gt + 1);
      this.handler.close(localName(text.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const end = nameEnd(text, lt + 1, gt);
    const qualified = text.slice(lt + 1, end);
    const name = localName(qualified);
    if (!this.blockWords.has(name)) {
      this.complete("tag", text, lt, gt + 1);
      this.handler.open(name, text.slice(end, selfClosing ? gt - 1 : gt), selfClosing);
      return gt + 1;
    }
    if (selfClosing) {
      this.complete("block", text, lt, gt + 1);
      this.handler.block?.(name, text.slice(end, gt - 1), undefined);
      return gt + 1;
    }
    const endTag = this.endTag(qualified);
    const from = resumed?.kind === "block" ? Math.max(gt + 1, lt + resumed.resume) : gt + 1;
    const close = text.indexOf(endTag, from);
    if (close < 0) {
      this.pending = { kind: "block", resume: Math.max(from, length - endTag.length + 1) - lt, quote: 0, gt: gt - lt };
      return -1;
    }
    this.complete("block", text, lt, close + endTag.length);
    this.handler.block?.(name, text.slice(end, gt), text.slice(gt + 1, close));
    return close + endTag.length;
  }
}

/**
 * The `>` closing a tag, searched from `from` with `quote` the quote open there (0: none), quotes
 * in attribute values skipped; when the text ends first, `at` is -1 and `quote` the quote then open.
 */
function tagEnd(text: string, from: number, quote: number): { at: number; quote: number } {
  let index = from;
  let open = quote;
  while (index < text.length) {
    if (open !== 0) {
      const close = text.indexOf(open === 34 ? '"' : "'", index);
      if (close < 0) return { at: -1, quote: open };
      open = 0;
      index = close + 1;
      continue;
    }
    const code = text.charCodeAt(index);
    if (code === 62) return { at: index, quote: 0 };
    if (code === 34 || code === 39) open = code;
    index++;
  }
  return { at: -1, quote: open };
}

/** Where a tag's name ends: the first space, `/` or `>` after `from`. */
function nameEnd(text: string, from: number, limit: number): number {
  let index = from;
  while (index < limit) {
    const code = text.charCodeAt(index);
    if (code <= 32 || code === 47 || code === 62) break;
    index++;
  }
  return index;
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
  return attributes.includes(name) ? attributeList(attributes).get(name) : undefined;
}

const needles = new Map<string, string>();
function needleOf(name: string): string {
  const needle = ` ${name}="`;
  needles.set(name, needle);
  return needle;
}

const isSpaceCode = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/** Every attribute of a tag by its name as written, in one pass (the first of a repeated name wins). */
function attributeList(text: string, local = false): Map<string, string> {
  const found = new Map<string, string>();
  const length = text.length;
  let index = 0;
  while (index < length) {
    while (index < length && isSpaceCode(text.charCodeAt(index))) index++;
    const start = index;
    while (index < length && !isSpaceCode(text.charCodeAt(index)) && text.charCodeAt(index) !== 61 /* = */) index++;
    const name = text.slice(start, index);
    let at = index;
    while (at < length && isSpaceCode(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== 61) {
      // A name without a value (damaged): go on from the next word.
      index = at === index && index < length ? index + 1 : at;
      continue;
    }
    at++;
    while (at < length && isSpaceCode(text.charCodeAt(at))) at++;
    const quote = text[at];
    if (quote !== '"' && quote !== "'") {
      index = at;
      continue;
    }
    const end = text.indexOf(quote, at + 1);
    if (end < 0) break;
    const key = local ? localName(name) : name;
    if (name !== "" && !found.has(key)) found.set(key, decodeXml(text.slice(at + 1, end)));
    index = end + 1;
  }
  return found;
}

/** Every attribute of a tag by local name (prefixes dropped: `r:id` is `id`). For the small parts. */
export function attributes(text: string): Map<string, string> {
  return attributeList(text, true);
}

// ---------------------------------------------------------------------------------------
// The inner XML of a cell or a shared string, read by one scan each (no patterns).

/** A tag in inner XML: where it starts and ends, its local name, and whether it opens, closes or is empty. */
type InnerTag = { start: number; end: number; name: string; kind: "open" | "close" | "empty" };

/** The next tag at or after `from` (comments, CDATA, processing instructions skipped); undefined at the end. */
function nextTag(inner: string, from: number): InnerTag | undefined {
  let index = from;
  for (;;) {
    const lt = inner.indexOf("<", index);
    if (lt < 0) return undefined;
    if (inner.startsWith("<!--", lt)) {
      const end = inner.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlDamageError("a comment");
      index = end + 3;
      continue;
    }
    if (inner.startsWith("<![CDATA[", lt)) {
      const end = inner.indexOf("]]>", lt + 9);
      if (end < 0) throw new XmlDamageError("a CDATA section");
      index = end + 3;
      continue;
    }
    if (inner.charCodeAt(lt + 1) === 63 /* ? */ || inner.charCodeAt(lt + 1) === 33 /* ! */) {
      const end = inner.indexOf(">", lt + 2);
      if (end < 0) throw new XmlDamageError("a tag");
      index = end + 1;
      continue;
    }
    const { at: gt } = tagEnd(inner, lt + 1, 0);
    if (gt < 0) throw new XmlDamageError("a tag");
    const closing = inner.charCodeAt(lt + 1) === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    const name = localName(inner.slice(nameStart, nameEnd(inner, nameStart, gt)));
    const kind = closing ? "close" : inner.charCodeAt(gt - 1) === 47 ? "empty" : "open";
    return { start: lt, end: gt + 1, name, kind };
  }
}

/** The close tag of `name` at or after `from`: the first one, as a reader of the first match would take. */
function closeOf(inner: string, from: number, name: string, words: string): InnerTag {
  for (let tag = nextTag(inner, from); tag !== undefined; tag = nextTag(inner, tag.end))
    if (tag.kind === "close" && tag.name === name) return tag;
  throw new XmlDamageError(words);
}

/**
 * Inner XML as text to decode: comments removed, CDATA sections escaped as text (so decoding
 * gives them back literally), anything else as written.
 */
function plainText(inner: string): string {
  if (!inner.includes("<!")) return inner;
  let text = "";
  let index = 0;
  for (;;) {
    const lt = inner.indexOf("<!", index);
    if (lt < 0) return text + inner.slice(index);
    text += inner.slice(index, lt);
    if (inner.startsWith("<!--", lt)) {
      const end = inner.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlDamageError("a comment");
      index = end + 3;
    } else if (inner.startsWith("<![CDATA[", lt)) {
      const end = inner.indexOf("]]>", lt + 9);
      if (end < 0) throw new XmlDamageError("a CDATA section");
      text += inner
        .slice(lt + 9, end)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;");
      index = end + 3;
    } else {
      text += "<!";
      index = lt + 2;
    }
  }
}

/** The first element of each of `names` in `inner`: its inner XML ("" when empty), as written. */
export function firstChildren<N extends string>(inner: string, names: readonly N[]): Partial<Record<N, string>> {
  const found: Partial<Record<N, string>> = {};
  let missing = names.length;
  for (let tag = nextTag(inner, 0); tag !== undefined && missing > 0; tag = nextTag(inner, tag.end)) {
    const name = tag.name as N;
    if (tag.kind === "close" || !names.includes(name) || found[name] !== undefined) continue;
    missing--;
    if (tag.kind === "empty") {
      found[name] = "";
      continue;
    }
    const close = closeOf(inner, tag.end, name, `an element <${name}>`);
    found[name] = inner.slice(tag.end, close.start);
  }
  return found;
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
  for (let tag = nextTag(inner, 0); tag !== undefined; tag = nextTag(inner, tag.end)) {
    if (tag.kind !== "open") continue;
    if (tag.name === "rPh") {
      tag = closeOf(inner, tag.end, "rPh", "a phonetic run");
    } else if (tag.name === "t") {
      const close = closeOf(inner, tag.end, "t", "a text element");
      text += plainText(inner.slice(tag.end, close.start));
      tag = close;
    }
  }
  return decodeCellText(text);
}

/** Inner XML of a cell's parts (a value, formula or inline string) as text to decode: comments and CDATA resolved. */
export function partText(inner: string): string {
  return plainText(inner);
}
