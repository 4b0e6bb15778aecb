import {
  customerDetails,
  type Db,
  orderDocuments,
  orders,
  organisations,
  subscriptions,
  wholesaleContracts,
} from "@guichet/db";
import { decideEligibility, localDateIn } from "@guichet/domain";
import { and, count, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import { renderOrderForm, sha256Of } from "./order-form-pdf.js";
import type { OrderRefusal } from "./order-refusal.js";
import { planChangeClause, supportPlanHeld } from "./support-plan-held.js";

/** What ordering reads of the application: its contract and database (the demo seed gives them too). */
export type OrderContext = Pick<AppContext, "contract"> & { database: { db: Db } };

export interface SubmitOrderInput {
  organisationId: string;
  catalogueItemId: string;
  idempotencyKey: string;
  /** MCR: the support plan (Basic by default, MCR 8.2.1) and tenancy (MCR 8.2.4). */
  supportPlan?: string;
  tenancy?: "single" | "multi";
  /** MCR: the vendor's conditions the person accepted, as the portal showed them (MCR 4). */
  vendorTerms?: { accepted: boolean; url: string };
  orderedBy: { userId: string; name: string };
}

export type SubmitOutcome = { ok: true; orderId: string; replayed: boolean } | ({ ok: false } & OrderRefusal);

const PENDING = ["submitted", "awaiting_signature", "received", "accepted"] as const;

/**
 * Submits an order (issue 16), once per idempotency key: the same key again answers the order it
 * made (a second click), another item under that key is refused. MCR (MCR 5.1, 6.1, 7): a cloud
 * account with its vendor's conditions accepted — which text, URL, who, when are recorded — a
 * support plan and a tenancy, waiting for the provider's acceptance. DSN (DSN art. 5): an e-service
 * the operator's wholesale contracts allow (DSN-ORD-01), whose order form is generated as a PDF
 * from the catalogue and the specific conditions in force, waiting for its signature.
 */
export async function submitOrder(
  context: OrderContext,
  actor: AuditActor,
  input: SubmitOrderInput,
  now: Date,
): Promise<SubmitOutcome> {
  const { db } = context.database;
  const { contract } = context;
  // One order at a time per organisation: the idempotency check, the pending check and the
  // reference's number cannot interleave.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`orders:${input.organisationId}`}))`);
  const [seen] = await db
    .select()
    .from(orders)
    .where(
      and(eq(orders.organisationId, input.organisationId), eq(orders.idempotencyKey, input.idempotencyKey)),
    );
  if (seen) {
    return seen.catalogueItemId === input.catalogueItemId
      ? { ok: true, orderId: seen.id, replayed: true }
      : { ok: false, reason: "idempotency_mismatch", reference: seen.reference };
  }
  const item = contract.catalogue.items.find((i) => i.id === input.catalogueItemId);
  if (!item) return { ok: false, reason: "unknown_item", item: input.catalogueItemId };
  const ordering = contract.catalogue.ordering;
  // No ordering stated (issue 23): nothing is orderable through the portal.
  if (!ordering) return { ok: false, reason: "not_orderable", item: item.id };
  const orderForm = ordering.requires === "signed-order-form";
  if (item.included || item.kind !== (orderForm ? "e-service" : "cloud")) {
    return { ok: false, reason: "not_orderable", item: item.id };
  }
  const today = localDateIn(now, timeZoneOf(contract));
  const [pending] = await db
    .select({ reference: orders.reference })
    .from(orders)
    .where(
      and(
        eq(orders.organisationId, input.organisationId),
        eq(orders.catalogueItemId, item.id),
        inArray(orders.status, [...PENDING]),
      ),
    );
  const [held] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.organisationId, input.organisationId),
        eq(subscriptions.catalogueItemId, item.id),
        isNull(subscriptions.endsOn),
      ),
    );
  if (pending || held)
    return { ok: false, reason: "already_ordered", reference: pending?.reference ?? item.id };

  const contracts = await db
    .select()
    .from(wholesaleContracts)
    .where(eq(wholesaleContracts.organisationId, input.organisationId));
  const eligibility = decideEligibility(ordering.eligibility, contracts, item.id, today, ordering.clause);
  if (!eligibility.eligible) {
    return {
      ok: false,
      reason: "not_eligible",
      item: item.name.fr,
      clause: eligibility.clause,
      held: eligibility.heldContracts.join(", ") || "—",
    };
  }

  let mcr: Partial<typeof orders.$inferInsert> = {};
  if (!orderForm) {
    const termsUrl = item.vendor?.termsUrl ?? "";
    if (!input.vendorTerms?.accepted || input.vendorTerms.url !== termsUrl) {
      return { ok: false, reason: "vendor_terms_not_accepted", url: termsUrl, clause: item.clause };
    }
    const held = await supportPlanHeld(db, contract, input.organisationId, today);
    const plan = input.supportPlan ?? held ?? contract.defaultSupportPlan;
    if (!contract.supportPlans[plan]) return { ok: false, reason: "unknown_plan", plan };
    if (held && plan !== held) {
      const name = (id: string) => contract.supportPlans[id]?.name.fr ?? id;
      return {
        ok: false,
        reason: "plan_held",
        plan: name(plan),
        held: name(held),
        clause: planChangeClause(contract, held),
      };
    }
    mcr = {
      supportPlan: plan,
      tenancy: input.tenancy ?? "single",
      vendorTermsTitle: `${item.vendor?.name ?? item.name.fr} — conditions du fournisseur`,
      vendorTermsUrl: termsUrl,
      // The vendor publishes its conditions at a fixed address and changes them there (MCR 4): the
      // version recorded is the contract file's that pointed to them, with the day they were read.
      vendorTermsVersion: `${contract.id} ${contract.version}, consultées le ${today}`,
      vendorTermsAcceptedByUserId: input.orderedBy.userId,
      vendorTermsAcceptedAt: now,
    };
  }

  const year = today.slice(0, 4);
  const [numbered] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.organisationId, input.organisationId), like(orders.reference, `BC-${year}-%`)));
  const reference = `BC-${year}-${String((numbered?.n ?? 0) + 1).padStart(4, "0")}`;
  const [order] = await db
    .insert(orders)
    .values({
      organisationId: input.organisationId,
      reference,
      catalogueItemId: item.id,
      status: orderForm ? "awaiting_signature" : "submitted",
      idempotencyKey: input.idempotencyKey,
      orderedByUserId: input.orderedBy.userId,
      orderedAt: now,
      ...mcr,
    })
    .returning({ id: orders.id });
  if (!order) throw new Error("insert returned no row");

  let sha256: string | null = null;
  if (orderForm) {
    const pdf = await orderFormOf(context, db, input, reference, item, today, now);
    sha256 = sha256Of(pdf);
    await db.insert(orderDocuments).values({
      orderId: order.id,
      organisationId: input.organisationId,
      kind: "order_form",
      sha256,
      content: pdf,
      createdAt: now,
    });
  }
  await recordAudit(
    db,
    actor,
    {
      action: "order.submit",
      organisationId: input.organisationId,
      targetType: "order",
      targetId: order.id,
      data: {
        reference,
        catalogueItemId: item.id,
        eligibility: eligibility.basis,
        ...(orderForm
          ? { orderFormSha256: sha256 }
          : {
              supportPlan: mcr.supportPlan,
              tenancy: mcr.tenancy,
              vendorTermsUrl: mcr.vendorTermsUrl,
              vendorTermsVersion: mcr.vendorTermsVersion,
            }),
      },
    },
    now,
  );
  return { ok: true, orderId: order.id, replayed: false };
}

async function orderFormOf(
  context: OrderContext,
  db: Db,
  input: SubmitOrderInput,
  reference: string,
  item: AppContext["contract"]["catalogue"]["items"][number],
  today: string,
  now: Date,
): Promise<Buffer> {
  const { contract } = context;
  const [operator] = await db
    .select({ name: organisations.name, number: organisations.registrationNumber, details: customerDetails })
    .from(organisations)
    .leftJoin(customerDetails, eq(customerDetails.organisationId, organisations.id))
    .where(eq(organisations.id, input.organisationId));
  const conditions = await readConditionsInForce(db, item.id, today);
  const details = operator?.details;
  return renderOrderForm({
    reference,
    orderedAt: now,
    provider: {
      legalName: contract.provider.legalName ?? contract.provider.name,
      registrationNumber: contract.provider.registrationNumber ?? "—",
    },
    operator: {
      legalName: operator?.name ?? "—",
      siren: details ? details.siren : (operator?.number ?? null),
      registrationNumber: details?.registrationNumber ?? null,
      vatNumber: details?.vatNumber ?? null,
      billingAddress: details
        ? `${details.billingAddress}, ${details.billingPostalCode} ${details.billingCity}${details.billingCountry === "FR" ? "" : ` (${details.billingCountry})`}`
        : null,
    },
    service: { name: item.name.fr, description: item.description?.fr ?? null },
    conditions,
    currency: contract.currency,
    contractTitle: contract.title.fr,
    contractEdition: contract.edition ?? contract.version,
    orderedBy: input.orderedBy.name,
  });
}
