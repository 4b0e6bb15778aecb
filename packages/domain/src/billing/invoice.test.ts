import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { parseDecimal } from "./exact.js";
import {
  composeCreditNote,
  composeMonthlyInvoice,
  type InvoiceCost,
  type InvoiceLine,
  type InvoiceParty,
} from "./invoice.js";
import { describeInvoiceLine } from "./invoice-text.js";

const mcr = shippedContract("multicloud-ready");
const dsn = shippedContract("deux-sevres-eservices");
const buyer: InvoiceParty = {
  legalName: "Transports Garnier",
  siren: "552100554",
  vatNumber: "FR66552100554",
  address: "3 rue du Port",
  postalCode: "44000",
  city: "Nantes",
  country: "FR",
};
const exact = (text: string) => parseDecimal(text) ?? { num: 0n, den: 1n };
const cost = (
  vendor: string,
  service: string,
  billed: string,
  currency = "EUR",
  chargeCategory = "Usage",
): InvoiceCost => ({
  vendor,
  vendorName: vendor.toUpperCase(),
  service,
  currency,
  chargeCategory,
  chargeFrequency: "Usage-Based",
  billedCost: exact(billed),
  listCost: exact(billed),
});

describe("the monthly invoice (MCR-BIL-01, MCR-BIL-02), figures computed by hand", () => {
  it("one line per vendor and service in EUR at the stated day's rate, the support fee with its basis and rate, VAT at 20 %", () => {
    const invoice = composeMonthlyInvoice({
      contract: mcr,
      month: "2026-10",
      issueDate: "2026-11-02",
      buyer,
      costs: [
        cost("aws", "Amazon EC2", "1000.005", "USD"),
        cost("aws", "Amazon EC2", "84.50", "USD"),
        cost("aws", "Amazon S3", "10.00", "USD", "Tax"),
        cost("microsoft", "Virtual Machines", "500.00"),
      ],
      rates: { USD: exact("1.0845") },
      rateDays: [{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }],
      plan: "business",
      subscriptions: [],
    });
    expect(invoice).not.toBeNull();
    const lines = invoice?.lines ?? [];
    // 1084.505 USD / 1.0845 = 1000.0046... EUR → 1000.00; the vendor's tax line is not resold.
    expect(lines[0]).toMatchObject({
      kind: "cloud",
      service: "Amazon EC2",
      billedInCurrency: "108451",
      rate: { unitsPerEuro: "1.0845", day: "2026-10-01" },
      amountCents: "100000",
    });
    expect(lines[1]).toMatchObject({
      kind: "cloud",
      service: "Virtual Machines",
      rate: null,
      amountCents: "50000",
    });
    // Business: 10 % of the basis 1500.00 is 150.00, below the 199 € minimum.
    expect(lines[2]).toMatchObject({
      kind: "support-fee",
      basisCents: "150000",
      percentText: "10",
      minimumApplied: true,
      amountCents: "19900",
    });
    expect(invoice).toMatchObject({
      totalExclVatCents: "169900",
      vatCents: "33980",
      totalInclVatCents: "203880",
      dueDate: "2026-12-02",
      vat: [{ category: "S", ratePercent: "20.00", basisCents: "169900", vatCents: "33980" }],
      mentions: { recoveryIndemnityCents: "4000", paymentTermDays: 30 },
    });
  });

  it("passes a vendor's usage credit on as billed, on a line of its own citing MCR 5.2, outside the fee's basis (MCR-BIL-03)", () => {
    const invoice = composeMonthlyInvoice({
      contract: mcr,
      month: "2026-10",
      issueDate: "2026-11-02",
      buyer,
      costs: [cost("aws", "Amazon EC2", "3000.00"), cost("aws", "Amazon EC2", "-108.45", "USD", "Credit")],
      rates: { USD: exact("1.0845") },
      rateDays: [{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }],
      plan: "business",
      subscriptions: [],
    });
    const lines = invoice?.lines ?? [];
    expect(lines[0]).toMatchObject({ kind: "cloud", service: "Amazon EC2", amountCents: "300000" });
    expect(lines[0]).not.toHaveProperty("vendorCredit");
    // -108.45 USD / 1.0845 = -100.00 EUR, not netted into the usage above.
    expect(lines[1]).toMatchObject({
      kind: "cloud",
      service: "Amazon EC2",
      amountCents: "-10000",
      vendorCredit: { clause: "MCR-BIL-03" },
    });
    // Business: 10 % of the usage's 3000.00 alone.
    expect(lines[2]).toMatchObject({ kind: "support-fee", basisCents: "300000", amountCents: "30000" });
    expect(invoice?.totalExclVatCents).toBe("320000");
    const words = describeInvoiceLine(lines[1] as InvoiceLine, "fr", "EUR");
    expect(words.name).toBe("Crédit d'utilisation AWS — Amazon EC2");
    expect(words.detail).toContain("ne s'engage ni sur son montant, ni sur sa récurrence");
    expect(words.detail).toContain("au taux BCE du 01/10/2026");
    expect(describeInvoiceLine(lines[1] as InvoiceLine, "en", "EUR").name).toBe(
      "AWS usage credit — Amazon EC2",
    );
  });

  it("a Premium customer with no consumption still owes the monthly minimum; Basic with none owes nothing", () => {
    const base = {
      contract: mcr,
      month: "2026-10",
      issueDate: "2026-11-02",
      buyer,
      costs: [],
      rates: {},
      rateDays: [],
      subscriptions: [],
    };
    expect(composeMonthlyInvoice({ ...base, plan: "premium" })?.totalExclVatCents).toBe("89900");
    expect(composeMonthlyInvoice({ ...base, plan: "basic" })).toBeNull();
  });
});

describe("an e-service's subscription (DSN-ORD-03), prorated by days", () => {
  const base = {
    contract: dsn,
    month: "2026-02",
    issueDate: "2026-03-01",
    buyer,
    costs: [],
    rates: {},
    rateDays: [],
    plan: null,
  };
  it("from the order form's reception, 19 of February's 28 days, price of the specific conditions", () => {
    const invoice = composeMonthlyInvoice({
      ...base,
      subscriptions: [
        {
          subscriptionId: "s1",
          catalogueItemId: "e-sav",
          billingFrom: "2026-02-10",
          endsOn: null,
          prices: [{ effectiveFrom: "2026-01-01", monthlyPriceCents: 15000, conditions: "CS e-SAV v1" }],
        },
      ],
    });
    // 150.00 × 19 / 28 = 101.7857… → 101.79
    expect(invoice?.lines).toEqual([
      expect.objectContaining({ from: "2026-02-10", to: "2026-02-28", days: 19, amountCents: "10179" }),
    ]);
  });

  it("a price change within the month splits the line; a subscription ended before the month is not invoiced", () => {
    const invoice = composeMonthlyInvoice({
      ...base,
      subscriptions: [
        {
          subscriptionId: "s1",
          catalogueItemId: "e-sav",
          billingFrom: "2025-06-01",
          endsOn: null,
          prices: [
            { effectiveFrom: "2025-01-01", monthlyPriceCents: 14000, conditions: "v1" },
            { effectiveFrom: "2026-02-15", monthlyPriceCents: 16800, conditions: "v2" },
          ],
        },
        {
          subscriptionId: "s2",
          catalogueItemId: "e-rdv-grand-public",
          billingFrom: "2025-06-01",
          endsOn: "2026-01-31",
          prices: [{ effectiveFrom: "2025-01-01", monthlyPriceCents: 9000, conditions: "v1" }],
        },
      ],
    });
    expect(invoice?.lines.map((l) => [l.kind === "subscription" && l.days, l.amountCents])).toEqual([
      [14, "7000"],
      [14, "8400"],
    ]);
  });
});

describe("a credit note", () => {
  it("gives back the whole invoice, or one amount with its reason, never more than the invoice", () => {
    const invoice = composeMonthlyInvoice({
      contract: mcr,
      month: "2026-10",
      issueDate: "2026-11-02",
      buyer,
      costs: [],
      rates: {},
      rateDays: [],
      plan: "premium",
      subscriptions: [],
    });
    const issued = { ...(invoice as NonNullable<typeof invoice>), number: "2026-000001" };
    const whole = composeCreditNote(mcr, issued, "2026-11-10", { reason: "Erreur de plan" });
    expect(whole).toMatchObject({
      kind: "credit_note",
      totalInclVatCents: "107880",
      corrects: { number: "2026-000001" },
    });
    expect(
      composeCreditNote(mcr, issued, "2026-11-10", { reason: "Geste", amountCents: 1000n }).vatCents,
    ).toBe("200");
    expect(() => composeCreditNote(mcr, issued, "2026-11-10", { reason: "x", amountCents: 90000n })).toThrow(
      RangeError,
    );
  });
});
