/**
 * `compstudy exhibits`: the study from a pay-plan file and a roster, headless.
 *
 *   compstudy exhibits --plans plans.csv --roster roster.xlsx --as-of 2013-04-01 \
 *     --out exhibits.xlsx --json exhibits.json --html report.html
 *   compstudy exhibits --workbook study.xlsx [--plans-sheet "Pay Plans"] [--roster-sheet Roster] …
 *
 * Exit codes: 0 success; 2 bad input or usage (one line on stderr naming the file, and the
 * sheet, row and column where known — never a stack trace); 1 an unexpected internal error.
 * Everything is testable in-process: `main(argv, io)` takes the writers and the clock.
 *
 * The exhibits command (the engine, the readers and writers) is loaded only when it is asked
 * for: `compstudy --help` and `--version` answer without it (issue 21: ≤ 150 ms).
 */
import { Command, CommanderError } from "commander";
import { EXIT, oneLine, VERSION, type CliIo } from "./usage";
import { printable } from "./terminal";

export { EXIT, isoDate, parseAsOf, UsageError, VERSION, type CliIo } from "./usage";

/** The exhibits command's module, loaded when the command line names it. */
type ExhibitsCommand = typeof import("./exhibits-command");
type ExhibitsOptions = import("./exhibits-command").ExhibitsOptions;

function defaultIo(): CliIo {
  // `compstudy … --json - | head`: a reader that stops early is not an error.
  if (process.stdout.listenerCount("error") === 0)
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(EXIT.ok);
      throw error;
    });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    cwd: process.cwd(),
  };
}

function buildProgram(
  io: CliIo,
  exhibits: ExhibitsCommand | undefined,
  run: (options: ExhibitsOptions) => Promise<void>,
): Command {
  const program = new Command();
  program
    .name("compstudy")
    .description("CompStudy: compensation-study exhibits from a pay-plan table and an employee roster.")
    .version(VERSION, "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`compstudy: ${oneLine(text.replace(/^error: /, ""))}\n`),
    })
    .showSuggestionAfterError(true);
  const command = program
    .command("exhibits")
    .description(
      "Compute the study's exhibits (current conditions, and every analysis whose tables are given) and write them as .xlsx, .json and .html.",
    );
  // Its options only when the command line names it (they come from the engine's registry).
  if (exhibits !== undefined) exhibits.addExhibitsOptions(command, run);
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const streams: CliIo = { ...defaultIo(), ...io };
  let code: number = EXIT.ok;
  let exhibits: ExhibitsCommand | undefined;
  try {
    // "exhibits" anywhere (the command, `help exhibits`, or an option's value): the command is loaded.
    if (argv.includes("exhibits")) exhibits = await import("./exhibits-command");
    const loaded = exhibits;
    const program = buildProgram(streams, loaded, async (options) => {
      if (loaded !== undefined) code = await loaded.runExhibits(options, streams);
    });
    if (argv.length === 0) {
      streams.stderr(`${program.helpInformation()}`);
      return EXIT.badInput;
    }
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error it has printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    const line = exhibits?.inputErrorLine(error);
    if (line !== undefined) {
      // The file as typed can hold control characters too: the whole line is shown, never obeyed.
      streams.stderr(`${printable(line)}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr(`compstudy: internal error: ${oneLine(message)} — please report this\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.internal;
    },
  );
}
