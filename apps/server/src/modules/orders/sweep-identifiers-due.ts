import { type Db, orders, organisations, users } from "@guichet/db";
import { type Contract, orDeploymentRule } from "@guichet/domain";
import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { calendarOf } from "../../contract/calendars.js";
import { recordAudit, systemActor } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";

/** The clause of the identifiers' deadline (DSN annex 4: DSN-ID-02 in DSN's file), from the contract. */
export function identifiersClause(contract: Contract): string {
  return orDeploymentRule(contract.identifierPolicy.identifiersSentWithin?.clause);
}

const SYSTEM = systemActor("Guichet (orders)");
const BATCH = 200;

/**
 * Warns the provider's administrators and account managers once, one working day before the
 * identifiers of a received order form are due and while they are not marked sent (DSN-ID-02:
 * 5 working days from the reception). Idempotent: a warned order is no longer a candidate, and
 * each candidate is re-read on its locked row.
 */
export async function sweepIdentifiersDue(context: AppContext, now: Date): Promise<Record<string, number>> {
  const { db } = context.database;
  const { contract } = context;
  const sentWithin = contract.identifierPolicy.identifiersSentWithin;
  if (!sentWithin) return { warned: 0 };
  const calendar = calendarOf(contract, sentWithin.calendar);
  // One working day ahead can be several calendar days (a weekend, a holiday): read up to a week.
  const horizon = new Date(now.getTime() + 7 * 86_400_000);
  const candidates = await db
    .select({ id: orders.id, dueAt: orders.identifiersDueAt })
    .from(orders)
    .where(
      and(
        isNotNull(orders.identifiersDueAt),
        isNull(orders.identifiersSentAt),
        isNull(orders.identifiersWarnedAt),
        lte(orders.identifiersDueAt, horizon),
      ),
    )
    .orderBy(asc(orders.identifiersDueAt))
    .limit(BATCH);
  const warnFrom = calendar.addBusinessDays(now.getTime(), 1);
  let warned = 0;
  for (const candidate of candidates) {
    if (!candidate.dueAt || candidate.dueAt.getTime() > warnFrom) continue;
    const did = await db.transaction(async (tx) => warnOnce(context, tx as unknown as Db, candidate.id, now));
    if (did) warned++;
  }
  return { warned };
}

async function warnOnce(context: AppContext, tx: Db, orderId: string, now: Date): Promise<boolean> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order?.identifiersDueAt || order.identifiersSentAt || order.identifiersWarnedAt || !order.receivedAt)
    return false;
  const [customer] = await tx.select().from(organisations).where(eq(organisations.id, order.organisationId));
  const staff = await tx
    .select({ user: users })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(organisations.kind, "provider"), eq(users.status, "active")));
  const service =
    context.contract.catalogue.items.find((i) => i.id === order.catalogueItemId)?.name.fr ??
    order.catalogueItemId;
  const recipients = staff
    .map((s) => s.user)
    .filter((u) => u.roles.some((r) => r === "admin" || r === "account_manager"));
  for (const person of recipients) {
    await enqueueMail(tx, {
      organisationId: null,
      kind: "identifiers_due_warning",
      to: person.email,
      locale: person.locale,
      params: {
        firstName: person.firstName,
        organisationName: customer?.name ?? "",
        reference: order.reference,
        service,
        receivedAt: order.receivedAt,
        dueAt: order.identifiersDueAt,
      },
      clause: identifiersClause(context.contract),
      ...deploymentMail(context, now),
    });
  }
  await tx.update(orders).set({ identifiersWarnedAt: now }).where(eq(orders.id, orderId));
  await recordAudit(
    tx,
    SYSTEM,
    {
      action: "order.identifiers_warning",
      organisationId: order.organisationId,
      targetType: "order",
      targetId: order.id,
      data: {
        reference: order.reference,
        dueAt: order.identifiersDueAt.toISOString(),
        recipients: recipients.length,
        clause: identifiersClause(context.contract),
      },
    },
    now,
  );
  return true;
}
