import { orders, organisations, users, vendorAccounts } from "@guichet/db";
import { localDateIn, orDeploymentRule } from "@guichet/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { issueLink, timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { moveOrder } from "./move-order.js";
import type { OrderRefusal } from "./order-refusal.js";
import { startOrdered } from "./start-ordered.js";

export interface AcceptOrderInput {
  orderId: string;
  /** The vendor's id of the account created (Azure subscription, AWS account, GCP project…). */
  vendorAccountId: string;
  /** The vendor's billing account, when not the account itself (FOCUS BillingAccountId). */
  billingAccountId?: string;
  /** The console link; the contract's for this vendor by default (MCR 6.1.3). */
  consoleUrl?: string;
}

/**
 * The provider accepts an MCR order (MCR 5.1, 6.1, 7.2): the vendor account created for the
 * customer is recorded with its console link (MCR-ACC-04), the subscription starts, and each of the
 * customer's administrators receives the confirmation of registration — with the link to set a
 * password for those who have none yet (MCR-ACC-01). Two staff accepting at once: one wins
 * (moveOrder), the other is refused, and nothing of it is written (the caller's transaction rolls back).
 */
export async function acceptOrder(
  context: AppContext,
  actor: AuditActor,
  input: AcceptOrderInput,
  now: Date,
): Promise<{ ok: true } | ({ ok: false } & OrderRefusal)> {
  const { db } = context.database;
  const { contract } = context;
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) return { ok: false, reason: "not_found" };
  const item = contract.catalogue.items.find((i) => i.id === order.catalogueItemId);
  if (item?.kind !== "cloud") return { ok: false, reason: "not_a_cloud_account" };
  const [taken] = await db
    .select({ organisationId: vendorAccounts.organisationId })
    .from(vendorAccounts)
    .where(
      and(
        eq(vendorAccounts.catalogueItemId, item.id),
        eq(vendorAccounts.vendorAccountId, input.vendorAccountId),
      ),
    );
  if (taken) return { ok: false, reason: "vendor_account_taken", vendorAccountId: input.vendorAccountId };
  const consoleUrl = input.consoleUrl ?? item.vendor?.consoleUrl ?? "";
  const moved = await moveOrder(db, order.id, ["submitted"], {
    status: "accepted",
    decidedByUserId: actor.userId,
    decidedAt: now,
  });
  if (!moved.ok) return moved;
  const clause = orDeploymentRule(contract.commitments.contractStart?.clause);
  const startsOn = localDateIn(now, timeZoneOf(contract));
  const subscriptionId = await startOrdered(context, actor, moved.order, startsOn, clause, now);
  await db.insert(vendorAccounts).values({
    organisationId: order.organisationId,
    catalogueItemId: item.id,
    vendorAccountId: input.vendorAccountId,
    billingAccountId: input.billingAccountId ?? null,
    consoleUrl,
    orderId: order.id,
    subscriptionId,
    createdAt: now,
    createdByUserId: actor.userId,
  });
  await confirmRegistration(context, order, { service: item.name.fr, ...input, consoleUrl }, clause, now);
  await recordAudit(
    db,
    actor,
    {
      action: "order.accept",
      organisationId: order.organisationId,
      targetType: "order",
      targetId: order.id,
      data: {
        reference: order.reference,
        catalogueItemId: item.id,
        vendorAccountId: input.vendorAccountId,
        billingAccountId: input.billingAccountId ?? null,
        consoleUrl,
        startsOn,
        clauses: [clause, orDeploymentRule(contract.commitments.serviceStart?.clause)],
      },
    },
    now,
  );
  return { ok: true };
}

/**
 * The confirmation of registration to each administrator of the customer (MCR-ACC-01, MCR 6.1):
 * with a fresh single-use link to set a password for those who have not set one yet.
 */
async function confirmRegistration(
  context: AppContext,
  order: typeof orders.$inferSelect,
  account: { service: string; vendorAccountId: string; consoleUrl: string },
  clause: string,
  now: Date,
): Promise<void> {
  const { db } = context.database;
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, order.organisationId));
  const admins = await db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, order.organisationId), inArray(users.status, ["invited", "active"])));
  const accepted = {
    organisationName: organisation?.name ?? "",
    reference: order.reference,
    service: account.service,
    vendorAccountId: account.vendorAccountId,
    consoleUrl: account.consoleUrl,
  };
  for (const admin of admins.filter((u) => u.roles.includes("customer_admin"))) {
    const common = {
      organisationId: order.organisationId,
      to: admin.email,
      locale: admin.locale,
      clause,
      ...deploymentMail(context, now),
    };
    if (admin.status === "invited") {
      const { link, expiresAt } = await issueLink(
        db,
        context.contract,
        context.config.PUBLIC_URL,
        { userId: admin.id, organisationId: order.organisationId, purpose: "invitation" },
        now,
      );
      await enqueueMail(db, {
        ...common,
        kind: "registration_confirmed",
        params: { ...accepted, firstName: admin.firstName, link, expiresAt },
      });
    } else {
      await enqueueMail(db, {
        ...common,
        kind: "registration_confirmed_signed_in",
        params: { ...accepted, firstName: admin.firstName },
      });
    }
  }
}
