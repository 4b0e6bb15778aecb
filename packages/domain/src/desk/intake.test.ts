import { describe, expect, it } from "vitest";
import { decideIntake, type IntakeRequest, phoneCallAllowed } from "./intake.js";
import { shippedContract } from "./shipped-contract.test-helper.js";

const mcr = shippedContract("multicloud-ready");
const dsn = shippedContract("deux-sevres-eservices");

const contact = { isNamedContact: true, isCustomerAdmin: false };
const mcrRequest = (over: Partial<IntakeRequest>): IntakeRequest => ({
  planKey: "premium",
  channel: "portal",
  category: "incident",
  catalogueItemId: null,
  subscribedItems: new Set(),
  requester: contact,
  portalDeclaredUnavailable: false,
  ...over,
});

describe("opening a ticket under MCR", () => {
  it("lets a named contact open an incident in the portal, with its SLA", () => {
    expect(decideIntake(mcr, mcrRequest({}))).toEqual({ ok: true, slaApplies: true });
  });

  it("takes one of the contract's priorities and refuses another, citing its matrix (MCR-SUP-05)", () => {
    expect(decideIntake(mcr, mcrRequest({ priority: "P2" })).ok).toBe(true);
    expect(decideIntake(mcr, mcrRequest({ priority: "P4" }))).toEqual({
      ok: false,
      reason: "unknown_priority",
      clause: "MCR-SUP-05",
    });
  });

  it("refuses someone who is not a named contact, citing MCR-SUP-04", () => {
    const decision = decideIntake(
      mcr,
      mcrRequest({ requester: { isNamedContact: false, isCustomerAdmin: true } }),
    );
    expect(decision).toEqual({ ok: false, reason: "not_named_contact", clause: "MCR-SUP-04" });
  });

  it("opens a Basic customer's billing question, without SLA target, from any user (MCR-SUP-08)", () => {
    const decision = decideIntake(
      mcr,
      mcrRequest({
        planKey: "basic",
        category: "billing",
        requester: { isNamedContact: false, isCustomerAdmin: false },
      }),
    );
    expect(decision).toEqual({ ok: true, slaApplies: false });
  });

  it("closes a Basic customer's incident at once with the reason (MCR-SUP-08, MCR-SUP-11)", () => {
    const decision = decideIntake(mcr, mcrRequest({ planKey: "basic", category: "incident" }));
    expect(decision).toEqual({
      ok: true,
      slaApplies: false,
      closeAsOutOfScope: { reason: "outside-plan", clause: "MCR-SUP-11" },
    });
  });

  it("takes e-mail from Premium always, never from Standard, even while the portal is declared down (MCR-SUP-03, issue 14)", () => {
    const admin = { isNamedContact: true, isCustomerAdmin: true };
    expect(decideIntake(mcr, mcrRequest({ channel: "email", requester: admin })).ok).toBe(true);
    expect(
      decideIntake(mcr, mcrRequest({ planKey: "standard", channel: "email", requester: admin })),
    ).toEqual({
      ok: false,
      reason: "channel_closed",
      clause: "MCR-SUP-03",
    });
    const whileDown = mcrRequest({
      planKey: "standard",
      channel: "email",
      requester: admin,
      portalDeclaredUnavailable: true,
    });
    expect(decideIntake(mcr, whileDown)).toEqual({
      ok: false,
      reason: "channel_closed",
      clause: "MCR-SUP-03",
    });
  });

  it("takes a Premium e-mail ticket only from the account administrator (MCR-SUP-09)", () => {
    expect(decideIntake(mcr, mcrRequest({ channel: "email" }))).toEqual({
      ok: false,
      reason: "sender_not_allowed",
      clause: "MCR-SUP-09",
    });
  });

  it("never opens a ticket by phone, and logs calls only for Business and Premium P1/P2 (MCR-SUP-03)", () => {
    expect(decideIntake(mcr, mcrRequest({ channel: "phone" }))).toMatchObject({
      ok: false,
      reason: "phone_needs_ticket",
    });
    expect(phoneCallAllowed(mcr, "premium", "P1")).toEqual({ ok: true });
    expect(phoneCallAllowed(mcr, "business", "P2")).toEqual({ ok: true });
    expect(phoneCallAllowed(mcr, "business", "P3")).toMatchObject({ ok: false, clause: "MCR-SUP-03" });
    expect(phoneCallAllowed(mcr, "standard", "P1")).toMatchObject({ ok: false, clause: "MCR-SUP-03" });
  });
});

describe("opening a signalisation under DSN", () => {
  const dsnRequest = (over: Partial<IntakeRequest>): IntakeRequest => ({
    planKey: "e-soutien",
    channel: "portal",
    category: "incident",
    catalogueItemId: "e-sav",
    subscribedItems: new Set(["e-sav", "tao"]),
    requester: { isNamedContact: false, isCustomerAdmin: false },
    portalDeclaredUnavailable: false,
    ...over,
  });

  it("lets any identifier holder signal about a subscribed e-service", () => {
    expect(decideIntake(dsn, dsnRequest({}))).toEqual({ ok: true, slaApplies: true });
  });

  it("refuses an e-service the operator does not hold, at deposit (DSN-SUP-01)", () => {
    expect(decideIntake(dsn, dsnRequest({ catalogueItemId: "e-mutation-fibre" }))).toEqual({
      ok: false,
      reason: "item_not_subscribed",
      clause: "DSN-SUP-01",
    });
  });

  it("asks which e-service a signalisation is about (DSN-SUP-01)", () => {
    expect(decideIntake(dsn, dsnRequest({ catalogueItemId: null }))).toMatchObject({
      ok: false,
      reason: "service_required",
    });
  });

  it("takes the fallback address only while e-soutien is declared down (DSN-SUP-08)", () => {
    expect(decideIntake(dsn, dsnRequest({ channel: "email" }))).toEqual({
      ok: false,
      reason: "channel_closed",
      clause: "DSN-SUP-08",
    });
    expect(decideIntake(dsn, dsnRequest({ channel: "email", portalDeclaredUnavailable: true })).ok).toBe(
      true,
    );
  });
});
