import { describe, expect, it } from "vitest";
import { renderOrderForm, sha256Of } from "./order-form-pdf.js";

describe("order form PDF (DSN art. 5)", () => {
  it("is a PDF with an embedded DejaVu font, the same bytes for the same order", async () => {
    const content = {
      reference: "BC-2026-0001",
      orderedAt: new Date("2026-01-10T09:00:00Z"),
      provider: { legalName: "Syndicat Mixte Ouvert Deux-Sèvres Numérique", registrationNumber: "200072197" },
      operator: {
        legalName: "Fibre Poitou Télécom",
        siren: "856789011",
        vatNumber: null,
        billingAddress: "25 avenue de Limoges, 79000 Niort",
      },
      service: { name: "e-SAV", description: "Tester des équipements." },
      conditions: {
        documentTitle: "CS e-SAV",
        documentVersion: "2025-01",
        monthlyPriceCents: 1_234_500,
        minimumMonths: 12,
        terminationNoticeMonths: 3,
        demo: true,
      },
      currency: "EUR",
      contractTitle: "Conditions Générales e-services",
      contractEdition: "Version 31 janvier 2019",
      orderedBy: "Élise Fournier",
    };
    const pdf = await renderOrderForm(content);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.includes(Buffer.from("DejaVuSans"))).toBe(true);
    expect(sha256Of(await renderOrderForm(content))).toBe(sha256Of(pdf));
  });
});
