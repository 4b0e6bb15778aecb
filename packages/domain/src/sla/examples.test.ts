import { describe, expect, it } from "vitest";
import { compileCalendar } from "../calendar/compile.js";
import { evaluateSla } from "./evaluate.js";
import { DSN_WORKING_HOURS, mcrCalendars, mcrPolicy, T } from "./fixtures.test-helper.js";
import { buildSlaPolicy } from "./policy.js";
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
    // Not yet breached at Monday 19:00 sharp; breached a minute later, at the due instant.
    const after = mtti([created("2026-12-24T17:00+01:00", "P1")], "Standard", "2026-12-28T19:01+01:00");
    expect(after).toMatchObject({ state: "breached", breachedAt: T("2026-12-28T19:00+01:00") });
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

  it("before the change, P3 (1 business day from Saturday) is due Monday 19:00", () => {
    // nextOpen = Monday 09:00, +1 business day = Tuesday 09:00: 600 business minutes, which are
    // used up at Monday's closing — the same business-time position, so the due stays there.
    const r = mtti(log, "Business", "2026-03-07T10:10+01:00");
    expect(r).toMatchObject({
      priority: "P3",
      targetMinutes: 600,
      elapsedMinutes: 0,
      dueAt: T("2026-03-09T19:00+01:00"),
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
