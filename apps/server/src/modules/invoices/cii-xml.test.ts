import {
  composeCreditNote,
  composeMonthlyInvoice,
  type InvoiceDocument,
  type InvoiceParty,
  parseDecimal,
  parseMoney,
} from "@guichet/domain";
import { describe, expect, it } from "vitest";
import { loadContract } from "../../contract/load-contract.js";
import { ciiXml } from "./cii-xml.js";
import { schematronFailures, xsdErrors } from "./validate-cii.test-helper.js";

const mcr = loadContract("multicloud-ready");
const dsn = loadContract("deux-sevres-eservices");
const buyer: InvoiceParty = {
  legalName: "Transports Garnier & Fils",
  siren: "552100554",
  vatNumber: "FR66552100554",
  address: "3 rue du Port",
  postalCode: "44000",
  city: "Nantes",
  country: "FR",
  email: "compta@transports-garnier.demo",
};
const exact = (text: string) => parseDecimal(text) ?? { num: 0n, den: 1n };
const usage = (service: string, billed: string, currency = "USD", chargeCategory = "Usage") => ({
  vendor: "aws",
  vendorName: "Amazon Web Services",
  service,
  currency,
  chargeCategory,
  chargeFrequency: "Usage-Based",
  billedCost: exact(billed),
  listCost: exact(billed),
});

const mcrInvoice = {
  ...(composeMonthlyInvoice({
    contract: mcr,
    month: "2026-10",
    issueDate: "2026-11-02",
    buyer,
    // A credit larger than its service's usage makes a negative line (BR-27: never a negative price).
    costs: [usage("Amazon EC2", "12345.678"), usage("AWS Support <Business>", "-20.00", "USD", "Credit")],
    rates: { USD: exact("1.0845") },
    rateDays: [{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }],
    plan: "premium",
    subscriptions: [],
  }) as InvoiceDocument),
  number: "2026-000001",
};
const dsnInvoice = {
  ...(composeMonthlyInvoice({
    contract: dsn,
    month: "2026-02",
    issueDate: "2026-03-01",
    buyer,
    costs: [],
    rates: {},
    rateDays: [],
    plan: null,
    subscriptions: [
      {
        subscriptionId: "s",
        catalogueItemId: "e-sav",
        billingFrom: "2026-02-10",
        endsOn: null,
        prices: [{ effectiveFrom: "2026-01-01", monthlyPriceCents: 15000, conditions: "CS e-SAV 1.0" }],
      },
    ],
  }) as InvoiceDocument),
  number: "2026-000002",
};
/**
 * A contract billing in Swiss francs (issue 23, as test/contracts/alpen-cloud.yaml does), with the
 * Business minimum in CHF: USD costs reach CHF through the euro at the ECB's rates.
 */
const business = mcr.prices["support-business"];
const chfContract = {
  ...mcr,
  currency: "CHF",
  prices: {
    ...mcr.prices,
    "support-business":
      business?.kind === "percent-of-invoice"
        ? { ...business, monthlyMinimum: parseMoney("199 CHF") }
        : business,
  },
} as typeof mcr;
const chfInvoice = {
  ...(composeMonthlyInvoice({
    contract: chfContract,
    month: "2026-10",
    issueDate: "2026-11-02",
    buyer,
    costs: [usage("Amazon EC2", "108.45")],
    rates: { USD: exact("1.0845"), CHF: exact("0.95") },
    rateDays: [{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }],
    plan: "business",
    subscriptions: [],
  }) as InvoiceDocument),
  number: "2026-000004",
};
/** Issue 17: a customer established in another member state with its VAT number (reverse charge, AE). */
const germanBuyer: InvoiceParty = {
  legalName: "Rheinland Logistik GmbH",
  siren: "HRB 12345",
  vatNumber: "DE123456789",
  address: "Rheinallee 12",
  postalCode: "55116",
  city: "Mainz",
  country: "DE",
};
const reverseCharge = {
  ...(composeMonthlyInvoice({
    contract: mcr,
    month: "2026-10",
    issueDate: "2026-11-02",
    buyer: germanBuyer,
    costs: [usage("Amazon EC2", "1084.50")],
    rates: { USD: exact("1.0845") },
    rateDays: [{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }],
    plan: "business",
    subscriptions: [],
  }) as InvoiceDocument),
  number: "2026-000005",
};
/** A customer established outside the EU (Switzerland): outside the scope of French VAT (G). */
const outsideEu = {
  ...(composeMonthlyInvoice({
    contract: mcr,
    month: "2026-10",
    issueDate: "2026-11-02",
    buyer: {
      ...germanBuyer,
      legalName: "Zürcher Daten AG",
      vatNumber: null,
      postalCode: "8001",
      city: "Zürich",
      country: "CH",
    },
    costs: [usage("Amazon EC2", "1084.50")],
    rates: { USD: exact("1.0845") },
    rateDays: [{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }],
    plan: "business",
    subscriptions: [],
  }) as InvoiceDocument),
  number: "2026-000006",
};
const creditNote = {
  ...composeCreditNote(mcr, mcrInvoice, "2026-11-10", { reason: "Remise commerciale", amountCents: 5000n }),
  number: "2026-000003",
};

describe("Factur-X XML (CII D16B, EN 16931): the official XSD and Schematron", () => {
  it.each([
    ["an MCR invoice (cloud lines in USD at the ECB rate, a credit, the support fee)", mcrInvoice],
    ["a DSN invoice (a prorated e-service)", dsnInvoice],
    ["a credit note referring to its invoice", creditNote],
    ["an invoice in Swiss francs (issue 23)", chfInvoice],
    ["a reverse-charge invoice to a German customer (AE, issue 17)", reverseCharge],
    [
      "its credit note, under the same treatment",
      {
        ...composeCreditNote(mcr, reverseCharge, "2026-11-10", { reason: "Geste", amountCents: 1000n }),
        number: "2026-000007",
      },
    ],
    ["an invoice to a customer outside the EU (G, issue 17)", outsideEu],
  ])(
    "%s passes both",
    async (_, document) => {
      const xml = ciiXml(document, "fr");
      expect(await xsdErrors(xml)).toEqual([]);
      expect(await schematronFailures(xml)).toEqual([]);
    },
    180_000,
  );

  it("bills in the contract's currency: USD 108.45 at 1.0845 USD and 0.95 CHF per euro is CHF 95.00, the Business minimum CHF 199.00 (issue 23, MCR-BIL-02)", () => {
    expect(chfInvoice.currency).toBe("CHF");
    expect(chfInvoice.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ["cloud", "9500"],
      ["support-fee", "19900"],
    ]);
    const xml = ciiXml(chfInvoice, "fr");
    expect(xml).toContain("<ram:InvoiceCurrencyCode>CHF</ram:InvoiceCurrencyCode>");
    expect(xml).toContain('currencyID="CHF"');
    expect(xml).toContain("minimum 199,00\u00a0CHF/mois (appliqué)");
  });

  it("fails when a mandatory element is removed (the currency BR-05, the seller's name BR-06) or out of its place (XSD)", async () => {
    const xml = ciiXml(mcrInvoice, "fr");
    const noCurrency = xml.replace(/<ram:InvoiceCurrencyCode>EUR<\/ram:InvoiceCurrencyCode>/, "");
    expect((await schematronFailures(noCurrency)).some((f) => f.startsWith("BR-05"))).toBe(true);
    const noSellerName = xml.replace(
      /<ram:Name>[^<]*<\/ram:Name>\s*(<ram:SpecifiedLegalOrganization>)/,
      "$1",
    );
    expect(noSellerName).not.toBe(xml);
    expect((await schematronFailures(noSellerName)).some((f) => f.startsWith("BR-06"))).toBe(true);
    const misplaced = xml.replace(
      /(<ram:TypeCode>380<\/ram:TypeCode>)(\s*)(<ram:IssueDateTime>.*?<\/ram:IssueDateTime>)/,
      "$3$2$1",
    );
    expect(misplaced).not.toBe(xml);
    expect(await xsdErrors(misplaced)).not.toEqual([]);
  }, 180_000);

  it("invoices a customer of another member state without VAT, saying Autoliquidation, and one outside the EU under G (issue 17)", async () => {
    expect(reverseCharge.vat).toEqual([
      expect.objectContaining({
        category: "AE",
        ratePercent: "0.00",
        vatCents: "0",
        exemptionCode: "VATEX-EU-AE",
      }),
    ]);
    expect(reverseCharge.totalInclVatCents).toBe(reverseCharge.totalExclVatCents);
    const xml = ciiXml(reverseCharge, "fr");
    expect(xml).toContain("<ram:ExemptionReason>Autoliquidation : TVA due par le preneur (art. 283-2 du CGI");
    expect(xml).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>');
    expect(xml).not.toContain("HRB 12345");
    // Without its reason, or without the buyer's VAT number, the official rules refuse it.
    const noReason = xml
      .replace(/<ram:ExemptionReason>[^<]*<\/ram:ExemptionReason>/, "")
      .replace(/<ram:ExemptionReasonCode>[^<]*<\/ram:ExemptionReasonCode>/, "");
    expect((await schematronFailures(noReason)).some((f) => f.startsWith("BR-AE-10"))).toBe(true);
    const noBuyerVat = xml
      .replace('<ram:ID schemeID="VA">DE123456789</ram:ID>', "<ram:ID>x</ram:ID>")
      .replace(/<ram:SpecifiedTaxRegistration><ram:ID>x<\/ram:ID><\/ram:SpecifiedTaxRegistration>/, "");
    expect((await schematronFailures(noBuyerVat)).some((f) => f.startsWith("BR-AE-02"))).toBe(true);
    expect(outsideEu.vat[0]).toMatchObject({ category: "G", vatCents: "0", exemptionCode: "VATEX-EU-G" });
    expect(ciiXml(outsideEu, "fr")).toContain("art. 259-1° du CGI");
  }, 180_000);

  it("says in French what the law asks: penalties, the 40 € indemnity, no early-payment discount", () => {
    const xml = ciiXml(mcrInvoice, "fr");
    expect(xml).toContain("<ram:SubjectCode>PMT</ram:SubjectCode>");
    expect(xml).toContain("40,00\u00a0€");
    expect(xml).toContain("taux BCE du 01/10/2026");
    expect(xml).toContain("Transports Garnier &amp; Fils");
  });
});
