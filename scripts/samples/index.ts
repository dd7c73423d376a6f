/** The sample's extensions, one per analysis that needs more than the pay plans and roster. */
import { ACTIONS_SAMPLE } from "./actions";
import type { SampleExtension } from "./types";

export const SAMPLE_EXTENSIONS: readonly SampleExtension[] = [ACTIONS_SAMPLE];
