/**
 * The zip reader never trusts what a package declares (issue 19): parts are inflated to a limit
 * whatever size they claim, a directory cannot claim more entries than it has room for, and two
 * entries whose names differ only in case — which one program reads and another ignores — make
 * the package ambiguous, so it is refused.
 */
import { entryBytes, streamEntry, ZipError, zipEntries } from "../../src/cli/zip";
import { zip } from "../fixtures/hostile-corpus";

const MiB = 1 << 20;

function kindOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ZipError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe("zipEntries", () => {
  it("reads the directory by name folded to lower case", () => {
    const entries = zipEntries(zip([{ name: "xl/Workbook.xml", data: "<workbook/>" }]));
    expect([...entries.keys()]).toEqual(["xl/workbook.xml"]);
    expect(entries.get("xl/workbook.xml")?.name).toBe("xl/Workbook.xml");
  });

  it.each([
    ["differ only in case", "xl/worksheets/sheet1.xml", "xl/worksheets/Sheet1.xml"],
    ["have the same name", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["differ only in a leading slash", "xl/worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml"],
  ])("refuses two parts that %s", (how, first, second) => {
    const bytes = zip([
      { name: first, data: "<a/>" },
      { name: second, data: "<b/>" },
    ]);
    expect(kindOf(() => zipEntries(bytes))).toBe(
      `ambiguous: two parts of the zip, '${first}' and '${second}', ${how === "have the same name" ? "have the same name" : "differ only in case"}: programs would read different ones, so CompStudy reads neither (open the workbook in Excel and save it again)`,
    );
  });

  it("refuses a directory that claims more entries than it has room for", () => {
    const bytes = zip([{ name: "a.xml", data: "<a/>" }]);
    // The end record's two counts of entries: claim 60,000.
    bytes.writeUInt16LE(60_000, bytes.length - 22 + 8);
    bytes.writeUInt16LE(60_000, bytes.length - 22 + 10);
    expect(kindOf(() => zipEntries(bytes))).toBe(
      "damaged: the zip is damaged (its directory is shorter than it claims)",
    );
  });
});

describe("inflating parts", () => {
  const bomb = zip([{ name: "xl/workbook.xml", repeat: { unit: " ".repeat(MiB), times: 64 } }]);
  const entry = () => zipEntries(bomb).get("xl/workbook.xml")!;

  it("stops a part read whole at its limit, whatever size it declares", () => {
    expect(entry().size).toBe(64 * MiB);
    expect(kindOf(() => entryBytes(bomb, entry(), 32 * MiB))).toBe(
      "limit: the part 'xl/workbook.xml' is larger than 32 MiB once inflated, more than CompStudy reads: the workbook is damaged or crafted",
    );
    expect(entryBytes(bomb, entry(), 64 * MiB)).toHaveLength(64 * MiB);
  });

  it("a declared size is never trusted: a part that claims 10 bytes and inflates to 64 MiB stops at the limit", () => {
    const lying = Buffer.from(bomb);
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, central + 24);
    const [only] = zipEntries(lying).values();
    expect(only.size).toBe(10);
    expect(kindOf(() => entryBytes(lying, only, 1024))).toMatch(
      /^limit: the part 'xl\/workbook.xml' is larger than 1,024 bytes/,
    );
  });

  it("stops a streamed part at its limit, having inflated little past it", async () => {
    let inflated = 0;
    let error: unknown;
    try {
      await streamEntry(bomb, entry(), (chunk) => void (inflated += chunk.length), 8 * MiB);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).kind).toBe("limit");
    expect(inflated).toBeLessThanOrEqual(8 * MiB);
  });
});
