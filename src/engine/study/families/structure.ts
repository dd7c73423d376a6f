/**
 * A proposed pay structure (Portland 2013 study, chapter 6 recommendations; HISD structure
 * adjustments: "increase the minimum, midpoint, and/or maximum of any or all of the pay
 * grades"): from a Proposed Plans table, an across-the-board adjustment (--adjust) or a market
 * target (--market-target), compared grade by grade with the current plans. The proposed plans
 * go through the same schedule audit as the current ones. Where each current grade goes — the
 * same plan and grade, or the one a Grade Map names — is decided here, for the comparison and
 * the implementation cost alike.
 */
import { truncate } from "../../cells";
import { invalid } from "../../errors";
import type { ExhibitBody, ExhibitRow } from "../../exhibit";
import { percentileInc } from "../../market";
import { scaledPay } from "../../costing";
import type { Study } from "../context";
import { family, type Missing } from "../definition";
import { GRADE_FIELD, PLAN_FIELD, type FieldSpec } from "../headers";
import { input, readRecords, type InputTable } from "../inputs";
import { option } from "../options";
import { GradeIndex, PLAN_FIELDS, auditSchedules, gradeMidpoint, hasUsableRange, parsePayPlans } from "../plans";
import type { PayGrade, PayPlan, PayPlans } from "../types";
import { col, gradeMoney } from "./helpers";
import { MARKET_INPUT, marketAnalysis, percentText } from "./market";
import { COMPARISON_REPORT } from "../report/market";

export const PROPOSED_INPUT = input<PayPlans>({
  id: "proposed",
  label: "Proposed Plans",
  sheets: ["Proposed Plans", "Proposed Pay Plans", "Proposed Structure"],
  description:
    "the proposed pay plans, laid out like the pay plans: one row per grade, Plan, Grade, Step 1 … Step N, or Minimum, (Midpoint,) Maximum",
  fields: PLAN_FIELDS,
  otherColumns: "Step 1 … Step N (a grade's row ends at its last filled step)",
  parse: (table) => parsePayPlans(table.rows),
});

type GradeMapField = "plan" | "grade" | "proposedPlan" | "proposedGrade";

export const GRADE_MAP_FIELDS: readonly FieldSpec<GradeMapField>[] = [
  PLAN_FIELD,
  GRADE_FIELD,
  {
    field: "proposedPlan",
    label: "Proposed Plan",
    synonyms: ["proposed plan", "new plan", "to plan"],
    required: false,
  },
  {
    field: "proposedGrade",
    label: "Proposed Grade",
    synonyms: ["proposed grade", "new grade", "to grade"],
    required: true,
  },
];

/** One row of the Grade Map: a current grade and the proposed grade its employees move to. */
export type GradeMapEntry = { row: number; plan: string; grade: string; proposedPlan: string; proposedGrade: string };
export type GradeMap = { entries: GradeMapEntry[]; problems: string[] };

/** Reads the Grade Map: one entry per usable row; blank rows' reasons kept. */
export function parseGradeMap(table: InputTable): GradeMap {
  const { records } = readRecords(table, GRADE_MAP_FIELDS);
  const entries: GradeMapEntry[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const text = (field: GradeMapField): string => String(record.get(field) ?? "").trim();
    if (text("grade") === "" || text("proposedGrade") === "") {
      problems.push(`row ${record.row}: ${text("grade") === "" ? "Grade" : "Proposed Grade"} is blank`);
      continue;
    }
    entries.push({
      row: record.row,
      plan: text("plan"),
      grade: text("grade"),
      proposedPlan: text("proposedPlan"),
      proposedGrade: text("proposedGrade"),
    });
  }
  return { entries, problems };
}

export const GRADE_MAP_INPUT = input<GradeMap>({
  id: "grade-map",
  label: "Grade Map",
  sheets: ["Grade Map", "Grade Mapping", "Crosswalk"],
  description:
    "where each current grade goes in the proposed plans: Plan, Grade, Proposed Plan, Proposed Grade (grades not listed move to the same plan and grade)",
  fields: GRADE_MAP_FIELDS,
  parse: parseGradeMap,
});

export const ADJUST = option({
  name: "adjust",
  kind: "percent",
  label: "Structure adjustment",
  description:
    "a proposed structure from an across-the-board adjustment: every step (or minimum, midpoint and maximum) × (1 + this), rounded to the grade's precision — e.g. 3%",
  min: -0.5,
  max: 1,
  placeholder: "percent",
});

export const MARKET_TARGET = option({
  name: "market-target",
  kind: "percent",
  label: "Market target",
  description:
    "a proposed structure from the market: each grade with a benchmark of sufficient data × (target × market midpoint ÷ current midpoint), the plan's other grades × the plan's median factor, plans without a benchmark unchanged — e.g. 100% (needs the Market table)",
  // At least half the market: "1" reads as 1 % (a percentage typed as Excel reads it), which is never a target.
  min: 0.5,
  max: 3,
  placeholder: "percent",
});

/** The proposed structure of a study, wherever it came from. */
export type ProposedStructure = {
  plans: PayPlans;
  index: GradeIndex;
  /** Where it came from, in words, for descriptions ("every step × 1.03 (a 3 % structure adjustment)"). */
  origin: string;
};

/** Why no proposed structure can be made from what was given (undefined when one can). */
export function structureUnavailable(study: Study): Missing | undefined {
  const table = study.has(PROPOSED_INPUT);
  const adjust = study.options.given(ADJUST);
  const target = study.options.given(MARKET_TARGET);
  if (!table && !adjust && !target)
    return {
      text: `no proposed structure (a '${PROPOSED_INPUT.sheets[0]}' sheet or --${PROPOSED_INPUT.id} FILE, --${ADJUST.name} 3%, or --${MARKET_TARGET.name} 100%)`,
      what: "a proposed structure",
      supplies: [
        { option: ADJUST, example: "3%" },
        { input: PROPOSED_INPUT },
        ...(study.has(MARKET_INPUT) ? [{ option: MARKET_TARGET, example: "100%" }] : []),
      ],
    };
  if (target && !table && !adjust && !study.has(MARKET_INPUT))
    return {
      text: `--${MARKET_TARGET.name} needs the Market table (sheet '${MARKET_INPUT.sheets[0]}' or --${MARKET_INPUT.id} FILE)`,
      what: `the ${MARKET_INPUT.label} table, for the ${MARKET_TARGET.label.toLowerCase()}`,
      supplies: [{ input: MARKET_INPUT }, { option: ADJUST, example: "3%" }, { input: PROPOSED_INPUT }],
    };
  return undefined;
}

/**
 * A grade scaled by a factor (HISD structure adjustment): every step, or its minimum, midpoint
 * and maximum, × factor, rounded to the grade's precision — cents where the grade shows cents
 * (hourly and daily grades, and grades whose pay carries cents), whole dollars otherwise.
 */
export function scaleGrade(grade: PayGrade, factor: number): PayGrade {
  const scale = (value: number): number => scaledPay(value, factor, 0, grade.cents);
  const steps = grade.steps.map((step) => (step === null ? null : scale(step)));
  const numeric = steps.filter((step): step is number => step !== null);
  const scaled: PayGrade = { ...grade, steps };
  if (grade.kind === "steps") {
    scaled.min = numeric.length > 0 ? numeric[0] : undefined;
    scaled.max = numeric.length > 0 ? numeric[numeric.length - 1] : undefined;
  } else {
    scaled.min = grade.min === undefined ? undefined : scale(grade.min);
    scaled.max = grade.max === undefined ? undefined : scale(grade.max);
    scaled.mid = grade.mid === undefined ? undefined : scale(grade.mid);
  }
  return scaled;
}

/** How scaled figures are rounded, in words (scaleGrade's rule). */
const ROUNDING = "rounded to the cent for grades shown with cents and to the dollar otherwise";

function scaledPlans(current: PayPlans, factorOf: (grade: PayGrade, plan: PayPlan) => number): PayPlans {
  const plans = current.plans.map((plan) => ({
    ...plan,
    grades: plan.grades.map((grade) => {
      const factor = factorOf(grade, plan);
      return factor === 1 ? grade : scaleGrade(grade, factor);
    }),
  }));
  return { plans, findings: auditSchedules(plans), headerRow: current.headerRow, notes: [], columns: current.columns };
}

/** The proposed structure: the Proposed Plans table, else --adjust, else --market-target (memoised). */
export function proposedStructure(study: Study): ProposedStructure {
  return study.memo("structure/proposed", () => {
    const reason = structureUnavailable(study);
    if (reason !== undefined) invalid(`No proposed structure: ${reason.text}`);
    const given = [
      study.has(PROPOSED_INPUT) ? `the ${PROPOSED_INPUT.label} table` : "",
      study.options.given(ADJUST) ? `a ${ADJUST.label.toLowerCase()}` : "",
      study.options.given(MARKET_TARGET) ? `a ${MARKET_TARGET.label.toLowerCase()}` : "",
    ].filter((what) => what !== "");
    if (given.length > 1) invalid(`Give one proposed structure, not ${given.join(" and ")}`);
    let plans: PayPlans;
    let origin: string;
    if (study.has(PROPOSED_INPUT)) {
      plans = study.require(PROPOSED_INPUT);
      origin = `the ${PROPOSED_INPUT.label} table (${study.source(PROPOSED_INPUT)})`;
    } else if (study.options.given(ADJUST)) {
      const adjust = study.options.get(ADJUST) as number;
      plans = scaledPlans(study.plans, () => 1 + adjust);
      origin = `every step × ${Number((1 + adjust).toPrecision(12))} (a ${percentText(adjust)} ${ADJUST.label.toLowerCase()}), ${ROUNDING}`;
    } else {
      ({ plans, origin } = marketTargetPlans(study, study.options.get(MARKET_TARGET) as number));
    }
    return { plans, index: new GradeIndex(plans.plans), origin };
  });
}

/** --market-target: each benchmarked grade moved to target × its market midpoint; the plan's others by its median factor. */
function marketTargetPlans(study: Study, target: number): { plans: PayPlans; origin: string } {
  const byGrade = new Map<PayGrade, number[]>();
  for (const benchmark of marketAnalysis(study).benchmarks) {
    if (!benchmark.sufficient) continue;
    byGrade.set(benchmark.grade, [...(byGrade.get(benchmark.grade) ?? []), benchmark.market[1]]);
  }
  const factors = new Map<PayGrade, number>();
  for (const [grade, mids] of byGrade) {
    const marketMid = mids.reduce((a, b) => a + b, 0) / mids.length;
    factors.set(grade, (target * marketMid) / (gradeMidpoint(grade) as number));
  }
  const planFactors = new Map<PayPlan, number>();
  for (const plan of study.plans.plans) {
    const own = plan.grades.flatMap((grade) => (factors.has(grade) ? [factors.get(grade) as number] : []));
    if (own.length > 0) planFactors.set(plan, percentileInc(own, 0.5));
  }
  let others = 0;
  const plans = scaledPlans(study.plans, (grade, plan) => {
    const own = factors.get(grade);
    if (own !== undefined) return own;
    const median = planFactors.get(plan);
    if (median === undefined || !hasUsableRange(grade)) return 1;
    others++;
    return median;
  });
  const unchanged = study.plans.plans.length - planFactors.size;
  const origin = `each grade with a benchmark of sufficient data × (${percentText(target)} × market midpoint ÷ current midpoint) (${factors.size} ${factors.size === 1 ? "grade" : "grades"}); the other grades of those plans × the plan's median factor (${others}); ${unchanged} ${unchanged === 1 ? "plan" : "plans"} without a benchmark unchanged (a ${MARKET_TARGET.label.toLowerCase()} of ${percentText(target)}); ${ROUNDING}`;
  return { plans, origin };
}

/** Where a current grade goes: its proposed grade and plan, or why there is none. */
export type GradeTarget = { grade: PayGrade; plan: PayPlan; via: "same" | "grade map" } | { reason: string };

/** A proposed grade by plan and grade spelling; a blank plan tries `fallbackPlan`, then the grade alone. */
export function findProposed(
  structure: ProposedStructure,
  plan: string,
  grade: string,
  fallbackPlan: string,
): PayGrade | string {
  if (plan !== "") return structure.index.find(plan, grade);
  const inFallback = structure.index.find(fallbackPlan, grade);
  return typeof inFallback === "string" ? structure.index.find("", grade) : inFallback;
}

/** Every current grade's target in the proposed structure: the Grade Map's, else the same plan and grade (memoised). */
export function gradeTargets(study: Study): { targets: Map<PayGrade, GradeTarget>; notes: string[] } {
  return study.memo("structure/targets", () => {
    const structure = proposedStructure(study);
    const current = study.placement.index;
    const map = study.input(GRADE_MAP_INPUT);
    const notes: string[] = [];
    const mapped = new Map<PayGrade, GradeMapEntry>();
    const problems = [...(map?.problems ?? [])];
    for (const entry of map?.entries ?? []) {
      const found = current.find(entry.plan, entry.grade);
      if (typeof found === "string") problems.push(`row ${entry.row}: ${found}`);
      else if (mapped.has(found))
        problems.push(
          `row ${entry.row}: grade '${truncate(entry.grade)}' is mapped twice; row ${mapped.get(found)?.row} is used`,
        );
      else mapped.set(found, entry);
    }
    if (problems.length > 0) notes.push(`Grade Map: rows not used — ${problems.join("; ")}.`);
    const targets = new Map<PayGrade, GradeTarget>();
    for (const plan of study.plans.plans) {
      for (const grade of plan.grades) {
        const entry = mapped.get(grade);
        const found = entry
          ? findProposed(structure, entry.proposedPlan, entry.proposedGrade, plan.name)
          : structure.index.find(plan.name, grade.grade);
        if (typeof found !== "string") {
          targets.set(grade, { grade: found, plan: structure.index.planOf(found), via: entry ? "grade map" : "same" });
        } else {
          targets.set(grade, {
            reason: entry
              ? `Grade Map row ${entry.row}: ${found.replace(/the pay plans/, "the proposed plans")}`
              : `no proposed grade for grade '${truncate(grade.grade)}' of plan '${truncate(plan.name)}' (not in the proposed plans, and no Grade Map row for it)`,
          });
        }
      }
    }
    return { targets, notes };
  });
}

const change = (from: number | undefined, to: number | undefined): number | null =>
  from === undefined || to === undefined || from === 0 ? null : (to - from) / from;
const spread = (grade: PayGrade): number | null => (hasUsableRange(grade) ? (grade.max - grade.min) / grade.min : null);
const meanOf = (values: readonly (number | null)[]): number | null => {
  const numbers = values.filter((value): value is number => value !== null);
  return numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0) / numbers.length;
};

function comparisonValues(plan: string, current: PayGrade | undefined, proposed: PayGrade | undefined) {
  const mid = (grade: PayGrade | undefined): number | undefined =>
    grade && hasUsableRange(grade) ? gradeMidpoint(grade) : undefined;
  return [
    plan,
    (current ?? proposed)?.grade ?? null,
    current?.min ?? null,
    proposed?.min ?? null,
    change(current?.min, proposed?.min),
    mid(current) ?? null,
    mid(proposed) ?? null,
    change(mid(current), mid(proposed)),
    current?.max ?? null,
    proposed?.max ?? null,
    change(current?.max, proposed?.max),
    current ? spread(current) : null,
    proposed ? spread(proposed) : null,
  ];
}

/** Averages of the change and spread columns (indices 4, 7, 10, 11, 12) over detail rows. */
function averageRow(plan: string, details: readonly ExhibitRow[], kind: ExhibitRow["kind"]): ExhibitRow {
  const at = (i: number): number | null => meanOf(details.map((row) => row.values[i] as number | null));
  return {
    values: [plan, "Average", null, null, at(4), null, null, at(7), null, null, at(10), at(11), at(12)],
    kind,
  };
}

function payPlanComparison(study: Study): ExhibitBody {
  const structure = proposedStructure(study);
  const { targets, notes: targetNotes } = gradeTargets(study);
  const rows: ExhibitRow[] = [];
  const all: ExhibitRow[] = [];
  const reached = new Set<PayGrade>();
  const renamed: string[] = [];
  const missing: string[] = [];
  for (const plan of study.plans.plans) {
    const details: ExhibitRow[] = [];
    for (const grade of plan.grades) {
      const target = targets.get(grade) as GradeTarget;
      const proposed = "grade" in target ? target.grade : undefined;
      if ("grade" in target && proposed) {
        reached.add(proposed);
        if (target.via === "grade map")
          renamed.push(`${plan.name} ${grade.grade} → ${structure.index.planOf(proposed).name} ${proposed.grade}`);
      } else missing.push(`${plan.name} ${grade.grade}`);
      details.push({
        values: comparisonValues(plan.name, grade, proposed),
        kind: "detail",
        ...gradeMoney({ unit: grade.unit, cents: grade.cents || (proposed?.cents ?? false) }),
      });
    }
    rows.push(...details, averageRow(plan.name, details, "total"));
    all.push(...details);
  }
  const added: ExhibitRow[] = structure.plans.plans.flatMap((plan) =>
    plan.grades
      .filter((grade) => !reached.has(grade))
      .map((grade): ExhibitRow => ({
        values: comparisonValues(plan.name, undefined, grade),
        kind: "detail",
        ...gradeMoney(grade),
      })),
  );
  rows.push(...added, averageRow("All", all, "grand-total"));

  const notes = [...targetNotes];
  if (renamed.length > 0) notes.push(`Compared through the Grade Map: ${renamed.join(", ")}.`);
  if (missing.length > 0) notes.push(`No proposed grade (proposed columns blank): ${missing.join(", ")}.`);
  if (added.length > 0)
    notes.push(
      `New grades of the proposed plans, with no current grade moving to them (current columns blank): ${added.length}.`,
    );
  const findings = structure.plans.findings;
  const errors = findings.filter((f) => f.severity === "error").length;
  notes.push(
    findings.length === 0
      ? "Schedule audit of the proposed plans: no errors or warnings."
      : `Schedule audit of the proposed plans: ${errors} ${errors === 1 ? "error" : "errors"}, ${findings.length - errors} ${findings.length - errors === 1 ? "warning" : "warnings"} — ${findings
          .slice(0, 50)
          .map(
            (f) =>
              `${f.severity === "error" ? "Error" : "Warning"}, ${[f.plan, f.grade].filter(Boolean).join(" ")}${f.step === null ? "" : ` step ${f.step}`}: ${f.message}`,
          )
          .join("; ")}${findings.length > 50 ? `; and ${findings.length - 50} more` : ""}.`,
  );
  if (errors > 0)
    study.note(
      `proposed plans: ${errors} schedule audit ${errors === 1 ? "error" : "errors"} (see Pay Plan Comparison)`,
    );
  return {
    columns: [
      col("Plan", "text"),
      col("Grade", "text"),
      col("Minimum", "money"),
      col("Proposed Minimum", "money"),
      col("Minimum Change", "percent"),
      col("Midpoint", "money"),
      col("Proposed Midpoint", "money"),
      col("Midpoint Change", "percent"),
      col("Maximum", "money"),
      col("Proposed Maximum", "money"),
      col("Maximum Change", "percent"),
      col("Range Spread", "percent"),
      col("Proposed Range Spread", "percent"),
    ],
    rows,
    description: `Proposed structure: ${structure.origin}. Each current grade is compared with the proposed grade its employees move to (the same plan and grade, or the Grade Map's); changes are fractions of the current value.`,
    notes,
  };
}

export const STRUCTURE = family({
  id: "structure",
  title: "Proposed structure",
  description:
    "A new pay structure — from a Proposed Plans table, an across-the-board adjustment or a market target — compared grade by grade with the current plans, with the schedule audit run on it.",
  inputs: [PROPOSED_INPUT, GRADE_MAP_INPUT],
  options: [ADJUST, MARKET_TARGET],
  exhibits: [
    {
      id: "pay-plan-comparison",
      number: "6-1",
      title: "Pay Plan Comparison",
      summary:
        "each grade's current and proposed minimum, midpoint and maximum with the changes, and the range spreads, plan by plan",
      unavailable: structureUnavailable,
      build: payPlanComparison,
      report: COMPARISON_REPORT,
    },
  ],
});
