/**
 * Where `compstudy exhibits` writes, checked before any input is read, so that an output never
 * destroys a user's file:
 * - each flag writes its own format and the name must say so (--out .xlsx, --json .json,
 *   --html .html/.htm): `--out README.md` is refused;
 * - an output that is also an input (the same file however it is spelled: ./x and x, a
 *   symbolic or hard link, another letter case on a case-insensitive disk) is refused, and so
 *   are two outputs on one file;
 * - an existing file is replaced only when it is an earlier CompStudy output of the same format,
 *   unchanged — its mark, the SHA-256 of its contents, matches (marks.ts) — or it is empty;
 * - a symbolic link is written through (the link stays, its target is replaced), never
 *   replaced by a regular file;
 * - `--json -` writes to standard output (the summary then goes to standard error).
 * Every file is written to a temporary file beside it, flushed, then renamed over the target:
 * a failed or interrupted run leaves the old file as it was and no half-written file. The writes
 * yield every few megabytes, so Ctrl-C or SIGTERM is acted on while they run: the temporaries are
 * removed and nothing is renamed. A temporary left by a run that was killed outright (SIGKILL,
 * a power cut) is removed by the next run that writes the same output — only a temporary whose
 * name CompStudy made, on this machine, by a process that no longer runs. Missing folders are
 * created, and the summary says so.
 *
 * The renderers are loaded when an output of theirs is written (`compstudy --help` and a
 * CSV → JSON run load no workbook code).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { StudyResult } from "../exhibits/spec/types";
import type { XlsxReport } from "../exhibits/xlsx";
import { fileKind } from "./file-kind";
import { carriesMark, Marker, markLength, type OutputFormat } from "./marks";

export type { OutputFormat } from "./marks";

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

/** True when `file` is an earlier CompStudy output of `format`, unchanged (so it may be replaced). */
export function isEarlierOutput(file: string, format: OutputFormat): boolean {
  return carriesMark(file, format);
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
      if (!stat.isFile())
        throw new OutputError(given, `is ${fileKind(stat)}, not a regular file: give ${flag} a file name`);
      if ((stat.mode & 0o222) === 0)
        throw new OutputError(given, `is read-only: give ${flag} another file name, or make the file writable`);
      if (stat.size > 0 && !isEarlierOutput(target, format))
        throw new OutputError(
          given,
          `exists and was not written by CompStudy (or was changed since): give ${flag} another file name, or move the file away first`,
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

/** This machine, as a temporary's name records it (a run on another machine writing to a shared folder is not ours to judge). */
const HOST = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);

/** What starts the name of every temporary of `target`; then `<host>-<pid>-<random>.tmp`. */
function temporaryPrefix(target: string): string {
  return `.${path.basename(target)}.compstudy-`;
}

/** A temporary file beside `target` (same folder: the rename that replaces the target is atomic). */
function temporaryName(target: string): string {
  const random = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  return path.join(path.dirname(target), `${temporaryPrefix(target)}${HOST}-${process.pid}-${random}.tmp`);
}

const TEMPORARY_TAIL = /^([0-9a-f]{8})-(\d{1,10})-[0-9a-z]{6}\.tmp$/;

/** True when process `pid` runs (or exists and is another user's). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * Removes the temporaries of `target` that an earlier run left when it was killed: files whose
 * name this code makes for `target`, made on this machine by a process that no longer runs,
 * regular files (never a link) of this user. Anything else is left alone. Returns their names.
 */
export function removeStaleTemporaries(target: string): string[] {
  const folder = path.dirname(target);
  const prefix = temporaryPrefix(target);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const tail = TEMPORARY_TAIL.exec(name.slice(prefix.length));
    if (!tail || tail[1] !== HOST) continue;
    const pid = Number(tail[2]);
    if (pid === process.pid || running(pid)) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile() || (process.getuid !== undefined && stat.uid !== process.getuid())) continue;
      fs.unlinkSync(file);
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Lets the event loop run: a signal's handler runs here (a write never yields by itself). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes go on this long between two breaths. */
const BREATHE_EVERY = 8 << 20;

/** Writes `chunk` to `fd`, into the mark's hash too. */
function writeMarked(fd: number, chunk: Uint8Array, marker: Marker): void {
  marker.update(chunk);
  writeAll(fd, chunk);
}

/**
 * An output's bytes or text in pieces, its renderer loaded only when an output of its format is
 * written (a CSV → JSON run never loads the workbook writer).
 */
async function renderPieces(
  format: OutputFormat,
  result: StudyResult,
  { reveal, reportDetail }: RenderOptions,
): Promise<Iterator<Uint8Array | string, XlsxReport | void>> {
  switch (format) {
    case "xlsx": {
      const { buildWorkbook, workbookChunks } = await import("../exhibits/xlsx");
      return workbookChunks(buildWorkbook(result, { reveal }), { commentLength: markLength("xlsx") });
    }
    case "json": {
      const { jsonBody } = await import("../exhibits/json");
      return jsonBody(result, { reveal });
    }
    case "html": {
      // The report is never unsuppressed: small groups stay hidden whatever the run's options.
      const { renderHtmlReport } = await import("../exhibits/html/report");
      return [renderHtmlReport(result, { detail: reportDetail === true })][Symbol.iterator]();
    }
  }
}

/** Writes one output, and its mark, to a new temporary file and flushes it; returns what the xlsx writer reported. */
async function writeTemporary(
  output: PlannedOutput,
  temporary: string,
  result: StudyResult,
  how: RenderOptions,
): Promise<XlsxReport | undefined> {
  const chunks = await renderPieces(output.format, result, how);
  const fd = fs.openSync(temporary, "wx", output.replaces?.mode ?? 0o666);
  temporaries.add(temporary);
  try {
    if (output.replaces) fs.fchmodSync(fd, output.replaces.mode);
    const marker = new Marker(output.format);
    let sinceBreath = 0;
    for (;;) {
      const next = chunks.next();
      if (next.done) {
        writeAll(fd, marker.mark());
        fs.fsyncSync(fd);
        return next.value ?? undefined;
      }
      const bytes = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
      writeMarked(fd, bytes, marker);
      sinceBreath += bytes.length;
      if (sinceBreath >= BREATHE_EVERY) {
        sinceBreath = 0;
        await breathe();
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * How the outputs are rendered: small groups revealed (JSON and .xlsx only), and the report
 * with its per-person exhibits (`--report-detail`).
 */
export type RenderOptions = { reveal: boolean; reportDetail?: boolean };

/** The JSON, with its mark, to standard output in pieces (never one string: a big study's is more than V8 holds). */
async function writeJsonTo(stdout: (text: string) => void, result: StudyResult, reveal: boolean): Promise<void> {
  const { jsonBody } = await import("../exhibits/json");
  const marker = new Marker("json");
  for (const piece of jsonBody(result, { reveal })) {
    marker.update(Buffer.from(piece, "utf8"));
    stdout(piece);
  }
  stdout(marker.mark().toString("utf8"));
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

/** The signals that stop a run: Ctrl-C, a polite kill, the terminal closing. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Writes the planned outputs: every file to its temporary first, then all renamed into place;
 * standard output last. On failure nothing is replaced and the temporary files and created
 * folders are removed; if a rename fails part-way, the message says which files were written.
 * An interrupt (Ctrl-C, SIGTERM, SIGHUP) while the files are written removes the temporaries and
 * the new folders, says so on `stderr`, and ends the process by that signal: nothing is replaced.
 */
export async function writeOutputs(
  planned: readonly PlannedOutput[],
  result: StudyResult,
  options: RenderOptions & {
    cwd: string;
    stdout: (text: string) => void;
    stderr?: (text: string) => void;
    onWrite?: (given: string) => void;
  },
): Promise<WrittenOutputs> {
  const done: WrittenOutputs = { written: [], createdFolders: [], notes: [] };
  const created: string[] = [];
  const pending: { output: PlannedOutput; temporary: string }[] = [];
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const stop of STOP_SIGNALS) process.off(stop, onSignal);
    removeTemporaries(temporaries);
    removeFolders(created);
    options.stderr?.(`compstudy: interrupted (${signal}): nothing was written; earlier files are as they were\n`);
    process.kill(process.pid, signal);
  };
  for (const stop of STOP_SIGNALS) process.on(stop, onSignal);
  try {
    await writeAndRename(planned, result, options, done, created, pending);
  } finally {
    // Renamed (or failed): an interrupt from here on ends the run as it would have ended anyway.
    for (const stop of STOP_SIGNALS) process.off(stop, onSignal);
  }
  const stdout = planned.find((output) => output.target === "-");
  if (stdout) {
    await writeJsonTo(options.stdout, result, options.reveal);
    done.written.push("standard output (JSON)");
  }
  return done;
}

/** writeOutputs' files: each to its temporary, then, when all are written, each renamed into place. */
async function writeAndRename(
  planned: readonly PlannedOutput[],
  result: StudyResult,
  options: RenderOptions & { cwd: string; onWrite?: (given: string) => void },
  done: WrittenOutputs,
  created: string[],
  pending: { output: PlannedOutput; temporary: string }[],
): Promise<void> {
  let current: PlannedOutput | undefined;
  try {
    for (const output of planned) {
      if (output.target === "-") continue;
      current = output;
      options.onWrite?.(output.given);
      const stale = removeStaleTemporaries(output.target);
      if (stale.length > 0)
        done.notes.push(
          `removed ${stale.length === 1 ? "a temporary file" : `${stale.length} temporary files`} of ${output.given} left by an earlier run that was stopped (${stale.join(", ")})`,
        );
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
      const report = await writeTemporary(output, temporary, result, options);
      if (report) done.notes.push(...workbookNotes(output.given, report));
      await breathe();
    }
    current = undefined;
  } catch (error) {
    removeTemporaries(pending.map((entry) => entry.temporary));
    removeFolders(created);
    // A file-system error is the user's to fix (exit 2); anything else is a bug, reported as such.
    if (!isIoError(error)) throw error;
    const subject = current?.given ?? "output";
    throw new OutputError(subject, `cannot write the file: ${describeWriteError(error)}; nothing was written`);
  }
  // A signal that came during the last write is acted on before anything is replaced; one that
  // comes during the renames (a synchronous loop) waits until all are done.
  await breathe();
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
}

// A run that ends while temporary files exist (an uncaught error) leaves none behind. Once per
// process, however often the module is loaded (test runners load it once per test file).
const EXIT_HOOK = Symbol.for("compstudy.outputs.exit-hook");
const hooked = process as unknown as Record<symbol, boolean>;
if (!hooked[EXIT_HOOK]) {
  hooked[EXIT_HOOK] = true;
  process.once("exit", () => removeTemporaries(temporaries));
}
