export * from "./euro-rates.js";
export * from "./evaluate-fees.js";
export * from "./exact.js";
export * from "./explain-fee.js";
export * from "./fee-basis.js";
export * from "./focus-columns.js";
export * from "./focus-values.js";
export * from "./support-fee.js";
