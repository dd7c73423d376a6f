/**
 * Where `compstudy exhibits` writes, checked before any input is read, so that an output never
 * destroys a user's file:
 * - each flag writes its own format and the name must say so (--out .xlsx, --json .json,
 *   --html .html/.htm): `--out README.md` is refused;
 * - an output that is also an input (the same file however it is spelled: ./x and x, a
 *   symbolic or hard link, another letter case on a case-insensitive disk) is refused, and so
 *   are two outputs on one file;
 * - an existing file is replaced only when CompStudy wrote it (an earlier output of the same
 *   format: its creator, its JSON shape or its HTML generator says so) or it is empty;
 * - a symbolic link is written through (the link stays, its target is replaced), never
 *   replaced by a regular file;
 * - `--json -` writes to standard output (the summary then goes to standard error).
 * Every file is written to a temporary file beside it, flushed, then renamed over the target:
 * a failed or interrupted run leaves the old file as it was and no half-written file. Missing
 * folders are created, and the summary says so.
 *
 * The renderers are loaded when an output of theirs is written (`compstudy --help` and a
 * CSV → JSON run load no workbook code).
 */
import * as fs from "fs";
import * as path from "path";
import type { StudyResult } from "../exhibits/spec/types";
import type { XlsxReport } from "../exhibits/xlsx";

export type OutputFormat = "xlsx" | "json" | "html";

/** Each output flag, the format it writes and the names that format may have. */
export const OUTPUT_FORMATS: Record<OutputFormat, { flag: string; extensions: readonly string[]; what: string }> = {
  xlsx: { flag: "--out", extensions: [".xlsx"], what: "an .xlsx workbook" },
  json: { flag: "--json", extensions: [".json"], what: "JSON" },
  html: { flag: "--html", extensions: [".html", ".htm"], what: "an HTML report" },
};

/** An output asked for on the command line. */
export type OutputRequest = { format: OutputFormat; given: string };

/** An input file given on the command line (to never write over it). */
export type InputFile = { flag: string; given: string };

/** An output checked and ready to write. */
export type PlannedOutput = OutputRequest & {
  /** The file finally written (symbolic links followed); "-" for standard output. */
  target: string;
  /** An earlier output (or an empty file) is replaced; its permissions are kept. */
  replaces?: { mode: number };
  /** Folders to create first, outermost first. */
  missingFolders: string[];
};

/** What the writes did, for the summary. */
export type WrittenOutputs = {
  /** Files written, as given (standard output as "standard output"). */
  written: string[];
  /** Folders created, as given. */
  createdFolders: string[];
  /** What was changed so that the outputs open everywhere (characters replaced, cells cut). */
  notes: string[];
};

/** A usage or output problem: `compstudy: <subject>: <message>`, exit 2 (main.ts prints it). */
export class OutputError extends Error {
  readonly subject: string;
  constructor(subject: string, message: string) {
    super(message);
    this.name = "OutputError";
    this.subject = subject;
  }
}

/** The outputs asked for, in the order they are written. */
export function outputRequests(options: { out?: string; json?: string; html?: string }): OutputRequest[] {
  const requests: OutputRequest[] = [];
  if (options.out !== undefined) requests.push({ format: "xlsx", given: options.out });
  if (options.json !== undefined) requests.push({ format: "json", given: options.json });
  if (options.html !== undefined) requests.push({ format: "html", given: options.html });
  return requests;
}

type Identity = { dev: number; ino: number };

function identity(file: string): Identity | undefined {
  try {
    const stat = fs.statSync(file);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

const sameFile = (a: Identity | undefined, b: Identity | undefined): boolean =>
  a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

/** Follows a chain of symbolic links to the file it ends at (which may not exist yet). */
function followLinks(file: string, subject: string): string {
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new OutputError(subject, "is a symbolic link that loops: give a file name");
}

const hasExtension = (file: string, format: OutputFormat): boolean =>
  OUTPUT_FORMATS[format].extensions.includes(path.extname(file).toLowerCase());

function expectedName(format: OutputFormat): string {
  return OUTPUT_FORMATS[format].extensions.join(" or ");
}

/** Reads at most `length` bytes at `position` (negative: from the end). */
function readBytes(file: string, length: number, position: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const start = position < 0 ? Math.max(0, size + position) : position;
    const buffer = Buffer.alloc(Math.min(length, Math.max(0, size - start)));
    fs.readSync(fd, buffer, 0, buffer.length, start);
    return buffer;
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `file` is an earlier CompStudy output of `format` (so it may be replaced). */
export async function isEarlierOutput(file: string, format: OutputFormat): Promise<boolean> {
  try {
    switch (format) {
      case "json":
        return /^\{\s*"asOf"\s*:/.test(readBytes(file, 256, 0).toString("utf8"));
      case "html": {
        const { HTML_GENERATOR } = await import("../exhibits/html/report");
        return (
          readBytes(file, 4096, 0).toString("utf8").includes(HTML_GENERATOR) ||
          // Reports written before the generator tag end with this footer.
          readBytes(file, 1024, -1024).toString("utf8").includes("Generated by CompStudy")
        );
      }
      case "xlsx": {
        const { unzipSync } = await import("fflate");
        const parts = unzipSync(fs.readFileSync(file), { filter: (entry) => entry.name === "docProps/core.xml" });
        const core = parts["docProps/core.xml"];
        return core !== undefined && /<dc:creator>CompStudy<\/dc:creator>/.test(Buffer.from(core).toString("utf8"));
      }
    }
  } catch {
    return false;
  }
}

/** `file` as the user would type it from `cwd`: relative inside it, else absolute. */
export function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** The folders to create for `folder`, outermost first; refuses a file where a folder should be. */
function missingFolders(folder: string, subject: string, cwd: string): string[] {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(current);
    } catch {
      stat = undefined;
    }
    if (stat) {
      if (!stat.isDirectory())
        throw new OutputError(subject, `cannot write the file: '${shownPath(cwd, current)}' is a file, not a folder`);
      try {
        fs.accessSync(current, fs.constants.W_OK);
      } catch {
        throw new OutputError(
          subject,
          `cannot write the file: the folder '${shownPath(cwd, current)}' is not writable`,
        );
      }
      return missing.reverse();
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) return missing.reverse();
    current = parent;
  }
}

/**
 * Checks every output against the rules above and against the inputs, before anything is
 * read or written. Throws an OutputError naming the output and what to do.
 */
export async function planOutputs(
  requests: readonly OutputRequest[],
  inputs: readonly InputFile[],
  cwd: string,
): Promise<PlannedOutput[]> {
  const inputIds = inputs.map((input) => ({ ...input, id: identity(path.resolve(cwd, input.given)) }));
  const planned: PlannedOutput[] = [];
  for (const request of requests) {
    const { format, given } = request;
    const { flag, what } = OUTPUT_FORMATS[format];
    if (given === "-") {
      if (format !== "json")
        throw new OutputError(flag, `only --json can write to standard output ('-'); give ${flag} a file name`);
      planned.push({ ...request, target: "-", missingFolders: [] });
      continue;
    }
    if (given.trim() === "") throw new OutputError(flag, "needs a file name");
    if (!hasExtension(given, format))
      throw new OutputError(given, `${flag} writes ${what}: give a file name ending in ${expectedName(format)}`);
    const target = followLinks(path.resolve(cwd, given), given);
    if (!hasExtension(target, format))
      throw new OutputError(
        given,
        `is a link to '${shownPath(cwd, target)}', which is not named ${expectedName(format)}: give another file name`,
      );
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(target);
    } catch {
      stat = undefined;
    }
    const id = stat ? { dev: stat.dev, ino: stat.ino } : undefined;
    const input = inputIds.find((candidate) => sameFile(candidate.id, id));
    if (input)
      throw new OutputError(
        given,
        `is also the input ${input.flag} ${input.given}: writing it would destroy it; give ${flag} another file name`,
      );
    const other = planned.find(
      (earlier) =>
        earlier.target !== "-" && (sameFile(identity(earlier.target), id) || samePath(earlier.target, target)),
    );
    if (other)
      throw new OutputError(
        given,
        `${OUTPUT_FORMATS[other.format].flag} and ${flag} name the same file: give each its own`,
      );
    let replaces: PlannedOutput["replaces"];
    if (stat) {
      if (stat.isDirectory()) throw new OutputError(given, `is a folder: give ${flag} a file name`);
      if (!stat.isFile()) throw new OutputError(given, `is not a regular file: give ${flag} a file name`);
      if ((stat.mode & 0o222) === 0)
        throw new OutputError(given, `is read-only: give ${flag} another file name, or make the file writable`);
      if (stat.size > 0 && !(await isEarlierOutput(target, format)))
        throw new OutputError(
          given,
          `exists and was not written by CompStudy: give ${flag} another file name, or move the file away first`,
        );
      replaces = { mode: stat.mode & 0o7777 };
    }
    planned.push({ ...request, target, replaces, missingFolders: missingFolders(path.dirname(target), given, cwd) });
  }
  return planned;
}

/** Two paths of files not yet written: equal, or equal but for case where file names ignore it. */
function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  return (process.platform === "darwin" || process.platform === "win32") && a.toLowerCase() === b.toLowerCase();
}

/**
 * "permission denied", "no space left on the device" … for a failed write. (Not the readers'
 * describer: importing src/cli/readers.ts here would load what reading needs into every write.)
 */
const WRITE_ERRORS: Record<string, string> = {
  EACCES: "permission denied",
  // Windows: Excel keeps a workbook it has open locked.
  EBUSY: "the file is open in another program (close it in Excel, then run again)",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file is too large for this file system",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ENOENT: "the folder no longer exists",
};

function describeWriteError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code ?? "";
  return WRITE_ERRORS[code] ?? `${code || "the write failed"}`;
}

function isIoError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === "string";
}

/** Temporary files being written: removed if the run fails or is interrupted. */
const temporaries = new Set<string>();

function removeTemporaries(files: Iterable<string>): void {
  for (const file of [...files]) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Already gone, or the folder went away: nothing to clean.
    }
    temporaries.delete(file);
  }
}

/** Folders this run created, removed (innermost first) when nothing was written into them. */
function removeFolders(folders: readonly string[]): void {
  for (const folder of [...folders].reverse()) {
    try {
      fs.rmdirSync(folder);
    } catch {
      // Not empty or not ours to remove: leave it.
    }
  }
}

/** A temporary file beside `target` (same folder: the rename that replaces the target is atomic). */
function temporaryName(target: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${random}.tmp`);
}

/** Writes one output to a new temporary file and flushes it; returns what the xlsx writer reported. */
async function writeTemporary(
  output: PlannedOutput,
  temporary: string,
  result: StudyResult,
  how: RenderOptions,
  rendered: { json?: string },
): Promise<XlsxReport | undefined> {
  const text = output.format === "xlsx" ? undefined : await renderText(output.format, result, how, rendered);
  const fd = fs.openSync(temporary, "wx", output.replaces?.mode ?? 0o666);
  temporaries.add(temporary);
  try {
    if (output.replaces) fs.fchmodSync(fd, output.replaces.mode);
    let report: XlsxReport | undefined;
    if (output.format === "xlsx") {
      // Loaded only when a workbook is written: a CSV → JSON run never pays for it.
      const { writeWorkbookTo } = await import("../exhibits/xlsx");
      report = writeWorkbookTo(result, (chunk) => writeAll(fd, chunk), { reveal: how.reveal });
    } else {
      writeAll(fd, Buffer.from(text ?? "", "utf8"));
    }
    fs.fsyncSync(fd);
    return report;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * How the outputs are rendered: small groups revealed (JSON and .xlsx only), and the report
 * with its per-person exhibits (`--report-detail`).
 */
export type RenderOptions = { reveal: boolean; reportDetail?: boolean };

/** The JSON (rendered once, also for standard output) or the HTML report. */
async function renderText(
  format: "json" | "html",
  result: StudyResult,
  how: RenderOptions,
  rendered: { json?: string },
): Promise<string> {
  if (format === "html") {
    // The report is never unsuppressed: small groups stay hidden whatever the run's options.
    const { renderHtmlReport } = await import("../exhibits/html/report");
    return renderHtmlReport(result, { detail: how.reportDetail === true });
  }
  if (rendered.json === undefined) {
    const { renderJson } = await import("../exhibits/json");
    rendered.json = renderJson(result, { reveal: how.reveal });
  }
  return rendered.json;
}

function writeAll(fd: number, chunk: Uint8Array): void {
  for (let offset = 0; offset < chunk.length;) offset += fs.writeSync(fd, chunk, offset, chunk.length - offset);
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** What the workbook writer changed, said once per kind. */
function workbookNotes(given: string, report: XlsxReport): string[] {
  const notes: string[] = [];
  if (report.replaced > 0)
    notes.push(
      `${given}: ${count(report.replaced)} cell${report.replaced === 1 ? "" : "s"} held characters a workbook cannot (control characters, U+FFFE, U+FFFF, broken surrogates): each shown as \uFFFD`,
    );
  if (report.cut > 0)
    notes.push(
      `${given}: ${count(report.cut)} cell${report.cut === 1 ? " was" : "s were"} longer than Excel's 32,767 characters: cut, ending in "…" (the JSON has the whole text)`,
    );
  if (report.omittedRows > 0)
    notes.push(
      `${given}: ${count(report.omittedRows)} rows did not fit on their sheet (an Excel sheet holds 1,048,576 rows): every row is in the JSON`,
    );
  return notes;
}

/**
 * Writes the planned outputs: every file to its temporary first, then all renamed into place;
 * standard output last. On failure nothing is replaced and the temporary files and created
 * folders are removed; if a rename fails part-way, the message says which files were written.
 */
export async function writeOutputs(
  planned: readonly PlannedOutput[],
  result: StudyResult,
  options: RenderOptions & { cwd: string; stdout: (text: string) => void; onWrite?: (given: string) => void },
): Promise<WrittenOutputs> {
  const done: WrittenOutputs = { written: [], createdFolders: [], notes: [] };
  const created: string[] = [];
  const pending: { output: PlannedOutput; temporary: string }[] = [];
  const rendered: { json?: string } = {};
  const interrupted = (signal: NodeJS.Signals): void => {
    removeTemporaries(temporaries);
    removeFolders(created);
    process.kill(process.pid, signal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    interrupted(signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let current: PlannedOutput | undefined;
  try {
    for (const output of planned) {
      if (output.target === "-") continue;
      current = output;
      options.onWrite?.(output.given);
      for (const folder of output.missingFolders) {
        if (fs.existsSync(folder)) continue;
        fs.mkdirSync(folder);
        created.push(folder);
        // Say only the innermost new folder of a path: out/a says out was made too.
        const parent = shownPath(options.cwd, path.dirname(folder));
        done.createdFolders = done.createdFolders.filter((shown) => shown !== parent);
        done.createdFolders.push(shownPath(options.cwd, folder));
      }
      const temporary = temporaryName(output.target);
      pending.push({ output, temporary });
      const report = await writeTemporary(output, temporary, result, options, rendered);
      if (report) done.notes.push(...workbookNotes(output.given, report));
    }
    current = undefined;
  } catch (error) {
    removeTemporaries(pending.map((entry) => entry.temporary));
    removeFolders(created);
    // A file-system error is the user's to fix (exit 2); anything else is a bug, reported as such.
    if (!isIoError(error)) throw error;
    const subject = current?.given ?? "output";
    throw new OutputError(subject, `cannot write the file: ${describeWriteError(error)}; nothing was written`);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  for (const [index, { output, temporary }] of pending.entries()) {
    try {
      fs.renameSync(temporary, output.target);
      temporaries.delete(temporary);
      done.written.push(output.given);
    } catch (error) {
      removeTemporaries(pending.slice(index).map((entry) => entry.temporary));
      const wrote = done.written.length
        ? `; ${done.written.join(", ")} ${done.written.length === 1 ? "was" : "were"} written`
        : "; nothing was written";
      throw new OutputError(output.given, `cannot write the file: ${describeWriteError(error)}${wrote}`);
    }
  }
  const stdout = planned.find((output) => output.target === "-");
  if (stdout) {
    options.stdout(await renderText("json", result, options, rendered));
    done.written.push("standard output (JSON)");
  }
  return done;
}

// A run that ends while temporary files exist (an uncaught error) leaves none behind. Once per
// process, however often the module is loaded (test runners load it once per test file).
const EXIT_HOOK = Symbol.for("compstudy.outputs.exit-hook");
const hooked = process as unknown as Record<symbol, boolean>;
if (!hooked[EXIT_HOOK]) {
  hooked[EXIT_HOOK] = true;
  process.once("exit", () => removeTemporaries(temporaries));
}
