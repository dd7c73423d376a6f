import { exhibitToJson, jsonBody, JSON_END, renderJson, studyToJson } from "../../src/exhibits/json";
import type { StudyResult } from "../../src/exhibits/spec/types";
import { FORMULA_TITLE, HOSTILE_TITLE, studyFixture } from "./study-fixture";

describe("renderJson", () => {
  it("is byte-identical across runs on the same input", () => {
    expect(renderJson(studyFixture())).toBe(renderJson(studyFixture()));
  });

  it("does not depend on the key order of the objects it is given", () => {
    const result = studyFixture();
    const reordered: StudyResult = {
      summary: Object.fromEntries(Object.entries(result.summary).reverse()) as StudyResult["summary"],
      exhibits: result.exhibits,
      sources: { roster: result.sources.roster, plans: result.sources.plans },
      title: result.title,
      asOf: result.asOf,
    };
    expect(renderJson(reordered)).toBe(renderJson(result));
  });

  it("writes asOf, title, sources, summary and exhibits in that order, 2-space indented, with a trailing newline", () => {
    const text = renderJson(studyFixture());
    expect(Object.keys(JSON.parse(text))).toEqual(["asOf", "title", "sources", "summary", "exhibits"]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "asOf": "2013-04-01",');
  });

  it("keys each row by column name, in column order, with raw numbers and percentages as fractions", () => {
    const quartiles = exhibitToJson(studyFixture().exhibits[1]);
    expect(quartiles.columns).toEqual([
      "Plan",
      "Grade",
      "Employees",
      "Q1",
      "Q2",
      "Q3",
      "Q4",
      "% Q1",
      "% Q2",
      "% Q3",
      "% Q4",
    ]);
    expect(Object.keys(quartiles.rows[0])).toEqual(quartiles.columns);
    expect(quartiles.rows[1]).toEqual({
      Plan: "BASE Shift 1",
      Grade: "B1-6",
      Employees: 8,
      Q1: 0,
      Q2: 2,
      Q3: 2,
      Q4: 4,
      "% Q1": 0,
      "% Q2": 0.25,
      "% Q3": 0.25,
      "% Q4": 0.5,
    });
    expect(quartiles.rows[0]["% Q1"]).toBe(10 / 22);
  });

  it("keeps only id, number, title, columns and rows per exhibit (and a description and notes where it has them)", () => {
    const json = studyToJson(studyFixture());
    for (const exhibit of json.exhibits)
      expect(Object.keys(exhibit)).toEqual(["id", "number", "title", "columns", "rows"]);
    const fixture = studyFixture();
    fixture.exhibits[0] = { ...fixture.exhibits[0], description: "What it means.", notes: ["A note."] };
    expect(Object.keys(studyToJson(fixture).exhibits[0])).toEqual([
      "id",
      "number",
      "title",
      "description",
      "columns",
      "rows",
      "notes",
    ]);
  });

  it.each([
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [-0, 0],
    [undefined, null],
  ])("writes %p as %p", (value, expected) => {
    const result = studyFixture();
    result.exhibits[2].rows[0].values[1] = value as number;
    const family = studyToJson(result).exhibits[2].rows[0];
    expect(family.Employees).toBe(expected);
    expect(Object.is(family.Employees, -0)).toBe(false);
  });

  it("keeps hostile text as plain JSON strings", () => {
    const parsed = JSON.parse(renderJson(studyFixture()));
    const families = parsed.exhibits.find((exhibit: { id: string }) => exhibit.id === "job-families");
    expect(families.rows.map((row: Record<string, unknown>) => row["Job Family"])).toEqual(
      expect.arrayContaining([HOSTILE_TITLE, FORMULA_TITLE]),
    );
  });
});

describe("the JSON as a stream (jsonBody)", () => {
  /** What JSON.stringify writes for the whole study at once: the stream must give the same text. */
  const whole = (result: StudyResult) => `${JSON.stringify(studyToJson(result), null, 2)}\n`;

  it.each<[string, (result: StudyResult) => StudyResult]>([
    ["the fixture", (result) => result],
    ["no exhibits", (result) => ({ ...result, exhibits: [] })],
    [
      "an exhibit without rows, with a description and notes",
      (result) => ({
        ...result,
        exhibits: [{ ...result.exhibits[0], rows: [], description: "Nobody.", notes: ["a note", "another"] }],
      }),
    ],
    [
      "an organisation, and exhibits with findings (with and without notes)",
      (result) => ({
        ...result,
        organization: "Portland Public Schools",
        exhibits: [
          { ...result.exhibits[0], findings: ["One finding.", "Another."] },
          { ...result.exhibits[0], notes: ["a note"], findings: ["A finding after the notes."] },
        ],
      }),
    ],
  ])("writes byte for byte what JSON.stringify writes: %s", (_, shape) => {
    const result = shape(studyFixture());
    expect(renderJson(result)).toBe(whole(result));
    expect([...jsonBody(result)].join("") + JSON_END).toBe(whole(result));
  });

  it("comes in pieces: a 200,000-row exhibit is never one string", () => {
    const fixture = studyFixture();
    const big = fixture.exhibits[0];
    const rows = Array.from({ length: 200_000 }, (_, index) => ({
      ...big.rows[0],
      values: [...big.rows[0].values.slice(0, 8), index],
    }));
    const pieces = [...jsonBody({ ...fixture, exhibits: [{ ...big, rows }] })];
    expect(pieces.length).toBeGreaterThan(50);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1 << 20);
    expect(JSON.parse(pieces.join("") + JSON_END).exhibits[0].rows[199_999].Employees).toBe(199_999);
  });

  it("escapes what a terminal would act on (C1 controls, DEL, bidirectional overrides): the parsed text is the same", () => {
    const fixture = studyFixture();
    const text = "a\u009b2J\u007f\u202eb\u2028c\u001b[0m";
    const result = { ...fixture, exhibits: [{ ...fixture.exhibits[0], title: text }] };
    const json = renderJson(result);
    expect(json).toContain('"title": "a\\u009b2J\\u007f\\u202eb\\u2028c\\u001b[0m"');
    expect(json).not.toMatch(/[\u001b\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(json).exhibits[0].title).toBe(text);
  });
});
