/**
 * Every count of people the workforce and pay-equity exhibits show, counted once, with which of
 * them are hidden (small-cell suppression, suppression.ts). The exhibits show overlapping
 * numbers — the composition's All row is the pay-equity Employees column; the retention
 * exhibit's headcounts, the hires and the separation reasons add up to each other — so their
 * cells are suppressed together: a cell hidden in one exhibit cannot be worked out from
 * another. The parts a roster cannot feed (no Hire Date column …) are left out.
 */
import { normalizeKey } from "../../cells";
import { COMPLEMENT_TEXT, type ExhibitBody, type ExhibitRow } from "../../exhibit";
import type { Study } from "../context";
import { MIN_CELL, SUPPRESS } from "../core";
import type { PlacedEmployee } from "../placement";
import { CellBook, suppressionText, type SuppressionResult } from "../suppression";
import type { PayGrade } from "../types";
import { DAYS_PER_YEAR } from "./helpers";
import { annualRate, BLANK_GROUP, groupings, periodOf, type Grouping, type Period } from "./people";

export const FLOW_KINDS = ["start", "hires", "separations", "end", "stayers", "leavers"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];
const KINDS = FLOW_KINDS.length;

/** One cell per flow count of a row: employed at the start, hired, separated, employed at the end, … */
export type FlowCells = Readonly<Record<FlowKind, number>>;

/**
 * What one placed employee contributes to the flow counts of a period, one bit per kind (in
 * FLOW_KINDS order): employed when the period opens (hired before its first day, not separated
 * before it), hired in it, separated in it, employed when it closes (hired by its last day, not
 * separated on or before it — the placement step's rule for the as-of date); stayers and
 * leavers split those employed at the start. Headcount at end = start + hires − separations.
 */
export function flowBits(employee: Pick<PlacedEmployee, "hireDay" | "separationDay">, period: Period): number {
  const hire = employee.hireDay ?? -Infinity;
  const separation = employee.separationDay;
  const start = hire < period.startDay && (separation === null || separation >= period.startDay);
  const end = hire <= period.endDay && (separation === null || separation > period.endDay);
  const hired = hire >= period.startDay && hire <= period.endDay;
  const separated = separation !== null && separation >= period.startDay && separation <= period.endDay;
  return (
    (start ? 1 : 0) |
    (hired ? 2 : 0) |
    (separated ? 4 : 0) |
    (end ? 8 : 0) |
    (start && end ? 16 : 0) |
    (start && !end ? 32 : 0)
  );
}

export type CompositionPart = {
  readonly grouping: Grouping;
  /** "All", then each job family by name. */
  readonly families: readonly { name: string; employees: number }[];
  /** Per family: the groups listed (ids) and their cells, in the grouping's order. */
  readonly cells: readonly (readonly { group: number; cell: number }[])[];
};

export type FlowPart = {
  readonly period: Period;
  readonly all: FlowCells;
  readonly dimensions: readonly { grouping: Grouping; rows: readonly { group: number; cells: FlowCells }[] }[];
};

export type ReasonsPart = {
  /** Most separations first, then by name. */
  readonly reasons: readonly { name: string; cell: number }[];
  readonly total: number;
};

/** The pay-equity population: active employees whose full-time annual pay is known. */
export type EquityPopulation = {
  /** Indices into placement.employees. */
  readonly rows: Int32Array;
  readonly pay: Float64Array;
  /** Each row's plan-and-grade: an index into `grades` (in pay-plan order). */
  readonly level: Int32Array;
  /** Each row's tenure in years at the as-of date (days ÷ 365.25); NaN without a hire date. */
  readonly tenure: Float64Array;
  readonly grades: readonly PayGrade[];
  /** Active employees whose pay cannot be annualised (a daily grade without contract days): indices into placement.employees. */
  readonly unknownPay: readonly number[];
};

export type EquityPart = {
  readonly grouping: Grouping;
  /** Non-blank groups with employees in the population, and their Employees cell. */
  readonly groups: readonly { group: number; cell: number }[];
  /** Per grade with employees (index into population.grades): a cell per listed group. */
  readonly grades: readonly { grade: number; cells: readonly number[] }[];
};

export type WorkforceCells = {
  readonly book: CellBook;
  readonly result: SuppressionResult;
  readonly minimum: number;
  readonly composition: readonly CompositionPart[];
  readonly flow?: FlowPart;
  readonly reasons?: ReasonsPart;
  readonly population: EquityPopulation;
  readonly equity: readonly EquityPart[];
  /** The count of a cell. */
  count(cell: number): number;
  /** True when the cell is hidden (small, or hidden so a total does not give a small one away). */
  hidden(cell: number): boolean;
  /** True when the cell counts fewer than the minimum. */
  small(cell: number): boolean;
};

/** The job family an employee is counted in (as the job-families exhibit groups them). */
function familyName(employee: PlacedEmployee): string {
  return employee.jobFamily === "" ? BLANK_GROUP : employee.jobFamily;
}

/** The active employees' pay population for the equity exhibits (memoised). */
export function equityPopulation(study: Study): EquityPopulation {
  return study.memo("counts/equity-population", () => {
    const { employees, index: gradeIndex } = study.placement;
    const grades: PayGrade[] = [];
    const rows = new Int32Array(employees.length);
    const pay = new Float64Array(employees.length);
    const rawLevel = new Int32Array(employees.length);
    const tenure = new Float64Array(employees.length);
    const unknownPay: number[] = [];
    let n = 0;
    // Rosters come sorted by grade more often than not: the last grade's level is kept.
    let lastGrade: PayGrade | undefined;
    let lastLevel = 0;
    employees.forEach((employee, index) => {
      if (employee.separated) return;
      const annual = annualRate(employee);
      if (annual === undefined) {
        unknownPay.push(index);
        return;
      }
      if (employee.payGrade !== lastGrade) {
        lastGrade = employee.payGrade;
        lastLevel = gradeIndex.orderOf(lastGrade);
      }
      rows[n] = index;
      pay[n] = annual;
      rawLevel[n] = lastLevel;
      tenure[n] = employee.hireDay === null ? NaN : (study.asOfDay - employee.hireDay) / DAYS_PER_YEAR;
      n++;
    });
    // Levels in pay-plan order, only grades with employees.
    const all = gradeIndex.grades;
    const compact = new Int32Array(all.length).fill(-1);
    for (let r = 0; r < n; r++) compact[rawLevel[r]] = 0;
    compact.forEach((mark, raw) => {
      if (mark < 0) return;
      compact[raw] = grades.length;
      grades.push(all[raw]);
    });
    const level = rawLevel.subarray(0, n);
    for (let r = 0; r < n; r++) level[r] = compact[level[r]];
    return {
      rows: rows.subarray(0, n),
      pay: pay.subarray(0, n),
      level,
      tenure: tenure.subarray(0, n),
      grades,
      unknownPay,
    };
  });
}

/** Active employees per family (row 0: all of them) and group: counts[row][group]. */
function countByFamily(
  familyOf: Int32Array,
  position: Int32Array,
  groupOf: Int32Array,
  rows: number,
  groupCount: number,
): number[][] {
  const flat = new Int32Array(rows * groupCount);
  for (let index = 0; index < familyOf.length; index++) {
    const family = familyOf[index];
    if (family < 0) continue;
    const g = groupOf[index];
    flat[g]++;
    flat[position[family] * groupCount + g]++;
  }
  return Array.from({ length: rows }, (_, row) => Array.from(flat.subarray(row * groupCount, (row + 1) * groupCount)));
}

/** Flow counts per group and kind, flat: [group × kind] (groupOf undefined: one group, everyone). */
function tally(flows: Uint8Array, groupOf: Int32Array | undefined, groups: number): Int32Array {
  const counts = new Int32Array(groups * KINDS);
  for (let index = 0; index < flows.length; index++) {
    const bits = flows[index];
    if (bits === 0) continue;
    const base = groupOf === undefined ? 0 : groupOf[index] * KINDS;
    for (let k = 0; k < KINDS; k++) counts[base + k] += (bits >> k) & 1;
  }
  return counts;
}

/** The equity population's employees per group, and per grade and group (flat: [grade × group]). */
function countEquity(
  population: EquityPopulation,
  groupOf: Int32Array,
  groupCount: number,
): { counts: number[]; byGradeFlat: Int32Array } {
  const counts = new Int32Array(groupCount);
  const byGradeFlat = new Int32Array(population.grades.length * groupCount);
  const { rows, level } = population;
  for (let r = 0; r < rows.length; r++) {
    const g = groupOf[rows[r]];
    counts[g]++;
    byGradeFlat[level[r] * groupCount + g]++;
  }
  return { counts: Array.from(counts), byGradeFlat };
}

/** Separations in the period by reason as people mean it (the first spelling shown). */
function countReasons(
  employees: readonly PlacedEmployee[],
  period: Period,
): { byKey: Map<string, { name: string; count: number }>; separated: number } {
  const byKey = new Map<string, { name: string; count: number }>();
  let separated = 0;
  for (const employee of employees) {
    const day = employee.separationDay;
    if (day === null || day < period.startDay || day > period.endDay) continue;
    separated++;
    const name = employee.separationReason === "" ? BLANK_GROUP : employee.separationReason;
    const key = employee.separationReason === "" ? "" : normalizeKey(name);
    const entry = byKey.get(key) ?? { name, count: 0 };
    entry.count++;
    byKey.set(key, entry);
  }
  return { byKey, separated };
}

/** Every count of the workforce and equity exhibits, and which are hidden (memoised). */
export function workforceCells(study: Study): WorkforceCells {
  return study.memo("counts/cells", () => {
    const minimum = study.options.value(MIN_CELL);
    const book = new CellBook();
    const employees = study.placement.employees;
    const dims = groupings(study);

    // Composition: active employees by family × group; the All family first.
    const familyKey = new Map<string, number>();
    const familyBySpelling = new Map<string, number>();
    const familyNames: string[] = [];
    const familyOf = new Int32Array(employees.length).fill(-1);
    employees.forEach((employee, index) => {
      if (employee.separated) return;
      let id = familyBySpelling.get(employee.jobFamily);
      if (id === undefined) {
        const name = familyName(employee);
        const key = name === BLANK_GROUP ? "" : normalizeKey(name);
        id = familyKey.get(key);
        if (id === undefined) {
          id = familyNames.length;
          familyKey.set(key, id);
          familyNames.push(name);
        }
        familyBySpelling.set(employee.jobFamily, id);
      }
      familyOf[index] = id;
    });
    const familyOrder = familyNames.map((_, id) => id).sort((a, b) => (familyNames[a] < familyNames[b] ? -1 : 1));
    const composition: CompositionPart[] = dims.map((grouping) => {
      const groupCount = grouping.groups.length;
      // counts[f][g] with f = 0 for All, f = position + 1 for the family at that position of familyOrder.
      const position = new Int32Array(familyNames.length);
      familyOrder.forEach((id, at) => (position[id] = at + 1));
      const counts = countByFamily(familyOf, position, grouping.of, familyNames.length + 1, groupCount);
      const present = grouping.groups.filter((group) => counts[0][group.id] > 0).map((group) => group.id);
      const referenced = grouping.groups
        .filter((group) => counts[0][group.id] === 0 && grouping.reference[group.id] !== undefined)
        .map((group) => group.id);
      const cells = counts.map((row, f) =>
        (f === 0 ? [...present, ...referenced] : present).map((group) => ({
          group,
          // A group nobody active belongs to is zero everywhere: known, never a complement.
          cell: book.add(row[group], { fixed: counts[0][group] === 0 }),
        })),
      );
      for (const row of cells) book.sum(row.map((entry) => entry.cell));
      for (const group of present)
        book.sum(
          cells.slice(1).map((row) => (row.find((entry) => entry.group === group) as { cell: number }).cell),
          (cells[0].find((entry) => entry.group === group) as { cell: number }).cell,
        );
      return {
        grouping,
        families: [
          { name: "All", employees: counts[0].reduce((a, b) => a + b, 0) },
          ...familyOrder.map((id, at) => ({
            name: familyNames[id],
            employees: counts[at + 1].reduce((a, b) => a + b, 0),
          })),
        ],
        cells,
      };
    });

    // Flows over the period: needs hire dates.
    const roster = study.roster.mapping;
    let flow: FlowPart | undefined;
    let separationsTotal: number | undefined;
    const addFlowRow = (counts: Record<FlowKind, number>): FlowCells => {
      const cells = Object.fromEntries(FLOW_KINDS.map((kind) => [kind, book.add(counts[kind])])) as Record<
        FlowKind,
        number
      >;
      book.line([
        [cells.start, 1],
        [cells.hires, 1],
        [cells.separations, -1],
        [cells.end, -1],
      ]);
      book.line([
        [cells.start, 1],
        [cells.stayers, -1],
        [cells.leavers, -1],
      ]);
      return cells;
    };
    if (roster.hireDate !== undefined) {
      const period = periodOf(study);
      const flows = new Uint8Array(employees.length);
      employees.forEach((employee, index) => (flows[index] = flowBits(employee, period)));
      // Counts per group and kind, flat: [group × kind].
      const record = (counts: Int32Array, g: number): Record<FlowKind, number> =>
        Object.fromEntries(FLOW_KINDS.map((kind, k) => [kind, counts[g * KINDS + k]])) as Record<FlowKind, number>;
      const all = addFlowRow(record(tally(flows, undefined, 1), 0));
      separationsTotal = all.separations;
      const byDimension = dims.map((grouping) => {
        const counts = tally(flows, grouping.of, grouping.groups.length);
        // A group is listed when anyone of it was employed in the period (start, hired, left or at the end).
        const involved = (g: number) => [0, 1, 2, 3].some((k) => counts[g * KINDS + k] > 0);
        const rows = grouping.groups
          .filter((group) => involved(group.id))
          .map((group) => ({ group: group.id, cells: addFlowRow(record(counts, group.id)) }));
        for (const kind of FLOW_KINDS)
          book.sum(
            rows.map((row) => row.cells[kind]),
            all[kind],
          );
        return { grouping, rows };
      });
      flow = { period, all, dimensions: byDimension };
      // Closing at the as-of date, the headcount at the end is the composition's All row.
      if (period.endDay === study.asOfDay)
        byDimension.forEach(({ rows }, d) => {
          for (const row of rows) {
            const active = composition[d].cells[0].find((entry) => entry.group === row.group);
            if (active !== undefined)
              book.line([
                [row.cells.end, 1],
                [active.cell, -1],
              ]);
          }
        });
    }

    // Separation reasons over the period.
    let reasons: ReasonsPart | undefined;
    if (roster.separationDate !== undefined && roster.separationReason !== undefined) {
      const period = periodOf(study);
      const { byKey, separated } = countReasons(employees, period);
      const total = separationsTotal ?? book.add(separated);
      const list = [...byKey.values()]
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((entry) => ({ name: entry.name, cell: book.add(entry.count) }));
      book.sum(
        list.map((entry) => entry.cell),
        total,
      );
      reasons = { reasons: list, total };
    }

    // Pay equity: active employees with a known annual pay, by non-blank group, and by grade.
    const population = equityPopulation(study);
    const equity: EquityPart[] = dims.map((grouping, d) => {
      const groupCount = grouping.groups.length;
      const { counts, byGradeFlat } = countEquity(population, grouping.of, groupCount);
      const byGrade = population.grades.map((_, level) =>
        byGradeFlat.subarray(level * groupCount, (level + 1) * groupCount),
      );
      const unknown = new Array<number>(groupCount).fill(0);
      for (const index of population.unknownPay) unknown[grouping.of[index]]++;
      const listed = grouping.groups
        .filter((group) => group.key !== "" && counts[group.id] > 0)
        .map((group) => group.id);
      const groups = listed.map((group) => ({ group, cell: book.add(counts[group]) }));
      book.sum(groups.map((entry) => entry.cell));
      // The composition's All row counts the same people, with those whose pay is unknown.
      for (const { group, cell } of groups) {
        const active = composition[d].cells[0].find((entry) => entry.group === group);
        if (active === undefined) continue;
        const out = book.add(unknown[group], { fixed: true });
        book.line([
          [active.cell, 1],
          [cell, -1],
          [out, -1],
        ]);
      }
      const grades = byGrade.map((row, grade) => {
        const cells = listed.map((group) => book.add(row[group]));
        book.sum(cells);
        return { grade, cells };
      });
      listed.forEach((group, at) =>
        book.sum(
          grades.map((entry) => entry.cells[at]),
          groups[at].cell,
        ),
      );
      return { grouping, groups, grades };
    });

    const result = book.suppress(minimum);
    return {
      book,
      result,
      minimum,
      composition,
      flow,
      reasons,
      population,
      equity,
      count: (cell) => book.value(cell),
      hidden: (cell) => result.hidden[cell] === 1,
      small: (cell) => result.small[cell] === 1,
    };
  });
}

/**
 * A row whose columns are hidden where any count they are computed from is hidden; a column
 * hidden only through complementary suppression (none of its counts is small) is marked so,
 * since it must never claim "<5".
 */
export function rowWith(
  cells: WorkforceCells,
  row: Omit<ExhibitRow, "suppressed" | "complementary">,
  basis: readonly (readonly number[])[],
): ExhibitRow {
  const hidden = basis.flatMap((counts, column) => (counts.some((cell) => cells.hidden(cell)) ? [column] : []));
  if (hidden.length === 0) return row;
  const complementary = hidden.filter((column) => !basis[column].some((cell) => cells.small(cell)));
  return { ...row, suppressed: hidden, ...(complementary.length > 0 ? { complementary } : {}) };
}

/**
 * Finishes an exhibit of the small-group rule: the suppression text when a cell is hidden, the
 * rule in a note, and the summary's line when the run reveals them (--no-suppress).
 */
export function withSuppression(study: Study, body: ExhibitBody): ExhibitBody {
  const minimum = study.options.value(MIN_CELL);
  const text = suppressionText(minimum);
  const small = body.rows.some((row) => (row.suppressed ?? []).some((at) => !(row.complementary ?? []).includes(at)));
  const complement = body.rows.some((row) => (row.complementary ?? []).length > 0);
  const reveal = !study.options.value(SUPPRESS);
  if (reveal)
    study.note(
      `small groups shown (suppression turned off): workforce and equity cells describing fewer than ${minimum} people are shown in the JSON and .xlsx; the HTML report and the task pane still hide them`,
    );
  const notes = [...(body.notes ?? [])];
  if (small)
    notes.push(
      `${text}: a cell describing fewer than ${minimum} people, or a value computed from one (small-group suppression).`,
    );
  if (complement)
    notes.push(
      `${COMPLEMENT_TEXT}: a cell of ${minimum} or more people (or a value computed from one) hidden so that a smaller group cannot be worked out from a total (complementary suppression).`,
    );
  const unplaced = study.placement.unplaced.length;
  if (unplaced > 0)
    notes.push(
      `Counted: the placed roster. ${unplaced} roster ${unplaced === 1 ? "row" : "rows"} listed in Unmatched Employees ${unplaced === 1 ? "is" : "are"} in no workforce or equity exhibit.`,
    );
  return {
    ...body,
    notes: notes.length === 0 ? undefined : notes,
    ...(small || complement
      ? { suppression: { text, minimum, ...(complement ? { complementText: COMPLEMENT_TEXT } : {}) } }
      : {}),
  };
}
