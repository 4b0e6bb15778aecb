import { describe, expect, it } from "vitest";
import { isIntraCommunityVatNumber, vatTreatment } from "./vat-treatment.js";

// Issue 17: which VAT a French provider's invoice of services charges (art. 259-1°, 283-2 CGI).
describe("vatTreatment", () => {
  const seller = { country: "FR" };
  it("charges French VAT in France and Monaco, and to an EU customer without a VAT number of its state", () => {
    expect(vatTreatment(seller, { country: "FR", vatNumber: "FR66552100554" }).category).toBe("S");
    expect(vatTreatment(seller, { country: "MC", vatNumber: null }).category).toBe("S");
    expect(vatTreatment(seller, { country: "DE", vatNumber: null }).category).toBe("S");
    expect(vatTreatment(seller, { country: "DE", vatNumber: "FR66552100554" }).category).toBe("S");
  });
  it("reverse-charges a customer of another member state with its VAT number (AE, Autoliquidation)", () => {
    const ae = vatTreatment(seller, { country: "DE", vatNumber: "DE 123 456 789" });
    expect(ae).toMatchObject({ category: "AE", exemptionCode: "VATEX-EU-AE" });
    expect(ae.exemptionReason?.fr).toMatch(/^Autoliquidation/);
    expect(vatTreatment(seller, { country: "GR", vatNumber: "EL123456789" }).category).toBe("AE");
  });
  it("charges no French VAT to a customer outside the EU (G)", () => {
    expect(vatTreatment(seller, { country: "CH", vatNumber: "CHE123456789" })).toMatchObject({
      category: "G",
      exemptionCode: "VATEX-EU-G",
    });
    expect(vatTreatment(seller, { country: "GB", vatNumber: null }).category).toBe("G");
  });
  it("checks a VAT number's prefix against the customer's state", () => {
    expect(isIntraCommunityVatNumber("BE0123456789", "BE")).toBe(true);
    expect(isIntraCommunityVatNumber("BE0123456789", "NL")).toBe(false);
    expect(isIntraCommunityVatNumber("", "BE")).toBe(false);
  });
});
