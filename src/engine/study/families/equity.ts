/**
 * Pay equity (chapter 8 of the study report): is there a pay gap between groups doing the same
 * work once grade and tenure are accounted for? The adjusted gap is the model of
 * src/engine/paygap.ts (the one COMP.PAY_GAP uses); the by-grade view flags gaps of 5 % or more,
 * the threshold of the EU pay-transparency directive. Active employees at the as-of date.
 */
import { normalizeKey, truncate } from "../../cells";
import type { CellScalar, ExhibitBody, ExhibitRow } from "../../exhibit";
import { percentileInc } from "../../market";
import { fitPayGap, gapOrder, largestGroup, type PayGapFit } from "../../paygap";
import { listed, type Study } from "../context";
import { family } from "../definition";
import { foldHeader } from "../headers";
import { invalidOption, option } from "../options";
import { PAY_EQUITY_BY_GRADE_REPORT, PAY_EQUITY_REPORT, REFERENCE_LABEL } from "../report/equity";
import { dateWords } from "../report/words";
import { ROSTER_FIELDS } from "../roster";
import type { Unplaced } from "../types";
import { isSmall } from "../suppression";
import { withSuppression, workforceCells, type EquityPart, type EquityPopulation } from "./counts";
import { col } from "./helpers";
import { DIMENSIONS, noGroupColumns, type Dimension } from "./people";

/**
 * A gap of at least this much between groups in one grade is flagged: the EU pay-transparency
 * directive ((EU) 2023/970, art. 10) asks for a joint pay assessment when the gap in average
 * pay in a category of workers is at least 5 %.
 */
export const GAP_FLAG_THRESHOLD = 0.05;

export const EQUITY_REFERENCE = option({
  name: "equity-reference",
  kind: "pairs",
  label: "Pay-equity reference group",
  description:
    "the group each dimension's pay gaps are measured against, as Dimension=Group (e.g. Gender=Male; repeatable); default: each dimension's largest group",
  placeholder: "Dimension=Group",
});

/** One dimension's model: its groups' employees, mean and median pay, the reference, and the fit. */
type DimensionModel = {
  part: EquityPart;
  /** Per listed group (index into part.groups). */
  mean: number[];
  median: number[];
  reference: number;
  chosen: "largest" | "option";
  fit: PayGapFit;
  /** Active employees with a blank group (left out of this dimension's model). */
  blank: number;
};

function dimensionNamed(text: string): Dimension | undefined {
  const folded = foldHeader(text);
  return DIMENSIONS.find((dimension) =>
    ROSTER_FIELDS.find((spec) => spec.field === dimension.field)?.synonyms.includes(folded),
  );
}

/** The reference group asked for with --equity-reference, by dimension name. */
function askedReferences(study: Study, parts: readonly EquityPart[]): Map<string, string> {
  const asked = new Map<string, string>();
  for (const [name, group] of Object.entries(study.options.get(EQUITY_REFERENCE) ?? {})) {
    const dimension = dimensionNamed(name);
    if (dimension === undefined)
      invalidOption(EQUITY_REFERENCE, `'${truncate(name)}' is not a dimension (Gender or Ethnicity)`);
    if (!parts.some((part) => part.grouping.dimension === dimension))
      invalidOption(EQUITY_REFERENCE, `the roster has no ${dimension.name} column`);
    asked.set(dimension.name, group);
  }
  return asked;
}

/** A dimension's employees in its model (a listed group), their pay by group, counts and sums. */
function modelData(
  population: EquityPopulation,
  groupOf: Int32Array,
  position: Int32Array,
  groupCount: number,
  withTenure: boolean,
) {
  const size = population.rows.length;
  const pay = new Float64Array(size);
  const group = new Int32Array(size);
  const level = new Int32Array(size);
  const tenure = new Float64Array(withTenure ? size : 0);
  const counts = new Array<number>(groupCount).fill(0);
  const sums = new Array<number>(groupCount).fill(0);
  let n = 0;
  for (let r = 0; r < size; r++) {
    const at = position[groupOf[population.rows[r]]];
    if (at < 0) continue;
    pay[n] = population.pay[r];
    group[n] = at;
    level[n] = population.level[r];
    if (withTenure) tenure[n] = population.tenure[r];
    counts[at]++;
    sums[at] += pay[n];
    n++;
  }
  const byGroup = counts.map((count) => new Float64Array(count));
  const filled = new Array<number>(groupCount).fill(0);
  for (let r = 0; r < n; r++) byGroup[group[r]][filled[group[r]]++] = pay[r];
  return { pay, group, level, tenure, counts, sums, n, blank: size - n, byGroup };
}

/** Every dimension's model (memoised): both equity exhibits read it. */
function models(study: Study): DimensionModel[] {
  return study.memo("equity/models", () => {
    const cells = workforceCells(study);
    const { population } = cells;
    const asked = askedReferences(study, cells.equity);
    const withTenure = study.roster.mapping.hireDate !== undefined;
    return cells.equity.map((part) => {
      const { grouping } = part;
      // Position of each group among the listed ones (-1: blank, out of this dimension's model).
      const position = new Int32Array(grouping.groups.length).fill(-1);
      part.groups.forEach((entry, at) => (position[entry.group] = at));
      const { pay, group, level, tenure, counts, sums, n, blank, byGroup } = modelData(
        population,
        grouping.of,
        position,
        part.groups.length,
        withTenure,
      );
      const names = part.groups.map((entry) => grouping.groups[entry.group].name);
      const wanted = asked.get(grouping.dimension.name);
      let reference = largestGroup(counts, names);
      if (wanted !== undefined) {
        reference = part.groups.findIndex((entry) => grouping.groups[entry.group].key === normalizeKey(wanted));
        if (reference < 0)
          invalidOption(
            EQUITY_REFERENCE,
            `${grouping.dimension.name} has no group '${truncate(wanted)}' among the active employees (groups: ${names.join(", ")})`,
          );
        if (isSmall(counts[reference], cells.minimum))
          invalidOption(
            EQUITY_REFERENCE,
            `${grouping.dimension.name} group '${names[reference]}' has fewer than ${cells.minimum} active employees: choose a larger group`,
          );
      }
      const fit = fitPayGap({
        pay: pay.subarray(0, n),
        group: group.subarray(0, n),
        groups: names,
        reference,
        level: level.subarray(0, n),
        tenure: withTenure ? tenure.subarray(0, n) : undefined,
        minimum: cells.minimum,
      });
      return {
        part,
        mean: counts.map((count, at) => (count === 0 ? NaN : sums[at] / count)),
        median: byGroup.map((pays) => (pays.length === 0 ? NaN : percentileInc(pays, 0.5))),
        reference,
        chosen: wanted === undefined ? "largest" : "option",
        fit,
        blank,
      };
    });
  });
}

const gapOf = (value: number, reference: number): number | null =>
  Number.isFinite(value) && Number.isFinite(reference) && reference !== 0 ? (value - reference) / reference : null;

const MODEL_WORDS =
  "Adjusted Gap: ordinary least squares of ln(full-time annual pay) on an indicator for each group (the reference group left out), tenure in years (days ÷ 365.25) and tenure², with a fixed effect for each plan and grade, absorbed by demeaning within the grade. Adjusted Gap = exp(β) − 1: the group's pay against the reference group's in the same grade at the same tenure (negative: paid less). The 95 % interval is exp(β ± 1.96·se) − 1 with heteroskedasticity-robust (HC1) standard errors, n ÷ (n − k) with k counting the regressors and the grades; Significant = Yes when |β ÷ se| ≥ 1.96.";

function payEquity(study: Study): ExhibitBody {
  const cells = workforceCells(study);
  const minimum = cells.minimum;
  const rows: ExhibitRow[] = [];
  const notes: string[] = [MODEL_WORDS];
  for (const model of models(study)) {
    const { part, fit } = model;
    const dimension = part.grouping.dimension.name;
    const referenceSmall = model.reference < 0 || fit.groups[model.reference].small;
    for (const gap of gapOrder(fit.groups)) {
      const at = gap.index;
      const cell = part.groups[at].cell;
      const isReference = gap.reference;
      const values: CellScalar[] = [
        dimension,
        gap.name,
        gap.employees,
        model.mean[at],
        isReference ? null : gapOf(model.mean[at], model.mean[model.reference]),
        isReference ? null : gapOf(model.median[at], model.median[model.reference]),
        gap.gap,
        gap.low,
        gap.high,
        isReference ? REFERENCE_LABEL : gap.significant === null ? null : gap.significant ? "Yes" : "No",
      ];
      const hidden: number[] = [];
      const complementary: number[] = [];
      if (cells.hidden(cell)) hidden.push(2);
      // Hidden to protect another group, not itself small: its own mark, never "<5".
      if (cells.hidden(cell) && !cells.small(cell)) complementary.push(2);
      // A small group's pay describes fewer than the minimum; a gap to a small reference too.
      if (gap.small) hidden.push(3);
      if (gap.small || referenceSmall) hidden.push(...(isReference ? [] : [4, 5, 6, 7, 8]), 9);
      rows.push({
        values,
        kind: "detail",
        ...(hidden.length ? { suppressed: hidden } : {}),
        ...(complementary.length ? { complementary } : {}),
      });
    }
    if (model.reference >= 0 && !referenceSmall) {
      notes.push(
        `${dimension}: ${fit.n.toLocaleString("en-US")} employees in the model, ${fit.levels} ${fit.levels === 1 ? "grade" : "grades"}, k = ${fit.k}; reference group ${fit.groups[model.reference].name} (${model.chosen === "largest" ? `the largest; the ${EQUITY_REFERENCE.label} option chooses another` : `chosen with the ${EQUITY_REFERENCE.label} option`}).`,
      );
      const confounded = fit.groups.filter((g) => g.missing === "collinear").map((g) => g.name);
      if (confounded.length > 0)
        notes.push(
          `${dimension}: no adjusted gap for ${confounded.join(", ")}: no grade holds both ${confounded.length === 1 ? "that group" : "those groups"} and others, so pay cannot be compared within a grade.`,
        );
      if (fit.n > 0 && fit.n - fit.k <= 0) notes.push(`${dimension}: too few employees for an interval (n − k ≤ 0).`);
    } else
      notes.push(
        `${dimension}: no group has ${minimum} or more employees${model.reference >= 0 ? " as reference" : ""}: no gaps.`,
      );
    if (model.blank > 0)
      notes.push(
        `${dimension}: ${model.blank} active ${model.blank === 1 ? "employee" : "employees"} with no ${dimension} left out.`,
      );
  }
  const { population } = cells;
  if (population.unknownPay.length > 0)
    notes.push(
      `${population.unknownPay.length} active ${population.unknownPay.length === 1 ? "employee" : "employees"} in daily grades with no contract days (the grade's or plan's name states them, e.g. 'PEA 187 Days') left out of the model (listed in Unmatched Employees).`,
    );
  if (study.roster.mapping.hireDate === undefined)
    notes.push("The roster has no Hire Date column: the model has no tenure terms.");
  notes.push(
    `Groups of fewer than ${minimum} employees stay out of the model; their cells are hidden.`,
    "Pay = the full-time annual rate: annual as is, hourly × 2,080, monthly × 12, daily × the contract days.",
  );
  return withSuppression(study, {
    columns: [
      col("Dimension", "text"),
      col("Group", "text"),
      col("Employees", "count"),
      col("Mean Pay", "money", "whole"),
      col("Unadjusted Gap", "percent"),
      col("Median Gap", "percent"),
      col("Adjusted Gap", "percent"),
      col("CI Low", "percent"),
      col("CI High", "percent"),
      col("Significant", "text"),
    ],
    rows,
    description: `Active employees on ${dateWords(study.asOf)}, pay as a full-time annual rate. Against each dimension's reference group: Unadjusted Gap = (group mean − reference mean) ÷ reference mean; Median Gap the same with medians; Adjusted Gap the same at equal grade and tenure (the model below). Negative = the group is paid less.`,
    notes,
  });
}

function payEquityByGrade(study: Study): ExhibitBody {
  const cells = workforceCells(study);
  const { population, minimum } = cells;
  const all = models(study);
  // Mean pay per grade and listed group, per dimension.
  const means = all.map(({ part }) => {
    const position = new Int32Array(part.grouping.groups.length).fill(-1);
    part.groups.forEach((entry, at) => (position[entry.group] = at));
    const sums = population.grades.map(() => new Array<number>(part.groups.length).fill(0));
    for (let r = 0; r < population.rows.length; r++) {
      const at = position[part.grouping.of[population.rows[r]]];
      if (at >= 0) sums[population.level[r]][at] += population.pay[r];
    }
    return sums;
  });
  const rows: ExhibitRow[] = [];
  population.grades.forEach((grade, g) => {
    all.forEach((model, d) => {
      const { part } = model;
      const entry = part.grades[g];
      const counts = entry.cells.map((cell) => cells.count(cell));
      if (counts.every((count) => count === 0)) return;
      const mean = (at: number) => (counts[at] === 0 ? NaN : means[d][g][at] / counts[at]);
      const ref = model.reference;
      const referenceCount = ref < 0 ? 0 : counts[ref];
      const order = gapOrder(
        part.groups.map((_, at) => ({
          at,
          reference: at === ref,
          employees: counts[at],
          name: part.grouping.groups[part.groups[at].group].name,
        })),
      );
      for (const { at, reference, name } of order) {
        const gap = reference || ref < 0 ? null : gapOf(mean(at), mean(ref));
        const both = counts[at] >= minimum && referenceCount >= minimum;
        const flag = reference
          ? REFERENCE_LABEL
          : gap !== null && both && Math.abs(gap) >= GAP_FLAG_THRESHOLD
            ? "Yes"
            : "No";
        const hidden: number[] = [];
        if (cells.hidden(entry.cells[at])) hidden.push(4);
        const complementary = cells.hidden(entry.cells[at]) && !cells.small(entry.cells[at]) ? [4] : [];
        if (!reference && (isSmall(counts[at], minimum) || isSmall(referenceCount, minimum))) hidden.push(5);
        if (isSmall(counts[at], minimum)) hidden.push(6);
        rows.push({
          values: [population.grades[g].plan, grade.grade, part.grouping.dimension.name, name, counts[at], gap, flag],
          kind: "detail",
          ...(hidden.length ? { suppressed: hidden } : {}),
          ...(complementary.length ? { complementary } : {}),
        });
      }
    });
  });
  return withSuppression(study, {
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Dimension", "text"),
      col("Group", "text"),
      col("Employees", "count"),
      col("Gap", "percent"),
      col("Flag", "text"),
    ],
    rows,
    description: `Within each plan and grade, each group's mean full-time annual pay against the reference group's (as in Pay Equity): Gap = (group mean − reference mean) ÷ reference mean, negative = paid less. Flag = Yes when |Gap| ≥ ${GAP_FLAG_THRESHOLD * 100} % and both groups have at least ${minimum} employees in the grade (the EU pay-transparency directive's 5 % threshold).`,
  });
}

/** Active employees the model cannot use (pay not annualisable), listed in unmatched-employees. */
function problems(study: Study): Unplaced[] {
  const { population } = workforceCells(study);
  const employees = study.placement.employees;
  return population.unknownPay.map((index) => {
    const employee = employees[index];
    return listed(
      employee,
      `pay equity: daily grade '${truncate(employee.payGrade.grade)}' has no contract days (name them in the plan, e.g. 'PEA 187 Days'): left out of the pay-equity model`,
    );
  });
}

export const PAY_EQUITY = family({
  id: "pay-equity",
  title: "Pay equity",
  description:
    "Pay gaps between genders and ethnic groups: unadjusted, and adjusted for grade and tenure with a 95 % interval; and each grade's gap, flagged at 5 %. Groups of fewer than 5 people are shown as <5.",
  options: [EQUITY_REFERENCE],
  problems,
  exhibits: [
    {
      id: "pay-equity",
      number: "8-1",
      title: "Pay Equity",
      summary: "mean pay and the unadjusted, median and adjusted pay gap of each group against the reference group",
      unavailable: noGroupColumns,
      build: payEquity,
      report: PAY_EQUITY_REPORT,
    },
    {
      id: "pay-equity-by-grade",
      number: "8-2",
      title: "Pay Equity by Grade",
      summary: "each group's mean-pay gap to the reference group within each grade, flagged at 5 %",
      unavailable: noGroupColumns,
      build: payEquityByGrade,
      report: PAY_EQUITY_BY_GRADE_REPORT,
    },
  ],
});
