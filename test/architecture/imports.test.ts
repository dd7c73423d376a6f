/**
 * The source tree has no import cycles (type-only imports included: a cycle of types is still a
 * knot a reader must untie), and the engine imports nothing from outside src/engine.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${relative(ROOT, from)} imports '${specifier}', which does not resolve`);
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets: string[] = [];
    for (const match of text.matchAll(SPECIFIER)) {
      const target = resolveImport(file, match[1] ?? match[2]);
      if (target !== undefined) targets.push(target);
    }
    edges.set(file, targets);
  }
  return edges;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(relative(ROOT, member));
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("imports", () => {
  const edges = graph();

  it("finds the source files and their imports (the check can see a cycle)", () => {
    expect(edges.size).toBeGreaterThan(100);
    const planted = new Map<string, string[]>([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(planted)).toEqual([["a", "b", "c"]]);
  });

  it("has no import cycle anywhere in src: the engine, the renderers, the functions, the CLI, the Excel adapters, the pane", () => {
    // The pane's views read its state from a store module (src/taskpane/store.ts), never from the shell that draws them.
    expect(cycles(edges)).toEqual([]);
  });

  it("keeps the pane's shell small: App.tsx draws the header, the tabs, the view and the footer", () => {
    const lines = readFileSync(join(SRC, "taskpane", "components", "App.tsx"), "utf8").split("\n").length;
    expect(lines).toBeLessThanOrEqual(200);
  });

  it("keeps the engine host-free: nothing in src/engine imports from outside it", () => {
    const engine = join(SRC, "engine");
    const outside = [...edges].flatMap(([file, targets]) =>
      file.startsWith(engine)
        ? targets
            .filter((target) => !target.startsWith(engine))
            .map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`)
        : [],
    );
    expect(outside).toEqual([]);
  });
});
