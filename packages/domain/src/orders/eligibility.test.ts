import { describe, expect, it } from "vitest";
import { decideEligibility, lastSignature, type WholesaleContract } from "./eligibility.js";

const ftth: WholesaleContract = {
  title: "Offre d'accès FTTH",
  reference: "AG-FTTH-2025-014",
  allowsItems: ["e-rdv-grand-public", "e-mutation-fibre", "tao"],
  signedOn: "2025-03-01",
  endsOn: null,
};
const ftte: WholesaleContract = {
  title: "Offre Accès FTTE",
  reference: "AG-FTTE-2024-002",
  allowsItems: ["eligibilite-ftte"],
  signedOn: "2024-01-01",
  endsOn: "2025-12-31",
};

describe("eligibility by wholesale contracts (DSN-ORD-01)", () => {
  it("allows an e-service that a wholesale contract in force allows, naming it", () => {
    expect(decideEligibility("wholesale-contracts", [ftth, ftte], "tao", "2026-01-10", "DSN-ORD-01")).toEqual(
      {
        eligible: true,
        basis: { title: "Offre d'accès FTTH", reference: "AG-FTTH-2025-014" },
        clause: "DSN-ORD-01",
      },
    );
  });

  it("refuses an e-service no contract in force allows, listing the contracts held", () => {
    const refused = decideEligibility(
      "wholesale-contracts",
      [ftth, ftte],
      "eligibilite-ftte",
      "2026-01-10",
      "DSN-ORD-01",
    );
    expect(refused).toEqual({
      eligible: false,
      clause: "DSN-ORD-01",
      heldContracts: ["Offre d'accès FTTH (AG-FTTH-2025-014)"],
    });
    expect(
      decideEligibility("wholesale-contracts", [ftte], "eligibilite-ftte", "2025-12-31", "DSN-ORD-01")
        .eligible,
    ).toBe(true);
    expect(decideEligibility("wholesale-contracts", [ftth], "tao", "2025-02-28", "DSN-ORD-01").eligible).toBe(
      false,
    );
  });

  it("lets anyone order where the contract says so (MCR 7.1)", () => {
    expect(decideEligibility("any", [], "aws", "2026-01-10", "MCR-ORD-01").eligible).toBe(true);
  });

  it("takes effect at the last signature, not before both are given (DSN-ORD-02)", () => {
    const operator = new Date("2026-01-10T09:00:00Z");
    const provider = new Date("2026-01-12T14:00:00Z");
    expect(lastSignature(operator, provider)).toEqual(provider);
    expect(lastSignature(operator, null)).toBeNull();
  });
});
