/** The sample's extensions, one per analysis that needs more than the pay plans and roster. */
import { ACTIONS_SAMPLE } from "./actions";
import { COSTING_SAMPLE } from "./costing";
import { MARKET_SAMPLE } from "./market";
import { SUPPLEMENTAL_SAMPLE } from "./supplemental";
import type { SampleExtension } from "./types";
import { WORKFORCE_SAMPLE } from "./workforce";

export const SAMPLE_EXTENSIONS: readonly SampleExtension[] = [
  MARKET_SAMPLE,
  ACTIONS_SAMPLE,
  WORKFORCE_SAMPLE,
  SUPPLEMENTAL_SAMPLE,
  COSTING_SAMPLE,
];
