import { z } from "zod";
import { formatInstant } from "./civil.js";
import { type BusinessCalendar, compileCalendar } from "./compile.js";
import { CalendarError } from "./errors.js";
import { holidays } from "./holidays.js";

/**
 * The conformance command's pure core (`guichet calendar eval FILE.json`): runs calendar cases
 * written by hand or by independent references through the very code the product uses, so
 * both can be compared. A bad case maps to {"error": "…"} and the others still run; a bad
 * calendar only fails the cases that use it.
 *
 * Input: {"calendars": {NAME: CalendarSpec}, "cases": [{"id", "calendar", "op", …}]}.
 * Output: {id: result}, an instant as YYYY-MM-DDTHH:MM:SSZ, a number of minutes, a boolean or a
 * sorted list of YYYY-MM-DD. A case without an id is reported under "#<index>".
 */

/** An ISO 8601 instant with "Z" or an offset; seconds and fractions optional. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ZInstant = z
  .string()
  .regex(ISO_INSTANT, { message: 'expected an instant such as "2026-03-29T01:30:00Z" or "…T03:30+02:00"' })
  .transform((s, ctx) => {
    const t = Date.parse(s);
    if (Number.isNaN(t)) ctx.addIssue({ code: "custom", message: `not a real instant: ${s}` });
    return t;
  });

const ZCase = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("addMinutes"),
    calendar: z.string(),
    start: ZInstant,
    minutes: z.number().min(0),
  }),
  z.object({
    op: z.literal("addBusinessDays"),
    calendar: z.string(),
    start: ZInstant,
    days: z.number().int().min(0),
  }),
  z.object({ op: z.literal("minutesBetween"), calendar: z.string(), from: ZInstant, to: ZInstant }),
  z.object({ op: z.literal("nextOpen"), calendar: z.string(), at: ZInstant }),
  z.object({ op: z.literal("isOpen"), calendar: z.string(), at: ZInstant }),
  z.object({ op: z.literal("holidays"), region: z.string(), year: z.number().int() }),
]);
type Case = z.infer<typeof ZCase>;

const ZInput = z.object({
  calendars: z.record(z.string(), z.unknown()).default({}),
  cases: z.array(z.unknown()),
});

function run(c: Case, calendar: (name: string) => BusinessCalendar): unknown {
  switch (c.op) {
    case "addMinutes":
      return formatInstant(calendar(c.calendar).addMinutes(c.start, c.minutes));
    case "addBusinessDays":
      return formatInstant(calendar(c.calendar).addBusinessDays(c.start, c.days));
    case "minutesBetween":
      return calendar(c.calendar).minutesBetween(c.from, c.to);
    case "nextOpen":
      return formatInstant(calendar(c.calendar).nextOpen(c.at));
    case "isOpen":
      return calendar(c.calendar).isOpen(c.at);
    case "holidays":
      return [...holidays(c.region, c.year)];
  }
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `${issue?.path.join(".") || "case"}: ${issue?.message ?? "invalid"}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Throws CalendarError("invalid_argument") only when the input has no list of cases at all. */
export function evaluateCalendarCases(input: unknown): Record<string, unknown> {
  const parsed = ZInput.safeParse(input);
  if (!parsed.success) {
    throw new CalendarError("invalid_argument", `conformance input: ${describe(parsed.error)}`);
  }
  const compiled = new Map<string, BusinessCalendar | Error>();
  const calendar = (name: string): BusinessCalendar => {
    let entry = compiled.get(name);
    if (!entry) {
      if (!Object.hasOwn(parsed.data.calendars, name)) {
        entry = new CalendarError("invalid_argument", `unknown calendar "${name}"`);
      } else {
        try {
          entry = compileCalendar(parsed.data.calendars[name] as never, name);
        } catch (error) {
          entry = new Error(`calendar "${name}": ${describe(error)}`);
        }
      }
      compiled.set(name, entry);
    }
    if (entry instanceof Error) throw entry;
    return entry;
  };

  // A Map, so that ids such as "constructor" or "__proto__" stay plain keys.
  const results = new Map<string, unknown>();
  parsed.data.cases.forEach((raw, index) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const hasId = typeof rawId === "string" && rawId !== "";
    const id = hasId ? rawId : `#${index}`;
    try {
      if (!hasId) throw new Error(`case #${index} has no "id"`);
      if (results.has(id)) throw new Error(`duplicate case id "${id}"`);
      results.set(id, run(ZCase.parse(raw), calendar));
    } catch (error) {
      results.set(id, { error: describe(error) });
    }
  });
  return Object.fromEntries(results);
}
