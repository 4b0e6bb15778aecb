export * from "./change-notice.js";
