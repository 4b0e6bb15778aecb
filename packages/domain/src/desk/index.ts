/** The service desk's rules: who may open what, the lifecycle, the timeline, references. */
export * from "./escalation.js";
export * from "./intake.js";
export * from "./mail-fields.js";
export * from "./reference.js";
export * from "./timeline.js";
export * from "./workflow.js";
