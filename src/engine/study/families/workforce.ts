/**
 * The workforce exhibits an HR department tracks every quarter (Pasadena USD HR department plan
 * 2022–23: ethnicity of new hires against the student population, retention, separations and
 * their reasons, position control for the budget), chapter 7 of the study report. Built from
 * the placement step's placed employees (active and separated); small groups are suppressed
 * (counts.ts, suppression.ts).
 */
import type { ExhibitBody, ExhibitRow } from "../../exhibit";
import type { Study } from "../context";
import { family } from "../definition";
import {
  COMPOSITION_REPORT,
  HIRES_REPORT,
  POSITION_CONTROL_REPORT,
  POSITION_PROBLEMS_REPORT,
  REASONS_REPORT,
  RETENTION_REPORT,
} from "../report/workforce";
import { dateWords } from "../report/words";
import { col, ratio } from "./helpers";
import { rowWith, withSuppression, workforceCells, type FlowCells } from "./counts";
import { missingColumn, noGroupColumns, PERIOD, periodOf, REFERENCE_INPUT, type Period } from "./people";
import { POSITIONS_INPUT, positionControlExhibit, positionProblemsExhibit } from "./positions";

function periodWords(period: Period): string {
  return `from ${dateWords(period.start)} to ${dateWords(period.end)}, both days included`;
}

function composition(study: Study): ExhibitBody {
  const cells = workforceCells(study);
  const reference = study.input(REFERENCE_INPUT);
  const rows: ExhibitRow[] = [];
  for (const part of cells.composition) {
    part.cells.forEach((entries, f) => {
      const { name: familyName, employees } = part.families[f];
      for (const { group, cell } of entries) {
        const count = cells.count(cell);
        const share = ratio(count, employees);
        const referenceShare = part.grouping.reference[group] ?? null;
        const gap = share === null || referenceShare === null ? null : share - referenceShare;
        const index = share === null || referenceShare === null || referenceShare === 0 ? null : share / referenceShare;
        rows.push(
          rowWith(
            cells,
            {
              values: [
                part.grouping.dimension.name,
                familyName,
                part.grouping.groups[group].name,
                count,
                share,
                referenceShare,
                gap,
                index,
              ],
              kind: f === 0 ? "total" : "detail",
            },
            [[], [], [], [cell], [cell], [], [cell], [cell]],
          ),
        );
      }
    });
  }
  const notes =
    reference === undefined
      ? [
          "No Reference table: Reference Share, Gap and Representation Index are empty (give a sheet or table named 'Reference' with Dimension, Group, Share).",
        ]
      : [`Reference shares: ${study.source(REFERENCE_INPUT)}.`, ...reference.notes];
  return withSuppression(study, {
    columns: [
      col("Dimension", "text"),
      col("Job Family", "text"),
      col("Group", "text"),
      col("Employees", "count"),
      col("Share", "percent"),
      col("Reference Share", "percent"),
      col("Gap", "percent"),
      col("Representation Index", "index"),
    ],
    rows,
    description: `Active employees on ${dateWords(study.asOf)} by group: Job Family All first, then each job family. Share = the group's employees ÷ the family's; Gap = Share − Reference Share; Representation Index = Share ÷ Reference Share (1 = represented as in the reference population, below 1 = under-represented).`,
    notes,
  });
}

function hiresByGroup(study: Study): ExhibitBody {
  const cells = workforceCells(study);
  const flow = cells.flow;
  if (flow === undefined) throw new Error("hires-by-group needs hire dates (see unavailable)");
  const total = cells.count(flow.all.hires);
  const rows: ExhibitRow[] = [];
  for (const { grouping, rows: groups } of flow.dimensions)
    for (const { group, cells: counts } of groups) {
      const hires = cells.count(counts.hires);
      rows.push(
        rowWith(
          cells,
          {
            values: [grouping.dimension.name, grouping.groups[group].name, hires, ratio(hires, total)],
            kind: "detail",
          },
          [[], [], [counts.hires], [counts.hires, flow.all.hires]],
        ),
      );
    }
  rows.push(
    rowWith(cells, { values: ["All", "All", total, total === 0 ? null : 1], kind: "grand-total" }, [
      [],
      [],
      [flow.all.hires],
      [],
    ]),
  );
  return withSuppression(study, {
    columns: [col("Dimension", "text"), col("Group", "text"), col("Hires", "count"), col("Share", "percent")],
    rows,
    description: `Employees with a Hire Date in the period (${periodWords(flow.period)}), by group; Share = the group's hires ÷ all hires.`,
  });
}

function retentionValues(cells: ReturnType<typeof workforceCells>, counts: FlowCells): (number | null)[] {
  const [start, separations, end, stayers] = (["start", "separations", "end", "stayers"] as const).map((kind) =>
    cells.count(counts[kind]),
  );
  const average = (start + end) / 2;
  return [start, separations, average, ratio(separations, average), ratio(stayers, start)];
}

function retention(study: Study): ExhibitBody {
  const cells = workforceCells(study);
  const flow = cells.flow;
  if (flow === undefined) throw new Error("retention needs hire dates (see unavailable)");
  // A value is hidden when a count it is computed from is.
  const basis = (c: FlowCells): number[][] => [
    [],
    [],
    [c.start],
    [c.separations],
    [c.start, c.end],
    [c.separations, c.start, c.end],
    [c.stayers, c.start],
  ];
  const rows: ExhibitRow[] = [];
  for (const { grouping, rows: groups } of flow.dimensions)
    for (const { group, cells: counts } of groups)
      rows.push(
        rowWith(
          cells,
          {
            values: [grouping.dimension.name, grouping.groups[group].name, ...retentionValues(cells, counts)],
            kind: "detail",
          },
          basis(counts),
        ),
      );
  rows.push(
    rowWith(
      cells,
      { values: ["All", "All", ...retentionValues(cells, flow.all)], kind: "grand-total" },
      basis(flow.all),
    ),
  );
  return withSuppression(study, {
    columns: [
      col("Dimension", "text"),
      col("Group", "text"),
      col("Headcount at Start", "count"),
      col("Separations", "count"),
      { name: "Average Headcount", kind: "number", decimals: 1 },
      col("Separation Rate", "percent"),
      col("Retention Rate", "percent"),
    ],
    rows,
    description: `The period runs ${periodWords(flow.period)}. Headcount at Start = employed when it opens (hired before ${dateWords(flow.period.start)}, not separated before it); Separations = a Separation Date in the period; Average Headcount = (headcount at start + headcount at end) ÷ 2, the end counting those hired by ${dateWords(flow.period.end)} and not separated on or before it; Separation Rate = separations ÷ average headcount; Retention Rate = the share of those employed at the start still employed at the end.`,
    notes: [
      `Headcount at end = headcount at start + hires − separations (hires: Hires by Group). Someone hired on ${dateWords(flow.period.start)} is a hire, not in the headcount at start; someone separated on ${dateWords(flow.period.end)} is a separation, not in the headcount at end.`,
    ],
  });
}

function separationReasons(study: Study): ExhibitBody {
  const cells = workforceCells(study);
  const reasons = cells.reasons;
  if (reasons === undefined) throw new Error("separation-reasons needs the separation columns (see unavailable)");
  const total = cells.count(reasons.total);
  const row = (name: string, cell: number): ExhibitRow =>
    rowWith(cells, { values: [name, cells.count(cell), ratio(cells.count(cell), total)], kind: "detail" }, [
      [],
      [cell],
      [cell, reasons.total],
    ]);
  // Most frequent first; hidden reasons after the shown ones, by name, so their order says nothing of their size.
  const shown = reasons.reasons.filter((reason) => !cells.hidden(reason.cell));
  const hidden = reasons.reasons
    .filter((reason) => cells.hidden(reason.cell))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const period = periodOf(study);
  return withSuppression(study, {
    columns: [col("Reason", "text"), col("Separations", "count"), col("Share", "percent")],
    rows: [
      ...[...shown, ...hidden].map((reason) => row(reason.name, reason.cell)),
      rowWith(cells, { values: ["All", total, total === 0 ? null : 1], kind: "grand-total" }, [
        [],
        [reasons.total],
        [],
      ]),
    ],
    description: `Separations with a Separation Date in the period (${periodWords(period)}) by Separation Reason, most frequent first; Share = the reason's separations ÷ all separations in the period.`,
  });
}

export const WORKFORCE = family({
  id: "workforce",
  title: "Workforce",
  description:
    "Who works here and who comes and goes: composition by gender and ethnicity against a reference population, hires, retention and separations over a period, and position control against the budget. Groups of fewer than 5 people are shown as <5.",
  inputs: [REFERENCE_INPUT, POSITIONS_INPUT],
  options: [PERIOD],
  exhibits: [
    {
      id: "workforce-composition",
      number: "7-1",
      title: "Workforce Composition",
      summary: "active employees by gender and ethnicity, overall and per job family, against the Reference shares",
      unavailable: noGroupColumns,
      build: composition,
      report: COMPOSITION_REPORT,
    },
    {
      id: "hires-by-group",
      number: "7-2",
      title: "Hires by Group",
      summary: "employees hired in the period, by gender and ethnicity",
      unavailable: (study) => missingColumn(study, "hireDate") ?? noGroupColumns(study),
      build: hiresByGroup,
      report: HIRES_REPORT,
    },
    {
      id: "retention",
      number: "7-3",
      title: "Retention",
      summary: "headcount at the start, separations, separation rate and retention rate over the period, by group",
      unavailable: (study) => missingColumn(study, "hireDate", "separationDate"),
      build: retention,
      report: RETENTION_REPORT,
    },
    {
      id: "separation-reasons",
      number: "7-4",
      title: "Separation Reasons",
      summary: "separations in the period by reason, most frequent first",
      unavailable: (study) => missingColumn(study, "separationDate", "separationReason"),
      build: separationReasons,
      report: REASONS_REPORT,
    },
    {
      id: "position-control",
      number: "7-5",
      title: "Position Control",
      summary: "budgeted positions, FTE and cost against the employees filling them, per department and grade",
      needs: [POSITIONS_INPUT],
      unavailable: (study) => missingColumn(study, "positionId"),
      build: (study) => positionControlExhibit(study, study.require(POSITIONS_INPUT)),
      report: POSITION_CONTROL_REPORT,
    },
    {
      id: "position-problems",
      number: "7-6",
      title: "Position Problems",
      summary:
        "employees without a budgeted position, positions filled past their FTE, Positions rows that cannot be used",
      needs: [POSITIONS_INPUT],
      unavailable: (study) => missingColumn(study, "positionId"),
      build: (study) => positionProblemsExhibit(study, study.require(POSITIONS_INPUT)),
      report: POSITION_PROBLEMS_REPORT,
      detail: true,
    },
  ],
});
