/** The compensation study's analysis (host-free): inputs in, exhibits out. */
export { parsePayPlans, auditSchedules, HOURLY_UNIT_LIMIT, DEFAULT_PLAN } from "./plans";
export { parseRoster, detectRosterColumns, missingFields, ROSTER_FIELDS } from "./roster";
export type { RosterOptions } from "./roster";
export { runStudy, EXHIBIT_IDS } from "./analysis";
export type { StudyInput } from "./analysis";
export { parseDate, isoDate, fromExcelSerial, dayNumber } from "./dates";
export { foldHeader } from "./headers";
export { generateStudyInput, seededRandom } from "./synthetic";
export type * from "./types";
