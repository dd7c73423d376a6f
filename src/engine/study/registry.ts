/**
 * The exhibit registry: every family of analyses, in the order a study report reads. The CLI's
 * flags, the task pane's cards and COMP.EXHIBIT's ids and options are all read from here.
 */
import { CORE_OPTIONS, PLANS_INPUT, ROSTER_INPUT } from "./core";
import type { ExhibitDefinition, Family } from "./definition";
import { PERSONNEL_ACTIONS } from "./families/actions";
import { CURRENT_CONDITIONS } from "./families/current";
import { MARKET } from "./families/market";
import { LABOR_COST } from "./families/labor-cost";
import { STRUCTURE } from "./families/structure";
import { SUPPLEMENTAL } from "./families/supplemental";
import { IMPLEMENTATION_COST } from "./families/cost";
import { COSTING } from "./families/costing";
import { PAY_EQUITY } from "./families/equity";
import { WORKFORCE } from "./families/workforce";
import type { InputSpec } from "./inputs";
import type { OptionSpec } from "./options";

/** The families, in report order. */
export const FAMILIES = [
  CURRENT_CONDITIONS,
  PERSONNEL_ACTIONS,
  MARKET,
  LABOR_COST,
  STRUCTURE,
  IMPLEMENTATION_COST,
  COSTING,
  WORKFORCE,
  PAY_EQUITY,
  SUPPLEMENTAL,
] as const;

/** Every exhibit id of the registry: a public contract. */
export type ExhibitId = (typeof FAMILIES)[number]["exhibits"][number]["id"];

export type RegisteredExhibit = ExhibitDefinition<ExhibitId> & { readonly family: Family };

/** Every exhibit, in report order, with its family. */
export const EXHIBITS: readonly RegisteredExhibit[] = FAMILIES.flatMap((f: Family) =>
  f.exhibits.map((definition) => ({ ...definition, family: f }) as RegisteredExhibit),
);

export const EXHIBIT_IDS: readonly ExhibitId[] = EXHIBITS.map((exhibit) => exhibit.id);

const byId = new Map<string, RegisteredExhibit>(EXHIBITS.map((exhibit) => [exhibit.id, exhibit]));

/** The registered exhibit with this id, if any. */
export function exhibitById(id: string): RegisteredExhibit | undefined {
  return byId.get(id);
}

function unique<T extends { readonly id?: string; readonly name?: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.id ?? item.name ?? "";
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every input table, the pay plans and roster first. */
export const INPUTS: readonly InputSpec[] = unique([
  PLANS_INPUT,
  ROSTER_INPUT,
  ...FAMILIES.flatMap((f: Family) => [...(f.inputs ?? []), ...f.exhibits.flatMap((e) => e.needs ?? [])]),
]);

/** Every option, the shared ones first. */
export const OPTIONS: readonly OptionSpec[] = unique([
  ...CORE_OPTIONS,
  ...FAMILIES.flatMap((f: Family) => f.options ?? []),
]);
