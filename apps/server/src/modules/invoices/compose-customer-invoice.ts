import {
  costDaily,
  costImports,
  customerDetails,
  type Db,
  organisations,
  specificConditions,
  subscriptions,
} from "@guichet/db";
import {
  type Contract,
  composeMonthlyInvoice,
  daysInMonth,
  type InvoiceCost,
  type InvoiceDocument,
  type InvoicedSubscription,
  type InvoiceParty,
  parseDecimal,
} from "@guichet/domain";
import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { billingRates } from "../billing/period-rates.js";
import { usesSpecificConditions } from "../catalogue/specific-conditions.js";
import { contractWithRevisedPrices } from "../notices/revised-prices.js";
import { supportPlanOf } from "../organisations/support-plan-of.js";

const ZERO = { num: 0n, den: 1n };

/** Who is invoiced: the customer's legal identity and billing address (customer_details). */
export async function buyerOf(db: Db, organisationId: string): Promise<InvoiceParty | null> {
  const [row] = await db
    .select({ name: organisations.name, details: customerDetails })
    .from(customerDetails)
    .innerJoin(organisations, eq(organisations.id, customerDetails.organisationId))
    .where(eq(customerDetails.organisationId, organisationId));
  if (!row) return null;
  const d = row.details;
  return {
    legalName: row.name,
    siren: d.siren,
    siret: d.siret,
    registrationNumber: d.registrationNumber,
    vatNumber: d.vatNumber,
    address: d.billingAddress,
    postalCode: d.billingPostalCode,
    city: d.billingCity,
    country: d.billingCountry,
    email: d.billingEmail,
  };
}

/** The month's cloud costs of a customer (MCR-BIL-01), from the daily sums of the imports in force. */
async function costsOf(db: Db, organisationId: string, month: string): Promise<InvoiceCost[]> {
  const rows = await db
    .select({ daily: costDaily, vendorName: costImports.vendorName })
    .from(costDaily)
    .innerJoin(costImports, eq(costImports.id, costDaily.importId))
    .where(and(eq(costDaily.organisationId, organisationId), eq(costDaily.billingPeriod, month)));
  return rows.map(({ daily, vendorName }) => ({
    vendor: daily.vendor,
    vendorName,
    service: daily.service,
    currency: daily.currency,
    chargeCategory: daily.chargeCategory,
    chargeFrequency: daily.chargeFrequency,
    billedCost: parseDecimal(daily.billedCost) ?? ZERO,
    listCost: parseDecimal(daily.listCost) ?? ZERO,
  }));
}

/**
 * The first day a subscription is invoiced: where the contract invoices from the order form's
 * reception (DSN-ORD-03, DSN art. 7 `commitments.invoicingFrom: order-form-received`), the day
 * recorded at reception (`subscriptions.invoicing_from`, which may come before the activation);
 * otherwise, or for a subscription started without an order form, its start.
 */
export function invoicedFrom(
  contract: Contract,
  subscription: { startsOn: string; invoicingFrom: string | null },
): string {
  const fromReception = contract.commitments?.invoicingFrom?.rule === "order-form-received";
  return fromReception && subscription.invoicingFrom ? subscription.invoicingFrom : subscription.startsOn;
}

/**
 * The e-services a customer held or was invoiced for during the month whose price is in their
 * specific conditions (DSN art. 6), each with every version of that price, invoiced from
 * `invoicedFrom` and prorated by days on a partial month (subscriptionLines).
 */
async function pricedSubscriptionsOf(
  db: Db,
  contract: Contract,
  organisationId: string,
  month: string,
): Promise<InvoicedSubscription[]> {
  const first = `${month}-01`;
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const last = `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, "0")}`;
  const held = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.organisationId, organisationId),
        or(lte(subscriptions.startsOn, last), lte(subscriptions.invoicingFrom, last)),
        or(isNull(subscriptions.endsOn), gte(subscriptions.endsOn, first)),
      ),
    )
    .orderBy(asc(subscriptions.startsOn), asc(subscriptions.catalogueItemId));
  const priced = held.filter((s) => usesSpecificConditions(contract, s.catalogueItemId));
  if (priced.length === 0) return [];
  const versions = await db
    .select()
    .from(specificConditions)
    .where(inArray(specificConditions.catalogueItemId, [...new Set(priced.map((s) => s.catalogueItemId))]))
    .orderBy(asc(specificConditions.effectiveFrom));
  return priced.map((s) => ({
    subscriptionId: s.id,
    catalogueItemId: s.catalogueItemId,
    billingFrom: invoicedFrom(contract, s),
    endsOn: s.endsOn,
    prices: versions
      .filter((v) => v.catalogueItemId === s.catalogueItemId)
      .map((v) => ({
        effectiveFrom: v.effectiveFrom,
        monthlyPriceCents: v.monthlyPriceCents,
        conditions: `${v.documentTitle} ${v.documentVersion}`,
      })),
  }));
}

/**
 * A customer's invoice of a month, composed but not issued (no number), or null when the month
 * owes nothing or the customer has no billing details. A missing rate throws MissingEuroRateError
 * naming the currency and the day (periodRates).
 */
export async function composeCustomerInvoice(
  db: Db,
  contract: Contract,
  organisationId: string,
  month: string,
  issueDate: string,
): Promise<{ document: InvoiceDocument | null; reason?: "no_billing_details" }> {
  const buyer = await buyerOf(db, organisationId);
  if (!buyer) return { document: null, reason: "no_billing_details" };
  const costs = await costsOf(db, organisationId, month);
  const { rates, used } = await billingRates(
    db,
    month,
    costs.map((c) => c.currency),
    contract.currency,
  );
  const document = composeMonthlyInvoice({
    // MCR-BIL-05: support prices revised with notice apply from their 1st (running contracts too).
    contract: await contractWithRevisedPrices(db, contract, `${month}-01`),
    month,
    issueDate,
    buyer,
    costs,
    rates,
    rateDays: used,
    plan: await supportPlanOf(db, contract, organisationId, `${month}-01`),
    subscriptions: await pricedSubscriptionsOf(db, contract, organisationId, month),
  });
  return { document };
}
