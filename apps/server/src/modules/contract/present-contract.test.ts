import { describe, expect, it } from "vitest";
import { loadContract } from "../../contract/load-contract.js";
import { presentContract, ZContractSummary } from "./present-contract.js";

describe("the public contract summary", () => {
  const mcr = presentContract(loadContract("multicloud-ready"), "support@example.fr");
  const dsn = presentContract(loadContract("deux-sevres-eservices"), "support@example.fr");

  it("matches its response schema for both shipped contracts", () => {
    expect(ZContractSummary.parse(mcr)).toEqual(mcr);
    expect(ZContractSummary.parse(dsn)).toEqual(dsn);
  });

  it("gives the portal the contract's status labels and out-of-scope reasons (MCR-SUP-10, MCR-SUP-11)", () => {
    expect(mcr.ticketWorkflow.statuses.map((s) => [s.id, s.label.fr])).toEqual([
      ["new", "Nouveau"],
      ["in_progress", "En cours"],
      ["on_hold", "En attente"],
      ["resolved", "Résolu"],
      ["closed", "Clos"],
    ]);
    expect(mcr.ticketWorkflow.outOfScope?.reasons.map((r) => r.id)).toContain("outside-plan");
    expect(mcr.ticketWorkflow.priorityDispute).toEqual({ clause: "MCR-SUP-12" });
    expect(dsn.ticketWorkflow.statuses.find((s) => s.id === "new")?.label.fr).toBe("Déposée");
    expect(dsn.ticketWorkflow.priorityDispute).toBeUndefined();
  });

  it("tells each plan's channels: Premium e-mail with a reference in the subject, phone for P1/P2 (MCR-SUP-03, MCR-SUP-09)", () => {
    const premium = mcr.supportPlans.find((plan) => plan.id === "premium");
    expect(premium?.channels.email).toMatchObject({
      accept: "always",
      senderMustBe: "account-administrator",
      subjectNeedsReference: true,
      clause: "MCR-SUP-09",
    });
    expect(premium?.channels.phone).toEqual({
      priorities: ["P1", "P2"],
      requiresExistingTicket: true,
      clause: "MCR-SUP-03",
    });
    expect(dsn.supportPlans[0]?.channels.email).toMatchObject({
      accept: "when-portal-unavailable",
      address: "hotline.eservice@orange.com",
    });
  });

  it("describes calendars by their open days and hours (MCR-SUP-07, DSN-SUP-06)", () => {
    const business = mcr.calendars.find((c) => c.id === "business-hours");
    expect(business?.days.map((d) => d.day)).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(business?.days[0]?.ranges).toEqual([["09:00", "19:00"]]);
    expect(business?.closedOnHolidays).toBe(true);
    expect(mcr.calendars.find((c) => c.id === "always")?.days).toHaveLength(7);
    expect(dsn.calendars[0]?.days.map((d) => d.day)).toContain("sat");
  });

  it("names calendars in the contract's words (MCR 8.1 Heures Ouvrées, DSN art. 1)", () => {
    expect(mcr.calendars.map((c) => [c.id, c.label?.fr])).toEqual([
      ["business-hours", "Heures Ouvrées"],
      ["always", "24x7"],
    ]);
    expect(dsn.calendars[0]?.label).toEqual({
      fr: "Jours et Heures Ouvrables",
      en: "Working Days and Hours",
    });
  });
});
