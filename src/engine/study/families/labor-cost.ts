/**
 * The labor-cost comparison of a compensation study (Portland 2013 study, 1.2 and chapter 4:
 * "PPS allocates 65 percent of its budget to salary expenses, while its peer organizations
 * average 59.8 percent"): each organisation's salaries as a share of its budget, the peers'
 * average share and the organisation's difference from it.
 */
import { isBlank, normalizeKey, parseNumberText, truncate, type CellValue } from "../../cells";
import { invalid } from "../../errors";
import type { ExhibitBody, ExhibitRow } from "../../exhibit";
import type { Study } from "../context";
import { family } from "../definition";
import type { FieldSpec } from "../headers";
import { input, readRecords, type InputTable } from "../inputs";
import { ORGANIZATION } from "../core";
import { laborCostFindings } from "../report/market";
import { col } from "./helpers";

type LaborField = "organization" | "budget" | "salaries";

export const LABOR_COST_FIELDS: readonly FieldSpec<LaborField>[] = [
  {
    field: "organization",
    label: "Organization",
    synonyms: ["organization", "organisation", "district", "employer", "peer", "name", "entity"],
    required: true,
  },
  {
    field: "budget",
    label: "Budget",
    synonyms: ["budget", "total budget", "operating budget", "expenditures", "total expenditures", "general fund"],
    required: true,
  },
  {
    field: "salaries",
    label: "Salaries",
    synonyms: ["salaries", "salary", "salary expenses", "salary expenditures", "total salaries", "payroll"],
    required: true,
  },
];

export type LaborCostEntry = { row: number; organization: string; budget: number; salaries: number };
export type LaborCostTable = { entries: LaborCostEntry[]; problems: string[] };

function amount(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  return typeof value === "string" ? parseNumberText(value) : undefined;
}

/** Reads the Labor Cost table: one entry per usable row; the others named with their reason. */
export function parseLaborCost(table: InputTable): LaborCostTable {
  const { records } = readRecords(table, LABOR_COST_FIELDS);
  const entries: LaborCostEntry[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const organization = String(record.get("organization") ?? "").trim();
    const refuse = (message: string): void => {
      problems.push(`row ${record.row}: ${message}`);
    };
    if (organization === "") {
      refuse("Organization is blank");
      continue;
    }
    const previous = seen.get(normalizeKey(organization));
    if (previous !== undefined) {
      refuse(`'${truncate(organization)}' appears twice (rows ${previous} and ${record.row}); the first is used`);
      continue;
    }
    const figures: number[] = [];
    for (const [field, label] of [
      ["budget", "Budget"],
      ["salaries", "Salaries"],
    ] as const) {
      const raw = record.get(field);
      const value = amount(raw);
      if (value === undefined)
        refuse(isBlank(raw) ? `${label} is blank` : `${label} '${truncate(String(raw).trim())}' is not a number`);
      else if (value < 0 || (field === "budget" && value === 0)) refuse(`${label} ${value} is not above zero`);
      else figures.push(value);
    }
    if (figures.length < 2) continue;
    seen.set(normalizeKey(organization), record.row);
    entries.push({ row: record.row, organization, budget: figures[0], salaries: figures[1] });
  }
  if (entries.length === 0) invalid("The Labor Cost table has no usable row (Organization, Budget, Salaries)");
  return { entries, problems };
}

export const LABOR_COST_INPUT = input<LaborCostTable>({
  id: "labor-cost",
  label: "Labor Cost",
  sheets: ["Labor Cost", "Labour Cost", "Labor Costs"],
  description:
    "one row per organisation — the organisation itself and its peers: Organization, Budget, Salaries (the same year and the same definitions for all)",
  fields: LABOR_COST_FIELDS,
  parse: parseLaborCost,
});

/** Salary share of a budget (Portland study, labor cost analysis): salaries ÷ budget. */
export function salaryShare(salaries: number, budget: number): number {
  return salaries / budget;
}

function laborCost(study: Study): ExhibitBody {
  const table = study.require(LABOR_COST_INPUT);
  // The organisation studied (it also titles the study): its own row when the table has one of
  // that name, else the first row, as when no name is given — and the notes say which.
  const named = study.options.get(ORGANIZATION);
  const found =
    named === undefined || named === ""
      ? undefined
      : table.entries.find((entry) => normalizeKey(entry.organization) === normalizeKey(named));
  const self = found ?? table.entries[0];
  const peers = table.entries.filter((entry) => entry !== self);
  const share = (entry: LaborCostEntry): number => salaryShare(entry.salaries, entry.budget);
  const peerAverage = peers.length === 0 ? null : peers.reduce((total, peer) => total + share(peer), 0) / peers.length;
  const rows: ExhibitRow[] = table.entries.map((entry) => ({
    values: [entry.organization, entry.budget, entry.salaries, share(entry)],
    kind: "detail",
  }));
  rows.push({ values: ["Peer Average", null, null, peerAverage], kind: "total" });
  rows.push({
    values: [
      `Difference: ${self.organization} − Peer Average`,
      null,
      null,
      peerAverage === null ? null : share(self) - peerAverage,
    ],
    kind: "grand-total",
  });
  const notes = [
    `Peer Average = the mean of the ${peers.length} peers' salary shares (each peer counts once, whatever its size); the difference is in percentage points.`,
  ];
  if (named !== undefined && named !== "" && found === undefined)
    notes.push(
      `No row of the Labor Cost table is named '${truncate(named)}': its first row, ${self.organization}, is taken as the organisation studied.`,
    );
  if (peers.length === 0) notes.push("The Labor Cost table has no peer besides the organisation: no average.");
  const over = table.entries.filter((entry) => entry.salaries > entry.budget);
  if (over.length > 0)
    notes.push(
      `Salaries exceed the budget for ${over.map((entry) => entry.organization).join(", ")}: check the figures.`,
    );
  if (table.problems.length > 0) notes.push(`Labor Cost table: rows not used — ${table.problems.join("; ")}.`);
  return {
    columns: [
      col("Organization", "text"),
      col("Budget", "money", "whole"),
      col("Salaries", "money", "whole"),
      col("Salary Share", "percent"),
    ],
    rows,
    description: `Salary Share = Salaries ÷ Budget. ${self.organization} is compared with the average share of its ${peers.length} ${peers.length === 1 ? "peer" : "peers"}.`,
    notes,
  };
}

export const LABOR_COST = family({
  id: "labor-cost",
  title: "Labor cost",
  description:
    "The share of the budget spent on salaries, for the organisation and its peers, with the peers' average and the organisation's difference from it.",
  inputs: [LABOR_COST_INPUT],
  exhibits: [
    {
      id: "labor-cost",
      number: "5-2",
      title: "Labor Cost",
      summary:
        "salaries as a share of the budget for the organisation and each peer, the peer average and the difference",
      needs: [LABOR_COST_INPUT],
      build: laborCost,
      report: { findings: (view, study) => laborCostFindings(view, study.options.get(ORGANIZATION)) },
    },
  ],
});
