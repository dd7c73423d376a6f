import * as fs from "fs";
import * as path from "path";

type Check = (xml: string, options?: { production?: boolean; assetsDir?: string }) => string[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/manifest-check.js") as { checkManifest: Check };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toProductionManifest } = require("../../scripts/manifest-url.js") as {
  toProductionManifest: (content: string, url: string) => string;
};

const root = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");

describe("manifest.xml", () => {
  it("has every resid defined, one shared-runtime URL, namespace COMP and only ReadWriteDocument", () => {
    expect(checkManifest(manifest, { assetsDir })).toEqual([]);
  });

  it("declares the shared runtime with a long lifetime", () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>/);
  });

  it.each([
    ["an undefined resid", manifest.replace('resid="Icon.16x16"', 'resid="Icon.17x17"'), "resid 'Icon.17x17'"],
    [
      "a FunctionFile on another URL",
      manifest.replace('<FunctionFile resid="Taskpane.Url" />', '<FunctionFile resid="Functions.Script.Url" />'),
      "Runtime, Page and FunctionFile must use the same URL",
    ],
    ["another namespace", manifest.replace('DefaultValue="COMP"', 'DefaultValue="CONTOSO"'), "namespace must be COMP"],
    [
      "a wider permission",
      manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"),
      "Permissions must be ReadWriteDocument",
    ],
    [
      "an http URL",
      manifest.replace("https://localhost:3000/functions.js", "http://localhost:3000/functions.js"),
      "not https",
    ],
    ["a missing icon", manifest.split("icon-80.png").join("icon-99.png"), "icon icon-99.png is referenced but missing"],
    ["malformed XML", manifest.replace("</OfficeApp>", ""), "not well-formed"],
  ])("reports %s", (_label, broken, expected) => {
    const problems = checkManifest(broken, { assetsDir });
    expect(problems.join("\n")).toContain(expected);
  });

  it("rewrites every localhost URL for production, leaving none behind", () => {
    const production = toProductionManifest(manifest, "https://pay.example.net/compstudy/");
    expect(production).not.toMatch(/localhost/);
    expect(production).toContain('DefaultValue="https://pay.example.net/compstudy/functions.json"');
    expect(production).toContain("<AppDomain>https://pay.example.net/compstudy</AppDomain>");
    expect(checkManifest(production, { production: true, assetsDir })).toEqual([]);
  });

  it("flags a production manifest that still points at localhost", () => {
    expect(checkManifest(manifest, { production: true }).join("\n")).toContain("still points at localhost");
  });

  it("refuses a production URL that is not https", () => {
    expect(() => toProductionManifest(manifest, "http://pay.example.net/")).toThrow(
      "COMPSTUDY_URL must be an https URL",
    );
  });

  const built = path.join(root, "dist", "manifest.xml");
  (fs.existsSync(built) ? it : it.skip)("the built dist/manifest.xml (production build) has no localhost left", () => {
    const text = fs.readFileSync(built, "utf8");
    expect(checkManifest(text, { production: !text.includes("localhost"), assetsDir })).toEqual([]);
  });
});
