/**
 * The exhibit contract lives in the engine (src/engine/exhibit.ts): analyses produce it and
 * nothing in src/engine imports from outside it. Renderers import it from here or from there.
 */
export type * from "../../engine/exhibit";
export { shownValue, shownValues, showsCents } from "../../engine/exhibit";
export type { ExhibitId } from "../../engine/study/registry";
