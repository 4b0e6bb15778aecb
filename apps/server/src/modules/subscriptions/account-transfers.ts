import { accountTransferRequests, type Db, staffTasks, terminations } from "@guichet/db";
import { type Contract, orDeploymentRule } from "@guichet/domain";
import { and, eq, isNull } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * The clause of reversibility (MCR 5.4.2: MCR-ORD-03 in MCR's file), from the contract's
 * commitments; the deployment's own rule where the contract has none (GEN-02).
 */
export function transferClause(contract: Contract): string {
  return orDeploymentRule(contract.commitments.reversibility?.clause);
}

/**
 * The customer asks for its cloud accounts to be transferred to itself or a third party, "dans
 * le cadre de la résiliation du Service" (MCR 5.4.2, MCR-ORD-03): only once a termination of its
 * contract is recorded. Answered by staff with a quote.
 */
export async function requestAccountTransfer(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; recipient: string },
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false; reason: "no_termination" }> {
  const [terminated] = await tx
    .select({ id: terminations.id })
    .from(terminations)
    .where(and(eq(terminations.organisationId, input.organisationId), eq(terminations.scope, "contract")))
    .limit(1);
  if (!terminated) return { ok: false, reason: "no_termination" };
  const [row] = await tx
    .insert(accountTransferRequests)
    .values({
      organisationId: input.organisationId,
      recipient: input.recipient,
      requestedAt: now,
      requestedBy: actor.userId,
    })
    .returning({ id: accountTransferRequests.id });
  const id = (row as { id: string }).id;
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.transfer_request",
      organisationId: input.organisationId,
      targetType: "account_transfer_request",
      targetId: id,
      data: { recipient: input.recipient, clause: transferClause(contract) },
    },
    now,
  );
  return { ok: true, id };
}

/** Staff answer a transfer request with a quote (MCR 5.4.2 "facturable selon devis"), once. */
export async function quoteAccountTransfer(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; requestId: string; quoteCents: number; quoteText: string },
  now: Date,
): Promise<"answered" | "not_found" | "already_answered"> {
  const [request] = await tx
    .select()
    .from(accountTransferRequests)
    .where(
      and(
        eq(accountTransferRequests.id, input.requestId),
        eq(accountTransferRequests.organisationId, input.organisationId),
      ),
    )
    .for("update");
  if (!request) return "not_found";
  if (request.answeredAt) return "already_answered";
  await tx
    .update(accountTransferRequests)
    .set({
      quoteCents: input.quoteCents,
      quoteText: input.quoteText,
      answeredAt: now,
      answeredBy: actor.userId,
    })
    .where(eq(accountTransferRequests.id, request.id));
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.transfer_quote",
      organisationId: input.organisationId,
      targetType: "account_transfer_request",
      targetId: request.id,
      data: { quoteCents: input.quoteCents, clause: transferClause(contract) },
    },
    now,
  );
  return "answered";
}

/** Staff mark a task done (MCR-ORD-02: the vendor was notified), once, by name. */
export async function completeStaffTask(
  tx: Db,
  actor: AuditActor,
  input: { organisationId: string; taskId: string },
  now: Date,
): Promise<"done" | "not_found"> {
  const [task] = await tx
    .update(staffTasks)
    .set({ doneAt: now, doneBy: actor.userId })
    .where(
      and(
        eq(staffTasks.id, input.taskId),
        eq(staffTasks.organisationId, input.organisationId),
        isNull(staffTasks.doneAt),
      ),
    )
    .returning({ id: staffTasks.id, clause: staffTasks.clause, item: staffTasks.catalogueItemId });
  if (!task) return "not_found";
  await recordAudit(
    tx,
    actor,
    {
      action: "staff_task.done",
      organisationId: input.organisationId,
      targetType: "staff_task",
      targetId: task.id,
      data: { catalogueItemId: task.item, clause: task.clause },
    },
    now,
  );
  return "done";
}
