import { describe, expect, it } from "vitest";
import type { SlaClock } from "../api/desk-types";
import { leadingClock, minutesToDue, splitMinutes, stateAt } from "./countdown";

const clock = (overrides: Partial<SlaClock>): SlaClock => ({
  metric: "initialResponse",
  state: "running",
  priority: "P1",
  dueAt: "2026-11-23T09:30:00.000Z",
  breachedAt: null,
  elapsedMinutes: 0,
  remainingMinutes: 30,
  percentUsed: 0,
  clause: "MCR-SUP-06",
  escalation: null,
  explanation: "",
  ...overrides,
});
const at = (iso: string) => Date.parse(iso);

describe("SLA countdowns in the portal", () => {
  it("counts down to the due instant and reads breached once it has passed", () => {
    const running = clock({});
    expect(minutesToDue(running, at("2026-11-23T09:00:00Z"))).toBe(30);
    expect(minutesToDue(running, at("2026-11-23T09:29:30Z"))).toBe(0);
    expect(stateAt(running, at("2026-11-23T09:29:59Z"))).toBe("running");
    expect(stateAt(running, at("2026-11-23T09:30:00Z"))).toBe("breached");
    expect(minutesToDue(running, at("2026-11-23T09:42:10Z"))).toBe(-13);
  });

  it("leaves paused and met clocks as the server said", () => {
    expect(stateAt(clock({ state: "paused" }), at("2026-12-01T00:00:00Z"))).toBe("paused");
    expect(stateAt(clock({ state: "met" }), at("2026-12-01T00:00:00Z"))).toBe("met");
    expect(minutesToDue(clock({ dueAt: null }), 0)).toBeUndefined();
  });

  it("shows the target clock still counting first, else the running auto-close", () => {
    const met = clock({ state: "met" });
    const autoClose = clock({ metric: "autoClose", clause: "MCR-SUP-10" });
    expect(leadingClock([met, autoClose])).toBe(autoClose);
    const resolution = clock({ metric: "resolution", state: "paused" });
    expect(leadingClock([met, resolution, autoClose])).toBe(resolution);
    expect(leadingClock([met])).toBe(met);
    expect(leadingClock([])).toBeUndefined();
  });

  it("splits minutes into days, hours and minutes", () => {
    expect(splitMinutes(65)).toEqual({ days: 0, hours: 1, minutes: 5 });
    expect(splitMinutes(1440 * 2 + 61)).toEqual({ days: 2, hours: 1, minutes: 1 });
    expect(splitMinutes(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
