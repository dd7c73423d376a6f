/**
 * What each exhibit needs now, in the pane's words: worked out from what is chosen this moment
 * (the tables read, the options typed, the as-of date), so a card never says "Needs …" of
 * something already given. Each need names what is missing in the user's words and what supplies
 * it — a field of the same page, a table to choose on Data, a column to map — never a CLI flag.
 */
import {
  CORE_OPTIONS,
  OPTIONS,
  PLANS_INPUT,
  ROSTER_INPUT,
  Study,
  inputsOf,
  plannedExhibits,
  type Family,
  type InputTable,
  type OptionSpec,
  type Supply,
} from "../engine/study";
import { REGISTRY, type Registry } from "./study";
import { article, list } from "./text";

/** Why an exhibit cannot be built now: what is missing, and what supplies it (any one; every one when `all`). */
export type Need = { what: string; supplies: readonly Supply[]; all?: boolean };

/** Each exhibit's need: undefined when it can be built from what is chosen now. */
export function availability(
  tables: Readonly<Record<string, InputTable>>,
  asOf: string,
  options: Record<string, string>,
  registry: Registry = REGISTRY,
): Record<string, Need | undefined> {
  const reasons: Record<string, Need | undefined> = {};
  for (const exhibit of registry.exhibits) {
    const missing = inputsOf(exhibit).filter((spec) => tables[spec.id] === undefined);
    reasons[exhibit.id] =
      missing.length > 0
        ? {
            what: list(missing.map((spec) => `the ${spec.label} table`)),
            supplies: missing.map((input) => ({ input })),
            all: true,
          }
        : undefined;
  }
  if (tables[PLANS_INPUT.id] && tables[ROSTER_INPUT.id]) {
    try {
      const study = new Study(asOf, tables, options, OPTIONS);
      for (const { exhibit, missing } of plannedExhibits(study, { tables }).skipped)
        reasons[exhibit.id] ??= { what: missing.what, supplies: missing.supplies };
    } catch {
      // The inputs' own checks say what is wrong.
    }
  }
  return reasons;
}

/** Where a supply is given, seen from a page that shows `here`'s options (a family page) or none. */
export function supplyWords(supply: Supply, here?: Family, registry: Registry = REGISTRY): string {
  if ("input" in supply) return `choose the ${supply.input.label} table on Data`;
  if ("column" in supply)
    return `map ${article(supply.column)} ${supply.column} column of the ${supply.of.label.toLowerCase()} on Data`;
  return `set the ${supply.option.label.toLowerCase()} ${optionPlace(supply.option, here, registry)} (e.g. ${supply.example})`;
}

/** Where an option's field is: under Options of this page, in the study settings, or on its analysis' page. */
function optionPlace(spec: OptionSpec, here: Family | undefined, registry: Registry): string {
  if (here?.options?.includes(spec)) return "under Options";
  if ((CORE_OPTIONS as readonly OptionSpec[]).includes(spec)) return "in Analyze's study settings";
  const owner = registry.families.find((family) => family.options?.includes(spec));
  return owner ? `on the ${owner.title} page` : "on Analyze";
}

/** A need in one sentence: "Needs a proposed structure: set …, or choose … on Data." */
export function needText(need: Need, here?: Family, registry: Registry = REGISTRY): string {
  const ways = need.supplies.map((supply) => supplyWords(supply, here, registry));
  if (ways.length === 0) return `Needs ${need.what}.`;
  if (need.all && need.supplies.every((supply) => "input" in supply))
    return `Needs ${need.what}: choose ${need.supplies.length === 1 ? "it" : "them"} on Data.`;
  return `Needs ${need.what}: ${ways.length <= 2 ? ways.join(", or ") : `${ways.slice(0, -1).join(", ")}, or ${ways[ways.length - 1]}`}.`;
}

/** The distinct needs among some exhibits' reasons (the same need once). */
export function distinctNeeds(reasons: readonly (Need | undefined)[]): Need[] {
  const seen = new Map<string, Need>();
  for (const need of reasons) if (need && !seen.has(need.what)) seen.set(need.what, need);
  return [...seen.values()];
}
