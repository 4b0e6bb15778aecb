export * from "./accounts/named-contacts.js";
export * from "./accounts/roles.js";
export * from "./calendar/index.js";
export * from "./contract/index.js";
export * from "./desk/index.js";
export * from "./sla/index.js";
export * from "./time/add-duration.js";
export * from "./time/local-date.js";
