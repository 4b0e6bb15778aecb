export * from "./change-notice.js";
export * from "./change-standing.js";
export * from "./conditions-change.js";
export * from "./contract-diff.js";
export * from "./news.js";
export * from "./signature-reminder.js";
