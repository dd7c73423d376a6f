/**
 * What every CLI command shares and what `compstudy --help` needs: exit codes, the version, the
 * usage error, dates on the command line, the injected writers. Nothing here loads the engine:
 * `compstudy --help` and `--version` answer without it (issue 21: ≤ 150 ms).
 */
import * as fs from "fs";
import * as path from "path";
import type { analyse } from "./analyse";
import { printable } from "./terminal";

/** Where the CLI writes, and what it knows about the terminal and the clock (injected in tests). */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines are drawn only on a terminal. */
  stderrIsTTY: boolean;
  /** Today, for the default --as-of. */
  now: () => Date;
  /** Relative paths resolve against this folder. */
  cwd: string;
  /** The analysis (injected in tests that exercise the CLI's plumbing only; else the engine's). */
  analyse?: typeof analyse;
};

/** The version printed by --version: package.json's, found by walking up from this file. */
export const VERSION = readVersion();

function readVersion(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === "compstudy" && manifest.version) return manifest.version;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (path.dirname(folder) === folder) return "unknown";
  }
}

/** Exit codes: a contract with scripts that call the CLI. */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

/** commander's key for a kebab-case flag: aging-rate → agingRate. */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A usage or input problem: printed as `compstudy: <subject>: <message>`, exit 2. */
export class UsageError extends Error {
  readonly subject?: string;
  constructor(message: string, subject?: string) {
    super(message);
    this.name = "UsageError";
    this.subject = subject;
  }
}

/** Today's date on this machine as yyyy-mm-dd. */
export function isoDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Validates a yyyy-mm-dd calendar date (2013-02-30 is refused). */
export function parseAsOf(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new UsageError(`--as-of must be a date as yyyy-mm-dd, got '${oneLine(text)}'`);
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900)
    throw new UsageError(`--as-of is not a calendar date: '${oneLine(text)}'`);
  return match[0];
}

/** Keeps a message on one line and short (file contents can end up in messages), control characters escaped. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/[\r\n\t]+/g, " ").trim();
  return printable(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
