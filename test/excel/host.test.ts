/** The host around the pane: start-up outside Office, Office's theme, the ribbon's functions. */
import * as fs from "fs";
import * as path from "path";
import { RIBBON_VIEWS, hostTheme, onHostReady, registerRibbonActions } from "../../src/excel/host";

const global = globalThis as Record<string, unknown>;
afterEach(() => delete global.Office);

describe("host", () => {
  it("without Office.js, says so at once", () => {
    const seen: unknown[] = [];
    onHostReady((info) => seen.push(info));
    expect(seen).toEqual([{ kind: "outside", reason: "Office.js did not load." }]);
  });

  it("in another Office host, names it", async () => {
    global.Office = {
      HostType: { Excel: "Excel" },
      onReady: (callback: (info: unknown) => void) => Promise.resolve(callback({ host: "Word" })),
    };
    const seen: unknown[] = [];
    onHostReady((info) => seen.push(info));
    await Promise.resolve();
    expect(seen).toEqual([{ kind: "outside", reason: "This is Word, not Excel." }]);
  });

  it.each([
    [{ isDarkTheme: true }, true],
    [{ bodyBackgroundColor: "#1f1f1f" }, true],
    [{ bodyBackgroundColor: "#f3f3f3" }, false],
    [{ bodyBackgroundColor: "dark" }, false],
  ])("Office's theme %j is dark: %s", (officeTheme, dark) => {
    global.Office = { context: { officeTheme } };
    expect(hostTheme().dark).toBe(dark);
  });

  it("registers one function per ribbon button, named as manifest.xml calls them", async () => {
    const associated: Record<string, (event: { completed: () => void }) => void> = {};
    let shown = 0;
    global.Office = {
      actions: {
        associate: (name: string, action: (event: { completed: () => void }) => void) => (associated[name] = action),
      },
      addin: { showAsTaskpane: async () => void shown++ },
    };
    const views: string[] = [];
    registerRibbonActions((view) => views.push(view));
    const manifest = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const names = [...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(Object.keys(associated).sort()).toEqual([...names].sort());
    let completed = false;
    associated.showAnalyze({ completed: () => (completed = true) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(views).toEqual(["analyze"]);
    expect(shown).toBe(1);
    expect(completed).toBe(true);
    expect(RIBBON_VIEWS).toHaveLength(names.length);
  });
});
