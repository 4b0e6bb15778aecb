import { describe, expect, it } from "vitest";
import { compileCalendar } from "../calendar/compile.js";
import { evaluateSla } from "./evaluate.js";
import { explain } from "./explain.js";
import { DSN_WORKING_HOURS, mcrCalendars, mcrPolicy, T } from "./fixtures.test-helper.js";
import { buildSlaPolicy } from "./policy.js";
import { ZPlanSla } from "./policy-schema.js";
import type { MetricResult, TicketEvent } from "./types.js";

/**
 * Worked examples from both contracts, computed by hand (MCR-SUP-06, MCR-SUP-07, MCR-SUP-10,
 * MCR-SUP-12, DSN-SUP-06). Each expected instant is written in local time with its offset.
 */

const created = (at: string, priority: "P1" | "P2" | "P3"): TicketEvent => ({
  at: T(at),
  type: "created",
  priority,
});
const mtti = (
  log: TicketEvent[],
  plan: Parameters<typeof mcrPolicy>[0],
  now: string,
  clock = {},
): MetricResult => evaluateSla(log, mcrPolicy(plan, clock), T(now)).metrics[0] as MetricResult;

describe("MCR Standard: business days, business hours (MCR-SUP-06/07)", () => {
  // Friday 3 April 2026 18:30, Easter Monday 6 April closed.
  const log = [created("2026-04-03T18:30+02:00", "P2")];

  it("P2 opened Friday 18:30 before a Monday holiday is due Tuesday 18:30", () => {
    const r = mtti(log, "Standard", "2026-04-06T12:00+02:00");
    expect(r).toMatchObject({
      state: "running",
      dueAt: T("2026-04-07T18:30+02:00"),
      // 1 business day = 30 min on Friday + 09:00–18:30 on Tuesday.
      targetMinutes: 600,
      elapsedMinutes: 30,
      remainingMinutes: 570,
      percentUsed: 5,
    });
    // Warnings in business time: 75 % = 450 min → Tuesday 16:00; 90 % = 540 min → Tuesday 17:30.
    expect(r.warnings).toEqual([
      { threshold: 75, at: T("2026-04-07T16:00+02:00"), crossed: false },
      { threshold: 90, at: T("2026-04-07T17:30+02:00"), crossed: false },
    ]);
  });

  it("is met by a reply Tuesday 10:00 and breached by a reply Wednesday 09:00", () => {
    const met = mtti(
      [...log, { at: T("2026-04-07T10:00+02:00"), type: "agent_responded" }],
      "Standard",
      "2026-04-10T12:00+02:00",
    );
    expect(met).toMatchObject({ state: "met", elapsedMinutes: 90, stoppedAt: T("2026-04-07T10:00+02:00") });
    const late = mtti(
      [...log, { at: T("2026-04-08T09:00+02:00"), type: "agent_responded" }],
      "Standard",
      "2026-04-10T12:00+02:00",
    );
    // 30 min on Friday + all of Tuesday 09:00–19:00; Wednesday 09:00 adds nothing.
    expect(late).toMatchObject({
      state: "breached",
      breachedAt: T("2026-04-07T18:30+02:00"),
      elapsedMinutes: 630,
    });
  });

  it("P1 < 12 business hours from Thursday 24 Dec 17:00 is due Monday 28 Dec 19:00 (a closing)", () => {
    const r = mtti([created("2026-12-24T17:00+01:00", "P1")], "Standard", "2026-12-26T12:00+01:00");
    expect(r).toMatchObject({ state: "running", dueAt: T("2026-12-28T19:00+01:00"), elapsedMinutes: 120 });
    // MCR-SUP-07, state in business time: this used to say breached at 19:01, at the due instant,
    // though no business minute had elapsed past the target. A minutes target keeps its due on
    // the closing, but the clock is breached only once business time runs past it: at Tuesday
    // 29 Dec 09:00, the next opening.
    const evening = mtti([created("2026-12-24T17:00+01:00", "P1")], "Standard", "2026-12-28T19:01+01:00");
    expect(evening).toMatchObject({
      state: "running",
      dueAt: T("2026-12-28T19:00+01:00"),
      elapsedMinutes: 720,
      remainingMinutes: 0,
      breachedAt: undefined,
    });
    const opening = mtti([created("2026-12-24T17:00+01:00", "P1")], "Standard", "2026-12-29T09:00+01:00");
    expect(opening.state).toBe("running");
    const after = mtti([created("2026-12-24T17:00+01:00", "P1")], "Standard", "2026-12-29T09:01+01:00");
    expect(after).toMatchObject({
      state: "breached",
      dueAt: T("2026-12-28T19:00+01:00"),
      breachedAt: T("2026-12-29T09:00+01:00"),
      elapsedMinutes: 721,
    });
  });

  it("warns in business time, never at midnight: P2 from Monday 17:00 warns at 75 % on Tuesday 14:30", () => {
    const r = mtti([created("2026-03-02T17:00+01:00", "P2")], "Standard", "2026-03-02T17:00+01:00");
    expect(r.warnings[0]?.at).toBe(T("2026-03-03T14:30+01:00"));
    expect(r.dueAt).toBe(T("2026-03-03T17:00+01:00"));
  });
});

describe("MCR Premium: 24x7 across clock changes", () => {
  it("P1 < 30 min from 01:50 CET on 29 March 2026 is due 03:20 CEST (30 real minutes)", () => {
    const log = [created("2026-03-29T01:50+01:00", "P1")];
    const r = mtti(log, "Premium", "2026-03-29T03:10+02:00");
    expect(r).toMatchObject({ state: "running", dueAt: T("2026-03-29T03:20+02:00"), elapsedMinutes: 20 });
    expect(r.warnings).toEqual([
      { threshold: 75, at: T("2026-03-29T03:12:30+02:00"), crossed: false },
      { threshold: 90, at: T("2026-03-29T03:17+02:00"), crossed: false },
    ]);
    const replied = mtti(
      [...log, { at: T("2026-03-29T03:15+02:00"), type: "agent_responded" }],
      "Premium",
      "2026-03-29T05:00+02:00",
    );
    expect(replied).toMatchObject({ state: "met", elapsedMinutes: 25 });
  });

  it("P2 < 1 h from 02:30 CEST on 25 October 2026 is due at the second 02:30 (CET)", () => {
    const r = mtti([created("2026-10-25T02:30+02:00", "P2")], "Premium", "2026-10-25T02:40+02:00");
    expect(r.dueAt).toBe(T("2026-10-25T02:30+01:00"));
  });
});

describe("priority changes and pauses (MCR-SUP-12)", () => {
  // Business plan, Saturday 7 March 2026: P3 counts on business hours, P1 on 24x7.
  const log: TicketEvent[] = [
    created("2026-03-07T10:00+01:00", "P3"),
    { at: T("2026-03-07T10:20+01:00"), type: "priority_changed", priority: "P1" },
  ];

  it("before the change, P3 (1 business day from Saturday) is due Tuesday 09:00", () => {
    // nextOpen = Monday 09:00, +1 business day = Tuesday 09:00: 600 business minutes, used up at
    // Monday's closing. MCR-SUP-07: this used to report the due instant as Monday 19:00; a
    // business-days target is reported on the next opening, addBusinessDays' own reading.
    const r = mtti(log, "Business", "2026-03-07T10:10+01:00");
    expect(r).toMatchObject({
      priority: "P3",
      targetMinutes: 600,
      elapsedMinutes: 0,
      dueAt: T("2026-03-10T09:00+01:00"),
    });
  });

  it("keep-elapsed (default): P1 counts from creation on its own calendar → due 11:00", () => {
    const r = mtti(log, "Business", "2026-03-07T10:30+01:00");
    expect(r).toMatchObject({
      priority: "P1",
      state: "running",
      elapsedMinutes: 30,
      dueAt: T("2026-03-07T11:00+01:00"),
    });
  });

  it("restart: P1 counts from the change → due 11:20", () => {
    const r = mtti(log, "Business", "2026-03-07T10:30+01:00", { priorityChange: "restart" });
    expect(r).toMatchObject({
      startedAt: T("2026-03-07T10:20+01:00"),
      elapsedMinutes: 10,
      dueAt: T("2026-03-07T11:20+01:00"),
    });
  });

  it("keeps paused time when the priority changes: Premium P3 → P1 after 30 min on hold", () => {
    const paused: TicketEvent[] = [
      created("2026-03-03T08:00+01:00", "P3"),
      { at: T("2026-03-03T08:10+01:00"), type: "status_changed", status: "on_hold" },
      { at: T("2026-03-03T08:40+01:00"), type: "status_changed", status: "in_progress" },
      { at: T("2026-03-03T08:45+01:00"), type: "priority_changed", priority: "P1" },
    ];
    const r = mtti(paused, "Premium", "2026-03-03T08:50+01:00");
    // 10 min before the hold + 10 min after: 20 of 30 min, due 09:00, not 08:30.
    expect(r).toMatchObject({
      state: "running",
      elapsedMinutes: 20,
      pausedMinutes: 30,
      remainingMinutes: 10,
      dueAt: T("2026-03-03T09:00+01:00"),
    });
    expect(r.warnings[0]).toEqual({ threshold: 75, at: T("2026-03-03T08:52:30+01:00"), crossed: false });
    const later = mtti(paused, "Premium", "2026-03-03T08:55+01:00");
    expect(later.warnings[0]).toEqual({ threshold: 75, at: T("2026-03-03T08:52:30+01:00"), crossed: true });
  });

  it("moves a business-day due date by the paused business time", () => {
    const onHold: TicketEvent[] = [
      created("2026-03-04T10:30+01:00", "P3"),
      { at: T("2026-03-04T14:00+01:00"), type: "status_changed", status: "on_hold" },
      { at: T("2026-03-04T16:00+01:00"), type: "status_changed", status: "in_progress" },
    ];
    // While on hold: paused, due projected as if resumed now (Wed 15:00 + 390 min → Thu 11:30).
    expect(mtti(onHold, "Business", "2026-03-04T15:00+01:00")).toMatchObject({
      state: "paused",
      elapsedMinutes: 210,
      dueIsProjection: true,
      dueAt: T("2026-03-05T11:30+01:00"),
    });
    // After the hold: Thursday 10:30 + 2 business hours = Thursday 12:30.
    expect(mtti(onHold, "Business", "2026-03-04T17:00+01:00")).toMatchObject({
      state: "running",
      pausedMinutes: 120,
      dueIsProjection: false,
      dueAt: T("2026-03-05T12:30+01:00"),
    });
  });
});

describe("auto-close 5 business days after resolution (MCR-SUP-10)", () => {
  const log: TicketEvent[] = [
    created("2026-11-06T09:00+01:00", "P3"),
    { at: T("2026-11-09T10:00+01:00"), type: "resolved" },
  ];

  it("crosses a weekend and 11 November: resolved Monday 9 Nov 10:00 → Tuesday 17 Nov 10:00", () => {
    const e = evaluateSla(log, mcrPolicy("Standard"), T("2026-11-16T12:00+01:00"));
    expect(e.autoClose).toMatchObject({
      state: "running",
      dueAt: T("2026-11-17T10:00+01:00"),
      targetMinutes: 3000,
    });
    expect(e.autoCloseDue).toBe(false);
    const due = evaluateSla(log, mcrPolicy("Standard"), T("2026-11-17T10:00+01:00"));
    expect(due.autoCloseDue).toBe(true);
    expect(due.autoClose).toMatchObject({ state: "breached", breachedAt: T("2026-11-17T10:00+01:00") });
  });

  it("is met when the customer confirms first, and cancelled by a reopening", () => {
    const confirmed = [...log, { at: T("2026-11-12T09:30+01:00"), type: "closed" } as TicketEvent];
    expect(evaluateSla(confirmed, mcrPolicy("Standard"), T("2026-11-20T12:00+01:00")).autoClose?.state).toBe(
      "met",
    );
    const reopened = [...log, { at: T("2026-11-10T09:30+01:00"), type: "reopened" } as TicketEvent];
    const e = evaluateSla(reopened, mcrPolicy("Standard"), T("2026-11-20T12:00+01:00"));
    expect(e.autoClose).toBeUndefined();
    expect(e.autoCloseDue).toBe(false);
  });
});

describe("Basic and DSN: no numeric target", () => {
  it("Basic has no MTTI target (state none)", () => {
    const r = mtti([created("2026-03-04T10:00+01:00", "P1")], "Basic", "2026-03-04T11:00+01:00");
    expect(r).toMatchObject({ state: "none", dueAt: undefined, elapsedMinutes: 60 });
  });

  it("DSN defines no metric; its calendar still runs Monday–Saturday 08:00–18:00 (DSN-SUP-06)", () => {
    const dsn = compileCalendar(DSN_WORKING_HOURS, "working-hours");
    const policy = buildSlaPolicy({}, {}, { "working-hours": dsn }, "e-soutien");
    const e = evaluateSla([created("2026-05-16T17:00+02:00", "P2")], policy, T("2026-05-16T17:30+02:00"));
    expect(e.metrics).toEqual([]);
    // Saturday 17:00 + 4 business hours: 1 h on Saturday, 3 h on Monday → Monday 11:00.
    expect(dsn.addMinutes(T("2026-05-16T17:00+02:00"), 240)).toBe(T("2026-05-18T11:00+02:00"));
  });
});

describe("history is re-derived from the log", () => {
  it("a calendar correction (an extra closed day) moves an existing due date", () => {
    const log = [created("2026-03-04T10:30+01:00", "P2")];
    const now = T("2026-03-04T11:00+01:00");
    const before = evaluateSla(log, mcrPolicy("Standard"), now).metrics[0];
    const corrected = mcrPolicy("Standard", {}, mcrCalendars({ holidays: ["2026-03-05"] }));
    const after = evaluateSla(log, corrected, now).metrics[0];
    expect(before?.dueAt).toBe(T("2026-03-05T10:30+01:00"));
    expect(after?.dueAt).toBe(T("2026-03-06T10:30+01:00"));
  });
});

describe("business-day due instants and state in business time (MCR-SUP-07)", () => {
  // Standard P2, "1 business day", opened Saturday 21 November 2026 10:00 on Mon–Fri 09:00–19:00:
  // nextOpen = Monday 09:00, + 1 business day = Tuesday 24 November 09:00; 600 business minutes,
  // used up at Monday's closing (19:00), the same business-time position as Tuesday 09:00.
  const log = [created("2026-11-21T10:00+01:00", "P2")];
  const reply = (at: string): TicketEvent[] => [...log, { at: T(at), type: "agent_responded" }];
  const cal = mcrCalendars()["business-hours"];
  if (!cal) throw new Error("no business-hours calendar");

  it("is due Tuesday 09:00 Paris (08:00Z), addBusinessDays' reading, and warns in open hours", () => {
    const r = mtti(log, "Standard", "2026-11-21T12:00+01:00");
    expect(r).toMatchObject({ state: "running", targetMinutes: 600, elapsedMinutes: 0 });
    expect(r.dueAt).toBe(Date.UTC(2026, 10, 24, 8, 0));
    expect(r.dueAt).toBe(cal.addBusinessDays(T("2026-11-21T10:00+01:00"), 1));
    // 75 % = 450 min → Monday 16:30; 90 % = 540 min → Monday 18:00: open, never at midnight.
    expect(r.warnings).toEqual([
      { threshold: 75, at: T("2026-11-23T16:30+01:00"), crossed: false },
      { threshold: 90, at: T("2026-11-23T18:00+01:00"), crossed: false },
    ]);
    for (const w of r.warnings) expect(cal.isOpen(w.at as number)).toBe(true);
  });

  it("is met by a reply Monday 20:00: no business minute elapsed past the target", () => {
    const r = mtti(reply("2026-11-23T20:00+01:00"), "Standard", "2026-11-25T12:00+01:00");
    expect(r).toMatchObject({
      state: "met",
      elapsedMinutes: 600,
      remainingMinutes: 0,
      percentUsed: 100,
      breachedAt: undefined,
      dueAt: T("2026-11-24T09:00+01:00"),
      stoppedAt: T("2026-11-23T20:00+01:00"),
    });
    // Also met by a reply at the due instant itself.
    expect(mtti(reply("2026-11-24T09:00+01:00"), "Standard", "2026-11-25T12:00+01:00").state).toBe("met");
  });

  it("is breached by a reply Tuesday 09:30, the breach at Tuesday 09:00", () => {
    const r = mtti(reply("2026-11-24T09:30+01:00"), "Standard", "2026-11-25T12:00+01:00");
    expect(r).toMatchObject({
      state: "breached",
      elapsedMinutes: 630,
      breachedAt: T("2026-11-24T09:00+01:00"),
      dueAt: T("2026-11-24T09:00+01:00"),
    });
  });

  it("stays running through Monday night without a reply, and breaches after Tuesday 09:00", () => {
    for (const now of ["2026-11-23T19:00+01:00", "2026-11-23T23:59+01:00", "2026-11-24T09:00+01:00"]) {
      expect(mtti(log, "Standard", now)).toMatchObject({ state: "running", remainingMinutes: 0 });
    }
    expect(mtti(log, "Standard", "2026-11-24T09:01+01:00")).toMatchObject({
      state: "breached",
      breachedAt: T("2026-11-24T09:00+01:00"),
    });
  });

  it("explains it with the Tuesday date", () => {
    const running = mtti(log, "Standard", "2026-11-23T12:00+01:00");
    expect(explain(running, "en").text).toBe(
      "Initial response: due Tue 24 Nov 2026 09:00 (Europe/Paris): Standard P2, 1 business day, business-hours; " +
        "180 of 600 business minutes used (30 %) — MCR-SUP-06",
    );
    expect(explain(running).text).toContain("échéance mar. 24 nov. 2026 09:00 (Europe/Paris)");
    expect(explain(running).data.inputs.dueAt).toBe("2026-11-24T08:00:00Z");
    const met = mtti(reply("2026-11-23T20:00+01:00"), "Standard", "2026-11-25T12:00+01:00");
    expect(explain(met, "en").text).toContain(
      "met, stopped Mon 23 Nov 2026 20:00, due Tue 24 Nov 2026 09:00 (Europe/Paris)",
    );
    const late = mtti(reply("2026-11-24T09:30+01:00"), "Standard", "2026-11-25T12:00+01:00");
    expect(explain(late, "en").text).toContain("breached since Tue 24 Nov 2026 09:00 (Europe/Paris)");
  });

  it("moves by paused business time, and a due then used up on a closing shows the next opening", () => {
    // Friday 20 Nov 18:00, on hold until the 19:00 closing: 60 paused business minutes, so the 600
    // minutes (1 business day = Monday 18:00) are used up at Monday 19:00 → reported Tuesday 09:00.
    const held: TicketEvent[] = [
      { at: T("2026-11-20T18:00+01:00"), type: "created", priority: "P2", status: "on_hold" },
      { at: T("2026-11-20T19:00+01:00"), type: "status_changed", status: "in_progress" },
    ];
    expect(mtti(held, "Standard", "2026-11-23T12:00+01:00")).toMatchObject({
      state: "running",
      targetMinutes: 600,
      pausedMinutes: 60,
      dueAt: T("2026-11-24T09:00+01:00"),
    });
    const replied = [...held, { at: T("2026-11-23T19:30+01:00"), type: "agent_responded" } as TicketEvent];
    expect(mtti(replied, "Standard", "2026-11-24T12:00+01:00")).toMatchObject({
      state: "met",
      elapsedMinutes: 600,
    });
  });

  it("keeps addBusinessDays' last closing when the next business day closes early", () => {
    // 24 Dec 2026 opened 09:00–12:00 only: from Wednesday 23 Dec 15:00, 1 business day is that
    // day's closing, 12:00 (420 business minutes); the breach would be at the next opening,
    // Monday 28 Dec 09:00 (25 Dec is a holiday, then the weekend).
    const calendars = mcrCalendars({ openings: [{ date: "2026-12-24", ranges: [["09:00", "12:00"]] }] });
    const short = [created("2026-12-23T15:00+01:00", "P2")];
    const at = (l: TicketEvent[], now: string) =>
      evaluateSla(l, mcrPolicy("Standard", {}, calendars), T(now)).metrics[0] as MetricResult;
    expect(at(short, "2026-12-24T10:00+01:00")).toMatchObject({
      targetMinutes: 420,
      dueAt: T("2026-12-24T12:00+01:00"),
    });
    const replied = [...short, { at: T("2026-12-24T15:00+01:00"), type: "agent_responded" } as TicketEvent];
    expect(at(replied, "2026-12-28T12:00+01:00")).toMatchObject({ state: "met", elapsedMinutes: 420 });
    expect(at(short, "2026-12-28T09:30+01:00")).toMatchObject({
      state: "breached",
      dueAt: T("2026-12-24T12:00+01:00"),
      breachedAt: T("2026-12-28T09:00+01:00"),
    });
  });

  it("without pauses, is due at addBusinessDays(start, 1), met there and breached at it (sweep)", () => {
    // Every 47 minutes from 18 Dec 2026 to 8 Jan 2027: weekends, nights, 25 Dec and 1 Jan.
    for (let t = T("2026-12-18T00:00+01:00"); t < T("2027-01-08T00:00+01:00"); t += 47 * 60_000) {
      const start: TicketEvent[] = [{ at: t, type: "created", priority: "P2" }];
      const due = cal.addBusinessDays(t, 1);
      const r = evaluateSla(start, mcrPolicy("Standard"), t).metrics[0] as MetricResult;
      expect(r.dueAt).toBe(due);
      expect(cal.isOpen(due)).toBe(true);
      for (const w of r.warnings) {
        // Open hours, or the closing that ends them (a level used up exactly at 19:00).
        const a = w.at as number;
        expect(cal.isOpen(a) || cal.isOpen(a - 60_000)).toBe(true);
      }
      const onTime = [...start, { at: due, type: "agent_responded" } as TicketEvent];
      expect(evaluateSla(onTime, mcrPolicy("Standard"), due).metrics[0]?.state).toBe("met");
      const late = evaluateSla(start, mcrPolicy("Standard"), due + 60_000).metrics[0];
      expect(late).toMatchObject({ state: "breached", breachedAt: due });
    }
  });
});

describe("24x7 is unaffected (always open: nextOpen changes nothing)", () => {
  const policy = buildSlaPolicy(
    ZPlanSla.parse({
      initialResponse: {
        clause: "MCR-SUP-06",
        P1: { target: "1 business day", calendar: "24x7" },
        P2: { target: "1h", calendar: "24x7" },
        P3: { target: "1h", calendar: "24x7" },
      },
    }),
    {},
    mcrCalendars(),
    "Test",
  );

  it("1 business day from Saturday 10:00 is Sunday 10:00, breached at it", () => {
    const log = [created("2026-11-21T10:00+01:00", "P1")];
    const at = (now: string) => evaluateSla(log, policy, T(now)).metrics[0] as MetricResult;
    expect(at("2026-11-21T12:00+01:00")).toMatchObject({
      targetMinutes: 1440,
      dueAt: T("2026-11-22T10:00+01:00"),
    });
    expect(at("2026-11-22T10:00+01:00").state).toBe("running");
    expect(at("2026-11-22T10:01+01:00")).toMatchObject({
      state: "breached",
      breachedAt: T("2026-11-22T10:00+01:00"),
    });
  });

  it("1 business day across the 25 October 2026 clock change keeps the wall time (25 real hours)", () => {
    const r = evaluateSla([created("2026-10-24T10:00+02:00", "P1")], policy, T("2026-10-24T11:00+02:00"))
      .metrics[0];
    expect(r).toMatchObject({ targetMinutes: 1500, dueAt: T("2026-10-25T10:00+01:00") });
  });
});
