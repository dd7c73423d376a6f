#!/usr/bin/env node
// `npm start` / `npm stop`: sideload the add-in into Excel desktop with Microsoft's
// office-addin-debugging. It is not in package.json on purpose: through
// office-addin-dev-settings it pulls a credential store (keytar) whose install script compiles
// native code against libsecret, which a fresh Linux machine lacks — `npm ci` would fail for
// everyone, including the many who never sideload (CLI, tests, CI). npx fetches the tool from
// the npm registry on first use (Windows and macOS, where Excel desktop runs, get keytar's
// prebuilt binary) and caches it.
/* eslint-disable */
const { spawnSync } = require("child_process");
const path = require("path");

const TOOL = "office-addin-debugging@7";

function main(argv) {
  const command = argv[0];
  if (command !== "start" && command !== "stop") {
    process.stderr.write("usage: node scripts/sideload.js start|stop [extra office-addin-debugging options]\n");
    return 2;
  }
  const root = path.resolve(__dirname, "..");
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const args = ["--yes", "--package", TOOL, "--", "office-addin-debugging", command, "manifest.xml", ...argv.slice(1)];
  process.stdout.write(`sideload: npx ${args.join(" ")}\n`);
  const result = spawnSync(npx, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.error) {
    process.stderr.write(
      `sideload: could not run npx (${result.error.message}); install Node.js 20 or later with npm\n`,
    );
    return 1;
  }
  if (result.status !== 0) {
    process.stderr.write(
      `sideload: office-addin-debugging exited with ${result.status}. On Linux its credential store needs ` +
        "libsecret (apt-get install libsecret-1-dev pkg-config); Excel desktop runs on Windows and macOS — " +
        "for Excel on the web use `npm run dev-server` and upload manifest.xml (README, Run it in Excel).\n",
    );
  }
  return result.status ?? 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { main, TOOL };
