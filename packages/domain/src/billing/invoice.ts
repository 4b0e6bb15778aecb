import { addDays, type CivilDate, daysBetween, daysInMonth } from "../commitments/civil-date.js";
import { type Contract, contractRules, type Invoicing } from "../contract/index.js";
import { consumptionLineOrder, isResold, isVendorCredit } from "./charge-kinds.js";
import { addExact, type Exact, fromCents, multiplyExact, roundToCents, ZERO_EXACT } from "./exact.js";
import { type CostAmount, type EuroRates, feeBasis, toCurrency } from "./fee-basis.js";
import { supportFee } from "./support-fee.js";
import { type VatCategory, type VatTreatment, vatTreatment } from "./vat-treatment.js";

/**
 * A monthly invoice, composed from what the month owes (MCR-BIL-01, MCR-BIL-02, DSN-ORD-03): pure,
 * no I/O, the issue date given. What it says is what the PDF and the Factur-X XML say, and what the
 * database keeps, unchanged, once issued.
 *
 * Rounding (stated on the invoice's explanation): every line is exact until its own rounding,
 * half-up to the cent (a half cent away from zero); the VAT of each rate is the rate applied to the
 * sum of the rounded lines at that rate, rounded half-up (EN 16931 BR-CO-17).
 */
export interface InvoiceParty {
  legalName: string;
  /** The SIREN of a party established in France; null for a customer established abroad (issue 17). */
  siren: string | null;
  siret?: string | null;
  /** A customer established abroad: its own country's registration number, if it gave one. */
  registrationNumber?: string | null;
  vatNumber?: string | null;
  address: string;
  postalCode: string;
  city: string;
  country: string;
  email?: string | null;
}

/** A line of cloud consumption: one vendor's service, in one billing currency (MCR-BIL-01). */
export interface CloudLine {
  kind: "cloud";
  vendor: string;
  vendorName: string;
  service: string;
  currency: string;
  /** The vendors' BilledCost summed exactly, in the billing currency, rounded to the cent for display. */
  billedInCurrency: string;
  /** The ECB rate applied (units per euro) and its day; null for EUR. */
  rate: { unitsPerEuro: string; day: CivilDate } | null;
  amountCents: string;
  /**
   * A usage credit the vendor allocated (MCR-BIL-03), on a line of its own that says the provider
   * makes no commitment on it, with the clause that says so. Absent: the service's usage.
   */
  vendorCredit?: { clause: string };
}

/** The support fee of the month (MCR-BIL-02): its basis and rate, shown. */
export interface SupportFeeLine {
  kind: "support-fee";
  plan: string;
  planName: { fr: string; en: string };
  basisCents: string;
  percentText: string | null;
  minimumCents: string | null;
  minimumApplied: boolean;
  amountCents: string;
  clause: string;
}

/** An e-service's subscription (DSN-ORD-03): its monthly price, prorated by days on a partial month. */
export interface SubscriptionLine {
  kind: "subscription";
  subscriptionId: string;
  catalogueItemId: string;
  itemName: { fr: string; en: string };
  from: CivilDate;
  to: CivilDate;
  days: number;
  daysInMonth: number;
  monthlyPriceCents: string;
  /** The specific conditions the price comes from. */
  conditions: string;
  amountCents: string;
  clause: string;
}

/** A credit note's line: what it gives back, and why. */
export interface CreditLine {
  kind: "credit";
  reason: string;
  amountCents: string;
}

export type InvoiceLine = CloudLine | SupportFeeLine | SubscriptionLine | CreditLine;

export interface VatBreakdown {
  /** EN 16931 VAT category: S (the seller's VAT), AE (reverse charge), G (outside the EU): vatTreatment. */
  category: VatCategory;
  ratePercent: string;
  basisCents: string;
  vatCents: string;
  /** Why no VAT is charged (BT-120, BT-121), for AE and G. */
  exemptionCode?: string | null;
  exemptionReason?: { fr: string; en: string } | null;
}

export interface InvoiceDocument {
  kind: "invoice" | "credit_note";
  period: string;
  issueDate: CivilDate;
  dueDate: CivilDate;
  /** The contract's billing currency (issue 23: CHF for Alpen; EUR for MCR and DSN). */
  currency: string;
  seller: InvoiceParty & { legalForm?: string | undefined };
  buyer: InvoiceParty;
  lines: InvoiceLine[];
  vat: VatBreakdown[];
  totalExclVatCents: string;
  vatCents: string;
  totalInclVatCents: string;
  /** Rates used, one per currency (the invoice shows them with their day). */
  rates: Array<{ currency: string; unitsPerEuro: string; day: CivilDate }>;
  /** French mentions (Code de commerce L441-9, L441-10, D441-5). */
  mentions: {
    latePenaltyRate: { fr: string; en: string };
    recoveryIndemnityCents: string;
    earlyPaymentDiscount: "none";
    paymentTermDays: number;
  };
  /** A credit note's invoice. */
  corrects?: { number: string; issueDate: CivilDate };
  /** Set when issued: "2026-000042". */
  number?: string;
}

/** The fixed indemnity for recovery costs owed by a late payer (Code de commerce D441-5): 40 €. */
export const RECOVERY_INDEMNITY_CENTS = 4000n;

/** A day's cost of one vendor's service, as the daily aggregates keep it. */
export interface InvoiceCost extends CostAmount {
  vendor: string;
  vendorName: string;
  service: string;
  billedCost: Exact;
}

/** An e-service held during the month, with the versions of its specific conditions' price. */
export interface InvoicedSubscription {
  subscriptionId: string;
  catalogueItemId: string;
  /** The first day invoiced: the order form's reception (DSN-ORD-03). */
  billingFrom: CivilDate;
  /** The last day held, inclusive; null while it runs. */
  endsOn: CivilDate | null;
  /** Oldest first: each price applies from its date (Conditions Spécifiques). */
  prices: Array<{ effectiveFrom: CivilDate; monthlyPriceCents: number; conditions: string }>;
}

export interface MonthlyInvoiceInput {
  contract: Contract;
  month: string;
  issueDate: CivilDate;
  buyer: InvoiceParty;
  /** The month's cloud costs (MCR), empty elsewhere. */
  costs: readonly InvoiceCost[];
  rates: EuroRates;
  rateDays: Array<{ currency: string; unitsPerEuro: string; day: CivilDate }>;
  /** The support plan in force on the month's 1st (null: the deployment bills no support fee). */
  plan: string | null;
  subscriptions: readonly InvoicedSubscription[];
}

export class NoInvoicingError extends Error {
  constructor() {
    super("the contract file has no invoicing section (seller identity, VAT rate, payment terms)");
    this.name = "NoInvoicingError";
  }
}

const cents = (value: bigint) => value.toString();

export function invoicingOf(contract: Contract): Invoicing {
  if (!contract.invoicing) throw new NoInvoicingError();
  return contract.invoicing;
}

function sellerOf(invoicing: Invoicing): InvoiceDocument["seller"] {
  const s = invoicing.seller;
  return {
    legalName: s.legalName,
    siren: s.siren,
    vatNumber: s.vatNumber,
    address: s.address,
    postalCode: s.postalCode,
    city: s.city,
    country: s.country,
    legalForm: s.legalForm,
  };
}

function cloudLines(
  costs: readonly InvoiceCost[],
  rates: MonthlyInvoiceInput["rateDays"],
  euro: EuroRates,
  contract: Contract,
) {
  const currency = contract.currency;
  const creditClause = contractRules(contract).vendorCredits;
  // A line per vendor, service, credit or usage, and billing currency.
  type Group = { vendor: string; service: string; credit: boolean; cost: InvoiceCost; sum: Exact };
  const groups = new Map<string, Group>();
  for (const c of costs) {
    if (!isResold(c.chargeCategory)) continue;
    const credit = isVendorCredit(c.chargeCategory);
    const key = `${c.vendor}\u0000${c.service}\u0000${credit}\u0000${c.currency}`;
    const group = groups.get(key) ?? {
      vendor: c.vendor,
      service: c.service,
      credit,
      cost: c,
      sum: ZERO_EXACT,
    };
    groups.set(key, { ...group, sum: addExact(group.sum, c.billedCost) });
  }
  return [...groups.values()]
    .sort((a, b) => consumptionLineOrder(a, b) || a.cost.currency.localeCompare(b.cost.currency))
    .map(({ cost, credit, sum }): CloudLine => {
      const rate = rates.find((r) => r.currency === cost.currency);
      return {
        kind: "cloud",
        vendor: cost.vendor,
        vendorName: cost.vendorName,
        service: cost.service,
        currency: cost.currency,
        billedInCurrency: cents(roundToCents(sum)),
        rate: cost.currency === "EUR" || !rate ? null : { unitsPerEuro: rate.unitsPerEuro, day: rate.day },
        amountCents: cents(roundToCents(toCurrency(sum, cost.currency, currency, euro))),
        ...(credit ? { vendorCredit: { clause: creditClause } } : {}),
      };
    });
}

/** The days of `month` a subscription is invoiced, split where its price changes. */
export function subscriptionLines(
  contract: Contract,
  month: string,
  subscription: InvoicedSubscription,
): SubscriptionLine[] {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const days = daysInMonth(year, monthNumber);
  const first = `${month}-01`;
  const last = `${month}-${String(days).padStart(2, "0")}`;
  const from = subscription.billingFrom > first ? subscription.billingFrom : first;
  const to = subscription.endsOn !== null && subscription.endsOn < last ? subscription.endsOn : last;
  if (from > to) return [];
  const item = contract.catalogue.items.find((i) => i.id === subscription.catalogueItemId);
  const itemName = item?.name ?? { fr: subscription.catalogueItemId, en: subscription.catalogueItemId };
  const lines: SubscriptionLine[] = [];
  let start = from;
  while (start <= to) {
    const price = [...subscription.prices].reverse().find((p) => p.effectiveFrom <= start);
    const next = subscription.prices.find((p) => p.effectiveFrom > start && p.effectiveFrom <= to);
    const end = next ? addDays(next.effectiveFrom, -1) : to;
    const covered = daysBetween(start, end) + 1;
    if (price && price.monthlyPriceCents > 0) {
      const amount = multiplyExact(fromCents(price.monthlyPriceCents), {
        num: BigInt(covered),
        den: BigInt(days),
      });
      lines.push({
        kind: "subscription",
        subscriptionId: subscription.subscriptionId,
        catalogueItemId: subscription.catalogueItemId,
        itemName,
        from: start,
        to: end,
        days: covered,
        daysInMonth: days,
        monthlyPriceCents: String(price.monthlyPriceCents),
        conditions: price.conditions,
        amountCents: cents(roundToCents(amount)),
        clause: contractRules(contract).invoicingFrom,
      });
    }
    start = addDays(end, 1);
  }
  return lines;
}

/**
 * Totals and the VAT breakdown of a set of lines: at the contract's one rate (category S), or none
 * with its reason where the buyer accounts for it or the supply is outside the EU (vatTreatment).
 */
export function totalsOf(lines: readonly InvoiceLine[], invoicing: Invoicing, treatment: VatTreatment) {
  const basis = lines.reduce((sum, l) => sum + BigInt(l.amountCents), 0n);
  const basisPoints = treatment.category === "S" ? invoicing.vatRate.basisPoints : 0;
  const vat = roundToCents(multiplyExact(fromCents(basis), { num: BigInt(basisPoints), den: 10_000n }));
  return {
    vat: [
      {
        category: treatment.category,
        ratePercent: ratePercentOf(basisPoints),
        basisCents: cents(basis),
        vatCents: cents(vat),
        ...(treatment.category === "S"
          ? {}
          : { exemptionCode: treatment.exemptionCode, exemptionReason: treatment.exemptionReason }),
      },
    ],
    totalExclVatCents: cents(basis),
    vatCents: cents(vat),
    totalInclVatCents: cents(basis + vat),
  };
}

/** 2000 basis points → "20.00" (EN 16931 writes percentages as decimals). */
export function ratePercentOf(basisPoints: number): string {
  return `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`;
}

function mentionsOf(invoicing: Invoicing): InvoiceDocument["mentions"] {
  return {
    latePenaltyRate: invoicing.latePenaltyRate,
    recoveryIndemnityCents: cents(RECOVERY_INDEMNITY_CENTS),
    earlyPaymentDiscount: "none",
    paymentTermDays: invoicing.paymentTermDays,
  };
}

/**
 * The invoice of a customer's month, or null when the month owes nothing (no line). Throws
 * MissingRateError when a cost's currency has no rate (the caller reads the rates first and names
 * the day), NoInvoicingError when the contract says nothing of invoicing.
 */
export function composeMonthlyInvoice(input: MonthlyInvoiceInput): InvoiceDocument | null {
  const invoicing = invoicingOf(input.contract);
  const currency = input.contract.currency;
  const lines: InvoiceLine[] = cloudLines(input.costs, input.rateDays, input.rates, input.contract);
  if (input.plan !== null) {
    const fee = supportFee(input.contract, input.plan, feeBasis(input.costs, input.rates, currency));
    if (fee.feeCents > 0n || lines.length > 0)
      lines.push({
        kind: "support-fee",
        plan: fee.plan,
        planName: input.contract.supportPlans[fee.plan]?.name ?? { fr: fee.plan, en: fee.plan },
        basisCents: cents(fee.basisCents),
        percentText: fee.percentText ?? null,
        minimumCents: fee.minimumCents === undefined ? null : cents(fee.minimumCents),
        minimumApplied: fee.minimumApplied,
        amountCents: cents(fee.feeCents),
        clause: fee.clause,
      });
  }
  for (const subscription of input.subscriptions)
    lines.push(...subscriptionLines(input.contract, input.month, subscription));
  if (lines.length === 0) return null;
  return {
    kind: "invoice",
    period: input.month,
    issueDate: input.issueDate,
    dueDate: addDays(input.issueDate, invoicing.paymentTermDays),
    currency,
    seller: sellerOf(invoicing),
    buyer: input.buyer,
    lines,
    ...totalsOf(lines, invoicing, vatTreatment(invoicing.seller, input.buyer)),
    rates: input.rateDays,
    mentions: mentionsOf(invoicing),
  };
}

/**
 * A credit note correcting an issued invoice: the whole of it (every line given back) or one
 * amount excluding VAT with its reason. Amounts are positive: the document's type (381) says
 * they are given back.
 */
export function composeCreditNote(
  contract: Contract,
  invoice: InvoiceDocument & { number: string },
  issueDate: CivilDate,
  correction: { reason: string; amountCents?: bigint },
): InvoiceDocument {
  const invoicing = invoicingOf(contract);
  const whole = BigInt(invoice.totalExclVatCents);
  const amount = correction.amountCents ?? whole;
  if (amount <= 0n || amount > whole)
    throw new RangeError("a credit note gives back between 0.01 and the invoice's total");
  const lines: InvoiceLine[] = [{ kind: "credit", reason: correction.reason, amountCents: cents(amount) }];
  return {
    kind: "credit_note",
    period: invoice.period,
    issueDate,
    dueDate: issueDate,
    currency: invoice.currency,
    seller: sellerOf(invoicing),
    buyer: invoice.buyer,
    lines,
    // A credit note gives back under the VAT treatment of the invoice it corrects.
    ...totalsOf(lines, invoicing, treatmentOf(invoice)),
    rates: [],
    mentions: mentionsOf(invoicing),
    corrects: { number: invoice.number, issueDate: invoice.issueDate },
  };
}

/** The VAT treatment an issued invoice was made under (its breakdown's category and reason). */
export function treatmentOf(invoice: InvoiceDocument): VatTreatment {
  const first = invoice.vat[0];
  return {
    category: first?.category ?? "S",
    exemptionCode: first?.exemptionCode ?? null,
    exemptionReason: first?.exemptionReason ?? null,
  };
}
