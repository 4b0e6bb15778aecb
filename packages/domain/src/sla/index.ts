/** SLA clocks: contract settings, engine input built from a contract, evaluation, explanations. */
export { SlaError, type SlaErrorCode } from "./errors.js";
export { evaluateSla } from "./evaluate.js";
export { type Explanation, explain } from "./explain.js";
export { formatLocalDateTime, formatTarget } from "./format.js";
export { type Locale, metricInSentence } from "./messages.js";
export { buildSlaPolicy, type CalendarResolver } from "./policy.js";
export * from "./policy-schema.js";
export * from "./target.js";
export * from "./types.js";
