import { z } from "zod";
import { ZClauseId } from "../sla/policy-schema.js";
import { ZTerm } from "./duration.js";
import { ZMoney, ZPercent } from "./money.js";
import { ZKey, ZLabel, ZText, ZWebAddress } from "./primitives.js";

/**
 * What can be ordered (catalogue) and what it costs (prices). A price is defined once in
 * `prices` and referred to by id from catalogue items and from support plans' `fee`.
 */

const priceCommon = { clause: ZClauseId, note: ZLabel.optional() };

export const PRICE_KINDS = [
  "percent-of-invoice",
  "vendor-price-list",
  "fixed",
  "free",
  "quote",
  "specific-conditions",
  "not-stated",
] as const;

export const ZPrice = z.discriminatedUnion("kind", [
  /** A share of an invoice with an optional monthly minimum (MCR-BIL-02). */
  z.strictObject({
    kind: z.literal("percent-of-invoice"),
    percent: ZPercent,
    /** What the percentage applies to. */
    base: z.enum(["invoice-before-discount-excluding-setup-fees"]),
    monthlyMinimum: ZMoney.optional(),
    ...priceCommon,
  }),
  /** Billed at the vendor's published prices (MCR-BIL-01). */
  z.strictObject({ kind: z.literal("vendor-price-list"), url: ZWebAddress, ...priceCommon }),
  z.strictObject({
    kind: z.literal("fixed"),
    amount: ZMoney,
    period: z.enum(["one-off", "monthly", "yearly"]),
    ...priceCommon,
  }),
  z.strictObject({ kind: z.literal("free"), ...priceCommon }),
  /** Priced on a quote, case by case. */
  z.strictObject({ kind: z.literal("quote"), ...priceCommon }),
  /** Set in another contractual document (DSN art. 6: each e-service's specific conditions). */
  z.strictObject({ kind: z.literal("specific-conditions"), ...priceCommon }),
  /** The contract text gives no price: the provider sets it per order. */
  z.strictObject({ kind: z.literal("not-stated"), ...priceCommon }),
]);

export const CATALOGUE_KINDS = ["cloud", "support-plan", "option", "e-service"] as const;

/** The cloud vendor behind a "cloud" item: its terms, console and documentation (MCR 4, 6.1.3, 8.2.2). */
export const ZVendor = z.strictObject({
  name: ZText,
  termsUrl: ZWebAddress,
  consoleUrl: ZWebAddress.optional(),
  documentationUrl: ZWebAddress.optional(),
  slaUrl: ZWebAddress.optional(),
});

/**
 * One thing a customer can hold. A "support-plan" item takes its price and commitment from
 * its plan (supportPlans.<plan>): writing them here too is refused, so they cannot disagree.
 * Every other item states its price, minimum commitment and termination notice.
 */
export const ZCatalogueItem = z.strictObject({
  id: ZKey,
  kind: z.enum(CATALOGUE_KINDS),
  name: ZLabel,
  description: ZLabel.optional(),
  /** The support plan this item subscribes to (required for kind "support-plan"). */
  plan: ZKey.optional(),
  /** Id in `prices`. */
  price: ZKey.optional(),
  minimumCommitment: ZTerm.optional(),
  terminationNotice: ZTerm.optional(),
  /** Provided with the contract, not ordered on its own (MCR Basic, DSN e-soutien). */
  included: z.boolean().default(false),
  /** How the item is used: in the portal, by web services, by file exchange (DSN-SEC-03). */
  access: z
    .array(z.enum(["portal", "web-services", "file-exchange"]))
    .min(1)
    .optional(),
  vendor: ZVendor.optional(),
  note: ZLabel.optional(),
  clause: ZClauseId,
});

export const ZOrdering = z.strictObject({
  /** What makes an order: a signed order form (DSN-ORD-01) or the provider's acceptance (MCR-ACC-01). */
  requires: z.enum(["signed-order-form", "accepted-order-form"]),
  /** Who may order what: anyone, or only what the customer's wholesale contracts allow (DSN-ORD-01). */
  eligibility: z.enum(["any", "wholesale-contracts"]),
  clause: ZClauseId,
});

export const ZCatalogue = z.strictObject({
  /**
   * Absent where the offer says nothing of ordering (issue 23): no order is taken through the
   * portal, customers hold what the provider records for them, and the portal offers no ordering.
   */
  ordering: ZOrdering.optional(),
  items: z.array(ZCatalogueItem).min(1),
});

export type Price = z.infer<typeof ZPrice>;
export type CatalogueItem = z.infer<typeof ZCatalogueItem>;
