/** SLA clocks: contract settings, engine input built from a contract, evaluation, explanations. */
export { SlaError, type SlaErrorCode } from "./errors.js";
export { evaluateSla } from "./evaluate.js";
export { type ExplainIn, type Explanation, explain } from "./explain.js";
export { formatLocalDateTime, formatTarget } from "./format.js";
export {
  DATE_WORDS,
  type Locale,
  metricInSentence,
  SLA_LANGUAGES,
  type SlaLanguage,
} from "./messages.js";
export { buildSlaPolicy, type CalendarResolver } from "./policy.js";
export * from "./policy-schema.js";
export * from "./target.js";
export * from "./types.js";
