import { type BusinessCalendar, calendar24x7Spec, compileCalendar } from "../calendar/compile.js";
import type { CalendarSpecInput } from "../calendar/spec.js";
import { buildSlaPolicy } from "./policy.js";
import { type PlanSlaInput, ZAutoClose, ZPlanSla } from "./policy-schema.js";
import type { SlaPolicy } from "./types.js";

/**
 * The two contracts' calendars and the MCR SLA matrix (MCR-SUP-06), as a contract file would
 * write them, for tests. Not a test itself (no .test.ts suffix).
 */

/** Instants written in local time with their offset, so each fact reads as on a wall clock. */
export const T = (s: string): number => {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new Error(`bad instant ${s}`);
  return t;
};

const weekdays = (r: [string, string][]) => ({ mon: r, tue: r, wed: r, thu: r, fri: r });

/** MCR-SUP-07 */
export const MCR_BUSINESS_HOURS: CalendarSpecInput = {
  timeZone: "Europe/Paris",
  week: weekdays([["09:00", "19:00"]]),
  holidayRegions: ["FR"],
};

/** DSN-SUP-06 */
export const DSN_WORKING_HOURS: CalendarSpecInput = {
  timeZone: "Europe/Paris",
  week: { ...weekdays([["08:00", "18:00"]]), sat: [["08:00", "18:00"]] },
  holidayRegions: ["FR"],
};

export function mcrCalendars(overrides: Partial<CalendarSpecInput> = {}): Record<string, BusinessCalendar> {
  return {
    "business-hours": compileCalendar({ ...MCR_BUSINESS_HOURS, ...overrides }, "business-hours"),
    "24x7": compileCalendar(calendar24x7Spec("Europe/Paris"), "24x7"),
  };
}

const bh = (target: string) => ({ target, calendar: "business-hours" });
const h24 = (target: string) => ({ target, calendar: "24x7" });
const clause = "MCR-SUP-06";

/** MCR-SUP-06, initial response (MTTI) per plan and priority, with its handling hours. */
export const MCR_PLANS: Record<string, PlanSlaInput> = {
  Basic: { initialResponse: { clause, P1: bh("none"), P2: bh("none"), P3: bh("none") } },
  Standard: {
    initialResponse: {
      clause,
      P1: bh("12 business hours"),
      P2: bh("1 business day"),
      P3: bh("1 business day"),
    },
  },
  Business: { initialResponse: { clause, P1: h24("1h"), P2: h24("2h"), P3: bh("1 business day") } },
  Premium: { initialResponse: { clause, P1: h24("30m"), P2: h24("1h"), P3: h24("8h") } },
};

export const MCR_AUTO_CLOSE = ZAutoClose.parse({
  after: "5 business days",
  calendar: "business-hours",
  clause: "MCR-SUP-10",
});

export function mcrPolicy(
  plan: keyof typeof MCR_PLANS,
  clock: Parameters<typeof buildSlaPolicy>[1] = {},
  calendars = mcrCalendars(),
): SlaPolicy {
  return buildSlaPolicy(ZPlanSla.parse(MCR_PLANS[plan]), clock, calendars, plan, MCR_AUTO_CLOSE);
}
