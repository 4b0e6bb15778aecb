import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type BusinessCalendar, compileCalendar } from "./compile.js";
import { holidays } from "./holidays.js";
import { type CalendarSpecInput, WEEKDAYS } from "./spec.js";

/**
 * Properties of the calendar operations on random calendars, zones and instants, with extra
 * weight on clock-change weeks (2026-03-29 and 2026-10-25 in Europe/Paris, 2026-03-08 and
 * 2026-11-01 in America/New_York, Lord Howe's half-hour shift).
 *
 * Some properties compare with a naive oracle that reads the wall clock through luxon, slot by
 * slot. It is exact here because ranges start and end on whole hours and every zone drawn has
 * offsets and transitions on half hours, so openness is constant on each half-hour UTC slot;
 * whole-hour bounds also never fall inside a gap or a repeated hour in these zones, where the
 * engine's documented DST mapping and a wall-clock reading could differ.
 */

const MIN = 60_000;
const SLOT = 30 * MIN;
const ZONES = ["Europe/Paris", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe"];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 11, 1);
const CLOCK_CHANGES = [
  "2026-03-29T01:00Z",
  "2026-10-25T01:00Z",
  "2026-03-08T07:00Z",
  "2026-11-01T06:00Z",
].map(Date.parse);

const hour = (h: number): string => `${String(h).padStart(2, "0")}:00`;

/** 0–2 ranges per day with whole-hour bounds; the week is never entirely closed. */
const arbDay = fc
  .uniqueArray(fc.integer({ min: 0, max: 24 }), { minLength: 0, maxLength: 4 })
  .map((hours) => {
    const sorted = [...hours].sort((a, b) => a - b);
    const ranges: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      ranges.push([hour(sorted[i] as number), hour(sorted[i + 1] as number)]);
    return ranges;
  });

const arbSpec: fc.Arbitrary<CalendarSpecInput> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.array(arbDay, { minLength: 7, maxLength: 7 }),
    fr: fc.boolean(),
    closed: fc.array(fc.integer({ min: 0, max: 1400 }), { maxLength: 3 }),
    excluded: fc.option(
      fc.record({ at: fc.integer({ min: 0, max: 70_000 }), slots: fc.integer({ min: 1, max: 20 }) }),
    ),
  })
  .map(({ timeZone, days, fr, closed, excluded }) => {
    if (days.every((d) => d.length === 0)) days[0] = [["09:00", "17:00"]];
    const week = Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i] ?? []]));
    const day0 = Date.UTC(2025, 6, 1);
    return {
      timeZone,
      week,
      holidayRegions: fr ? ["FR"] : [],
      holidays: closed.map((n) => new Date(day0 + n * 86_400_000).toISOString().slice(0, 10)),
      excluded: excluded
        ? [
            {
              from: new Date(Date.UTC(2025, 0, 1) + excluded.at * SLOT).toISOString(),
              to: new Date(Date.UTC(2025, 0, 1) + (excluded.at + excluded.slots) * SLOT).toISOString(),
            },
          ]
        : [],
    };
  });

/**
 * Minute-aligned instants, a third of them within three days of a clock change; whole hours
 * and whole-hour durations often land exactly on openings and closings.
 */
const arbInstant = fc.oneof(
  fc.integer({ min: FROM / MIN, max: TO / MIN }).map((m) => m * MIN),
  fc.integer({ min: FROM / (60 * MIN), max: TO / (60 * MIN) }).map((h) => h * 60 * MIN),
  fc
    .tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: -3 * 1440, max: 3 * 1440 }))
    .map(([t, m]) => t + m * MIN),
);

const arbMinutes = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 0, max: 3000 }),
  fc.integer({ min: 0, max: 50 }).map((h) => h * 60),
);

// ------------------------------------------------------------------------------------------
// Naive oracle: reads the wall clock with luxon at each half-hour slot.

function oracle(spec: CalendarSpecInput) {
  const closed = new Set(spec.holidays ?? []);
  const windows = (spec.excluded ?? []).map((w) => [Date.parse(w.from), Date.parse(w.to)] as const);
  const isOpen = (t: number): boolean => {
    if (windows.some(([a, b]) => t >= a && t < b)) return false;
    const local = DateTime.fromMillis(t, { zone: spec.timeZone });
    const date = local.toISODate() as string;
    if (closed.has(date)) return false;
    if ((spec.holidayRegions ?? []).some((r) => holidays(r, local.year).includes(date))) return false;
    const minutes = local.hour * 60 + local.minute;
    const ranges = spec.week[WEEKDAYS[local.weekday - 1] as (typeof WEEKDAYS)[number]] ?? [];
    return ranges.some(([a, b]) => {
      const [ah, am] = a.split(":").map(Number) as [number, number];
      const [bh, bm] = b.split(":").map(Number) as [number, number];
      return minutes >= ah * 60 + am && minutes < bh * 60 + bm;
    });
  };
  const minutesBetween = (a: number, b: number): number => {
    let ms = 0;
    for (let s = Math.floor(a / SLOT) * SLOT; s < b; s += SLOT) {
      const from = Math.max(a, s);
      const to = Math.min(b, s + SLOT);
      if (to > from && isOpen(s)) ms += to - from;
    }
    return ms / MIN;
  };
  const nextOpen = (t: number): number | undefined => {
    if (isOpen(t)) return t;
    for (let s = Math.floor(t / SLOT) * SLOT + SLOT; s < t + 30 * 86_400_000; s += SLOT)
      if (isOpen(s)) return s;
    return undefined;
  };
  return { isOpen, minutesBetween, nextOpen };
}

const arbCase = fc.record({ spec: arbSpec, t: arbInstant });
const compiled = new WeakMap<CalendarSpecInput, BusinessCalendar>();
const cal = (spec: CalendarSpecInput): BusinessCalendar => {
  let c = compiled.get(spec);
  if (!c) {
    c = compileCalendar(spec);
    compiled.set(spec, c);
  }
  return c;
};
/** Open at t, or exactly at a closing (an instant just after open time). */
const openOrClosing = (c: BusinessCalendar, t: number): boolean => c.isOpen(t) || c.isOpen(t - 1);

describe("calendar properties", () => {
  it("agrees with the naive wall-clock oracle on isOpen, nextOpen and minutesBetween", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 4 * 1440 }), ({ spec, t }, span) => {
        const c = cal(spec);
        const o = oracle(spec);
        expect(c.isOpen(t)).toBe(o.isOpen(t));
        const expected = o.nextOpen(t);
        if (expected !== undefined) expect(c.nextOpen(t)).toBe(expected);
        expect(c.minutesBetween(t, t + span * MIN)).toBe(o.minutesBetween(t, t + span * MIN));
      }),
      { numRuns: 150 },
    );
  });

  it("composes: addMinutes(addMinutes(t, a), b) = addMinutes(t, a + b) for b > 0", () => {
    fc.assert(
      fc.property(arbCase, arbMinutes, fc.integer({ min: 1, max: 3000 }), ({ spec, t }, a, b) => {
        const c = cal(spec);
        expect(c.addMinutes(c.addMinutes(t, a), b)).toBe(c.addMinutes(t, a + b));
      }),
      { numRuns: 200 },
    );
  });

  it("inverts: minutesBetween(t, addMinutes(nextOpen(t), m)) = m, and the result is the earliest", () => {
    fc.assert(
      fc.property(arbCase, arbMinutes, ({ spec, t }, m) => {
        const c = cal(spec);
        const r = c.addMinutes(c.nextOpen(t), m);
        expect(c.minutesBetween(t, r)).toBe(m);
        expect(c.addMinutes(t, m)).toBe(m === 0 ? c.nextOpen(t) : r);
        if (m > 0) expect(c.minutesBetween(t, r - 1)).toBeLessThan(m);
      }),
      { numRuns: 200 },
    );
  });

  it("never lands inside a closed period", () => {
    fc.assert(
      fc.property(arbCase, arbMinutes, fc.integer({ min: 0, max: 6 }), ({ spec, t }, m, n) => {
        const c = cal(spec);
        expect(c.isOpen(c.nextOpen(t))).toBe(true);
        expect(c.isOpen(c.addMinutes(t, 0))).toBe(true);
        expect(openOrClosing(c, c.addMinutes(t, m))).toBe(true);
        expect(openOrClosing(c, c.addBusinessDays(t, n))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("is monotonic in the start, the duration and the number of days", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 3 * 1440 }),
        arbMinutes,
        arbMinutes,
        fc.integer({ min: 0, max: 5 }),
        ({ spec, t }, dt, m1, m2, n) => {
          const c = cal(spec);
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(c.addMinutes(t, lo)).toBeLessThanOrEqual(c.addMinutes(t, hi));
          expect(c.addMinutes(t, lo)).toBeLessThanOrEqual(c.addMinutes(t + dt * MIN, lo));
          expect(c.nextOpen(t)).toBeLessThanOrEqual(c.nextOpen(t + dt * MIN));
          expect(c.minutesBetween(t, t + dt * MIN)).toBeLessThanOrEqual(
            c.minutesBetween(t, t + (dt + lo) * MIN),
          );
          expect(c.addBusinessDays(t, n)).toBeLessThan(c.addBusinessDays(t, n + 1));
          expect(c.addBusinessDays(t, n)).toBeGreaterThanOrEqual(c.nextOpen(t));
        },
      ),
      { numRuns: 200 },
    );
  });
});
