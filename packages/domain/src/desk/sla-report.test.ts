import { describe, expect, it } from "vitest";
import type { ClockState } from "../sla/types.js";
import { exclusionOf, type ReportTicket, slaReportFigures } from "./sla-report.js";

const clock = (state: ClockState, elapsedMinutes: number, answered = true) => ({
  state,
  elapsedMinutes,
  stoppedAt: answered ? 1 : undefined,
});
const ticket = (over: Partial<ReportTicket>): ReportTicket => ({
  priority: "P1",
  inMaintenance: false,
  outOfScope: false,
  slaApplies: true,
  initialResponse: clock("met", 10),
  ...over,
});

describe("monthly SLA figures (MCR-SUP-06)", () => {
  it("counts Premium P1 tickets answered after 10, 20 and 40 minutes (target 30): 2 met, 1 breached, median 20, p90 40", () => {
    const { priorities, total } = slaReportFigures(
      [
        ticket({ initialResponse: clock("met", 10) }),
        ticket({ initialResponse: clock("met", 20) }),
        ticket({ initialResponse: clock("breached", 40) }),
      ],
      true,
      ["P1", "P2", "P3"],
    );
    expect(priorities[0]).toMatchObject({
      priority: "P1",
      counted: 3,
      met: 2,
      breached: 1,
      running: 0,
      answered: 3,
      medianMinutes: 20,
      p90Minutes: 40,
    });
    expect(priorities[1]).toMatchObject({
      priority: "P2",
      counted: 0,
      medianMinutes: null,
      p90Minutes: null,
    });
    expect(total).toMatchObject({ counted: 3, met: 2, breached: 1, medianMinutes: 20, p90Minutes: 40 });
  });

  it("counts unanswered clocks as running, or breached once past the target, without a response time", () => {
    const { total } = slaReportFigures(
      [
        ticket({ initialResponse: clock("running", 5, false) }),
        ticket({ initialResponse: clock("paused", 5, false) }),
        ticket({ initialResponse: clock("breached", 90, false) }),
        ticket({ initialResponse: clock("met", 12) }),
      ],
      true,
      ["P1", "P2", "P3"],
    );
    expect(total).toMatchObject({
      counted: 4,
      met: 1,
      breached: 1,
      running: 2,
      answered: 1,
      medianMinutes: 12,
    });
  });

  it("leaves out tickets that say nothing of responsiveness, each under its first reason (DSN-SUP-07, MCR-SUP-11, MCR-SUP-08)", () => {
    const { total } = slaReportFigures(
      [
        ticket({ inMaintenance: true, slaApplies: false }),
        ticket({ outOfScope: true, slaApplies: false }),
        ticket({ slaApplies: false, initialResponse: undefined }),
        ticket({ initialResponse: clock("none", 0, false) }),
        ticket({}),
      ],
      true,
      ["P1", "P2", "P3"],
    );
    expect(total.counted).toBe(1);
    expect(total.excluded).toEqual({ maintenance: 1, outOfScope: 1, slaNotApplicable: 1, noTarget: 1 });
  });

  it("reports each of a contract's own levels, in its order (five priorities)", () => {
    const { priorities } = slaReportFigures(
      [ticket({ priority: "P5" }), ticket({ priority: "P4" }), ticket({ priority: "P5" })],
      true,
      ["P1", "P2", "P3", "P4", "P5"],
    );
    expect(priorities.map((p) => [p.priority, p.counted])).toEqual([
      ["P1", 0],
      ["P2", 0],
      ["P3", 0],
      ["P4", 1],
      ["P5", 2],
    ]);
  });

  it("keeps a maintenance ticket when the contract counts maintenance as an incident", () => {
    expect(exclusionOf(ticket({ inMaintenance: true }), false)).toBeNull();
    expect(exclusionOf(ticket({ inMaintenance: true }), true)).toBe("maintenance");
  });
});
