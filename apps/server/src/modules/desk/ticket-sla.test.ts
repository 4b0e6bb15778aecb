import { describe, expect, it } from "vitest";
import { loadContract } from "../../contract/load-contract.js";
import { evaluateTicketSla } from "./ticket-sla.js";

describe("a ticket's SLA at a reader's instant", () => {
  it("shows a ticket committed just after the reader's instant as at its creation, not as an error", () => {
    const contract = loadContract("multicloud-ready");
    const created = Date.parse("2026-11-24T09:00:00.250Z");
    const timeline = [
      {
        at: created,
        type: "created" as const,
        side: "customer" as const,
        channel: "portal" as const,
        visibility: "public" as const,
        data: { priority: "P3" as const },
      },
    ];
    // The list's instant was read 40 ms before its query saw this ticket.
    const sla = evaluateTicketSla(
      contract,
      { planKey: "standard", slaApplies: true },
      timeline,
      new Date(created - 40),
    );
    const [first] = sla.metrics;
    expect(first?.state).toBe("running");
    expect(first?.elapsedMinutes ?? 0).toBe(0);
  });
});
