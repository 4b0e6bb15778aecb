import { z } from "zod";
import { ZLabel } from "../contract/primitives.js";

/**
 * The written form of a business calendar, as it appears in a contract file and in the
 * conformance command's input. It is compiled once into an index of open intervals
 * (see compile.ts) before any computation.
 */

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZClockTime = z
  .string()
  .regex(HHMM, { message: 'expected a local time such as "09:00" (or "24:00" as an end)' });

export const ZLocalDate = z.string().regex(ISO_DATE, { message: 'expected a date such as "2026-12-25"' });

/** One open range of a day, local wall time, start inclusive, end exclusive. */
export const ZOpenRange = z.tuple([ZClockTime, ZClockTime]);

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ZWeek = z
  .object({
    mon: z.array(ZOpenRange).optional(),
    tue: z.array(ZOpenRange).optional(),
    wed: z.array(ZOpenRange).optional(),
    thu: z.array(ZOpenRange).optional(),
    fri: z.array(ZOpenRange).optional(),
    sat: z.array(ZOpenRange).optional(),
    sun: z.array(ZOpenRange).optional(),
  })
  .strict();

export const ZCalendarSpec = z
  .object({
    /**
     * What people call it, in the contract's own words ("Heures Ouvrées"), French and English like
     * every label of a contract. Explanations fall back to the calendar's id without it.
     */
    label: ZLabel.optional(),
    /** IANA time zone, e.g. "Europe/Paris". */
    timeZone: z.string().min(1),
    /** Open ranges per weekday; a missing day is closed. */
    week: ZWeek,
    /** Public-holiday regions from date-holidays: "FR", "FR-57", "FR-67", "FR-68"… Public holidays only. */
    holidayRegions: z.array(z.string()).default([]),
    /** Extra closed dates (local dates). */
    holidays: z.array(ZLocalDate).default([]),
    /** Exceptional openings: a local date opened with the given ranges even if closed otherwise. */
    openings: z.array(z.object({ date: ZLocalDate, ranges: z.array(ZOpenRange) }).strict()).default([]),
    /** Excluded windows as instants (ISO 8601), e.g. a scheduled maintenance (DSN-SUP-07). */
    excluded: z
      .array(
        z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).strict(),
      )
      .default([]),
  })
  .strict();

export type CalendarSpec = z.infer<typeof ZCalendarSpec>;
export type CalendarSpecInput = z.input<typeof ZCalendarSpec>;
