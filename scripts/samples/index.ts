/** The sample's extensions, one per analysis that needs more than the pay plans and roster. */
import type { SampleExtension } from "./types";
import { WORKFORCE_SAMPLE } from "./workforce";

export const SAMPLE_EXTENSIONS: readonly SampleExtension[] = [WORKFORCE_SAMPLE];
