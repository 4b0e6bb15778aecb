export * from "./remediation-plan.js";
