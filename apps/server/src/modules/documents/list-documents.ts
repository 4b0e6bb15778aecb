import { orders, subscriptions } from "@guichet/db";
import { localDateIn } from "@guichet/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import { listOrders } from "../orders/list-orders.js";
import { listContractVersions, ZContractVersion } from "./list-contract-versions.js";
import { latestInForce, newVersionsFor, ZNewVersion } from "./new-versions.js";

export const ZDocument = z
  .object({
    kind: z.enum(["general_conditions", "specific_conditions", "order_form", "vendor_conditions"]),
    /** Rank in the order of precedence, 1 the highest (DSN art. 3); null where the contract gives none. */
    rank: z.number().nullable(),
    title: z.string(),
    version: z.string(),
    date: z.string().nullable(),
    url: z.string().nullable(),
    sha256: z.string().nullable(),
    demo: z.boolean(),
    catalogueItemId: z.string().nullable(),
  })
  .meta({ id: "ContractDocument" });
export const ZDocuments = z
  .object({
    precedence: z
      .object({ order: z.array(z.object({ fr: z.string(), en: z.string() })), clause: z.string() })
      .nullable(),
    documents: z.array(ZDocument),
    /** The contract file's versions the customer is bound by, latest first (GEN-01). */
    contractVersions: z.array(ZContractVersion),
    /**
     * New versions of the general conditions and annexes announced to it (DSN 10.1), with where each
     * stands for it: one awaiting its signature does not apply, the version before stays in force.
     */
    newVersions: z.array(ZNewVersion),
  })
  .meta({ id: "ContractDocuments" });
type Document = z.infer<typeof ZDocument>;

/**
 * A customer's contractual documents (GEN-03) with their versions, in the contract's order of
 * precedence (DSN art. 3: general conditions, then specific conditions, then order forms): the
 * general conditions of the contract file, the specific conditions in force of each item held or
 * ordered, its order forms, and the cloud vendors' conditions it accepted with an order (MCR 4).
 */
export async function listDocuments(
  context: AppContext,
  organisationId: string,
  now: Date,
  locale: Locale = "fr",
): Promise<z.infer<typeof ZDocuments>> {
  const { db } = context.database;
  const { contract } = context;
  const today = localDateIn(now, timeZoneOf(contract));
  const precedence = contract.commitments.documentPrecedence ?? null;
  const ranked = precedence !== null;
  const newVersions = await newVersionsFor(db, organisationId, now, timeZoneOf(contract));
  // The general conditions binding it: the latest new version it signed and in force, else the contract's.
  const signed = latestInForce(newVersions, "general-conditions");
  const documents: Document[] = [
    {
      kind: "general_conditions",
      rank: ranked ? 1 : null,
      title: contract.title.fr,
      version: signed?.title ?? `${contract.edition ?? ""} (${contract.id} ${contract.version})`.trim(),
      date: signed?.standing.from ?? null,
      url: null,
      sha256: null,
      demo: false,
      catalogueItemId: null,
    },
  ];
  const held = await db
    .select({ item: subscriptions.catalogueItemId })
    .from(subscriptions)
    .where(and(eq(subscriptions.organisationId, organisationId), isNull(subscriptions.endsOn)))
    .orderBy(asc(subscriptions.catalogueItemId));
  const ordered = await db
    .select({ item: orders.catalogueItemId })
    .from(orders)
    .where(eq(orders.organisationId, organisationId));
  for (const item of [...new Set([...held, ...ordered].map((r) => r.item))].sort()) {
    const conditions = await readConditionsInForce(db, item, today);
    if (!conditions) continue;
    documents.push({
      kind: "specific_conditions",
      rank: ranked ? 2 : null,
      title: conditions.documentTitle,
      version: conditions.documentVersion,
      date: conditions.effectiveFrom,
      url: null,
      sha256: null,
      demo: conditions.demo,
      catalogueItemId: item,
    });
  }
  for (const order of await listOrders(db, { organisationId })) {
    if (order.orderForm) {
      documents.push({
        kind: "order_form",
        rank: ranked ? 3 : null,
        title: `Bon de Commande ${order.reference}`,
        version: order.status,
        date: order.orderedAt,
        url: order.orderForm.url,
        sha256: order.orderForm.sha256,
        demo: false,
        catalogueItemId: order.catalogueItemId,
      });
    }
    if (order.vendorTerms) {
      documents.push({
        kind: "vendor_conditions",
        rank: null,
        title: order.vendorTerms.title,
        version: order.vendorTerms.version,
        date: order.vendorTerms.acceptedAt,
        url: order.vendorTerms.url,
        sha256: null,
        demo: false,
        catalogueItemId: order.catalogueItemId,
      });
    }
  }
  return {
    precedence: precedence ? { order: precedence.order, clause: precedence.clause } : null,
    documents,
    contractVersions: await listContractVersions(db, contract.id, organisationId, locale),
    newVersions,
  };
}
