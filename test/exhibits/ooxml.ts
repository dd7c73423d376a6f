/**
 * Checks an .xlsx package the way a strict reader would: every XML part parses (@xmldom/xmldom,
 * warnings and errors counted as failures), holds no character XML 1.0 forbids (which a lenient
 * parser lets through but Excel refuses), and every part a relationship names exists.
 */
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";

/** C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates. */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The package's parts as text (XML and .rels only). */
export function xmlParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(data);
  return parts;
}

/** Every problem found, as "part: message"; empty when the package is well-formed. */
export function xlsxXmlProblems(bytes: Uint8Array): string[] {
  const parts = xmlParts(bytes);
  const problems: string[] = [];
  for (const [name, text] of Object.entries(parts)) {
    const forbidden = FORBIDDEN.exec(text);
    if (forbidden)
      problems.push(
        `${name}: forbidden character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
      );
    const parser = new DOMParser({
      onError: (level, message) => {
        // U+FFFD is valid XML: the warning only guesses at an encoding problem, and the writer puts it there on purpose.
        if (level === "warning" && /replacement character/i.test(message)) return;
        problems.push(`${name}: ${level}: ${message.split("\n")[0]}`);
      },
    });
    try {
      parser.parseFromString(text, "application/xml");
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    if (name.endsWith(".rels")) {
      const base = name.replace(/_rels\/[^/]*\.rels$/, "");
      for (const [, target] of text.matchAll(/Target="([^"]+)"/g)) {
        const resolved = target.startsWith("/") ? target.slice(1) : normalise(`${base}${target}`);
        if (!(resolved in parts)) problems.push(`${name}: names a missing part ${resolved}`);
      }
    }
  }
  if (!("[Content_Types].xml" in parts)) problems.push("no [Content_Types].xml");
  return problems;
}

/** "xl/worksheets/../tables/table1.xml" → "xl/tables/table1.xml". */
function normalise(file: string): string {
  const out: string[] = [];
  for (const segment of file.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}
