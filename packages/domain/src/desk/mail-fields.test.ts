import { describe, expect, it } from "vitest";
import { matchService, readMailTicketFields } from "./mail-fields.js";

describe("the body template of an e-mail ticket (MCR-SUP-09)", () => {
  it("reads priority, service and category in French, accents and case ignored", () => {
    const body =
      "Bonjour,\n\nPriorité : P1\nService : Amazon Web Services\nCatégorie : Incident\n\nLa console ne répond plus.";
    expect(readMailTicketFields(body, ["P1", "P2", "P3"])).toEqual({
      priority: "P1",
      service: "amazon web services",
      category: "incident",
    });
  });

  it("reads English keys, keeps the first value, and ignores what is not a field", () => {
    const body = "priority: p2 (major)\nPriority: P3\nNote: the VM is down\nhttps://example.fr: nothing";
    expect(readMailTicketFields(body, ["P1", "P2", "P3"])).toEqual({
      priority: "P2",
      service: null,
      category: null,
    });
  });

  it("names one of the contract's own levels, and nothing else (five priorities)", () => {
    const five = ["P1", "P2", "P3", "P4", "P5"];
    expect(readMailTicketFields("Priorität: p5 — kein Einfluss", five).priority).toBe("P5");
    expect(readMailTicketFields("Priority: p5 — no impact", five).priority).toBe("P5");
    expect(readMailTicketFields("Priority: P4", ["P1", "P2", "P3"]).priority).toBeNull();
    expect(readMailTicketFields("Priority: P12", five).priority).toBeNull();
  });

  it("finds a service by id or by name, among those offered only", () => {
    const offered = [
      { id: "e-sav", name: { fr: "e-SAV", en: "e-SAV" } },
      { id: "tao", name: { fr: "TAO", en: "TAO" } },
    ];
    expect(matchService("e-sav", offered)).toBe("e-sav");
    expect(matchService("tao", offered)).toBe("tao");
    expect(matchService("eligibilite-ftte", offered)).toBeNull();
    expect(matchService(null, offered)).toBeNull();
  });
});
