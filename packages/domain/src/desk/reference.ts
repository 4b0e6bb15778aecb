import { localDateIn } from "../time/local-date.js";

/**
 * Ticket references people can say on the phone: the deployment's prefix, the year the ticket was
 * opened in (in the provider's time zone) and a gapless number within that year, e.g.
 * "MCR-2026-00042" (DSN-SUP-02: the reference sent on deposit).
 */
export function formatTicketReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, "0")}`;
}

/** The reference pattern of a deployment, anchored: for validating what a person typed. */
export function ticketReferencePattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-\\d{4}-\\d{5,}$`);
}

/** The calendar year of an instant in a time zone (a ticket opened 31 Dec 23:30 Paris is of that year). */
export function yearIn(instant: number, timeZone: string): number {
  return Number(localDateIn(instant, timeZone).slice(0, 4));
}
