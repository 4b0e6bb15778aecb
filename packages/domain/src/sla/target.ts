import { z } from "zod";

/**
 * An SLA target as a contract writes it: "30m", "1h", "8h", "12 business hours",
 * "1 business day", "5 business days", or "none".
 *
 * - Plain durations ("30m", "1h", "2h30m") count business minutes of the calendar the target
 *   is measured on (for a 24x7 calendar these are real minutes).
 * - "N business hours" is N*60 business minutes of that calendar.
 * - "N business day(s)" is calendar.addBusinessDays(start, N) (MCR-SUP-07 interpretation:
 *   the same business-time position on the N-th next business day). An SLA clock converts it
 *   once, at its start, to business minutes, minutesBetween(start, addBusinessDays(start, N)),
 *   so pauses and priority changes compose as for any minutes target; its due instant is then
 *   reported at the next opening rather than on a closing (see sla/clock.ts).
 * - "next business day opening" / "end of next business day" (issue 23): "next business day" as
 *   offers state it, distinct from "1 business day". The next business day is the business day
 *   after the one the clock starts on, a clock started in closed time starting at the next opening
 *   (from Saturday: Monday's opening starts it, Tuesday is the next business day). "opening": due
 *   at that day's first opening; "end": by that day's last closing. Converted at the clock's start
 *   to business minutes like business days, so pauses move it by the business time paused.
 *   "next business day" alone is refused: the offer's reading must be chosen and written down.
 * - "best effort": no target, said as such to the customer ("none" says the plan gives none).
 */
export type SlaTarget =
  | { kind: "none" }
  | { kind: "bestEffort" }
  | { kind: "minutes"; minutes: number; text: string }
  | { kind: "businessDays"; days: number; text: string }
  | { kind: "nextBusinessDay"; by: "opening" | "end"; text: string };

/** Targets that set no deadline: no clock runs against them. */
export const isNoTarget = (target: SlaTarget): target is { kind: "none" } | { kind: "bestEffort" } =>
  target.kind === "none" || target.kind === "bestEffort";

const TARGET_HELP =
  'expected a duration such as "30m", "2h", "12 business hours" or "1 business day", "next business day opening", "end of next business day", "best effort" or "none"';

export function parseSlaTarget(text: string): SlaTarget | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "none") return { kind: "none" };
  if (t === "best effort") return { kind: "bestEffort" };
  if (t === "next business day opening") return { kind: "nextBusinessDay", by: "opening", text };
  if (t === "end of next business day") return { kind: "nextBusinessDay", by: "end", text };
  // A zero target would be due at its own start: refused, "none" says "no target".
  const days = /^(\d+)\s+business\s+days?$/.exec(t);
  if (days) return Number(days[1]) > 0 ? { kind: "businessDays", days: Number(days[1]), text } : undefined;
  const hours = /^(\d+)\s+business\s+hours?$/.exec(t);
  if (hours)
    return Number(hours[1]) > 0 ? { kind: "minutes", minutes: Number(hours[1]) * 60, text } : undefined;
  const hm = /^(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$/.exec(t);
  if (hm && (hm[1] || hm[2])) {
    const minutes = Number(hm[1] ?? 0) * 60 + Number(hm[2] ?? 0);
    if (minutes > 0) return { kind: "minutes", minutes, text };
  }
  return undefined;
}

export const ZSlaTarget = z.string().transform((value, ctx): SlaTarget => {
  const parsed = parseSlaTarget(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: TARGET_HELP });
    return z.NEVER;
  }
  return parsed;
});

/** A whole number of business days, as in "5 business days" (auto-close, MCR-SUP-10). */
export const ZBusinessDays = z.string().transform((value, ctx) => {
  const m = /^(\d+)\s+business\s+days?$/.exec(value.trim().toLowerCase());
  if (!m) {
    ctx.addIssue({ code: "custom", message: 'expected a number of business days such as "5 business days"' });
    return z.NEVER;
  }
  return Number(m[1]);
});
