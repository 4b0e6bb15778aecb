import { describe, expect, it } from "vitest";
import { formatTicketReference, ticketReferencePattern, yearIn } from "./reference.js";
import { shippedContract } from "./shipped-contract.test-helper.js";
import { slaLogOf, type TimelineEvent } from "./timeline.js";
import { availableActions, decideTransition } from "./workflow.js";

const mcr = shippedContract("multicloud-ready").ticketWorkflow;
const dsn = shippedContract("deux-sevres-eservices").ticketWorkflow;

describe("the ticket lifecycle", () => {
  it("lets the customer confirm or reopen a resolved MCR ticket (MCR-SUP-10)", () => {
    expect(availableActions(mcr, "resolved", "customer")).toEqual(["confirm", "reopen"]);
    expect(decideTransition(mcr, "resolved", "confirm", "customer")).toEqual({ ok: true, to: "closed" });
  });

  it("has nothing to confirm where the resolution report closes the ticket (DSN-SUP-05)", () => {
    expect(decideTransition(dsn, "resolved", "confirm", "customer")).toEqual({
      ok: false,
      reason: "transition_forbidden",
      clause: "DSN-SUP-05",
    });
  });

  it("refuses a customer resolving, and a closed ticket moving again", () => {
    expect(decideTransition(mcr, "in_progress", "resolve", "customer").ok).toBe(false);
    for (const action of ["take", "hold", "resume", "resolve", "close", "reopen"] as const)
      expect(decideTransition(mcr, "closed", action, "provider").ok, action).toBe(false);
  });

  it("offers the provider the moves of an open ticket", () => {
    expect(availableActions(mcr, "new", "provider")).toEqual(["take", "hold", "resolve", "close"]);
    expect(availableActions(mcr, "on_hold", "provider")).toEqual(["resume", "resolve", "close"]);
  });
});

describe("references", () => {
  it("reads like MCR-2026-00042 and counts the year in the provider's zone", () => {
    expect(formatTicketReference("MCR", 2026, 42)).toBe("MCR-2026-00042");
    expect(ticketReferencePattern("DSN").test("DSN-2026-00007")).toBe(true);
    expect(ticketReferencePattern("DSN").test("MCR-2026-00007")).toBe(false);
    // 31 Dec 2026 23:30 in Paris is 22:30 UTC: still 2026 there; 1 Jan 00:30 Paris is 2027.
    expect(yearIn(Date.parse("2026-12-31T22:30:00Z"), "Europe/Paris")).toBe(2026);
    expect(yearIn(Date.parse("2026-12-31T23:30:00Z"), "Europe/Paris")).toBe(2027);
  });
});

describe("the SLA log of a timeline", () => {
  const at = (minute: number) => Date.parse("2026-11-23T09:00:00Z") + minute * 60_000;
  const event = (minute: number, over: Partial<TimelineEvent>): TimelineEvent => ({
    at: at(minute),
    type: "message",
    side: "provider",
    channel: "portal",
    visibility: "public",
    data: {},
    ...over,
  });

  it("counts a public provider answer or a call as a response, never an internal note or the customer", () => {
    const log = slaLogOf([
      event(0, { type: "created", side: "customer", data: { priority: "P1" } }),
      event(1, { visibility: "internal" }),
      event(2, { side: "customer" }),
      event(3, { type: "call_logged", channel: "phone" }),
      event(4, {}),
    ]);
    expect(log.map((e) => e.type)).toEqual(["created", "agent_responded", "agent_responded"]);
    expect(log[1]?.at).toBe(at(3));
  });

  it("reads resolution, reopening and closing from status changes", () => {
    const log = slaLogOf([
      event(0, { type: "created", side: "customer", data: { priority: "P2" } }),
      event(1, { type: "status_changed", data: { from: "new", to: "on_hold" } }),
      event(2, { type: "status_changed", data: { from: "on_hold", to: "resolved" } }),
      event(3, { type: "status_changed", side: "customer", data: { from: "resolved", to: "in_progress" } }),
      event(4, { type: "status_changed", data: { from: "in_progress", to: "closed" } }),
    ]);
    expect(log.map((e) => [e.type, e.status])).toEqual([
      ["created", "new"],
      ["status_changed", "on_hold"],
      ["resolved", undefined],
      ["reopened", "in_progress"],
      ["closed", undefined],
    ]);
  });
});
