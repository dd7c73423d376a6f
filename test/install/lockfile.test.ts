/**
 * `npm ci` must succeed on a fresh machine: no -dev libraries, no network but the registries.
 * npm 11 still runs dependencies' install scripts, so a package whose install script compiles
 * native code (node-gyp against system headers) breaks the install there. Every package of the
 * lockfile with an install script must be on this list, with the reason it is harmless.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

/** Packages allowed to run an install script, and why each cannot fail a fresh install. */
export const INSTALL_SCRIPT_ALLOWLIST: Record<string, string> = {
  "core-js-pure":
    "postinstall only prints a funding banner (`node -e \"try{require('./postinstall')}catch(e){}\"`): no compiler, cannot fail",
};

type LockPackage = { hasInstallScript?: boolean; optional?: boolean; dev?: boolean; version?: string };

function lockPackages(): [string, LockPackage][] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockPackage>;
  };
  return Object.entries(lock.packages).filter(([key]) => key !== "");
}

const nameOf = (key: string): string => key.replace(/^.*node_modules\//, "");

describe("package-lock.json: a fresh machine can install it", () => {
  const withScripts = lockPackages().filter(([, value]) => value.hasInstallScript);

  it.each(withScripts.map(([key]) => [nameOf(key)]))("%s runs an install script: it is on the allowlist", (name) => {
    expect(Object.keys(INSTALL_SCRIPT_ALLOWLIST)).toContain(name);
  });

  it("no installed package brings a node-gyp build (binding.gyp) outside the allowlist", () => {
    const native = lockPackages()
      .filter(([key, value]) => value.hasInstallScript && fs.existsSync(path.join(root, key, "binding.gyp")))
      .map(([key]) => nameOf(key))
      .filter((name) => !(name in INSTALL_SCRIPT_ALLOWLIST));
    expect(native).toEqual([]);
  });

  it("keeps the sideloading toolchain (keytar through office-addin-debugging) out of the default install", () => {
    const names = lockPackages().map(([key]) => nameOf(key));
    for (const banned of [
      "keytar",
      "office-addin-debugging",
      "office-addin-dev-settings",
      "@microsoft/m365agentstoolkit-cli",
    ])
      expect(names).not.toContain(banned);
  });

  it("every allowlist entry is still in the tree and has its reason", () => {
    const names = new Set(withScripts.map(([key]) => nameOf(key)));
    for (const [name, reason] of Object.entries(INSTALL_SCRIPT_ALLOWLIST)) {
      expect(names.has(name)).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
