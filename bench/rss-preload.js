// Preloaded (node --require) into a benchmarked CLI run: reports the process's peak resident
// memory on exit, so the bench can quote it without an external `time -v`.
process.on("exit", () => {
  require("fs").writeSync(2, `\n[bench] maxRSS ${process.resourceUsage().maxRSS} KiB\n`);
});
