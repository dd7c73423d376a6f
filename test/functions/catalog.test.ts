import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOG, searchCatalog } from "../../src/functions/catalog";

// functions.json is generated from the JSDoc of the function modules (custom-functions-metadata,
// the generator the webpack plugin runs, over the files scripts/function-sources.js lists); the
// catalog must say the same thing, and the functions entry must import every one of them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSources } = require("../../scripts/function-sources") as { functionSources: () => string[] };

type MetadataParameter = {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
};
type MetadataFunction = {
  id: string;
  name: string;
  description: string;
  parameters: MetadataParameter[];
  result: { dimensionality?: string };
  options?: { volatile?: boolean };
};

const SOURCES = functionSources();
let metadata: MetadataFunction[] = [];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const COMP = Object.assign({}, ...SOURCES.map((file) => require(file) as Record<string, unknown>)) as Record<
  string,
  unknown
>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCES);
  expect(generated.errors).toEqual([]);
  metadata = (JSON.parse(generated.metadataJson) as { functions: MetadataFunction[] }).functions;
}, 30000);

describe("functions.json generated from functions.ts", () => {
  it("declares every function with its id forever equal to its name", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual(CATALOG.map((entry) => entry.name).sort());
    for (const f of metadata) expect(f.name).toBe(f.id);
  });

  it("has an exported wrapper for every @customfunction id", () => {
    const ids = SOURCES.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/@customfunction (\S+)/g)].map((m) => m[1]),
    );
    expect([...ids].sort()).toEqual(CATALOG.map((entry) => entry.name).sort());
    for (const id of ids) expect(typeof COMP[id]).toBe("function");
  });

  it("the functions entry imports every module that declares functions", () => {
    const entry = readFileSync(join(__dirname, "../../src/functions/index.ts"), "utf8");
    const imported = [...entry.matchAll(/^import "\.\/([\w-]+)";$/gm)].map((m) => m[1]).sort();
    expect(imported).toEqual(SOURCES.map((file) => file.replace(/^.*[\\/]/, "").replace(/\.ts$/, "")).sort());
  });

  it("takes every argument as a range and returns a range, none volatile", () => {
    for (const f of metadata) {
      expect(f.result.dimensionality).toBe("matrix");
      expect(f.options?.volatile ?? false).toBe(false);
      for (const p of f.parameters) {
        expect(p.dimensionality).toBe("matrix");
        expect(p.type ?? "any").toBe("any");
      }
    }
  });

  it.each(CATALOG.map((entry) => [entry.name, entry]))("%s: the catalog matches the JSDoc", (name, entry) => {
    const f = metadata.find((candidate) => candidate.id === name) as MetadataFunction;
    expect(f.description).toBe(entry.description);
    expect(
      f.parameters.map((p) => ({ name: p.name, description: p.description, optional: p.optional ?? false })),
    ).toEqual(entry.parameters.map((p) => ({ name: p.name, description: p.description, optional: p.optional })));
  });
});

describe("the catalog", () => {
  it.each(CATALOG.map((entry) => [entry.name, entry]))(
    "%s: has an example calling it and its errors",
    (name, entry) => {
      expect(entry.example.startsWith(`=COMP.${name}(`)).toBe(true);
      expect(entry.errors.length).toBeGreaterThan(0);
      for (const error of entry.errors) expect(["#VALUE!", "#N/A", "#NUM!"]).toContain(error.code);
      expect(entry.returns.length).toBeGreaterThan(0);
    },
  );

  it("lists optional parameters after the required ones", () => {
    for (const entry of CATALOG) {
      const firstOptional = entry.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(entry.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it.each([
    ["quartile", ["QUARTILE_PLACE"]],
    ["range spread", ["RANGE_SPREAD"]],
    ["overtime", ["OVERTIME_PAY"]],
    ["lane", ["LANEPAY"]],
    ["HISD promotion", ["PROMOTION_SALARY", "PLACEMENT"]],
    ["zzz", []],
  ])("searches %p", (query, names) => {
    expect(searchCatalog(query).map((entry) => entry.name)).toEqual(names);
  });

  it("lists everything for an empty search", () => {
    expect(searchCatalog("  ")).toHaveLength(CATALOG.length);
  });
});
