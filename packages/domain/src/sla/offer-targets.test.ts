import { describe, expect, it } from "vitest";
import { evaluateSla } from "./evaluate.js";
import { explain } from "./explain.js";
import { mcrCalendars, T } from "./fixtures.test-helper.js";
import { buildSlaPolicy } from "./policy.js";
import { ZPlanSla } from "./policy-schema.js";
import { parseSlaTarget } from "./target.js";
import type { TicketEvent } from "./types.js";

/**
 * Targets as real offers state them (issue 23): "best effort", "next business day" (at its opening,
 * or by its end: both distinct from "1 business day"), and "escalation required". The calendar is
 * Mon–Fri 09:00–19:00 Paris with French holidays.
 */
const ev = (at: string, type: TicketEvent["type"], extra: Partial<TicketEvent> = {}): TicketEvent => ({
  at: T(at),
  type,
  ...extra,
});
const bh = (target: string, escalation?: { channel: "phone" | "portal"; clause: string }) => ({
  target,
  calendar: "business-hours",
  ...(escalation ? { escalation } : {}),
});

const policy = buildSlaPolicy(
  ZPlanSla.parse({
    initialResponse: {
      clause: "ALP-SUP-04",
      P1: { target: "30m", calendar: "24x7", escalation: { channel: "phone", clause: "ALP-SUP-06" } },
      P2: bh("next business day opening"),
      P3: bh("end of next business day"),
      P4: bh("1 business day"),
      P5: bh("best effort"),
    },
  }),
  {},
  mcrCalendars(),
  { fr: "Premium", en: "Premium" },
);

const openedAt = (at: string, priority: string) => [ev(at, "created", { priority })];
const clockOf = (log: TicketEvent[], now: string) => {
  const [clock] = evaluateSla(log, policy, T(now)).metrics;
  if (!clock) throw new Error("no clock");
  return clock;
};

describe("targets as offers state them (issue 23)", () => {
  it("reads the offer's words, and refuses 'next business day' without its reading", () => {
    expect(parseSlaTarget("best effort")).toEqual({ kind: "bestEffort" });
    expect(parseSlaTarget("Next business day opening")).toMatchObject({
      kind: "nextBusinessDay",
      by: "opening",
    });
    expect(parseSlaTarget("end of next business day")).toMatchObject({ kind: "nextBusinessDay", by: "end" });
    expect(parseSlaTarget("next business day")).toBeUndefined();
  });

  it("'next business day opening' from Friday 10:00 is due Monday 09:00, where '1 business day' is Monday 10:00", () => {
    const nbd = clockOf(openedAt("2026-03-06T10:00:00+01:00", "P2"), "2026-03-06T11:00:00+01:00");
    expect(nbd.state).toBe("running");
    expect(nbd.dueAt).toBe(T("2026-03-09T09:00:00+01:00"));
    const oneDay = clockOf(openedAt("2026-03-06T10:00:00+01:00", "P4"), "2026-03-06T11:00:00+01:00");
    expect(oneDay.dueAt).toBe(T("2026-03-09T10:00:00+01:00"));
    expect(explain(nbd, "en").text).toContain("at the next business day's opening");
    expect(explain(nbd, "fr").text).toContain("à l'ouverture du jour ouvré suivant");
  });

  it("'end of next business day' from Saturday is due Tuesday 19:00, and breached only after it", () => {
    const log = openedAt("2026-03-07T11:00:00+01:00", "P3");
    expect(clockOf(log, "2026-03-09T12:00:00+01:00").dueAt).toBe(T("2026-03-10T19:00:00+01:00"));
    expect(clockOf(log, "2026-03-10T18:59:00+01:00").state).toBe("running");
    const late = clockOf(log, "2026-03-11T09:30:00+01:00");
    expect(late.state).toBe("breached");
    expect(late.breachedAt).toBe(T("2026-03-11T09:00:00+01:00"));
  });

  it("says 'best effort' to the customer: no clock, no deadline", () => {
    const clock = clockOf(openedAt("2026-03-06T10:00:00+01:00", "P5"), "2026-03-20T10:00:00+01:00");
    expect(clock.state).toBe("none");
    expect(clock.dueAt).toBeUndefined();
    expect(explain(clock, "fr").text).toBe(
      "Prise en charge : au mieux, sans délai garanti, pour Premium P5 — ALP-SUP-04",
    );
    expect(explain(clock, "en").text).toBe(
      "Initial response: best effort, no guaranteed time, for Premium P5 — ALP-SUP-04",
    );
  });

  it("runs an 'escalation required' target only from the customer's escalation by the stated channel", () => {
    const opened = openedAt("2026-03-06T10:00:00+01:00", "P1");
    const waiting = clockOf(opened, "2026-03-06T12:00:00+01:00");
    expect(waiting.state).toBe("conditional");
    expect(waiting.dueAt).toBeUndefined();
    expect(explain(waiting, "en").text).toBe(
      "Initial response: escalation required: the target (Premium P1, < 30 min, 24x7) runs only once the request is escalated by phone (ALP-SUP-06) — ALP-SUP-04",
    );
    // An escalation by another channel does not start it; the phone call at 12:00 does.
    const byPortal = [...opened, ev("2026-03-06T11:00:00+01:00", "escalated", { channel: "portal" })];
    expect(clockOf(byPortal, "2026-03-06T12:00:00+01:00").state).toBe("conditional");
    const byPhone = [...byPortal, ev("2026-03-06T12:00:00+01:00", "escalated", { channel: "phone" })];
    const running = clockOf(byPhone, "2026-03-06T12:10:00+01:00");
    expect(running.state).toBe("running");
    expect(running.startedAt).toBe(T("2026-03-06T12:00:00+01:00"));
    expect(running.dueAt).toBe(T("2026-03-06T12:30:00+01:00"));
    expect(explain(running, "fr").text).toContain(
      "escalade par téléphone le ven. 6 mars 2026 12:00 (ALP-SUP-06)",
    );
    const answered = [...byPhone, ev("2026-03-06T12:20:00+01:00", "agent_responded")];
    expect(clockOf(answered, "2026-03-06T13:00:00+01:00").state).toBe("met");
  });
});
