import { parsedText } from "./primitives.js";

/**
 * Calendar durations as a contract writes them: "30 days", "1 month", "6 months", "72 hours".
 * They are kept as amount + unit, not converted to milliseconds: "1 month" from 31 January is
 * a date computation done later, in the deployment's time zone, by the code that needs it.
 * Business time ("5 business days") needs a calendar and is written with one (see sla/target.ts).
 */

export const CALENDAR_UNITS = ["minutes", "hours", "days", "weeks", "months", "years"] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

export interface CalendarDuration {
  amount: number;
  unit: CalendarUnit;
  /** As written in the contract, for explanations (GEN-02). */
  text: string;
}

const DURATION = /^(\d{1,4})\s+(minute|hour|day|week|month|year)s?$/;

export function parseCalendarDuration(text: string): CalendarDuration | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount === 0) return undefined;
  return { amount, unit: `${match[2]}s` as CalendarUnit, text };
}

/** Where a term the general text leaves open is set instead. */
export const TERM_DOCUMENTS = ["specific-conditions", "general-conditions"] as const;
export type TermDocument = (typeof TERM_DOCUMENTS)[number];

/**
 * A commitment or notice period: a duration, "none", or the document that sets it when the
 * contract text does not (DSN: "telle que précisée dans les Conditions Spécifiques").
 */
export type Term =
  | { kind: "none" }
  | ({ kind: "duration" } & CalendarDuration)
  | { kind: "elsewhere"; document: TermDocument };

export function parseTerm(text: string): Term | undefined {
  const t = text.trim().toLowerCase();
  if (t === "none") return { kind: "none" };
  if ((TERM_DOCUMENTS as readonly string[]).includes(t))
    return { kind: "elsewhere", document: t as TermDocument };
  const duration = parseCalendarDuration(text);
  return duration ? { kind: "duration", ...duration } : undefined;
}

export const ZCalendarDuration = parsedText(
  'expected a duration such as "30 days", "1 month" or "6 months"',
  parseCalendarDuration,
);

export const ZTerm = parsedText(
  'expected a duration such as "30 days" or "3 months", or "none", "specific-conditions" or "general-conditions"',
  parseTerm,
);
