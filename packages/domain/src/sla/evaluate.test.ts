import { describe, expect, it } from "vitest";
import { SlaError } from "./errors.js";
import { evaluateSla } from "./evaluate.js";
import { explain } from "./explain.js";
import { mcrCalendars, mcrPolicy, T } from "./fixtures.test-helper.js";
import { buildSlaPolicy } from "./policy.js";
import { ZPlanSla } from "./policy-schema.js";
import type { TicketEvent } from "./types.js";

const ev = (at: string, type: TicketEvent["type"], extra: Partial<TicketEvent> = {}): TicketEvent => ({
  at: T(at),
  type,
  ...extra,
});

/** A plan with both metrics on 24x7, to test the clock rules without business hours. */
const resolutionPolicy = (clock = {}) =>
  buildSlaPolicy(
    ZPlanSla.parse({
      initialResponse: {
        clause: "MCR-SUP-06",
        P1: { target: "1h", calendar: "24x7" },
        P2: { target: "2h", calendar: "24x7" },
        P3: { target: "4h", calendar: "24x7" },
      },
      resolution: {
        clause: "GEN-02",
        P1: { target: "4h", calendar: "24x7" },
        P2: { target: "8h", calendar: "24x7" },
        P3: { target: "2 business days", calendar: "business-hours" },
      },
    }),
    clock,
    mcrCalendars(),
    "Test",
  );

describe("evaluateSla: clock rules", () => {
  it("resolution stops at resolved and resumes on reopening; initial response stops at resolution", () => {
    const log = [
      ev("2026-03-03T10:00+01:00", "created", { priority: "P2" }),
      ev("2026-03-03T12:00+01:00", "resolved"),
      ev("2026-03-03T14:00+01:00", "reopened"),
    ];
    const e = evaluateSla(log, resolutionPolicy(), T("2026-03-03T15:00+01:00"));
    const [response, resolution] = e.metrics;
    expect(response).toMatchObject({
      state: "met",
      stoppedAt: T("2026-03-03T12:00+01:00"),
      elapsedMinutes: 120,
    });
    expect(resolution).toMatchObject({
      state: "running",
      elapsedMinutes: 180,
      dueAt: T("2026-03-03T20:00+01:00"),
    });
    expect(e.status).toBe("in_progress");
    const resolved = evaluateSla(log.slice(0, 2), resolutionPolicy(), T("2026-03-03T15:00+01:00"));
    expect(resolved.metrics[1]).toMatchObject({ state: "met", stoppedAt: T("2026-03-03T12:00+01:00") });
  });

  it("ignores a priority change after the clock stopped", () => {
    const log = [
      ev("2026-03-03T10:00+01:00", "created", { priority: "P3" }),
      ev("2026-03-03T12:00+01:00", "agent_responded"),
      ev("2026-03-03T12:30+01:00", "priority_changed", { priority: "P1" }),
    ];
    const r = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T13:00+01:00")).metrics[0];
    expect(r).toMatchObject({ priority: "P3", state: "met", elapsedMinutes: 120 });
  });

  it("reads an unsorted log and ignores events after now", () => {
    const log = [
      ev("2026-03-03T10:40+01:00", "agent_responded"),
      ev("2026-03-03T10:00+01:00", "created", { priority: "P2" }),
    ];
    const early = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T10:30+01:00")).metrics[0];
    expect(early).toMatchObject({ state: "running", elapsedMinutes: 30, stoppedAt: undefined });
    const late = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T11:30+01:00")).metrics[0];
    expect(late).toMatchObject({ state: "met", elapsedMinutes: 40 });
  });

  it("breaches when a pause ends after the target was used up, at the resumption", () => {
    const log = [
      ev("2026-03-03T10:00+01:00", "created", { priority: "P1" }), // Premium P1: 30 min
      ev("2026-03-03T10:30+01:00", "status_changed", { status: "on_hold" }),
      ev("2026-03-03T11:00+01:00", "status_changed", { status: "in_progress" }),
    ];
    const paused = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T10:45+01:00")).metrics[0];
    expect(paused).toMatchObject({
      state: "paused",
      remainingMinutes: 0,
      dueAt: T("2026-03-03T10:30+01:00"),
    });
    const resumed = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T11:05+01:00")).metrics[0];
    expect(resumed).toMatchObject({ state: "breached", breachedAt: T("2026-03-03T11:00+01:00") });
  });

  it("uses the contract's pause statuses", () => {
    const log = [
      ev("2026-03-03T10:00+01:00", "created", { priority: "P2", status: "new" }),
      ev("2026-03-03T10:20+01:00", "status_changed", { status: "in_progress" }),
    ];
    const r = evaluateSla(log, mcrPolicy("Premium", { pauseStatuses: ["new"] }), T("2026-03-03T10:30+01:00"));
    expect(r.metrics[0]).toMatchObject({ elapsedMinutes: 10, pausedMinutes: 20 });
  });

  it("converts business days at the clock's start and lets pauses compose", () => {
    const log = [
      ev("2026-03-06T17:00+01:00", "created", { priority: "P3" }),
      ev("2026-03-09T10:00+01:00", "status_changed", { status: "on_hold" }),
      ev("2026-03-09T11:00+01:00", "status_changed", { status: "in_progress" }),
    ];
    // 2 business days from Friday 17:00 = Tuesday 17:00 = 1200 business minutes; +1 h on hold.
    const r = evaluateSla(log, resolutionPolicy(), T("2026-03-09T12:00+01:00")).metrics[1];
    expect(r).toMatchObject({ targetMinutes: 1200, elapsedMinutes: 240, dueAt: T("2026-03-10T18:00+01:00") });
  });

  it("refuses a log without a created event or evaluated before creation", () => {
    expect(() => evaluateSla([], mcrPolicy("Premium"), 0)).toThrow(SlaError);
    const log = [ev("2026-03-03T10:00+01:00", "created", { priority: "P2" })];
    expect(() => evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T09:00+01:00"))).toThrow(
      /before the ticket's creation/,
    );
  });
});

describe("buildSlaPolicy", () => {
  it("names the contract path of an unknown calendar", () => {
    const plan = ZPlanSla.parse({
      initialResponse: {
        clause: "MCR-SUP-06",
        P1: { target: "1h", calendar: "24x7" },
        P2: { target: "1h", calendar: "24x7" },
        P3: { target: "1h", calendar: "nights" },
      },
    });
    expect(() => buildSlaPolicy(plan, {}, mcrCalendars(), "Premium")).toThrow(
      'sla.Premium.initialResponse.P3.calendar: unknown calendar "nights"',
    );
  });

  it("applies the documented defaults and accepts a resolver function or a Map", () => {
    const calendars = mcrCalendars();
    const plan = ZPlanSla.parse({});
    const policy = buildSlaPolicy(plan, {}, (name) => calendars[name], "Basic");
    expect([...policy.pauseStatuses]).toEqual(["on_hold"]);
    expect(policy.priorityChange).toBe("keep-elapsed");
    expect(policy.warningThresholds).toEqual([75, 90]);
    const custom = buildSlaPolicy(
      plan,
      { warningThresholds: [90, 50, 90] },
      new Map(Object.entries(calendars)),
      "X",
    );
    expect(custom.warningThresholds).toEqual([50, 90]);
  });
});

describe("explain (GEN-02)", () => {
  const log = [ev("2026-03-03T09:30+01:00", "created", { priority: "P2" })];
  const r = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T09:50+01:00")).metrics[0];
  if (!r) throw new Error("no metric");

  it("says the due date in French by default, in the calendar's zone", () => {
    expect(explain(r).text).toBe(
      "Prise en charge : échéance mar. 3 mars 2026 10:30 (Europe/Paris) : Premium P2, < 1 h, 24x7 ; " +
        "20 min ouvrées consommées sur 60 (33 %) — MCR-SUP-06",
    );
  });

  it("says it in English", () => {
    expect(explain(r, "en").text).toBe(
      "Initial response: due Tue 3 Mar 2026 10:30 (Europe/Paris): Premium P2, < 1 h, 24x7; " +
        "20 of 60 business minutes used (33 %) — MCR-SUP-06",
    );
  });

  it("returns the rule, its inputs and the clause as data", () => {
    expect(explain(r).data).toMatchObject({
      rule: "initialResponse: Premium P2, 1h, on 24x7",
      clause: "MCR-SUP-06",
      inputs: {
        plan: "Premium",
        priority: "P2",
        dueAt: "2026-03-03T09:30:00Z",
        elapsedMinutes: 20,
        targetMinutes: 60,
      },
    });
  });

  it("explains business-day targets, breaches, absent targets and the auto-close", () => {
    // MCR-SUP-07: this said "breached since Mon 28 Dec 19:00" at Tuesday 09:00, before any business
    // minute past the target; the breach begins at the next opening, Tuesday 09:00, and shows from
    // the first business minute after it.
    const standard = evaluateSla(
      [ev("2026-12-24T17:00+01:00", "created", { priority: "P1" })],
      mcrPolicy("Standard"),
      T("2026-12-29T10:00+01:00"),
    ).metrics[0];
    expect(standard && explain(standard, "en").text).toBe(
      "Initial response: breached since Tue 29 Dec 2026 09:00 (Europe/Paris): Standard P1, < 12 business hours, " +
        "business-hours; 780 of 720 business minutes used (108 %) — MCR-SUP-06",
    );
    const basic = evaluateSla(log, mcrPolicy("Basic"), T("2026-03-03T09:50+01:00")).metrics[0];
    expect(basic && explain(basic).text).toBe("Prise en charge : sans objectif pour Basic P2 — MCR-SUP-06");
    const resolved = evaluateSla(
      [...log, ev("2026-11-09T10:00+01:00", "resolved")],
      mcrPolicy("Standard"),
      T("2026-11-10T10:00+01:00"),
    );
    expect(resolved.autoClose && explain(resolved.autoClose).text).toBe(
      "Clôture automatique : échéance mar. 17 nov. 2026 10:00 (Europe/Paris) : 5 jours ouvrés après la résolution " +
        "sans confirmation, business-hours — MCR-SUP-10",
    );
  });

  it("names the calendar as the contract does, in the reader's language (MCR-SUP-07)", () => {
    const label = { fr: "Heures Ouvrées", en: "Business Hours" };
    const policy = mcrPolicy("Standard", {}, mcrCalendars({ label }));
    const created = [ev("2026-11-23T09:00+01:00", "created", { priority: "P2" })];
    const running = evaluateSla(created, policy, T("2026-11-23T12:00+01:00")).metrics[0];
    expect(running && explain(running).text).toBe(
      "Prise en charge : échéance mar. 24 nov. 2026 09:00 (Europe/Paris) : Standard P2, 1 jour ouvré, " +
        "Heures Ouvrées ; 180 min ouvrées consommées sur 600 (30 %) — MCR-SUP-06",
    );
    expect(running && explain(running, "en").text).toContain("Standard P2, 1 business day, Business Hours;");
    // Data and audits keep the id.
    expect(running && explain(running).data.inputs.calendar).toBe("business-hours");
    const resolved = evaluateSla(
      [...created, ev("2026-11-23T15:00+01:00", "resolved")],
      policy,
      T("2026-11-23T16:00+01:00"),
    );
    expect(resolved.autoClose && explain(resolved.autoClose, "en").text).toBe(
      "Auto-close: due Mon 30 Nov 2026 15:00 (Europe/Paris): 5 business days after resolution " +
        "without confirmation, Business Hours — MCR-SUP-10",
    );
  });

  it("says a ticket closed past the auto-close deadline is closed, not still to close (MCR-SUP-10)", () => {
    const resolved = [
      ev("2026-11-06T09:00+01:00", "created", { priority: "P3" }),
      ev("2026-11-09T10:00+01:00", "resolved"),
    ];
    const due = evaluateSla(resolved, mcrPolicy("Standard"), T("2026-11-17T11:00+01:00")).autoClose;
    expect(due && explain(due).text).toBe(
      "Clôture automatique : à clôturer depuis mar. 17 nov. 2026 10:00 (Europe/Paris) : 5 jours ouvrés après " +
        "la résolution sans confirmation, business-hours — MCR-SUP-10",
    );
    const swept = [...resolved, ev("2026-11-17T10:01+01:00", "closed")];
    const closed = evaluateSla(swept, mcrPolicy("Standard"), T("2026-11-20T12:00+01:00")).autoClose;
    expect(closed?.state).toBe("met");
    expect(closed && explain(closed).text).toBe(
      "Clôture automatique : clôturé mar. 17 nov. 2026 10:01, échéance mar. 17 nov. 2026 10:00 (Europe/Paris) : " +
        "5 jours ouvrés après la résolution sans confirmation, business-hours — MCR-SUP-10",
    );
    expect(closed && explain(closed, "en").text).toContain("Auto-close: closed Tue 17 Nov 2026 10:01, due");
  });

  it("falls back to the calendar's id when the contract gives it no label", () => {
    const created = [ev("2026-11-23T09:00+01:00", "created", { priority: "P2" })];
    const running = evaluateSla(created, mcrPolicy("Standard"), T("2026-11-23T12:00+01:00")).metrics[0];
    expect(running?.calendarLabel).toBeUndefined();
    expect(running && explain(running).text).toContain("Standard P2, 1 jour ouvré, business-hours ;");
    expect(running && explain(running, "en").text).toContain("Standard P2, 1 business day, business-hours;");
  });
});

describe("explain: met and paused", () => {
  const log = [
    ev("2026-03-03T09:30+01:00", "created", { priority: "P2" }),
    ev("2026-03-03T09:40+01:00", "status_changed", { status: "on_hold" }),
  ];

  it("says a pause and its projected due date", () => {
    const r = evaluateSla(log, mcrPolicy("Premium"), T("2026-03-03T10:00+01:00")).metrics[0];
    expect(r && explain(r, "en").text).toBe(
      "Initial response: paused; due Tue 3 Mar 2026 10:50 (Europe/Paris) if resumed now: Premium P2, < 1 h, 24x7; " +
        "10 of 60 business minutes used (17 %), 20 business minutes on pause not counted — MCR-SUP-06",
    );
  });

  it("says when the clock stopped within the target", () => {
    const replied = [...log, ev("2026-03-03T10:05+01:00", "agent_responded")];
    const r = evaluateSla(replied, mcrPolicy("Premium"), T("2026-03-03T11:00+01:00")).metrics[0];
    expect(r && explain(r).text).toBe(
      "Prise en charge : respecté, arrêté le mar. 3 mars 2026 10:05, échéance mar. 3 mars 2026 10:55 (Europe/Paris) : " +
        "Premium P2, < 1 h, 24x7 ; 10 min ouvrées consommées sur 60 (17 %), 25 min ouvrées de pause non décomptées — MCR-SUP-06",
    );
  });
});
