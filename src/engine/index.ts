/**
 * The CompStudy rules engine: pure TypeScript, no host types. Numbers in, numbers out;
 * invalid input throws an EngineError with a `kind` the adapters map in one place.
 */
export { EngineError, invalid, isEngineError, notFound, outOfRange } from "./errors";
export type { EngineErrorKind } from "./errors";
export { HALF_CENT, atLeast, atMost, lessThan, moneyEquals, roundCents, roundHalfAwayFromZero } from "./money";
export { isBlank, normalizeKey, parseNumberText, readNumber, truncate } from "./cells";
export type { CellValue } from "./cells";
export {
  checkRange,
  compaRatio,
  midpoint,
  quartileClassifier,
  quartilePlace,
  rangePenetration,
  rangeSpread,
} from "./range";
export type { Quartile } from "./range";
export { PROGRESSION_METHODS, parseProgressionMethod, stepProgression } from "./progression";
export type { ProgressionMethod } from "./progression";
export {
  ScheduleCache,
  findGrade,
  findLane,
  gradeScheduleOf,
  gradeStepPay,
  lanePay,
  laneScheduleOf,
  parseGradeSchedule,
  parseLaneSchedule,
  payStep,
} from "./schedule";
export type { GradeRow, GradeSchedule, LaneSchedule } from "./schedule";
export {
  approvalLevel,
  creditableYear,
  dailyRate,
  experienceSalary,
  extraDutyPay,
  gradeNumber,
  monthlyRate,
  overtimePay,
  periodPay,
  promotionSalary,
  rehireReturnSalary,
  rehireSalary,
  stepForYears,
  withinRehireWindow,
} from "./rules";
export type { ApprovalLevel } from "./rules";
export { POLICY, POLICY_TABLE } from "./policy";
export type { PolicyName, PolicyUnit, PolicyValue } from "./policy";
