/** Business calendars: written form, compilation into an interval index, operations. */
export { type CivilDate, formatDay, formatInstant, parseDay, type WallTime } from "./civil.js";
export { type BusinessCalendar, calendar24x7Spec, compileCalendar } from "./compile.js";
export { evaluateCalendarCases } from "./conformance.js";
export { CalendarError, type CalendarErrorCode } from "./errors.js";
export { holidays } from "./holidays.js";
export * from "./spec.js";
export { type ZoneIndex, zoneIndex } from "./zone.js";
