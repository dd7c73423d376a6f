// Preloaded (node --require) into a benchmarked CLI run: reports the process's peak resident
// memory on exit, so the bench can quote it without an external `time -v`.
process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  require("fs").writeSync(2, `\n[bench] maxRSS ${usage.maxRSS} KiB cpu ${cpuMs} ms\n`);
});
