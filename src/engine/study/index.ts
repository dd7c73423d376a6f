/** The compensation study (host-free): input tables in, exhibits out. */
export {
  parsePayPlans,
  auditSchedules,
  stepLabels,
  gradeMidpoint,
  hasUsableRange,
  GradeIndex,
  DEFAULT_PLAN,
  PLAN_FIELDS,
} from "./plans";
export { parseRoster, detectRosterColumns, missingFields, ROSTER_FIELDS, DEFAULT_MAX_FTE, ERROR_TEXT } from "./roster";
export type { RosterOptions } from "./roster";
export { placeRoster } from "./placement";
export type { PlacedEmployee, Placement, PlacementOptions, SalaryBasis } from "./placement";
export { runStudy, plannedExhibits, inputsOf } from "./run";
export type { Skipped } from "./run";
export type { StudyRequest } from "./run";
export { Study, listed } from "./context";
export { EXHIBITS, EXHIBIT_IDS, FAMILIES, INPUTS, OPTIONS, exhibitById } from "./registry";
export type { ExhibitId, RegisteredExhibit } from "./registry";
export type { ExhibitDefinition, Family, Missing, Supply } from "./definition";
export { family } from "./definition";
export {
  CORE_OPTIONS,
  PLANS_INPUT,
  ROSTER_INPUT,
  SALARY_BASIS,
  MAX_FTE,
  MIN_CELL,
  SUPPRESS,
  DECIMAL,
  SPLIT_ASSIGNMENTS,
} from "./core";
export { input, parseInput, readRecords, recordCells, mappingByField, InputTableError } from "./inputs";
export type { InputSpec, InputTable, ParseContext, TableRecord } from "./inputs";
export { invalidOption, option, parseOption, Options } from "./options";
export type { OptionKind, OptionSpec, RawOptions } from "./options";
export { parseDate, isoDate, fromExcelSerial, dayNumber } from "./dates";
export {
  foldHeader,
  findHeaderRow,
  mapColumns,
  columnChoices,
  namedColumn,
  ReadingChoiceError,
  HEADER_SEARCH_ROWS,
} from "./headers";
export type { FieldSpec, ColumnChoice, ReadingFix } from "./headers";
export { decideDecimalMark, readNumberAs, markEvidence } from "./numbers";
export type { DecimalMark } from "./numbers";
export {
  PAY_UNITS,
  ANNUAL_FACTOR,
  FULL_TIME,
  UNIT_MISMATCH_FACTOR,
  parseUnit,
  unitFromPay,
  unitMixOf,
  daysFromName,
} from "./units";
export { generateStudyInput, seededRandom } from "./synthetic";
export type * from "./types";
export {
  decidePlacement,
  candidateInputs,
  parseAction,
  parseJobType,
  parsePlacementSchedule,
  placementScale,
  entryKind,
  moneyWords,
  ACTIONS,
  CANDIDATE_DATES,
  CANDIDATE_NUMBERS,
  CANDIDATE_TEXTS,
  JOB_TYPES,
} from "./personnel";
export type {
  Approval,
  Candidate,
  CandidateDate,
  CandidateEntry,
  CandidateInput,
  CandidateNumber,
  CandidateText,
  JobType,
  PersonnelAction,
  PlacementDecision,
  PlacementScale,
  PlacementSchedule,
  PlacementSchedules,
} from "./personnel";
export { LANES_INPUT, parseLaneTables, DEFAULT_LANE_SCHEDULE, lanePayPlan, withLaneSchedules } from "./lanes";
export { PROMOTION_CHART_INPUT, parsePromotionChart, chartRow } from "./promotion-chart";
export type { PromotionChart, PromotionChartRow } from "./promotion-chart";
export type { LaneTable, LaneTables } from "./lanes";
export { RULES_INPUT, parseRulesSheet, studyPolicy, policyNotes } from "./rules-sheet";
export type { Policy, PolicyOverride, RulesSheet } from "./rules-sheet";
export { TITLE_CHANGES_INPUT, APPLY_TITLE_CHANGES, TitleMap, parseTitleChanges, classTitles } from "./titles";
export type { TitleChange } from "./titles";
export {
  CANDIDATES_INPUT,
  CANDIDATE_FIELDS,
  candidateRecord,
  parseCandidates,
  placementContext,
  readCandidateEntry,
  readCandidateNumber,
  studySchedules,
} from "./families/actions";
export type { CandidateField, CandidateRow, PlacementContext } from "./families/actions";
export {
  RAISE,
  FLAT,
  FREEZE,
  YEARS,
  TURNOVER,
  PER_FTE,
  MAX_YEARS,
  SETTLEMENT_INPUT,
  BENEFIT_GROUPS_INPUT,
} from "./families/costing-inputs";
export { LOAD } from "./families/cost";
