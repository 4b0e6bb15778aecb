/**
 * Typed errors of the SLA engine. Codes:
 * - invalid_log: the event log cannot be read (no created event, no initial priority, or `now`
 *   before the creation);
 * - unknown_calendar: the contract's SLA section names a calendar the resolver does not know;
 * - unknown_priority: the log carries a priority the plan's SLA has no target for (the contract's
 *   levels are checked at every write, so only a contract edited under existing tickets does this).
 */
export type SlaErrorCode = "invalid_log" | "unknown_calendar" | "unknown_priority";

export class SlaError extends Error {
  override readonly name = "SlaError";

  constructor(
    readonly code: SlaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
