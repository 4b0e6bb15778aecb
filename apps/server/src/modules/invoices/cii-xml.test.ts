import {
  composeCreditNote,
  composeMonthlyInvoice,
  type InvoiceDocument,
  type InvoiceParty,
  parseDecimal,
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
const creditNote = {
  ...composeCreditNote(mcr, mcrInvoice, "2026-11-10", { reason: "Remise commerciale", amountCents: 5000n }),
  number: "2026-000003",
};

describe("Factur-X XML (CII D16B, EN 16931): the official XSD and Schematron", () => {
  it.each([
    ["an MCR invoice (cloud lines in USD at the ECB rate, a credit, the support fee)", mcrInvoice],
    ["a DSN invoice (a prorated e-service)", dsnInvoice],
    ["a credit note referring to its invoice", creditNote],
  ])(
    "%s passes both",
    async (_, document) => {
      const xml = ciiXml(document, "fr");
      expect(await xsdErrors(xml)).toEqual([]);
      expect(await schematronFailures(xml)).toEqual([]);
    },
    180_000,
  );

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

  it("says in French what the law asks: penalties, the 40 € indemnity, no early-payment discount", () => {
    const xml = ciiXml(mcrInvoice, "fr");
    expect(xml).toContain("<ram:SubjectCode>PMT</ram:SubjectCode>");
    expect(xml).toContain("40,00\u00a0€");
    expect(xml).toContain("taux BCE du 01/10/2026");
    expect(xml).toContain("Transports Garnier &amp; Fils");
  });
});
