/**
 * The streaming XML scanner of the .xlsx reader (issue 19): the same events whatever the chunks
 * it is fed, each construct found once (a construct cut by a chunk's end is resumed, never read
 * again), a construct longer than its limit refused as soon as the limit passes, a part that
 * ends inside a construct refused, and the inner XML of cells and shared strings read by linear
 * scans that give what the patterns they replaced gave.
 */
import fc from "fast-check";
import {
  attribute,
  attributes,
  firstChildren,
  richText,
  XmlDamageError,
  XmlElementsError,
  XmlScanner,
} from "../../src/cli/xml-scan";

type Event = string;

/** The events of scanning `xml` fed in pieces cut at `cuts` (character offsets). */
function events(xml: string, cuts: number[] = [], limits?: { construct: number; elements: number }): Event[] {
  const seen: Event[] = [];
  const scanner = new XmlScanner(
    {
      open: (name, raw, selfClosing) => seen.push(`open ${name} [${raw}]${selfClosing ? " /" : ""}`),
      close: (name) => seen.push(`close ${name}`),
      block: (name, raw, inner) => seen.push(`block ${name} [${raw}] ${inner === undefined ? "-" : `{${inner}}`}`),
    },
    new Map([["c", "a cell"]]),
    limits,
  );
  const bytes = Buffer.from(xml, "utf8");
  let from = 0;
  for (const cut of [...cuts.filter((at) => at > 0 && at < bytes.length)].sort((a, b) => a - b)) {
    scanner.feed(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.feed(bytes.subarray(from));
  scanner.finish();
  return seen;
}

const SHEET =
  '<?xml version="1.0"?><!-- a comment with <c> inside --><worksheet xmlns:x="urn:x"><sheetData>' +
  '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><x:c r="B1"><![CDATA[<v>not a tag</v>]]><v>2</v></x:c></row>' +
  '<row r="2" hidden="1"/><c r="A3" t="inlineStr"/><!DOCTYPE x><?pi ok?></sheetData></worksheet>';

describe("XmlScanner", () => {
  it("reads tags, blocks, comments, CDATA, declarations and processing instructions", () => {
    expect(events(SHEET)).toEqual([
      'open worksheet [ xmlns:x="urn:x"]',
      "open sheetData []",
      'open row [ r="1" spans="1:2"]',
      'block c [ r="A1" t="s"] {<v>0</v>}',
      'block c [ r="B1"] {<![CDATA[<v>not a tag</v>]]><v>2</v>}',
      "close row",
      'open row [ r="2" hidden="1"] /',
      'block c [ r="A3" t="inlineStr"] -',
      "close sheetData",
      "close worksheet",
    ]);
  });

  it("gives the same events however the bytes are cut into chunks (property)", () => {
    const whole = events(SHEET);
    const length = Buffer.byteLength(SHEET);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(events(SHEET, cuts)).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it("cuts inside a multi-byte character and inside every kind of construct", () => {
    const xml = `<a t="é€😀"><!--é--><c r="A1"><v>é</v></c><![CDATA[€]]></a>`;
    const whole = events(xml);
    for (let cut = 1; cut < Buffer.byteLength(xml); cut++) expect(events(xml, [cut])).toEqual(whole);
  });

  it.each([
    ["a comment", "<a><!--", "x"],
    ["a CDATA section", "<a><![CDATA[", "x"],
    ["a tag", '<a><b x="', "y"],
    ["a cell", '<a><c r="A1"><v>', "1"],
    ["a processing instruction", "<a><?pi ", "x"],
  ])("refuses %s longer than the limit as soon as the limit passes", (construct, head, unit) => {
    const scanner = new XmlScanner({ open: () => undefined, close: () => undefined }, new Map([["c", "a cell"]]), {
      construct: 1000,
      elements: 100,
    });
    scanner.feedText(head);
    // Fed in 100-character chunks: refused at the chunk that passes 1,000 characters, not at the end.
    let fed = head.length;
    let error: unknown;
    try {
      for (let chunk = 0; chunk < 1_000; chunk++) {
        scanner.feedText(unit.repeat(100));
        fed += 100;
      }
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(XmlDamageError);
    expect((error as XmlDamageError).message).toBe(
      `${construct} is not closed within 1,000 characters, the longest XML construct CompStudy reads`,
    );
    expect(fed).toBeLessThanOrEqual(1_100 + head.length);
  });

  it("refuses a closed construct longer than the limit too, whatever the chunks", () => {
    expect(() => events(`<a><!--${"x".repeat(2000)}--></a>`, [], { construct: 1000, elements: 100 })).toThrow(
      "a comment is not closed within 1,000 characters",
    );
  });

  it.each([
    ["a comment", "<a><!-- x"],
    ["a cell", '<a><c r="A1"><v>1</v>'],
    ["a tag", '<a><b x="1'],
  ])("refuses a part that ends inside %s", (construct, xml) => {
    expect(() => events(xml)).toThrow(new XmlDamageError(construct));
  });

  it("counts elements and refuses more than the limit", () => {
    expect(() => events(`<a>${"<b/>".repeat(200)}</a>`, [], { construct: 1000, elements: 100 })).toThrow(
      XmlElementsError,
    );
    expect(events(`<a>${"<b/>".repeat(50)}</a>`, [], { construct: 1000, elements: 100 })).toHaveLength(52);
  });

  it("reads a 64 MiB comment cut in 1 MiB chunks in linear time (it used to re-read the whole rest each chunk)", () => {
    const scanner = new XmlScanner({ open: () => undefined, close: () => undefined }, new Map(), {
      construct: 128 << 20,
      elements: 100,
    });
    const chunk = Buffer.alloc(1 << 20, "a");
    scanner.feedText("<a><!--");
    const start = performance.now();
    for (let index = 0; index < 64; index++) scanner.feed(chunk);
    scanner.feedText("--></a>");
    scanner.finish();
    // Linear: tens of milliseconds; re-reading the rest each chunk would be 64 × 32 MiB.
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe("attributes", () => {
  it("reads values by name, quoted either way, spaces around =, prefixes dropped", () => {
    expect(Object.fromEntries(attributes(` name="Roster" sheetId = '2' r:id="rId3" state="hidden"`))).toEqual({
      name: "Roster",
      sheetId: "2",
      id: "rId3",
      state: "hidden",
    });
    expect(Object.fromEntries(attributes(` garbage&( name="A &amp; B" x`))).toEqual({ name: "A & B" });
    expect(attribute(` t="s" r="B2"`, "r")).toBe("B2");
    expect(attribute(` t = 's'  r = "B2"`, "r")).toBe("B2");
    expect(attribute(` xr="1"`, "r")).toBeUndefined();
  });

  it("reads a 1,000,000-character tag without an equals sign in linear time", () => {
    const start = performance.now();
    expect(attributes(`${"&(".repeat(500_000)} name="Roster"`).get("name")).toBe("Roster");
    expect(attribute("r".repeat(1_000_000), "r")).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe("the inner XML of cells and shared strings", () => {
  // The patterns the scans replaced, for well-formed inner XML.
  const element = (name: string) =>
    new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`);

  it.each([
    ["<v>12</v>", { v: "12" }],
    ['<f t="shared" si="0"/><v>3</v>', { v: "3", f: "" }],
    ["<f>SUM(A1:A2)</f><v>3</v>", { v: "3", f: "SUM(A1:A2)" }],
    [
      '<is><r><t xml:space="preserve">a </t></r><r><t>b</t></r></is>',
      { is: '<r><t xml:space="preserve">a </t></r><r><t>b</t></r>' },
    ],
    ["<x:v>7</x:v>", { v: "7" }],
    ["<!-- <v>1</v> --><v>2</v>", { v: "2" }],
    ["<vm>1</vm><v>4</v>", { v: "4" }],
  ])("finds the first value, formula and inline string of %s", (inner, expected) => {
    expect(firstChildren(inner, ["v", "f", "is"])).toEqual(expected);
    for (const [name, text] of Object.entries(expected)) {
      const plain = inner.replace(/<!--[\s\S]*?-->/g, "");
      expect(element(name).exec(plain)?.[1] ?? "").toBe(text);
    }
  });

  it.each([
    ["<t>plain</t>", "plain"],
    ["<r><rPr><b/></rPr><t>Rich </t></r><r><t>Text</t></r>", "Rich Text"],
    ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>', "東京"],
    ["<t><![CDATA[a < b & c]]></t>", "a < b & c"],
    ["<t>a_x000D_b &amp; c</t>", "a\rb & c"],
    ["<t/><r><t>x</t></r>", "x"],
  ])("reads the text of %s", (inner, text) => {
    expect(richText(inner)).toBe(text);
  });

  it.each([
    ["a value tag that never closes", "<v>".repeat(500_000), () => firstChildren("<v>".repeat(500_000), ["v"])],
    ["text tags that never close", "<r><t>".repeat(500_000), () => richText("<r><t>".repeat(500_000))],
  ])("refuses %s as damage, in linear time", (_, _inner, read) => {
    const start = performance.now();
    expect(read).toThrow(XmlDamageError);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
