import { z } from "zod";
import { ZClauseId } from "../sla/policy-schema.js";
import { ZCalendarDuration, ZTerm } from "./duration.js";
import { ZMoney } from "./money.js";
import { ZKey, ZLabel } from "./primitives.js";

/** Notice periods, commitments and liability: the contract's dates and ceilings. */

export const NOTICE_CHANNELS = ["email", "portal", "written", "registered-letter"] as const;

export const ZNotice = z.strictObject({
  period: ZTerm,
  /** How the notice is given; absent: the text does not say. */
  channels: z.array(z.enum(NOTICE_CHANNELS)).min(1).optional(),
  /** A substantial change harmful to the customer lets it terminate, without penalty, on the change's effective date. */
  terminationRightOnHarmfulChange: z.boolean().optional(),
  note: ZLabel.optional(),
  /**
   * The change takes effect only by a new version signed by both parties (DSN 10.1: the general
   * conditions and the security annex); no notice period runs, each customer's signature is awaited.
   */
  signature: z.literal("both-parties").optional(),
  clause: ZClauseId,
});

/** How prices are revised (MCR-BIL-05); notice periods themselves are in priceIncrease/priceDecrease. */
export const ZPriceRevision = z.strictObject({
  /** At most one revision per this period. */
  atMostEvery: ZCalendarDuration,
  appliesToRunningContracts: z.boolean(),
  /** New prices are published in the portal at the latest on their effective date. */
  publishedInPortalBy: z.literal("effective-date"),
  /** Prices a new subscription takes. */
  newSubscriptionsAt: z.literal("prices-in-force-at-activation"),
  clause: ZClauseId,
});

/**
 * The news page (DSN-POR-01: "informations commerciales ou techniques", the availability dates of
 * the portal and the e-services) and who is told of an incident the provider detected (MCR 8.2.4:
 * "Ces Contacts Nommés seront les seuls points de contacts utilisés pour informer le Client de tout
 * Incident détecté par le Prestataire"). Absent: the deployment's own news page, incidents mailed to
 * each customer's administrators.
 */
export const ZNews = z.strictObject({
  clause: ZClauseId,
  incidents: z
    .strictObject({
      /** Who receives an incident's mail: the named contacts (MCR 8.2.4) or the administrators. */
      to: z.enum(["named-contacts", "administrators"]),
      clause: ZClauseId,
    })
    .optional(),
});

export const ZNotices = z.strictObject({
  priceIncrease: ZNotice.optional(),
  priceDecrease: ZNotice.optional(),
  priceRevision: ZPriceRevision.optional(),
  annexChange: ZNotice.optional(),
  /** A new version of the general conditions (DSN 10.1): `signature: both-parties`. */
  generalConditionsChange: ZNotice.optional(),
  /** A new version of the security annex (DSN 10.1, annex 2): `signature: both-parties`. */
  securityAnnexChange: ZNotice.optional(),
  specificConditionsChange: ZNotice.optional(),
  contractTermination: ZNotice.optional(),
  serviceTermination: ZNotice.optional(),
});

/** One rule of the contract's life cycle: a value from a fixed list, and the clause that says so. */
function rule<const T extends readonly [string, ...string[]]>(values: T) {
  return z.strictObject({ rule: z.enum(values), clause: ZClauseId });
}

export const ZCommitments = z.strictObject({
  /** When the contract takes effect. */
  contractStart: rule(["last-signature", "order-acceptance"]).optional(),
  /** When a subscribed item is active (its "activation date"). */
  serviceStart: rule(["access-granted", "account-created"]).optional(),
  /** From when an item's minimum commitment runs. */
  minimumCommitmentFrom: rule(["service-start"]).optional(),
  /** From when an item is invoiced. */
  invoicingFrom: rule(["order-form-received", "service-start"]).optional(),
  /** Terminating inside the minimum commitment. */
  earlyTermination: rule(["remaining-fees-due"]).optional(),
  /** What terminating the contract does to subscribed items. */
  contractTerminationScope: rule(["ends-every-service"]).optional(),
  /** Commitments taken with a cloud vendor survive termination (MCR-ORD-02). */
  vendorCommitmentsOnTermination: rule(["remain-due"]).optional(),
  /** A maximum of resources per customer and vendor set by the provider, raised on request (MCR-ORD-04). */
  resourceQuotas: rule(["provider-sets"]).optional(),
  /** Transfer of the customer's accounts on termination (MCR-ORD-03), priced by `price`. */
  reversibility: z.strictObject({ rule: z.enum(["on-request"]), price: ZKey, clause: ZClauseId }).optional(),
  /** Contractual documents, highest precedence first (GEN-03). */
  documentPrecedence: z.strictObject({ order: z.array(ZLabel).min(2), clause: ZClauseId }).optional(),
});

export const ZLiability = z.strictObject({
  appliesTo: z.enum(["each-party"]),
  perIncident: ZMoney,
  perCalendarYear: ZMoney,
  clause: ZClauseId,
});

export type Notice = z.infer<typeof ZNotice>;
export type Commitments = z.infer<typeof ZCommitments>;
