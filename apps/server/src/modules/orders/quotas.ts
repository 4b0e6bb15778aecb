import { type Db, quotaRequests, resourceQuotas } from "@guichet/db";
import { type Contract, contractRules, orDeploymentRule } from "@guichet/domain";
import { and, asc, eq } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/** The clause of quotas (MCR 9.1: MCR-ORD-04 in MCR's file); the deployment's own rule where none. */
const quotaClause = (contract: Contract) => orDeploymentRule(contractRules(contract).quotas);

export type QuotaRefusal =
  | { reason: "not_a_vendor"; item: string; clause: string }
  | { reason: "not_found" }
  | { reason: "not_an_increase"; maximum: number }
  | { reason: "request_decided"; status: string };

/**
 * The provider sets the maximum of a resource for a customer and a cloud vendor (MCR 9.1,
 * MCR-ORD-04): a new quota, or a new maximum for an existing one, audited with the value before.
 */
export async function setQuota(
  db: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; catalogueItemId: string; resource: string; maximum: number },
  now: Date,
): Promise<{ ok: true; quotaId: string } | ({ ok: false } & QuotaRefusal)> {
  const item = contract.catalogue.items.find((i) => i.id === input.catalogueItemId);
  if (item?.kind !== "cloud")
    return { ok: false, reason: "not_a_vendor", item: input.catalogueItemId, clause: quotaClause(contract) };
  const [before] = await db
    .select()
    .from(resourceQuotas)
    .where(
      and(
        eq(resourceQuotas.organisationId, input.organisationId),
        eq(resourceQuotas.catalogueItemId, input.catalogueItemId),
        eq(resourceQuotas.resource, input.resource),
      ),
    )
    .for("update");
  const [row] = before
    ? await db
        .update(resourceQuotas)
        .set({ maximum: input.maximum, setByUserId: actor.userId, setAt: now })
        .where(eq(resourceQuotas.id, before.id))
        .returning({ id: resourceQuotas.id })
    : await db
        .insert(resourceQuotas)
        .values({ ...input, setByUserId: actor.userId, setAt: now })
        .returning({ id: resourceQuotas.id });
  if (!row) throw new Error("quota not written");
  await recordAudit(
    db,
    actor,
    {
      action: "quota.set",
      organisationId: input.organisationId,
      targetType: "resource_quota",
      targetId: row.id,
      data: { ...input, previousMaximum: before?.maximum ?? null, clause: quotaClause(contract) },
    },
    now,
  );
  return { ok: true, quotaId: row.id };
}

/** The customer asks for a higher maximum (MCR 9.1 "ajusté à la demande du Client"), audited. */
export async function requestQuotaIncrease(
  db: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; quotaId: string; requestedMaximum: number; reason: string },
  now: Date,
): Promise<{ ok: true; requestId: string } | ({ ok: false } & QuotaRefusal)> {
  const [quota] = await db
    .select()
    .from(resourceQuotas)
    .where(
      and(eq(resourceQuotas.id, input.quotaId), eq(resourceQuotas.organisationId, input.organisationId)),
    );
  if (!quota) return { ok: false, reason: "not_found" };
  if (input.requestedMaximum <= quota.maximum)
    return { ok: false, reason: "not_an_increase", maximum: quota.maximum };
  const [row] = await db
    .insert(quotaRequests)
    .values({ ...input, requestedByUserId: actor.userId ?? "", requestedAt: now })
    .returning({ id: quotaRequests.id });
  if (!row) throw new Error("quota request not written");
  await recordAudit(
    db,
    actor,
    {
      action: "quota.request",
      organisationId: input.organisationId,
      targetType: "quota_request",
      targetId: row.id,
      data: { ...input, currentMaximum: quota.maximum, clause: quotaClause(contract) },
    },
    now,
  );
  return { ok: true, requestId: row.id };
}

/**
 * The provider accepts (the quota rises to the maximum asked) or refuses a request, once: of two
 * decisions at once, the second finds it decided ("sous réserve d'acceptation par le Prestataire").
 */
export async function decideQuotaRequest(
  db: Db,
  contract: Contract,
  actor: AuditActor,
  input: { requestId: string; accept: boolean; reason: string },
  now: Date,
): Promise<{ ok: true; organisationId: string } | ({ ok: false } & QuotaRefusal)> {
  const [decided] = await db
    .update(quotaRequests)
    .set({
      status: input.accept ? "accepted" : "refused",
      decidedByUserId: actor.userId,
      decidedAt: now,
      decisionReason: input.reason,
    })
    .where(and(eq(quotaRequests.id, input.requestId), eq(quotaRequests.status, "pending")))
    .returning();
  if (!decided) {
    const [current] = await db.select().from(quotaRequests).where(eq(quotaRequests.id, input.requestId));
    return current
      ? { ok: false, reason: "request_decided", status: current.status }
      : { ok: false, reason: "not_found" };
  }
  if (input.accept)
    await db
      .update(resourceQuotas)
      .set({ maximum: decided.requestedMaximum, setByUserId: actor.userId, setAt: now })
      .where(eq(resourceQuotas.id, decided.quotaId));
  await recordAudit(
    db,
    actor,
    {
      action: input.accept ? "quota.request_accept" : "quota.request_refuse",
      organisationId: decided.organisationId,
      targetType: "quota_request",
      targetId: decided.id,
      data: {
        requestedMaximum: decided.requestedMaximum,
        reason: input.reason,
        clause: quotaClause(contract),
      },
    },
    now,
  );
  return { ok: true, organisationId: decided.organisationId };
}

/** A customer's quotas, each with its requests, oldest first. */
export async function listQuotas(db: Db, organisationId: string) {
  const quotas = await db
    .select()
    .from(resourceQuotas)
    .where(eq(resourceQuotas.organisationId, organisationId))
    .orderBy(asc(resourceQuotas.catalogueItemId), asc(resourceQuotas.resource));
  const requests = await db
    .select()
    .from(quotaRequests)
    .where(eq(quotaRequests.organisationId, organisationId))
    .orderBy(asc(quotaRequests.requestedAt));
  return quotas.map((q) => ({
    id: q.id,
    catalogueItemId: q.catalogueItemId,
    resource: q.resource,
    maximum: q.maximum,
    setAt: q.setAt.toISOString(),
    requests: requests
      .filter((r) => r.quotaId === q.id)
      .map((r) => ({
        id: r.id,
        requestedMaximum: r.requestedMaximum,
        reason: r.reason,
        status: r.status,
        requestedAt: r.requestedAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decisionReason: r.decisionReason,
      })),
  }));
}
