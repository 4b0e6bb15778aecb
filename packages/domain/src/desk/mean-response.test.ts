import { describe, expect, it } from "vitest";
import type { ClockState } from "../sla/types.js";
import { type MeanResponseTicket, meanResponseFigures } from "./mean-response.js";

const target = { kind: "minutes" as const, minutes: 60, text: "1h" };
const ticket = (state: ClockState, elapsedMinutes: number, over: Partial<MeanResponseTicket> = {}) => ({
  priority: "P2",
  plan: "business",
  inMaintenance: false,
  outOfScope: false,
  slaApplies: true,
  target,
  targetMinutes: 60,
  initialResponse: {
    state,
    elapsedMinutes,
    stoppedAt: state === "running" || elapsedMinutes > 60 ? undefined : 1,
  },
  ...over,
});

describe("the mean initial response time (MCR-SUP-06: MTTI is a mean)", () => {
  it("judges the mean, counts a late unanswered ticket with its time so far, waits for one within its target", () => {
    const [mean] = meanResponseFigures(
      [ticket("met", 30), ticket("met", 40), ticket("breached", 140), ticket("running", 10)],
      true,
      ["P1", "P2", "P3"],
    );
    expect(mean).toMatchObject({
      plan: "business",
      priority: "P2",
      measured: 3,
      targetMinutes: 60,
      met: false,
    });
    expect(mean?.meanMinutes).toBeCloseTo(70);
  });

  it("keeps plans apart and leaves out what the report leaves out", () => {
    const means = meanResponseFigures(
      [
        ticket("met", 50),
        ticket("met", 50, { plan: "premium", targetMinutes: 30, target: { ...target, minutes: 30 } }),
        ticket("met", 500, { slaApplies: false }),
      ],
      true,
      ["P1", "P2", "P3"],
    );
    expect(means.map((m) => [m.plan, m.meanMinutes, m.met])).toEqual([
      ["business", 50, true],
      ["premium", 50, false],
    ]);
  });
});
