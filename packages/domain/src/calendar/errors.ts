/**
 * Typed errors of the calendar engine. Codes:
 * - invalid_calendar: the written calendar does not validate (bad range, date, window…);
 * - unknown_time_zone: not an IANA zone name known to this runtime;
 * - unknown_holiday_region: not a date-holidays country or country-state ("FR", "FR-67");
 * - never_open: the calendar has no open time after the instant asked about (e.g. an empty week
 *   with only past exceptional openings), so no deadline exists;
 * - invalid_argument: a non-finite instant or a negative duration.
 */
export type CalendarErrorCode =
  | "invalid_calendar"
  | "unknown_time_zone"
  | "unknown_holiday_region"
  | "never_open"
  | "invalid_argument";

export class CalendarError extends Error {
  override readonly name = "CalendarError";

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
