import { type Db, orderDocuments, orders, organisations, users, vendorAccounts } from "@guichet/db";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An order as the portal shows it: never its PDFs' bytes (they have their own address). */
export const ZOrderView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    reference: z.string(),
    catalogueItemId: z.string(),
    status: z.enum(["submitted", "awaiting_signature", "received", "accepted", "activated", "refused"]),
    orderedAt: z.string(),
    orderedBy: z.string(),
    supportPlan: z.string().nullable(),
    tenancy: z.enum(["single", "multi"]).nullable(),
    vendorTerms: z
      .object({ title: z.string(), url: z.string(), version: z.string(), acceptedAt: z.string() })
      .nullable(),
    vendorAccount: z
      .object({
        vendorAccountId: z.string(),
        billingAccountId: z.string().nullable(),
        consoleUrl: z.string(),
      })
      .nullable(),
    subscriptionId: z.string().nullable(),
    orderForm: z.object({ sha256: z.string(), url: z.string() }).nullable(),
    signature: z
      .object({
        kind: z.enum(["portal", "scan"]),
        signerName: z.string(),
        signerRole: z.string(),
        signedAt: z.string(),
        ip: z.string().nullable(),
      })
      .nullable(),
    receivedAt: z.string().nullable(),
    invoicingFrom: z.string().nullable(),
    identifiersDueAt: z.string().nullable(),
    identifiersSentAt: z.string().nullable(),
    contractEffectiveAt: z.string().nullable(),
    activationOn: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    refusalReason: z.string().nullable(),
  })
  .meta({ id: "Order" });
export type OrderView = z.infer<typeof ZOrderView>;

const orderer = alias(users, "orderer");
const decider = alias(users, "decider");

/** Orders, newest first: one organisation's, one order, or all (provider staff). */
export async function listOrders(
  db: Db,
  filter: { organisationId?: string; orderId?: string } = {},
): Promise<OrderView[]> {
  const rows = await db
    .select({
      order: orders,
      organisationName: organisations.name,
      orderer: { firstName: orderer.firstName, lastName: orderer.lastName },
      decider: { firstName: decider.firstName, lastName: decider.lastName },
      formSha: orderDocuments.sha256,
      account: {
        vendorAccountId: vendorAccounts.vendorAccountId,
        billingAccountId: vendorAccounts.billingAccountId,
        consoleUrl: vendorAccounts.consoleUrl,
      },
    })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.organisationId))
    .innerJoin(orderer, eq(orderer.id, orders.orderedByUserId))
    .leftJoin(decider, eq(decider.id, orders.decidedByUserId))
    .leftJoin(
      orderDocuments,
      and(eq(orderDocuments.orderId, orders.id), eq(orderDocuments.kind, "order_form")),
    )
    .leftJoin(vendorAccounts, eq(vendorAccounts.orderId, orders.id))
    .where(
      and(
        filter.organisationId ? eq(orders.organisationId, filter.organisationId) : undefined,
        filter.orderId ? eq(orders.id, filter.orderId) : undefined,
      ),
    )
    .orderBy(desc(orders.orderedAt));
  return rows.map(({ order: o, organisationName, orderer: by, decider: decided, formSha, account }) => ({
    id: o.id,
    organisationId: o.organisationId,
    organisationName,
    reference: o.reference,
    catalogueItemId: o.catalogueItemId,
    status: o.status,
    orderedAt: o.orderedAt.toISOString(),
    orderedBy: `${by.firstName} ${by.lastName}`,
    supportPlan: o.supportPlan,
    tenancy: o.tenancy,
    vendorTerms:
      o.vendorTermsUrl && o.vendorTermsAcceptedAt
        ? {
            title: o.vendorTermsTitle ?? "",
            url: o.vendorTermsUrl,
            version: o.vendorTermsVersion ?? "",
            acceptedAt: o.vendorTermsAcceptedAt.toISOString(),
          }
        : null,
    vendorAccount: account?.vendorAccountId
      ? {
          vendorAccountId: account.vendorAccountId,
          billingAccountId: account.billingAccountId,
          consoleUrl: account.consoleUrl ?? "",
        }
      : null,
    subscriptionId: o.subscriptionId,
    orderForm: formSha ? { sha256: formSha, url: `/api/orders/${o.id}/order-form.pdf` } : null,
    signature:
      o.signatureKind && o.signedAt
        ? {
            kind: o.signatureKind,
            signerName: o.signerName ?? "",
            signerRole: o.signerRole ?? "",
            signedAt: o.signedAt.toISOString(),
            ip: o.signerIp,
          }
        : null,
    receivedAt: iso(o.receivedAt),
    invoicingFrom: o.invoicingFrom,
    identifiersDueAt: iso(o.identifiersDueAt),
    identifiersSentAt: iso(o.identifiersSentAt),
    contractEffectiveAt: iso(o.contractEffectiveAt),
    activationOn: o.activationOn,
    decidedAt: iso(o.decidedAt),
    decidedBy: decided?.firstName ? `${decided.firstName} ${decided.lastName}` : null,
    refusalReason: o.refusalReason,
  }));
}
