import { isYearMonth } from "@guichet/domain";
import { z } from "zod";

// What every route takes from people and programs: free text and dates are checked here, once,
// so that bad input is a 400 naming its field and never reaches the database (issue 14: a NUL,
// an unpaired surrogate or the year 1 answered 500 before). Answers keep plain z.string(): what
// was stored (a mail's body, say) is shown as it is.

/**
 * Control characters other than tab, line feed and carriage return, and UTF-16 surrogates left
 * unpaired: PostgreSQL's text refuses NUL and lone surrogates, and none of them is something a
 * person meant to write.
 */
const FORBIDDEN_IN_TEXT = /[\p{Cc}\p{Cs}]/u;
const ALLOWED_CONTROLS = /[\t\n\r]/g;

/** True when the text holds a character no route accepts (see FORBIDDEN_IN_TEXT). */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN_IN_TEXT.test(text.replace(ALLOWED_CONTROLS, ""));
}

export const FORBIDDEN_TEXT_MESSAGE =
  "control characters (other than tab and line breaks) and unpaired surrogates are not accepted";

/**
 * Any text a route takes: chain `.trim().min(1).max(n)` as the field needs. Use it for every
 * free-text field of a body or a query (titles, messages, names, reasons, searches).
 */
export const ZText = z
  .string()
  .refine((text) => !hasForbiddenCharacter(text), { error: FORBIDDEN_TEXT_MESSAGE });

/** A text a person writes: trimmed, not empty, at most `max` characters. */
export const ZWritten = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !hasForbiddenCharacter(text), { error: FORBIDDEN_TEXT_MESSAGE });

/** The years a date taken from a request may fall in: beyond them it is a typing or a probing. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const YEARS_MESSAGE = `expected a date between ${FIRST_YEAR} and ${LAST_YEAR}`;

function yearIsSane(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A calendar day "YYYY-MM-DD" between 2000 and 2100. */
export const ZDate = z.iso.date().refine(yearIsSane, { error: YEARS_MESSAGE });

/** A month "YYYY-MM" between 2000 and 2100. */
export const ZMonth = z
  .string()
  .refine(isYearMonth, { error: 'expected a month "YYYY-MM"' })
  .refine(yearIsSane, { error: YEARS_MESSAGE });

/** An instant with its offset ("2026-11-23T09:00:00Z") between 2000 and 2100, in UTC. */
export const ZInstant = z.iso.datetime({ offset: true }).refine(
  (text) => {
    const at = new Date(text);
    return !Number.isNaN(at.getTime()) && yearIsSane(at.toISOString());
  },
  { error: YEARS_MESSAGE },
);
