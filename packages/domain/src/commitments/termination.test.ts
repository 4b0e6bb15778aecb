import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { decimalOf } from "./amount.js";
import { explainCommitment } from "./explain.js";
import { decideContractTermination, decideServiceTermination, terminationRulesOf } from "./termination.js";

const dsn = terminationRulesOf(shippedContract("deux-sevres-eservices"));
const mcr = terminationRulesOf(shippedContract("multicloud-ready"));

// The example b: activated 15 June 2025, 12 months' minimum, 150.00 a month, 3 months' notice.
const eSav = {
  name: "e-SAV",
  activation: "2025-06-15",
  minimumMonths: 12,
  monthlyPriceCents: 15_000,
  noticeMonths: 3,
};
// Activated 1 December 2025, 24 months' minimum (until 1 December 2027), 99.99 a month, 1 month's notice.
const tao = {
  name: "TAO",
  activation: "2025-12-01",
  minimumMonths: 24,
  monthlyPriceCents: 9_999,
  noticeMonths: 1,
};

describe("terminations (DSN art. 9, DSN-ORD-04)", () => {
  it("ends a service after its own notice and makes the rest of its minimum period due (issue case b)", () => {
    const d = decideServiceTermination(dsn, eSav, { noticeReceived: "2026-01-10" });
    // 10 April → 15 June 2026: April 21/30 × 150 = 105.00, May 150.00, June 14/30 × 150 = 70.00.
    expect(d).toMatchObject({
      decision: "accepted",
      clause: "DSN-ORD-04",
      effectiveDate: "2026-04-10",
      feesDueCents: 32_500,
    });
    expect(explainCommitment(d, "fr", (p) => p, "EUR")).toBe(
      "Lettre reçue le 10/01/2026, préavis de 3 mois de quantième à quantième : le service prend fin le 10/04/2026. e-SAV : période minimale jusqu'au 15/06/2026, restent dus avril 2026 21/30 j = 105,00\u00a0€ + mai 2026 31/31 j = 150,00\u00a0€ + juin 2026 14/30 j = 70,00\u00a0€ = 325,00\u00a0€. Total dû : 325,00\u00a0€ (DSN-ORD-04).",
    );
  });

  it("ends the contract 3 months after the letter and every service with it, summing what each owes (issue case c)", () => {
    const d = decideContractTermination(dsn, [eSav, tao], { noticeReceived: "2026-01-10" });
    // TAO from 10 April 2026 to 1 December 2027: April 21/30 × 99.99 = 69.993 → 69.99, then
    // 19 whole months (May 2026 – November 2027) × 99.99 = 1 899.81: 1 969.80; with e-SAV's 325.00.
    expect(d).toMatchObject({ decision: "accepted", clause: "DSN-ORD-04", effectiveDate: "2026-04-10" });
    expect(decimalOf(d.feesDueCents as number)).toBe("2294.80");
  });

  it("owes nothing for a service past its minimum period, and ends a notice on the month's last day", () => {
    const d = decideServiceTermination(dsn, { ...eSav, noticeMonths: 3 }, { noticeReceived: "2026-11-30" });
    expect(d).toMatchObject({ effectiveDate: "2027-02-28", feesDueCents: 0 });
  });

  it("refuses a letter received after today", () => {
    const d = decideContractTermination(dsn, [eSav], { noticeReceived: "2026-03-02", today: "2026-03-01" });
    expect(d).toMatchObject({
      decision: "refused",
      clause: "DSN-ORD-04",
      effectiveDate: null,
      feesDueCents: null,
    });
    expect(d.reason.code).toBe("termination-notice-in-future");
  });

  it("MCR: no fees computed here (vendor commitments remain due, MCR-ORD-02); the provider sets the date", () => {
    expect(
      decideContractTermination(mcr, [], { noticeReceived: "2026-03-02", effectiveDate: "2026-04-01" }),
    ).toMatchObject({
      decision: "accepted",
      clause: "MCR-ORD-02",
      effectiveDate: "2026-04-01",
      feesDueCents: null,
    });
    expect(
      decideContractTermination(mcr, [], { noticeReceived: "2026-03-02", effectiveDate: "2026-03-01" })
        .decision,
    ).toBe("refused");
  });

  it("MCR: explains the date as the provider's under the general conditions, not as a notice of 0 months", () => {
    const d = decideContractTermination(mcr, [], {
      noticeReceived: "2026-03-02",
      effectiveDate: "2026-04-01",
    });
    expect(explainCommitment(d, "fr", (p) => p, "EUR")).toBe(
      "Résiliation notifiée le 02/03/2026, date d'effet fixée par le prestataire selon les Conditions Générales : le contrat et tous ses services prennent fin le 01/04/2026 (MCR-ORD-02).",
    );
  });
});
