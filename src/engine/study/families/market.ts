/**
 * The market summary of a compensation study (Portland 2013 study, chapter 5; HISD salary
 * surveys): each benchmark job's grade compared with its peers' ranges, aged to the study's
 * date, as a statistic across peers, with the differential and the market position. Survey
 * rows that cannot be used stay out of the figures and are named in the exhibit's notes.
 */
import { isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../../cells";
import type { ExhibitRow } from "../../exhibit";
import {
  DEFAULT_AGING_RATE,
  DEFAULT_MARKET_TOLERANCE,
  DEFAULT_MIN_RESPONSES,
  MARKET_STAT_PATTERN,
  ageMarketValue,
  describeStatistic,
  marketDifferential,
  marketPosition,
  marketStatistic,
  parseAgingMethod,
  parseDifferentialConvention,
  parseMarketStatistic,
  type DifferentialConvention,
  type MarketPosition,
} from "../../market";
import type { Study } from "../context";
import { parseDate } from "../dates";
import { family } from "../definition";
import { GRADE_FIELD, HEADER_SEARCH_ROWS, PLAN_FIELD, type FieldSpec } from "../headers";
import { input, readRecords, type InputTable } from "../inputs";
import { option } from "../options";
import { gradeMidpoint, hasUsableRange } from "../plans";
import { DATE_1904_OFFSET } from "../roster";
import type { PayGrade, PayPlan } from "../types";
import { marketCharts, marketFindings } from "../report/market";
import { dateWords } from "../report/words";
import { unitMixOf } from "../units";
import { col, gradeMoney } from "./helpers";

type MarketField = "job" | "plan" | "grade" | "peer" | "min" | "mid" | "max" | "date";

/** The Market table's columns. */
export const MARKET_FIELDS: readonly FieldSpec<MarketField>[] = [
  {
    field: "job",
    label: "Benchmark Job",
    synonyms: ["benchmark job", "benchmark", "benchmark title", "benchmark position", "job", "job title", "position"],
    required: true,
  },
  PLAN_FIELD,
  GRADE_FIELD,
  {
    field: "peer",
    label: "Peer",
    synonyms: ["peer", "peer organization", "peer organisation", "employer", "comparator", "organization", "district"],
    required: true,
  },
  {
    field: "min",
    label: "Peer Minimum",
    synonyms: ["peer minimum", "peer min", "market minimum", "minimum", "min", "range minimum"],
    required: true,
  },
  {
    field: "mid",
    label: "Peer Midpoint",
    synonyms: ["peer midpoint", "peer mid", "market midpoint", "midpoint", "mid", "range midpoint"],
    required: false,
  },
  {
    field: "max",
    label: "Peer Maximum",
    synonyms: ["peer maximum", "peer max", "market maximum", "maximum", "max", "range maximum"],
    required: true,
  },
  {
    field: "date",
    label: "Effective Date",
    synonyms: ["effective date", "survey date", "date", "as of", "effective"],
    required: false,
  },
];

/** One usable survey row: a peer's range for a benchmark job. */
export type MarketEntry = {
  /** 1-based row of the Market table. */
  row: number;
  job: string;
  plan: string;
  grade: string;
  peer: string;
  min: number;
  /** The peer's stated midpoint; undefined → (min + max) / 2. */
  mid?: number;
  max: number;
  /** Days since 1970-01-01 of the Effective Date; null when not given (not aged). */
  day: number | null;
};

/** A survey row that cannot be used, with the reason ("row 7: Peer Minimum 'n/a' is not a number"). */
export type MarketProblem = { row: number; message: string };

export type MarketTable = { entries: MarketEntry[]; problems: MarketProblem[]; rowCount: number };

function money(value: CellValue): number | undefined | "text" {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : "text";
  if (typeof value === "string") return parseNumberText(value) ?? "text";
  return "text";
}

/** A peer figure: the number, undefined when blank and optional, or why it cannot be used. */
function figureOf(raw: CellValue, label: string, required: boolean): number | undefined | string {
  const value = money(raw);
  if (value === "text") return `${label} '${truncate(cellText(raw))}' is not a number`;
  if (value === undefined) return required ? `${label} is blank` : undefined;
  return value <= 0 ? `${label} ${value} is not above zero` : value;
}

const cellText = (value: CellValue): string => (value === null || value === undefined ? "" : String(value).trim());

type Columns = Readonly<Partial<Record<MarketField, number>>>;

const at = (cells: readonly CellValue[], column: number | undefined): CellValue =>
  column === undefined ? null : cells[column];

/** One Market row read: its entry, or why it cannot be used. */
function readEntry(
  row: number,
  cells: readonly CellValue[],
  columns: Columns,
  dayOf: (raw: CellValue) => number | undefined,
): MarketEntry | string {
  const job = cellText(at(cells, columns.job));
  const grade = cellText(at(cells, columns.grade));
  const peer = cellText(at(cells, columns.peer));
  if (job === "") return "Benchmark Job is blank";
  if (grade === "") return "Grade is blank";
  if (peer === "") return "Peer is blank";
  const min = figureOf(at(cells, columns.min), "Peer Minimum", true);
  if (typeof min === "string") return min;
  const mid = figureOf(at(cells, columns.mid), "Peer Midpoint", false);
  if (typeof mid === "string") return mid;
  const max = figureOf(at(cells, columns.max), "Peer Maximum", true);
  if (typeof max === "string") return max;
  if (min === undefined || max === undefined) return "Peer Minimum and Peer Maximum are needed";
  if (max < min) return `Peer Maximum ${max} is below Peer Minimum ${min}`;
  if (mid !== undefined && (mid < min || mid > max))
    return `Peer Midpoint ${mid} is outside the peer's range ${min}–${max}`;
  const rawDate = at(cells, columns.date);
  let day: number | null = null;
  if (!isBlank(rawDate)) {
    const parsed = dayOf(rawDate);
    if (parsed === undefined)
      return `Effective Date '${truncate(cellText(rawDate))}' is not a date (use yyyy-mm-dd, m/d/yyyy or an Excel date)`;
    day = parsed;
  }
  return { row, job, plan: cellText(at(cells, columns.plan)), grade, peer, min, mid, max, day };
}

/** The rows up to the one after the (HEADER_SEARCH_ROWS)-th filled row: all readRecords looks at for the header. */
function headerPart(rows: readonly (readonly CellValue[])[]): readonly (readonly CellValue[])[] {
  let filled = 0;
  for (let i = 0; i < rows.length; i++)
    if (rows[i].some((cell) => !isBlank(cell)) && ++filled > HEADER_SEARCH_ROWS) return rows.slice(0, i + 1);
  return rows;
}

/**
 * Reads the Market table: one entry per usable row, the others as problems (never dropped
 * silently). The header, the --map columns and the missing-column message are readRecords';
 * the rows (tens of thousands in a large survey) are then read by column index.
 */
export function parseMarket(table: InputTable): MarketTable {
  const { headerRow, mapping } = readRecords({ ...table, rows: headerPart(table.rows) }, MARKET_FIELDS);
  const columns: Columns = Object.fromEntries(MARKET_FIELDS.map((spec) => [spec.field, mapping[spec.field]?.column]));
  const entries: MarketEntry[] = [];
  const problems: MarketProblem[] = [];
  // Survey dates repeat across thousands of rows: each spelling is parsed once.
  const days = new Map<CellValue, number | undefined>();
  const dayOf = (raw: CellValue): number | undefined => {
    if (days.has(raw)) return days.get(raw);
    const day = parseDate(typeof raw === "number" && table.date1904 ? raw + DATE_1904_OFFSET : raw);
    days.set(raw, day);
    return day;
  };
  let rowCount = 0;
  for (let index = headerRow; index < table.rows.length; index++) {
    const cells = table.rows[index];
    if (!cells.some((cell) => !isBlank(cell))) continue;
    rowCount++;
    const read = readEntry(index + 1, cells, columns, dayOf);
    if (typeof read === "string") problems.push({ row: index + 1, message: `row ${index + 1}: ${read}` });
    else entries.push(read);
  }
  return { entries, problems, rowCount };
}

export const MARKET_INPUT = input<MarketTable>({
  id: "market",
  label: "Market",
  sheets: ["Market", "Market Survey", "Salary Survey"],
  description:
    "one row per peer employer and benchmark job: the job, the organisation's Plan and Grade matched to it, the Peer and its Minimum, (Midpoint,) Maximum, and the Effective Date of the figures",
  fields: MARKET_FIELDS,
  parse: (table) => parseMarket(table),
});

export const AGING_RATE = option({
  name: "aging-rate",
  kind: "percent",
  label: "Market aging rate",
  description:
    "yearly market movement used to age each peer's figures from their Effective Date to the as-of date (default 3%)",
  default: DEFAULT_AGING_RATE,
  min: 0,
  max: 1,
  placeholder: "rate",
});

export const AGING = option({
  name: "aging",
  kind: "choice",
  label: "Aging method",
  description:
    "compound (default): figure × (1 + rate)^(days ÷ 365.25); simple: figure × (1 + rate × days ÷ 365.25). Figures without a date, or dated after the as-of date, are not aged",
  choices: ["compound", "simple"],
  default: "compound",
  placeholder: "compound|simple",
});

export const MARKET_STAT = option({
  name: "market-stat",
  kind: "choice",
  label: "Market statistic",
  description:
    "how the peers' figures are combined: mean (default), median, or a percentile pNN as Excel's PERCENTILE.INC computes it (p75 for a district that targets the top quartile)",
  choices: ["mean", "median"],
  pattern: MARKET_STAT_PATTERN,
  default: "mean",
  placeholder: "mean|median|pNN",
});

export const DIFFERENTIAL = option({
  name: "differential",
  kind: "choice",
  label: "Differential",
  description:
    "org-over-market (default): (organisation − market) ÷ market, positive when the organisation pays above the market; market-over-org: (market − organisation) ÷ organisation, the raise needed to reach the market",
  choices: ["org-over-market", "market-over-org"],
  default: "org-over-market",
  placeholder: "org-over-market|market-over-org",
});

export const TOLERANCE = option({
  name: "tolerance",
  kind: "percent",
  label: "Competitive band",
  description:
    "a midpoint differential within ± this is 'competitive'; beyond it 'below market' or 'above market' (default 5%)",
  default: DEFAULT_MARKET_TOLERANCE,
  min: 0,
  max: 1,
  placeholder: "percent",
});

export const MIN_RESPONSES = option({
  name: "min-responses",
  kind: "integer",
  label: "Fewest responses",
  description:
    "benchmarks with fewer peer responses than this show 'insufficient data' and stay out of the averages (default 5, the usual survey safe harbour)",
  default: DEFAULT_MIN_RESPONSES,
  min: 1,
  max: 1000,
  placeholder: "N",
});

/** One benchmark job compared with its peers. */
export type Benchmark = {
  job: string;
  plan: PayPlan;
  grade: PayGrade & { min: number; max: number };
  /** First Market row of the job, for ordering and messages. */
  row: number;
  responses: number;
  /** The organisation's minimum, midpoint and maximum. */
  org: [number, number, number];
  /** The market's minimum, midpoint and maximum (the statistic of the aged peer figures). */
  market: [number, number, number];
  differentials: [number, number, number];
  /** Responses reach --min-responses: the row counts in the averages and positions. */
  sufficient: boolean;
  position: MarketPosition;
};

/** The market comparison, shared by market-summary and the --market-target structure. */
export type MarketAnalysis = {
  benchmarks: Benchmark[];
  convention: DifferentialConvention;
  tolerance: number;
  /** What the reader should know: rows not used, aging. */
  notes: string[];
  description: string;
};

/** Problems listed in a note at most this many at a time (the rest counted). */
const LISTED_PROBLEMS = 20;

function listProblems(what: string, problems: readonly string[]): string[] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, LISTED_PROBLEMS);
  const more = problems.length - shown.length;
  return [
    `${what}: ${problems.length} ${problems.length === 1 ? "row" : "rows"} not used — ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}.`,
  ];
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** Compares every benchmark job of the Market table with its grade (memoised per study). */
export function marketAnalysis(study: Study): MarketAnalysis {
  return study.memo("market/analysis", () => {
    const table = study.require(MARKET_INPUT);
    const options = study.options;
    const rate = options.value(AGING_RATE);
    const method = parseAgingMethod(options.value(AGING));
    const statistic = parseMarketStatistic(options.value(MARKET_STAT));
    const convention = parseDifferentialConvention(options.value(DIFFERENTIAL));
    const tolerance = options.value(TOLERANCE);
    const minResponses = options.value(MIN_RESPONSES);
    const index = study.placement.index;
    const problems: MarketProblem[] = [...table.problems];
    const problem = (row: number, message: string): void => {
      problems.push({ row, message: `row ${row}: ${message}` });
    };
    const future: number[] = [];
    let aged = 0;
    let undated = 0;

    type Group = {
      job: string;
      plan: PayPlan;
      grade: PayGrade & { min: number; max: number };
      row: number;
      peers: Set<string>;
      figures: [number[], number[], number[]];
    };
    // Jobs by grade, then by job key: job and peer names repeat, so each spelling is normalised once.
    const groups = new Map<PayGrade, Map<string, Group>>();
    const ordered: Group[] = [];
    const keys = new Map<string, string>();
    const keyOf = (text: string): string => {
      let key = keys.get(text);
      if (key === undefined) {
        key = normalizeKey(text);
        keys.set(text, key);
      }
      return key;
    };
    // One aging factor per distance in days: ageMarketValue(value) = value × ageMarketValue(1).
    const factors = new Map<number, number>();
    const factorOf = (days: number): number => {
      let factor = factors.get(days);
      if (factor === undefined) {
        factor = ageMarketValue(1, days, rate, method);
        factors.set(days, factor);
      }
      return factor;
    };
    // A job's answers are usually consecutive rows: the last grade found is tried first.
    let last: { plan: string; grade: string; found: ReturnType<typeof index.find> } | undefined;
    let lastJob = { text: "", key: "" };
    for (const entry of table.entries) {
      if (last === undefined || last.plan !== entry.plan || last.grade !== entry.grade)
        last = { plan: entry.plan, grade: entry.grade, found: index.find(entry.plan, entry.grade) };
      const found = last.found;
      if (typeof found === "string") {
        problem(entry.row, found);
        continue;
      }
      const plan = index.planOf(found);
      if (!hasUsableRange(found)) {
        problem(entry.row, `grade '${truncate(found.grade)}' of plan '${truncate(plan.name)}' has no usable pay range`);
        continue;
      }
      const peerMid = entry.mid ?? (entry.min + entry.max) / 2;
      const mix = unitMixOf(peerMid, found.min, found.max, found.unit);
      if (mix !== undefined) {
        problem(
          entry.row,
          `the peer's figures (midpoint ${peerMid}) look ${mix} but grade '${truncate(found.grade)}' of plan '${truncate(plan.name)}' is ${found.unit}`,
        );
        continue;
      }
      let jobs = groups.get(found);
      if (!jobs) {
        jobs = new Map();
        groups.set(found, jobs);
      }
      const jobKey = entry.job === lastJob.text ? lastJob.key : keyOf(entry.job);
      lastJob = { text: entry.job, key: jobKey };
      let group = jobs.get(jobKey);
      if (!group) {
        group = { job: entry.job, plan, grade: found, row: entry.row, peers: new Set(), figures: [[], [], []] };
        jobs.set(jobKey, group);
        ordered.push(group);
      }
      const peerKey = keyOf(entry.peer);
      if (group.peers.has(peerKey)) {
        problem(
          entry.row,
          `peer '${truncate(entry.peer)}' already answered for '${truncate(entry.job)}'; the first row is used`,
        );
        continue;
      }
      group.peers.add(peerKey);
      let days = 0;
      if (entry.day === null) undated++;
      else if (entry.day > study.asOfDay) future.push(entry.row);
      else {
        days = study.asOfDay - entry.day;
        if (days > 0) aged++;
      }
      const factor = factorOf(days);
      group.figures[0].push(entry.min * factor);
      group.figures[1].push(peerMid * factor);
      group.figures[2].push(entry.max * factor);
    }

    const planOrder = new Map(study.plans.plans.map((plan, i) => [plan, i]));
    const gradeOrder = new Map(study.plans.plans.flatMap((plan) => plan.grades.map((grade, i) => [grade, i] as const)));
    const benchmarks: Benchmark[] = ordered
      .sort(
        (a, b) =>
          (planOrder.get(a.plan) as number) - (planOrder.get(b.plan) as number) ||
          (gradeOrder.get(a.grade) as number) - (gradeOrder.get(b.grade) as number) ||
          a.row - b.row,
      )
      .map((group) => {
        const org: [number, number, number] = [group.grade.min, gradeMidpoint(group.grade) as number, group.grade.max];
        const market = group.figures.map((values) => marketStatistic(values, statistic)) as [number, number, number];
        const differentials = org.map((value, i) => marketDifferential(value, market[i], convention)) as [
          number,
          number,
          number,
        ];
        const responses = group.peers.size;
        const sufficient = responses >= minResponses;
        return {
          job: group.job,
          plan: group.plan,
          grade: group.grade,
          row: group.row,
          responses,
          org,
          market,
          differentials,
          sufficient,
          position: sufficient ? marketPosition(differentials[1], tolerance, convention) : "insufficient data",
        };
      });

    const notes: string[] = [];
    const agingWords = `${percentText(rate)} a year (${method})`;
    notes.push(
      `Aging: ${aged} peer ${aged === 1 ? "row" : "rows"} aged to ${dateWords(study.asOf)} at ${agingWords}; ${undated} without an Effective Date not aged${future.length > 0 ? `; ${future.length} dated after ${dateWords(study.asOf)} not aged (${future.length === 1 ? "row" : "rows"} ${future.slice(0, 10).join(", ")}${future.length > 10 ? ", …" : ""})` : ""}.`,
    );
    problems.sort((a, b) => a.row - b.row);
    notes.push(
      ...listProblems(
        "Market table",
        problems.map((p) => p.message),
      ),
    );
    if (problems.length > 0)
      study.note(
        `market: ${problems.length} Market ${problems.length === 1 ? "row" : "rows"} not used (see Market Summary)`,
      );
    if (future.length > 0)
      study.note(
        `market: ${future.length} Market ${future.length === 1 ? "row is" : "rows are"} dated after ${dateWords(study.asOf)} and not aged`,
      );
    const definition =
      convention === "org-over-market"
        ? "Differential = (organisation − market) ÷ market: positive means the organisation pays above the market."
        : "Differential = (market − organisation) ÷ organisation: positive means the organisation pays below the market (the raise needed to reach it).";
    const description = [
      definition,
      `Market = ${describeStatistic(statistic)} of the peers' figures, each aged from its Effective Date to ${dateWords(study.asOf)} at ${agingWords}; a peer without a midpoint counts (minimum + maximum) ÷ 2.`,
      `Position by the midpoint differential: within ±${percentText(tolerance)} competitive, beyond it below or above market; fewer than ${minResponses} responses: insufficient data (kept out of the averages).`,
    ].join(" ");
    return { benchmarks, convention, tolerance, notes, description };
  });
}

/** A fraction as people read it in a description: 0.0765 → "7.65 %" (binary noise dropped). */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))} %`;
}

function marketSummary(study: Study) {
  const analysis = marketAnalysis(study);
  const rows: ExhibitRow[] = [];
  const averageRow = (benchmarks: Benchmark[], plan: string, kind: ExhibitRow["kind"]): ExhibitRow => {
    const counted = benchmarks.filter((b) => b.sufficient);
    const means = [0, 1, 2].map((i) => mean(counted.map((b) => b.differentials[i])));
    const position: MarketPosition =
      means[1] === null ? "insufficient data" : marketPosition(means[1], analysis.tolerance, analysis.convention);
    return {
      values: ["Average", plan, null, null, null, null, means[0], null, null, means[1], null, null, means[2], position],
      kind,
    };
  };
  let current: Benchmark[] = [];
  const flush = (): void => {
    if (current.length > 0) rows.push(averageRow(current, current[0].plan.name, "total"));
    current = [];
  };
  for (const benchmark of analysis.benchmarks) {
    if (current.length > 0 && current[0].plan !== benchmark.plan) flush();
    current.push(benchmark);
    const { org, market, differentials: d } = benchmark;
    rows.push({
      values: [
        benchmark.job,
        benchmark.plan.name,
        benchmark.grade.grade,
        benchmark.responses,
        org[0],
        market[0],
        d[0],
        org[1],
        market[1],
        d[1],
        org[2],
        market[2],
        d[2],
        benchmark.position,
      ],
      kind: "detail",
      ...gradeMoney(benchmark.grade),
    });
  }
  flush();
  rows.push(averageRow(analysis.benchmarks, "All", "grand-total"));
  return {
    columns: [
      col("Benchmark Job", "text"),
      col("Plan", "text"),
      col("Grade", "text"),
      col("Responses", "count"),
      col("Minimum", "money"),
      col("Market Minimum", "money"),
      col("Minimum Differential", "percent"),
      col("Midpoint", "money"),
      col("Market Midpoint", "money"),
      col("Midpoint Differential", "percent"),
      col("Maximum", "money"),
      col("Market Maximum", "money"),
      col("Maximum Differential", "percent"),
      col("Position", "text"),
    ],
    rows,
    description: analysis.description,
    notes: analysis.notes,
  };
}

export const MARKET = family({
  id: "market",
  title: "Market comparison",
  description:
    "Each benchmark job's pay range against its peer employers' ranges, aged to the as-of date: the market minimum, midpoint and maximum, the differentials and whether the grade is below, at or above the market.",
  inputs: [MARKET_INPUT],
  options: [AGING_RATE, AGING, MARKET_STAT, DIFFERENTIAL, TOLERANCE, MIN_RESPONSES],
  exhibits: [
    {
      id: "market-summary",
      number: "5-1",
      title: "Market Summary",
      summary:
        "per benchmark job: the grade's minimum, midpoint and maximum against the market's, the differentials and the market position, with plan averages",
      needs: [MARKET_INPUT],
      build: marketSummary,
      report: {
        findings: marketFindings,
        charts: (view, study) => marketCharts(view, study.options.value(TOLERANCE)),
      },
    },
  ],
});
