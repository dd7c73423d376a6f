/**
 * @jest-environment jsdom
 *
 * A family registered the way the analyses' engineers add theirs (family({...}) with an input
 * and an option, one line in the registry) appears in the pane with no pane code: a Data card
 * for its table, an Analyze card, a field for its option with the engine's messages, its exhibit
 * inserted end to end.
 */
import * as React from "react";
import "@testing-library/jest-dom";
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { parseOption, OPTIONS } from "../../src/engine/study";
import { isEngineError } from "../../src/engine/errors";
import { fakeGateway, PLANS, ROSTER, SOURCES } from "./fake-gateway";
import type { StudyResult } from "../../src/exhibits/spec/types";

// Ceilings, not waits: each find waits for the state the UI reaches, however long a loaded machine takes.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(180_000);

jest.mock("../../src/engine/study/registry", () => {
  const actual = jest.requireActual("../../src/engine/study/registry");
  const { family } = jest.requireActual("../../src/engine/study/definition");
  const { input, readRecords } = jest.requireActual("../../src/engine/study/inputs");
  const { option } = jest.requireActual("../../src/engine/study/options");
  const { PLANS_INPUT, ROSTER_INPUT, CORE_OPTIONS } = jest.requireActual("../../src/engine/study/core");
  const fields = [
    { field: "job", label: "Job", synonyms: ["job", "benchmark job"], required: true },
    { field: "rate", label: "Market Rate", synonyms: ["market rate", "rate"], required: true },
  ];
  const BENCHMARKS = input({
    id: "benchmarks",
    label: "Benchmarks",
    sheets: ["Benchmarks", "Market Jobs"],
    description: "one row per benchmark job",
    fields,
    parse: (table: never) => readRecords(table, fields).records,
  });
  const AGING = option({
    name: "fake-rate",
    kind: "percent",
    label: "Fake rate",
    description: "yearly rate that ages the market data to the as-of date",
    default: 0.03,
    min: 0,
    max: 0.2,
  });
  const FAKE = family({
    id: "fake-market",
    title: "Fake market",
    description: "A family made up for this test.",
    inputs: [BENCHMARKS],
    options: [AGING],
    exhibits: [
      {
        id: "benchmark-count",
        number: "9-1",
        title: "Benchmark Count",
        summary: "how many benchmark jobs, and the aging rate",
        needs: [BENCHMARKS],
        build: (study: { require: (spec: unknown) => unknown[]; options: { value: (spec: unknown) => number } }) => ({
          columns: [
            { name: "Jobs", kind: "count" },
            { name: "Aging", kind: "percent" },
          ],
          rows: [{ kind: "detail", values: [study.require(BENCHMARKS).length, study.options.value(AGING)] }],
        }),
      },
    ],
  });
  // The registry's own derivations (registry.ts), over its families plus this one.
  const FAMILIES = [...actual.FAMILIES, FAKE];
  type Entry = { id: string; family: unknown };
  const EXHIBITS: Entry[] = FAMILIES.flatMap((f: { exhibits: { id: string }[] }) =>
    f.exhibits.map((e) => ({ ...e, family: f })),
  );
  const unique = <T extends { id?: string; name?: string }>(items: T[]): T[] =>
    items.filter(
      (item, index) => items.findIndex((other) => (other.id ?? other.name) === (item.id ?? item.name)) === index,
    );
  return {
    ...actual,
    FAMILIES,
    EXHIBITS,
    EXHIBIT_IDS: EXHIBITS.map((e) => e.id),
    exhibitById: (id: string) => EXHIBITS.find((e) => e.id === id),
    INPUTS: unique([
      PLANS_INPUT,
      ROSTER_INPUT,
      ...FAMILIES.flatMap((f: { inputs?: object[]; exhibits: { needs?: object[] }[] }) => [
        ...(f.inputs ?? []),
        ...f.exhibits.flatMap((e) => e.needs ?? []),
      ]),
    ]),
    OPTIONS: unique([...CORE_OPTIONS, ...FAMILIES.flatMap((f: { options?: object[] }) => f.options ?? [])]),
  };
});

const BENCHMARK_ROWS = [
  ["Benchmark Job", "Market Rate"],
  ["Custodian", 15],
  ["Cook", 16],
];

describe("a family added to the registry", () => {
  it("gets its Data card, Analyze card, option field and exhibit — no pane code", async () => {
    const user = userEvent.setup();
    const inserted: StudyResult[] = [];
    const gateway = fakeGateway(
      {},
      {
        sources: [...SOURCES, { kind: "table", name: "Market_Jobs", address: "Market!A1:B3" }],
        tables: { "Plans!A1:E3": PLANS, "Staff!A1:H4": ROSTER, "Market!A1:B3": BENCHMARK_ROWS },
      },
    );
    const insertExhibits = gateway.insertExhibits;
    gateway.insertExhibits = async (result, options) => {
      inserted.push(result);
      return insertExhibits(result, options);
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <App gateway={gateway} />
      </FluentProvider>,
    );
    const card = await screen.findByRole("article", { name: "Benchmarks" });
    expect(await within(card).findByText("2 rows")).toBeInTheDocument();
    expect(within(card).getByText("Table Market_Jobs · 3 rows × 2 columns")).toBeInTheDocument();
    expect(within(card).getByText("Used by Fake market.")).toBeInTheDocument();

    await screen.findByText("3 employees, 1 row with problems");
    await user.click(screen.getByRole("tab", { name: "Analyze" }));
    await user.click(screen.getByRole("button", { name: "Open Fake market" }));
    const rate = screen.getByRole("textbox", { name: "Fake rate" });
    await user.type(rate, "50");
    let expected = "";
    try {
      parseOption(OPTIONS.find((spec) => spec.name === "fake-rate") as never, "50");
    } catch (error) {
      if (isEngineError(error)) expected = error.message;
    }
    expect(expected).toMatch(/^Fake rate: 50% is above 20%/);
    expect(screen.getByText(expected)).toBeInTheDocument();
    await user.clear(rate);
    await user.type(rate, "5%");
    expect(screen.queryByText(expected)).not.toBeInTheDocument();
    // Saved in the workbook by its name, with no pane code for it.
    expect(gateway.saved[gateway.saved.length - 1].options).toMatchObject({ "fake-rate": "5%" });
    await user.click(screen.getByRole("button", { name: "Insert 1 exhibit" }));
    expect(await screen.findByText("1 exhibit sheet inserted")).toBeInTheDocument();
    const exhibit = inserted[0].exhibits[0];
    expect(exhibit.id).toBe("benchmark-count");
    // Two benchmark rows under the header; the aging rate typed as 5 %.
    expect(exhibit.rows[0].values).toEqual([2, 0.05]);
  });
});
